"""Plain-text, Markdown and HTML tables for result values shown in a terminal or Jupyter.

A low module (it imports nothing from argmap), so any value in any layer can give
itself a readable ``__str__`` and ``_repr_markdown_`` / ``_repr_html_`` with the same
look, and every string is escaped for the format it lands in.

Example:
    >>> print(text_table(["party", "claims"], [["federal", 2], ["local", 10]]))
    party    claims
    federal       2
    local        10
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

__all__ = ["html_table", "md_escape", "md_table", "text_table"]

Cell = str | int | float | None

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~])")
_MD_LINE_START = re.compile(r"^([+-]|\d+(?=\.))")


def _cell(value: Cell) -> str:
    return "" if value is None else str(value)


def _numeric(rows: Sequence[Sequence[Cell]], col: int) -> bool:
    values = [r[col] for r in rows if r[col] is not None]
    return bool(values) and all(isinstance(v, int | float) for v in values)


def md_escape(text: str) -> str:
    """Escape Markdown syntax (and flatten newlines) so ``text`` shows as typed.

    Example:
        >>> print(md_escape("a | b *c* <d> (e)"))
        a \\| b \\*c\\* \\<d\\> (e)
        >>> print(md_escape("- not a list"), md_escape("1. nor this"))
        \\- not a list 1\\. nor this
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # a leading "-", "+" or "1." would start a list
    return _MD_LINE_START.sub(
        lambda mt: mt.group(1) + "\\" if mt.group(1).isdigit() else "\\" + mt.group(1), escaped
    )


def text_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], indent: str = "") -> str:
    """A fixed-width table; numeric columns are right-aligned.

    Example:
        >>> text_table(["a", "n"], [["x", 1]], indent="  ").splitlines()
        ['  a  n', '  x  1']
    """
    cells = [list(header), *[[_cell(c) for c in r] for r in rows]]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    right = [_numeric(rows, i) for i in range(len(header))]
    lines = []
    for line in cells:
        parts = [
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(line, widths, right, strict=True)
        ]
        lines.append((indent + "  ".join(parts)).rstrip())
    return "\n".join(lines)


def md_table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A GitHub-flavoured Markdown table with every cell escaped.

    Example:
        >>> print(md_table(["party", "n"], [["a|b", 1]]))
        | party | n |
        |---|--:|
        | a\\|b | 1 |
    """
    right = [_numeric(rows, i) for i in range(len(header))]
    out = ["| " + " | ".join(md_escape(h) for h in header) + " |"]
    out.append("|" + "|".join("--:" if r else "---" for r in right) + "|")
    for row in rows:
        out.append("| " + " | ".join(md_escape(_cell(c)) for c in row) + " |")
    return "\n".join(out)


def html_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], caption: str = "") -> str:
    """An HTML table with every cell escaped.

    Example:
        >>> html_table(["a"], [["<b>"]])
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
        >>> "&lt;" in html_table(["n"], [[1]], caption="Q1: <x>")
        True
    """
    right = [_numeric(rows, i) for i in range(len(header))]
    cap = (
        f'<caption style="text-align:left;font-weight:bold">{html.escape(caption)}</caption>'
        if caption
        else ""
    )
    head = "".join(
        f'<th style="text-align:right">{html.escape(h)}</th>' if r else f"<th>{html.escape(h)}</th>"
        for h, r in zip(header, right, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="text-align:right">{html.escape(_cell(c))}</td>'
            if r
            else f"<td>{html.escape(_cell(c))}</td>"
            for c, r in zip(row, right, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
