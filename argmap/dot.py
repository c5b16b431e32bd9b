"""Graphviz diagrams of argument maps, for screens, handouts and slides (design §6).

:func:`to_dot` turns a map (and optionally an evaluation) into a
:class:`graphviz.Digraph`; :func:`render` writes SVG, PDF, PNG or DOT;
:func:`to_svg` gives SVG text to inline in HTML; :func:`mimebundle` is what Jupyter
shows for a map, a view or an evaluation. Every piece of user text reaches DOT
through one function, :func:`escape_label`.

The visual language (a ``legend=True`` diagram explains the parts it uses):

* shapes by kind — issue: double-bordered box; claim: rounded box; premise: box;
  rebuttal: box with cut corners; undercutter: flag;
* fill by party, from the colour-blind-safe Okabe–Ito palette (a party's own
  ``colour`` wins on screen); in print, grey levels plus the party's letter;
* lines — support: solid arrow; rebut / undermine: vermillion line ending in a
  bar; undercut: dashed vermillion line ending in a bar and circle on the small node
  of the relation it attacks; a claim answering its issue: grey hollow arrow;
* an inference or conflict is drawn as a small node when it carries something
  (linked premises, a scheme, a weight) or is attacked, else merged into its line;
* with an evaluation, each statement shows its status three ways — border (solid,
  dashed, dotted), symbol (✔ ✘ ?) and colour (green, reddish purple, grey, hues no
  line or party fill uses) — so greyscale printing loses nothing.

The drawing is built in named steps: :class:`_Diagram` (nodes, edges, clusters,
views' context), :mod:`argmap._dotlayout` (order, issue rows, stacking),
:mod:`argmap._dotlegend` (the legend), :mod:`argmap._dottext` (escaping, cutting,
wrapping) and :mod:`argmap._dotstyle` (the look).

Example:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("Spending Clause", parties={"federal": "United States",
    ...                                            "local": "Cities"})
    >>> q = m.issue("May grants be withheld?")
    >>> c = m.claim("Yes", party="federal", answers=q)
    >>> r = m.rebuttal("Only Congress may <attach> conditions", attacks=c, party="local")
    >>> g = to_dot(m)
    >>> print(g.source.splitlines()[0])
    digraph argmap {
    >>> "Only Congress may &lt;attach&gt; conditions" in g.source
    True
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Literal,
    Protocol,
    TypeAlias,
    overload,
    runtime_checkable,
)

import attrs

from . import _dotpack
from ._dotlayout import (
    canonical_relations,
    carries_something,
    connected_pieces,
    group_leaders,
    issue_groups,
    leaves,
    pieces_by_group,
    stack,
)
from ._dotlegend import Drawn, LegendStyle
from ._dotlegend import legend as legend_lines
from ._dotstyle import (
    FOCUS_MARK,
    KIND_SHAPES,
    STATUSES,
    THEMES,
    UNVERIFIED_MARK,
    Status,
    Theme,
    ThemeName,
    text_colour_on,
)
from ._dottext import (
    _LABEL_BYTES,
    _PIECE_BYTES,
    _clip,
    _fit,
    _long,
    _tooltip,
    _wrap,
    escape_label,
)
from ._io import atomic_write_bytes
from ._nogc import no_gc
from .exceptions import (
    ArgmapError,
    DiagramError,
    MissingDependencyError,
    RenderError,
    did_you_mean,
    expect,
    expect_ids,
)
from .graph import ArgumentMap
from .model import Authority, Claim, Conflict, Inference, Issue, Statement

if TYPE_CHECKING:
    import graphviz

__all__ = [
    "DISPLAY_LIMIT",
    "FAST_LAYOUT_NODES",
    "FORMATS",
    "THEMES",
    "TIMEOUT",
    "DiagramError",
    "EvaluationLike",
    "LargeMapWarning",
    "Page",
    "escape_label",
    "mimebundle",
    "render",
    "to_dot",
    "to_dot_pages",
    "to_svg",
]

RankDir: TypeAlias = Literal["BT", "TB", "LR", "RL"]
Arrange: TypeAlias = Literal["rows", "strip"]
AuthorityMode: TypeAlias = Literal["inline", "nodes", "none"]
LayoutMode: TypeAlias = Literal["auto", "full", "fast", "packed"]
Format: TypeAlias = Literal["svg", "pdf", "png", "dot"]
Relation: TypeAlias = Inference | Conflict

FORMATS: tuple[Format, ...] = ("svg", "pdf", "png", "dot")
_RANKDIRS: tuple[RankDir, ...] = ("BT", "TB", "LR", "RL")
_ARRANGES: tuple[Arrange, ...] = ("rows", "strip")
_AUTHORITY_MODES: tuple[AuthorityMode, ...] = ("inline", "nodes", "none")
_LAYOUTS: tuple[LayoutMode, ...] = ("auto", "full", "fast", "packed")

#: Above this many nodes ``layout="auto"`` switches to cheaper Graphviz settings.
FAST_LAYOUT_NODES = 2000
#: Above this many statements and relations Jupyter shows advice instead of a drawing.
DISPLAY_LIMIT = 5000
#: Seconds Graphviz may take for one drawing before it is stopped (``timeout=0``: no limit).
TIMEOUT = 120.0
#: Graph attributes of the cheaper layout (about twice as fast at 5,000 nodes).
_FAST_ATTRS = "splines=line, nslimit=2, nslimit1=2, mclimit=0.5, remincross=false"
#: The page a drawing is fitted to when choosing how to stack its pieces (16:9, inches).
_PAGE = (13.333, 7.5)

_DOT_PROGRAM = "Graphviz 'dot' program"
_INSTALL = "apt-get install graphviz  (macOS: brew install graphviz)"
_GRAPH_NAME = "argmap"


class LargeMapWarning(UserWarning):
    """A map so large that Graphviz needs cheaper settings (and a while) to draw it.

    Example:
        >>> issubclass(LargeMapWarning, UserWarning)
        True
    """


@runtime_checkable
class EvaluationLike(Protocol):
    """What a diagram needs from an evaluation: a status (and a reason) per id.

    Example:
        >>> class Ev:
        ...     def status(self, ident): return "accepted"
        ...     def explain(self, ident): return "nothing attacks it"
        >>> isinstance(Ev(), EvaluationLike)
        True
    """

    def status(self, ident: str, /) -> Any:
        """``"accepted"``, ``"rejected"`` or ``"undecided"`` for a statement or relation."""

    def explain(self, ident: str, /) -> str:
        """A plain-English reason for the status."""


# --------------------------------------------------------------------------- inputs


def _split(obj: Any, evaluation: Any) -> tuple[ArgumentMap, Any]:
    """(map, evaluation) from a map, or from an evaluation that carries ``.map``."""
    if isinstance(obj, ArgumentMap):
        return obj, evaluation
    inner = getattr(obj, "map", None)
    if isinstance(inner, ArgumentMap) and callable(getattr(obj, "status", None)):
        return inner, obj if evaluation is None else evaluation
    raise DiagramError(f"expected an ArgumentMap or an evaluation of one, not {type(obj).__name__}")


def _choice(name: str, value: object, choices: Iterable[str]) -> None:
    options = sorted(choices)
    if value not in options:
        hint = did_you_mean(str(value), options)
        raise DiagramError(f"unknown {name}: {value!r} (must be one of {options}){hint}")


def _count(name: str, value: object, meaning: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise DiagramError(f"{name} must be a whole number ({meaning}), not {value!r}")


def _names(value: Iterable[str] | str | None) -> list[str] | None:
    if value is None:
        return None
    # each name once, in the order given: a doctrine named twice would otherwise put
    # its nodes in two clusters, which crashes Graphviz
    return [value] if isinstance(value, str) else list(dict.fromkeys(value))


_STATUS_ALIASES: dict[str, Status] = {
    "accepted": "accepted",
    "in": "accepted",
    "rejected": "rejected",
    "out": "rejected",
    "undecided": "undecided",
    "undec": "undecided",
}


# --------------------------------------------------------------------------- the drawing


class _Shared:
    """What the drawings of one map have in common, computed once when first needed:
    drawing a map one issue at a time then costs time linear in the map, not one
    pass over the whole map per issue."""

    def __init__(self, full: ArgumentMap) -> None:
        self.full = full

    @functools.cached_property
    def groups(self) -> dict[str, int]:
        """``{statement id: its top-level issue's group}`` (see ``issue_groups``)."""
        return issue_groups(self.full)

    @functools.cached_property
    def rank(self) -> dict[str, int]:
        """Each relation's place in the canonical order (``canonical_relations``)."""
        return {rel.id: i for i, rel in enumerate(canonical_relations(self.full))}

    @functools.cached_property
    def position(self) -> dict[str, int]:
        """Each statement's place in the map."""
        return {s: i for i, s in enumerate(self.full.statements)}

    @functools.cached_property
    def order(self) -> dict[str, int]:
        """Each relation's place in the map (the order a view keeps)."""
        return {r: i for i, r in enumerate(self.full.relations)}


class _Diagram:
    """Writes the DOT body of one diagram and remembers what it drew, for the legend.

    ``full`` is the whole map, ``m`` the part drawn (a view, or the map itself).
    Node names are generated (``n1`` statements, ``r1`` relations drawn as nodes,
    ``g1`` context statements, ``a1`` authorities), so ids never reach DOT as names.
    """

    def __init__(
        self,
        full: ArgumentMap,
        m: ArgumentMap,
        evaluation: Any,
        theme: Theme,
        *,
        wrap: int,
        max_lines: int,
        authorities: AuthorityMode,
        clusters: bool,
        focus: list[str],
        doctrines: list[str] | None,
        context: bool,
        rankdir: RankDir,
        arrange: Arrange = "rows",
        shared: _Shared | None = None,
        prefix: str = "",
    ) -> None:
        self.full, self.m, self.ev, self.t = full, m, evaluation, theme
        self.shared = shared if shared is not None else _Shared(full)
        self.prefix = prefix  # before every node and box name: pages packed into one graph
        self.arrange = arrange
        # Graphviz turns a cluster's label over with the ranks: "b" is the top in BT
        self.label_top = "labelloc=b" if rankdir == "BT" else "labelloc=t"
        self.wrap = wrap
        self.max_lines = max_lines
        self.cite_wrap = round(wrap * theme.fontsize / theme.small) if wrap > 0 else 0
        self.authorities = authorities
        self.focus = set(focus)
        self.used: dict[str, None] = {}  # legend keys, in first-use order
        self.attack_kinds: set[str] = set()
        self.parties_used: dict[str | None, None] = {}
        self.party_index = {p: i for i, p in enumerate(m.parties)}
        self.party_tag = _party_tags(m) if theme.party_tags else {}
        self.edges: list[tuple[str, str, int]] = []  # tail, head, minlen (0: no constraint)
        self.names = {s: f"{prefix}n{i}" for i, s in enumerate(m.statements, 1)}
        self.looks: dict[tuple[str, str | None, Status | None], str] = {}
        # relations in a canonical order (by the statements they join), so that equal
        # maps give identical DOT whatever order their relations were added in
        self.rel_order = canonical_relations(m)
        # relations drawn as small nodes: attacked, linked, axiomatic, or carrying a
        # scheme or weight
        attacked = {c.target for c in m.conflicts}
        self.rel_nodes: dict[str, str] = {}
        for rel in self.rel_order:
            if rel.id in attacked or carries_something(rel):
                self.rel_nodes[rel.id] = self._rel_name()
        self.rows = self._stagger()
        self.ghost_rels: list[Relation] = []
        self.ghost_names: dict[str, str] = {}
        self.hidden: dict[str, list[int]] = {}
        if full is not m:
            self._outside(context)
        self.auth_names = {a.id: f"{prefix}a{i}" for i, a in enumerate(m.cited(), 1)}
        if authorities != "nodes":
            self.auth_names = {}
        self._groups()
        self._clusters(clusters, doctrines)

    # ------------------------------------------------------------------ arrangement

    def _groups(self) -> None:
        """Which top-level issue each node belongs to, when the drawing is arranged
        in rows of issues (two or more issues shown); lines between issues then do
        not pull the rows together."""
        self.group_of: dict[str, int] = {}
        self.node_group: dict[str, int] = {}
        if self.arrange != "rows":
            return
        groups = self.shared.groups
        shown = {s: groups[s] for s in self.m.statements if s in groups}
        if len(set(shown.values())) < 2:
            return
        self.group_of = shown
        self.node_group = {self.names[s]: g for s, g in shown.items()}
        for ident, name in self.rel_nodes.items():
            rel = self.full.relations.get(ident)
            ends = [e for e in self._statement_ends(rel) if e in shown] if rel else []
            if ends:
                self.node_group[name] = shown[ends[-1]]

    def _clusters(self, clusters: bool, doctrines: list[str] | None) -> None:
        """A box for each doctrine (within each issue's row, when arranged by issue),
        when two or more doctrines are drawn."""
        order = doctrines if doctrines is not None else list(self.m.doctrines)
        self.cluster_of: dict[str, tuple[int, str]] = {}
        for s in self.m.statements.values():
            home = next((d for d in order if d in s.doctrines), None)
            if home is not None:
                self.cluster_of[s.id] = (self.group_of.get(s.id, -1), home)
        if not clusters or len({d for _, d in self.cluster_of.values()}) < 2:
            self.cluster_of = {}
        used = set(self.cluster_of.values())
        groups = sorted({g for g, _ in used})
        self.cluster_order = [(g, d) for g in groups for d in order if (g, d) in used]

    def _rel_name(self) -> str:
        return f"{self.prefix}r{len(self.rel_nodes) + 1}"

    # ------------------------------------------------------------------ views

    def _outside(self, context: bool) -> None:
        """What a view leaves out: the context it points at, and counts of the rest.

        A shown statement that supports or attacks something outside the view keeps
        its line: the statement at the other end (and any premise linked with it) is
        drawn as a grey context box, and
        when the line ends on a relation (an undercut of an attack whose ends are
        outside the view), that relation is drawn too, with grey boxes for its ends,
        so no argument hangs in the air. Reasons left out are counted instead.
        """
        full, m = self.full, self.m
        needed: set[str] = set()  # relations outside the view that must be drawn
        ghosts: set[str] = set()
        # only the relations at the view's statements are looked at (not every relation
        # of the map), so that drawing a map one issue at a time stays linear
        todo = [
            rel
            for s in m.statements
            for rel in full.relations_from(s)
            if context and rel.id not in m.relations
        ]
        while todo:
            rel = todo.pop()
            if rel.id in needed:
                continue
            needed.add(rel.id)
            for end in (*rel.sources, rel.target):
                if end in full.statements and end not in m.statements:
                    ghosts.add(end)
                elif end in full.relations and end not in m.relations:
                    todo.append(full.relations[end])
        attacked = {
            rel.target for rel in (full.relations[r] for r in needed) if isinstance(rel, Conflict)
        }
        near = {r.id: r for s in m.statements for r in full.relations_to(s)}
        near.update((r, full.relations[r]) for r in (*needed, *m.relations))
        rank = self.shared.rank
        for rel in sorted(near.values(), key=lambda rel: rank[rel.id]):
            if rel.id in needed:
                self.ghost_rels.append(rel)
                if rel.id in attacked or carries_something(rel):
                    self.rel_nodes.setdefault(rel.id, self._rel_name())
            elif rel.id in m.relations:
                # a shown relation undercut from outside the view through a drawn link
                if rel.id in attacked:
                    self.rel_nodes.setdefault(rel.id, self._rel_name())
            elif rel.target in m.statements:
                counts = self.hidden.setdefault(rel.target, [0, 0])
                counts[isinstance(rel, Conflict)] += 1
        position = self.shared.position
        for i, ident in enumerate(sorted(ghosts, key=position.__getitem__), 1):
            self.ghost_names[ident] = f"{self.prefix}g{i}"

    def _stagger(self) -> dict[str, int]:
        """Rows for the reasons under a crowded statement, ``theme.stagger`` per row.

        Supports come first, then attacks, each in map order; row ``n`` hangs ``n``
        ranks below the statement, so a wide fan of reasons wraps onto several
        rows instead of making one very wide one.
        """
        rows: dict[str, int] = {}
        per_row = max(1, self.t.stagger)
        rank = {rel.id: i for i, rel in enumerate(self.rel_order)}
        for target in self.m.statements:
            into = [
                r
                for r in sorted(self.m.relations_to(target), key=lambda r: rank[r.id])
                if not (isinstance(r, Conflict) and self._rivals(r.attacker, target))
            ]
            if len(into) > per_row:
                into.sort(key=lambda r: isinstance(r, Conflict))  # stable: supports first
                for i, rel in enumerate(into):
                    rows[rel.id] = 1 + i // per_row
        return rows

    def _rivals(self, a: str, b: str) -> bool:
        """Two claims answering the same issue: drawn side by side, not one above."""
        one, two = self.m.statements.get(a), self.m.statements.get(b)
        return (
            isinstance(one, Claim)
            and isinstance(two, Claim)
            and one.answers is not None
            and one.answers == two.answers
        )

    def node_count(self) -> int:
        return len(self.names) + len(self.rel_nodes) + len(self.auth_names) + len(self.ghost_names)

    # ------------------------------------------------------------------ evaluation

    def status(self, ident: str) -> Status | None:
        if self.ev is None:
            return None
        try:
            raw = self.ev.status(ident)
        except LookupError:
            return None
        found = _STATUS_ALIASES.get(str(getattr(raw, "value", raw)).lower())
        if found is None:
            raise DiagramError(
                f"evaluation.status({ident!r}) returned {raw!r}; expected one of {list(STATUSES)}"
            )
        self.used[found] = None
        return found

    def explain(self, ident: str, status: Status) -> str:
        explain = getattr(self.ev, "explain", None)
        reason = ""
        if explain is not None:
            try:
                reason = str(explain(ident) or "")
            except LookupError:
                reason = ""
        return f"Status: {status}" + (f" — {reason}" if reason else "")

    # ------------------------------------------------------------------ pieces of labels

    def _small(self, html: str, *, italic: bool = False) -> str:
        inner = f"<I>{html}</I>" if italic else html
        return f'<FONT POINT-SIZE="{self.t.small:g}" COLOR="{self.t.muted_colour}">{inner}</FONT>'

    def _authority(self, ident: str) -> Authority | None:
        return self.m.authorities.get(ident) or self.full.authorities.get(ident)

    def _cites(self, s: Statement) -> tuple[list[str], list[str]]:
        """Short forms for the label and full citations for the tooltip."""
        short: list[str] = []
        full: list[str] = []
        for cite in s.cites:
            a = self._authority(cite.authority)
            if a is None:
                short.append(str(cite))
                full.append(f"{cite} (not among the map's authorities)")
                continue
            mark = "" if a.verified else UNVERIFIED_MARK
            if mark:
                self.used["unverified"] = None
            short.append(a.short_form(cite.pin) + mark)
            full.append(a.citation_at(cite.pin) + (f" {mark} not verified" if mark else ""))
        return short, full

    def _party_name(self, party: str | None) -> str:
        p = self.full.parties.get(party) if party else None
        return p.name if p is not None else str(party)

    def _fill(self, party: str | None) -> str:
        if party is None or party not in self.party_index:
            return self.t.neutral_fill
        return self.t.party_fill(self.party_index[party], self.m.parties[party].colour)

    @staticmethod
    def _attrs(name: str, attrs: list[str], tip: str) -> str:
        attrs.append(f'tooltip="{_tooltip(tip)}"')
        return f"\t{name} [{', '.join(attrs)}]\n"

    # ------------------------------------------------------------------ nodes

    def statement_node(self, s: Statement) -> str:
        t = self.t
        status = self.status(s.id)
        head = s.id if s.party not in self.party_tag else f"{s.id} · {self.party_tag[s.party]}"
        head_html, _ = _fit(head, _PIECE_BYTES)
        if status is not None:
            st = t.status[status]
            symbol = f'<FONT POINT-SIZE="{t.fontsize:g}" COLOR="{st.colour}"><B>{st.symbol}</B>'
            head_html = f"{symbol}</FONT> {head_html}"
        if s.id in self.focus:
            self.used["focus"] = None
            mark = f'<FONT POINT-SIZE="{t.fontsize:g}">{FOCUS_MARK}</FONT>'
            head_html = f"{mark} <B>{head_html}</B>"
        width = self.wrap * 4 // 3 if isinstance(s, Issue) else self.wrap  # flatter issues
        body, cut = _fit(
            "\n".join(_clip(_wrap(s.text, width), self.max_lines, width)), _LABEL_BYTES
        )
        parts = [self._small(head_html), f"<B>{body}</B>" if isinstance(s, Issue) else body]
        party = f" ({self._party_name(s.party)})" if s.party else ""
        tip = [f"{s.id} — {s.kind}{party}", _long(s.text, 2000)]
        if isinstance(s, Issue):
            extra = [f"standard: {s.standard}"] if s.standard else []
            if s.burden:
                extra.append(f"burden: {self._party_name(s.burden)}")
            if extra:
                parts.append(self._small(_fit(", ".join(extra), _PIECE_BYTES)[0]))
                tip.append(", ".join(extra))
        if s.id in self.hidden:
            counts = zip(self.hidden[s.id], ("for", "against"), strict=True)
            more = ", ".join(f"+{n} {word}" for n, word in counts if n)
            parts.append(self._small(f"<I>{more} not shown</I>"))
            tip.append(f"Not shown (outside this view): {more}")
        short, full = self._cites(s)
        if short and self.authorities == "inline":
            if 0 < t.max_cites < len(short):
                short = [*short[: t.max_cites], f"+{len(short) - t.max_cites}"]
            lines = _wrap("; ".join(short), self.cite_wrap)
            parts.append(self._small(_fit("\n".join(lines), _PIECE_BYTES)[0], italic=True))
        if full:
            tip.append("Authorities:\n" + "\n".join(f"  {c}" for c in full))
        if s.doctrines:
            names = [self.full.doctrines[d].name for d in s.doctrines if d in self.full.doctrines]
            tip.append("Doctrines: " + ", ".join(names))
        if s.note:
            tip.append(f"Note: {_long(s.note, 1000)}")
        if status is not None:
            tip.append(self.explain(s.id, status))
        self.used[s.kind] = None
        self.parties_used[s.party] = None
        key = (s.kind, s.party, status)
        look = self.looks.get(key)
        if look is None:
            look = self.looks[key] = self._look(s.kind, s.party, status)
        label = "<BR/>".join(parts)
        if cut:
            tip.append(
                f"(The diagram shows the start of the text; all {len(s.text):,} characters are in the map.)"
            )
        tip_text = _tooltip("\n".join(tip))
        return f'\t{self.names[s.id]} [label=<{label}>, {look}, tooltip="{tip_text}"]\n'

    def _look(self, kind: str, party: str | None, status: Status | None) -> str:
        """Shape, border and fill attributes, the same for every statement of a kind,
        party and status (so computed once for each)."""
        t = self.t
        shape, extra_style, borders = KIND_SHAPES[kind]
        fill = self._fill(party)
        styles = [x for x in (extra_style, "filled") if x]
        attrs = [f"shape={shape}"]
        if borders > 1:
            attrs.append(f"peripheries={borders}")
        if shape == "cds":  # the flag shape leaves no room above and below its text
            attrs.append('margin="0.14,0.12"')
        if status is not None:
            st = t.status[status]
            styles += [] if st.style == "solid" else [st.style]
            attrs.append(f'color="{st.colour}", penwidth={st.penwidth:g}')
        attrs += [f'style="{",".join(styles)}"', f'fillcolor="{fill}"']
        if text_colour_on(fill) != "#000000":
            attrs.append(f'fontcolor="{text_colour_on(fill)}"')
        if kind == "issue":
            attrs.append(f"fontsize={t.fontsize + 1:g}")
        return ", ".join(attrs)

    def context_node(self, ident: str) -> str:
        """A grey stand-in for a statement outside the view that the view points at."""
        s = self.full.statements[ident]
        t = self.t
        self.used["context"] = None
        text, _ = _fit("\n".join(_clip(_wrap(s.text, self.wrap), 1, self.wrap)), _PIECE_BYTES)
        label = f'{self._small(_fit(s.id, _PIECE_BYTES)[0])}<BR/><FONT COLOR="{t.muted_colour}">{text}</FONT>'
        shape, extra_style, borders = KIND_SHAPES[s.kind]
        style = ",".join(x for x in (extra_style, "filled") if x)
        names = [self.full.doctrines[d].name for d in s.doctrines if d in self.full.doctrines]
        where = f" ({', '.join(names)})" if names else ""
        attrs = [
            f"label=<{label}>",
            f"shape={shape}, peripheries={borders}",
            f'style="{style}", fillcolor="{t.context_fill}", color="{t.context_colour}"',
        ]
        tip = f"{s.id} — {s.kind}, not in this view{where}\n{_long(s.text, 2000)}"
        return self._attrs(self.ghost_names[ident], attrs, tip)

    def relation_node(self, rel: Relation) -> str:
        t = self.t
        status = self.status(rel.id)
        kind = rel.kind
        self.used[kind] = None
        words: list[str] = []
        if isinstance(rel, Inference) and rel.scheme:
            words.append(f"<I>{_fit(rel.scheme, _PIECE_BYTES)[0]}</I>")
        if rel.weight is not None:
            words.append(f"w = {rel.weight:g}")
        symbol = t.status[status].symbol if status is not None else ""
        if words:  # a small labelled node
            label = "<BR/>".join(words)
            label = f'<FONT POINT-SIZE="{t.small:g}">{f"{symbol} " if symbol else ""}{label}</FONT>'
            shape = "box" if kind == "inference" else "diamond"
            styles = ["rounded", "filled"] if kind == "inference" else ["filled"]
            attrs = [f"label=<{label}>", 'margin="0.06,0.02"', 'fillcolor="#FFFFFF"']
        elif symbol:  # a dot large enough for the status symbol
            shape = "circle" if kind == "inference" else "diamond"
            size = 0.32 if kind == "inference" else 0.4
            styles = ["filled"]
            attrs = [
                f'label=<<FONT POINT-SIZE="{t.small:g}">{symbol}</FONT>>',
                f"width={size:g}, height={size:g}, fixedsize=true",
                'fillcolor="#FFFFFF"',
            ]
        else:  # a dot (inference) or a diamond (conflict)
            shape = "circle" if kind == "inference" else "diamond"
            size = 0.14 if kind == "inference" else 0.2
            fill = t.relation_fill[kind]
            styles = ["filled"]
            attrs = [
                'label=""',
                f"width={size:g}, height={size:g}, fixedsize=true",
                f'fillcolor="{fill}", color="{fill}"',
            ]
        tip = [self._relation_words(rel)]
        if status is not None:
            st = t.status[status]
            styles += [] if st.style == "solid" else [st.style]
            attrs.append(f'color="{st.colour}", penwidth={st.penwidth * 0.7:g}')
            tip.append(self.explain(rel.id, status))
        attrs[0:0] = [f"shape={shape}", f'style="{",".join(styles)}"']
        return self._attrs(self.rel_nodes[rel.id], attrs, "\n".join(tip))

    def _relation_words(self, rel: Relation) -> str:
        if isinstance(rel, Inference):
            if not rel.premises:
                text = f"{rel.conclusion} holds without premises (axiomatic)"
            else:
                verb = "supports" if len(rel.premises) == 1 else "together support"
                text = f"{' + '.join(rel.premises)} {verb} {rel.conclusion}"
            if rel.scheme:
                text += f" ({rel.scheme})"
        else:
            verbs = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}
            text = f"{rel.attacker} {verbs[self.full.conflict_kind(rel)]} {rel.target}"
        if rel.weight is not None:
            text += f", weight {rel.weight:g}"
        return text

    def authority_node(self, ident: str) -> str:
        a = self.m.authorities[ident]
        self.used["authority"] = None
        mark = "" if a.verified else UNVERIFIED_MARK
        if mark:
            self.used["unverified"] = None
        label, _ = _fit("\n".join(_wrap(a.short_form() + mark, self.cite_wrap)), _PIECE_BYTES)
        tip = a.citation + (f"\n{mark} not verified" if mark else "")
        if a.holding:
            tip += f"\n{a.holding}"
        attrs = [
            'shape=note, style="filled", fillcolor="#FFFFFF"',
            f'label=<<FONT POINT-SIZE="{self.t.small:g}"><I>{label}</I></FONT>>',
        ]
        return self._attrs(self.auth_names[ident], attrs, tip)

    # ------------------------------------------------------------------ edges

    def _edge(
        self,
        tail: str,
        head: str,
        kind: str,
        tip: str,
        *,
        arrowhead: str | None = None,
        minlen: int = 1,
        constraint: bool = True,
        label: str = "",
    ) -> str:
        style = self.t.edges[kind]
        self.used[kind] = None
        attrs = [f'color="{style.colour}"', f"penwidth={style.penwidth:g}"]
        if style.style != "solid":
            attrs.append(f"style={style.style}")
        shape = arrowhead if arrowhead is not None else style.arrowhead
        if shape != "normal":
            attrs.append(f"arrowhead={shape}")
        if kind in ("support", "answers"):
            attrs.append("weight=2")
        elif kind == "cites":  # authorities sit below, without dragging statements down
            attrs.append("weight=0")
        if minlen != 1:
            attrs.append(f"minlen={minlen}")
        apart = self.node_group.get(tail, -1) != self.node_group.get(head, -2)
        if apart and tail in self.node_group and head in self.node_group:
            constraint = False  # a line between two issues' rows: drawn, not pulling
        if not constraint:
            attrs.append("constraint=false")
        if label:
            attrs.append(f"label=<{label}>")
        self.edges.append((tail, head, minlen if constraint else 0))
        return self._attrs(f"{tail} -> {head}", attrs, tip)

    def _end(self, ident: str) -> str:
        for names in (self.names, self.ghost_names, self.rel_nodes):
            if ident in names:
                return names[ident]
        raise KeyError(ident)  # pragma: no cover - every drawn relation has both ends

    def relation_edges(self, rel: Relation) -> list[str]:
        tip = self._relation_words(rel)
        node = self.rel_nodes.get(rel.id)
        row = self.rows.get(rel.id, 1)
        if isinstance(rel, Inference):
            conclusion = self._end(rel.conclusion)
            if node is None:
                premise = self._end(rel.premises[0])
                return [self._edge(premise, conclusion, "support", tip, minlen=row)]
            out = [
                self._edge(self._end(p), node, "support", tip, arrowhead="none")
                for p in rel.premises
            ]
            return [*out, self._edge(node, conclusion, "support", tip, minlen=row)]
        kind = "undercut" if self.full.conflict_kind(rel) == "undercut" else "attack"
        if kind == "attack":
            self.attack_kinds.add(self.full.conflict_kind(rel))
        rivals = self._rivals(rel.attacker, rel.target)
        # an undercutter hangs below the reason it answers; rival claims stay side by side
        minlen = 2 if kind == "undercut" else row
        attacker, target = self._end(rel.attacker), self._end(rel.target)
        if node is None:
            return [self._edge(attacker, target, kind, tip, minlen=minlen, constraint=not rivals)]
        into = max(1, minlen - 1) if kind == "attack" else minlen
        return [
            self._edge(attacker, node, kind, tip, arrowhead="none"),
            self._edge(node, target, kind, tip, minlen=into, constraint=not rivals),
        ]

    # ------------------------------------------------------------------ assembly

    def body(self) -> list[str]:
        """The whole drawing, step by step: nodes (by doctrine box), context boxes,
        lines, then the invisible lines that stack the rows."""
        grouped = self._nodes_by_cluster()
        out = self._cluster_lines(grouped)
        out += grouped[None]
        out += [self.context_node(ident) for ident in self.ghost_names]
        out += self._edge_lines()
        out += self.stack_pieces()
        return out

    def _nodes_by_cluster(self) -> dict[tuple[int, str] | None, list[str]]:
        """Every node's DOT line, under the doctrine box it belongs in (``None``: none).

        A relation node or an authority goes in a box when everything it joins does."""
        m = self.m
        groups: dict[tuple[int, str] | None, list[str]] = {d: [] for d in self.cluster_order}
        groups[None] = []
        for s in m.statements.values():
            groups[self.cluster_of.get(s.id)].append(self.statement_node(s))
        for rel in [*self.rel_order, *self.ghost_rels]:
            if rel.id in self.rel_nodes and rel.id in m.relations:
                homes = {self.cluster_of.get(e) for e in self._statement_ends(rel)}
                groups[homes.pop() if len(homes) == 1 else None].append(self.relation_node(rel))
            elif rel.id in self.rel_nodes:
                groups[None].append(self.relation_node(rel))
        for ident in self.auth_names:
            citing = [
                s for s in m.statements.values() if any(c.authority == ident for c in s.cites)
            ]
            homes = {self.cluster_of.get(s.id) for s in citing}
            groups[homes.pop() if len(homes) == 1 else None].append(self.authority_node(ident))
        return groups

    def _cluster_lines(self, grouped: dict[tuple[int, str] | None, list[str]]) -> list[str]:
        """A labelled box for each doctrine (per row), holding its nodes."""
        t = self.t
        out: list[str] = []
        for i, key in enumerate(self.cluster_order, 1):
            doctrine = self.m.doctrines[key[1]]
            colour = doctrine.colour if doctrine.colour and not t.greyscale else t.cluster_colour
            name = _fit(doctrine.name, _PIECE_BYTES)[0]
            out += [
                f"\tsubgraph cluster_{self.prefix}{i} {{\n",
                f"\t\tgraph [label=<<B>{name}</B>>, {self.label_top}, "
                f'fontsize={t.fontsize + 3:g}, style="rounded,filled", '
                f'fillcolor="{t.cluster_fill}", color="{colour}", '
                f'tooltip="{_tooltip(doctrine.name)}"]\n',
                *("\t" + line for line in grouped[key]),
                "\t}\n",
            ]
        return out

    def _edge_lines(self) -> list[str]:
        """Every line: relations (in canonical order), answers, sub-issues, citations."""
        out: list[str] = []
        for rel in [*self.rel_order, *self.ghost_rels]:
            out += self.relation_edges(rel)
        for s in self.m.statements.values():
            if isinstance(s, Claim) and s.answers in self.names:
                tip = f"{s.id} answers {s.answers}"
                out.append(self._edge(self.names[s.id], self.names[s.answers], "answers", tip))
            if isinstance(s, Issue) and s.parent in self.names:
                tip = f"{s.id} is part of {s.parent}"
                out.append(self._edge(self.names[s.id], self.names[s.parent], "subissue", tip))
        for s in self.m.statements.values():
            for cite in s.cites:
                if cite.authority in self.auth_names:
                    pin = self._small(_fit(cite.pin, _PIECE_BYTES)[0]) if cite.pin else ""
                    tail, tip = self.auth_names[cite.authority], f"{s.id} cites {cite}"
                    out.append(self._edge(tail, self.names[s.id], "cites", tip, label=pin))
        return out

    def _statement_ends(self, rel: Relation) -> list[str]:
        ends = [*rel.sources, rel.target]
        out = []
        while ends:
            e = ends.pop()
            if e in self.names:
                out.append(e)
            elif e in self.m.relations:
                ends += [*self.m.relations[e].sources, self.m.relations[e].target]
        return out

    def stack_pieces(self) -> list[str]:
        """Invisible edges that stack the pieces of the drawing in rows (see
        :func:`argmap._dotlayout.stack`): one piece per top-level issue when the
        drawing is arranged by issue, else each separate piece of a view."""
        if self.arrange != "rows":
            return []
        big = {*self.names.values(), *self.ghost_names.values(), *self.auth_names.values()}
        nodes = [*self.names.values(), *self.ghost_names.values(), *self.rel_nodes.values()]
        nodes += self.auth_names.values()
        if self.node_group:
            pieces = pieces_by_group(nodes, self.node_group, self.edges)
        elif self.cluster_of:
            return []
        else:
            pieces = connected_pieces(nodes, self.edges)
        t = self.t
        node_w = (max(self.wrap, 12) * 0.6 * t.fontsize + 20) / 72 + t.nodesep
        node_h = 6.5 * t.fontsize / 72 + t.ranksep
        ties = stack(pieces, nodes, big, self.edges, (node_w, node_h), _PAGE)
        self.edges += ties
        return [
            f"\t{tail} -> {head} [style=invis{'' if minlen else ', minlen=0'}]\n"
            for tail, head, minlen in ties
        ]

    # ------------------------------------------------------------------ legend

    def absorb(self, other: _Diagram) -> None:
        """Count what ``other`` (a page of this drawing) drew as drawn here, for a
        legend of a picture made of pages."""
        self.used.update(other.used)
        self.parties_used.update(other.parties_used)
        self.attack_kinds |= other.attack_kinds

    def legend(
        self, style: LegendStyle, rankdir: RankDir, anchors: list[str] | None = None
    ) -> list[str]:
        """The legend: an entry for every shape, colour and line drawn (see
        :mod:`argmap._dotlegend`), tied to ``anchors`` (default: as ``style`` says)."""
        parties: list[tuple[str, str, str]] = []
        for party in self.m.parties.values():
            if party.id in self.parties_used:
                name = party.name
                if party.id in self.party_tag:
                    name = f"{self.party_tag[party.id]} = {name}"
                key = f"party_{self.party_index[party.id] + 1}"
                parties.append((key, self._fill(party.id), name))
        if None in self.parties_used:
            parties.append(("party_none", self.t.neutral_fill, "no party"))
        if self.attack_kinds == {"rebut"}:
            words = "rebuts"
        elif self.attack_kinds == {"undermine"}:
            words = "undermines (attacks a premise)"
        else:
            words = "rebuts / undermines"
        drawn = Drawn(used=tuple(self.used), parties=tuple(parties), attack_words=words)
        if anchors is None:
            anchors = self._legend_anchors(style, rankdir)
        return legend_lines(drawn, self.t, style=style, rankdir=rankdir, anchors=anchors)

    def _legend_anchors(self, style: LegendStyle, rankdir: RankDir) -> list[str]:
        if style == "full":  # beside the top issue
            top = next((s.id for s in self.m.issues if not s.parent), next(iter(self.names), None))
            return [self.names[top]] if top is not None else []
        # under every node that nothing hangs below
        nodes = [*self.names.values(), *self.ghost_names.values(), *self.rel_nodes.values()]
        upwards = rankdir in ("BT", "RL")
        return leaves([*nodes, *self.auth_names.values()], self.edges, upwards=upwards)


