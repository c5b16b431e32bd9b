"""argmap's native file format: YAML (or the same structure in JSON), ``argmap: 1``.

Statements are keyed by id, with the kind as the key of the text and relations
inline; linked premises, schemes and weights go in ``inferences``; attacks with
their own ids or weights in ``conflicts``::

    argmap: 1
    title: Spending Clause
    parties: {federal: United States, local: Sanctuary jurisdictions}
    authorities:
      dole: {kind: case, name: South Dakota v. Dole, cite: "South Dakota v. Dole, 483 U.S. 203 (1987)"}
    statements:
      Q1: {issue: May the Executive withhold grants?, standard: preponderance}
      C1: {claim: "Yes: agencies may condition grants", party: federal, answers: Q1}
      C1.1: {premise: Congress delegated the power, supports: C1, party: federal}
      C1.R1: {rebuttal: Only Congress holds the spending power, attacks: C1, party: local}
      C1.R1.U1: {undercutter: Congress delegated the condition, undercuts: C1.R1, party: federal}

Loading reports every problem at once, each with file, line and id or field
(:class:`argmap.LoadError`). Dumping is lossless (``loads(dumps(m)) == m``) and
deterministic (the same map gives the same bytes).

Example:
    >>> m = loads('''
    ... argmap: 1
    ... statements:
    ...   C1: {claim: Grants may be conditioned}
    ...   C1.1: {premise: Congress said so, supports: C1}
    ... ''')
    >>> [s.id for s in m], list(m.relations)
    (['C1', 'C1.1'], ['C1.1->C1'])
    >>> loads(dumps(m)) == m
    True
"""

from __future__ import annotations

import difflib
import itertools
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeAlias

from .._io import atomic_write_text, read_map_file
from .._nogc import no_gc
from ..exceptions import (
    ArgmapError,
    ArgmapTypeError,
    LoadError,
    UnknownNodeError,
    did_you_mean,
    expect,
)
from ..graph import ArgumentMap
from ..model import (
    STATEMENT_CLASSES,
    STATEMENT_KINDS,
    Authority,
    Cite,
    Claim,
    Conflict,
    Doctrine,
    Inference,
    Issue,
    Party,
    Relation,
    check_attack,
    check_support,
)
from ..problems import Problem

__all__ = ["MAX_BYTES", "dump", "dumps", "from_dict", "load", "loads", "to_dict"]

Format: TypeAlias = Literal["yaml", "json"]
#: Largest file read by default (a 10,000-statement map is about 2 MB).
MAX_BYTES = 32 * 1024 * 1024
VERSION = 1
#: Keys of ``ArgumentMap.lines`` that are not ids (ids never start with '@' or '#'):
#: ``"@" + authority id`` is where an authority is defined, ``"#statements"`` the
#: ``statements:`` key.
AUTHORITY_LINE = "@"
STATEMENTS_LINE = "#statements"

_TOP = (
    "argmap",
    "title",
    "description",
    "parties",
    "doctrines",
    "authorities",
    "statements",
    "inferences",
    "conflicts",
)
_VOCAB_FIELDS = ("label", "colour")
_PARTY_FIELDS = ("label", "colour", "relief", "counsel")
_CITE_FIELDS = ("id", "pin", "signal", "quote")
_AUTH_FIELDS = (
    "kind",
    "name",
    "cite",
    "court",
    "year",
    "holding",
    "side",
    "url",
    "verified",
    "short",
    "note",
    "parallel",
    "history",
)
_COMMON = ("title", "party", "doctrines", "cites", "note", "supports", "attacks", "undercuts")
_KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "issue": ("standard", "burden", "parent", "nature", "background", "framings"),
    "claim": ("answers",),
    "premise": (),
    "rebuttal": (),
    "undercutter": (),
}
_INF_FIELDS = ("id", "premises", "conclusion", "scheme", "weight")
_CON_FIELDS = ("id", "attacker", "target", "weight")


# =========================================================================== reading


