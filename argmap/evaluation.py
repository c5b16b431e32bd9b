"""Which claims stand: an argument map evaluated under Dung semantics and proof standards.

:func:`evaluate` turns a map into an abstract argumentation framework (the mapping
is below and in ``docs/evaluation.md``), labels it with the chosen semantics from
:mod:`argmap.semantics`, then decides each issue under its proof standard in the
Carneades tradition, and returns an :class:`Evaluation`: a status for every
statement and relation, an outcome per issue, and plain-English explanations.
:func:`diff` compares two evaluations ("what if the court rejects P1?").

**From map to framework.** Every statement, inference and conflict is an argument
of the framework, plus a few auxiliary arguments (named with a leading ``~``,
which no id can have):

* a statement with supporting inferences is attacked by ``~unsupported:S``, which
  each of its inferences attacks — so S stands only while one inference does;
  a statement without inferences (a leaf) is taken as given (``leaves="assumed"``,
  the default for maps) or needs the audience to assume it
  (``leaves="questioned"``, Carneades' convention);
* ``~not:S`` is attacked by S, so it is IN exactly when S is OUT; it attacks every
  inference with S as a premise (a *linked* inference falls with any premise) and
  every conflict S makes (an attack from a rejected statement has no force);
  *convergent* and *cumulative* inferences (by ``scheme``) instead fall only when
  all their premises are out, through ``~nopremise:I``;
* a conflict attacks its target — a statement (rebut, undermine) or a relation
  (undercut) — and is itself attacked by the undercuts aimed at it; a rebut or
  undermine lands only if the attack is not weaker than the target's strongest
  inference (``Conflict.weight`` against ``Inference.weight``, both 1 unless set:
  preference-based defeat as in ASPIC+), while an undercut always lands;
* the audience: ``assume=`` makes a statement IN whatever attacks it (its incoming
  attacks are dropped), ``reject=`` makes it OUT (an unattacked ``~rejected:S``
  attacks it).

**Proof standards.** For an issue with a standard, each claim answering it (a
*position*) is weighed: *pro* is the greatest weight among its applicable (IN)
inferences, *con* the greatest among the applicable inferences of the rival
positions. Weights default to 1 (``Inference.weight``, or ``weights=``);
cumulative inferences weigh the share of their premises that are IN.

=========================  ================================================
standard                   a position meets it when
=========================  ================================================
scintilla                  pro > 0
preponderance              pro > con
clear-and-convincing       pro > α and pro − con > β   (α = 0.5, β = 0.3)
beyond-reasonable-doubt    clear-and-convincing and con < γ   (γ = 0.2)
dialectical-validity       pro > 0 and con = 0
=========================  ================================================

A position that meets its standard is IN; one that fails while a rival meets it,
or that has no applicable argument, is OUT; otherwise it is undecided. Decided
positions are fixed and the framework is labelled again until nothing changes,
since positions may be premises elsewhere.

Example:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(parties={"f": "Federal", "l": "Local"})
    >>> q = m.issue("May grants be withheld?", id="Q")
    >>> c = m.claim("Yes", id="C1", party="f", answers=q)
    >>> p = m.premise("Congress delegated the power", id="P1", supports=c, party="f")
    >>> r = m.rebuttal("Only Congress spends", id="R1", attacks=c, party="l")
    >>> u = m.undercutter("Congress did delegate it", id="U1", undercuts=r, party="f")
    >>> ev = evaluate(m)
    >>> ev.status("C1"), ev.status("R1"), ev.status("R1-|C1")
    ('accepted', 'accepted', 'rejected')
    >>> print(ev.explain("C1", depth=3))
    “Yes” is accepted: its inference from “Congress delegated the power” holds; “Only Congress spends” attacks it, but that attack is undercut by “Congress did delegate it”, which stands unanswered.
      - “Congress delegated the power” is accepted: nothing attacks it.
      - The rebut by “Only Congress spends” of “Yes” fails: it is undercut by “Congress did delegate it”, which stands unanswered.
        - “Congress did delegate it” is accepted: nothing attacks it.
    >>> diff(ev, evaluate(m, reject=["P1"])).changed()
    ['C1', 'P1', 'P1->C1', 'Q']

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Gordon, T. F., Prakken, H., & Walton, D. (2007). The Carneades model of
    argument and burden of proof. *Artificial Intelligence*, 171(10–15), 875–896.

    Gordon, T. F., & Walton, D. (2009). Proof burdens and standards. In
    I. Rahwan & G. Simari (Eds.), *Argumentation in Artificial Intelligence*
    (pp. 239–258). Springer.

    Modgil, S., & Prakken, H. (2013). A general account of argumentation with
    preferences. *Artificial Intelligence*, 195, 361–397.
"""

from __future__ import annotations

import weakref
from array import array
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeAlias, cast, overload

import attrs

from ._compiled import IN, OUT, UNDEC, IntFramework, grounded_codes, relabel, undecided_parts
from ._explain import Explanation, Status, build, md_escape, outcome_sentence
from ._nogc import no_gc
from .exceptions import ArgmapTypeError, EvaluationError, UnknownNodeError, did_you_mean, expect
from .graph import ArgumentMap, Ref, _ref
from .model import PROOF_STANDARDS, Conflict, Inference, Issue, ProofStandard, Relation

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CHANGE_KINDS",
    "Change",
    "Diff",
    "Evaluation",
    "Explanation",
    "IssueOutcome",
    "Status",
    "diff",
    "evaluate",
    "to_framework",
]

Leaves: TypeAlias = Literal["assumed", "questioned"]
#: Who the audience assumes and who it rejects (ids).
_Audience: TypeAlias = tuple[tuple[str, ...], tuple[str, ...]]
_STATUS = {"in": "accepted", "out": "rejected", "undec": "undecided"}
#: Schemes whose inferences need only one premise IN (cumulative ones weigh the share IN).
CONVERGENT_SCHEMES = frozenset({"convergent", "cumulative"})
#: Thresholds of the standards (Gordon & Walton 2009): α, β, γ.
THRESHOLDS: Mapping[str, float] = {"alpha": 0.5, "beta": 0.3, "gamma": 0.2}
CHANGE_KINDS = ("statement", "inference", "conflict", "issue")


# ============================================================================ framework


def _check_map(m: object, param: str = "m") -> None:
    if isinstance(m, Evaluation):
        raise ArgmapTypeError(f"{param}: expected an ArgumentMap, not an Evaluation (pass ev.map)")
    expect(m, ArgumentMap, param, "an ArgumentMap")


def _ids(value: object, param: str) -> tuple[str, ...]:
    """Ids from one id or node, or a collection of them (a bare string is one id)."""
    if value is None:
        return ()
    if isinstance(value, str) or hasattr(value, "id"):
        value = (value,)
    if not isinstance(value, Iterable) or isinstance(value, Mapping | bytes):
        raise ArgmapTypeError(
            f"{param}: expected an id or a list of ids, not {type(value).__name__} {value!r}"
        )
    out = []
    for item in value:
        if not isinstance(item, str) and not isinstance(getattr(item, "id", None), str):
            raise ArgmapTypeError(f"{param}: expected ids, not {type(item).__name__} {item!r}")
        out.append(_ref(item))
    return tuple(dict.fromkeys(out))


def _check_weights(weights: object) -> dict[str, float]:
    if weights is None:
        return {}
    expect(weights, Mapping, "weights", "a mapping {relation id: weight}")
    assert isinstance(weights, Mapping)
    for key in weights:
        expect(key, str, "weights", "relation ids as keys")
    return dict(weights)


def _unsupported(sid: str) -> str:
    return f"~unsupported:{sid}"


def _not(sid: str) -> str:
    return f"~not:{sid}"


