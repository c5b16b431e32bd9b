"""Tests of argmap.brief: golden files, the table of authorities, escaping, the sandbox.

Golden files live in ``tests/golden/brief/``; after a deliberate change to a template,
regenerate them with ``ARGMAP_UPDATE_GOLDEN=1 pytest tests/test_brief.py`` and read the
diff before committing.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import markupsafe
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import argmap as am
from argmap import _briefdata as bd
from argmap.brief import (
    FORMATS,
    available_templates,
    brief_context,
    escape_latex,
    escape_markdown,
    render_brief,
)
from argmap.exceptions import BriefError, MissingDependencyError
from argmap.model import Cite

GOLDEN = Path(__file__).parent / "golden" / "brief"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"
TEMPLATES = ("brief", "memo", "outline")
needs_pdflatex = pytest.mark.skipif(
    shutil.which("pdflatex") is None, reason="needs pdflatex (apt-get install texlive-latex-base)"
)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def fixed() -> am.ArgumentMap:
    """The small fixed map of the golden tests."""
    return am.load(GOLDEN / "map.yaml")


def _casebook() -> am.ArgumentMap:
    return am.casebook.load("sanctuary")


@pytest.fixture(scope="module")
def casebook() -> am.ArgumentMap:
    return _casebook()


@attrs.frozen
class FakeOutcome:
    issue: str
    standard: str | None
    status: str
    winners: tuple[str, ...]
    explanation: str


@attrs.frozen
class FakeEvaluation:
    """The duck-typed evaluation contract of argmap.brief, with fixed answers."""

    statuses: dict[str, str]
    semantics: str = "grounded"
    assumed: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()

    def status(self, ident: str) -> str:
        return self.statuses.get(ident, "undecided")

    def explain(self, ident: str) -> str:
        return f"{ident} is {self.status(ident)} (fake explanation)."

    def outcome(self, issue: str) -> FakeOutcome:
        if issue == "Q2":
            return FakeOutcome(issue, "preponderance", "accepted", ("C1",), "C1 prevails.")
        return FakeOutcome(issue, None, "undecided", (), f"No answer to {issue} stands.")


@pytest.fixture(scope="module")
def fake_ev() -> FakeEvaluation:
    return FakeEvaluation(
        {"C1": "accepted", "C1.R1": "rejected", "C2": "rejected", "C3": "accepted"},
        assumed=("C2.1",),
        rejected=("C2.2",),
    )


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8", newline="\n")
        if not UPDATE:
            pytest.fail(f"golden file {name} was missing and has been written; check it in")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, "
        "rerun with ARGMAP_UPDATE_GOLDEN=1"
    )


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_golden(fixed: am.ArgumentMap, template: str, fmt: str) -> None:
    side = "city" if template == "brief" else None
    brief = render_brief(fixed, template=template, format=fmt, side=side, diagram=False)
    suffix = "-city" if side else ""
    _golden(f"{template}{suffix}.{fmt}", brief.text)


def test_golden_other_side(fixed: am.ArgumentMap) -> None:
    _golden("brief-gov.md", render_brief(fixed, side="gov").text)


@pytest.mark.parametrize("template", TEMPLATES)
def test_golden_with_evaluation(
    fixed: am.ArgumentMap, fake_ev: FakeEvaluation, template: str
) -> None:
    side = "city" if template == "brief" else None
    text = render_brief(fixed, fake_ev, template=template, side=side).text
    _golden(f"{template}-evaluated.md", text)


def test_output_is_deterministic(fixed: am.ArgumentMap) -> None:
    again = am.load(GOLDEN / "map.yaml")
    for fmt in FORMATS:
        a = render_brief(fixed, format=fmt, side="city", diagram=False).text
        b = render_brief(again, format=fmt, side="city", diagram=False).text
        assert a == b


# --------------------------------------------------------------------------- brief content


def test_brief_sections_in_order(fixed: am.ArgumentMap) -> None:
    text = render_brief(fixed, side="city").text
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert heads == [
        "## Questions Presented",
        "## Table of Contents",
        "## Table of Authorities",
        "## Summary of Argument",
        "## Argument",
        "## Conclusion",
    ]
    # a brief argues: no status, no internal description, no drafting notes by default
    for word in ("rejected", "accepted", "undecided", "Drafting note", "golden tests"):
        assert word not in text


def test_point_headings(fixed: am.ArgumentMap) -> None:
    ctx = brief_context(fixed, side="city")
    # full sentences: the conclusion and the first reason; the stub point that only
    # cross-referred (the answer to C3) is merged into the point that answers it, and a
    # claim with nothing to argue (X1) makes no point
    assert [(p.label, p.kind, p.heading) for p in ctx.points] == [
        (
            "I",
            "answer",
            "The contention that “grants may be conditioned on cooperation” is mistaken, "
            "because only Congress holds the spending power.",
        ),
        (
            "II",
            "claim",
            "Local officers need not honor detainers, because detainers are requests, "
            "not commands.",
        ),
    ]
    assert [a.id for a in ctx.points[1].also_answers] == ["C3"]
    answer = ctx.points[0]
    assert [(s.label, s.id, s.relation) for s in answer.subpoints] == [
        ("I.A", "C1.R1", "rebut"),
        ("I.B", "C1.R2", "undermine"),
    ]
    own = ctx.points[1]
    assert [s.label for s in own.subpoints] == ["II.A", "II.B"]
    assert own.subpoints[0].premises[0].label == "II.A.1"
    # the opposing claim C3 is answered in its own point, not as a reply here
    assert [(o.statement.id, o.point) for o in own.objections] == [
        ("C2.R1", None),
        ("C3", None),
        ("C2.U1", None),
    ]
    assert [r.id for r in own.objections[0].replies] == ["C2.R1.C"]
    assert own.see_also == ()


def test_default_side_is_first_party_with_a_claim(fixed: am.ArgumentMap) -> None:
    brief = render_brief(fixed)
    assert brief.side == "gov"
    assert "**Brief for United States**" in brief.text
    assert render_brief(fixed, template="memo").side is None
    assert render_brief(fixed, template="argmap/memo").side is None
    memo_page = render_brief(fixed, template="argmap/memo", format="html", diagram=False)
    assert 'class="argmap-brief argmap-memo"' in memo_page.text


def test_short_form_on_later_citations(fixed: am.ArgumentMap) -> None:
    text = render_brief(fixed, side="city").text
    argument = text[text.index("## Argument") :]
    first = argument.index("*Printz v. United States*, 521 U.S. 898, 935 (1997)")
    later = argument.index("*Printz*, 521 U.S. at 913")
    assert first < later
    assert argument.count("*Printz v. United States*") == 1
    # a case cited without its name in `cite` gets it, and short forms skip the State
    assert "*South Dakota v. Dole*, 483 U.S. 203, 207 (1987)" in argument
    assert "*Id.* at 208" in argument  # Dole again, right after Dole at 207
    # a subsection pin attaches without a comma
    assert "8\u00a0C.F.R. §\u00a0287.7(a)" in argument


def test_cite_helper_counts_every_form(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    (tmp_path / "cites.md").write_text(
        "{% set c = points[1].subpoints[0].premises[0].cites[1] %}"
        "{{ cite(c, 'short') }} / {{ cite(c) }} / {{ cite(c, 'full') }}\n"
    )
    text = render_brief(fixed, template="cites", side="city", templates=tmp_path).text
    assert text == (
        "*Printz*, 521 U.S. at 913 / *Id.* / *Printz v. United States*, 521 U.S. 898, 913 (1997)\n"
    )
    (tmp_path / "bad.md").write_text("{{ cite(title) }}")
    with pytest.raises(BriefError, match="cite\\(\\) takes a citation"):
        render_brief(fixed, template="bad", templates=tmp_path)


def test_unverified_authorities_are_flagged(fixed: am.ArgumentMap) -> None:
    for fmt, mark in (("md", "†"), ("html", 'class="unverified"'), ("tex", r"\textdagger")):
        text = render_brief(fixed, format=fmt, side="city", diagram=False).text
        assert mark in text
        assert "Citation not fully verified" in text
    ctx = brief_context(fixed, side="city")
    flagged = [e.id for g in ctx.authorities for e in g.entries if not e.verified]
    assert flagged == ["s1644"]
    assert ctx.unverified


def test_toa_groups_order_and_points(fixed: am.ArgumentMap) -> None:
    ctx = brief_context(fixed, side="city")
    assert [(g.name, [e.id for e in g.entries]) for g in ctx.authorities] == [
        ("Cases", ["neagle", "printz", "dole"]),
        ("Constitutional Provisions", ["art6"]),
        ("Statutes", ["s1373", "s1644", "s1071"]),
        ("Regulations", ["reg"]),
        ("Executive Materials", ["eo"]),
    ]
    # the study backs an objection the brief does not answer: cited only in a draft
    drafted = brief_context(fixed, side="city", drafting=True)
    assert drafted.authorities[-1].entries[0].id == "study"
    printz = ctx.authorities[0].entries[1]
    assert [p.label for p in printz.points] == ["I", "II"]
    assert printz.pins == ("913", "935")


def test_toa_lists_what_the_template_cites(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    # a user template that shows only Point II: the table must not list Point I's cases
    (tmp_path / "short.md").write_text(
        "{% import 'argmap/_macros.md' as m with context %}"
        "{% for g in authorities %}{% for e in g.entries %}"
        "TOA {{ e.id }} {{ e.points|map(attribute='label')|join(',') }}\n"
        "{% endfor %}{% endfor %}"
        "{% for s in points[1].subpoints %}{{ said(s) }}\n{% endfor %}"
    )
    text = render_brief(fixed, template="short", side="city", templates=tmp_path).text
    toa = [line.split()[1:] for line in text.splitlines() if line.startswith("TOA ")]
    assert toa == [["neagle", "II"], ["reg", "II"]]


def test_memo_irac(fixed: am.ArgumentMap, fake_ev: FakeEvaluation) -> None:
    text = render_brief(fixed, template="memo").text
    assert text.count("#### Issue") == text.count("#### Rule") == 3
    assert text.count("Not evaluated.") == 3
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert heads[:3] == ["## Questions Presented", "## Brief Answers", "## Discussion"]
    assert "**To:** File" in text and "**Re:** Grants" in text and "**Date:**" not in text
    dated = render_brief(fixed, template="memo", date="May 1, 2026", memo_to="Partner").text
    assert "**Date:** May 1, 2026" in dated and "**To:** Partner" in dated
    evaluated = render_brief(fixed, fake_ev, template="memo").text
    # brief answers from the evaluation, naming no ids
    assert (
        "1.1. Probably yes. Grants may be conditioned on cooperation, as the United States argues."
        in evaluated
    )
    assert "remain in dispute" in evaluated
    assert not re.search(r"\bC\d", evaluated.replace("C.F.R.", ""))
    # the rule is a sentence from a holding, with its source; every argument is shown
    assert (
        "Spending conditions must be unambiguous and related to the federal interest. "
        "*South Dakota v. Dole*" in evaluated
    )
    assert "further argument" not in evaluated
    # strongest first: by status, then support
    ctx = brief_context(fixed, fake_ev, template="memo")
    q3 = ctx.all_issues[2]
    assert [(s.party.id, [a.id for a in s.arguments]) for s in q3.sides if s.party] == [
        ("gov", ["C3", "C2.R1", "C2.U1"]),
        ("city", ["C2"]),
    ]
    q2 = ctx.all_issues[1]
    # the source of the rule statement first, then the hierarchy of sources
    assert [r.citation.authority for r in q2.rule] == ["dole", "s1373", "s1644", "printz", "eo"]
    q3_rule = [r.citation.authority for r in ctx.all_issues[2].rule]
    assert "study" not in q3_rule  # empirical sources go under Application only


def test_outline_covers_every_statement(fixed: am.ArgumentMap) -> None:
    text = render_brief(fixed, template="outline").text
    for stmt in fixed:
        if not isinstance(stmt, am.Issue):
            assert f", {stmt.id})*" in text, stmt.id
    assert "## Statements outside any question" in text


def test_context_is_plain_frozen_data(fixed: am.ArgumentMap, fake_ev: FakeEvaluation) -> None:
    ctx = brief_context(fixed, fake_ev, side="city")
    allowed = (str, int, bool, type(None))

    def walk(value: Any) -> Iterator[Any]:
        yield value
        if isinstance(value, tuple):
            for item in value:
                yield from walk(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                yield from walk(getattr(value, field.name))

    for value in walk(ctx):
        assert isinstance(value, (*allowed, tuple)) or (
            attrs.has(type(value)) and type(value).__module__ == "argmap._briefdata"
        ), type(value)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ctx.title = "changed"  # type: ignore[misc]


def test_statuses_in_context(fixed: am.ArgumentMap, fake_ev: FakeEvaluation) -> None:
    ctx = brief_context(fixed, fake_ev, side="city", include_rejected=True)
    claim = ctx.points[1].claim
    assert (claim.id, claim.status, claim.explanation) == (
        "C2",
        "rejected",
        "C2 is rejected (fake explanation).",
    )
    assert ctx.evaluation is not None
    assert [s.id for s in ctx.evaluation.assumed] == ["C2.1"]
    assert claim.premises[0].assumed
    assert claim.premises[1].denied


def test_unplaced_and_cycles() -> None:
    m = am.ArgumentMap("Loop", parties={"a": "A", "b": "B"})
    x = m.claim("x", party="a")
    y = m.claim("y", party="b", attacks=x)
    m.attack(x, y)
    ctx = brief_context(m, side="a")
    assert [a.id for a in ctx.unplaced] == ["C1"]
    assert ctx.unplaced[0].objections[0].objections[0].repeated
    assert "## Argument" in render_brief(m, side="a").text


def test_empty_map_renders_everywhere() -> None:
    for template in TEMPLATES:
        for fmt in FORMATS:
            text = render_brief(am.ArgumentMap(), template=template, format=fmt).text
            assert text.endswith("\n")


def test_real_evaluation(casebook: am.ArgumentMap) -> None:
    evaluation = pytest.importorskip("argmap.evaluation")
    ev = evaluation.evaluate(casebook)
    text = render_brief(casebook, ev, template="memo").text
    assert "## Brief Answers" in text
    assert "Not evaluated." not in text


# --------------------------------------------------------------------------- casebook


@pytest.mark.parametrize("side", ["local", "federal"])
def test_casebook_brief_cites_every_authority_in_group_order(
    casebook: am.ArgumentMap, side: str
) -> None:
    ctx = brief_context(casebook, side=side)
    text = render_brief(casebook, side=side).text
    toa = text[text.index("## Table of Authorities") : text.index("## Summary of Argument")]
    listed = [e for g in ctx.authorities for e in g.entries]
    # the table lists what the brief cites (objections it does not answer are left out)
    assert {e.id for e in listed} <= {a.id for a in casebook.cited()}
    # with everything shown, every authority the side's own statements cite is listed
    drafted = brief_context(casebook, side=side, drafting=True, include_rejected=True)
    shown = {e.id for g in drafted.authorities for e in g.entries}
    own = {c.authority for s in casebook.statements.values() if s.party == side for c in s.cites}
    assert own <= shown <= {a.id for a in casebook.cited()}
    for group in ctx.authorities:
        assert group.name == bd.GROUPS[bd.GROUPS.index(group.name)]
        for e in group.entries:
            assert bd._GROUP_OF[casebook.get_authority(e.id).kind] == group.name
        keys = [bd.toa_sort_key(e.citation) for e in group.entries]
        assert keys == sorted(keys)
    # the rendered table lists them in that order, each under its group heading
    plain = re.sub(r"(?<!\\)\*", "", toa)  # case names are in *italics*
    positions = [plain.index(escape_markdown(e.citation)) for e in listed]
    assert positions == sorted(positions)
    heads = [toa.index(f"### {g.name}") for g in ctx.authorities]
    assert heads == sorted(heads)
    assert all(e.points for e in listed)


@pytest.mark.parametrize("template", TEMPLATES)
def test_casebook_renders_all_formats(casebook: am.ArgumentMap, template: str) -> None:
    for fmt in FORMATS:
        brief = render_brief(casebook, template=template, format=fmt, diagram=False)
        assert len(brief.text) > 5000


# --------------------------------------------------------------------------- escaping

statement_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1
).filter(lambda t: t.strip() != "")


def _one_claim_map(text: str) -> am.ArgumentMap:
    m = am.ArgumentMap("T", parties={"a": "A", "b": "B"})
    q = m.issue("Q?")
    c = m.claim("The claim", party="a", answers=q)
    m.rebuttal(text, attacks=c, party="b")
    return m


@given(statement_text)
@example("<script>alert('x')</script>")
@example("&lt;script&gt; & \"quotes\" 'single'")
def test_html_escapes_statement_text(text: str) -> None:
    out = render_brief(_one_claim_map(text), format="html", side="b", diagram=False).text
    expected = bd.sentence(text)  # the text on one line, with a full stop if it had none
    escaped = str(markupsafe.escape(expected))
    assert escaped in out
    assert html.unescape(escaped) == expected
    assert "<script" not in out.lower()


@given(statement_text)
@example("*not* a [link](x) `code` <b>raw</b> $x$ @cite ^sup^ ~sub~ | # 1. \\")
def test_markdown_escapes_statement_text(text: str) -> None:
    escaped = escape_markdown(bd.sentence(text))
    assert re.sub(r"\\(.)", r"\1", escaped) == bd.sentence(text)
    assert not re.search(r"(?<!\\)[*_`\[\]<>$@^~|#]", escaped)
    out = render_brief(_one_claim_map(text), format="md", side="b").text
    assert escaped in out


def test_markdown_literal_example() -> None:
    assert escape_markdown("*not* a [link](x)") == r"\*not\* a \[link\](x)"


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="needs pandoc")
def test_pandoc_reads_the_markdown_literally(fixed: am.ArgumentMap) -> None:
    for template in TEMPLATES:
        text = render_brief(fixed, template=template, side="city").text
        run = subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "html", "--wrap=none"],
            input=text.encode(),
            capture_output=True,
            timeout=60,
            check=True,
        )
        page = run.stdout.decode().replace("\xa0", " ")
        assert "<script" not in page
        assert "*immigration* [conditions](x): 50% &amp; $5 {sic} ~ #1 _a_ ^b \\c" in page
        assert "<h2" in page


_TEX_COMMAND = re.compile(
    r"\\text(?:backslash|asciitilde|asciicircum|less|greater|bar|quotedbl|asciigrave|minus)\{\}"
    r"|\\argmapchar\{[0-9A-F]{4,6}\}|\\[#$%&_{}]|\{\[\}|\{\]\}|\{\}"
)


@given(statement_text)
@example('# $ % & ~ _ ^ \\ { } < > | [ ] " `` --')
def test_latex_escapes_every_special(text: str) -> None:
    escaped = escape_latex(bd.sentence(text))
    rest = re.sub(r"(?<=[§¶])~", "", _TEX_COMMAND.sub("", escaped))  # "§~1": a tie, meant
    assert not re.search(r"[#$%&~_^\\{}<>|\[\]\"`]", rest), rest
    assert "--" not in escaped and ",," not in escaped and "''" not in escaped
    out = render_brief(_one_claim_map(text), format="tex", side="b", diagram=False).text
    assert escaped in out


def test_latex_specials_example() -> None:
    assert escape_latex("# $ % & ~ _ ^ \\ { }") == (
        r"\# \$ \% \& \textasciitilde{} \_ \textasciicircum{} \textbackslash{} \{ \}"
    )


@needs_pdflatex
def test_latex_compiles(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    """The fixed map (every special character, <script>, ≤) and the casebook compile."""
    m = am.load(GOLDEN / "map.yaml")
    m.rebuttal("Odd: ≤ 中 ħ − ſ ,,x'' !` ?` << >> a--b \\\\ 50% $1 #2", attacks="C3", party="city")
    docs = {"fixed-brief": render_brief(m, format="tex", side="city")}
    if "sanctuary" in am.casebook.names():
        cb = am.casebook.load("sanctuary")
        for template in TEMPLATES:
            docs[f"casebook-{template}"] = render_brief(cb, template=template, format="tex")
    for name, brief in docs.items():
        brief.save(tmp_path / f"{name}.tex")
        run = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
        )
        log = run.stdout.decode("utf-8", "replace")
        assert run.returncode == 0, f"{name}: {log[-3000:]}"
        assert (tmp_path / f"{name}.pdf").stat().st_size > 1000


# --------------------------------------------------------------------------- the sandbox


@pytest.fixture
def user_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    files = {
        "mro.md": "{{ ''.__class__.__mro__ }}",
        "globals.md": "ok\n{{ cycler.__init__.__globals__.os }}",
        "os.md": "{{ os.system('echo pwned') }}",
        "lipsum.md": "{{ lipsum.__globals__['os'] }}",
        "parent.md": "{% include '../secret.txt' %}",
        "absolute.md": "{% include '/etc/passwd' %}",
        "mutate.md": "{% set x = [1] %}{{ x.append(2) }}",
        "format.md": "{{ '{0.__class__}'.format(title) }}",
        "range.md": "{{ range(10 ** 9)|list|length }}",
        "typo.md": "line one\n{{ titel }}",
        "attr.md": "{% for p in points %}\n{{ p.heding }}\n{% endfor %}",
        "syntax.md": "fine\n{% for x in %}\n",
        "brief.md": (
            '{% extends "argmap/brief.md" %}\n'
            "{% block conclusion %}## Conclusion\n\nCUSTOM CONCLUSION for {{ side.name }}.\n"
            "{% endblock %}\n"
        ),
        "mine.md": "{{ title }}: {{ points|length }} points\n",
    }
    for name, body in files.items():
        (folder / name).write_text(body)
    return folder


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("mro", r"'mro\.md', line 1: refused by the sandbox: access to attribute '__class__'"),
        ("globals", r"'globals\.md', line 2: refused by the sandbox"),
        ("os", r"'os\.md', line 1: 'os' is undefined"),
        ("lipsum", r"'lipsum\.md', line 1: refused by the sandbox"),
        ("parent", r"'parent\.md', line 1: template '\.\./secret\.txt' not found"),
        ("absolute", r"'absolute\.md', line 1: template '/etc/passwd' not found"),
        ("mutate", r"'mutate\.md', line 1: refused by the sandbox"),
        ("format", r"'format\.md', line 1: refused by the sandbox"),
        ("range", r"'range\.md', line 1: OverflowError: Range too big"),
        ("typo", r"'typo\.md', line 2: 'titel' is undefined \(did you mean 'title'\?\)"),
        ("attr", r"'attr\.md', line 2: .*has no attribute 'heding' \(did you mean 'heading'\?\)"),
        ("syntax", r"'syntax\.md', line 2: syntax error"),
    ],
)
def test_user_template_is_contained(
    fixed: am.ArgumentMap, user_templates: Path, name: str, message: str
) -> None:
    with pytest.raises(BriefError, match=message) as info:
        render_brief(fixed, template=name, templates=user_templates)
    assert "TOP SECRET" not in str(info.value)


def test_user_template_extends_builtin(fixed: am.ArgumentMap, user_templates: Path) -> None:
    text = render_brief(fixed, side="city", templates=user_templates).text
    assert "CUSTOM CONCLUSION for City of Springfield." in text
    assert "## Table of Authorities" in text
    assert "Respectfully submitted." not in text
    # the built-in stays reachable under its prefix
    builtin = render_brief(fixed, template="argmap/brief", side="city", templates=user_templates)
    assert "Respectfully submitted." in builtin.text
    mine = render_brief(fixed, template="mine", templates=user_templates).text
    assert mine == "Grants & Detainers: a \\<small\\> test map: 2 points\n"


def test_unknown_template_lists_available(fixed: am.ArgumentMap, user_templates: Path) -> None:
    message = r"unknown template 'memmo' for format 'md' \(did you mean 'memo'\?\) \(available: "
    with pytest.raises(BriefError, match=message + r"\['absolute', .*'brief', .*'memo', "):
        render_brief(fixed, template="memmo", templates=user_templates)
    assert available_templates("tex") == ["brief", "memo", "outline"]
    assert "mine" in available_templates("md", user_templates)
    assert "mine" not in available_templates("html", user_templates)


def test_option_errors(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(BriefError, match=r"unknown format 'htm' \(did you mean 'html'\?\)"):
        render_brief(fixed, format="htm")
    with pytest.raises(BriefError, match=r"'brief\.html' is a html template, but format='md'"):
        render_brief(fixed, template="brief.html")
    assert render_brief(fixed, template="brief.md").format == "md"
    with pytest.raises(BriefError, match=r"unknown side 'cty' \(did you mean 'city'\?\)"):
        render_brief(fixed, side="cty")
    with pytest.raises(BriefError, match="does not exist"):
        render_brief(fixed, templates=tmp_path / "nowhere")
    assert isinstance(BriefError("x"), ValueError)


# --------------------------------------------------------------------------- Brief, diagram


def test_brief_object(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    md = render_brief(fixed, side="city")
    assert md._repr_markdown_() == md.text
    assert md._repr_html_() is None
    page = render_brief(fixed, format="html", side="city", diagram=False)
    assert page._repr_html_() == page.text
    assert page._repr_markdown_() is None
    assert page.text.startswith("<!DOCTYPE html>")
    tex = render_brief(fixed, format="tex", side="city")
    assert tex._repr_markdown_().startswith("```latex\n")
    saved = md.save(tmp_path / "out.md")
    assert saved.read_bytes() == md.text.encode("utf-8")
    with pytest.raises(BriefError, match=r"cannot save a md brief as 'out\.html'"):
        md.save(tmp_path / "out.html")
    assert str(md) == md.text


def test_import_does_not_load_jinja() -> None:
    code = "import sys, argmap.brief; print('jinja2' in sys.modules, 'markupsafe' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_missing_graphviz_leaves_a_note(
    fixed: am.ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    dot = pytest.importorskip("argmap.dot")

    def no_dot(*args: Any, **kwargs: Any) -> str:
        raise MissingDependencyError("the Graphviz 'dot' program", "apt-get install graphviz")

    monkeypatch.setattr(dot.Page, "svg", no_dot)
    text = render_brief(fixed, format="html", side="city").text
    assert "<svg" not in text
    assert "The argument maps were omitted: the Graphviz &#39;dot&#39; program" in text
    monkeypatch.setattr(dot.Page, "pdf", no_dot)
    tex = render_brief(fixed, format="tex", side="city")
    assert tex.files == () and "includegraphics" not in tex.text
    assert "The argument maps were omitted: the Graphviz 'dot' program" in tex.text.replace(
        r"\textquotesingle{}", "'"
    )


def test_diagram_svg_is_cleaned(monkeypatch: pytest.MonkeyPatch, fixed: am.ArgumentMap) -> None:
    dot = pytest.importorskip("argmap.dot")
    hostile = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<!-- comment -->\n'
        '<svg><a xlink:href="javascript:alert(1)" onclick="x()"><text>ok</text></a>'
        "<script>alert(2)</script></svg>"
    )
    monkeypatch.setattr(dot.Page, "svg", lambda *a, **k: hostile)
    text = render_brief(fixed, format="html", side="city").text
    svg = text[text.index("<svg") : text.index("</svg>")]
    for bad in ("javascript:", "onclick", "<script", "<?xml", "<!--"):
        assert bad not in text
    assert "<text>ok</text>" in svg


@pytest.mark.exe
def test_html_embeds_the_diagram(fixed: am.ArgumentMap) -> None:
    pytest.importorskip("argmap.dot")
    text = render_brief(fixed, format="html", side="city").text
    # one figure per question that claims answer (Q2 and Q3), not the whole map
    assert text.count("<svg") == 2
    assert "<script" not in text.lower()
    assert "Appendix: Argument Maps" in text
    assert "Figure 2. Question 1(b):" in text
    memo = render_brief(fixed, template="memo", format="html").text
    assert memo.count("<svg") == 1


# --------------------------------------------------------------------------- docs


def test_every_context_field_is_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    missing = []
    for name, cls in vars(bd).items():
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == bd.__name__:
            section = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", doc, re.M | re.S)
            if section is None:
                missing.append(name)
                continue
            for field in attrs.fields(cls):
                if f"`{field.name}`" not in section.group(1):
                    missing.append(f"{name}.{field.name}")
    assert not missing, f"not documented in docs/templates.md: {missing}"


def test_symlinks_do_not_leave_the_template_folder(fixed: am.ArgumentMap, tmp_path: Path) -> None:
    """A link inside the user folder (to a file or a folder outside) is "not found" (#10.3)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("TOP SECRET\n")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "brief.md").symlink_to(outside / "secret.md")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    (folder / "leak.md").write_text('{% include "brief.md" %}\n')
    (folder / "leak2.md").write_text('{% include "sub/secret.md" %}\n')
    (folder / "ok.md").write_text("{{ title }}\n")
    with pytest.raises(BriefError, match=r"'sub/secret\.md' not found") as info:
        render_brief(fixed, template="leak2", templates=folder)
    assert "TOP SECRET" not in str(info.value)
    # the linked brief.md is skipped: the include and a plain brief find the built-in
    assert "TOP SECRET" not in render_brief(fixed, template="leak", templates=folder).text
    assert "TOP SECRET" not in render_brief(fixed, templates=folder).text
    assert "brief" in available_templates("md", folder)
    assert render_brief(fixed, template="ok", templates=folder).text.startswith("Grants & Det")


def test_cli_brief_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`argmap brief` passes --drafting, --memo-to/--memo-from/--memo-date, and saves a .tex's
    figures (a plain --from names the input's format, as on every command)."""
    from argmap.cli import main

    memo = tmp_path / "memo.md"
    args = ["brief", str(GOLDEN / "map.yaml"), "-o", str(memo), "--template", "memo"]
    assert (
        main([*args, "--memo-to", "Partner", "--memo-from", "Clerk", "--memo-date", "May 1"]) == 0
    )
    text = memo.read_text(encoding="utf-8")
    assert "**To:** Partner" in text and "**From:** Clerk" in text and "**Date:** May 1" in text
    brief = tmp_path / "brief.html"
    argv = ["brief", str(GOLDEN / "map.yaml"), "-o", str(brief), "--side", "city"]
    assert main([*argv, "--no-diagram", "--drafting"]) == 0
    assert '<aside class="drafting">' in brief.read_text(encoding="utf-8")
    if shutil.which("dot"):
        tex = tmp_path / "brief.tex"
        assert main(["brief", str(GOLDEN / "map.yaml"), "-o", str(tex), "--side", "city"]) == 0
        assert (tmp_path / "brief-city-figure-1.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # recursion: self-include, self-extends, a macro calling itself
        ('{% include "self.md" %}', r"'self\.md', line 1: rendering stopped: .*without end"),
        ('{% extends "self.md" %}', r"'self\.md'.*rendering stopped"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", r"'self\.md'.*without end"),
        # memory: huge strings, lists and numbers, batch and other filters
        ("\n{{ ('x' * 100000) * 100000 }}", r"'self\.md', line 2: rendering stopped: a value"),
        ("{{ [1] * 10**9 }}", r"rendering stopped"),
        ("{{ 10 ** 1000000 }}", r"rendering stopped: a number too large"),
        ("{{ [1]|batch(10**9, 0)|list }}", r"rendering stopped: a filter argument"),
        ("{{ 'x'|center(10**9) }}", r"rendering stopped: a filter argument"),
        # a filter's own assertion
        ("{{ 'abc'|truncate(-1) }}", r"'self\.md', line 1: AssertionError"),
        # a 2,000-deep expression
        ("{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}", r"'self\.md'.*(nests too deeply|syntax)"),
    ],
)
def test_user_templates_are_bounded(
    fixed: am.ArgumentMap, tmp_path: Path, body: str, message: str
) -> None:
    """Hostile templates end in a BriefError naming the template (issue 10.10)."""
    (tmp_path / "self.md").write_text(body, encoding="utf-8")
    with pytest.raises(BriefError, match=message):
        render_brief(fixed, template="self", templates=tmp_path)


def test_user_templates_have_a_time_and_size_limit(
    fixed: am.ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap import brief as brief_module

    (tmp_path / "loop.md").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    monkeypatch.setattr(brief_module, "USER_TEMPLATE_SECONDS", 0.0)
    with pytest.raises(BriefError, match=r"'loop\.md', line 1: rendering stopped: .*longer than"):
        render_brief(fixed, template="loop", templates=tmp_path)
    monkeypatch.setattr(brief_module, "USER_TEMPLATE_SECONDS", 30.0)
    monkeypatch.setattr(brief_module, "USER_TEMPLATE_CHARS", 1000)
    (tmp_path / "big.md").write_text("{% for i in range(5000) %}x{% endfor %}")
    with pytest.raises(BriefError, match="rendering stopped: the output passed 1,000"):
        render_brief(fixed, template="big", templates=tmp_path)
    # the built-in templates are not timed or cut
    assert "## Argument" in render_brief(fixed, side="city").text


def test_statement_anchors_are_distinct() -> None:
    """Ids differing only in punctuation get different anchors (issue 10, Low)."""
    m = am.ArgumentMap("A", parties={"a": "A"})
    for ident in ("C1.1", "C1_1", "C1:1", "C1/1"):
        m.claim(f"Claim {ident}", party="a", id=ident)
    anchors = [a.anchor for a in brief_context(m, template="outline").unplaced]
    assert len(set(anchors)) == 4


def test_undercut_of_an_axiomatic_inference() -> None:
    """An undercutter of an inference with no premises is answered, not a crash (10.6)."""
    m = am.loads(
        "argmap: 1\nparties: {a: A, b: B}\nstatements:\n"
        "  Q1: {issue: Q?}\n"
        "  C1: {claim: X holds, party: a, answers: Q1}\n"
        "  U1: {undercutter: The axiom fails here, party: b, undercuts: I1}\n"
        "inferences:\n  - {id: I1, premises: [], conclusion: C1}\n"
    )
    for template in TEMPLATES:
        assert "The axiom fails here" in render_brief(m, template=template, side="b").text


@given(statement_text)
@example("<script>alert(1)</script> & $5 {x} \\ #")
def test_new_fields_are_escaped(text: str) -> None:
    """Background, framings, relief, counsel and quotations reach every format escaped."""
    m = am.ArgumentMap("T")
    m.party("a", "A", relief=text, counsel=text)
    m.party("b", "B")
    q = m.issue("Q?", background=text, framings={"a": text})
    c = m.claim("The claim", party="a", answers=q)
    m.authority("x", "case", "X v. Y", "X v. Y, 1 U.S. 1 (2000)")
    m.premise("A reason", supports=c, party="a", cites=[Cite("x", "2", quote=text)])
    one_line = bd.clean(text)
    page = render_brief(m, side="a", format="html", diagram=False).text
    assert str(markupsafe.escape(one_line)) in page
    assert "<script" not in page.lower()
    tex = render_brief(m, side="a", format="tex", diagram=False).text
    assert escape_latex(one_line) in tex
    md = render_brief(m, side="a").text
    assert escape_markdown(one_line) in md


# --------------------------------------------------------------------------- review fixes


def _two_sides(**labels: Any) -> am.ArgumentMap:
    m = am.ArgumentMap("Review", parties=labels or {"a": "Alice", "b": "Bob"})
    return m


def test_qualified_answer_reads_as_a_proposition() -> None:
    """ "Yes, in several circuits: P" keeps the qualifier as an opening phrase; a negative
    qualifier only repeats the answer; headings never start with a dangling fragment."""
    m = am.ArgumentMap("Q", parties={"a": "Alice", "b": "Bob"})
    q = m.issue("May the agency condition grants?")
    c1 = m.claim(
        "Yes, where Congress has delegated the power: an agency may condition grants.",
        party="a",
        answers=q,
    )
    m.premise("Congress delegated it.", supports=c1, party="a")
    c2 = m.claim(
        "No, not as the Executive has tried: only Congress may attach conditions.",
        party="b",
        answers=q,
        attacks=c1,
    )
    m.premise("The spending power belongs to Congress.", supports=c2, party="b")
    m.rebuttal("The statute delegates nothing.", attacks=c1, party="b")
    heads = [p.heading for p in brief_context(m, side="b").points]
    assert heads[0].startswith("Only Congress may attach conditions, because")
    assert any(
        h.startswith("The contention that “[w]here Congress has delegated the power, an agency")
        for h in heads
    ), heads
    assert not any("not as the Executive" in h or "power: an" in h for h in heads)
    mine = [p.heading for p in brief_context(m, side="a").points]
    assert mine[0].startswith("Where Congress has delegated the power, an agency may")


def test_party_short_name_and_verbs_in_prose() -> None:
    """Prose names a party by its short name with the right verb and possessive, never
    by a long label as the subject of a sentence."""
    m = am.ArgumentMap("P")
    m.party(
        "gov", "Federal government (Executive Branch, DOJ)", counsel="Counsel for the United States"
    )
    m.party(
        "loc", "Sanctuary jurisdictions (states, cities)", counsel="Counsel for the Jurisdictions"
    )
    q = m.issue("Is the policy preempted?")
    c = m.claim("Yes: the policy is preempted", party="gov", answers=q)
    m.premise("Federal law occupies the field.", supports=c, party="gov")
    d = m.claim("No: the policy is valid", party="loc", answers=q, attacks=c)
    m.premise("No federal law requires help.", supports=d, party="loc")
    r = m.rebuttal("The field is not occupied.", attacks=c, party="loc")
    m.rebuttal("Congress occupied it expressly.", attacks=r, party="gov")
    local = render_brief(m, side="loc", diagram=False).text
    federal = render_brief(m, side="gov", diagram=False).text
    assert "The United States contends that the policy is preempted." in local
    assert "The Jurisdictions object that the field is not occupied." in federal
    assert "Federal government (Executive Branch, DOJ) objects" not in local + federal
    assert "Jurisdictions objects" not in federal
    assert "’s’" not in local + federal and "States’s" not in local + federal
    memo = render_brief(m, template="memo", side="gov", diagram=False).text
    assert "**From:** Counsel for the United States" in memo


def test_possessive_of_party_names() -> None:
    assert bd.party_info(am.model.Party("u", "United States")).possessive == "the United States’"
    assert bd.party_info(am.model.Party("a", "Alice")).possessive == "Alice’s"
    cities = bd.party_info(am.model.Party("c", "Cities (all)", counsel="Counsel for the Cities"))
    assert (cities.subject, cities.possessive, cities.plural) == ("The Cities", "the Cities’", True)
    assert not bd.party_info(am.model.Party("j", "James")).plural


def test_unattributed_objection_uses_the_passive() -> None:
    m = am.ArgumentMap("U", parties={"a": "Alice"})
    q = m.issue("Is the contract valid?")
    c = m.claim("Yes: the contract binds", party="a", answers=q)
    m.premise("Both signed it.", supports=c, party="a")
    r = m.rebuttal("It was signed under duress.", attacks=c)
    m.rebuttal("There was no threat.", attacks=r, party="a")
    text = render_brief(m, side="a", diagram=False).text
    assert "It is objected that it was signed under duress." in text
    assert "unattributed objects" not in text.lower()


def test_party_name_opening_a_reason_keeps_its_capital() -> None:
    m = am.ArgumentMap("D", parties={"a": "Alice", "b": "Bob"})
    q = m.issue("Is the contract valid?")
    c = m.claim("Yes: the contract binds", party="a", answers=q)
    m.premise("Both signed it", supports=c, party="a")
    d = m.claim("No: the contract is void", party="b", answers=q, attacks=c)
    m.premise("Bob signed under duress", supports=d, party="b")
    heading = brief_context(m, side="b").points[0].heading
    assert heading == "The contract is void, because Bob signed under duress."


def test_single_letter_article_is_lowered_after_objects_that() -> None:
    assert bd._lower_first("A condition binds", frozenset()) == "a condition binds"
    assert bd._lower_first("I think", frozenset()) == "I think"


def test_memo_names_disputed_claims_without_answer_words_or_ids() -> None:
    m = am.ArgumentMap("M", parties={"a": "Alice", "b": "Bob"})
    q = m.issue("Is the contract valid?")
    c = m.claim("Yes: the contract binds", party="a", answers=q, id="C1")
    d = m.claim("No: the contract is void", party="b", answers=q, attacks=c, id="C2")
    m.rebuttal("The contract binds regardless.", attacks=d, party="a", id="R1")
    m.rebuttal("It is void regardless.", attacks=c, party="b", id="R2")
    memo = render_brief(m, am.evaluate(m), template="memo", diagram=False).text
    answers = memo[memo.index("## Brief Answers") : memo.index("## Discussion")]
    assert "“The contract binds” and “The contract is void” remain in dispute" in answers
    assert "“Yes" not in answers and "“No" not in answers
    assert not re.search(r"\b(C1|C2|R1|R2)\b", answers)


def test_sub_nom_case_name_and_explanatory_phrases_are_italic(fixed: am.ArgumentMap) -> None:
    from argmap._cite import history_pieces

    pieces = history_pieces("aff'd in part sub nom. City of X v. Barr, 961 F.3d 882 (2020)")
    assert [(p.text, p.italic) for p in pieces] == [
        ("aff'd in part sub nom.", True),
        (" ", False),
        ("City of X v. Barr", True),
        (", 961 F.3d 882 (2020)", False),
    ]
    cb = _casebook()
    md = render_brief(cb, side="local", diagram=False).text
    assert "*appeal decided sub nom.* *City of Chicago v. Barr*, 961 F.3d 882" in md
    assert "*cert. denied*, No. 19-532" in md
    tex = render_brief(cb, side="local", format="tex", diagram=False).text
    assert r"\emph{City of Chicago v. Barr}" in tex


def test_attribute_hint_never_suggests_the_same_name(tmp_path: Path, fixed: am.ArgumentMap) -> None:
    (tmp_path / "bad.md").write_text("{{ side.title }}", encoding="utf-8")
    with pytest.raises(BriefError) as info:
        render_brief(fixed, template="bad", templates=tmp_path, side="city")
    message = str(info.value)
    assert "did you mean 'title'" not in message
    assert "name" in message and "subject" in message  # lists what PartyInfo has
    (tmp_path / "typo.md").write_text("{{ side.nme }}", encoding="utf-8")
    with pytest.raises(BriefError, match="did you mean 'name'"):
        render_brief(fixed, template="typo", templates=tmp_path, side="city")


def test_casebook_briefs_read_as_prose(casebook: am.ArgumentMap) -> None:
    """The defects a legal-writing review found in the casebook briefs stay fixed."""
    for side in ("local", "federal"):
        ctx = brief_context(casebook, am.evaluate(casebook), side=side)
        for p in ctx.points:
            assert ": an agency" not in p.heading and "“in one respect:" not in p.heading
            assert not re.match(
                r"(Not|In several circuits:|Where Congress has delegated the power:)", p.heading
            )
            if p.kind == "answer":  # a rival's claim is never dismissed without a reason
                assert " because " in p.heading, p.heading
        text = render_brief(casebook, side=side, diagram=False).text
        assert not re.search(
            r"\((?:Executive Branch|states, counties)[^)]*\) (?:objects|contends)", text
        )


@pytest.mark.exe
def test_appendix_figures_come_from_issue_pages(fixed: am.ArgumentMap) -> None:
    dot = pytest.importorskip("argmap.dot")
    pages = [p for p in dot.to_dot_pages(fixed, theme="print") if p.issue is not None]
    html = render_brief(fixed, format="html", side="city")
    captions = re.findall(r"Figure \d+\. (Question [^<]*)<", html.text)
    assert captions and all(re.match(r"Question \d+(\([a-z]+\))*: \S", c) for c in captions)
    titles = {p.title for p in pages}
    assert all(c.split(": ", 1)[1] in titles for c in captions)
    assert not any(re.search(r"\b(Q\d|C\d)\b", c) for c in captions)
    tex = render_brief(fixed, format="tex", side="city")
    assert len(tex.files) == len(captions)
    assert all(data.startswith(b"%PDF") for _, data in tex.files)


@pytest.mark.exe
def test_page_pdf_is_a_pdf() -> None:
    dot = pytest.importorskip("argmap.dot")
    m = am.ArgumentMap("T")
    _ = m.claim("Yes", answers=m.issue("Why?"))
    page = dot.to_dot_pages(m)[0]
    assert page.pdf().startswith(b"%PDF")
    with pytest.raises(am.exceptions.DiagramError):
        page.pdf(timeout=-1)


def test_question_numbers_in_captions_match_the_questions_presented() -> None:
    from argmap.brief import _question_number

    assert [_question_number(n) for n in ("1", "1.2", "2.1.3")] == ["1", "1(b)", "2(a)(iii)"]


def test_answer_to_a_step_only_says_the_contention_does_not_follow() -> None:
    """A rival claim answered only by an undercutter is not called false, and one answered
    only by an attack on its premise is said to rest on a premise that fails."""
    m = am.ArgumentMap("S", parties={"a": "Alice", "b": "Bob"})
    q = m.issue("Is the contract valid?")
    c = m.claim("Yes: the contract binds", party="a", answers=q)
    p = m.premise("Both parties signed it", supports=c, party="a")
    m.rebuttal("Bob never signed", attacks=p, party="b")
    heading = brief_context(m, side="b").points[0].heading
    assert heading.startswith(
        "The contention that “the contract binds” rests on a premise that fails, because"
    )
    m2 = am.ArgumentMap("S", parties={"a": "Alice", "b": "Bob"})
    q2 = m2.issue("Is the contract valid?")
    c2 = m2.claim("Yes: the contract binds", party="a", answers=q2)
    p2 = m2.premise("Both parties signed it", supports=c2, party="a")
    m2.undercutter("Signing alone does not show assent", undercuts=p2, party="b")
    heading2 = brief_context(m2, side="b").points[0].heading
    assert heading2 == (
        "The contention that “the contract binds” does not follow, because signing alone "
        "does not show assent."
    )


def test_latex_keeps_section_sign_with_its_number() -> None:
    assert escape_latex("under § 1373 and ¶ 4") == "under §~1373 and ¶~4"


def test_outline_meta_line_has_no_stray_space() -> None:
    """ "* Outcome: …*" would not be emphasis in Markdown: no space after the opening star."""
    m = am.ArgumentMap("O", parties={"a": "Alice"})
    q = m.issue("Is the contract valid?")
    m.claim("Yes: the contract binds", party="a", answers=q)
    text = render_brief(m, am.evaluate(m), template="outline", diagram=False).text
    assert "*Outcome: " in text and "* Outcome" not in text


def test_reason_goes_with_the_proposition_not_the_concession(casebook: am.ArgumentMap) -> None:
    heads = [p.heading for p in brief_context(casebook, side="local").points]
    detainers = next(h for h in heads if h.startswith("In several circuits"))
    assert detainers.endswith("; not every circuit agrees (El Cenizo).")
    assert "(El Cenizo), because" not in detainers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yes, where Congress delegated it: agencies may act.",
            "Where Congress delegated it, agencies may act.",
        ),
        ("No, not yet: the rule is pending.", "the rule is pending."),
        (
            "Yes, the city may decline: it has discretion.",
            "the city may decline: it has discretion.",
        ),
        ("Yes: the city may decline.", "the city may decline."),
        ("Yes", "Yes"),
    ],
)
def test_strip_answer_only_moves_real_qualifiers(text: str, expected: str) -> None:
    assert bd._strip_answer(text) == expected
