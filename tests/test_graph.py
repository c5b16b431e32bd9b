"""ArgumentMap: builders, rule enforcement, queries, views, checks, networkx export."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import ArgumentMap
from argmap.exceptions import DuplicateIdError, ModelError, RelationError, UnknownNodeError

from .strategies import argument_maps


@pytest.fixture
def m() -> ArgumentMap:
    m = ArgumentMap(
        "Spending",
        parties={"federal": "US", "local": "Cities"},
        doctrines={"spending": "Spending Clause"},
    )
    m.authority(
        "dole",
        "case",
        "South Dakota v. Dole",
        "South Dakota v. Dole, 483 U.S. 203 (1987)",
        year=1987,
    )
    q = m.issue("May grants be conditioned?", id="Q", standard="preponderance")
    c = m.claim("Yes", id="C1", party="federal", answers=q, doctrines=["spending"])
    m.claim("No", id="C2", party="local", answers=q, attacks=c)
    m.attack("C1", "C2")
    m.premise("Congress delegated", id="P1", supports=c, party="federal", cites=["dole@211"])
    m.premise("Conditions are germane", id="P2", party="federal", cites=["dole"])
    m.infer(["P1", "P2"], c, id="linked", scheme="argument-from-statute", weight=0.6)
    r = m.rebuttal("Only Congress spends", id="R1", attacks=c, party="local")
    m.undercutter("Congress delegated it", id="U1", undercuts=r, party="federal")
    m.rebuttal("Delegation was not clear", id="R2", attacks="P1", party="local")
    return m


def test_builders_generate_readable_ids() -> None:
    m = ArgumentMap()
    q = m.issue("?")
    c = m.claim("x", answers=q)
    p = m.premise("y", supports=c)
    r = m.rebuttal("z", attacks=c)
    u = m.undercutter("w", undercuts=p)
    assert [q.id, c.id, p.id, r.id, u.id] == ["Q1", "C1", "P1", "R1", "U1"]
    assert list(m.relations) == ["P1->C1", "R1-|C1", "U1-|P1->C1"]


def test_generated_ids_skip_used_ones() -> None:
    m = ArgumentMap()
    m.claim("a", id="C1")
    assert m.claim("b").id == "C2"


def test_duplicate_ids(m: ArgumentMap) -> None:
    with pytest.raises(DuplicateIdError):
        m.claim("again", id="C1")
    with pytest.raises(DuplicateIdError):
        m.claim("clash with relation", id="linked")
    m.premise("x", id="P9", supports="C1")
    with pytest.raises(DuplicateIdError):
        m.infer(["P9"], "C1")


def test_rule_violations_name_both_ends_and_change_nothing(m: ArgumentMap) -> None:
    before = (dict(m.statements), dict(m.relations))
    with pytest.raises(RelationError, match=r"Q.*C1"):
        m.infer(["Q"], "C1")
    with pytest.raises(RelationError, match="itself"):
        m.attack("C1", "C1")
    with pytest.raises(RelationError, match="U9 cannot undercut Q"):
        m.undercutter("aimed at a statement", id="U9", undercuts="Q")
    with pytest.raises(RelationError, match="undercutter"):
        m.rebuttal("at an inference", id="R9", attacks="linked")
    with pytest.raises(RelationError):
        m.claim("answers a claim", id="C9", answers="C1")
    assert (dict(m.statements), dict(m.relations)) == before


def test_unknown_party_doctrine_authority(m: ArgumentMap) -> None:
    with pytest.raises(ModelError, match="did you mean 'federal'"):
        m.claim("x", party="federl")
    with pytest.raises(ModelError, match="unknown doctrine"):
        m.claim("x", doctrines=["spend"])
    with pytest.raises(UnknownNodeError, match="unknown authority 'printz'"):
        m.claim("x", cites=["printz@913"])
    with pytest.raises(UnknownNodeError, match="did you mean 'C1'"):
        m.premise("x", supports="c1")


def test_undercut_resolution(m: ArgumentMap) -> None:
    assert m.resolve_relation("R1").id == "R1-|C1"
    with pytest.raises(RelationError, match="several outgoing"):
        m.resolve_relation("P1")  # supports C1 alone and in the linked inference
    assert m.conflict_kind("U1-|R1-|C1") == "undercut"
    assert m.conflict_kind("R2-|P1") == "undermine"
    assert m.conflict_kind("R1-|C1") == "rebut"


def test_queries(m: ArgumentMap) -> None:
    assert [s.id for s in m.supporters("C1")] == ["P1", "P2"]
    assert [s.id for s in m.attackers("C1")] == ["C2", "R1"]
    assert [s.id for s in m.attackers("R1-|C1")] == ["U1"]
    assert [c.id for c in m.answers("Q")] == ["C1", "C2"]
    assert set(m.ancestors("C1")) == {"C2", "P1", "P2", "R1", "U1", "R2"}
    assert m.descendants("R2") == ["P1", "C1", "C2", "Q"] or set(m.descendants("R2")) == {
        "P1",
        "C1",
        "C2",
        "Q",
    }
    assert [s.id for s in m.by_party("local")] == ["C2", "R1", "R2"]
    assert [s.id for s in m.by_doctrine("spending")] == ["C1"]
    assert [a.id for a in m.cited()] == ["dole"]
    assert m.party_of("linked") == "federal"
    with pytest.raises(UnknownNodeError):
        m.by_party("nobody")


def test_view_focus_depth(m: ArgumentMap) -> None:
    near = m.view(focus="R1", depth=1)
    assert set(near.statements) == {"R1", "C1", "U1"}
    assert set(near.relations) == {"R1-|C1", "U1-|R1-|C1"}
    everything = m.view(focus="R1")
    assert set(everything.statements) == set(m.statements)


def test_view_doctrines_keeps_issue(m: ArgumentMap) -> None:
    v = m.view(doctrines=["spending"])
    assert set(v.statements) == {"C1", "Q"}
    assert v.statement("C1").answers == "Q"  # type: ignore[attr-defined]


def test_view_parties(m: ArgumentMap) -> None:
    v = m.view(parties=["local"])
    assert set(v.statements) == {"Q", "C2", "R1", "R2"}
    assert all(r.target in v for r in v.relations.values())


@given(argument_maps())
def test_views_are_closed(m: ArgumentMap) -> None:
    for s in list(m)[:3]:
        v = m.view(focus=s, depth=1)
        for rel in v.relations.values():
            assert all(x in v for x in (*rel.sources, rel.target))
        for st in v:
            for c in st.cites:
                assert c.authority in v.authorities


@given(argument_maps())
def test_networkx_export_counts(m: ArgumentMap) -> None:
    g = m.to_networkx()
    assert g.number_of_nodes() == len(m.statements) + len(m.relations)
    answers = sum(1 for c in m.claims if c.answers) + sum(1 for i in m.issues if i.parent)
    links = sum(len(r.sources) + 1 for r in m.relations.values())
    assert g.number_of_edges() == links + answers


def test_check_codes() -> None:
    m = ArgumentMap(parties={"a": "A", "b": "B"})
    m.authority("old", "case", "X v. Y", "X v. Y, 1 U.S. 1 (1790)", verified=False)
    m.authority("unused", "statute", "1 U.S.C. § 1", "1 U.S.C. § 1")
    q = m.issue("?", id="Q")
    m.issue("nobody answers", id="Q2")
    c = m.claim("x", id="C", party="a", answers=q)
    m.premise("y", id="P", supports=c)
    m.premise("idle", id="I", cites=["old"])
    codes = {(p.code, p.node) for p in m.check()}
    assert codes == {
        ("one-sided-issue", "Q"),
        ("unanswered-issue", "Q2"),
        ("uncited-premise", "P"),
        ("idle-statement", "I"),
        ("unverified-authority", "old"),
        ("orphan-authority", "unused"),
    }
    assert not any(p.is_error for p in m.check())


def test_support_cycle_is_an_error() -> None:
    m = ArgumentMap()
    a = m.claim("a", id="A")
    b = m.claim("b", id="B", supports=a)
    m.infer([a], b)
    (cycle,) = [p for p in m.check() if p.code == "support-cycle"]
    assert cycle.is_error and cycle.node == "A" and "A -> B -> A" in cycle.message


def test_repr_and_protocol(m: ArgumentMap) -> None:
    assert "8 statements" in repr(m)
    assert "C1" in m and "linked" in m and "nope" not in m
    assert m["C1"].text == "Yes"
    assert len(m) == 8
