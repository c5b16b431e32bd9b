"""Why a node has its status in an evaluation: a sentence, and the chain behind it.

The helper of :mod:`argmap.evaluation` (it imports nothing from there: the
evaluation it reads is described by the :class:`Evaluated` protocol). Each
explanation is an :class:`Explanation` value: the status, the proof standard
that decided it (if any), the *decisive* attackers and supporters by id, one
sentence for readers, and — to the depth asked — the explanations of those
decisive nodes, so a reader can follow the chain ("C2 fails because C2.R1
stands unanswered").

Prose names statements by :attr:`~argmap.model.Statement.label` (the
statement's ``title``, else its text shortened), never by raw id; ids stay in the
structured fields, in ``--json`` and in diagrams.

Example:
    >>> from argmap import ArgumentMap, evaluate
    >>> m = ArgumentMap(); c = m.claim("x holds", id="C")
    >>> p = m.premise("y is so", id="P", supports=c)
    >>> u = m.undercutter("y is beside the point", id="U", undercuts=p)
    >>> print(evaluate(m).explain("C"))
    “x holds” is rejected: its only supporting inference is undercut by “y is beside the point”, which stands unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal, Protocol, TypeAlias

import attrs

from .graph import ArgumentMap
from .model import Conflict, Inference, Issue, Statement

__all__ = ["Evaluated", "Explanation", "Status", "build", "md_escape", "outcome_sentence"]

Status: TypeAlias = Literal["accepted", "rejected", "undecided"]


class Outcome(Protocol):
    """What explanations read of an issue's outcome (``IssueOutcome``)."""

    @property
    def issue(self) -> str: ...
    @property
    def standard(self) -> str | None: ...
    @property
    def winners(self) -> tuple[str, ...]: ...
    @property
    def weights(self) -> Mapping[str, tuple[float, float]]: ...
    @property
    def explanation(self) -> str: ...


class Evaluated(Protocol):
    """What explanations read of an evaluation (``argmap.Evaluation``)."""

    @property
    def map(self) -> ArgumentMap: ...
    @property
    def semantics(self) -> str: ...
    @property
    def assumed(self) -> tuple[str, ...]: ...
    @property
    def rejected(self) -> tuple[str, ...]: ...
    @property
    def leaves(self) -> str: ...
    @property
    def labels(self) -> Mapping[str, Status]: ...
    @property
    def outcomes(self) -> Mapping[str, Outcome]: ...
    @property
    def extensions(self) -> int: ...

    def weight(self, relation: str) -> float: ...
    def too_weak(self, conflict: str) -> bool: ...


