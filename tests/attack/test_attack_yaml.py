"""Class: the YAML/JSON reader (issue 10, items 1 and 4, and the Low reader items).

Text fields are text (dates, huge integers, ``<<`` and ``=`` stay strings); bad
explicit tags, ``argmap: true`` and lone surrogates are clean errors with a line;
bombs and deep nesting are refused or held; a UTF-32 file is called UTF-32.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.attack._harness import Case, Outcome, both, has, lacks, params, read, verify


def keeps(text: str) -> Callable[[Outcome], None]:
    """A check: the converted map holds ``text`` as text."""

    def check(outcome: Outcome) -> None:
        data = json.loads((outcome.folder / "out.json").read_text(encoding="utf-8"))
        assert text in json.dumps(data, ensure_ascii=False), data

    return check


def text_case(name: str, text: str) -> Case:
    return Case(
        name,
        ["argmap", "convert", name, "out.json"],
        {name: read("yaml", name)},
        "ok",
        outputs=["out.json"],
        check=keeps(text),
    )


def error_case(
    name: str,
    line: int | None,
    check: Callable[[Outcome], None] | None = None,
) -> Case:
    return Case(
        name,
        ["argmap", "check", name],
        {name: read("yaml", name)},
        check=check or (has(f"{name}:{line}:") if line else None),
    )


CASES = [
    text_case("invalid-date-claim.yaml", "2023-13-45"),
    text_case("invalid-date-title.yaml", "2023-02-30"),
    text_case("int-5000-digits.yaml", "1" * 5000),
    text_case("merge-key-value.yaml", '"claim": "<<"'),
    text_case("equals-value.yaml", '"claim": "="'),
    error_case("tag-int-abc.yaml", 4),
    error_case("tag-bool-maybe.yaml", 4),
    error_case("tag-timestamp-x.yaml", 4),
    error_case("version-true.yaml", 1),
    error_case("tag-on-wrong-node.yaml", 2),
    error_case("int-5000-digits.json", 1),
    error_case("lone-surrogate.json", 1),
    Case(
        "lone-surrogate-convert-onto-itself",
        ["argmap", "convert", "x.json", "x.json"],
        {"x.json": read("yaml", "lone-surrogate.json")},
        outputs=["x.json"],
    ),
    error_case("billion-laughs.yaml", None),
    error_case("deep-nesting.yaml", None),
    error_case("utf32.yaml", None, check=both(has("UTF-32"), lacks("UTF-16"))),
]


@pytest.mark.parametrize("case", params(CASES))
def test_yaml(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
