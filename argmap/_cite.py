"""The citation engine of briefs and memos: Bluebook forms in document order.

:mod:`argmap._briefdata` gives every citation its fixed parts (full form, short form,
signal, subsequent history, a hereinafter name); this module decides, as a document is
written, which form each citation takes:

* the **first** citation of an authority is the full one, with its subsequent history
  (Bluebook 10.7) and, for memoranda, executive orders and statutes known by a name
  the citation does not contain, ``[hereinafter Name]`` (rule 4.2(b));
* a citation of the **same authority as the one immediately before**, when that one
  cited a single source, is *Id.* (rule 4.1), or *Id.* at the new pin for a case;
* any **later** citation is the short form, with its pin (rule 10.9);
* an introductory **signal** (rule 1.2) is italicised and capitalised only where it
  opens a citation sentence; the same signal is not repeated within a string citation.

The engine is format-agnostic: it returns :class:`Piece` values, text marked italic or
roman, that :mod:`argmap.brief` escapes and typesets for Markdown, HTML or LaTeX.

Example:
    >>> from argmap._briefdata import Citation
    >>> printz = Citation("printz", "913", "Printz v. United States, 521 U.S. 898, 913 (1997)",
    ...                   "Printz, 521 U.S. at 913", "Printz v. United States", "Printz",
    ...                   "case", "Cases", True, at="913")
    >>> state = CiteState()
    >>> plain(sentence_pieces([printz], state))
    'Printz v. United States, 521 U.S. 898, 913 (1997).'
    >>> plain(sentence_pieces([printz], state))
    'Id.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._briefdata import Citation

__all__ = ["CiteState", "Piece", "citation_pieces", "plain", "sentence_pieces"]


@attrs.frozen
class Piece:
    """A run of citation text, italic or roman (the format decides how to show it).

    Example:
        >>> Piece("Id.", True).italic
        True
    """

    text: str
    italic: bool = False
    case_name: bool = False


@attrs.define
class CiteState:
    """What the document has cited so far: the authorities, and the last citation.

    ``last`` is ``(authority, pin)`` of the citation just made when it stood alone in
    its citation sentence, else ``None`` (*Id.* cannot refer to a string citation).

    Example:
        >>> s = CiteState(); s.seen, s.last
        (set(), None)
    """

    seen: set[str] = attrs.field(factory=set)
    last: tuple[str, str | None] | None = None

    def interrupt(self) -> None:
        """Forget the last citation, so the next one is not *Id.* (a new point begins).

        Example:
            >>> s = CiteState(last=("printz", None)); s.interrupt(); s.last is None
            True
        """
        self.last = None


def plain(pieces: Iterable[Piece]) -> str:
    """The pieces as plain text.

    Example:
        >>> plain([Piece("See", True), Piece(" "), Piece("Id.", True)])
        'See Id.'
    """
    return "".join(p.text for p in pieces)


def _signal_pieces(signal: str | None, opening: bool) -> list[Piece]:
    if not signal:
        return []
    word = signal[:1].upper() + signal[1:] if opening else signal
    return [Piece(word, True), Piece(" ")]


def _id_pieces(c: Citation, last_pin: str | None, capital: bool) -> list[Piece] | None:
    """*Id.* or *Id.* at pin, or ``None`` when the pin cannot follow *Id.* in this kind."""
    word = "Id." if capital else "id."
    if c.pin == last_pin or c.pin is None:
        return [Piece(word, True)]
    if c.at is not None:
        return [Piece(word, True), Piece(f" at {c.at}")]
    return None


#: A case name as written before its reporter or docket ("Murphy v. Nat'l Collegiate
#: Athletic Ass'n, 584 U.S. …"), for maps whose ``name`` is spelt out differently.
_CASE_NAME = re.compile(r"^(.+?)(?=, (?:\d|No\.|[A-Z][A-Za-z.]* \d))")


def _name_pieces(text: str, name: str, italic: bool) -> list[Piece]:
    """``text`` with its leading case name in italics (cases only).

    Example:
        >>> [p.italic for p in _name_pieces("Murphy v. NCAA, 584 U.S. 453", "Murphy", True)]
        [True, False]
    """
    if not italic:
        return [Piece(text)]
    if name and text.startswith(name):
        cut = len(name)
    else:
        match = _CASE_NAME.match(text)
        cut = match.end() if match else 0
    if not cut:
        return [Piece(text)]
    rest = text[cut:]
    return [Piece(text[:cut], True, True)] + ([Piece(rest)] if rest else [])


def citation_pieces(
    c: Citation,
    state: CiteState,
    *,
    form: str = "auto",
    opening: bool = True,
    signal: str | None = None,
) -> list[Piece]:
    """One citation in the form the document calls for at this point.

    ``form`` is ``"auto"`` (the rules above), ``"full"`` or ``"short"``; ``opening``
    says whether it opens a citation sentence (a capital *Id.* and signal); ``signal``
    is printed before it (``None``: none). Records the citation in ``state``.

    Example:
        >>> from argmap._briefdata import Citation
        >>> eo = Citation("eo", None, "Exec. Order No. 14,287, 90 Fed. Reg. 18,761 (2025)",
        ...               "EO 14,287", "EO 14,287", "EO 14,287", "executive-order",
        ...               "Executive Materials", True, hereinafter="EO 14,287")
        >>> s = CiteState()
        >>> plain(citation_pieces(eo, s))
        'Exec. Order No. 14,287, 90 Fed. Reg. 18,761 (2025) [hereinafter EO 14,287]'
        >>> s.interrupt(); plain(citation_pieces(eo, s, signal="see"))
        'See EO 14,287'
    """
    out = _signal_pieces(signal, opening)
    capital = opening and not signal
    first = c.authority not in state.seen
    case = c.kind == "case"
    body: list[Piece] | None = None
    if form == "auto" and not first and state.last is not None and state.last[0] == c.authority:
        body = _id_pieces(c, state.last[1], capital)
    if body is None:
        full = form == "full" or (form == "auto" and first)
        if full:
            body = _name_pieces(c.full, c.name, case)
            if c.history:
                body.append(Piece(", "))
                body.extend(history_pieces(c.history))
            if c.hereinafter:
                body.append(Piece(" [hereinafter "))
                body.append(Piece(c.hereinafter, case, case))
                body.append(Piece("]"))
        else:
            body = _name_pieces(c.short, c.short_name, case)
    state.seen.add(c.authority)
    state.last = (c.authority, c.pin)
    return out + body


#: An explanatory phrase of subsequent history: lower-case words ("aff'd in part, vacated
#: in part sub nom."), at the start or after a closing parenthesis.
_PHRASE = re.compile(r"[a-z][\w'’.]*(?:,? [a-z][\w'’.]*)*")
#: The case name after "sub nom.", up to its reporter or docket number.
_NEW_NAME = re.compile(r" (?P<name>[^,]+(?:,[^,\d]+?)*?)(?=,\s*(?:\d|Nos?\.))")


def history_pieces(history: str) -> list[Piece]:
    """Subsequent history with its explanatory phrases (*aff'd*, *cert. denied*) and a
    case name after *sub nom.* in italics, as the Bluepages set them in court documents.

    Example:
        >>> def show(h):
        ...     return "".join(f"*{p.text}*" if p.italic else p.text for p in history_pieces(h))
        >>> show("aff'd sub nom. A v. B, 1 F.3d 2 (2000)")
        "*aff'd sub nom.* *A v. B*, 1 F.3d 2 (2000)"
        >>> show("reh'g denied, 9 F.3d 1 (2000), cert. dismissed, No. 20-1 (U.S. 2021)")
        "*reh'g denied*, 9 F.3d 1 (2000), *cert. dismissed*, No. 20-1 (U.S. 2021)"
    """
    out: list[Piece] = []
    at = 0
    plain = 0
    while at < len(history):
        if at == 0 or history.startswith("), ", at - 3):
            phrase = _PHRASE.match(history, at)
            if phrase and phrase.end() > at:
                if plain < at:
                    out.append(Piece(history[plain:at]))
                out.append(Piece(phrase.group(), True))
                at = plain = phrase.end()
                name = _NEW_NAME.match(history, at) if phrase.group().endswith("sub nom.") else None
                if name:
                    out.append(Piece(" "))
                    out.append(Piece(name["name"], True, True))
                    at = plain = name.end()
                continue
        at += 1
    if plain < len(history):
        out.append(Piece(history[plain:]))
    return out


def sentence_pieces(
    items: Sequence[Citation], state: CiteState, *, signal: str | None = None
) -> list[Piece]:
    """A citation sentence: citations joined by "; ", each with its signal, a final period.

    A citation's own signal wins over ``signal`` (the default for the sentence); a
    signal already in force is not repeated; *Id.* is used only after a citation
    sentence of one source.

    Example:
        >>> from argmap._briefdata import Citation
        >>> def case(i, name, vol):
        ...     return Citation(i, None, f"{name}, {vol} U.S. 1 (2000)", f"{name}, {vol} U.S. 1",
        ...                     name, name, "case", "Cases", True, signal="see")
        >>> s = CiteState()
        >>> plain(sentence_pieces([case("a", "Alpha", 1), case("b", "Beta", 2)], s))
        'See Alpha, 1 U.S. 1 (2000); Beta, 2 U.S. 1 (2000).'
        >>> plain(sentence_pieces([case("b", "Beta", 2)], s))
        'See Beta, 2 U.S. 1.'
    """
    out: list[Piece] = []
    current: str | None = None
    for n, c in enumerate(items):
        wanted = c.signal if c.signal is not None else signal
        shown = wanted if wanted != current or n == 0 else None
        current = wanted
        if n:
            out.append(Piece("; "))
        out += citation_pieces(c, state, opening=n == 0, signal=shown)
    if len(items) > 1:
        state.last = None
    if out and not out[-1].text.endswith("."):
        out.append(Piece("."))
    return out
