"""``check_map``: the problems a careful reader of an argument map would flag.

Errors make ``argmap check`` exit 1; warnings and infos are advice.

========================  ========  ===================================================
code                      severity  meaning
========================  ========  ===================================================
support-cycle             error     statements support each other in a circle
unsupported-claim         warning   a claim with no premise and no authority
unsupported-answer        warning   a claim answering an issue, with no premise and no
                                    authority, yet counted as a full argument on it
one-way-attack            warning   a claim attacks a rival answer to the same issue that
                                    does not attack it back: the attack alone decides
uncited-premise           warning   a premise with no authority and no sub-premise
unverified-authority      warning   a cited authority is marked unverified (once per authority)
one-sided-issue           warning   only one party has claims answering an issue
unanswered-issue          warning   an issue no claim answers
idle-statement            warning   a premise, rebuttal or undercutter that bears on nothing
quote-without-pin         warning   a cite quotes its authority but gives no pin cite
orphan-authority          info      an authority no statement cites
no-statements             warning   the map has no statements (an empty or null ``statements:``)
========================  ========  ===================================================

Dangling ids cannot exist in a map built through the API (the builders refuse
them); in files they are load errors, reported with their line by ``argmap check``.

:func:`balance` (``m.balance()``, ``argmap check --balance``) reports, per issue,
how many attacks each party makes and how many of its attacks and claims nobody
answers, so a teacher can see whether an outcome comes from the law or from which
side got more rebuttals.

Data flows one way: this module reads any map through the :class:`MapLike`
protocol and never imports :mod:`argmap.graph`, which imports it.

Example:
    >>> from argmap.graph import ArgumentMap
    >>> m = ArgumentMap(parties={"a": "A", "b": "B"})
    >>> q = m.issue("?"); _ = m.claim("x", party="a", answers=q)
    >>> sorted(p.code for p in check_map(m))
    ['one-sided-issue', 'unsupported-answer']
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import Protocol

import attrs

from ._display import html_table, md_escape, md_table, text_table
from ._nogc import no_gc
from .model import (
    Authority,
    Claim,
    Conflict,
    Inference,
    Issue,
    Node,
    Party,
    Premise,
    Rebuttal,
    Relation,
    Statement,
    Undercutter,
    shorten,
)
from .problems import Problem, Severity

__all__ = ["Balance", "IssueBalance", "MapLike", "PartyBalance", "balance", "check_map"]


class MapLike(Protocol):
    """What the checks read from a map (:class:`argmap.ArgumentMap` provides it)."""

    @property
    def source(self) -> str | None: ...
    @property
    def lines(self) -> Mapping[str, int]: ...
    @property
    def statements(self) -> Mapping[str, Statement]: ...
    @property
    def relations(self) -> Mapping[str, Relation]: ...
    @property
    def authorities(self) -> Mapping[str, Authority]: ...
    @property
    def parties(self) -> Mapping[str, Party]: ...
    @property
    def issues(self) -> list[Issue]: ...
    @property
    def claims(self) -> list[Claim]: ...
    @property
    def conflicts(self) -> list[Conflict]: ...
    def __iter__(self) -> Iterator[Statement]: ...
    def inferences_for(self, ref: str | Node) -> list[Inference]: ...
    def relations_from(self, ref: str | Node) -> list[Relation]: ...
    def conflicts_against(self, ref: str | Node) -> list[Conflict]: ...
    def answers(self, issue: str | Node) -> list[Claim]: ...
    def sub_issues(self, issue: str | Node) -> list[Issue]: ...
    def ancestors(self, ref: str | Node, *, relations: bool = False) -> list[str]: ...
    # the stamps of the statements (in their order) and of each relation's ends (in
    # the order of the relations): see ArgumentMap._ends
    @property
    def _stamp(self) -> Mapping[str, int]: ...
    @property
    def _ends(self) -> Mapping[str, tuple[int, ...]]: ...


@no_gc()
def check_map(m: MapLike) -> list[Problem]:
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

    support = _Support(m)
    found.extend(_cycles(m, support))
    found.extend(_one_way_attacks(m))
    found.extend(_repeated_statements(m))
    citing: dict[str, list[str]] = {}  # authority id -> the statements citing it
    starting, concluded = support.starting, support.concluded
    for stmt, stamp in zip(m.statements.values(), m._stamp.values(), strict=True):
        has_inference = concluded[stamp]
        if isinstance(stmt, Claim) and not has_inference and not stmt.cites:
            if stmt.answers is None:
                add(
                    "warning",
                    "unsupported-claim",
                    "claim has no premise and cites no authority",
                    stmt.id,
                )
            else:
                add(
                    "warning",
                    "unsupported-answer",
                    f"answers {stmt.answers} with no premise and no authority, yet the "
                    f"evaluation counts it as a full argument on the issue; add the "
                    f"premises it rests on (m.premise(..., supports={stmt.id!r})) or cite "
                    "an authority",
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
        for cite in stmt.cites:
            citing.setdefault(cite.authority, []).append(stmt.id)
            if cite.quote and not cite.pin:  # Bluebook 3.2: a quotation needs its page
                add(
                    "warning",
                    "quote-without-pin",
                    f"the quotation from {cite.authority!r} has no pin cite; add the page "
                    f"it is on ({cite.authority}@PAGE)",
                    stmt.id,
                    "cites",
                )
        if isinstance(stmt, Premise | Rebuttal | Undercutter) and not starting[stamp]:
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


class _Support:
    """The support and attack structure the checks read, by the stamps the map gave
    its statements (``m._stamp``, ``m._ends``): which statements some inference
    concludes, which start a relation, and what each premises. Flags and lists
    indexed by stamp, filled in one pass over the relations, instead of sets and
    dicts keyed by id: at 50,000 statements every lookup by id reaches memory the
    processor's cache no longer holds.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
        >>> s = _Support(m)
        >>> [bool(s.concluded[m._stamp[i]]) for i in ("C1", "P1")], s.succ[m._stamp["P1"]]
        ([True, False], [1])
    """

    __slots__ = ("concluded", "starting", "succ")

    def __init__(self, m: MapLike) -> None:
        size = max(m._stamp.values(), default=0) + 1
        self.concluded = bytearray(size)  # some inference concludes it
        self.starting = bytearray(size)  # it premises an inference or attacks something
        self.succ: list[list[int] | None] = [None] * size  # what it premises
        concluded, starting, succ = self.concluded, self.starting, self.succ
        for rel, ends in zip(m.relations.values(), m._ends.values(), strict=True):
            for s in ends[1:]:
                starting[s] = 1
            if isinstance(rel, Inference):
                target = ends[0]
                concluded[target] = 1
                for s in ends[1:]:
                    found = succ[s]
                    if found is None:
                        succ[s] = [target]
                    else:
                        found.append(target)


def _cycles(m: MapLike, support: _Support | None = None) -> list[Problem]:
    """Support cycles, each reported once at its first statement in map order.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); a = m.claim("a"); b = m.premise("b", supports=a)
        >>> _ = m.infer(a, b)
        >>> [(p.code, p.node) for p in _cycles(m)]
        [('support-cycle', 'C1')]
    """
    succ = (support or _Support(m)).succ
    state = bytearray(len(succ))  # 1 = on the path, 2 = done
    names: list[str] = []  # stamp -> id, made only when a cycle is found
    problems: list[Problem] = []
    for root in m._stamp.values():  # map order, which is the stamps' order
        # a statement that premises nothing lies on no cycle and, reached later from
        # another, is left at once: searching from it changes nothing
        if state[root] or succ[root] is None:
            continue
        stack: list[tuple[int, int]] = [(root, 0)]
        path: list[int] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            nexts = succ[node] or ()
            if i < len(nexts):
                stack.append((node, i + 1))
                nxt = nexts[i]
                if state[nxt] == 1:
                    if not names:
                        names.extend([""] * len(succ))
                        for sid, stamp in m._stamp.items():
                            names[stamp] = sid
                    loop = path[path.index(nxt) :]
                    cycle = [names[v] for v in (*loop, nxt)]
                    first = names[min(loop)]  # the earliest in the map: the least stamp
                    problems.append(
                        Problem(
                            "error",
                            "support-cycle",
                            "statements support each other in a circle: " + " -> ".join(cycle),
                            node=first,
                            source=m.source,
                            line=m.lines.get(first),
                        )
                    )
                elif not state[nxt]:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return problems


def _problem(m: MapLike, code: str, message: str, node: str, field: str | None = None) -> Problem:
    return Problem(
        "warning", code, message, node=node, field=field, source=m.source, line=m.lines.get(node)
    )


def _one_way_attacks(m: MapLike) -> list[Problem]:
    """A claim attacking a rival answer to its issue that does not attack it back.

    Under every semantics the unanswered attack defeats the rival, so the issue is
    decided by the wiring rather than by the arguments.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); q = m.issue("?")
        >>> a = m.claim("yes", answers=q); b = m.claim("no", answers=q, attacks=a)
        >>> [(p.code, p.node) for p in _one_way_attacks(m)]
        [('one-way-attack', 'C2')]
    """
    out = []
    statements = m.statements
    for k in m.conflicts:
        attacker = statements[k.attacker]
        if not isinstance(attacker, Claim) or attacker.answers is None:
            continue  # most conflicts: read no further
        target = statements.get(k.target)
        if not isinstance(target, Claim) or attacker.answers != target.answers:
            continue
        if any(back.attacker == target.id for back in m.conflicts_against(attacker.id)):
            continue
        out.append(
            _problem(
                m,
                "one-way-attack",
                f"attacks {target.id}, a rival answer to {attacker.answers}, which does not "
                f"attack it back, so this one attack decides the issue; make the conflict "
                f"mutual (m.attack({target.id!r}, {attacker.id!r})) or rebut one of "
                f"{target.id}'s premises instead",
                attacker.id,
                "attacks",
            )
        )
    return out


def _repeated_statements(m: MapLike) -> list[Problem]:
    """A statement with the same kind, party and text as an earlier one.

    Re-running a notebook cell that adds statements without ids adds them again under
    new ids (``C2`` beside ``C1``), doubling the argument silently.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); a = m.claim("It binds"); b = m.claim("It  binds")
        >>> [(p.code, p.node) for p in _repeated_statements(m)]
        [('repeated-statement', 'C2')]
    """
    first: dict[tuple[str, str | None, str], str] = {}
    out = []
    for s in m:
        key = (s.kind, s.party, " ".join(s.text.split()).casefold())
        earlier = first.setdefault(key, s.id)
        if earlier != s.id:
            out.append(
                _problem(
                    m,
                    "repeated-statement",
                    f"repeats {earlier} (the same kind, party and text); if a notebook cell "
                    f"ran twice, m.remove({s.id!r}, cascade=True), and give statements ids "
                    "(id=...) so that running a cell again changes nothing",
                    s.id,
                )
            )
    return out


# ---------------------------------------------------------------- balance


@attrs.frozen
class PartyBalance:
    """One party's share of the argument on one issue.

    Attributes:
        party: the party id (``None`` for statements with no party).
        claims: its claims answering the issue.
        attacks: attacks its statements make within the issue's arguments.
        unanswered_attacks: of those, the ones nothing attacks back (neither the
            attacking statement nor the attack itself is attacked).
        unanswered_claims: its claims on the issue that nothing attacks: not the
            claim, nor a premise or inference under it.

    Example:
        >>> PartyBalance("local", 1, 3, 2, 0).unanswered_attacks
        2
    """

    party: str | None
    claims: int
    attacks: int
    unanswered_attacks: int
    unanswered_claims: int


@attrs.frozen
class IssueBalance:
    """The balance of argument on one issue: one :class:`PartyBalance` per party.

    Example:
        >>> b = IssueBalance("Q1", "Valid?", (PartyBalance("a", 1, 0, 0, 1),))
        >>> b["a"].claims
        1
    """

    issue: str
    text: str
    parties: tuple[PartyBalance, ...]
    #: ids of its sub-issues, each with a balance of its own
    sub_issues: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """A line pointing to the sub-issues, if any (else ``""``).

        Example:
            >>> IssueBalance("T", "?", (), ("A", "B")).note
            'sub-issues: A, B'
        """
        return f"sub-issues: {', '.join(self.sub_issues)}" if self.sub_issues else ""

    def __getitem__(self, party: str | None) -> PartyBalance:
        for row in self.parties:
            if row.party == party:
                return row
        raise KeyError(party)

    def rows(self) -> list[list[str | int | None]]:
        """The table rows: party, claims, attacks, unanswered attacks, unanswered claims.

        Example:
            >>> IssueBalance("Q", "?", (PartyBalance(None, 0, 1, 1, 0),)).rows()
            [['(no party)', 0, 1, 1, 0]]
        """
        return [
            [
                r.party or "(no party)",
                r.claims,
                r.attacks,
                r.unanswered_attacks,
                r.unanswered_claims,
            ]
            for r in self.parties
        ]


_HEADER = ["party", "claims", "attacks made", "attacks unanswered", "claims unanswered"]


@attrs.frozen
class Balance:
    """Per issue, how much each party argues and how much of it goes unanswered.

    ``str(b)`` is a text report, :meth:`to_markdown` a Markdown one; Jupyter shows
    the Markdown or HTML form.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(parties={"us": "United States", "city": "City"})
        >>> q = m.issue("May grants be conditioned?", id="Q")
        >>> c = m.claim("Yes", party="us", answers=q)
        >>> r = m.rebuttal("Only Congress spends", party="city", attacks=c)
        >>> print(balance(m))
        Q  May grants be conditioned?
          party  claims  attacks made  attacks unanswered  claims unanswered
          us          1             0                   0                  0
          city        0             1                   1                  0
    """

    issues: tuple[IssueBalance, ...]

    def __getitem__(self, issue: str) -> IssueBalance:
        for row in self.issues:
            if row.issue == issue:
                return row
        raise KeyError(issue)

    def __str__(self) -> str:
        if not self.issues:
            return "no issues in the map"
        return "\n\n".join(
            f"{b.issue}  {b.text}\n{text_table(_HEADER, b.rows(), indent='  ')}"
            + (f"\n  {b.note}" if b.note else "")
            for b in self.issues
        )

    def to_markdown(self) -> str:
        """The report as Markdown: a heading and a table per issue (all text escaped).

        Example:
            >>> from argmap.graph import ArgumentMap
            >>> m = ArgumentMap(); _ = m.issue("Is *this* valid?", id="Q")
            >>> print(balance(m).to_markdown())
            ### Q: Is \\*this\\* valid?
            <BLANKLINE>
            | party | claims | attacks made | attacks unanswered | claims unanswered |
            |---|---|---|---|---|
        """
        if not self.issues:
            return "*no issues in the map*"
        return "\n\n".join(
            f"### {md_escape(b.issue)}: {md_escape(b.text)}\n\n{md_table(_HEADER, b.rows())}"
            + (f"\n\n{md_escape(b.note)}" if b.note else "")
            for b in self.issues
        )

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        if not self.issues:
            return "<p><em>no issues in the map</em></p>"
        return "".join(
            html_table(_HEADER, b.rows(), caption=f"{b.issue}: {b.text}")
            + (f"<p>{html.escape(b.note)}</p>" if b.note else "")
            for b in self.issues
        )


def balance(m: MapLike) -> Balance:
    """The balance of argument on each issue of ``m`` (see :class:`Balance`).

    An issue's arguments are the claims answering it and everything bearing on
    them (premises, rebuttals, undercutters, rival claims, and their relations);
    sub-issues are reported on their own. Every declared party gets a row; a
    ``(no party)`` row appears only when party-less statements claim or attack.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(parties={"a": "A", "b": "B"}); q = m.issue("?")
        >>> c = m.claim("yes", party="a", answers=q)
        >>> r = m.rebuttal("no", party="b", attacks=c)
        >>> u = m.rebuttal("yes after all", party="a", attacks=r)
        >>> [(p.party, p.attacks, p.unanswered_attacks) for p in balance(m)["Q1"].parties]
        [('a', 1, 1), ('b', 1, 0)]
    """
    return Balance(tuple(_issue_balance(m, q) for q in m.issues))


def _issue_balance(m: MapLike, issue: Issue) -> IssueBalance:
    claims = m.answers(issue)
    scope: dict[str, None] = {}
    for c in claims:
        scope[c.id] = None
        scope.update(dict.fromkeys(m.ancestors(c, relations=True)))
    attacks = [m.relations[r] for r in scope if isinstance(m.relations.get(r), Conflict)]
    parties: list[str | None] = list(m.parties)
    party_of = {s: m.statements[s].party for s in scope if s in m.statements}
    if any(c.party is None for c in claims) or any(
        party_of[k.attacker] is None for k in attacks if isinstance(k, Conflict)
    ):
        parties.append(None)
    rows = []
    for p in parties:
        mine = [k for k in attacks if isinstance(k, Conflict) and party_of[k.attacker] == p]
        unanswered = [
            k for k in mine if not m.conflicts_against(k.attacker) and not m.conflicts_against(k.id)
        ]
        own_claims = [c for c in claims if c.party == p]
        rows.append(
            PartyBalance(
                p,
                claims=len(own_claims),
                attacks=len(mine),
                unanswered_attacks=len(unanswered),
                unanswered_claims=sum(not _attacked_below(m, c.id) for c in own_claims),
            )
        )
    return IssueBalance(
        issue.id,
        issue.title or shorten(issue.text, 72),
        tuple(rows),
        tuple(i.id for i in m.sub_issues(issue)),
    )


def _attacked_below(m: MapLike, claim: str) -> bool:
    """Whether anything attacks ``claim`` or a premise or inference under it."""
    seen = {claim}
    stack = [claim]
    while stack:
        node = stack.pop()
        if m.conflicts_against(node):
            return True
        for inf in m.inferences_for(node):
            for nxt in (inf.id, *inf.premises):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    return False
