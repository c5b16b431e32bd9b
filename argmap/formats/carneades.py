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


def _kind(value: Any) -> str:
    """What a wrongly typed YAML value is, for a message."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


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

    def statement_ref(value: Any, path: Sequence[Any], what: str) -> str | None:
        """``value`` when it names a statement; otherwise one problem and ``None``."""
        if not isinstance(value, str):
            error(path, f"{what} must be a statement id, not {_kind(value)}")
            return None
        if value not in statements:
            error(path, f"{what} {value!r} is not a statement")
            return None
        return value

    def id_list(value: Any, path: Sequence[Any], what: str) -> list[tuple[int, Any]]:
        """The entries of a list of ids (a lone id counts as a list of one)."""
        if value is None:
            return []
        if isinstance(value, str):
            return [(0, value)]
        if not isinstance(value, list):
            error(path, f"{what} must be a list of statement ids, not {_kind(value)}")
            return []
        return list(enumerate(value))

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
    position_path: dict[str, list[Any]] = {}
    standards: dict[str, str] = {}
    for iid, entry in issues.items():
        ids.setdefault(iid, _argmap_id(str(iid), used))
        positions = entry.get("positions", []) if isinstance(entry, dict) else []
        if not isinstance(positions, list) or not positions:
            where = ["issues", iid, "positions"] if isinstance(entry, dict) else ["issues", iid]
            error(where, f"issue {iid!r} needs positions: [statement ids]")
            continue
        std = entry.get("standard", "PE")
        if not isinstance(std, str) or std not in STANDARDS:
            error(
                ["issues", iid, "standard"],
                f"unknown proof standard {std if isinstance(std, str) else _kind(std)!r} "
                f"(must be one of {sorted(STANDARDS)})",
            )
            std = "PE"
        standards[iid] = STANDARDS[std]
        for i, pos in enumerate(positions):
            ref = statement_ref(pos, ["issues", iid, "positions", i], "a position")
            if ref is not None:
                position_of.setdefault(ref, iid)
                position_path.setdefault(ref, ["issues", iid, "positions", i])

    undercutters: dict[str, str] = {}
    undercutter_path: dict[str, list[Any]] = {}
    parsed: list[tuple[str, list[str], str, dict[str, Any]]] = []
    for aid, entry in arguments.items():
        path = ["arguments", aid]
        if not isinstance(entry, dict):
            error(path, f"argument {aid!r} must be a mapping")
            continue
        ids.setdefault(aid, _argmap_id(str(aid), used))
        raw_premises = entry.get("premises") or []
        keyed: list[tuple[Any, Any]]
        if isinstance(raw_premises, dict):
            keyed = list(raw_premises.items())  # roles: the path goes through the role
        elif isinstance(raw_premises, list):
            keyed = list(enumerate(raw_premises))
        else:
            error([*path, "premises"], "premises must be a list or a mapping of roles")
            keyed = []
        premises: list[str] = []
        for key, p in keyed:
            ref = statement_ref(p, [*path, "premises", key], f"argument {aid!r}: a premise")
            if ref is not None:
                premises.append(ref)
        conclusion = statement_ref(
            entry.get("conclusion"), [*path, "conclusion"], f"argument {aid!r}: the conclusion"
        )
        if conclusion is None:
            continue
        if conclusion in premises:
            error(
                [*path, "conclusion"],
                f"argument {aid!r} supports its own premise {conclusion!r}: a statement "
                "cannot be a reason for itself; remove it from the premises",
            )
            continue
        extra: dict[str, Any] = {}
        if entry.get("scheme") is not None:
            extra["scheme"] = str(entry["scheme"])
        if entry.get("weight") is not None:
            extra["weight"] = typed(entry["weight"])
        u = entry.get("undercutter")
        if u is not None:
            ref = statement_ref(u, [*path, "undercutter"], f"argument {aid!r}: the undercutter")
            if ref is not None and ref in position_of:
                error(
                    [*path, "undercutter"],
                    f"argument {aid!r}: undercutter {ref!r} is also a position of issue "
                    f"{position_of[ref]!r}; argmap keeps a position (a claim) and an "
                    "undercutter apart: state the undercutter as its own statement",
                )
            elif ref is not None and (ref in premises or ref == conclusion):
                error(
                    [*path, "undercutter"],
                    f"argument {aid!r}: undercutter {ref!r} is also one of its own premises "
                    "or its conclusion",
                )
            elif ref is not None:
                undercutters[aid] = ref
                undercutter_path[aid] = [*path, "undercutter"]
        parsed.append((aid, premises, conclusion, extra))
    for i, a in id_list(data.get("assumptions"), ["assumptions"], "assumptions"):
        ref = statement_ref(a, ["assumptions", i], "an assumption")
        if ref is not None and ref not in assumed:
            assumed.append(ref)
    tests = data.get("tests")
    expected: dict[str, list[str]] = {"in": [], "out": []}
    if tests is not None and not isinstance(tests, dict):
        error(["tests"], f"tests must be a mapping with in: and out: lists, not {_kind(tests)}")
    elif tests is not None:
        for label in ("in", "out"):
            for i, t in id_list(tests.get(label), ["tests", label], f"tests: {label}"):
                if not isinstance(t, str):
                    error(["tests", label, i], f"tests: {label} lists ids, not {_kind(t)}")
                else:
                    expected[label].append(t)
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
    # Whatever else `argmap check` would call an error (a circle of arguments that
    # support each other, say) is reported now, with the line of the argument (for a
    # statement, of the first argument concluding it).
    arg_line = {ids[aid]: tree.line(["arguments", aid]) for aid in arguments if aid in ids}
    stmt_line = {ids[sid]: tree.line(["statements", sid]) for sid in statements}
    for aid, _premises, conclusion, _extra in reversed(parsed):  # the first argument wins
        stmt_line[ids[conclusion]] = arg_line[ids[aid]]
    for p in m.check():
        if p.is_error:
            line = arg_line.get(p.node or "") or stmt_line.get(p.node or "")
            problems.append(attrs.evolve(p, source=source, line=line))
    if problems:
        raise LoadError(problems, source)

    exp_in = tuple(dict.fromkeys(ids[s] for s in expected["in"] if s in ids))
    exp_out = tuple(dict.fromkeys(ids[s] for s in expected["out"] if s in ids))
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
