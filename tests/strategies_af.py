"""Hypothesis strategies for abstract argumentation frameworks (networkx DiGraphs)."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import strategies as st

__all__ = ["argument_names", "frameworks", "reordered", "side_by_side"]

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


@st.composite
def side_by_side(draw: st.DrawFn, parts: int = 4, part_size: int = 5) -> nx.DiGraph[Any]:
    """Two to ``parts`` random frameworks side by side, sometimes joined by one more
    attack: grounded semantics leaves several parts undecided."""
    af: nx.DiGraph[Any] = nx.DiGraph()
    for k in range(draw(st.integers(2, parts))):
        part = draw(frameworks(max_size=part_size))
        af.add_nodes_from(f"{k}{a}" for a in part.nodes)
        af.add_edges_from((f"{k}{u}", f"{k}{v}") for u, v in part.edges)
    nodes = list(af.nodes)
    if nodes and draw(st.booleans()):
        af.add_edge(draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)))
    return af
