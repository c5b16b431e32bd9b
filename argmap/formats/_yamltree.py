"""A safe YAML reader that keeps line numbers and refuses what argmap files never need.

It builds plain Python values from libyaml's event stream with an explicit stack,
so that

* every mapping key and sequence item keeps its line (:meth:`Tree.line`);
* duplicate mapping keys are errors (PyYAML silently keeps the last one);
* anchors, aliases and custom tags are refused (no "billion laughs");
* deep nesting is refused at a fixed depth instead of exhausting the C stack;
* mapping keys are kept as the text the author typed (``1.10`` stays ``"1.10"``).

Only this module and :mod:`argmap.formats.native` import :mod:`yaml`.

Example:
    >>> tree = parse("a: one\\nb:\\n  - x\\n  - y\\n")
    >>> tree.data, tree.line(("b", 1))
    ({'a': 'one', 'b': ['x', 'y']}, 4)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs
import yaml

from ..problems import Problem

__all__ = ["MAX_DEPTH", "Tree", "Typed", "dump", "excerpt", "parse", "typed"]

#: Deepest nesting accepted; argmap files need five levels.
MAX_DEPTH = 32

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = yaml.resolver.Resolver()
_CONSTRUCTOR: Any = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_KNOWN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@attrs.define
class Tree:
    """A parsed document: ``data`` plus the line of every key and item.

    Attributes:
        data: the document as dicts, lists and scalars (``None`` if empty).
        problems: what was refused (duplicate keys, aliases, tags, syntax).
    """

    data: Any = None
    problems: list[Problem] = attrs.field(factory=list)
    _lines: dict[int, Any] = attrs.field(factory=dict)

    def line(self, path: Sequence[Any]) -> int | None:
        """The 1-based line of the key or item at ``path``, or of its nearest parent.

        Example:
            >>> parse("x:\\n  y: 2\\n").line(("x", "y"))
            2
        """
        node = self.data
        best: int | None = 1 if node is not None else None
        for step in path:
            table = self._lines.get(id(node))
            if table is None:
                break
            try:
                best = table[step]
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        return best


class Typed(str):
    """A plain scalar YAML reads as a number, boolean or date, kept as the text typed.

    ``str(x)`` is what the author wrote (``no``, ``1.10``); ``x.typed`` is what
    YAML 1.1 makes of it (``False``, ``1.1``). Text fields take the text, numeric
    and boolean fields the typed value, so a rebuttal that reads ``no`` stays "no".

    Example:
        >>> t = parse("a: no").data["a"]
        >>> (str(t), t.typed)
        ('no', False)
    """

    typed: Any

    def __new__(cls, text: str, typed: Any) -> Typed:
        obj = super().__new__(cls, text)
        obj.typed = typed
        return obj


def typed(value: Any) -> Any:
    """The typed value of a :class:`Typed` scalar, or ``value`` itself.

    Example:
        >>> typed(parse("a: 1997").data["a"]), typed("x")
        (1997, 'x')
    """
    return value.typed if isinstance(value, Typed) else value


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What a plain scalar that only looks like a number or date may raise when typed.
_TYPING_ERRORS = (
    ValueError,
    TypeError,
    OverflowError,
    KeyError,
    AttributeError,
    IndexError,
    yaml.YAMLError,
)


class _Refused(Exception):
    """Raised inside :func:`parse` for input refused at a mark."""

    def __init__(self, code: str, message: str, mark: Any) -> None:
        super().__init__(message)
        self.code, self.message, self.mark = code, message, mark


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


#: libyaml refuses surrogate escapes itself; PyYAML's pure-Python scanner does not
_SCAN_SURROGATES = _Loader is yaml.SafeLoader


def _check_text(value: str, mark: Any) -> None:
    if _SURROGATE.search(value):
        raise _Refused(
            "surrogate",
            "the text holds a lone surrogate escape (such as \\ud800), which is not a "
            "character and cannot be written out; remove it or write the character itself",
            mark,
        )


def _check_tag(event: Any, expected: set[str] | str) -> None:
    tag = event.tag
    if tag is None or tag == "!":
        return
    fits = tag in expected if isinstance(expected, set) else tag == expected
    if fits:
        return
    if tag in _KNOWN_TAGS:
        what = {_MAP: "a mapping", _SEQ: "a list"}.get(tag, "a single value")
        raise _Refused(
            "yaml-tag",
            f"the tag {_short_tag(tag)} is for {what}, not for what follows it; remove the tag",
            event.start_mark,
        )
    raise _Refused("yaml-tag", f"YAML tag {tag!r} is not allowed in argmap files", event.start_mark)


def _scalar(event: Any, keep_text: bool) -> Any:
    value: str = event.value
    if _SCAN_SURROGATES:
        _check_text(value, event.start_mark)
    tag = event.tag
    explicit = tag is not None and tag != "!"
    if explicit:
        _check_tag(event, _SCALAR_TAGS)
        if tag == _NULL and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _NULL:
            raise _Refused(
                "yaml-tag", f"{value!r} is not a valid !!null; remove the tag", event.start_mark
            )
    else:
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == _STR or tag not in _SCALAR_TAGS:  # e.g. plain '<<' or '=': text
        return value
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        result = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except _TYPING_ERRORS:
        if explicit:
            raise _Refused(
                "yaml-tag",
                f"{value!r} is not a valid {_short_tag(tag)}; remove the tag or fix the value",
                event.start_mark,
            ) from None
        return value  # looks like a date or number but is none (2023-13-45): text
    if keep_text and result is not None:
        return Typed(value, result)
    return result


def parse(text: str, *, source: str | None = None, keep_text: bool = True) -> Tree:
    """Parse one YAML document from ``text`` into a :class:`Tree`.

    Problems are collected in ``tree.problems``; a syntax error stops parsing
    (``tree.data`` is then ``None``). With ``keep_text`` (the default), plain
    scalars that YAML would turn into numbers, booleans or dates come back as
    :class:`Typed` strings holding both the text and the typed value.

    Example:
        >>> t = parse("a: 1\\na: 2\\n", source="m.yaml")
        >>> print(t.problems[0])
        m.yaml:2:1: error: duplicate key 'a' (first at line 1) [duplicate-key]
            2 | a: 2
              | ^
    """
    tree = Tree()
    lines = tree._lines
    problems = tree.problems
    raw = _SURROGATE.search(text)
    if raw:  # a str holding a surrogate itself, not an escape
        line = text.count("\n", 0, raw.start())
        column = raw.start() - (text.rfind("\n", 0, raw.start()) + 1)
        problems.append(
            _at(
                "surrogate",
                "the text holds a lone surrogate, which is not a character and cannot be "
                "written out; remove it",
                text,
                yaml.Mark(source or "", raw.start(), line, column, None, 0),
                source,
            )
        )
        return tree

    def refuse(code: str, message: str, mark: Any) -> Tree:
        problems.append(_at(code, message, text, mark, source))
        return Tree(None, problems)

    # stack of [container, pending key (mappings), line of pending key]
    stack: list[list[Any]] = []
    root: Any = None
    docs = 0
    try:
        events: Any = yaml.parse(text, Loader=_Loader)
        for event in events:
            cls = type(event)
            if (
                cls is yaml.ScalarEvent
                or cls is yaml.MappingStartEvent
                or cls is yaml.SequenceStartEvent
            ) and event.anchor is not None:
                return refuse(
                    "yaml-anchor",
                    f"anchors (&{event.anchor}) and aliases are not "
                    "allowed in argmap files; write each value out",
                    event.start_mark,
                )
            if cls is yaml.ScalarEvent:
                line = event.start_mark.line + 1
                if stack:
                    top = stack[-1]
                    container = top[0]
                    if type(container) is dict:
                        if top[1] is _NO_KEY:
                            key = event.value  # keys are kept as typed
                            if _SCAN_SURROGATES:
                                _check_text(key, event.start_mark)
                            if event.tag is not None:
                                _check_tag(event, _SCALAR_TAGS)
                            if key in container or key in top[3]:
                                first = lines[id(container)].get(key) or top[3].get(key)
                                problems.append(
                                    _at(
                                        "duplicate-key",
                                        f"duplicate key {key!r} (first at line {first})",
                                        text,
                                        event.start_mark,
                                        source,
                                    )
                                )
                                key = _DUP
                            top[1], top[2] = key, line
                        else:
                            _put(top, _scalar(event, keep_text), lines)
                    else:
                        lines[id(container)].append(line)
                        container.append(_scalar(event, keep_text))
                else:
                    root = _scalar(event, keep_text)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    return refuse(
                        "yaml-depth", f"nesting deeper than {MAX_DEPTH} levels", event.start_mark
                    )
                is_map = cls is yaml.MappingStartEvent
                if event.tag is not None:
                    _check_tag(event, _MAP if is_map else _SEQ)
                new: Any = {} if is_map else []
                lines[id(new)] = {} if is_map else []
                line = event.start_mark.line + 1
                if stack:
                    top = stack[-1]
                    if type(top[0]) is dict:
                        if top[1] is _NO_KEY:
                            return refuse(
                                "yaml-key",
                                "a mapping key must be plain text, not a list or mapping",
                                event.start_mark,
                            )
                        _put(top, new, lines)
                    else:
                        lines[id(top[0])].append(line)
                        top[0].append(new)
                else:
                    root = new
                stack.append([new, _NO_KEY, 0, {}])
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                stack.pop()
            elif cls is yaml.AliasEvent:
                return refuse(
                    "yaml-alias",
                    f"aliases (*{event.anchor}) are not allowed in argmap "
                    "files; write each value out",
                    event.start_mark,
                )
            elif cls is yaml.DocumentStartEvent:
                docs += 1
                if docs > 1:
                    return refuse(
                        "yaml-documents",
                        "a file holds one map: remove the second '---' document",
                        event.start_mark,
                    )
    except _Refused as exc:
        return refuse(exc.code, exc.message, exc.mark)
    except yaml.MarkedYAMLError as exc:
        problems.append(_explain(exc, text, source))
        return Tree(None, problems)
    except yaml.YAMLError as exc:  # reader errors without a mark
        problems.append(Problem("error", "yaml-syntax", f"not valid YAML: {exc}", source=source))
        return Tree(None, problems)
    tree.data = root
    return tree


def excerpt(line_text: str, line: int, column: int | None) -> str:
    """The line ``line_text`` numbered ``line``, with a caret under ``column`` (1-based).

    Tabs show as ``→`` so that they can be seen and the caret stays aligned.

    Example:
        >>> print(excerpt("  C1: {claim: x", 3, 15))
            3 |   C1: {claim: x
              |               ^
    """
    shown = line_text.rstrip("\r\n").replace("\t", "→")
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
    col = max((column or 1) - 1, 0)
    if len(shown) > _WIDTH:  # a long line: the part around the column
        start = max(0, min(col - _WIDTH // 2, len(shown) - _WIDTH))
        end = start + _WIDTH
        shown = ("…" if start else "") + shown[start:end] + ("…" if end < len(shown) else "")
        col = col - start + (1 if start else 0)
    out = f"{line:5} | {shown}"
    if column is not None:
        out += "\n" + " " * 5 + " | " + " " * col + "^"
    return out


_WIDTH = 100


def _line_of(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _at(code: str, message: str, text: str, mark: Any, source: str | None) -> Problem:
    line, column = mark.line + 1, mark.column + 1
    return Problem(
        "error",
        code,
        message,
        source=source,
        line=line,
        column=column,
        excerpt=excerpt(_line_of(text, mark.line), line, column),
    )


def _quote(value: str) -> str:
    if '"' in value and "'" not in value:
        return "'" + value + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_KEY_START = re.compile(r"\s*(?:-\s+)?[^\s#\-][^:]*:(\s|$)")
_NEXT_KEY = re.compile(r",\s*[^\s,{}\[\]:]+:\s")


def _quoted_value(row: str, start: int) -> str:
    """``row`` with the value that starts at ``start`` put in quotes."""
    while start < len(row) and row[start] == " ":
        start += 1
    in_flow = row[:start].count("{") + row[:start].count("[") > row[:start].count("}") + row[
        :start
    ].count("]")
    end = len(row.rstrip())
    if in_flow:
        nxt = _NEXT_KEY.search(row, start)
        closing = max(row.rfind("}"), row.rfind("]"))
        end = nxt.start() if nxt else (closing if closing > start else end)
    else:
        comment = row.find(" #", start)
        end = comment if comment > 0 else end
    value = row[start:end].rstrip()
    return row[:start] + _quote(value) + row[start + len(value) :]


def _indent_of(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _explain(exc: Any, text: str, source: str | None) -> Problem:
    """A syntax error as a compiler would report it: line, column, caret and a hint."""
    mark: Any = exc.problem_mark or exc.context_mark
    detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    if mark is None:
        return Problem("error", "yaml-syntax", f"not valid YAML: {detail}", source=source)
    line, column = mark.line + 1, mark.column + 1
    row = _line_of(text, mark.line)
    shown = excerpt(row, line, column)
    problem = str(exc.problem or "")
    here = row[mark.column : mark.column + 1]
    message = f"not valid YAML: {detail}"
    fixed: str | None = None
    earlier = row.rfind(": ", 0, mark.column)
    if here == ":" and earlier >= 0 and ("mapping values" in problem or "expected ','" in problem):
        key = row[:earlier].split("{")[-1].split(",")[-1].strip(" -")
        message = (
            f"the text of {key!r} holds ': ', which YAML reads as the start of another key; "
            "put the text in quotes"
        )
        fixed = _quoted_value(row, earlier + 2)
    elif "cannot start any token" in problem and "\t" in row[: mark.column + 1]:
        message = (
            f"a tab at column {column}: YAML indents with spaces only; replace the tab with spaces"
        )
        fixed = row.replace("\t", "  ")
    elif "cannot start any token" in problem and here:
        message = f"{here!r} cannot start unquoted text in YAML; put the text in quotes"
        fixed = _quoted_value(row, mark.column)
    elif "escape" in problem:
        message = (
            "an escape sequence here is not a character (a lone surrogate such as "
            "\\ud800?); write the character itself"
        )
    elif (
        "mapping values" in problem
        or "expected key" in problem
        or "block end" in problem
        or "expected '-'" in problem
    ):
        indent = _indent_of(row)
        above = [
            _indent_of(r)
            for r in text.splitlines()[: mark.line]
            if r.strip() and not r.lstrip().startswith("#") and _KEY_START.match(r)
        ]
        if above:
            best = min(above, key=lambda i: (abs(i - indent), -i))
            if best != indent:
                message = (
                    f"wrong indentation: this line starts at column {indent + 1}, but the "
                    f"entries above it start at column {best + 1}; entries of one mapping "
                    "line up"
                )
                fixed = " " * best + row.lstrip(" ")
        if fixed is None:
            message = f"not valid YAML: {detail}; check the indentation of this line"
    elif "flow" in str(exc.context or "") and exc.context_mark is not None:
        opened = exc.context_mark
        if opened.line < mark.line:
            bracket = text.splitlines()[opened.line][opened.column : opened.column + 1] or "{"
            closer = {"{": "}", "[": "]"}.get(bracket, "}")
            message = (
                f"the {bracket!r} opened at line {opened.line + 1}, column "
                f"{opened.column + 1} is not closed; close it with {closer!r}"
            )
    if fixed is not None and fixed != row:
        shown += "\n  hint: write it as\n" + excerpt(fixed, line, None)
    return Problem(
        "error",
        "yaml-syntax",
        message,
        source=source,
        line=line,
        column=column,
        excerpt=shown,
    )


class _Marker:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<marker>"


_NO_KEY = _Marker()
_DUP = _Marker()


def _put(top: list[Any], value: Any, lines: dict[int, Any]) -> None:
    container, key, line, dups = top
    if key is _DUP:
        top[1] = _NO_KEY
        return
    container[key] = value
    lines[id(container)][key] = line
    dups[key] = line
    top[1] = _NO_KEY


_DUMPERS: dict[type, Any] = {}


def dump(data: Any, *, flow: type = list) -> str:
    """Write ``data`` as block-style YAML, in key order, lists of type ``flow`` inline.

    Example:
        >>> class Inline(list): pass
        >>> print(dump({"a": "x", "b": Inline(["p", "q"])}, flow=Inline), end="")
        a: x
        b: [p, q]
    """
    dumper: Any = _DUMPERS.get(flow)
    if dumper is None:
        base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        dumper = type("_Dumper", (base,), {})  # a fresh class: representers are per class
        dumper.add_representer(
            flow,
            lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True),
        )
        _DUMPERS[flow] = dumper
    text: str = yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text
