"""Class: hostile output paths: long or odd names, devices, the input itself, /proc.

A device or pipe is written as a stream (never replaced by a file); a path that
cannot take a file is a clean error; names are printed with controls escaped.
"""

from __future__ import annotations

import pytest

from tests.attack._harness import Case, Outcome, both, has, lacks, params, read, verify

GOOD = {"good.yaml": read("writes", "good.yaml")}
LONG = "m" * 250 + ".json"  # 255 bytes, the longest name a folder entry may have


def still_a_device() -> None:
    import stat
    from pathlib import Path

    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode), "/dev/null was replaced"


CASES = [
    Case("longest-name", ["argmap", "convert", "good.yaml", LONG], GOOD, "ok", outputs=[LONG]),
    Case("name-too-long", ["argmap", "convert", "good.yaml", "m" * 300 + ".json"], GOOD),
    Case(
        "escape-in-output-name",
        ["argmap", "convert", "good.yaml", "a\x1b[2Jb.json"],
        GOOD,
        "ok",
        outputs=["a\x1b[2Jb.json"],
        check=both(lacks("\x1b"), has("\\u001b[2Jb.json")),
    ),
    Case(
        "unicode-name",
        ["argmap", "convert", "good.yaml", "mapa-ñ-地図.json"],
        GOOD,
        "ok",
        outputs=["mapa-ñ-地図.json"],
    ),
    Case(
        "to-dev-stdout",
        ["argmap", "convert", "good.yaml", "/dev/stdout", "--to", "yaml"],
        GOOD,
        "ok",
        check=has("argmap: 1"),
    ),
    Case(
        "to-dev-null",
        ["argmap", "convert", "good.yaml", "/dev/null", "--to", "yaml"],
        GOOD,
        "ok",
        check=lambda _: still_a_device(),
    ),
    Case("into-proc", ["argmap", "convert", "good.yaml", "/proc/argmap-test.json"], GOOD),
    Case(
        "render-over-its-input",
        ["argmap", "render", "good.yaml", "-o", "good.yaml"],
        GOOD,
        outputs=["good.yaml"],
    ),
    Case(
        "brief-over-its-input",
        ["argmap", "brief", "good.yaml", "-o", "good.yaml"],
        GOOD,
        outputs=["good.yaml"],
    ),
    Case(
        "render-unknown-suffix",
        ["argmap", "render", "good.yaml", "-o", "out.xyz"],
        GOOD,
        outputs=["out.xyz"],
    ),
    Case(
        "brief-pdf-suffix",
        ["argmap", "brief", "good.yaml", "-o", "out.pdf"],
        GOOD,
        outputs=["out.pdf"],
    ),
    Case(
        "input-named-like-an-option",
        ["argmap", "check", "--", "-m.yaml"],
        {"-m.yaml": GOOD["good.yaml"]},
        "ok",
    ),
    Case("empty-output-name", ["argmap", "convert", "good.yaml", ""], GOOD),
]


@pytest.mark.parametrize("case", params(CASES))
def test_paths(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