def _party_tags(m: ArgumentMap) -> dict[str, str]:
    """Short unique letters for parties (``F``, ``L``), for greyscale diagrams."""
    tags: dict[str, str] = {}
    for i, party in enumerate(m.parties.values(), 1):
        word = party.id.upper()
        free = (word[:n] for n in range(1, len(word) + 1) if word[:n] not in tags.values())
        tags[party.id] = next(free, f"{word}{i}")
    return tags


def _user_stacklevel() -> int:
    """The stack level of the first caller outside argmap, for warnings (the frame of
    ``contextlib``'s wrapper around a function argmap decorates with a context
    manager is skipped too)."""
    level = 1
    frame = sys._getframe(1)
    while frame.f_back is not None and (
        str(frame.f_globals.get("__name__", "")).startswith("argmap")
        or frame.f_globals.get("__name__") == "contextlib"
    ):
        frame = frame.f_back
        level += 1
    return level


def _view_words(
    m: ArgumentMap,
    focus: list[str],
    depth: int | None,
    doctrines: list[str] | None,
    parties: list[str] | None,
) -> str:
    words: list[str] = []
    if doctrines:
        words.append(", ".join(m.doctrines[d].name for d in doctrines if d in m.doctrines))
    if parties:
        words.append("parties: " + ", ".join(m.parties[p].name for p in parties if p in m.parties))
    if focus:
        steps = "" if depth is None else f" ({depth} step{'s' if depth != 1 else ''})"
        words.append(f"around {', '.join(focus)}{steps}")
    return " — ".join(words)


