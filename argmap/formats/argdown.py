"""Argdown: read and write argument maps in the Argdown syntax.

A parser of argmap's own for the syntax documented by the Argdown project:

* statements ``[Title]: text`` (the same title twice is the same statement),
  untitled statements, references ``[Title]`` and mentions ``@[Title]``;
* arguments ``<Title>: gist`` and premise–conclusion structures (``(1) ...``,
  ``--``/``----`` inference lines, ``-- rule {uses: [1, 2]} --``);
* relations nested by indentation: ``+ - <+ <-`` (the child supports / attacks
  the parent), ``+> ->`` (the parent supports / attacks the child), ``><``
  (contradiction: each attacks the other), ``<_`` / ``_>`` (undercut);
* headings, ``#tags`` and ``#(long tags)``, ``{yaml: data}`` after an element,
  YAML frontmatter between ``===`` lines, ``//``, ``/* */`` and ``<!-- -->``
  comments. ``@include`` is refused.

How Argdown becomes a map:

* statements become statements; an argument without a premise–conclusion
  structure becomes one statement (its gist); an argument with one becomes its
  statements plus one :class:`~argmap.model.Inference` (linked premises) per
  inference line, with the inference rule as ``scheme``; its gist becomes the
  conclusion's ``note``. Relations to an argument go to its conclusion, undercuts
  to its last inference.
* The kind of each statement follows from what it does: it undercuts → undercutter;
  it attacks → rebuttal; it supports → premise; otherwise → claim. ``{kind: issue}``
  (or any kind) in its data says otherwise.
* Headings and tags become doctrines; untitled paragraphs that relate to nothing
  become the map's description.
* argmap's own fields ride in the data: ``kind``, ``title``, ``party``,
  ``doctrines``, ``cites`` (``[printz@913]`` or ``{id, pin, signal, quote}``),
  ``note``, ``answers``, and for issues ``standard``, ``burden``, ``parent``,
  ``nature``, ``background``, ``framings``; ``text`` for a text Argdown cannot hold
  literally; ``conflicts: [{target, id, weight}]`` for attacks with their own id or
  weight. On an inference line: ``uses``, ``id``, ``weight``, ``scheme``. The
  frontmatter holds ``title``, ``description``, ``parties``, ``doctrines`` and
  ``authorities`` as in the native format. Other data is reported as a note.

Example:
    >>> m = loads('''
    ... [Grants]: Agencies may condition grants. {party: federal}
    ...   + [Delegation]: Congress delegated the power. {party: federal}
    ...   - [Spending]: Only Congress holds the spending power. {party: local}
    ...     <_ [Waiver]: The condition was delegated. {party: federal}
    ... ''', parties={"federal": "United States", "local": "Cities"})
    >>> [(s.id, s.kind) for s in m]
    [('Grants', 'claim'), ('Delegation', 'premise'), ('Spending', 'rebuttal'), ('Waiver', 'undercutter')]
    >>> loads(dumps(m)) == m
    True
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._io import atomic_write_text, read_map_file
from ..exceptions import LoadError
from ..graph import ArgumentMap
from ..model import STATEMENT_CLASSES, STATEMENT_KINDS, Conflict, Inference, valid_id
from ..problems import Problem
from . import native
from ._imported import Imported

__all__ = ["dump", "dumps", "load", "loads", "read", "reads"]

_STATEMENT_KEYS = (
    "kind",
    "title",
    "party",
    "doctrines",
    "cites",
    "note",
    "answers",
    "standard",
    "burden",
    "parent",
    "nature",
    "background",
    "framings",
    "text",
    "conflicts",
)
_INFERENCE_KEYS = ("uses", "id", "weight", "scheme")
_FRONT_KEYS = ("title", "description", "parties", "doctrines", "authorities")

_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(?:(?<=\s)|^)//[^\n]*", re.S | re.M)
_UNCLOSED = re.compile(r"<!--|/\*")
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*$")
_DASHES = re.compile(r"-{2,}\s*$")
_ONE_LINE_INF = re.compile(r"-{2,}\s+(.*?)\s+-{2,}\s*$")
_PCS = re.compile(r"\((\d+)\)(?:\s+|$)(.*)$")
_REL = re.compile(r"(<\+|<-|\+>|->|><|_>|<_|\+|-)(?:\s+|$)(.*)$")
_HEAD = re.compile(r"(?:\[([^\[\]\n]+)\]|<([^<>\n]+)>)")
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\(([^()\n]+)\)|([\w-]+))")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.:/-]+")


class _Error(Exception):
    def __init__(self, message: str, line: int, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def slug(text: str) -> str:
    """An argmap id made from an Argdown title (``"Statement 1"`` → ``"Statement-1"``).

    Example:
        >>> slug("Absolute Freedom of Speech"), slug("Kant's view (1785)")
        ('Absolute-Freedom-of-Speech', 'Kant-s-view-1785')
    """
    out = _SLUG_BAD.sub("-", text.strip()).strip("-")
    out = re.sub(r"-{2,}", "-", out)
    out = out.lstrip(".:/-")
    return out if out and valid_id(out) else ""


# =========================================================================== data


class _FlowParser:
    """The flow-style YAML subset used in ``{...}`` data: maps, lists, quoted and plain scalars."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def fail(self, message: str) -> _Error:
        return _Error(message, 0, self.i)

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\n":
            self.i += 1

    def parse(self) -> Any:
        self.ws()
        value = self.value("}")
        self.ws()
        if self.i != len(self.s):
            raise self.fail(f"unexpected {self.s[self.i]!r} after the data")
        return value

    def value(self, stops: str) -> Any:
        self.ws()
        if self.i >= len(self.s):
            raise self.fail("the data ends too early")
        c = self.s[self.i]
        if c == "{":
            return self.mapping()
        if c == "[":
            return self.sequence()
        if c in "\"'":
            return self.quoted()
        return self.plain(stops)

    def mapping(self) -> dict[str, Any]:
        self.i += 1
        out: dict[str, Any] = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            start = self.i
            key = self.quoted() if self.s[self.i : self.i + 1] in ("'", '"') else self.plain(":,}")
            if not isinstance(key, str) or key == "":
                self.i = start
                raise self.fail("expected a key (name: value)")
            self.ws()
            if not self.s.startswith(":", self.i):
                raise self.fail(f"expected ':' after the key {key!r}")
            self.i += 1
            if key in out:
                raise self.fail(f"the key {key!r} is given twice")
            out[key] = self.value(",}")
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("}", self.i):
                self.i += 1
                return out
            raise self.fail("expected ',' or '}' in the data")

    def sequence(self) -> list[Any]:
        self.i += 1
        out: list[Any] = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            out.append(self.value(",]"))
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("]", self.i):
                self.i += 1
                return out
            raise self.fail("expected ',' or ']' in a list")

    def quoted(self) -> str:
        q = self.s[self.i]
        j = self.i + 1
        if q == "'":
            parts: list[str] = []
            while True:
                k = self.s.find("'", j)
                if k < 0:
                    raise self.fail("a quoted text is never closed")
                parts.append(self.s[j:k])
                if self.s.startswith("''", k):
                    parts.append("'")
                    j = k + 2
                    continue
                self.i = k + 1
                return "".join(parts)
        while j < len(self.s):
            if self.s[j] == "\\":
                j += 2
                continue
            if self.s[j] == '"':
                try:
                    value: str = json.loads(self.s[self.i : j + 1])
                except ValueError:
                    raise self.fail("a bad escape in a quoted text") from None
                self.i = j + 1
                return value
            j += 1
        raise self.fail("a quoted text is never closed")

    def plain(self, stops: str) -> Any:
        j = self.i
        while j < len(self.s) and self.s[j] not in stops and self.s[j] not in "{}[]":
            j += 1
        raw = self.s[self.i : j].strip()
        if j < len(self.s) and self.s[j] in "{[" and not raw:
            raise self.fail(f"unexpected {self.s[j]!r}")
        self.i = j
        low = raw.lower()
        if low in ("true", "false"):
            return low == "true"
        if low in ("null", "~"):
            return None
        if re.fullmatch(r"[-+]?\d+", raw):
            return int(raw)
        if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", raw):
            return float(raw)
        return raw


