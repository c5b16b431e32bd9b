"""Structured evaluation: the mapping to Dung, proof standards, audience, explanations, diff."""

from __future__ import annotations

import json
import random
from pathlib import Path

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
    assert "undercut by “the objection misses”" in ev.explain("C")


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
    assert "where “Yes” prevails" in weighted.explain("C2")


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
        assert ev.explain(sid)
    # a position standing while its rival falls carries its issue under preponderance
    assert ev.outcome("A0").winners == ("A3",)
    assert "is decided through its sub-issues" in ev.outcome("T0").explanation
    assert "T0" not in ev.outcome("T0").explanation  # prose shows labels, not ids
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
    assert "runs in a circle (“a” <- “b” <- “a”)" in ev.explain("A")
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


# ---------------------------------------------------------------------------- explanations


def _preemption() -> am.ArgumentMap:
    m = am.ArgumentMap()
    q = m.issue("May the State forbid it?", id="Q", standard="preponderance")
    m.claim("Yes: the State may forbid it", id="C1", answers=q, title="State power")
    c2 = m.claim("No: federal law preempts it", id="C2", answers=q, title="Preemption")
    m.premise("The statute occupies the field", id="C2.1", supports=c2)
    m.rebuttal("The statute is silent on the point", id="C2.R1", attacks=c2, title="Silence")
    return m


def test_explain_names_the_decisive_attacker_not_just_the_standard() -> None:
    ev = am.evaluate(_preemption())
    assert ev.status("C2") == "rejected"
    text = ev.explain("C2")
    assert "preponderance" in text and "“Silence” attacks it and stands unanswered" in text
    e = ev.explanation("C2")
    assert (e.status, e.standard, e.attackers) == ("rejected", "preponderance", ("C2.R1",))


def test_explain_prose_shows_labels_never_ids() -> None:
    m = am.ArgumentMap()
    q = m.issue("Is the condition lawful?", id="QX7", standard="preponderance")
    c = m.claim("The condition is lawful", id="CX1", answers=q, title="Lawful")
    p = m.premise("Congress delegated it", id="PX2", supports=c)
    r = m.rebuttal("Only Congress spends", id="RX3", attacks=c)
    m.undercutter("The delegation covers this", id="UX4", undercuts=r)
    m.rebuttal("The statute is old", id="RX5", attacks=p)
    ev = am.evaluate(m)
    ids = [*m.statements, *m.relations]
    for ident in ids:
        text = ev.explain(ident, depth=4)
        assert not [i for i in ("QX7", "CX1", "PX2", "RX3", "UX4", "RX5") if i in text], text
    assert "“Lawful”" in ev.explain("CX1")


def test_explain_depth_follows_the_chain() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    r = m.rebuttal("no", id="R", attacks=c)
    m.undercutter("the objection misses", id="U", undercuts=r)
    ev = am.evaluate(m)
    one = ev.explanation("C")
    assert one.children == () and "\n" not in ev.explain("C")
    deep = ev.explanation("C", depth=3)
    assert [e.id for e in deep.children] == ["P", "R-|C"]
    assert [e.id for e in deep.children[1].children] == ["U"]
    assert ev.explain("C", depth=3).splitlines()[-1] == (
        "    - “the objection misses” is accepted: nothing attacks it."
    )
    assert repr(deep).startswith("Explanation(id='C', status='accepted'")
    assert deep.to_markdown().splitlines()[2].startswith("  - The rebut by “no” of “x” fails")
    with pytest.raises(am.ArgmapError):
        ev.explain("C", depth=0)
    with pytest.raises(TypeError):
        ev.explain("C", depth="2")  # type: ignore[arg-type]


def test_explain_chain_stops_at_circles() -> None:
    m = am.ArgumentMap()
    a = m.claim("a", id="A")
    b = m.claim("b", id="B", attacks=a)
    m.attack(a, b)
    e = am.evaluate(m).explanation("A", depth=10)
    assert [x.id for _, x in e.walk()] == ["A", "B"]


@given(argument_maps())
def test_every_node_has_an_explanation_whose_causes_are_its_children(m: am.ArgumentMap) -> None:
    ev = am.evaluate(m)
    for ident in [*m.statements, *m.relations]:
        e = ev.explanation(ident, depth=2)
        assert e.status == ev.status(ident) and e.text
        assert [c.id for c in e.children] == [c for c in e.causes if c != ident]