# --------------------------------------------------------------------------- public API


def to_dot(
    m: ArgumentMap | Any,
    evaluation: EvaluationLike | None = None,
    *,
    theme: ThemeName = "screen",
    focus: Any = None,
    depth: int | None = None,
    doctrines: Iterable[str] | str | None = None,
    parties: Iterable[str] | str | None = None,
    rankdir: RankDir = "BT",
    legend: bool | LegendStyle = False,
    wrap: int | None = None,
    max_lines: int | None = None,
    authorities: AuthorityMode = "inline",
    clusters: bool = True,
    context: bool = True,
    layout: LayoutMode = "auto",
    arrange: Arrange = "rows",
) -> graphviz.Digraph:
    """Draw a map (or a view of it) as a Graphviz digraph.

    Args:
        m: the map, or an evaluation carrying ``.map`` (then drawn with its statuses).
        evaluation: statuses to show: any object with ``status(id)`` returning
            ``"accepted"``, ``"rejected"`` or ``"undecided"`` (and ``explain(id)``,
            shown in the tooltip), such as :class:`argmap.Evaluation`.
        theme: ``"screen"`` (colour), ``"print"`` (greyscale handouts, no meaning
            lost) or ``"slides"`` (large type; at most four lines of each statement
            and one citation, the rest in the tooltip; fitted to a 16:9 slide).
        focus: a statement (or several) to centre a view on; ``depth`` is the
            number of steps kept around it (``None``: everything connected).
        depth: see ``focus``.
        doctrines: keep only statements of these doctrines (and the issues they answer).
        parties: keep only statements of these parties (and neutral ones).
        rankdir: Graphviz direction; ``"BT"`` puts issues at the top, premises below.
        legend: add a legend explaining every shape, colour and line drawn:
            ``True`` in the theme's style (``"compact"``: one or two rows under
            the drawing), or ``"compact"`` / ``"full"`` (a boxed column beside
            the top).
        wrap: characters per line of statement text (default: the theme's;
            ``0``: never wrap).
        max_lines: lines of statement text shown (default: the theme's; ``0``: all).
        authorities: ``"inline"`` (short forms in the node, full citations in the
            tooltip), ``"nodes"`` (one node per authority) or ``"none"`` (tooltip only).
        clusters: draw each doctrine as a labelled box (when two or more are shown).
        context: in a ``doctrines=`` or ``parties=`` view, draw the statements
            outside it that its statements support or attack as grey boxes, so no
            argument hangs in the air (reasons left out are counted in the node).
        layout: ``"auto"`` switches to cheaper Graphviz settings above
            :data:`FAST_LAYOUT_NODES` nodes, with a :class:`LargeMapWarning`;
            ``"fast"`` always does, ``"full"`` never. (:func:`render` and
            :func:`to_svg` draw such a map one issue at a time instead, packed into
            one picture; ``"packed"`` asks them to at any size, and is refused here.)
        arrange: ``"rows"`` (default) stacks the top-level issues (or, in a view
            of one issue, its separate pieces) in rows that fit a 16:9 page;
            ``"strip"`` leaves Graphviz to put them side by side.

    Returns:
        A :class:`graphviz.Digraph`: call ``.render()`` or ``.pipe()``, or show it in
        Jupyter. The same map and options always give byte-identical DOT.

    Raises:
        DiagramError: for an unknown option value (the message lists the choices).
        UnknownNodeError: for a ``focus``, doctrine or party the map does not have.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Demo", parties={"a": "Alice", "b": "Bob"})
        >>> c = m.claim("The contract binds", party="a")
        >>> p = m.premise("Both signed", supports=c, party="a")
        >>> r = m.rebuttal("Bob signed under duress", attacks=c, party="b")
        >>> src = to_dot(m, theme="print", legend=True).source
        >>> "n2 -> n1" in src, "arrowhead=tee" in src, "legend_rebuttal" in src
        (True, True, True)
        >>> to_dot(m).source == to_dot(m).source
        True
    """
    if layout == "packed":
        raise DiagramError(
            "layout='packed' lays out each issue on its own and packs the drawings into "
            "one picture when drawing: use render() or to_svg(); to_dot gives one graph "
            "(layout='auto', 'full' or 'fast')"
        )
    return _build(
        m,
        evaluation,
        theme=theme,
        focus=focus,
        depth=depth,
        doctrines=doctrines,
        parties=parties,
        rankdir=rankdir,
        legend=legend,
        wrap=wrap,
        max_lines=max_lines,
        authorities=authorities,
        clusters=clusters,
        context=context,
        layout=layout,
        arrange=arrange,
    )


