"""Text in argmap diagrams: the one escaping function, cutting to Graphviz's limits,
and wrapping (a private part of :mod:`argmap.dot`, which re-exports
:func:`escape_label`).

Example:
    >>> escape_label("<b> & c")
    '&lt;b&gt; &amp; c'
    >>> _wrap("one two three", 7)
    ['one two', 'three']
"""

from __future__ import annotations

import re
import unicodedata

from .exceptions import expect

__all__ = ["escape_label"]


# --------------------------------------------------------------------------- escaping

# Characters no diagram can show as written: C0 controls become their visible "control
# pictures" (␀ … ␟, ␡); C1 controls and the XML non-characters U+FFFE/U+FFFF become �.
_UNSHOWABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(32) if c not in (9, 10, 13)}
_UNSHOWABLE[0x7F] = "\u2421"
_UNSHOWABLE.update(dict.fromkeys((*range(0x80, 0xA0), 0xFFFE, 0xFFFF), "\ufffd"))
_HAS_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]").search
# Most text needs no escaping at all: checking that first is faster than escaping.
_PLAIN = re.compile(r'[^&<>"\\\x00-\x1f\x7f-\x9f\ufffe\uffff]*').fullmatch


def escape_label(text: str, *, html: bool = True) -> str:
    """Make any user text safe to put into DOT, shown exactly as written.

    This is the one door through which user text (statement text, ids, party and
    doctrine labels, titles, citations) reaches a diagram. The result can never
    end a string, open a tag, or read as a Graphviz escape such as ``\\N``:

    * ``html=True`` (labels, written inside ``<…>``): ``& < > "`` become entities,
      a backslash is doubled, a newline becomes ``<BR/>`` and a tab four spaces;
    * ``html=False`` (tooltips, written inside ``"…"``): ``& < > "`` become
      entities, a backslash is written four times, a newline becomes ``\\n``.

    ``\\r\\n`` and ``\\r`` count as newlines. Control characters, which neither SVG
    nor Graphviz can show, become visible symbols (``␇``, ``�``).

    Example:
        >>> escape_label('<Brown v. Board> & "Plessy"')
        '&lt;Brown v. Board&gt; &amp; &quot;Plessy&quot;'
        >>> escape_label("]; evil -> x [")
        '&#93;; evil -&gt; x ['
        >>> print(escape_label("C:\\\\dir\\\\"), escape_label("two\\nlines"))
        C:\\\\dir\\\\ two<BR/>lines
        >>> print(escape_label('say "\\\\N"\\n', html=False))
        say &quot;\\\\\\\\N&quot;\\n
    """
    expect(text, str, "text", "text to escape")
    if _PLAIN(text) and not (html and "]" in text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HAS_UNSHOWABLE(text):
        text = text.translate(_UNSHOWABLE)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;")
    # In HTML-like labels Graphviz decodes entities, then reads backslash escapes once
    # (\N is the node name, \G the graph name …), so a backslash is written twice; tabs
    # would be dropped there, so they become four spaces. In quoted attributes shown as
    # tooltips it reads backslash escapes twice, so a backslash is written four times.
    if html:
        # Graphviz 2.43 rejects an HTML-like label whose text starts with "]" (a lexer
        # bug), so "]" is always written as its character reference there.
        text = text.replace("]", "&#93;")
        return text.replace("\\", "\\\\").replace("\t", "    ").replace("\n", "<BR/>")
    return text.replace("\\", "\\" * 4).replace("\n", "\\n")


#: Graphviz refuses a quoted or HTML string longer than 16,384 bytes; texts are cut
#: well below that (a label holds several), and the tooltip says so.
_LABEL_BYTES = 6000
_PIECE_BYTES = 2000
_TIP_BYTES = 12000


def _fit(text: str, limit: int, *, html: bool = True) -> tuple[str, bool]:
    """``escape_label(text)``, cut (ending in "…") so that it takes at most ``limit``
    bytes, and whether it was cut.

    Example:
        >>> _fit("a & b", 100)
        ('a &amp; b', False)
        >>> _fit("&" * 10, 20)
        ('&amp;&amp;&amp;…', True)
    """
    out = escape_label(text, html=html)
    if len(out) * 4 <= limit or len(out.encode("utf-8")) <= limit:
        return out, False
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits
        mid = (low + high + 1) // 2
        if len(escape_label(text[:mid] + "…", html=html).encode("utf-8")) <= limit:
            low = mid
        else:
            high = mid - 1
    return escape_label(text[:low] + "…", html=html), True


def _long(text: str, most: int) -> str:
    """``text``, or its first ``most`` characters and a note that there is more.

    Example:
        >>> _long("abcdef", 3)
        'abc… [6 characters in all; the map holds the full text]'
    """
    if len(text) <= most:
        return text
    return f"{text[:most]}… [{len(text):,} characters in all; the map holds the full text]"


def _tooltip(text: str) -> str:
    """A tooltip that Graphviz accepts: cut when over :data:`_TIP_BYTES`, saying so."""
    note = (
        f"\n[shortened: Graphviz takes at most 16 KB of text here; the map holds all "
        f"{len(text):,} characters]"
    )
    out, cut = _fit(text, _TIP_BYTES, html=False)
    return out + note if cut else out


# --------------------------------------------------------------------------- wrapping


def _width(text: str) -> int:
    """Columns ``text`` takes: East Asian wide characters count twice."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` columns (at least one)."""
    used = 0
    for i, ch in enumerate(word):
        used += 2 if not ch.isascii() and unicodedata.east_asian_width(ch) in "WF" else 1
        if used > width:
            return max(i, 1)
    return len(word)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces; longer words are cut.

    The writer's own line breaks are kept; ``width`` 0 keeps every line whole.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for para in text.split("\n"):
        size = len if para.isascii() else _width
        if width <= 0 or size(para) <= width:
            out.append(para)
            continue
        line: str | None = None
        used = 0
        for word in para.split(" "):
            needed = size(word)
            if line is None:
                line, used = word, needed
            elif used + 1 + needed <= width:
                line, used = f"{line} {word}", used + 1 + needed
            else:
                out.append(line.rstrip(" ") or line)
                line, used = word, needed
            while used > width:
                cut = _cut(line, width)
                out.append(line[:cut])
                line = line[cut:]
                used = size(line)
        out.append(line or "")
    return out


def _clip(lines: list[str], most: int, width: int) -> list[str]:
    """At most ``most`` lines (0: all); the last ends in "…" when text was left out."""
    if most <= 0 or len(lines) <= most:
        return lines
    last = lines[most - 1]
    if width > 0 and _width(last) + 1 > width:
        space = last.rfind(" ")
        last = last[:space] if space > 0 else last[: _cut(last, width - 1)]
    return [*lines[: most - 1], last.rstrip(" ,;:.") + "…"]
