"""``ArgumentMap``: the one mutable container, with builders, queries, views and checks.

Example:
    >>> m = ArgumentMap("Spending Clause", parties={"federal": "United States",
    ...                                            "local": "Sanctuary jurisdictions"})
    >>> q = m.issue("May the Executive withhold grants?", standard="preponderance")
    >>> c = m.claim("Yes: agencies may condition grants", party="federal", answers=q)
    >>> p = m.premise("Congress delegated the power", supports=c, party="federal")
    >>> r = m.rebuttal("Only Congress holds the spending power", attacks=c, party="local")
    >>> [s.id for s in m.supporters(c)], [s.id for s in m.attackers(c)]
    (['P1'], ['R1'])
    >>> len(m), len(m.relations)
    (4, 2)
"""

from __future__ import annotations

import bisect
import warnings
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar, cast

import attrs

from .checks import Balance, balance, check_map
from .exceptions import (
    ArgmapTypeError,
    DuplicateIdError,
    ModelError,
    RelationError,
    UnknownNodeError,
    did_you_mean,
)
from .model import (
    STATEMENT_CLASSES,
    Authority,
    AuthorityKind,
    Cite,
    Claim,
    Conflict,
    ConflictKind,
    Doctrine,
    Inference,
    Issue,
    IssueNature,
    Node,
    Party,
    Premise,
    ProofStandard,
    Rebuttal,
    Relation,
    Statement,
    StatementKind,
    Undercutter,
    check_attack,
    check_support,
    conflict_id,
    inference_id,
    shorten,
)
from .problems import Problem

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ArgumentMap", "Ref"]

#: A reference to a node: its id or the node itself.
Ref: TypeAlias = str | Statement | Inference | Conflict
S = TypeVar("S", bound=Statement)
R = TypeVar("R", bound=Relation)
Refs: TypeAlias = Ref | Iterable[Ref] | None


def _ref(x: Ref | Authority) -> str:
    if isinstance(x, str):
        return x
    ident = getattr(x, "id", None)
    if not isinstance(ident, str):
        raise ModelError(f"expected an id or a node, not {x!r}")
    return ident


def _refs(x: Refs) -> list[str]:
    if x is None:
        return []
    if isinstance(x, str | Statement | Inference | Conflict):
        return [_ref(x)]
    if not isinstance(x, Iterable):
        raise ArgmapTypeError(f"expected an id, a node or a list of them, not {x!r}")
    return [_ref(item) for item in x]


def _vocab(value: object, cls: type[Party] | type[Doctrine]) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping | Iterable) or isinstance(value, str):
        raise ArgmapTypeError(
            f"{'parties' if cls is Party else 'doctrines'}: expected a mapping "
            f"{{id: label}} or a list, not {value!r}"
        )
    if not isinstance(value, Mapping):
        value = {v.id if isinstance(v, Party | Doctrine) else v: v for v in value}
    out: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, cls):
            out[key] = item
        elif item is None or isinstance(item, str):
            out[key] = cls(key, item or "")
        else:
            raise ModelError(f"{cls.__name__.lower()} {key!r}: expected a label, not {item!r}")
    return out


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an issue", "a claim"."""
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _differences(old: Node | Authority, new: Node | Authority) -> list[str]:
    """``field: old -> new`` for each field of two attrs values that differs."""
    out = []
    for a in attrs.fields(type(new)):
        was, now = getattr(old, a.name, None), getattr(new, a.name)
        if was != now:
            out.append(f"{a.name}: {shorten(repr(was), 40)} -> {shorten(repr(now), 40)}")
    return out


def _to_parties(value: object) -> dict[str, Party]:
    return _vocab(value, Party)


def _to_doctrines(value: object) -> dict[str, Doctrine]:
    return _vocab(value, Doctrine)