@no_gc()
def _build(
    m: ArgumentMap | Any, evaluation: EvaluationLike | None = None, **options: Any
) -> graphviz.Digraph:
    """:func:`to_dot`, optionally limited to the statements ``only`` (a page, named
    ``page`` in the subtitle); see :func:`_plan` for the private options."""
    return _plan(m, evaluation, **options).digraph()


@attrs.define
class _Plan:
    """A drawing whose nodes are counted but whose DOT is not written yet: enough to
    choose how to lay it out (one graph, or one per issue packed into a picture)."""

    full: ArgumentMap
    shown: ArgumentMap
    diagram: _Diagram
    theme: Theme
    options: dict[str, Any]
    subtitle: str
    legend: bool | LegendStyle
    rankdir: RankDir
    layout: LayoutMode
    titled: bool
    whole: bool  # the whole map, not a view or a page
    warn: bool = True  # a LargeMapWarning when the cheaper settings switch on

    @property
    def count(self) -> int:
        """Nodes to draw."""
        return self.diagram.node_count()

    def digraph(self) -> graphviz.Digraph:
        import graphviz

        t, shown, count, layout = self.theme, self.shown, self.count, self.layout
        fast = layout == "fast" or (layout in ("auto", "packed") and count > FAST_LAYOUT_NODES)
        if fast and layout != "fast" and self.warn:
            example = next(iter(shown.claims or shown.statements.values()), None)
            hint = f"focus={example.id!r}, depth=2" if example is not None else "focus=..., depth=2"
            warnings.warn(
                LargeMapWarning(
                    f"argmap: {count:,} nodes to draw, so Graphviz uses faster settings "
                    "(straight lines) and may still take a while; for a readable diagram "
                    f"draw a view, e.g. to_dot(m, {hint}) or doctrines=[...]"
                ),
                stacklevel=_user_stacklevel(),
            )
        head = _graph_head(t, self.rankdir, sized=self.titled)
        if fast:
            head.append(f"\tgraph [{_FAST_ATTRS}]\n")
        if self.titled:
            head += _title_lines(t, shown.title, self.subtitle)
        body = self.diagram.body()
        if self.legend:
            body += self.diagram.legend(
                t.legend if self.legend is True else self.legend, self.rankdir
            )
        return graphviz.Digraph(name=_GRAPH_NAME, body=[*head, *body])


