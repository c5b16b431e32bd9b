"""Problems: one finding about a map or a file, with where it is.

A :class:`Problem` is what :meth:`argmap.ArgumentMap.check` returns and what a
:class:`argmap.LoadError` collects. It is a plain frozen value so it can be
sorted, compared, printed and serialized.

Example:
    >>> p = Problem("error", "dangling-id", "'C9' is not in the map", node="P1",
    ...             field="supports", source="map.yaml", line=12)
    >>> str(p)
    "map.yaml:12: error: P1.supports: 'C9' is not in the map [dangling-id]"
"""

from __future__ import annotations

from typing import Literal

import attrs

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _check_severity(_inst: object, _attr: attrs.Attribute[str], value: str) -> None:
    if value not in SEVERITIES:
        raise ValueError(f"severity must be one of {list(SEVERITIES)}, not {value!r}")


@attrs.frozen(order=False)
class Problem:
    """One finding: what is wrong, how bad it is, and where.

    Attributes:
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        code: a stable short name (``"unsupported-claim"``) for filtering.
        message: a sentence saying what is wrong and, where possible, what to do.
        node: the id of the statement, relation or authority concerned.
        field: the field concerned (``"supports"``, ``"cites"``), if any.
        source: the file name, when the map came from a file.
        line: the 1-based line in ``source``, when known.
        column: the 1-based column, for syntax errors.
        excerpt: the offending line with a caret under the column, and any hint that
            shows the corrected line; printed under the message, as compilers do.

    Example:
        >>> Problem("warning", "uncited-premise", "premise cites no authority", node="P2").location
        'P2'
    """

    severity: Severity = attrs.field(validator=_check_severity)
    code: str
    message: str
    node: str | None = None
    field: str | None = None
    source: str | None = None
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None

    @property
    def location(self) -> str:
        """``node.field`` (or whichever of the two is known), for messages.

        Example:
            >>> Problem("error", "x", "m", node="C1", field="party").location
            'C1.party'
        """
        return ".".join(part for part in (self.node, self.field) if part)

    @property
    def is_error(self) -> bool:
        """True for severity ``"error"``.

        Example:
            >>> Problem("info", "x", "m").is_error
            False
        """
        return self.severity == "error"

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source + (f":{self.line}" if self.line else "")
            where += (f":{self.column}" if self.line and self.column else "") + ": "
        elif self.line:
            where = f"line {self.line}" + (f", column {self.column}" if self.column else "") + ": "
        loc = self.location
        text = f"{where}{self.severity}: {loc + ': ' if loc else ''}{self.message} [{self.code}]"
        return text + "\n" + self.excerpt if self.excerpt else text

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Key that orders problems by file, line, severity, then node.

        Example:
            >>> a = Problem("error", "x", "m", line=3); b = Problem("error", "x", "m", line=1)
            >>> [p.line for p in sorted([a, b], key=Problem.sort_key)]
            [1, 3]
        """
        return (
            self.source or "",
            self.line or 0,
            SEVERITIES.index(self.severity),
            self.node or "",
            self.code,
        )
