"""Incremental what-if: the compiled framework and partial relabelling agree with a full recompute.

The reference here is the framework construction as it was before compilation (a
networkx graph rebuilt from the map for every audience), labelled from scratch.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps
from strategies_af import frameworks, side_by_side

from argmap import ArgumentMap, evaluate
from argmap import semantics as sem
from argmap._compiled import IntFramework, grounded_codes, relabel
from argmap.evaluation import (
    _CODE_STATUS,
    CONVERGENT_SCHEMES,
    _compiled,
    _fixpoint,
    _label,
    _outcomes,
    _sceptical,
    _weight_of,
    to_framework,
)
from argmap.model import Inference

_CODE = {0: "undec", 1: "in", 2: "out"}


def reference_framework(
    m: ArgumentMap, assumed: set[str], rejected: set[str], leaves: str
) -> nx.DiGraph[str]:
    """The framework of the module docstring, built edge by edge from the map."""
    af: nx.DiGraph[str] = nx.DiGraph()
    needs_not = {s for rel in m.relations.values() for s in rel.sources}
    af.add_nodes_from([*m.statements, *m.relations])
    for sid in m.statements:
        if sid in needs_not:
            af.add_edge(sid, f"~not:{sid}")
        if sid in rejected:
            af.add_edge(f"~rejected:{sid}", sid)
            continue
        if sid in assumed:
            continue
        infs = m.inferences_for(sid)
        for inf in infs:
            af.add_edge(inf.id, f"~unsupported:{sid}")
        if infs or leaves == "questioned":
            af.add_edge(f"~unsupported:{sid}", sid)
    for rel in m.relations.values():
        if isinstance(rel, Inference):
            if rel.scheme in CONVERGENT_SCHEMES and rel.premises:
                for p in rel.premises:
                    af.add_edge(p, f"~nopremise:{rel.id}")
                af.add_edge(f"~nopremise:{rel.id}", rel.id)
            else:
                for p in rel.premises:
                    af.add_edge(f"~not:{p}", rel.id)
        else:
            af.add_edge(f"~not:{rel.attacker}", rel.id)
            strength = max((_weight_of(i, {}) for i in m.inferences_for(rel.target)), default=1.0)
            if rel.target not in m.relations and _weight_of(rel, {}) < strength:
                af.add_edge(f"~weaker:{rel.id}", rel.id)
            elif rel.target not in assumed:
                af.add_edge(rel.id, rel.target)
    return af


def full_labels(af: nx.DiGraph[str], ids: list[str], semantics: str) -> dict[str, str]:
    """Sceptical labels of ``ids``, computed from scratch on ``af``."""
    if semantics == "grounded":
        lab = sem.grounded_labelling(af)
        return {a: str(lab[a]) for a in ids}
    labs = sem.labellings(af, semantics)  # type: ignore[arg-type]
    if not labs:
        return dict.fromkeys(ids, "undec")
    out = {}
    for a in ids:
        values = {str(x[a]) for x in labs}
        out[a] = values.pop() if len(values) == 1 else "undec"
    return out


@st.composite
def maps_with_audience(draw: Any) -> tuple[ArgumentMap, set[str], set[str]]:
    m = draw(argument_maps(max_statements=10))
    ids = list(m.statements)
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=4)) if ids else []
    cut = draw(st.integers(0, len(chosen)))
    return m, set(chosen[:cut]), set(chosen[cut:])


@given(
    maps_with_audience(),
    st.sampled_from(sorted(sem.SEMANTICS)),
    st.sampled_from(["assumed", "questioned"]),
)
def test_incremental_whatif_equals_full_recompute(
    case: tuple[ArgumentMap, set[str], set[str]], semantics: str, leaves: Any
) -> None:
    m, assumed, rejected = case
    evaluate(m, leaves=leaves)  # compiles the map and labels it once, as a session would
    reference = reference_framework(m, assumed, rejected, leaves)
    af = to_framework(m, assume=sorted(assumed), reject=sorted(rejected), leaves=leaves)
    assert set(af.nodes) == set(reference.nodes)
    assert set(af.edges) == set(reference.edges)
    comp = _compiled(m, leaves, {})
    ids = [*m.statements, *m.relations]
    got, _ = _label(comp, (tuple(sorted(assumed)), tuple(sorted(rejected))), semantics, "auto")
    assert got == full_labels(reference, ids, semantics)


def _int_framework(af: nx.DiGraph[str]) -> IntFramework:
    return IntFramework.from_edges(list(af.nodes), list(af.edges))


@given(frameworks(max_size=12), st.data())
def test_partial_grounded_relabelling_equals_full(af: nx.DiGraph[str], data: Any) -> None:
    compiled = _int_framework(af)
    n = len(compiled)
    chosen = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=4)) if n else []
    cut = data.draw(st.integers(0, len(chosen)))
    assumed, rejected = chosen[:cut], chosen[cut:]
    base = grounded_codes(compiled)
    assert base == [
        {"in": 1, "out": 2, "undec": 0}[str(sem.grounded_labelling(af)[a])] for a in af.nodes
    ]
    partial = grounded_codes(compiled, base=base, assumed=assumed, rejected=rejected)
    assert partial == grounded_codes(compiled, assumed=assumed, rejected=rejected)


def test_cached_framework_follows_changes_to_the_map() -> None:
    m = ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    assert evaluate(m, reject="P").status("C") == "rejected"
    assert evaluate(m).status("C") == "accepted"
    m.rebuttal("no", id="R", attacks=c)  # the map changes: the cached framework must not be used
    assert evaluate(m).status("C") == "rejected"
    assert ("R-|C", "C") in to_framework(m).edges


def test_cached_framework_follows_removals_updates_and_weights() -> None:
    # every way the notebook API changes a map invalidates the cache (remove, update)
    m = ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    m.rebuttal("no", id="R", attacks=c)
    assert evaluate(m).status("C") == "rejected"
    m.remove("R")
    assert evaluate(m).status("C") == "accepted"
    m.undercutter("not so", id="U", undercuts="P->C")
    assert evaluate(m).status("C") == "rejected"
    m.remove("U-|P->C")
    assert evaluate(m).status("C") == "accepted"


def test_whatif_keeps_the_framework_it_labelled() -> None:
    m = ArgumentMap()
    c = m.claim("x", id="C")
    m.premise("y", id="P", supports=c)
    ev = evaluate(m, assume="C")
    assert ("~unsupported:C", "C") not in ev.framework.edges
    assert ("~unsupported:C", "C") in evaluate(m).framework.edges


def test_grounded_evaluation_does_not_import_networkx() -> None:
    code = (
        "import sys, argmap\n"
        "m = argmap.ArgumentMap(); c = m.claim('x'); m.premise('y', supports=c)\n"
        "ev = argmap.evaluate(m, reject=['P1'])\n"
        "assert ev.status('C1') == 'rejected'\n"
        "print('networkx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(argument_maps(max_statements=14), st.sampled_from(["preponderance", "scintilla"]))
def test_each_position_is_weighed_against_its_strongest_rival(m: ArgumentMap, std: str) -> None:
    ev = evaluate(m, standards=std)
    for outcome in ev.outcomes.values():
        table = outcome.weights
        for claim, (_pro, con) in table.items():
            rivals = [pro for other, (pro, _) in table.items() if other != claim]
            assert con == max(rivals, default=0.0)


def test_labels_hold_exactly_the_maps_ids_in_map_order() -> None:
    m = ArgumentMap()
    q = m.issue("?", id="Q", standard="preponderance")
    c = m.claim("x", id="C", answers=q)
    m.premise("y", id="P", supports=c)
    m.rebuttal("no", id="R", attacks="P")
    ev = evaluate(m, reject="R")
    assert list(ev.labels) == ["Q", "C", "P", "R", "P->C", "R-|P"]
    assert dict(ev.labels) == {
        "Q": "accepted",
        "C": "accepted",
        "P": "accepted",
        "R": "rejected",
        "P->C": "accepted",
        "R-|P": "rejected",
    }
    assert "~not:R" not in ev.labels and ev.labels.get("~not:R") is None
    assert ev.to_dict()["statuses"] == dict(ev.labels)


@given(frameworks(max_size=12), st.data())
def test_relabelling_from_any_other_audience_equals_full(af: nx.DiGraph[str], data: Any) -> None:
    compiled = _int_framework(af)
    n = len(compiled)

    def audience() -> tuple[set[int], set[int]]:
        chosen = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=4)) if n else []
        cut = data.draw(st.integers(0, len(chosen)))
        return set(chosen[:cut]), set(chosen[cut:])

    (ref_in, ref_out), (ins, outs) = audience(), audience()
    before = grounded_codes(compiled, assumed=ref_in, rejected=ref_out)
    seeds = (ins ^ ref_in) | (outs ^ ref_out)
    after, region = relabel(compiled, before, ins, outs, seeds)
    assert after == grounded_codes(compiled, assumed=ins, rejected=outs)
    assert all(after[v] == before[v] for v in range(n) if v not in set(region))


@settings(max_examples=150)
@given(maps_with_audience(), st.sampled_from(["assumed", "questioned"]))
def test_whatif_against_the_recorded_rounds_equals_a_fresh_fixpoint(
    case: tuple[ArgumentMap, set[str], set[str]], leaves: Any
) -> None:
    """A what-if starts from the rounds of the evaluation without an audience; it must
    agree, label for label and outcome for outcome, with rounds run from nothing."""
    m, assumed, rejected = case
    evaluate(m, leaves=leaves)  # records the rounds a what-if starts from
    ev = evaluate(m, assume=sorted(assumed), reject=sorted(rejected), leaves=leaves)
    comp = _compiled(m, leaves, {})
    stds = {i.id: i.standard for i in m.issues}
    positions = {k: (s, comp.positions(m)[k]) for k, s in stds.items() if s is not None}
    raw, _, audience, rounds, _ = _fixpoint(
        comp, positions, tuple(sorted(assumed)), tuple(sorted(rejected)), "grounded", "auto"
    )
    assert ev._audience == audience
    assert dict(ev.labels) | {k: o.status for k, o in ev.outcomes.items()} == dict(
        raw.relabelled(_CODE_STATUS, {k: o.status for k, o in ev.outcomes.items()})
    )
    fresh = rounds[-1].decisions
    assert {k: (o.winners, dict(o.weights)) for k, o in ev.outcomes.items() if k in fresh} == {
        k: (d[0], d[1]) for k, d in fresh.items()
    }
    # every issue's outcome, explanation included, as if explained from nothing
    plain = raw.relabelled(_CODE_STATUS, {})
    whole = _outcomes(m, comp, stds, fresh, plain)  # type: ignore[arg-type] # str labels
    assert list(ev.outcomes) == list(whole)
    assert {k: (o.status, o.explanation) for k, o in ev.outcomes.items()} == {
        k: (o.status, o.explanation) for k, o in whole.items()
    }


@settings(max_examples=60)
@given(maps_with_audience(), st.sampled_from(["preferred", "stable", "complete"]))
def test_a_grounded_record_never_leaks_into_other_semantics(
    case: tuple[ArgumentMap, set[str], set[str]], semantics: str
) -> None:
    m, assumed, rejected = case
    evaluate(m)  # records grounded rounds on the compiled map
    got = evaluate(m, semantics=semantics, assume=sorted(assumed), reject=sorted(rejected))
    other = _copy(m)  # the same map, compiled afresh: nothing recorded on it
    want = evaluate(other, semantics=semantics, assume=sorted(assumed), reject=sorted(rejected))
    assert dict(got.labels) == dict(want.labels)
    assert {k: o.status for k, o in got.outcomes.items()} == {
        k: o.status for k, o in want.outcomes.items()
    }


def _copy(m: ArgumentMap) -> ArgumentMap:
    from argmap.formats.native import dumps, loads

    return loads(dumps(m))


@given(
    argument_maps(max_statements=12),
    st.sampled_from(["assumed", "questioned"]),
    st.data(),
)
def test_the_framework_wired_in_integers_equals_the_one_built_from_names(
    m: ArgumentMap, leaves: Any, data: Any
) -> None:
    """_Compiled wires its framework straight into integer lists; export() still
    builds edges by name. Both must be the same framework, argument for argument."""
    rels = sorted(m.relations)
    chosen = data.draw(st.lists(st.sampled_from(rels), unique=True, max_size=3)) if rels else []
    weights = {r: data.draw(st.sampled_from([0.0, 0.4, 1.0])) for r in chosen}
    comp = _compiled(m, leaves, weights)
    by_name = IntFramework.from_edges(comp.real, comp._edges((), ()))
    assert list(comp.af.names) == by_name.names
    assert [comp.af.names[i] for i in range(len(by_name.names))] == by_name.names
    assert [sorted(s) for s in comp.af.succ] == [sorted(s) for s in by_name.succ]
    assert [sorted(p) for p in comp.af.pred] == [sorted(p) for p in by_name.pred]


def test_wiring_in_integers_keeps_weak_attacks_and_convergent_steps() -> None:
    m = ArgumentMap()
    c = m.claim("The grant condition is valid", id="C")
    p = m.premise("Congress spoke clearly", id="P", supports=c)
    q = m.premise("The condition relates to the program", id="Q")
    m.infer([p, q], c, scheme="cumulative", weight=0.9)
    m.rebuttal("A weak objection", id="R", attacks=c)
    for leaves in ("assumed", "questioned"):
        comp = _compiled(m, leaves, {"R-|C": 0.2})  # too weak to defeat C
        assert "~weaker:R-|C" in comp.af.names
        by_name = IntFramework.from_edges(comp.real, comp._edges((), ()))
        assert list(comp.af.names) == by_name.names
        assert [comp.af.names[i] for i in range(len(by_name.names))] == by_name.names
        assert [sorted(s) for s in comp.af.succ] == [sorted(s) for s in by_name.succ]


@settings(max_examples=150)
@given(side_by_side(), st.sampled_from(sorted(set(sem.SEMANTICS) - {"grounded"})), st.data())
def test_solving_the_undecided_parts_equals_enumerating_the_whole(
    af: nx.DiGraph[str], semantics: str, data: Any
) -> None:
    """Sceptical labels and the number of extensions, part by part, equal those of the
    whole framework enumerated at once, for any audience; a second run that finds
    every part solved already gives the same."""
    compiled = _int_framework(af)
    n = len(compiled)
    chosen = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=3)) if n else []
    cut = data.draw(st.integers(0, len(chosen)))
    assumed, rejected = chosen[:cut], chosen[cut:]
    shown = data.draw(st.integers(0, n))  # the first `shown` are the map's own ids
    seen = af.copy()
    names = list(af.nodes)
    for v in assumed:
        seen.remove_edges_from(list(seen.in_edges(names[v])))
    for v in rejected:
        seen.add_edge(f"~rejected:{names[v]}", names[v])
    labs = sem.labellings(seen, semantics)  # type: ignore[arg-type]
    want = [0] * shown
    if labs:
        for i, a in enumerate(names[:shown]):
            values = {str(lab[a]) for lab in labs}
            if len(values) == 1:
                want[i] = {"in": 1, "out": 2, "undec": 0}[values.pop()]
    grounded = grounded_codes(compiled, assumed=assumed, rejected=rejected)
    solved: dict[Any, Any] = {}
    assert _sceptical(compiled, grounded, shown, semantics, "auto", solved) == (want, len(labs))
    assert _sceptical(compiled, grounded, shown, semantics, "auto", solved) == (want, len(labs))


def test_independent_standoffs_are_counted_not_enumerated() -> None:
    """Forty issues, each two answers attacking each other: 2**40 preferred extensions
    (as a product of the parts' counts: enumerating them would never end), each
    answer undecided, and one what-if decides only its own issue."""
    m = ArgumentMap("Standoffs", parties={"a": "A", "b": "B"})
    for i in range(40):
        q = m.issue(f"Question {i}?", id=f"Q{i}")
        yes = m.claim(f"Yes {i}", answers=q, party="a", id=f"Y{i}")
        no = m.claim(f"No {i}", answers=q, party="b", id=f"N{i}")
        m.attack(yes, no)
        m.attack(no, yes)
    ev = evaluate(m, semantics="preferred")
    assert ev.extensions == 2**40
    assert {ev.status(c) for c in m.statements if c[0] in "YN"} == {"undecided"}
    what_if = evaluate(m, semantics="preferred", assume=["Y3"])
    assert what_if.extensions == 2**39
    assert (what_if.status("Y3"), what_if.status("N3")) == ("accepted", "rejected")
    assert what_if.status("Y4") == "undecided"
    assert evaluate(m, semantics="stable").extensions == 2**40
