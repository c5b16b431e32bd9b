"""Briefs, memos and outlines written from a map with Jinja2 templates.

:func:`render_brief` builds a plain, frozen context from the map (see
:mod:`argmap._briefdata` and ``docs/templates.md``), picks a template by name and
format, and renders it in a sandbox:

* templates are ``<name>.<format>``: the built-ins are ``brief``, ``memo`` and
  ``outline`` in ``md`` (Pandoc-friendly Markdown), ``html`` (one self-contained file
  with print CSS and the diagram as inline SVG) and ``tex`` (compiles with a stock
  LaTeX);
* ``templates="my_folder"`` adds a folder searched first, so a user file overrides a
  built-in of the same name, and can ``{% extends "argmap/brief.md" %}``;
* the environment is Jinja's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``:
  a template cannot read files outside its folder, reach Python internals or change the
  context, and a misspelt variable is a :class:`~argmap.exceptions.BriefError` naming the
  template and line;
* every string from the map is escaped for the format when it is output: HTML escaping
  for ``html``, :func:`escape_markdown` for ``md``, :func:`escape_latex` for ``tex``.

Citations: ``{{ cite(c) }}`` gives the full citation the first time an authority is
cited in the document and the short form ("*Printz*, 521 U.S. at 913") afterwards, so
"first" follows the order of the template actually rendered; unverified authorities get
a dagger.

jinja2 is imported only here, and only when a brief is rendered.

Example:
    >>> import argmap as am
    >>> m = am.loads('''
    ... argmap: 1
    ... title: Commandeering
    ... parties: {gov: United States, city: City}
    ... authorities:
    ...   printz: {kind: case, name: Printz v. United States,
    ...            cite: "Printz v. United States, 521 U.S. 898 (1997)"}
    ... statements:
    ...   Q1: {issue: May the city decline to hold people for ICE?}
    ...   C1: {claim: "Yes: the city may decline", party: city, answers: Q1}
    ...   P1: {premise: Congress may not command local officers, supports: C1,
    ...        party: city, cites: [printz@935]}
    ... ''')
    >>> text = render_brief(m, side="city").text
    >>> print(text[text.index("### I."):text.index("## Conclusion")].strip())
    ### I. The city may decline, because Congress may not command local officers.
    <BLANKLINE>
    **A.** Congress may not command local officers. *Printz v. United States*, 521 U.S. 898,
    935 (1997).
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from ._briefdata import (
    Arg,
    BriefContext,
    Citation,
    EvaluationLike,
    Figure,
    IssueView,
    alpha,
    build_context,
    clause,
    default_side,
    lower_first,
    roman,
    sentence,
    with_authorities,
)
from ._cite import CiteState, Piece, citation_pieces
from ._io import atomic_write_bytes, atomic_write_text
from .exceptions import ArgmapError, BriefError, did_you_mean, expect

if TYPE_CHECKING:
    from .graph import ArgumentMap

__all__ = [
    "FORMATS",
    "Brief",
    "BriefContext",
    "Format",
    "available_templates",
    "brief_context",
    "escape_latex",
    "escape_markdown",
    "render_brief",
]

Format: TypeAlias = Literal["md", "html", "tex"]
FORMATS: tuple[Format, ...] = ("md", "html", "tex")
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "tex": (".tex",),
}
_BUILTIN_DIR = Path(__file__).resolve().parent / "templates"
#: Built-in templates that are neutral: without ``side=`` they speak for no party.
_NEUTRAL = ("memo", "outline")
UNVERIFIED_NOTE = "Citation not fully verified; check it before relying on it."

# =========================================================================== escaping

_BREAKS = str.maketrans(
    dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029], " ")
)


def _one_line(text: str) -> str:
    """Line breaks, tabs and control characters become spaces; nothing is stripped."""
    return text.translate(_BREAKS)


_MD_TABLE = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|$~^@"})
_MD_STARTS = frozenset("0123456789-+:=%")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEADING = re.compile(r"^(?:(\d+)([.)])(?=\s|$)|([-+:=%])(?=[\s=]|$))")


@functools.lru_cache(maxsize=16384)
def escape_markdown(text: str) -> str:
    """Escape ``text`` so Pandoc (or any CommonMark reader) shows it literally.

    Line breaks become spaces (a statement is one paragraph), and the characters
    that start emphasis, links, code, math, raw HTML, footnotes, citations or tables are
    backslash-escaped, as is a leading list or heading marker.

    Example:
        >>> print(escape_markdown("*not* a [link](x) for $5 at <b>"))
        \\*not\\* a \\[link\\](x) for \\$5 at \\<b\\>
        >>> print(escape_markdown("1. not a list"))
        1\\. not a list
    """
    t = _one_line(text).translate(_MD_TABLE)
    if "&" in t:
        t = _MD_ENTITY.sub(r"\\&", t)
    if t[:1] in _MD_STARTS:
        t = _MD_LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", t)
    return t


_TEX_MAP: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "[": "{[}",
    "]": "{]}",
    '"': r"\textquotedbl{}",
    "`": r"\textasciigrave{}",
    "\u00a0": "~",
    "\u2212": r"\textminus{}",
}
# Characters pdflatex typesets with T1 fonts and LaTeX's utf8 input encoding (checked
# by tests/test_brief.py, which compiles all of them): printable ASCII, Latin-1,
# Latin Extended-A and common typographic punctuation. Others become \argmapchar{hex},
# which the preamble prints as [U+hex] under pdflatex and as the glyph under XeLaTeX.
_TEX_UNSUPPORTED = frozenset("ĦħĸĿŀŉŦŧſ\u00ad")
_TEX_SAFE = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xA1, 0x180) if chr(c) not in _TEX_UNSUPPORTED]
    + list("‐‑‒–—―‘’‚“”„†‡•…‰‹›€™")
)


_TEX_TABLE = str.maketrans(_TEX_MAP)
_TEX_LIGATURE = re.compile(r"(?<=[-,'])(?=[-,'])")
_TEX_OPEN = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\u2014\u2013/-]))"(?=\S)')
_TEX_CLOSE = re.compile('"')
# after translation only characters outside the safe set need \argmapchar
_TEX_OTHER = re.compile("[^" + "".join(re.escape(c) for c in sorted(_TEX_SAFE)) + "]")


_SECTION_SPACE = re.compile(r"(§§?|¶¶?) ")


def _tex_other(match: re.Match[str]) -> str:
    return f"\\argmapchar{{{ord(match[0]):04X}}}"


@functools.lru_cache(maxsize=16384)
def escape_latex(text: str) -> str:
    """Escape ``text`` for LaTeX: every special character, and ligatures broken.

    ``# $ % & ~ _ ^ \\ { }`` and ``< > | [ ]`` `` ` `` are replaced by commands or
    braced; straight double quotes become curly ones; ``--``, ``,,`` and ``''`` are
    split so they stay as typed; characters that
    pdflatex cannot typeset become ``\\argmapchar{XXXX}``. Line breaks become spaces.

    Example:
        >>> print(escape_latex(r"50% of $x_1 & {y} ~ #2 \\o/"))
        50\\% of \\$x\\_1 \\& \\{y\\} \\textasciitilde{} \\#2 \\textbackslash{}o/
        >>> print(escape_latex("a--b ≤ c"))
        a-{}-b \\argmapchar{2264} c
        >>> print(escape_latex("EO 14,287 § 1 and §§ 1373, 1644"))
        EO 14,287 §~1 and §§~1373, 1644
    """
    text = _one_line(text)
    if "§" in text or "¶" in text:  # "§ 1373" never breaks after the sign
        text = _SECTION_SPACE.sub("\\1\u00a0", text)
    if '"' in text:  # straight double quotes typeset as “curly” ones
        text = _TEX_CLOSE.sub("”", _TEX_OPEN.sub("“", text))
    out = text.translate(_TEX_TABLE)
    if not out.isascii():
        out = _TEX_OTHER.sub(_tex_other, out)
    return _TEX_LIGATURE.sub("{}", out)


# =========================================================================== the result


@attrs.frozen
class Brief:
    """A rendered brief, memo or outline.

    Attributes:
        text: the document.
        format: ``"md"``, ``"html"`` or ``"tex"``.
        template: the template name it was rendered from (``"brief"``, ``"memo"``, …).
        side: the party it was written for, if any.
        files: ``(name, bytes)`` the document refers to (the PDF figures of a ``.tex``
            brief); :meth:`save` writes them beside it.

    Example:
        >>> b = Brief("# Title\\n", "md", "outline", None)
        >>> str(b)
        '# Title\\n'
        >>> b._repr_html_() is None, b._repr_markdown_()
        (True, '# Title\\n')
    """

    text: str
    format: Format
    template: str
    side: str | None = None
    files: tuple[tuple[str, bytes], ...] = attrs.field(default=(), repr=False)

    def __str__(self) -> str:
        return self.text

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the document (UTF-8, ``\\n`` line ends, folders created) and return its path.

        Raises:
            BriefError: when the suffix belongs to another format (``.html`` for a
                Markdown brief).

        Example:
            >>> import tempfile
            >>> out = Path(tempfile.mkdtemp()) / "memo.md"
            >>> Brief("# Memo\\n", "md", "memo").save(out).read_text()
            '# Memo\\n'
        """
        p = Path(path)
        suffix = p.suffix.lower()
        for fmt, suffixes in _SUFFIXES.items():
            if suffix in suffixes and fmt != self.format:
                raise BriefError(
                    f"cannot save a {self.format} brief as {p.name!r}: use a "
                    f"{_SUFFIXES[self.format][0]} file, or render with format={fmt!r}"
                )
        for name, data in self.files:  # figures a .tex brief includes, beside it
            atomic_write_bytes(p.parent / name, data, mkdir=True)
        atomic_write_text(p, self.text, mkdir=True)
        return p

    def _repr_markdown_(self) -> str | None:
        if self.format == "md":
            return self.text
        if self.format == "tex":
            return f"```latex\n{self.text}```\n"
        return None

    def _repr_html_(self) -> str | None:
        return self.text if self.format == "html" else None


