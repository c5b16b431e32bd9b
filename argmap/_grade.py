"""Grading a student's map against a teacher's key (re-exported by :mod:`argmap.teach`).

Statements are matched first by an explicit reference in the student's note
(``key: C3``), then by text similarity with the standard library's
:class:`difflib.SequenceMatcher`: maps are small (a few hundred statements), the
ratio is good enough for sentences a student paraphrases by copying, and it adds
no dependency (rapidfuzz would be faster but is a compiled extra).

Each part of the score is symmetric in the two maps where that makes sense (an F1
over matched items), so ``grade(a, b)`` and ``grade(b, a)`` give the same parts
and swap missing for extra.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

import attrs

from .evaluation import Evaluation, evaluate
from .exceptions import ArgmapError, ArgmapTypeError
from .graph import ArgumentMap
from .model import Conflict, Inference

__all__ = ["Grade", "Match", "grade"]

#: Texts at least this similar (difflib ratio, 0..1) may be matched.
THRESHOLD = 0.6
#: How much each part counts in the total.
WEIGHTS = {"statements": 0.3, "relations": 0.35, "citations": 0.15, "outcomes": 0.2}
_KEY_REF = re.compile(r"(?:^|\s)key:\s*([^\s,;]+)")

Edge = tuple[Any, ...]


def _md_inline(text: str) -> str:
    """Escape what Markdown reads as markup inside a list item's text, and no more.

    Ids such as ``A1.R2`` and words such as ``non-participation`` stay readable on a
    terminal: ``.``, ``-``, ``(`` and ``)`` only mean something at the start of a
    line or after ``]``, and the item's text never starts a line.

    Example:
        >>> print(_md_inline("A1.R2 (“x*y*”) attacks <b> | [c]"))
        A1.R2 (“x\\*y\\*”) attacks \\<b\\> \\| \\[c\\]
    """
    return re.sub(r"([\\`*_\[\]<>|~&])", r"\\\1", text).replace("\n", " ")


@attrs.frozen
class Match:
    """A student's statement paired with one of the key's.

    Example:
        >>> Match("S1", "C1", "text", 0.93).how
        'text'
    """

    student: str
    key: str
    how: str  # "key: note", "text"
    similarity: float


@attrs.frozen
class Grade:
    """The result of :func:`grade`: parts, total, matches and feedback.

    Attributes:
        parts: ``{part: (score 0..1, right, out of)}`` for statements, relations,
            citations and outcomes.
        score: the weighted total, 0..1 (weights in :data:`WEIGHTS`).
        matches: the statement pairs.
        missing: key statements the student left out.
        extra: student statements the key does not have.
        feedback: sentences a student can act on, most important first.
    """

    parts: dict[str, tuple[float, int, int]]
    score: float
    matches: tuple[Match, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    feedback: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON).

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x")
            >>> grade(m, m).to_dict()["score"]
            1.0
        """
        return {
            "score": self.score,
            "parts": {k: {"score": s, "right": r, "of": n} for k, (s, r, n) in self.parts.items()},
            "matches": [attrs.asdict(x) for x in self.matches],
            "missing": list(self.missing),
            "extra": list(self.extra),
            "feedback": list(self.feedback),
        }

    def to_markdown(self) -> str:
        """A report for the student in Markdown.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x")
            >>> grade(m, m).to_markdown().splitlines()[0]
            '# Score: 100%'
        """
        lines = [
            f"# Score: {self.score:.0%}",
            "",
            "| part | score | right | of |",
            "|---|---|---|---|",
        ]
        lines += [f"| {k} | {s:.0%} | {r} | {n} |" for k, (s, r, n) in self.parts.items()]
        lines += ["", "## What to work on", ""]
        lines += [f"- {_md_inline(f)}" for f in self.feedback] or [
            "- Nothing: the map matches the key."
        ]
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """The same report as a self-contained HTML page.

        Example:
            >>> m = ArgumentMap(); _ = m.claim("x")
            >>> "<h1>Score: 100%</h1>" in grade(m, m).to_html()
            True
        """
        rows = "".join(
            f"<tr><td>{k}</td><td>{s:.0%}</td><td>{r}</td><td>{n}</td></tr>"
            for k, (s, r, n) in self.parts.items()
        )
        items = "".join(f"<li>{html.escape(f)}</li>" for f in self.feedback) or (
            "<li>Nothing: the map matches the key.</li>"
        )
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            "<title>Grade</title><style>body{font-family:sans-serif;max-width:46em;margin:2em auto}"
            "td,th{padding:.2em .6em;border-bottom:1px solid #ccc;text-align:left}</style></head>"
            f"<body><h1>Score: {self.score:.0%}</h1><table><tr><th>part</th><th>score</th>"
            f"<th>right</th><th>of</th></tr>{rows}</table><h2>What to work on</h2><ul>{items}</ul>"
            "</body></html>\n"
        )


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _similarity(a: str, b: str) -> float:
    x, y = _norm(a), _norm(b)
    if x == y:
        return 1.0
    if max(SequenceMatcher(None, x, y).quick_ratio(), SequenceMatcher(None, y, x).quick_ratio()) < (
        THRESHOLD
    ):
        return 0.0  # an upper bound below the threshold: not worth the full comparison
    # difflib's ratio depends on argument order; take the larger so matching is symmetric
    return max(SequenceMatcher(None, x, y).ratio(), SequenceMatcher(None, y, x).ratio())


