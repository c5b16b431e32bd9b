"""The Python API, driven like the CLI, for hostile inputs that no subcommand reaches.

``python -m tests.attack._api OPERATION ARGS...`` runs one operation; an
``ArgmapError`` is printed as ``error: ...`` with exit status 1, exactly as the
command does; anything else escapes as a traceback, which the corpus counts as
a failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap as am
from argmap.exceptions import ArgmapError

OPERATIONS: dict[str, Callable[..., Any]] = {}


def operation(f: Callable[..., Any]) -> Callable[..., Any]:
    OPERATIONS[f.__name__.replace("_", "-")] = f
    return f


def _small_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Small")
    m.claim("It binds", id="C1")
    m.premise("Signed", id="P1", supports="C1")
    m.rebuttal("Void", id="R1", attacks="C1")
    return m


@operation
def framework(path: str) -> None:
    """Read an ICCMA framework file (.af, .apx, .tgf) and print its size."""
    from argmap.formats.iccma import load_framework

    af = load_framework(path)
    print(f"{af.number_of_nodes()} arguments, {af.number_of_edges()} attacks")


@operation
def reject_string() -> None:
    """``evaluate(m, reject="R1")``: one id, or a refusal, never the characters R and 1."""
    ev = am.evaluate(_small_map(), reject="R1")
    assert ev.status("R1") == "rejected", ev.status("R1")


@operation
def misuse(name: str) -> None:
    """Wrong arguments to public functions: an ArgmapError, not AttributeError & co."""
    m = _small_map()
    ev = am.evaluate(m)
    calls: dict[str, Callable[[], Any]] = {
        "evaluate-none": lambda: am.evaluate(None),  # type: ignore[arg-type]
        "semantics-none": lambda: am.evaluate(m, semantics=None),  # type: ignore[arg-type]
        "diff-none": lambda: am.diff(ev, None),  # type: ignore[arg-type]
        "to-dot-party-none": lambda: am.to_dot(m, parties=[None]),  # type: ignore[list-item]
        "brief-side-int": lambda: am.render_brief(m, side=5),  # type: ignore[arg-type]
        "loads-list": lambda: am.loads([]),  # type: ignore[arg-type]
        "dump-folder": lambda: am.dump(m, Path.cwd()),
    }
    calls[name]()


def main(argv: list[str]) -> int:
    name, *args = argv
    try:
        OPERATIONS[name](*args)
    except ArgmapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