def _group_end(t: str, start: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``start`` (quotes respected), or -1."""
    depth = 0
    quote = ""
    i = start
    n = len(t)
    while i < n:
        c = t[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "\"'" and depth > 0:
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _split_data(text: str) -> tuple[str, str | None, int]:
    """Split ``"text {data}"`` into the text, the data (or None) and the data's offset."""
    t = text.rstrip()
    if not t.endswith("}"):
        return text, None, -1
    # walk the top-level groups; the data is the one that closes the text
    i = t.find("{")
    while i >= 0:
        end = _group_end(t, i)
        if end < 0:  # an unclosed group: no data
            break
        if end == len(t) - 1:
            return t[:i], t[i:], i
        i = t.find("{", end + 1)
    return text, None, -1


_FAST_TOKEN = re.compile(r'\s*(?:([{}\[\],:])|("(?:[^"\\\n]|\\.)*")|([A-Za-z0-9_.@/+-]+))')
_NUMBER = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?\Z")
_INT = re.compile(r"[-+]?\d+\Z")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _fast_data(raw: str) -> Any:
    """Read data written the way :func:`dumps` writes it (plain words, JSON strings)
    by turning it into JSON; None when it is not of that shape (the full reader then runs)."""
    parts: list[str] = []
    pos = 0
    n = len(raw)
    match = _FAST_TOKEN.match
    while pos < n:
        m = match(raw, pos)
        if m is None or m.end() == pos:
            if raw[pos:].strip():
                return None
            break
        pos = m.end()
        punct, string, word = m.groups()
        if punct is not None:
            parts.append(punct)
        elif string is not None:
            parts.append(string)
        else:
            low = word.lower()
            if low in ("true", "false", "null"):
                parts.append(low)
            elif _INT.match(word):
                parts.append(str(int(word)))
            elif _NUMBER.match(word):
                parts.append(repr(float(word)))
            else:
                parts.append(json.dumps(word))
    try:
        return json.loads("".join(parts), object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError):
        return None


def _parse_data(raw: str, line: int, col: int) -> dict[str, Any]:
    fast = _fast_data(raw)
    if isinstance(fast, dict):
        return fast
    try:
        value = _FlowParser(raw).parse()
    except _Error as exc:
        raise _Error(
            f"cannot read the data {{...}}: {exc.message}", line, col + (exc.col or 0)
        ) from None
    except RecursionError:
        raise _Error("the data {...} is nested too deeply", line, col) from None
    if not isinstance(value, dict):
        raise _Error("the data must be a mapping: {key: value}", line, col)
    return value


def _flow(value: Any) -> str:
    """Write ``value`` in the flow style read by :class:`_FlowParser`."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_scalar(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return _scalar(str(value))


_PLAIN_OK = re.compile(r"[A-Za-z_][A-Za-z0-9_.@/-]*\Z")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _scalar(s: str) -> str:
    if _PLAIN_OK.match(s) and s.lower() not in _RESERVED:
        return s
    out = json.dumps(s, ensure_ascii=False)
    # keep comment openers out of the file: JSON escapes read back the same
    return out.replace("/", "\\u002f").replace("<", "\\u003c")


# =========================================================================== parsing


@attrs.define(eq=False)
class _Stmt:
    title: str | None
    line: int
    col: int
    text: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)
    tags: list[str] = attrs.field(factory=list)
    section: str | None = None
    from_argument: str | None = None  # the argument title, for a gist statement
    free: bool = False  # an untitled top-level paragraph
    ident: str = ""
    kind: str = ""


@attrs.define(eq=False)
class _Step:
    start: int  # index of the first item used since the previous step
    end: int  # number of items before this inference line
    rule: str | None
    data: dict[str, Any]
    line: int


@attrs.define(eq=False)
class _Arg:
    title: str
    line: int
    col: int
    gist: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)
    tags: list[str] = attrs.field(factory=list)
    section: str | None = None
    items: list[tuple[int, _Stmt, int]] = attrs.field(factory=list)  # (number, stmt, line)
    steps: list[_Step] = attrs.field(factory=list)
    pcs_line: int = 0
    gist_stmt: _Stmt | None = None
    anonymous: bool = False

    @property
    def has_pcs(self) -> bool:
        return bool(self.items or self.steps)


Ref = _Stmt | _Arg


@attrs.define
class _Rel:
    kind: str  # support, attack, undercut
    source: Ref
    target: Ref
    line: int


@attrs.define
class _Pending:
    kind: str  # top, rel, pcs
    lines: list[str]
    line: int
    col: int
    indent: int
    symbol: str = ""
    number: int = 0
    text_col: int = 0  # where the element's text starts (after a symbol or number)


class _Parser:
    def __init__(self, text: str, source: str | None) -> None:
        self.source = source
        self.text = text
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.front: dict[str, Any] = {}
        self.front_lines: Any = None
        self.statements: dict[str, _Stmt] = {}
        self.untitled: list[_Stmt] = []
        self.arguments: dict[str, _Arg] = {}
        self.relations: list[_Rel] = []
        self.section: str | None = None
        self.sections: list[str] = []
        self.stack: list[tuple[int, Ref]] = []
        self.pcs: _Arg | None = None
        self.last: Ref | None = None
        self.pending: _Pending | None = None
        self.anonymous = 0
        self.strict = False
        self.remove_tags = False

    # ------------------------------------------------------------------ problems

    def error(self, message: str, line: int, col: int | None = None, code: str = "argdown") -> None:
        where = f" (column {col})" if col else ""
        self.problems.append(Problem("error", code, message + where, source=self.source, line=line))

    def note(self, message: str, line: int | None, code: str = "argdown-dropped") -> None:
        self.notes.append(Problem("info", code, message, source=self.source, line=line))

    # ------------------------------------------------------------------ lines

    def strip_comments(self, text: str) -> str:
        def blank(m: re.Match[str]) -> str:
            return re.sub(r"[^\n]", " ", m.group())

        out = _COMMENT.sub(blank, text)
        m = _UNCLOSED.search(out)
        if m:
            line = out.count("\n", 0, m.start()) + 1
            col = m.start() - (out.rfind("\n", 0, m.start()) + 1) + 1
            self.error(f"the comment {m.group()!r} is never closed", line, col)
            out = out[: m.start()]
        return out

    def frontmatter(self, lines: list[str]) -> int:
        """Read the ``===`` frontmatter; return the index of the first line after it."""
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first].strip() != "===":
            return 0
        end = next((j for j in range(first + 1, len(lines)) if lines[j].strip() == "==="), None)
        if end is None:
            self.error("the frontmatter opened here with '===' is never closed", first + 1)
            return len(lines)
        body = "\n" * (first + 1) + "\n".join(lines[first + 1 : end]) + "\n"
        tree = native.parse_yaml(body, source=self.source)
        if tree.problems:
            self.problems.extend(tree.problems)
            return end + 1
        self.front_lines = tree
        data = tree.data
        if data is None:
            return end + 1
        if not isinstance(data, dict):
            self.error("the frontmatter must be a mapping (key: value)", first + 2)
            return end + 1
        self.front = data
        model = data.get("model")
        if isinstance(model, dict):
            mode = native.typed(model.get("mode"))
            if mode not in (None, "strict", "loose"):
                self.error(
                    f"model mode must be 'strict' or 'loose', not {mode!r}",
                    tree.line(["model", "mode"]) or first + 1,
                )
            self.strict = mode == "strict"
            self.remove_tags = native.typed(model.get("removeTagsFromText")) is True
        for key in data:
            if key not in _FRONT_KEYS and key != "model":
                self.note(
                    f"frontmatter field {key!r} has no place in an argmap map; left out",
                    tree.line([key]),
                )
        return end + 1

    def parse(self) -> None:
        raw_lines = self.text.split("\n")
        start = self.frontmatter(raw_lines)  # YAML: its own comments, none of Argdown's
        text = self.strip_comments("\n" * start + "\n".join(raw_lines[start:]))
        lines = text.split("\n")
        i = start
        while i < len(lines):
            raw = lines[i].expandtabs(4).rstrip()
            lineno = i + 1
            i += 1
            stripped = raw.strip()
            if not stripped:
                self.flush()
                continue
            indent = len(raw) - len(raw.lstrip())
            if stripped.startswith("@include"):
                self.flush()
                self.error(
                    "@include is not supported: put the included document's text in this file",
                    lineno,
                    indent + 1,
                )
                continue
            heading = _HEADING.match(raw) if indent == 0 else None
            if heading:
                self.flush()
                self.close_pcs()
                title = heading.group(2).strip()
                _text, data, _off = _split_data(title)
                if data is not None:
                    title = _text.strip()
                self.section = title or None
                self.stack = []
                self.last = None
                continue
            if _DASHES.match(stripped):
                self.flush()
                # a rule block: "--", rule lines, "--"
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                rule_lines: list[str] = []
                if j < len(lines) and not _PCS.match(lines[j].strip()):
                    k = j
                    while (
                        k < len(lines)
                        and lines[k].strip()
                        and not _DASHES.match(lines[k].strip())
                        and not _PCS.match(lines[k].strip())
                    ):
                        k += 1
                    if k < len(lines) and _DASHES.match(lines[k].strip()):
                        rule_lines = [lines[n].strip() for n in range(j, k)]
                        i = k + 1
                self.inference(" ".join(rule_lines), lineno, indent + 1)
                continue
            one = _ONE_LINE_INF.match(stripped)
            if one:
                self.flush()
                self.inference(one.group(1), lineno, indent + 1)
                continue
            pcs = _PCS.match(stripped)
            if pcs:
                self.flush()
                self.pending = _Pending(
                    "pcs",
                    [pcs.group(2)],
                    lineno,
                    indent + 1,
                    indent,
                    number=int(pcs.group(1)),
                    text_col=indent + pcs.start(2) + 1,
                )
                continue
            rel = _REL.match(stripped)
            if rel:
                self.flush()
                self.pending = _Pending(
                    "rel",
                    [rel.group(2)],
                    lineno,
                    indent + 1,
                    indent,
                    symbol=rel.group(1),
                    text_col=indent + rel.start(2) + 1,
                )
                continue
            if self.pending is not None:
                self.pending.lines.append(stripped)
                continue
            self.pending = _Pending("top", [stripped], lineno, indent + 1, indent)
        self.flush()
        self.close_pcs()

    # ------------------------------------------------------------------ elements

    def flush(self) -> None:
        p = self.pending
        if p is None:
            return
        self.pending = None
        text = " ".join(s.strip() for s in p.lines).strip()
        if p.kind == "rel" and not text:
            self.error(
                f"the relation {p.symbol!r} must be followed by a statement or an argument "
                "([Title], <Title> or a text)",
                p.line,
                p.col,
            )
            return
        if p.kind == "pcs":
            self.pcs_item(p, text)
            return
        node = self.element(text, p.line, p.text_col or p.col, top=p.kind == "top")
        if node is None:
            return
        if p.kind == "top":
            self.close_pcs()
            self.stack = [(p.indent, node)]
        else:
            while self.stack and self.stack[-1][0] >= p.indent:
                self.stack.pop()
            if not self.stack:
                self.error(
                    f"the relation {p.symbol!r} has nothing above it to relate to: indent it "
                    "under a statement or an argument",
                    p.line,
                    p.col,
                )
                return
            parent = self.stack[-1][1]
            self.relate(p.symbol, parent, node, p.line)
            self.stack.append((p.indent, node))
        self.last = node

    def relate(self, symbol: str, parent: Ref, child: Ref, line: int) -> None:
        both_statements = isinstance(parent, _Stmt) and isinstance(child, _Stmt)
        if symbol in ("+", "<+"):
            self.relations.append(_Rel("support", child, parent, line))
        elif symbol in ("-", "<-"):
            self.relations.append(_Rel("attack", child, parent, line))
            if self.strict and both_statements:
                self.relations.append(_Rel("attack", parent, child, line))
        elif symbol == "+>":
            self.relations.append(_Rel("support", parent, child, line))
        elif symbol == "->":
            self.relations.append(_Rel("attack", parent, child, line))
            if self.strict and both_statements:
                self.relations.append(_Rel("attack", child, parent, line))
        elif symbol == "><":
            self.relations.append(_Rel("attack", child, parent, line))
            self.relations.append(_Rel("attack", parent, child, line))
        elif symbol == "_>":
            self.relations.append(_Rel("undercut", parent, child, line))
        else:  # "<_"
            self.relations.append(_Rel("undercut", child, parent, line))

    def tags(self, text: str) -> tuple[str, list[str]]:
        found = [m.group(1) or m.group(2) for m in _TAG.finditer(text)]
        if self.remove_tags and found:
            text = " ".join(_TAG.sub(" ", text).split())
        return text, found

    def element(self, text: str, line: int, col: int, *, top: bool) -> Ref | None:
        head = _HEAD.match(text)
        data: dict[str, Any] = {}
        close = {"[": "]", "<": ">"}.get(text[:1])
        if head is None and close is not None and close not in text and text[1:2].strip():
            self.note(
                f"{text[:40]!r} opens a title with {text[:1]!r} but never closes it with "
                f"{close!r}; read as a statement's text",
                line,
                "argdown-unclosed",
            )
        if head:
            rest = text[head.end() :]
            is_def = rest.startswith(":")
            if is_def or not rest or rest[0].isspace():
                body = rest[1:] if is_def else rest
                body, raw, off = _split_data(body)
                if raw is not None:
                    try:
                        data = _parse_data(raw, line, col + head.end() + int(is_def) + off)
                    except _Error as exc:
                        self.error(exc.message, exc.line, exc.col)
                        return None
                body, tags = self.tags(body.strip())
                if (
                    not is_def and body and not all(w.startswith("#") for w in body.split())
                ):  # "[x] and more text": a plain statement mentioning a title
                    return self.statement(None, text, {}, line, col, top=top)
                title = (head.group(1) or head.group(2)).strip()
                if not title:
                    self.error("an empty title", line, col)
                    return None
                gist = body.strip() if is_def else None
                if head.group(2) is not None:
                    return self.argument(title, gist or None, data, tags, line, col)
                if is_def and not gist and "text" not in data:
                    self.error(f"[{title}]: the statement has no text after the colon", line, col)
                    return None
                return self.statement(title, gist, data, line, col, tags=tags, top=top)
        body, raw, off = _split_data(text)
        if raw is not None:
            try:
                data = _parse_data(raw, line, col + off)
            except _Error as exc:
                self.error(exc.message, exc.line, exc.col)
                return None
        body, tags = self.tags(body.strip())
        if not body and "text" not in data:
            self.error("an element with no text", line, col)
            return None
        return self.statement(None, body, data, line, col, tags=tags, top=top)

    def statement(
        self,
        title: str | None,
        text: str | None,
        data: dict[str, Any],
        line: int,
        col: int,
        *,
        tags: Sequence[str] = (),
        top: bool = False,
    ) -> _Stmt:
        if title is None:
            s = _Stmt(None, line, col, text=text, data=data, section=self.section)
            s.tags.extend(tags)
            s.free = top and not data
            self.untitled.append(s)
            return s
        s = self.statements.get(title) or _Stmt(title, line, col, section=self.section)
        self.statements.setdefault(title, s)
        if text:
            if s.text is None:
                s.text = text
                s.line, s.col, s.section = line, col, self.section
            else:
                self._second_text(f"[{title}]", s.text, text, s.line, line)
        self._merge(s, f"[{title}]", data, tags, line)
        return s

    def _second_text(self, name: str, first: str, text: str, first_line: int, line: int) -> None:
        """An element given a text again: a different one is noted, the first kept."""
        if text != first:
            self.note(
                f"{name} is given a second, different text; argmap keeps the first "
                f"(line {first_line})",
                line,
            )

    def _merge(
        self, node: _Stmt | _Arg, name: str, data: dict[str, Any], tags: Sequence[str], line: int
    ) -> None:
        """Data and tags given to an element again: new keys and tags are added; a key
        given a different value is noted (the first is kept), never silently dropped."""
        for key, value in data.items():
            if key in node.data and node.data[key] != value:
                self.note(f"{name}: {key} is given twice; the first is kept", line)
            else:
                node.data.setdefault(key, value)
        for tag in tags:
            if tag not in node.tags:
                node.tags.append(tag)

    def argument(
        self,
        title: str,
        gist: str | None,
        data: dict[str, Any],
        tags: Sequence[str],
        line: int,
        col: int,
    ) -> _Arg:
        a = self.arguments.get(title) or _Arg(title, line, col, section=self.section)
        self.arguments.setdefault(title, a)
        if gist:
            if a.gist is None:
                a.gist = gist
                a.line, a.col, a.section = line, col, self.section
            else:
                self._second_text(f"<{title}>", a.gist, gist, a.line, line)
        self._merge(a, f"<{title}>", data, tags, line)
        return a

    # ------------------------------------------------------------------ PCS

    def open_pcs(self, line: int) -> _Arg:
        if self.pcs is not None:
            return self.pcs
        if isinstance(self.last, _Arg) and not self.last.has_pcs:
            arg = self.last
        else:
            if isinstance(self.last, _Arg):
                self.error(
                    f"<{self.last.title}> already has a premise-conclusion structure "
                    f"(line {self.last.pcs_line}); give this one its own <title>",
                    line,
                )
            self.anonymous += 1
            arg = _Arg(f"Argument {self.anonymous}", line, 1, anonymous=True)
            arg.section = self.section
        arg.pcs_line = line
        self.pcs = arg
        return arg

    def pcs_item(self, p: _Pending, text: str) -> None:
        arg = self.open_pcs(p.line)
        if _HEAD.match(text) and text.startswith("<"):
            self.error(
                "an argument cannot be a premise or conclusion; write a statement "
                "([Title] or a text)",
                p.line,
                p.col,
            )
            return
        node = self.element(text, p.line, p.text_col or p.col, top=False) if text else None
        if not text:
            self.error(f"({p.number}) has no statement after it", p.line, p.col)
        if not isinstance(node, _Stmt):
            return
        numbers = [n for n, _s, _l in arg.items]
        expected = len(numbers) + 1
        if p.number != expected:
            self.note(
                f"({p.number}) is numbered out of order (expected ({expected})); "
                "argmap follows the order of the lines",
                p.line,
                "argdown-numbering",
            )
        arg.items.append((p.number, node, p.line))
        self.stack = [(p.indent, node)]
        self.last = node

    def inference(self, rule: str, line: int, col: int) -> None:
        if self.pcs is None and not isinstance(self.last, _Arg):
            self.error(
                "an inference line (--) must come after the premises of an argument: "
                "(1) premise ... -- ... (2) conclusion",
                line,
                col,
            )
            return
        arg = self.open_pcs(line)
        body, raw, off = _split_data(rule)
        data: dict[str, Any] = {}
        if raw is not None:
            try:
                data = _parse_data(raw, line, col + off)
            except _Error as exc:
                self.error(exc.message, exc.line, exc.col)
        start = arg.steps[-1].end if arg.steps else 0
        arg.steps.append(_Step(start, len(arg.items), body.strip() or None, data, line))
        self.stack = []
        self.last = None

    def close_pcs(self) -> None:
        arg = self.pcs
        if arg is None:
            return
        self.pcs = None
        if arg.anonymous:
            self.arguments[arg.title] = arg
        if not arg.steps:
            self.error(
                f"the premise-conclusion structure of <{arg.title}> has no inference line "
                "(--) before its conclusion",
                arg.pcs_line,
            )
            return
        last = arg.steps[-1]
        if len(arg.items) <= last.end:
            self.error(f"the inference line of <{arg.title}> has no conclusion after it", last.line)
        elif len(arg.items) > last.end + 1:
            number, _s, line = arg.items[last.end + 1]
            self.error(
                f"({number}) comes after the conclusion of <{arg.title}>; add an inference "
                "line (--) before the statement it supports",
                line,
            )
        for prev, step in zip(arg.steps, arg.steps[1:], strict=False):
            if step.end <= prev.end:
                self.error("two inference lines with no conclusion between them", step.line)


# =========================================================================== building


class _Builder:
    def __init__(self, p: _Parser, parties: Mapping[str, str] | None) -> None:
        self.p = p
        self.parties = parties
        self.lines: dict[tuple[Any, ...], int] = {}
        self.used: set[str] = set()
        self.free_text: list[str] = []

    def conclusion(self, a: _Arg) -> _Stmt | None:
        if a.has_pcs:
            last = a.steps[-1] if a.steps else None
            if last is not None and last.end < len(a.items):
                return a.items[last.end][1]
            return None
        return a.gist_stmt

    def resolve(self, ref: Ref) -> _Stmt | None:
        return self.conclusion(ref) if isinstance(ref, _Arg) else ref

    def build(self) -> dict[str, Any]:
        p = self.p
        # arguments without a premise-conclusion structure are one statement: the gist
        used_args = {id(r.source) for r in p.relations} | {id(r.target) for r in p.relations}
        for a in p.arguments.values():
            if a.has_pcs:
                continue
            if a.gist is None and "text" not in a.data:
                if id(a) in used_args:
                    p.error(
                        f"<{a.title}> is used but never given a text (<{a.title}>: ...) or a "
                        "premise-conclusion structure",
                        a.line,
                        a.col,
                    )
                continue
            s = _Stmt(a.title, a.line, a.col, text=a.gist, data=dict(a.data), section=a.section)
            s.tags = list(a.tags)
            s.from_argument = a.title
            a.gist_stmt = s
        # what each statement does, for its kind
        does: dict[int, set[str]] = {}
        rels: list[tuple[str, _Stmt, Ref, int]] = []
        for r in p.relations:
            src = self.resolve(r.source)
            if src is None:
                continue
            rels.append((r.kind, src, r.target, r.line))
            does.setdefault(id(src), set()).add(r.kind)
        inferences: list[tuple[_Arg, int, list[_Stmt], _Stmt, _Step]] = []
        for a in p.arguments.values():
            if not a.has_pcs or not a.steps:
                continue
            for k, step in enumerate(a.steps):
                if step.end >= len(a.items):
                    continue
                concl = a.items[step.end][1]
                premises = [s for _n, s, _l in a.items[step.start : step.end]]
                uses = step.data.get("uses")
                if uses is not None:
                    numbers = {n: s for n, s, _l in a.items[: step.end]}
                    if not isinstance(uses, list) or not all(
                        isinstance(u, int) and u in numbers for u in uses
                    ):
                        p.error(
                            f"uses: {uses!r} must list the numbers of statements above the "
                            f"inference line ({sorted(numbers)})",
                            step.line,
                        )
                        continue
                    premises = [numbers[u] for u in uses]
                for s in premises:
                    does.setdefault(id(s), set()).add("support")
                inferences.append((a, k, premises, concl, step))
            c_final = self.conclusion(a)
            if c_final is not None:
                for key, value in a.data.items():
                    if key in _STATEMENT_KEYS and key not in ("text", "title"):
                        c_final.data.setdefault(key, value)
                    else:
                        p.note(
                            f"<{a.title}>: data key {key!r} has no place in an argmap map; "
                            "left out",
                            a.line,
                        )
                for tag in a.tags:
                    if tag not in c_final.tags:
                        c_final.tags.append(tag)
            if a.gist and (c := self.conclusion(a)) is not None:
                if "note" not in c.data:
                    c.data["note"] = a.gist
                else:
                    p.note(
                        f"the text of <{a.title}> is left out: its conclusion has a note", a.line
                    )
        everything = self.all_statements()
        titled_ids: set[str] = set()
        for s in everything:
            if s.title is not None:
                ident = s.title if valid_id(s.title) else slug(s.title)
                s.ident = self.unique(ident or "s")
                titled_ids.add(s.ident)
        for s in everything:
            for c in (
                s.data.get("conflicts") or [] if isinstance(s.data.get("conflicts"), list) else []
            ):
                target = c.get("target") if isinstance(c, dict) else None
                if isinstance(target, str):
                    does.setdefault(id(s), set()).add(
                        "attack" if target in titled_ids else "undercut"
                    )
        for s in everything:
            kind = s.data.get("kind")
            if kind is None:
                acts = does.get(id(s), set())
                kind = (
                    "undercutter"
                    if "undercut" in acts
                    else "rebuttal"
                    if "attack" in acts
                    else "premise"
                    if "support" in acts
                    else "claim"
                )
            elif kind not in STATEMENT_KINDS:
                p.error(
                    f"kind: {kind!r} must be one of {', '.join(STATEMENT_KINDS)}", s.line, s.col
                )
                kind = "claim"
            s.kind = str(kind)
        for s in everything:
            if not s.ident:
                s.ident = self.unique(STATEMENT_CLASSES[s.kind].prefix, numbered=True)  # type: ignore[index]
        return self.native(everything, rels, inferences)

    def all_statements(self) -> list[_Stmt]:
        p = self.p
        related: set[int] = set()
        for r in p.relations:
            for ref in (r.source, r.target):
                s = self.resolve(ref)
                if s is not None:
                    related.add(id(s))
        out: list[_Stmt] = []
        seen: set[int] = set()
        candidates: list[_Stmt] = []
        candidates.extend(p.statements.values())
        candidates.extend(a.gist_stmt for a in p.arguments.values() if a.gist_stmt)
        candidates.extend(p.untitled)
        for a in p.arguments.values():
            candidates.extend(s for _n, s, _l in a.items)
        in_pcs = {id(s) for a in p.arguments.values() for _n, s, _l in a.items}
        for s in sorted(candidates, key=lambda s: (s.line, s.col)):
            if id(s) in seen:
                continue
            seen.add(id(s))
            if s.free and id(s) not in related and id(s) not in in_pcs:
                self.free_text.append(s.text or "")
                continue
            if s.text is None and "text" not in s.data:
                p.error(
                    f"[{s.title}] is used but never given a text ([{s.title}]: ...)",
                    s.line,
                    s.col,
                )
                continue
            out.append(s)
        return out

    def unique(self, base: str, numbered: bool = False) -> str:
        if numbered:
            n = 1
            while f"{base}{n}" in self.used:
                n += 1
            ident = f"{base}{n}"
        else:
            ident, n = base, 1
            while ident in self.used:
                n += 1
                ident = f"{base}-{n}"
        self.used.add(ident)
        return ident

    def doctrine_id(self, label: str, doctrines: dict[str, Any]) -> str:
        for key, value in doctrines.items():
            name = value.get("label") if isinstance(value, dict) else value
            if key == label or name == label:
                return str(key)
        ident = label if valid_id(label) else slug(label) or "doctrine"
        base, n = ident, 1
        while ident in doctrines and doctrines[ident] != label:
            n += 1
            ident = f"{base}-{n}"
        doctrines[ident] = label
        return ident

    def native(
        self,
        everything: list[_Stmt],
        rels: list[tuple[str, _Stmt, Ref, int]],
        inferences: list[tuple[_Arg, int, list[_Stmt], _Stmt, _Step]],
    ) -> dict[str, Any]:
        p = self.p
        front = p.front
        data: dict[str, Any] = {"argmap": 1}
        for key in _FRONT_KEYS:
            if key in front:
                data[key] = front[key]
        free = [t for t in self.free_text if t]
        if free:
            desc = data.get("description")
            parts = ([str(desc)] if isinstance(desc, str) and desc.strip() else []) + free
            data["description"] = "\n\n".join(parts)
        if self.parties and "parties" not in data:
            data["parties"] = dict(self.parties)
        declared = front.get("doctrines")
        doctrines: dict[str, Any] = dict(declared) if isinstance(declared, dict) else {}
        statements: dict[str, Any] = {}
        for s in everything:
            entry: dict[str, Any] = {s.kind: s.data.get("text", s.text)}
            if s.title is not None and s.title != s.ident and "title" not in s.data:
                entry["title"] = s.title
            for key, value in s.data.items():
                if key in ("kind", "text", "conflicts"):
                    continue
                if key not in _STATEMENT_KEYS:
                    p.note(
                        f"{s.ident}: data key {key!r} has no place in an argmap map; left out",
                        s.line,
                    )
                    continue
                entry[key] = value
            if "doctrines" not in s.data:
                labels = list(s.tags)
                if s.section:
                    labels.append(s.section)
                ids: list[str] = []
                for label in labels:
                    d = self.doctrine_id(label, doctrines)
                    if d not in ids:
                        ids.append(d)
                if ids:
                    entry["doctrines"] = ids
            statements[s.ident] = entry
            self.lines[("statements", s.ident)] = s.line
        if doctrines and (declared is None or isinstance(declared, dict)):
            data["doctrines"] = doctrines
        data["statements"] = statements
        infs: list[dict[str, Any]] = []
        cons: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for kind, src, target, line in rels:
            if kind == "undercut":
                if isinstance(target, _Arg) and target.has_pcs:
                    last = self.final_inference_id(target)
                    if last is None:
                        continue
                    rkey = ("undercut", src.ident, last)
                    if rkey not in seen:
                        seen.add(rkey)
                        self.lines[("conflicts", len(cons))] = line
                        cons.append({"attacker": src.ident, "target": last})
                    continue
                t = self.resolve(target)
                if t is None or not t.ident:
                    continue
                rkey = ("undercut", src.ident, t.ident)
                if rkey in seen:
                    continue
                seen.add(rkey)
                attacker_entry = statements.get(src.ident)
                if attacker_entry is None:
                    continue
                attacker_entry.setdefault("undercuts", []).append(t.ident)
                self.lines.setdefault(("statements", src.ident, "undercuts"), line)
                continue
            t = self.resolve(target)
            if t is None or not t.ident or not src.ident:
                continue
            rkey = (kind, src.ident, t.ident)
            if rkey in seen:
                continue
            seen.add(rkey)
            if kind == "support":
                self.lines[("inferences", len(infs))] = line
                infs.append({"premises": [src.ident], "conclusion": t.ident})
            else:
                self.lines[("conflicts", len(cons))] = line
                cons.append({"attacker": src.ident, "target": t.ident})
        for a, k, premises, concl, step in inferences:
            item: dict[str, Any] = {
                "premises": [s.ident for s in premises],
                "conclusion": concl.ident,
            }
            ident = self.inference_id(a, k)
            for key, value in step.data.items():
                if key == "uses":
                    continue
                if key not in _INFERENCE_KEYS:
                    p.note(
                        f"<{a.title}>: inference data key {key!r} has no place in an argmap "
                        "map; left out",
                        step.line,
                    )
                    continue
                item[key] = value
            if ident is not None and "id" not in item:
                item["id"] = ident
            if step.rule is not None and "scheme" not in item:
                item["scheme"] = step.rule
            self.lines[("inferences", len(infs))] = step.line
            infs.append(item)
        for s in everything:
            extra = s.data.get("conflicts")
            if extra is None:
                continue
            if not isinstance(extra, list):
                p.error(f"{s.ident}: conflicts must be a list of {{target: id}}", s.line)
                continue
            for c in extra:
                if not isinstance(c, dict) or not isinstance(c.get("target"), str):
                    p.error(f"{s.ident}: each conflict needs target: id", s.line)
                    continue
                self.lines[("conflicts", len(cons))] = s.line
                cons.append({"attacker": s.ident, **c})
        if infs:
            data["inferences"] = infs
        if cons:
            data["conflicts"] = cons
        return data

    def inference_id(self, a: _Arg, k: int) -> str | None:
        if a.anonymous:
            return None
        base = slug(a.title) or "argument"
        if k == len(a.steps) - 1:
            return base
        return f"{base}.step{k + 1}"

    def final_inference_id(self, a: _Arg) -> str | None:
        step = a.steps[-1] if a.steps else None
        if step is None:
            return None
        if "id" in step.data and isinstance(step.data["id"], str):
            return str(step.data["id"])
        return self.inference_id(a, len(a.steps) - 1)

    def locate(self, path: Sequence[Any]) -> int | None:
        path = tuple(path)
        tree = self.p.front_lines
        if path and path[0] in _FRONT_KEYS and tree is not None:
            line = tree.line(list(path))
            if line is not None:
                return int(line)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def reads(
    text: str | bytes,
    *,
    source: str | None = None,
    parties: Mapping[str, str] | None = None,
) -> Imported:
    """Read Argdown text; return the map with notes on what was left out.

    Raises:
        LoadError: every syntax or model problem, each with its line (and column).

    Example:
        >>> r = reads("[A]: Yes. {source: p. 3}\\n  + [B]: Because.")
        >>> [s.kind for s in r.map], [n.message for n in r.notes]
        (['claim', 'premise'], ["A: data key 'source' has no place in an argmap map; left out"])
    """
    if isinstance(text, bytes):
        text = native._decode(text, source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    native._check_text(text, source)
    p = _Parser(text, source)
    p.parse()
    builder = _Builder(p, parties)
    data: dict[str, Any] = {}
    if not p.problems:
        data = builder.build()
    if p.problems:
        raise LoadError(sorted(p.problems, key=Problem.sort_key), source)
    m = native.from_dict(data, source=source, locate=builder.locate)
    m.source = source
    for (kind, ident, *_rest), line in builder.lines.items():
        if kind == "statements" and not _rest:
            m.lines[ident] = line
    return Imported(m, "argdown", tuple(p.notes))


def loads(
    text: str | bytes,
    *,
    source: str | None = None,
    parties: Mapping[str, str] | None = None,
) -> ArgumentMap:
    """Read a map from Argdown text.

    Args:
        text: the Argdown document.
        source: a file name for messages.
        parties: parties to declare when the frontmatter declares none.

    Raises:
        LoadError: every problem, with line and column.

    Example:
        >>> m = loads("[Q]: Is it lawful? {kind: issue, standard: preponderance}")
        >>> m.statement("Q").standard
        'preponderance'
        >>> loads("-\\n+>")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: 2 problems in the input:
          line 1: error: the relation '-' must be followed by a statement or an argument ([Title], <Title> or a text) (column 1) [argdown]
          line 2: error: the relation '+>' must be followed by a statement or an argument ([Title], <Title> or a text) (column 1) [argdown]
    """
    return reads(text, source=source, parties=parties).map


def read(path: str | os.PathLike[str]) -> Imported:
    """Read an ``.argdown`` file, with notes on what was left out.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.argdown"
        >>> _ = p.write_text("[A]: yes\\n  - [B]: no\\n")
        >>> read(p).map.statement("B").kind
        'rebuttal'
    """
    name = str(path)
    raw = read_map_file(path, native.MAX_BYTES)
    return reads(raw, source=name)


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from an ``.argdown`` file.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.argdown"
        >>> _ = p.write_text("[A]: yes\\n")
        >>> load(p).statement("A").text
        'yes'
    """
    return read(path).map


# =========================================================================== writing

_TAGLIKE = re.compile(r"(?:(?<=\s)|^)#[\w(-]")


def _safe_text(text: str) -> bool:
    return (
        text == " ".join(text.split())
        and bool(text)
        and not any(c in text for c in "{}")
        and not _TAGLIKE.search(text)
        and "//" not in text
        and "/*" not in text
        and "<!--" not in text
    )


def _safe_title(title: str) -> bool:
    return title == " ".join(title.split()) and bool(title) and not any(c in title for c in "[]<>")


def _inferred_kind(m: ArgumentMap, sid: str) -> str:
    acts = set()
    for rel in m.relations_from(sid):
        if isinstance(rel, Conflict):
            acts.add("undercut" if rel.target in m.relations else "attack")
        else:
            acts.add("support")
    if "undercut" in acts:
        return "undercutter"
    if "attack" in acts:
        return "rebuttal"
    return "premise" if "support" in acts else "claim"


def _simple_inference(rel: Inference) -> bool:
    return rel.generated and len(rel.premises) == 1 and rel.scheme is None and rel.weight is None


_MAX_NEST = 24  # relation levels written nested; deeper statements start a new block


class _Writer:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.entries = native.to_dict(m).get("statements", {})
        self.written: set[str] = set()
        self.out: list[str] = []
        # conflicts written in the data of their attacker
        self.data_conflicts: dict[str, list[dict[str, Any]]] = {}
        # undercuts written as "<_ [U]" under the attacked relation's only source
        self.undercut_under: dict[str, list[str]] = {}
        self.arguments: list[Inference] = []
        for rel in m.relations.values():
            if isinstance(rel, Inference):
                if not _simple_inference(rel) or (
                    m.conflicts_against(rel.id) and not self.undercut_by_premise(rel)
                ):
                    self.arguments.append(rel)
                continue
            simple = rel.generated and rel.weight is None
            if simple and rel.target in m.statements:
                continue
            target_rel = m.relations.get(rel.target)
            if simple and isinstance(target_rel, Inference):
                if target_rel not in self.arguments:  # "<_ [U]" under its only premise
                    self.undercut_under.setdefault(target_rel.premises[0], []).append(rel.attacker)
                continue  # else written under the inference's argument
            if (
                simple
                and target_rel is not None
                and isinstance(target_rel, Conflict)
                and len(m.relations_from(target_rel.attacker)) == 1
            ):
                self.undercut_under.setdefault(target_rel.attacker, []).append(rel.attacker)
                continue
            item: dict[str, Any] = {"target": rel.target}
            if not rel.generated:
                item["id"] = rel.id
            if rel.weight is not None:
                item["weight"] = rel.weight
            self.data_conflicts.setdefault(rel.attacker, []).append(item)

    def undercut_by_premise(self, rel: Inference) -> bool:
        return _simple_inference(rel) and len(self.m.relations_from(rel.premises[0])) == 1

    def head(self, sid: str) -> str:
        s = self.m.statement(sid)
        if (
            s.title is not None
            and _safe_title(s.title)
            and not valid_id(s.title)
            and slug(s.title) == sid
        ):
            return f"[{s.title}]"
        return f"[{sid}]"

    def data(self, sid: str) -> dict[str, Any]:
        s = self.m.statement(sid)
        entry = dict(self.entries[sid])
        out: dict[str, Any] = {}
        kind = s.kind
        if kind != _inferred_kind(self.m, sid):
            out["kind"] = kind
        if s.title is not None and self.head(sid) != f"[{s.title}]":
            out["title"] = s.title
        for key in (
            "party",
            "answers",
            "standard",
            "burden",
            "parent",
            "nature",
            "background",
            "framings",
            "doctrines",
            "cites",
            "note",
        ):
            if key in entry:
                value = entry[key]
                out[key] = list(value) if isinstance(value, list | tuple) else value
        if "doctrines" not in out and _TAGLIKE.search(s.text):
            out["doctrines"] = []
        if not _safe_text(s.text):
            out["text"] = s.text
        if sid in self.data_conflicts:
            out["conflicts"] = self.data_conflicts[sid]
        return out

    def definition(self, sid: str) -> str:
        s = self.m.statement(sid)
        data = self.data(sid)
        parts = [self.head(sid) + ":"]
        if _safe_text(s.text):
            parts.append(s.text)
        if data:
            parts.append(_flow(data))
        return " ".join(parts)

    def emit(self, sid: str, indent: int, symbol: str | None) -> None:
        pad = " " * indent
        prefix = f"{pad}{symbol} " if symbol else pad
        if sid in self.written or indent > _MAX_NEST * 2:
            # deep chains are cut: the statement is defined again at the top level
            self.out.append(prefix + self.head(sid))
            return
        self.written.add(sid)
        self.out.append(prefix + self.definition(sid))
        for rel in self.m.relations_to(sid):
            if isinstance(rel, Inference):
                if _simple_inference(rel) and rel not in self.arguments:
                    self.emit(rel.premises[0], indent + 2, "+")
            elif rel.generated and rel.weight is None:
                self.emit(rel.attacker, indent + 2, "-")
        for attacker in self.undercut_under.get(sid, []):
            self.emit(attacker, indent + 2, "<_")

    def write(self) -> str:
        m = self.m
        front = {k: v for k, v in native.to_dict(m).items() if k in _FRONT_KEYS}
        if front:
            from ._yamltree import dump as dump_yaml

            self.out.extend(["===", dump_yaml(front, flow=native._Flow).rstrip("\n"), "===", ""])
        nested = {u for us in self.undercut_under.values() for u in us}
        roots = [
            s.id
            for s in m
            if s.id not in nested
            and not any(
                (isinstance(r, Inference) and _simple_inference(r) and r not in self.arguments)
                or (
                    isinstance(r, Conflict)
                    and r.generated
                    and r.weight is None
                    and r.target in m.statements
                )
                for r in m.relations_from(s.id)
            )
        ]
        for sid in [*roots, *m.statements]:
            if sid not in self.written:
                self.emit(sid, 0, None)
                self.out.append("")
        for n, rel in enumerate(self.arguments, 1):
            self.argument(n, rel)
        while self.out and not self.out[-1]:
            self.out.pop()
        return "\n".join(self.out) + "\n"

    def argument(self, n: int, rel: Inference) -> None:
        data: dict[str, Any] = {}
        if valid_id(rel.id):
            title = rel.id
        else:
            title = f"Inference {n}"
            data["id"] = rel.id
        if rel.weight is not None:
            data["weight"] = rel.weight
        scheme = rel.scheme
        if scheme is not None and (
            not _safe_text(scheme) or "--" in scheme or "(" in scheme[:1] or scheme[0] in "-+<>_["
        ):
            data["scheme"] = scheme
            scheme = None
        if not rel.premises:
            data["uses"] = []
        self.out.append(f"<{title}>")
        self.out.append("")
        for i, p in enumerate(rel.premises, 1):
            self.out.append(f"({i}) {self.head(p)}")
        rule = " ".join(x for x in (scheme, _flow(data) if data else None) if x)
        self.out.append(f"-- {rule} --" if rule else "--")
        self.out.append(f"({len(rel.premises) + 1}) {self.head(rel.conclusion)}")
        self.out.append("")
        for c in self.m.conflicts_against(rel.id):
            if c.generated and c.weight is None:
                self.out.append(f"<{title}>")
                self.out.append(f"  <_ {self.head(c.attacker)}")
                self.out.append("")


def dumps(m: ArgumentMap) -> str:
    """Write a map as Argdown that :func:`loads` reads back to the same map.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap("Demo"); c = m.claim("Grants may be conditioned", id="C1")
        >>> _ = m.premise("Congress delegated the power", supports=c, id="P1")
        >>> print(dumps(m), end="")
        ===
        title: Demo
        ===
        <BLANKLINE>
        [C1]: Grants may be conditioned
          + [P1]: Congress delegated the power
    """
    return _Writer(m).write()


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map to an ``.argdown`` file.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap.graph import ArgumentMap
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.argdown"
        >>> m = ArgumentMap(); _ = m.claim("yes", id="A")
        >>> dump(m, p); p.read_text()
        '[A]: yes\\n'
    """
    atomic_write_text(path, dumps(m))
