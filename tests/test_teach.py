"""Exercises: blanked handouts and what-if questions with keys (argmap.teach)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps, nasty_text

import argmap as am
from argmap.cli import main
from argmap.exceptions import ArgmapError, UnknownNodeError
from argmap.teach import blank, questions


def duress() -> am.ArgumentMap:
    m = am.ArgumentMap("Duress", parties={"a": "Alice", "b": "Bob"})
    m.doctrine("contract", "Contract formation")
    q = m.issue("Is the contract valid?", id="Q", standard="preponderance")
    c = m.claim("The contract binds Bob", id="C", party="a", answers=q, doctrines=["contract"])
    m.premise("Both parties signed the contract", id="P", supports=c, party="a")
    m.premise("Bob read every clause", id="P2", supports=c, party="a")
    r = m.rebuttal("Bob signed under duress", id="R", attacks=c, party="b")
    m.undercutter("The threat was a lawful demand", id="U", undercuts=f"{r.id}-|C", party="a")
    m.claim("Bob owes the price", id="C2", party="a", answers=q)
    m.infer(["C"], "C2")
    return m


# ---------------------------------------------------------------- blank


@pytest.mark.parametrize(
    ("hide", "ids"),
    [
        ("premise", ["P", "P2"]),
        (["party:b"], ["R"]),
        (["doctrine:contract"], ["C"]),
        (["U", "rebuttal"], ["R", "U"]),
    ],
)
def test_blank_selects_by_kind_party_doctrine_and_id(hide: list[str], ids: list[str]) -> None:
    b = blank(duress(), hide=hide)
    assert [a[1] for a in b.answers] == ids
    assert [a[0] for a in b.answers] == list(range(1, len(ids) + 1))


def test_blank_hides_the_text_in_every_format_and_the_key_gives_it() -> None:
    m = duress()
    b = blank(m, hide=["premise"])
    for fmt in ("md", "tex"):
        sheet, key = b.handout(fmt), b.key(fmt)  # type: ignore[arg-type]
        assert "Both parties signed" not in sheet and "read every clause" not in sheet
        assert "Both parties signed" in key and "read every clause" in key
        assert "Blank 1, a premise (Alice)" in sheet
    assert m.statements["P"].text == "Both parties signed the contract"  # the map is untouched
    assert b.map.statements["P"].text == "[1] ________"
    assert b.map.statements["C"].text == m.statements["C"].text


@pytest.mark.exe
def test_blank_html_handout_draws_the_blanked_map() -> None:
    b = blank(duress(), hide="premise")
    page = b.handout("html")
    assert "<svg" in page and "[1] ________" in page
    assert "Both parties signed" not in page
    assert "Both parties signed" not in b.handout("html", diagram=False)


def test_blank_hides_titles_too() -> None:
    m = am.ArgumentMap()
    m.claim("A long text about consent", id="C", title="Consent")
    b = blank(m, hide="C")
    assert b.map.statements["C"].label == "[1] ________"


def test_blank_errors_name_the_selector() -> None:
    with pytest.raises(UnknownNodeError, match="'premis'"):
        blank(duress(), hide="premis")
    with pytest.raises(UnknownNodeError, match="unknown party 'c'"):
        blank(duress(), hide="party:c")
    with pytest.raises(UnknownNodeError, match="unknown doctrine"):
        blank(duress(), hide="doctrine:tort")
    with pytest.raises(ArgmapError, match="names nothing"):
        blank(duress(), hide=[])


@settings(max_examples=30)
@given(nasty_text)
def test_handouts_escape_the_text(text: str) -> None:
    m = am.ArgumentMap(text)
    c = m.claim(text, id="C")
    m.premise("<script>alert(1)</script>", id="P", supports=c)
    b = blank(m, hide="P")
    assert "<script>alert" not in b.key("html")
    md = b.key("md")
    assert "<script>alert(1)</script>" not in md
    q = questions(m, n=2)
    assert "<script>alert" not in q.key("html") and "<script>alert" not in q.handout("html")


# ---------------------------------------------------------------- questions


def test_questions_example() -> None:
    m = duress()
    qs = questions(m, n=3, seed=0)
    assert len(qs) == 3
    first = qs.items[0]
    assert first.changed  # questions that change a claim come first
    assert first.prompt.startswith("If the court ")
    assert first.choices[first.answer] == "; ".join(
        f"“{m.statements[c].label}”" for c in first.changed
    )
    key = qs.key("md")
    assert f"**Answer:** ({first.letter})" in key
    assert "Answer:" not in qs.handout("md")


def test_questions_are_deterministic_for_a_seed() -> None:
    m = duress()
    assert questions(m, n=4, seed=7).items == questions(m, n=4, seed=7).items
    assert questions(m, n=4, seed=7).key("md") == questions(m, n=4, seed=7).key("md")
    seeds = {questions(m, n=4, seed=s).items for s in range(6)}
    assert len(seeds) > 1


@settings(max_examples=40)
@given(argument_maps(max_statements=9), st.integers(0, 5), st.integers(0, 3))
def test_questions_are_answerable_by_their_key(m: am.ArgumentMap, n: int, seed: int) -> None:
    qs = questions(m, n=n, seed=seed)
    assert len(qs) <= n
    base = am.evaluate(m)
    for q in qs:
        assert len(set(q.choices)) == len(q.choices) >= 2
        assert 0 <= q.answer < len(q.choices)
        after = am.evaluate(m, **{q.mode: [q.target]})
        claims = {c.id for c in m.claims}
        changed = tuple(c.id for c in am.diff(base, after).changes if c.id in claims)
        assert q.changed == changed
        # no other option lists exactly the same claims
        right = q.choices[q.answer]
        assert [c for c in q.choices if c == right] == [right]


def test_questions_reject_bad_arguments() -> None:
    with pytest.raises(ArgmapError):
        questions(duress(), n=-1)
    with pytest.raises(ArgmapError, match="of this map"):
        questions(duress(), evaluation=am.evaluate(duress()))


# ---------------------------------------------------------------- cli


def test_cli_teach_blank_and_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "duress.yaml"
    am.dump(duress(), src)
    out = tmp_path / "sheet.md"
    assert main(["teach", "blank", str(src), "--hide", "premise", "-o", str(out)]) == 0
    key = tmp_path / "sheet-key.md"
    assert "Both parties signed" in key.read_text() and "Both parties signed" not in out.read_text()
    q = tmp_path / "q.tex"
    assert main(["teach", "questions", str(src), "-n", "2", "--seed", "1", "-o", str(q)]) == 0
    assert (tmp_path / "q-key.tex").read_text().startswith("\\documentclass")
    assert main(["teach", "blank", str(src), "-o", str(out)]) == 1
    assert "--hide" in capsys.readouterr().err
    assert main(["teach", "blank", str(src), "--hide", "x", "-o", str(tmp_path / "a.pdf")]) == 1


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="needs pdflatex")
def test_latex_handouts_compile(tmp_path: Path) -> None:
    m = duress()
    m.premise("Costs: $5 & 10% of {the} price_total #1 ~ ^", id="P3", supports="C")
    for name, text in (
        ("blank", blank(m, hide="premise").handout("tex")),
        ("key", questions(m, n=3).key("tex")),
    ):
        (tmp_path / f"{name}.tex").write_text(text, encoding="utf-8")
        done = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout.decode(errors="replace")[-2000:]


def test_grade_markdown_keeps_ids_readable_and_escapes_markup() -> None:
    # Every '.', '-' and '(' was backslashed ("A1\\.R2 \\(“Non\\-participation…”\\)"),
    # unreadable when `argmap grade` prints to a terminal.
    from argmap.teach import grade

    key = am.ArgumentMap()
    c = key.claim("Non-participation is *lawful* <b>", id="A1.R2")
    key.premise("A [linked] reason", id="A1.R2.1", supports=c)
    md = grade(am.ArgumentMap(), key).to_markdown()
    assert "A1.R2 (" in md and "Non-participation" in md
    assert "\\*lawful\\*" in md and "\\<b\\>" in md and "\\[linked\\]" in md