# =========================================================================== helpers

# The citation state of the document being rendered (what has been cited, the last
# citation), and every citation made, in order (for the table of authorities).
_STATE: contextvars.ContextVar[CiteState] = contextvars.ContextVar("argmap_brief_state")
_MADE: contextvars.ContextVar[list[Citation]] = contextvars.ContextVar("argmap_brief_made")


@attrs.frozen
class _Style:
    """How one format writes what the helpers produce."""

    escape: Callable[[str], str]
    italic: Callable[[str], str]
    dagger: str
    block: Callable[[str], str]
    margin: Callable[[str], str]


def _html_escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


_STYLES: dict[str, _Style] = {
    "md": _Style(
        escape_markdown,
        lambda s: f"*{s}*",
        "†",
        lambda s: f"\n\n> {s}\n\n",
        lambda s: f"*[Drafting note: {s}]*",
    ),
    "html": _Style(
        _html_escape,
        lambda s: f"<i>{s}</i>",
        f'<sup class="unverified" title="{UNVERIFIED_NOTE}">†</sup>',
        lambda s: f"</p>\n<blockquote>{s}</blockquote>\n<p>",
        lambda s: f'<aside class="drafting">Drafting note: {s}</aside>',
    ),
    "tex": _Style(
        escape_latex,
        lambda s: f"\\emph{{{s}}}",
        r"\textsuperscript{\textdagger}",
        lambda s: f"\n\\begin{{quote}}{s}\\end{{quote}}\n",
        lambda s: f"\\marginpar{{\\raggedright\\footnotesize Drafting note: {s}}}",
    ),
}
#: A quotation of more words than this is set as a block quotation (Bluebook 5.1(a)).
BLOCK_QUOTE_WORDS = 50


