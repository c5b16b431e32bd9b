"""Plain-English explanations of an evaluation: why a node has its status.

Each explanation is one sentence built from the map's structure and the labels:
the support a statement has (or lacks), the attacks on it and why they succeed
or fail, the audience's choices, and the proof standard of its issue. Reasons
for the nodes it mentions go one level deep, so the sentence stays short.

Example:
    >>> from argmap import ArgumentMap, evaluate
    >>> m = ArgumentMap(); c = m.claim("x", id="C"); p = m.premise("y", id="P", supports=c)
    >>> u = m.undercutter("y is beside the point", id="U", undercuts=p)
    >>> print(evaluate(m).explain("C"))
    C is rejected: its only supporting inference is undercut by U, which is accepted because nothing attacks it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .model import Conflict, Inference, Issue, Statement

if TYPE_CHECKING:
    from .evaluation import Evaluation, IssueOutcome, Status
    from .graph import ArgumentMap

__all__ = ["explain", "md_escape", "outcome_sentence"]


def md_escape(text: str) -> str:
    """Escape Markdown's special characters (for tables in notebooks).

    Example:
        >>> md_escape("*a* | [b]")
        '\\\\*a\\\\* \\\\| \\\\[b\\\\]'
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>])", r"\\\1", text).replace("\n", " ")


def _list(ids: list[str]) -> str:
    if len(ids) <= 2:
        return " and ".join(ids)
    return ", ".join(ids[:-1]) + ", and " + ids[-1]


def _short(ev: Evaluation, ident: str, relative: bool = True) -> str:
    """', which is accepted because nothing attacks it' (or ' is accepted ...')."""
    status = ev.labels[ident]
    m = ev.map
    if ident in ev.assumed:
        predicate = "is assumed by the audience"
    elif ident in ev.rejected:
        predicate = "is rejected by the audience"
    elif status == "accepted" and not m.conflicts_against(ident) and not m.inferences_for(ident):
        predicate = f"is {status} because nothing attacks it"
    else:
        predicate = f"is {status}"
    return (", which " if relative else " ") + predicate


def explain(ev: Evaluation, ident: str) -> str:
    """Why ``ident`` has its status in ``ev``, in one sentence.

    Example:
        >>> from argmap import ArgumentMap, evaluate
        >>> m = ArgumentMap(); a = m.claim("a", id="A"); b = m.claim("b", id="B", attacks=a)
        >>> _ = m.attack(a, b); print(explain(evaluate(m), "A"))
        A is undecided: it and B attack each other and neither prevails under grounded semantics.
    """
    m = ev.map
    node = m.node(ident)
    status = ev.labels[ident]
    if isinstance(node, Issue):
        return ev.outcomes[ident].explanation
    if isinstance(node, Inference):
        return _explain_inference(ev, node, status)
    if isinstance(node, Conflict):
        return _explain_conflict(ev, node, status)
    return _explain_statement(ev, node, status)


def _position(ev: Evaluation, stmt: Statement) -> IssueOutcome | None:
    answers = getattr(stmt, "answers", None)
    if answers is None:
        return None
    outcome = ev.outcomes.get(answers)
    if outcome is None or outcome.standard is None:
        return None
    return outcome


