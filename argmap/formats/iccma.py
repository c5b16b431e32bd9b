"""Abstract argumentation frameworks in the ICCMA file formats: ``.apx``, ``.tgf``, ``.af``.

A framework is a ``networkx.DiGraph`` whose nodes are arguments and whose edge
``u -> v`` means *u attacks v* (see :mod:`argmap.semantics`). Readers return
graphs with **string** node ids, inserted in the order the file declares them;
writers write the arguments in the graph's insertion order and the attacks in
``af.edges`` order, so the same graph always gives the same text.

Formats:

``apx`` (ASPARTIX, ICCMA 2015–2021)
    One fact per statement: ``arg(a).`` declares an argument, ``att(a,b).`` says
    a attacks b; ``%`` starts a comment. Names are ``[A-Za-z0-9_]+`` or a
    double-quoted string with ``\\"``, ``\\\\`` and ``\\n`` escapes; the writer
    quotes every name that is not a plain lowercase identifier or a number, so
    any string round-trips. Attacks may come before the arguments they name.

``tgf`` (Trivial Graph Format)
    Node lines (an id, optionally followed by a label, kept as the node
    attribute ``label``), then a line holding only ``#``, then edge lines
    ``a b`` (optionally followed by a label, kept as the edge attribute
    ``label``). Ids cannot contain whitespace.

``af`` (ICCMA 2023)
    A header ``p af N``; the arguments are ``1 .. N``; each other line ``i j``
    says i attacks j; lines starting with ``#`` are comments. **Names**: argmap
    writes a framework whose arguments are not exactly ``"1" .. "N"`` by
    numbering them in insertion order and putting one comment line
    ``# <i> <name>`` per argument right after the header. When reading, such
    comments are used as the names when (by default) they name every argument
    ``1 .. N`` exactly once with distinct names; otherwise the comments are
    ignored and the arguments are ``"1" .. "N"``. ``names=True`` requires them,
    ``names=False`` ignores them.

Every reader checks the whole file and raises one :class:`~argmap.LoadError`
listing every bad line (each a :class:`~argmap.problems.Problem` with the file
name, the line number and a code such as ``apx-syntax``): syntax errors, attacks
naming an undeclared argument, duplicate arguments or attacks, numbers outside
``1 .. N``, a missing or repeated header. Blank lines are allowed everywhere.

Example:
    >>> af = loads_apx("arg(a). arg(b).\\natt(a,b).  % a attacks b")
    >>> list(af.nodes), list(af.edges)
    (['a', 'b'], [('a', 'b')])
    >>> print(dumps_af(af), end="")
    p af 2
    # 1 a
    # 2 b
    1 2

References:
    Egly, U., Gaggl, S. A., & Woltran, S. (2010). Answer-set programming
    encodings for argumentation frameworks. *Argument & Computation*, 1(2),
    147–177.

    Thimm, M., & Villata, S. (2017). The first International Competition on
    Computational Models of Argumentation: results and analysis. *Artificial
    Intelligence*, 252, 267–294.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any, Literal, TypeAlias

import networkx as nx

from .._io import atomic_write_text, read_map_file
from ..exceptions import LoadError, ModelError, did_you_mean, expect
from ..problems import Problem

__all__ = [
    "FORMATS",
    "FrameworkFormat",
    "dump_af",
    "dump_apx",
    "dump_framework",
    "dump_tgf",
    "dumps_af",
    "dumps_apx",
    "dumps_framework",
    "dumps_tgf",
    "load_af",
    "load_apx",
    "load_framework",
    "load_tgf",
    "loads_af",
    "loads_apx",
    "loads_framework",
    "loads_tgf",
]

FrameworkFormat: TypeAlias = Literal["af", "apx", "tgf"]
"""A framework file format: ICCMA 2023 ``af``, ASPARTIX ``apx`` or ``tgf``."""

FORMATS: tuple[FrameworkFormat, ...] = ("af", "apx", "tgf")

#: File suffixes and the format each stands for (``.i23`` is used for ICCMA 2023 instances).
SUFFIXES: dict[str, FrameworkFormat] = {".af": "af", ".apx": "apx", ".i23": "af", ".tgf": "tgf"}


class _Problems:
    """Collects the problems of one file."""

    def __init__(self, source: str | None, fmt: str) -> None:
        self.source = source
        self.fmt = fmt
        self.problems: list[Problem] = []

    def error(self, line: int, message: str, kind: str = "syntax") -> None:
        code = f"{self.fmt}-{kind}"
        self.problems.append(Problem("error", code, message, source=self.source, line=line))

    def raise_if_any(self) -> None:
        if self.problems:
            raise LoadError(self.problems, self.source)


def _lines(text: str) -> list[str]:
    """The lines of ``text``, split at ``\n`` only (``\r\n`` is fine too).

    ``str.splitlines`` would also split at form feeds and Unicode line
    separators, which may occur inside a quoted .apx name.
    """
    lines = text.split("\n")
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _short(text: str, limit: int = 40) -> str:
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


# --------------------------------------------------------------------------- apx

_TERM = r'"(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_]+'
_APX_STATEMENT = re.compile(
    rf"\s*(?P<pred>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?P<a>{_TERM})\s*(?:,\s*(?P<b>{_TERM})\s*)?\)\s*\."
)
_APX_PLAIN = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_ESCAPES = {"n": "\n", "r": "\r", '"': '"', "\\": "\\"}


def _apx_name(term: str) -> str:
    if not term.startswith('"'):
        return term
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), term[1:-1])


def _apx_term(name: str) -> str:
    if _APX_PLAIN.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def loads_apx(text: str, *, source: str | None = None) -> nx.DiGraph[str]:
    """Read a framework from ASPARTIX text (``arg(a).``, ``att(a,b).``, ``%`` comments).

    Args:
        text: the file's content.
        source: the file name, for the problems reported.

    Raises:
        LoadError: listing every bad line.

    Example:
        >>> af = loads_apx('arg(a1).\\narg("two words").\\natt(a1,"two words").')
        >>> list(af.edges)
        [('a1', 'two words')]
        >>> loads_apx("arg(a).\\natt(a,b).\\narg(a).", source="x.apx")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: 2 problems in x.apx:
          x.apx:2: error: attack names 'b', which no arg(...) declares [apx-unknown-argument]
          x.apx:3: error: duplicate argument 'a' (first declared on line 1) [apx-duplicate]
    """
    report = _Problems(source, "apx")
    declared: dict[str, int] = {}
    attacks: dict[tuple[str, str], int] = {}
    for number, line in enumerate(_lines(text), start=1):
        pos = 0
        while True:
            while pos < len(line) and line[pos].isspace():
                pos += 1
            if pos >= len(line) or line[pos] == "%":
                break
            match = _APX_STATEMENT.match(line, pos)
            if match is None:
                report.error(
                    number, f"cannot read {_short(line[pos:])}: expected arg(a). or att(a,b)."
                )
                break
            pos = match.end()
            pred, a, b = match.group("pred", "a", "b")
            if pred == "arg" and b is None:
                name = _apx_name(a)
                if name in declared:
                    report.error(
                        number,
                        f"duplicate argument {name!r} (first declared on line {declared[name]})",
                        "duplicate",
                    )
                else:
                    declared[name] = number
            elif pred == "att" and b is not None:
                pair = (_apx_name(a), _apx_name(b))
                if pair in attacks:
                    report.error(
                        number,
                        f"duplicate attack {pair[0]!r} -> {pair[1]!r} "
                        f"(first stated on line {attacks[pair]})",
                        "duplicate",
                    )
                else:
                    attacks[pair] = number
            else:
                report.error(
                    number,
                    f"unknown statement {_short(match.group(0))}: expected arg(a). or att(a,b).",
                )
    for (a, b), number in attacks.items():
        for name in (a, b) if a != b else (a,):
            if name not in declared:
                report.error(
                    number, f"attack names {name!r}, which no arg(...) declares", "unknown-argument"
                )
    report.problems.sort(key=Problem.sort_key)
    report.raise_if_any()
    af: nx.DiGraph[str] = nx.DiGraph()
    af.add_nodes_from(declared)
    af.add_edges_from(attacks)
    return af


def dumps_apx(af: nx.DiGraph[Any]) -> str:
    """Write ``af`` as ASPARTIX text: every ``arg`` fact, then every ``att`` fact.

    Names that are not a lowercase identifier or a number are double-quoted.

    Example:
        >>> import networkx as nx
        >>> print(dumps_apx(nx.DiGraph([("a", "B c"), (1, "a")])), end="")
        arg(a).
        arg("B c").
        arg(1).
        att(a,"B c").
        att(1,a).
    """
    names = _names(af)
    lines = [f"arg({_apx_term(names[v])})." for v in af]
    lines += [f"att({_apx_term(names[u])},{_apx_term(names[v])})." for u, v in af.edges]
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- tgf


def loads_tgf(text: str, *, source: str | None = None) -> nx.DiGraph[str]:
    """Read a framework from Trivial Graph Format text.

    Node lines come first (``id`` or ``id label``), then a line holding only ``#``,
    then edge lines ``from to`` (optionally followed by a label). A file without
    the ``#`` line has nodes only.

    Args:
        text: the file's content.
        source: the file name, for the problems reported.

    Raises:
        LoadError: listing every bad line.

    Example:
        >>> af = loads_tgf("1 first\\n2\\n#\\n1 2\\n")
        >>> list(af.nodes(data=True)), list(af.edges)
        ([('1', {'label': 'first'}), ('2', {})], [('1', '2')])
        >>> loads_tgf("1\\n#\\n1 3\\n2\\n")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: 2 problems in the input:
          line 3: error: edge names '3', which is not a node ... [tgf-unknown-argument]
          line 4: error: cannot read '2': an edge line needs two node ids [tgf-syntax]
    """
    report = _Problems(source, "tgf")
    nodes: dict[str, tuple[int, str | None]] = {}
    edges: dict[tuple[str, str], tuple[int, str | None]] = {}
    separator: int | None = None
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if separator is not None:
                report.error(number, f"a second '#' line (the first is line {separator})")
            else:
                separator = number
            continue
        if separator is None:
            parts = line.split(None, 1)
            node = parts[0]
            if node in nodes:
                first = nodes[node][0]
                report.error(
                    number, f"duplicate node {node!r} (first on line {first})", "duplicate"
                )
            else:
                nodes[node] = (number, parts[1].strip() if len(parts) > 1 else None)
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            report.error(number, f"cannot read {_short(line)}: an edge line needs two node ids")
            continue
        pair = (parts[0], parts[1])
        for node in pair if pair[0] != pair[1] else pair[:1]:
            if node not in nodes:
                report.error(
                    number,
                    f"edge names {node!r}, which is not a node (nodes come before the '#' line)",
                    "unknown-argument",
                )
        if pair in edges:
            report.error(
                number,
                f"duplicate edge {pair[0]!r} -> {pair[1]!r} (first on line {edges[pair][0]})",
                "duplicate",
            )
        else:
            edges[pair] = (number, parts[2].strip() if len(parts) > 2 else None)
    report.raise_if_any()
    af: nx.DiGraph[str] = nx.DiGraph()
    for node, (_number, label) in nodes.items():
        if label is None:
            af.add_node(node)
        else:
            af.add_node(node, label=label)
    for (u, v), (_number, label) in edges.items():
        if label is None:
            af.add_edge(u, v)
        else:
            af.add_edge(u, v, label=label)
    return af


def _tgf_label(label: Any, what: str) -> str:
    text = str(label)
    if "\n" in text or "\r" in text:
        raise ModelError(f"cannot write {what} to TGF: its label contains a line break")
    return " " + text.strip() if text.strip() else ""


def dumps_tgf(af: nx.DiGraph[Any]) -> str:
    """Write ``af`` as Trivial Graph Format: node lines, ``#``, edge lines.

    A ``label`` attribute on a node or an edge is written after it.

    Raises:
        ModelError: for an id that TGF cannot hold (empty, with whitespace, or ``#``).

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b")])
        >>> af.nodes["a"]["label"] = "the first argument"
        >>> print(dumps_tgf(af), end="")
        a the first argument
        b
        #
        a b
    """
    names = _names(af)
    for v in af:
        name = names[v]
        if not name or name == "#" or any(c.isspace() for c in name):
            raise ModelError(
                f"cannot write argument {name!r} to TGF: ids must be non-empty, "
                "without whitespace, and not '#' (use .apx or .af instead)"
            )
    lines = []
    for v, data in af.nodes(data=True):
        label = _tgf_label(data["label"], f"argument {names[v]!r}") if "label" in data else ""
        lines.append(names[v] + label)
    lines.append("#")
    for u, v, data in af.edges(data=True):
        what = f"attack {names[u]!r} -> {names[v]!r}"
        label = _tgf_label(data["label"], what) if "label" in data else ""
        lines.append(f"{names[u]} {names[v]}{label}")
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- af (ICCMA 2023)

_NAME_COMMENT = re.compile(r"#\s*([0-9]+)[ \t]+(\S.*?)\s*$")


#: The most arguments an ``.af`` header may declare (raise it with ``max_arguments=``).
#: The arguments of ``p af N`` are implicit, so a 20-byte file could otherwise ask for
#: 10**12 of them; a million arguments take about a second and a few hundred MB.
AF_MAX_ARGUMENTS = 1_000_000

_ASCII_NUMBER = re.compile(r"[0-9]+")


def _digits(text: str) -> str:
    """A number as written, shortened when it is long (``123...789 (5000 digits)``)."""
    return text if len(text) <= 24 else f"{text[:10]}...{text[-10:]} ({len(text):,} digits)"


def _af_number(text: str, limit: int) -> int | None:
    """``text`` as a number when it is ASCII digits only; ``limit + 1`` when it is longer
    than any number up to ``limit`` (so that no 5,000-digit string is ever converted).
    ``str.isdigit`` would accept superscripts and other scripts' digits."""
    if not _ASCII_NUMBER.fullmatch(text):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= len(str(limit)) else limit + 1


def loads_af(
    text: str,
    *,
    source: str | None = None,
    names: bool | None = None,
    max_arguments: int = AF_MAX_ARGUMENTS,
) -> nx.DiGraph[str]:
    """Read a framework from ICCMA 2023 text (``p af N`` header, ``i j`` attack lines).

    Numbers are ASCII digits ``0-9`` only.

    Args:
        text: the file's content.
        source: the file name, for the problems reported.
        names: how to treat ``# <i> <name>`` comment lines: ``None`` (default)
            uses them when they name every argument exactly once with distinct
            names, ``True`` requires that, ``False`` ignores them.
        max_arguments: the largest ``N`` accepted (default :data:`AF_MAX_ARGUMENTS`).

    Raises:
        LoadError: listing every bad line, and for ``N`` above ``max_arguments``.

    Example:
        >>> af = loads_af("p af 3\\n# a comment\\n1 2\\n2 3\\n")
        >>> list(af.nodes), list(af.edges)
        (['1', '2', '3'], [('1', '2'), ('2', '3')])
        >>> list(loads_af("p af 2\\n# 1 alpha\\n# 2 beta\\n1 2\\n").edges)
        [('alpha', 'beta')]
        >>> loads_af("p af 2\\n1 3\\n2 x\\n", source="f.af")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: 2 problems in f.af:
          f.af:2: error: argument 3 is out of range: the header declares arguments 1..2 [af-range]
          f.af:3: error: cannot read '2 x': an attack line is two argument numbers (digits 0-9) [af-syntax]
    """
    report = _Problems(source, "af")
    size: int | None = None
    header: int | None = None
    attacks: dict[tuple[int, int], int] = {}
    pending: list[tuple[int, int, int]] = []  # (line, i, j), checked against N at the end
    labels: dict[int, list[tuple[int, str]]] = {}
    early = False  # an attack line came before the header (reported once)
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            match = _NAME_COMMENT.match(line)
            if match:
                i = _af_number(match.group(1), max_arguments)
                labels.setdefault(i or 0, []).append((number, match.group(2)))
            continue
        parts = line.split()
        if parts[0] == "p":
            n = _af_number(parts[2], max_arguments) if len(parts) == 3 else None
            if header is not None:
                report.error(number, f"a second header (the first is on line {header})", "header")
            elif len(parts) != 3 or parts[1] != "af" or n is None:
                report.error(
                    number,
                    f"cannot read header {_short(line)}: expected 'p af N' (N in the digits 0-9)",
                    "header",
                )
                header = number
            elif n > max_arguments:
                report.error(
                    number,
                    f"the header declares {_digits(parts[2])} arguments; argmap reads at "
                    f"most {max_arguments:,} (pass max_arguments= to allow more)",
                    "too-large",
                )
                header = number
            else:
                header = number
                size = n
            continue
        if header is None and not early:
            report.error(number, "an attack before the 'p af N' header", "header")
            early = True
        i_j = [_af_number(part, max_arguments) for part in parts] if len(parts) == 2 else []
        i, j = (i_j[0], i_j[1]) if len(i_j) == 2 else (None, None)
        if i is None or j is None:
            report.error(
                number,
                f"cannot read {_short(line)}: an attack line is two argument numbers (digits 0-9)",
            )
            continue
        if (i, j) in attacks:
            report.error(
                number,
                f"duplicate attack {i} -> {j} (first on line {attacks[i, j]})",
                "duplicate",
            )
            continue
        attacks[i, j] = number
        pending.append((number, i, j))
    if header is None and not early:
        report.error(1, "missing the 'p af N' header", "header")
    if size is not None:
        for number, i, j in pending:
            for k in (i, j) if i != j else (i,):
                if not 1 <= k <= size:
                    shown = str(k) if k <= max_arguments else "(a number that long)"
                    report.error(
                        number,
                        f"argument {shown} is out of range: the header declares arguments "
                        f"1..{size}",
                        "range",
                    )
    chosen = _af_names(labels, size or 0, names, report, max_arguments)
    report.problems.sort(key=Problem.sort_key)
    report.raise_if_any()

    def name(i: int) -> str:
        return chosen[i] if chosen is not None else str(i)

    af: nx.DiGraph[str] = nx.DiGraph()
    af.add_nodes_from(name(i) for i in range(1, (size or 0) + 1))
    af.add_edges_from((name(i), name(j)) for i, j in attacks)
    return af


def _af_names(
    labels: dict[int, list[tuple[int, str]]],
    size: int,
    names: bool | None,
    report: _Problems,
    limit: int,
) -> dict[int, str] | None:
    """The argument names by the ``# <i> <name>`` convention, or ``None`` for ``"1" .. "N"``.

    Nothing here is proportional to ``N`` beyond the comments the file holds.
    """
    if names is False or (names is None and not labels):
        return None
    problems: list[tuple[int, str]] = []
    chosen: dict[int, str] = {}
    seen: dict[str, int] = {}
    for i, found in sorted(labels.items()):
        number, name = found[0]
        if not 1 <= i <= size:
            shown = str(i) if i <= limit else "(a number that long)"
            problems.append((number, f"names argument {shown}, but the header declares 1..{size}"))
        elif len(found) > 1:
            problems.append((found[1][0], f"argument {i} is named twice (first on line {number})"))
        elif name in seen:
            problems.append((number, f"name {name!r} is also given to argument {seen[name]}"))
        else:
            chosen[i] = name
            seen[name] = i
    # Every argument 1..N has a comment (the labels are distinct numbers, so counting
    # those in range is enough; nothing here walks 1..N unless some are missing).
    complete = sum(1 <= i <= size for i in labels) == size
    if names is None:
        return chosen if not problems and complete else None
    for number, message in problems:
        report.error(number, message, "names")
    if not complete:
        unnamed = (i for i in range(1, size + 1) if i not in labels)
        missing = list(itertools.islice(unnamed, 11))
        shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
        report.error(1, f"no '# <i> <name>' comment for argument(s) {shown}", "names")
    return chosen


def dumps_af(af: nx.DiGraph[Any], *, names: bool | None = None) -> str:
    """Write ``af`` in the ICCMA 2023 format, numbering the arguments in insertion order.

    Args:
        af: the framework.
        names: write ``# <i> <name>`` comments after the header: ``None`` (default)
            when the arguments are not exactly ``1 .. N`` in order, ``True`` always,
            ``False`` never (the names are then lost).

    Raises:
        ModelError: for a name that a comment line cannot hold (a line break, or
            leading or trailing whitespace).

    Example:
        >>> import networkx as nx
        >>> print(dumps_af(nx.DiGraph([(1, 2), (2, 2)])), end="")
        p af 2
        1 2
        2 2
        >>> print(dumps_af(nx.DiGraph([("x", "y")]), names=False), end="")
        p af 2
        1 2
    """
    nodes = list(af)
    number = {v: i for i, v in enumerate(nodes, start=1)}
    lines = [f"p af {len(nodes)}"]
    plain = all(str(v) == str(i) for v, i in number.items())
    if names or (names is None and not plain):
        text = _names(af)
        for v in nodes:
            name = text[v]
            if not name or name != name.strip() or "\n" in name or "\r" in name:
                raise ModelError(
                    f"cannot write the name {name!r} in an ICCMA 2023 comment: names must be "
                    "non-empty, on one line, without leading or trailing whitespace"
                )
            lines.append(f"# {number[v]} {name}")
    lines += [f"{number[u]} {number[v]}" for u, v in af.edges]
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- shared


def _names(af: nx.DiGraph[Any]) -> dict[Hashable, str]:
    """``str`` of every argument; two arguments with the same ``str`` cannot be written."""
    if not isinstance(af, nx.DiGraph):
        raise ModelError(f"expected a networkx.DiGraph framework, not {type(af).__name__}")
    names = {v: str(v) for v in af}
    if len(set(names.values())) != len(names):
        seen: dict[str, Hashable] = {}
        for v, name in names.items():
            if name in seen:
                raise ModelError(
                    f"arguments {seen[name]!r} and {v!r} would both be written as {name!r}"
                )
            seen[name] = v
    return names


#: The largest framework file read (the same bound as native maps).
MAX_BYTES = 32 * 1024 * 1024


def _read(path: Path) -> bytes:
    """The file's bytes: a regular file of at most :data:`MAX_BYTES`, else a LoadError."""
    return read_map_file(path, MAX_BYTES)


def _decode(raw: bytes, source: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem(
            "error", "encoding", "the file is not UTF-8; save it as UTF-8", source=source, line=line
        )
        raise LoadError([problem], source) from None


def _format(path: Path, fmt: str | None) -> FrameworkFormat:
    if fmt is not None:
        if fmt not in FORMATS:
            raise LoadError(
                [
                    Problem(
                        "error",
                        "unknown-format",
                        f"unknown framework format {fmt!r} (must be one of {list(FORMATS)})"
                        + did_you_mean(fmt, FORMATS),
                        source=str(path),
                    )
                ],
                str(path),
            )
        return fmt
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        message = (
            f"cannot tell the framework format from the suffix {suffix or '(none)'!r} "
            f"(must be one of {sorted(SUFFIXES)}); pass format= one of {list(FORMATS)}"
        )
        raise LoadError([Problem("error", "unknown-format", message, source=str(path))], str(path))
    return SUFFIXES[suffix]


_LOADERS = {"af": loads_af, "apx": loads_apx, "tgf": loads_tgf}
_DUMPERS = {"af": dumps_af, "apx": dumps_apx, "tgf": dumps_tgf}


def loads_framework(
    text: str,
    format: FrameworkFormat,
    *,
    source: str | None = None,
) -> nx.DiGraph[str]:
    """Read a framework from text in the given format.

    Example:
        >>> list(loads_framework("a\\nb\\n#\\na b\\n", "tgf").edges)
        [('a', 'b')]
    """
    if format not in _LOADERS:
        raise LoadError(
            [
                Problem(
                    "error",
                    "unknown-format",
                    f"unknown framework format {format!r} (must be one of {list(FORMATS)})"
                    + did_you_mean(str(format), FORMATS),
                    source=source,
                )
            ],
            source,
        )
    return _LOADERS[format](text, source=source)


def dumps_framework(af: nx.DiGraph[Any], format: FrameworkFormat) -> str:
    """Write a framework as text in the given format.

    Example:
        >>> import networkx as nx
        >>> dumps_framework(nx.DiGraph([("a", "b")]), "apx")
        'arg(a).\\narg(b).\\natt(a,b).\\n'
    """
    if format not in _DUMPERS:
        raise ModelError(
            f"unknown framework format {format!r} (must be one of {list(FORMATS)})"
            + did_you_mean(str(format), FORMATS)
        )
    return _DUMPERS[format](af)


def load_framework(
    path: str | os.PathLike[str],
    *,
    format: FrameworkFormat | None = None,
) -> nx.DiGraph[str]:
    """Read a framework file; the format comes from the suffix unless ``format`` is given.

    Suffixes: ``.apx``, ``.tgf``, ``.af`` and ``.i23`` (ICCMA 2023).

    Raises:
        LoadError: for an unknown suffix or format, a file that is not UTF-8, or
            bad lines (all of them, with line numbers).

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "cycle.tgf")
        ...     _ = path.write_text("1\\n2\\n#\\n1 2\\n2 1\\n")
        ...     list(load_framework(path).edges)
        [('1', '2'), ('2', '1')]
    """
    expect(path, (str, os.PathLike), "path", "a file path")
    p = Path(path)
    fmt = _format(p, format)
    return _LOADERS[fmt](_decode(_read(p), str(path)), source=str(path))


def dump_framework(
    af: nx.DiGraph[Any],
    path: str | os.PathLike[str],
    *,
    format: FrameworkFormat | None = None,
) -> None:
    """Write a framework file; the format comes from the suffix unless ``format`` is given.

    Example:
        >>> import networkx as nx, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.apx")
        ...     dump_framework(nx.DiGraph([("a", "b")]), path)
        ...     print(path.read_text(), end="")
        arg(a).
        arg(b).
        att(a,b).
    """
    p = Path(path)
    fmt = _format(p, format)
    atomic_write_text(p, _DUMPERS[fmt](af))


def load_apx(path: str | os.PathLike[str]) -> nx.DiGraph[str]:
    """Read an ASPARTIX ``.apx`` file (see :func:`loads_apx`).

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.txt")
        ...     _ = path.write_text("arg(a).\\n")
        ...     list(load_apx(path))
        ['a']
    """
    return load_framework(path, format="apx")


def load_tgf(path: str | os.PathLike[str]) -> nx.DiGraph[str]:
    """Read a ``.tgf`` file (see :func:`loads_tgf`).

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.tgf")
        ...     _ = path.write_text("a\\n#\\n")
        ...     list(load_tgf(path))
        ['a']
    """
    return load_framework(path, format="tgf")


def load_af(path: str | os.PathLike[str], *, names: bool | None = None) -> nx.DiGraph[str]:
    """Read an ICCMA 2023 ``.af`` file (see :func:`loads_af` for ``names``).

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.af")
        ...     _ = path.write_text("p af 2\\n1 2\\n")
        ...     list(load_af(path).edges)
        [('1', '2')]
    """
    p = Path(path)
    return loads_af(_decode(_read(p), str(path)), source=str(path), names=names)


def dump_apx(af: nx.DiGraph[Any], path: str | os.PathLike[str]) -> None:
    """Write ``af`` to an ASPARTIX file (see :func:`dumps_apx`).

    Example:
        >>> import networkx as nx, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     dump_apx(nx.DiGraph([("a", "b")]), pathlib.Path(tmp, "f.apx"))
    """
    dump_framework(af, path, format="apx")


def dump_tgf(af: nx.DiGraph[Any], path: str | os.PathLike[str]) -> None:
    """Write ``af`` to a TGF file (see :func:`dumps_tgf`).

    Example:
        >>> import networkx as nx, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     dump_tgf(nx.DiGraph([("a", "b")]), pathlib.Path(tmp, "f.tgf"))
    """
    dump_framework(af, path, format="tgf")


def dump_af(
    af: nx.DiGraph[Any], path: str | os.PathLike[str], *, names: bool | None = None
) -> None:
    """Write ``af`` to an ICCMA 2023 file (see :func:`dumps_af` for ``names``).

    Example:
        >>> import networkx as nx, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "f.af")
        ...     dump_af(nx.DiGraph([("a", "b")]), path, names=False)
        ...     print(path.read_text(), end="")
        p af 2
        1 2
    """
    atomic_write_text(path, dumps_af(af, names=names))
