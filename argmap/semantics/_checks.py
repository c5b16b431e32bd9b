"""Checkers: does a given set of arguments satisfy a semantics?

Each ``is_*`` function takes a framework and a candidate extension (any
iterable of arguments, or a :class:`~argmap.semantics.Labelling`) and answers
True or False; an argument that is not in the framework raises
:class:`~argmap.EvaluationError`. A labelling passes a check when it is the
labelling of its IN arguments (IN, OUT exactly what they attack, UNDEC the
rest; see :func:`~argmap.semantics.labelling_of`) and those arguments pass.

Definitions (Dung 1995): S is *conflict-free* when no member attacks a member;
*admissible* when it is conflict-free and attacks every attacker of its
members; *complete* when admissible and containing every argument it defends;
*grounded* when it is the least complete set; *preferred* when it is a maximal
admissible set; *stable* when conflict-free and attacking every argument
outside it; *semi-stable* (Caminada 2006) when complete with a maximal range
(S with the arguments it attacks); *ideal* (Dung, Mancarella & Toni 2007) when it
is the largest admissible set inside every preferred extension.

The checks for conflict-free, admissible, complete and stable sets are linear;
preferred and semi-stable run one search for a strictly larger complete set
(or range); grounded and ideal compare with the computed extension.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Caminada, M. (2006). Semi-stable semantics. In *Computational Models of
    Argument (COMMA 2006)*, pp. 121–130. IOS Press.

    Dung, P. M., Mancarella, P., & Toni, F. (2007). Computing ideal sceptical
    argumentation. *Artificial Intelligence*, 171(10–15), 642–674.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from ..exceptions import ArgmapTypeError, EvaluationError
from ._framework import A, Solver, check_framework, compile_framework, graph_dicts
from ._grounded import grounded
from ._ideal import ideal_extension
from ._labelling import Labelling, labelling_of
from ._search import IN, OUT, has_larger

__all__ = [
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_grounded",
    "is_ideal",
    "is_preferred",
    "is_semi_stable",
    "is_stable",
]


def _members(
    af: nx.DiGraph[Any], candidate: Iterable[Any] | Labelling[Any]
) -> frozenset[Any] | None:
    """The candidate as a set of arguments of ``af``; None for a labelling that is not ext2lab."""
    succ, _pred = graph_dicts(check_framework(af))
    if isinstance(candidate, Labelling):
        unknown = [a for a in candidate if a not in succ]
        _raise_unknown(unknown)
        if candidate != labelling_of(af, candidate.in_):
            return None
        return candidate.in_
    if isinstance(candidate, str) or not isinstance(candidate, Iterable):
        raise ArgmapTypeError(
            f"extension: expected a set of arguments or a Labelling, not {candidate!r}"
        )
    members = frozenset(candidate)
    _raise_unknown([a for a in members if a not in succ])
    return members


def _raise_unknown(unknown: list[Hashable]) -> None:
    if unknown:
        shown = ", ".join(repr(a) for a in sorted(unknown, key=str)[:5])
        raise EvaluationError(f"not in the framework: {shown}")


def _conflict_free(succ: dict[Any, dict[Any, Any]], members: frozenset[Any]) -> bool:
    return all(members.isdisjoint(succ[a]) for a in members)


def _attacked(succ: dict[Any, dict[Any, Any]], members: frozenset[Any]) -> set[Any]:
    out: set[Any] = set()
    for a in members:
        out.update(succ[a])
    return out


def _admissible(af: nx.DiGraph[Any], members: frozenset[Any]) -> tuple[bool, set[Any]]:
    succ, pred = graph_dicts(af)
    if not _conflict_free(succ, members):
        return False, set()
    attacked = _attacked(succ, members)
    ok = all(attacked.issuperset(pred[a]) for a in members)
    return ok, attacked


def is_conflict_free(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when no argument of ``extension`` attacks one of ``extension``.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
        >>> is_conflict_free(af, {"a", "c"}), is_conflict_free(af, {"a", "b"})
        (True, False)
    """
    members = _members(af, extension)
    return members is not None and _conflict_free(graph_dicts(af)[0], members)


def is_admissible(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is conflict-free and attacks every attacker of its members.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
        >>> is_admissible(af, {"a", "c"}), is_admissible(af, {"c"})
        (True, False)
    """
    members = _members(af, extension)
    return members is not None and _admissible(af, members)[0]


def is_complete(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is admissible and contains every argument it defends.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "c")])
        >>> is_complete(af, {"a", "c"}), is_complete(af, {"a"})
        (True, False)
    """
    members = _members(af, extension)
    if members is None:
        return False
    ok, attacked = _admissible(af, members)
    if not ok:
        return False
    _succ, pred = graph_dicts(af)
    return all(a in members or not attacked.issuperset(p) for a, p in pred.items())


def is_stable(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is conflict-free and attacks every argument outside it.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
        >>> is_stable(af, {"b"}), is_stable(af, {"a"})
        (True, False)
    """
    members = _members(af, extension)
    if members is None:
        return False
    succ, _pred = graph_dicts(af)
    if not _conflict_free(succ, members):
        return False
    attacked = _attacked(succ, members)
    return len(attacked) + len(members) == len(succ)


def is_grounded(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is the grounded extension.

    Example:
        >>> import networkx as nx
        >>> is_grounded(nx.DiGraph([("a", "b"), ("b", "c")]), ["a", "c"])
        True
    """
    members = _members(af, extension)
    return members is not None and members == grounded(af)


def is_preferred(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is admissible and no admissible set strictly contains it.

    Runs one search for a complete extension containing ``extension`` and some
    argument outside it.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
        >>> is_preferred(af, {"a", "c"}), is_preferred(af, {"a"}), is_preferred(af, set())
        (True, False, False)
    """
    members = _members(af, extension)
    if members is None or not _admissible(af, members)[0]:
        return False
    cf = compile_framework(af)
    return not has_larger(cf, cf.members(members), IN)


def is_semi_stable(af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A]) -> bool:
    """True when ``extension`` is complete and no complete extension has a strictly larger range.

    The range of S is S together with the arguments S attacks.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"), ("d", "d")])
        >>> is_semi_stable(af, {"b"}), is_semi_stable(af, {"a"})
        (True, False)
    """
    members = _members(af, extension)
    if members is None or not is_complete(af, members):
        return False
    cf = compile_framework(af)
    succ, _pred = graph_dicts(af)
    reach = cf.members(members | _attacked(succ, members))
    return not has_larger(cf, reach, IN | OUT)


def is_ideal(
    af: nx.DiGraph[A], extension: Iterable[A] | Labelling[A], *, solver: Solver = "auto"
) -> bool:
    """True when ``extension`` is the ideal extension.

    Example:
        >>> import networkx as nx
        >>> is_ideal(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "b")]), {"a"})
        True
    """
    members = _members(af, extension)
    return members is not None and members == ideal_extension(af, solver=solver)