def md_escape(text: str) -> str:
    """Escape Markdown's special characters (for tables in notebooks).

    Example:
        >>> md_escape("*a* | [b]")
        '\\\\*a\\\\* \\\\| \\\\[b\\\\]'
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>])", r"\\\1", text).replace("\n", " ")


@attrs.frozen
class Explanation:
    """Why one node of a map has its status: a value a template or widget can walk.

    Attributes:
        id: the node explained (statement, relation or issue id).
        kind: its kind (``"claim"``, ``"inference"``, ``"conflict"``, ``"issue"`` …).
        label: what prose calls it (a statement's title or shortened text).
        status: ``"accepted"``, ``"rejected"`` or ``"undecided"``.
        text: one sentence for readers (labels, never ids).
        standard: the proof standard that decided it, or ``None``.
        attackers: ids of the decisive attackers (what defeats it, or the attacks
            whose failure it survives).
        supporters: ids of the decisive supporters (premises, winning positions).
        causes: ids whose explanations make up ``children``: the decisive nodes,
            or, for attacks a node survives, those attacks (relation ids), whose
            explanations say why they fail.
        children: the explanations of the causes, to the depth asked.

    Example:
        >>> from argmap import ArgumentMap, evaluate
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> e = evaluate(m).explanation("C", depth=2)
        >>> e
        Explanation(id='C', status='rejected', attackers=('R',), supporters=(), children=1)
        >>> print(e.to_text())
        “x” is rejected: “no” attacks it and stands unanswered.
          - “no” is accepted: nothing attacks it.
    """

    id: str
    kind: str
    label: str
    status: Status
    text: str
    standard: str | None = None
    attackers: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    children: tuple[Explanation, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Explanation(id={self.id!r}, status={self.status!r}, attackers={self.attackers!r}, "
            f"supporters={self.supporters!r}, children={len(self.children)})"
        )

    def __str__(self) -> str:
        return self.to_text()

    def walk(self) -> list[tuple[int, Explanation]]:
        """Every explanation in the chain with its level (0 for this one), depth first.

        Example:
            >>> Explanation("C", "claim", "x", "accepted", "“x” is accepted.").walk()[0][0]
            0
        """
        out: list[tuple[int, Explanation]] = []
        stack: list[tuple[int, Explanation]] = [(0, self)]
        while stack:
            level, e = stack.pop()
            out.append((level, e))
            stack.extend((level + 1, c) for c in reversed(e.children))
        return out

    def to_text(self) -> str:
        """The sentence, then the chain behind it indented one step per level.

        Example:
            >>> print(Explanation("C", "claim", "x", "accepted", "“x” is accepted.").to_text())
            “x” is accepted.
        """
        return "\n".join(
            ("  " * level + "- " if level else "") + e.text for level, e in self.walk()
        )

    def to_markdown(self) -> str:
        """The chain as a nested Markdown list (text escaped).

        Example:
            >>> Explanation("C", "claim", "x", "accepted", "“x*” is accepted.").to_markdown()
            '- “x\\\\*” is accepted\\\\.'
        """
        return "\n".join(f"{'  ' * level}- {md_escape(e.text)}" for level, e in self.walk())

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (ids included, children nested).

        Example:
            >>> e = Explanation("C", "claim", "x", "accepted", "“x” is accepted.")
            >>> sorted(e.to_dict())  # doctest: +NORMALIZE_WHITESPACE
            ['attackers', 'causes', 'children', 'id', 'kind', 'label', 'standard', 'status',
             'supporters', 'text']
        """
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "status": self.status,
            "text": self.text,
            "standard": self.standard,
            "attackers": list(self.attackers),
            "supporters": list(self.supporters),
            "causes": list(self.causes),
            "children": [c.to_dict() for c in self.children],
        }

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


# ============================================================================ naming


def _q(m: ArgumentMap, ident: str) -> str:
    """What prose calls a node: “label” for a statement, a phrase for a relation."""
    node = m.node(ident)
    if isinstance(node, Statement):
        return f"“{node.label}”"
    if isinstance(node, Inference):
        to = _q(m, node.conclusion)
        if not node.premises:
            return f"the inference to {to}"
        return f"the inference from {_list([_q(m, p) for p in node.premises])} to {to}"
    return f"the {m.conflict_kind(node)} by {_q(m, node.attacker)} of {_q(m, node.target)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _answered(m: ArgumentMap, attacker: str, conflict: str | None = None) -> bool:
    """Whether anything attacks ``attacker`` (or undercuts the attack ``conflict``)."""
    if m.conflicts_against(attacker):
        return True
    return conflict is not None and bool(m.conflicts_against(conflict))


def _stands(ev: Evaluated, ident: str, conflict: str | None = None) -> str:
    """How an accepted attacker holds: 'stands unanswered', 'is assumed …', 'stands'."""
    if ident in ev.assumed:
        return "is assumed by the audience"
    if not _answered(ev.map, ident, conflict):
        return "stands unanswered"
    return "stands, since what is raised against it fails"


# ============================================================================ building


def build(ev: Evaluated, ident: str, depth: int = 1) -> Explanation:
    """The explanation of ``ident``, with ``depth - 1`` levels of causes below it.

    Example:
        >>> from argmap import ArgumentMap, evaluate
        >>> m = ArgumentMap(); a = m.claim("a", id="A"); b = m.claim("b", id="B", attacks=a)
        >>> _ = m.attack(a, b); print(build(evaluate(m), "A").text)
        “a” is undecided: it and “b” attack each other and neither prevails under grounded semantics.
    """
    return _build(ev, ident, depth, frozenset())