def _explain_statement(ev: Evaluation, stmt: Statement, status: Status) -> str:
    m = ev.map
    sid = stmt.id
    head = f"{sid} is {status}: "
    if sid in ev.assumed:
        over = [k.attacker for k in m.conflicts_against(sid)]
        extra = f"; the attacks by {_list(over)} do not count against it" if over else ""
        return f"{head}the audience assumes it (assume=){extra}."
    if sid in ev.rejected:
        return f"{sid} is rejected by the audience (reject=)."
    outcome = _position(ev, stmt)
    if outcome is not None and sid in outcome.weights:
        pro, con = outcome.weights[sid]
        std = outcome.standard
        weighed = f"(strongest argument for it {pro:g}, against it {con:g})"
        if status == "accepted" and sid in outcome.winners:
            return f"{head}it meets the {std} standard on issue {outcome.issue} {weighed}."
        if status == "rejected" and outcome.winners and sid not in outcome.winners:
            return (
                f"{head}it fails the {std} standard on issue {outcome.issue}, where "
                f"{_list(list(outcome.winners))} prevails {weighed}."
            )
    attacks = m.conflicts_against(sid)
    inferences = m.inferences_for(sid)
    if status == "rejected":
        winning = [k for k in attacks if ev.labels[k.id] == "accepted"]
        if winning:
            k = winning[0]
            return (
                f"{head}{k.attacker} attacks it, and {k.attacker}{_short(ev, k.attacker, False)}."
            )
        if inferences:
            return head + _why_no_support(ev, inferences) + "."
        if ev.leaves == "questioned":
            return f"{head}no argument supports it and the audience does not assume it."
        return f"{head}nothing supports it."
    if status == "accepted":
        parts = []
        good = [i for i in inferences if ev.labels[i.id] == "accepted"]
        if good:
            parts.append(f"its inference from {_list(list(good[0].premises))} holds")
        elif not attacks:
            return f"{head}nothing attacks it."
        else:
            parts.append("it is taken as given")
        for k in attacks:
            parts.append(_why_attack_fails(ev, k, sid))
        return head + ", and ".join(parts) + "."
    # undecided
    undecided = [k for k in attacks if ev.labels[k.id] == "undecided"]
    if undecided:
        k = undecided[0]
        if sid in {c.target for c in m.conflicts_against(k.attacker)} or any(
            c.target == k.attacker for c in m.relations_from(sid) if isinstance(c, Conflict)
        ):
            return (
                f"{head}it and {k.attacker} attack each other and neither prevails under "
                f"{ev.semantics} semantics."
            )
        return f"{head}whether {k.attacker}'s attack on it succeeds is itself undecided."
    if outcome is not None and not outcome.winners:
        pro, con = outcome.weights.get(sid, (0.0, 0.0))
        return (
            f"{head}on issue {outcome.issue} no position meets the {outcome.standard} "
            f"standard (strongest argument for it {pro:g}, against it {con:g})."
        )
    circle = _support_circle(ev.map, sid)
    if circle:
        return (
            f"{head}its support runs in a circle ({' <- '.join(circle)}) and never reaches "
            "a statement that stands on its own."
        )
    if ev.extensions > 1:
        return f"{head}it is accepted in some {ev.semantics} extensions but not in all."
    if ev.extensions == 0:
        return f"{head}the framework has no {ev.semantics} extension."
    return f"{head}its support is itself undecided."