class _Suggester:
    """Did-you-mean over many ids, without comparing every miss with every id.

    A miss is looked up in an index of one-deletion variants (which finds every id
    one typo away: a character added, dropped, changed or two swapped) and only
    then, within a fixed budget of comparisons per file, compared with ``difflib``
    against ids of a compatible length. So 20,000 dangling references report in
    about a second, and small maps get the same suggestions as before.

    Example:
        >>> s = _Suggester(lambda: ["C1", "C1.2", "C2"])
        >>> s("C1.9", exclude="C1.2"), s("c2"), s("Q7")
        (" (did you mean 'C1'?)", " (did you mean 'C2'?)", '')
    """

    #: difflib comparisons allowed per file once the index finds nothing
    BUDGET = 100_000

    def __init__(self, choices: Callable[[], Sequence[str] | Mapping[str, Any]]) -> None:
        self._choices = choices
        self._seen = 0
        self._order: dict[str, int] = {}
        self._folded: dict[str, str] = {}
        self._variants: dict[str, list[str]] = {}
        self._by_length: dict[int, list[str]] = {}
        self._budget = self.BUDGET

    def _sync(self) -> None:
        pool = self._choices()
        if len(pool) == self._seen:
            return
        for ident in itertools.islice(pool, self._seen, None):
            ident = str(ident)
            if ident in self._order:
                continue
            self._order[ident] = len(self._order)
            self._folded.setdefault(ident.casefold(), ident)
            for v in _deletions(ident):
                self._variants.setdefault(v, []).append(ident)
            self._by_length.setdefault(len(ident), []).append(ident)
        self._seen = len(pool)

    def __call__(self, word: str, exclude: str | None = None) -> str:
        self._sync()
        folded = self._folded.get(word.casefold())
        if folded is not None and folded != word and folded != exclude:
            return f" (did you mean {folded!r}?)"
        near = {c for v in _deletions(word) for c in self._variants.get(v, ()) if c != exclude}
        near.discard(word)
        n = len(word)
        from_index = bool(near)
        if not near and self._budget > 0:
            # difflib's ratio 2*M/(a+b) >= 0.6 needs the lengths within a factor of 7/3
            for length in range(max(1, (3 * n + 6) // 7), (7 * n) // 3 + 1):
                bucket = self._by_length.get(length, ())
                self._budget -= len(bucket)
                near.update(c for c in bucket if c != exclude and c != word)
                if self._budget <= 0:
                    break
        if not near:
            return ""
        if from_index:  # all within two typos: rank the closest few, one typo first
            pool = [c for c in near if _one_typo(word, c)] or list(near)
            pool = sorted(pool, key=self._order.__getitem__)[:32]
            scored = [(difflib.SequenceMatcher(None, word, c).ratio(), c) for c in pool]
            score, closest = max(scored, key=lambda sc: (sc[0], -self._order[sc[1]]))
            return f" (did you mean {closest!r}?)" if score >= 0.6 else ""
        ranked = sorted(near, key=self._order.__getitem__)
        best = difflib.get_close_matches(word, ranked, n=1, cutoff=0.6)
        return f" (did you mean {best[0]!r}?)" if best else ""


def _one_typo(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one character added, dropped, changed, or two swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class _Reader:
    """Turns plain data into a map, collecting problems with their lines."""

    def __init__(self, source: str | None, locate: Callable[[Sequence[Any]], int | None]):
        self.source = source
        self.locate = locate
        self.problems: list[Problem] = []
        #: ids whose entries were refused; references to them are not reported again
        self.failed: set[str] = set()
        self._map: ArgumentMap | None = None
        #: where each relation was written in the file (its path)
        self.order: dict[str, Sequence[Any]] = {}
        #: whether some undercut waited for its target, so relations are out of file order
        self.deferred = False
        #: each statement's position in the file
        self.position: dict[str, int] = {}
        self.suggest_node = _Suggester(tuple)
        self.suggest_authority = _Suggester(tuple)

    @property
    def map(self) -> ArgumentMap | None:
        """The map being read (set once it exists)."""
        return self._map

    @map.setter
    def map(self, m: ArgumentMap) -> None:
        # The suggesters hold live views of the map's ids, not the reader: a closure
        # over ``self`` would put the reader, and the whole parsed tree it holds, in a
        # reference cycle that outlives the load until the collector next runs (about
        # 57 MiB of garbage after loading 50,000 statements).
        self._map = m
        statements, authorities = m.statements, m.authorities
        self.suggest_node = _Suggester(lambda: statements)
        self.suggest_authority = _Suggester(lambda: authorities)

    def error(
        self,
        path: Sequence[Any],
        message: str,
        code: str = "invalid",
        node: str | None = None,
        field: str | None = None,
    ) -> None:
        self.problems.append(
            Problem(
                "error",
                code,
                message,
                node=node,
                field=field,
                source=self.source,
                line=self.locate(path),
            )
        )

    # --- typed field readers -------------------------------------------------

    def text(
        self, value: Any, path: Sequence[Any], node: str | None, field: str, optional: bool = True
    ) -> str | None:
        if value is None:
            if not optional:
                self.error(path, f"{field} must not be empty", "empty-text", node, field)
            return None
        if isinstance(value, str):
            value = str(value)
        else:  # a number, boolean, list or mapping where text belongs
            shown = json.dumps(value) if isinstance(value, bool | int | float) else repr(value)
            hint = ' (put it in quotes: "...")' if isinstance(value, bool | int | float) else ""
            self.error(
                path,
                f"{field} must be text, not {_typename(value)} {shown}{hint}",
                "wrong-type",
                node,
                field,
            )
            return None
        if not value.strip():
            self.error(path, f"{field} must not be empty", "empty-text", node, field)
            return None
        if "\x00" in value:
            self.error(path, f"{field} contains a NUL character", "nul-text", node, field)
            return None
        if _SURROGATE.search(value):
            self.error(
                path,
                _surrogate_problem(None, None, f"{field} holds ").message,
                "surrogate",
                node,
                field,
            )
            return None
        text: str = value
        return text

    def ids(self, value: Any, path: Sequence[Any], node: str | None, field: str) -> list[str]:
        items = [value] if isinstance(value, str) else value
        if items is None:
            return []
        if not isinstance(items, list):
            self.error(
                path,
                f"{field} must be an id or a list of ids, not {_typename(value)}",
                "wrong-type",
                node,
                field,
            )
            return []
        out: list[str] = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item:
                sub = [*path, i] if not isinstance(value, str) else path
                self.error(
                    sub,
                    f"{field} must hold ids, not {_typename(item)} {item!r}",
                    "wrong-type",
                    node,
                    field,
                )
            else:
                out.append(str(item))
        return out

    def mapping(
        self, value: Any, path: Sequence[Any], what: str, node: str | None = None
    ) -> dict[str, Any] | None:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(
                path,
                f"{what} must be a mapping (key: value), not {_typename(value)}",
                "wrong-type",
                node,
            )
            return None
        return value

    def unknown_keys(
        self,
        data: Mapping[str, Any],
        allowed: Sequence[str],
        path: Sequence[Any],
        what: str,
        node: str | None = None,
    ) -> None:
        for key in data:
            if key not in allowed:
                self.error(
                    [*path, key],
                    f"unknown field {key!r} in {what}"
                    f"{did_you_mean(str(key), list(allowed))} (allowed: "
                    f"{', '.join(allowed)})",
                    "unknown-field",
                    node,
                    str(key),
                )

    def framings(
        self, value: Any, path: Sequence[Any], node: str
    ) -> tuple[tuple[str, str], ...] | None:
        data = self.mapping(value, path, f"framings of {node!r}", node)
        if data is None:
            return None
        out: list[tuple[str, str]] = []
        for party, raw in data.items():
            text = self.text(raw, [*path, party], node, f"framings.{party}", optional=False)
            if text is None:
                return None
            out.append((str(party), text))
        return tuple(out)

    def cites(self, value: Any, path: Sequence[Any], node: str) -> tuple[Cite, ...] | None:
        """``cites:`` holds ``"id@pin"`` strings or ``{id, pin, signal, quote}`` mappings."""
        items = [value] if isinstance(value, str | dict) else value
        if items is None:
            return ()
        if not isinstance(items, list):
            self.error(
                path,
                f"cites must be an authority id or a list of them, not {_typename(value)}",
                "wrong-type",
                node,
                "cites",
            )
            return None
        out: list[Cite] = []
        ok = True
        for i, item in enumerate(items):
            sub = [*path, i] if isinstance(value, list) else list(path)
            try:
                if isinstance(item, dict):
                    self.unknown_keys(item, _CITE_FIELDS, sub, f"a cite of {node!r}", node)
                    if "id" not in item:
                        self.error(sub, "a cite needs 'id': the authority id", "bad-cite", node)
                        ok = False
                        continue
                    parts = {
                        f: self.text(item[f], [*sub, f], node, f"cites.{f}")
                        for f in _CITE_FIELDS
                        if f in item
                    }
                    if any(v is None for f, v in parts.items() if item[f] is not None):
                        ok = False
                        continue
                    ident = parts.pop("id") or ""
                    pin = parts.pop("pin", None)
                    out.append(Cite(ident.strip(), pin, **parts))
                elif isinstance(item, str) and item:
                    out.append(Cite.parse(item))
                else:
                    self.error(
                        sub,
                        f"cites must hold authority ids, not {_typename(item)} {item!r}",
                        "wrong-type",
                        node,
                        "cites",
                    )
                    ok = False
            except ArgmapError as exc:
                self.error(sub, str(exc), "bad-cite", node, "cites")
                ok = False
        return tuple(out) if ok else None

    # --- sections ------------------------------------------------------------

    def vocabulary(
        self, value: Any, name: str, cls: type[Party] | type[Doctrine]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        data = self.mapping(value, [name], name)
        for key, item in (data or {}).items():
            path = [name, key]
            label, colour = "", None
            extra: dict[str, Any] = {}
            if isinstance(item, dict):
                allowed = _PARTY_FIELDS if cls is Party else _VOCAB_FIELDS
                self.unknown_keys(item, allowed, path, f"{name} entry", key)
                for f in allowed[2:]:
                    if f in item:
                        extra[f] = self.text(item[f], [*path, f], key, f)
                raw_label = item.get("label")
                label = (
                    ""
                    if raw_label == ""
                    else (self.text(raw_label, [*path, "label"], key, "label") or "")
                )
                colour = self.text(item.get("colour"), [*path, "colour"], key, "colour")
            elif isinstance(item, str) and not item:
                label = ""  # declared without a label
            elif item is not None:
                label = self.text(item, path, key, "label") or ""
            try:
                out[key] = cls(key, label, colour, **extra)
            except ArgmapError as exc:
                self.error(path, str(exc), "invalid", key)
        return out

    def authorities(self, value: Any, m: ArgumentMap) -> None:
        data = self.mapping(value, ["authorities"], "authorities")
        for key, item in (data or {}).items():
            path = ["authorities", key]
            entry = self.mapping(item, path, f"authority {key!r}", key)
            if entry is None:
                continue
            self.unknown_keys(entry, _AUTH_FIELDS, path, f"authority {key!r}", key)
            fields: dict[str, Any] = {}
            ok = True
            for f in ("kind", "name", "cite"):
                if f not in entry:
                    self.error(path, f"authority {key!r} needs {f!r}", "missing-field", key, f)
                    ok = False
            for f in (
                "kind",
                "name",
                "cite",
                "court",
                "holding",
                "side",
                "url",
                "short",
                "note",
                "parallel",
                "history",
            ):
                if f in entry:
                    v = self.text(
                        entry[f], [*path, f], key, f, optional=f not in ("kind", "name", "cite")
                    )
                    if v is None and entry[f] is not None:
                        ok = False
                    fields[f] = v
            if "year" in entry and entry["year"] is not None:
                y = typed(entry["year"])
                if isinstance(y, bool) or not isinstance(y, int):
                    self.error(
                        [*path, "year"],
                        f"year must be a number like 1997, not {_typename(y)} {y!r}",
                        "wrong-type",
                        key,
                        "year",
                    )
                    ok = False
                else:
                    fields["year"] = y
            if "verified" in entry:
                v = typed(entry["verified"])
                if not isinstance(v, bool):
                    self.error(
                        [*path, "verified"],
                        f"verified must be true or false, not {v!r}",
                        "wrong-type",
                        key,
                        "verified",
                    )
                    ok = False
                else:
                    fields["verified"] = v
            if not ok:
                continue
            try:
                m.add_authority(Authority(key, **fields))
                m.lines[AUTHORITY_LINE + key] = self.locate(path) or 0
            except ArgmapError as exc:
                self.error(path, str(exc), _code(exc), key)

    def statements(self, value: Any, m: ArgumentMap) -> list[tuple[str, str, list[str]]]:
        """Add the statements; return their relation fields for the later passes."""
        pending: list[tuple[str, str, list[str]]] = []
        data = self.mapping(value, ["statements"], "statements")
        for key, item in (data or {}).items():
            path = ["statements", key]
            entry = self.mapping(item, path, f"statement {key!r}", key)
            self.failed.add(key)
            if entry is None:
                continue
            kinds = [k for k in STATEMENT_KINDS if k in entry]
            if not kinds:
                extra = [
                    str(k)
                    for k in entry
                    if k not in _COMMON and not any(k in f for f in _KIND_FIELDS.values())
                ]
                guess = next(
                    (
                        (k, did_you_mean(k, STATEMENT_KINDS))
                        for k in extra
                        if did_you_mean(k, STATEMENT_KINDS)
                    ),
                    None,
                )
                if guess is not None:
                    self.error(
                        [*path, guess[0]],
                        f"statement {key!r} has no kind: unknown key {guess[0]!r}{guess[1]}; "
                        f"give its text under one of {', '.join(STATEMENT_KINDS)}",
                        "unknown-kind",
                        key,
                        guess[0],
                    )
                    continue
                named = f" (unknown keys: {', '.join(map(repr, extra))})" if extra else ""
                self.error(
                    path,
                    f"statement {key!r} has no kind: give its text under one of "
                    f"{', '.join(STATEMENT_KINDS)}{named}",
                    "unknown-kind",
                    key,
                )
                continue
            if len(kinds) > 1:
                self.error(
                    path,
                    f"statement {key!r} has two kinds ({' and '.join(kinds)}); "
                    "a statement is exactly one of them",
                    "two-kinds",
                    key,
                )
                continue
            kind = kinds[0]
            allowed = (kind, *_COMMON, *_KIND_FIELDS[kind])
            self.unknown_keys(entry, allowed, path, f"{kind} {key!r}", key)
            text = self.text(entry[kind], [*path, kind], key, kind, optional=False)
            fields: dict[str, Any] = {}
            ok = text is not None
            for f in (
                "party",
                "note",
                "title",
                "standard",
                "burden",
                "answers",
                "parent",
                "nature",
                "background",
            ):
                if f in entry and f in allowed:
                    v = self.text(entry[f], [*path, f], key, f)
                    ok &= v is not None or entry[f] is None
                    fields[f] = v
            if "framings" in entry and "framings" in allowed:
                framings = self.framings(entry["framings"], [*path, "framings"], key)
                ok &= framings is not None
                fields["framings"] = framings or ()
            if "doctrines" in entry:
                fields["doctrines"] = tuple(
                    self.ids(entry["doctrines"], [*path, "doctrines"], key, "doctrines")
                )
            if "cites" in entry:
                cites = self.cites(entry["cites"], [*path, "cites"], key)
                ok &= cites is not None
                fields["cites"] = cites or ()
            if not ok or text is None:
                continue
            try:
                stmt = STATEMENT_CLASSES[kind](id=key, text=text, **fields)
            except ArgmapError as exc:
                self.error(path, f"{key}: {exc}", _code(exc), key)
                continue
            m.add(stmt, check=False)
            self.failed.discard(key)
            m.lines[key] = self.locate(path) or 0
            for f in ("supports", "attacks", "undercuts"):
                if f in entry:
                    pending.append((key, f, self.ids(entry[f], [*path, f], key, f)))
        return pending

    def references(self, m: ArgumentMap) -> None:
        """Check each statement's party, doctrines, cites, answers and burden."""
        for stmt in list(m):
            path = ["statements", stmt.id]
            if stmt.party is not None and stmt.party not in m.parties:
                self.error(
                    [*path, "party"],
                    f"unknown party {stmt.party!r}"
                    f"{did_you_mean(stmt.party, list(m.parties))} (declared: "
                    f"{', '.join(m.parties) or 'none — add a parties: section'})",
                    "unknown-party",
                    stmt.id,
                    "party",
                )
            for i, d in enumerate(stmt.doctrines):
                if d not in m.doctrines:
                    self.error(
                        [*path, "doctrines", i],
                        f"unknown doctrine {d!r}"
                        f"{did_you_mean(d, list(m.doctrines))} (declared: "
                        f"{', '.join(m.doctrines) or 'none — add a doctrines: section'})",
                        "unknown-doctrine",
                        stmt.id,
                        "doctrines",
                    )
            for i, c in enumerate(stmt.cites):
                if c.authority not in m.authorities:
                    self.error(
                        [*path, "cites", i],
                        f"cites unknown authority {c.authority!r}"
                        f"{self.suggest_authority(c.authority)}",
                        "dangling-id",
                        stmt.id,
                        "cites",
                    )
            if isinstance(stmt, Issue) and stmt.burden and stmt.burden not in m.parties:
                self.error(
                    [*path, "burden"],
                    f"burden names unknown party {stmt.burden!r}",
                    "unknown-party",
                    stmt.id,
                    "burden",
                )
            if isinstance(stmt, Issue) and stmt.parent:
                parent = m.statements.get(stmt.parent)
                if parent is None:
                    self.error(
                        [*path, "parent"],
                        f"parent {stmt.parent!r} is not in the map"
                        f"{self.suggest_node(stmt.parent, stmt.id)}",
                        "dangling-id",
                        stmt.id,
                        "parent",
                    )
                elif not isinstance(parent, Issue):
                    self.error(
                        [*path, "parent"],
                        f"parent must be an issue, but {parent.id!r} is a {parent.kind}",
                        "bad-relation",
                        stmt.id,
                        "parent",
                    )
                else:
                    try:
                        m._check_parent(stmt)
                    except ArgmapError as exc:
                        self.error([*path, "parent"], str(exc), "bad-relation", stmt.id, "parent")
            if isinstance(stmt, Claim) and stmt.answers:
                target = m.statements.get(stmt.answers)
                if target is None:
                    self.error(
                        [*path, "answers"],
                        f"answers {stmt.answers!r}, which is not in "
                        f"the map{self.suggest_node(stmt.answers, stmt.id)}",
                        "dangling-id",
                        stmt.id,
                        "answers",
                    )
                elif not isinstance(target, Issue):
                    self.error(
                        [*path, "answers"],
                        f"a claim answers an issue, but "
                        f"{target.id!r} is a {target.kind}; use supports: to support "
                        "it",
                        "bad-relation",
                        stmt.id,
                        "answers",
                    )

    def relations(
        self,
        m: ArgumentMap,
        pending: list[tuple[str, str, list[str]]],
        inferences: Any,
        conflicts: Any,
    ) -> None:
        # 1. supports and attacks on statements
        undercuts: list[tuple[str, str, list[Any]]] = []  # (attacker, target, path)
        for sid, field, targets in pending:
            multi = len(targets) > 1
            for i, target in enumerate(targets):
                path = ["statements", sid, field, *([i] if multi else [])]
                if field == "undercuts":
                    undercuts.append((sid, target, path))
                    continue
                self._relate(m, sid, field, target, path)
        # 2. linked inferences
        if inferences is not None and not isinstance(inferences, list):
            self.error(["inferences"], "inferences must be a list", "wrong-type")
            inferences = []
        for i, item in enumerate(inferences or []):
            path = ["inferences", i]
            entry = self.mapping(item, path, "an inference")
            if entry is None:
                continue
            self.unknown_keys(entry, _INF_FIELDS, path, "inference")
            premises = self.ids(entry.get("premises"), [*path, "premises"], None, "premises")
            conclusion: Any = entry.get("conclusion")
            if "premises" not in entry or not isinstance(conclusion, str):
                self.error(
                    path, "an inference needs premises: [ids] and conclusion: id", "missing-field"
                )
                continue
            fields: dict[str, Any] = {}
            for f in ("id", "scheme"):
                if entry.get(f) is not None:
                    fields[f] = self.text(entry[f], [*path, f], None, f)
            if entry.get("weight") is not None:
                fields["weight"] = typed(entry["weight"])
            self._add(
                m,
                path,
                lambda p=premises, c=conclusion, f=fields: self._inference(m, p, c, f),  # type: ignore[misc]
            )
        # 3. explicit conflicts and undercuts, resolved as their targets appear
        if conflicts is not None and not isinstance(conflicts, list):
            self.error(["conflicts"], "conflicts must be a list", "wrong-type")
            conflicts = []
        explicit: list[tuple[str, str, list[Any], dict[str, Any]]] = []
        for i, item in enumerate(conflicts or []):
            path = ["conflicts", i]
            entry = self.mapping(item, path, "a conflict")
            if entry is None:
                continue
            self.unknown_keys(entry, _CON_FIELDS, path, "conflict")
            attacker_raw, target_raw = entry.get("attacker"), entry.get("target")
            if not isinstance(attacker_raw, str) or not isinstance(target_raw, str):
                self.error(path, "a conflict needs attacker: id and target: id", "missing-field")
                continue
            extra = {
                f: typed(entry[f]) if f == "weight" else str(entry[f])
                for f in ("id", "weight")
                if entry.get(f) is not None
            }
            explicit.append((str(attacker_raw), str(target_raw), path, extra))
        Pending = tuple[str, str, list[Any], dict[str, Any], bool]
        todo: list[Pending] = [(a, t, p, {}, True) for a, t, p in undercuts] + [
            (a, t, p, x, False) for a, t, p, x in explicit
        ]
        while todo:
            waiting = {a for a, *_ in todo}
            left: list[Pending] = []
            for item in todo:
                attacker, target, path, extra, via_statement = item
                if target in m.relations or (
                    target in m.statements and not (via_statement and target in waiting)
                ):
                    self._add(m, path, self._conflict_maker(m, item))
                else:
                    left.append(item)
            self.deferred |= bool(left)
            if len(left) == len(todo):  # no progress: dangling, or undercuts in a circle
                for attacker, target, path, extra, via_statement in left:
                    if target == attacker:
                        self.error(
                            path,
                            f"{attacker!r} undercuts itself; an undercutter attacks another "
                            "statement's inference or conflict",
                            "bad-relation",
                            attacker,
                            "undercuts",
                        )
                    elif target in m.statements:
                        self.error(
                            path,
                            f"cannot tell which relation of {target!r} "
                            f"{attacker!r} undercuts (they undercut each other); give "
                            "the relation id",
                            "bad-relation",
                            attacker,
                            "undercuts",
                        )
                    else:
                        self._add(
                            m,
                            path,
                            self._conflict_maker(m, (attacker, target, path, extra, via_statement)),
                        )
                break
            todo = left

    def _conflict_maker(
        self, m: ArgumentMap, item: tuple[str, str, list[Any], dict[str, Any], bool]
    ) -> Callable[[], Relation]:
        attacker, target, _path, extra, via_statement = item
        return lambda: self._conflict(m, attacker, target, extra, via_statement)

    def _relate(self, m: ArgumentMap, sid: str, field: str, target: str, path: list[Any]) -> None:
        if field == "supports":
            self._add(m, path, lambda: self._inference(m, [sid], target, {}))
        else:
            self._add(m, path, lambda: self._conflict(m, sid, target, {}, False))

    def _file_order(self, m: ArgumentMap, path: Sequence[Any]) -> tuple[int, ...]:
        """Where a relation is written: section, statement, field, list position."""
        section = ("statements", "inferences", "conflicts").index(path[0])
        if section:
            return (section, int(path[1]))
        field = ("supports", "attacks", "undercuts").index(path[2])
        return (0, self.position[path[1]], field, *(int(i) for i in path[3:]))

    def sort_relations(self, m: ArgumentMap) -> None:
        """Put the relations in the order the file writes them.

        Undercuts are resolved in passes, as their targets appear, so they are
        added out of order; the same file must give the same map, relation order
        included, or dump -> load -> dump would not be byte-identical.
        """
        if not self.deferred:
            return  # every relation was added where it is written
        order = {rid: self._file_order(m, path) for rid, path in self.order.items()}
        last = (len(order) + 3,)
        m._relations = dict(sorted(m._relations.items(), key=lambda item: order.get(item[0], last)))
        m._ends = {rid: m._ends[rid] for rid in m._relations}  # kept in the same order
        for kind in ("inference", "conflict"):  # m.inferences, m.conflicts: in map order
            if kind in m._by_kind:
                nodes = m._by_kind[kind]
                m._by_kind[kind] = {rid: nodes[rid] for rid in m._relations if rid in nodes}
        for index in (m._out, m._in):
            for ids in index.values():
                ids.sort(key=lambda r: order.get(r, last))

    def _need(self, m: ArgumentMap, ident: str, own: str | None, statement: bool = True) -> None:
        """Refuse a reference to an id that is not in the map, with a suggestion.

        Raises :class:`_Reported` for ids whose own entries were refused already.
        """
        if ident in m.statements:
            return
        if ident in m.relations:
            if statement:
                raise UnknownNodeError(f"{ident!r} is a relation, not a statement")
            return
        if ident in self.failed:
            raise _Reported
        raise UnknownNodeError(f"{ident!r} is not in the map{self.suggest_node(ident, own)}")

    def _inference(
        self, m: ArgumentMap, premises: list[str], conclusion: str, fields: dict[str, Any]
    ) -> Relation:
        own = premises[0] if len(premises) == 1 else None
        self._need(m, conclusion, own)
        concl = m.statement(conclusion)
        shared: list[str] = []  # the statements' own id strings: lookups compare identities
        for p in premises:
            self._need(m, p, conclusion)
            premise = m.statement(p)
            check_support(premise, concl)
            shared.append(premise.id)
        return Inference(premises=tuple(shared), conclusion=concl.id, **fields)

    def _conflict(
        self, m: ArgumentMap, attacker: str, target: str, extra: dict[str, Any], via_statement: bool
    ) -> Relation:
        self._need(m, attacker, target)
        self._need(m, target, attacker, statement=False)
        src = m.statement(attacker)
        node = m.resolve_relation(target) if via_statement else m.node(target)
        check_attack(src, node.id, node.kind)
        return Conflict(attacker=attacker, target=node.id, **extra)

    def _add(self, m: ArgumentMap, path: list[Any], make: Callable[[], Relation]) -> None:
        try:
            rel = make()
            m._add_relation(rel)
            m.lines.setdefault(rel.id, self.locate(path) or 0)
            self.order.setdefault(rel.id, path)
        except _Reported:
            return
        except ArgmapError as exc:
            if isinstance(exc, UnknownNodeError) and any(f"{f!r}" in str(exc) for f in self.failed):
                return  # the entry it names was refused and reported already
            node = path[1] if path and path[0] == "statements" else None
            field = path[2] if node is not None and len(path) > 2 else None
            self.error(path, str(exc), _code(exc), node, field)


class _Reported(Exception):
    """A reference to an entry that was refused and reported already."""


def typed(value: Any) -> Any:
    """The typed value of a YAML scalar kept as text (see ``_yamltree.Typed``)."""
    inner = getattr(value, "typed", _MISSING)
    return value if inner is _MISSING else inner


_MISSING = object()


def parse_yaml(text: str, *, source: str | None = None) -> Any:
    """Parse YAML keeping lines (imports PyYAML only when a YAML file is read)."""
    from ._yamltree import parse

    return parse(text, source=source)


def _typename(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def _code(exc: Exception) -> str:
    name = type(exc).__name__
    return {
        "DuplicateIdError": "duplicate-id",
        "UnknownNodeError": "dangling-id",
        "RelationError": "bad-relation",
    }.get(name, "invalid")


def from_dict(
    data: Any,
    *,
    source: str | None = None,
    locate: Callable[[Sequence[Any]], int | None] | None = None,
) -> ArgumentMap:
    """Build a map from the plain structure of a native file.

    Args:
        data: what ``yaml.safe_load`` or ``json.load`` gives for a native file.
        source: a file name for messages.
        locate: maps a path (``("statements", "C1", "party")``) to a line, for messages.

    Raises:
        LoadError: listing every problem found.

    Example:
        >>> m = from_dict({"argmap": 1, "statements": {"Q1": {"issue": "Is it lawful?"}}})
        >>> m.statement("Q1").kind
        'issue'
        >>> from_dict({"argmap": 1, "statements": {"X": {"claim": "x", "partyy": "a"}}})
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: error: X.partyy: unknown field 'partyy' in claim 'X' (did you mean 'party'?) ...
    """
    reader = _Reader(source, locate or (lambda _path: None))
    if not isinstance(data, dict):
        reader.error(
            [],
            f"an argmap file is a mapping starting with 'argmap: 1', not {_typename(data)}",
            "not-a-map",
        )
        raise LoadError(reader.problems, source)
    version = typed(data.get("argmap"))
    if version is None:
        reader.error([], "missing 'argmap: 1' at the top: is this an argmap file?", "no-version")
    elif type(version) is not int or version != VERSION:
        shown = json.dumps(version) if isinstance(version, bool) else repr(version)
        reader.error(
            ["argmap"],
            f"unsupported format version {shown}; this argmap reads version {VERSION} "
            f"(write 'argmap: {VERSION}')",
            "bad-version",
        )
    reader.unknown_keys(data, _TOP, [], "the file")
    title = reader.text(data.get("title"), ["title"], None, "title") if "title" in data else ""
    description = reader.text(data.get("description"), ["description"], None, "description")
    m = ArgumentMap(
        title or "",
        parties=reader.vocabulary(data.get("parties"), "parties", Party),
        doctrines=reader.vocabulary(data.get("doctrines"), "doctrines", Doctrine),
        description=description,
    )
    m.source = source
    reader.map = m
    reader.authorities(data.get("authorities"), m)
    if "statements" in data:
        m.lines[STATEMENTS_LINE] = reader.locate(["statements"]) or 0
    pending = reader.statements(data.get("statements"), m)
    reader.references(m)
    reader.position = {sid: i for i, sid in enumerate(m.statements)}
    reader.relations(m, pending, data.get("inferences"), data.get("conflicts"))
    if reader.problems:
        raise LoadError(sorted(reader.problems, key=Problem.sort_key), source)
    reader.sort_relations(m)
    return m


def _decode(raw: bytes, source: str | None) -> str:
    def fail(code: str, message: str, line: int | None = None) -> LoadError:
        return LoadError([Problem("error", code, message, source=source, line=line)], source)

    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail("encoding", "the file is UTF-32; save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("encoding", "the file is UTF-16; save it as UTF-8")
    # no byte-order mark: UTF-16/32 text shows as NUL bytes around ASCII characters
    head = [b != 0 for b in raw[:4]]
    if head in ([True, False, False, False], [False, False, False, True]):
        raise fail("encoding", "the file looks like UTF-32; save it as UTF-8")
    if head in ([True, False, True, False], [False, True, False, True]):
        raise fail("encoding", "the file looks like UTF-16; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            "encoding",
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {col}; save the file as UTF-8",
            line,
        ) from None
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_problem(source: str | None, line: int | None, where: str = "") -> Problem:
    return Problem(
        "error",
        "surrogate",
        f"{where}a lone surrogate (such as \\ud800), which is not a character and cannot "
        "be written out; remove it or write the character itself",
        source=source,
        line=line,
    )


def _check_text(text: str, source: str | None) -> None:
    bad = _SURROGATE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise LoadError([_surrogate_problem(source, line, "the text holds ")], source)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise LoadError(
            [
                Problem(
                    "error",
                    "nul",
                    "the file contains a NUL character (is it a binary file?)",
                    source=source,
                    line=line,
                )
            ],
            source,
        )


def _sniff(text: str) -> Format:
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


@no_gc()
def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    source: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> ArgumentMap:
    """Read a map from native YAML or JSON text.

    Args:
        text: the file's content (``bytes`` must be UTF-8).
        format: ``"yaml"`` or ``"json"``; guessed from the first character when omitted.
        source: a file name for messages.
        max_bytes: refuse larger input (memory safety).

    Raises:
        LoadError: listing every problem, each with its line.

    Example:
        >>> loads("argmap: 1\\nstatements:\\n  C1: {claim: x}\\n  C1: {claim: y}\\n", source="m.yaml")
        Traceback (most recent call last):
        ...
        argmap.exceptions.LoadError: m.yaml:4:3: error: duplicate key 'C1' (first at line 3) [duplicate-key]
            4 |   C1: {claim: y}
              |   ^
    """
    expect(text, (str, bytes), "text", "the text of a map (str or bytes)")
    expect(max_bytes, int, "max_bytes", "a number of bytes")
    size = len(text)
    if size > max_bytes:
        raise LoadError(
            [
                Problem(
                    "error",
                    "too-large",
                    f"the input is {size / 2**20:.1f} MB, "
                    f"larger than the {max_bytes / 2**20:.0f} MB argmap reads "
                    "(pass max_bytes= to raise the limit)",
                    source=source,
                )
            ],
            source,
        )
    if isinstance(text, bytes):
        text = _decode(text, source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, source)
    fmt = format or _sniff(text)
    if fmt == "json":
        return _loads_json(text, source)
    if fmt != "yaml":
        raise LoadError(
            [
                Problem(
                    "error",
                    "format",
                    f"unknown format {fmt!r} (must be 'yaml' or 'json')",
                    source=source,
                )
            ],
            source,
        )
    tree = parse_yaml(text, source=source)
    if tree.problems:
        raise LoadError(tree.problems, source)
    return from_dict(tree.data, source=source, locate=tree.line)


def _loads_json(text: str, source: str | None) -> ArgumentMap:
    dups: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                dups.append(k)
            out[k] = v
        return out

    def number(digits: str) -> int:
        if len(digits.lstrip("-")) > _MAX_DIGITS:
            raise _HugeNumber(digits)
        return int(digits)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=number)
    except json.JSONDecodeError as exc:
        raise json_syntax_error(exc, text, source) from None
    except _HugeNumber as exc:
        at = text.find(exc.digits)
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        column = at - text.rfind("\n", 0, at) if at >= 0 else None
        raise LoadError(
            [
                Problem(
                    "error",
                    "json-number",
                    f"a number with {len(exc.digits)} digits; argmap reads numbers of at "
                    f"most {_MAX_DIGITS} digits (put text in quotes)",
                    source=source,
                    line=line,
                    column=column,
                    excerpt=_excerpt(text, line, column) if line else None,
                )
            ],
            source,
        ) from None
    except RecursionError:
        raise LoadError(
            [Problem("error", "json-depth", "JSON nested too deeply", source=source)], source
        ) from None

    # lines are found only when needed: JSON is YAML, and the YAML reader keeps lines
    tree_cache: list[Any] = []

    def locate(path: Sequence[Any]) -> int | None:
        if not tree_cache:
            tree_cache.append(parse_yaml(text, source=source))
        tree = tree_cache[0]
        return tree.line(path) if tree.data is not None else None

    if dups:
        tree = parse_yaml(text, source=source)
        found = [p for p in tree.problems if p.code == "duplicate-key"]
        raise LoadError(
            found
            or [
                Problem("error", "duplicate-key", f"duplicate key {k!r}", source=source)
                for k in dups
            ],
            source,
        )
    bad = _find_surrogate(data)
    if bad is not None:
        shown = ".".join(map(str, bad)).encode("utf-8", "backslashreplace").decode("utf-8")
        where = f"{shown} holds " if bad else "the file holds "
        escape = _LONE_ESCAPE.search(text)
        line = text.count("\n", 0, escape.start("u")) + 1 if escape else None
        raise LoadError([_surrogate_problem(source, line, where)], source)
    return from_dict(data, source=source, locate=locate)


#: A JSON \\u escape of a surrogate that is not part of a pair (not itself escaped).
_LONE_ESCAPE = re.compile(
    r"(?<!\\)(?:\\\\)*(?P<u>\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)

#: Longest integer read from JSON (Python refuses to convert longer ones by default).
_MAX_DIGITS = 4000


class _HugeNumber(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def json_syntax_error(exc: json.JSONDecodeError, text: str, source: str | None) -> LoadError:
    """The :class:`LoadError` for JSON that does not parse, with line, column and the
    offending line under a caret (every JSON-based reader reports it alike).

    Example:
        >>> import json
        >>> try:
        ...     json.loads('{"a": }')
        ... except json.JSONDecodeError as exc:
        ...     print(json_syntax_error(exc, '{"a": }', "m.json").problems[0].column)
        7
    """
    return LoadError(
        [
            Problem(
                "error",
                "json-syntax",
                f"not valid JSON: {exc.msg}",
                source=source,
                line=exc.lineno,
                column=exc.colno,
                excerpt=_excerpt(text, exc.lineno, exc.colno),
            )
        ],
        source,
    )


def _excerpt(text: str, line: int, column: int | None) -> str:
    from ._yamltree import excerpt

    rows = text.splitlines()
    return excerpt(rows[line - 1] if 0 < line <= len(rows) else "", line, column)


def _find_surrogate(data: Any) -> list[Any] | None:
    """The path of the first key or string holding a lone surrogate, or None."""
    stack: list[tuple[list[Any], Any]] = [([], data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return path
        elif isinstance(value, dict):
            for k, v in reversed(list(value.items())):
                if _SURROGATE.search(k):
                    return [*path, k]
                stack.append(([*path, k], v))
        elif isinstance(value, list):
            stack.extend(([*path, i], v) for i, v in reversed(list(enumerate(value))))
    return None


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_bytes: int = MAX_BYTES,
) -> ArgumentMap:
    """Read a map from a ``.yaml``, ``.yml`` or ``.json`` file.

    Raises:
        LoadError: the file is missing, too large, not UTF-8, or not a valid map;
            every problem names the file and line.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
        >>> _ = p.write_text("argmap: 1\\nstatements:\\n  Q1: {issue: Is it?}\\n")
        >>> load(p).statement("Q1").text
        'Is it?'
    """
    expect(path, (str, os.PathLike), "path", "a file path")
    p = Path(path)
    name = str(path)
    fmt = format or _format_of(p)

    raw = read_map_file(p, max_bytes)
    return loads(raw, format=fmt, source=name, max_bytes=max_bytes)


def _format_of(p: Path) -> Format | None:
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    return None


# =========================================================================== writing


class _Flow(list[Any]):
    """A list written in flow style: ``[a, b]``."""


def _ids_out(ids: Sequence[str]) -> Any:
    return ids[0] if len(ids) == 1 else _Flow(ids)


def to_dict(m: ArgumentMap) -> dict[str, Any]:
    """The plain structure written to native files (``from_dict`` reads it back).

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap("T"); c = m.claim("x"); _ = m.premise("y", supports=c)
        >>> to_dict(m)["statements"]
        {'C1': {'claim': 'x'}, 'P1': {'premise': 'y', 'supports': 'C1'}}
    """
    expect(m, ArgumentMap, "m", "an ArgumentMap")
    out: dict[str, Any] = {"argmap": VERSION}
    if m.title:
        out["title"] = m.title
    if m.description:
        out["description"] = m.description
    for name, vocab in (("parties", m.parties), ("doctrines", m.doctrines)):
        if vocab:
            out[name] = {k: _vocab_out(v) for k, v in vocab.items()}
    if m.authorities:
        auths: dict[str, Any] = {}
        for a in m.authorities.values():
            entry: dict[str, Any] = {"kind": a.kind, "name": a.name, "cite": a.cite}
            for f in (
                "court",
                "year",
                "holding",
                "side",
                "url",
                "short",
                "note",
                "parallel",
                "history",
            ):
                v = getattr(a, f)
                if v is not None:
                    entry[f] = v
            if not a.verified:
                entry["verified"] = False
            auths[a.id] = entry
        out["authorities"] = auths

    inline: dict[str, dict[str, list[str]]] = {}
    inferences: list[Inference] = []
    conflicts: list[Conflict] = []
    for rel in m.relations.values():
        if isinstance(rel, Inference):
            if (
                rel.generated
                and len(rel.premises) == 1
                and rel.scheme is None
                and (rel.weight is None)
            ):
                inline.setdefault(rel.premises[0], {}).setdefault("supports", []).append(
                    rel.conclusion
                )
            else:
                inferences.append(rel)
        elif rel.generated and rel.weight is None:
            field = "undercuts" if rel.target in m.relations else "attacks"
            target = _short_target(m, rel.target) if field == "undercuts" else rel.target
            inline.setdefault(rel.attacker, {}).setdefault(field, []).append(target)
        else:
            conflicts.append(rel)

    stmts: dict[str, Any] = {}
    for s in m:
        entry = {s.kind: s.text}
        if s.title is not None:
            entry["title"] = s.title
        if s.party is not None:
            entry["party"] = s.party
        if isinstance(s, Issue):
            for f in ("standard", "burden", "parent", "nature", "background"):
                if getattr(s, f) is not None:
                    entry[f] = getattr(s, f)
            if s.framings:
                entry["framings"] = dict(s.framings)
        if isinstance(s, Claim) and s.answers is not None:
            entry["answers"] = s.answers
        own = inline.get(s.id, {})
        for field in ("supports", "attacks", "undercuts"):
            if field in own:
                entry[field] = _ids_out(own[field])
        if s.doctrines:
            entry["doctrines"] = _Flow(s.doctrines)
        if s.cites:
            if all(c.simple for c in s.cites):
                entry["cites"] = _Flow(str(c) for c in s.cites)
            else:
                entry["cites"] = [_cite_out(c) for c in s.cites]
        if s.note is not None:
            entry["note"] = s.note
        stmts[s.id] = entry
    if stmts:
        out["statements"] = stmts

    position = {sid: i for i, sid in enumerate(m.statements)}
    if inferences:
        inferences.sort(key=lambda r: (position[(*r.premises, r.conclusion)[0]], r.id))
        items = []
        for r in inferences:
            item: dict[str, Any] = {}
            if not r.generated:
                item["id"] = r.id
            item["premises"] = _Flow(r.premises)
            item["conclusion"] = r.conclusion
            if r.scheme is not None:
                item["scheme"] = r.scheme
            if r.weight is not None:
                item["weight"] = r.weight
            items.append(item)
        out["inferences"] = items
    if conflicts:
        conflicts.sort(key=lambda r: (position[r.attacker], r.id))
        items = []
        for k in conflicts:
            item = {}
            if not k.generated:
                item["id"] = k.id
            item["attacker"] = k.attacker
            item["target"] = k.target
            if k.weight is not None:
                item["weight"] = k.weight
            items.append(item)
        out["conflicts"] = items
    return out


def _vocab_out(v: Party | Doctrine) -> Any:
    fields = {"label": v.label, "colour": v.colour}
    if isinstance(v, Party):
        fields.update(relief=v.relief, counsel=v.counsel)
    if all(val is None for f, val in fields.items() if f != "label"):
        return v.label
    return {f: val for f, val in fields.items() if val is not None and val != ""}


def _cite_out(c: Cite) -> Any:
    if c.simple:
        return str(c)
    out: dict[str, Any] = {"id": c.authority}
    for f in ("pin", "signal", "quote"):
        if getattr(c, f) is not None:
            out[f] = getattr(c, f)
    return out


def _short_target(m: ArgumentMap, rel_id: str) -> str:
    """A statement whose only outgoing relation is ``rel_id``, else the relation id."""
    rel = m.relations[rel_id]
    for sid in rel.sources:
        out = m.relations_from(sid)
        if len(out) == 1:
            return sid
    return rel_id


def dumps(m: ArgumentMap, *, format: Format = "yaml") -> str:
    """Write a map as native YAML (or JSON) text; deterministic and lossless.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap("Demo"); c = m.claim("Grants may be conditioned", id="C1")
        >>> print(dumps(m), end="")
        argmap: 1
        title: Demo
        statements:
          C1:
            claim: Grants may be conditioned
    """
    if format not in ("yaml", "json"):
        raise ArgmapTypeError(f"format: expected 'yaml' or 'json', not {format!r}")
    data = to_dict(m)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format != "yaml":
        raise ValueError(f"unknown format {format!r} (must be 'yaml' or 'json')")
    from ._yamltree import dump as dump_yaml

    return dump_yaml(data, flow=_Flow)


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write a map to a file: native YAML or JSON by the suffix (``.yaml``, ``.yml``,
    ``.json``; YAML for any other), and a suffix naming another format argmap writes
    (``.argdown``, ``.aif.json``, ``.graphml``, ``.apx``, …) writes that format, as
    :func:`argmap.formats.dump` does.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap.graph import ArgumentMap
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"
        >>> dump(ArgumentMap("T"), p); p.read_text()[:12]
        '{\\n  "argmap"'
        >>> dump(ArgumentMap("T"), p.with_name("m.argdown")); p.with_name("m.argdown").read_text()
        '===\\ntitle: T\\n===\\n'
    """
    expect(m, ArgumentMap, "m", "an ArgumentMap")
    expect(path, (str, os.PathLike), "path", "a file path")
    if Path(path).is_dir():
        raise ArgmapTypeError(f"path: expected a file path, not the folder {str(path)!r}")
    p = Path(path)
    if format is None:
        from . import dump as dump_any
        from . import format_of_suffix

        if format_of_suffix(p) not in (None, "yaml", "json"):  # never YAML in a .argdown
            dump_any(m, p)
            return
    fmt = format or _format_of(p) or "yaml"
    atomic_write_text(p, dumps(m, format=fmt))
