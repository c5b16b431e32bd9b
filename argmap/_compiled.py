"""A framework compiled to integer-indexed lists, and grounded labelling on it.

:func:`argmap.evaluate` compiles a map's framework once (cached on the map until
it changes) and answers every what-if against it. An audience's assumption or
rejection changes only the attacks *into* the statements it names, and under
grounded semantics the label of an argument depends only on the arguments that
reach it (directionality: Baroni & Giacomin 2007), so a what-if relabels just the
arguments downstream of the statements it names, with the labels of everything
upstream fixed. No networkx graph is built on this path.

The attacks are kept in compressed rows: two flat ``array`` s per direction for the
whole framework, not two lists per argument. At 50,000 statements that is four
objects instead of some 300,000 small lists, which the cyclic collector walked
once after every first evaluation and which no longer fitted in the processor's
cache: measured alone, grounded labelling grew n^1.16 from 10,000 to 50,000
statements on lists and n^0.92 on rows. With the map read once to compile
(:meth:`argmap.evaluation._Compiled._wire`), a first evaluation at 50,000 takes
about 0.36 s, against 0.6 s on lists (``benchmarks/bench_scale.py``).

Labels are small integers: :data:`UNDEC` 0, :data:`IN` 1, :data:`OUT` 2.

Example:
    >>> af = IntFramework.from_edges("abc", [("a", "b"), ("b", "c")])
    >>> base = grounded_codes(af)
    >>> base
    [1, 2, 1]
    >>> grounded_codes(af, base=base, rejected=[0])   # reject a: b stands, c falls
    [2, 1, 2]

References:
    Baroni, P., & Giacomin, M. (2007). On principle-based evaluation of extension-based
    argumentation semantics. *Artificial Intelligence*, 171(10–15), 675–700.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for abstract
    argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.), *Argumentation in
    Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Container, Sequence
from itertools import accumulate, islice
from operator import sub

from ._nogc import no_gc

__all__ = ["IN", "OUT", "UNDEC", "IntFramework", "grounded_codes", "relabel", "undecided_parts"]

UNDEC, IN, OUT = 0, 1, 2


class IntFramework:
    """Arguments numbered 0, 1, … with their names, and the attacks both ways.

    The targets of argument ``v`` are ``succ_flat[succ_start[v]:succ_start[v + 1]]``
    and its attackers ``pred_flat[pred_start[v]:pred_start[v + 1]]`` (compressed
    rows in flat arrays); :meth:`targets` and :meth:`attackers` give them as lists.
    A repeated attack is kept twice, which no labelling notices (an attacker is
    counted, and discounted, once per copy).

    Example:
        >>> af = IntFramework(["a", "b", "c"], src=[0, 1], dst=[1, 2])
        >>> af.targets(0), af.attackers(2), af.succ, len(af)
        ([1], [1], [[1], [2], []], 3)
    """

    __slots__ = (
        "_index",
        "_indexed",
        "names",
        "pred_flat",
        "pred_start",
        "succ_flat",
        "succ_start",
    )

    def __init__(
        self,
        names: Sequence[str],
        src: Sequence[int],
        dst: Sequence[int],
        index: dict[str, int] | None = None,
        *,
        indexed: int | None = None,
    ) -> None:
        self.names = names
        self._index = index
        self._indexed = len(names) if indexed is None else indexed
        n = len(names)
        self.succ_start, self.succ_flat = _rows(n, src, dst)
        self.pred_start, self.pred_flat = _rows(n, dst, src)

    @property
    def index(self) -> dict[str, int]:
        """``{name: number}`` for the first ``indexed`` names (all by default), made
        at the first lookup when not given.

        Example:
            >>> IntFramework(["a", "b", "~aux"], [0], [1], indexed=2).index
            {'a': 0, 'b': 1}
        """
        if self._index is None:
            k = self._indexed
            self._index = dict(zip(islice(self.names, k), range(k), strict=True))
        return self._index

    def targets(self, v: int) -> list[int]:
        """The arguments ``v`` attacks.

        Example:
            >>> IntFramework.from_edges("ab", [("a", "b"), ("a", "a")]).targets(0)
            [1, 0]
        """
        return list(self.succ_flat[self.succ_start[v] : self.succ_start[v + 1]])

    def attackers(self, v: int) -> list[int]:
        """The arguments attacking ``v``.

        Example:
            >>> IntFramework.from_edges("ab", [("a", "b"), ("b", "b")]).attackers(1)
            [0, 1]
        """
        return list(self.pred_flat[self.pred_start[v] : self.pred_start[v + 1]])

    @property
    def succ(self) -> list[list[int]]:
        """Every argument's targets, as lists (for reading; the labelling uses the rows)."""
        return [self.targets(v) for v in range(len(self.names))]

    @property
    def pred(self) -> list[list[int]]:
        """Every argument's attackers, as lists (for reading; the labelling uses the rows)."""
        return [self.attackers(v) for v in range(len(self.names))]

    def __len__(self) -> int:
        return len(self.names)

    @classmethod
    def from_edges(cls, names: Sequence[str], edges: Sequence[tuple[str, str]]) -> IntFramework:
        """A framework of ``names`` (numbered in order), then the attacks' other ends.

        Example:
            >>> af = IntFramework.from_edges(["a"], [("a", "b")])
            >>> af.names, af.succ, af.pred
            (['a', 'b'], [[1], []], [[], [0]])
        """
        with no_gc():
            index: dict[str, int] = {}
            nm: list[str] = []
            for name in names:
                if name not in index:
                    index[name] = len(nm)
                    nm.append(name)
            src: array[int] = array("l")
            dst: array[int] = array("l")
            get = index.get
            for u, v in edges:
                iu = get(u)
                if iu is None:
                    iu = index[u] = len(nm)
                    nm.append(u)
                iv = get(v)
                if iv is None:
                    iv = index[v] = len(nm)
                    nm.append(v)
                src.append(iu)
                dst.append(iv)
            return cls(nm, src, dst, index)