def _support_circle(m: ArgumentMap, sid: str) -> list[str]:
    """A path sid <- ... <- sid through supporting inferences, or [] if there is none."""
    stack: list[tuple[str, list[str]]] = [(sid, [sid])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for inf in m.inferences_for(node):
            for p in inf.premises:
                if p == sid:
                    return [*path, sid]
                if p not in seen:
                    seen.add(p)
                    stack.append((p, [*path, p]))
    return []


def _why_no_support(ev: Evaluation, inferences: list[Inference]) -> str:
    if len(inferences) == 1:
        inf = inferences[0]
        undercut = [k for k in ev.map.conflicts_against(inf.id) if ev.labels[k.id] == "accepted"]
        if undercut:
            u = undercut[0].attacker
            return f"its only supporting inference is undercut by {u}{_short(ev, u)}"
        bad = [p for p in inf.premises if ev.labels[p] == "rejected"]
        if bad:
            return (
                f"it has no standing support: its inference from {_list(list(inf.premises))} "
                f"fails because {_list(bad)} {'is' if len(bad) == 1 else 'are'} rejected"
            )
    return f"none of its {len(inferences)} supporting inferences holds"


def _why_attack_fails(ev: Evaluation, k: Conflict, target: str) -> str:
    undercut = [u for u in ev.map.conflicts_against(k.id) if ev.labels[u.id] == "accepted"]
    if undercut:
        u = undercut[0].attacker
        return f"{k.attacker}'s attack on it is undercut by {u}{_short(ev, u)}"
    if ev.labels[k.attacker] == "rejected":
        return f"{k.attacker}'s attack on it fails because {k.attacker} is rejected"
    if ev.framework.has_node(f"~weaker:{k.id}"):
        return f"{k.attacker}'s attack on it is weaker than its support, so it does not defeat it"
    return f"{k.attacker}'s attack on it does not succeed"


def _explain_inference(ev: Evaluation, inf: Inference, status: Status) -> str:
    head = f"{inf.id} "
    undercut = [k for k in ev.map.conflicts_against(inf.id) if ev.labels[k.id] == "accepted"]
    bad = [p for p in inf.premises if ev.labels[p] == "rejected"]
    if status == "accepted":
        if not inf.premises:
            return f"{head}holds: it has no premises and nothing undercuts it."
        return f"{head}holds: its premises are accepted and nothing undercuts it."
    if status == "rejected":
        if undercut:
            u = undercut[0].attacker
            return f"{head}fails: it is undercut by {u}{_short(ev, u)}."
        if bad:
            word = "premise" if len(bad) == 1 else "premises"
            verb = "is" if len(bad) == 1 else "are"
            return f"{head}fails: its {word} {_list(bad)} {verb} rejected."
        return f"{head}fails."
    return f"{head}is undecided: a premise or an undercut of it is undecided."


def _explain_conflict(ev: Evaluation, k: Conflict, status: Status) -> str:
    kind = ev.map.conflict_kind(k)
    head = f"{k.attacker}'s {kind} of {k.target} "
    if status == "accepted":
        if k.target in ev.assumed:
            return f"{head}has force, but the audience assumes {k.target}."
        return f"{head}succeeds: {k.attacker} is accepted and nothing undercuts the attack."
    if status == "rejected":
        undercut = [u for u in ev.map.conflicts_against(k.id) if ev.labels[u.id] == "accepted"]
        if undercut:
            u = undercut[0].attacker
            return f"{head}fails: it is undercut by {u}{_short(ev, u)}."
        if ev.framework.has_node(f"~weaker:{k.id}"):
            return (
                f"{head}fails: the attack (weight {ev.weight(k.id):g}) is weaker than the "
                f"strongest support of {k.target}."
            )
        return f"{head}fails: {k.attacker} is rejected."
    return f"{head}is undecided."


def outcome_sentence(
    m: ArgumentMap, issue: Issue, outcome: IssueOutcome, labels: Mapping[str, Status]
) -> str:
    """The explanation of an issue's outcome.

    Example:
        >>> from argmap import ArgumentMap, evaluate
        >>> m = ArgumentMap(); q = m.issue("?", id="Q", standard="preponderance")
        >>> print(evaluate(m).outcome("Q").explanation)
        No claim answers Q.
    """
    claims = [c.id for c in m.answers(issue)]
    subs = [i.id for i in m.sub_issues(issue)]
    if not claims:
        if subs:
            return f"{issue.id} is decided through its sub-issues {_list(subs)}."
        return f"No claim answers {issue.id}."
    std = outcome.standard
    if std is None:
        won = [c for c in claims if labels[c] == "accepted"]
        if won:
            return f"With no proof standard set, {_list(won)} stands under the semantics."
        return f"With no proof standard set, no answer to {issue.id} stands."
    if outcome.winners:
        w = outcome.winners[0]
        pro, con = outcome.weights.get(w, (0.0, 0.0))
        return (
            f"{_list(list(outcome.winners))} meets the {std} standard on {issue.id} "
            f"(strongest argument for it {pro:g}, against it {con:g})."
        )
    best = max(claims, key=lambda c: outcome.weights.get(c, (0.0, 0.0))[0])
    pro, con = outcome.weights.get(best, (0.0, 0.0))
    if pro == 0:
        return (
            f"No answer to {issue.id} meets the {std} standard: every answer "
            f"({_list(claims)}) is defeated or has no argument left standing."
        )
    return (
        f"No answer meets the {std} standard on {issue.id}: the strongest, {best}, has an "
        f"argument of weight {pro:g} against {con:g} for its rivals."
    )
