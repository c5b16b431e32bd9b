"""Class: user templates (issue 10, items 3 and 10): a closed folder, bounded rendering.

Each template in ``inputs/templates/tpl`` is rendered with ``--templates tpl``;
each must give a ``BriefError`` naming the template (no traceback, no secret in
the output file, no partial file), within the time and memory limits.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.attack._harness import INPUTS, Case, Outcome, both, has, lacks, params, read, verify

TPL = INPUTS / "templates" / "tpl"
GOOD = read("templates", "good.yaml")


def folder_with(extra: dict[str, str]):  # type: ignore[no-untyped-def]
    def make(d: Path) -> None:
        shutil.copytree(TPL, d / "tpl")
        for name, target in extra.items():
            os.symlink(target, d / "tpl" / name)

    return make


def no_secret(outcome: Outcome) -> None:
    """A symlink out of the folder counts as "not found": the brief either fails
    cleanly or falls back to the built-in template; the linked file never shows."""
    out = outcome.folder / "out.md"
    assert "root:x:0" not in outcome.text
    assert not out.is_file() or "root:x:0" not in out.read_text(errors="replace")


def case(template: str, **extra: str) -> Case:
    leak = bool(extra)
    return Case(
        template,
        [
            "argmap",
            "brief",
            "good.yaml",
            "-o",
            "out.md",
            "--templates",
            "tpl",
            "--template",
            template,
        ],
        {"good.yaml": GOOD},
        outputs=["out.md"],
        setup=folder_with(extra),
        expect="either" if leak else "error",
        check=no_secret if leak else both(has(template), lacks("root:x:0")),
    )


CASES = [
    case("leak", **{"brief.md": "/etc/passwd"}),
    case("leak-folder", etc="/etc"),
    case("self-include"),
    case("self-extends"),
    case("recursive-macro"),
    case("deep-expression"),
    case("string-bomb"),
    case("list-bomb"),
    case("batch-bomb"),
    case("truncate-negative"),
    # 10**10 loop iterations: hangs without a time limit on rendering
    case("nested-loops"),
    Case(
        "missing-template",
        [
            "argmap",
            "brief",
            "good.yaml",
            "-o",
            "out.md",
            "--templates",
            "tpl",
            "--template",
            "nope",
        ],
        {"good.yaml": GOOD},
        outputs=["out.md"],
        setup=folder_with({}),
    ),
    Case(
        "templates-folder-missing",
        [
            "argmap",
            "brief",
            "good.yaml",
            "-o",
            "out.md",
            "--templates",
            "nowhere",
            "--template",
            "x",
        ],
        {"good.yaml": GOOD},
        outputs=["out.md"],
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_templates(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
