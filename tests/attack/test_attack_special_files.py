"""Class: inputs that are not regular files, and oversized ones (issue 10, item 8)."""

from __future__ import annotations

import os

import pytest

from tests.attack._harness import Case, Outcome, params, verify


def link(name: str, target: str):  # type: ignore[no-untyped-def]
    return lambda d: (d / name).symlink_to(target)


def sparse(name: str, size: int):  # type: ignore[no-untyped-def]
    def make(folder: os.PathLike[str]) -> None:
        with open(os.path.join(folder, name), "wb") as f:
            f.truncate(size)

    return make


CASES = [
    # /dev/zero is read until the memory cap without the fix: fast, but it must be refused.
    Case("dev-zero", ["argmap", "check", "m.yaml"], setup=link("m.yaml", "/dev/zero")),
    # a FIFO with no writer blocks the reader forever without the fix
    Case(
        "fifo",
        ["argmap", "check", "m.yaml"],
        setup=lambda d: os.mkfifo(d / "m.yaml"),
    ),
    Case("folder", ["argmap", "check", "m.yaml"], setup=lambda d: (d / "m.yaml").mkdir()),
    Case("dev-null", ["argmap", "check", "m.yaml"], setup=link("m.yaml", "/dev/null")),
    Case("empty-file", ["argmap", "check", "m.yaml"], {"m.yaml": b""}),
    Case("over-32-mb", ["argmap", "check", "m.yaml"], setup=sparse("m.yaml", 33 * 1024 * 1024)),
    Case("dangling-symlink", ["argmap", "check", "m.yaml"], setup=link("m.yaml", "nowhere")),
    Case("binary-garbage", ["argmap", "check", "m.yaml"], {"m.yaml": bytes(range(256)) * 4}),
    Case(
        "nul-bytes-in-text",
        ["argmap", "check", "m.yaml"],
        {"m.yaml": b"argmap: 1\x00\nstatements: {}\n"},
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_special_files(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])
