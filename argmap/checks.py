"""``check_map``: the problems a careful reader of an argument map would flag.

Errors make ``argmap check`` exit 1; warnings and infos are advice.

========================  ========  ===================================================
code                      severity  meaning
========================  ========  ===================================================
support-cycle             error     statements support each other in a circle
unsupported-claim         warning   a claim with no premise and no authority
uncited-premise           warning   a premise with no authority and no sub-premise
unverified-authority      warning   a cited authority is marked unverified (once per authority)
one-sided-issue           warning   only one party has claims answering an issue
unanswered-issue          warning   an issue no claim answers
idle-statement            warning   a premise, rebuttal or undercutter that bears on nothing
orphan-authority          info      an authority no statement cites
no-statements             warning   the map has no statements (an empty or null ``statements:``)
========================  ========  ===================================================

Dangling ids cannot exist in a map built through the API (the builders refuse
them); in files they are load errors, reported with their line by ``argmap check``.

Example:
    >>> from argmap.graph import ArgumentMap
    >>> m = ArgumentMap(parties={"a": "A", "b": "B"})
    >>> q = m.issue("?"); _ = m.claim("x", party="a", answers=q)
    >>> sorted(p.code for p in check_map(m))
    ['one-sided-issue', 'unsupported-claim']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Claim, Inference, Issue, Premise, Rebuttal, Undercutter
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .graph import ArgumentMap

__all__ = ["check_map"]


def check_map(m: ArgumentMap) -> list[Problem]:
    """Every problem in ``m``, sorted by line (when loaded from a file), then severity.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
        >>> [(p.code, p.node) for p in check_map(m)]
        [('uncited-premise', 'P1')]
    """
    found: list[Problem] = []

    def add(
        severity: Severity,
        code: str,
        message: str,
        node: str,
        field: str | None = None,
        line_key: str | None = None,
    ) -> None:
        found.append(
            Problem(
                severity,
                code,
                message,
                node=node,
                field=field,
                source=m.source,
                line=m.lines.get(line_key or node),
            )
        )

    if not m.statements:
        # the native reader keeps the line of the 'statements:' key under "#statements"
        found.append(
            Problem(
                "warning",
                "no-statements",
                "the map has no statements; add them under 'statements:'",
                source=m.source,
                line=m.lines.get("#statements"),
            )
        )

    found.extend(_cycles(m))
    for stmt in m:
        has_inference = bool(m.inferences_for(stmt))
        if isinstance(stmt, Claim) and not has_inference and not stmt.cites:
            add(
                "warning",
                "unsupported-claim",
                "claim has no premise and cites no authority",
                stmt.id,
            )
        if isinstance(stmt, Premise) and not stmt.cites and not has_inference:
            add(
                "warning",
                "uncited-premise",
                "premise cites no authority and has no sub-premise",
                stmt.id,
                "cites",
            )
        if isinstance(stmt, Premise | Rebuttal | Undercutter) and not m.relations_from(stmt):
            add(
                "warning",
                "idle-statement",
                f"this {stmt.kind} supports or attacks nothing",
                stmt.id,
            )
        if isinstance(stmt, Issue):
            claims = m.answers(stmt)
            if not claims and not m.sub_issues(stmt):
                add("warning", "unanswered-issue", "no claim answers this issue", stmt.id)
            else:
                sides = {c.party for c in claims if c.party}
                if len(m.parties) > 1 and len(sides) == 1:
                    (only,) = sides
                    add(
                        "warning",
                        "one-sided-issue",
                        f"only {only!r} has claims answering this issue; map the other "
                        "side's answer too",
                        stmt.id,
                    )
    citing: dict[str, list[str]] = {}
    for s in m:
        for c in s.cites:
            citing.setdefault(c.authority, []).append(s.id)
    for auth in m.authorities.values():
        users = citing.get(auth.id)
        if not users:
            # the native reader keeps an authority's line under "@" + its id
            add(
                "info",
                "orphan-authority",
                "no statement cites this authority",
                auth.id,
                line_key="@" + auth.id,
            )
        elif not auth.verified:
            shown = ", ".join(users[:5]) + (f" and {len(users) - 5} more" if len(users) > 5 else "")
            add(
                "warning",
                "unverified-authority",
                f"marked unverified and cited by {shown}; check it before relying on it",
                auth.id,
                line_key="@" + auth.id,
            )
    return sorted(found, key=Problem.sort_key)


def _cycles(m: ArgumentMap) -> list[Problem]:
    """Support cycles, each reported once at its first statement in map order."""
    succ: dict[str, list[str]] = {}
    for rel in m.relations.values():
        if isinstance(rel, Inference):
            for p in rel.premises:
                succ.setdefault(p, []).append(rel.conclusion)
    order = {sid: i for i, sid in enumerate(m.statements)}
    state: dict[str, int] = {}  # 1 = on stack, 2 = done
    problems: list[Problem] = []
    for root in m.statements:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            nexts = succ.get(node, [])
            if i < len(nexts):
                stack.append((node, i + 1))
                nxt = nexts[i]
                if state.get(nxt) == 1:
                    cycle = path[path.index(nxt) :]
                    first = min(cycle, key=order.__getitem__)
                    problems.append(
                        Problem(
                            "error",
                            "support-cycle",
                            "statements support each other in a circle: "
                            + " -> ".join([*cycle, nxt]),
                            node=first,
                            source=m.source,
                            line=m.lines.get(first),
                        )
                    )
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return problems
