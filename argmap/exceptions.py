"""The one error hierarchy of argmap.

Every error argmap raises is an :class:`ArgmapError`. Each subclass also derives
from the closest builtin, so ``except ValueError`` or ``except LookupError``
keeps working for callers who do not know argmap.

Example:
    >>> try:
    ...     raise UnknownNodeError("'C9' is not in the map")
    ... except LookupError as exc:
    ...     print(type(exc).__name__, exc)
    UnknownNodeError 'C9' is not in the map
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .problems import Problem

__all__ = [
    "ArgmapError",
    "ArgmapTypeError",
    "BriefError",
    "DiagramError",
    "DuplicateIdError",
    "EvaluationError",
    "LoadError",
    "MissingDependencyError",
    "ModelError",
    "RelationError",
    "RenderError",
    "UnknownNodeError",
]


class ArgmapError(Exception):
    """Root of every error argmap raises.

    Example:
        >>> issubclass(LoadError, ArgmapError)
        True
    """


class ArgmapTypeError(ArgmapError, TypeError):
    """An argument of the wrong type for a public function; the message names the parameter.

    Example:
        >>> isinstance(ArgmapTypeError("reject: expected ids, not 5"), TypeError)
        True
    """


class ModelError(ArgmapError, ValueError):
    """A value that cannot be part of a map: empty text, a bad id, an unknown party.

    Example:
        >>> isinstance(ModelError("empty text"), ValueError)
        True
    """


class DuplicateIdError(ModelError):
    """An id that is already used in the map.

    Example:
        >>> str(DuplicateIdError("duplicate id 'C1'"))
        "duplicate id 'C1'"
    """


class UnknownNodeError(ArgmapError, LookupError):
    """An id that names nothing in the map.

    ``str()`` gives the message as written (``KeyError`` would add quotes).

    Example:
        >>> str(UnknownNodeError("'C9' is not in the map"))
        "'C9' is not in the map"
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class RelationError(ModelError):
    """A support or attack the rule table forbids, naming both ends.

    Example:
        >>> str(RelationError("an issue cannot support anything: Q1 -> C1"))
        'an issue cannot support anything: Q1 -> C1'
    """


class LoadError(ArgmapError, ValueError):
    """A file (or string) that could not be read as a map; collects every problem.

    Attributes:
        problems: each problem found, with file, line and id or field.
        source: the file name, if any.

    Example:
        >>> err = LoadError([Problem("error", "yaml-syntax", "bad indent", source="m.yaml", line=3)])
        >>> str(err)
        'm.yaml:3: error: bad indent [yaml-syntax]'
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        if not self.problems:
            return f"could not load {self.source or 'the map'}"
        lines = [str(p) for p in self.problems]
        if len(lines) > 1:
            head = f"{len(lines)} problems in {self.source or 'the input'}:"
            return "\n".join([head, *("  " + line for line in lines)])
        return lines[0]

    def __str__(self) -> str:
        return self._message()


class EvaluationError(ArgmapError, ValueError):
    """An evaluation that cannot be done as asked (unknown semantics, bad standard).

    Example:
        >>> isinstance(EvaluationError("unknown semantics"), ValueError)
        True
    """


class BriefError(ArgmapError, ValueError):
    """A brief that cannot be rendered: unknown template, template error, bad option.

    Example:
        >>> isinstance(BriefError("unknown template"), ArgmapError)
        True
    """


class DiagramError(ArgmapError, ValueError):
    """An option the diagram functions cannot use; the message lists the choices.

    Example:
        >>> isinstance(DiagramError("unknown theme: 'poster'"), ValueError)
        True
    """


class RenderError(ArgmapError, RuntimeError):
    """Graphviz failed to lay out or write a diagram.

    Example:
        >>> isinstance(RenderError("dot failed"), RuntimeError)
        True
    """


class MissingDependencyError(ArgmapError, ImportError):
    """An optional package or program is missing; the message says how to install it.

    Example:
        >>> str(MissingDependencyError("python-sat", "pip install 'argmap[sat]'"))
        "python-sat is not installed; install it with: pip install 'argmap[sat]'"
    """

    def __init__(self, what: str, install: str) -> None:
        self.what = what
        self.install = install
        super().__init__(f"{what} is not installed; install it with: {install}")


def expect(value: object, kinds: type | tuple[type, ...], param: str, what: str) -> None:
    """Raise :class:`ArgmapTypeError` naming ``param`` unless ``value`` is one of ``kinds``.

    ``bool`` never passes for ``int`` (``True`` is not a count).

    Example:
        >>> expect("R1", str, "reject", "an id")
        >>> expect(5, str, "side", "a party id")
        Traceback (most recent call last):
        ...
        argmap.exceptions.ArgmapTypeError: side: expected a party id, not int 5
    """
    ok = isinstance(value, kinds)
    if ok and isinstance(value, bool):
        ok = bool in (kinds if isinstance(kinds, tuple) else (kinds,))
    if not ok:
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise ArgmapTypeError(f"{param}: expected {what}, not {type(value).__name__} {shown}")


def expect_ids(value: object, param: str, what: str) -> Any:
    """``value`` unchanged if it is ``None`` or one id, else a list of ids; or raise.

    For guard lines at the top of functions that take one id or a list of ids.

    Example:
        >>> expect_ids(("a", "b"), "parties", "party ids")
        ['a', 'b']
        >>> expect_ids([None], "parties", "party ids")
        Traceback (most recent call last):
        ...
        argmap.exceptions.ArgmapTypeError: parties: expected party ids, not NoneType None
    """
    if value is None or isinstance(value, str):
        return value
    expect(value, Iterable, param, what)
    assert isinstance(value, Iterable)
    items = list(value)
    for item in items:
        expect(item, str, param, what)
    return items


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix for messages, or ``""``.

    Example:
        >>> did_you_mean("premis", ["premise", "claim"])
        " (did you mean 'premise'?)"
        >>> did_you_mean("zzz", ["premise"])
        ''
    """
    import difflib

    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded and folded[word.casefold()] != word:
        return f" (did you mean {folded[word.casefold()]!r}?)"
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