def _build(ev: Evaluated, ident: str, depth: int, path: frozenset[str]) -> Explanation:
    m = ev.map
    node = m.node(ident)
    status = ev.labels[ident]
    if isinstance(node, Issue):
        e = _explain_issue(ev, node)
    elif isinstance(node, Inference):
        e = _explain_inference(ev, node, status)
    elif isinstance(node, Conflict):
        e = _explain_conflict(ev, node, status)
    else:
        e = _explain_statement(ev, node, status)
    if depth <= 1:
        return e
    inner = path | {ident}
    causes = [c for c in e.causes if c not in inner]
    children = tuple(_build(ev, c, depth - 1, inner) for c in causes)
    return attrs.evolve(e, children=children)


def _make(
    ev: Evaluated,
    ident: str,
    text: str,
    *,
    standard: str | None = None,
    attackers: list[str] | tuple[str, ...] = (),
    supporters: list[str] | tuple[str, ...] = (),
    causes: list[str] | tuple[str, ...] | None = None,
) -> Explanation:
    node = ev.map.node(ident)
    label = node.label if isinstance(node, Statement) else _q(ev.map, ident)
    return Explanation(
        ident,
        node.kind,
        label,
        ev.labels[ident],
        text,
        standard,
        tuple(dict.fromkeys(attackers)),
        tuple(dict.fromkeys(supporters)),
        tuple(dict.fromkeys((*attackers, *supporters) if causes is None else causes)),
    )


def _explain_issue(ev: Evaluated, issue: Issue) -> Explanation:
    outcome = ev.outcomes[issue.id]
    claims = [c.id for c in ev.map.answers(issue)]
    winners = list(outcome.winners)
    return _make(
        ev,
        issue.id,
        outcome.explanation,
        standard=outcome.standard,
        supporters=winners or [c for c in claims if ev.labels[c] != "rejected"],
        attackers=[] if winners else [c for c in claims if ev.labels[c] == "rejected"],
    )


def _position(ev: Evaluated, stmt: Statement) -> Outcome | None:
    answers = getattr(stmt, "answers", None)
    if answers is None:
        return None
    outcome = ev.outcomes.get(answers)
    if outcome is None or outcome.standard is None or stmt.id not in outcome.weights:
        return None
    return outcome


def _winning_attacks(ev: Evaluated, sid: str) -> list[Conflict]:
    return [k for k in ev.map.conflicts_against(sid) if ev.labels[k.id] == "accepted"]


def _explain_statement(ev: Evaluated, stmt: Statement, status: Status) -> Explanation:
    m = ev.map
    sid = stmt.id
    me = _q(m, sid)
    head = f"{me} is {status}: "
    attacks = m.conflicts_against(sid)
    inferences = m.inferences_for(sid)
    if sid in ev.assumed:
        over = [k.attacker for k in attacks]
        extra = (
            f"; the attacks by {_list([_q(m, a) for a in over])} do not count against it"
            if over
            else ""
        )
        return _make(ev, sid, f"{head}the audience assumes it (assume=){extra}.", attackers=over)
    if sid in ev.rejected:
        return _make(ev, sid, f"{me} is rejected by the audience (reject=).")
    outcome = _position(ev, stmt)
    if outcome is not None:
        done = _explain_position(ev, stmt, status, outcome)
        if done is not None:
            return done
    if status == "rejected":
        winning = _winning_attacks(ev, sid)
        if winning:
            k = winning[0]
            return _make(
                ev,
                sid,
                f"{head}{_q(m, k.attacker)} attacks it and {_stands(ev, k.attacker, k.id)}.",
                attackers=[w.attacker for w in winning],
            )
        if inferences:
            why, att, sup = _why_no_support(ev, inferences)
            return _make(ev, sid, head + why + ".", attackers=att, supporters=sup)
        if ev.leaves == "questioned":
            text = f"{head}no argument supports it and the audience does not assume it."
            return _make(ev, sid, text)
        return _make(ev, sid, f"{head}nothing supports it.")
    if status == "accepted":
        good = [i for i in inferences if ev.labels[i.id] == "accepted"]
        parts = []
        if good:
            parts.append(f"its inference from {_list([_q(m, p) for p in good[0].premises])} holds")
        elif not attacks:
            return _make(ev, sid, f"{head}nothing attacks it.")
        else:
            parts.append("it is taken as given")
        parts.extend(_why_attack_fails(ev, k) for k in attacks)
        premises = list(good[0].premises) if good else []
        return _make(
            ev,
            sid,
            head + "; ".join(parts) + ".",
            attackers=[k.attacker for k in attacks],
            supporters=premises,
            causes=[*premises, *(k.id for k in attacks)],
        )
    return _explain_undecided(ev, stmt, head, outcome)


