"""Atomic writes: a target file is always its old bytes or its new bytes, never a torn mix."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _io
from argmap._io import atomic_write_bytes, atomic_write_text
from argmap.exceptions import ArgmapError
from argmap.formats.native import dump, dumps
from argmap.graph import ArgumentMap
from tests.strategies import argument_maps


class Injected(OSError):
    """The failure we inject (a full disk, a dying device)."""


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _inject(monkeypatch: pytest.MonkeyPatch, where: str, after: int) -> None:
    """Make one step of the write fail: ``write`` after ``after`` bytes, ``fsync`` or ``replace``."""
    if where == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            f = real_fdopen(fd, mode, *args, **kwargs)
            real_write = f.write

            def write(data: bytes) -> int:
                if len(data) > after:
                    real_write(data[:after])
                    f.flush()
                    raise Injected(28, "No space left on device")
                return int(real_write(data))

            f.write = write
            return f

        monkeypatch.setattr(_io.os, "fdopen", fdopen)
    elif where == "fsync":

        def fsync(fd: int) -> None:
            raise Injected(5, "Input/output error")

        monkeypatch.setattr(_io.os, "fsync", fsync)
    else:

        def replace(src: Any, dst: Any) -> None:
            raise Injected(5, "Input/output error")

        monkeypatch.setattr(_io.os, "replace", replace)


@settings(max_examples=60, deadline=None)
@given(
    old=argument_maps(max_statements=6),
    new=argument_maps(max_statements=6),
    where=st.sampled_from(["write", "fsync", "replace"]),
    fraction=st.floats(min_value=0, max_value=1),
    fmt=st.sampled_from(["yaml", "json"]),
    existed=st.booleans(),
)
def test_a_failed_dump_leaves_old_bytes_and_no_temp_file(
    old: ArgumentMap, new: ArgumentMap, where: str, fraction: float, fmt: str, existed: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        folder = Path(tmp)
        target = folder / f"m.{fmt}"
        if existed:
            dump(old, target)
        before = target.read_bytes() if existed else None
        new_bytes = dumps(new, format=fmt).encode()  # type: ignore[arg-type]
        _inject(mp, where, int(len(new_bytes) * fraction))
        with contextlib.suppress(Injected):
            dump(new, target)
        mp.undo()
        after = target.read_bytes() if target.exists() else None
        assert after in (before, new_bytes)
        if where != "write" or int(len(new_bytes) * fraction) < len(new_bytes):
            assert after == before  # the write did fail: nothing changed
        assert _leftovers(folder, {target.name}) == []


@settings(max_examples=40, deadline=None)
@given(
    old=st.binary(max_size=2000),
    new=st.binary(max_size=2000),
    after=st.integers(min_value=0, max_value=2000),
)
def test_a_write_cut_short_after_k_bytes_keeps_the_old_file(
    old: bytes, new: bytes, after: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        target = Path(tmp) / "out.svg"
        target.write_bytes(old)
        _inject(mp, "write", after)
        try:
            atomic_write_bytes(target, new)
            failed = False
        except Injected:
            failed = True
        mp.undo()
        assert target.read_bytes() == (old if failed else new)
        assert failed == (len(new) > after)
        assert _leftovers(Path(tmp), {"out.svg"}) == []


def test_an_unencodable_text_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    with pytest.raises(ArgmapError, match="cannot encode"):
        atomic_write_text(target, '{"bad": "\ud800"}\n')
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert _leftovers(tmp_path, {"x.json"}) == []


def test_an_interrupt_mid_write_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old\n")

    def fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_io.os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new\n")
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path, {"brief.md"}) == []


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "m.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    atomic_write_text(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "new\n"


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    atomic_write_text(target, "x\n")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_a_folder_is_refused_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="folder"):
        atomic_write_bytes(tmp_path, b"x")


def test_missing_folders_are_created_on_request(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c.txt"
    with pytest.raises(FileNotFoundError):
        atomic_write_text(target, "x")
    assert atomic_write_text(target, "x", mkdir=True).read_text() == "x"
