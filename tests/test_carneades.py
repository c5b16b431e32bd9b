"""Carneades 4 graphs: our own fixtures and the published examples in ../shared/samples."""

from __future__ import annotations

from pathlib import Path

import pytest

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
