"""Laws of Dung's semantics, checked on random frameworks against brute force."""

from __future__ import annotations

from functools import reduce
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import semantics as sem
from argmap.semantics import SEMANTICS
from tests.strategies_af import frameworks, reordered, side_by_side


class Brute:
    """Every subset of a small framework, classified by brute force (bitmasks)."""

    def __init__(self, af: nx.DiGraph[Any]) -> None:
        nodes = list(af)
        self.nodes = nodes
        n = len(nodes)
        index = {v: i for i, v in enumerate(nodes)}
        attackers = [0] * n
        targets = [0] * n
        for u, v in af.edges:
            attackers[index[v]] |= 1 << index[u]
            targets[index[u]] |= 1 << index[v]
        full = (1 << n) - 1
        self.conflict_free: list[int] = []
        self.admissible: list[int] = []
        self.complete: list[int] = []
        self.stable: list[int] = []
        self.range: dict[int, int] = {}
        for s in range(1 << n):
            attacked = 0
            for i in range(n):
                if s >> i & 1:
                    attacked |= targets[i]
            if s & attacked:
                continue
            self.conflict_free.append(s)
            defended = 0
            for i in range(n):
                if not attackers[i] & ~attacked:
                    defended |= 1 << i
            if s & ~defended:
                continue
            self.admissible.append(s)
            if defended == s:
                self.complete.append(s)
                self.range[s] = s | attacked
            if s | attacked == full:
                self.stable.append(s)

    def sets(self, masks: list[int]) -> set[frozenset[Any]]:
        return {frozenset(v for i, v in enumerate(self.nodes) if m >> i & 1) for m in masks}

    @staticmethod
    def maximal(masks: list[int], key: dict[int, int] | None = None) -> list[int]:
        k = key or {m: m for m in masks}
        return [m for m in masks if not any(k[m] != k[o] and k[m] & ~k[o] == 0 for o in masks)]

    def extensions(self, semantics: str) -> set[frozenset[Any]]:
        if semantics == "complete":
            return self.sets(self.complete)
        if semantics == "grounded":
            return self.sets([min(self.complete, key=lambda m: bin(m).count("1"))])
        if semantics == "preferred":
            return self.sets(self.maximal(self.admissible))
        if semantics == "stable":
            return self.sets(self.stable)
        if semantics == "semi-stable":
            return self.sets(self.maximal(self.complete, self.range))
        assert semantics == "ideal"
        common = reduce(lambda a, b: a & b, self.maximal(self.admissible))
        inside = [m for m in self.admissible if m & ~common == 0]
        return self.sets([max(inside, key=lambda m: bin(m).count("1"))])


@given(frameworks(max_size=9))
def test_every_semantics_matches_brute_force(af: nx.DiGraph[Any]) -> None:
    brute = Brute(af)
    for name in SEMANTICS:
        expected = brute.extensions(name)
        for solver in ("backtracking", "sat"):
            got = sem.extensions(af, name, solver=solver)
            assert set(got) == expected, (name, solver)
            assert len(got) == len(expected)


@given(frameworks())
def test_inclusions_between_semantics(af: nx.DiGraph[Any]) -> None:
    grounded = sem.grounded(af)
    complete = sem.complete_extensions(af)
    preferred = sem.preferred_extensions(af)
    stable = sem.stable_extensions(af)
    semi_stable = sem.semi_stable_extensions(af)
    ideal = sem.ideal_extension(af)
    assert grounded in complete
    assert all(grounded <= e for e in complete)  # the least complete extension
    assert set(stable) <= set(semi_stable) <= set(preferred) <= set(complete)
    if stable:
        assert set(semi_stable) == set(stable)
    assert preferred
    assert semi_stable
    assert all(ideal <= e for e in preferred)
    assert grounded <= ideal
    assert ideal in complete


@given(frameworks())
def test_every_result_passes_its_checker(af: nx.DiGraph[Any]) -> None:
    assert sem.is_grounded(af, sem.grounded(af))
    assert sem.is_ideal(af, sem.ideal_extension(af))
    for e in sem.complete_extensions(af):
        assert sem.is_complete(af, e)
        assert sem.is_admissible(af, e)
        assert sem.is_conflict_free(af, e)
    for e in sem.preferred_extensions(af):
        assert sem.is_preferred(af, e)
    for e in sem.stable_extensions(af):
        assert sem.is_stable(af, e)
    for e in sem.semi_stable_extensions(af):
        assert sem.is_semi_stable(af, e)


@given(frameworks(max_size=8), st.data())
def test_checkers_match_brute_force_on_every_subset(
    af: nx.DiGraph[Any], data: st.DataObject
) -> None:
    brute = Brute(af)
    nodes = list(af)
    candidate = frozenset(data.draw(st.sets(st.sampled_from(nodes))) if nodes else set())
    checks = {
        "conflict_free": (sem.is_conflict_free, brute.sets(brute.conflict_free)),
        "admissible": (sem.is_admissible, brute.sets(brute.admissible)),
        "complete": (sem.is_complete, brute.extensions("complete")),
        "preferred": (sem.is_preferred, brute.extensions("preferred")),
        "stable": (sem.is_stable, brute.extensions("stable")),
        "semi_stable": (sem.is_semi_stable, brute.extensions("semi-stable")),
        "grounded": (sem.is_grounded, brute.extensions("grounded")),
        "ideal": (sem.is_ideal, brute.extensions("ideal")),
    }
    for name, (check, members) in checks.items():
        assert check(af, candidate) == (candidate in members), name
    # the known members pass too (a random subset rarely hits them)
    for name, (check, members) in checks.items():
        for e in members:
            assert check(af, e), name