#: the kinds of relation, and of auxiliary argument, that :meth:`_Compiled._wire` makes
_CONVERGENT, _LINKED, _CONFLICT = 0, 1, 2
_NOT, _UNSUPPORTED, _NOPREMISE, _WEAKER = 0, 1, 2, 3
_AUX_PREFIX = ("~not:", "~unsupported:", "~nopremise:", "~weaker:")


class _AuxNames(Sequence[str]):
    """The names of a compiled framework's arguments: the map's ids, then those of
    the auxiliary arguments (``~not:P1``), each made only when it is read.

    Nothing on the evaluation's path reads an auxiliary argument's name, and at
    50,000 statements making all of them took a tenth of compiling.

    Example:
        >>> names = _AuxNames(["P", "R"], bytearray([_NOT, _WEAKER]), array("l", [0, 1]))
        >>> list(names), len(names), names[-1]
        (['P', 'R', '~not:P', '~weaker:R'], 4, '~weaker:R')
    """

    __slots__ = ("_kind", "_of", "_real")

    def __init__(self, real: list[str], kind: bytearray, of: array[int]) -> None:
        self._real, self._kind, self._of = real, kind, of

    def __len__(self) -> int:
        return len(self._real) + len(self._kind)

    def __iter__(self) -> Iterator[str]:
        yield from self._real
        for k, of in zip(self._kind, self._of, strict=True):
            yield _AUX_PREFIX[k] + self._real[of]

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self._real)
        if i < 0:
            i += len(self)
        if 0 <= i < n:
            return self._real[i]
        if not n <= i < len(self):
            raise IndexError("argument index out of range")
        return _AUX_PREFIX[self._kind[i - n]] + self._real[self._of[i - n]]


