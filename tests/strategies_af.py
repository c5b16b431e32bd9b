"""Hypothesis strategies for abstract argumentation frameworks (networkx DiGraphs)."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import strategies as st

__all__ = ["argument_names", "frameworks", "reordered"]

#: Short names mixing letters and digits, so that natural ordering is exercised.
argument_names = st.text(alphabet="abcxyz0129", min_size=1, max_size=3)


@st.composite
def frameworks(
    draw: st.DrawFn,
    *,
    min_size: int = 0,
    max_size: int = 10,
    self_attacks: bool = True,
    names: st.SearchStrategy[str] = argument_names,
) -> nx.DiGraph[Any]:
    """A framework of ``min_size..max_size`` arguments with string names and random attacks.

    Densities from none to about three attacks per argument; self-attacks when allowed.
    """
    nodes = draw(st.lists(names, min_size=min_size, max_size=max_size, unique=True))
    af: nx.DiGraph[Any] = nx.DiGraph()
    af.add_nodes_from(nodes)
    if nodes:
        index = st.integers(0, len(nodes) - 1)
        pairs = draw(st.lists(st.tuples(index, index), max_size=3 * len(nodes)))
        af.add_edges_from((nodes[i], nodes[j]) for i, j in pairs if self_attacks or i != j)
    return af


@st.composite
def reordered(draw: st.DrawFn, af: nx.DiGraph[Any]) -> nx.DiGraph[Any]:
    """The same framework built with its arguments and attacks inserted in another order."""
    nodes = draw(st.permutations(list(af.nodes)))
    edges = draw(st.permutations(list(af.edges)))
    copy: nx.DiGraph[Any] = nx.DiGraph()
    copy.add_nodes_from(nodes)
    copy.add_edges_from(edges)
    return copy