def _rows(n: int, keys: Sequence[int], values: Sequence[int]) -> tuple[array[int], array[int]]:
    """Compressed rows of the pairs ``(keys[i], values[i])`` over ``n`` rows: a start
    offset per row (and the end) and the values row by row, each row in input order
    (a counting sort: linear).

    The counts and offsets are kept in arrays, not lists: a list of offsets holds an
    int object per row, scattered through memory and remade at every step, and at
    50,000 statements (140,000 attacks) that made the sort grow n^1.4 from 10,000;
    on arrays it grows n^1.0 (given array ``keys`` and ``values`` too).
    """
    start = array("l", [0]) * (n + 1)
    for k in keys:
        start[k + 1] += 1
    start = array("l", accumulate(start))
    pos = start[:-1]
    flat = array("l", [0]) * len(keys)
    for k, v in zip(keys, values, strict=True):
        flat[pos[k]] = v
        pos[k] += 1
    return start, flat


def _downstream(af: IntFramework, seeds: Collection[int]) -> list[int]:
    """Every argument reachable from ``seeds`` along attacks, seeds included."""
    ss, sf = af.succ_start, af.succ_flat
    seen = set(seeds)
    out = list(seen)
    stack = list(seen)
    while stack:
        v = stack.pop()
        for w in sf[ss[v] : ss[v + 1]]:
            if w not in seen:
                seen.add(w)
                out.append(w)
                stack.append(w)
    return out


def _full(af: IntFramework, assumed: Collection[int], rejected: Collection[int]) -> list[int]:
    """The grounded labelling of everything, on the rows (the linear worklist)."""
    ss, sf, ps = af.succ_start, af.succ_flat, af.pred_start
    count = list(map(sub, ps[1:], ps[:-1]))  # attackers not (yet) OUT
    lab = [UNDEC] * len(count)
    stack_out = list(rejected)
    for v in stack_out:
        lab[v] = OUT
    stack_in = [v for v in assumed if lab[v] == UNDEC]
    for v in stack_in:
        lab[v] = IN
    for v, c in enumerate(count):
        if not c and not lab[v]:
            lab[v] = IN
            stack_in.append(v)
    while stack_in or stack_out:
        while stack_in:
            v = stack_in.pop()
            for w in sf[ss[v] : ss[v + 1]]:
                if not lab[w]:
                    lab[w] = OUT
                    stack_out.append(w)
        while stack_out:
            v = stack_out.pop()
            for w in sf[ss[v] : ss[v + 1]]:
                count[w] -= 1
                if not count[w] and not lab[w]:
                    lab[w] = IN
                    stack_in.append(w)
    return lab


def grounded_codes(
    af: IntFramework,
    *,
    base: Sequence[int] | None = None,
    assumed: Collection[int] = (),
    rejected: Collection[int] = (),
) -> list[int]:
    """The grounded labelling as a list of codes, with an audience's changes.

    An assumed argument loses every attack on it; a rejected one is attacked by an
    unattacked argument (so it is OUT). With ``base`` (the labelling without those
    changes) only the arguments downstream of the changed ones are relabelled;
    without it, everything is.

    Example:
        >>> af = IntFramework.from_edges("ab", [("a", "b"), ("b", "a")])
        >>> grounded_codes(af), grounded_codes(af, assumed=[0])
        ([0, 0], [1, 2])
    """
    if base is None or len(base) != len(af.names):
        return _full(af, assumed, rejected)
    ins, outs = set(assumed), set(rejected)
    return relabel(af, base, ins, outs, ins | outs)[0]