def _match(student: ArgumentMap, key: ArgumentMap) -> list[Match]:
    matches: list[Match] = []
    used_s: set[str] = set()
    used_k: set[str] = set()
    for s in student:
        ref = _KEY_REF.search(s.note or "")
        if ref and ref.group(1) in key.statements and ref.group(1) not in used_k:
            matches.append(Match(s.id, ref.group(1), "key: note", 1.0))
            used_s.add(s.id)
            used_k.add(ref.group(1))
    by_text: dict[str, list[str]] = {}
    for k in key:
        if k.id not in used_k:
            by_text.setdefault(_norm(k.text), []).append(k.id)
    for s in student:  # the same words: matched without weighing
        same = by_text.get(_norm(s.text))
        if s.id not in used_s and same:
            kid = same.pop(0)
            matches.append(Match(s.id, kid, "text", 1.0))
            used_s.add(s.id)
            used_k.add(kid)
    pairs = []
    for s in student:
        if s.id in used_s:
            continue
        for k in key:
            if k.id in used_k:
                continue
            sim = _similarity(s.text, k.text)
            if sim >= THRESHOLD:
                pairs.append((-sim, s.kind != k.kind, s.text, k.text, s.id, k.id))
    # best first; ties broken by the texts (then ids), which does not favour either side
    pairs.sort(key=lambda p: (p[0], p[1], min(p[2], p[3]), max(p[2], p[3]), p[4], p[5]))
    for neg, _kind, _a, _b, sid, kid in pairs:
        if sid in used_s or kid in used_k:
            continue
        matches.append(Match(sid, kid, "text", round(-neg, 3)))
        used_s.add(sid)
        used_k.add(kid)
    order = {sid: i for i, sid in enumerate(student.statements)}
    return sorted(matches, key=lambda x: order[x.student])


def _rel_desc(m: ArgumentMap, rid: str, to_key: dict[str, str]) -> Edge:
    """A relation in the key's id space: statements mapped, unmatched ones marked."""
    rel = m.relations[rid]
    if isinstance(rel, Inference):
        return (
            "inference",
            frozenset(_t(p, to_key) for p in rel.premises),
            _t(rel.conclusion, to_key),
        )
    return ("conflict", _t(rel.attacker, to_key), _target(m, rel.target, to_key))


def _t(sid: str, to_key: dict[str, str]) -> str:
    return to_key.get(sid, f"\0{sid}")


def _target(m: ArgumentMap, target: str, to_key: dict[str, str]) -> Any:
    if target in m.statements:
        return _t(target, to_key)
    return _rel_desc(m, target, to_key)


def _edges(m: ArgumentMap, to_key: dict[str, str]) -> set[Edge]:
    """Each support as (``supports``, premise, conclusion); each attack as (``attacks``, a, t)."""
    out: set[Edge] = set()
    for rel in m.relations.values():
        if isinstance(rel, Inference):
            for p in rel.premises:
                out.add(("supports", _t(p, to_key), _t(rel.conclusion, to_key)))
        elif isinstance(rel, Conflict):
            out.add(("attacks", _t(rel.attacker, to_key), _target(m, rel.target, to_key)))
    return out


