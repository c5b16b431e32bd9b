"""Semi-stable semantics: complete extensions whose range (IN ∪ OUT) is maximal.

Semi-stable labellings are the complete labellings with a minimal set of UNDEC
arguments. When a framework has stable extensions, the semi-stable ones are
exactly the stable ones; unlike stable semantics, every finite framework has at
least one semi-stable extension. Each semi-stable extension is preferred.

argmap first looks for stable extensions and returns them when there are some.
Otherwise the backtracking solver searches complete labellings as for
preferred semantics (semi-stable extensions are preferred, so the same pruning
applies), bounds branches by the arguments that may still be IN or OUT (a
branch whose possible range is strictly inside the range of a recent answer is
pruned), and reports a leaf when one more search finds no complete labelling
with a strictly larger range; the SAT solver grows the range of a complete labelling until
no strict superset exists, lists the labellings with exactly that range, and
forbids every range inside it.

References:
    Caminada, M. (2006). Semi-stable semantics. In *Computational Models of
    Argument (COMMA 2006)*, Frontiers in Artificial Intelligence and
    Applications 144, pp. 121–130. IOS Press.

    Verheij, B. (1996). Two approaches to dialectical argumentation: admissible
    sets and argumentation stages. In *Proceedings of the Eighth Dutch
    Conference on Artificial Intelligence (NAIC'96)*, pp. 357–368.

    Caminada, M. W. A., Carnielli, W. A., & Dunne, P. E. (2012). Semi-stable
    semantics. *Journal of Logic and Computation*, 22(5), 1207–1254.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from ._complete import to_extensions
from ._framework import A, CompiledFramework, Solver, compile_framework, resolve_solver
from ._labelling import Labelling, labelling_of
from ._preferred import RECENT
from ._search import IN, OUT, UNDEC, Search, has_larger
from ._stable import _stable_members

__all__ = ["semi_stable_extensions", "semi_stable_labellings"]


def _semi_stable_members(cf: CompiledFramework, solver: Solver) -> list[list[int]]:
    """The semi-stable extensions of ``cf``, each as a list of argument numbers."""
    stable = _stable_members(cf, solver)
    if stable:
        return stable
    if resolve_solver(solver, len(cf)) == "sat":
        from ._sat import sat_semi_stable

        return sat_semi_stable(cf)
    search = Search(cf, watch=IN | OUT, maximal=True)
    recent: list[int] = []  # ranges of the last answers found, to prune with
    found: list[list[int]] = []

    def bounded() -> bool:
        possible = search.possible
        return any(not possible & ~r and possible != r for r in recent)

    for dom in search.solutions(bounded):
        reach = [x for x, d in enumerate(dom) if d != UNDEC]
        if has_larger(cf, reach, IN | OUT):
            continue
        found.append([x for x, d in enumerate(dom) if d == IN])
        recent.append(search.possible)  # at a leaf: exactly the IN and OUT arguments
        if len(recent) > RECENT:
            del recent[0]
    return found


def semi_stable_extensions(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[frozenset[A]]:
    """Every semi-stable extension of ``af`` (there is always at least one).

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        solver: ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``
            to choose by size.

    Returns:
        The extensions, ordered by their members' names (natural order).

    Example:
        >>> import networkx as nx
        >>> # no stable extension (d attacks itself); {a} and {b} are preferred,
        >>> # but only {b} also decides c
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"), ("d", "d")])
        >>> [sorted(e) for e in semi_stable_extensions(af)]
        [['b']]
    """
    cf = compile_framework(af)
    return cast("list[frozenset[A]]", to_extensions(cf, _semi_stable_members(cf, solver)))


def semi_stable_labellings(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[Labelling[A]]:
    """Every semi-stable labelling of ``af``, in the order of :func:`semi_stable_extensions`.

    Example:
        >>> import networkx as nx
        >>> semi_stable_labellings(nx.DiGraph([("a", "a"), ("a", "b")]))
        [Labelling(in=[], out=[], undec=['a', 'b'])]
    """
    return [labelling_of(af, e) for e in semi_stable_extensions(af, solver=solver)]
