"""Carneades 4 graphs: our own fixtures and the published examples in ../shared/samples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.exceptions import LoadError
from argmap.formats import carneades

REINSTATEMENT = """
meta: {title: Reinstatement, written by the argmap team after the Carneades convention}
statements: {p: P, ua: "¬app(a)", ub: "¬app(b)", uc: "¬app(c)"}
arguments:
  a: {conclusion: p, undercutter: ua}
  b: {conclusion: ua, undercutter: ub}
  c: {conclusion: ub, undercutter: uc}
tests: {in: [p, ub], out: [ua, uc]}
"""

CUMULATIVE = """
statements:
  yes: Adopt the policy
  no: Keep the status quo
  a: benefit A
  b: benefit B
  c: benefit C
  d: benefit D
issues:
  i: {positions: [yes, no]}
arguments:
  pro: {scheme: cumulative, conclusion: yes, premises: [a, b, c]}
  con: {scheme: cumulative, conclusion: no, premises: [d, c]}
assumptions: [a, b, d]
tests: {in: [yes, a, b, d], out: [no, c]}
"""


def check(g: carneades.CarneadesGraph) -> None:
    ev = g.evaluate()
    assert g.expected_in or g.expected_out
    for x in g.expected_in:
        assert ev.status(x) == "accepted", ev.explain(x)
    for x in g.expected_out:
        assert ev.status(x) == "rejected", ev.explain(x)


@pytest.mark.parametrize("text", [REINSTATEMENT, CUMULATIVE], ids=["reinstatement", "cumulative"])
def test_own_fixtures(text: str) -> None:
    check(carneades.loads(text))


def test_ids_are_mapped_and_kinds_chosen() -> None:
    g = carneades.loads(REINSTATEMENT)
    assert g.ids["ua"] == "ua" and g.map.statement("ua").kind == "undercutter"
    assert [r.id for r in g.map.inferences] == ["a", "b", "c"]
    g2 = carneades.loads("statements: {'¬app(a1)': x, 'not-app-a1': y}\n")
    assert g2.ids == {"¬app(a1)": "not-app-a1", "not-app-a1": "not-app-a1-2"}


def test_standards_are_mapped() -> None:
    g = carneades.loads(
        "statements: {x: X, y: Y}\nissues:\n  i: {positions: [x, y], standard: BRD}\n"
    )
    assert g.map.statement("i").standard == "beyond-reasonable-doubt"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("statements: {p: P}\narguments:\n  a: {conclusion: q}\n", 3),
        ("statements: {p: P}\narguments:\n  a: {conclusion: p, premises: [z]}\n", 3),
        ("statements: {p: P}\nissues:\n  i: {positions: [p], standard: XX}\n", 3),
        ("statements: {p: P}\nassumptions: [q]\n", 2),
        ("statements: {p: P}\nbogus: 1\n", 2),
    ],
)
def test_errors_have_lines(text: str, line: int) -> None:
    with pytest.raises(LoadError) as info:
        carneades.loads(text, source="g.yml")
    assert info.value.problems[0].line == line


@pytest.mark.parametrize("name", ["dung-reinstatement", "mandatory-sentences", "toulmin"])
def test_published_examples_reproduce_their_tests(shared: Path, name: str) -> None:
    check(carneades.load(shared / "samples" / "carneades" / f"{name}.yml"))


# ---------------------------------------------------------------- wrongly typed entries

HEAD = "statements: {p: P, q: Q, u: U}\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEAD + "arguments:\n  a:\n    premises: [[q]]\n    conclusion: p\n", 4),
        (HEAD + "arguments:\n  a:\n    premises: [{x: q}]\n    conclusion: p\n", 4),
        (HEAD + "arguments:\n  a:\n    premises: {major: [q]}\n    conclusion: p\n", 4),
        (HEAD + "arguments:\n  a:\n    premises: [q]\n    conclusion: [p]\n", 5),
        (HEAD + "arguments:\n  a:\n    premises: [q]\n    conclusion: {p: 1}\n", 5),
        (
            HEAD + "arguments:\n  a:\n    premises: [q]\n    conclusion: p\n    undercutter: [u]\n",
            6,
        ),
        (HEAD + "issues:\n  i:\n    positions: [[p]]\n", 4),
        (HEAD + "issues:\n  i:\n    positions: [p]\n    standard: [PE]\n", 5),
        (HEAD + "issues:\n  i:\n    positions: [p]\n    standard: {PE: 1}\n", 5),
        (HEAD + "assumptions: [[p]]\n", 2),
        (HEAD + "assumptions: {p: true}\n", 2),
        (HEAD + "tests:\n  - in: [p]\n", 2),
        (HEAD + "tests:\n  in: [[p]]\n", 3),
    ],
)
def test_wrongly_typed_entries_give_a_load_error_with_the_line(text: str, line: int) -> None:
    with pytest.raises(LoadError) as info:
        carneades.loads(text, source="g.yml")
    lines = [p.line for p in info.value.problems]
    assert lines == [line]
    assert "g.yml" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # a self-supporting argument
        (HEAD + "arguments:\n  a:\n    premises: [p, q]\n    conclusion: p\n", 5, "itself"),
        # a position that is also an undercutter
        (
            HEAD + "issues:\n  i: {positions: [p, u]}\n"
            "arguments:\n  a: {premises: [q], conclusion: p, undercutter: u}\n",
            5,
            "position",
        ),
        # arguments supporting each other in a circle
        (
            HEAD + "arguments:\n  a: {premises: [p], conclusion: q}\n"
            "  b: {premises: [q], conclusion: p}\n",
            4,
            "circle",
        ),
    ],
)
def test_imports_that_would_make_an_invalid_map_are_explained(
    text: str, line: int, words: str
) -> None:
    with pytest.raises(LoadError) as info:
        carneades.loads(text, source="g.yml")
    (problem,) = info.value.problems
    assert problem.line == line
    assert words in problem.message


@given(
    st.lists(
        st.recursive(
            st.sampled_from(["p", "q", "u", "zz", "PE", None]) | st.integers(),
            lambda inner: (
                st.lists(inner, max_size=2)
                | st.dictionaries(st.sampled_from(["p", "in", "x"]), inner, max_size=2)
            ),
            max_leaves=4,
        ),
        min_size=9,
        max_size=9,
    )
)
def test_any_shape_in_any_slot_either_loads_a_valid_map_or_raises_load_error(
    values: list[Any],
) -> None:
    import json

    p, c, u, pos, std, assume, tin, tests, prem = (json.dumps(v) for v in values)
    text = (
        HEAD
        + f"issues:\n  i: {{positions: {pos}, standard: {std}}}\n"
        + f"arguments:\n  a: {{premises: {prem}, conclusion: {c}, undercutter: {u}}}\n"
        + f"  b: {{premises: [{p}], conclusion: q}}\n"
        + f"assumptions: {assume}\ntests: {tests}\n"
        + f"# {tin}\n"
    )
    try:
        g = carneades.loads(text)
    except LoadError as exc:
        unplaced = [problem for problem in exc.problems if problem.line is None]
    else:
        unplaced = [problem for problem in g.map.check() if problem.is_error]
    assert unplaced == []
