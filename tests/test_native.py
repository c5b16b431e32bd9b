"""The native YAML/JSON format: round trips, determinism, and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap as am
from argmap.exceptions import LoadError
from argmap.formats.native import MAX_BYTES, dumps, from_dict, load, loads, to_dict

from .strategies import argument_maps

GOOD = """\
argmap: 1
title: Spending Clause
parties: {federal: United States, local: Sanctuary jurisdictions}
doctrines: {spending: Spending Clause}
authorities:
  sf-v-trump-2018: {kind: case, name: City & County of San Francisco v. Trump,
                    cite: "City & County of San Francisco v. Trump, 897 F.3d 1225 (9th Cir. 2018)",
                    court: 9th Cir., year: 2018}
statements:
  C0: {issue: May the Executive withhold grants from sanctuary jurisdictions?,
       standard: preponderance}
  C1: {claim: "Yes: agencies may condition grants", party: federal, answers: C0}
  C1.1: {premise: Congress delegated condition-setting power, supports: C1, party: federal}
  C1.2: {premise: The conditions relate to the program, party: federal}
  C1.R1: {rebuttal: Only Congress holds the spending power, attacks: C1, party: local,
          cites: [sf-v-trump-2018]}
  C1.R1.U1: {undercutter: Where Congress delegated the condition the objection drops out,
             undercuts: C1.R1, party: federal}
inferences:
  - {premises: [C1.1, C1.2], conclusion: C1, scheme: argument-from-statute, weight: 0.7}