def _explain_position(
    ev: Evaluated, stmt: Statement, status: Status, outcome: Outcome
) -> Explanation | None:
    """A claim answering an issue with a proof standard: the standard, and what decided it."""
    m = ev.map
    sid = stmt.id
    head = f"{_q(m, sid)} is {status}: "
    pro, con = outcome.weights[sid]
    std = outcome.standard
    issue = _q(m, outcome.issue)
    weighed = f"(strongest argument for it {pro:g}, against it {con:g})"
    rivals = [w for w in outcome.winners if w != sid]
    if status == "accepted" and sid in outcome.winners:
        good = [i for i in m.inferences_for(sid) if ev.labels[i.id] == "accepted"]
        premises = list(good[0].premises) if good else []
        attacks = m.conflicts_against(sid)
        fails = "".join(f"; {_why_attack_fails(ev, k)}" for k in attacks)
        return _make(
            ev,
            sid,
            f"{head}it meets the {std} standard on {issue} {weighed}{fails}.",
            standard=std,
            attackers=[k.attacker for k in attacks],
            supporters=premises,
            causes=[*premises, *(k.id for k in attacks)],
        )
    if status != "rejected" or sid in outcome.winners:
        return None
    prevail = (
        f"; {_list([_q(m, w) for w in rivals])} prevail{'s' if len(rivals) == 1 else ''}"
        if rivals
        else ""
    )
    # an attack by a rival that prevails is the standard at work, not a separate cause
    winning = [k for k in _winning_attacks(ev, sid) if k.attacker not in rivals]
    if winning:
        k = winning[0]
        return _make(
            ev,
            sid,
            f"{head}it fails the {std} standard on {issue} because {_q(m, k.attacker)} "
            f"attacks it and {_stands(ev, k.attacker, k.id)}{prevail}.",
            standard=std,
            attackers=[w.attacker for w in winning],
        )
    inferences = m.inferences_for(sid)
    if inferences and not any(ev.labels[i.id] == "accepted" for i in inferences):
        why, att, sup = _why_no_support(ev, inferences)
        return _make(
            ev,
            sid,
            f"{head}it fails the {std} standard on {issue} because {why}{prevail}.",
            standard=std,
            attackers=att,
            supporters=sup,
        )
    if rivals:
        return _make(
            ev,
            sid,
            f"{head}it fails the {std} standard on {issue}, where "
            f"{_list([_q(m, w) for w in rivals])} "
            f"prevail{'s' if len(rivals) == 1 else ''} {weighed}.",
            standard=std,
            attackers=rivals,
        )
    return None


