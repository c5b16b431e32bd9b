"""The citation engine of briefs and memos, case by case from the Bluebook's rules.

Each test renders a tiny user template that cites in a known order, so the expected text
is what the rule asks for: a full citation first (rule 10.1, with subsequent history,
rule 10.7, and [hereinafter], rule 4.2(b)), *Id.* right after the same single source
(rule 4.1), short forms with pins afterwards (rule 10.9), short forms unambiguous within
the document, signals italicised and capitalised only at the start of a citation
sentence (rule 1.2), and quotations (rule 5) with their pin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap as am
from argmap.brief import render_brief
from argmap.checks import check_map
from argmap.model import Cite

MAP = """
argmap: 1
title: Citations
parties:
  us: {label: the United States, relief: "The Court should reverse the injunction.",
       counsel: "Jane Roe\\nSolicitor General"}
  city: {label: City of Springfield}
authorities:
  printz: {kind: case, name: Printz v. United States,
           cite: "Printz v. United States, 521 U.S. 898 (1997)"}
  dole: {kind: case, name: South Dakota v. Dole, cite: "483 U.S. 203 (1987)"}
  chi7: {kind: case, name: City of Chicago v. Sessions,
         cite: "City of Chicago v. Sessions, No. 17-2991 (7th Cir. Apr. 19, 2018)",
         court: 7th Cir., year: 2018}
  chind: {kind: case, name: City of Chicago v. Sessions,
          cite: "City of Chicago v. Sessions, No. 17-cv-5720 (N.D. Ill. Sept. 15, 2017)",
          court: N.D. Ill., year: 2017}
  phila: {kind: case, name: City of Philadelphia v. Attorney General,
          cite: "City of Philadelphia v. Attorney General, 916 F.3d 276 (3d Cir. 2019)",
          history: "cert. denied, No. 19-1 (U.S. 2020)"}
  bove: {kind: memo, name: Bove memorandum, short: Bove memo,
         cite: "Memorandum from Emil Bove, Acting Deputy Att'y Gen., to All Dep't Emps. (Jan. 21, 2025)"}
  sb54: {kind: statute, name: California Values Act, short: SB 54,
         cite: "Cal. Gov't Code §§ 7284–7284.12"}
  s1373: {kind: statute, name: "8 U.S.C. § 1373", cite: "8 U.S.C. § 1373"}
statements:
  Q1: {issue: May the city decline to hold people for ICE?, nature: law,
       standard: preponderance, background: "The city adopted a policy in 2017.",
       framings: {city: "Whether the Tenth Amendment lets the city decline."}}
  Q2: {issue: Do sanctuary policies raise crime?, nature: policy, standard: preponderance}
  Q3: {issue: Did the officer hold the person past release?, nature: fact,
       standard: preponderance}
  C1: {claim: "Yes: the city may decline", party: city, answers: Q1}
  P1: {premise: Congress may not command local officers, party: city, supports: C1,
       cites: ["printz@935"]}
  P1B: {premise: Nor may it command them through a statute, party: city, supports: C1,
        cites: ["printz@935", "printz@913"]}
  P2: {premise: Conditions must be stated clearly, party: city, supports: C1,
       cites: [{id: dole, pin: "207", signal: see}]}
  P3: {premise: Both Chicago courts enjoined the conditions, party: city, supports: C1,
       cites: [chi7, chind, "chi7@5"]}
  P4: {premise: The Third Circuit agreed, party: city, supports: C1,
       cites: [{id: phila, pin: "285", signal: cf.}, bove, sb54]}
  P4B: {premise: The Executive says otherwise, party: city, supports: C1,
        cites: [bove, sb54]}
  C2: {claim: "No: the city must hold them", party: us, answers: Q1}
  P5: {premise: Section 1373 bars restrictions on sharing status information,
       party: us, supports: C2, cites: [s1373]}
  C3: {claim: Crime falls under sanctuary policies, party: city, answers: Q2,
       cites: ["printz@900"]}
  C4: {claim: The officer held him two hours, party: city, answers: Q3,
       cites: ["printz@901"]}
