"""The AIF family: detection, import of every member, export, round trips."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap as am
from argmap.formats import aif
from tests.strategies import argument_maps

FIXTURES = Path(__file__).parent / "fixtures"


def _error_of(read: Callable[[str], object], text: str) -> am.LoadError | None:
    """The LoadError reading ``text`` raises, or None; any other exception fails the test."""
    try:
        read(text)
    except am.LoadError as exc:
        return exc
    return None


def test_aif_fixture_maps_every_node_type() -> None:
    r = aif.read(FIXTURES / "grants.aif.json")
    m = r.map
    assert r.format == "aif"
    assert {s.id: s.kind for s in m} == {
        "1": "claim",
        "2": "premise",
        "3": "premise",
        "5": "rebuttal",
        "7": "undercutter",
        "9": "premise",
    }
    ra = m.relations["4"]
    assert isinstance(ra, am.Inference)
    assert ra.premises == ("2", "3") and ra.conclusion == "1"
    assert ra.scheme == "Argument from statute"
    assert m.conflict_kind("6") == "rebut" and m.conflict_kind("8") == "undercut"
    ma = m.relations["10"]
    assert isinstance(ma, am.Inference) and ma.scheme == "Default Rephrase"
    # the speaker of the locution that asserts node 1 is its party
    assert m.statement("1").party == "United-States"
    assert m.parties["United-States"].label == "United States"
    # dialogue and preference nodes are reported, not silently dropped
    dropped = " ".join(n.message for n in r.notes)
    assert "1 L node" in dropped and "1 YA node" in dropped and "1 PA node" in dropped


def test_sadface_fixture() -> None:
    r = aif.read(FIXTURES / "hangback.sadface.json")
    assert r.format == "sadface"
    assert r.map.title == "A road-safety advert"
    assert [(s.id, s.kind) for s in r.map] == [("c", "claim"), ("p", "premise"), ("r", "rebuttal")]
    assert r.map.conflict_kind("x") == "undermine"


@pytest.mark.parametrize("family", ["aif", "xaif"])
def test_import_export_import_is_identical(family: str) -> None:
    m = aif.load(FIXTURES / "grants.aif.json")
    text = aif.dumps(m, family=family)  # type: ignore[arg-type]
    again = aif.reads(text)
    assert again.format == family
    if family == "aif":
        assert again.map == m
    else:  # xAIF has integer ids: the same graph under new names
        assert len(again.map) == len(m) and len(again.map.relations) == len(m.relations)
        assert aif.loads(aif.dumps(again.map, family="xaif")) == again.map


def test_export_is_valid_aif_with_locutions_and_xaif_wrapper() -> None:
    m = am.casebook.load("sanctuary")
    data = json.loads(aif.dumps(m))
    assert set(data) >= {"nodes", "edges", "locutions"}
    types = {n["type"] for n in data["nodes"]}
    assert types == {"I", "RA", "CA", "L", "YA"}
    ids = {n["nodeID"] for n in data["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in data["edges"])
    x = json.loads(aif.dumps(m, family="xaif"))
    assert set(x) == {"AIF", "OVA", "dialog", "text"}
    assert x["AIF"]["schemefulfillments"] is None
    assert all(isinstance(n["nodeID"], int) for n in x["AIF"]["nodes"])
    assert aif.detect(x) == "xaif" and aif.detect(data) == "aif"


def _expressible(m: am.ArgumentMap) -> tuple[object, ...]:
    """What AIF holds: texts, relations with their premises, schemes and ends, speakers."""
    party = {s.id: (m.parties[s.party].label or s.party) if s.party else None for s in m}
    return (
        sorted((s.id, s.text, party[s.id]) for s in m),
        sorted(
            (r.id, r.premises, r.conclusion, r.scheme)
            if isinstance(r, am.Inference)
            else (r.id, r.attacker, r.target)
            for r in m.relations.values()
        ),
    )


@given(argument_maps())
def test_round_trip_keeps_what_aif_can_express(m: am.ArgumentMap) -> None:
    again = aif.loads(aif.dumps(m))
    assert _expressible(again) == _expressible(m)
    assert aif.loads(aif.dumps(again)) == again  # and then it is exact


@given(st.text(max_size=200))
def test_any_text_gives_a_map_or_a_load_error(text: str) -> None:
    error = _error_of(aif.loads, text)
    assert error is None or error.problems


@given(
    st.dictionaries(
        st.sampled_from(["nodes", "edges", "locutions", "AIF", "metadata"]),
        st.lists(
            st.dictionaries(
                st.sampled_from(["nodeID", "type", "text", "fromID", "toID", "id"]),
                st.one_of(st.integers(0, 3), st.sampled_from(["I", "RA", "CA", "x", ""])),
            ),
            max_size=5,
        ),
    )
)
def test_any_json_shape_gives_a_map_or_a_load_error(data: dict[str, object]) -> None:
    error = _error_of(aif.loads, json.dumps(data))
    assert error is None or error.problems


def test_losses_name_what_aif_cannot_hold() -> None:
    m = am.casebook.load("sanctuary")
    lost = " | ".join(aif.losses(m))
    for word in ("issues", "cites", "authorities", "notes", "doctrines"):
        assert word in lost


# ---------------------------------------------------------------- samples written by others

# (family, statements, inferences, conflicts), counted from the files' I, RA (+MA) and CA nodes
SAMPLES = {
    "argtech_xaif_tutorial_basic_example.json": ("xaif", 3, 1, 0),
    "arguebuf_6064-reconstructed.json": ("aifdb", 9, 8, 0),  # 5 RA + 3 MA
    "carneades4_nodeset127.json": ("aifdb", 6, 4, 1),
    "carneades4_nodeset137.json": ("aifdb", 7, 2, 2),
    "carneades4_nodeset233.json": ("aifdb", 5, 1, 2),
    "carneades4_nodeset531.json": ("aifdb", 8, 13, 0),
    "carneades4_nodeset667.json": ("aifdb", 2, 1, 0),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_import_with_the_counts_of_the_source(shared: Path, name: str) -> None:
    r = aif.read(shared / "samples" / "aif" / name)
    m = r.map
    family, n_s, n_i, n_c = SAMPLES[name]
    assert (r.format, len(m.statements), len(m.inferences), len(m.conflicts)) == (
        family,
        n_s,
        n_i,
        n_c,
    )
    export = "xaif" if family == "xaif" else "aif"
    assert aif.loads(aif.dumps(m, family=export)) == m  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}, {"nodeID": "2", "type": "RA"}],\n'
         ' "edges": [{"fromID": "1", "toID": "2"},\n  {"fromID": "9", "toID": "2"}]}', 3),
        ('{"AIF": {"nodes": [{"nodeID": 1, "type": "I", "text": "x"},\n'
         '  {"nodeID": 1, "type": "I", "text": "y"}], "edges": []}}', 2),
        ('{"nodes": [{"nodeID": "1"},\n {"text": "no id"}], "edges": []}', 2),
    ],
)  # fmt: skip
def test_a_broken_graph_is_reported_with_its_line(text: str, line: int) -> None:
    # Structural errors said only the file name, while native files give the line.
    with pytest.raises(am.LoadError) as info:
        aif.reads(text, source="g.json")
    assert [p.line for p in info.value.problems][:1] == [line]