@given(frameworks(), st.data())
def test_results_do_not_depend_on_insertion_order(af: nx.DiGraph[Any], data: st.DataObject) -> None:
    other = data.draw(reordered(af))
    for name in SEMANTICS:
        assert sem.extensions(af, name) == sem.extensions(other, name), name
    assert sem.grounded_labelling(af) == sem.grounded_labelling(other)


@given(frameworks(max_size=14))
def test_backtracking_and_sat_agree(af: nx.DiGraph[Any]) -> None:
    for name in ("complete", "preferred", "stable", "semi-stable", "ideal"):
        assert sem.extensions(af, name, solver="backtracking") == sem.extensions(
            af, name, solver="sat"
        ), name


@given(frameworks())
def test_labellings_agree_with_extensions(af: nx.DiGraph[Any]) -> None:
    for name in SEMANTICS:
        exts = sem.extensions(af, name)
        labs = sem.labellings(af, name)
        assert [lab.extension for lab in labs] == exts
        for lab in labs:
            assert set(lab) == set(af)
            assert lab == sem.labelling_of(af, lab.in_)
            # a complete labelling: IN iff all attackers OUT, OUT iff some attacker IN
            for a in af:
                attackers = [lab[b] for b in af.predecessors(a)]
                if lab[a] == "in":
                    assert all(x == "out" for x in attackers)
                elif lab[a] == "out":
                    assert "in" in attackers
                else:
                    assert "in" not in attackers
                    assert not all(x == "out" for x in attackers)
    lab = sem.grounded_labelling(af)
    assert lab.extension == sem.grounded(af)
    assert sem.ideal_labelling(af).extension == sem.ideal_extension(af)


@given(frameworks(), st.data())
def test_acceptance_matches_extensions(af: nx.DiGraph[Any], data: st.DataObject) -> None:
    if not len(af):
        return
    arg = data.draw(st.sampled_from(list(af)))
    for name in SEMANTICS:
        exts = sem.extensions(af, name)
        assert sem.credulously_accepted(af, arg, name) == any(arg in e for e in exts), name
        assert sem.sceptically_accepted(af, arg, name) == all(arg in e for e in exts), name


@pytest.mark.parametrize("solver", ["backtracking", "sat"])
@given(af=frameworks(max_size=10))
def test_grounded_is_unique_fixpoint_start(af: nx.DiGraph[Any], solver: str) -> None:
    # the grounded extension is the intersection of all complete extensions
    complete = sem.complete_extensions(af, solver=solver)  # type: ignore[arg-type]
    assert reduce(lambda a, b: a & b, complete) == sem.grounded(af)


@given(frameworks(), st.data())
def test_grounded_from_edges_equals_grounded_of_the_graph(af: nx.DiGraph[Any], data: Any) -> None:
    edges = list(af.edges)
    repeated = data.draw(st.lists(st.sampled_from(edges), max_size=3)) if edges else []
    got = sem.grounded_from_edges([*edges, *repeated], af.nodes)
    assert got == sem.grounded_labelling(af)
    assert got.order == tuple(af.nodes)


def test_grounded_from_edges_refuses_what_is_not_a_framework() -> None:
    from argmap.exceptions import EvaluationError

    with pytest.raises(EvaluationError, match="pair"):
        sem.grounded_from_edges([("a", "b", "c")])  # type: ignore[arg-type]
    with pytest.raises(EvaluationError, match="hashable"):
        sem.grounded_from_edges([("a", ["b"])])
    assert sem.grounded_from_edges([], ["a"]).in_ == {"a"}


@pytest.mark.parametrize("solver", ["backtracking", "sat"])
@settings(max_examples=60)
@given(af=side_by_side())
def test_ideal_and_sceptical_preferred_part_by_part(af: nx.DiGraph[Any], solver: str) -> None:
    """Solved on the parts grounded semantics leaves undecided, the ideal extension and
    sceptical preferred acceptance equal what all preferred extensions give."""
    preferred = sem.preferred_extensions(af, solver=solver)
    common = frozenset.intersection(*preferred)
    for arg in af:
        assert sem.sceptically_accepted(af, arg, "preferred", solver=solver) == (arg in common)
    ideal = sem.ideal_extension(af, solver=solver)
    assert ideal <= common and sem.is_ideal(af, ideal)


def test_independent_two_cycles_are_never_multiplied_out() -> None:
    """Forty independent two-cycles beside a chain: 2**40 preferred extensions, so
    sceptical preferred acceptance and the ideal extension must not list them."""
    af: nx.DiGraph[str] = nx.DiGraph([("c", "d")])
    for i in range(40):
        af.add_edges_from([(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")])
    assert sem.ideal_extension(af) == frozenset({"c"})
    assert sem.ideal_extension(af, solver="sat") == frozenset({"c"})
    assert not sem.sceptically_accepted(af, "a7", "preferred")
    assert sem.sceptically_accepted(af, "c", "preferred")
