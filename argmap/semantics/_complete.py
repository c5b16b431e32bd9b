"""Complete semantics: the admissible sets that contain every argument they defend.

A set of arguments S is *complete* when it is conflict-free, defends each of its
members against every attacker, and contains every argument it defends;
equivalently, its labelling (IN: S, OUT: what S attacks, UNDEC: the rest) is a
complete labelling (Caminada 2006). A framework may have exponentially many
complete extensions; the grounded extension is the least of them and the
preferred extensions are the maximal ones.

The backtracking solver (:mod:`argmap.semantics._search`) starts from the
grounded labelling and branches on the arguments it leaves UNDEC; the SAT
solver enumerates the models of the complete-labelling encoding
(:mod:`argmap.semantics._sat`).

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Caminada, M. (2006). On the issue of reinstatement in argumentation. In
    *Logics in Artificial Intelligence (JELIA 2006)*, LNCS 4160, pp. 111–123.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from typing import Any, cast

import networkx as nx

from ._framework import (
    A,
    CompiledFramework,
    Solver,
    compile_framework,
    resolve_solver,
    sort_extensions,
)
from ._labelling import Labelling, labelling_of
from ._search import IN, Search

__all__ = ["complete_extensions", "complete_labellings"]


def _complete_members(cf: CompiledFramework, solver: Solver) -> list[list[int]]:
    """The complete extensions of ``cf``, each as a list of argument numbers."""
    if resolve_solver(solver, len(cf)) == "sat":
        from ._sat import sat_complete

        return sat_complete(cf)
    return [[x for x, d in enumerate(dom) if d == IN] for dom in Search(cf).solutions()]


def to_extensions(cf: CompiledFramework, members: list[list[int]]) -> list[frozenset[Any]]:
    """Argument numbers back to the framework's own arguments, in the deterministic order."""
    nodes = cf.nodes
    return sort_extensions(frozenset(map(nodes.__getitem__, m)) for m in members)


def complete_extensions(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[frozenset[A]]:
    """Every complete extension of ``af``.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        solver: ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``
            to choose by size.

    Returns:
        The extensions, ordered by their members' names (natural order).

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
        >>> [sorted(e) for e in complete_extensions(af)]
        [[], ['a', 'c'], ['b']]
    """
    cf = compile_framework(af)
    return cast("list[frozenset[A]]", to_extensions(cf, _complete_members(cf, solver)))


def complete_labellings(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[Labelling[A]]:
    """Every complete labelling of ``af``, in the order of :func:`complete_extensions`.

    Example:
        >>> import networkx as nx
        >>> complete_labellings(nx.DiGraph([("a", "b"), ("b", "a")]))
        [Labelling(in=[], out=[], undec=['a', 'b']),
         Labelling(in=['a'], out=['b'], undec=[]),
         Labelling(in=['b'], out=['a'], undec=[])]
    """
    return [labelling_of(af, e) for e in complete_extensions(af, solver=solver)]
