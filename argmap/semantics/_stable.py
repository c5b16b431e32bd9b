"""Stable semantics: conflict-free sets that attack every argument outside them.

A stable extension labels every argument IN or OUT: it is a complete labelling
without UNDEC. A framework may have none (an odd cycle of attacks), one, or
many; every stable extension is preferred and semi-stable.

The backtracking solver searches complete labellings with UNDEC removed from
every domain up front, so that an argument that can no longer be OUT is forced
IN at once (and one that can no longer be IN is forced OUT, which in turn needs
an IN attacker). The SAT solver enumerates the models of the standard encoding
(one variable per argument; clauses for conflict-freeness and for "every
argument is IN or attacked by an IN argument").

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Caminada, M. (2006). On the issue of reinstatement in argumentation. In
    *Logics in Artificial Intelligence (JELIA 2006)*, LNCS 4160, pp. 111–123.

    Besnard, P., & Doutre, S. (2004). Checking the acceptability of a set of
    arguments. In *Proceedings of the 10th International Workshop on
    Non-Monotonic Reasoning (NMR 2004)*, pp. 59–64.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from ._complete import to_extensions
from ._framework import A, CompiledFramework, Solver, compile_framework, resolve_solver
from ._labelling import Labelling, labelling_of
from ._search import IN, OUT, Search

__all__ = ["stable_extensions", "stable_labellings"]


def _stable_members(cf: CompiledFramework, solver: Solver) -> list[list[int]]:
    """The stable extensions of ``cf``, each as a list of argument numbers."""
    if resolve_solver(solver, len(cf)) == "sat":
        from ._sat import sat_stable

        return sat_stable(cf)
    search = Search(cf, domain=IN | OUT)
    return [[x for x, d in enumerate(dom) if d == IN] for dom in search.solutions()]


def stable_extensions(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[frozenset[A]]:
    """Every stable extension of ``af`` (possibly none).

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        solver: ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``
            to choose by size.

    Returns:
        The extensions, ordered by their members' names (natural order).

    Example:
        >>> import networkx as nx
        >>> [sorted(e) for e in stable_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))]
        [['a'], ['b']]
        >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        []
    """
    cf = compile_framework(af)
    return cast("list[frozenset[A]]", to_extensions(cf, _stable_members(cf, solver)))


def stable_labellings(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[Labelling[A]]:
    """Every stable labelling of ``af``, in the order of :func:`stable_extensions`.

    Example:
        >>> import networkx as nx
        >>> stable_labellings(nx.DiGraph([("a", "b")]))
        [Labelling(in=['a'], out=['b'], undec=[])]
    """
    return [labelling_of(af, e) for e in stable_extensions(af, solver=solver)]