"""


def problems_of(text: str, **kw: object) -> list[am.Problem]:
    with pytest.raises(LoadError) as info:
        loads(text, source="map.yaml", **kw)  # type: ignore[arg-type]
    return list(info.value.problems)


def one_problem(text: str, **kw: object) -> am.Problem:
    found = problems_of(text, **kw)
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------------------- good input


def test_good_file_loads_with_lines() -> None:
    m = loads(GOOD, source="map.yaml")
    assert [s.id for s in m] == ["C0", "C1", "C1.1", "C1.2", "C1.R1", "C1.R1.U1"]
    assert set(m.relations) == {"C1.1->C1", "C1.R1-|C1", "C1.R1.U1-|C1.R1-|C1", "C1.1+C1.2->C1"}
    assert m.lines["C1.R1"] == 15
    assert m.conflict_kind("C1.R1.U1-|C1.R1-|C1") == "undercut"
    assert m.relations["C1.1+C1.2->C1"].weight == 0.7  # type: ignore[union-attr]


def test_dump_is_deterministic_and_lossless_for_the_example() -> None:
    m = loads(GOOD)
    text = dumps(m)
    assert text == dumps(loads(GOOD))
    assert loads(text) == m
    assert dumps(loads(text)) == text
    assert loads(dumps(m, format="json")) == m


def test_yaml_booleans_and_numbers_in_text_stay_as_typed() -> None:
    m = loads("argmap: 1\nstatements:\n  C1: {claim: no}\n  1.10: {claim: 1.10}\n")
    assert m.statement("C1").text == "no"
    assert m.statement("1.10").text == "1.10"
    assert loads(dumps(m)) == m


@given(argument_maps())
def test_round_trip_yaml(m: am.ArgumentMap) -> None:
    text = dumps(m)
    back = loads(text)
    assert back == m
    assert dumps(back) == text


@given(argument_maps())
def test_round_trip_json(m: am.ArgumentMap) -> None:
    text = dumps(m, format="json")
    back = loads(text)
    assert back == m
    assert dumps(back, format="json") == text


@given(argument_maps())
def test_from_dict_to_dict(m: am.ArgumentMap) -> None:
    assert from_dict(json.loads(json.dumps(to_dict(m)))) == m


def test_files_by_suffix(tmp_path: Path) -> None:
    m = loads(GOOD)
    for name in ("m.yaml", "m.yml", "m.json"):
        am.dump(m, tmp_path / name)
        assert load(tmp_path / name) == m
    assert (tmp_path / "m.json").read_text().startswith("{")


# ----------------------------------------------------------------------------- bad input


def test_malformed_yaml_names_the_line() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: x\n  C2: y\n")
    assert p.code == "yaml-syntax"
    assert p.line == 4
    assert p.source == "map.yaml"


def test_malformed_json_names_the_line() -> None:
    p = one_problem('{"argmap": 1,\n "statements": {\n  "C1": {"claim": "x",}\n}}')
    assert p.code == "json-syntax"
    assert p.line == 3


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "latin1.yaml"
    f.write_bytes("argmap: 1\nstatements:\n  C1: {claim: café}\n".encode("latin-1"))
    with pytest.raises(LoadError) as info:
        load(f)
    (p,) = info.value.problems
    assert p.code == "encoding" and p.line == 3 and p.source == str(f)
    assert "UTF-8" in str(info.value)


def test_utf16_is_named(tmp_path: Path) -> None:
    f = tmp_path / "u16.yaml"
    f.write_bytes("argmap: 1\n".encode("utf-16"))
    with pytest.raises(LoadError, match="UTF-16"):
        load(f)


def test_wrong_type_names_field_and_line() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: [a, b]}\n")
    assert (p.code, p.node, p.field, p.line) == ("wrong-type", "C1", "claim", 3)


def test_wrong_type_year() -> None:
    p = one_problem(
        "argmap: 1\nauthorities:\n  a:\n    kind: case\n    name: X v. Y\n    cite: X\n"
        "    year: nineteen\n"
    )
    assert (p.node, p.field, p.line) == ("a", "year", 7)


def test_unknown_key_suggests() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1:\n    claim: x\n    suports: C1\n")
    assert p.code == "unknown-field" and p.line == 5
    assert "did you mean 'supports'?" in p.message


def test_unknown_top_level_key_suggests() -> None:
    p = one_problem("argmap: 1\nstatement:\n  C1: {claim: x}\n")
    assert "did you mean 'statements'?" in p.message and p.line == 2


def test_unknown_statement_kind() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {clam: x}\n")
    assert p.code == "unknown-kind" and p.line == 3 and "did you mean 'claim'?" in p.message


def test_two_kinds() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: x, premise: y}\n")
    assert p.code == "two-kinds"


def test_duplicate_ids_from_duplicate_yaml_keys() -> None:
    p = one_problem(
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  C2: {claim: y}\n  C1: {claim: z}\n"
    )
    assert p.code == "duplicate-key" and p.line == 5 and "first at line 3" in p.message


def test_duplicate_keys_inside_a_statement() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1:\n    claim: x\n    claim: y\n")
    assert p.code == "duplicate-key" and p.line == 5


def test_duplicate_keys_json() -> None:
    p = one_problem('{"argmap": 1, "statements": {\n"C1": {"claim": "x"},\n"C1": {"claim": "y"}}}')
    assert p.code == "duplicate-key" and p.line == 3


def test_duplicate_id_between_statement_and_relation() -> None:
    text = (
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: y, supports: C1}\n"
        "inferences:\n  - {id: C1, premises: [P1], conclusion: C1, scheme: s}\n"
    )
    p = one_problem(text)
    assert p.code == "duplicate-id" and p.line == 6


def test_dangling_reference() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: y, supports: C9}\n")
    assert (p.code, p.node, p.field, p.line) == ("dangling-id", "P1", "supports", 4)
    assert "'C9'" in p.message


def test_dangling_cite_and_answers() -> None:
    found = problems_of(
        "argmap: 1\nstatements:\n  C1: {claim: x, cites: [printz@913]}\n  C2: {claim: y, answers: Q}\n"
    )
    assert [(p.node, p.field, p.line) for p in found] == [("C1", "cites", 3), ("C2", "answers", 4)]


def test_every_problem_is_reported_at_once() -> None:
    found = problems_of(
        "argmap: 1\nstatements:\n  C1: {claim: ''}\n  C2: {claim: x, party: nobody}\n"
        "  P1: {premise: y, supports: C9}\n"
    )
    assert [p.line for p in found] == [3, 4, 5]


def test_empty_text() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: '   '}\n")
    assert p.code == "empty-text" and p.line == 3


def test_missing_text() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1:\n    claim:\n")
    assert p.code == "empty-text" and p.line == 4


def test_nul_in_text() -> None:
    p = one_problem('argmap: 1\nstatements:\n  C1: {claim: "a\\0b"}\n')
    assert p.code == "nul-text" and p.line == 3


def test_raw_nul_byte() -> None:
    p = one_problem(b"argmap: 1\nstatements:\n  C1: {claim: a\x00b}\n")
    assert p.code == "nul" and p.line == 3


def test_aliases_are_refused_before_expanding() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(8)
    )
    p = one_problem(laughs)
    assert p.code == "yaml-anchor" and p.line == 1


def test_merge_keys_are_unknown_fields() -> None:
    found = problems_of("argmap: 1\nstatements:\n  C1: {claim: x, <<: {party: a}}\n")
    assert found[0].code == "unknown-field"


def test_custom_tags_refused() -> None:
    p = one_problem("argmap: 1\nstatements: !!python/object:os.system {}\n")
    assert p.code == "yaml-tag" and p.line == 2


def test_deep_nesting_is_refused_without_crashing() -> None:
    # What users rely on: one clean LoadError problem with a line, no crash. Which layer
    # refuses the nesting (our depth limit or libyaml's own, since PyYAML 6.0.4) is not.
    p = one_problem("argmap: 1\nx: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert p.code in ("yaml-depth", "yaml-syntax")
    assert p.line == 2


def test_deep_json_nesting_is_refused() -> None:
    found = problems_of('{"argmap": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert found[0].code in ("json-depth", "yaml-depth", "unknown-field")


def test_fifty_megabyte_file_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    with f.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing read
    with pytest.raises(LoadError) as info:
        load(f)
    (p,) = info.value.problems
    assert p.code == "too-large" and "50.0 MB" in p.message and p.source == str(f)
    assert MAX_BYTES < 50 * 1024 * 1024


def test_missing_file() -> None:
    with pytest.raises(LoadError, match="cannot read the file"):
        load("/nonexistent/map.yaml")


def test_missing_version() -> None:
    p = one_problem("statements:\n  C1: {claim: x}\n")
    assert p.code == "no-version"


def test_wrong_version() -> None:
    assert one_problem("argmap: 2\n").code == "bad-version"


def test_not_a_mapping() -> None:
    assert one_problem("- a\n- b\n").code == "not-a-map"


def test_rule_table_violation_in_file() -> None:
    p = one_problem(
        "argmap: 1\nstatements:\n  Q1: {issue: q}\n  C1: {claim: x}\n  P1: {premise: y, attacks: C1}\n"
    )
    assert p.code == "bad-relation" and p.line == 5 and "P1" in p.message and "C1" in p.message


def test_undercut_of_a_statement_without_relations() -> None:
    p = one_problem(
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  U1: {undercutter: y, undercuts: C1}\n"
    )
    assert p.code == "bad-relation" and p.line == 4


def test_undercuts_of_undercuts_resolve_in_any_order() -> None:
    m = loads(
        "argmap: 1\nstatements:\n"
        "  U2: {undercutter: b, undercuts: U1}\n"
        "  U1: {undercutter: a, undercuts: R1}\n"
        "  C1: {claim: x}\n"
        "  R1: {rebuttal: y, attacks: C1}\n"
    )
    assert m.relations["U2-|U1-|R1-|C1"].target == "U1-|R1-|C1"  # type: ignore[union-attr]


def test_unknown_party_and_doctrine_suggest() -> None:
    found = problems_of(
        "argmap: 1\nparties: {federal: US}\ndoctrines: {spending: S}\nstatements:\n"
        "  C1: {claim: x, party: federl, doctrines: [spendng]}\n"
    )
    messages = " ".join(p.message for p in found)
    assert "did you mean 'federal'?" in messages
    assert "did you mean 'spending'?" in messages


def test_sub_issue_cycle() -> None:
    found = problems_of(
        "argmap: 1\nstatements:\n  Q1: {issue: a, parent: Q2}\n  Q2: {issue: b, parent: Q1}\n"
    )
    assert found and all(p.code == "bad-relation" for p in found)


def test_titles_framings_signals_quotes_and_authority_history_round_trip() -> None:
    text = """argmap: 1
