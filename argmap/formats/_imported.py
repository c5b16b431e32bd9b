"""What an importer gives back: the map, which format it was read as, and notes.

Example:
    >>> from argmap.graph import ArgumentMap
    >>> r = Imported(ArgumentMap("T"), "argdown")
    >>> r.format, r.notes
    ('argdown', ())
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from ..exceptions import ArgmapError, LoadError
from ..graph import ArgumentMap
from ..problems import Problem

__all__ = ["Imported", "read_map_file"]


def _notes(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


@attrs.frozen(eq=False)
class Imported:
    """A map read from a file, with the format it was read as and what was left out.

    Attributes:
        map: the argument map.
        format: the format's name (``"native"``, ``"argdown"``, ``"aif"``, ``"xaif"``,
            ``"aifdb"``, ``"sadface"``, ``"carneades"``, ``"apx"``, ``"tgf"``, ``"af"``).
        notes: ``info`` problems naming what the file holds that argmap keeps nowhere
            (dialogue nodes, unknown data keys, frontmatter fields); never silent.
    """

    map: ArgumentMap
    format: str
    notes: tuple[Problem, ...] = attrs.field(default=(), converter=_notes)


def read_map_file(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """The bytes of a map file, for every reader: a regular file only (never a device,
    FIFO or folder) and a bounded read, each failure a :class:`LoadError` naming the file.

    Example:
        >>> read_map_file("/dev/zero")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: /dev/zero: error: /dev/zero is not a regular file (a device, FIFO or folder); give a file [io]
    """
    from .._io import read_regular_file
    from .native import MAX_BYTES

    name = os.fspath(path)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        return read_regular_file(path, limit)
    except OSError as exc:
        message, code = f"cannot read the file: {exc.strerror}", "io"
    except ArgmapError as exc:  # not a regular file, or a regular one over the limit
        message = str(exc)
        code = "too-large" if os.path.isfile(path) else "io"
    raise LoadError([Problem("error", code, message, source=name)], name)
