"""Where things go in an argmap diagram: the order relations are written in, which
top-level issue each statement belongs to, and how the pieces of a drawing are
stacked in rows so that it keeps the shape of a page (a private part of
:mod:`argmap.dot`).

Example:
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(); q1 = m.issue("First?"); q2 = m.issue("Second?")
    >>> c = m.claim("Yes", answers=q1); p = m.premise("Because", supports=c)
    >>> r = m.rebuttal("No", attacks=m.claim("Maybe", answers=q2))
    >>> issue_groups(m)
    {'Q1': 0, 'Q2': 1, 'C1': 0, 'P1': 0, 'C2': 1, 'R1': 1}
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from .graph import ArgumentMap
from .model import Claim, Inference, Issue, Relation

__all__ = [
    "canonical",
    "canonical_relations",
    "carries_something",
    "connected_pieces",
    "group_leaders",
    "issue_groups",
    "leaves",
    "pieces_by_group",
    "split_rows",
    "stack",
]

Edge = tuple[str, str, int]  # tail, head, minlen (0: no constraint)


def carries_something(rel: Relation) -> bool:
    """A relation drawn as a small node even when nothing attacks it: linked or
    axiomatic premises, a scheme, or a weight."""
    linked = isinstance(rel, Inference) and (len(rel.premises) != 1 or bool(rel.scheme))
    return linked or rel.weight is not None


def canonical_relations(m: ArgumentMap) -> list[Relation]:
    """The map's relations in an order that depends only on its statements' order.

    Two maps holding the same statements (in the same order) and the same relations
    (in any order) are equal; sorting relations by the statements they join makes
    their diagrams byte-identical too.

    Example:
        >>> m = ArgumentMap(); c = m.claim("x"); p = m.premise("y", supports=c)
        >>> r = m.rebuttal("z", attacks=c)
        >>> [rel.id for rel in canonical_relations(m)]
        ['P1->C1', 'R1-|C1']
    """
    return canonical(m.relations.values(), m)


def canonical(rels: Iterable[Relation], m: ArgumentMap) -> list[Relation]:
    """``rels`` sorted by :func:`canonical_relations`' order."""
    position = {s: i for i, s in enumerate(m.statements)}
    keys: dict[str, tuple[Any, ...]] = {}
    relations = m.relations
    # a module-level helper rather than a nested recursive function: the latter would
    # hold itself, and every key it made, in a reference cycle after the call
    return sorted(rels, key=lambda rel: _key(rel.id, frozenset(), position, relations, keys))


def _key(
    ident: str,
    seen: frozenset[str],
    position: dict[str, int],
    relations: Mapping[str, Relation],
    keys: dict[str, tuple[Any, ...]],
) -> tuple[Any, ...]:
    if ident in position:
        return (0, position[ident])
    rel = relations.get(ident)
    if rel is None or ident in seen:  # an end outside the map, or a cycle
        return (2, ident)
    if ident not in keys:
        inner = seen | {ident}
        ends = tuple(_key(e, inner, position, relations, keys) for e in (*rel.sources, rel.target))
        keys[ident] = (1, ends, rel.kind, ident)
    return keys[ident]


def _depths(nodes: list[str], up: dict[str, list[tuple[str, int]]]) -> dict[str, int]:
    """Ranks below the top of each piece: the longest way up (cycles are cut)."""
    depth: dict[str, int] = {}
    for start in nodes:
        stack = [start]
        while stack:
            n = stack[-1]
            if n in depth:
                stack.pop()
                continue
            todo = [h for h, _ in up[n] if h not in depth and h not in stack]
            if todo:
                stack += todo
                continue
            depth[n] = max((depth.get(h, 0) + k for h, k in up[n]), default=0)
            stack.pop()
    return depth


