"""The plain, frozen context that brief templates receive, and how it is built from a map.

Templates never see the :class:`~argmap.graph.ArgumentMap` or the model values: they get
the frozen attrs values defined here (strings, numbers, booleans, tuples of values), built
once per render by :func:`build_context`. The fields are documented, with examples, in
``docs/templates.md``; this module is the single source of them.

Three views of the same map are built:

* the **issue tree** (:attr:`BriefContext.issues`): each issue with its sub-issues, the
  claims answering it as argument trees (:class:`Arg`: premises below, objections beside,
  replies to objections below those), each side's arguments ranked strongest first, the
  authorities making up the rule, and the evaluation's outcome;
* the **points** of a brief for one side (:attr:`BriefContext.points`): one per claim of
  that side, and one per claim of another side that it answers, with labelled sub-points
  and the objections the other side raised against them;
* the **table of authorities** (:attr:`BriefContext.authorities`): grouped, sorted, with
  the points and issues where each authority is cited.

Example:
    >>> from argmap import loads
    >>> m = loads('''
    ... argmap: 1
    ... parties: {gov: Government, city: City}
    ... authorities:
    ...   printz: {kind: case, name: Printz v. United States,
    ...            cite: "Printz v. United States, 521 U.S. 898 (1997)"}
    ... statements:
    ...   Q1: {issue: May the city decline to hold people for ICE?}
    ...   C1: {claim: "Yes: the city may decline", party: city, answers: Q1}
    ...   P1: {premise: Congress may not command local officers, supports: C1,
    ...        party: city, cites: [printz@935]}
    ... ''')
    >>> ctx = build_context(m, side="city")
    >>> ctx.points[0].heading
    'The city may decline, because Congress may not command local officers.'
    >>> ctx.points[0].claim.premises[0].cites[0].short
    'Printz, 521 U.S. at 935'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias, TypeVar

import attrs

from ._nogc import no_gc
from .exceptions import BriefError, did_you_mean
from .model import Authority, Cite, Claim, Conflict, Inference, Issue, Party, Statement, shorten

if TYPE_CHECKING:
    from .graph import ArgumentMap

__all__ = [
    "GROUPS",
    "Arg",
    "BriefContext",
    "Citation",
    "DoctrineInfo",
    "EvaluationInfo",
    "EvaluationLike",
    "IssueRef",
    "IssueView",
    "Objection",
    "Outcome",
    "PartyInfo",
    "Point",
    "PointRef",
    "RuleEntry",
    "SideView",
    "StatementRef",
    "ToaEntry",
    "ToaGroup",
    "alpha",
    "build_context",
    "clause",
    "context_citations",
    "lower_first",
    "party_info",
    "point_citations",
    "roman",
    "sentence",
    "table_of_authorities",
    "tree_citations",
    "with_authorities",
]

Status: TypeAlias = Literal["accepted", "rejected", "undecided"]

#: Table-of-authorities groups, in the order a brief lists them.
GROUPS: tuple[str, ...] = (
    "Cases",
    "Constitutional Provisions",
    "Statutes",
    "Regulations",
    "Executive Materials",
    "Other Authorities",
)
_GROUP_OF: dict[str, str] = {
    "case": "Cases",
    "constitution": "Constitutional Provisions",
    "statute": "Statutes",
    "regulation": "Regulations",
    "executive-order": "Executive Materials",
    "memo": "Executive Materials",
    "study": "Other Authorities",
    "report": "Other Authorities",
    "other": "Other Authorities",
}
# The order of a memo's Rule section: the hierarchy of legal sources.
_RULE_ORDER: tuple[str, ...] = (
    "Constitutional Provisions",
    "Statutes",
    "Regulations",
    "Cases",
    "Executive Materials",
    "Other Authorities",
)
_STANDARD_LABELS: dict[str, str] = {
    "scintilla": "a scintilla of evidence",
    "preponderance": "a preponderance of the evidence",
    "clear-and-convincing": "clear and convincing evidence",
    "beyond-reasonable-doubt": "proof beyond a reasonable doubt",
    "dialectical-validity": "dialectical validity",
}
_STATUS_RANK: dict[str, int] = {"accepted": 0, "undecided": 1, "rejected": 2}
#: Below this depth argument trees are cut (``Arg.repeated`` marks the cut).
MAX_DEPTH = 40


# =========================================================================== evaluation


class _OutcomeLike(Protocol):
    @property
    def issue(self) -> str: ...
    @property
    def standard(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def winners(self) -> tuple[str, ...]: ...
    @property
    def explanation(self) -> str: ...


class EvaluationLike(Protocol):
    """What briefs need from an evaluation (``argmap.evaluate`` returns one).

    Example:
        >>> isinstance(EvaluationLike, type)
        True
    """

    @property
    def semantics(self) -> str: ...
    @property
    def assumed(self) -> tuple[str, ...]: ...
    @property
    def rejected(self) -> tuple[str, ...]: ...
    def status(self, ident: str) -> str: ...
    def explain(self, ident: str) -> str: ...
    def outcome(self, issue: str) -> _OutcomeLike: ...


# =========================================================================== values


@attrs.frozen
class PartyInfo:
    """A side of the dispute.

    Example:
        >>> PartyInfo("city", "City", None).name
        'City'
    """

    id: str
    name: str
    colour: str | None
    short: str = attrs.field(default="")
    plural: bool = False

    @property
    def subject(self) -> str:
        """The party named in prose, capitalised to open a sentence: ``The United States``.

        ``short`` is the name inside a sentence (``the United States``; default: the
        name); ``plural`` says whether it takes ``object`` or ``objects``.

        Example:
            >>> PartyInfo("us", "Federal government (DOJ)", None, "the United States").subject
            'The United States'
        """
        name = self.short or self.name
        return name[:1].upper() + name[1:]

    @property
    def possessive(self) -> str:
        """The short name with a possessive ending: ``the United States’``, ``Alice’s``.

        Example:
            >>> PartyInfo("a", "Alice", None).possessive
            'Alice’s'
        """
        name = self.short or self.name
        return f"{name}’" if name.endswith("s") else f"{name}’s"


#: Names of parties in a case that are plural even without "the": "Appellants object".
_PLURAL_ROLES = frozenset(
    {"appellants", "appellees", "petitioners", "respondents", "plaintiffs", "defendants"}
    | {"intervenors", "amici", "movants", "claimants", "applicants", "relators"}
)


def party_info(party: Party) -> PartyInfo:
    """What a brief calls a party: its label, and the short name prose uses.

    The short name is what the party's ``counsel`` line says counsel is for (``Counsel
    for the United States``: ``the United States``), else the label without a closing
    parenthesis (``Federal government (DOJ, DHS)``: ``Federal government``). A name whose
    last word is a common plural (``the Jurisdictions``, ``Sanctuary cities``) takes a
    plural verb.

    Example:
        >>> from argmap.model import Party
        >>> p = party_info(Party("local", "Cities (and counties)", counsel="Counsel for the Cities"))
        >>> p.name, p.short, p.plural
        ('Cities (and counties)', 'the Cities', True)
        >>> party_info(Party("p", "Petitioners")).subject, party_info(Party("p", "Petitioners")).plural
        ('Petitioners', True)
        >>> party_info(Party("us", "United States")).possessive
        'the United States’'
        >>> party_info(Party("us", "United States")).plural
        False
    """
    name = clean(party.name)
    counsel = clean(party.counsel or "")
    found = re.match(r"(?i)counsel\s+for\s+(?P<who>\S.*?)[.\s]*$", counsel)
    short = found["who"] if found else re.sub(r"\s*\([^()]*\)$", "", name) or name
    if re.match(r"United\s", short):  # the United States, the United Kingdom
        short = f"the {short}"
    words = short.split()
    last = words[-1] if words else ""
    plural = last.lower() in _PLURAL_ROLES or (
        len(last) > 2
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is"))
        and (last.islower() or words[0].lower() == "the")
        and not short.lower().endswith("united states")
    )
    return PartyInfo(party.id, name, party.colour, short, plural)


@attrs.frozen
class DoctrineInfo:
    """A doctrinal area declared on the map.

    Example:
        >>> DoctrineInfo("spending", "Spending Clause").name
        'Spending Clause'
    """

    id: str
    name: str


@attrs.frozen
class StatementRef:
    """A statement named without its tree: for targets, winners and assumptions.

    Example:
        >>> StatementRef("C1", "claim", "Yes", None).kind
        'claim'
    """

    id: str
    kind: str
    text: str
    party: PartyInfo | None
    label: str = ""
    clause: str = ""


@attrs.frozen
class IssueRef:
    """An issue named by its number, for cross-references.

    Example:
        >>> IssueRef("Q1", "1", "May grants be withheld?", "issue-1").anchor
        'issue-1'
    """

    id: str
    number: str
    text: str
    anchor: str


@attrs.frozen
class PointRef:
    """A point of the argument named by its label, for cross-references.

    Example:
        >>> PointRef("II", "point-2", "The claim fails.").label
        'II'
    """

    label: str
    anchor: str
    heading: str


@attrs.frozen
class Citation:
    """One citation of an authority by a statement, in both forms.

    ``full`` is the citation the first time the authority is cited, ``short`` the form
    used afterwards; the template helper ``cite()`` picks between them in document order
    (see :mod:`argmap._cite`). ``signal`` and ``quote`` come from the map's cite;
    ``history`` is the authority's subsequent history, printed after the full citation;
    ``hereinafter`` the name a first citation introduces (``[hereinafter Bove memo]``);
    ``at`` the pin as written after *Id.* ("*Id.* at 913"), for cases only.

    Example:
        >>> c = Citation("printz", "913", "Printz v. United States, 521 U.S. 898, 913 (1997)",
        ...              "Printz, 521 U.S. at 913", "Printz v. United States", "Printz",
        ...              "case", "Cases", True)
        >>> c.short
        'Printz, 521 U.S. at 913'
    """

    authority: str
    pin: str | None
    full: str
    short: str
    name: str
    short_name: str
    kind: str
    group: str
    verified: bool
    where: str | None = None
    signal: str | None = None
    quote: str | None = None
    history: str | None = None
    hereinafter: str | None = None
    at: str | None = None


@attrs.frozen
class Arg:
    """A statement in an argument tree, with what supports and what attacks it.

    Example:
        >>> a = Arg(id="C1", kind="claim", text="Yes", party=None)
        >>> a.premises, a.objections, a.status
        ((), (), None)
    """

    id: str
    kind: str
    text: str
    party: PartyInfo | None
    doctrines: tuple[str, ...] = ()
    cites: tuple[Citation, ...] = ()
    note: str | None = None
    relation: str | None = None
    target: StatementRef | None = None
    scheme: str | None = None
    linked_with: tuple[str, ...] = ()
    premises: tuple[Arg, ...] = ()
    objections: tuple[Arg, ...] = ()
    ours: bool = False
    support: int = 0
    label: str = ""
    anchor: str = ""
    repeated: bool = False
    status: str | None = None
    explanation: str | None = None
    assumed: bool = False
    denied: bool = False
    clause: str = ""


@attrs.frozen
class Objection:
    """A statement of another side attacking one of ours inside a point, with our replies.

    Example:
        >>> o = Objection(Arg(id="R1", kind="rebuttal", text="No", party=None), "rebut",
        ...               StatementRef("C1", "claim", "Yes", None), "I", ())
        >>> o.target_label
        'I'
    """

    statement: Arg
    relation: str
    target: StatementRef
    target_label: str
    replies: tuple[Arg, ...]
    point: PointRef | None = None


@attrs.frozen
class Point:
    """One point of a brief's argument: a claim of the side, or an answer to another's.

    Example:
        >>> p = Point(1, "I", "point-1", "Grants may be withheld.", "claim", None,
        ...           Arg(id="C1", kind="claim", text="Grants may be withheld", party=None),
        ...           (), ())
        >>> p.label, p.kind
        ('I', 'claim')
    """

    number: int
    label: str
    anchor: str
    heading: str
    kind: str
    issue: IssueRef | None
    claim: Arg
    subpoints: tuple[Arg, ...]
    objections: tuple[Objection, ...]
    see_also: tuple[PointRef, ...] = ()
    also_answers: tuple[StatementRef, ...] = ()


@attrs.frozen
class SideView:
    """One side's arguments on an issue, strongest first.

    Example:
        >>> SideView(None, ()).strongest is None
        True
    """

    party: PartyInfo | None
    arguments: tuple[Arg, ...]

    @property
    def strongest(self) -> Arg | None:
        """The first of :attr:`arguments`, or ``None``.

        Example:
            >>> SideView(None, (Arg(id="C1", kind="claim", text="x", party=None),)).strongest.id
            'C1'
        """
        return self.arguments[0] if self.arguments else None


@attrs.frozen
class RuleEntry:
    """An authority relied on for an issue, for the Rule part of a memo.

    Example:
        >>> RuleEntry(Citation("x", None, "X", "X", "X", "X", "statute", "Statutes", True),
        ...           None, ()).holding is None
        True
    """

    citation: Citation
    holding: str | None
    relied_on_by: tuple[PartyInfo, ...]


@attrs.frozen
class Outcome:
    """The evaluation's answer to an issue under its proof standard.

    Example:
        >>> Outcome("accepted", "preponderance", "preponderance of the evidence", (), "x").status
        'accepted'
    """

    status: str
    standard: str | None
    standard_label: str | None
    winners: tuple[StatementRef, ...]
    explanation: str
    answer: str = ""


@attrs.frozen
class IssueView:
    """An issue with its sub-issues, the arguments on it, its rule and its outcome.

    Example:
        >>> i = IssueView(id="Q1", number="1", depth=0, text="?", anchor="issue-1")
        >>> i.sides, i.sub_issues, i.outcome
        ((), (), None)
    """

    id: str
    number: str
    depth: int
    text: str
    anchor: str
    standard: str | None = None
    standard_label: str | None = None
    burden: PartyInfo | None = None
    doctrines: tuple[str, ...] = ()
    cites: tuple[Citation, ...] = ()
    note: str | None = None
    parent: str | None = None
    sub_issues: tuple[IssueView, ...] = ()
    claims: tuple[Arg, ...] = ()
    sides: tuple[SideView, ...] = ()
    rule: tuple[RuleEntry, ...] = ()
    outcome: Outcome | None = None
    nature: str | None = None
    question: str = ""
    label: str = ""
    background: tuple[str, ...] = ()
    presented: bool = True
    rule_statement: str | None = None


@attrs.frozen
class ToaEntry:
    """One authority in the table of authorities.

    Example:
        >>> e = ToaEntry("s", "statute", "8 U.S.C. § 1373", "8 U.S.C. § 1373",
        ...              "8 U.S.C. § 1373", True)
        >>> e.points, e.issues
        ((), ())
    """

    id: str
    kind: str
    name: str
    citation: str
    short: str
    verified: bool
    court: str | None = None
    year: int | None = None
    holding: str | None = None
    url: str | None = None
    note: str | None = None
    pins: tuple[str, ...] = ()
    points: tuple[PointRef, ...] = ()
    issues: tuple[IssueRef, ...] = ()


@attrs.frozen
class ToaGroup:
    """A heading of the table of authorities with its entries, sorted.

    Example:
        >>> ToaGroup("Cases", ()).name
        'Cases'
    """

    name: str
    entries: tuple[ToaEntry, ...]


@attrs.frozen
class EvaluationInfo:
    """What evaluation the statuses come from.

    Example:
        >>> EvaluationInfo("grounded", (), ()).semantics
        'grounded'
    """

    semantics: str
    assumed: tuple[StatementRef, ...]
    rejected: tuple[StatementRef, ...]


@attrs.frozen
class Figure:
    """A per-issue diagram for a brief's appendix: inline SVG (HTML) or a PDF file (LaTeX).

    Example:
        >>> Figure("issue-1", "Question 1", "<svg/>", None).caption
        'Question 1'
    """

    anchor: str
    caption: str
    svg: str | None
    pdf: str | None
    landscape: bool = False


@attrs.frozen
class BriefContext:
    """Everything a brief template receives, as top-level variables.

    Example:
        >>> from argmap import ArgumentMap
        >>> build_context(ArgumentMap("Empty")).title
        'Empty'
    """

    title: str
    description: tuple[str, ...]
    template: str
    format: str
    side: PartyInfo | None
    opponents: tuple[PartyInfo, ...]
    parties: tuple[PartyInfo, ...]
    doctrines: tuple[DoctrineInfo, ...]
    issues: tuple[IssueView, ...]
    all_issues: tuple[IssueView, ...]
    points: tuple[Point, ...]
    unplaced: tuple[Arg, ...]
    authorities: tuple[ToaGroup, ...]
    unverified: bool
    evaluation: EvaluationInfo | None
    diagram: str | None
    diagram_note: str | None
    questions: tuple[IssueView, ...] = ()
    statement_of_case: tuple[tuple[str, tuple[str, ...]], ...] = ()
    relief: str = ""
    counsel: tuple[str, ...] = ()
    drafting: bool = False
    include_rejected: bool = False
    figures: tuple[Figure, ...] = ()
    memo_to: str = ""
    memo_from: str = ""
    date: str = ""

    def variables(self) -> dict[str, Any]:
        """The fields as a dict of template variables (not recursive).

        Example:
            >>> from argmap import ArgumentMap
            >>> sorted(build_context(ArgumentMap()).variables())[:3]
            ['all_issues', 'authorities', 'counsel']
        """
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self))}


# =========================================================================== text helpers

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WS = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """``text`` on one line: whitespace runs become one space, control characters go.

    Example:
        >>> clean("  two\\n lines\\x07 ")
        'two lines'
    """
    return _WS.sub(" ", _CONTROL.sub(" ", text)).strip()


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Split ``text`` at blank lines into cleaned paragraphs.

    Example:
        >>> paragraphs("First\\nline.\\n\\nSecond.")
        ('First line.', 'Second.')
    """
    if not text:
        return ()
    return tuple(p for p in (clean(part) for part in re.split(r"\n\s*\n", text)) if p)


