"""Tests of argmap.semantics on known frameworks, the shared samples, and the API's edges."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap import semantics as sem
from argmap.exceptions import EvaluationError, MissingDependencyError
from argmap.formats.iccma import load_framework
from argmap.semantics import Label, Labelling

SOLVERS = ["backtracking", "sat"]


def framework(nodes: str, attacks: str) -> nx.DiGraph[str]:
    """``framework("a b c", "a>b b>c")``: our own fixtures, written inline."""
    af: nx.DiGraph[str] = nx.DiGraph()
    af.add_nodes_from(nodes.split())
    for pair in attacks.split():
        u, v = pair.split(">")
        af.add_edge(u, v)
    return af


def sets(*members: str) -> list[frozenset[str]]:
    """``sets("a c", "b")`` -> ``[{a, c}, {b}]``; ``sets("")`` -> ``[set()]``."""
    return [frozenset(m.split()) for m in members]


# Canonical frameworks (the same ones as the shared carneades samples, written by us),
# with every semantics worked out by hand.
CANONICAL: dict[str, tuple[nx.DiGraph[str], dict[str, list[frozenset[str]]]]] = {
    "unattacked": (
        framework("1", ""),
        {s: sets("1") for s in sem.SEMANTICS},
    ),
    "simple_attack": (
        framework("1 2", "2>1"),
        {s: sets("2") for s in sem.SEMANTICS},
    ),
    "reinstatement": (
        framework("1 2 3", "1>2 2>3"),
        {s: sets("1 3") for s in sem.SEMANTICS},
    ),
    "even_cycle": (
        framework("1 2", "1>2 2>1"),
        {
            "grounded": sets(""),
            "complete": sets("", "1", "2"),
            "preferred": sets("1", "2"),
            "stable": sets("1", "2"),
            "semi-stable": sets("1", "2"),
            "ideal": sets(""),
        },
    ),
    "even_cycle4": (
        framework("1 2 3 4", "1>2 2>3 3>4 4>1"),
        {
            "grounded": sets(""),
            "complete": sets("", "1 3", "2 4"),
            "preferred": sets("1 3", "2 4"),
            "stable": sets("1 3", "2 4"),
            "semi-stable": sets("1 3", "2 4"),
            "ideal": sets(""),
        },
    ),
    "irrelevant": (
        framework("1 2 3 4 5", "1>2 2>3 3>4 4>1"),
        {
            "grounded": sets("5"),
            "complete": sets("1 3 5", "2 4 5", "5"),
            "preferred": sets("1 3 5", "2 4 5"),
            "stable": sets("1 3 5", "2 4 5"),
            "semi-stable": sets("1 3 5", "2 4 5"),
            "ideal": sets("5"),
        },
    ),
    "odd_cycle": (
        framework("1 2 3", "1>2 2>3 3>1"),
        {
            "grounded": sets(""),
            "complete": sets(""),
            "preferred": sets(""),
            "stable": [],
            "semi-stable": sets(""),
            "ideal": sets(""),
        },
    ),
    "bas1": (
        framework("a b c d e f g", "a>b c>b c>d d>c d>e e>g f>e g>f"),
        {
            "grounded": sets("a"),
            "complete": sets("a", "a c", "a d g"),
            "preferred": sets("a c", "a d g"),
            "stable": sets("a d g"),
            "semi-stable": sets("a d g"),
            "ideal": sets("a"),
        },
    ),
    # ideal strictly between grounded and the intersection of the preferred extensions
    "ideal_not_grounded": (
        framework("a b", "a>b b>a b>b"),
        {
            "grounded": sets(""),
            "complete": sets("", "a"),
            "preferred": sets("a"),
            "stable": sets("a"),
            "semi-stable": sets("a"),
            "ideal": sets("a"),
        },
    ),
    "ideal_below_intersection": (
        framework("a b c d", "a>b b>a a>c b>c c>d"),
        {
            "grounded": sets(""),
            "complete": sets("", "a d", "b d"),
            "preferred": sets("a d", "b d"),
            "stable": sets("a d", "b d"),
            "semi-stable": sets("a d", "b d"),
            "ideal": sets(""),
        },
    ),
    # semi-stable differs from preferred when there is no stable extension
    "semi_stable_not_preferred": (
        framework("a b c d", "a>b b>a b>c c>c d>d"),
        {
            "grounded": sets(""),
            "complete": sets("", "a", "b"),
            "preferred": sets("a", "b"),
            "stable": [],
            "semi-stable": sets("b"),
            "ideal": sets(""),
        },
    ),
    "empty": (framework("", ""), {**{s: sets("") for s in sem.SEMANTICS}}),
}


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("name", sorted(CANONICAL))
def test_canonical_frameworks(name: str, solver: Any) -> None:
    af, expected = CANONICAL[name]
    for semantics, exts in expected.items():
        got = sem.extensions(af, semantics, solver=solver)  # type: ignore[arg-type]
        assert got == exts, semantics
        for lab, ext in zip(sem.labellings(af, semantics, solver=solver), exts, strict=True):  # type: ignore[arg-type]
            assert lab.extension == ext
    assert sem.grounded(af) == expected["grounded"][0]
    assert sem.ideal_extension(af, solver=solver) == expected["ideal"][0]
    assert sem.complete_extensions(af, solver=solver) == expected["complete"]
    assert sem.preferred_extensions(af, solver=solver) == expected["preferred"]
    assert sem.stable_extensions(af, solver=solver) == expected["stable"]
    assert sem.semi_stable_extensions(af, solver=solver) == expected["semi-stable"]


# ----------------------------------------------------------------------- shared samples

README_EXPECTED = {
    "carneades4_reinstatement1.tgf": {
        "grounded": sets("1 3"),
        "preferred": sets("1 3"),
        "stable": sets("1 3"),
    },
    "carneades4_even_cycle1.tgf": {
        "grounded": sets(""),
        "preferred": sets("1", "2"),
        "stable": sets("1", "2"),
    },
    "carneades4_odd_cycle1.tgf": {"grounded": sets(""), "preferred": sets(""), "stable": []},
    "carneades4_bas1.tgf": {
        "grounded": sets("a"),
        "preferred": sets("a c", "a d g"),
        "stable": sets("a d g"),
    },
}

# worked out by hand (and cross-checked by brute force and both solvers)
OTHER_SAMPLES = {
    "carneades4_unattacked1.tgf": "unattacked",
    "carneades4_simple_attack1.tgf": "simple_attack",
    "carneades4_even_cycle2.tgf": "even_cycle4",
    "carneades4_irrelevant1.tgf": "irrelevant",
    "carneades4_reinstatement1.tgf": "reinstatement",
    "carneades4_even_cycle1.tgf": "even_cycle",
    "carneades4_odd_cycle1.tgf": "odd_cycle",
    "carneades4_bas1.tgf": "bas1",
}

PYGARG: dict[str, dict[str, list[frozenset[str]]]] = {
    # a2 attacks a1, a3..a9 and is attacked back by a1, a3, a4, a6, a9; a1 attacks a0
    "pygarg_BA-numArg10-pbCycle0.5-3.apx": {
        "grounded": sets(""),
        "complete": sets("", "a0 a2", "a1 a3 a4 a5 a6 a7 a8 a9"),
        "preferred": sets("a0 a2", "a1 a3 a4 a5 a6 a7 a8 a9"),
        "stable": sets("a0 a2", "a1 a3 a4 a5 a6 a7 a8 a9"),
        "semi-stable": sets("a0 a2", "a1 a3 a4 a5 a6 a7 a8 a9"),
        "ideal": sets(""),
    },
    # a2 -> a7 -> a6 -> a3: a chain, everything else unattacked
    "pygarg_ER-numArg10-pbAtt0.15-15.apx": {
        s: sets("a0 a1 a2 a4 a5 a6 a8 a9") for s in sem.SEMANTICS
    },
}


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("file", sorted(README_EXPECTED))
def test_shared_samples_match_the_readme(shared: Path, file: str, solver: Any) -> None:
    af = load_framework(shared / "samples" / "af" / file)
    for semantics, expected in README_EXPECTED[file].items():
        assert sem.extensions(af, semantics, solver=solver) == expected, semantics  # type: ignore[arg-type]


@pytest.mark.parametrize("file", sorted(OTHER_SAMPLES))
def test_shared_tgf_samples_are_our_canonical_frameworks(shared: Path, file: str) -> None:
    af = load_framework(shared / "samples" / "af" / file)
    ours, expected = CANONICAL[OTHER_SAMPLES[file]]
    assert set(af.nodes) == set(ours.nodes)
    assert set(af.edges) == set(ours.edges)
    for semantics, exts in expected.items():
        assert sem.extensions(af, semantics) == exts  # type: ignore[arg-type]


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("file", sorted(PYGARG))
def test_shared_apx_samples(shared: Path, file: str, solver: Any) -> None:
    af = load_framework(shared / "samples" / "af" / file)
    assert len(af) == 10
    for semantics, exts in PYGARG[file].items():
        assert sem.extensions(af, semantics, solver=solver) == exts, semantics  # type: ignore[arg-type]


# ----------------------------------------------------------------------- API


def test_unknown_semantics_names_the_allowed_ones() -> None:
    with pytest.raises(EvaluationError) as info:
        sem.extensions(framework("a", ""), "prefered")  # type: ignore[arg-type]
    assert str(info.value) == (
        "unknown semantics: 'prefered' (must be one of ['complete', 'grounded', 'ideal', "
        "'preferred', 'semi-stable', 'stable']) (did you mean 'preferred'?)"
    )
    assert isinstance(info.value, ValueError)
    with pytest.raises(EvaluationError, match="did you mean 'semi-stable'"):
        sem.credulously_accepted(framework("a", ""), "a", "semi_stable")  # type: ignore[arg-type]


def test_unknown_solver() -> None:
    with pytest.raises(EvaluationError, match=r"unknown solver: 'minisat' \(must be one of"):
        sem.preferred_extensions(framework("a", ""), solver="minisat")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [nx.Graph([(1, 2)]), {"a": ["b"]}, None])
def test_a_framework_must_be_a_digraph(bad: Any) -> None:
    with pytest.raises(EvaluationError, match=r"must be a networkx\.DiGraph"):
        sem.grounded(bad)
    with pytest.raises(EvaluationError, match=r"must be a networkx\.DiGraph"):
        sem.preferred_extensions(bad)


def test_unknown_arguments_are_errors() -> None:
    af = framework("a b", "a>b")
    with pytest.raises(EvaluationError, match="not in the framework"):
        sem.is_admissible(af, {"a", "zz"})
    with pytest.raises(EvaluationError, match="not in the framework"):
        sem.credulously_accepted(af, "zz", "preferred")
    with pytest.raises(EvaluationError, match="not in the framework"):
        sem.labelling_of(af, {"zz"})


def test_missing_python_sat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pysat", None)
    monkeypatch.setitem(sys.modules, "pysat.solvers", None)
    af = framework("a b", "a>b b>a")
    with pytest.raises(MissingDependencyError) as info:
        sem.preferred_extensions(af, solver="sat")
    assert "pip install 'argmap[sat]'" in str(info.value)
    assert isinstance(info.value, ImportError)
    # "auto" falls back to backtracking, whatever the size
    big: nx.DiGraph[int] = nx.DiGraph([(i, i + 1) for i in range(sem.SAT_THRESHOLD + 10)])
    assert len(sem.preferred_extensions(big)) == 1


def test_auto_uses_sat_from_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.semantics import _sat as sat

    calls: list[int] = []
    real = sat.sat_preferred

    def spy(cf: Any) -> Any:
        calls.append(len(cf))
        return real(cf)

    monkeypatch.setattr(sat, "sat_preferred", spy)
    small: nx.DiGraph[int] = nx.DiGraph([(i, i + 1) for i in range(sem.SAT_THRESHOLD - 2)])
    big: nx.DiGraph[int] = nx.DiGraph([(i, i + 1) for i in range(sem.SAT_THRESHOLD)])
    sem.preferred_extensions(small)
    assert calls == []
    sem.preferred_extensions(big)
    assert calls == [sem.SAT_THRESHOLD + 1]


def test_extensions_are_listed_in_natural_order() -> None:
    af = framework("a10 a2 a1", "a10>a2 a2>a10 a2>a1 a1>a2")
    assert sem.preferred_extensions(af) == [frozenset({"a1", "a10"}), frozenset({"a2"})]


def test_any_hashable_arguments() -> None:
    af: nx.DiGraph[Any] = nx.DiGraph([(1, (2, "x")), ((2, "x"), 3), (3, 3)])
    assert sem.grounded(af) == {1}
    assert sem.grounded_labelling(af)[(2, "x")] == Label.OUT
    assert sem.preferred_extensions(af, solver="sat") == [frozenset({1})]


def test_self_attacks_never_in() -> None:
    af = framework("a b", "a>a a>b")
    assert sem.grounded_labelling(af) == Labelling(set(), set(), {"a", "b"})
    assert sem.stable_extensions(af) == []
    assert sem.preferred_extensions(af) == [frozenset()]
    assert not sem.is_conflict_free(af, {"a"})


def test_long_chains_need_no_recursion() -> None:
    n = 20_000
    af: nx.DiGraph[int] = nx.DiGraph([(i, i + 1) for i in range(n)])
    expected = frozenset(range(0, n + 1, 2))
    assert sem.grounded(af) == expected
    assert sem.preferred_extensions(af, solver="backtracking") == [expected]
    assert sem.stable_extensions(af, solver="backtracking") == [expected]


def test_many_extensions_backtracking_without_recursion() -> None:
    # 12 disjoint even cycles: 2**12 preferred extensions, 3**12 complete ones not listed
    af: nx.DiGraph[str] = nx.DiGraph()
    for i in range(12):
        af.add_edges_from([(f"x{i}", f"y{i}"), (f"y{i}", f"x{i}")])
    assert len(sem.preferred_extensions(af, solver="backtracking")) == 4096
    assert len(sem.stable_extensions(af, solver="backtracking")) == 4096


# ----------------------------------------------------------------------- labellings


def test_labelling_is_a_frozen_mapping() -> None:
    af = framework("a b c d", "a>b b>c c>d d>c")
    lab = sem.grounded_labelling(af)
    assert repr(lab) == "Labelling(in=['a'], out=['b'], undec=['c', 'd'])"
    assert list(lab) == ["a", "b", "c", "d"]
    assert lab["a"] == "in"
    assert lab["a"] is Label.IN
    assert dict(lab) == {"a": Label.IN, "b": Label.OUT, "c": Label.UNDEC, "d": Label.UNDEC}
    assert lab.extension == lab.in_ == {"a"}
    assert lab.label("c") == Label.UNDEC
    assert "z" not in lab
    assert len(lab) == 4
    with pytest.raises(KeyError):
        lab["z"]
    with pytest.raises(EvaluationError, match="not in the labelling"):
        lab.label("z")
    with pytest.raises(AttributeError):
        lab.in_ = frozenset()  # type: ignore[misc]
    same = Labelling.from_mapping({"d": "undec", "c": "undec", "b": "out", "a": "in"})
    assert same == lab
    assert hash(same) == hash(lab)
    assert list(same) == ["d", "c", "b", "a"]


def test_labelling_validation() -> None:
    with pytest.raises(EvaluationError, match="two labels: \\['a'\\]"):
        Labelling({"a"}, {"a"}, set())
    with pytest.raises(EvaluationError, match="unknown label 'maybe'"):
        Labelling.from_mapping({"a": "maybe"})


def test_labelling_of_an_arbitrary_set() -> None:
    af = framework("a b c", "a>b b>c")
    assert sem.labelling_of(af, set()) == Labelling(set(), set(), {"a", "b", "c"})
    assert sem.labelling_of(af, ["a"]) == Labelling({"a"}, {"b"}, {"c"})


def test_checkers_accept_labellings() -> None:
    af = framework("a b c", "a>b b>c")
    good = sem.grounded_labelling(af)
    assert sem.is_complete(af, good)
    assert sem.is_grounded(af, good)
    assert sem.is_stable(af, good)
    # an IN set that is complete, but OUT and UNDEC not the ones it implies
    wrong: Labelling[str] = Labelling({"a", "c"}, set(), {"b"})
    assert not sem.is_complete(af, wrong)
    assert not sem.is_conflict_free(af, wrong)


def test_checkers_on_examples() -> None:
    af, _ = CANONICAL["bas1"]
    assert sem.is_preferred(af, {"a", "c"})
    assert not sem.is_preferred(af, {"a"})
    assert not sem.is_stable(af, {"a", "c"})
    assert sem.is_semi_stable(af, {"a", "d", "g"})
    assert not sem.is_semi_stable(af, {"a", "c"})
    assert sem.is_admissible(af, {"c"})
    assert not sem.is_complete(af, {"c"})  # a is defended by {c} (unattacked) but missing
    assert sem.is_ideal(af, {"a"})


# ----------------------------------------------------------------------- acceptance


def test_stable_acceptance_without_stable_extensions_is_vacuous() -> None:
    af, _ = CANONICAL["odd_cycle"]
    for arg in af:
        assert sem.sceptically_accepted(af, arg, "stable")
        assert not sem.credulously_accepted(af, arg, "stable")
        assert not sem.sceptically_accepted(af, arg, "preferred")


def test_acceptance_on_bas1() -> None:
    af, _ = CANONICAL["bas1"]
    assert sem.sceptically_accepted(af, "a", "grounded")
    assert sem.credulously_accepted(af, "c", "preferred")
    assert not sem.sceptically_accepted(af, "c", "preferred")
    assert not sem.credulously_accepted(af, "c", "stable")
    assert sem.sceptically_accepted(af, "g", "stable")
    assert not sem.credulously_accepted(af, "b", "complete")
    assert sem.credulously_accepted(af, "d", "semi-stable")
    assert not sem.credulously_accepted(af, "c", "ideal")
    assert sem.sceptically_accepted(af, "a", "complete")
    assert not sem.sceptically_accepted(af, "c", "complete")


def test_public_api_is_sorted_and_complete() -> None:
    # sorted as ruff's RUF022 sorts: CONSTANTS, then Classes, then functions
    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert sem.__all__ == sorted(sem.__all__, key=kind)
    assert len(set(sem.__all__)) == len(sem.__all__)
    for name in sem.__all__:
        assert hasattr(sem, name), name


def test_every_public_name_is_a_function_class_or_constant() -> None:
    """No trap like ``sem.preferred`` being a module: everything public can be used as is."""
    import types

    for name in sem.__all__:
        value = getattr(sem, name)
        assert not isinstance(value, types.ModuleType), name
        if name.isupper():  # a documented constant
            assert value is not None, name
        else:
            assert callable(value) or isinstance(value, type) or name in {"Semantics", "Solver"}, (
                name
            )
    modules = [
        n
        for n in dir(sem)
        if not n.startswith("_") and isinstance(getattr(sem, n), types.ModuleType)
    ]
    assert modules == []


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("complete", "complete_extensions"),
        ("preferred", "preferred_extensions"),
        ("stable", "stable_extensions"),
        ("semi_stable", "semi_stable_extensions"),
        ("ideal", "ideal_extension"),
    ],
)
def test_short_names_call_like_grounded(short: str, full: str) -> None:
    af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    assert getattr(sem, short)(af) == getattr(sem, full)(af)