@attrs.define(eq=False, repr=False)
class ArgumentMap:
    """A legal dispute as a typed argument graph.

    Statements, relations and authorities are kept in insertion order, so every
    output made from a map is deterministic. Two maps are equal when they hold
    the same values (order and source positions aside).

    In a notebook, re-running a cell that adds the same statement (same id, same
    fields, same relations) returns the one already in the map; a different one
    under a taken id is refused with a hint. Change a node with :meth:`update`,
    take one out with :meth:`remove`. Collections keyed by id (``statements``,
    ``relations``, ``authorities``, ``parties``, ``doctrines``) are mappings;
    per-kind queries (``issues``, ``claims``, …) are lists of objects.

    Args:
        title: shown in diagrams and briefs.
        parties: ``{id: label}`` (or :class:`Party` values) — the sides.
        doctrines: ``{id: label}`` (or :class:`Doctrine` values) — doctrinal areas.
        description: a paragraph introducing the dispute.

    Example:
        >>> m = ArgumentMap("Demo", parties={"a": "Alice"})
        >>> m.claim("The contract binds", party="a").id
        'C1'
        >>> m.claim("x", party="b")
        Traceback (most recent call last):
        ...
        argmap.exceptions.ModelError: C2: unknown party 'b' (declared: ['a']); declare it with m.party('b', ...)
        >>> m.claim("The contract binds", party="a", id="C1").id  # the same again: a no-op
        'C1'
        >>> _ = m.update("C1", text="The contract binds both sides")
        >>> m.remove("C1").text
        'The contract binds both sides'
    """

    title: str = ""
    _parties: dict[str, Party] = attrs.field(factory=dict, alias="parties", converter=_to_parties)
    _doctrines: dict[str, Doctrine] = attrs.field(
        factory=dict, alias="doctrines", converter=_to_doctrines
    )
    description: str | None = None
    _statements: dict[str, Statement] = attrs.field(factory=dict, init=False)
    _relations: dict[str, Relation] = attrs.field(factory=dict, init=False)
    _authorities: dict[str, Authority] = attrs.field(factory=dict, init=False)
    # indices: relations leaving / entering a node, claims answering an issue
    _out: dict[str, list[str]] = attrs.field(factory=dict, init=False)
    _in: dict[str, list[str]] = attrs.field(factory=dict, init=False)
    _answered_by: dict[str, list[str]] = attrs.field(factory=dict, init=False)
    # indices kept up to date by add / replace / remove, so per-kind queries and
    # sub_issues never rescan the map: the nodes by kind and id (in map order; the
    # nodes themselves, so that a per-kind list looks no id up), sub-issues by parent,
    # and each statement's stamp (to keep index lists in map order)
    _by_kind: dict[str, dict[str, Statement | Relation]] = attrs.field(factory=dict, init=False)
    _children: dict[str, list[str]] = attrs.field(factory=dict, init=False)
    _stamp: dict[str, int] = attrs.field(factory=dict, init=False)
    # per relation, in the order of _relations: the stamps of its target (0 for a
    # relation) and of its sources (always statements), so that checking the map and
    # compiling the evaluation's framework resolve ends without looking up ids
    _ends: dict[str, tuple[int, ...]] = attrs.field(factory=dict, init=False)
    _ticks: int = attrs.field(default=0, init=False)
    # the highest auto-id number handed out per prefix (advanced only by successful adds)
    _counters: dict[str, int] = attrs.field(factory=dict, init=False)
    # bumped by every change to statements, relations or authorities, so that what is
    # derived from the map (the evaluation's compiled framework) can be cached until it changes
    _version: int = attrs.field(default=0, init=False)
    #: Where each id was defined when the map was loaded from a file (``{id: line}``).
    lines: dict[str, int] = attrs.field(factory=dict, init=False)
    #: The file the map was loaded from, if any.
    source: str | None = attrs.field(default=None, init=False)
    #: For a map made by :meth:`view`: the map it was taken from and the view's
    #: options (and evaluation), so that its diagram keeps the view's subtitle, its
    #: grey context boxes and the statuses.
    view_of: tuple[ArgumentMap, dict[str, Any]] | None = attrs.field(default=None, init=False)
    #: Output hooks registered by :mod:`argmap.dot` (``"display"``, ``"render"``), so this
    #: module never imports the rendering layer above it.
    hooks: ClassVar[dict[str, Callable[..., Any]]] = {}

    # ------------------------------------------------------------------ protocol

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.title == other.title
            and self.description == other.description
            and self._parties == other._parties
            and self._doctrines == other._doctrines
            and self._authorities == other._authorities
            and self._statements == other._statements
            and self._relations == other._relations
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.title!r}: {len(self._statements)} statements, "
            f"{len(self._relations)} relations, {len(self._authorities)} authorities>"
        )

    def __len__(self) -> int:
        return len(self._statements)

    def __iter__(self) -> Iterator[Statement]:
        return iter(self._statements.values())

    def __contains__(self, ref: object) -> bool:
        if isinstance(ref, str):
            return ref in self._statements or ref in self._relations
        ident = getattr(ref, "id", None)
        return isinstance(ident, str) and (ident in self._statements or ident in self._relations)

    def __getitem__(self, ref: Ref) -> Node:
        return self.node(ref)

    # ------------------------------------------------------------------ read access

    @property
    def statements(self) -> Mapping[str, Statement]:
        """All statements **by id**, in insertion order (a read-only mapping).

        The convention throughout: collections of everything keyed by id
        (``statements``, ``relations``, ``authorities``, ``parties``, ``doctrines``)
        are mappings, so ``m.statements["C1"]`` looks one up and iterating one
        yields ids; use ``.values()`` for the objects, or iterate the map itself
        (``for s in m``). Per-kind queries (``m.issues``, ``m.claims``, …) are
        lists of the objects.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x"); _ = m.issue("?")
            >>> list(m.statements), [s.id for s in m.statements.values()]
            (['C1', 'Q1'], ['C1', 'Q1'])
            >>> [s.id for s in m] == list(m.statements)
            True
        """
        return MappingProxyType(self._statements)

    @property
    def relations(self) -> Mapping[str, Relation]:
        """All inferences and conflicts by id, in insertion order (read-only).

        Example:
            >>> len(ArgumentMap().relations)
            0
        """
        return MappingProxyType(self._relations)

    @property
    def authorities(self) -> Mapping[str, Authority]:
        """All authorities by id, in insertion order (read-only).

        Example:
            >>> len(ArgumentMap().authorities)
            0
        """
        return MappingProxyType(self._authorities)

    @property
    def parties(self) -> Mapping[str, Party]:
        """Declared parties by id (read-only).

        Example:
            >>> list(ArgumentMap(parties={"a": "A"}).parties)
            ['a']
        """
        return MappingProxyType(self._parties)

    @property
    def doctrines(self) -> Mapping[str, Doctrine]:
        """Declared doctrines by id (read-only).

        Example:
            >>> ArgumentMap(doctrines={"spending": "Spending Clause"}).doctrines["spending"].name
            'Spending Clause'
        """
        return MappingProxyType(self._doctrines)

    def _of_kind(self, cls: type[S]) -> list[S]:
        # read from the per-kind index: no scan of the whole map (issue 12)
        found = self._by_kind.get(cls.kind)
        return list(found.values()) if found else []  # type: ignore[arg-type]

    def _index(self, stmt: Statement) -> None:
        """Enter a new statement in the indices."""
        self._ticks += 1
        self._stamp[stmt.id] = self._ticks
        self._by_kind.setdefault(stmt.kind, {})[stmt.id] = stmt
        self._link(stmt)

    def _link(self, stmt: Statement) -> None:
        """Index the ids a statement names in its fields (``answers``, ``parent``)."""
        self._version += 1  # every add, replace and remove of a statement passes here
        key = self._stamp.__getitem__
        if isinstance(stmt, Claim) and stmt.answers is not None:
            bisect.insort(self._answered_by.setdefault(stmt.answers, []), stmt.id, key=key)
        if isinstance(stmt, Issue) and stmt.parent is not None:
            bisect.insort(self._children.setdefault(stmt.parent, []), stmt.id, key=key)

    def _unlink(self, stmt: Statement) -> None:
        self._version += 1
        if isinstance(stmt, Claim) and stmt.answers is not None:
            self._answered_by[stmt.answers].remove(stmt.id)
        if isinstance(stmt, Issue) and stmt.parent is not None:
            self._children[stmt.parent].remove(stmt.id)

    @property
    def issues(self) -> list[Issue]:
        """The issues, in order (a list of objects; ``m.statements`` is the by-id mapping).

        Example:
            >>> ArgumentMap().issues
            []
        """
        return self._of_kind(Issue)

    @property
    def claims(self) -> list[Claim]:
        """The claims, in order.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x"); [c.id for c in m.claims]
            ['C1']
        """
        return self._of_kind(Claim)

    @property
    def premises(self) -> list[Premise]:
        """The premises, in order.

        Example:
            >>> ArgumentMap().premises
            []
        """
        return self._of_kind(Premise)

    @property
    def rebuttals(self) -> list[Rebuttal]:
        """The rebuttals, in order.

        Example:
            >>> ArgumentMap().rebuttals
            []
        """
        return self._of_kind(Rebuttal)

    @property
    def undercutters(self) -> list[Undercutter]:
        """The undercutters, in order.

        Example:
            >>> ArgumentMap().undercutters
            []
        """
        return self._of_kind(Undercutter)

    @property
    def inferences(self) -> list[Inference]:
        """The inferences, in order.

        Example:
            >>> ArgumentMap().inferences
            []
        """
        found = self._by_kind.get("inference")
        return list(found.values()) if found else []  # type: ignore[arg-type]

    @property
    def conflicts(self) -> list[Conflict]:
        """The conflicts, in order.

        Example:
            >>> ArgumentMap().conflicts
            []
        """
        found = self._by_kind.get("conflict")
        return list(found.values()) if found else []  # type: ignore[arg-type]

    def node(self, ref: Ref) -> Node:
        """The statement or relation with this id.

        Raises:
            UnknownNodeError: naming the id and the closest existing one.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x", id="C1")
            >>> m.node("C1").text
            'x'
            >>> m.node("c1")
            Traceback (most recent call last):
            ...
            argmap.exceptions.UnknownNodeError: 'c1' is not in the map (did you mean 'C1'?)
        """
        ident = _ref(ref)
        found = self._statements.get(ident) or self._relations.get(ident)
        if found is None:
            raise UnknownNodeError(f"{ident!r} is not in the map{self._hint(ident)}")
        return found

    def statement(self, ref: Ref) -> Statement:
        """The statement with this id (not a relation).

        Example:
            >>> m = ArgumentMap(); _ = m.issue("Q?", id="Q1"); m.statement("Q1").kind
            'issue'
        """
        ident = _ref(ref)
        found = self._statements.get(ident)
        if found is None:
            if ident in self._relations:
                # Never suggest the id itself: name the statements it starts from.
                starts = ", ".join(self._relations[ident].sources)
                raise UnknownNodeError(
                    f"{ident!r} is a relation, not a statement; it starts from {starts}"
                )
            raise UnknownNodeError(f"{ident!r} is not in the map{self._hint(ident)}")
        return found

    def get_authority(self, ident: str) -> Authority:
        """Look up the authority with this id (:meth:`authority` adds one).

        Raises:
            UnknownNodeError: naming the id and the closest existing one.

        Example:
            >>> m = ArgumentMap(); _ = m.authority("dole", "case", "South Dakota v. Dole",
            ...                                    "South Dakota v. Dole, 483 U.S. 203 (1987)")
            >>> m.get_authority("dole").year is None
            True
        """
        found = self._authorities.get(ident)
        if found is None:
            hint = did_you_mean(ident, list(self._authorities))
            raise UnknownNodeError(f"authority {ident!r} is not in the map{hint}")
        return found

    def authority_(self, ident: str) -> Authority:
        """Deprecated name of :meth:`get_authority` (kept for old notebooks; warns).

        Example:
            >>> import warnings
            >>> m = ArgumentMap(); _ = m.authority("s", "statute", "8 U.S.C. § 1373", "8 U.S.C. § 1373")
            >>> with warnings.catch_warnings(record=True) as w:
            ...     warnings.simplefilter("always")
            ...     _ = m.authority_("s")
            >>> w[0].category.__name__
            'DeprecationWarning'
        """
        warnings.warn(
            "ArgumentMap.authority_() is deprecated; use get_authority()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.get_authority(ident)

    def check_parties(self, parties: Iterable[str]) -> list[str]:
        """The ids given, after checking that each names a declared party.

        Used by every view and diagram option that takes ``parties=``.

        Raises:
            UnknownNodeError: naming the unknown id and listing the declared ones.

        Example:
            >>> m = ArgumentMap(parties={"federal": "US", "local": "Cities"})
            >>> m.check_parties(["locl"])
            Traceback (most recent call last):
            ...
            argmap.exceptions.UnknownNodeError: unknown party 'locl' (did you mean 'local'?); declared parties: ['federal', 'local']
        """
        return self._check_vocab(parties, self._parties, "party", "parties")

    def check_doctrines(self, doctrines: Iterable[str]) -> list[str]:
        """The ids given, after checking that each names a declared doctrine.

        Used by every view and diagram option that takes ``doctrines=``.

        Raises:
            UnknownNodeError: naming the unknown id and listing the declared ones.

        Example:
            >>> m = ArgumentMap(doctrines={"tenth": "Tenth Amendment"})
            >>> m.check_doctrines(["spending"])
            Traceback (most recent call last):
            ...
            argmap.exceptions.UnknownNodeError: unknown doctrine 'spending'; declared doctrines: ['tenth']
        """
        return self._check_vocab(doctrines, self._doctrines, "doctrine", "doctrines")

    @staticmethod
    def _check_vocab(
        wanted: Iterable[str], declared: Mapping[str, object], what: str, plural: str
    ) -> list[str]:
        if isinstance(wanted, str):  # a lone id, not a list of characters
            wanted = [wanted]
        out = list(wanted)
        for ident in out:
            if ident not in declared:
                listed = (
                    f"declared {plural}: {list(declared)}"
                    if declared
                    else f"no {plural} are declared"
                )
                raise UnknownNodeError(
                    f"unknown {what} {ident!r}{did_you_mean(ident, list(declared))}; {listed}"
                )
        return out

    def _hint(self, ident: str) -> str:
        return did_you_mean(ident, [*self._statements, *self._relations])

    def kind_of(self, ref: Ref) -> str:
        """``"issue"``, ``"claim"``, … or ``"inference"`` / ``"conflict"``.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> m.kind_of(p), m.kind_of("P1->C1")
            ('premise', 'inference')
        """
        return self.node(ref).kind

    def conflict_kind(self, conflict: Conflict | str) -> ConflictKind:
        """``"rebut"``, ``"undermine"`` or ``"undercut"``, from what the conflict targets.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); r = m.rebuttal("no", attacks=c)
            >>> m.conflict_kind("R1-|C1")
            'rebut'
        """
        rel = self._relations[conflict] if isinstance(conflict, str) else conflict
        if not isinstance(rel, Conflict):
            raise ModelError(f"{rel.id!r} is an inference, not a conflict")
        kind = self.kind_of(rel.target)
        if kind in ("inference", "conflict"):
            return "undercut"
        return "undermine" if kind == "premise" else "rebut"

    # ------------------------------------------------------------------ vocabularies

    def party(
        self,
        ident: str,
        label: str = "",
        *,
        colour: str | None = None,
        relief: str | None = None,
        counsel: str | None = None,
    ) -> Party:
        """Declare a party (a side). Re-declaring replaces its label, colour and relief.

        Example:
            >>> ArgumentMap().party("local", "Sanctuary jurisdictions", colour="#0072B2").colour
            '#0072B2'
        """
        value = Party(ident, label, colour, relief=relief, counsel=counsel)
        self._parties[ident] = value
        return value

    def doctrine(self, ident: str, label: str = "", *, colour: str | None = None) -> Doctrine:
        """Declare a doctrinal area. Re-declaring replaces its label and colour.

        Example:
            >>> ArgumentMap().doctrine("spending", "Spending Clause").id
            'spending'
        """
        value = Doctrine(ident, label, colour)
        self._doctrines[ident] = value
        return value

    def authority(
        self,
        ident: str,
        kind: AuthorityKind,
        name: str,
        cite: str,
        **fields: Any,
    ) -> Authority:
        """Add an authority; ``fields`` are the optional :class:`Authority` fields.

        Example:
            >>> m = ArgumentMap()
            >>> a = m.authority("printz", "case", "Printz v. United States",
            ...                 "Printz v. United States, 521 U.S. 898 (1997)", year=1997)
            >>> a.short_form("913")
            'Printz, 521 U.S. at 913'
        """
        return self.add_authority(Authority(ident, kind, name, cite, **fields))

    def add_authority(self, authority: Authority) -> Authority:
        """Add an :class:`Authority` value.

        Example:
            >>> from argmap.model import Authority
            >>> ArgumentMap().add_authority(Authority("s", "statute", "8 U.S.C. § 1373",
            ...                                         "8 U.S.C. § 1373")).kind
            'statute'
        """
        old = self._authorities.get(authority.id)
        if old is not None:
            if old == authority:  # re-running a notebook cell
                return old
            raise DuplicateIdError(
                f"duplicate authority id {authority.id!r}, with different fields "
                f"({_differences(old, authority)}); give it another id, or change the "
                f"one in the map with m.replace_authority(...)"
            )
        self._authorities[authority.id] = authority
        self._version += 1
        return authority

    def replace_authority(self, authority: Authority) -> Authority:
        """Replace the authority with this id by a changed copy.

        Example:
            >>> import attrs
            >>> m = ArgumentMap(); a = m.authority("s", "statute", "Act", "Act § 1")
            >>> m.replace_authority(attrs.evolve(a, year=1996)).year
            1996
        """
        self.get_authority(authority.id)
        self._authorities[authority.id] = authority
        self._version += 1
        return authority

    # ------------------------------------------------------------------ statements

    def _new_id(self, prefix: str) -> tuple[str, int]:
        """The next free auto-id and its number; nothing is consumed until an add succeeds."""
        n = self._counters.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}{n}"
            if candidate not in self._statements and candidate not in self._relations:
                return candidate, n

    def _check_refs(self, stmt: Statement) -> None:
        if stmt.party is not None and stmt.party not in self._parties:
            raise ModelError(
                f"{stmt.id}: unknown party {stmt.party!r}"
                f"{did_you_mean(stmt.party, list(self._parties))} (declared: "
                f"{list(self._parties)}); declare it with m.party({stmt.party!r}, ...)"
            )
        for d in stmt.doctrines:
            if d not in self._doctrines:
                raise ModelError(
                    f"{stmt.id}: unknown doctrine {d!r}{did_you_mean(d, list(self._doctrines))} "
                    f"(declared: {list(self._doctrines)}); declare it with m.doctrine({d!r}, ...)"
                )
        for cite in stmt.cites:
            if cite.authority not in self._authorities:
                hint = did_you_mean(cite.authority, list(self._authorities))
                raise UnknownNodeError(
                    f"{stmt.id}: cites unknown authority {cite.authority!r}{hint}; "
                    "add it first with m.authority(...)"
                )
        if isinstance(stmt, Issue) and stmt.burden is not None and stmt.burden not in self._parties:
            raise ModelError(f"{stmt.id}: burden names unknown party {stmt.burden!r}")
        if isinstance(stmt, Issue) and stmt.parent is not None:
            self._check_parent(stmt)
        if isinstance(stmt, Claim) and stmt.answers is not None:
            target = self._statements.get(stmt.answers)
            if target is None:
                raise UnknownNodeError(
                    f"{stmt.id}: answers {stmt.answers!r}, which is not in the map"
                    f"{self._hint(stmt.answers)}"
                )
            if not isinstance(target, Issue):
                raise RelationError(
                    f"{stmt.id} (claim) cannot answer {target.id} ({target.kind}): "
                    "a claim answers an issue; to support a statement use supports="
                )

    def _check_parent(self, stmt: Issue) -> None:
        parent = self._statements.get(stmt.parent or "")
        if parent is None:
            raise UnknownNodeError(
                f"{stmt.id}: parent {stmt.parent!r} is not in the map{self._hint(stmt.parent or '')}"
            )
        if not isinstance(parent, Issue):
            raise RelationError(
                f"{stmt.id} (issue) cannot be a sub-issue of {parent.id} ({parent.kind}): "
                "parent must be an issue"
            )
        seen = {stmt.id}
        node: Issue | None = parent
        while node is not None:
            if node.id in seen:
                raise RelationError(f"{stmt.id}: sub-issues form a circle through {node.id}")
            seen.add(node.id)
            nxt = self._statements.get(node.parent) if node.parent else None
            node = nxt if isinstance(nxt, Issue) else None

    def sub_issues(self, issue: Ref) -> list[Issue]:
        """Issues whose ``parent`` is ``issue``.

        Example:
            >>> m = ArgumentMap(); t = m.issue("Overall?"); a = m.issue("Part?", parent=t)
            >>> [i.id for i in m.sub_issues(t)]
            ['Q2']
        """
        stmts = self._statements
        return [stmts[i] for i in self._children.get(_ref(issue), ())]  # type: ignore[misc]

    def add(self, stmt: S, *, check: bool = True) -> S:
        """Add a statement value built elsewhere (relations are added separately).

        Args:
            stmt: the statement.
            check: validate its party, doctrines, cites and ``answers`` now (the file
                loader defers this until every statement is known).

        Example:
            >>> from argmap.model import Claim
            >>> ArgumentMap().add(Claim(id="C7", text="A claim")).id
            'C7'
        """
        existing = self._statements.get(stmt.id)
        if existing is not None and existing == stmt:  # re-running a notebook cell
            return existing
        self._refuse_duplicate(stmt)
        if check:
            self._check_refs(stmt)
        self._statements[stmt.id] = stmt
        self._index(stmt)
        return stmt

    def _refuse_duplicate(self, stmt: Statement) -> None:
        """Raise if ``stmt.id`` is taken (by a relation, or by a different statement)."""
        if stmt.id in self._relations:
            raise DuplicateIdError(
                f"duplicate id {stmt.id!r}: it names a relation; give the {stmt.kind} another id"
            )
        old = self._statements.get(stmt.id)
        if old is None:
            return
        if type(old) is not type(stmt):
            raise DuplicateIdError(
                f"duplicate id {stmt.id!r}: the map already has {_a(old.kind)} with this id; "
                f"give the {stmt.kind} another id, or m.remove({stmt.id!r}) first"
            )
        changed = _differences(old, stmt)
        first = changed[0].split(":")[0] if changed else "text"
        raise DuplicateIdError(
            f"duplicate id {stmt.id!r}: the map already has a different {old.kind} with this id "
            f"({'; '.join(changed)}). To change it use m.update({stmt.id!r}, {first}=...); "
            f"to start over m.remove({stmt.id!r}); or give the new {stmt.kind} another id"
        )

    def replace(self, stmt: Statement) -> Statement:
        """Replace a statement by a changed copy with the same id and kind.

        Example:
            >>> import attrs
            >>> m = ArgumentMap(); c = m.claim("old")
            >>> m.replace(attrs.evolve(c, text="new")).text
            'new'
        """
        old = self.statement(stmt.id)
        if type(old) is not type(stmt):
            raise ModelError(f"{stmt.id}: cannot change a {old.kind} into a {stmt.kind}")
        self._check_refs(stmt)
        self._unlink(old)
        self._statements[stmt.id] = stmt
        self._by_kind[stmt.kind][stmt.id] = stmt
        self._link(stmt)
        return stmt

    def update(self, ref: Ref, **changes: Any) -> Node:
        """Change some fields of a statement (or a relation's ``scheme``/``weight``).

        The node keeps its id and its place in the map's order; the changed value is
        validated like a new one, and the map is left unchanged if it is refused.
        Relations are not fields: add them with :meth:`infer` / :meth:`attack` and
        drop them with :meth:`remove`.

        Raises:
            ModelError: an unknown field, an id change, or an invalid value.

        Example:
            >>> m = ArgumentMap(); q = m.issue("?"); c = m.claim("x"); _ = m.claim("y")
            >>> m.update(c, text="Yes", answers=q).text
            'Yes'
            >>> list(m.statements), [a.id for a in m.answers(q)]
            (['Q1', 'C1', 'C2'], ['C1'])
            >>> m.update(c, txt="No")
            Traceback (most recent call last):
            ...
            argmap.exceptions.ModelError: C1: a claim has no field 'txt' (did you mean 'text'?)...
        """
        node = self.node(ref)
        if "id" in changes:
            raise ModelError(
                f"{node.id}: update() cannot change an id; add a new node with the new id "
                f"and m.remove({node.id!r})"
            )
        names = [a.name for a in attrs.fields(type(node))]
        structural = {"premises", "conclusion", "attacker", "target"}
        for key in changes:
            if key in ("supports", "attacks", "undercuts") or key in structural:
                raise ModelError(
                    f"{node.id}: {key} is a relation, not a field; add one with m.infer(...) "
                    "or m.attack(...), drop one with m.remove(relation id)"
                )
            if key == "kind" and isinstance(node, Statement):
                raise ModelError(
                    f"{node.id}: update() cannot change a statement's kind; remove it with "
                    f"m.remove({node.id!r}) and add it again as the new kind with the same id"
                )
            if key not in names:
                fields = [n for n in names if n != "id"]
                raise ModelError(
                    f"{node.id}: a {node.kind} has no field {key!r}{did_you_mean(key, fields)} "
                    f"(fields: {fields})"
                )
        for key in ("answers", "parent"):
            if changes.get(key) is not None and not isinstance(changes[key], str):
                changes[key] = _ref(changes[key])
        new = attrs.evolve(node, **changes)
        if isinstance(new, Statement):
            return self.replace(new)
        self._relations[new.id] = new
        self._by_kind[new.kind][new.id] = new
        self._version += 1
        return new

    def remove(self, ref: Ref, *, cascade: bool = False) -> Node:
        """Remove a statement or a relation, refusing when other nodes depend on it.

        A statement's own relations (what it supports or attacks on its own) go with
        it. Nodes built on it are its dependents: relations for or against it, linked
        inferences it shares with other premises, attacks on its relations, claims
        answering it and its sub-issues. With dependents, ``remove`` refuses and
        lists them, unless ``cascade=True``: then those relations are removed too, and
        claims answering it / sub-issues of it are detached (they stay in the map).

        Returns:
            The removed statement or relation.

        Raises:
            ModelError: listing the dependents, when there are some and not ``cascade``.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> m.remove(c)
            Traceback (most recent call last):
            ...
            argmap.exceptions.ModelError: cannot remove C1: P1->C1 depends on it; remove that first, or call m.remove('C1', cascade=True) (...)
            >>> m.remove(p).id, list(m.statements), list(m.relations)
            ('P1', ['C1'], [])
        """
        node = self.node(ref)
        ident = node.id
        own: list[str] = []
        doomed: dict[str, None] = {}
        if isinstance(node, Statement):
            for rid in self._out.get(ident, []):
                if self._relations[rid].sources == (ident,):
                    own.append(rid)
                doomed[rid] = None
            doomed.update(dict.fromkeys(self._in.get(ident, [])))
        else:
            own.append(ident)
            doomed[ident] = None
        # attacks on doomed relations fall with them (and attacks on those, ...)
        queue = list(doomed)
        while queue:
            for rid in self._in.get(queue.pop(), []):
                if rid not in doomed:
                    doomed[rid] = None
                    queue.append(rid)
        detach = [*self._answered_by.get(ident, []), *self._children.get(ident, [])]
        dependents = [r for r in self._relations if r in doomed and r not in own] + detach
        if dependents and not cascade:
            one = len(dependents) == 1
            raise ModelError(
                f"cannot remove {ident}: {', '.join(dependents)} "
                f"{'depends' if one else 'depend'} on it; remove {'that' if one else 'them'} "
                f"first, or call m.remove({ident!r}, cascade=True) (relations that depend on "
                "it are removed, claims answering it and its sub-issues are detached)"
            )
        for did in detach:
            dep = self._statements[did]
            if isinstance(dep, Claim):
                self.replace(attrs.evolve(dep, answers=None))
            elif isinstance(dep, Issue):
                self.replace(attrs.evolve(dep, parent=None))
        for rid in [r for r in self._relations if r in doomed]:
            self._drop_relation(rid)
        if isinstance(node, Statement):
            self._unlink(node)
            del self._statements[ident]
            del self._by_kind[node.kind][ident]
            del self._stamp[ident]
            for index in (self._out, self._in, self._answered_by, self._children):
                index.pop(ident, None)
        self.lines.pop(ident, None)
        return node

    def _drop_relation(self, rid: str) -> None:
        self._version += 1
        rel = self._relations.pop(rid)
        del self._by_kind[rel.kind][rid]
        del self._ends[rid]
        for src in rel.sources:
            self._out[src].remove(rid)
        if rel.target in self._in:  # gone already when its target was dropped first
            self._in[rel.target].remove(rid)
        self._in.pop(rid, None)
        self.lines.pop(rid, None)

    def _make(
        self,
        kind: StatementKind,
        text: str,
        ident: str | None,
        supports: Refs = None,
        attacks: Refs = None,
        undercuts: Refs = None,
        **fields: Any,
    ) -> Statement:
        cls = STATEMENT_CLASSES[kind]
        number = 0
        if ident is None:
            ident, number = self._new_id(cls.prefix)
        stmt = cls(id=ident, text=text, **fields)
        # a taken id is reported first, before anything about the relations asked for
        existing = self._statements.get(ident)
        if existing is None or existing != stmt:
            self._refuse_duplicate(stmt)
        # validate every relation before adding anything, so a failure leaves the map unchanged
        targets_s = [self.statement(t) for t in _refs(supports)]
        targets_a = [self.node(t) for t in _refs(attacks)]
        targets_u: list[Node] = []
        for t in _refs(undercuts):
            try:
                targets_u.append(self.resolve_relation(t))
            except RelationError as exc:
                raise RelationError(f"{stmt.id} cannot undercut {t}: {exc}") from None
        for target in targets_s:
            check_support(stmt, target)
        if existing is not None:  # the same statement again: a no-op if its relations exist
            wanted = [inference_id((ident,), t.id) for t in targets_s]
            wanted += [conflict_id(ident, n.id) for n in targets_a + targets_u]
            missing = [r for r in wanted if r not in self._relations]
            if missing:
                raise DuplicateIdError(
                    f"duplicate id {ident!r}: the map already has this {kind} but without "
                    f"{', '.join(missing)}; add relations with m.infer(...) or m.attack(...)"
                )
            return existing
        for n in targets_a + targets_u:
            check_attack(stmt, n.id, n.kind)
        self.add(stmt)
        if number:
            self._counters[cls.prefix] = number
        for target in targets_s:
            self._add_relation(Inference(premises=(stmt.id,), conclusion=target.id))
        for n in targets_a + targets_u:
            self._add_relation(Conflict(attacker=stmt.id, target=n.id))
        return stmt

    def issue(
        self,
        text: str,
        *,
        id: str | None = None,
        standard: ProofStandard | None = None,
        burden: str | None = None,
        parent: Ref | None = None,
        doctrines: Iterable[str] = (),
        cites: Iterable[str | Cite] = (),
        note: str | None = None,
        title: str | None = None,
        nature: IssueNature | None = None,
        background: str | None = None,
        framings: Mapping[str, str] | None = None,
    ) -> Issue:
        """Add an issue: a question, decided under a proof ``standard``.

        Example:
            >>> ArgumentMap().issue("Is § 1373 valid?", standard="preponderance").id
            'Q1'
        """
        stmt = self._make(
            "issue",
            text,
            id,
            standard=standard,
            burden=burden,
            doctrines=doctrines,
            parent=None if parent is None else _ref(parent),
            cites=cites,
            note=note,
            title=title,
            nature=nature,
            background=background,
            framings=framings,
        )
        assert isinstance(stmt, Issue)
        return stmt

    def claim(
        self,
        text: str,
        *,
        id: str | None = None,
        party: str | None = None,
        answers: Ref | None = None,
        supports: Refs = None,
        attacks: Refs = None,
        doctrines: Iterable[str] = (),
        cites: Iterable[str | Cite] = (),
        note: str | None = None,
        title: str | None = None,
    ) -> Claim:
        """Add a party's claim, optionally answering an issue.

        Example:
            >>> m = ArgumentMap(parties={"local": "Cities"}); q = m.issue("?")
            >>> m.claim("No", party="local", answers=q).answers
            'Q1'
        """
        stmt = self._make(
            "claim",
            text,
            id,
            supports=supports,
            attacks=attacks,
            party=party,
            answers=None if answers is None else _ref(answers),
            doctrines=doctrines,
            cites=cites,
            note=note,
            title=title,
        )
        assert isinstance(stmt, Claim)
        return stmt

    def premise(
        self,
        text: str,
        *,
        supports: Refs = None,
        id: str | None = None,
        party: str | None = None,
        doctrines: Iterable[str] = (),
        cites: Iterable[str | Cite] = (),
        note: str | None = None,
        title: str | None = None,
    ) -> Premise:
        """Add a premise supporting one or more statements (one inference each).

        For linked premises (several needed together) use :meth:`infer`.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x")
            >>> m.premise("because y", supports=c).id, list(m.relations)
            ('P1', ['P1->C1'])
        """
        stmt = self._make(
            "premise",
            text,
            id,
            supports=supports,
            party=party,
            doctrines=doctrines,
            cites=cites,
            note=note,
            title=title,
        )
        assert isinstance(stmt, Premise)
        return stmt

    def rebuttal(
        self,
        text: str,
        *,
        attacks: Refs,
        id: str | None = None,
        party: str | None = None,
        doctrines: Iterable[str] = (),
        cites: Iterable[str | Cite] = (),
        note: str | None = None,
        title: str | None = None,
    ) -> Rebuttal:
        """Add a rebuttal attacking a claim, premise or another rebuttal.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x")
            >>> m.rebuttal("not so", attacks=c).id, list(m.relations)
            ('R1', ['R1-|C1'])
        """
        stmt = self._make(
            "rebuttal",
            text,
            id,
            attacks=attacks,
            party=party,
            doctrines=doctrines,
            cites=cites,
            note=note,
            title=title,
        )
        assert isinstance(stmt, Rebuttal)
        return stmt

    def undercutter(
        self,
        text: str,
        *,
        undercuts: Refs,
        id: str | None = None,
        party: str | None = None,
        doctrines: Iterable[str] = (),
        cites: Iterable[str | Cite] = (),
        note: str | None = None,
        title: str | None = None,
    ) -> Undercutter:
        """Add an undercutter attacking an inference or a conflict.

        ``undercuts`` may name the relation, or a statement whose only outgoing
        relation is the one meant (its inference or its attack).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); r = m.rebuttal("no", attacks=c)
            >>> u = m.undercutter("the objection misreads x", undercuts=r)
            >>> [a.id for a in m.attackers("R1-|C1")]
            ['U1']
        """
        stmt = self._make(
            "undercutter",
            text,
            id,
            undercuts=undercuts,
            party=party,
            doctrines=doctrines,
            cites=cites,
            note=note,
            title=title,
        )
        assert isinstance(stmt, Undercutter)
        return stmt

    # ------------------------------------------------------------------ relations

    def _add_relation(self, rel: R) -> R:
        old = self._relations.get(rel.id)
        if old is not None and old == rel:  # re-running a notebook cell
            return cast(R, old)
        if old is not None or rel.id in self._statements:
            raise DuplicateIdError(
                f"duplicate id {rel.id!r}: the map already has a different "
                f"{old.kind if old else self._statements[rel.id].kind} with this id; "
                f"change it with m.update({rel.id!r}, ...), m.remove({rel.id!r}) it first, "
                "or give this one another id"
            )
        rid, target, sources = rel.id, rel.target, rel.sources
        # the stamps of its ends: its sources (and an inference's conclusion) are
        # statements of the map, every caller having checked; a conflict's target may
        # be a relation (stamp 0), even one a view adds later
        stamp = self._stamp.get
        ends = (stamp(target, 0), *[stamp(s, 0) for s in sources])
        if 0 in ends[1:] or (not ends[0] and isinstance(rel, Inference)):
            missing = next(e for e in (*sources, target) if e not in self._stamp)
            raise ModelError(f"{rid}: {missing!r} is not a statement of the map")
        self._relations[rid] = rel
        self._by_kind.setdefault(rel.kind, {})[rid] = rel
        self._ends[rid] = ends
        self._version += 1
        out = self._out
        for src in sources:
            out.setdefault(src, []).append(rid)
        self._in.setdefault(target, []).append(rid)
        return rel

    def infer(
        self,
        premises: Ref | Iterable[Ref],
        conclusion: Ref,
        *,
        id: str | None = None,
        scheme: str | None = None,
        weight: float | None = None,
    ) -> Inference:
        """Add an inference: the ``premises`` together support ``conclusion``.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x")
            >>> a = m.premise("y"); b = m.premise("z")
            >>> m.infer([a, b], c, scheme="argument-from-statute").id
            'P1+P2->C1'
        """
        ids = _refs(premises)
        target = self.statement(conclusion)
        for p in ids:
            check_support(self.statement(p), target)
        fields: dict[str, Any] = {"premises": tuple(ids), "conclusion": target.id}
        if id is not None:
            fields["id"] = id
        rel = Inference(**fields, scheme=scheme, weight=weight)
        return self._add_relation(rel)

    def attack(
        self,
        attacker: Ref,
        target: Ref,
        *,
        id: str | None = None,
        weight: float | None = None,
    ) -> Conflict:
        """Add a conflict: ``attacker`` attacks a statement or a relation.

        Example:
            >>> m = ArgumentMap(); a = m.claim("x"); b = m.claim("not x")
            >>> m.attack(b, a).id
            'C2-|C1'
        """
        src = self.statement(attacker)
        node = self.node(target)
        check_attack(src, node.id, node.kind)
        fields: dict[str, Any] = {"attacker": src.id, "target": node.id}
        if id is not None:
            fields["id"] = id
        rel = Conflict(**fields, weight=weight)
        return self._add_relation(rel)

    def undercut(self, attacker: Ref, target: Ref, **kw: Any) -> Conflict:
        """Add an undercut; ``target`` is resolved as in :meth:`undercutter`.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> u = m.undercutter("y does not bear on x", undercuts=p)
            >>> m.conflict_kind("U1-|P1->C1")
            'undercut'
        """
        return self.attack(attacker, self.resolve_relation(target), **kw)

    def resolve_relation(self, ref: Ref) -> Relation:
        """The relation ``ref`` names: itself, or a statement's only outgoing relation.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> m.resolve_relation("P1").id
            'P1->C1'
        """
        ident = _ref(ref)
        if ident in self._relations:
            return self._relations[ident]
        stmt = self.statement(ident)
        out = self._out.get(stmt.id, [])
        if len(out) == 1:
            return self._relations[out[0]]
        if not out:
            raise RelationError(
                f"{stmt.id} ({stmt.kind}) supports or attacks nothing, so there is no "
                "inference or conflict of its to undercut"
            )
        raise RelationError(
            f"{stmt.id} has several outgoing relations {out}; name the one to undercut"
        )

    # ------------------------------------------------------------------ queries

    def relations_from(self, ref: Ref) -> list[Relation]:
        """Relations that start at ``ref`` (its inferences and attacks).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> [r.id for r in m.relations_from(p)]
            ['P1->C1']
        """
        return [self._relations[r] for r in self._out.get(_ref(ref), [])]

    def relations_to(self, ref: Ref) -> list[Relation]:
        """Relations that end at ``ref`` (inferences for it, conflicts against it).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> [r.id for r in m.relations_to(c)]
            ['P1->C1']
        """
        return [self._relations[r] for r in self._in.get(_ref(ref), [])]

    def inferences_for(self, ref: Ref) -> list[Inference]:
        """The inferences concluding ``ref``.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
            >>> len(m.inferences_for(c))
            1
        """
        return [r for r in self.relations_to(ref) if isinstance(r, Inference)]

    def conflicts_against(self, ref: Ref) -> list[Conflict]:
        """The conflicts targeting ``ref`` (a statement or a relation).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.rebuttal("no", attacks=c)
            >>> [k.attacker for k in m.conflicts_against(c)]
            ['R1']
        """
        return [r for r in self.relations_to(ref) if isinstance(r, Conflict)]

    def supporters(self, ref: Ref) -> list[Statement]:
        """Statements that are premises of an inference for ``ref`` (no repeats).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
            >>> [s.id for s in m.supporters(c)]
            ['P1']
        """
        seen: dict[str, Statement] = {}
        for inf in self.inferences_for(ref):
            for p in inf.premises:
                seen.setdefault(p, self._statements[p])
        return list(seen.values())

    def attackers(self, ref: Ref) -> list[Statement]:
        """Statements attacking ``ref`` (a statement or a relation).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.rebuttal("no", attacks=c)
            >>> [s.id for s in m.attackers(c)]
            ['R1']
        """
        seen: dict[str, Statement] = {}
        for k in self.conflicts_against(ref):
            seen.setdefault(k.attacker, self._statements[k.attacker])
        return list(seen.values())

    def answers(self, issue: Ref) -> list[Claim]:
        """Claims that answer ``issue``.

        Example:
            >>> m = ArgumentMap(); q = m.issue("?"); _ = m.claim("yes", answers=q)
            >>> [c.id for c in m.answers(q)]
            ['C1']
        """
        out = []
        for cid in self._answered_by.get(_ref(issue), []):
            stmt = self._statements[cid]
            assert isinstance(stmt, Claim)
            out.append(stmt)
        return out

    def _below(self, ident: str) -> list[str]:
        """Nodes one step "below" ident: what bears on it (towards the leaves)."""
        out: list[str] = list(self._in.get(ident, []))
        rel = self._relations.get(ident)
        if rel is not None:
            out.extend(rel.sources)
        out.extend(self._answered_by.get(ident, []))
        if ident in self._statements and isinstance(self._statements[ident], Issue):
            out.extend(i.id for i in self.sub_issues(ident))
        return out

    def _above(self, ident: str) -> list[str]:
        """Nodes one step "above" ident: what it bears on (towards the issues)."""
        out: list[str] = list(self._out.get(ident, []))
        rel = self._relations.get(ident)
        if rel is not None:
            out.append(rel.target)
        stmt = self._statements.get(ident)
        if isinstance(stmt, Claim) and stmt.answers:
            out.append(stmt.answers)
        if isinstance(stmt, Issue) and stmt.parent:
            out.append(stmt.parent)
        return out

    def _walk(self, start: str, step: Callable[[str], list[str]], relations: bool) -> list[str]:
        seen = {start}
        order: list[str] = []
        queue = deque([start])
        while queue:
            for nxt in step(queue.popleft()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
                    if relations or nxt in self._statements:
                        order.append(nxt)
        return order

    def ancestors(self, ref: Ref, *, relations: bool = False) -> list[str]:
        """Ids of everything that bears on ``ref``, directly or not (its sub-tree).

        Edges point from reasons to what they bear on (premise → claim → issue),
        as in :meth:`to_networkx`; ancestors are the reasons for and against.

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
            >>> r = m.rebuttal("not y", attacks=p)
            >>> m.ancestors(c)
            ['P1', 'R1']
        """
        return self._walk(self.node(ref).id, self._below, relations)

    def descendants(self, ref: Ref, *, relations: bool = False) -> list[str]:
        """Ids of everything ``ref`` bears on, directly or not (up to the issues).

        Example:
            >>> m = ArgumentMap(); q = m.issue("?"); c = m.claim("x", answers=q)
            >>> p = m.premise("y", supports=c)
            >>> m.descendants(p)
            ['C1', 'Q1']
        """
        return self._walk(self.node(ref).id, self._above, relations)

    def by_party(self, party: str | None) -> list[Statement]:
        """Statements of a party (``None``: those with no party).

        Example:
            >>> m = ArgumentMap(parties={"a": "A"}); _ = m.claim("x", party="a")
            >>> [s.id for s in m.by_party("a")]
            ['C1']
        """
        if party is not None:
            self.check_parties([party])
        return [s for s in self._statements.values() if s.party == party]

    def by_doctrine(self, doctrine: str) -> list[Statement]:
        """Statements tagged with a doctrine.

        Example:
            >>> m = ArgumentMap(doctrines={"d": "D"}); _ = m.claim("x", doctrines=["d"])
            >>> [s.id for s in m.by_doctrine("d")]
            ['C1']
        """
        self.check_doctrines([doctrine])
        return [s for s in self._statements.values() if doctrine in s.doctrines]

    def by_kind(self, kind: StatementKind) -> list[Statement]:
        """Statements of one kind.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x"); [s.id for s in m.by_kind("claim")]
            ['C1']
        """
        if kind not in STATEMENT_CLASSES:
            raise ModelError(
                f"unknown statement kind {kind!r}{did_you_mean(kind, list(STATEMENT_CLASSES))}"
            )
        return self._of_kind(STATEMENT_CLASSES[kind])

    def cited(self) -> list[Authority]:
        """Authorities cited by at least one statement, in catalog order.

        Example:
            >>> ArgumentMap().cited()
            []
        """
        used = {c.authority for s in self._statements.values() for c in s.cites}
        return [a for a in self._authorities.values() if a.id in used]

    def party_of(self, ref: Ref) -> str | None:
        """The party a node speaks for: a statement's party, or a relation's source party.

        Example:
            >>> m = ArgumentMap(parties={"a": "A"}); c = m.claim("x", party="a")
            >>> p = m.premise("y", supports=c)
            >>> m.party_of("P1->C1") is None, m.party_of(c)
            (True, 'a')
        """
        node = self.node(ref)
        if isinstance(node, Statement):
            return node.party
        parties = {self._statements[s].party for s in node.sources}
        return parties.pop() if len(parties) == 1 else None

    # ------------------------------------------------------------------ views

    def view(
        self,
        *,
        focus: Ref | Iterable[Ref] | None = None,
        depth: int | None = None,
        doctrines: Iterable[str] | None = None,
        parties: Iterable[str] | None = None,
        evaluation: Any = None,
    ) -> ArgumentMap:
        """A sub-map: the neighbourhood of ``focus`` and/or some doctrines or parties.

        ``focus`` keeps the nodes within ``depth`` steps (a step goes from a
        statement to one it supports, attacks or answers, or back; ``None`` means
        no limit). ``doctrines`` keeps statements tagged with any of them (and
        untagged issues they answer); ``parties`` keeps statements of those parties
        and neutral ones. Relations are kept when both ends are; authorities when cited.
        Drawn (in a notebook, or by ``render``), the view looks as
        ``to_dot(m, focus=..., doctrines=...)`` does: with its subtitle, grey boxes
        for what it points at, and the statuses of ``evaluation`` if given.

        Example:
            >>> m = ArgumentMap(); q = m.issue("?"); c = m.claim("x", answers=q)
            >>> p = m.premise("y", supports=c); r = m.rebuttal("not y", attacks=p)
            >>> sorted(m.view(focus=p, depth=1).statements)
            ['C1', 'P1', 'R1']
        """
        keep = set(self._statements)
        if doctrines is not None:
            wanted = set(self.check_doctrines(doctrines))
            tagged = {s.id for s in self._statements.values() if wanted & set(s.doctrines)}
            # keep the issues the tagged claims answer, so the view keeps its question
            for sid in list(tagged):
                stmt = self._statements[sid]
                if isinstance(stmt, Claim) and stmt.answers:
                    tagged.add(stmt.answers)
            keep &= tagged
        if parties is not None:
            wanted_p = set(self.check_parties(parties))
            keep &= {s.id for s in self._statements.values() if s.party in wanted_p or not s.party}
        if focus is not None:
            starts = [self.statement(f).id for f in _refs(focus)]
            near = self._neighbourhood(starts, depth)
            keep &= near
        sub = self._subset(keep)
        options: dict[str, Any] = {"depth": depth} if depth is not None else {}
        if focus is not None:
            options["focus"] = starts
        if doctrines is not None:
            options["doctrines"] = [d for d in self._doctrines if d in wanted]
        if parties is not None:
            options["parties"] = [p for p in self._parties if p in wanted_p]
        if evaluation is not None:
            options["evaluation"] = evaluation
        sub.view_of = (self, options)
        return sub

    def _neighbourhood(self, starts: list[str], depth: int | None) -> set[str]:
        adj: dict[str, set[str]] = {s: set() for s in self._statements}
        for rel in self._relations.values():
            ends = [*rel.sources, rel.target]
            # a conflict on a relation links the attacker to that relation's statements
            stack = [rel.target]
            while stack:
                t = stack.pop()
                if t in self._relations:
                    inner = self._relations[t]
                    ends.extend(inner.sources)
                    stack.append(inner.target)
            stmts = [e for e in ends if e in self._statements]
            for a in stmts:
                adj[a].update(b for b in stmts if b != a)
        for stmt in self._statements.values():
            up = (
                stmt.answers
                if isinstance(stmt, Claim)
                else (stmt.parent if isinstance(stmt, Issue) else None)
            )
            if up:
                adj[stmt.id].add(up)
                adj[up].add(stmt.id)
        seen = set(starts)
        frontier = list(starts)
        level = 0
        while frontier and (depth is None or level < depth):
            level += 1
            nxt = []
            for node in frontier:
                for other in sorted(adj[node]):
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
        return seen

    def _subset(self, keep: set[str]) -> ArgumentMap:
        sub = ArgumentMap(
            self.title,
            parties=dict(self._parties),
            doctrines=dict(self._doctrines),
            description=self.description,
        )
        cited = {c.authority for s in self._statements.values() if s.id in keep for c in s.cites}
        for a in self._authorities.values():
            if a.id in cited:
                sub._authorities[a.id] = a
        for stmt in self._statements.values():
            if stmt.id in keep:
                sub.add(_cut_loose(stmt, keep), check=False)
        # relations in order; a relation is kept when all its ends are kept (fixpoint
        # because conflicts may target relations added later in the order)
        kept: set[str] = set()
        changed = True
        while changed:
            changed = False
            for rel in self._relations.values():
                if rel.id in kept:
                    continue
                ends = [*rel.sources, rel.target]
                if all(e in keep or e in kept for e in ends):
                    kept.add(rel.id)
                    changed = True
        for rel in self._relations.values():
            if rel.id in kept:
                sub._add_relation(rel)
        sub.lines = {k: v for k, v in self.lines.items() if k in keep or k in kept}
        sub.source = self.source
        return sub

    def _part(self, ids: list[str], rank: dict[str, int]) -> ArgumentMap:
        """The statements ``ids`` (in map order) and the relations among them, as
        ``view(focus=ids, depth=0)`` keeps them, in time proportional to the part:
        drawing a map one issue at a time makes one part per issue, and a pass over
        the whole map for each would make that quadratic. ``rank`` gives every
        relation id its position in the map, computed once by the caller."""
        keep = set(ids)
        sub = ArgumentMap(
            self.title,
            parties=dict(self._parties),
            doctrines=dict(self._doctrines),
            description=self.description,
        )
        cited = {c.authority for sid in ids for c in self._statements[sid].cites}
        if cited:
            for a in self._authorities.values():
                if a.id in cited:
                    sub._authorities[a.id] = a
        for sid in ids:
            sub.add(_cut_loose(self._statements[sid], keep), check=False)
        near: set[str] = set()
        todo = [r for sid in ids for r in (*self._out.get(sid, ()), *self._in.get(sid, ()))]
        while todo:  # the relations at the part's statements, and those attacking them
            rid = todo.pop()
            if rid not in near:
                near.add(rid)
                todo += self._in.get(rid, ())
        candidates = sorted(near, key=rank.__getitem__)
        kept: set[str] = set()
        changed = True
        while changed:  # as in _subset: conflicts may target relations later in the order
            changed = False
            for rid in candidates:
                rel = self._relations[rid]
                if rid not in kept and all(
                    e in keep or e in kept for e in (*rel.sources, rel.target)
                ):
                    kept.add(rid)
                    changed = True
        for rid in candidates:
            if rid in kept:
                sub._add_relation(self._relations[rid])
        sub.lines = {
            k: self.lines[k]
            for k in (*ids, *candidates)
            if k in self.lines and (k in keep or k in kept)
        }
        sub.source = self.source
        return sub

    # ------------------------------------------------------------------ graph export

    def to_networkx(self) -> nx.DiGraph[str]:
        """The map as a ``networkx.DiGraph`` in AIF form.

        Nodes are statement and relation ids with attributes ``kind``, ``text``
        (statements), ``party``, ``doctrines``; relations also ``scheme``/``weight``.
        Edges carry ``role``: ``premise`` (statement → inference), ``conclusion``
        (inference → statement), ``attacker`` (statement → conflict), ``target``
        (conflict → node), ``answers`` (claim → issue) and ``part-of`` (sub-issue → issue).

        Example:
            >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
            >>> g = m.to_networkx()
            >>> sorted(g.edges(data="role"))
            [('P1', 'P1->C1', 'premise'), ('P1->C1', 'C1', 'conclusion')]
        """
        import networkx as nx

        g: nx.DiGraph[str] = nx.DiGraph(title=self.title)
        for s in self._statements.values():
            g.add_node(
                s.id,
                kind=s.kind,
                text=s.text,
                party=s.party,
                doctrines=s.doctrines,
                cites=tuple(str(c) for c in s.cites),
            )
        for rel in self._relations.values():
            if isinstance(rel, Inference):
                g.add_node(rel.id, kind="inference", scheme=rel.scheme, weight=rel.weight)
                for p in rel.premises:
                    g.add_edge(p, rel.id, role="premise")
                g.add_edge(rel.id, rel.conclusion, role="conclusion")
            else:
                g.add_node(
                    rel.id, kind="conflict", conflict=self.conflict_kind(rel), weight=rel.weight
                )
                g.add_edge(rel.attacker, rel.id, role="attacker")
        for rel in self.conflicts:
            g.add_edge(rel.id, rel.target, role="target")
        for s in self.claims:
            if s.answers:
                g.add_edge(s.id, s.answers, role="answers")
        for i in self.issues:
            if i.parent:
                g.add_edge(i.id, i.parent, role="part-of")
        return g

    # ------------------------------------------------------------------ output

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        """Jupyter display: the diagram as inline SVG (see :func:`argmap.dot.mimebundle`)."""
        hook = self.hooks.get("display")
        if hook is None:
            return {"text/plain": repr(self)}
        result: dict[str, str] = hook(self, include=include, exclude=exclude)
        return result

    def render(self, path: str | Any, **options: Any) -> Any:
        """Draw the map to ``path`` (``.svg``, ``.pdf``, ``.png`` or ``.dot``).

        ``options`` are those of :func:`argmap.to_dot` (``evaluation=``, ``theme=``,
        ``focus=``, …) plus ``format=`` to override the suffix.

        Example:
            >>> import tempfile, pathlib, shutil
            >>> m = ArgumentMap("T"); _ = m.claim("x")
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.dot"
            >>> m.render(out).name
            'map.dot'
        """
        hook = self.hooks.get("render")
        if hook is None:  # pragma: no cover - argmap/__init__ always registers it
            raise RuntimeError("argmap.dot is not loaded; import argmap")
        return hook(self, path, **options)

    # ------------------------------------------------------------------ checks

    def check(self) -> list[Problem]:
        """Find what a careful reader would flag; see :mod:`argmap.checks`.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x")
            >>> [p.code for p in m.check()]
            ['unsupported-claim']
        """
        return check_map(self)

    def balance(self) -> Balance:
        """Per issue, each party's attacks and what of its case goes unanswered.

        A frozen :class:`argmap.checks.Balance`; ``print`` it, or let Jupyter show it.

        Example:
            >>> m = ArgumentMap(parties={"a": "A", "b": "B"}); q = m.issue("?")
            >>> c = m.claim("yes", party="a", answers=q); _ = m.rebuttal("no", attacks=c, party="b")
            >>> row = m.balance()["Q1"]["b"]
            >>> row.attacks, row.unanswered_attacks
            (1, 1)
        """
        return balance(self)


def _cut_loose(stmt: Statement, keep: Container[str]) -> Statement:
    """``stmt`` for a part of the map: an answer to, or a sub-issue of, an issue left
    out of ``keep`` no longer names it."""
    if isinstance(stmt, Claim) and stmt.answers and stmt.answers not in keep:
        return attrs.evolve(stmt, answers=None)
    if isinstance(stmt, Issue) and stmt.parent and stmt.parent not in keep:
        return attrs.evolve(stmt, parent=None)
    return stmt