def _explain_undecided(
    ev: Evaluated, stmt: Statement, head: str, outcome: Outcome | None
) -> Explanation:
    m = ev.map
    sid = stmt.id
    attacks = m.conflicts_against(sid)
    undecided = [k for k in attacks if ev.labels[k.id] == "undecided"]
    if undecided:
        k = undecided[0]
        other = _q(m, k.attacker)
        if any(c.target == sid for c in m.conflicts_against(k.attacker)) or any(
            c.target == k.attacker for c in m.relations_from(sid) if isinstance(c, Conflict)
        ):
            text = (
                f"{head}it and {other} attack each other and neither prevails under "
                f"{ev.semantics} semantics."
            )
        else:
            text = f"{head}whether the attack by {other} succeeds is itself undecided."
        return _make(ev, sid, text, attackers=[u.attacker for u in undecided])
    if outcome is not None and not outcome.winners:
        pro, con = outcome.weights.get(sid, (0.0, 0.0))
        return _make(
            ev,
            sid,
            f"{head}on {_q(m, outcome.issue)} no position meets the {outcome.standard} "
            f"standard (strongest argument for it {pro:g}, against it {con:g}).",
            standard=outcome.standard,
        )
    circle = _support_circle(m, sid)
    if circle:
        return _make(
            ev,
            sid,
            f"{head}its support runs in a circle ({' <- '.join(_q(m, c) for c in circle)}) "
            "and never reaches a statement that stands on its own.",
        )
    if ev.extensions > 1:
        text = f"{head}it is accepted in some {ev.semantics} extensions but not in all."
    elif ev.extensions == 0:
        text = f"{head}the framework has no {ev.semantics} extension."
    else:
        text = f"{head}its support is itself undecided."
    undecided_premises = [
        p for i in m.inferences_for(sid) for p in i.premises if ev.labels[p] == "undecided"
    ]
    return _make(ev, sid, text, supporters=undecided_premises)


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


def _why_no_support(ev: Evaluated, inferences: list[Inference]) -> tuple[str, list[str], list[str]]:
    """(reason, decisive attackers, decisive supporters) for support that fails."""
    m = ev.map
    if len(inferences) == 1:
        inf = inferences[0]
        undercut = _winning_attacks(ev, inf.id)
        if undercut:
            u = undercut[0]
            return (
                f"its only supporting inference is undercut by {_q(m, u.attacker)}, which "
                f"{_stands(ev, u.attacker, u.id)}",
                [k.attacker for k in undercut],
                [],
            )
        bad = [p for p in inf.premises if ev.labels[p] == "rejected"]
        if bad:
            return (
                f"it has no standing support: its inference from "
                f"{_list([_q(m, p) for p in inf.premises])} fails because "
                f"{_list([_q(m, p) for p in bad])} {'is' if len(bad) == 1 else 'are'} rejected",
                [],
                bad,
            )
    bad = [p for i in inferences for p in i.premises if ev.labels[p] == "rejected"]
    cut = [k.attacker for i in inferences for k in _winning_attacks(ev, i.id)]
    return f"none of its {len(inferences)} supporting inferences holds", cut, bad


def _why_attack_fails(ev: Evaluated, k: Conflict) -> str:
    m = ev.map
    who = _q(m, k.attacker)
    undercut = _winning_attacks(ev, k.id)
    if undercut:
        u = undercut[0].attacker
        return (
            f"{who} attacks it, but that attack is undercut by {_q(m, u)}, which {_stands(ev, u)}"
        )
    if ev.labels[k.attacker] == "rejected":
        return f"{who} attacks it but is itself rejected"
    if ev.too_weak(k.id):
        return f"{who} attacks it, but the attack is weaker than its support and does not defeat it"
    return f"{who} attacks it, but the attack does not succeed"


def _explain_inference(ev: Evaluated, inf: Inference, status: Status) -> Explanation:
    m = ev.map
    head = _cap(_q(m, inf.id)) + " "
    undercut = _winning_attacks(ev, inf.id)
    bad = [p for p in inf.premises if ev.labels[p] == "rejected"]
    if status == "accepted":
        if not inf.premises:
            text = f"{head}holds: it has no premises and nothing undercuts it."
        else:
            text = f"{head}holds: its premises are accepted and nothing undercuts it."
        return _make(ev, inf.id, text, supporters=list(inf.premises))
    if status == "rejected":
        if undercut:
            u = undercut[0]
            text = f"{head}fails: it is undercut by {_q(m, u.attacker)}, which "
            text += f"{_stands(ev, u.attacker, u.id)}."
            return _make(ev, inf.id, text, attackers=[k.attacker for k in undercut])
        if bad:
            word = "premise" if len(bad) == 1 else "premises"
            verb = "is" if len(bad) == 1 else "are"
            text = f"{head}fails: its {word} {_list([_q(m, p) for p in bad])} {verb} rejected."
            return _make(ev, inf.id, text, supporters=bad)
        return _make(ev, inf.id, f"{head}fails.")
    return _make(ev, inf.id, f"{head}is undecided: a premise or an undercut of it is undecided.")


