"""File formats: one module per format, and one :func:`load` for all of them.

* :mod:`argmap.formats.native` — argmap's own YAML/JSON (``argmap: 1``), lossless.
* :mod:`argmap.formats.argdown` — Argdown (``.argdown``), lossless through ``{...}`` data.
* :mod:`argmap.formats.aif` — AIF, xAIF (OVA), AIFdb and SADFace JSON.
* :mod:`argmap.formats.graphml` — GraphML for yEd and Gephi (write only).
* :mod:`argmap.formats.iccma` — abstract frameworks: ASPARTIX ``.apx``, ``.tgf``, ICCMA 2023 ``.af``.
* :mod:`argmap.formats.carneades` — Carneades 4 argument graphs (YAML).

:func:`load` picks the reader from the content and the suffix; ``format=``
overrides both. :func:`dump` picks the writer from the suffix.

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "m.argdown").write_text("[A]: Grants may be conditioned.\\n  - [B]: Only Congress.\\n")
    >>> m = load(d / "m.argdown")
    >>> dump(m, d / "m.aif.json")
    'aif'
    >>> read(d / "m.aif.json").format
    'aif'
    >>> load(d / "m.aif.json") == m
    True
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ..exceptions import LoadError, ModelError, did_you_mean, expect
from ..problems import Problem
from ._imported import Imported

if TYPE_CHECKING:
    from ..graph import ArgumentMap

__all__ = [
    "READ_FORMATS",
    "WRITE_FORMATS",
    "Imported",
    "detect_format",
    "dump",
    "dumps",
    "format_of_suffix",
    "load",
    "loads",
    "losses",
    "read",
    "reads",
]

ReadFormat: TypeAlias = Literal[
    "native", "yaml", "json", "argdown", "aif", "xaif", "aifdb", "sadface",
    "carneades", "apx", "tgf", "af",
]  # fmt: skip
WriteFormat: TypeAlias = Literal[
    "yaml", "json", "argdown", "aif", "xaif", "graphml", "apx", "tgf", "af"
]
#: Formats :func:`load` reads.
READ_FORMATS: tuple[str, ...] = (
    "native", "yaml", "json", "argdown", "aif", "xaif", "aifdb", "sadface",
    "carneades", "apx", "tgf", "af",
)  # fmt: skip
#: Formats :func:`dump` writes, with the suffix that selects each.
WRITE_FORMATS: dict[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".aif.json": "aif",
    ".aif": "aif",
    ".xaif.json": "xaif",
    ".xaif": "xaif",
    ".graphml": "graphml",
    ".apx": "apx",
    ".tgf": "tgf",
    ".af": "af",
    ".i23": "af",
}
_AIF_FAMILY = ("aif", "xaif", "aifdb", "sadface")
_FRAMEWORKS = ("apx", "tgf", "af")


def _fail(source: str | None, message: str, code: str = "format") -> LoadError:
    return LoadError([Problem("error", code, message, source=source)], source)


def format_of_suffix(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's suffix names, or None (``.json`` and ``.yaml`` give the
    native format; their content may still say otherwise, see :func:`detect_format`).

    Example:
        >>> format_of_suffix("m.xaif.json"), format_of_suffix("m.argdown"), format_of_suffix("m.txt")
        ('xaif', 'argdown', None)
    """
    name = Path(path).name.lower()
    for suffix in sorted(WRITE_FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return WRITE_FORMATS[suffix]
    return None


def detect_format(text: str, path: str | os.PathLike[str] | None = None) -> str:
    """Which reader to use for ``text``, from its content (and the suffix of ``path``).

    Example:
        >>> detect_format("argmap: 1\\n"), detect_format("[A]: yes\\n"), detect_format("arg(a).")
        ('yaml', 'argdown', 'apx')
        >>> detect_format('{"AIF": {"nodes": [], "edges": []}}')
        'xaif'
        >>> detect_format("statements:\\n  s1: {text: x}\\narguments: {}\\n")
        'carneades'
    """
    by_suffix = format_of_suffix(path) if path is not None else None
    if by_suffix in ("argdown", "apx", "tgf", "af"):
        return by_suffix
    stripped = text.lstrip("\ufeff \t\r\n")
    data: Any = None
    parsed = False
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
            parsed = True
        except (ValueError, RecursionError):
            if stripped.startswith("{") or by_suffix == "json":
                return "json"
    if parsed:
        from .aif import detect

        family = detect(data)
        if family is not None and not (isinstance(data, dict) and "argmap" in data):
            return family
        return "json"
    if re.search(r"^argmap\s*:", text, re.M):
        return "yaml"
    if re.search(r"^(arguments|issues)\s*:", text, re.M) or re.search(r"^meta\s*:", text, re.M):
        return "carneades"
    if re.match(r"\s*(arg|att)\s*\(", stripped):
        return "apx"
    if re.match(r"p\s+af\s+\d+", stripped):
        return "af"
    if by_suffix in ("yaml", "json"):
        return by_suffix
    return "argdown"


def _from_framework(af: Any, source: str | None, fmt: str) -> Imported:
    from ..graph import ArgumentMap
    from ..model import valid_id

    problems: list[Problem] = []
    m = ArgumentMap()
    m.source = source
    ids: dict[Any, str] = {}
    for node in af.nodes:
        name = str(node)
        ident = name if valid_id(name) else re.sub(r"[^A-Za-z0-9_.:/-]+", "-", name).strip("-")
        if not valid_id(ident):
            ident = f"a{len(ids) + 1}"
        while ident in m.statements:
            ident += "_"
        ids[node] = ident
        if af.has_edge(node, node):
            problems.append(
                Problem(
                    "error",
                    "self-attack",
                    f"argument {name!r} attacks itself, which a map cannot hold (a statement "
                    "cannot attack itself); evaluate the framework with am.semantics instead",
                    node=ident,
                    source=source,
                )
            )
        kind = "rebuttal" if any(t != node for t in af.successors(node)) else "claim"
        if kind == "rebuttal":
            m.rebuttal(name, id=ident, attacks=[])
        else:
            m.claim(name, id=ident)
    if problems:
        raise LoadError(problems, source)
    for a, b in af.edges:
        m.attack(ids[a], ids[b])
    note = Problem(
        "info",
        "framework",
        "an abstract framework has arguments and attacks only: each argument became a "
        "statement whose text is its name",
        source=source,
    )
    return Imported(m, fmt, (note,))


def reads(text: str | bytes, *, format: str | None = None, source: str | None = None) -> Imported:
    """Read a map from text in any format argmap reads; ``format`` overrides detection.

    Example:
        >>> r = reads("[A]: yes\\n  + [B]: because\\n")
        >>> r.format, len(r.map)
        ('argdown', 2)
    """
    expect(text, (str, bytes), "text", "the text of a map (str or bytes)")
    if isinstance(text, bytes):
        from .native import _decode

        text = _decode(text, source)
    fmt = format or detect_format(text, source)
    if fmt not in READ_FORMATS:
        raise _fail(
            source,
            f"unknown format {fmt!r} (argmap reads {', '.join(READ_FORMATS)})"
            + did_you_mean(fmt, READ_FORMATS),
        )
    if fmt in ("native", "yaml", "json"):
        from . import native

        kind: Any = None if fmt == "native" else fmt
        return Imported(native.loads(text, format=kind, source=source), "native")
    if fmt == "argdown":
        from . import argdown

        return argdown.reads(text, source=source)
    if fmt in _AIF_FAMILY:
        from . import aif

        result = aif.reads(text, source=source)
        if format is not None and result.format != fmt:
            # the file is read as what it is; say so rather than pretend
            note = Problem(
                "info",
                "aif-family",
                f"read as {result.format}, not {fmt}: that is what its content is",
                source=source,
            )
            return Imported(result.map, result.format, (*result.notes, note))
        return result
    if fmt == "carneades":
        from . import carneades

        graph = carneades.loads(text, source=source)
        notes: tuple[Problem, ...] = ()
        if graph.assumed:
            notes = (
                Problem(
                    "info",
                    "carneades",
                    f"{len(graph.assumed)} assumed statement(s) are not part of a map; "
                    "evaluate with argmap.formats.carneades.load(...).evaluate() to use them",
                    source=source,
                ),
            )
        return Imported(graph.map, "carneades", notes)
    from . import iccma

    af = iccma.loads_framework(text, fmt, source=source)  # type: ignore[arg-type]
    return _from_framework(af, source, fmt)


def read(
    path: str | os.PathLike[str], *, format: str | None = None, max_bytes: int | None = None
) -> Imported:
    """Read a file in any format argmap reads, with the format found and notes.

    Raises:
        LoadError: naming the file (and line) of every problem.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.txt"
        >>> _ = p.write_text("argmap: 1\\nstatements:\\n  C1: {claim: x}\\n")
        >>> read(p).format
        'native'
    """
    expect(path, (str, os.PathLike), "path", "a file path")
    name = str(path)
    if format is not None and format not in READ_FORMATS:
        raise _fail(
            name,
            f"unknown format {format!r} (argmap reads {', '.join(READ_FORMATS)})"
            + did_you_mean(format, READ_FORMATS),
        )
    if format_of_suffix(name) == "graphml" and format is None:
        raise _fail(name, "argmap writes GraphML but does not read it")
    if name.startswith("casebook:") and not os.path.lexists(name):
        # The command line takes casebook:NAME for a file; the library has its own call.
        bundled = name.removeprefix("casebook:")
        raise _fail(
            name,
            f"no such file; in Python a bundled map is argmap.casebook.load({bundled!r})",
            "io",
        )
    from .._io import read_map_file
    from .native import MAX_BYTES

    raw = read_map_file(path, MAX_BYTES if max_bytes is None else max_bytes)
    return reads(raw, format=format, source=name)


def load(
    path: str | os.PathLike[str], *, format: str | None = None, max_bytes: int | None = None
) -> ArgumentMap:
    """Read a map from a file in any format argmap reads.

    The reader is chosen by content and suffix: native YAML/JSON, Argdown, AIF,
    xAIF, AIFdb, SADFace, Carneades YAML, ICCMA ``.apx``/``.tgf``/``.af``;
    ``format=`` overrides the choice.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
        >>> _ = p.write_text("[A]: written in Argdown\\n")
        >>> load(p, format="argdown").statement("A").text
        'written in Argdown'
    """
    return read(path, format=format, max_bytes=max_bytes).map


def loads(text: str | bytes, *, format: str | None = None, source: str | None = None) -> Any:
    """Read a map from text in any format argmap reads.

    Example:
        >>> loads('{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": []}').statement("1").kind
        'claim'
    """
    return reads(text, format=format, source=source).map


def losses(m: ArgumentMap, format: str) -> list[str]:
    """What writing ``m`` in ``format`` leaves out (empty for lossless formats).

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap("T"); _ = m.claim("x", note="n")
        >>> losses(m, "argdown"), losses(m, "aif")
        ([], ['the title', '1 note'])
    """
    if format in ("yaml", "json", "argdown"):
        return []
    if format in ("aif", "xaif"):
        from . import aif

        return aif.losses(m)
    if format == "graphml":
        return ["nothing is lost from the graph, but argmap cannot read GraphML back"]
    if format in _FRAMEWORKS:
        return [
            "everything but the attack structure: texts, kinds, parties, cites, issues and "
            "standards (the framework is the one argmap evaluates, with its auxiliary "
            "'~' arguments)"
        ]
    raise ModelError(f"unknown format {format!r}")


def dumps(m: ArgumentMap, format: str) -> str:
    """Write ``m`` as text in a format argmap writes (see :data:`WRITE_FORMATS`).

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); _ = m.claim("x", id="C1")
        >>> dumps(m, "argdown")
        '[C1]: x\\n'
    """
    if format in ("yaml", "json"):
        from . import native

        return native.dumps(m, format=format)  # type: ignore[arg-type]
    if format == "argdown":
        from . import argdown

        return argdown.dumps(m)
    if format in ("aif", "xaif"):
        from . import aif

        return aif.dumps(m, family=format) + "\n"  # type: ignore[arg-type]
    if format == "graphml":
        from . import graphml

        return graphml.dumps(m)
    if format in _FRAMEWORKS:
        from ..evaluation import to_framework
        from . import iccma

        return iccma.dumps_framework(to_framework(m), format)  # type: ignore[arg-type]
    choices = sorted(set(WRITE_FORMATS.values()))
    raise ModelError(
        f"argmap cannot write {format!r}; it writes {', '.join(choices)}"
        + did_you_mean(format, choices)
    )


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> str:
    """Write ``m`` to ``path`` in the format its suffix names (or ``format``); return it.

    Raises:
        ModelError: for a suffix argmap does not write (the message lists those it does).

    Example:
        >>> import tempfile, pathlib
        >>> from argmap.graph import ArgumentMap
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.dot"
        >>> dump(ArgumentMap(), p)
        Traceback (most recent call last):
        ...
        argmap.exceptions.ModelError: argmap cannot write m.dot: ...
    """
    from ..graph import ArgumentMap as _Map

    expect(m, _Map, "m", "an ArgumentMap")
    expect(path, (str, os.PathLike), "path", "a file path")
    if os.path.isdir(path):
        raise ModelError(f"cannot write the map to {os.fspath(path)}: it is a folder; give a file")
    fmt = format or format_of_suffix(path)
    if fmt is None:
        suffixes = ", ".join(sorted(WRITE_FORMATS))
        raise ModelError(
            f"argmap cannot write {Path(path).name}: the suffix names no format it writes "
            f"({suffixes}); for a diagram use `argmap render -o {Path(path).name}` "
            "(or am.render)"
        )
    from .._io import atomic_write_text

    atomic_write_text(path, dumps(m, fmt))
    return fmt
