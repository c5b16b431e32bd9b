"""A framework compiled to integer-indexed lists, and grounded labelling on it.

:func:`argmap.evaluate` compiles a map's framework once (cached on the map until
it changes) and answers every what-if against it. An audience's assumption or
rejection changes only the attacks *into* the statements it names, and under
grounded semantics the label of an argument depends only on the arguments that
reach it (directionality: Baroni & Giacomin 2007), so a what-if relabels just the
arguments downstream of the statements it names, with the labels of everything
upstream fixed. No networkx graph is built on this path.

Labels are small integers: :data:`UNDEC` 0, :data:`IN` 1, :data:`OUT` 2.

Example:
    >>> af = IntFramework()
    >>> a, b, c = af.add("a"), af.add("b"), af.add("c")
    >>> af.attack(a, b); af.attack(b, c)
    >>> base = grounded_codes(af)
    >>> base
    [1, 2, 1]
    >>> grounded_codes(af, base=base, rejected=[a])   # reject a: b stands, c falls
    [2, 1, 2]

References:
    Baroni, P., & Giacomin, M. (2007). On principle-based evaluation of extension-based
    argumentation semantics. *Artificial Intelligence*, 171(10–15), 675–700.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for abstract
    argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.), *Argumentation in
    Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Sequence

from ._nogc import no_gc

__all__ = ["IN", "OUT", "UNDEC", "IntFramework", "grounded_codes", "relabel", "undecided_parts"]

UNDEC, IN, OUT = 0, 1, 2


class IntFramework:
    """Arguments numbered 0, 1, … with their names, and attack lists both ways.

    Example:
        >>> af = IntFramework(); a = af.add("a"); af.attack(a, af.add("b"))
        >>> af.names, af.succ, af.pred
        (['a', 'b'], [[1], []], [[], [0]])
    """

    __slots__ = ("index", "names", "pred", "succ")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self.succ: list[list[int]] = []
        self.pred: list[list[int]] = []

    def add(self, name: str) -> int:
        """The number of argument ``name``, added if new.

        Example:
            >>> af = IntFramework(); af.add("a"), af.add("b"), af.add("a")
            (0, 1, 0)
        """
        i = self.index.get(name)
        if i is None:
            i = self.index[name] = len(self.names)
            self.names.append(name)
            self.succ.append([])
            self.pred.append([])
        return i

    def attack(self, u: int, v: int) -> None:
        """Record that argument ``u`` attacks argument ``v`` (repeats are ignored).

        Example:
            >>> af = IntFramework(); a = af.add("a"); af.attack(a, a); af.attack(a, a); af.succ
            [[0]]
        """
        if v not in self.succ[u]:
            self.succ[u].append(v)
            self.pred[v].append(u)

    def __len__(self) -> int:
        return len(self.names)

    @classmethod
    def from_edges(cls, names: Sequence[str], edges: Sequence[tuple[str, str]]) -> IntFramework:
        """A framework of ``names`` (numbered in order), then the attacks' other ends.

        A repeated attack is kept twice, which no labelling notices (an attacker is
        counted, and discounted, once per copy).

        Example:
            >>> af = IntFramework.from_edges(["a"], [("a", "b")])
            >>> af.names, af.succ, af.pred
            (['a', 'b'], [[1], []], [[], [0]])
        """
        with no_gc():  # hundreds of thousands of small lists, none in a cycle
            return cls._from_edges(names, edges)

    @classmethod
    def _from_edges(cls, names: Sequence[str], edges: Sequence[tuple[str, str]]) -> IntFramework:
        af = cls()
        index, nm = af.index, af.names
        for name in names:
            if name not in index:
                index[name] = len(nm)
                nm.append(name)
        succ: list[list[int]] = [[] for _ in nm]
        pred: list[list[int]] = [[] for _ in nm]
        get = index.get
        for u, v in edges:
            iu = get(u)
            if iu is None:
                iu = index[u] = len(nm)
                nm.append(u)
                succ.append([])
                pred.append([])
            iv = get(v)
            if iv is None:
                iv = index[v] = len(nm)
                nm.append(v)
                succ.append([])
                pred.append([])
            succ[iu].append(iv)
            pred[iv].append(iu)
        af.succ, af.pred = succ, pred
        return af


def _downstream(succ: Sequence[Sequence[int]], seeds: Collection[int]) -> list[int]:
    """Every argument reachable from ``seeds`` along attacks, seeds included."""
    seen = set(seeds)
    out = list(seen)
    stack = list(seen)
    while stack:
        for w in succ[stack.pop()]:
            if w not in seen:
                seen.add(w)
                out.append(w)
                stack.append(w)
    return out


def _full(
    succ: Sequence[Sequence[int]],
    pred: Sequence[Sequence[int]],
    assumed: Collection[int],
    rejected: Collection[int],
) -> list[int]:
    """The grounded labelling of everything, on flat lists (the linear worklist)."""
    count = [len(p) for p in pred]
    lab = [UNDEC] * len(pred)
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
            for w in succ[stack_in.pop()]:
                if not lab[w]:
                    lab[w] = OUT
                    stack_out.append(w)
        while stack_out:
            for w in succ[stack_out.pop()]:
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
        >>> af = IntFramework(); a, b = af.add("a"), af.add("b")
        >>> af.attack(a, b); af.attack(b, a)
        >>> grounded_codes(af), grounded_codes(af, assumed=[a])
        ([0, 0], [1, 2])
    """
    if base is None or len(base) != len(af.names):
        return _full(af.succ, af.pred, assumed, rejected)
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
        >>> af = IntFramework(); a, b, c = af.add("a"), af.add("b"), af.add("c")
        >>> af.attack(a, b); af.attack(b, c)
        >>> rejected_a = grounded_codes(af, rejected=[a])
        >>> rejected_a
        [2, 1, 2]
        >>> relabel(af, rejected_a, (), (), seeds=[a])  # no longer rejected: back to base
        ([1, 2, 1], [0, 1, 2])
    """
    succ, pred = af.succ, af.pred
    lab = list(base)
    if not seeds:
        return lab, []
    region = _downstream(succ, seeds)
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
        for u in pred[v]:
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
            for w in succ[stack_in.pop()]:
                if w not in labelled and w in inside:
                    labelled[w] = False
                    stack_out.append(w)
        while stack_out:
            for w in succ[stack_out.pop()]:
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
    succ, pred = af.succ, af.pred
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
            for near in (pred[y], succ[y]):
                for z in near:
                    if z not in seen and grounded[z] == UNDEC:
                        seen.add(z)
                        members.append(z)
                        todo.append(z)
        members.sort()
        parts.append(members)
    return parts