def relabel(
    af: IntFramework,
    base: Sequence[int],
    assumed: Container[int],
    rejected: Container[int],
    seeds: Collection[int],
) -> tuple[list[int], list[int]]:
    """The grounded labelling for an audience, from a labelling for another one.

    ``base`` is the grounded labelling of ``af`` for some audience; ``seeds`` are the
    arguments whose treatment differs between that audience and this one (assumed,
    rejected, or neither). Only what lies downstream of the seeds can change, so only
    that region is labelled again, with ``assumed`` and ``rejected`` (this audience,
    whole) applied inside it. Returns the labelling and the region.

    Example:
        >>> af = IntFramework.from_edges("abc", [("a", "b"), ("b", "c")])
        >>> rejected_a = grounded_codes(af, rejected=[0])
        >>> rejected_a
        [2, 1, 2]
        >>> relabel(af, rejected_a, (), (), seeds=[0])  # no longer rejected: back to base
        ([1, 2, 1], [0, 1, 2])
    """
    ss, sf, ps, pf = af.succ_start, af.succ_flat, af.pred_start, af.pred_flat
    lab = list(base)
    if not seeds:
        return lab, []
    region = _downstream(af, seeds)
    inside = set(region)
    for v in region:
        lab[v] = UNDEC
    # count[v]: attackers of v that are not OUT (yet); an attacker outside the region
    # keeps its label: IN makes v OUT at once, UNDEC keeps v from ever being IN
    count: dict[int, int] = {}
    ins: list[int] = []
    outs: list[int] = []
    labelled: dict[int, bool] = {}
    for v in region:
        if v in rejected:
            labelled[v] = False
            outs.append(v)
            continue
        if v in assumed:
            labelled[v] = True
            ins.append(v)
            continue
        c = 0
        attacked_by_in = False
        for u in pf[ps[v] : ps[v + 1]]:
            if u in inside:
                c += 1
            else:
                code = lab[u]
                if code == IN:
                    attacked_by_in = True
                    break
                if code == UNDEC:
                    c += 1
        if attacked_by_in:
            labelled[v] = False
            outs.append(v)
        elif c == 0:
            labelled[v] = True
            ins.append(v)
        else:
            count[v] = c
    # worklist: an IN argument makes its targets OUT; an OUT one lowers its targets' counts
    stack_in = list(ins)
    stack_out = list(outs)
    while stack_in or stack_out:
        while stack_in:
            v = stack_in.pop()
            for w in sf[ss[v] : ss[v + 1]]:
                if w not in labelled and w in inside:
                    labelled[w] = False
                    stack_out.append(w)
        while stack_out:
            v = stack_out.pop()
            for w in sf[ss[v] : ss[v + 1]]:
                if w in labelled or w not in inside:
                    continue
                count[w] -= 1
                if not count[w]:
                    labelled[w] = True
                    stack_in.append(w)
    for v, is_in in labelled.items():
        lab[v] = IN if is_in else OUT
    return lab, region


def undecided_parts(af: IntFramework, grounded: Sequence[int]) -> list[list[int]]:
    """The arguments ``grounded`` leaves UNDEC, in weakly connected parts (ascending).

    ``grounded`` is the grounded labelling of ``af`` for some audience. Every
    complete extension (so every preferred, stable, semi-stable and ideal one)
    contains the grounded extension and nothing it attacks, and an UNDEC argument
    has no IN attacker, so what the other semantics decide lies among the UNDEC
    arguments, with only the attacks between them; parts with no attack between
    them are decided independently (the extensions of the whole are the products).

    Example:
        >>> af = IntFramework.from_edges("abcde", [("a", "b"), ("c", "d"), ("d", "c"), ("e", "e")])
        >>> undecided_parts(af, grounded_codes(af))
        [[2, 3], [4]]
    """
    ss, sf, ps, pf = af.succ_start, af.succ_flat, af.pred_start, af.pred_flat
    seen: set[int] = set()
    parts: list[list[int]] = []
    for x, code in enumerate(grounded):
        if code != UNDEC or x in seen:
            continue
        seen.add(x)
        members = [x]
        todo = [x]
        while todo:
            y = todo.pop()
            for near in (pf[ps[y] : ps[y + 1]], sf[ss[y] : ss[y + 1]]):
                for z in near:
                    if z not in seen and grounded[z] == UNDEC:
                        seen.add(z)
                        members.append(z)
                        todo.append(z)
        members.sort()
        parts.append(members)
    return parts
