"""Argdown: the parser, the writer, round trips, and the samples nobody here wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap as am
from argmap.formats import argdown
from tests.strategies import argument_maps

FIXTURES = Path(__file__).parent / "fixtures"


def _error_of(read: Callable[[str], object], text: str) -> am.LoadError | None:
    """The LoadError reading ``text`` raises, or None; any other exception fails the test."""
    try:
        read(text)
    except am.LoadError as exc:
        return exc
    return None


@given(argument_maps())
def test_round_trip_is_lossless(m: am.ArgumentMap) -> None:
    text = argdown.dumps(m)
    assert argdown.loads(text) == m
    assert argdown.dumps(m) == text  # deterministic


@given(st.text(max_size=300))
def test_any_text_gives_a_map_or_a_load_error_with_a_line(text: str) -> None:
    error = _error_of(argdown.loads, text)
    if error is not None:
        assert error.problems
        assert all(p.line is not None for p in error.problems if p.code != "nul")


@given(
    st.lists(
        st.sampled_from(
            [
                "[A]: a",
                "<B>: b",
                "  + [C]",
                "  - <B>",
                "(1) x",
                "(2) [A]",
                "--",
                "----",
                "  <_ c",
                "# H",
                "{k: v}",
                "-- r {uses: [1]} --",
                "===",
                "/* x",
                "*/",
                "  -> [A]",
                "(1) <B>",
                "[A]",
                "<B>",
                "",
                "  ",
                "+ d",
                "_> e",
                ">< f",
                "x {kind: issue}",
            ]
        ),
        max_size=14,
    )
)
def test_argdown_shaped_lines_never_crash(lines: list[str]) -> None:
    error = _error_of(argdown.loads, "\n".join(lines))
    if error is not None:
        assert all(p.line is not None for p in error.problems)


def test_legal_fixture_reads_every_concept() -> None:
    r = argdown.read(FIXTURES / "spending.argdown")
    m = r.map
    assert m.title == "Spending Clause"
    assert list(m.parties) == ["federal", "local"]
    q = m.statement("Q1")
    assert q.kind == "issue" and q.standard == "preponderance"
    c = m.statement("Grants")
    assert c.kind == "claim" and c.party == "federal" and c.answers == "Q1"
    assert [str(x) for x in m.statement("Delegation").cites] == ["byrne-jag@10153"]
    assert m.statement("Spending-power").kind == "rebuttal"
    assert m.statement("Spending-power").title == "Spending power"
    u = m.statement("Waiver")
    assert u.kind == "undercutter"
    assert [x.target for x in m.conflicts if x.attacker == "Waiver"] == ["Spending-power-|Grants"]
    linked = m.relations["Statute-and-practice"]
    assert isinstance(linked, am.Inference)
    assert linked.premises == ("Delegation", "Practice") and linked.conclusion == "Grants"
    assert linked.scheme == "argument from statute" and linked.weight == 0.8
    assert m.statement("Practice").doctrines == ("spending",)  # from the heading
    assert "Practice" in m.statements and m.statement("Grants").note == (
        "The statute and practice together authorise the conditions."
    )
    assert argdown.loads(argdown.dumps(m)) == m


def test_headings_and_tags_become_doctrines() -> None:
    m = argdown.loads("# Spending Clause\n\n[A]: yes #(federal view)\n  + [B]: because #fact\n")
    assert m.statement("A").doctrines == ("federal-view", "Spending-Clause")
    assert m.doctrines["federal-view"].label == "federal view"
    assert m.statement("B").doctrines == ("fact", "Spending-Clause")


def test_contradiction_is_mutual_and_strict_mode_reads_contraries_both_ways() -> None:
    m = argdown.loads("[A]: a\n  >< [B]: b\n")
    assert sorted(c.id for c in m.conflicts) == ["A-|B", "B-|A"]
    loose = argdown.loads("[A]: a\n  - [B]: b\n")
    assert [c.id for c in loose.conflicts] == ["B-|A"]
    strict = argdown.loads("===\nmodel: {mode: strict}\n===\n[A]: a\n  - [B]: b\n")
    assert sorted(c.id for c in strict.conflicts) == ["A-|B", "B-|A"]


def test_errors_name_line_and_column_in_words_a_student_reads() -> None:
    with pytest.raises(am.LoadError) as exc:
        argdown.loads("[A]: a\n\n[B]: b {party: [x}\n")
    (p,) = exc.value.problems
    assert p.line == 3 and "column" in p.message and "data" in p.message
    with pytest.raises(am.LoadError) as exc:
        argdown.loads("[A]: a\n  + [B]: b {party: nobody}\n")
    assert exc.value.problems[0].line == 2 and "nobody" in exc.value.problems[0].message
    with pytest.raises(am.LoadError) as exc:
        argdown.loads("@include other.argdown\n")
    assert "@include" in exc.value.problems[0].message
    with pytest.raises(am.LoadError) as exc:
        argdown.loads("<A>: gist\n\n(1) p\n(2) q\n")
    assert "inference line" in str(exc.value)
    with pytest.raises(am.LoadError) as exc:
        argdown.loads("[A]: a\n  + [A]\n")
    assert exc.value.problems[0].line == 2


def test_data_that_has_no_place_is_reported_not_silently_dropped() -> None:
    r = argdown.reads("===\nauthor: X\n===\n[A]: a {source: p1}\n")
    assert {n.line for n in r.notes} == {2, 4}
    assert all(n.severity == "info" for n in r.notes)


def test_untitled_paragraphs_that_relate_to_nothing_become_the_description() -> None:
    m = argdown.loads("Some words.\n\n[A]: a\n\nMore words.\n")
    assert m.description == "Some words.\n\nMore words."
    assert list(m.statements) == ["A"]


# ---------------------------------------------------------------- samples written by others

# (statements, inferences, conflicts), counted by reading each file by hand under the
# mapping documented in docs/interchange.md
SAMPLES = {
    # Intro + 3 untitled pros, Statement 1, Statement 2, 3 gist arguments, PCS (1) and (3),
    # the untitled statement (3) attacks; 3 pros + Argument title + (3)->Yet another
    # + the PCS; attacks: Another->S2, Yet->Another, Intro->(3), (3)->untitled, (3)->S1
    "argdown-primer.argdown": (12, 6, 5),
    # 18 titled nodes; 9 '+' relations; 8 '-' relations and 2 '<_' undercuts
    "legalisation-softdrugs.argdown": (18, 9, 10),
    # (1) A (2) B (3) C, Argument 2, Statement 1, D E F G H I; inferences: A,B->C (Argument 1),
    # Argument 2 -> A, Argument 3's three inference lines (D,E->F; F->G; G,H->I), I -> Statement 1;
    # one attack: Argument 3 (its conclusion I) -> Argument 2
    "parser-arguments.argdown": (11, 6, 1),
    # 2 top-level claims + new PCS statements 3+4+2+5+5+2+5 (three PCS lines reuse titles);
    # inference lines 1+1+1+2+2+1+2; attacks from conclusions: 4
    "state-censorship.argdown": (28, 10, 4),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_import_with_the_counts_of_the_source(shared: Path, name: str) -> None:
    m = argdown.load(shared / "samples" / "argdown" / name)
    assert (len(m.statements), len(m.inferences), len(m.conflicts)) == SAMPLES[name]
    assert argdown.loads(argdown.dumps(m)) == m


def test_relation_symbols_alone_fail_clearly(shared: Path) -> None:
    with pytest.raises(am.LoadError) as exc:
        argdown.load(shared / "samples" / "argdown" / "lexer-relations.argdown")
    assert exc.value.problems[0].line == 1
    assert "must be followed by a statement or an argument" in exc.value.problems[0].message


def test_casebook_round_trips() -> None:
    m = am.casebook.load("sanctuary")
    assert argdown.loads(argdown.dumps(m)) == m


def test_an_unclosed_title_is_noted_with_its_line() -> None:
    # "[B: no" became a statement whose text starts with "[", without a word.
    from argmap.formats import argdown

    r = argdown.reads("[A]: yes\n  <- [B: no\n  <- < 5 votes\n")
    unclosed = [p for p in r.notes if p.code == "argdown-unclosed"]
    assert [p.line for p in unclosed] == [2]


def test_an_argument_given_a_key_twice_is_noted_not_silently_dropped() -> None:
    from argmap.formats import argdown

    result = argdown.reads("<A>: gist {kind: claim}\n\n<A>: gist {kind: premise}\n")
    assert any("<A>: kind is given twice" in str(n) and n.line == 3 for n in result.notes)