title: T
parties:
  local: {label: Cities, relief: Affirm the injunction., counsel: Counsel for the Cities}
  federal: United States
authorities:
  dole: {kind: case, name: South Dakota v. Dole, cite: "South Dakota v. Dole, 483 U.S. 203 (1987)",
         history: "reh'g denied, 483 U.S. 1049 (1987)", parallel: 107 S. Ct. 2793}
statements:
  Q1: {issue: May grants be conditioned?, nature: law, background: Congress enacted the grant.,
       framings: {local: Whether the Executive may add conditions Congress did not.}}
  C1: {claim: "No", title: No new conditions, party: local, answers: Q1,
       cites: [{id: dole, pin: "207", signal: see, quote: the power to attach conditions}, dole@211]}
"""
    m = loads(text)
    q, c = m["Q1"], m["C1"]
    assert q.framed_for("local").startswith("Whether") and q.framed_for("federal") == q.text
    assert q.nature == "law" and q.background == "Congress enacted the grant."
    assert c.label == "No new conditions"
    assert c.cites[0].signal == "see" and c.cites[0].quote == "the power to attach conditions"
    assert m.authorities["dole"].history == "reh'g denied, 483 U.S. 1049 (1987)"
    assert m.parties["local"].relief == "Affirm the injunction."
    again = loads(dumps(m))
    assert again == m and dumps(again) == dumps(m)
    assert loads(dumps(m, format="json")) == m


def test_bad_signal_in_a_cite_names_the_line() -> None:
    found = problems_of(
        'argmap: 1\nauthorities:\n  a: {kind: case, name: A v. B, cite: "A v. B, 1 U.S. 1 (1800)"}\n'
        "statements:\n  C1: {claim: x, cites: [{id: a, signal: sea}]}\n"
    )
    assert found and found[0].line == 5 and "signal" in found[0].message


# ----------------------------------------------------------------------------- errors that teach


def test_unquoted_colon_in_flow_style_shows_the_quoted_line() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: Yes: a state may forbid it}\n")
    assert (p.code, p.line, p.column) == ("yaml-syntax", 3, 18)
    assert "quotes" in p.message
    assert '  C1: {claim: "Yes: a state may forbid it"}' in str(p)


def test_unquoted_colon_in_flow_style_keeps_the_other_fields() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: No: it may not, party: a}\n")
    assert '{claim: "No: it may not", party: a}' in str(p)


def test_unquoted_colon_in_block_style_shows_the_quoted_line() -> None:
    p = one_problem(
        "argmap: 1\nstatements:\n  C1:\n    claim: Yes: a state may forbid it\n    party: a\n"
    )
    assert (p.code, p.line, p.column) == ("yaml-syntax", 4, 15)
    assert '    claim: "Yes: a state may forbid it"' in str(p)


def test_tab_is_named_with_its_column_and_the_line_without_it() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1:\n  \tclaim: x\n")
    assert (p.code, p.line, p.column) == ("yaml-syntax", 4, 3)
    assert "tab" in p.message
    assert "4 |     claim: x" in str(p)


@pytest.mark.parametrize(
    ("text", "line", "fixed"),
    [
        ("argmap: 1\nstatements:\n  C1:\n    claim: x\n     party: a\n", 5, "    party: a"),
        ("argmap: 1\nstatements:\n  C1:\n    claim: x\n   party: a\n", 5, "    party: a"),
        ("argmap: 1\nstatements:\n  C1: {claim: x}\n C2: {claim: y}\n", 4, "  C2: {claim: y}"),
    ],
)
def test_wrong_indentation_shows_the_aligned_line(text: str, line: int, fixed: str) -> None:
    p = one_problem(text)
    assert (p.code, p.line) == ("yaml-syntax", line)
    assert "indent" in p.message
    assert f"{line} | {fixed}\n" in str(p) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\nstatements:\n  C1: {claim: x\n  C2: y\n",
        "argmap: 1\nstatements:\n  C1: {claim: Yes: x}\n",
        "argmap: 1\nstatements:\n\tC1: {claim: x}\n",
        "argmap: 1\nstatements:\n  C1: {claim: @home}\n",
        'argmap: 1\ntitle: "unterminated\n',
        "argmap: 1\nstatements: [a, b\n",
        "argmap: 1\n  title: x\n",
    ],
)
def test_every_yaml_error_has_line_column_and_a_caret(text: str) -> None:
    p = one_problem(text)
    assert p.code.startswith("yaml-") and p.line and p.column
    row = text.splitlines()[p.line - 1] if p.line <= len(text.splitlines()) else ""
    shown = str(p).splitlines()
    at = next(i for i, s in enumerate(shown) if s.endswith(row.replace("\t", "→")) and "|" in s)
    caret = shown[at + 1]
    assert caret.rstrip().endswith("^")
    assert caret.index("^") - caret.index("|") - 2 == p.column - 1


def test_json_syntax_error_has_column_and_caret() -> None:
    p = one_problem('{"argmap": 1,\n "title": x}')
    assert (p.code, p.line, p.column) == ("json-syntax", 2, 11)
    assert str(p).splitlines()[-1].endswith("^")


def test_a_key_that_is_almost_a_kind_is_named() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: x}\n  P1:\n    premis: y\n")
    assert (p.code, p.node, p.field, p.line) == ("unknown-kind", "P1", "premis", 5)
    assert "'premis'" in p.message and "did you mean 'premise'?" in p.message


def test_did_you_mean_never_suggests_the_statement_itself() -> None:
    p = one_problem(
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  C1.2: {premise: y, supports: C1.9}\n"
    )
    assert p.code == "dangling-id" and "'C1.9'" in p.message
    assert "'C1.2'" not in p.message


def test_did_you_mean_still_suggests_a_close_id() -> None:
    found = problems_of(
        "argmap: 1\nstatements:\n  C1.1: {claim: x}\n  C1.2: {premise: y, supports: c1.1}\n"
        "  R1: {rebuttal: z, attacks: C1.l}\n  Q1: {issue: q}\n  C2: {claim: w, answers: Q11}\n"
    )
    assert [(p.node, p.message.split("(")[-1]) for p in found] == [
        ("C1.2", "did you mean 'C1.1'?)"),
        ("R1", "did you mean 'C1.1'?)"),
        ("C2", "did you mean 'Q1'?)"),
    ]


def test_thousands_of_dangling_references_are_each_reported_with_a_suggestion() -> None:
    n = 3000
    rows = [f"  C{i}: {{claim: c}}\n  P{i}: {{premise: p, supports: C{i}x}}" for i in range(n)]
    found = problems_of("argmap: 1\nstatements:\n" + "\n".join(rows) + "\n")
    assert len(found) == n
    assert all(p.message.endswith(f"(did you mean 'C{i}'?)") for i, p in enumerate(found))


UNVERIFIED = """\
argmap: 1
authorities:
  dole: {kind: case, name: South Dakota v. Dole, cite: "South Dakota v. Dole, 483 U.S. 203 (1987)"}
  rumour:
    kind: other
    name: A rumour
    cite: Someone said so
    verified: false
