"""Class: ICCMA framework files (issue 10, item 2 and the ICCMA digits).

A 21-byte ``p af 1000000000000`` must not build 10**12 names; numbers are ASCII
digits only; a 5,000-digit number is a clean error; devices and FIFOs are refused.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.attack._harness import Case, Outcome, has, inputs, params, read, verify

OK = {"name-5000-digits.af": "1 arguments", "many-arguments.af": "200000 arguments"}
LINE = {  # the line each error must name
    "huge-n.af": 1,
    "over-cap.af": 1,
    "n-5000-digits.af": 1,
    "superscript-n.af": 1,
    "superscript-attack.af": 2,
    "arabic-indic-n.af": 1,
    "arabic-indic-attack.af": 2,
    "fullwidth-n.af": 1,
    "fullwidth-attack.af": 2,
    "attack-5000-digits.af": 2,
}


def _case(name: str) -> Case:
    if name in OK:
        return Case(
            name, ["api", "framework", name], {name: read("iccma", name)}, "ok", check=has(OK[name])
        )
    line = LINE.get(name)
    return Case(
        name,
        ["api", "framework", name],
        {name: read("iccma", name)},
        check=has(f"{name}:{line}:") if line else None,
    )


def _link(name: str, target: str):  # type: ignore[no-untyped-def]
    return lambda d: (d / name).symlink_to(target)


CASES = [
    *(_case(name) for name in inputs("iccma")),
    Case(
        "device.af",
        ["api", "framework", "zero.af"],
        setup=_link("zero.af", "/dev/zero"),
        check=has("regular file"),
    ),
    Case(
        "fifo.af",
        ["api", "framework", "pipe.af"],
        setup=lambda d: os.mkfifo(d / "pipe.af"),
        check=has("regular file"),
    ),
    Case("folder.af", ["api", "framework", "dir.af"], setup=lambda d: (d / "dir.af").mkdir()),
    Case("missing.af", ["api", "framework", "nowhere.af"]),
]


@pytest.mark.parametrize("case", params(CASES))
def test_iccma(case: Case, outcomes: dict[str, Outcome]) -> None:
    verify(case, outcomes[case.id])


def test_no_5000_digit_number_is_echoed(outcomes: dict[str, Outcome]) -> None:
    for name in ("n-5000-digits.af", "attack-5000-digits.af"):
        assert len(outcomes[name].stderr) < 1000, Path(name)