def test_explain_does_not_import_evaluation() -> None:
    """evaluation -> _explain, one way (DESIGN §3): no import circle, even for type checking."""
    import ast
    from pathlib import Path

    import argmap._explain

    tree = ast.parse(Path(argmap._explain.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    assert not [name for name in imported if "evaluation" in name]


def test_cli_eval_explain_includes_relation_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\nstatements:\n"
        "  Q: {issue: May grants be withheld?, standard: preponderance}\n"
        "  C1: {claim: Agencies may condition grants, answers: Q}\n"
        "  C1.1: {premise: Congress delegated the power, supports: C1}\n"
        "  C1.R1: {rebuttal: Only Congress spends, attacks: C1}\n"
        "  C1.R1.U1: {undercutter: Congress delegated this condition, undercuts: C1.R1}\n",
        encoding="utf-8",
    )
    assert main(["eval", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    rows = [line.split(None, 1) for line in out.splitlines() if line.startswith("  C1")]
    why = dict(r for r in rows if len(r) == 2)
    assert (
        "C1.R1-|C1" in why and "undercut by “Congress delegated this condition”" in why["C1.R1-|C1"]
    )
    assert "C1.1->C1" in why


# ---------------------------------------------------------------------------- misuse


def test_a_single_id_is_one_id_not_its_characters() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="R1", supports=c)
    m.premise("z", id="R", supports=c)
    ev = am.evaluate(m, reject="R1")
    assert ev.rejected == ("R1",) and ev.status("R") == "accepted"
    assert am.evaluate(m, assume="R1").assumed == ("R1",)
    assert am.evaluate(m, reject=m.statement("R1")).rejected == ("R1",)


def _misuse_map() -> am.ArgumentMap:
    m = am.ArgumentMap("T", parties={"f": "F", "l": "L"})
    q = m.issue("Q?", id="Q", standard="preponderance")
    c = m.claim("x", id="C1", party="f", answers=q)
    m.premise("y", id="P1", supports=c)
    m.rebuttal("no", id="R1", attacks=c, party="l")
    return m


_M = _misuse_map()
_EV = am.evaluate(_M)
_AF = to_framework(_M)

# (what, the parameter the message must name, the call)
MISUSES: list[tuple[str, str, object]] = [
    ("evaluate(None)", "m", lambda d: am.evaluate(None)),  # type: ignore[arg-type]
    ("evaluate(5)", "m", lambda d: am.evaluate(5)),  # type: ignore[arg-type]
    ("evaluate(an Evaluation)", "ev.map", lambda d: am.evaluate(_EV)),  # type: ignore[arg-type]
    ("semantics=None", "semantics", lambda d: am.evaluate(_M, semantics=None)),  # type: ignore[arg-type]
    ("semantics=[]", "semantics", lambda d: am.evaluate(_M, semantics=[])),  # type: ignore[arg-type]
    ("standards=5", "standards", lambda d: am.evaluate(_M, standards=5)),  # type: ignore[arg-type]
    ("standards=[…]", "standards", lambda d: am.evaluate(_M, standards=["preponderance"])),  # type: ignore[arg-type]
    ("standards={5: …}", "standards", lambda d: am.evaluate(_M, standards={5: "preponderance"})),  # type: ignore[dict-item]
    ("standards={Q: 5}", "standards", lambda d: am.evaluate(_M, standards={"Q": 5})),  # type: ignore[dict-item]
    ("assume=5", "assume", lambda d: am.evaluate(_M, assume=5)),  # type: ignore[arg-type]
    ("reject=[{}]", "reject", lambda d: am.evaluate(_M, reject=[{}])),  # type: ignore[list-item]
    ("weights=5", "weights", lambda d: am.evaluate(_M, weights=5)),  # type: ignore[arg-type]
    ("weights=[1]", "weights", lambda d: am.evaluate(_M, weights=[1])),  # type: ignore[arg-type]
    ("weights={None: 1}", "weights", lambda d: am.evaluate(_M, weights={None: 1})),  # type: ignore[dict-item]
    ("solver=None", "solver", lambda d: am.evaluate(_M, semantics="preferred", solver=None)),  # type: ignore[arg-type]
    ("diff(ev, None)", "after", lambda d: am.diff(_EV, None)),  # type: ignore[arg-type]
    ("diff(None, ev)", "before", lambda d: am.diff(None, _EV)),  # type: ignore[arg-type]
    ("diff(ev, map)", "after", lambda d: am.diff(_EV, _M)),  # type: ignore[arg-type]
    ("to_framework(None)", "m", lambda d: to_framework(None)),  # type: ignore[arg-type]
    ("explain(depth='2')", "depth", lambda d: _EV.explain("C1", depth="2")),  # type: ignore[arg-type]
    ("to_dot(parties=[None])", "parties", lambda d: am.to_dot(_M, parties=[None])),  # type: ignore[list-item]
    ("to_dot(parties=5)", "parties", lambda d: am.to_dot(_M, parties=5)),  # type: ignore[arg-type]
    ("to_dot(doctrines=[None])", "doctrines", lambda d: am.to_dot(_M, doctrines=[None])),  # type: ignore[list-item]
    ("to_dot(evaluation=5)", "evaluation", lambda d: am.to_dot(_M, 5)),  # type: ignore[arg-type]
    ("to_dot(evaluation=map)", "evaluation", lambda d: am.to_dot(_M, _M)),  # type: ignore[arg-type]
    ("render(m, None)", "path", lambda d: am.render(_M, None)),  # type: ignore[arg-type]
    ("render_brief(None)", "m", lambda d: am.render_brief(None)),  # type: ignore[arg-type]
    ("render_brief(side=5)", "side", lambda d: am.render_brief(_M, side=5)),  # type: ignore[arg-type]
    ("render_brief(side=[])", "side", lambda d: am.render_brief(_M, side=[])),  # type: ignore[arg-type]
    ("render_brief(templates=5)", "templates", lambda d: am.render_brief(_M, templates=5)),  # type: ignore[arg-type]
    ("render_brief(evaluation=5)", "evaluation", lambda d: am.render_brief(_M, 5)),  # type: ignore[arg-type]
    ("render_brief(evaluation=map)", "evaluation", lambda d: am.render_brief(_M, _M)),  # type: ignore[arg-type]
    ("brief_context(None)", "m", lambda d: am.brief_context(None)),  # type: ignore[arg-type]
    ("loads([])", "text", lambda d: am.loads([])),  # type: ignore[arg-type]
    ("loads(None)", "text", lambda d: am.loads(None)),  # type: ignore[arg-type]
    ("loads(max_bytes='x')", "max_bytes", lambda d: am.loads("argmap: 1", max_bytes="x")),  # type: ignore[arg-type]
    ("load(None)", "path", lambda d: am.load(None)),  # type: ignore[arg-type]
    ("load(5)", "path", lambda d: am.load(5)),  # type: ignore[arg-type]
    ("dump(m, <a folder>)", "path", lambda d: am.dump(_M, d)),
    ("dump(None, file)", "m", lambda d: am.dump(None, d / "x.yaml")),  # type: ignore[arg-type]
    ("dump(m, None)", "path", lambda d: am.dump(_M, None)),  # type: ignore[arg-type]
    ("dumps(None)", "m", lambda d: am.dumps(None)),  # type: ignore[arg-type]
    ("dumps(format=None)", "format", lambda d: am.dumps(_M, format=None)),  # type: ignore[arg-type]
    ("to_dict(None)", "m", lambda d: am.to_dict(None)),  # type: ignore[arg-type]
    ("load_framework(None)", "path", lambda d: am.load_framework(None)),
    ("casebook.load(None)", "name", lambda d: am.casebook.load(None)),  # type: ignore[arg-type]
    ("escape_label(None)", "text", lambda d: am.escape_label(None)),  # type: ignore[arg-type]
    ("ArgumentMap(parties=5)", "parties", lambda d: am.ArgumentMap(parties=5)),  # type: ignore[arg-type]
    ("premise(supports=5)", "5", lambda d: _misuse_map().premise("z", supports=5)),  # type: ignore[arg-type]
    ("infer(5, 'C1')", "5", lambda d: _misuse_map().infer(5, "C1")),  # type: ignore[arg-type]
    ("view(focus=5)", "5", lambda d: _misuse_map().view(focus=5)),  # type: ignore[arg-type]
    (
        "semantics.is_stable(af, 5)",
        "extension",
        lambda d: am.semantics.is_stable(_AF, 5),  # type: ignore[arg-type]
    ),
]


@pytest.mark.parametrize(("what", "param", "call"), MISUSES, ids=[m[0] for m in MISUSES])
def test_misuse_raises_an_argmap_error_naming_the_parameter(
    what: str, param: str, call: object, tmp_path: Path
) -> None:
    assert callable(call)
    with pytest.raises(am.ArgmapError) as info:
        call(tmp_path)
    assert param in str(info.value), what
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_cli_eval_json_explain_gives_structured_explanations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    path = tmp_path / "m.yaml"
    am.dump(_preemption(), path)
    assert main(["eval", str(path), "--json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    c2 = data["explanations"]["C2"]
    assert (c2["status"], c2["attackers"], c2["standard"]) == (
        "rejected",
        ["C2.R1"],
        "preponderance",
    )
    assert "C2.R1-|C2" in data["explanations"]


def test_rival_answers_both_meeting_a_weak_standard_read_as_undecided_between_them() -> None:
    m = am.ArgumentMap()
    q = m.issue("Is it so?", id="Q", standard="scintilla")
    yes = m.claim("Yes", id="Y", answers=q, title="yes")
    no = m.claim("No", id="N", answers=q, title="no")
    m.premise("a reason", supports=yes)
    m.premise("another reason", supports=no)
    m.attack(yes, no)
    m.attack(no, yes)
    text = am.evaluate(m).outcome("Q").explanation
    assert "meets the" not in text  # two subjects take a plural verb
    assert "each meet the scintilla standard" in text and "does not decide" in text


def test_a_weight_given_to_a_statement_names_its_relations() -> None:
    m = am.ArgumentMap()
    c = m.claim("x", id="C1")
    m.premise("y", id="C1.1", supports=c)
    m.premise("z", id="C1.4", supports=c)
    with pytest.raises(
        am.ArgmapError, match=r"C1\.1 is a statement: weigh its relation 'C1\.1->C1'"
    ):
        am.evaluate(m, weights={"C1.1": 0.5})
