"""Backtracking search over complete labellings, with constraint propagation.

Every argument has a *domain*, the labels it may still take, as a bit mask
(``IN = 1``, ``OUT = 2``, ``UNDEC = 4``). A complete labelling (Caminada 2006)
is an assignment where, for every argument x:

* x is IN  iff every attacker of x is OUT;
* x is OUT iff some attacker of x is IN;
* x is UNDEC otherwise.

:class:`Search` filters the domains until every such constraint is consistent
with them (x cannot be IN while some attacker cannot be OUT; an OUT argument
with a single attacker that may be IN forces that attacker IN; ...), then
branches on an argument that may be IN but need not be, trying IN first and
then "not IN", and undoes the domain changes from a trail on backtracking. A
complete labelling is fixed by its IN arguments, so once no such argument is
left, propagation has labelled every other one OUT or UNDEC. The first
propagation from the full domains already computes the grounded labelling, so
the search only branches on arguments that the grounded labelling leaves UNDEC.

Stable labellings are the complete ones without UNDEC: they are searched with
UNDEC removed from every domain up front, so that an argument that can no
longer be OUT is at once forced IN (and its attackers OUT). Preferred and
semi-stable search prune any branch whose IN set (or IN ∪ OUT) is bounded by
an already found answer; see :mod:`argmap.semantics._preferred`.

Clauses "at least one of these arguments has a label in this mask" are also
propagated; they express "a strict superset of S" when checking maximality.

References:
    Caminada, M. (2006). On the issue of reinstatement in argumentation. In
    *Logics in Artificial Intelligence (JELIA 2006)*, LNCS 4160, pp. 111–123.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.

    Nofal, S., Atkinson, K., & Dunne, P. E. (2014). Algorithms for decision
    problems in argument systems under preferred semantics. *Artificial
    Intelligence*, 207, 23–51.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ._framework import CompiledFramework, to_bits

__all__ = ["ALL", "IN", "OUT", "UNDEC", "Search"]

IN = 1
OUT = 2
UNDEC = 4
ALL = IN | OUT | UNDEC


class Search:
    """Domains, trail and propagation queue for one search over one framework.

    Args:
        cf: the compiled framework.
        domain: the labels every argument may take at the start (``IN | OUT``
            for stable labellings).
        watch: keep :attr:`possible`, the bitset of arguments whose domain still
            meets this mask (``IN`` for preferred, ``IN | OUT`` for semi-stable).
        maximal: search only labellings that may be preferred: no UNDEC argument
            may attack all of its UNDEC attackers (it could then be added to the
            IN arguments). Sound for preferred and semi-stable labellings.

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> s = Search(compile_framework(nx.DiGraph([("a", "b"), ("b", "a")])))
        >>> [list(dom) for dom in s.solutions()]
        [[1, 2], [2, 1], [4, 4]]
    """

    __slots__ = (
        "attackers",
        "attacks",
        "clauses",
        "clauses_of",
        "dom",
        "inconsistent",
        "order",
        "possible",
        "queue",
        "queued",
        "targets",
        "trail",
        "watch",
        "watch_mask",
    )

    def __init__(
        self, cf: CompiledFramework, *, domain: int = ALL, watch: int = 0, maximal: bool = False
    ) -> None:
        n = len(cf)
        self.attackers = cf.attackers
        self.attacks = cf.attacks
        dom = [domain] * n
        attacks = cf.attacks
        for x in range(n):
            if x in attacks[x]:  # a self-attacker can never be IN
                dom[x] &= ~IN
        self.dom = dom
        self.trail: list[tuple[int, int]] = []
        self.queue = list(range(n))
        self.queued = bytearray(b"\x01") * n
        self.clauses: list[tuple[int, list[int]]] = []
        self.clauses_of: list[list[int]] = []
        self.inconsistent = False
        # `possible` is kept from the root of the search on (see `solutions`)
        self.watch = 0
        self.watch_mask = watch
        self.possible = 0
        # for preferred and semi-stable search: what each argument attacks, as sets
        self.targets: list[set[int]] | None = None
        if maximal:
            self.targets = [set(t) if x not in t else set() for x, t in enumerate(attacks)]
        # branch first on the arguments involved in the most attacks
        degree = [len(cf.attackers[x]) + len(attacks[x]) for x in range(n)]
        self.order = sorted(range(n), key=lambda x: -degree[x])

    def restrict(self, x: int, mask: int) -> bool:
        """Remove from ``x``'s domain the labels outside ``mask``; False on an empty domain."""
        d = self.dom[x]
        nd = d & mask
        if nd == d:
            return True
        if not nd:
            return False
        self._changed(x, d, nd)
        return True

    def add_clause(self, mask: int, members: Iterable[int]) -> None:
        """Require that at least one of ``members`` takes a label in ``mask``."""
        members = list(members)
        if not members:
            self.inconsistent = True
            return
        if not self.clauses_of:
            self.clauses_of = [[] for _ in self.dom]
        c = len(self.clauses)
        self.clauses.append((mask, members))
        for x in members:
            self.clauses_of[x].append(c)
        x = members[0]  # examined when x is next taken from the queue
        if not self.queued[x]:
            self.queued[x] = 1
            self.queue.append(x)

    def _changed(self, x: int, old: int, new: int) -> None:
        self.trail.append((x, old))
        self.dom[x] = new
        watch = self.watch
        if watch and old & watch and not new & watch:
            self.possible ^= 1 << x
        queued = self.queued
        queue = self.queue
        if not queued[x]:
            queued[x] = 1
            queue.append(x)
        for y in self.attacks[x]:
            if not queued[y]:
                queued[y] = 1
                queue.append(y)

    def undo(self, mark: int) -> None:
        """Restore the domains as they were when the trail had ``mark`` entries."""
        trail = self.trail
        dom = self.dom
        watch = self.watch
        while len(trail) > mark:
            x, old = trail.pop()
            if watch and old & watch and not dom[x] & watch:
                self.possible |= 1 << x
            dom[x] = old

    def _fail(self) -> bool:
        for x in self.queue:
            self.queued[x] = 0
        self.queue.clear()
        return False

    def propagate(self) -> bool:
        """Filter the domains to a fixpoint; False when some domain becomes empty."""
        dom = self.dom
        attackers = self.attackers
        queue = self.queue
        queued = self.queued
        restrict = self.restrict
        clauses = self.clauses
        clauses_of = self.clauses_of
        targets = self.targets
        if self.inconsistent:
            return self._fail()
        while queue:
            x = queue.pop()
            queued[x] = 0
            d = dom[x]
            att = attackers[x]
            in_possible = 0
            last_in = -1
            in_forced = False
            all_out_possible = True
            not_out = 0
            last_not_out = -1
            for a in att:
                da = dom[a]
                if da & IN:
                    in_possible += 1
                    last_in = a
                    if da == IN:
                        in_forced = True
                if da != OUT:
                    not_out += 1
                    last_not_out = a
                    if not da & OUT:
                        all_out_possible = False
            nd = d
            if not all_out_possible:
                nd &= ~IN
            if not in_possible:
                nd &= ~OUT
            if in_forced:
                nd &= OUT
            if not not_out:
                nd &= IN
            if nd != d:
                if not nd:
                    return self._fail()
                self._changed(x, d, nd)
            if nd == IN:
                for a in att:
                    if not restrict(a, OUT):
                        return self._fail()
            else:
                if not nd & OUT:  # x is not OUT: no attacker may be IN
                    for a in att:
                        if dom[a] & IN and not restrict(a, ~IN):
                            return self._fail()
                if nd == OUT and in_possible == 1 and not restrict(last_in, IN):
                    return self._fail()
                if not nd & IN and not_out == 1 and not restrict(last_not_out, ~OUT):
                    return self._fail()
            if targets is not None and nd == UNDEC and targets[x]:
                # x UNDEC in a complete labelling whose IN set is E: if x attacks every
                # attacker of x that is UNDEC too, E + {x} is admissible and E not
                # maximal. So one UNDEC attacker must escape x; if only one can, it must.
                mine = targets[x]
                escape = -1
                escapes = 0
                for a in att:
                    if dom[a] & UNDEC and a not in mine:
                        escapes += 1
                        escape = a
                        if escapes > 1:
                            break
                if not escapes:
                    return self._fail()
                if escapes == 1 and not restrict(escape, UNDEC):
                    return self._fail()
            if clauses_of:
                for c in clauses_of[x]:
                    mask, members = clauses[c]
                    count = 0
                    last = -1
                    for m in members:
                        if dom[m] & mask:
                            count += 1
                            last = m
                            if count > 1:
                                break
                    if not count:
                        return self._fail()
                    if count == 1 and not restrict(last, mask):
                        return self._fail()
        return True

    def solutions(self, prune: Callable[[], bool] | None = None) -> Iterator[list[int]]:
        """Yield the domains at every complete (all singleton) consistent assignment.

        The yielded list is the live domain list: read it before resuming. When
        ``prune`` returns True after a propagation, that branch is skipped.
        """
        dom = self.dom
        if not self.propagate():
            return
        if self.watch_mask:
            mask = self.watch_mask
            self.possible = to_bits([x for x, d in enumerate(dom) if d & mask], len(dom))
            self.watch = mask
        if prune is not None and prune():
            return
        order = self.order
        n = len(order)
        trail = self.trail
        # (position in order, argument, values still to try (last first), trail mark)
        stack: list[tuple[int, int, list[int], int]] = []
        pos = 0
        while True:
            # Branch "IN or not IN" on the next argument that may be IN but need not be;
            # once no such argument is left, propagation has decided all the others.
            while pos < n:
                d = dom[order[pos]]
                if d & IN and d != IN:
                    break
                pos += 1
            if pos < n:
                x = order[pos]
                stack.append((pos, x, [dom[x] & ~IN, IN], len(trail)))
            else:
                x = next((y for y in order if dom[y] & (dom[y] - 1)), -1)
                if x < 0:
                    yield dom
                else:  # not reached for complete labellings; kept as a safe fallback
                    d = dom[x]
                    stack.append((n, x, [v for v in (UNDEC, OUT) if d & v], len(trail)))
            while stack:
                at, x, values, mark = stack[-1]
                self.undo(mark)
                if not values:
                    stack.pop()
                    continue
                value = values.pop()
                if (
                    self.restrict(x, value)
                    and self.propagate()
                    and not (prune is not None and prune())
                ):
                    pos = at + 1 if at < n else n
                    break
                self.undo(mark)
            else:
                return

    def first(self) -> list[int] | None:
        """A copy of the domains of the first solution, or None when there is none."""
        for dom in self.solutions():
            return list(dom)
        return None


def has_larger(cf: CompiledFramework, inside: Iterable[int], mask: int) -> bool:
    """Is there a complete labelling giving every argument of ``inside`` a label in ``mask``
    and some other argument a label in ``mask``?

    With ``mask = IN`` and ``inside`` an admissible set: does a strictly larger
    admissible set exist (so ``inside`` is not preferred)? With ``mask = IN | OUT``
    and ``inside`` the range of a complete extension: is there a complete extension
    with a strictly larger range (so it is not semi-stable)?

    Only labellings that may be preferred are searched (``maximal=True``): if any
    complete labelling qualifies, a preferred one does (the IN-maximal or
    range-maximal labellings above it), so the answer is the same.
    """
    search = Search(cf, maximal=True)
    members = set(inside)
    for x in members:
        if not search.restrict(x, mask):
            return False
    search.add_clause(mask, (x for x in range(len(cf)) if x not in members))
    return search.first() is not None


def in_bits(dom: list[int]) -> int:
    """The bitset of the arguments labelled IN in a solution."""
    return to_bits([x for x, d in enumerate(dom) if d == IN], len(dom))
