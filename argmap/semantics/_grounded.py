"""Grounded semantics: the least complete extension, in linear time.

The grounded extension is the least fixed point of Dung's characteristic
function: start from the unattacked arguments, make OUT everything they attack,
make IN every argument whose attackers are all OUT, and repeat. argmap runs this
as a worklist with a counter per argument (its attackers not yet OUT), so every
attack is looked at a bounded number of times: O(arguments + attacks).

The grounded extension always exists, is unique, is contained in every complete
extension, and is the set of arguments sceptically accepted under complete
semantics.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from .._compiled import IN, OUT, IntFramework, grounded_codes
from ..exceptions import EvaluationError
from ._framework import A, check_framework, graph_dicts
from ._labelling import Labelling

__all__ = ["grounded", "grounded_from_edges", "grounded_labelling"]


def _grounded_sets(af: nx.DiGraph[Any]) -> tuple[list[Any], list[Any]]:
    """The IN and OUT arguments of the grounded labelling, in the order found."""
    succ, pred = graph_dicts(check_framework(af))
    # attackers of each argument that are not (yet) OUT
    count = {v: len(p) for v, p in pred.items()}
    ins = [v for v, c in count.items() if not c]
    outs: list[Any] = []
    labelled = dict.fromkeys(ins, True)
    stack = list(ins)
    pop, push, add_in, add_out = stack.pop, stack.append, ins.append, outs.append
    while stack:
        for b in succ[pop()]:
            if b not in labelled:
                labelled[b] = False
                add_out(b)
                for c in succ[b]:
                    count[c] -= 1
                    if not count[c] and c not in labelled:
                        labelled[c] = True
                        push(c)
                        add_in(c)
    return ins, outs


def grounded(af: nx.DiGraph[A]) -> frozenset[A]:
    """The grounded extension of ``af``.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.

    Returns:
        The arguments IN in the grounded labelling.

    Example:
        >>> import networkx as nx
        >>> sorted(grounded(nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")])))
        ['a', 'c']
    """
    return frozenset(_grounded_sets(af)[0])


def grounded_labelling(af: nx.DiGraph[A]) -> Labelling[A]:
    """The grounded labelling of ``af``: IN, OUT, and UNDEC for the rest.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.

    Example:
        >>> import networkx as nx
        >>> grounded_labelling(nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")]))
        Labelling(in=['a', 'c'], out=['b'], undec=['d', 'e'])
    """
    ins, outs = _grounded_sets(af)
    in_ = frozenset(ins)
    out = frozenset(outs)
    nodes = graph_dicts(af)[0]
    undec = frozenset(nodes).difference(in_, out)
    return Labelling(in_, out, undec, tuple(nodes))


def grounded_from_edges(
    attacks: Iterable[tuple[A, A]], arguments: Iterable[A] = ()
) -> Labelling[A]:
    """The grounded labelling straight from a list of attacks, with no graph built.

    For a framework held as pairs (an ICCMA file, a database table), this skips the
    ``networkx.DiGraph`` that :func:`grounded_labelling` needs, which costs more than
    the labelling itself: at 100,000 arguments and 300,000 attacks it is about three
    times faster end to end (``benchmarks/bench_semantics.py``).

    Args:
        attacks: ``(attacker, attacked)`` pairs of hashable arguments; a repeated pair
            counts once.
        arguments: arguments that take part in no attack (any others are also fine);
            arguments are ordered as first met, ``arguments`` first.

    Raises:
        EvaluationError: an attack that is not a pair, or an unhashable argument.

    Example:
        >>> grounded_from_edges([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")], ["z"])
        Labelling(in=['a', 'c', 'z'], out=['b'], undec=['d', 'e'])
    """
    names: list[Any] = []
    pairs: list[tuple[Any, Any]] = []
    try:
        names = list(dict.fromkeys(arguments))
        for pair in attacks:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise EvaluationError(
                    f"an attack must be a pair (attacker, attacked), not {pair!r:.80}"
                )
            pairs.append(pair)
        af = IntFramework.from_edges(names, pairs)
    except TypeError as exc:  # an unhashable argument
        bad = next((a for pair in pairs for a in pair if not isinstance(a, Hashable)), None)
        shown = f" such as {bad!r:.80}" if bad is not None else ""
        raise EvaluationError(f"arguments must be hashable{shown}: {exc}") from None
    codes = grounded_codes(af)
    order = af.names
    return Labelling(
        frozenset(a for a, c in zip(order, codes, strict=True) if c == IN),
        frozenset(a for a, c in zip(order, codes, strict=True) if c == OUT),
        frozenset(a for a, c in zip(order, codes, strict=True) if not c),
        tuple(order),
    )