def _check_audience(
    m: ArgumentMap, assume: object, reject: object
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    assumed = _ids(assume, "assume")
    rejected = _ids(reject, "reject")
    for ident in sorted({*assumed, *rejected}):
        m.statement(ident)  # unknown ids are errors, named
    both = set(assumed) & set(rejected)
    if both:
        raise EvaluationError(f"cannot both assume and reject {sorted(both)}")
    return assumed, rejected


#: an answer to an issue: its id, its index, and its inferences as (index, weight,
#: premise indices when the weight is shared among them, i.e. cumulative)
_Position: TypeAlias = tuple[str, int, tuple[tuple[int, float, tuple[int, ...] | None], ...]]
#: an attack by name, with the statement it defeats (None: it defeats none)
_Hit: TypeAlias = tuple[str, str, str | None]
#: an issue decided: its winners, its (pro, con) table, and the answers it forces in
#: and out
_Decision: TypeAlias = tuple[
    tuple[str, ...], dict[str, tuple[float, float]], tuple[str, ...], tuple[str, ...]
]


class _Round:
    """One round of the proof standards' fixpoint: the audience labelled (answers
    forced so far included), the labels, each issue's decision, and the answers those
    decisions force in and out for the next round."""

    __slots__ = ("assumed", "codes", "decisions", "forced_in", "forced_out", "rejected")

    def __init__(
        self,
        audience: tuple[Iterable[str], Iterable[str]],
        codes: list[int],
        decisions: dict[str, _Decision],
        forced: tuple[set[str], set[str]],
    ) -> None:
        self.assumed, self.rejected = frozenset(audience[0]), frozenset(audience[1])
        self.codes = codes
        self.decisions = decisions
        self.forced_in, self.forced_out = forced


class _Plan:
    """What evaluating a compiled map under one set of proof standards reuses: the
    standards, each issue's compiled positions, and (grounded semantics) the rounds,
    outcomes and issue statuses of the evaluation without an audience."""

    __slots__ = ("outcomes", "positions", "rounds", "statuses", "stds")

    def __init__(
        self,
        stds: dict[str, ProofStandard | None],
        positions: dict[str, tuple[ProofStandard, list[_Position]]],
    ) -> None:
        self.stds, self.positions = stds, positions
        self.rounds: list[_Round] | None = None
        self.outcomes: dict[str, IssueOutcome] = {}
        self.statuses: dict[str, Status] = {}


class _Compiled:
    """A map's framework without an audience, compiled once per map version.

    ``af`` holds every argument (statements and relations first, in map order) and
    every attack; ``sup`` the attacks that make each statement need support (dropped
    when the audience assumes or rejects it) and ``rel_edges`` the relations' attacks,
    each with the statement it hits when it is a defeat of one (dropped when that
    statement is assumed), so that :meth:`export` rebuilds exactly the framework
    :func:`to_framework` documents for any audience.
    """

    __slots__ = (
        "_by_id",
        "_inf_of",
        "_leaves",
        "_positions",
        "_relations",
        "_stamps",
        "_strings",
        "_weights",
        "_where",
        "af",
        "base",
        "issue_of",
        "issues",
        "last_outcomes",
        "n_real",
        "n_stmts",
        "outcomes",
        "plans",
        "readers",
        "real",
        "solved",
        "weaker",
    )

    def __init__(self, m: ArgumentMap, leaves: Leaves, weights: Mapping[str, float]) -> None:
        with no_gc():
            self._build(m, leaves, weights)

    def _build(self, m: ArgumentMap, leaves: Leaves, weights: Mapping[str, float]) -> None:
        self.real: list[str] = [*m.statements, *m.relations]
        self.n_stmts = len(m.statements)  # the statements come first in real
        self.n_real = len(self.real)
        self._relations: list[Relation] = list(m.relations.values())
        self._leaves: Leaves = leaves
        self._weights = weights
        self.issues: list[Issue] = m.issues
        self.issue_of = {i.id: i for i in self.issues}
        self._by_id: tuple[dict[str, list[Inference]], set[str]] | None = None
        self._inf_of: list[list[int] | None] = []
        self._stamps: Mapping[str, int] = m._stamp
        self._where: array[int] = array("l")
        self.weaker: frozenset[str] = frozenset()
        self.af = self._wire(m)
        self._strings: tuple[dict[str, list[tuple[str, str]]], list[_Hit]] | None = None
        self.base: list[int] | None = None
        self._positions: dict[str, list[_Position]] | None = None
        #: outcomes already explained (see :func:`_outcomes`), and per issue the last
        #: decision explained, with its standard and outcome
        self.outcomes: dict[tuple[Any, ...], IssueOutcome] = {}
        self.last_outcomes: dict[str, tuple[_Decision, ProofStandard | None, IssueOutcome]] = {}
        #: label index -> the issues whose decision reads it (see :meth:`positions`)
        self.readers: dict[int, list[str]] = {}
        #: per set of standards (None: the map's own), what evaluating reuses
        self.plans: dict[Any, _Plan] = {}
        #: per semantics, solver and part of the undecided arguments: see :func:`_sceptical`
        self.solved: _Solved = {}

    def plan(self, m: ArgumentMap, standards: Mapping[str, str] | str | None) -> _Plan:
        """The standards given (checked) with what evaluating under them reuses."""
        if standards is None and None in self.plans:
            return self.plans[None]
        stds = _standards(self.issues, standards)
        key = None if standards is None else tuple(sorted(stds.items(), key=lambda kv: kv[0]))
        found = self.plans.get(key)
        if found is None:
            if len(self.plans) >= 8:
                self.plans.clear()
            compiled = self.positions(m)
            positions = {i: (std, compiled[i]) for i, std in stds.items() if std is not None}
            found = self.plans[key] = _Plan(stds, positions)
        return found

    def positions(self, m: ArgumentMap) -> dict[str, list[_Position]]:
        """Each issue's answers with their inferences, as indices into the labels.

        Deciding an issue reads only these labels; compiled once per map version, so
        a what-if re-decides every issue without going back to the map.
        """
        if self._positions is None:
            at = self.at
            inf_of, relations, n_s = self._inf_of, self._relations, self.n_stmts
            out: dict[str, list[_Position]] = {}
            answered_by = m._answered_by  # ids in map order: m.answers without the objects
            for issue in self.issues:
                rows: list[_Position] = []
                for cid in answered_by.get(issue.id, ()):
                    ci = at(cid)
                    steps = []
                    for r in inf_of[ci] or ():
                        inf = cast("Inference", relations[r - n_s])
                        shared = (
                            tuple(at(q) for q in inf.premises)
                            if inf.scheme == "cumulative" and inf.premises
                            else None
                        )
                        steps.append((r, _weight_of(inf, self._weights), shared))
                    rows.append((cid, ci, tuple(steps)))
                    for read in (ci, *(i for i, _, _ in steps)):
                        self.readers.setdefault(read, []).append(issue.id)
                    for _, _, shared in steps:
                        for q in shared or ():
                            self.readers.setdefault(q, []).append(issue.id)
                out[issue.id] = rows
            self._positions = out
        return self._positions

    def _relations_by_id(self) -> tuple[dict[str, list[Inference]], set[str]]:
        """By id: each statement's inferences, and the statements that premise an
        inference or attack something (each gets a "not" argument); for :meth:`export`."""
        if self._by_id is None:
            infs: dict[str, list[Inference]] = {}
            needs_not: set[str] = set()
            for rel in self._relations:
                needs_not.update(rel.sources)
                if isinstance(rel, Inference):
                    infs.setdefault(rel.conclusion, []).append(rel)
            self._by_id = (infs, needs_not)
        return self._by_id

    def _resolve_ends(
        self, m: ArgumentMap
    ) -> tuple[list[tuple[int, list[int], int]], array[float]]:
        """Each relation's ends as indices: ``(kind, sources, conclusion or target)``,
        the sources being an inference's premises or a conflict's attacker (one); and
        each relation's weight.

        One pass over the relations, reading each once. The ends come from the stamps
        the map gave them when it took the relation (``m._ends``), not from looking
        up their ids; only an end that is not a statement (an undercut's relation) is
        looked up by id. Sets :attr:`_where` (a statement's stamp -> its index) and
        :attr:`_inf_of` (each statement's inferences) on the way.
        """
        n_s = self.n_stmts
        stamps = m._stamp.values()  # in the order of m.statements (a test holds it)
        # sized for every stamp given (a map sharing its dicts may have given more)
        where = self._where = array("l", [-1]) * (max(m._ticks, max(stamps, default=0)) + 1)
        for i, stamp in zip(range(n_s), stamps, strict=True):
            where[stamp] = i  # stamp 0 stays -1: an end that is no statement
        by_id: dict[str, int] = {}

        def index(name: str) -> int:
            if not by_id:
                by_id.update(zip(self.real, range(self.n_real), strict=True))
            return by_id[name]

        inf_of: list[list[int] | None] = [None] * n_s
        out: list[tuple[int, list[int], int]] = []
        strength = array("d")
        weights = self._weights
        for r, (rel, ends) in enumerate(zip(self._relations, m._ends.values(), strict=True), n_s):
            w = weights.get(rel.id) if weights else None
            strength.append(w if w is not None else 1.0 if rel.weight is None else rel.weight)
            if isinstance(rel, Inference):
                premises = [where[p] for p in ends[1:]]
                c = where[ends[0]]
                if c < 0 or (premises and min(premises) < 0):
                    premises, c = [index(p) for p in rel.premises], index(rel.conclusion)
                found = inf_of[c]
                if found is None:
                    inf_of[c] = [r]
                else:
                    found.append(r)
                convergent = rel.scheme in CONVERGENT_SCHEMES and premises
                out.append((_CONVERGENT if convergent else _LINKED, premises, c))
            else:
                a, t = where[ends[1]], where[ends[0]]
                out.append(
                    (
                        _CONFLICT,
                        [a if a >= 0 else index(rel.attacker)],
                        t if t >= 0 else index(rel.target),
                    )
                )
        self._inf_of = inf_of
        return out, strength

    def _wire(self, m: ArgumentMap) -> IntFramework:
        """The framework without an audience, built straight into integer rows.

        The same arguments, in the same order, and the same attacks as
        ``IntFramework.from_edges(self.real, self._edges((), ()))`` (a test holds the
        two equal), from the relations' ends as indices (:meth:`_resolve_ends`), wiring in
        indices only. The auxiliary arguments' names are made only when read
        (:class:`_AuxNames`). Sets :attr:`weaker` (the conflicts too weak to defeat
        their statement).

        At 50,000 statements compiling is bound by reading memory, not by computing:
        each pass over the map's objects, and each lookup by id, costs two to three
        times what it does at 10,000, where they fit in the processor's cache. So
        this reads the map as few times as it can (``benchmarks/bench_scale.py``).
        """
        n_s = self.n_stmts
        ends, strength = self._resolve_ends(m)
        inf_of = self._inf_of
        needs_not = bytearray(self.n_real)  # a premise or an attacker: gets a "not" argument
        for _, sources, _ in ends:
            for p in sources:
                needs_not[p] = 1
        # attack k: src[k] attacks dst[k]; arrays, not lists, keep the indices together
        # in memory rather than as int objects scattered across a large map's heap
        src: array[int] = array("l")
        dst: array[int] = array("l")
        attack, attacked = src.append, dst.append
        aux_kind = bytearray()  # per auxiliary argument (numbered from n_real on): its
        aux_of: array[int] = array("l")  # kind, and the argument it belongs to
        kind, of = aux_kind.append, aux_of.append
        nots = array("l", [0]) * n_s
        questioned = self._leaves == "questioned"
        nxt = self.n_real
        for i in range(n_s):
            if needs_not[i]:
                nots[i] = nxt
                kind(_NOT)
                of(i)
                attack(i)
                attacked(nxt)
                nxt += 1
            found = inf_of[i]
            if found is not None or questioned:
                kind(_UNSUPPORTED)
                of(i)
                for r in found or ():
                    attack(r)
                    attacked(nxt)
                attack(nxt)
                attacked(i)
                nxt += 1
        weaker: list[str] = []
        for r, (what, sources, b) in enumerate(ends, n_s):
            if what == _CONVERGENT:
                kind(_NOPREMISE)
                of(r)
                for p in sources:
                    attack(p)
                    attacked(nxt)
                attack(nxt)
                attacked(r)
                nxt += 1
                continue
            for p in sources:
                attack(nots[p])
                attacked(r)
            if what == _CONFLICT:
                # an undercut always defeats; an attack on a statement unless it weighs
                # less than the statement's strongest inference
                found = inf_of[b] if b < n_s else None
                if b < n_s and strength[r - n_s] < max(
                    (strength[k - n_s] for k in found or ()), default=1.0
                ):
                    weaker.append(self.real[r])
                    kind(_WEAKER)
                    of(r)
                    attack(nxt)
                    attacked(r)
                    nxt += 1
                else:
                    attack(r)
                    attacked(b)
        self.weaker = frozenset(weaker)
        # the index (made at the first lookup by id) holds the map's ids only: auxiliary
        # arguments are never looked up by name
        names = _AuxNames(self.real, aux_kind, aux_of)
        return IntFramework(names, src, dst, indexed=self.n_real)

    def at(self, sid: str) -> int:
        """The index of statement ``sid``, from the stamp the map gave it: no index by
        id is made. Only for the map version compiled (the evaluation's own path).

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
            >>> _compiled(m, "assumed", {}).at("P1")
            1
        """
        return self._where[self._stamps[sid]]

    def _string_parts(self) -> tuple[dict[str, list[tuple[str, str]]], list[_Hit]]:
        """The attacks by name, for :meth:`export`: per statement those that make it
        need support, and the relations' attacks, each with the statement it defeats."""
        if self._strings is None:
            infs = self._relations_by_id()[0]
            sup: dict[str, list[tuple[str, str]]] = {}
            for sid in self.real[: self.n_stmts]:
                inferences = infs.get(sid)
                if inferences:
                    edges = [(inf.id, _unsupported(sid)) for inf in inferences]
                    edges.append((_unsupported(sid), sid))
                    sup[sid] = edges
                elif self._leaves == "questioned":
                    sup[sid] = [(_unsupported(sid), sid)]
            rel_edges: list[_Hit] = []
            add = rel_edges.append
            for rel in self._relations:
                if isinstance(rel, Inference):
                    if rel.scheme in CONVERGENT_SCHEMES and rel.premises:
                        none = f"~nopremise:{rel.id}"
                        for p in rel.premises:
                            add((p, none, None))
                        add((none, rel.id, None))
                    else:
                        for p in rel.premises:
                            add((_not(p), rel.id, None))
                else:
                    add((_not(rel.attacker), rel.id, None))
                    if rel.id in self.weaker:
                        add((f"~weaker:{rel.id}", rel.id, None))
                    else:
                        add((rel.id, rel.target, rel.target))
            self._strings = (sup, rel_edges)
        return self._strings

    def _edges(self, assumed: Iterable[str], rejected: Iterable[str]) -> list[tuple[str, str]]:
        assumed = set(assumed)
        rejected = set(rejected)
        out: list[tuple[str, str]] = []
        needs_not = self._relations_by_id()[1]
        sup, rel_edges = self._string_parts()
        for sid in self.real[: self.n_stmts]:
            if sid in needs_not:
                out.append((sid, _not(sid)))
            if sid in rejected:
                out.append((f"~rejected:{sid}", sid))
            elif sid not in assumed and sid in sup:
                out.extend(sup[sid])
        out.extend((u, v) for u, v, hit in rel_edges if hit is None or hit not in assumed)
        return out

    def export(self, assumed: Iterable[str], rejected: Iterable[str]) -> nx.DiGraph[str]:
        """The framework for this audience as a networkx graph."""
        import networkx as nx

        af: nx.DiGraph[str] = nx.DiGraph()
        af.add_nodes_from(self.real)
        af.add_edges_from(self._edges(assumed, rejected))
        return af

    def grounded(self, assumed: Iterable[str], rejected: Iterable[str]) -> _Codes:
        """Grounded labels of the statements and relations, relabelling only what can change."""
        if self.base is None:
            self.base = grounded_codes(self.af)
        at = self.at
        codes = grounded_codes(
            self.af,
            base=self.base,
            assumed=[at(s) for s in assumed],
            rejected=[at(s) for s in rejected],
        )
        return _Codes(self, codes, _CODE_NAMES)


class _Codes(Mapping[str, str]):
    """A read-only ``{id: label}`` view over label codes (no per-id dict is built).

    The keys are the map's statement and relation ids, in map order; ``extra``
    overrides some values (the issues' outcomes).
    """

    __slots__ = ("_codes", "_comp", "_extra", "_names")

    def __init__(
        self,
        comp: _Compiled,
        codes: list[int],
        names: Mapping[int, str],
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self._comp = comp
        self._codes = codes
        self._names = names
        self._extra = extra or {}

    def __getitem__(self, key: str) -> str:
        if key in self._extra:
            return self._extra[key]
        i = self._comp.af.index.get(key, -1) if isinstance(key, str) else -1
        if not 0 <= i < self._comp.n_real:
            raise KeyError(key)
        return self._names[self._codes[i]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._comp.real)

    def __len__(self) -> int:
        return self._comp.n_real

    def __contains__(self, key: object) -> bool:
        i = self._comp.af.index.get(key, -1) if isinstance(key, str) else -1
        return 0 <= i < self._comp.n_real

    def __repr__(self) -> str:
        return repr(dict(self))

    @property
    def codes(self) -> list[int]:
        """The label codes, indexed like the compiled framework's arguments."""
        return self._codes

    def relabelled(self, names: Mapping[int, str], extra: Mapping[str, str]) -> _Codes:
        """The same codes under other label names, with some values overridden."""
        return _Codes(self._comp, self._codes, names, extra)


_CODE_NAMES = {UNDEC: "undec", IN: "in", OUT: "out"}
_CODE_STATUS = {UNDEC: "undecided", IN: "accepted", OUT: "rejected"}
_CACHE: dict[int, tuple[weakref.ref[ArgumentMap], int, dict[Any, _Compiled]]] = {}


def _compiled(m: ArgumentMap, leaves: Leaves, weights: Mapping[str, float]) -> _Compiled:
    """The map's compiled framework, cached until the map changes (``m._version``)."""
    key = (leaves, tuple(sorted(weights.items())))
    entry = _CACHE.get(id(m))
    if entry is None or entry[0]() is not m or entry[1] != m._version:
        ident = id(m)
        ref = weakref.ref(m, lambda _r: _CACHE.pop(ident, None))
        entry = (ref, m._version, {})
        _CACHE[ident] = entry
    table = entry[2]
    found = table.get(key)
    if found is None:
        if len(table) >= 8:
            table.clear()
        found = table[key] = _Compiled(m, leaves, weights)
    return found


def to_framework(
    m: ArgumentMap,
    *,
    assume: Iterable[Ref] | Ref | None = (),
    reject: Iterable[Ref] | Ref | None = (),
    leaves: Leaves = "assumed",
    weights: Mapping[str, float] | None = None,
) -> nx.DiGraph[str]:
    """The abstract framework :func:`evaluate` labels (see the module docstring).

    Arguments are statement and relation ids plus auxiliary ``~…`` arguments;
    an edge ``u → v`` means u attacks v.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> sorted(to_framework(m).edges)
        [('R', '~not:R'), ('R-|C', 'C'), ('~not:R', 'R-|C')]
    """
    _check_map(m)
    assumed, rejected = _check_audience(m, assume, reject)
    weight_map = _check_weights(weights)
    return _compiled(m, leaves, weight_map).export(assumed, rejected)


# ============================================================================ values


@attrs.frozen
class IssueOutcome:
    """How an issue comes out under its proof standard.

    Attributes:
        issue: the issue's id.
        standard: the proof standard applied (``None``: the issue has none, and its
            positions are left to the semantics).
        status: ``"accepted"`` when a position meets the standard (the issue is
            resolved), otherwise ``"undecided"``.
        winners: ids of the positions (claims) that meet the standard.
        weights: ``{claim id: (pro, con)}`` as weighed.
        explanation: one or two plain sentences.

    Example:
        >>> IssueOutcome("Q", "preponderance", "accepted", ("C1",), {}, "C1 prevails.").resolved
        True
    """

    issue: str
    standard: ProofStandard | None
    status: Status
    winners: tuple[str, ...]
    weights: Mapping[str, tuple[float, float]]
    explanation: str

    @property
    def resolved(self) -> bool:
        """True when some position meets the standard.

        Example:
            >>> IssueOutcome("Q", None, "undecided", (), {}, "").resolved
            False
        """
        return self.status == "accepted"

    # -- display (repr, text, Jupyter); kept to these methods so they merge cleanly

    def _rows(self) -> list[list[str | int | float | None]]:
        return [
            [cid, _num(pro), _num(con), "yes" if cid in self.winners else "no"]
            for cid, (pro, con) in self.weights.items()
        ]

    def _headline(self) -> str:
        standard = f"under {self.standard}" if self.standard else "with no proof standard"
        return f"{self.issue}: {self.status} {standard}"

    def __repr__(self) -> str:
        won = f"; meets it: {', '.join(self.winners)}" if self.winners else ""
        return f"<IssueOutcome {self._headline()}{won}>"

    def __str__(self) -> str:
        """The outcome, its explanation and the weighing, as plain text.

        Example:
            >>> o = IssueOutcome("Q", "preponderance", "accepted", ("C1",),
            ...                  {"C1": (1.0, 0.0), "C2": (0.0, 1.0)}, "C1 prevails.")
            >>> o
            <IssueOutcome Q: accepted under preponderance; meets it: C1>
            >>> print(o)
            Q: accepted under preponderance
            C1 prevails.
              claim  for  against  meets the standard
              C1       1        0  yes
              C2       0        1  no
        """
        from ._display import text_table

        parts = [self._headline()]
        if self.explanation:
            parts.append(self.explanation)
        if self.weights:
            parts.append(text_table(_OUTCOME_HEADER, self._rows(), indent="  "))
        return "\n".join(parts)

    def _repr_markdown_(self) -> str:
        from ._display import md_escape, md_table

        parts = [f"**{md_escape(self._headline())}**"]
        if self.explanation:
            parts.append(md_escape(self.explanation))
        if self.weights:
            parts.append(md_table(_OUTCOME_HEADER, self._rows()))
        return "\n\n".join(parts)

    def _repr_html_(self) -> str:
        import html

        from ._display import html_table

        out = f"<p><strong>{html.escape(self._headline())}</strong></p>"
        if self.explanation:
            out += f"<p>{html.escape(self.explanation)}</p>"
        if self.weights:
            out += html_table(_OUTCOME_HEADER, self._rows())
        return out


_OUTCOME_HEADER = ["claim", "for", "against", "meets the standard"]


def _num(x: float) -> int | float:
    """A weight as shown: whole numbers without ``.0``."""
    return int(x) if float(x).is_integer() else round(x, 3)


@attrs.frozen(eq=False)
class Evaluation:
    """The result of :func:`evaluate`: statuses, issue outcomes and explanations.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> ev = evaluate(m)
        >>> ev.status(c), ev.accepted(), ev.to_dict()["statuses"]["C"]
        ('rejected', ['R'], 'rejected')
    """

    map: ArgumentMap
    semantics: str
    standards: Mapping[str, ProofStandard | None]
    assumed: tuple[str, ...]
    rejected: tuple[str, ...]
    leaves: Leaves
    labels: Mapping[str, Status]
    outcomes: Mapping[str, IssueOutcome]
    extensions: int
    _compiled: _Compiled = attrs.field(repr=False, alias="compiled")
    _audience: _Audience = attrs.field(repr=False, alias="audience", default=((), ()))
    _weights: Mapping[str, float] = attrs.field(repr=False, factory=dict)
    #: Output hooks set by the rendering layer (``"display"``), as on ArgumentMap.
    hooks: ClassVar[dict[str, Any]] = {}

    def status(self, ref: Ref) -> Status:
        """``"accepted"``, ``"rejected"`` or ``"undecided"`` for a statement or relation.

        For an issue: ``"accepted"`` when resolved under its standard.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x", id="C")
            >>> evaluate(m).status("C")
            'accepted'
        """
        ident = _ref(ref)
        try:
            return self.labels[ident]
        except KeyError:
            raise UnknownNodeError(
                f"{ident!r} is not in the map{did_you_mean(ident, list(self.labels))}"
            ) from None

    def accepted(self) -> list[str]:
        """Ids of the accepted statements, in map order.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); _ = m.claim("x", id="C")
            >>> evaluate(m).accepted()
            ['C']
        """
        return [s for s in self.map.statements if self.labels.get(s) == "accepted"]

    def rejected_ids(self) -> list[str]:
        """Ids of the rejected statements, in map order.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); _ = m.claim("x", id="C")
            >>> evaluate(m, reject=["C"]).rejected_ids()
            ['C']
        """
        return [s for s in self.map.statements if self.labels.get(s) == "rejected"]

    def undecided(self) -> list[str]:
        """Ids of the undecided statements, in map order.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); a = m.claim("a", id="A"); b = m.claim("b", id="B", attacks=a)
            >>> _ = m.attack(a, b); evaluate(m).undecided()
            ['A', 'B']
        """
        return [s for s in self.map.statements if self.labels.get(s) == "undecided"]

    def outcome(self, issue: Ref) -> IssueOutcome:
        """The outcome of an issue under its proof standard.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); q = m.issue("?", id="Q", standard="scintilla")
            >>> _ = m.claim("yes", id="C", answers=q)
            >>> evaluate(m).outcome("Q").winners
            ('C',)
        """
        ident = _ref(issue)
        if ident not in self.outcomes:
            raise UnknownNodeError(f"{ident!r} is not an issue of the map")
        return self.outcomes[ident]

    def weight(self, relation: Ref) -> float:
        """The weight used for an inference or conflict (1 unless set).

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
            >>> evaluate(m, weights={"P1->C1": 0.4}).weight("P1->C1")
            0.4
        """
        ident = _ref(relation)
        rel = self.map.relations.get(ident)
        if rel is None:
            raise UnknownNodeError(f"{ident!r} is not a relation of the map")
        return _weight_of(rel, self._weights)

    def too_weak(self, conflict: Ref) -> bool:
        """Whether a rebut or undermine fails for being weaker than its target's support.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
            >>> evaluate(m).too_weak("R-|C"), evaluate(m, weights={"R-|C": 0.5}).too_weak("R-|C")
            (False, True)
        """
        ident = _ref(conflict)
        self.weight(ident)  # unknown ids are errors, named
        return ident in self._compiled.weaker

    @property
    def framework(self) -> nx.DiGraph[str]:
        """The abstract framework that was labelled last, as :func:`to_framework` gives it.

        Built on request (evaluation itself labels a compiled copy, not a networkx graph).

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x", id="C"); p = m.premise("y", id="P", supports=c)
            >>> sorted(evaluate(m, reject="P").framework.edges)
            [('P', '~not:P'), ('P->C', '~unsupported:C'), ('~not:P', 'P->C'), ('~rejected:P', 'P'), ('~unsupported:C', 'C')]
        """
        return self._compiled.export(*self._audience)

    def explain(self, ref: Ref, depth: int = 1) -> str:
        """Why a statement, relation or issue has its status, in prose for readers.

        The first line names the decisive attackers or supporters by their labels;
        with ``depth`` > 1 the reasons for those follow, indented, one level each.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
            >>> print(evaluate(m).explain("C"))
            “x” is rejected: “no” attacks it and stands unanswered.
        """
        return self.explanation(ref, depth).to_text()

    def explanation(self, ref: Ref, depth: int = 1) -> Explanation:
        """The structured form of :meth:`explain`: status, standard, decisive nodes, chain.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
            >>> e = evaluate(m).explanation(c)
            >>> e.status, e.attackers, e.children
            ('rejected', ('R',), ())
        """
        ident = _ref(ref)
        self.status(ident)  # unknown ids are errors, named
        if isinstance(depth, bool) or not isinstance(depth, int):
            raise ArgmapTypeError(f"depth must be a whole number, not {depth!r}")
        if depth < 1:
            raise EvaluationError(f"depth must be at least 1, not {depth}")
        return build(self, ident, depth)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON): options, statuses, issue outcomes.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); _ = m.claim("x", id="C")
            >>> sorted(evaluate(m).to_dict())
            ['assumed', 'extensions', 'issues', 'leaves', 'rejected', 'semantics', 'statuses']
        """
        return {
            "semantics": self.semantics,
            "leaves": self.leaves,
            "assumed": list(self.assumed),
            "rejected": list(self.rejected),
            "extensions": self.extensions,
            "statuses": dict(self.labels),
            "issues": {
                k: {
                    "standard": o.standard,
                    "status": o.status,
                    "winners": list(o.winners),
                    "weights": {c: list(w) for c, w in o.weights.items()},
                    "explanation": o.explanation,
                }
                for k, o in self.outcomes.items()
            },
        }

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        hook = self.hooks.get("display")
        if hook is None:
            return {"text/plain": repr(self)}
        result: dict[str, str] = hook(self, include=include, exclude=exclude)
        return result

    def __repr__(self) -> str:
        counts = dict.fromkeys(("accepted", "rejected", "undecided"), 0)
        for sid in self.map.statements:
            counts[self.labels[sid]] += 1
        shown = ", ".join(f"{n} {k}" for k, n in counts.items())
        return f"<Evaluation ({self.semantics}) of {self.map.title or 'a map'!r}: {shown}>"


# ============================================================================ evaluate


def _weight_of(rel: Inference | Conflict, weights: Mapping[str, float]) -> float:
    if rel.id in weights:
        return weights[rel.id]
    return 1.0 if rel.weight is None else float(rel.weight)


def _standards(
    issues: list[Issue], standards: Mapping[str, str] | str | None
) -> dict[str, ProofStandard | None]:
    out: dict[str, ProofStandard | None] = {i.id: i.standard for i in issues}
    if standards is None:
        return out
    if isinstance(standards, str):
        given = dict.fromkeys(out, standards)
    else:
        given = dict(standards)
    for issue, std in given.items():
        expect(issue, str, "standards", "issue ids as keys")
        if std is not None:
            expect(std, str, "standards", f"proof standards as values ({list(PROOF_STANDARDS)})")
        if issue not in out:
            raise EvaluationError(
                f"standards: {issue!r} is not an issue of the map"
                f"{did_you_mean(issue, list(out))} (issues: {list(out)})"
            )
        if std not in PROOF_STANDARDS:
            raise EvaluationError(
                f"unknown proof standard: {std!r}{did_you_mean(str(std), PROOF_STANDARDS)} "
                f"(must be one of {list(PROOF_STANDARDS)})"
            )
        out[issue] = std
    return out


def _meets(standard: ProofStandard, pro: float, con: float) -> bool:
    alpha, beta, gamma = THRESHOLDS["alpha"], THRESHOLDS["beta"], THRESHOLDS["gamma"]
    if standard == "scintilla":
        return pro > 0
    if standard == "preponderance":
        return pro > con
    if standard == "clear-and-convincing":
        return pro > alpha and pro - con > beta
    if standard == "beyond-reasonable-doubt":
        return pro > alpha and pro - con > beta and con < gamma
    return pro > 0 and con == 0  # dialectical-validity


def _label(comp: _Compiled, audience: _Audience, semantics: str, solver: str) -> tuple[_Codes, int]:
    """Label the statements and relations: sceptically across the extensions of ``semantics``."""
    grounded = comp.grounded(*audience)
    if semantics == "grounded":
        return grounded, 1
    codes, count = _sceptical(comp.af, grounded.codes, comp.n_real, semantics, solver, comp.solved)
    return _Codes(comp, codes, _CODE_NAMES), count


_Solved: TypeAlias = dict[tuple[str, str, tuple[int, ...]], tuple[list[tuple[int, int]], int]]


def _sceptical(
    af: IntFramework,
    grounded: list[int],
    n: int,
    semantics: str,
    solver: str,
    solved: _Solved,
) -> tuple[list[int], int]:
    """The labels of arguments ``0 .. n-1`` that are the same in every extension of
    ``semantics`` (others UNDEC), and the number of extensions, from the grounded
    labelling ``grounded`` of ``af``.

    Only what grounded semantics leaves undecided is solved, part by part
    (:func:`~argmap._compiled.undecided_parts`): the extensions of the whole are the
    products of the parts' extensions, so a label is the same in all of them when it
    is the same in all of its part's, and the count is the product of the parts'
    counts. Enumerating the whole instead costs the product: a map with forty
    independent standoffs has 2**40 preferred extensions. A part depends only on
    its members (the attacks between them do not change with the audience), so one
    already in ``solved``, as most are in a what-if, is not solved again.

    Example:
        >>> af = IntFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
        >>> _sceptical(af, grounded_codes(af), 3, "stable", "auto", {})
        ([0, 0, 0], 2)
        >>> _sceptical(af, grounded_codes(af, assumed=[0]), 3, "stable", "auto", {})
        ([1, 2, 1], 1)
    """
    codes = grounded[:n]
    count = 1
    for part in undecided_parts(af, grounded):
        key = (semantics, solver, tuple(part))
        found = solved.get(key)
        if found is None:
            if len(solved) >= 4096:
                solved.clear()
            found = solved[key] = _solve_part(af, part, n, semantics, solver)
        verdict, extensions = found
        if not extensions:  # a part without extensions leaves the whole without any
            return [UNDEC] * n, 0
        count *= extensions
        for v, code in verdict:
            codes[v] = code
    return codes, count


def _solve_part(
    af: IntFramework, part: list[int], n: int, semantics: str, solver: str
) -> tuple[list[tuple[int, int]], int]:
    """The label of each of ``part``'s arguments below ``n`` that is the same in every
    extension of ``semantics`` of the part alone, and the number of those extensions."""
    import networkx as nx

    from . import semantics as sem

    ps, pf, inside = af.pred_start, af.pred_flat, set(part)
    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(part)
    g.add_edges_from((u, v) for v in part for u in pf[ps[v] : ps[v + 1]] if u in inside)
    labs = sem.labellings(g, semantics, solver=solver)  # type: ignore[arg-type] # checked
    if not labs:
        return [], 0
    ins = frozenset.intersection(*(lab.in_ for lab in labs))
    outs = frozenset.intersection(*(lab.out for lab in labs))
    verdict = [(v, IN if v in ins else OUT) for v in part if v < n and (v in ins or v in outs)]
    return verdict, len(labs)


def evaluate(
    m: ArgumentMap,
    *,
    semantics: str = "grounded",
    standards: Mapping[str, str] | str | None = None,
    assume: Iterable[Ref] | Ref | None = (),
    reject: Iterable[Ref] | Ref | None = (),
    weights: Mapping[str, float] | None = None,
    leaves: Leaves = "assumed",
    solver: str = "auto",
) -> Evaluation:
    """Evaluate a map: label every statement and relation, decide every issue.

    Args:
        m: the map.
        semantics: ``"grounded"`` (default; one sceptical answer, linear time),
            ``"preferred"``, ``"stable"``, ``"complete"``, ``"semi-stable"`` or
            ``"ideal"``; with several extensions a node is accepted (rejected) when
            IN (OUT) in all of them, and undecided otherwise.
        standards: per-issue proof standards overriding the map's
            (``{"C0": "clear-and-convincing"}``), or one standard for every issue.
        assume: statements the audience accepts (a court's finding): IN whatever
            attacks them. One id (``assume="P1"``) or a list of ids or nodes.
        reject: statements the audience rejects: OUT whatever supports them
            (one id or a list, as for ``assume``).
        weights: ``{relation id: weight in [0, 1]}`` overriding inference weights.
        leaves: ``"assumed"`` (default): statements without inferences are taken
            as given; ``"questioned"``: they need the audience to assume them.
        solver: for enumerating semantics: ``"auto"``, ``"backtracking"`` or ``"sat"``.

    Raises:
        EvaluationError: unknown semantics, standard, or contradictory audience.
        ArgmapTypeError: an argument of the wrong type (the message names it).
        UnknownNodeError: an id in ``assume``, ``reject`` or ``weights`` not in the map.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); p = m.premise("y", id="P", supports=c)
        >>> evaluate(m).status("C"), evaluate(m, reject=["P"]).status("C")
        ('accepted', 'rejected')
        >>> evaluate(m, reject="P").rejected  # one id is one id, not its characters
        ('P',)
    """
    _check_map(m)
    if not (semantics == "grounded" and solver == "auto"):  # the default needs no networkx
        from . import semantics as sem

        expect(semantics, str, "semantics", f"one of {list(sem.SEMANTICS)}")
        expect(solver, str, "solver", f"one of {list(sem.SOLVERS)}")
        if semantics not in sem.SEMANTICS:
            raise EvaluationError(
                f"unknown semantics: {semantics!r}{did_you_mean(semantics, sem.SEMANTICS)} "
                f"(must be one of {list(sem.SEMANTICS)})"
            )
    if standards is not None and not isinstance(standards, str):
        expect(standards, Mapping, "standards", "a mapping {issue id: standard} or one standard")
    if leaves not in ("assumed", "questioned"):
        raise EvaluationError(f"leaves must be 'assumed' or 'questioned', not {leaves!r}")
    weight_map = _check_weights(weights)
    for rid, w in weight_map.items():
        if rid not in m.relations:
            own = [r.id for r in m.relations_from(rid)] if rid in m.statements else []
            hint = (
                f"; {rid} is a statement: weigh its relation{'s' if len(own) > 1 else ''} "
                f"{', '.join(map(repr, own))}"
                if own
                else did_you_mean(rid, list(m.relations))
            )
            raise UnknownNodeError(f"weights: {rid!r} is not a relation of the map{hint}")
        if isinstance(w, bool) or not isinstance(w, int | float) or not 0 <= w <= 1:
            raise EvaluationError(f"weights: {rid!r} must be a number in [0, 1], not {w!r}")
    assumed, rejected = _check_audience(m, assume, reject)
    comp = _compiled(m, leaves, weight_map)
    # allocation-heavy and free of reference cycles: pause the collector, which would
    # otherwise walk a large map's whole heap several times for nothing
    with no_gc():
        plan = comp.plan(m, standards)
        return _evaluate(m, comp, plan, semantics, solver, leaves, weight_map, assumed, rejected)


def _evaluate(
    m: ArgumentMap,
    comp: _Compiled,
    plan: _Plan,
    semantics: str,
    solver: str,
    leaves: Leaves,
    weight_map: dict[str, float],
    assumed: tuple[str, ...],
    rejected: tuple[str, ...],
) -> Evaluation:
    stds, positions = plan.stds, plan.positions
    run: tuple[_Codes, int, _Audience, list[_Round], set[str] | None] | None = None
    if semantics == "grounded" and plan.rounds is None:
        # a what-if is labelled, decided and explained against the evaluation without
        # an audience: only what its changes reach is done again
        run = _fixpoint(comp, positions, (), (), semantics, solver)
        plan.rounds = run[3]
        plain = cast("Mapping[str, Status]", run[0].relabelled(_CODE_STATUS, {}))
        plan.outcomes = _outcomes(m, comp, stds, plan.rounds[-1].decisions, plain)
        plan.statuses = {k: o.status for k, o in plan.outcomes.items()}
        # this evaluation is that one (nothing changed from it), or a what-if of it
        run = None if assumed or rejected else (*run[:4], set())
    raw, n_ext, audience, rounds, changed = run or _fixpoint(
        comp,
        positions,
        assumed,
        rejected,
        semantics,
        solver,
        plan.rounds if semantics == "grounded" else None,
    )
    if semantics == "grounded" and changed is not None:
        outcomes, statuses = dict(plan.outcomes), dict(plan.statuses)
        if changed:
            plain = cast("Mapping[str, Status]", raw.relabelled(_CODE_STATUS, {}))
            fresh = _outcomes(
                m,
                comp,
                stds,
                rounds[-1].decisions,
                plain,
                [comp.issue_of[k] for k in sorted(changed) if k in comp.issue_of],
            )
            outcomes.update(fresh)
            statuses.update({k: o.status for k, o in fresh.items()})
    else:
        plain = cast("Mapping[str, Status]", raw.relabelled(_CODE_STATUS, {}))
        outcomes = _outcomes(m, comp, stds, rounds[-1].decisions, plain)
        statuses = {k: o.status for k, o in outcomes.items()}
    labels = cast("Mapping[str, Status]", raw.relabelled(_CODE_STATUS, statuses))
    return Evaluation(
        map=m,
        semantics=semantics,
        standards=stds,
        assumed=assumed,
        rejected=rejected,
        leaves=leaves,
        labels=labels,
        outcomes=outcomes,
        extensions=n_ext,
        compiled=comp,
        weights=weight_map,
        audience=audience,
    )


def _fixpoint(
    comp: _Compiled,
    positions: Mapping[str, tuple[ProofStandard, list[_Position]]],
    assumed: tuple[str, ...],
    rejected: tuple[str, ...],
    semantics: str,
    solver: str,
    reference: list[_Round] | None = None,
) -> tuple[_Codes, int, _Audience, list[_Round], set[str] | None]:
    """Label, decide the issues, force their answers in or out, and again, until the
    forced answers settle. Returns the last labels, the number of extensions, the
    audience last labelled, the rounds, and (with ``reference``, when the last round
    started from the reference's last) the issues whose labels or decisions it changed
    from there; else None.

    With ``reference`` (grounded semantics only: the rounds of another audience),
    round *i* starts from that audience's round *i* (or its last): only what lies
    downstream of the arguments treated differently is labelled again, and only the
    issues reading a changed label, or an answer this audience assumes or rejects,
    are decided again.
    """
    assumed_set, rejected_set = frozenset(assumed), frozenset(rejected)
    mine = assumed_set | rejected_set
    forced_in: set[str] = set()
    forced_out: set[str] = set()
    rounds: list[_Round] = []
    changed: set[str] | None = None
    limit = 2 + sum(len(p) for _, p in positions.values())
    for i in range(limit):
        ins, outs = (
            assumed_set | (forced_in - rejected_set),
            rejected_set | (forced_out - assumed_set),
        )
        if reference is None:
            audience = _audience(assumed, rejected, forced_in, forced_out)
            raw, n_ext = _label(comp, audience, semantics, solver)
            decisions = _decide(positions, raw.codes, assumed_set, rejected_set)
            new_in = {c for d in decisions.values() for c in d[2]}
            new_out = {c for d in decisions.values() for c in d[3]}
        else:
            prior = reference[min(i, len(reference) - 1)]
            at, readers = comp.at, comp.readers
            seeds = [at(s) for s in (ins ^ prior.assumed) | (outs ^ prior.rejected)]
            codes, region = relabel(
                comp.af,
                prior.codes,
                _Named(comp.real, ins),
                _Named(comp.real, outs),
                seeds,
            )
            before = prior.codes
            touched = {
                issue for v in region if codes[v] != before[v] for issue in readers.get(v, ())
            }
            touched.update(issue for s in mine for issue in readers.get(at(s), ()))
            changed = touched if prior is reference[-1] else None
            fresh = _decide(
                {k: positions[k] for k in sorted(touched) if k in positions},
                codes,
                assumed_set,
                rejected_set,
            )
            decisions = dict(prior.decisions)
            new_in, new_out = set(prior.forced_in), set(prior.forced_out)
            for k in fresh:
                new_in.difference_update(decisions[k][2])
                new_out.difference_update(decisions[k][3])
            for d in fresh.values():
                new_in.update(d[2])
                new_out.update(d[3])
            decisions.update(fresh)
            raw, n_ext = _Codes(comp, codes, _CODE_NAMES), 1
        rounds.append(_Round((ins, outs), raw.codes, decisions, (new_in, new_out)))
        if new_in == forced_in and new_out == forced_out:
            audience = _audience(assumed, rejected, forced_in, forced_out)
            return raw, n_ext, audience, rounds, changed
        forced_in, forced_out = new_in, new_out
    raise EvaluationError(  # pragma: no cover - guarded by the monotone limit
        "the proof standards did not settle; please report this map"
    )


def _audience(
    assumed: tuple[str, ...], rejected: tuple[str, ...], forced_in: set[str], forced_out: set[str]
) -> _Audience:
    """The audience of a round: the user's, then the answers forced so far, sorted."""
    return (
        (*assumed, *sorted(forced_in - set(rejected))),
        (*rejected, *sorted(forced_out - set(assumed))),
    )


class _Named(Container[int]):
    """The arguments among the first ``len(names)`` whose names are in ``members``
    (a set of ids seen as a set of indices, without converting all of them)."""

    __slots__ = ("members", "names")

    def __init__(self, names: list[str], members: Container[str]) -> None:
        self.names, self.members = names, members

    def __contains__(self, v: object) -> bool:
        return isinstance(v, int) and v < len(self.names) and self.names[v] in self.members


def _decide(
    positions: Mapping[str, tuple[ProofStandard, list[_Position]]],
    codes: list[int],
    assumed: frozenset[str],
    rejected: frozenset[str],
) -> dict[str, _Decision]:
    """Weigh each issue's answers under its standard: its winners, its (pro, con)
    table, and the answers it forces in and out."""
    out: dict[str, _Decision] = {}
    for issue, (std, claims) in positions.items():
        # a position defeated outright (OUT) does not compete; a leaf position that
        # stands counts as one argument of full weight; otherwise its strongest
        # applicable inference (a cumulative one weighs its share of premises IN)
        pro: dict[str, float] = {}
        for cid, ci, steps in claims:
            if codes[ci] == OUT:
                pro[cid] = 0.0
            elif not steps:
                pro[cid] = 1.0
            else:
                best_step = 0.0
                for ii, w, shared in steps:
                    if codes[ii] != IN:
                        continue
                    if shared is not None:
                        w = w * sum(codes[q] == IN for q in shared) / len(shared)
                    if w > best_step:
                        best_step = w
                pro[cid] = best_step
        # con of a position: the strongest rival, from the two greatest values (linear)
        values = list(pro.values())
        best = max(values, default=0.0)
        n_best = values.count(best)
        second = max((v for v in values if v != best), default=0.0)
        table: dict[str, tuple[float, float]] = {}
        winners: list[str] = []
        for cid, ci, _ in claims:
            con = second if pro[cid] == best and n_best == 1 else best
            table[cid] = (pro[cid], con)
            if cid in rejected:
                continue
            if cid in assumed or (codes[ci] != OUT and _meets(std, pro[cid], con)):
                winners.append(cid)
        won = set(winners)
        forced_in: list[str] = []
        forced_out: list[str] = []
        for cid, _, _ in claims:
            if cid in assumed or cid in rejected:
                continue
            if cid in won:
                forced_in.append(cid)
            elif winners or pro[cid] == 0.0:
                forced_out.append(cid)
        out[issue] = (tuple(winners), table, tuple(forced_in), tuple(forced_out))
    return out


def _outcomes(
    m: ArgumentMap,
    comp: _Compiled,
    stds: Mapping[str, ProofStandard | None],
    decisions: Mapping[str, _Decision],
    labels: Mapping[str, Status],
    issues: Iterable[Issue] | None = None,
) -> dict[str, IssueOutcome]:
    """Every issue's outcome with its explanation.

    An outcome depends only on the issue, its standard, its winners and its table
    (an issue without a standard: on which answers stand), so the compiled map keeps
    the ones already made: a what-if explains again only the issues it changes.
    """
    out: dict[str, IssueOutcome] = {}
    positions = comp.positions(m)
    made, last = comp.outcomes, comp.last_outcomes
    if len(made) > 8 * len(comp.issues) + 64:  # many what-ifs: start afresh
        made.clear()
    for issue in comp.issues if issues is None else issues:
        std = stds.get(issue.id)
        found = decisions.get(issue.id)
        same = last.get(issue.id)
        if found is not None and same is not None and same[0] is found and same[1] == std:
            out[issue.id] = same[2]  # the very decision explained last time
            continue
        if found is None:
            won = tuple(cid for cid, _, _ in positions[issue.id] if labels[cid] == "accepted")
            table: dict[str, tuple[float, float]] = {}
        else:
            won, table = found[0], found[1]
        key = (issue.id, std, won, tuple(table.items()))
        o = made.get(key)
        if o is None:
            bare = IssueOutcome(issue.id, std, "accepted" if won else "undecided", won, table, "")
            o = attrs.evolve(bare, explanation=outcome_sentence(m, issue, bare, labels))
            made[key] = o
        if found is not None:
            last[issue.id] = (found, std, o)
        out[issue.id] = o
    return out


# ============================================================================ what-if


@attrs.frozen
class Change:
    """One node whose status differs between two evaluations.

    Example:
        >>> Change("C1", "claim", "accepted", "rejected", "C1 is rejected: ...").id
        'C1'
    """

    id: str
    kind: str
    before: Status
    after: Status
    why: str

    def __repr__(self) -> str:
        """One line: ``<Change C1 (claim): accepted -> rejected>``.

        Example:
            >>> Change("C1", "claim", "accepted", "rejected", "...")
            <Change C1 (claim): accepted -> rejected>
        """
        return f"<Change {self.id} ({self.kind}): {self.before} -> {self.after}>"


@attrs.frozen
class Diff:
    """What changed between two evaluations of the same map, and why.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); p = m.premise("y", id="P", supports=c)
        >>> print(diff(evaluate(m), evaluate(m, reject=["P"])))
        C     claim      accepted -> rejected  “x” is rejected: it has no standing support: its inference from “y” fails because “y” is rejected.
        P     premise    accepted -> rejected  “y” is rejected by the audience (reject=).
        P->C  inference  accepted -> rejected  The inference from “y” to “x” fails: its premise “y” is rejected.
    """

    changes: tuple[Change, ...]

    def changed(self) -> list[str]:
        """Ids whose status changed, sorted.

        Example:
            >>> Diff(()).changed()
            []
        """
        return sorted(c.id for c in self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __repr__(self) -> str:
        """A one-line summary; ``print`` it for the table with reasons.

        Example:
            >>> Diff((Change("C1", "claim", "accepted", "rejected", "..."),))
            <Diff: 1 change: C1 accepted -> rejected>
        """
        shown = ", ".join(f"{c.id} {c.before} -> {c.after}" for c in self.changes[:5])
        more = f", and {len(self.changes) - 5} more" if len(self.changes) > 5 else ""
        n = len(self.changes)
        return f"<Diff: {n} change{'s' * (n != 1)}{': ' if n else ''}{shown}{more}>"

    def _repr_html_(self) -> str:
        from ._display import html_table

        if not self.changes:
            return "<p><em>no status changed</em></p>"
        return html_table(
            ["id", "kind", "before", "after", "why"],
            [[c.id, c.kind, c.before, c.after, c.why] for c in self.changes],
        )

    def __str__(self) -> str:
        if not self.changes:
            return "no status changed"
        width = max(len(c.id) for c in self.changes)
        kinds = max(len(c.kind) for c in self.changes)
        return "\n".join(
            f"{c.id:<{width}}  {c.kind:<{kinds}}  {c.before} -> {c.after}  {c.why}"
            for c in self.changes
        )

    def to_dict(self) -> list[dict[str, str]]:
        """Plain data for JSON.

        Example:
            >>> Diff(()).to_dict()
            []
        """
        return [attrs.asdict(c) for c in self.changes]

    def _repr_markdown_(self) -> str:
        if not self.changes:
            return "*no status changed*"
        rows = ["| id | kind | before | after | why |", "|---|---|---|---|---|"]
        rows += [
            f"| {md_escape(c.id)} | {c.kind} | {c.before} | {c.after} | {md_escape(c.why)} |"
            for c in self.changes
        ]
        return "\n".join(rows)


def diff(before: Evaluation, after: Evaluation) -> Diff:
    """What flips between two evaluations of the same map, each with the reason it has now.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> [(c.id, c.after) for c in diff(evaluate(m), evaluate(m, assume=["C"])).changes]
        [('C', 'accepted')]
    """
    expect(before, Evaluation, "before", "an Evaluation (from evaluate())")
    expect(after, Evaluation, "after", "an Evaluation (from evaluate())")
    ids_a = [*before.map.statements, *before.map.relations]
    if set(ids_a) != {*after.map.statements, *after.map.relations}:
        raise EvaluationError("diff compares two evaluations of the same map (same ids)")
    changes = []
    for ident in sorted(ids_a, key=_natural):
        a, b = before.labels[ident], after.labels[ident]
        if a != b:
            changes.append(Change(ident, after.map.node(ident).kind, a, b, after.explain(ident)))
    return Diff(tuple(changes))


def _natural(ident: str) -> list[Any]:
    import re

    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", ident)]