def _graph_head(t: Theme, rankdir: RankDir, *, sized: bool = True) -> list[str]:
    """The graph, node and edge defaults of every drawing in theme ``t`` (with
    ``sized=False`` without the theme's page size: a piece of a packed picture)."""
    font = escape_label(t.font, html=False)
    head = [
        f'\tgraph [rankdir={rankdir}, fontname="{font}", fontsize={t.title_size:g}, '
        f"nodesep={t.nodesep:g}, ranksep={t.ranksep:g}, newrank=true, "
        'outputorder=edgesfirst, bgcolor="white", pad=0.2, labelloc=t]\n',
        f'\tnode [fontname="{font}", fontsize={t.fontsize:g}, penwidth={t.penwidth:g}, '
        f'margin="0.12,0.08", color="#000000", fontcolor="{t.text_colour}"]\n',
        f'\tedge [fontname="{font}", fontsize={t.small:g}, arrowsize=0.8]\n',
    ]
    if t.size and sized:
        head.append(f'\tgraph [size="{t.size}"]\n')
    return head


def _title_label(t: Theme, title: str, subtitle: str) -> tuple[str, str] | None:
    """The drawing's title (and subtitle) as an HTML label, and its tooltip; ``None``
    without either."""
    if not (title or subtitle):
        return None
    label = f"<B>{_fit(title, _LABEL_BYTES)[0]}</B>" if title else ""
    if subtitle:
        small = (
            f'<FONT POINT-SIZE="{t.title_size * 0.75:g}">{_fit(subtitle, _PIECE_BYTES)[0]}</FONT>'
        )
        label = f"{label}<BR/>{small}" if label else small
    return label, _tooltip(" — ".join(w for w in (title, subtitle) if w))


