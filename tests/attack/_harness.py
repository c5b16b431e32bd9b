"""The attack corpus harness: hostile inputs run through the CLI (or the API) in subprocesses.

Each ``test_attack_<class>.py`` lists :class:`Case` values. A module-scoped fixture
runs every case of the module at once (a few subprocesses in parallel, each under a
time limit and a memory cap), and one parametrised test per case checks what a user
relies on:

* no traceback, ever; a run that is killed by the time limit fails;
* ``expect="error"``: a non-zero exit (1 or 2) and a message on standard error;
  ``expect="ok"``: exit 0; ``expect="either"``: either, as long as it is clean;
* no temporary file left behind, and on failure no partial output: each declared
  output is absent, or still holds the bytes it had before the run;
* whatever the case's own ``check`` adds (a line number, no raw ESC, …).

Inputs are files under ``inputs/<class>/`` (or generated, for the large ones).
Every case must pass: none is expected to fail.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent.parent
INPUTS = ROOT / "inputs"
#: Generous: every case finishes in a second or two when things are right.
TIME_LIMIT = 60.0
#: Address-space cap of each run, 1.5 GB (a memory bomb fails fast instead of swapping).
MEMORY_LIMIT = 3 * 1024**3 // 2
WORKERS = max(2, min(6, (os.cpu_count() or 2) * 2))


@dataclass(frozen=True)
class Outcome:
    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool
    folder: Path

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


@dataclass(frozen=True)
class Case:
    """One hostile input and what must happen to it.

    ``argv`` starts with ``argmap`` (the command) or ``api`` (``tests.attack._api``);
    ``{dir}`` in an argument is the case's own folder, the working directory.
    """

    id: str
    argv: Sequence[str]
    files: Mapping[str, bytes] = field(default_factory=dict)
    expect: Literal["error", "ok", "either"] = "error"
    outputs: Sequence[str] = ()
    check: Callable[[Outcome], Any] | None = None
    setup: Callable[[Path], Any] | None = None
    fsize: int | None = None  # RLIMIT_FSIZE: a full disk after this many bytes


def read(cls: str, name: str) -> bytes:
    """An input file of the corpus."""
    return (INPUTS / cls / name).read_bytes()


def inputs(cls: str) -> list[str]:
    """The names of a class's input files, sorted."""
    return sorted(p.name for p in (INPUTS / cls).iterdir() if p.is_file())


def params(cases: Iterable[Case]) -> list[Any]:
    """pytest parameters, one per case, named by the case's id."""
    out = []
    seen: set[str] = set()
    for case in cases:
        assert case.id not in seen, f"duplicate case id {case.id}"
        seen.add(case.id)
        out.append(pytest.param(case, id=case.id))
    return out


def _command(case: Case, folder: Path) -> list[str]:
    args = [a.replace("{dir}", str(folder)) for a in case.argv]
    modules = {"argmap": "argmap", "api": "tests.attack._api"}
    if args[0] not in modules:
        raise ValueError(f"a case runs 'argmap' or 'api', not {args[0]!r}")
    limits = [str(MEMORY_LIMIT), str(case.fsize or 0)]
    return [sys.executable, "-m", "tests.attack._run", *limits, modules[args[0]], *args[1:]]


def run(case: Case, folder: Path) -> Outcome:
    """Run one case in ``folder`` (created here) and collect what happened."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if case.setup is not None:
        case.setup(folder)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        "PYTHONIOENCODING": "utf-8",
        "ARGMAP_PROGRESS": "0",
    }
    proc = subprocess.Popen(
        _command(case, folder),
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: a timeout kills dot & co. too
    )
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    return Outcome(
        proc.returncode,
        out.decode("utf-8", "backslashreplace"),
        err.decode("utf-8", "backslashreplace"),
        timed_out,
        folder,
    )


def run_all(cases: Iterable[Case], base: Path) -> dict[str, Outcome]:
    """Run every runnable case, a few at a time; outcomes by case id."""
    todo = list(cases)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {c.id: pool.submit(run, c, base / c.id) for c in todo}
        return {key: f.result() for key, f in futures.items()}


def verify(case: Case, outcome: Outcome) -> None:
    """What every hostile input must give (see the module docstring)."""
    shown = f"\n--- stdout:\n{outcome.stdout[-3000:]}\n--- stderr:\n{outcome.stderr[-3000:]}"
    assert not outcome.timed_out, f"still running after {TIME_LIMIT:.0f} s" + shown
    assert "Traceback (most recent call last)" not in outcome.text, shown
    code = outcome.returncode
    assert code is not None and code >= 0, f"killed by signal {code}" + shown
    if case.expect == "error":
        assert code in (1, 2), f"exit {code}, expected a clean error" + shown
        assert "error" in outcome.text.lower(), shown
    elif case.expect == "ok":
        assert code == 0, f"exit {code}, expected success" + shown
    else:
        assert code in (0, 1, 2), f"exit {code}" + shown
    leftovers = [
        str(p.relative_to(outcome.folder))
        for p in outcome.folder.rglob("*")
        if p.name.startswith(".") and p.name.endswith(".tmp")
    ]
    assert leftovers == [], f"temporary files left: {leftovers}"
    for name in case.outputs:
        path = outcome.folder / name
        if code != 0:
            before = case.files.get(name)
            if before is None:
                assert not path.is_file(), f"partial output {name} left after a failure"
            else:
                assert path.read_bytes() == before, f"{name} changed by a failed run"
        elif case.expect == "ok":
            assert path.exists(), f"{name} was not written"
    if case.check is not None:
        case.check(outcome)


def has(*words: str) -> Callable[[Outcome], None]:
    """A check: every word appears in the output (e.g. a ``file:line`` prefix)."""

    def check(outcome: Outcome) -> None:
        for word in words:
            assert word in outcome.text, f"{word!r} not in:\n{outcome.text[-3000:]}"

    return check


def lacks(*words: str) -> Callable[[Outcome], None]:
    """A check: no word appears in the output."""

    def check(outcome: Outcome) -> None:
        for word in words:
            assert word not in outcome.text, f"{word!r} in:\n{outcome.text[-3000:]}"

    return check


def both(*checks: Callable[[Outcome], None]) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        for c in checks:
            c(outcome)

    return check
