"""Structured evaluation: the mapping to Dung, proof standards, audience, explanations, diff."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap as am
from argmap.evaluation import THRESHOLDS, to_framework
from argmap.exceptions import EvaluationError, UnknownNodeError

from .strategies import argument_maps


def spending() -> am.ArgumentMap:
    m = am.ArgumentMap("Spending", parties={"federal": "US", "local": "Cities"})
    q = m.issue("May grants be conditioned?", id="Q", standard="preponderance")
    c1 = m.claim("Yes", id="C1", party="federal", answers=q)
    c2 = m.claim("No", id="C2", party="local", answers=q, attacks=c1)
    m.attack(c1, c2)
    m.premise("Congress delegated", id="P1", supports=c1, party="federal")
    m.premise("Only Congress spends", id="P2", supports=c2, party="local")
    return m


def test_unattacked_supported_claim_is_accepted() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    ev = am.evaluate(m)
    assert ev.status("C") == ev.status("P") == ev.status("P->C") == "accepted"


def test_rebuttal_defeats_and_undercut_reinstates() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    r = m.rebuttal("no", id="R", attacks=c)
    assert am.evaluate(m).status("C") == "rejected"
    m.undercutter("the objection misses", id="U", undercuts=r)
    ev = am.evaluate(m)
    assert [ev.status(x) for x in ("C", "R", "R-|C", "U")] == [
        "accepted",
        "accepted",
        "rejected",
        "accepted",
    ]
    assert "undercut by U" in ev.explain("C")


def test_counter_rebuttal_reinstates() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    r = m.rebuttal("no", id="R", attacks=c)
    m.rebuttal("R is wrong", id="RR", attacks=r)
    ev = am.evaluate(m)
    assert (ev.status("C"), ev.status("R")) == ("accepted", "rejected")


def test_linked_inference_needs_every_premise() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    a, b = m.premise("a", id="A"), m.premise("b", id="B")
    m.infer([a, b], c)
    assert am.evaluate(m, reject=["A"]).status("C") == "rejected"
    m2 = am.ArgumentMap()
    c2 = m2.claim("x", id="C")
    a2, b2 = m2.premise("a", id="A"), m2.premise("b", id="B")
    m2.infer([a2, b2], c2, scheme="convergent", id="I")
    assert am.evaluate(m2, reject=["A"]).status("C") == "accepted"
    assert am.evaluate(m2, reject=["A", "B"]).status("C") == "rejected"


def test_proof_standard_decides_mutual_attack() -> None:
    m = spending()
    plain = am.evaluate(m, standards={"Q": "preponderance"})
    assert plain.outcome("Q").status == "undecided"  # equal weights: no preponderance
    assert plain.status("C1") == plain.status("C2") == "undecided"
    weighted = am.evaluate(m, weights={"P1->C1": 0.9, "P2->C2": 0.6})
    assert weighted.outcome("Q").winners == ("C1",)
    assert (weighted.status("C1"), weighted.status("C2")) == ("accepted", "rejected")
    assert "meets the preponderance standard" in weighted.explain("C1")
    assert "where C1 prevails" in weighted.explain("C2")


@pytest.mark.parametrize(
    ("standard", "pro", "con", "meets"),
    [
        ("scintilla", 0.1, 0.9, True),
        ("preponderance", 0.6, 0.5, True),
        ("preponderance", 0.5, 0.5, False),
        ("clear-and-convincing", 0.9, 0.5, True),
        ("clear-and-convincing", 0.7, 0.5, False),
        ("beyond-reasonable-doubt", 0.9, 0.1, True),
        ("beyond-reasonable-doubt", 0.9, 0.3, False),
        ("dialectical-validity", 0.2, 0.1, False),
    ],
)
def test_standards_thresholds(standard: str, pro: float, con: float, meets: bool) -> None:
    m = spending()
    ev = am.evaluate(m, standards=standard, weights={"P1->C1": pro, "P2->C2": con})
    assert ("C1" in ev.outcome("Q").winners) is meets
    assert THRESHOLDS["alpha"] == 0.5


def test_dialectical_validity_needs_no_con() -> None:
    m = am.ArgumentMap()
    q = m.issue("?", id="Q", standard="dialectical-validity")
    c = m.claim("x", id="C", answers=q)
    m.premise("y", supports=c)
    assert am.evaluate(m).outcome("Q").winners == ("C",)


def test_weaker_rebuttal_does_not_defeat() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    m.rebuttal("no", id="R", attacks=c)
    ev = am.evaluate(m, weights={"R-|C": 0.4})
    assert ev.status("C") == "accepted" and ev.status("R-|C") == "rejected"
    assert "weaker" in ev.explain("R-|C")


def test_audience_assume_and_reject() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.rebuttal("no", id="R", attacks=c)
    assert am.evaluate(m, assume=["C"]).status("C") == "accepted"
    assert am.evaluate(m, reject=["R"]).status("C") == "accepted"
    with pytest.raises(EvaluationError, match="both assume and reject"):
        am.evaluate(m, assume=["C"], reject=["C"])
    with pytest.raises(UnknownNodeError, match="did you mean 'C'"):
        am.evaluate(m, reject=["c"])


def test_bad_options_are_named() -> None:
    m = spending()
    with pytest.raises(EvaluationError, match="did you mean 'preferred'"):
        am.evaluate(m, semantics="prefered")
    with pytest.raises(EvaluationError, match="unknown proof standard"):
        am.evaluate(m, standards={"Q": "probable-cause"})
    with pytest.raises(EvaluationError, match="not an issue"):
        am.evaluate(m, standards={"C1": "preponderance"})
    with pytest.raises(UnknownNodeError):
        am.evaluate(m, weights={"nope": 0.5})
    with pytest.raises(EvaluationError):
        am.evaluate(m, weights={"P1->C1": 2})


def test_questioned_leaves() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    ev = am.evaluate(m, leaves="questioned")
    assert ev.status("C") == "rejected"
    assert "does not assume it" in ev.explain("P")
    assert am.evaluate(m, leaves="questioned", assume=["P"]).status("C") == "accepted"


def test_preferred_gives_sceptical_statuses() -> None:
    m = am.ArgumentMap()
    a = m.claim("a", id="A")
    b = m.claim("b", id="B", attacks=a)
    m.attack(a, b)
    for semantics in ("grounded", "preferred", "stable", "complete", "semi-stable", "ideal"):
        ev = am.evaluate(m, semantics=semantics)
        assert ev.status("A") == ev.status("B") == "undecided", semantics
    assert am.evaluate(m, semantics="preferred").extensions == 2


def test_diff_lists_flips_with_reasons() -> None:
    m = spending()
    base = am.evaluate(m, weights={"P1->C1": 0.9, "P2->C2": 0.6})
    what_if = am.evaluate(m, weights={"P1->C1": 0.9, "P2->C2": 0.6}, reject=["P1"])
    d = am.diff(base, what_if)
    assert d.changed() == ["C1", "C2", "P1", "P1->C1", "Q", "C2-|C1"] or set(d.changed()) >= {
        "C1",
        "C2",
        "P1",
    }
    by_id = {c.id: c for c in d.changes}
    assert (by_id["C2"].before, by_id["C2"].after) == ("rejected", "accepted")
    assert "C2" in str(d) and "|" in d._repr_markdown_()
    assert not am.diff(base, base)


def test_to_dict_is_json_and_deterministic() -> None:
    ev = am.evaluate(spending())
    text = json.dumps(ev.to_dict(), sort_keys=True)
    assert text == json.dumps(am.evaluate(spending()).to_dict(), sort_keys=True)


def test_casebook_evaluates_with_explanations() -> None:
    m = am.casebook.load("sanctuary")
    ev = am.evaluate(m)
    for sid in m.statements:
        assert ev.status(sid) in ("accepted", "rejected", "undecided")
        assert ev.explain(sid).startswith(sid) or ev.explain(sid)
    # a position standing while its rival falls carries its issue under preponderance
    assert ev.outcome("A0").winners == ("A3",)
    assert ev.outcome("T0").explanation.startswith("T0 is decided through its sub-issues")
    # what-if: a court accepting the federal rebuttal's premise flips the issue
    d = am.diff(ev, am.evaluate(m, assume=["B2"]))
    assert "B2" in d.changed()


# ---------------------------------------------------------------------------- laws


def _well_founded(m: am.ArgumentMap) -> set[str]:
    """Statements whose support reaches leaves (taken as given) without going in circles."""
    from argmap.evaluation import CONVERGENT_SCHEMES

    supported = {s.id for s in m if not m.inferences_for(s)}
    changed = True
    while changed:
        changed = False
        for inf in m.inferences:
            if inf.conclusion in supported:
                continue
            needs = any if inf.scheme in CONVERGENT_SCHEMES and inf.premises else all
            if needs(p in supported for p in inf.premises):
                supported.add(inf.conclusion)
                changed = True
    return supported


@given(argument_maps())
def test_no_attacks_means_everything_supported_is_accepted(m: am.ArgumentMap) -> None:
    """With no conflicts, a statement is accepted exactly when its support is well-founded.

    Leaves are taken as given; a statement supported only through a circle of
    supports (A for B, B for A) is not grounded in anything and stays undecided.
    """
    if m.conflicts:
        return
    ev = am.evaluate(m)
    founded = _well_founded(m)
    for s in m:
        if s.kind == "issue":
            continue
        assert (ev.status(s) == "accepted") == (s.id in founded), ev.explain(s)


def test_circular_support_is_not_accepted() -> None:
    m = am.ArgumentMap()
    a = m.claim("a", id="A")
    b = m.claim("b", id="B", supports=a)
    m.infer([a], b)
    ev = am.evaluate(m)
    assert ev.status("A") == ev.status("B") == "undecided"
    assert "runs in a circle (A <- B <- A)" in ev.explain("A")
    assert any(p.code == "support-cycle" for p in m.check())


@given(argument_maps(), st.randoms())
def test_evaluation_independent_of_insertion_order(m: am.ArgumentMap, rnd: random.Random) -> None:
    af = to_framework(m)
    nodes = list(af.nodes)
    edges = list(af.edges)
    rnd.shuffle(nodes)
    rnd.shuffle(edges)
    import networkx as nx

    from argmap import semantics as sem

    shuffled = nx.DiGraph()
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    assert sem.grounded(af) == sem.grounded(shuffled)


@given(argument_maps())
def test_grounded_accepted_is_accepted_in_every_preferred(m: am.ArgumentMap) -> None:
    g = am.evaluate(m)
    p = am.evaluate(m, semantics="preferred")
    for ident, status in g.labels.items():
        if status != "undecided" and m.node(ident).kind != "issue":
            assert p.labels[ident] == status


@given(argument_maps())
def test_every_node_is_explained(m: am.ArgumentMap) -> None:
    ev = am.evaluate(m)
    for ident in (*m.statements, *m.relations):
        assert ev.explain(ident)


@given(argument_maps())
def test_rejecting_a_leaf_never_accepts_what_it_supports_alone(m: am.ArgumentMap) -> None:
    """Monotony check on a simple case: rejecting a premise can only remove its support."""
    for p in m.premises:
        if m.relations_from(p) or m.inferences_for(p):
            continue
        base = am.evaluate(m)
        after = am.evaluate(m, reject=[p])
        assert after.status(p) == "rejected"
        assert base.labels.keys() == after.labels.keys()
