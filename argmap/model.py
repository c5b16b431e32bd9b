"""The values an argument map is made of, and the rule table of what may relate to what.

Everything is a node of one directed graph, as in the Argument Interchange Format:

* **statements** (AIF I-nodes): :class:`Issue`, :class:`Claim`, :class:`Premise`,
  :class:`Rebuttal`, :class:`Undercutter`;
* **relations** (AIF S-nodes), reified so they can be attacked: :class:`Inference`
  (RA: linked premises → one conclusion) and :class:`Conflict` (CA: attacker → target);
* **authorities** cited by statements, and the open vocabularies of **parties** and
  **doctrines** declared on each map.

All are frozen attrs values; change one with :func:`attrs.evolve`. Relations hold ids,
never objects, so values stay small, hashable and order-free.

Example:
    >>> c = Claim(id="C1", text="Grants may be conditioned", party="federal")
    >>> c.kind, c.short()
    ('claim', 'C1')
    >>> Cite.parse("printz@913")
    Cite(authority='printz', pin='913')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar, Literal, TypeAlias

import attrs

from .exceptions import ModelError, RelationError, did_you_mean

__all__ = [
    "AUTHORITY_KINDS",
    "ISSUE_NATURES",
    "PROOF_STANDARDS",
    "SIDES",
    "SIGNALS",
    "STATEMENT_KINDS",
    "Authority",
    "AuthorityKind",
    "Cite",
    "Claim",
    "Conflict",
    "ConflictKind",
    "Doctrine",
    "Inference",
    "Issue",
    "IssueNature",
    "Node",
    "Party",
    "Premise",
    "ProofStandard",
    "Rebuttal",
    "Relation",
    "Signal",
    "Statement",
    "StatementKind",
    "Undercutter",
    "check_attack",
    "check_support",
    "shorten",
    "valid_id",
]

StatementKind: TypeAlias = Literal["issue", "claim", "premise", "rebuttal", "undercutter"]
STATEMENT_KINDS: tuple[StatementKind, ...] = (
    "issue",
    "claim",
    "premise",
    "rebuttal",
    "undercutter",
)

AuthorityKind: TypeAlias = Literal[
    "case",
    "constitution",
    "statute",
    "regulation",
    "executive-order",
    "memo",
    "study",
    "report",
    "other",
]
AUTHORITY_KINDS: tuple[AuthorityKind, ...] = (
    "case",
    "constitution",
    "statute",
    "regulation",
    "executive-order",
    "memo",
    "study",
    "report",
    "other",
)

ProofStandard: TypeAlias = Literal[
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
    "dialectical-validity",
]
PROOF_STANDARDS: tuple[ProofStandard, ...] = (
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
    "dialectical-validity",
)

IssueNature: TypeAlias = Literal["law", "fact", "mixed", "policy"]
ISSUE_NATURES: tuple[IssueNature, ...] = ("law", "fact", "mixed", "policy")

#: Which side an authority is typically invoked by.
SIDES: tuple[str, ...] = ("federal", "local", "both", "neutral")

ConflictKind: TypeAlias = Literal["rebut", "undermine", "undercut"]

# Ids: a letter, digit or underscore, then letters, digits and ``_ . : / -``.
# ``>``, ``|`` and ``+`` are kept out so generated relation ids cannot collide.
_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/-]*\Z")


def valid_id(value: str) -> bool:
    """True if ``value`` may be used as a statement or authority id.

    Example:
        >>> valid_id("A1.R2.U1"), valid_id("sf-v-trump-2018"), valid_id("bad id")
        (True, True, False)
    """
    return bool(_ID.match(value))


# --------------------------------------------------------------------------- validators


def _text(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ModelError(f"{attr.name} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ModelError(f"{attr.name} must not be empty")
    if "\x00" in value:
        raise ModelError(f"{attr.name} must not contain a NUL character")


def _opt_text(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(inst, attr, value)


def _ident(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not valid_id(value):
        raise ModelError(
            f"{attr.name} {value!r} is not a valid id: use letters, digits and _ . : / - "
            "(starting with a letter, digit or _)"
        )


def _opt_ident(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _ident(inst, attr, value)


def _ids(_inst: object, attr: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        if not isinstance(item, str) or not item:
            raise ModelError(f"{attr.name} must hold ids, not {item!r}")
    if len(set(value)) != len(value):
        dup = next(v for v in value if value.count(v) > 1)
        raise ModelError(f"{attr.name} lists {dup!r} twice")


def _tuple(value: object) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    return (value,)


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    """A mapping (or pairs) as a sorted tuple of pairs, so values stay hashable."""
    if value is None:
        return ()
    items = value.items() if isinstance(value, dict) else value
    if not isinstance(items, Iterable) or isinstance(items, str):
        raise ModelError(f"expected a mapping of party id to text, not {value!r}")
    out: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise ModelError(f"expected a mapping of party id to text, not {value!r}")
        out.append((item[0], item[1]))
    return tuple(sorted(out, key=lambda kv: str(kv[0])))


def _check_framings(
    inst: object, attr: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]
) -> None:
    for party, text in value:
        _ident(inst, attr, party)
        _text(inst, attr, text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters.

    Example:
        >>> shorten("Only Congress   holds the spending power", 21)
        'Only Congress holds…'
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _one_of(choices: tuple[str, ...], what: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if value not in choices:
            hint = did_you_mean(str(value), choices)
            raise ModelError(f"unknown {what}: {value!r}{hint} (must be one of {sorted(choices)})")

    return check


def _weight(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ModelError(f"{attr.name} must be a number between 0 and 1, not {value!r}")
    if not 0.0 <= float(value) <= 1.0:
        raise ModelError(f"{attr.name} must be between 0 and 1, not {value!r}")


def _colour(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}|[A-Za-z]+", value):
        raise ModelError(f"{attr.name} must be '#rrggbb' or a colour name, not {value!r}")


# --------------------------------------------------------------------------- vocabularies


@attrs.frozen
class Party:
    """A side of the dispute, declared on the map.

    ``relief`` is what the party asks a court for (a brief's Conclusion states it);
    ``counsel`` signs its briefs.

    Example:
        >>> Party("local", "Sanctuary jurisdictions").label
        'Sanctuary jurisdictions'
    """

    id: str = attrs.field(validator=_ident)
    label: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    colour: str | None = attrs.field(default=None, validator=_colour)
    relief: str | None = attrs.field(default=None, validator=_opt_text, kw_only=True)
    counsel: str | None = attrs.field(default=None, validator=_opt_text, kw_only=True)

    @property
    def name(self) -> str:
        """The label, or the id when no label was given.

        Example:
            >>> Party("federal").name
            'federal'
        """
        return self.label or self.id


@attrs.frozen
class Doctrine:
    """A doctrinal area (a cluster in diagrams, a heading in memos).

    Example:
        >>> Doctrine("spending", "Spending Clause").name
        'Spending Clause'
    """

    id: str = attrs.field(validator=_ident)
    label: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    colour: str | None = attrs.field(default=None, validator=_colour)

    @property
    def name(self) -> str:
        """The label, or the id when no label was given.

        Example:
            >>> Doctrine("10A").name
            '10A'
        """
        return self.label or self.id


# --------------------------------------------------------------------------- citations


#: Bluebook introductory signals (rule 1.2), in the order the Bluebook lists them.
SIGNALS: tuple[str, ...] = (
    "e.g.",
    "accord",
    "see",
    "see also",
    "cf.",
    "compare",
    "contra",
    "but see",
    "but cf.",
    "see generally",
)
Signal: TypeAlias = str


def _signal(value: object) -> object:
    # accept "See", "cf", "but cf" as typed; store the Bluebook spelling
    if isinstance(value, str):
        norm = " ".join(value.strip().lower().rstrip(",").split())
        for s in SIGNALS:
            if norm == s or norm == s.rstrip("."):
                return s
    return value


@attrs.frozen(order=True, repr=False)
class Cite:
    """A reference from a statement to an authority, optionally with a pin cite.

    Written ``"printz@913"`` in files: the authority id, ``@``, the pin. The long
    form in files is a mapping ``{id: printz, pin: "913", signal: cf., quote: "..."}``.

    Attributes:
        authority: the id of the cited authority.
        pin: the pinpoint (page, section, paragraph) where the proposition is found.
        signal: the Bluebook introductory signal (one of :data:`SIGNALS`); ``None``
            means the authority directly states the proposition.
        quote: words quoted from the authority at ``pin``, exactly as written there.

    Example:
        >>> str(Cite("printz", "913")), str(Cite("dole"))
        ('printz@913', 'dole')
        >>> Cite("printz", "935", signal="Cf").signal
        'cf.'
    """

    authority: str = attrs.field(validator=_ident)
    pin: str | None = attrs.field(default=None, validator=_opt_text)
    signal: Signal | None = attrs.field(
        default=None, converter=_signal, validator=_one_of(SIGNALS, "signal"), kw_only=True
    )
    quote: str | None = attrs.field(default=None, validator=_opt_text, kw_only=True)

    @classmethod
    def parse(cls, text: str) -> Cite:
        """Read ``"id"`` or ``"id@pin"``.

        Example:
            >>> Cite.parse("sb54@§ 7284.6(e)").pin
            '§ 7284.6(e)'
        """
        if not isinstance(text, str):
            raise ModelError(f"a cite must be text like 'printz@913', not {text!r}")
        ident, sep, pin = text.partition("@")
        ident, pin = ident.strip(), pin.strip()
        if sep and not pin:
            raise ModelError(f"cite {text!r} has '@' but no pin cite after it")
        return cls(ident, pin or None)

    def __str__(self) -> str:
        return f"{self.authority}@{self.pin}" if self.pin else self.authority

    def __repr__(self) -> str:
        parts = [f"authority={self.authority!r}", f"pin={self.pin!r}"]
        parts += [f"{f}={getattr(self, f)!r}" for f in ("signal", "quote") if getattr(self, f)]
        return f"Cite({', '.join(parts)})"

    @property
    def simple(self) -> bool:
        """True when the cite has neither signal nor quote (so ``str()`` says all of it).

        Example:
            >>> Cite("dole", "211").simple, Cite("dole", signal="see").simple
            (True, False)
        """
        return self.signal is None and self.quote is None


def _cites(value: object) -> tuple[Cite, ...]:
    return tuple(c if isinstance(c, Cite) else Cite.parse(c) for c in _tuple(value))


def _check_cites(_inst: object, attr: attrs.Attribute[Any], value: tuple[Cite, ...]) -> None:
    seen: set[Cite] = set()
    for cite in value:
        if cite in seen:
            raise ModelError(f"{attr.name} lists {str(cite)!r} twice")
        seen.add(cite)


# Reporter cite inside a full citation: "521 U.S. 898", "477 Mass. 517", "897 F.3d 1225",
# "250 F. Supp. 3d 497", "2014 WL 1414305": volume, reporter words (capitalised, or a series
# like "2d"/"3d"/"4th"), first page, and an optional pin already written after it.
_REPORTER = re.compile(
    r"\b(\d+) ((?:[A-Z][A-Za-z.0-9']*|\d(?:d|th))(?: (?:[A-Z][A-Za-z.0-9']*|\d(?:d|th)))*) "
    r"(\d+)((?:, \d+(?:[-–]\d+)?(?![\d–-]| [A-Z\d]))?)"
)


_STATES = frozenset(
    ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming"]
) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
    "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
    "United States", "Commonwealth", "State", "People", "District of Columbia",
}  # fmt: skip


def _governmental(party: str) -> bool:
    """A state, the United States, or a "State/People/Commonwealth of ..." litigant."""
    return party in _STATES or party.startswith(("State of ", "People of ", "Commonwealth of "))


@attrs.frozen
class Authority:
    """A case, provision, statute, regulation, executive material or study.

    ``cite`` is the full citation exactly as it should appear in a brief (Bluebook
    style, written by the map's author); :attr:`citation` and :meth:`citation_at`
    format it with or without a pin cite, :meth:`short_form` gives the short form
    used on later citations.

    Attributes:
        id, kind, name: the map's key, one of :data:`AUTHORITY_KINDS`, the case name
            or title (italicised in briefs).
        cite: the citation as printed: Bluebook only, no notes to the reader.
        court, year: deciding court and year (for disambiguation and sorting).
        holding: what the authority holds, stated as a rule (memos use it).
        side: which side typically invokes it (``federal``, ``local``, ``both``, ...).
        url, verified: where it can be read; ``False`` flags it as not yet checked.
        short: an explicit short-form name (overrides the Bluebook rule).
        note: a note to the reader; never printed inside a citation.
        parallel: parallel citations, printed only where a reader asks for them.
        history: subsequent history, printed after the full citation
            (``"aff'd in part, 916 F.3d 276 (3d Cir. 2019)"``).

    Example:
        >>> a = Authority("printz", "case", "Printz v. United States",
        ...               "Printz v. United States, 521 U.S. 898 (1997)", year=1997)
        >>> a.citation_at("913")
        'Printz v. United States, 521 U.S. 898, 913 (1997)'
        >>> a.short_form("913")
        'Printz, 521 U.S. at 913'
    """

    id: str = attrs.field(validator=_ident)
    kind: AuthorityKind = attrs.field(validator=_one_of(AUTHORITY_KINDS, "authority kind"))
    name: str = attrs.field(validator=_text)
    cite: str = attrs.field(validator=_text)
    court: str | None = attrs.field(default=None, validator=_opt_text)
    year: int | None = attrs.field(default=None)
    holding: str | None = attrs.field(default=None, validator=_opt_text)
    side: str | None = attrs.field(default=None, validator=_one_of(SIDES, "side"))
    url: str | None = attrs.field(default=None, validator=_opt_text)
    verified: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    short: str | None = attrs.field(default=None, validator=_opt_text)
    note: str | None = attrs.field(default=None, validator=_opt_text)
    parallel: str | None = attrs.field(default=None, validator=_opt_text)
    history: str | None = attrs.field(default=None, validator=_opt_text)

    @year.validator
    def _check_year(self, _attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 3000
        ):
            raise ModelError(f"year must be a four-digit year, not {value!r}")

    @property
    def citation(self) -> str:
        """The full citation, as written.

        Example:
            >>> Authority("x", "statute", "8 U.S.C. § 1373", "8 U.S.C. § 1373").citation
            '8 U.S.C. § 1373'
        """
        return self.cite

    @property
    def short_name(self) -> str:
        """The name used in short forms (Bluebook rule 10.9).

        ``short`` if given; for a case, the first party, unless it is a state or
        the United States (a governmental litigant), in which case the other party;
        "United States" is never a short form.

        Example:
            >>> Authority("x", "case", "South Dakota v. Dole", "483 U.S. 203").short_name
            'Dole'
            >>> Authority("x", "case", "Printz v. United States", "521 U.S. 898").short_name
            'Printz'
            >>> Authority("x", "case", "Arizona v. United States", "567 U.S. 387").short_name
            'Arizona'
            >>> Authority("x", "statute", "8 U.S.C. § 1373", "8 U.S.C. § 1373").short_name
            '8 U.S.C. § 1373'
        """
        if self.short:
            return self.short
        if self.kind == "case" and " v. " in self.name:
            first, second = (part.strip() for part in self.name.split(" v. ", 1))
            if _governmental(first) and not _governmental(second):
                return second
            return first if first != "United States" else second
        return self.name

    def _reporter(self) -> re.Match[str] | None:
        return _REPORTER.search(self.cite) if self.kind == "case" else None

    def citation_at(self, pin: str | None = None) -> str:
        """The full citation with ``pin`` inserted after the first page.

        For authorities without a reporter cite (statutes, orders) the pin is
        appended after a comma.

        Example:
            >>> Authority("d", "case", "South Dakota v. Dole",
            ...           "South Dakota v. Dole, 483 U.S. 203 (1987)").citation_at("211")
            'South Dakota v. Dole, 483 U.S. 203, 211 (1987)'
        """
        if not pin:
            return self.cite
        match = self._reporter()
        if match:
            # a pin already in the catalog citation is replaced, not doubled
            return f"{self.cite[: match.end(3)]}, {pin}{self.cite[match.end() :]}"
        return f"{self.cite}, {pin}"

    def short_form(self, pin: str | None = None) -> str:
        """The short form for a later citation: ``"Printz, 521 U.S. at 913"``.

        Without a pin, cases give ``"Printz, 521 U.S. 898"``; other kinds their short name.

        Example:
            >>> Authority("p", "case", "Printz v. United States",
            ...           "Printz v. United States, 521 U.S. 898 (1997)").short_form()
            'Printz, 521 U.S. 898'
        """
        match = self._reporter()
        if match:
            volume, reporter, page = match.group(1), match.group(2).strip(), match.group(3)
            if pin and reporter == "WL":  # database cites keep the number: "2014 WL 1, at *3"
                return f"{self.short_name}, {volume} WL {page}, at {pin}"
            if pin:
                return f"{self.short_name}, {volume} {reporter} at {pin}"
            return f"{self.short_name}, {volume} {reporter} {page}"
        return f"{self.short_name}, {pin}" if pin else self.short_name


# --------------------------------------------------------------------------- statements


@attrs.frozen(kw_only=True)
class Statement:
    """Base of the five statement kinds (AIF I-nodes).

    Attributes:
        id: unique in the map.
        text: what is asserted (or, for an issue, asked).
        party: the id of the party who asserts it (``None`` for neutral issues).
        doctrines: ids of the doctrinal areas it belongs to.
        cites: authorities relied on, each optionally pin-cited.
        note: free commentary (teaching notes, caveats); not part of the argument.
        title: a short name shown in prose (briefs, explanations) instead of the id.
    """

    kind: ClassVar[StatementKind]
    prefix: ClassVar[str]

    id: str = attrs.field(validator=_ident)
    text: str = attrs.field(validator=_text)
    party: str | None = attrs.field(default=None, validator=_opt_ident)
    doctrines: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_ids)
    cites: tuple[Cite, ...] = attrs.field(default=(), converter=_cites, validator=_check_cites)
    note: str | None = attrs.field(default=None, validator=_opt_text)
    title: str | None = attrs.field(default=None, validator=_opt_text)

    @property
    def label(self) -> str:
        """What prose calls the statement: its ``title``, else its text shortened.

        Example:
            >>> Premise(id="P1", text="Congress delegated the power", title="Delegation").label
            'Delegation'
            >>> Premise(id="P2", text="Congress delegated the power to set every grant "
            ...         "condition to the Attorney General in 34 U.S.C. § 10153").label
            'Congress delegated the power to set every grant condition to…'
        """
        if self.title:
            return self.title
        return shorten(self.text, 64)

    def short(self) -> str:
        """The id, for messages.

        Example:
            >>> Premise(id="P1", text="x").short()
            'P1'
        """
        return self.id


@attrs.frozen(kw_only=True)
class Issue(Statement):
    """A question in dispute, with the proof standard that decides it.

    ``parent`` makes it a sub-issue of a broader issue (an umbrella question
    broken into doctrinal questions); ``burden`` names the party who must prove.

    Example:
        >>> Issue(id="Q1", text="May grants be withheld?", standard="preponderance").standard
        'preponderance'
    """

    kind: ClassVar[StatementKind] = "issue"
    prefix: ClassVar[str] = "Q"
    standard: ProofStandard | None = attrs.field(
        default=None, validator=_one_of(PROOF_STANDARDS, "proof standard")
    )
    burden: str | None = attrs.field(default=None, validator=_opt_ident)
    parent: str | None = attrs.field(default=None, validator=_opt_ident)
    nature: IssueNature | None = attrs.field(
        default=None, validator=_one_of(ISSUE_NATURES, "issue nature")
    )
    background: str | None = attrs.field(default=None, validator=_opt_text)
    framings: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_framings
    )

    def framed_for(self, party: str | None) -> str:
        """The question as ``party`` frames it (its framing), else the neutral text.

        Example:
            >>> q = Issue(id="Q1", text="Is § 1373 valid?",
            ...           framings={"local": "Whether § 1373 commandeers local officers."})
            >>> q.framed_for("local"), q.framed_for("federal")
            ('Whether § 1373 commandeers local officers.', 'Is § 1373 valid?')
        """
        return dict(self.framings).get(party or "", self.text)


@attrs.frozen(kw_only=True)
class Claim(Statement):
    """A party's conclusion; may answer an issue.

    Example:
        >>> Claim(id="C1", text="Yes", party="federal", answers="Q1").answers
        'Q1'
    """

    kind: ClassVar[StatementKind] = "claim"
    prefix: ClassVar[str] = "C"
    answers: str | None = attrs.field(default=None, validator=_opt_ident)


@attrs.frozen(kw_only=True)
class Premise(Statement):
    """A reason offered for another statement.

    Example:
        >>> Premise(id="P1", text="Congress delegated the power").kind
        'premise'
    """

    kind: ClassVar[StatementKind] = "premise"
    prefix: ClassVar[str] = "P"


@attrs.frozen(kw_only=True)
class Rebuttal(Statement):
    """A statement offered against a claim or premise (or against another rebuttal).

    Example:
        >>> Rebuttal(id="R1", text="Only Congress may", party="local").kind
        'rebuttal'
    """

    kind: ClassVar[StatementKind] = "rebuttal"
    prefix: ClassVar[str] = "R"


@attrs.frozen(kw_only=True)
class Undercutter(Statement):
    """Concedes the premises but denies that they support the conclusion.

    It attacks a relation (an inference or a conflict), never a statement.

    Example:
        >>> Undercutter(id="U1", text="Correlation is not causation").kind
        'undercutter'
    """

    kind: ClassVar[StatementKind] = "undercutter"
    prefix: ClassVar[str] = "U"


STATEMENT_CLASSES: dict[StatementKind, type[Statement]] = {
    "issue": Issue,
    "claim": Claim,
    "premise": Premise,
    "rebuttal": Rebuttal,
    "undercutter": Undercutter,
}

# --------------------------------------------------------------------------- relations


def inference_id(premises: Iterable[str], conclusion: str) -> str:
    """The generated id of an inference: ``"P1+P2->C1"``.

    Example:
        >>> inference_id(["P1", "P2"], "C1")
        'P1+P2->C1'
    """
    return "+".join(premises) + "->" + conclusion


def conflict_id(attacker: str, target: str) -> str:
    """The generated id of a conflict: ``"R1-|C1"`` (``-|`` reads "blocks").

    Example:
        >>> conflict_id("R1", "C1")
        'R1-|C1'
    """
    return f"{attacker}-|{target}"


def _relation_id(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.:/+>|-]*", value):
        raise ModelError(f"{attr.name} {value!r} is not a valid relation id")


@attrs.frozen(kw_only=True)
class Inference:
    """Linked premises supporting one conclusion (AIF RA-node).

    Attributes:
        id: generated as ``"P1+P2->C1"`` unless given.
        premises: ids of the statements that together support ``conclusion``; may be
            empty for an axiomatic argument (then ``id`` must be given).
        conclusion: id of the supported statement.
        scheme: an argumentation scheme name, e.g. ``"argument-from-precedent"``.
        weight: 0–1, used by proof standards that weigh arguments.

    Example:
        >>> Inference(premises=("P1", "P2"), conclusion="C1").id
        'P1+P2->C1'
    """

    kind: ClassVar[str] = "inference"
    premises: tuple[str, ...] = attrs.field(converter=_tuple, validator=_ids)
    conclusion: str = attrs.field(validator=_ident)
    id: str = attrs.field(validator=_relation_id)
    scheme: str | None = attrs.field(default=None, validator=_opt_text)
    weight: float | None = attrs.field(default=None, validator=_weight)

    @id.default
    def _default_id(self) -> str:
        if not self.premises:
            raise ModelError(
                f"an inference to {self.conclusion!r} with no premises (an axiomatic "
                "argument) needs an explicit id"
            )
        return inference_id(self.premises, self.conclusion)

    @property
    def generated(self) -> bool:
        """True when the id is the generated one.

        Example:
            >>> Inference(premises=("P1",), conclusion="C1", id="I7").generated
            False
        """
        return self.id == inference_id(self.premises, self.conclusion)

    @property
    def sources(self) -> tuple[str, ...]:
        """The statements this relation starts from (its premises).

        Example:
            >>> Inference(premises=("P1",), conclusion="C1").sources
            ('P1',)
        """
        return self.premises

    @property
    def target(self) -> str:
        """The statement this relation ends at (its conclusion).

        Example:
            >>> Inference(premises=("P1",), conclusion="C1").target
            'C1'
        """
        return self.conclusion


@attrs.frozen(kw_only=True)
class Conflict:
    """One statement attacking a statement or a relation (AIF CA-node).

    Against a claim, issue or rebuttal it is a *rebut*; against a premise an
    *undermine*; against an inference or conflict an *undercut* (the kind is
    computed by the map, which knows what the target is).

    Example:
        >>> Conflict(attacker="R1", target="C1").id
        'R1-|C1'
    """

    kind: ClassVar[str] = "conflict"
    attacker: str = attrs.field(validator=_ident)
    target: str = attrs.field(validator=_relation_id)
    id: str = attrs.field(validator=_relation_id)
    weight: float | None = attrs.field(default=None, validator=_weight)

    @id.default
    def _default_id(self) -> str:
        return conflict_id(self.attacker, self.target)

    @property
    def generated(self) -> bool:
        """True when the id is the generated one.

        Example:
            >>> Conflict(attacker="R1", target="C1").generated
            True
        """
        return self.id == conflict_id(self.attacker, self.target)

    @property
    def sources(self) -> tuple[str, ...]:
        """The statement this relation starts from (the attacker), as a 1-tuple.

        Example:
            >>> Conflict(attacker="R1", target="C1").sources
            ('R1',)
        """
        return (self.attacker,)


Relation: TypeAlias = Inference | Conflict
Node: TypeAlias = Statement | Inference | Conflict

# --------------------------------------------------------------------------- rule table

#: kinds of statement that may be a premise of an inference, and may be its conclusion.
SUPPORT_FROM: frozenset[str] = frozenset({"claim", "premise", "rebuttal", "undercutter"})
SUPPORT_TO: frozenset[str] = frozenset({"claim", "premise", "rebuttal", "undercutter"})
#: kinds of statement that may attack, with the kinds of node each may attack.
ATTACKS: dict[str, frozenset[str]] = {
    "claim": frozenset({"claim", "premise", "rebuttal", "undercutter"}),
    "rebuttal": frozenset({"claim", "premise", "rebuttal", "undercutter"}),
    "undercutter": frozenset({"inference", "conflict"}),
    "premise": frozenset(),
    "issue": frozenset(),
}

_ADVICE = {
    ("issue", None): "an issue is a question: it cannot support or attack anything "
    "(a claim answers it with answers=)",
    ("premise", "attack"): "a premise supports; to attack, use a rebuttal",
    ("rebuttal", "inference"): "a rebuttal attacks a statement; to attack the step from "
    "premises to conclusion, use an undercutter",
    ("rebuttal", "conflict"): "a rebuttal attacks a statement; to deny that an attack "
    "succeeds, use an undercutter",
    ("claim", "inference"): "to attack the step from premises to conclusion, use an undercutter",
    ("claim", "conflict"): "to deny that an attack succeeds, use an undercutter",
    ("undercutter", "statement"): "an undercutter attacks an inference or a conflict, "
    "not a statement; give the relation's id (or the id of a statement whose only "
    "outgoing relation is the one you mean)",
}


def check_support(premise: Statement, conclusion: Statement) -> None:
    """Raise :class:`RelationError` unless ``premise`` may support ``conclusion``.

    Example:
        >>> check_support(Issue(id="Q1", text="?"), Claim(id="C1", text="yes"))
        Traceback (most recent call last):
        ...
        argmap.exceptions.RelationError: Q1 (issue) cannot support C1 (claim): an issue is a question: ...
    """
    if premise.id == conclusion.id:
        raise RelationError(f"{premise.id} cannot support itself")
    if premise.kind not in SUPPORT_FROM:
        raise RelationError(
            f"{premise.id} ({premise.kind}) cannot support {conclusion.id} ({conclusion.kind}): "
            + _ADVICE[("issue", None)]
        )
    if conclusion.kind not in SUPPORT_TO:
        raise RelationError(
            f"{premise.id} ({premise.kind}) cannot support {conclusion.id} ({conclusion.kind}): "
            "an issue is answered by claims (answers=), not supported"
        )


def check_attack(attacker: Statement, target_id: str, target_kind: str) -> None:
    """Raise :class:`RelationError` unless ``attacker`` may attack a node of ``target_kind``.

    ``target_kind`` is a statement kind, ``"inference"`` or ``"conflict"``.

    Example:
        >>> check_attack(Undercutter(id="U1", text="no"), "C1", "claim")
        Traceback (most recent call last):
        ...
        argmap.exceptions.RelationError: U1 (undercutter) cannot attack C1 (claim): an undercutter ...
    """
    if attacker.id == target_id:
        raise RelationError(f"{attacker.id} cannot attack itself")
    allowed = ATTACKS[attacker.kind]
    if target_kind in allowed:
        return
    if attacker.kind == "issue":
        advice = _ADVICE[("issue", None)]
    elif attacker.kind == "premise":
        advice = _ADVICE[("premise", "attack")]
    elif target_kind == "issue":
        advice = "an issue is a question and cannot be attacked; attack a claim that answers it"
    elif attacker.kind == "undercutter":
        advice = _ADVICE[("undercutter", "statement")]
    else:
        advice = _ADVICE.get((attacker.kind, target_kind), "not allowed")
    raise RelationError(
        f"{attacker.id} ({attacker.kind}) cannot attack {target_id} ({target_kind}): {advice}"
    )
