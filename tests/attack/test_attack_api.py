"""Class: misuse of the Python API (issue 10, Low): an ArgmapError, never AttributeError & co."""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, params, verify

MISUSES = [
    "evaluate-none",
    "semantics-none",
    "diff-none",
    "to-dot-party-none",
    "brief-side-int",
    "loads-list",
    "dump-folder",
]

CASES = [
    Case("reject-a-string", ["api", "reject-string"], expect="ok"),
    *(Case(name, ["api", "misuse", name]) for name in MISUSES),
]


@pytest.mark.parametrize("case", params(CASES))
def test_api(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
