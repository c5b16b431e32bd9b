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

from typing import Any

import networkx as nx

from ._framework import A, check_framework, graph_dicts
from ._labelling import Labelling

__all__ = ["grounded", "grounded_labelling"]


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
