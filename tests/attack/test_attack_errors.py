"""Class: error reporting that must stay linear (issue 10, item 5).

20,000 dangling references are all reported, with lines, well inside the limit.
"""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, has, params, verify


def dangling(n: int) -> bytes:
    lines = ["argmap: 1", "statements:", "  C1: {claim: root}"]
    lines += [f"  P{i}: {{premise: reason {i}, supports: Missing{i}}}" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


CASES = [
    Case(
        "dangling-200",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": dangling(200)},
        check=has("m.yaml:203:"),
    ),
    # quadratic "did you mean" without the fix: minutes, so not run before the merge
    Case(
        "dangling-20000",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": dangling(20_000)},
        check=has("m.yaml:20003:"),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_errors(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
