"""What if a court decided one point the other way? Every single-statement what-if on an issue.

For each accepted statement of the chosen issue's doctrine, reject it and report whether the
issue's outcome changes. This is the question a student asks of a map before an exam: which
premises carry the result, and which are only belt and braces.

Run: python examples/what_if.py [ISSUE]      (default: C0, conditions on federal funds)
"""

from __future__ import annotations

import sys

import argmap as am


def pivotal(m: am.ArgumentMap, issue: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The statements whose rejection changes the issue's outcome: (id, new status, winners)."""
    ev = am.evaluate(m)
    before = ev.outcome(issue)
    doctrines = list(m.statement(issue).doctrines)
    ids = [s.id for d in doctrines for s in m.by_doctrine(d)]
    answers = {c.id for c in m.answers(issue)}
    result = []
    for ident in dict.fromkeys(ids):
        if ident == issue or ident in answers or ev.status(ident) != "accepted":
            continue
        after = am.evaluate(m, reject=[ident]).outcome(issue)
        if (after.status, after.winners) != (before.status, before.winners):
            result.append((ident, after.status, after.winners))
    return result


def main(issue: str) -> None:
    m = am.casebook.load("sanctuary")
    ev = am.evaluate(m)
    outcome = ev.outcome(issue)
    print(f"{issue}: {outcome.status}; prevailing: {', '.join(outcome.winners) or 'none'}")
    found = pivotal(m, issue)
    if not found:
        print("No single rejection changes the outcome.")
    for ident, status, winners in found:
        text = m.statement(ident).title or m.statement(ident).text
        print(f"reject {ident} ({text}): {status}; prevailing: {', '.join(winners) or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "C0")