def _f1(right: int, a: int, b: int) -> float:
    return 1.0 if a + b == 0 else 2 * right / (a + b)


def _describe(key: ArgumentMap, edge: Edge) -> str:
    kind, src, dst = edge
    name = _name(key, src)
    if kind == "supports":
        return f"{name} supports {_name(key, dst)}"
    if isinstance(dst, tuple):
        if dst[0] == "inference":
            premises = ", ".join(sorted(_name(key, p) for p in dst[1]))
            return f"{name} undercuts the inference from {premises} to {_name(key, dst[2])}"
        return f"{name} undercuts the attack of {_name(key, dst[1])}"
    return f"{name} attacks {_name(key, dst)}"


def _name(key: ArgumentMap, ident: Any) -> str:
    if isinstance(ident, str) and ident in key.statements:
        s = key.statements[ident]
        return f"{s.id} (“{s.label}”)"
    if isinstance(ident, str) and ident.startswith("\0"):
        return f"your {ident[1:]}"
    return str(ident)


def _authority_keys(m: ArgumentMap, sid: str) -> set[str]:
    out = set()
    for c in m.statements[sid].cites:
        a = m.authorities.get(c.authority)
        out.add(_norm(a.cite) if a is not None else c.authority)
    return out


def grade(
    student: ArgumentMap,
    key: ArgumentMap,
    *,
    student_evaluation: Evaluation | None = None,
    key_evaluation: Evaluation | None = None,
) -> Grade:
    """Compare a student's map with the teacher's key: score, breakdown, feedback.

    * statements: matched by ``key: ID`` in the student's note, else by similar text;
    * relations: each support and attack (with its target: a statement, or the
      inference or attack it undercuts), translated through the matches;
    * citations: the authorities cited by matched statements (compared by citation);
    * outcomes: whether matched statements get the same status when both maps are
      evaluated (grounded, unless evaluations are given), out of the larger map's
      statements (an unmatched statement has no outcome to agree with).

    Each part is 1 when both maps have nothing of that kind.

    Example:
        >>> k = ArgumentMap(); c = k.claim("The contract binds", id="C1")
        >>> p = k.premise("Both parties signed it", id="P1", supports=c)
        >>> r = k.undercutter("Signatures prove nothing under duress", id="U1", undercuts="P1->C1")
        >>> s = ArgumentMap(); c2 = s.claim("The contract binds", id="A")
        >>> p2 = s.premise("Both parties signed it", id="B", supports=c2)
        >>> r2 = s.rebuttal("Signatures prove nothing under duress", id="D", attacks=c2)
        >>> g = grade(s, k)
        >>> g.parts["statements"], round(g.parts["relations"][0], 2)
        ((1.0, 3, 3), 0.5)
        >>> print(g.feedback[0])
        Your D attacks C1 (“The contract binds”); in the key, U1 (“Signatures prove nothing under duress”) undercuts the inference from P1 (“Both parties signed it”) to C1 (“The contract binds”).
    """
    for name, value in (("student", student), ("key", key)):
        if not isinstance(value, ArgumentMap):
            raise ArgmapTypeError(f"{name} must be an ArgumentMap, not {type(value).__name__}")
    matches = _match(student, key)
    to_key = {x.student: x.key for x in matches}
    from_key = {x.key: x.student for x in matches}
    missing = tuple(k for k in key.statements if k not in from_key)
    extra = tuple(s for s in student.statements if s not in to_key)
    parts: dict[str, tuple[float, int, int]] = {}
    n = len(matches)
    parts["statements"] = (
        _f1(n, len(student), len(key)),
        n,
        max(len(student), len(key)),
    )
    mine, theirs = _edges(student, to_key), _edges(key, {k: k for k in key.statements})
    right = mine & theirs
    parts["relations"] = (
        _f1(len(right), len(mine), len(theirs)),
        len(right),
        max(len(mine), len(theirs)),
    )
    cite_right = cite_s = cite_k = 0
    feedback: list[str] = []
    for x in matches:
        a, b = _authority_keys(student, x.student), _authority_keys(key, x.key)
        cite_right += len(a & b)
        cite_s += len(a)
        cite_k += len(b)
        if b - a:
            feedback.append(
                f"Your {x.student} (“{student.statements[x.student].label}”) does not cite "
                + ", ".join(sorted(_cite_name(key, x.key, c) for c in b - a))
                + ", which the key relies on."
            )
        if a - b:
            feedback.append(
                f"Your {x.student} cites {len(a - b)} authorit{'y' if len(a - b) == 1 else 'ies'} "
                "the key does not use for this statement: check what each holds."
            )
    # citations of unmatched statements count too: they are citations the other side lacks
    cite_s = sum(len(_authority_keys(student, i)) for i in student.statements)
    cite_k = sum(len(_authority_keys(key, i)) for i in key.statements)
    parts["citations"] = (_f1(cite_right, cite_s, cite_k), cite_right, max(cite_s, cite_k))
    try:
        ev_s = student_evaluation or evaluate(student)
        ev_k = key_evaluation or evaluate(key)
    except ArgmapError as exc:
        raise ArgmapError(f"grade: cannot evaluate the maps: {exc}") from exc
    same = [x for x in matches if ev_s.status(x.student) == ev_k.status(x.key)]
    most = max(len(student), len(key))
    parts["outcomes"] = (1.0 if not most else len(same) / most, len(same), most)
    for x in matches:
        st, kt = ev_s.status(x.student), ev_k.status(x.key)
        if st != kt:
            feedback.append(
                f"In your map {x.student} (“{student.statements[x.student].label}”) is {st}; "
                f"in the key it is {kt}: {ev_k.explain(x.key)}"
            )
    # a missing statement's own relations are told with it, first: a short answer's
    # report starts with what it lacks, not with a line per relation hanging on it
    gone = set(missing)
    absent = theirs - right
    own = {k: sorted((e for e in absent if e[1] == k), key=repr) for k in missing}
    relation_notes = _relation_feedback(
        key, from_key, mine - right, {e for e in absent if e[1] not in gone}
    )
    lacking = []
    for k in missing:
        name = _name(key, k)
        does = [_describe(key, e).replace(name, "", 1).strip() for e in own[k]]
        which = f", which {' and '.join(does)}" if does else ""
        lacking.append(f"Missing: {name}, {_a(key.statements[k].kind)}{which}.")
    kinds = [
        f"Your {x.student} is {_a(student.statements[x.student].kind)}; in the key, "
        f"{x.key} is {_a(key.statements[x.key].kind)}."
        for x in matches
        if student.statements[x.student].kind != key.statements[x.key].kind
    ]
    feedback = lacking + relation_notes + kinds + feedback
    feedback += [
        f"Your {s} (“{student.statements[s].label}”) is not in the key: "
        "say which statement of the key it stands for with 'key: ID' in its note, or drop it."
        for s in extra
    ]
    total = sum(WEIGHTS[k] * parts[k][0] for k in WEIGHTS)
    return Grade(parts, round(total, 6), tuple(matches), missing, extra, tuple(feedback))


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _cite_name(key: ArgumentMap, sid: str, norm: str) -> str:
    for c in key.statements[sid].cites:
        a = key.authorities.get(c.authority)
        if a is not None and _norm(a.cite) == norm:
            return a.short_form()
    return norm


def _relation_feedback(
    key: ArgumentMap, from_key: dict[str, str], wrong: Iterable[Edge], absent: Iterable[Edge]
) -> list[str]:
    """Pair a student's wrong relation with the key's relation from the same statement."""
    absent = sorted(absent, key=repr)
    out = []
    used: set[Edge] = set()
    for edge in sorted(wrong, key=repr):
        src = edge[1]
        mine = _describe(key, edge).replace(_name(key, src), "", 1).strip()
        if isinstance(src, str) and src.startswith("\0"):
            continue  # an extra statement: reported as extra
        student_id = from_key.get(src, src)
        twin = next((e for e in absent if e[1] == src and e not in used), None)
        if twin is not None:
            used.add(twin)
            out.append(f"Your {student_id} {mine}; in the key, {_describe(key, twin)}.")
        else:
            out.append(f"Your {student_id} {mine}, which the key does not have.")
    for edge in absent:
        if edge not in used:
            out.append(f"Missing relation: {_describe(key, edge)}.")
    return out