def _title_lines(t: Theme, title: str, subtitle: str) -> list[str]:
    """The drawing's title (and subtitle) as a graph label; none without either."""
    found = _title_label(t, title, subtitle)
    return [] if found is None else [f'\tgraph [label=<{found[0]}>, tooltip="{found[1]}"]\n']


def _plan(
    m: ArgumentMap | Any,
    evaluation: EvaluationLike | None = None,
    *,
    only: list[str] | None = None,
    page: str = "",
    shared: _Shared | None = None,
    prefix: str = "",
    titled: bool = True,
    theme: ThemeName = "screen",
    focus: Any = None,
    depth: int | None = None,
    doctrines: Iterable[str] | str | None = None,
    parties: Iterable[str] | str | None = None,
    rankdir: RankDir = "BT",
    legend: bool | LegendStyle = False,
    wrap: int | None = None,
    max_lines: int | None = None,
    authorities: AuthorityMode = "inline",
    clusters: bool = True,
    context: bool = True,
    layout: LayoutMode = "auto",
    arrange: Arrange = "rows",
) -> _Plan:
    """The checked options and counted nodes of a drawing (see :func:`to_dot`).

    Private options: ``only`` limits the drawing to these statements (in map order),
    a page named ``page`` in the subtitle; ``shared`` is what the pages of one map
    share; ``prefix`` goes before every node name (pages packed into one graph);
    ``titled=False`` leaves the title and the theme's page size out (a piece of
    a packed picture)."""
    if evaluation is not None and not callable(getattr(evaluation, "status", None)):
        expect(evaluation, (), "evaluation", "an Evaluation (from argmap.evaluate)")
    doctrines = expect_ids(doctrines, "doctrines", "a doctrine id or a list of them")
    parties = expect_ids(parties, "parties", "a party id or a list of them")
    full, ev = _split(m, evaluation)
    if full.view_of is not None and only is None and not (focus or doctrines or parties):
        # a view made by m.view(...): drawn as that view of its map, unless changed since
        parent, spec = full.view_of
        spec = dict(spec)
        kept = spec.pop("evaluation", None)
        if parent.view(**spec) == full:
            full, ev = parent, ev if ev is not None else kept
            focus, depth = spec.get("focus"), spec.get("depth", depth)
            doctrines, parties = spec.get("doctrines"), spec.get("parties")
    _choice("theme", theme, THEMES)
    _choice("rankdir", rankdir, _RANKDIRS)
    _choice("authorities", authorities, _AUTHORITY_MODES)
    _choice("layout", layout, _LAYOUTS)
    _choice("arrange", arrange, _ARRANGES)
    if not isinstance(legend, bool):
        _choice("legend", legend, ("compact", "full"))
    _count("wrap", wrap, "characters per line; 0: no wrapping")
    _count("max_lines", max_lines, "0: all lines")
    _count("depth", depth, "steps from the focus")
    t = THEMES[theme]
    doctrine_list, party_list = _names(doctrines), _names(parties)
    focus_list: list[str] = []
    if focus is not None:
        refs = [focus] if isinstance(focus, str) or not isinstance(focus, Iterable) else focus
        focus_list = [full.statement(f).id for f in refs]
    if shared is None or shared.full is not full:
        shared = _Shared(full)
    shown = full if only is None else full._part(only, shared.order)
    if focus_list or doctrine_list is not None or party_list is not None:
        shown = shown.view(
            focus=focus_list or None, depth=depth, doctrines=doctrine_list, parties=party_list
        )
    diagram = _Diagram(
        full,
        shown,
        ev,
        t,
        wrap=t.wrap if wrap is None else wrap,
        max_lines=t.max_lines if max_lines is None else max_lines,
        authorities=authorities,
        clusters=clusters,
        focus=focus_list,
        doctrines=doctrine_list,
        context=context and (only is not None or not focus_list),
        rankdir=rankdir,
        arrange=arrange,
        shared=shared,
        prefix=prefix,
    )
    subtitle = " — ".join(
        w for w in (page, _view_words(full, focus_list, depth, doctrine_list, party_list)) if w
    )
    options = {
        "theme": theme,
        "rankdir": rankdir,
        "legend": legend,
        "wrap": wrap,
        "max_lines": max_lines,
        "authorities": authorities,
        "clusters": clusters,
        "context": context,
        "arrange": arrange,
    }
    return _Plan(
        full=full,
        shown=shown,
        diagram=diagram,
        theme=t,
        options=options,
        subtitle=subtitle,
        legend=legend,
        rankdir=rankdir,
        layout=layout,
        titled=titled,
        whole=not (only or focus_list or doctrine_list is not None or party_list is not None),
    )


@attrs.frozen
class Page:
    """One figure of a map drawn one issue at a time (see :func:`to_dot_pages`).

    Attributes:
        issue: the id of the issue the page shows (``None``: the statements under
            no issue).
        name: a file-name-safe, deterministic name, ``01-A0`` (number in map order,
            then the id with anything but letters, digits, ``.``, ``_`` and ``-``
            replaced by ``-``).
        title: the issue's title (or the start of its text).
        source: the page's DOT source.

    Example:
        >>> page = Page(issue="Q1", name="01-Q1", title="Preemption", source="digraph argmap {}")
        >>> page.name
        '01-Q1'
    """

    issue: str | None
    name: str
    title: str
    source: str

    def svg(self, *, timeout: float | None = None) -> str:
        """The page as SVG text, ready to inline in HTML (needs the ``dot`` program).

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); _ = m.claim("Yes", answers=m.issue("Why?"))
            >>> to_dot_pages(m)[0].svg().startswith("<svg")  # doctest: +SKIP
            True
        """
        _seconds(timeout)
        return _svg(self.source, timeout)

    def pdf(self, *, timeout: float | None = None) -> bytes:
        """The page as a one-page PDF, e.g. to include in LaTeX (needs the ``dot`` program).

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap(); _ = m.claim("Yes", answers=m.issue("Why?"))
            >>> to_dot_pages(m)[0].pdf().startswith(b"%PDF")  # doctest: +SKIP
            True
        """
        _seconds(timeout)
        return _pipe(self.source, "pdf", timeout=timeout)


def to_dot_pages(
    m: ArgumentMap | Any, evaluation: EvaluationLike | None = None, **options: Any
) -> list[Page]:
    """The map drawn one issue per figure: for slides, handouts and a brief's appendix.

    The groups are those of the rows of a whole-map drawing: each top-level issue
    (or, when one question sits over several, each of its sub-issues) with the
    claims answering it and everything argued under them. A line to another issue
    ends in a grey context box, so nothing hangs in the air. Statements under no
    issue get a last page. ``options`` are those of :func:`to_dot` (``focus`` is
    not allowed; ``doctrines=`` and ``parties=`` narrow every page).

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Two questions")
        >>> q1 = m.issue("Preempted?", id="A0"); q2 = m.issue("Commandeered?", id="B0")
        >>> c = m.claim("Yes", answers=q1); r = m.rebuttal("No", attacks=c)
        >>> _ = m.claim("No", answers=q2)
        >>> pages = to_dot_pages(m)
        >>> [(p.issue, p.name) for p in pages]
        [('A0', '01-A0'), ('B0', '02-B0')]
        >>> "Preempted?" in pages[0].source and "Commandeered?" not in pages[0].source
        True
    """
    if options.get("focus") is not None:
        raise DiagramError("to_dot_pages draws whole issues: focus= is not allowed here")
    full, ev = _split(m, evaluation)
    shared = _Shared(full)
    pages: list[Page] = []
    for number, (key, title, ids) in enumerate(_page_groups(full, shared), 1):
        words = f"{key}: {title}" if key is not None else title[0].lower() + title[1:]
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", key or "other").strip("-.") or "issue"
        source = _build(full, ev, only=ids, page=words, shared=shared, **options).source
        pages.append(Page(issue=key, name=f"{number:02d}-{slug}", title=title, source=source))
    return pages


def _page_groups(full: ArgumentMap, shared: _Shared) -> list[tuple[str | None, str, list[str]]]:
    """(issue id, title, statement ids in map order) of each page, in map order; the
    statements under no issue come last (issue ``None``)."""
    groups = shared.groups
    leaders = group_leaders(full)
    members: dict[int, list[str]] = {}
    for ident in full.statements:
        members.setdefault(groups.get(ident, -1), []).append(ident)
    order = sorted(g for g in members if g >= 0) + ([-1] if -1 in members else [])
    out: list[tuple[str | None, str, list[str]]] = []
    for g in order:
        issue = full.statements[leaders[g]] if 0 <= g < len(leaders) else None
        if isinstance(issue, Issue):
            out.append((issue.id, issue.title or _short(issue.text), members[g]))
        else:
            out.append((None, "Statements under no issue", members[g]))
    return out