_CASE_NAME = re.compile(r"^(.+?)(?=, (?:\d|No\.|[A-Z][A-Za-z.]* \d))")


@functools.lru_cache(maxsize=8192)
def _format_citation(style: _Style, text: str, name: str, italic: bool) -> str:
    """``text`` escaped, with the case name (``name``, or what precedes the reporter) in italics."""
    if italic:
        if name and text.startswith(name):
            cut = len(name)
        else:
            match = _CASE_NAME.match(text)
            cut = match.end() if match else 0
        if cut:
            return style.italic(style.escape(text[:cut])) + style.escape(text[cut:])
    return style.escape(text)


def _pieces(style: _Style, pieces: Iterable[Piece]) -> str:
    """Citation pieces escaped for the format, italic ones italicised (runs merged)."""
    out: list[str] = []
    run: list[str] = []
    italic = False
    for p in pieces:
        if p.italic != italic and run:
            text = style.escape("".join(run))
            out.append(style.italic(text) if italic else text)
            run = []
        italic = p.italic
        run.append(p.text)
    if run:
        text = style.escape("".join(run))
        out.append(style.italic(text) if italic else text)
    return "".join(out)


def _state() -> CiteState:
    state = _STATE.get(None)
    if state is None:  # a helper called outside render_brief (a test, a notebook)
        state = CiteState()
        _STATE.set(state)
    return state


def _made() -> list[Citation]:
    made = _MADE.get(None)
    if made is None:
        made = []
        _MADE.set(made)
    return made


def _helpers(fmt: str) -> dict[str, Any]:
    from markupsafe import Markup

    style = _STYLES[fmt]

    def check(c: Any) -> Citation:
        if not isinstance(c, Citation):
            raise BriefError(f"cite() takes a citation (an item of .cites), not {c!r}")
        return c

    def one(c: Citation, pieces: list[Piece]) -> str:
        _made().append(c)
        out = _pieces(style, pieces)
        return out if c.verified else out + style.dagger

    def cite(c: Citation, form: str = "auto", signal: str | None = None) -> Markup:
        """Full citation the first time an authority is cited, *Id.* right after the same
        one, the short form otherwise.

        ``form="full"`` or ``"short"`` forces one form; either way the authority counts
        as cited. ``signal`` (default: the cite's own) is printed before it.
        """
        check(c)
        if form not in ("auto", "full", "short"):
            raise BriefError(f"cite() form must be 'auto', 'full' or 'short', not {form!r}")
        pieces = citation_pieces(c, _state(), form=form, signal=signal or c.signal)
        return Markup(one(c, pieces))

    def cites(items: Iterable[Citation], sep: str = "; ") -> Markup:
        """Several citations as a string citation, separated by ``sep``."""
        return Markup(style.escape(sep)).join(cite(c) for c in items)

    def cite_sentence(items: Iterable[Citation], signal: str | None = None) -> Markup:
        """A citation sentence: each citation with its signal (``signal`` for those
        without one), joined by "; ", ending with a period."""
        chosen = [check(c) for c in items]
        if not chosen:
            return Markup("")
        state = _state()
        out: list[str] = []
        current: str | None = None
        ending = ""
        for n, c in enumerate(chosen):
            wanted = c.signal if c.signal is not None else signal
            shown = wanted if n == 0 or wanted != current else None
            current = wanted
            pieces = citation_pieces(c, state, opening=n == 0, signal=shown)
            ending = pieces[-1].text if pieces else ""
            out.append(one(c, pieces))
        if len(chosen) > 1:
            state.last = None
        text = style.escape("; ").join(out)
        return Markup(text if ending.endswith(".") else text + ".")

    def quote(c: Citation) -> Markup:
        """The cite's quotation: inline in curly quotes, or as a block past 50 words."""
        check(c)
        if not c.quote:
            return Markup("")
        if len(c.quote.split()) > BLOCK_QUOTE_WORDS:
            return Markup(style.block(style.escape(c.quote)))
        return Markup(style.escape(f"“{c.quote}”"))

    def standalone(q: str) -> str:
        """A quoted fragment set as its own sentence: a bracketed capital where the
        quotation starts mid-sentence and a period inside the closing quotation mark
        (Bluebook 5.2, 5.3)."""
        q = q.strip()
        if q[:1].islower():
            q = f"[{q[0].upper()}]{q[1:]}"
        return q if q[-1:] in ".?!" else f"{q}."

    def said(a: Arg) -> Markup:
        """A statement as a sentence, followed by its citation sentence; a quoted
        authority's words follow the statement with their citation."""
        if not isinstance(a, Arg):
            raise BriefError(f"said() takes a statement of the context, not {a!r}")
        text = style.escape(sentence(a.text))
        quoted = [c for c in a.cites if c.quote]
        rest = [c for c in a.cites if not c.quote]
        parts = [text]
        for c in quoted:
            block = len((c.quote or "").split()) > BLOCK_QUOTE_WORDS
            words = quote(c) if block else Markup(style.escape(f"“{standalone(c.quote or '')}”"))
            parts.append(f"{words}{' ' if not block else ''}{cite_sentence([c])}")
        if rest:
            parts.append(str(cite_sentence(rest)))
        return Markup(" ".join(parts))

    def drafting_note(text: str) -> Markup:
        """A drafting note, as a margin comment (HTML, LaTeX) or a bracketed aside (md)."""
        return Markup(style.margin(style.escape(str(text))))

    def new_point() -> Markup:
        """Start a new point: the next citation is not *Id.* of one before the heading."""
        _state().interrupt()
        return Markup("")

    return {
        "cite": cite,
        "cites": cites,
        "cite_sentence": cite_sentence,
        "said": said,
        "quote": quote,
        "drafting_note": drafting_note,
        "new_point": new_point,
        "dagger": Markup(style.dagger),
        "unverified_note": UNVERIFIED_NOTE,
    }