def _explain_conflict(ev: Evaluated, k: Conflict, status: Status) -> Explanation:
    m = ev.map
    head = _cap(_q(m, k.id)) + " "
    target = _q(m, k.target)
    if status == "accepted":
        if k.target in ev.assumed:
            text = f"{head}has force, but the audience assumes {target}."
        else:
            text = (
                f"{head}succeeds: {_q(m, k.attacker)} is accepted and nothing undercuts the attack."
            )
        return _make(ev, k.id, text, supporters=[k.attacker])
    if status == "rejected":
        undercut = _winning_attacks(ev, k.id)
        if undercut:
            u = undercut[0]
            text = f"{head}fails: it is undercut by {_q(m, u.attacker)}, which "
            text += f"{_stands(ev, u.attacker, u.id)}."
            return _make(ev, k.id, text, attackers=[x.attacker for x in undercut])
        if ev.too_weak(k.id):
            text = (
                f"{head}fails: the attack (weight {ev.weight(k.id):g}) is weaker than the "
                f"strongest support of {target}."
            )
            return _make(ev, k.id, text)
        return _make(
            ev, k.id, f"{head}fails: {_q(m, k.attacker)} is rejected.", supporters=[k.attacker]
        )
    return _make(ev, k.id, f"{head}is undecided.", supporters=[k.attacker])


def outcome_sentence(
    m: ArgumentMap, issue: Issue, outcome: Outcome, labels: Mapping[str, Status]
) -> str:
    """The explanation of an issue's outcome, naming statements by their labels.

    Example:
        >>> from argmap import ArgumentMap, evaluate
        >>> m = ArgumentMap(); q = m.issue("Is it so?", id="Q", standard="preponderance")
        >>> print(evaluate(m).outcome("Q").explanation)
        No claim answers “Is it so?”.
    """
    claims = [c.id for c in m.answers(issue)]
    subs = [i.id for i in m.sub_issues(issue)]
    me = _q(m, issue.id)
    if not claims:
        if subs:
            return (
                f"{_cap(me)} is decided through its sub-issues {_list([_q(m, s) for s in subs])}."
            )
        return f"No claim answers {me}."
    std = outcome.standard
    if std is None:
        won = [c for c in claims if labels[c] == "accepted"]
        if won:
            verb = "stands" if len(won) == 1 else "stand"
            return (
                f"With no proof standard set, {_list([_q(m, c) for c in won])} "
                f"{verb} under the semantics."
            )
        return f"With no proof standard set, no answer to {me} stands."
    if len(outcome.winners) == 1:
        (w,) = outcome.winners
        pro, con = outcome.weights.get(w, (0.0, 0.0))
        return (
            f"{_q(m, w)} meets the {std} standard on {me} "
            f"(strongest argument for it {pro:g}, against it {con:g})."
        )
    if outcome.winners:
        # a weak standard (scintilla) can be met by rival answers at once: the issue is
        # not decided for either, and the sentence says so
        return (
            f"{_list([_q(m, c) for c in outcome.winners])} each meet the {std} standard on "
            f"{me}: rival answers both clear so low a standard, so it does not decide between them."
        )
    best = max(claims, key=lambda c: outcome.weights.get(c, (0.0, 0.0))[0])
    pro, con = outcome.weights.get(best, (0.0, 0.0))
    if pro == 0:
        return (
            f"No answer to {me} meets the {std} standard: every answer "
            f"({_list([_q(m, c) for c in claims])}) is defeated or has no argument left standing."
        )
    return (
        f"No answer meets the {std} standard on {me}: the strongest, {_q(m, best)}, has an "
        f"argument of weight {pro:g} against {con:g} for its rivals."
    )
