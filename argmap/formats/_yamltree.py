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

from collections.abc import Sequence
from typing import Any

import attrs
import yaml

from ..problems import Problem

__all__ = ["MAX_DEPTH", "Tree", "Typed", "dump", "parse", "typed"]

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


def _scalar(event: Any, keep_text: bool) -> Any:
    value = event.value
    tag = event.tag
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == _STR:
        return value
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    result = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
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
        >>> str(t.problems[0])
        "m.yaml:2: error: duplicate key 'a' (first at line 1) [duplicate-key]"
    """
    tree = Tree()
    lines = tree._lines
    problems = tree.problems

    def refuse(code: str, message: str, mark: Any) -> None:
        problems.append(Problem("error", code, message, source=source, line=mark.line + 1))

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
                or cls is (yaml.SequenceStartEvent)
            ):
                if event.anchor is not None:
                    refuse(
                        "yaml-anchor",
                        f"anchors (&{event.anchor}) and aliases are not "
                        "allowed in argmap files; write each value out",
                        event.start_mark,
                    )
                    return Tree(None, problems)
                tag = event.tag
                if tag is not None and tag != "!" and tag not in _KNOWN_TAGS:
                    refuse(
                        "yaml-tag",
                        f"YAML tag {tag!r} is not allowed in argmap files",
                        event.start_mark,
                    )
                    return Tree(None, problems)
            if cls is yaml.ScalarEvent:
                line = event.start_mark.line + 1
                if stack:
                    top = stack[-1]
                    container = top[0]
                    if type(container) is dict:
                        if top[1] is _NO_KEY:
                            key = event.value  # keys are kept as typed
                            if key in container or key in top[3]:
                                first = lines[id(container)].get(key) or top[3].get(key)
                                refuse(
                                    "duplicate-key",
                                    f"duplicate key {key!r} (first at line {first})",
                                    event.start_mark,
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
                    refuse(
                        "yaml-depth", f"nesting deeper than {MAX_DEPTH} levels", event.start_mark
                    )
                    return Tree(None, problems)
                new: Any = {} if cls is yaml.MappingStartEvent else []
                lines[id(new)] = {} if cls is yaml.MappingStartEvent else []
                line = event.start_mark.line + 1
                if stack:
                    top = stack[-1]
                    if type(top[0]) is dict:
                        if top[1] is _NO_KEY:
                            refuse(
                                "yaml-key",
                                "a mapping key must be plain text, not a list or mapping",
                                event.start_mark,
                            )
                            return Tree(None, problems)
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
                refuse(
                    "yaml-alias",
                    f"aliases (*{event.anchor}) are not allowed in argmap "
                    "files; write each value out",
                    event.start_mark,
                )
                return Tree(None, problems)
            elif cls is yaml.DocumentStartEvent:
                docs += 1
                if docs > 1:
                    refuse(
                        "yaml-documents",
                        "a file holds one map: remove the second '---' document",
                        event.start_mark,
                    )
                    return Tree(None, problems)
    except yaml.MarkedYAMLError as exc:
        mark: Any = exc.problem_mark or exc.context_mark
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        problems.append(
            Problem(
                "error",
                "yaml-syntax",
                f"not valid YAML: {msg}",
                source=source,
                line=mark.line + 1 if mark else None,
            )
        )
        return Tree(None, problems)
    except yaml.YAMLError as exc:  # reader errors without a mark
        problems.append(Problem("error", "yaml-syntax", f"not valid YAML: {exc}", source=source))
        return Tree(None, problems)
    tree.data = root
    return tree


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