def _toa_name(fmt: str) -> Callable[[Any], Any]:
    """Filter: a table-of-authorities entry's citation with the case name italicised."""
    from markupsafe import Markup

    style = _STYLES[fmt]

    def toa_citation(entry: Any) -> Markup:
        text, name, kind = str(entry.citation), str(entry.name), str(entry.kind)
        return Markup(_format_citation(style, text, name, kind == "case"))

    return toa_citation


# =========================================================================== environment


def _finalizer(fmt: str) -> Callable[[Any], Any] | None:
    if fmt == "html":
        return None
    from markupsafe import Markup

    esc = _STYLES[fmt].escape

    def finalize(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return value
        return Markup(esc(str(value)))

    return finalize


# The top-level variables the template being rendered has read (see _sandbox()).
_READ: contextvars.ContextVar[set[str]] = contextvars.ContextVar("argmap_brief_read")


@functools.cache
def _sandbox() -> Any:
    """The environment class: Jinja's immutable sandbox, with two additions.

    * The frozen context records of :mod:`argmap._briefdata` hold only data, so their
      public attributes are allowed without the generic checks (a speed-up; names with
      ``_`` stay refused).
    * The context records which top-level variables a template reads, so that
      :func:`render_brief` renders a second time only when something it read changed.
    """
    import jinja2.runtime
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from . import _briefdata

    data_types = frozenset(
        cls for cls in vars(_briefdata).values() if isinstance(cls, type) and attrs.has(cls)
    )

    class Context(jinja2.runtime.Context):
        def resolve_or_missing(self, key: str) -> Any:
            read = _READ.get(None)
            if read is not None:
                read.add(key)
            return super().resolve_or_missing(key)

    class Sandbox(ImmutableSandboxedEnvironment):
        context_class = Context
        intercepted_binops = frozenset(("*", "**", "+"))

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if type(obj) in data_types:
                return not attr.startswith("_")
            return bool(super().is_safe_attribute(obj, attr, value))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _tick()
            return _bounded(super().call(__context, __obj, *args, **kwargs))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check_binop(operator, left, right)
            return _bounded(super().call_binop(context, operator, left, right))

    return Sandbox


class _TemplateLimit(Exception):
    """A template went past a bound on time, size or depth (becomes a BriefError)."""


#: Bounds on rendering a template from a user folder (issue 10.10): seconds of wall
#: time, and characters of output. Built-in templates are not timed.
USER_TEMPLATE_SECONDS = 30.0
USER_TEMPLATE_CHARS = 20_000_000
#: The largest string, list or number an operator or filter may build in a template.
MAX_VALUE_SIZE = 1_000_000

# (deadline, character limit) of the user template being rendered, if any
_LIMITS: contextvars.ContextVar[tuple[float, int] | None] = contextvars.ContextVar(
    "argmap_brief_limits", default=None
)


def _tick() -> None:
    """Stop a user template that has run past its time."""
    limits = _LIMITS.get()
    if limits is not None and time.monotonic() > limits[0]:
        raise _TemplateLimit(
            f"rendering took longer than {USER_TEMPLATE_SECONDS:g} seconds (a loop that "
            "does not end?)"
        )


def _size(value: Any) -> int:
    if isinstance(value, str | bytes | list | tuple):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3  # about the number of decimal digits
    return 0


def _bounded(value: Any) -> Any:
    if _size(value) > MAX_VALUE_SIZE:
        raise _TemplateLimit(f"a value of over {MAX_VALUE_SIZE:,} items was built")
    return value


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``'x' * 10**9``, ``[1] * 10**9`` and ``10 ** 10**9`` before they run."""
    _tick()
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(n, int) and _size(seq) and _size(seq) * max(n, 0) > MAX_VALUE_SIZE:
                raise _TemplateLimit(f"a value of over {MAX_VALUE_SIZE:,} items was built")
    elif (
        operator == "**"
        and isinstance(left, int | float)
        and isinstance(right, int | float)
        and (abs(right) > 10_000 or _size(left) * abs(right) > MAX_VALUE_SIZE)
    ):
        raise _TemplateLimit("a number too large to compute")
    elif operator == "+" and _size(left) + _size(right) > MAX_VALUE_SIZE:
        raise _TemplateLimit(f"a value of over {MAX_VALUE_SIZE:,} items was built")


def _guard_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge numeric arguments and huge results, and is timed."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_VALUE_SIZE:
                raise _TemplateLimit(f"a filter argument over {MAX_VALUE_SIZE:,}")
        return _bounded(func(*args, **kwargs))

    return guarded


@functools.cache
def _closed_loader() -> Any:
    """A ``FileSystemLoader`` that refuses files whose real path leaves its folder.

    Jinja's own loader refuses ``..`` in a name but follows symbolic links, so a
    link inside the folder (to a file or to another folder) would read anything the
    user can read. This one resolves every candidate and answers "not found" for a
    path outside the folder, as docs/templates.md promises.
    """
    import jinja2

    class ClosedLoader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: Any, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            if not _inside(Path(filename), self.searchpath):
                raise jinja2.TemplateNotFound(template)
            return source, filename, uptodate

    return ClosedLoader


def _inside(path: Path, roots: Iterable[str]) -> bool:
    """True when the real path of ``path`` lies in one of the real ``roots``."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop of links
        return False
    return any(real.is_relative_to(Path(root).resolve()) for root in roots)


@functools.lru_cache(maxsize=32)
def _environment(fmt: str, folder: str | None) -> Any:
    import jinja2

    builtin = jinja2.PackageLoader("argmap", "templates")
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(_closed_loader()(folder))
    loaders += [jinja2.PrefixLoader({"argmap": builtin}), builtin]
    env = _sandbox()(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalizer(fmt),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    finalize = _finalizer(fmt)
    if finalize is not None:
        env.filters["e"] = env.filters["escape"] = env.filters["forceescape"] = finalize
    env.filters.update(
        sentence=sentence,
        clause=clause,
        roman=roman,
        alpha=alpha,
        lower_alpha=lambda n: alpha(n).lower(),
        lower_first=lower_first,
        quoted=lambda text: f"“{clause(str(text))}”",
        toa_citation=_toa_name(fmt),
    )
    env.globals.update(_helpers(fmt))
    for name, func in list(env.filters.items()):
        env.filters[name] = _guard_filter(func)
    return env


def _folder(templates: str | os.PathLike[str] | None) -> str | None:
    if templates is None:
        return None
    p = Path(templates)
    if not p.is_dir():
        what = "is not a folder" if p.exists() else "does not exist"
        raise BriefError(f"templates folder {str(p)!r} {what}")
    return str(p.resolve())


def _check_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise BriefError(
            f"unknown format {fmt!r}{did_you_mean(str(fmt), FORMATS)} "
            f"(must be one of {list(FORMATS)})"
        )
    return fmt


def available_templates(
    format: str = "md",
    templates: str | os.PathLike[str] | None = None,
) -> list[str]:
    """The template names usable with ``format``: built-ins and those in ``templates``.

    Files whose name starts with ``_`` are helpers (layouts, macros) and are not listed.

    Example:
        >>> available_templates("html")
        ['brief', 'memo', 'outline']
    """
    fmt = _check_format(format)
    names: set[str] = set()
    folders = [_BUILTIN_DIR]
    user = _folder(templates)
    if user is not None:
        folders.append(Path(user))
    for folder in folders:
        for f in folder.glob(f"*.{fmt}"):
            if not f.name.startswith("_") and _inside(f, [str(folder)]):
                names.add(f.name[: -len(fmt) - 1])
    return sorted(names)


def _template_file(template: str, fmt: Format) -> tuple[str, str]:
    """``(name without format, file name)`` for ``template`` ("brief" or "brief.md")."""
    if not isinstance(template, str) or not template.strip():
        raise BriefError(f"template must be a name like 'brief', not {template!r}")
    for other in FORMATS:
        if template.endswith("." + other):
            if other != fmt:
                raise BriefError(
                    f"template {template!r} is a {other} template, but format={fmt!r}; "
                    f"pass format={other!r} or template={template[: -len(other) - 1]!r}"
                )
            return template[: -len(other) - 1], template
    return template, f"{template}.{fmt}"


# =========================================================================== errors


def _where(exc: BaseException, folder: str | None) -> str:
    """``"template 'brief.md', line 12"`` for the innermost template frame of ``exc``."""
    roots = [(Path(folder), "")] if folder else []
    roots.append((_BUILTIN_DIR, "argmap/"))
    found = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        for root, prefix in roots:
            try:
                rel = path.resolve().relative_to(root.resolve())
            except (ValueError, OSError):
                continue
            found = f"template {prefix + rel.as_posix()!r}, line {frame.lineno}"
            break
    return found


_FIELD_NAMES: tuple[str, ...] = ()


def _field_names() -> tuple[str, ...]:
    global _FIELD_NAMES
    if not _FIELD_NAMES:
        from . import _briefdata as bd

        names: set[str] = {
            "cite",
            "cites",
            "cite_sentence",
            "said",
            "dagger",
            "unverified_note",
        }
        for cls in vars(bd).values():
            if isinstance(cls, type) and attrs.has(cls):
                names.update(f.name for f in attrs.fields(cls))
        _FIELD_NAMES = tuple(sorted(names))
    return _FIELD_NAMES


def _fields_of(name: str) -> tuple[str, ...]:
    """The fields and public properties of the context record class ``name`` (or none).

    Example:
        >>> _fields_of("PartyInfo")
        ('colour', 'id', 'name', 'plural', 'possessive', 'short', 'subject')
    """
    from . import _briefdata as bd

    cls = getattr(bd, name, None)
    if not (isinstance(cls, type) and attrs.has(cls)):
        return ()
    names = {f.name for f in attrs.fields(cls)}
    names.update(k for k, v in vars(cls).items() if isinstance(v, property) and k[:1] != "_")
    return tuple(sorted(names))


def _brief_error(exc: Exception, name: str, folder: str | None, fmt: str) -> BriefError:
    import jinja2
    from jinja2.exceptions import SecurityError

    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.name or exc.filename or name
        return BriefError(f"template {where!r}, line {exc.lineno}: syntax error: {exc.message}")
    where = _where(exc, folder) or f"template {name!r}"
    if isinstance(exc, jinja2.TemplateNotFound):
        missing = exc.name if isinstance(exc.name, str) else str(exc)
        return BriefError(
            f"{where}: template {missing!r} not found (a template may use files of its own "
            "folder, and the built-ins as 'argmap/<name>')"
        )
    if isinstance(exc, SecurityError):
        return BriefError(f"{where}: refused by the sandbox: {exc}")
    if isinstance(exc, jinja2.UndefinedError):
        message = str(exc)
        hint = ""
        missing_name = re.search(r"'(\w+)' is undefined|has no attribute '(\w+)'", message)
        if missing_name:
            word = missing_name[1] or missing_name[2]
            owner = re.search(r"'argmap\._briefdata\.(\w+) object' has no attribute", message)
            fields = _fields_of(owner[1]) if owner else ()
            if fields:
                hint = (
                    did_you_mean(word, fields)
                    or f" ({owner[1] if owner else ''} has: {', '.join(fields)})"
                )
            else:
                hint = did_you_mean(word, [f for f in _field_names() if f != word])
        return BriefError(
            f"{where}: {message}{hint} (the template context is documented in docs/templates.md)"
        )
    return BriefError(f"{where}: {type(exc).__name__}: {exc}")


# =========================================================================== diagram

_SVG_JUNK = re.compile(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->", re.DOTALL)
_SVG_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.DOTALL | re.IGNORECASE)
_SVG_JS = re.compile(r"""((?:xlink:)?href\s*=\s*)(["'])\s*javascript:[^"']*\2""", re.IGNORECASE)
_SVG_ON = re.compile(r"""\s+on\w+\s*=\s*(["']).*?\1""", re.IGNORECASE | re.DOTALL)


def _clean_svg(svg: str) -> str:
    svg = _SVG_JUNK.sub("", svg)
    svg = _SVG_SCRIPT.sub("", svg)
    svg = _SVG_JS.sub(r"\1\2#\2", svg)
    svg = _SVG_ON.sub("", svg)
    return svg.strip()


def _diagram(m: ArgumentMap, evaluation: EvaluationLike | None) -> tuple[str | None, str | None]:
    """The inline SVG, or ``None`` and a note saying why it is missing."""
    try:
        from .dot import to_svg
    except ImportError:
        return None, "The argument diagram is not available in this version of argmap."
    try:
        return _clean_svg(to_svg(m, evaluation, theme="print", legend=True)), None
    except ImportError as exc:  # MissingDependencyError is an ImportError
        return None, f"The argument diagram was omitted: {exc}"
    except ArgmapError as exc:
        return None, f"The argument diagram was omitted: {exc}"


def _issue_figures(
    m: ArgumentMap, evaluation: EvaluationLike | None, ctx: BriefContext, fmt: str
) -> tuple[tuple[Figure, ...], tuple[tuple[str, bytes], ...], str | None]:
    """One figure per question, drawn for print by the diagram layer's per-issue pages
    (:func:`argmap.dot.to_dot_pages`): the question, the claims answering it and
    everything argued under them.

    HTML gets inline SVG; LaTeX a PDF file per figure, returned as files to save beside
    the ``.tex``. A page of statements under no question, or of a question the brief
    does not discuss, is left out. Captions name the question by number and title.
    Without Graphviz: no figures, and a note saying why.
    """
    try:
        from . import dot
    except ImportError:
        return (), (), "The argument maps are not available in this version of argmap."
    views = {view.id: view for view in ctx.all_issues}
    figures: list[Figure] = []
    files: list[tuple[str, bytes]] = []
    stem = "-".join(x for x in (ctx.template, ctx.side.id if ctx.side else "") if x)
    try:
        pages = dot.to_dot_pages(m, evaluation, theme="print")
        for page in pages:
            view = views.get(page.issue) if page.issue is not None else None
            if view is None or not _has_claims(view):
                continue
            caption = f"Question {_question_number(view.number)}: {_one_line(page.title)}"
            if fmt == "tex":
                name = _figure_name(f"{stem}-figure-{len(figures) + 1}.pdf")
                pdf = page.pdf()
                files.append((name, pdf))
                figures.append(Figure(view.anchor, caption, None, name, _wide(pdf)))
            else:
                figures.append(Figure(view.anchor, caption, _clean_svg(page.svg()), None))
    except (ImportError, ArgmapError) as exc:  # MissingDependencyError is an ImportError
        return (), (), f"The argument maps were omitted: {exc}"
    return tuple(figures), tuple(files), None


def _question_number(number: str) -> str:
    """A question's number as the Questions Presented print it: ``1``, ``1(a)``, ``1(a)(ii)``.

    Example:
        >>> _question_number("1"), _question_number("2.3"), _question_number("1.1.2")
        ('1', '2(c)', '1(a)(ii)')
    """
    parts = [int(p) for p in number.split(".") if p.isdigit()]
    if not parts:
        return number
    out = str(parts[0])
    for depth, n in enumerate(parts[1:], 1):
        out += f"({alpha(n).lower() if depth == 1 else roman(n).lower()})"
    return out


def _has_claims(view: IssueView) -> bool:
    """Whether a question, or one it comprises, has a claim answering it."""
    return bool(view.claims) or any(_has_claims(v) for v in view.sub_issues)


_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")


def _wide(pdf: bytes) -> bool:
    """Whether a PDF page is wider than a text block is high relative to its width: such
    a figure is turned a quarter to fill the page (6.5 in × 9 in)."""
    box = _MEDIABOX.search(pdf)
    if box is None:
        return False
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return (x1 - x0) > 1.2 * (y1 - y0)


def _figure_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)


# =========================================================================== API


def brief_context(
    m: ArgumentMap,
    evaluation: EvaluationLike | None = None,
    *,
    template: str = "brief",
    format: str = "md",
    side: str | None = None,
    drafting: bool = False,
    include_rejected: bool = False,
) -> BriefContext:
    """The context :func:`render_brief` hands to templates (without the diagram).

    Useful to see what a template can use; every field is documented in
    ``docs/templates.md``. ``side`` defaults as in :func:`render_brief`.

    Example:
        >>> import argmap as am
        >>> m = am.ArgumentMap("T", parties={"a": "Alice"})
        >>> c = m.claim("Yes: the contract binds", party="a")
        >>> p = m.premise("Both parties signed it", supports=c, party="a")
        >>> ctx = brief_context(m)
        >>> ctx.side.name, ctx.points[0].heading
        ('Alice', 'The contract binds, because both parties signed it.')
    """
    from .graph import ArgumentMap as _Map

    expect(m, _Map, "m", "an ArgumentMap")
    if side is not None:
        expect(side, str, "side", "a party id")
    fmt = _check_format(format)
    base, _ = _template_file(template, fmt)
    if side is None and base.rsplit("/", 1)[-1] not in _NEUTRAL:
        side = default_side(m)
    name = base.rsplit("/", 1)[-1]
    return build_context(
        m,
        evaluation,
        template=name,
        format=fmt,
        side=side,
        drafting=drafting,
        include_rejected=include_rejected,
    )


def render_brief(
    m: ArgumentMap,
    evaluation: EvaluationLike | None = None,
    *,
    template: str = "brief",
    format: str = "md",
    side: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    diagram: bool = True,
    drafting: bool = False,
    include_rejected: bool = False,
    memo_to: str | None = None,
    memo_from: str | None = None,
    date: str | None = None,
) -> Brief:
    """Write a brief, memo or outline from ``m``.

    Args:
        m: the map.
        evaluation: an :func:`argmap.evaluate` result; adds statuses, explanations and
            each issue's outcome.
        template: ``"brief"`` (for one side), ``"memo"`` (neutral, IRAC per issue),
            ``"outline"`` (the claim → premise → rebuttal tree), or a template of your
            own in ``templates``.
        format: ``"md"``, ``"html"`` or ``"tex"``.
        side: the party a brief is written for (default: the first party with a claim);
            for ``memo`` and ``outline`` the side presented first (default: none).
        templates: a folder of templates searched before the built-ins.
        diagram: add argument diagrams (needs Graphviz; left out with a note when it is
            missing): a brief gets one figure per question in an appendix (inline SVG
            in ``html``; PDF files in ``tex``, see :attr:`Brief.files`), a memo or
            outline in ``html`` the whole map.
        drafting: show drafting notes (what the map lacks) as margin comments.
        include_rejected: keep this side's statements that the evaluation rejects,
            with the other side's objections answered; by default they are left out.
            A brief never prints a status.
        memo_to, memo_from, date: a memo's header ("File", the side or "Counsel",
            and no date line by default).

    Raises:
        BriefError: unknown template (listing those available), format or side; a
            template error (syntax, undefined variable, refused by the sandbox), naming
            the template and the line.

    Example:
        >>> import argmap as am
        >>> m = am.ArgumentMap("Duress", parties={"a": "Alice", "b": "Bob"})
        >>> q = m.issue("Is the contract valid?", standard="preponderance")
        >>> c = m.claim("Yes: the contract binds", party="a", answers=q)
        >>> r = m.rebuttal("Bob signed under <duress>", attacks=c, party="b")
        >>> html = render_brief(m, side="b", format="html", diagram=False).text
        >>> "Bob signed under &lt;duress&gt;" in html
        True
        >>> render_brief(m, template="memoo")
        Traceback (most recent call last):
        ...
        argmap.exceptions.BriefError: unknown template 'memoo' for format 'md' (did you mean
        'memo'?) (available: ['brief', 'memo', 'outline'])
    """
    import jinja2

    from .graph import ArgumentMap as _Map

    expect(m, _Map, "m", "an ArgumentMap")
    if evaluation is not None and not callable(getattr(evaluation, "status", None)):
        expect(evaluation, (), "evaluation", "an Evaluation (from argmap.evaluate)")
    if side is not None:
        expect(side, str, "side", "a party id")
    if templates is not None:
        expect(templates, (str, os.PathLike), "templates", "a folder path")
    fmt = _check_format(format)
    folder = _folder(templates)
    base, filename = _template_file(template, fmt)
    env = _environment(fmt, folder)
    try:
        tmpl = env.get_template(filename)
    except jinja2.TemplateNotFound as exc:
        if exc.name != filename:
            raise _brief_error(exc, filename, folder, fmt) from None
        names = available_templates(fmt, folder)
        raise BriefError(
            f"unknown template {base!r} for format {fmt!r}{did_you_mean(base, names)} "
            f"(available: {names})"
        ) from None
    except jinja2.TemplateError as exc:
        raise _brief_error(exc, filename, folder, fmt) from None
    except (RecursionError, MemoryError) as exc:
        why = "the template nests too deeply to compile"
        raise _limit_error(exc, filename, folder, why) from None

    if side is None and base.rsplit("/", 1)[-1] not in _NEUTRAL:
        side = default_side(m)
    name = base.rsplit("/", 1)[-1]
    ctx = build_context(
        m,
        evaluation,
        template=name,
        format=fmt,
        side=side,
        drafting=drafting,
        include_rejected=include_rejected,
        memo_to=memo_to,
        memo_from=memo_from,
        date=date,
    )
    svg: str | None = None
    files: tuple[tuple[str, bytes], ...] = ()
    if diagram and name == "brief" and fmt in ("html", "tex"):
        figures, files, note = _issue_figures(m, evaluation, ctx, fmt)
        ctx = attrs.evolve(ctx, figures=figures, diagram_note=note)
    elif diagram and fmt == "html":
        svg, note = _diagram(m, evaluation)
        ctx = attrs.evolve(ctx, diagram=svg, diagram_note=note)
    # Pass 1 renders and records every citation made; the table of authorities is then
    # rebuilt from what the document actually cites, and where, and pass 2 renders with
    # it, unless the template did not read what changed (the built-in briefs' tables come
    # out the same; memos and outlines print no table).
    text, made, read = _render(tmpl, ctx, svg, filename, folder, fmt)
    final = with_authorities(m, ctx, made)
    changed = {f for f in ("authorities", "unverified") if getattr(final, f) != getattr(ctx, f)}
    if changed & read:
        text, _, _ = _render(tmpl, final, svg, filename, folder, fmt)
    return Brief(_tidy(text), fmt, base, side, files)


def _render(
    tmpl: Any, ctx: BriefContext, svg: str | None, filename: str, folder: str | None, fmt: str
) -> tuple[str, list[Citation], set[str]]:
    import jinja2
    from jinja2.exceptions import SecurityError
    from markupsafe import Markup

    variables = ctx.variables()
    if svg is not None:
        variables["diagram"] = Markup(svg)
    made: list[Citation] = []
    read: set[str] = set()
    limits = (time.monotonic() + USER_TEMPLATE_SECONDS, USER_TEMPLATE_CHARS) if folder else None
    cited, recorded, reading = _STATE.set(CiteState()), _MADE.set(made), _READ.set(read)
    bounded = _LIMITS.set(limits)
    try:
        parts: list[str] = []
        size = 0
        for chunk in tmpl.generate(variables):
            parts.append(chunk)
            size += len(chunk)
            if limits is not None and size > limits[1]:
                raise _TemplateLimit(f"the output passed {limits[1]:,} characters")
        text = "".join(parts)
    except (jinja2.TemplateError, SecurityError) as exc:
        raise _brief_error(exc, filename, folder, fmt) from None
    except BriefError:
        raise
    except _TemplateLimit as exc:
        raise _limit_error(exc, filename, folder, str(exc)) from None
    except RecursionError as exc:
        message = "templates include, extend or call each other without end"
        raise _limit_error(exc, filename, folder, message) from None
    except MemoryError as exc:
        raise _limit_error(exc, filename, folder, "out of memory") from None
    except (
        TypeError,
        ValueError,
        AttributeError,
        LookupError,
        ArithmeticError,
        AssertionError,
    ) as exc:
        raise _brief_error(exc, filename, folder, fmt) from None
    finally:
        _STATE.reset(cited)
        _MADE.reset(recorded)
        _READ.reset(reading)
        _LIMITS.reset(bounded)
    return text, made, read


def _limit_error(exc: BaseException, filename: str, folder: str | None, why: str) -> BriefError:
    """A BriefError naming the template and line where a bound was hit."""
    where = _where(exc, folder) or f"template {filename!r}"
    return BriefError(f"{where}: rendering stopped: {why}")


def _tidy(text: str) -> str:
    """Trailing spaces off, runs of blank lines squeezed to one, one final newline."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def render_template(
    name: str, format: str, variables: Mapping[str, Any], *, raw: Iterable[str] = ()
) -> str:
    """Render a built-in template with plain ``variables`` in the briefs' environment.

    The same sandbox, escaping and filters as :func:`render_brief`; used by
    :mod:`argmap.teach` for handouts. The variables named in ``raw`` (an SVG
    diagram made by argmap) are inserted as they are; everything else is escaped.

    Example:
        >>> render_template("_handout.md", "md", {"title": "T", "subtitle": "", "key": False,
        ...     "instructions": "", "items": [], "diagram": None, "note": ""}).splitlines()[0]
        '# T'
    """
    import jinja2
    from markupsafe import Markup

    fmt = _check_format(format)
    env = _environment(fmt, None)
    values = dict(variables)
    for key in raw:
        if values.get(key) is not None:
            values[key] = Markup(values[key])
    try:
        text: str = env.get_template(name).render(values)
    except jinja2.TemplateError as exc:
        raise _brief_error(exc, name, None, fmt) from None
    return _tidy(text)
