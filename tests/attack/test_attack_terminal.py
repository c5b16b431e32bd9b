"""Class: terminal control characters from a map (issue 10, Low): shown escaped, never raw."""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, both, has, lacks, params, read, verify

RAW = ("\x1b", "\x07", "\x9b", "\u202e")
CONTROLS = {"m.yaml": read("terminal", "controls.yaml")}
PARTY = {"m.yaml": read("terminal", "control-in-party.yaml")}

CASES = [
    Case(
        "eval-table",
        ["argmap", "eval", "m.yaml"],
        CONTROLS,
        "ok",
        check=both(lacks(*RAW), has("\\u001b[31m", "\\u202e")),
    ),
    Case(
        "eval-explain", ["argmap", "eval", "m.yaml", "--explain"], CONTROLS, "ok", check=lacks(*RAW)
    ),
    Case(
        "eval-diff",
        ["argmap", "eval", "m.yaml", "--reject", "P1", "--diff"],
        CONTROLS,
        "ok",
        check=lacks(*RAW),
    ),
    Case("eval-json", ["argmap", "eval", "m.yaml", "--json"], CONTROLS, "ok", check=lacks(*RAW)),
    Case("check", ["argmap", "check", "m.yaml"], CONTROLS, "ok", check=lacks(*RAW)),
    Case("check-bad-party", ["argmap", "check", "m.yaml"], PARTY, check=lacks(*RAW)),
    Case("check-json-bad-party", ["argmap", "check", "--json", "m.yaml"], PARTY, check=lacks(*RAW)),
    Case("eval-bad-party", ["argmap", "eval", "m.yaml"], PARTY, check=lacks(*RAW)),
    Case(
        "reject-unknown-id-with-escape",
        ["argmap", "eval", "m.yaml", "--reject", "\x1b[2J"],
        CONTROLS,
        check=lacks(*RAW),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_terminal(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])


def test_json_output_stays_valid_json(outcomes: dict[str, Outcome]) -> None:
    import json

    data = json.loads(outcomes["eval-json"].stdout)
    assert data["statuses"]["C1"] == "accepted"
    problems = json.loads(outcomes["check-json-bad-party"].stdout)
    assert [p["line"] for p in problems] == [3]