"""


@pytest.fixture(scope="module")
def m() -> am.ArgumentMap:
    return am.loads(MAP)


def _render(m: am.ArgumentMap, tmp_path: Path, body: str, **kw: object) -> str:
    (tmp_path / "t.md").write_text(body, encoding="utf-8")
    text = render_brief(m, template="t", side="city", templates=tmp_path, **kw).text  # type: ignore[arg-type]
    return text.replace("\u00a0", " ").strip()


# the sub-points of Point I, in map order: P1, P1B, P2, P3, P4, P4B
P1 = "{% set s = points[0].subpoints %}{% set p = s[0].cites + s[1].cites %}"


def test_first_citation_is_full_then_id_then_id_at(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 10.1 (full first), 4.1 (Id. for the same page, Id. at for another page)
    text = _render(
        m,
        tmp_path,
        P1 + "{% for c in p %}{{ cite_sentence([c]) }}\n{% endfor %}",
    )
    assert text.splitlines() == [
        "*Printz v. United States*, 521 U.S. 898, 935 (1997).",
        "*Id.*",
        "*Id.* at 913.",
    ]


def test_short_form_with_pin_after_another_authority(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 10.9: once another source intervenes, the short form, with its pin
    body = (
        P1 + "{% set a = p %}{% set d = s[2].cites %}"
        "{{ cite_sentence([a[0]]) }} {{ cite_sentence([d[0]]) }} {{ cite_sentence([a[2]]) }}"
        " {{ cite_sentence([d[0]]) }}"
    )
    text = _render(m, tmp_path, body)
    assert text == (
        "*Printz v. United States*, 521 U.S. 898, 935 (1997). "
        "*See* *South Dakota v. Dole*, 483 U.S. 203, 207 (1987). "
        "*Printz*, 521 U.S. at 913. "
        "*See* *Dole*, 483 U.S. at 207."  # the State is skipped in the short form
    )


def test_no_id_after_a_string_citation(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 4.1: Id. cannot refer to a citation sentence of several sources
    body = (
        "{% set a = points[0].subpoints[0].cites %}{% set d = points[0].subpoints[2].cites %}"
        "{{ cite_sentence([a[0], d[0]]) }} {{ cite_sentence([d[0]]) }}"
    )
    text = _render(m, tmp_path, body)
    assert text.endswith("*See* *Dole*, 483 U.S. at 207.")
    assert "*Id.*" not in text


def test_new_point_interrupts_id(m: am.ArgumentMap, tmp_path: Path) -> None:
    body = P1 + "{{ cite_sentence([p[0]]) }} {{ new_point() }}{{ cite_sentence([p[1]]) }}"
    text = _render(m, tmp_path, body)
    assert text.endswith("*Printz*, 521 U.S. at 935.")


def test_hereinafter_for_memos_and_popular_names(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 4.2(b): a memo or statute known by a name the citation does not contain is
    # introduced with [hereinafter ...], then cited by that name
    body = "{% set s = points[0].subpoints %}{{ cite_sentence(s[4].cites[1:] + s[5].cites) }}"
    text = _render(m, tmp_path, body)
    assert text == (
        "Memorandum from Emil Bove, Acting Deputy Att'y Gen., to All Dep't Emps. "
        "(Jan. 21, 2025) \\[hereinafter Bove memo\\]; Cal. Gov't Code §§ 7284–7284.12 "
        "\\[hereinafter SB 54\\]; Bove memo; SB 54."  # Markdown escapes the brackets
    )


def test_ambiguous_short_forms_are_disambiguated(m: am.ArgumentMap, tmp_path: Path) -> None:
    # two decisions named City of Chicago v. Sessions, cited by docket number: the short
    # form names the court and year, and keeps the docket number with the pin
    body = "{% set c = points[0].subpoints[3].cites %}{{ cite_sentence(c) }}"
    text = _render(m, tmp_path, body)
    first, second, later = text.rstrip(".").split("; ")
    assert first.endswith(
        "(7th Cir. Apr. 19, 2018) \\[hereinafter *City of Chicago (7th Cir. 2018)*\\]"
    )
    assert second.endswith("\\[hereinafter *City of Chicago (N.D. Ill. 2017)*\\]")
    assert later == "*City of Chicago (7th Cir. 2018)*, No. 17-2991, at 5"


def test_signals_italicised_and_capitalised_only_first(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 1.2: the cite's signal; "see" given as the sentence's default for the rest
    body = (
        "{% set d = points[0].subpoints[2].cites %}{% set f = points[0].subpoints[4].cites %}"
        "{{ cite_sentence([f[0], d[0]], 'see also') }}"
    )
    text = _render(m, tmp_path, body)
    assert text.startswith("*Cf.* *City of Philadelphia v. Attorney General*")
    assert "; *see* *South Dakota v. Dole*" in text
    for fmt, cf in (("html", "<i>Cf.</i>"), ("tex", r"\emph{Cf.}")):
        (tmp_path / f"t.{fmt}").write_text(
            "{{ cite_sentence(points[0].subpoints[4].cites[:1]) }}", encoding="utf-8"
        )
        out = render_brief(m, template="t", format=fmt, side="city", templates=tmp_path).text
        assert out.startswith(cf), out


def test_subsequent_history_with_the_full_citation(m: am.ArgumentMap, tmp_path: Path) -> None:
    # rule 10.7: history follows the full citation only
    body = (
        "{% set c = points[0].subpoints[4].cites[0] %}"
        "{{ cite(c) }} | {{ new_point() }}{{ cite(c) }}"
    )
    text = _render(m, tmp_path, body)
    full, short = text.split(" | ")
    assert full.endswith("916 F.3d 276, 285 (3d Cir. 2019), *cert. denied*, No. 19-1 (U.S. 2020)")
    assert "cert. denied" not in short
    assert short == "*Cf.* *City of Philadelphia*, 916 F.3d at 285"


QUOTE_SHORT = "the Federal Government may not compel the States to implement"
QUOTE_LONG = " ".join(["word"] * 55)


def _quoting(quote: str, pin: str | None = "935") -> am.ArgumentMap:
    m = am.ArgumentMap("Q", parties={"city": "City"})
    m.authority("printz", "case", "Printz v. United States",
                "Printz v. United States, 521 U.S. 898 (1997)")  # fmt: skip
    q = m.issue("May the city decline?")
    c = m.claim("Yes: the city may decline", party="city", answers=q)
    m.premise("Congress may not command local officers", supports=c, party="city",
              cites=[Cite("printz", pin, quote=quote)])  # fmt: skip
    return m


def test_briefs_quote_the_authority() -> None:
    text = render_brief(_quoting(QUOTE_SHORT), side="city").text.replace("\u00a0", " ")
    # a fragment set as its own sentence: bracketed capital, period inside the quotes
    # (rule 5.2, 5.3); Markdown escapes the brackets
    assert QUOTE_SHORT.startswith("the ") and not QUOTE_SHORT.endswith(".")
    assert (
        f"Congress may not command local officers. “\\[T\\]{QUOTE_SHORT[1:]}.” "
        "*Printz v. United States*, 521 U.S. 898, 935 (1997)." in text
    )


def test_long_quotations_are_blocks() -> None:
    # rule 5.1(a): fifty words or more are indented, without quotation marks
    md = render_brief(_quoting(QUOTE_LONG), side="city").text
    assert f"\n> {QUOTE_LONG}\n" in md and f"“{QUOTE_LONG}”" not in md
    html = render_brief(_quoting(QUOTE_LONG), side="city", format="html", diagram=False).text
    assert f"<blockquote>{QUOTE_LONG}</blockquote>" in html
    tex = render_brief(_quoting(QUOTE_LONG), side="city", format="tex", diagram=False).text
    assert f"\\begin{{quote}}{QUOTE_LONG}\\end{{quote}}" in tex


def test_check_wants_a_pin_for_a_quotation() -> None:
    assert "quote-without-pin" not in {p.code for p in check_map(_quoting(QUOTE_SHORT))}
    problems = [
        p for p in check_map(_quoting(QUOTE_SHORT, pin=None)) if p.code == "quote-without-pin"
    ]
    assert [(p.node, p.severity) for p in problems] == [("P1", "warning")]


# ------------------------------------------------------------------ the brief around them


def test_questions_presented_are_framed_and_exclude_policy(m: am.ArgumentMap) -> None:
    city = render_brief(m, side="city").text
    qp = city[city.index("## Questions Presented") : city.index("## Table of Contents")]
    assert "Whether the Tenth Amendment lets the city decline." in qp
    assert "sanctuary policies raise crime" not in qp  # a policy question
    us = render_brief(m, side="us").text
    assert "May the city decline to hold people for ICE?" in us  # the neutral fallback


def test_standard_of_proof_only_for_questions_of_fact(m: am.ArgumentMap) -> None:
    memo = render_brief(m, template="memo").text
    law = memo[memo.index("### 1.") : memo.index("### 2.")]
    fact = memo[memo.index("### 3.") :]
    assert "preponderance" not in law and "This is a question of law." in law
    assert "The standard of proof is a preponderance of the evidence." in fact


def test_relief_counsel_and_statement_of_the_case(m: am.ArgumentMap) -> None:
    us = render_brief(m, side="us").text
    assert "For the foregoing reasons, the Court should reverse the injunction." in us
    assert "Jane Roe" in us and "Solicitor General" in us
    assert "## Statement of the Case\n\nThe city adopted a policy in 2017." in us
    city = render_brief(m, side="city").text
    assert "decide the questions presented in favor of City of Springfield." in city
    assert "*Counsel for City of Springfield*" in city


def test_rejected_own_statements_left_out_or_answered() -> None:
    m = am.ArgumentMap("R", parties={"a": "A", "b": "B"})
    q = m.issue("Q?")
    c = m.claim("The claim holds", party="a", answers=q, cites=[])
    m.premise("A good reason", supports=c, party="a")
    bad = m.premise("A weak reason", supports=c, party="a")
    m.rebuttal("The weak reason is false", attacks=bad, party="b")
    ev = am.evaluate(m)
    assert ev.status(bad.id) == "rejected"
    default = render_brief(m, ev, side="a").text
    assert "A weak reason" not in default and "A good reason" in default
    kept = render_brief(m, ev, side="a", include_rejected=True).text
    assert "A weak reason" in kept and "B objects that the weak reason is false." in kept
    assert "Drafting note" not in kept
    for text in (default, kept):
        assert "rejected" not in text


def test_drafting_notes_only_on_request() -> None:
    m = _quoting(QUOTE_SHORT)  # no issue has a background: the draft says so
    off = render_brief(m, side="city", format="html", diagram=False).text
    on = render_brief(m, side="city", format="html", diagram=False, drafting=True).text
    assert "Drafting note" not in off and "Statement of the Case" not in off
    assert '<aside class="drafting">Drafting note: the map gives no issue a background' in on
    tex = render_brief(m, side="city", format="tex", diagram=False, drafting=True).text
    assert "\\marginpar{\\raggedright\\footnotesize Drafting note:" in tex


@pytest.mark.parametrize(("template", "side"), [("brief", "city"), ("brief", "us"), ("memo", None)])
def test_golden_structure(m: am.ArgumentMap, template: str, side: str | None) -> None:
    """The outline of headings of a brief and a memo: the parts a reader relies on."""
    from tests.test_brief import _golden

    text = render_brief(m, am.evaluate(m), template=template, side=side).text
    outline = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    _golden(f"structure-{template}{'-' + side if side else ''}.md", outline)


def test_a_name_with_nothing_printable_still_gets_a_short_form() -> None:
    # found by hypothesis: a name of one control character left an empty short name
    m = am.ArgumentMap("Q", parties={"city": "City"})
    m.authority("odd", "case", "\x1b", "Printz v. United States, 521 U.S. 898 (1997)")
    q = m.issue("May the city decline?")
    c = m.claim("Yes: the city may decline", party="city", answers=q)
    m.premise("Congress may not command local officers", supports=c, party="city",
              cites=["odd@935", "odd@936"])  # fmt: skip
    text = render_brief(m, side="city").text
    assert "521 U.S. 898, 935" in text and "936" in text
