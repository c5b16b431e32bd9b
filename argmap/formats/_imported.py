"""What an importer gives back: the map, which format it was read as, and notes.

Example:
    >>> from argmap.graph import ArgumentMap
    >>> r = Imported(ArgumentMap("T"), "argdown")
    >>> r.format, r.notes
    ('argdown', ())
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..graph import ArgumentMap
from ..problems import Problem

__all__ = ["Imported"]


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