def split_rows(widths: list[float], count: int, gap: float = 0.0) -> list[list[int]]:
    """Indices of pieces of ``widths``, in order, in at most ``count`` rows of about
    equal width (``gap`` between neighbours): a piece starts a new row when more than
    half of it would pass the row's share.

    Example:
        >>> split_rows([1, 1, 1, 1], 2), split_rows([3, 1, 1, 1], 2)
        ([[0, 1], [2, 3]], [[0], [1, 2, 3]])
    """
    target = (sum(widths) + gap * (len(widths) - 1)) / count
    rows: list[list[int]] = [[]]
    width = 0.0
    for i, w in enumerate(widths):
        if rows[-1] and width + w / 2 > target and len(rows) < count:
            rows.append([])
            width = 0.0
        rows[-1].append(i)
        width += w + gap
    return rows


def _shelves(sizes: list[tuple[float, float]], page: tuple[float, float]) -> list[list[int]]:
    """Split pieces (width, height), in order, into the rows that best fill a 16:9 page."""
    best_scale, best = 0.0, [list(range(len(sizes)))]
    for count in range(1, min(len(sizes), 8) + 1):
        rows = split_rows([w for w, _ in sizes], count)
        total_w = max(sum(sizes[i][0] for i in row) for row in rows)
        total_h = sum(max(sizes[i][1] for i in row) for row in rows)
        scale = min(page[0] / total_w, page[1] / total_h)
        if scale > best_scale * 1.05:
            best_scale, best = scale, rows
    return best


def issue_groups(m: ArgumentMap) -> dict[str, int]:
    """``{statement id: index of its top-level issue}``, in map order.

    When the map has one top-level issue with sub-issues, those are the groups
    (the top one joins the first). An issue owns its sub-issues, the claims
    answering them, and every statement below those (reasons for and against,
    undercutters of the steps); a statement reached from several belongs to the
    last of them declared before it. Statements under no issue are left out.
    """
    answered: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}
    for s in m.statements.values():
        if isinstance(s, Claim) and s.answers:
            answered.setdefault(s.answers, []).append(s.id)
        if isinstance(s, Issue) and s.parent:
            children.setdefault(s.parent, []).append(s.id)
    into: dict[str, list[Relation]] = {}
    for rel in canonical_relations(m):
        into.setdefault(rel.target, []).append(rel)
    group: dict[str, int] = {}
    starts = list(enumerate(group_leaders(m)))
    tops = [s.id for s in m.issues if not s.parent or s.parent not in m.statements]
    if len(tops) == 1 and tops[0] not in dict(starts).values():
        # one question over several: the question itself (and whatever answers it
        # directly) joins the first group
        starts.append((0, tops[0]))
    reach: dict[str, list[int]] = {}
    for index, start in starts:
        todo, seen = deque([start]), set()
        while todo:
            node = todo.popleft()
            if node in seen:
                continue
            seen.add(node)
            if node in m.statements:
                reach.setdefault(node, []).append(index)
                todo += children.get(node, []) + answered.get(node, [])
            for rel in into.get(node, []):
                todo += [*rel.sources, rel.id]
    # a statement reached from several issues (it attacks across them) belongs to
    # the last of them declared before it in the map, so it stays where it was written
    position = {s: i for i, s in enumerate(m.statements)}
    first = {index: position[start] for index, start in starts}
    for ident in m.statements:
        found = reach.get(ident)
        if found:
            before = [g for g in found if first[g] <= position[ident]]
            group[ident] = max(before, key=lambda g: first[g]) if before else found[0]
    return group


def group_leaders(m: ArgumentMap) -> list[str]:
    """The issues that head the groups of :func:`issue_groups`, in map order.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); top = m.issue("All?")
        >>> a = m.issue("One?", parent=top); b = m.issue("Two?", parent=top)
        >>> group_leaders(m)
        ['Q2', 'Q3']
    """
    tops = [s.id for s in m.issues if not s.parent or s.parent not in m.statements]
    if len(tops) == 1:
        below = [s.id for s in m.issues if s.parent == tops[0]]
        if len(below) > 1:
            return below
    return tops