def sentence(text: str) -> str:
    """``text`` with terminal punctuation added when it has none.

    Example:
        >>> sentence("Congress delegated the power"), sentence("Is it?")
        ('Congress delegated the power.', 'Is it?')
    """
    t = clean(text)
    if not t or re.search(r"[.!?…][\"'”’)\]]*$", t):
        return t
    return t + "."


def clause(text: str) -> str:
    """``text`` without its closing period, colon or semicolon, to quote inside a sentence.

    Example:
        >>> clause("Congress delegated the power."), clause("Is it?")
        ('Congress delegated the power', 'Is it?')
    """
    return re.sub(r"[.;:]+$", "", clean(text))


_FUNCTION_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "Each",
        "Every",
        "All",
        "Any",
        "No",
        "Such",
        "Only",
        "Where",
        "When",
        "If",
        "Even",
        "Because",
        "Neither",
        "Nor",
        "Both",
        "Some",
        "Most",
        "Many",
        "Nothing",
        "None",
        "Whatever",
    ]
)


def lower_first(text: str) -> str:
    """``text`` to follow a comma: a leading article or pronoun lower-cased, names kept.

    Example:
        >>> lower_first("The Court should affirm."), lower_first("Santa Clara asks relief.")
        ('the Court should affirm.', 'Santa Clara asks relief.')
    """
    t = clean(text)
    word = t.split(" ", 1)[0]
    return word.lower() + t[len(word) :] if word in _FUNCTION_WORDS else t