def _short(text: str, most: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, before exec
    """Ask Linux to kill this child (``dot``) when argmap's process dies."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def _spawn(command: tuple[str, ...], fmt: str) -> subprocess.Popen[bytes]:
    """Start a Graphviz ``command`` writing ``fmt``, with pipes both ways, that dies
    with this process (on Linux); a missing program is a MissingDependencyError."""
    what = _DOT_PROGRAM if command[0] == "dot" else f"Graphviz '{command[0]}' program"
    program = shutil.which(command[0])
    if program is None:
        raise MissingDependencyError(what, _INSTALL)
    try:
        return subprocess.Popen(
            [program, *command[1:], f"-T{fmt}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    except OSError as exc:
        raise MissingDependencyError(what, _INSTALL) from exc


def _pipe(
    source: str,
    fmt: str,
    *,
    timeout: float | None = None,
    command: tuple[str, ...] = ("dot",),
) -> bytes:
    """Run ``dot`` (or another Graphviz ``command``) on ``source``, turning its
    failures into argmap errors.

    It runs at most ``timeout`` seconds (default :data:`TIMEOUT`; ``0``: no
    limit) and never outlives the call: it is killed on a timeout, on any error or
    interrupt, and (on Linux) when this process dies.
    """
    limit = TIMEOUT if timeout is None else timeout
    proc = _spawn(command, fmt)
    try:
        data, raw = proc.communicate(source.encode("utf-8"), timeout=limit or None)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        nodes = len(re.findall(r"^\t+(?:p\d+_)?[nrga]\d+\s\[", source, re.M))
        raise RenderError(_too_long(nodes, limit)) from None
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    if proc.returncode != 0:
        raise RenderError(_graphviz_says(raw))
    if fmt == "pdf":
        # Cairo stamps the time of drawing into every PDF; the same map must give the
        # same bytes, so the stamp becomes a fixed date of the same length (the
        # cross-reference offsets stay valid).
        data = _PDF_DATE.sub(rb"\1D:19700101000000", data)
    return data


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \()D:\d{14}")

#: ``dot`` processes laying out the issues of a packed drawing side by side (fixed,
#: so that a map gives the same picture on every machine).
_LAYOUT_PROCESSES = 2


def _draw(
    m: ArgumentMap | Any,
    evaluation: EvaluationLike | None,
    fmt: str,
    timeout: float | None,
    options: dict[str, Any],
    dpi: int | None = None,
) -> bytes:
    """The whole drawing in format ``fmt`` (not ``dot``): one ``dot`` layout, or for
    a large map (or ``layout="packed"``) each issue laid out on its own and the
    drawings packed into one picture."""
    plan = _plan(m, evaluation, **options)
    if _packs(plan):
        return _packed(plan, fmt, timeout, dpi)
    return _pipe(_with_dpi(plan.digraph().source, fmt, dpi), fmt, timeout=timeout)


def _with_dpi(source: str, fmt: str, dpi: int | None) -> str:
    if fmt != "png" or dpi is None:
        return source
    head, _, _ = source.rpartition("}")
    return f"{head}\tgraph [dpi={dpi}]\n}}\n"


def _packs(plan: _Plan) -> bool:
    """Whether ``plan`` is drawn one issue at a time and packed: the whole map
    arranged in rows, with two or more issues, and ``layout="packed"`` (or
    ``"auto"`` above :data:`FAST_LAYOUT_NODES` nodes)."""
    wanted = plan.layout == "packed" or (plan.layout == "auto" and plan.count > FAST_LAYOUT_NODES)
    if not (wanted and plan.whole and plan.options["arrange"] == "rows"):
        return False
    groups = plan.diagram.shared.groups
    pages = len(set(groups.values())) + (len(groups) < len(plan.full.statements))
    return pages > 1  # (the statements under no issue make a page of their own)


def _packed(plan: _Plan, fmt: str, timeout: float | None, dpi: int | None) -> bytes:
    """Each issue laid out by ``dot`` on its own, the drawings packed in rows that
    fill a 16:9 page in map order, the title and legend once.

    The issues' graphs go to :data:`_LAYOUT_PROCESSES` ``dot`` processes as they
    are written, so writing and drawing overlap. SVG is put together from dot's own
    drawings; PDF and PNG are drawn by ``neato -n2`` from the laid-out positions.
    ``timeout`` bounds the whole: the layouts get all of it, ``neato`` what is left.
    """
    full, t, options = plan.full, plan.theme, dict(plan.options)
    legend, rankdir = options.pop("legend"), plan.rankdir
    # no doctrine boxes: Graphviz 2.43, drawing many graphs in one process, orders a
    # graph's boxes by where their names sit in memory, which changes from run to run
    # and with it the layout; without boxes every run gives the same picture
    options["clusters"] = False
    ev, shared = plan.diagram.ev, plan.diagram.shared
    head = _graph_head(t, rankdir, sized=False)
    title = _title_label(t, plan.shown.title, plan.subtitle)
    pages = _page_groups(full, shared)
    if plan.layout == "auto":
        warnings.warn(
            LargeMapWarning(
                f"argmap: {plan.count:,} nodes to draw, so each of the {len(pages):,} issues "
                "is laid out on its own and the drawings are packed into one picture "
                "(a line to another issue ends in a grey box); layout='fast' draws the "
                "map as one graph, and a view (focus=..., depth=2) reads best"
            ),
            stacklevel=_user_stacklevel(),
        )
    legend_lines: list[str] = []

    def graphs() -> Iterator[str]:
        """The title, each issue, then the legend (of everything the issues drew)."""
        if title is not None:
            yield f"digraph argmap {{\n{''.join(head)}\tgraph [label=<{title[0]}>]\n}}\n"
        for number, (_, _, ids) in enumerate(pages, 1):
            page = _plan(
                full,
                ev,
                only=ids,
                shared=shared,
                prefix=f"p{number}_",
                titled=False,
                layout="auto",
                legend=False,
                **options,
            )
            page.warn = False
            yield page.digraph().source
            plan.diagram.absorb(page.diagram)
        if legend:
            style = t.legend if legend is True else legend
            legend_lines.extend(plan.diagram.legend(style, rankdir, anchors=[]))
            if legend_lines:
                yield f"digraph argmap {{\n{''.join([*head, *legend_lines])}}}\n"

    limit = TIMEOUT if timeout is None else timeout
    start = time.monotonic()
    laid = _stream(graphs(), "svg" if fmt == "svg" else "dot", limit)
    top = laid.pop(0) if title is not None else None
    if legend_lines:  # the legend goes first, top left
        laid.insert(0, laid.pop())
    if fmt == "svg":  # each drawing moved into place as dot drew it: no second pass
        names = [f"p{i}_" for i in range(1, len(pages) + 1)]
        names = ["", *names] if legend_lines else names
        return _dotpack.stitch(laid, names, top, _PAGE).encode("utf-8")
    packed_title = None
    if title is not None and top is not None:
        ((width, height),) = _dotpack.sizes([top])
        packed_title = (title[0], width, height)
        head.append(f'\tgraph [tooltip="{title[1]}"]\n')
    if fmt == "png" and dpi is not None:
        head.append(f"\tgraph [dpi={dpi}]\n")
    source = _dotpack.pack(laid, head, packed_title, _PAGE)
    left = max(limit - (time.monotonic() - start), 0.001) if limit else 0
    return _pipe(source, fmt, timeout=left, command=("neato", "-n2"))


def _stream(sources: Iterable[str], fmt: str, limit: float) -> list[str]:
    """``dot -T<fmt>`` on every graph of ``sources`` (``dot``: laid out, ``svg``:
    drawn), one text per graph, in order.

    The graphs are handed out as they come to :data:`_LAYOUT_PROCESSES` processes,
    each to the one given the least so far (a fixed rule: each graph is drawn on
    its own, so the result does not depend on it either way). All of them are
    stopped after ``limit`` seconds (``0``: no limit), on any error or interrupt,
    and (on Linux) when this process dies.
    """
    if shutil.which("dot") is None:  # before any issue is drawn
        raise MissingDependencyError(_DOT_PROGRAM, _INSTALL)
    procs: list[subprocess.Popen[bytes]] = []
    outputs: list[list[bytes]] = [[] for _ in range(_LAYOUT_PROCESSES)]
    errors: list[list[bytes]] = [[] for _ in range(_LAYOUT_PROCESSES)]
    readers: list[threading.Thread] = []
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        for proc in procs:
            proc.kill()

    timer = threading.Timer(limit, stop) if limit else None
    sent: list[str] = []
    order: list[int] = []
    try:
        for _ in range(_LAYOUT_PROCESSES):
            proc = _spawn(("dot",), fmt)
            procs.append(proc)
            for stream, box in (
                (proc.stdout, outputs[len(procs) - 1]),
                (proc.stderr, errors[len(procs) - 1]),
            ):
                reader = threading.Thread(target=_drain, args=(stream, box), daemon=True)
                reader.start()
                readers.append(reader)
        if timer is not None:
            timer.start()
        given = [0] * _LAYOUT_PROCESSES
        # a dot that stopped early breaks its pipe: its error (or the timeout) is
        # reported below, from what it wrote and how it ended
        with contextlib.suppress(BrokenPipeError):
            for text in sources:
                data = text.encode("utf-8")
                k = min(range(_LAYOUT_PROCESSES), key=given.__getitem__)
                stdin = procs[k].stdin
                assert stdin is not None
                stdin.write(data)
                given[k] += len(data)
                order.append(k)
                sent.append(text)
        for proc in procs:
            if proc.stdin is not None:
                with contextlib.suppress(BrokenPipeError):
                    proc.stdin.close()
        for proc in procs:
            proc.wait()
        for reader in readers:
            reader.join()
    except BaseException:
        stop()
        for proc in procs:
            proc.wait()
        raise
    finally:
        if timer is not None:
            timer.cancel()
    if stopped.is_set():
        nodes = sum(len(re.findall(r"^\t+(?:p\d+_)?[nrga]\d+\s\[", x, re.M)) for x in sent)
        raise RenderError(_too_long(nodes, limit))
    for proc, raw in zip(procs, errors, strict=True):
        if proc.returncode != 0:
            raise RenderError(_graphviz_says(b"".join(raw)))
    cut = _dotpack.split_svg if fmt == "svg" else _dotpack.split
    drawn = [iter(cut(b"".join(out).decode("utf-8"))) for out in outputs]
    laid = [next(drawn[k], "") for k in order]
    if not all(laid) or any(next(rest, None) is not None for rest in drawn):
        count = sum(1 for x in laid if x)
        raise RenderError(
            f"Graphviz laid out {count} of the {len(order)} graphs of a packed drawing"
        )
    return laid


def _drain(stream: IO[bytes] | None, box: list[bytes]) -> None:
    """Read ``stream`` to its end into ``box`` (a thread per output of a process)."""
    if stream is not None:
        box.append(stream.read())
        stream.close()


def _too_long(nodes: int, limit: float) -> str:
    return (
        f"Graphviz did not finish drawing {nodes:,} nodes within {limit:g} s and was "
        "stopped. To draw a map this size: draw a part (focus=..., depth=2; "
        "doctrines=[...]; or pages=True, `argmap render --split issue`, for one "
        "figure per issue), use layout='fast', or allow more time with timeout= "
        "(`--timeout SECONDS`; 0: no limit)"
    )


def _graphviz_says(raw: bytes) -> str:
    message = raw.decode("utf-8", "replace")
    lines = [line for line in message.splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith("Warning:")] or lines
    return f"Graphviz could not draw the diagram: {' '.join(errors)}"


def _seconds(timeout: object) -> None:
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout >= 0
    ):
        raise DiagramError(f"timeout must be a number of seconds (0: no limit), not {timeout!r}")


def _svg(source: str, timeout: float | None = None) -> str:
    svg = _pipe(source, "svg", timeout=timeout).decode("utf-8")
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def to_svg(
    m: ArgumentMap | Any,
    evaluation: EvaluationLike | None = None,
    *,
    timeout: float | None = None,
    **options: Any,
) -> str:
    """The diagram as SVG text without XML prolog or DOCTYPE, ready to inline in HTML.

    ``options`` are those of :func:`to_dot`; ``timeout`` bounds Graphviz's time
    as in :func:`render`. A whole map of more than :data:`FAST_LAYOUT_NODES` nodes
    (or ``layout="packed"``) is drawn one top-level issue at a time, the drawings
    packed into one picture, as :func:`render` does.

    Raises:
        MissingDependencyError: when the Graphviz ``dot`` program is not installed.
        RenderError: when Graphviz fails, with its message.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Demo"); _ = m.claim("The contract binds")
        >>> svg = to_svg(m)  # doctest: +SKIP
        >>> svg.startswith("<svg"), "The contract binds" in svg  # doctest: +SKIP
        (True, True)
    """
    _seconds(timeout)
    svg = _draw(m, evaluation, "svg", timeout, options).decode("utf-8")
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


@overload
def render(
    m: ArgumentMap | Any,
    path: str | Path,
    *,
    format: Format | None = ...,
    evaluation: EvaluationLike | None = ...,
    dpi: int | None = ...,
    timeout: float | None = ...,
    pages: Literal[False] = ...,
    **options: Any,
) -> Path: ...


@overload
def render(
    m: ArgumentMap | Any,
    path: str | Path,
    *,
    format: Format | None = ...,
    evaluation: EvaluationLike | None = ...,
    dpi: int | None = ...,
    timeout: float | None = ...,
    pages: Literal[True],
    **options: Any,
) -> list[Path]: ...


def render(
    m: ArgumentMap | Any,
    path: str | Path,
    *,
    format: Format | None = None,
    evaluation: EvaluationLike | None = None,
    dpi: int | None = None,
    timeout: float | None = None,
    pages: bool = False,
    **options: Any,
) -> Path | list[Path]:
    """Write the diagram to ``path`` as SVG, PDF, PNG or DOT source.

    Args:
        m: the map (or an evaluation carrying ``.map``).
        path: the file to write; its suffix gives the format unless ``format`` does
            (a path without a suffix gets one). Missing folders are created.
        format: ``"svg"``, ``"pdf"``, ``"png"`` or ``"dot"``; ``.dot`` needs no
            Graphviz program.
        evaluation: statuses to show, as in :func:`to_dot`.
        dpi: resolution of PNG output (default 144; slides 192, i.e. 2560 pixels
            across a full slide).
        timeout: seconds Graphviz may take for each figure (default
            :data:`TIMEOUT`; ``0``: no limit), a packed figure included (all its
            layouts and its drawing together); then it is stopped and
            :class:`RenderError` says how to draw such a map.
        pages: write one figure per issue (see :func:`to_dot_pages`) instead of
            one for the whole map: ``map.svg`` becomes ``map-01-A0.svg``,
            ``map-02-B0.svg``, …; returns the list of paths.
        options: the options of :func:`to_dot` (``theme=``, ``focus=``, …).
            With ``layout="auto"`` a whole map of more than
            :data:`FAST_LAYOUT_NODES` nodes (or any map, with ``layout="packed"``)
            is drawn one top-level issue at a time: two ``dot`` processes lay the
            issues out side by side and the drawings are packed in rows that fill
            a 16:9 page, in map order, with the title and legend once, doctrines
            unboxed and a line to another issue ending in a grey context box (one
            :class:`LargeMapWarning` says so). ``layout="fast"`` or ``"full"``
            asks for one Graphviz graph; ``.dot`` output is always one graph.

    Returns:
        The path written (with ``pages=True``, the paths, in map order).

    Raises:
        DiagramError: for an unknown format.
        MissingDependencyError: for svg, pdf and png when ``dot`` is not installed.
        RenderError: when Graphviz fails, with its message.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Demo"); _ = m.claim("x")
        >>> out = render(m, pathlib.Path(tempfile.mkdtemp()) / "demo", format="dot")
        >>> out.name, out.read_text(encoding="utf-8").startswith("digraph argmap {")
        ('demo.dot', True)
        >>> _ = m.issue("Why?", id="Q1"); _ = m.issue("How?", id="Q2")
        >>> [p.name for p in render(m, out, pages=True)]
        ['demo-01-Q1.dot', 'demo-02-Q2.dot', 'demo-03-other.dot']
    """
    expect(path, (str, os.PathLike), "path", "a file path")
    target = Path(path)
    fmt = format if format is not None else target.suffix[1:].lower()
    if not fmt:
        raise DiagramError(
            f"cannot tell the format of {str(target)!r}: give it a suffix or "
            f"format= (one of {list(FORMATS)})"
        )
    _choice("format", fmt, FORMATS)
    _count("dpi", dpi, "dots per inch")
    _seconds(timeout)
    if not target.suffix:
        target = target.with_suffix(f".{fmt}")
    resolution = dpi or (192 if options.get("theme") == "slides" else 144)
    if not pages:
        if fmt == "dot":  # one graph: packing happens when drawing
            single = {**options, "layout": "auto"} if options.get("layout") == "packed" else options
            data = to_dot(m, evaluation, **single).source.encode("utf-8")
        else:
            data = _draw(m, evaluation, fmt, timeout, options, resolution)
        atomic_write_bytes(target, data, mkdir=True)
        return target
    written: list[Path] = []
    for page in to_dot_pages(m, evaluation, **options):
        out = target.with_name(f"{target.stem}-{page.name}{target.suffix}")
        source = _with_dpi(page.source, fmt, resolution)
        data = source.encode("utf-8") if fmt == "dot" else _pipe(source, fmt, timeout=timeout)
        atomic_write_bytes(out, data, mkdir=True)
        written.append(out)
    return written


def mimebundle(
    obj: ArgumentMap | Any,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> dict[str, str]:
    """What Jupyter shows for a map, a view or an evaluation: inline SVG and a text line.

    Never raises for a diagram that cannot be drawn: without the ``dot`` program
    the text is the DOT source under one comment line saying how to install
    Graphviz; if Graphviz fails, its message; above :data:`DISPLAY_LIMIT`
    statements and relations, advice to draw a view instead. Above
    :data:`FAST_LAYOUT_NODES` nodes the issues are laid out one by one and packed
    into one picture, as :func:`render` and :func:`to_svg` draw them.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Demo"); _ = m.claim("x")
        >>> mimebundle(m, include=["text/plain"])
        {'text/plain': "<ArgumentMap 'Demo': 1 statements, 0 relations, 0 authorities>"}
    """
    wanted = {"image/svg+xml", "text/plain"}
    if include is not None:
        wanted &= set(include)
    if exclude is not None:
        wanted -= set(exclude)
    bundle: dict[str, str] = {}
    text = repr(obj)
    if "image/svg+xml" in wanted:
        source = ""
        try:
            full, ev = _split(obj, None)
            size = len(full) + len(full.relations)
            if size > DISPLAY_LIMIT:
                text += (
                    f"\n// {size:,} statements and relations are too many to draw inline; "
                    "draw a view, e.g. am.to_dot(m, focus=..., depth=2), or write the whole "
                    "map to a file with am.render(m, 'map.svg')"
                )
            else:  # above FAST_LAYOUT_NODES nodes packed issue by issue, as render does
                bundle["image/svg+xml"] = to_svg(full, ev)
        except MissingDependencyError:
            with warnings.catch_warnings():  # to_svg has already said the map is large
                warnings.simplefilter("ignore", LargeMapWarning)
                source = to_dot(full, ev).source
            text = (
                f"// The {_DOT_PROGRAM} is not installed, so this is the diagram's DOT "
                f"source; to see the drawing install Graphviz: {_INSTALL}\n{source}"
            )
        except ArgmapError as exc:
            text = f"// could not draw the diagram: {exc}\n{source or text}"
    if "text/plain" in wanted or "image/svg+xml" not in bundle:
        bundle["text/plain"] = text
    return bundle


# --------------------------------------------------------------------------- hooks


def _display(obj: Any, include: Any = None, exclude: Any = None) -> dict[str, str]:
    return mimebundle(obj, include=include, exclude=exclude)


def _render_hook(obj: ArgumentMap, path: str | Path, **options: Any) -> Path | list[Path]:
    written: Path | list[Path] = render(obj, path, **options)
    return written


def _register() -> None:
    """Let maps and evaluations draw themselves (Jupyter, ``m.render``) without
    importing this module, or graphviz, themselves."""
    from .evaluation import Evaluation

    ArgumentMap.hooks["display"] = _display
    ArgumentMap.hooks["render"] = _render_hook
    Evaluation.hooks["display"] = _display


_register()
