"""The compiled form of an argumentation framework, shared by every semantics.

An argumentation framework (Dung 1995) is a ``networkx.DiGraph`` whose nodes are
arguments (any hashable value) and whose edges are attacks: an edge ``u -> v``
means *u attacks v*. Self-attacks are allowed.

The search algorithms do not walk the graph itself: :func:`compile_framework`
maps the arguments to ``0 .. n-1`` in the graph's insertion order once and
builds plain lists of integer lists for the attackers and the attacked of each
argument, which is what makes the pure-Python searches fast. The results are
translated back to the graph's own nodes at the end.

This module also holds what every semantics shares: the names of the
semantics and solvers, the check that an input is a directed graph, and the
order in which extensions are listed.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Any, Literal, TypeAlias, TypeVar, cast

import networkx as nx

from ..exceptions import EvaluationError, did_you_mean

__all__ = [
    "SAT_THRESHOLD",
    "SEMANTICS",
    "SOLVERS",
    "A",
    "CompiledFramework",
    "Semantics",
    "Solver",
    "check_framework",
    "check_semantics",
    "compile_framework",
    "extension_key",
    "from_bits",
    "graph_dicts",
    "resolve_solver",
    "sort_extensions",
    "to_bits",
]

A = TypeVar("A", bound=Hashable)
"""The type of the arguments (the nodes of the framework graph)."""

Semantics: TypeAlias = Literal[
    "complete", "grounded", "ideal", "preferred", "semi-stable", "stable"
]
"""The name of an extension-based semantics."""

SEMANTICS: tuple[Semantics, ...] = (
    "complete",
    "grounded",
    "ideal",
    "preferred",
    "semi-stable",
    "stable",
)

Solver: TypeAlias = Literal["auto", "backtracking", "sat"]
"""Which engine enumerates extensions: our backtracking search, python-sat, or either by size."""

SOLVERS: tuple[Solver, ...] = ("auto", "backtracking", "sat")

#: ``solver="auto"`` uses python-sat (when installed) from this many arguments on;
#: below it the backtracking search wins. Measured in ``benchmarks/bench_semantics.py``.
SAT_THRESHOLD = 40


def check_framework(af: object) -> nx.DiGraph[Any]:
    """Return ``af`` if it is a directed graph, else raise :class:`EvaluationError`.

    Example:
        >>> check_framework(nx.Graph())
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: an argumentation framework must be ... not Graph
    """
    if not isinstance(af, nx.DiGraph):
        raise EvaluationError(
            "an argumentation framework must be a networkx.DiGraph "
            f"(edge u -> v: u attacks v), not {type(af).__name__}"
        )
    return af


def check_semantics(semantics: str) -> Semantics:
    """Return ``semantics`` if it names a semantics, else raise with the allowed names.

    Example:
        >>> check_semantics("prefered")
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: unknown semantics: 'prefered' (must be one of
        ['complete', 'grounded', 'ideal', 'preferred', 'semi-stable', 'stable'])
        (did you mean 'preferred'?)
    """
    if semantics not in SEMANTICS:
        raise EvaluationError(
            f"unknown semantics: {semantics!r} (must be one of {list(SEMANTICS)})"
            + did_you_mean(str(semantics), SEMANTICS)
        )
    return semantics


def resolve_solver(solver: str, size: int) -> Literal["backtracking", "sat"]:
    """The concrete engine for ``solver`` on a framework of ``size`` arguments.

    ``"auto"`` picks python-sat from :data:`SAT_THRESHOLD` arguments on when it is
    installed, and the backtracking search otherwise.

    Example:
        >>> resolve_solver("auto", 3)
        'backtracking'
        >>> resolve_solver("sta", 3)
        Traceback (most recent call last):
        ...
        argmap.exceptions.EvaluationError: unknown solver: 'sta'
        (must be one of ['auto', 'backtracking', 'sat']) (did you mean 'sat'?)
    """
    if solver == "backtracking":
        return "backtracking"
    if solver == "sat":
        return "sat"
    if solver != "auto":
        raise EvaluationError(
            f"unknown solver: {solver!r} (must be one of {list(SOLVERS)})"
            + did_you_mean(str(solver), SOLVERS)
        )
    if size < SAT_THRESHOLD:
        return "backtracking"
    try:
        import pysat  # noqa: F401
    except ImportError:
        return "backtracking"
    return "sat"


class CompiledFramework:
    """A framework with its arguments numbered ``0 .. n-1`` in insertion order.

    Attributes:
        nodes: the arguments, ``nodes[i]`` is argument ``i``.
        index: the number of each argument.
        attackers: ``attackers[i]`` lists the arguments attacking ``i``.
        attacks: ``attacks[i]`` lists the arguments that ``i`` attacks.

    Example:
        >>> cf = compile_framework(nx.DiGraph([("a", "b"), ("b", "b")]))
        >>> cf.nodes, cf.attackers, cf.attacks
        (['a', 'b'], [[], [0, 1]], [[1], [1]])
    """

    __slots__ = ("attackers", "attacks", "index", "nodes")

    def __init__(
        self,
        nodes: list[Hashable],
        index: dict[Hashable, int],
        attackers: list[list[int]],
        attacks: list[list[int]],
    ) -> None:
        self.nodes = nodes
        self.index = index
        self.attackers = attackers
        self.attacks = attacks

    def __len__(self) -> int:
        return len(self.nodes)

    def members(self, arguments: Iterable[Hashable], *, what: str = "argument") -> list[int]:
        """The numbers of ``arguments``; unknown ones raise :class:`EvaluationError`.

        Example:
            >>> compile_framework(nx.DiGraph([("a", "b")])).members(["b", "z"])
            Traceback (most recent call last):
            ...
            argmap.exceptions.EvaluationError: argument 'z' is not in the framework
        """
        index = self.index
        out: list[int] = []
        missing: list[Hashable] = []
        for arg in arguments:
            i = index.get(arg)
            if i is None:
                missing.append(arg)
            else:
                out.append(i)
        if missing:
            shown = ", ".join(repr(m) for m in missing[:5])
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            verb = "is" if len(missing) == 1 else "are"
            plural = what if len(missing) == 1 else what + "s"
            raise EvaluationError(f"{plural} {shown}{more} {verb} not in the framework")
        return out

    def to_set(self, bits: int) -> frozenset[Hashable]:
        """The arguments whose bits are set in ``bits``.

        Example:
            >>> sorted(compile_framework(nx.DiGraph([("a", "b"), ("b", "c")])).to_set(0b101))
            ['a', 'c']
        """
        return frozenset(map(self.nodes.__getitem__, from_bits(bits)))


def graph_dicts(af: nx.DiGraph[Any]) -> tuple[dict[Any, dict[Any, Any]], dict[Any, dict[Any, Any]]]:
    """The successor and predecessor dicts of ``af`` (networkx's own storage, not copied).

    Reading them directly avoids one view object per node, which matters on
    frameworks with 100,000 arguments.

    Example:
        >>> succ, pred = graph_dicts(nx.DiGraph([("a", "b")]))
        >>> list(succ["a"]), list(pred["b"])
        (['b'], ['a'])
    """
    g = cast(Any, af)
    return g._succ, g._pred


def compile_framework(af: nx.DiGraph[Any]) -> CompiledFramework:
    """Number the arguments of ``af`` in insertion order and build adjacency lists.

    Example:
        >>> len(compile_framework(nx.DiGraph([(1, 2), (2, 3)])))
        3
    """
    check_framework(af)
    succ, pred = graph_dicts(af)
    nodes = list(succ)
    index = dict(zip(nodes, range(len(nodes)), strict=True))
    get = index.__getitem__
    attacks = [list(map(get, nbrs)) for nbrs in succ.values()]
    attackers = [list(map(get, pred[v])) for v in nodes]
    return CompiledFramework(nodes, index, attackers, attacks)


_DIGITS = re.compile(r"(\d+)")


def _natural(arg: Hashable) -> list[Any]:
    parts: list[Any] = _DIGITS.split(str(arg))
    parts[1::2] = [int(p) for p in parts[1::2]]
    return parts


def extension_key(extension: Iterable[Hashable]) -> list[list[Any]]:
    """Sort key of an extension: its members' names in natural order (``a2`` before ``a10``).

    It depends only on the names, not on the graph's insertion order, so that
    the same framework built in any order lists its extensions alike.

    Example:
        >>> [sorted(e) for e in sorted([{"a10"}, {"a2"}, {"a2", "b"}, set()], key=extension_key)]
        [[], ['a2'], ['a2', 'b'], ['a10']]
    """
    return sorted(map(_natural, extension))


def sort_extensions(extensions: Iterable[frozenset[A]]) -> list[frozenset[A]]:
    """The extensions in the deterministic order of :func:`extension_key`.

    Example:
        >>> [sorted(e) for e in sort_extensions([frozenset({2}), frozenset({1, 3})])]
        [[1, 3], [2]]
    """
    listed = list(extensions)
    if len(listed) < 2:
        return listed
    cache: dict[Hashable, list[Any]] = {}  # each argument's natural key, computed once

    def key(extension: frozenset[A]) -> list[list[Any]]:
        keys = []
        for arg in extension:
            k = cache.get(arg)
            if k is None:
                k = cache[arg] = _natural(arg)
            keys.append(k)
        keys.sort()
        return keys

    return sorted(listed, key=key)


def to_bits(positions: Iterable[int], n: int) -> int:
    """The bitset (a Python int) with the given positions (all below ``n``) set.

    Linear in ``n``, where setting bits one by one would be quadratic.

    Example:
        >>> to_bits([0, 2], 3)
        5
    """
    if not n:
        return 0
    digits = bytearray(b"0") * n
    last = n - 1
    for i in positions:
        digits[last - i] = 49  # "1"
    return int(digits, 2)


def from_bits(bits: int) -> list[int]:
    """The positions of the bits set in ``bits``, in increasing order.

    Example:
        >>> from_bits(0b10110)
        [1, 2, 4]
    """
    digits = bin(bits)[:1:-1]
    out: list[int] = []
    i = digits.find("1")
    while i >= 0:
        out.append(i)
        i = digits.find("1", i + 1)
    return out
