"""Grading a student's map against a key (argmap.teach.grade)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

import argmap as am
from argmap._grade import _norm
from argmap.cli import main
from argmap.exceptions import ArgmapError
from argmap.teach import grade


def key_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Duress", parties={"a": "Alice", "b": "Bob"})
    m.authority("dole", "case", "South Dakota v. Dole", "South Dakota v. Dole, 483 U.S. 203 (1987)")
    m.authority(
        "printz", "case", "Printz v. United States", "Printz v. United States, 521 U.S. 898 (1997)"
    )
    c = m.claim("The contract binds Bob", id="C1", party="a")
    m.premise("Both parties signed the contract", id="P2", supports=c, party="a", cites=["dole"])
    m.rebuttal("Bob signed under a threat of violence", id="R1", attacks=c, party="b")
    m.undercutter("A signature says nothing about consent", id="C3", undercuts="P2->C1", party="b")
    return m


def test_grade_of_the_key_itself_is_perfect() -> None:
    g = grade(key_map(), key_map())
    assert g.score == 1.0
    assert all(score == 1.0 for score, _, _ in g.parts.values())
    assert g.feedback == () and g.missing == () and g.extra == ()


def test_feedback_names_a_wrong_relation_the_way_the_issue_asks() -> None:
    s = am.ArgumentMap(parties={"a": "Alice", "b": "Bob"})
    s.authority("dole", "case", "South Dakota v. Dole", "South Dakota v. Dole, 483 U.S. 203 (1987)")
    c = s.claim("The contract binds Bob", id="C1", party="a")
    s.premise("Both parties signed the contract", id="P2", supports=c, party="a", cites=["dole"])
    s.rebuttal("Bob signed under a threat of violence", id="R1", attacks=c, party="b")
    s.rebuttal("A signature says nothing about consent", id="C3", attacks=c, party="b")
    g = grade(s, key_map())
    assert g.parts["statements"][0] == 1.0
    assert g.parts["relations"][1:] == (2, 3)
    assert (
        "Your C3 attacks C1 (“The contract binds Bob”); in the key, C3 (“A signature says "
        "nothing about consent”) undercuts the inference from P2 (“Both parties signed the "
        "contract”) to C1 (“The contract binds Bob”)." in g.feedback
    )
    assert any("is a rebuttal; in the key, C3 is an undercutter" in f for f in g.feedback)
    assert g.score < 1.0


def test_missing_extra_citations_and_outcomes() -> None:
    s = am.ArgumentMap()
    c = s.claim("the contract binds bob!", id="A")  # same words, other case and punctuation
    s.premise("Both parties signed this contract", id="B", supports=c)  # a paraphrase
    s.premise("Bob is an adult", id="X", supports=c)
    g = grade(s, key_map())
    assert [(m.student, m.key) for m in g.matches] == [("A", "C1"), ("B", "P2")]
    assert g.missing == ("R1", "C3") and g.extra == ("X",)
    assert g.parts["citations"][1:] == (0, 1)
    assert g.parts["outcomes"][2] == 4  # the larger map's statements
    assert any("does not cite Dole" in f for f in g.feedback)
    # C1 stands in the student's map, falls in the key's
    assert g.parts["outcomes"][1:] == (1, 4)
    assert any(
        f.startswith("In your map A (“the contract binds bob!”) is accepted") for f in g.feedback
    )
    assert any(f.startswith("Missing: R1") for f in g.feedback)
    assert any("key: ID" in f for f in g.feedback)


def test_key_reference_in_a_note_wins_over_text() -> None:
    s = am.ArgumentMap()
    s.claim("Something else entirely", id="Z", note="key: C1")
    g = grade(s, key_map())
    assert [(m.student, m.key, m.how) for m in g.matches] == [("Z", "C1", "key: note")]


def test_reports_as_markdown_html_and_data() -> None:
    s = am.ArgumentMap()
    s.claim("<script>alert(1)</script>", id="S")
    g = grade(s, key_map())
    assert "<script>" not in g.to_html()
    assert g.to_markdown().startswith("# Score: ")
    data = json.loads(json.dumps(g.to_dict()))
    assert set(data["parts"]) == {"statements", "relations", "citations", "outcomes"}
    assert data["extra"] == ["S"]


def test_grade_rejects_non_maps() -> None:
    with pytest.raises(ArgmapError, match="student must be an ArgumentMap"):
        grade("map.yaml", key_map())  # type: ignore[arg-type]


@settings(max_examples=40)
@given(argument_maps(max_statements=10))
def test_grading_a_map_against_itself_is_perfect(m: am.ArgumentMap) -> None:
    g = grade(m, am.from_dict(am.to_dict(m)))
    assert g.score == 1.0, g.feedback
    assert g.missing == () and g.extra == ()


def _unique_texts(m: am.ArgumentMap) -> bool:
    norms = [_norm(s.text) for s in m]
    return len(set(norms)) == len(norms) and all(norms)


@settings(max_examples=40)
@given(argument_maps(max_statements=10), st.data())
def test_grading_is_symmetric_for_a_part_of_the_map(m: am.ArgumentMap, data: st.DataObject) -> None:
    assume(_unique_texts(m))
    focus = data.draw(st.sampled_from(list(m.statements)))
    part = m.view(focus=focus, depth=data.draw(st.integers(0, 2)))
    ab, ba = grade(part, m), grade(m, part)
    assert ab.parts == ba.parts
    assert ab.missing == ba.extra and ab.extra == ba.missing
    assert sorted((x.student, x.key) for x in ab.matches) == sorted(
        (x.key, x.student) for x in ba.matches
    )


def test_cli_grade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "key.yaml"
    am.dump(key_map(), key)
    assert main(["grade", str(key), str(key)]) == 0
    assert "# Score: 100%" in capsys.readouterr().out
    out = tmp_path / "g.json"
    assert main(["grade", str(key), "casebook:sanctuary", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["score"] < 0.2 and len(data["missing"]) > 100
    assert main(["grade", str(tmp_path / "nope.yaml"), str(key)]) == 1
    assert re.search(r"nope\.yaml", capsys.readouterr().err)


def test_cli_grade_json_flag_like_check_and_eval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "key.yaml"
    am.dump(key_map(), key)
    assert main(["grade", str(key), str(key), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"] == 1.0
    assert main(["grade", str(key), str(key), "--json", "--format", "html"]) == 1
    assert "--json" in capsys.readouterr().err


def test_a_short_answer_hears_first_what_it_lacks_and_where_it_belongs() -> None:
    s = am.ArgumentMap()
    s.claim("The contract binds Bob", id="A")
    g = grade(s, key_map())
    assert g.missing == ("P2", "R1", "C3")
    lacking = [f for f in g.feedback if f.startswith("Missing:")]
    assert g.feedback[: len(lacking)] == tuple(lacking)  # before anything else
    assert any(f.startswith("Missing: R1") and "which attacks C1" in f for f in lacking)
    # a missing statement's relations are told with it, not again one by one
    assert not any(
        f.startswith("Missing relation") and "R1" in f.split(" attacks")[0] for f in g.feedback
    )
