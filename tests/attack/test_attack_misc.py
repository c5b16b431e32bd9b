"""Class: structural faults that must each get a precise message (self-undercut, circles)."""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, both, has, lacks, params, read, verify

CASES = [
    Case(
        "self-undercut",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": read("misc", "self-undercut.yaml")},
        check=both(has("m.yaml:5:", "undercuts itself"), lacks("each other")),
    ),
    Case(
        "mutual-undercut",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": read("misc", "mutual-undercut.yaml")},
        check=has("m.yaml:5:", "each other"),
    ),
    Case(
        "support-cycle-eval",
        ["argmap", "eval", "m.yaml"],
        {"m.yaml": read("misc", "support-cycle.yaml")},
        expect="either",
    ),
    Case(
        "support-cycle-check",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": read("misc", "support-cycle.yaml")},
        check=has("circle"),
    ),
    Case("unknown-casebook", ["argmap", "check", "casebook:nope"]),
    Case(
        "bundled-name-without-prefix",
        ["argmap", "check", "sanctuary"],
        check=has("casebook:sanctuary"),
    ),
    Case("unknown-subcommand", ["argmap", "explode"]),
    Case("bad-weight", ["argmap", "eval", "casebook:sanctuary", "--weight", "x=heavy"]),
    Case(
        "bad-semantics",
        ["argmap", "eval", "casebook:sanctuary", "--semantics", "prefered"],
        check=has("preferred"),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_misc(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