statements:
  C1: {claim: x, cites: [rumour]}
"""


def test_authority_warnings_carry_the_authority_line() -> None:
    found = {p.code: p for p in loads(UNVERIFIED, source="m.yaml").check()}
    assert (found["unverified-authority"].node, found["unverified-authority"].line) == (
        "rumour",
        4,
    )
    assert (found["orphan-authority"].node, found["orphan-authority"].line) == ("dole", 3)


@pytest.mark.parametrize("section", ["statements:\n", "statements: {}\n", "statements: null\n"])
def test_empty_or_null_statements_warn(section: str) -> None:
    m = loads("argmap: 1\ntitle: T\n" + section, source="m.yaml")
    (p,) = m.check()
    assert (p.severity, p.code, p.line, p.source) == ("warning", "no-statements", 3, "m.yaml")


# ----------------------------------------------------------------------------- hostile input


def test_lone_surrogate_escape_in_yaml_is_refused_with_its_line() -> None:
    p = one_problem('argmap: 1\nstatements:\n  C1: {claim: "a \\ud800 b"}\n')
    assert p.line == 3 and p.column


@pytest.mark.parametrize(
    "text",
    [
        '{"argmap": 1,\n "statements": {\n  "C1": {"claim": "a \\ud800 b"}}}',
        '{"argmap": 1,\n "statements": {\n  "C1": {"claim": "a \\udc00"}}}',
        '{"argmap": 1,\n "statements": {\n  "C\\ud800": {"claim": "a"}}}',
    ],
)
def test_lone_surrogate_escape_in_json_is_refused_with_its_line(text: str) -> None:
    p = one_problem(text)
    assert (p.code, p.line) == ("surrogate", 3)
    str(p).encode("utf-8")  # the message itself can be printed


def test_surrogate_pairs_in_json_are_characters() -> None:
    m = loads('{"argmap": 1, "title": "\\ud83d\\ude00 and \\\\ud800"}')
    assert m.title == "\U0001f600 and \\ud800"


def test_lone_surrogate_in_a_python_string_is_refused_with_its_line() -> None:
    p = one_problem("argmap: 1\nstatements:\n  C1: {claim: a\ud800}\n")
    assert (p.code, p.line) == ("surrogate", 3)


def test_plain_scalars_that_only_look_like_dates_or_numbers_are_text() -> None:
    big = "9" * 5000
    m = loads(
        "argmap: 1\ntitle: 2023-02-30\nstatements:\n  C1: {claim: 2023-13-45}\n"
        f"  C2: {{claim: <<}}\n  C3: {{claim: =}}\n  C4: {{claim: {big}}}\n"
        "  C5: {claim: 2023-01-02}\n"
    )
    assert m.title == "2023-02-30"
    assert [s.text for s in m] == ["2023-13-45", "<<", "=", big, "2023-01-02"]
    assert loads(dumps(m)) == m


def test_huge_numbers_where_numbers_belong_are_clean_errors() -> None:
    p = one_problem(
        "argmap: 1\nauthorities:\n  a: {kind: case, name: A, cite: A, year: " + "1" * 5000 + "}\n"
    )
    assert (p.code, p.line, p.field) == ("wrong-type", 3, "year")
    p = one_problem('{"argmap": 1,\n "title": ' + "9" * 5000 + "}")
    assert (p.code, p.line) == ("json-number", 2)


@pytest.mark.parametrize(
    "value", ["!!int abc", "!!bool maybe", "!!timestamp x", "!!float 1.2.3", "!!null x"]
)
def test_malformed_explicit_tags_are_refused_with_their_line(value: str) -> None:
    p = one_problem(f"argmap: 1\nstatements:\n  C1: {{claim: {value}}}\n")
    assert (p.code, p.line, p.column) == ("yaml-tag", 3, 15)


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\nstatements: !!seq\n  C1: {claim: x}\n",
        "argmap: 1\nstatements: !!str\n  C1: {claim: x}\n",
        "argmap: 1\nstatements:\n  C1: {claim: !!map x}\n",
        "argmap: 1\nstatements:\n  C1: !!seq {claim: x}\n",
        "argmap: 1\nstatements:\n  C1: {claim: x, doctrines: !!map [a]}\n",
        "argmap: 1\nstatements:\n  !!seq C1: {claim: x}\n",
    ],
)
def test_explicit_tags_on_the_wrong_node_are_refused(text: str) -> None:
    p = one_problem(text)
    assert p.code == "yaml-tag" and p.line in (2, 3) and p.column


def test_fitting_explicit_tags_are_accepted() -> None:
    m = loads("argmap: 1\nstatements: !!map\n  C1: {claim: !!str 1997, doctrines: !!seq []}\n")
    assert m.statement("C1").text == "1997"


@pytest.mark.parametrize("version", ["true", "1.0", "'1'", "[1]"])
def test_version_must_be_the_integer_one(version: str) -> None:
    p = one_problem(f"argmap: {version}\n")
    assert (p.code, p.line) == ("bad-version", 1)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(path: str) -> None:
    if not Path(path).exists():
        pytest.skip(f"no {path} here")
    with pytest.raises(LoadError) as info:
        load(path)
    assert [p.code for p in info.value.problems] == ["not-a-file"]


def test_folders_and_fifos_are_refused_without_hanging(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(tmp_path)
    assert info.value.problems[0].code == "not-a-file"
    if not hasattr(os, "mkfifo"):
        return
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as info:
        load(fifo)  # would block forever if it were opened for reading
    assert info.value.problems[0].code == "not-a-file"


def test_the_read_itself_is_bounded_whatever_the_size_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # /proc files are regular files that report size 0 but have content
    proc = Path("/proc/self/status")
    if not proc.exists() or proc.stat().st_size != 0:
        pytest.skip("needs a Linux /proc")
    asked: list[int] = []
    real = os.fdopen

    class Spy:
        def __init__(self, f: Any) -> None:
            self.f = f

        def __enter__(self) -> Spy:
            return self

        def __exit__(self, *exc: object) -> None:
            self.f.close()

        def fileno(self) -> int:
            return int(self.f.fileno())

        def read(self, n: int = -1) -> bytes:
            asked.append(n)
            return bytes(self.f.read(n))

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Spy(real(fd, *a, **k)))
    with pytest.raises(LoadError) as info:
        load(proc, max_bytes=16)
    assert info.value.problems[0].code == "too-large"
    assert asked == [17]


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
    ],
)
def test_wide_encodings_are_named(tmp_path: Path, encoding: str, named: str) -> None:
    f = tmp_path / "m.yaml"
    f.write_bytes("argmap: 1\n".encode(encoding))
    with pytest.raises(LoadError) as info:
        load(f)
    (p,) = info.value.problems
    assert p.code == "encoding" and named in p.message
    assert ({"UTF-16", "UTF-32"} - {named}).pop() not in p.message


def test_undercuts_keep_their_file_order() -> None:
    # U2 is itself waiting for its target, so the reader resolves U1's second undercut first
    text = (
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: p, supports: C1}\n"
        "  U1: {undercutter: a, undercuts: [U2, P1]}\n  U2: {undercutter: b, undercuts: P1}\n"
    )
    m = loads(text)
    out = dumps(m)
    assert "undercuts: [U2, P1]" in out
    assert dumps(loads(out)) == out
    assert list(m.relations) == [
        "P1->C1",
        "U1-|U2-|P1->C1",
        "U1-|P1->C1",
        "U2-|P1->C1",
    ]
    # per-kind lists and the evaluation's stamps follow the file order too
    assert [k.id for k in m.conflicts] == list(m.relations)[1:]
    assert list(m._ends) == list(m.relations)


@given(argument_maps())
def test_api_built_maps_dump_load_dump_byte_identical(m: am.ArgumentMap) -> None:
    text = dumps(m)
    back = loads(text)
    assert back == m and dumps(back) == text
    again = loads(dumps(back))
    assert list(again.relations) == list(back.relations)


def test_yaml_tree_refuses_a_raw_surrogate_with_line_and_column() -> None:
    from argmap.formats._yamltree import parse

    (p,) = parse("a: x\nb: y\ud800z\n", source="m.yaml").problems
    assert (p.code, p.line, p.column) == ("surrogate", 2, 5)
    str(p).encode("utf-8")


def test_from_dict_refuses_lone_surrogates_in_text_fields() -> None:
    with pytest.raises(LoadError) as info:
        from_dict({"argmap": 1, "statements": {"C1": {"claim": "a\ud800", "note": "\udfff"}}})
    assert [(p.code, p.field) for p in info.value.problems] == [
        ("surrogate", "claim"),
        ("surrogate", "note"),
    ]


def test_a_quoted_fix_keeps_double_quotes_in_the_text() -> None:
    p = one_problem('argmap: 1\nstatements:\n  C1:\n    claim: He said "Yes: now" # why\n')
    assert """    claim: 'He said "Yes: now"' # why""" in str(p)


@given(
    st.integers(0, len(GOOD)),
    st.sampled_from(
        [":", ": ", "\t", " ", "{", "}", "[", "-", "#", '"', "'", "@", "\n ", "!!int "]
    ),
)
def test_any_one_edit_of_a_good_file_loads_or_reports_with_a_line(at: int, insert: str) -> None:
    text = GOOD[:at] + insert + GOOD[at:]
    try:
        loads(text, source="m.yaml")
    except LoadError as exc:
        for p in exc.problems:
            assert p.line is not None, p
            if p.code.startswith("yaml-"):
                assert p.column is not None and p.excerpt, p


@pytest.mark.parametrize("function", ["load", "read"])
def test_a_casebook_spec_in_python_points_to_casebook_load(function: str) -> None:
    # The CLI takes casebook:NAME; am.load("casebook:sanctuary") said only "No such file".
    import argmap as am

    with pytest.raises(LoadError, match=r"argmap\.casebook\.load\('sanctuary'\)"):
        getattr(am, function)("casebook:sanctuary")
