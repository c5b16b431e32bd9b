"""Class: writes that must never destroy a file (issue 10, item 1; convert/casebook folders).

A failed write leaves the target with its old bytes (or absent) and no temporary
file: text that cannot be encoded, a disk that fills up (RLIMIT_FSIZE), a target
that is a folder or sits below a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.attack._harness import Case, Outcome, has, params, read, verify

GOOD = read("writes", "good.yaml")
SURROGATE = read("writes", "surrogate.json")
OLD = b"argmap: 1\ntitle: the old file, which must survive\n"
DISK = 20_000  # bytes before the "disk" is full; every output below is larger


def folder(name: str):  # type: ignore[no-untyped-def]
    return lambda d: (d / name).mkdir(parents=True)


CASES = [
    Case(
        "convert-onto-itself-unencodable",
        ["argmap", "convert", "x.json", "x.json"],
        {"x.json": SURROGATE},
        outputs=["x.json"],
    ),
    Case(
        "convert-unencodable-to-yaml",
        ["argmap", "convert", "x.json", "out.yaml"],
        {"x.json": SURROGATE, "out.yaml": OLD},
        outputs=["out.yaml"],
    ),
    Case(
        "brief-unencodable",
        ["argmap", "brief", "x.json", "-o", "out.md"],
        {"x.json": SURROGATE},
        outputs=["out.md"],
    ),
    Case(
        "render-dot-unencodable",
        ["argmap", "render", "x.json", "-o", "out.dot"],
        {"x.json": SURROGATE},
        outputs=["out.dot"],
    ),
    Case(
        "full-disk-convert-yaml-over-old",
        ["argmap", "convert", "casebook:sanctuary", "out.yaml"],
        {"out.yaml": OLD},
        outputs=["out.yaml"],
        fsize=DISK,
    ),
    Case(
        "full-disk-convert-json-new",
        ["argmap", "convert", "casebook:sanctuary", "out.json"],
        outputs=["out.json"],
        fsize=DISK,
    ),
    Case(
        "full-disk-render-svg",
        ["argmap", "render", "casebook:sanctuary", "-o", "out.svg"],
        {"out.svg": OLD},
        outputs=["out.svg"],
        fsize=DISK,
    ),
    Case(
        "full-disk-render-dot",
        ["argmap", "render", "casebook:sanctuary", "-o", "out.dot"],
        outputs=["out.dot"],
        fsize=DISK,
    ),
    Case(
        "full-disk-brief-html",
        ["argmap", "brief", "casebook:sanctuary", "-o", "out.html", "--no-diagram"],
        {"out.html": OLD},
        outputs=["out.html"],
        fsize=DISK,
    ),
    Case(
        "full-disk-memo-md",
        ["argmap", "brief", "casebook:sanctuary", "-o", "out.md", "--template", "memo"],
        outputs=["out.md"],
        fsize=DISK,
    ),
    Case(
        "full-disk-casebook-o",
        ["argmap", "casebook", "sanctuary", "-o", "out.yaml"],
        {"out.yaml": OLD},
        outputs=["out.yaml"],
        fsize=DISK,
    ),
    Case(
        "full-disk-demo",
        ["argmap", "demo", "-o", "build"],
        outputs=["build/sanctuary.yaml"],
        fsize=DISK,
    ),
    Case(
        "convert-into-a-folder",
        ["argmap", "convert", "good.yaml", "out.yaml"],
        {"good.yaml": GOOD},
        setup=folder("out.yaml"),
    ),
    Case(
        "render-into-a-folder",
        ["argmap", "render", "good.yaml", "-o", "out.dot"],
        {"good.yaml": GOOD},
        setup=folder("out.dot"),
    ),
    Case(
        "brief-into-a-folder",
        ["argmap", "brief", "good.yaml", "-o", "out.md"],
        {"good.yaml": GOOD},
        setup=folder("out.md"),
    ),
    Case(
        "casebook-into-a-folder",
        ["argmap", "casebook", "sanctuary", "-o", "out.yaml"],
        setup=folder("out.yaml"),
    ),
    Case(
        "convert-below-a-file",
        ["argmap", "convert", "good.yaml", "good.yaml/x.json"],
        {"good.yaml": GOOD},
        outputs=["good.yaml"],
    ),
    Case(
        "demo-onto-a-file",
        ["argmap", "demo", "-o", "build"],
        {"build": OLD},
        outputs=["build"],
    ),
    Case(
        "convert-creates-missing-folders",
        ["argmap", "convert", "good.yaml", "new/a/b/m.json"],
        {"good.yaml": GOOD},
        expect="ok",
        outputs=["new/a/b/m.json"],
    ),
    Case(
        "casebook-creates-missing-folders",
        ["argmap", "casebook", "sanctuary", "-o", "new/c/d.yaml"],
        expect="ok",
        outputs=["new/c/d.yaml"],
        check=has("wrote new/c/d.yaml"),
    ),
    Case(
        "convert-onto-itself-good",
        ["argmap", "convert", "good.yaml", "good.yaml"],
        {"good.yaml": GOOD},
        expect="ok",
        outputs=["good.yaml"],
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_writes(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])


def test_a_successful_rewrite_is_complete_and_loads(outcomes: dict[str, Outcome]) -> None:
    import argmap

    out = outcomes["convert-creates-missing-folders"].folder / "new/a/b/m.json"
    assert len(argmap.load(out)) == 4
    same = outcomes["convert-onto-itself-good"].folder / "good.yaml"
    assert argmap.load(same) == argmap.loads(GOOD.decode())
    assert Path(same).read_bytes() != b""
