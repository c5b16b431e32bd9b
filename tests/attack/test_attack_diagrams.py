"""Class: maps that strain the diagram and brief writers (issue 10, items 6, 7 and 12).

Axiomatic inferences (``premises: []``) draw and brief; 2,000 premises or rebuttals
meet a time limit with advice; statements and notes over Graphviz's 16 KB quoted
string limit still draw.
"""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, params, read, verify


def wide(n: int, kind: str, field: str) -> bytes:
    lines = [
        "argmap: 1",
        "statements:",
        "  C1: {claim: root}",
        "  P0: {premise: base, supports: C1}",
    ]
    lines += [f"  X{i}: {{{kind}: item {i}, {field}: C1}}" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def long_text(field: str) -> bytes:
    body = "word " * 5000  # 25 KB, over Graphviz's 16 KB quoted-string limit
    lines = ["argmap: 1", "statements:"]
    if field == "claim":
        lines += [f"  C1: {{claim: {body}}}", "  P1: {premise: p, supports: C1}"]
    else:
        lines += [f"  C1: {{claim: c, note: {body}}}", "  P1: {premise: p, supports: C1}"]
    return ("\n".join(lines) + "\n").encode()


AXIOM = {"m.yaml": read("axiomatic", "axiom.yaml")}
UNDERCUT = {"m.yaml": read("axiomatic", "undercut-axiom.yaml")}

CASES = [
    Case("axiom-check", ["argmap", "check", "m.yaml"], AXIOM, "ok"),
    Case(
        "axiom-render-dot",
        ["argmap", "render", "m.yaml", "-o", "out.dot"],
        AXIOM,
        "ok",
        outputs=["out.dot"],
    ),
    Case(
        "axiom-render-svg",
        ["argmap", "render", "m.yaml", "-o", "out.svg"],
        AXIOM,
        "ok",
        outputs=["out.svg"],
    ),
    Case(
        "axiom-brief",
        ["argmap", "brief", "m.yaml", "-o", "out.md"],
        AXIOM,
        "ok",
        outputs=["out.md"],
    ),
    Case(
        "axiom-undercut-brief",
        ["argmap", "brief", "m.yaml", "-o", "out.md", "--side", "b", "--evaluate"],
        UNDERCUT,
        "ok",
        outputs=["out.md"],
    ),
    Case(
        "axiom-undercut-render",
        ["argmap", "render", "m.yaml", "-o", "out.dot", "--evaluate"],
        UNDERCUT,
        "ok",
        outputs=["out.dot"],
    ),
    Case(
        "long-claim-svg",
        ["argmap", "render", "m.yaml", "-o", "out.svg"],
        {"m.yaml": long_text("claim")},
        "ok",
        outputs=["out.svg"],
    ),
    Case(
        "long-note-svg",
        ["argmap", "render", "m.yaml", "-o", "out.svg"],
        {"m.yaml": long_text("note")},
        "ok",
        outputs=["out.svg"],
    ),
    Case(
        "long-claim-html-brief",
        ["argmap", "brief", "m.yaml", "-o", "out.html"],
        {"m.yaml": long_text("claim")},
        "ok",
        outputs=["out.html"],
    ),
    # Graphviz runs for minutes on these without a timeout: not run before the merge.
    Case(
        "premises-2000-svg",
        ["argmap", "render", "m.yaml", "-o", "out.svg"],
        {"m.yaml": wide(2000, "premise", "supports")},
        "either",
        outputs=["out.svg"],
    ),
    Case(
        "rebuttals-2000-svg",
        ["argmap", "render", "m.yaml", "-o", "out.svg"],
        {"m.yaml": wide(2000, "rebuttal", "attacks")},
        "either",
        outputs=["out.svg"],
    ),
    Case(
        "premises-2000-dot-source",
        ["argmap", "render", "m.yaml", "-o", "out.dot"],
        {"m.yaml": wide(2000, "premise", "supports")},
        "ok",
        outputs=["out.dot"],
    ),
    Case(
        "premises-2000-eval",
        ["argmap", "eval", "m.yaml"],
        {"m.yaml": wide(2000, "premise", "supports")},
        "ok",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_diagrams(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
