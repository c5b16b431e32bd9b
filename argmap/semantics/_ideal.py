"""Ideal semantics: the largest admissible set contained in every preferred extension.

A set is *ideal* when it is admissible and a subset of every preferred
extension; the ideal extension is the largest such set. It is unique, always
exists, contains the grounded extension, is complete, and is contained in the
intersection of the preferred extensions (often strictly: an argument in every
preferred extension need not be defended by that intersection).

argmap computes the arguments common to every preferred extension (with the
chosen solver, part by part: see :func:`argmap.semantics._preferred.preferred_core`)
and shrinks that set to its largest admissible subset by repeatedly
dropping each member that has an attacker the remaining set does not attack.
The result is admissible, and every admissible subset of the intersection
survives each round, so it is the largest.

References:
    Dung, P. M., Mancarella, P., & Toni, F. (2007). Computing ideal sceptical
    argumentation. *Artificial Intelligence*, 171(10–15), 642–674.

    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from ._framework import A, CompiledFramework, Solver, compile_framework
from ._labelling import Labelling, labelling_of
from ._preferred import preferred_core

__all__ = ["ideal_extension", "ideal_labelling"]


def largest_admissible_subset(cf: CompiledFramework, candidates: list[int]) -> list[int]:
    """The largest admissible subset of a conflict-free set of argument numbers.

    Example:
        >>> from ._framework import compile_framework
        >>> cf = compile_framework(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d")]))
        >>> largest_admissible_subset(cf, [0, 3])  # {a, d}: d is not defended against c
        [0]
    """
    attacks = cf.attacks
    attackers = cf.attackers
    current = set(candidates)
    while True:
        attacked: set[int] = set()
        for x in current:
            attacked.update(attacks[x])
        kept = {x for x in current if all(a in attacked for a in attackers[x])}
        if len(kept) == len(current):
            return sorted(kept)
        current = kept


def _ideal_members(cf: CompiledFramework, solver: Solver) -> list[int]:
    return largest_admissible_subset(cf, sorted(preferred_core(cf, solver)))


def ideal_extension(af: nx.DiGraph[A], *, solver: Solver = "auto") -> frozenset[A]:
    """The ideal extension of ``af``.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        solver: the solver for the preferred extensions it starts from:
            ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``.

    Example:
        >>> import networkx as nx
        >>> # b attacks itself, so only {a} is preferred; nothing is unattacked
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "b")])
        >>> sorted(ideal_extension(af))
        ['a']
        >>> # d is in both preferred extensions ({a, d} and {b, d}), but the
        >>> # intersection {d} does not defend d against c
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
        >>> sorted(ideal_extension(af))
        []
    """
    cf = compile_framework(af)
    nodes = cf.nodes
    return cast("frozenset[A]", frozenset(nodes[x] for x in _ideal_members(cf, solver)))


def ideal_labelling(af: nx.DiGraph[A], *, solver: Solver = "auto") -> Labelling[A]:
    """The labelling of :func:`ideal_extension`.

    Example:
        >>> import networkx as nx
        >>> ideal_labelling(nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")]))
        Labelling(in=[], out=[], undec=['a', 'b', 'c'])
    """
    return labelling_of(af, ideal_extension(af, solver=solver))
