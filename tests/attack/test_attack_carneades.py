"""Class: the Carneades reader (issue 10, item 9), through ``argmap convert --from carneades``.

Wrongly typed entries and imports that would give an invalid map are explained
with the line; a valid graph converts.
"""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, has, inputs, params, read, verify

LINE = {
    "premise-list-in-list.yml": 4,
    "premise-mapping-in-list.yml": 4,
    "role-holding-a-list.yml": 4,
    "conclusion-list.yml": 5,
    "conclusion-mapping.yml": 5,
    "undercutter-list.yml": 6,
    "position-list.yml": 4,
    "standard-list.yml": 5,
    "standard-mapping.yml": 5,
    "assumption-list.yml": 2,
    "assumptions-mapping.yml": 2,
    "tests-as-list.yml": 2,
    "test-entry-list.yml": 3,
    "self-supporting.yml": 5,
    "position-is-undercutter.yml": 5,
    "support-circle.yml": 4,
    "unknown-section.yml": 2,
}


def _case(name: str) -> Case:
    argv = ["argmap", "convert", "--from", "carneades", name, "out.yaml"]
    files = {name: read("carneades", name)}
    if name == "valid.yml":
        return Case(name, argv, files, "ok", outputs=["out.yaml"])
    line = LINE.get(name)
    return Case(
        name, argv, files, outputs=["out.yaml"], check=has(f"{name}:{line}:") if line else None
    )


CASES = [_case(name) for name in inputs("carneades")]


@pytest.mark.parametrize("case", params(CASES))
def test_carneades(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])


def test_the_converted_graph_is_a_valid_map(outcomes: dict[str, Outcome]) -> None:
    import argmap

    m = argmap.load(outcomes["valid.yml"].folder / "out.yaml")
    assert not [p for p in m.check() if p.is_error]
