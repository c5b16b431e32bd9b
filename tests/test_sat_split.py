"""The SAT path for preferred and stable (grounded reduct, parts, one-variable encoding)
agrees with brute force over every subset, and with the backtracking solver."""

from __future__ import annotations

from itertools import chain, combinations
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from strategies_af import frameworks

from argmap import semantics as sem

pytest.importorskip("pysat")


def brute(af: nx.DiGraph[Any]) -> tuple[set[frozenset[Any]], set[frozenset[Any]]]:
    """Preferred and stable extensions by checking every subset."""
    nodes = list(af.nodes)
    subsets = [
        frozenset(c)
        for c in chain.from_iterable(combinations(nodes, k) for k in range(len(nodes) + 1))
    ]

    def conflict_free(s: frozenset[Any]) -> bool:
        return not any(af.has_edge(a, b) for a in s for b in s)

    def defends(s: frozenset[Any], x: Any) -> bool:
        return all(any(af.has_edge(z, y) for z in s) for y in af.predecessors(x))

    admissible = [s for s in subsets if conflict_free(s) and all(defends(s, x) for x in s)]
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {
        s
        for s in subsets
        if conflict_free(s) and all(x in s or any(af.has_edge(z, x) for z in s) for x in nodes)
    }
    return preferred, stable


def disjoint_union(a: nx.DiGraph[Any], b: nx.DiGraph[Any]) -> nx.DiGraph[Any]:
    af: nx.DiGraph[Any] = nx.DiGraph()
    af.add_nodes_from(("l", x) for x in a)
    af.add_nodes_from(("r", x) for x in b)
    af.add_edges_from((("l", u), ("l", v)) for u, v in a.edges)
    af.add_edges_from((("r", u), ("r", v)) for u, v in b.edges)
    return af


@given(frameworks(max_size=6), frameworks(max_size=5))
def test_sat_preferred_and_stable_equal_brute_force(a: nx.DiGraph[Any], b: nx.DiGraph[Any]) -> None:
    af = disjoint_union(a, b)  # several parts, often with a grounded core
    preferred, stable = brute(af)
    assert set(sem.preferred_extensions(af, solver="sat")) == preferred
    assert set(sem.stable_extensions(af, solver="sat")) == stable
    assert set(sem.preferred_extensions(af, solver="backtracking")) == preferred
    assert len(sem.preferred_extensions(af, solver="sat")) == len(preferred)  # no repeats
