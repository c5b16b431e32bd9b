"""Progress bars: on a terminal for long work, never in pipes, files or logs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from argmap import _progress
from argmap._progress import enabled, steps, track
from argmap.cli import main


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_PROGRESS", raising=False)


def test_a_terminal_gets_a_bar_and_the_items_are_unchanged() -> None:
    out = Terminal()
    assert list(track(range(50), desc="statuses", stream=out, delay=0)) == list(range(50))
    assert "statuses" in out.getvalue()


def test_a_pipe_or_file_gets_no_bar() -> None:
    out = io.StringIO()
    assert list(track(range(50), desc="statuses", stream=out, delay=0)) == list(range(50))
    with steps(["read", "evaluate"], desc="argmap eval", stream=out, delay=0) as step:
        step("read")
        step("evaluate")
    assert out.getvalue() == ""
    assert not enabled(out)


def test_steps_show_the_step_running_now_on_a_terminal() -> None:
    out = Terminal()
    with steps(["read", "evaluate", "report"], desc="argmap eval", stream=out, delay=0) as step:
        step("read")
        step("evaluate")
        step("report")
    shown = out.getvalue()
    assert "argmap eval" in shown
    assert "evaluate" in shown


def test_quick_work_shows_nothing_even_on_a_terminal() -> None:
    out = Terminal()
    assert list(track(range(5), desc="statuses", stream=out, delay=60)) == list(range(5))
    assert "statuses" not in out.getvalue()


@pytest.mark.parametrize(("setting", "tty", "expected"), [("0", True, False), ("1", False, True)])
def test_the_environment_variable_overrides_the_terminal_test(
    monkeypatch: pytest.MonkeyPatch, setting: str, tty: bool, expected: bool
) -> None:
    monkeypatch.setenv("ARGMAP_PROGRESS", setting)
    assert enabled(Terminal() if tty else io.StringIO()) is expected


def test_tqdm_is_imported_lazily_and_only_by_the_progress_module() -> None:
    root = Path(_progress.__file__).parent
    importers = sorted(
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "from tqdm" in p.read_text(encoding="utf-8")
        or "import tqdm" in p.read_text(encoding="utf-8")
    )
    assert importers == ["_progress.py"]
    source = Path(_progress.__file__).read_text(encoding="utf-8")
    top = source.split("def enabled")[0]
    assert "tqdm import" not in top


def test_the_cli_prints_no_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: y, supports: C1}\n")
    assert main(["eval", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_the_cli_shows_steps_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: y, supports: C1}\n")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(_progress, "DELAY", 0.0)
    assert main(["eval", str(path)]) == 0
    assert "C1" in capsys.readouterr().out  # the report itself goes to standard output
    assert "argmap eval" in terminal.getvalue()
    assert "statuses" in terminal.getvalue()