def connected_pieces(nodes: list[str], edges: list[Edge]) -> list[list[str]]:
    """The separate pieces of a drawing, each in node order, in order of first node."""
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for tail, head, _ in edges:
        parent[find(tail)] = find(head)
    pieces: dict[str, list[str]] = {}
    for n in nodes:
        pieces.setdefault(find(n), []).append(n)
    return list(pieces.values())


def pieces_by_group(nodes: list[str], group: dict[str, int], edges: list[Edge]) -> list[list[str]]:
    """Nodes grouped by ``group``; a node without one joins a neighbour's group (or
    the last piece)."""
    known = dict(group)
    changed = True
    while changed:
        changed = False
        for tail, head, _ in edges:
            for a, b in ((tail, head), (head, tail)):
                if a not in known and b in known:
                    known[a] = known[b]
                    changed = True
    rest = max(known.values(), default=-1) + 1
    pieces: dict[int, list[str]] = {}
    for n in nodes:
        pieces.setdefault(known.get(n, rest), []).append(n)
    return [pieces[k] for k in sorted(pieces)]


def _up(nodes: list[str], edges: list[Edge]) -> dict[str, list[tuple[str, int]]]:
    up: dict[str, list[tuple[str, int]]] = {n: [] for n in nodes}
    for tail, head, minlen in edges:
        if minlen and tail in up:
            up[tail].append((head, minlen))
    return up


def leaves(nodes: list[str], edges: list[Edge], *, upwards: bool = True) -> list[str]:
    """The nodes nothing hangs below, in order: no constraining line starts under
    them (lines point up when ranks run upwards, ``rankdir`` BT or RL, else down).

    Example:
        >>> leaves(["a", "b", "c"], [("b", "a", 1), ("c", "a", 0)])
        ['b', 'c']
        >>> leaves(["a", "b", "c"], [("b", "a", 1), ("c", "a", 0)], upwards=False)
        ['a', 'c']
    """
    ends = {head if upwards else tail for tail, head, minlen in edges if minlen}
    return [n for n in nodes if n not in ends]


def stack(
    pieces: list[list[str]],
    nodes: list[str],
    big: set[str],
    edges: list[Edge],
    node_size: tuple[float, float],
    page: tuple[float, float],
) -> list[Edge]:
    """Invisible edges (tail, head, minlen) that stack ``pieces`` in rows, keeping
    their order.

    Graphviz puts pieces side by side, which turns a map with many issues (or a
    view that pulls in bits of other doctrines) into one long strip. The pieces
    are split into as many rows as let the drawing fill ``page`` (inches) at the
    largest scale; sizes are estimated from ranks and ``node_size`` (the width and
    height of one statement, in inches). Each row hangs below the deepest node of
    the row above; the pieces of the first row start level with the first piece.
    ``edges`` (tail, head, minlen; 0: no constraint) point up.
    """
    if len(pieces) < 2:
        return []
    depth = _depths(nodes, _up(nodes, edges))
    node_w, node_h = node_size
    sizes: list[tuple[float, float]] = []
    for members in pieces:
        levels: dict[int, float] = {}
        for n in members:
            levels[depth[n]] = levels.get(depth[n], 0.0) + (node_w if n in big else 0.3)
        ranks = {depth[n] for n in members if n in big} or {0}
        sizes.append((max(levels.values()), len(ranks) * node_h))
    rows = _shelves(sizes, page)

    def root(i: int) -> str:
        return min(pieces[i], key=lambda n: (depth[n], n not in big))

    out: list[Edge] = [(root(i), root(rows[0][0]), 0) for i in rows[0][1:]]
    for above, below in itertools.pairwise(rows):
        deepest = max((n for i in above for n in pieces[i]), key=lambda n: (depth[n], n in big))
        out += [(root(i), deepest, 1) for i in below]
    return out
