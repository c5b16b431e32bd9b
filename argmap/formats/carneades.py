"""Carneades 4 argument graphs (YAML): statements, arguments, issues, assumptions.

A Carneades graph becomes an :class:`~argmap.ArgumentMap`:

* each issue → an :class:`~argmap.Issue` with its proof standard (``PE`` →
  preponderance, ``CCE`` → clear-and-convincing, ``BRD`` →
  beyond-reasonable-doubt, ``SE`` → scintilla, ``DV`` → dialectical-validity;
  Carneades' default is PE), its positions → :class:`~argmap.Claim` values that
  answer it;
* each argument → an :class:`~argmap.Inference` with the argument's id, premises
  (a list, or a mapping of roles to statements, in order), conclusion, scheme and
  weight; an argument's ``undercutter`` statement → an
  :class:`~argmap.Undercutter` attacking that inference;
* other statements → :class:`~argmap.Premise` values;
* ``assumptions`` and statements marked ``assumed: true`` → the audience's
  assumptions, kept on the :class:`CarneadesGraph` for :meth:`CarneadesGraph.evaluate`.

Carneades ids such as ``¬app(a1)`` are not argmap ids; they are mapped to
readable ones (``not-app-a1``) and :attr:`CarneadesGraph.ids` keeps the mapping.
Carneades treats statements nobody argues for as unaccepted unless assumed, so
:meth:`CarneadesGraph.evaluate` uses ``leaves="questioned"``.

Example:
    >>> g = loads('''
    ... statements: {p: P, q: Q, u: "¬app(a)"}
    ... arguments:
    ...   a: {premises: [q], conclusion: p, undercutter: u}
    ... assumptions: [q]
    ... ''')
    >>> ev = g.evaluate()
    >>> ev.status(g.ids["p"]), ev.status(g.ids["u"])
    ('accepted', 'rejected')
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..exceptions import ArgmapError, LoadError
from ..graph import ArgumentMap
from ..model import Claim, Conflict, Inference, Issue, Premise, Statement, Undercutter, valid_id
from ..problems import Problem

if TYPE_CHECKING:
    from ..evaluation import Evaluation

__all__ = ["STANDARDS", "CarneadesGraph", "load", "loads"]

#: Carneades proof-standard names and argmap's.
STANDARDS = {
    "PE": "preponderance",
    "CCE": "clear-and-convincing",
    "BRD": "beyond-reasonable-doubt",
    "SE": "scintilla",
    "DV": "dialectical-validity",
}
_TOP = (
    "meta",
    "language",
    "statements",
    "issues",
    "arguments",
    "assumptions",
    "tests",
    "argument_schemes",
    "issue_schemes",
    "references",
)


@attrs.frozen(eq=False)
class CarneadesGraph:
    """A Carneades graph read into argmap, with its assumptions and expected labels.

    Attributes:
        map: the argument map.
        assumed: argmap ids of the assumed statements.
        ids: Carneades id → argmap id, for every statement and argument.
        expected_in: argmap ids the file's ``tests: in`` lists (if any).
        expected_out: argmap ids the file's ``tests: out`` lists (if any).
    """

    map: ArgumentMap
    assumed: tuple[str, ...]
    ids: Mapping[str, str]
    expected_in: tuple[str, ...] = ()
    expected_out: tuple[str, ...] = ()

    def evaluate(self, **options: Any) -> Evaluation:
        """Evaluate with the graph's assumptions and Carneades' conventions.

        ``options`` go to :func:`argmap.evaluate` (``semantics=``, ``standards=``, …).

        Example:
            >>> loads("statements: {p: P}\\nassumptions: [p]\\n").evaluate().accepted()
            ['p']
        """
        from ..evaluation import evaluate

        options.setdefault("leaves", "questioned")
        assume = [*self.assumed, *options.pop("assume", ())]
        return evaluate(self.map, assume=assume, **options)


def _argmap_id(raw: str, used: set[str]) -> str:
    base = raw.replace("¬", "not-")
    base = re.sub(r"[^A-Za-z0-9_.:/-]+", "-", base).strip("-.") or "s"
    if not valid_id(base):
        base = "s-" + base
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    used.add(ident)
    return ident


def loads(text: str, *, source: str | None = None) -> CarneadesGraph:
    """Read a Carneades 4 YAML graph from text.

    Raises:
        LoadError: every problem, with its line.

    Example:
        >>> g = loads("statements: {'¬p': not P}\\n")
        >>> g.ids, g.map.statement("not-p").text
        ({'¬p': 'not-p'}, 'not P')
    """
    from ._yamltree import parse, typed

    # ids are text even where YAML 1.1 reads them as booleans or numbers (yes, no, 1)
    tree = parse(text, source=source, keep_text=True)
    if tree.problems:
        raise LoadError(tree.problems, source)
    data = tree.data
    problems: list[Problem] = []

    def error(path: Sequence[Any], message: str, code: str = "carneades") -> None:
        problems.append(Problem("error", code, message, source=source, line=tree.line(path)))

    if not isinstance(data, dict):
        error([], "a Carneades graph is a mapping with statements: and arguments:")
        raise LoadError(problems, source)
    for key in data:
        if key not in _TOP:
            error([key], f"unknown section {key!r} in a Carneades graph")
    meta = data.get("meta") or {}
    title = str(meta.get("title", "")) if isinstance(meta, dict) else ""
    statements = data.get("statements") or {}
    arguments = data.get("arguments") or {}
    issues = data.get("issues") or {}
    for name, section in (("statements", statements), ("arguments", arguments), ("issues", issues)):
        if not isinstance(section, dict):
            error([name], f"{name} must be a mapping")
    if problems:
        raise LoadError(problems, source)

    used: set[str] = set()
    ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    assumed: list[str] = []
    for sid, entry in statements.items():
        ids[sid] = _argmap_id(str(sid), used)
        if isinstance(entry, dict):
            body = entry.get("text")
            if typed(entry.get("assumed")) is True:
                assumed.append(sid)
        else:
            body = entry
        if not isinstance(body, str) or not body.strip():
            error(["statements", sid], f"statement {sid!r} needs text")
            body = str(sid)
        texts[sid] = str(body)

    position_of: dict[str, str] = {}
    standards: dict[str, str] = {}
    for iid, entry in issues.items():
        ids.setdefault(iid, _argmap_id(str(iid), used))
        positions = entry.get("positions", []) if isinstance(entry, dict) else []
        if not isinstance(positions, list) or not positions:
            error(["issues", iid], f"issue {iid!r} needs positions: [statement ids]")
            continue
        std = entry.get("standard", "PE")
        if std not in STANDARDS:
            error(
                ["issues", iid, "standard"],
                f"unknown proof standard {std!r} (must be one of {sorted(STANDARDS)})",
            )
            std = "PE"
        standards[iid] = STANDARDS[std]
        for i, pos in enumerate(positions):
            if pos not in statements:
                error(["issues", iid, "positions", i], f"position {pos!r} is not a statement")
            else:
                position_of[pos] = iid

    undercutters: dict[str, str] = {}
    parsed: list[tuple[str, list[str], str, dict[str, Any]]] = []
    for aid, entry in arguments.items():
        path = ["arguments", aid]
        if not isinstance(entry, dict):
            error(path, f"argument {aid!r} must be a mapping")
            continue
        ids.setdefault(aid, _argmap_id(str(aid), used))
        raw_premises = entry.get("premises") or []
        if isinstance(raw_premises, dict):
            raw_premises = list(raw_premises.values())
        if not isinstance(raw_premises, list):
            error([*path, "premises"], "premises must be a list or a mapping of roles")
            raw_premises = []
        premises: list[str] = []
        for i, p in enumerate(raw_premises):
            if p not in statements:
                error([*path, "premises", i], f"argument {aid!r}: premise {p!r} is not a statement")
            else:
                premises.append(p)
        conclusion: Any = entry.get("conclusion")
        if conclusion not in statements:
            error(
                [*path, "conclusion"],
                f"argument {aid!r}: conclusion {conclusion!r} is not a statement",
            )
            continue
        extra: dict[str, Any] = {}
        if entry.get("scheme") is not None:
            extra["scheme"] = str(entry["scheme"])
        if entry.get("weight") is not None:
            extra["weight"] = typed(entry["weight"])
        u = entry.get("undercutter")
        if u is not None:
            if u not in statements:
                error(
                    [*path, "undercutter"],
                    f"argument {aid!r}: undercutter {u!r} is not a statement",
                )
            else:
                undercutters[aid] = u
        parsed.append((aid, premises, conclusion, extra))
    for i, a in enumerate(data.get("assumptions") or []):
        if a not in statements:
            error(["assumptions", i], f"assumption {a!r} is not a statement")
        elif a not in assumed:
            assumed.append(a)
    if problems:
        raise LoadError(problems, source)

    m = ArgumentMap(title)
    try:
        for iid in issues:
            if iid in standards:
                m.add(Issue(id=ids[iid], text=f"Issue {iid}", standard=standards[iid]))  # type: ignore[arg-type]
        under_stmts = set(undercutters.values())
        for sid in statements:
            stmt: Statement
            if sid in position_of:
                stmt = Claim(id=ids[sid], text=texts[sid], answers=ids[position_of[sid]])
            elif sid in under_stmts:
                stmt = Undercutter(id=ids[sid], text=texts[sid])
            else:
                stmt = Premise(id=ids[sid], text=texts[sid])
            m.add(stmt, check=False)
        for aid, premises, conclusion, extra in parsed:
            m._add_relation(
                Inference(
                    id=ids[aid],
                    premises=tuple(ids[p] for p in premises),
                    conclusion=ids[conclusion],
                    **extra,
                )
            )
        for aid, u in undercutters.items():
            m._add_relation(Conflict(attacker=ids[u], target=ids[aid]))
    except ArgmapError as exc:
        raise LoadError([Problem("error", "carneades", str(exc), source=source)], source) from None

    tests = data.get("tests") or {}
    exp_in = tuple(dict.fromkeys(ids[s] for s in tests.get("in", []) if s in ids))
    exp_out = tuple(dict.fromkeys(ids[s] for s in tests.get("out", []) if s in ids))
    return CarneadesGraph(m, tuple(ids[a] for a in assumed), ids, exp_in, exp_out)


def load(path: str | os.PathLike[str]) -> CarneadesGraph:
    """Read a Carneades 4 YAML graph from a file.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.yml"
        >>> _ = p.write_text("statements: {p: P}\\n")
        >>> load(p).map.statement("p").kind
        'premise'
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(
            [Problem("error", "io", f"cannot read the file: {exc}", source=str(path))], str(path)
        ) from None
    return loads(text, source=str(path))
