"""Atomic file writes: a file is either its old bytes or its new bytes, never half of each.

Every file argmap writes (maps, diagrams, briefs, the demo folder) goes through
:func:`atomic_write_bytes` or :func:`atomic_write_text`: the data is written to a
temporary file in the target's folder, flushed and fsynced, then renamed over the
target with :func:`os.replace` (atomic on POSIX and Windows), and the folder is
fsynced so that the rename survives a crash. If anything fails on the way (a full
disk, a text that cannot be encoded, an interrupt), the temporary file is removed
and the target is untouched. An existing target keeps its permission bits; a
target that is a symbolic link is replaced by the new file (the link's own
target is never written through). A device or FIFO (``/dev/stdout``, a pipe) is
written as the stream it is, never replaced.

Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write_text(p, "first\\n").read_text()
    'first\\n'
    >>> atomic_write_text(p, "caf\\udce9\\n")  # a lone surrogate cannot be UTF-8
    Traceback (most recent call last):
    ...
    argmap.exceptions.ArgmapError: cannot write ...out.txt: the text holds a character that UTF-8 cannot encode (position 3); nothing was written
    >>> p.read_text()
    'first\\n'
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .exceptions import ArgmapError, LoadError
from .problems import Problem

__all__ = ["atomic_write_bytes", "atomic_write_text", "read_map_file"]


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: os.umask can only be read by setting it


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, mkdir: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; return the path.

    Args:
        path: the file to write (replaced if it exists; a folder is refused).
        data: the bytes.
        mkdir: create missing parent folders first.

    Raises:
        ArgmapError: when ``path`` is a folder.
        OSError: when the file cannot be written; ``path`` is then unchanged and
            no temporary file is left behind.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a" / "b.bin"
        >>> atomic_write_bytes(p, b"\\x00\\x01", mkdir=True).read_bytes()
        b'\\x00\\x01'
    """
    target = Path(path)
    if target.is_dir():
        raise ArgmapError(f"cannot write {str(target)!r}: it is a folder; give a file name")
    if target.exists() and not target.is_file():
        # A device, FIFO or socket (/dev/stdout, a pipe): a stream, written as such;
        # renaming a file over it would replace the device node itself.
        with open(target, "wb") as stream:
            stream.write(data)
        return target
    if mkdir:
        target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = None
    # The temporary name stays within NAME_MAX (255) whatever the target's length.
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        # Name the file the user asked for, not the temporary one beside it.
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            # mkstemp creates 0600; a new file gets the usual umask-based mode.
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    return target


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", mkdir: bool = False
) -> Path:
    """Write ``text`` to ``path`` atomically (``\\n`` line ends kept as is); return the path.

    The text is encoded before anything touches the disk, so a string that
    cannot be encoded (a lone surrogate) leaves the target as it was.

    Raises:
        ArgmapError: when the text cannot be encoded, or ``path`` is a folder.
        OSError: when the file cannot be written (``path`` is then unchanged).

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
        >>> atomic_write_text(p, "argmap: 1\\n").read_text()
        'argmap: 1\\n'
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise ArgmapError(
            f"cannot write {os.fspath(path)}: the text holds a character that "
            f"{exc.encoding.upper()} cannot encode "
            f"(position {exc.start}); nothing was written"
        ) from None
    return atomic_write_bytes(path, data, mkdir=mkdir)


def read_map_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a map file, for every reader: a regular file only (never a folder,
    device or FIFO, which could hang or never end) and a bounded read (whatever ``stat``
    says), each failure a :class:`LoadError` naming the file.

    Example:
        >>> read_map_file("/dev/zero", 100)
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: /dev/zero: error: cannot read the file: it is not a regular file [not-a-file]
    """
    limit = max_bytes
    name = os.fspath(path)

    def refuse(code: str, message: str) -> LoadError:
        return LoadError([Problem("error", code, message, source=name)], name)

    def too_large(size: str) -> LoadError:
        return refuse(
            "too-large",
            f"the file is {size}, larger than the {limit / 2**20:.0f} MB argmap reads "
            "(pass max_bytes= to raise the limit)",
        )

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise refuse("not-a-file", f"cannot read the file: it is {what}")
        if info.st_size > limit:
            raise too_large(f"{info.st_size / 2**20:.1f} MB")
        # O_NONBLOCK: should the path have become a FIFO since stat(), opening does not hang
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise refuse("not-a-file", "cannot read the file: it is not a regular file")
            raw = f.read(limit + 1)  # the read itself is bounded, whatever stat said
    except OSError as exc:
        raise refuse("io", f"cannot read the file: {exc.strerror}") from None
    if len(raw) > limit:
        raise too_large(f"over {limit / 2**20:.0f} MB")
    return raw