def roman(number: int) -> str:
    """Upper-case Roman numeral, for point labels.

    Example:
        >>> roman(4), roman(14), roman(1990)
        ('IV', 'XIV', 'MCMXC')
    """
    out = []
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


def alpha(number: int) -> str:
    """Upper-case letter label: 1 → A, 26 → Z, 27 → AA.

    Example:
        >>> alpha(1), alpha(26), alpha(28)
        ('A', 'Z', 'AB')
    """
    out = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def _level_label(depth: int, number: int) -> str:
    """Label of the ``number``-th item at ``depth`` below a point: A, 1, a, i, then (1)."""
    if depth == 1:
        return alpha(number)
    if depth == 2:
        return str(number)
    if depth == 3:
        return alpha(number).lower()
    if depth == 4:
        return roman(number).lower()
    return f"({number})"


_ANSWER_WORD = re.compile(r"^(?:yes|no)\s*(?:[:;,—–]|-{1,2})\s*(?=\S)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")


def _proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Capitalised words found other than at the start of a sentence: likely names."""
    found: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            before = text[: match.start()].rstrip()
            if word[0].isupper() and before and before[-1] not in '.!?:;"“(':
                found.add(word)
    return frozenset(found)


#: "Yes, in several circuits: …": an answer word, a short qualifier, then the proposition.
_QUALIFIED = re.compile(
    r"^(?:yes|no)\s*,\s*(?P<qual>(?:in|on|at|under|within|where|when|whenever|if|unless|only|"
    r"not|as|for|to|except|absent|after|before|once|provided|subject|insofar|partly|"
    r"generally|mostly|largely|usually|probably|arguably)\b[^:;.!?]{0,80}?)"
    r"\s*(?::|\s[—–]\s|\s--\s)\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _strip_answer(text: str) -> str:
    """A claim's text as a proposition, without the answer word that opens it.

    ``"Yes: the city may decline"`` gives ``"the city may decline"``. A qualified answer,
    ``"Yes, in several circuits: holding …"`` (a qualifier opens with a preposition or
    a word like "where", "only", "not"), keeps it as an opening phrase
    (``"In several circuits, holding …"``), except a negative one (``"No, not as the
    Executive has tried: only Congress …"``), which only repeats the answer.

    Example:
        >>> _strip_answer("Yes, in one respect: removals fall.")
        'In one respect, removals fall.'
        >>> _strip_answer("No, not as the Executive has tried: only Congress may.")
        'only Congress may.'
        >>> _strip_answer("No: the statute is silent.")
        'the statute is silent.'
        >>> _strip_answer("Yes, the city may decline: it has discretion.")
        'the city may decline: it has discretion.'
    """
    t = clean(text)
    qualified = _QUALIFIED.match(t)
    if qualified:
        qual, rest = qualified["qual"].strip(" ,"), qualified["rest"]
        if re.match(r"(?i)not\b", qual) or not qual:
            return rest
        return f"{qual[:1].upper()}{qual[1:]}, {rest}"
    stripped = _ANSWER_WORD.sub("", t)
    return stripped or t


def _heading(text: str) -> str:
    """A claim as a point heading: answer word dropped, capitalised, punctuated."""
    t = _strip_answer(text)
    return sentence(t[:1].upper() + t[1:])


def _quoted_clause(text: str, proper: frozenset[str]) -> str:
    """A claim quoted inside a sentence: ``“[a]gencies may …”`` (Bluebook alteration)."""
    t = _strip_answer(text)
    t = re.sub(r"[.;:]+$", "", t)
    match = _WORD.match(t)
    if match:
        word = match.group()
        if (
            word[0].isupper()
            and (len(word) == 1 or word[1:].islower())
            and word not in proper
            and word != "I"
        ):
            t = f"[{word[0].lower()}]{t[1:]}"
    return f"“{t}”"


#: Words that are names even where a map only writes them at the start of a sentence.
_NAMES = frozenset(
    {
        "Congress",
        "Constitution",
        "Court",
        "President",
        "Executive",
        "Senate",
        "House",
        "Government",
        "Legislature",
        "Attorney",
        "Secretary",
        "Department",
    }
)


def _lower_first(text: str, proper: frozenset[str], common: frozenset[str] = frozenset()) -> str:
    """``text`` with its first word lower-cased unless it is a name.

    A name is a word the map capitalises in mid-sentence (``proper``), one of a few
    institutional names ("Congress", "Court"), or an acronym; a word the map also writes
    in lower case (``common``) is never a name.

    Example:
        >>> _lower_first("Preemption needs a valid law", frozenset())
        'preemption needs a valid law'
        >>> _lower_first("Congress may not command", frozenset())
        'Congress may not command'
    """
    match = _WORD.match(text)
    if match:
        word = match.group()
        name = (word in proper or word in _NAMES) and word.lower() not in common
        if not name and (word[1:].islower() or len(word) == 1) and word != "I":
            return word.lower() + text[len(word) :]
    return text


def _common_words(texts: Iterable[str]) -> frozenset[str]:
    """The words written in lower case somewhere in ``texts``."""
    return frozenset(w for t in texts for w in _WORD.findall(t) if w.islower())


def _relabel(a: Arg, label: str) -> Arg:
    """``a`` labelled ``label``, its premises numbered again below it (A, 1, a, i, (1))."""
    if not label:
        return a
    depth = label.count(".")
    premises = tuple(
        _relabel(p, f"{label}.{_level_label(depth + 1, n)}") for n, p in enumerate(a.premises, 1)
    )
    return attrs.evolve(a, label=label, premises=premises)


def _point_heading(
    claim: Claim,
    own: bool,
    first: Arg | None,
    proper: frozenset[str],
    common: frozenset[str] = frozenset(),
) -> str:
    """A point heading: one full sentence stating the conclusion and, when the map gives
    one, the reason ("… because …").

    Example:
        >>> from argmap.model import Claim
        >>> c = Claim(id="C1", text="Yes: grants may be conditioned", party="a")
        >>> r = Arg(id="P1", kind="premise", text="Congress delegated the power.", party=None)
        >>> _point_heading(c, True, r, frozenset())
        'Grants may be conditioned, because Congress delegated the power.'
        >>> _point_heading(c, False, None, frozenset())
        'The contention that “grants may be conditioned” is mistaken.'
        >>> o = Arg(id="R1", kind="rebuttal", text="Only Congress may.", party=None)
        >>> _point_heading(c, False, o, frozenset())
        'The contention that “grants may be conditioned” is mistaken, because only Congress may.'
        >>> d = Claim(id="C2", text="Yes: detention is a seizure; not every circuit agrees", party="a")
        >>> _point_heading(d, True, r, frozenset())
        'Detention is a seizure, because Congress delegated the power; not every circuit agrees.'
        >>> u = Arg(id="U1", kind="undercutter", text="Delegation is no reason.", party=None,
        ...         relation="undercut")
        >>> _point_heading(c, False, u, frozenset())
        'The contention that “grants may be conditioned” does not follow, because delegation is no reason.'
    """
    if own:
        head = clause(_heading(claim.text))
    else:
        # an answer that attacks only a step or a premise does not call the claim false
        verdict = {
            "undercut": "does not follow",
            "undermine": "rests on a premise that fails",
        }.get((first.relation or "") if first is not None else "", "is mistaken")
        head = f"The contention that {_quoted_clause(claim.text, proper)} {verdict}"
    if first is not None and (not own or " because " not in f" {head.lower()} "):
        reason = _lower_first(clause(_strip_answer(first.text)), proper, common)
        cut = head.find(";")
        if own and cut > 0 and ";" not in reason:
            # "P; not every court agrees": the reason goes with P, not with the concession
            return sentence(f"{head[:cut]}, because {reason}{head[cut:]}")
        return sentence(f"{head}, because {reason}")
    return sentence(head)


_ANCHOR_SAFE = re.compile(r"[^A-Za-z0-9.-]")


def _anchor(prefix: str, ident: str) -> str:
    """An HTML id / LaTeX label for ``ident``, distinct for distinct ids.

    Letters, digits, ``.`` and ``-`` are kept; ``_`` is doubled; any other character
    becomes ``_hex_``, so ``C1.1``, ``C1_1``, ``C1:1`` and ``C1/1`` stay apart.

    Example:
        >>> [_anchor("s", i) for i in ("C1.1", "C1_1", "C1:1", "C1/1")]
        ['s-C1.1', 's-C1__1', 's-C1_3a_1', 's-C1_2f_1']
    """

    def escape(match: re.Match[str]) -> str:
        char = match[0]
        return "__" if char == "_" else f"_{ord(char):x}_"

    return f"{prefix}-{_ANCHOR_SAFE.sub(escape, ident)}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=4096)
def toa_sort_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for the table of authorities.

    Case-insensitive and accent-blind, ignoring a leading "In re", "Ex parte" or
    "The", with numbers compared as numbers (8 U.S.C. before 18 U.S.C.).

    Example:
        >>> names = ["The Paquete Habana", "18 U.S.C. § 1071", "In re Neagle",
        ...          "8 U.S.C. § 1373", "Arizona v. United States"]
        >>> for name in sorted(names, key=toa_sort_key):
        ...     print(name)
        8 U.S.C. § 1373
        18 U.S.C. § 1071
        Arizona v. United States
        In re Neagle
        The Paquete Habana
    """
    s = _fold(clean(name))
    s = re.sub(r"^(?:in re|ex parte|the)\s+", "", s)
    s = re.sub(r"^[^\w]+", "", s)
    out: list[tuple[int, int | str]] = []
    for part in re.split(r"(\d+)", s):
        if part:
            out.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(out)


# =========================================================================== building


_NBSP = re.compile(r"(?<=§)\s+|(?<=¶)\s+|(?<=\d)\s+(?=U\.S\.C\.|C\.F\.R\.)")


def typeset(citation: str) -> str:
    """A citation on one line, with no-break spaces after § and ¶ and before U.S.C./C.F.R.

    Example:
        >>> typeset("8 U.S.C.  § 1373") == "8\u00a0U.S.C. §\u00a01373"
        True
    """
    return _NBSP.sub("\u00a0", clean(citation))


def _subsection(a: Authority, pin: str | None) -> bool:
    """A pin that is a subsection ("(a)(1)") of a provision: written ``§ 287.7(a)``."""
    return pin is not None and a.kind != "case" and pin.startswith("(")


def _full_cite(a: Authority, pin: str | None) -> str:
    """The full citation; a case cite written without its name ("483 U.S. 203") gets it."""
    text = a.cite + pin if _subsection(a, pin) and pin else a.citation_at(pin)
    if a.kind == "case" and re.match(r"\s*(?:\d|No\.)", a.cite):
        text = f"{a.name}, {text}"
    return typeset(text)


#: First parties that Bluebook short forms skip (the United States is handled apart).
_STATES = frozenset(
    (
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "West Virginia",
        "Wisconsin",
        "Wyoming",
        "People",
        "State",
        "Commonwealth",
    )
)


def _short_name(a: Authority) -> str:
    """The name used in short forms, naming the other party when the first is governmental.

    Bluebook practice: "*Dole*, 483 U.S. at 211", not "South Dakota, …"; "*California*"
    for *United States v. California*. An authority's own ``short`` always wins.
    """
    if a.kind == "case" and a.short is None and " v. " in a.name:
        first, second = (p.strip() for p in a.name.split(" v. ", 1))
        governmental = first == "United States" or (
            first in _STATES and second != "United States" and second not in _STATES
        )
        if governmental and second:
            return clean(second)
    return clean(a.short_name)


_DOCKET = re.compile(r"\bNo\. ([\w:.\-]+)")
_COURT_IN_NAME = re.compile(r"\s*\([^()]*\)$")


def _case_name(a: Authority) -> str:
    """The case name as printed: a disambiguating "(7th Cir.)" kept in a map's name goes."""
    return clean(_COURT_IN_NAME.sub("", a.name)) if a.kind == "case" else clean(a.name)


def _short_form(a: Authority, pin: str | None, name: str | None = None) -> str:
    """:meth:`Authority.short_form` with the short name of :func:`_short_name`.

    A case known only by a docket number keeps it ("*Illinois*, No. 1:25-cv-1, at 4"),
    so a short form always carries a cite (Bluebook 10.9).
    """
    name = name or _short_name(a)
    if _subsection(a, pin) and pin:
        return typeset(name + pin)
    if a.kind == "case" and a._reporter() is None:
        docket = _DOCKET.search(a.cite)
        if docket:
            text = f"{name}, No. {docket[1].rstrip('.')}"
            return typeset(f"{text}, at {pin}" if pin else text)
    if name.strip() and name != a.short_name:  # an empty short name keeps the model's
        a = attrs.evolve(a, short=name)
    return typeset(a.short_form(pin))


def _history(a: Authority) -> str | None:
    """Subsequent history to print after the full citation, unless the cite has it."""
    if not a.history:
        return None
    history = clean(a.history).rstrip(".")
    return None if history in a.cite else history


#: Kinds whose explicit short name a first citation introduces with [hereinafter ...].
_HEREINAFTER_KINDS = frozenset({"memo", "executive-order", "statute", "regulation", "report"})


def _hereinafter(a: Authority, name: str) -> str | None:
    """``name`` when the reader could not find it in the full citation (Bluebook 4.2(b))."""
    if a.kind == "case":
        return name if name != _short_name(a) else None  # a disambiguated case name
    if a.kind in _HEREINAFTER_KINDS and a.short and name not in a.cite:
        return clean(name)
    return None


def unambiguous_short_names(authorities: Iterable[Authority]) -> dict[str, str]:
    """Short names made unique: authorities sharing one get their court and year.

    Only case names that stand alone (no reporter cite after them) need it: "*City of
    Chicago*, 888 F.3d at 280" is unambiguous, "*City of Chicago*" is not.

    Example:
        >>> from argmap.model import Authority
        >>> a = Authority("a", "case", "City of Chicago v. Sessions", "No. 1 (7th Cir. 2018)",
        ...               court="7th Cir.", year=2018)
        >>> b = Authority("b", "case", "City of Chicago v. Sessions", "No. 2 (N.D. Ill. 2017)",
        ...               court="N.D. Ill.", year=2017)
        >>> unambiguous_short_names([a, b])
        {'a': 'City of Chicago (7th Cir. 2018)', 'b': 'City of Chicago (N.D. Ill. 2017)'}
    """
    by_name: dict[str, list[Authority]] = {}
    for a in authorities:
        by_name.setdefault(_short_name(a).casefold(), []).append(a)
    out: dict[str, str] = {}
    for group in by_name.values():
        if len(group) < 2:
            continue
        for a in group:
            if a.kind == "case" and a._reporter() is not None:
                continue
            when = " ".join(str(x) for x in (a.court, a.year) if x)
            if when:
                out[a.id] = f"{_short_name(a)} ({when})"
    return out


_EVIDENTIARY = ("fact", "mixed")


def _evidentiary(nature: str | None, standard: str | None) -> str | None:
    """The standard as printed: only for a question of fact (or mixed), never for law.

    Example:
        >>> _evidentiary("fact", "preponderance"), _evidentiary("law", "preponderance")
        ('a preponderance of the evidence', None)
    """
    if nature not in _EVIDENTIARY or not standard:
        return None
    return _STANDARD_LABELS.get(standard, standard)


_T = TypeVar("_T")


def _preorder(roots: Iterable[_T], children: Callable[[_T], Iterable[_T]]) -> Iterator[_T]:
    """``roots`` and everything below them, each before its children, depth first.

    A loop, not a nested recursive function: those hold themselves (and what they
    collect) in a reference cycle after the call, and a deep tree cannot overflow
    the stack.

    Example:
        >>> tree = {"a": ["b", "d"], "b": ["c"]}
        >>> list(_preorder(["a", "e"], lambda n: tree.get(n, [])))
        ['a', 'b', 'c', 'd', 'e']
    """
    stack = list(roots)[::-1]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(list(children(node))[::-1])


def _everything(a: Arg) -> tuple[Arg, ...]:
    return (*a.premises, *a.objections)


def _rule_statement(m: ArgumentMap, claims: tuple[Arg, ...]) -> tuple[str, str] | None:
    """The rule of an issue in a sentence: the holding of its highest legal authority.

    Empirical sources (studies, reports) never state a rule: they belong to application.
    """
    best: tuple[int, str, str] | None = None
    for a in _preorder(claims, _everything):
        for c in a.cites:
            auth = m.get_authority(c.authority)
            if auth.holding and auth.kind not in ("study", "report"):
                rank = _RULE_ORDER.index(_GROUP_OF[auth.kind])
                if best is None or rank < best[0]:
                    best = (rank, sentence(auth.holding), auth.id)
    return (best[1], best[2]) if best else None


def _rule_first(
    entries: tuple[RuleEntry, ...], rule: tuple[str, str] | None
) -> tuple[RuleEntry, ...]:
    """The rule entries with the source of the rule statement first."""
    if rule is None:
        return entries
    first = [e for e in entries if e.citation.authority == rule[1]]
    return (*first, *(e for e in entries if e.citation.authority != rule[1]))


def _claim_name(claim: Claim) -> str:
    """What a memo calls a claim: its title, else its proposition shortened (no id, and
    no "Yes:" or "No:" that would read as the memo's own answer).

    Example:
        >>> _claim_name(Claim(id="C1", text="No: the contract is void for duress"))
        'The contract is void for duress'
    """
    if claim.title:
        return clause(clean(claim.title))
    text = clause(_strip_answer(claim.text))
    return shorten(text[:1].upper() + text[1:], 64)


def _brief_answer(status: str, winners: tuple[StatementRef, ...], claims: list[Claim]) -> str:
    """A memo's Brief Answer in one or two sentences, naming no ids.

    Example:
        >>> w = StatementRef("C1", "claim", "Yes: grants may be conditioned",
        ...                  PartyInfo("us", "the United States", None))
        >>> _brief_answer("accepted", (w,), [])
        'Probably yes. Grants may be conditioned, as the United States argues.'
    """
    if status == "accepted" and winners:
        first = winners[0]
        text = clean(first.text)
        word = _ANSWER_WORD.match(text)
        rest = clause(_strip_answer(text))
        rest = rest[:1].upper() + rest[1:]
        party = first.party
        verb = "argue" if party is not None and party.plural else "argues"
        who = f", as {party.short or party.name} {verb}" if party is not None else ""
        lead = f"Probably {word[0].strip(' :;,—–-').lower()}." if word else "Probably so."
        return f"{lead} {rest}{who}."
    if claims:
        names = " and ".join(f"“{_claim_name(c)}”" for c in claims[:2])
        verb = "remain" if len(claims) > 1 else "remains"
        return f"Uncertain. On the arguments mapped, {names} {verb} in dispute."
    return "Open. The map records no answer to this question; see any questions it comprises."


# The context is built in four steps, one class each, every one extending the one before:
#   _Lookups  the map's graph, memoised, and the leaves (parties, citations, statuses);
#   _Trees    argument trees (Arg): premises below a statement, objections beside it;
#   _Issues   the issue tree (IssueView): claims, sides strongest first, rule, outcome;
#   _Points   a brief's points (Point) for one side: plan, prune, merge, label, answer.
# _Builder is the last of them; build_context() drives it.


class _Lookups:
    """Step 1: the map's graph lookups (memoised) and the leaves of the context."""

    def __init__(
        self,
        m: ArgumentMap,
        ev: EvaluationLike | None,
        side: str | None,
        include_rejected: bool = True,
    ) -> None:
        self.m = m
        self.ev = ev
        self.side = side
        self.include_rejected = include_rejected
        self.parties = {p.id: party_info(p) for p in m.parties.values()}
        self.doctrine_names = {d.id: clean(d.name) for d in m.doctrines.values()}
        self._citations: dict[tuple[Cite, str | None], Citation] = {}
        #: anchor of the point or issue whose tree is being built, stamped on citations
        self.where: str | None = None
        self._status: dict[str, tuple[str | None, str | None]] = {}
        self.assumed = frozenset(ev.assumed) if ev is not None else frozenset()
        self.denied = frozenset(ev.rejected) if ev is not None else frozenset()
        self.placed: set[str] = set()
        self._inferences: dict[str, list[Inference]] = {}
        self._conflicts: dict[str, list[Conflict]] = {}
        self._kinds: dict[str, str] = {}
        self.short_names = unambiguous_short_names(m.authorities.values())
        texts = [s.text for s in m.statements.values()] + [m.title or ""]
        # a party's name is a name even where a statement only opens with it ("Bob signed")
        self.common = _common_words(texts)
        names = {
            w
            for p in self.parties.values()
            for w in _WORD.findall(f"{p.name} {p.short}")
            if w[:1].isupper() and w.lower() not in self.common
        }
        self.proper = _proper_nouns(texts) | names

    # ------------------------------------------------------------------ graph lookups
    # (memoised: the same statements are visited once per tree they appear in)

    def inferences_for(self, ident: str) -> list[Inference]:
        found = self._inferences.get(ident)
        if found is None:
            found = self._inferences[ident] = self.m.inferences_for(ident)
        return found

    def conflicts_against(self, ident: str) -> list[Conflict]:
        found = self._conflicts.get(ident)
        if found is None:
            found = self._conflicts[ident] = self.m.conflicts_against(ident)
        return found

    def conflict_kind(self, k: Conflict) -> str:
        found = self._kinds.get(k.id)
        if found is None:
            found = self._kinds[k.id] = self.m.conflict_kind(k)
        return found

    # ------------------------------------------------------------------ leaves

    def party(self, ident: str | None) -> PartyInfo | None:
        return self.parties.get(ident) if ident else None

    def ref(self, stmt: Statement) -> StatementRef:
        return StatementRef(
            stmt.id,
            stmt.kind,
            clean(stmt.text),
            self.party(stmt.party),
            clean(stmt.label),
            _lower_first(clause(_strip_answer(stmt.text)), self.proper, self.common),
        )

    def citation(self, cite: Cite) -> Citation:
        found = self._citations.get((cite, self.where))
        if found is None:
            base = self._citations.get((cite, None))
            if base is None:
                a = self.m.get_authority(cite.authority)
                name = self.short_names.get(a.id) or _short_name(a)
                base = Citation(
                    authority=a.id,
                    pin=cite.pin,
                    full=_full_cite(a, cite.pin),
                    short=_short_form(a, cite.pin, name),
                    name=_case_name(a),
                    short_name=name,
                    kind=a.kind,
                    group=_GROUP_OF[a.kind],
                    verified=a.verified,
                    signal=cite.signal,
                    quote=clean(cite.quote) if cite.quote else None,
                    history=_history(a),
                    hereinafter=_hereinafter(a, name),
                    at=cite.pin if a.kind == "case" and cite.pin else None,
                )
                self._citations[(cite, None)] = base
            found = base if self.where is None else attrs.evolve(base, where=self.where)
            self._citations[(cite, self.where)] = found
        return found

    def status(self, ident: str) -> tuple[str | None, str | None]:
        if self.ev is None:
            return None, None
        found = self._status.get(ident)
        if found is None:
            found = (str(self.ev.status(ident)), clean(str(self.ev.explain(ident))))
            self._status[ident] = found
        return found


class _Trees(_Lookups):
    """Step 2: argument trees, and the statements outside any issue."""

    def arg(
        self,
        ident: str,
        *,
        relation: str | None = None,
        parent: Statement | None = None,
        via: Inference | Conflict | None = None,
        ours: bool | None = None,
        label: str = "",
        path: frozenset[str] = frozenset(),
    ) -> Arg:
        """The tree below statement ``ident``, reached from ``parent`` through ``via``."""
        stmt = self.m.statement(ident)
        self.placed.add(ident)
        if stmt.party is not None:
            mine = stmt.party == self.side
        elif ours is not None:
            mine = ours
        else:
            mine = self.side is None
        status, explanation = self.status(ident)
        common: dict[str, Any] = {
            "id": stmt.id,
            "kind": stmt.kind,
            "text": clean(stmt.text),
            "party": self.party(stmt.party),
            "doctrines": tuple(self.doctrine_names.get(d, d) for d in stmt.doctrines),
            "cites": tuple(self.citation(c) for c in stmt.cites),
            "note": clean(stmt.note) if stmt.note else None,
            "relation": relation,
            "target": self.ref(parent) if parent is not None else None,
            "scheme": via.scheme if isinstance(via, Inference) else None,
            "linked_with": tuple(p for p in via.premises if p != ident)
            if isinstance(via, Inference)
            else (),
            "ours": mine,
            "label": label,
            "anchor": _anchor("s", stmt.id),
            "status": status,
            "explanation": explanation,
            "assumed": stmt.id in self.assumed,
            "denied": stmt.id in self.denied,
            "clause": _lower_first(clause(_strip_answer(stmt.text)), self.proper, self.common),
        }
        rival = (  # a claim answering an issue has a tree of its own: not repeated here
            relation not in (None, "support") and isinstance(stmt, Claim) and bool(stmt.answers)
        )
        if stmt.id in path or len(path) >= MAX_DEPTH or rival:
            return Arg(**common, repeated=True)
        below = path | {stmt.id}
        depth = label.count(".")

        premises: list[Arg] = []
        objections: list[Arg] = []
        seen: set[str] = set()
        for inf in self.inferences_for(stmt.id):
            for p in inf.premises:
                if p in seen:
                    continue
                seen.add(p)
                sub = f"{label}.{_level_label(depth + 1, len(premises) + 1)}" if label else ""
                premises.append(
                    self.arg(
                        p,
                        relation="support",
                        parent=stmt,
                        via=inf,
                        ours=mine,
                        label=sub,
                        path=below,
                    )
                )
            if len(inf.premises) > 1:  # a linked inference: undercuts belong to the conclusion
                first = self.m.statement(inf.premises[0])
                objections.extend(self._undercuts(inf, first, mine, below))
            elif not inf.premises:  # an axiomatic inference: undercuts deny the conclusion
                objections.extend(self._undercuts(inf, stmt, mine, below))
        for k in self.conflicts_against(stmt.id):
            objections.append(
                self.arg(
                    k.attacker,
                    relation=self.conflict_kind(k),
                    parent=stmt,
                    via=k,
                    ours=not mine,
                    path=below,
                )
            )
        if via is not None and not (isinstance(via, Inference) and len(via.premises) > 1):
            objections.extend(self._undercuts(via, stmt, mine, below))
        support = sum(1 + p.support for p in premises)
        return Arg(
            **common, premises=tuple(premises), objections=tuple(objections), support=support
        )

    def _undercuts(
        self, rel: Inference | Conflict, source: Statement, mine: bool, path: frozenset[str]
    ) -> list[Arg]:
        """Undercutters of ``rel``; their target is the statement the relation starts from."""
        return [
            self.arg(
                k.attacker, relation="undercut", parent=source, via=k, ours=not mine, path=path
            )
            for k in self.conflicts_against(rel.id)
        ]

    def unplaced(self) -> tuple[Arg, ...]:
        """Trees of the statements under no issue (whatever is left sits on a cycle)."""
        self.where = "unplaced"
        out: list[Arg] = []
        stmts = [s for s in self.m.statements.values() if not isinstance(s, Issue)]
        for stmt in stmts:
            answers = isinstance(stmt, Claim) and stmt.answers
            if stmt.id not in self.placed and not answers and not self.m.relations_from(stmt.id):
                out.append(self.arg(stmt.id))
        for stmt in stmts:  # whatever is left sits on a cycle: start from its first member
            if stmt.id not in self.placed:
                out.append(self.arg(stmt.id))
        return tuple(out)


class _Issues(_Trees):
    """Step 3: the issue tree, with each issue's sides, rule and outcome."""

    def issues(self) -> tuple[tuple[IssueView, ...], tuple[IssueView, ...]]:
        known = {i.id for i in self.m.issues}
        tops = [i for i in self.m.issues if not i.parent or i.parent not in known]
        top_views = tuple(
            self._issue_view(i, str(n), 0, frozenset()) for n, i in enumerate(tops, 1)
        )
        # the flat list again from the finished tree, so sub_issues are filled in everywhere
        ordered = tuple(_preorder(top_views, lambda v: v.sub_issues))
        return top_views, ordered

    def _issue_view(self, issue: Issue, number: str, depth: int, seen: frozenset[str]) -> IssueView:
        """One issue's view, with its sub-issues' views below it."""
        self.placed.add(issue.id)
        self.where = "issue-" + number.replace(".", "_")
        claims = tuple(self.arg(c.id) for c in self.m.answers(issue))
        children = [i for i in self.m.sub_issues(issue) if i.id not in seen]
        rule = _rule_statement(self.m, claims)
        view = IssueView(
            id=issue.id,
            number=number,
            depth=depth,
            text=clean(issue.text),
            anchor=self.where,
            standard=issue.standard,
            standard_label=_evidentiary(issue.nature, issue.standard),
            burden=self.party(issue.burden),
            doctrines=tuple(self.doctrine_names.get(d, d) for d in issue.doctrines),
            cites=tuple(self.citation(c) for c in issue.cites),
            note=clean(issue.note) if issue.note else None,
            parent=issue.parent,
            claims=claims,
            sides=self.sides(claims),
            rule=_rule_first(self.rule(claims), rule),
            outcome=self.outcome(issue),
            nature=issue.nature,
            question=sentence(issue.framed_for(self.side)),
            label=clean(issue.label),
            background=paragraphs(issue.background),
            presented=issue.nature != "policy" or self.side in dict(issue.framings),
            rule_statement=rule[0] if rule else None,
        )
        subs = tuple(
            self._issue_view(child, f"{number}.{n}", depth + 1, seen | {issue.id})
            for n, child in enumerate(children, 1)
        )
        return attrs.evolve(view, sub_issues=subs)

    def outcome(self, issue: Issue) -> Outcome | None:
        if self.ev is None:
            return None
        out = self.ev.outcome(issue.id)
        winners = tuple(
            self.ref(self.m.statement(w)) for w in out.winners if w in self.m.statements
        )
        standard = str(out.standard) if out.standard else None
        status = str(out.status)
        return Outcome(
            status=status,
            standard=standard,
            standard_label=_evidentiary(issue.nature, standard),
            winners=winners,
            explanation=clean(str(out.explanation)),
            answer=_brief_answer(status, winners, self.m.answers(issue)),
        )

    def sides(self, claims: tuple[Arg, ...]) -> tuple[SideView, ...]:
        """Each party's arguments on an issue: its claims and its attacks on others' claims."""
        by_party: dict[str | None, list[tuple[int, Arg]]] = {}
        order = 0

        added: set[str] = set()

        def add(party: str | None, a: Arg) -> None:
            nonlocal order
            if a.id in added:  # a claim that also attacks a rival answer: listed once
                return
            added.add(a.id)
            by_party.setdefault(party, []).append((order, a))
            order += 1

        for c in claims:
            owner = c.party.id if c.party else None
            add(owner, c)
        for c in claims:
            owner = c.party.id if c.party else None
            for held in _preorder([c], lambda a: a.premises):
                for o in held.objections:
                    if o.party is None or o.party.id != owner:
                        add(o.party.id if o.party else None, o)
        ordered_parties: list[str | None] = [p for p in self.parties if p in by_party]
        if self.side in ordered_parties:
            ordered_parties.remove(self.side)
            ordered_parties.insert(0, self.side)
        if None in by_party:
            ordered_parties.append(None)

        def strength(item: tuple[int, Arg]) -> tuple[int, int, int]:
            pos, a = item
            rank = _STATUS_RANK.get(a.status or "", 1) if self.ev is not None else 0
            return (rank, -a.support, pos)

        return tuple(
            SideView(self.party(p), tuple(a for _, a in sorted(by_party[p], key=strength)))
            for p in ordered_parties
        )

    def rule(self, claims: tuple[Arg, ...]) -> tuple[RuleEntry, ...]:
        relied: dict[str, list[str | None]] = {}
        for node in _preorder(claims, _everything):
            for c in node.cites:
                relying = relied.setdefault(c.authority, [])
                party = node.party.id if node.party else None
                if party not in relying:
                    relying.append(party)
        entries = []
        for ident, who in relied.items():
            a = self.m.get_authority(ident)
            if a.kind in ("study", "report"):  # empirical: application, never the rule
                continue
            cit = self.citation(Cite(ident))
            parties = tuple(self.parties[p] for p in self.parties if p in who)
            entries.append(RuleEntry(cit, clean(a.holding) if a.holding else None, parties))
        entries.sort(
            key=lambda e: (
                _RULE_ORDER.index(e.citation.group),
                toa_sort_key(e.citation.full),
                e.citation.full,
            )
        )
        return tuple(entries)


class _Points(_Issues):
    """Step 4: the points of a brief for one side."""

    def plan(
        self, issues: tuple[IssueView, ...], unplaced: tuple[Arg, ...]
    ) -> list[tuple[IssueRef | None, Claim, bool]]:
        """The claims a brief argues, in order: per issue ours, then the others' to answer."""
        plan: list[tuple[IssueRef | None, Claim, bool]] = []
        for view in issues:
            ref: IssueRef | None = IssueRef(view.id, view.number, view.text, view.anchor)
            answering = self.m.answers(view.id)
            plan += [(ref, c, True) for c in answering if c.party == self.side]
            plan += [(ref, c, False) for c in answering if c.party != self.side]
        for a in unplaced:
            stmt = self.m.statement(a.id)
            if isinstance(stmt, Claim):
                plan.append((None, stmt, stmt.party == self.side))
        return plan

    def dropped(self, a: Arg) -> bool:
        """Our statement the evaluation rejects, left out unless ``include_rejected``."""
        return not self.include_rejected and a.ours and a.status == "rejected"

    def prune(self, a: Arg) -> Arg:
        """``a`` without our rejected statements below it (premises, replies), relabelled."""
        if self.include_rejected:
            return a
        premises = tuple(self.prune(p) for p in a.premises if not self.dropped(p))
        objections = tuple(self.prune(o) for o in a.objections if not self.dropped(o))
        return _relabel(attrs.evolve(a, premises=premises, objections=objections), a.label)

    def point_body(
        self, claim: Claim, own: bool, label: str, refs: Mapping[str, PointRef]
    ) -> tuple[Arg, tuple[Arg, ...]] | None:
        """The tree and sub-points of a point, or ``None`` when there is nothing to argue."""
        if own:
            tree = self.arg(claim.id, ours=True, label=label)
            if self.dropped(tree):
                return None
            tree = self.prune(tree)
            return tree, tree.premises
        tree = self.arg(claim.id, ours=False)
        subs = tuple(self.prune(s) for s in self._answers(tree, label, refs) if not self.dropped(s))
        subs = tuple(_relabel(s, f"{label}.{alpha(n)}") for n, s in enumerate(subs, 1))
        return tree, subs

    def related(self, claim: Claim, own: bool) -> list[str]:
        """The rival claims a claim contradicts, whichever way the map draws the attack."""
        forward = [k.target for k in self.m.relations_from(claim.id) if isinstance(k, Conflict)]
        backward = [a.id for a in self.m.attackers(claim.id)]
        return forward + backward if own else backward + forward

    def points(self, issues: tuple[IssueView, ...], unplaced: tuple[Arg, ...]) -> tuple[Point, ...]:
        """The points of the brief: stubs merged, our rejected statements left out.

        A point with nothing of its own to say (no sub-point, no citation) that only
        cross-refers to a rival point is merged into it (``also_answers``); an answer
        to the other side with no argument of ours left is dropped.
        """
        plan = self.plan(issues, unplaced)
        planned = {c.id: PointRef("I", "point-1", "") for _, c, _ in plan}
        kept, stubs = self.sort_stubs(plan, planned)
        refs = self.headings(kept, planned)
        merged = self.merge_stubs(stubs, refs)
        return tuple(
            self.point(number, ref, claim, own, refs, planned, merged)
            for number, (ref, claim, own) in enumerate(kept, 1)
        )

    def sort_stubs(
        self, plan: list[tuple[IssueRef | None, Claim, bool]], planned: dict[str, PointRef]
    ) -> tuple[list[tuple[IssueRef | None, Claim, bool]], list[tuple[Claim, bool]]]:
        """The planned points that have something to say, and the stubs that do not."""
        kept: list[tuple[IssueRef | None, Claim, bool]] = []
        stubs: list[tuple[Claim, bool]] = []
        for ref, claim, own in plan:
            body = self.point_body(claim, own, "I", planned)  # labels are provisional
            if body is None:
                continue
            tree, subs = body
            if subs or (own and tree.cites):
                kept.append((ref, claim, own))
            else:
                stubs.append((claim, own))
        return kept, stubs

    def headings(
        self, kept: list[tuple[IssueRef | None, Claim, bool]], planned: dict[str, PointRef]
    ) -> dict[str, PointRef]:
        """Each kept point's label, anchor and full-sentence heading, by claim id."""
        refs: dict[str, PointRef] = {}
        for number, (_, claim, own) in enumerate(kept, 1):
            body = self.point_body(claim, own, roman(number), planned)
            first = body[1][0] if body and body[1] else None
            heading = _point_heading(claim, own, first, self.proper, self.common)
            refs[claim.id] = PointRef(roman(number), f"point-{number}", heading)
        return refs

    def merge_stubs(
        self, stubs: list[tuple[Claim, bool]], refs: dict[str, PointRef]
    ) -> dict[str, list[StatementRef]]:
        """Other sides' stub claims, by the id of the kept point that answers them."""
        merged: dict[str, list[StatementRef]] = {}
        for claim, own in stubs:
            target = next((r for r in self.related(claim, own) if r in refs), None)
            if target is not None and not own:  # our own stub's conclusion is argued there
                merged.setdefault(target, []).append(self.ref(claim))
        return merged

    def point(
        self,
        number: int,
        ref: IssueRef | None,
        claim: Claim,
        own: bool,
        refs: dict[str, PointRef],
        planned: dict[str, PointRef],
        merged: dict[str, list[StatementRef]],
    ) -> Point:
        """One point, with its final labels, objections and cross-references."""
        me = refs[claim.id]
        self.where = me.anchor
        # both as one mapping without copying them: a merged copy per point made
        # writing the points quadratic (0.5 s of 25 at 50,000 statements)
        body = self.point_body(claim, own, me.label, ChainMap(refs, planned))
        assert body is not None  # kept by sort_stubs
        tree, subpoints = body
        objections = self._objections(tree if own else None, subpoints, refs)
        answered = {o.point for o in objections if o.point is not None}
        see_also = tuple(
            dict.fromkeys(
                refs[r]
                for r in self.related(claim, own)
                if r in refs and r != claim.id and refs[r] not in answered
            )
        )
        return Point(
            number=number,
            label=me.label,
            anchor=me.anchor,
            heading=me.heading,
            kind="claim" if own else "answer",
            issue=ref,
            claim=tree,
            subpoints=subpoints,
            objections=objections,
            see_also=see_also,
            also_answers=tuple(merged.get(claim.id, ())),
        )

    def _answers(self, tree: Arg, label: str, refs: Mapping[str, PointRef]) -> tuple[Arg, ...]:
        """Our attacks on another side's claim and its support, relabelled as sub-points.

        Our claims that contradict it have points of their own and are left out here.
        """
        found: list[tuple[str, Statement, Conflict]] = []
        for a in _preorder([tree], lambda a: [p for p in a.premises if not p.repeated]):
            stmt = self.m.statement(a.id)
            for k in self.conflicts_against(a.id):
                found.append((self.conflict_kind(k), stmt, k))
            for inf in self.inferences_for(a.id):
                # an axiomatic inference (no premises) starts from its conclusion
                source = inf.premises[0] if inf.premises else inf.conclusion
                for k in self.conflicts_against(inf.id):
                    found.append(("undercut", self.m.statement(source), k))
        subpoints: list[Arg] = []
        done: set[str] = set()
        for relation, target, k in found:
            attacker = self.m.statement(k.attacker)
            mine = attacker.party == self.side if attacker.party is not None else True
            if not mine or attacker.id in refs or attacker.id in done:
                continue  # not ours, a point of its own, or already made (it undercuts twice)
            done.add(attacker.id)
            sub = f"{label}.{alpha(len(subpoints) + 1)}"
            subpoints.append(
                self.arg(
                    k.attacker,
                    relation=relation,
                    parent=target,
                    via=k,
                    ours=True,
                    label=sub,
                    path=frozenset({tree.id}),
                )
            )
        return tuple(subpoints)

    def _objections(
        self, claim: Arg | None, subpoints: tuple[Arg, ...], refs: dict[str, PointRef]
    ) -> tuple[Objection, ...]:
        """The other sides' attacks on our statements in a point, with our replies.

        An attack that is itself a claim with a point of its own (the opposing answer to
        the question) is not answered here: ``point`` names the point that answers it.
        """
        out: list[Objection] = []
        index: dict[str, int] = {}
        roots = [claim] if claim is not None else list(subpoints)
        for a in _preorder(roots, lambda a: a.premises):
            for o in a.objections:
                if not o.ours and o.id in index:  # one statement against several of ours
                    first = out[index[o.id]]
                    if a.label and a.label not in first.target_label.split(", "):
                        label = f"{first.target_label}, {a.label}".lstrip(", ")
                        out[index[o.id]] = attrs.evolve(first, target_label=label)
                elif not o.ours:
                    index[o.id] = len(out)
                    point = refs.get(o.id)
                    replies = (
                        () if point else tuple(r for r in o.objections if r.ours and not r.repeated)
                    )
                    target = StatementRef(a.id, a.kind, a.text, a.party)
                    out.append(Objection(o, o.relation or "rebut", target, a.label, replies, point))
        return tuple(out)


class _Builder(_Points):
    """Builds the context: see the four steps above (issues, unplaced, points)."""


def tree_citations(a: Arg) -> Iterable[Citation]:
    """The citations of ``a`` and of everything below and beside it, depth first.

    Example:
        >>> list(tree_citations(Arg(id="C1", kind="claim", text="x", party=None)))
        []
    """
    yield from a.cites
    for child in (*a.premises, *a.objections):
        yield from tree_citations(child)


def _with_premises(a: Arg) -> Iterable[Citation]:
    yield from a.cites
    for p in a.premises:
        yield from _with_premises(p)


def _exchange(a: Arg) -> Iterable[Citation]:
    for x in a.objections:
        yield from x.cites
        yield from _exchange(x)


def point_citations(p: Point, every_objection: bool = False) -> list[Citation]:
    """The citations the built-in brief prints for a point, in its order.

    The claim (and, for an answer, the premises it rests on), the sub-points with
    theirs, then each objection the point answers (all of them when ``drafting``), with
    the replies to it, their premises and the exchange that follows. Objections no
    reply answers are printed (and counted) only with ``every_objection`` (drafting, or
    ``include_rejected``).

    Example:
        >>> p = Point(1, "I", "point-1", "H.", "claim", None,
        ...           Arg(id="C1", kind="claim", text="x", party=None), (), ())
        >>> point_citations(p)
        []
    """
    out: list[Citation] = list(p.claim.cites)
    if p.kind == "answer":
        for q in p.claim.premises:
            out += _with_premises(q)
    for s in p.subpoints:
        out += _with_premises(s)
    for o in p.objections:
        if not (o.point or o.replies or every_objection):
            continue
        out += o.statement.cites
        for r in o.replies:
            out += _with_premises(r)
            out += _exchange(r)
    return out


def context_citations(ctx: BriefContext) -> list[Citation]:
    """The citations of the context: the issues' own and, when there are no points, their
    argument trees; the points as the built-in brief prints them
    (:func:`point_citations`); and statements outside any issue.

    Example:
        >>> from argmap import ArgumentMap
        >>> context_citations(build_context(ArgumentMap()))
        []
    """
    out: list[Citation] = []
    for view in ctx.all_issues:
        out += view.cites
        if not ctx.points:  # a brief shows the arguments in its points, not by issue
            for a in view.claims:
                out += tree_citations(a)
    for p in ctx.points:
        out += point_citations(p, ctx.drafting or ctx.include_rejected)
    for a in ctx.unplaced:
        out += tree_citations(a)
    return out


def table_of_authorities(
    m: ArgumentMap,
    citations: Iterable[Citation],
    points: Iterable[Point] = (),
    issues: Iterable[IssueView] = (),
) -> tuple[ToaGroup, ...]:
    """Group and sort the authorities of ``citations``, noting where each is cited.

    Groups come in the order of :data:`GROUPS`; entries sort by :func:`toa_sort_key`
    of their citation. ``points``/``issues`` name the places a citation's ``where``
    refers to.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.authority("b", "case", "Bee v. Cee", "Bee v. Cee, 1 U.S. 1 (1800)")
        >>> _ = m.authority("a", "statute", "8 U.S.C. § 1", "8 U.S.C. § 1")
        >>> c = m.claim("x", cites=["b", "a@(c)"])
        >>> ctx = build_context(m)
        >>> [(g.name, [e.id for e in g.entries]) for g in ctx.authorities]
        [('Cases', ['b']), ('Statutes', ['a'])]
        >>> ctx.authorities[1].entries[0].pins
        ('(c)',)
    """
    point_refs = {p.anchor: PointRef(p.label, p.anchor, p.heading) for p in points}
    issue_refs = {i.anchor: IssueRef(i.id, i.number, i.text, i.anchor) for i in issues}
    # ordered sets (dicts), so collecting stays linear in the number of citations
    pins: dict[str, dict[str, None]] = {}
    where_points: dict[str, dict[str, PointRef]] = {}
    where_issues: dict[str, dict[str, IssueRef]] = {}
    for c in citations:
        found = pins.setdefault(c.authority, {})
        if c.pin:
            found[c.pin] = None
        if c.where in point_refs:
            where_points.setdefault(c.authority, {})[c.where] = point_refs[c.where]
        elif c.where in issue_refs:
            where_issues.setdefault(c.authority, {})[c.where] = issue_refs[c.where]
    order = {p.anchor: n for n, p in enumerate(point_refs.values())}
    iorder = {i.anchor: n for n, i in enumerate(issue_refs.values())}
    groups: dict[str, list[ToaEntry]] = {g: [] for g in GROUPS}
    for ident, pinned in pins.items():
        auth = m.get_authority(ident)
        groups[_GROUP_OF[auth.kind]].append(
            ToaEntry(
                id=auth.id,
                kind=auth.kind,
                name=clean(auth.name),
                citation=_full_cite(auth, None),
                short=_short_form(auth, None),
                verified=auth.verified,
                court=auth.court,
                year=auth.year,
                holding=clean(auth.holding) if auth.holding else None,
                url=auth.url,
                note=clean(auth.note) if auth.note else None,
                pins=tuple(sorted(pinned, key=toa_sort_key)),
                points=tuple(
                    sorted(where_points.get(ident, {}).values(), key=lambda r: order[r.anchor])
                ),
                issues=tuple(
                    sorted(where_issues.get(ident, {}).values(), key=lambda r: iorder[r.anchor])
                ),
            )
        )
    return tuple(
        ToaGroup(name, tuple(sorted(entries, key=_toa_entry_key)))
        for name, entries in groups.items()
        if entries
    )


def _toa_entry_key(e: ToaEntry) -> tuple[Any, ...]:
    return (toa_sort_key(e.citation), e.year or 0, e.citation)


def _check_side(m: ArgumentMap, side: str | None) -> None:
    if side is not None and side not in m.parties:
        raise BriefError(
            f"unknown side {side!r}{did_you_mean(side, list(m.parties))} "
            f"(the map's parties: {list(m.parties)})"
        )


def default_side(m: ArgumentMap) -> str | None:
    """The side a brief is written for when none is given: the first party with a claim.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(parties={"a": "A", "b": "B"}); _ = m.claim("x", party="b")
        >>> default_side(m)
        'b'
    """
    claimants = {c.party for c in m.claims}
    for p in m.parties:
        if p in claimants:
            return p
    return next(iter(m.parties), None)


@no_gc()  # the templates (users' among them) render with the collector on
def build_context(
    m: ArgumentMap,
    evaluation: EvaluationLike | None = None,
    *,
    template: str = "brief",
    format: str = "md",
    side: str | None = None,
    diagram: str | None = None,
    diagram_note: str | None = None,
    drafting: bool = False,
    include_rejected: bool = False,
    figures: tuple[Figure, ...] = (),
    memo_to: str | None = None,
    memo_from: str | None = None,
    date: str | None = None,
) -> BriefContext:
    """Build the frozen context for rendering ``m``.

    ``side`` selects the party whose points are built (``points`` is empty when it is
    ``None``); :func:`argmap.brief.render_brief` picks a default for the ``brief``
    template. Deterministic: the same map gives an equal context.

    Raises:
        BriefError: when ``side`` is not a party of the map.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("T", parties={"a": "Alice", "b": "Bob"})
        >>> q = m.issue("Is the contract valid?")
        >>> c = m.claim("The contract binds Bob", party="a", answers=q)
        >>> r = m.rebuttal("It was signed under duress", attacks=c, party="b")
        >>> ctx = build_context(m, side="b")
        >>> [(p.label, p.kind, p.heading) for p in ctx.points]
        [('I', 'answer', 'The contention that “[t]he contract binds Bob” is mistaken, because it was signed under duress.')]
        >>> ctx.points[0].subpoints[0].label
        'I.A'
    """
    _check_side(m, side)
    b = _Builder(m, evaluation, side, include_rejected)
    issues, all_issues = b.issues()
    unplaced = b.unplaced()
    points = b.points(all_issues, unplaced) if side is not None else ()
    parties = tuple(b.parties.values())
    ev_info = None
    if evaluation is not None:
        ev_info = EvaluationInfo(
            semantics=str(evaluation.semantics),
            assumed=tuple(b.ref(m.statement(i)) for i in evaluation.assumed if i in m.statements),
            rejected=tuple(b.ref(m.statement(i)) for i in evaluation.rejected if i in m.statements),
        )
    ctx = BriefContext(
        title=clean(m.title) if m.title else "",
        description=paragraphs(m.description),
        template=template,
        format=format,
        side=b.party(side),
        opponents=tuple(p for p in parties if p.id != side),
        parties=parties,
        doctrines=tuple(DoctrineInfo(d, n) for d, n in b.doctrine_names.items()),
        issues=issues,
        all_issues=all_issues,
        points=points,
        unplaced=unplaced,
        authorities=(),
        unverified=False,
        evaluation=ev_info,
        diagram=diagram,
        diagram_note=diagram_note,
        questions=_presented(issues),
        statement_of_case=tuple((v.label, v.background) for v in all_issues if v.background),
        relief=_relief(m, side),
        counsel=_counsel(m, side),
        drafting=bool(drafting),
        include_rejected=bool(include_rejected),
        figures=figures,
        memo_to=clean(memo_to) if memo_to else "File",
        memo_from=clean(memo_from) if memo_from else _from(m.parties.get(side) if side else None),
        date=clean(date) if date else "",
    )
    return with_authorities(m, ctx, context_citations(ctx))


def _from(party: Party | None) -> str:
    """A memo's default author: the side's counsel line, counsel for its short name, or
    plain "Counsel"."""
    if party is None:
        return "Counsel"
    if party.counsel:
        return clean(party.counsel)
    return f"Counsel for {party_info(party).short}"


def _presented(views: tuple[IssueView, ...]) -> tuple[IssueView, ...]:
    """The Questions Presented: issues that are not policy questions (unless the side
    frames them), with their sub-questions filtered alike."""
    return tuple(attrs.evolve(v, sub_issues=_presented(v.sub_issues)) for v in views if v.presented)


def _relief(m: ArgumentMap, side: str | None) -> str:
    """What the Conclusion asks for: the party's ``relief``, else a neutral request."""
    party = m.parties.get(side) if side else None
    if party is not None and party.relief:
        return sentence(clean(party.relief))
    if party is not None:
        return f"The Court should decide the questions presented in favor of {clean(party.name)}."
    return "The Court should decide the questions presented as set out above."


def _counsel(m: ArgumentMap, side: str | None) -> tuple[str, ...]:
    """The signature block's lines, from the party's ``counsel`` (one line each)."""
    party = m.parties.get(side) if side else None
    if party is None or not party.counsel:
        return ()
    return tuple(line for line in (clean(x) for x in party.counsel.splitlines()) if line)


def with_authorities(
    m: ArgumentMap, ctx: BriefContext, citations: Iterable[Citation]
) -> BriefContext:
    """``ctx`` with its table of authorities (and ``unverified``) built from ``citations``.

    Example:
        >>> from argmap import ArgumentMap
        >>> ctx = build_context(ArgumentMap())
        >>> with_authorities(ArgumentMap(), ctx, []) == ctx
        True
    """
    toa = table_of_authorities(m, citations, ctx.points, ctx.all_issues)
    return attrs.evolve(
        ctx, authorities=toa, unverified=any(not e.verified for g in toa for e in g.entries)
    )
