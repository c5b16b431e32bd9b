"""One entry point for every semantics: :func:`extensions` and :func:`labellings`.

Example:
    >>> import networkx as nx
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> {s: len(extensions(af, s)) for s in SEMANTICS}
    {'complete': 3, 'grounded': 1, 'ideal': 1, 'preferred': 2, 'semi-stable': 2, 'stable': 2}

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Baroni, P., Caminada, M., & Giacomin, M. (2011). An introduction to
    argumentation semantics. *The Knowledge Engineering Review*, 26(4), 365–410.
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from ._complete import _complete_members, to_extensions
from ._framework import SEMANTICS, A, Semantics, Solver, check_semantics, compile_framework
from ._grounded import grounded
from ._ideal import ideal_extension
from ._labelling import Labelling, labelling_of
from ._preferred import _preferred_members
from ._semi_stable import _semi_stable_members
from ._stable import _stable_members

__all__ = ["SEMANTICS", "extensions", "labellings"]

_ENUMERATORS = {
    "complete": _complete_members,
    "preferred": _preferred_members,
    "semi-stable": _semi_stable_members,
    "stable": _stable_members,
}


def extensions(
    af: nx.DiGraph[A], semantics: Semantics, *, solver: Solver = "auto"
) -> list[frozenset[A]]:
    """The extensions of ``af`` under ``semantics``.

    Grounded and ideal semantics give a list of exactly one extension.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        semantics: one of ``"complete"``, ``"grounded"``, ``"ideal"``,
            ``"preferred"``, ``"semi-stable"``, ``"stable"``.
        solver: ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``.

    Raises:
        EvaluationError: for an unknown semantics or solver.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
        >>> extensions(af, "stable"), extensions(af, "preferred")
        ([], [frozenset()])
        >>> extensions(af, "prefered")
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: unknown semantics: 'prefered'
        (must be one of [...]) (did you mean 'preferred'?)
    """
    name = check_semantics(semantics)
    if name == "grounded":
        return [grounded(af)]
    if name == "ideal":
        return [ideal_extension(af, solver=solver)]
    cf = compile_framework(af)
    members = _ENUMERATORS[name](cf, solver)
    return cast("list[frozenset[A]]", to_extensions(cf, members))


def labellings(
    af: nx.DiGraph[A], semantics: Semantics, *, solver: Solver = "auto"
) -> list[Labelling[A]]:
    """The labellings of ``af`` under ``semantics``, in the order of :func:`extensions`.

    Example:
        >>> import networkx as nx
        >>> labellings(nx.DiGraph([("a", "b"), ("b", "c")]), "grounded")
        [Labelling(in=['a', 'c'], out=['b'], undec=[])]
    """
    return [labelling_of(af, e) for e in extensions(af, semantics, solver=solver)]


assert set(_ENUMERATORS) | {"grounded", "ideal"} == set(SEMANTICS)
