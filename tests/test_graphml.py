"""GraphML export: readable by graph tools, with labels, kinds, parties and statuses."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given

import argmap as am
from argmap.formats import graphml
from tests.strategies import argument_maps


def test_casebook_graphml_carries_labels_kinds_parties_and_statuses(tmp_path: Path) -> None:
    m = am.casebook.load("sanctuary")
    ev = am.evaluate(m)
    path = tmp_path / "s.graphml"
    graphml.dump(m, path, ev)
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(m.statements) + len(m.relations)
    a1 = g.nodes["A1"]
    assert a1["label"] == m.statement("A1").text
    assert a1["kind"] == "claim" and a1["party"] == "federal"
    assert a1["party_label"] == m.parties["federal"].label
    assert a1["status"] == ev.status("A1")
    roles = {d["role"] for _u, _v, d in g.edges(data=True)}
    assert {"premise", "conclusion", "attacker", "target"} <= roles


@given(argument_maps())
def test_any_map_gives_parseable_deterministic_graphml(m: am.ArgumentMap) -> None:
    text = graphml.dumps(m)
    assert text == graphml.dumps(m)
    g = nx.parse_graphml(text)
    assert set(g.nodes) == set(m.statements) | set(m.relations)
    for s in m:
        # XML parsers turn any line ending into "\n"
        expected = graphml.xml_safe(s.text).replace("\r\n", "\n").replace("\r", "\n")
        assert g.nodes[s.id]["label"] == expected
