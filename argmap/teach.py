"""Exercises with answer keys: blanked handouts, what-if questions, grading.

* :func:`blank` hides the text of chosen statements (by kind, party, doctrine or
  id), numbers them for the student to fill in, and keeps the key.
* :func:`questions` asks what-if questions computed from the evaluation ("If the
  court rejects ..., which claims change status?") with multiple-choice distractors
  drawn from the map, and an answer key that gives the reasons.
* :func:`grade` (from :mod:`argmap._grade`) compares a student's map with the key.

Handouts and keys are written in Markdown, HTML or LaTeX with the briefs' template
machinery (``handout.md``/``.html``/``.tex``), so everything is escaped the same way.

Example:
    >>> import argmap as am
    >>> m = am.ArgumentMap("Duress"); c = m.claim("The contract binds", id="C")
    >>> p = m.premise("Both signed", id="P", supports=c)
    >>> b = blank(m, hide="premise")
    >>> b.answers
    ((1, 'P', 'Both signed'),)
    >>> b.map.statements["P"].text
    '[1] ________'
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

import attrs

from ._grade import Grade, grade
from .brief import render_template
from .dot import to_svg
from .evaluation import Evaluation, diff, evaluate
from .exceptions import ArgmapError, ArgmapTypeError, UnknownNodeError, did_you_mean
from .formats.native import from_dict, to_dict
from .graph import ArgumentMap
from .model import STATEMENT_KINDS, Claim, Issue

__all__ = ["Blank", "Grade", "Question", "Questions", "blank", "grade", "questions"]

Format: TypeAlias = Literal["md", "html", "tex"]
Mode: TypeAlias = Literal["reject", "assume"]
_FORMATS = ("md", "html", "tex")


def _check_format(fmt: object) -> Format:
    if fmt not in _FORMATS:
        raise ArgmapError(f"unknown handout format {fmt!r} (must be one of {list(_FORMATS)})")
    return fmt  # type: ignore[return-value]


def _copy(m: ArgumentMap) -> ArgumentMap:
    return from_dict(to_dict(m))


# ============================================================================ blank


def _selected(m: ArgumentMap, hide: Iterable[str] | str) -> list[str]:
    """Statement ids picked by ``hide`` selectors, in map order."""
    specs = [hide] if isinstance(hide, str) else list(hide)
    if not specs:
        raise ArgmapError("hide names nothing: give a kind, party:ID, doctrine:ID or an id")
    chosen: set[str] = set()
    for spec in specs:
        if not isinstance(spec, str):
            raise ArgmapTypeError(f"hide takes strings, not {type(spec).__name__}")
        what, _, value = spec.partition(":")
        if spec in STATEMENT_KINDS:
            chosen |= {s.id for s in m if s.kind == spec}
        elif what == "party" and value:
            if value not in m.parties:
                names = list(m.parties)
                raise UnknownNodeError(f"unknown party {value!r}{did_you_mean(value, names)}")
            chosen |= {s.id for s in m if s.party == value}
        elif what == "doctrine" and value:
            if value not in m.doctrines:
                names = list(m.doctrines)
                raise UnknownNodeError(f"unknown doctrine {value!r}{did_you_mean(value, names)}")
            chosen |= {s.id for s in m if value in s.doctrines}
        elif spec in m.statements:
            chosen.add(spec)
        else:
            raise UnknownNodeError(
                f"hide: {spec!r} is not a statement kind ({', '.join(STATEMENT_KINDS)}), "
                f"party:ID, doctrine:ID or a statement id{did_you_mean(spec, list(m.statements))}"
            )
    return [s for s in m.statements if s in chosen]


@attrs.frozen(eq=False)
class Blank:
    """A map with some statements' text hidden and numbered, and the key.

    Attributes:
        map: a copy of the map in which each hidden statement reads ``[n] ________``
            (and has no title, which would give it away).
        answers: ``(number, id, text)`` for each hidden statement.
        original: the map as given.
    """

    map: ArgumentMap
    answers: tuple[tuple[int, str, str], ...]
    original: ArgumentMap
    view: dict[str, Any] = attrs.field(factory=dict)

    def _items(self, key: bool) -> list[dict[str, Any]]:
        items = []
        for n, sid, text in self.answers:
            s = self.original.statements[sid]
            kind = s.kind + (f" ({self.original.parties[s.party].name})" if s.party else "")
            items.append(
                {
                    "number": n,
                    "prompt": f"Blank {n}, {'an' if kind[0] in 'aeiou' else 'a'} {kind}:",
                    "choices": [],
                    "answer": text if key else "",
                    "explanation": "",
                }
            )
        return items

    def handout(self, format: Format = "md", *, diagram: bool = True) -> str:
        """The student's sheet: the blanked diagram (HTML) and one line per blank.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap("T"); _ = m.claim("The contract binds", id="C")
            >>> "The contract binds" in blank(m, hide="C").handout("md")
            False
        """
        return self._render(format, key=False, diagram=diagram)

    def key(self, format: Format = "md") -> str:
        """The answer key: each blank's number and the hidden text.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap("T"); _ = m.claim("The contract binds", id="C")
            >>> "The contract binds" in blank(m, hide="C").key("md")
            True
        """
        return self._render(format, key=True, diagram=False)

    def _render(self, format: Format, *, key: bool, diagram: bool) -> str:
        fmt = _check_format(format)
        svg = to_svg(self.map, theme="print", **self.view) if diagram and fmt == "html" else None
        note = ""
        if diagram and fmt != "html":
            note = "Draw the diagram with: argmap teach blank MAP -o handout.html (or .svg)."
        title = self.original.title or "Argument map"
        return render_template(
            f"_handout.{fmt}",
            fmt,
            {
                "title": f"{title}: fill in the blanks" + (" (answer key)" if key else ""),
                "subtitle": f"{len(self.answers)} statements are hidden.",
                "key": key,
                "instructions": ""
                if key
                else "Some statements of the map are hidden and numbered. From where each "
                "sits in the argument (what it supports or attacks) and the authorities it "
                "cites, write what it says.",
                "items": self._items(key),
                "diagram": svg,
                "note": note,
            },
            raw=("diagram",),
        )


def blank(m: ArgumentMap, hide: Iterable[str] | str) -> Blank:
    """Hide chosen statements' text, numbered for a student to fill in, with the key.

    Args:
        m: the map.
        hide: one selector or several: a kind (``"premise"``), ``"party:ID"``,
            ``"doctrine:ID"`` or a statement id; a statement matching any is hidden.
            When every selector names a doctrine (or every one a party), the
            handout's diagram shows only that part of the map.

    Raises:
        UnknownNodeError: a selector that names nothing (with a suggestion).

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(parties={"a": "Alice"}); c = m.claim("x", id="C", party="a")
        >>> r = m.rebuttal("y", id="R", attacks=c)
        >>> [a[1] for a in blank(m, hide=["party:a", "R"]).answers]
        ['C', 'R']
    """
    if not isinstance(m, ArgumentMap):
        raise ArgmapTypeError(f"expected an ArgumentMap, not {type(m).__name__}")
    ids = _selected(m, hide)
    copy = _copy(m)
    answers = []
    for n, sid in enumerate(ids, 1):
        s = copy.statements[sid]
        copy.replace(attrs.evolve(s, text=f"[{n}] ________", title=None))
        answers.append((n, sid, m.statements[sid].text))
    specs = [hide] if isinstance(hide, str) else list(hide)
    view: dict[str, Any] = {}
    for what in ("doctrine", "party"):  # hiding by doctrine or party draws that part
        picked = [x.split(":", 1)[1] for x in specs if x.startswith(f"{what}:")]
        if picked and len(picked) == len(specs):
            view[{"doctrine": "doctrines", "party": "parties"}[what]] = picked
    return Blank(copy, tuple(answers), m, view)


# ============================================================================ questions


@attrs.frozen
class Question:
    """One what-if question with its choices, answer and reasons.

    Attributes:
        number: 1, 2, ...
        target: the statement the court rejects or assumes.
        mode: ``"reject"`` or ``"assume"``.
        prompt: the question.
        choices: the options; exactly one is right.
        answer: index of the right option in ``choices``.
        changed: ids of the claims that change status (the answer, as data).
        explanation: why, from the evaluation (one sentence per changed claim).
    """

    number: int
    target: str
    mode: Mode
    prompt: str
    choices: tuple[str, ...]
    answer: int
    changed: tuple[str, ...]
    explanation: str

    @property
    def letter(self) -> str:
        """The right option's letter: ``"a"``, ``"b"``, ...

        Example:
            >>> Question(1, "P", "reject", "?", ("x", "y"), 1, (), "").letter
            'b'
        """
        return "abcdefghij"[self.answer]


@attrs.frozen(eq=False)
class Questions:
    """What-if questions on a map, with a key (see :func:`questions`)."""

    items: tuple[Question, ...]
    map: ArgumentMap
    seed: int

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def _render(self, format: Format, *, key: bool) -> str:
        fmt = _check_format(format)
        title = self.map.title or "Argument map"
        items = [
            {
                "number": q.number,
                "prompt": q.prompt,
                "choices": list(q.choices),
                "answer": f"({q.letter}) {q.choices[q.answer]}",
                "explanation": q.explanation,
            }
            for q in self.items
        ]
        return render_template(
            f"_handout.{fmt}",
            fmt,
            {
                "title": f"{title}: what if the court decides otherwise?"
                + (" (answer key)" if key else ""),
                "subtitle": f"{len(items)} questions (set {self.seed}).",
                "key": key,
                "instructions": ""
                if key
                else "Each question changes one finding. Pick the option that lists exactly "
                "the claims whose status changes (accepted, rejected or undecided), and be "
                "ready to say why.",
                "items": items,
                "diagram": None,
                "note": "",
            },
        )

    def handout(self, format: Format = "md") -> str:
        """The questions with their choices, without answers.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap("T"); c = m.claim("x", id="C"); _ = m.premise("y", supports=c)
            >>> "Answer:" in questions(m, n=1).handout()
            False
        """
        return self._render(format, key=False)

    def key(self, format: Format = "md") -> str:
        """The questions with the right option and the reasons.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap("T"); c = m.claim("x", id="C"); _ = m.premise("y", supports=c)
            >>> "Answer:" in questions(m, n=1).key()
            True
        """
        return self._render(format, key=True)


def _q(m: ArgumentMap, sid: str) -> str:
    return f"“{m.statements[sid].label}”"


def _option(m: ArgumentMap, ids: Iterable[str]) -> str:
    ids = list(ids)
    if not ids:
        return "No claim changes status."
    return "; ".join(_q(m, i) for i in ids)


def _claims_changed(base: Evaluation, after: Evaluation) -> tuple[tuple[str, str, str], ...]:
    """``(id, after, why)`` for each claim whose status differs."""
    m = base.map
    return tuple(
        (c.id, c.after, c.why)
        for c in diff(base, after).changes
        if isinstance(m.statements.get(c.id), Claim)
    )


def questions(
    m: ArgumentMap, n: int = 5, *, seed: int = 0, evaluation: Evaluation | None = None
) -> Questions:
    """What-if questions from the evaluation, with distractors and an answer key.

    Each question rejects (or assumes) one statement and asks which claims change
    status. The right option is computed by evaluating the map with that finding;
    the distractors are other claim sets from the map (what other findings change,
    single claims, "no claim changes"). Questions that change a claim come first.
    The same map, ``n`` and ``seed`` give the same questions.

    Args:
        m: the map.
        n: at most this many questions (fewer when the map offers fewer).
        seed: picks and orders questions and choices.
        evaluation: the starting point (default: ``evaluate(m)``); its options
            (semantics, standards, audience) are used for every what-if.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("T"); c = m.claim("The contract binds", id="C")
        >>> p = m.premise("Both signed", id="P", supports=c)
        >>> q = questions(m, n=1, seed=1).items[0]
        >>> q.prompt
        'If the court rejects “Both signed”, which claims change status?'
        >>> q.choices[q.answer], q.changed
        ('“The contract binds”', ('C',))
    """
    if not isinstance(m, ArgumentMap):
        raise ArgmapTypeError(f"expected an ArgumentMap, not {type(m).__name__}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ArgmapTypeError(f"n must be a whole number >= 0, not {n!r}")
    base = evaluate(m) if evaluation is None else evaluation
    if base.map is not m:
        raise ArgmapError("questions: the evaluation must be of this map (evaluate(m))")
    options: dict[str, Any] = {
        "semantics": base.semantics,
        "leaves": base.leaves,
        "standards": {k: v for k, v in base.standards.items() if v is not None} or None,
        "weights": dict(base._weights) or None,
    }
    candidates: list[tuple[str, Mode, tuple[tuple[str, str, str], ...]]] = []
    for s in m:
        if isinstance(s, Issue | Claim):
            continue  # rejecting a claim trivially changes that claim
        for mode in ("reject", "assume"):
            if base.status(s.id) == ("rejected" if mode == "reject" else "accepted"):
                continue  # no news: the court already sees it that way
            try:
                after = evaluate(
                    m,
                    **options,
                    assume=[s.id] if mode == "assume" else [],
                    reject=[s.id] if mode == "reject" else [],
                )
            except ArgmapError:
                continue
            candidates.append((s.id, mode, _claims_changed(base, after)))
    rng = random.Random(seed)
    rng.shuffle(candidates)
    candidates.sort(key=lambda c: not c[2])  # stable: informative ones first
    claims = [c.id for c in m.claims]
    sets = {tuple(x[0] for x in c[2]) for c in candidates}
    out = []
    for number, (target, mode, changed) in enumerate(candidates[:n], 1):
        right = tuple(x[0] for x in changed)
        pool = {tuple(s) for s in sets} | {(c,) for c in claims} | {()}
        pool.discard(right)
        wrong = sorted(pool)
        rng.shuffle(wrong)
        texts = [_option(m, right)]
        for w in wrong:
            text = _option(m, w)
            if text not in texts:
                texts.append(text)
            if len(texts) == 4:
                break
        order = list(range(len(texts)))
        rng.shuffle(order)
        choices = tuple(texts[i] for i in order)
        verb = "rejects" if mode == "reject" else "finds"
        why = " ".join(w for _, _, w in changed) or (
            f"Every claim keeps its status: nothing that depends on {_q(m, target)} "
            "decides a claim."
        )
        out.append(
            Question(
                number=number,
                target=target,
                mode=mode,
                prompt=f"If the court {verb} {_q(m, target)}, which claims change status?",
                choices=choices,
                answer=order.index(0),
                changed=right,
                explanation=why,
            )
        )
    return Questions(tuple(out), m, seed)
