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
    ### I. The city may decline.
    <BLANKLINE>
    **A.** Congress may not command local officers. *Printz v. United States*, 521 U.S. 898,
    935 (1997).
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
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
    alpha,
    build_context,
    clause,
    default_side,
    roman,
    sentence,
    with_authorities,
)
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
    """
    text = _one_line(text)
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
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(self.text, encoding="utf-8", newline="\n")
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

# The authorities already cited in the document being rendered, and every citation
# made, in order (for the table of authorities).
_CITED: contextvars.ContextVar[set[str]] = contextvars.ContextVar("argmap_brief_cited")
_MADE: contextvars.ContextVar[list[Citation]] = contextvars.ContextVar("argmap_brief_made")


@attrs.frozen
class _Style:
    """How one format writes what the helpers produce."""

    escape: Callable[[str], str]
    italic: Callable[[str], str]
    dagger: str


def _html_escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


_STYLES: dict[str, _Style] = {
    "md": _Style(escape_markdown, lambda s: f"*{s}*", "†"),
    "html": _Style(
        _html_escape,
        lambda s: f"<cite>{s}</cite>",
        f'<sup class="unverified" title="{UNVERIFIED_NOTE}">†</sup>',
    ),
    "tex": _Style(escape_latex, lambda s: f"\\emph{{{s}}}", r"\textsuperscript{\textdagger}"),
}


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


def _cite_text(style: _Style, c: Citation, full: bool) -> str:
    if full:
        out = _format_citation(style, c.full, c.name, c.kind == "case")
    else:
        out = _format_citation(style, c.short, c.short_name, c.kind == "case")
    return out if c.verified else out + style.dagger


def _helpers(fmt: str) -> dict[str, Any]:
    from markupsafe import Markup

    style = _STYLES[fmt]

    def choose(c: Citation, form: str = "auto") -> tuple[str, str]:
        if not isinstance(c, Citation):
            raise BriefError(f"cite() takes a citation (an item of .cites), not {c!r}")
        if form not in ("auto", "full", "short"):
            raise BriefError(f"cite() form must be 'auto', 'full' or 'short', not {form!r}")
        seen = _CITED.get()
        full = c.authority not in seen if form == "auto" else form == "full"
        seen.add(c.authority)
        _MADE.get().append(c)
        return _cite_text(style, c, full), c.full if full else c.short

    def cite(c: Citation, form: str = "auto") -> Markup:
        """Full citation the first time an authority is cited, short form afterwards.

        ``form="full"`` or ``"short"`` forces one form; either way the authority counts
        as cited.
        """
        return Markup(choose(c, form)[0])

    def cites(items: Iterable[Citation], sep: str = "; ") -> Markup:
        """Several citations as a string citation, separated by ``sep``."""
        return Markup(style.escape(sep)).join(cite(c) for c in items)

    def cite_sentence(items: Iterable[Citation]) -> Markup:
        """A citation sentence: the citations joined by "; ", ending with a period."""
        chosen = [choose(c) for c in items]
        if not chosen:
            return Markup("")
        out = style.escape("; ").join(text for text, _ in chosen)
        return Markup(out if chosen[-1][1].endswith(".") else out + ".")

    def said(a: Arg) -> Markup:
        """A statement as a sentence, followed by its citation sentence."""
        if not isinstance(a, Arg):
            raise BriefError(f"said() takes a statement of the context, not {a!r}")
        text = style.escape(sentence(a.text))
        if a.cites:
            return Markup(f"{text} {cite_sentence(a.cites)}")
        return Markup(text)

    return {
        "cite": cite,
        "cites": cites,
        "cite_sentence": cite_sentence,
        "said": said,
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

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if type(obj) in data_types:
                return not attr.startswith("_")
            return bool(super().is_safe_attribute(obj, attr, value))

    return Sandbox


@functools.lru_cache(maxsize=32)
def _environment(fmt: str, folder: str | None) -> Any:
    import jinja2

    builtin = jinja2.PackageLoader("argmap", "templates")
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(jinja2.FileSystemLoader(folder))
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
        toa_citation=_toa_name(fmt),
    )
    env.globals.update(_helpers(fmt))
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
            if not f.name.startswith("_"):
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
            hint = did_you_mean(missing_name[1] or missing_name[2], _field_names())
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


# =========================================================================== API


def brief_context(
    m: ArgumentMap,
    evaluation: EvaluationLike | None = None,
    *,
    template: str = "brief",
    format: str = "md",
    side: str | None = None,
) -> BriefContext:
    """The context :func:`render_brief` hands to templates (without the diagram).

    Useful to see what a template can use; every field is documented in
    ``docs/templates.md``. ``side`` defaults as in :func:`render_brief`.

    Example:
        >>> import argmap as am
        >>> m = am.ArgumentMap("T", parties={"a": "Alice"})
        >>> c = m.claim("Yes: the contract binds", party="a")
        >>> ctx = brief_context(m)
        >>> ctx.side.name, ctx.points[0].heading
        ('Alice', 'The contract binds.')
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
    return build_context(m, evaluation, template=name, format=fmt, side=side)


def render_brief(
    m: ArgumentMap,
    evaluation: EvaluationLike | None = None,
    *,
    template: str = "brief",
    format: str = "md",
    side: str | None = None,
    templates: str | os.PathLike[str] | None = None,
    diagram: bool = True,
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
        diagram: embed the argument diagram (``html`` only; needs Graphviz, and is
            left out with a note when it is missing).

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

    if side is None and base.rsplit("/", 1)[-1] not in _NEUTRAL:
        side = default_side(m)
    svg, note = (None, None)
    if fmt == "html" and diagram:
        svg, note = _diagram(m, evaluation)
    ctx = build_context(
        m,
        evaluation,
        template=base.rsplit("/", 1)[-1],
        format=fmt,
        side=side,
        diagram=svg,
        diagram_note=note,
    )
    # Pass 1 renders and records every citation made; the table of authorities is then
    # rebuilt from what the document actually cites, and where, and pass 2 renders with
    # it, unless the template did not read what changed (the built-in briefs' tables come
    # out the same; memos and outlines print no table).
    text, made, read = _render(tmpl, ctx, svg, filename, folder, fmt)
    final = with_authorities(m, ctx, made)
    changed = {f for f in ("authorities", "unverified") if getattr(final, f) != getattr(ctx, f)}
    if changed & read:
        text, _, _ = _render(tmpl, final, svg, filename, folder, fmt)
    return Brief(_tidy(text), fmt, base, side)


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
    cited, recorded, reading = _CITED.set(set()), _MADE.set(made), _READ.set(read)
    try:
        text: str = tmpl.render(variables)
    except (jinja2.TemplateError, SecurityError) as exc:
        raise _brief_error(exc, filename, folder, fmt) from None
    except BriefError:
        raise
    except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as exc:
        raise _brief_error(exc, filename, folder, fmt) from None
    finally:
        _CITED.reset(cited)
        _MADE.reset(recorded)
        _READ.reset(reading)
    return text, made, read


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
