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


def _write(kind: str, m: ArgumentMap, folder: Path) -> tuple[Path, bytes]:
    """Where ``kind`` writes ``m`` and the bytes a successful write gives."""
    if kind in ("yaml", "json"):
        return folder / f"m.{kind}", dumps(m, format=kind).encode()  # type: ignore[arg-type]
    if kind == "dot":
        from argmap.dot import to_dot

        return folder / "m.dot", to_dot(m).source.encode()
    from argmap.brief import render_brief

    return folder / "m.md", render_brief(m, format="md").text.encode()


def _save(kind: str, m: ArgumentMap, target: Path) -> None:
    if kind in ("yaml", "json"):
        dump(m, target)
    elif kind == "dot":
        from argmap.dot import render

        render(m, target)
    else:
        from argmap.brief import render_brief

        render_brief(m, format="md").save(target)


@settings(max_examples=60, deadline=None)
@given(
    old=argument_maps(max_statements=6),
    new=argument_maps(max_statements=6),
    where=st.sampled_from(["write", "fsync", "replace"]),
    fraction=st.floats(min_value=0, max_value=1),
    kind=st.sampled_from(["yaml", "json", "dot", "md"]),
    existed=st.booleans(),
)
def test_a_failed_write_leaves_old_bytes_and_no_temp_file(
    old: ArgumentMap, new: ArgumentMap, where: str, fraction: float, kind: str, existed: bool
) -> None:
    """dump(), render() and Brief.save(): the target is the old bytes or the new ones."""
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        folder = Path(tmp)
        target, new_bytes = _write(kind, new, folder)
        if existed:
            _save(kind, old, target)
        before = target.read_bytes() if existed else None
        cut = int(len(new_bytes) * fraction)
        _inject(mp, where, cut)
        with contextlib.suppress(Injected):
            _save(kind, new, target)
        mp.undo()
        after = target.read_bytes() if target.exists() else None
        assert after in (before, new_bytes)
        if where != "write" or cut < len(new_bytes):
            assert after == before  # the write did fail: nothing changed
        else:
            assert after == new_bytes
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


def test_a_target_name_at_the_length_limit_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("m" * 250 + ".yaml")  # 255 bytes: the longest name allowed
    assert atomic_write_text(target, "x\n").read_text() == "x\n"


def test_a_symlinked_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.txt"
    secret.write_text("keep\n")
    link = tmp_path / "out.md"
    link.symlink_to(secret)
    atomic_write_text(link, "new\n")
    assert secret.read_text() == "keep\n"
    assert not link.is_symlink()
    assert link.read_text() == "new\n"


def test_a_fifo_target_is_written_as_a_stream_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "argmap: 1\n")
    reader.join(timeout=30)
    assert received == [b"argmap: 1\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _leftovers(tmp_path, {"out.yaml"}) == []
