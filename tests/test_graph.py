"""ArgumentMap: builders, rule enforcement, queries, views, checks, networkx export."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, evaluate
from argmap._compiled import IntFramework
from argmap.checks import _Support
from argmap.evaluation import _compiled
from argmap.exceptions import (
    ArgmapError,
    DuplicateIdError,
    ModelError,
    RelationError,
    UnknownNodeError,
)
from argmap.model import Claim, Conflict, Inference, Issue, Premise, Rebuttal, Undercutter

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
    # the same relation again is a no-op (re-running a cell); a different one is refused
    assert m.infer(["P9"], "C1") is m.relations["P9->C1"]
    with pytest.raises(DuplicateIdError, match="P9->C1"):
        m.infer(["P9"], "C1", scheme="argument-from-precedent")


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
        for stmt in v:
            for c in stmt.cites:
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


# ---------------------------------------------------------------- a notebook API that forgives


def test_rerunning_a_cell_returns_the_same_statement(m: ArgumentMap) -> None:
    before = (dict(m.statements), dict(m.relations), dict(m.authorities))
    q = m.issue("May grants be conditioned?", id="Q", standard="preponderance")
    p = m.premise("Congress delegated", id="P1", supports="C1", party="federal", cites=["dole@211"])
    a = m.authority(
        "dole",
        "case",
        "South Dakota v. Dole",
        "South Dakota v. Dole, 483 U.S. 203 (1987)",
        year=1987,
    )
    m.attack("C1", "C2")
    assert q is m.statements["Q"] and p is m.statements["P1"] and a is m.authorities["dole"]
    assert (dict(m.statements), dict(m.relations), dict(m.authorities)) == before


def test_a_different_statement_under_a_taken_id_says_how_to_change_it(m: ArgumentMap) -> None:
    with pytest.raises(DuplicateIdError) as info:
        m.issue("May grants be withheld?", id="Q", standard="preponderance")
    msg = str(info.value)
    assert "'Q'" in msg and "m.update('Q'" in msg and "m.remove('Q')" in msg and "text" in msg
    with pytest.raises(DuplicateIdError, match="authority id 'dole'"):
        m.authority("dole", "case", "Dole", "483 U.S. 203 (1987)")
    # the same statement asked to support something new: say which relation is missing
    with pytest.raises(DuplicateIdError, match="P1->C2"):
        m.premise("Congress delegated", id="P1", supports="C2", party="federal", cites=["dole@211"])


def test_duplicate_id_is_reported_before_the_relation_rules(m: ArgumentMap) -> None:
    with pytest.raises(DuplicateIdError, match="'C1'"):
        m.premise("p", id="C1", supports="C1")
    with pytest.raises(DuplicateIdError, match="already has an issue"):
        m.premise("p", id="Q", supports="C1")


def test_failed_adds_do_not_consume_generated_ids() -> None:
    m = ArgumentMap(parties={"a": "A"})
    c = m.claim("x")
    assert m.premise("one", supports=c).id == "P1"
    with pytest.raises(UnknownNodeError):
        m.premise("two", supports="C9")
    with pytest.raises(ModelError):
        m.premise("three", supports=c, party="nobody")
    with pytest.raises(RelationError):
        m.premise("four", supports=m.issue("?"))
    assert m.premise("five", supports=c).id == "P2"


def test_remove_refuses_with_the_dependents_unless_cascade(m: ArgumentMap) -> None:
    before = (dict(m.statements), dict(m.relations))
    with pytest.raises(ModelError) as info:
        m.remove("P1")
    # P1's own support goes with it; what others built on it is listed
    for dep in ("linked", "R2-|P1"):
        assert dep in str(info.value)
    assert "P1->C1" not in str(info.value)
    assert "cascade=True" in str(info.value)
    assert (dict(m.statements), dict(m.relations)) == before
    m.remove("P1", cascade=True)
    assert "P1" not in m and "P1->C1" not in m and "linked" not in m and "R2-|P1" not in m
    assert "R2" in m and "P2" in m  # statements other than the one removed stay
    assert all("P1" not in (*r.sources, r.target) for r in m.relations.values())


def test_remove_a_leaf_takes_its_own_relations(m: ArgumentMap) -> None:
    m.remove("U1")
    assert "U1" not in m and "U1-|R1-|C1" not in m
    m.remove("R1")
    assert "R1-|C1" not in m
    assert [s.id for s in m.attackers("C1")] == ["C2"]


def test_remove_an_issue_with_cascade_detaches_its_answers() -> None:
    m = ArgumentMap()
    q = m.issue("?", id="Q")
    sub = m.issue("part?", id="Q.1", parent=q)
    c = m.claim("x", id="C", answers=q)
    with pytest.raises(ModelError, match=r"Q\.1.*C|C.*Q\.1"):
        m.remove(q)
    m.remove(q, cascade=True)
    assert m.statements["C"].answers is None and m.statements["Q.1"].parent is None  # type: ignore[union-attr]
    assert m.sub_issues(sub) == [] and c.id in m
    m.issue("?", id="Q")  # the id is free again
    assert m.answers("Q") == []


def test_remove_a_relation_and_what_attacks_it(m: ArgumentMap) -> None:
    with pytest.raises(ModelError, match="U1-"):
        m.remove("R1-|C1")
    m.remove("R1-|C1", cascade=True)
    assert "R1" in m and "U1" in m and not m.relations_from("R1") and not m.relations_from("U1")


def test_update_validates_and_keeps_order(m: ArgumentMap) -> None:
    order = list(m.statements)
    m.update("C1", text="Yes, within limits", doctrines=[])
    assert list(m.statements) == order and m.statements["C1"].text == "Yes, within limits"
    assert [c.id for c in m.answers("Q")] == ["C1", "C2"]  # position kept in the index too
    before = dict(m.statements)
    with pytest.raises(ModelError, match="unknown party"):
        m.update("C1", party="amicus")
    with pytest.raises(ModelError, match="did you mean 'text'"):
        m.update("C1", txt="x")
    with pytest.raises(ModelError, match="relation"):
        m.update("P1", supports="C2")
    with pytest.raises(ModelError, match="id"):
        m.update("P1", id="P7")
    assert dict(m.statements) == before
    assert m.update("linked", weight=0.9).weight == 0.9  # type: ignore[union-attr]


def test_update_of_the_kind_says_how_and_never_suggests_the_id(m: ArgumentMap) -> None:
    # update(kind=...) suggested "did you mean 'id'?", a field update() refuses.
    with pytest.raises(ModelError, match=r"kind.*m\.remove\('C1'\)") as info:
        m.update("C1", kind="premise")
    assert "did you mean 'id'" not in str(info.value)
    with pytest.raises(ModelError) as info:
        m.update("C1", ib="x")
    assert "did you mean 'id'" not in str(info.value)


def test_update_moves_a_claim_between_issues() -> None:
    m = ArgumentMap()
    q1, q2 = m.issue("one?"), m.issue("two?")
    a = m.claim("a", answers=q1)
    b = m.claim("b", answers=q2)
    m.update(a, answers=q2)
    assert m.answers(q1) == [] and [c.id for c in m.answers(q2)] == [a.id, b.id]


def test_names_say_what_they_do(m: ArgumentMap) -> None:
    assert not hasattr(m, "parties_") and not hasattr(m, "doctrines_")
    assert m.get_authority("dole").year == 1987
    with pytest.warns(DeprecationWarning, match="get_authority"):
        assert m.authority_("dole").year == 1987
    with pytest.raises(UnknownNodeError, match="did you mean 'dole'"):
        m.get_authority("dol")
    public = [n for n in dir(ArgumentMap) if not n.startswith("_")]
    assert [n for n in public if n.endswith("_") and n != "authority_"] == []


def test_statements_is_a_mapping_by_id_and_kind_queries_are_lists(m: ArgumentMap) -> None:
    assert list(m.statements) == [s.id for s in m] == [s.id for s in m.statements.values()]
    assert all(isinstance(i, Issue) for i in m.issues)
    assert "mapping" in (ArgumentMap.statements.__doc__ or "")


def test_unknown_doctrine_or_party_lists_the_declared_ones(m: ArgumentMap) -> None:
    import argmap as am

    with pytest.raises(UnknownNodeError) as info:
        am.to_dot(m, doctrines=["tenth"])
    assert "'tenth'" in str(info.value) and "spending" in str(info.value)
    with pytest.raises(UnknownNodeError) as info:
        m.view(parties=["amicus"])
    assert "'amicus'" in str(info.value) and "federal" in str(info.value)
    assert "local" in str(info.value)
    with pytest.raises(UnknownNodeError, match=r"'amicus'.*\['federal', 'local'\]"):
        am.to_dot(m, parties=["amicus"])
    with pytest.raises(UnknownNodeError, match="no doctrines are declared"):
        ArgumentMap().view(doctrines=["x"])


# ---------------------------------------------------------------- indices (issue 12)


def _scan_agrees(m: ArgumentMap) -> None:
    stmts = list(m.statements.values())
    for cls, got in (
        (Issue, m.issues),
        (Claim, m.claims),
        (Premise, m.premises),
        (Rebuttal, m.rebuttals),
        (Undercutter, m.undercutters),
    ):
        assert got == [s for s in stmts if isinstance(s, cls)]
    rels = list(m.relations.values())
    assert m.inferences == [r for r in rels if isinstance(r, Inference)]
    assert m.conflicts == [r for r in rels if isinstance(r, Conflict)]
    for s in stmts:
        assert m.sub_issues(s) == [i for i in m.issues if i.parent == s.id]
        assert m.answers(s) == [c for c in m.claims if c.answers == s.id]
    for node in [*m.statements, *m.relations]:
        assert m.relations_to(node) == [r for r in rels if r.target == node]
        assert m.relations_from(node) == [r for r in rels if node in r.sources]
    # the stamps the evaluation compiles from: in map order, and each relation's ends
    assert list(m._stamp) == list(m.statements)
    assert list(m._ends) == list(m.relations)
    for r in rels:
        assert m._ends[r.id] == (m._stamp.get(r.target, 0), *(m._stamp[s] for s in r.sources))
    _wired_as_named(m)
    support = _Support(m)
    for sid, stamp in m._stamp.items():
        infs = [r for r in rels if isinstance(r, Inference)]
        assert support.concluded[stamp] == any(r.conclusion == sid for r in infs)
        assert support.starting[stamp] == any(sid in r.sources for r in rels)
        supported = [m._stamp[r.conclusion] for r in infs for p in r.premises if p == sid]
        assert (support.succ[stamp] or []) == supported


def _wired_as_named(m: ArgumentMap) -> None:
    """The framework compiled from stamps is the one built from the ids."""
    comp = _compiled(m, "assumed", {})
    by_name = IntFramework.from_edges(comp.real, comp._edges((), ()))
    assert list(comp.af.names) == by_name.names
    assert [sorted(s) for s in comp.af.succ] == [sorted(s) for s in by_name.succ]
    assert all(comp.at(s) == i for i, s in enumerate(m.statements))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(max_statements=10), st.data())
def test_indices_agree_with_a_full_scan(m: ArgumentMap, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 8))):
        nodes = [*m.statements, *m.relations]
        issues = [i.id for i in m.issues]
        op = data.draw(st.sampled_from(["remove", "update", "claim", "issue", "reparent", "weigh"]))
        before = (dict(m.statements), dict(m.relations))
        try:
            if op == "remove" and nodes:
                m.remove(data.draw(st.sampled_from(nodes)), cascade=data.draw(st.booleans()))
            elif op == "update" and m.claims:
                c = data.draw(st.sampled_from(m.claims))
                m.update(c, text="changed", answers=data.draw(st.sampled_from([None, *issues])))
            elif op == "claim":
                m.claim("new", answers=data.draw(st.sampled_from([None, *issues])))
            elif op == "issue":
                m.issue("new?", parent=data.draw(st.sampled_from([None, *issues])))
            elif op == "reparent" and issues:
                i = data.draw(st.sampled_from(issues))
                m.update(i, parent=data.draw(st.sampled_from([None, *issues])))
            elif op == "weigh" and m.relations:
                r = data.draw(st.sampled_from(sorted(m.relations)))
                m.update(r, weight=data.draw(st.sampled_from([None, 0.25, 1.0])))
        except ArgmapError:  # refused (dependents, a circle of sub-issues): nothing changed
            assert (dict(m.statements), dict(m.relations)) == before
        _scan_agrees(m)


def test_a_relation_from_a_statement_not_in_the_map_is_refused() -> None:
    m = ArgumentMap()
    m.claim("x", id="C")
    for rel in (Inference(premises=("P",), conclusion="C"), Conflict(attacker="R", target="C")):
        with pytest.raises(ModelError, match=r"'[PR]' is not a statement"):
            m._add_relation(rel)
    with pytest.raises(ModelError, match="'D' is not a statement"):
        m._add_relation(Inference(premises=("C",), conclusion="D"))
    assert not m.relations and not m._ends


def test_an_undercut_is_wired_to_its_relation_by_id() -> None:
    """Only statements have stamps: an undercut's target is found by its id, also when
    the file (or a view of it) puts the undercut before the relation it targets."""
    m = ArgumentMap()
    c = m.claim("The condition binds", id="C")
    p = m.premise("Congress spoke clearly", id="P", supports=c)
    m.undercutter("Clarity is not enough here", id="U", undercuts=p)
    (rid,) = [r.id for r in m.inferences]
    assert m._ends["U-|" + rid][0] == 0
    m._relations = {k: m._relations[k] for k in reversed(m._relations)}  # as sort_relations
    m._ends = {k: m._ends[k] for k in m._relations}
    for each in (m, m.view(focus=["C", "P", "U"], depth=0)):
        _wired_as_named(each)
        assert evaluate(each).status(rid) == "rejected"
        assert evaluate(each).status("C") == "rejected"


def test_a_relation_given_for_a_statement_is_not_suggested_as_itself() -> None:
    # "'C1.1->C1' is a relation, not a statement (did you mean 'C1.1->C1'?)"
    m = ArgumentMap()
    c = m.claim("x", id="C1")
    m.premise("y", id="C1.1", supports=c)
    with pytest.raises(UnknownNodeError) as info:
        m.statement("C1.1->C1")
    assert "did you mean" not in str(info.value) and "C1.1" in str(info.value)
