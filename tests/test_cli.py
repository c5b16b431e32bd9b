"""The argmap command: exit codes, messages without tracebacks, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.cli import main

BAD = "argmap: 1\nstatements:\n  C1: {claim: x, party: fed}\n  P1: {premise: y, supports: C9}\n"
GOOD = (
    "argmap: 1\nparties: {a: A, b: B}\nstatements:\n"
    "  Q: {issue: Is it?, standard: preponderance}\n"
    "  C1: {claim: yes, party: a, answers: Q}\n"
    "  P1: {premise: because, supports: C1, party: a}\n"
    "  R1: {rebuttal: no, attacks: C1, party: b}\n"
)


def write(tmp_path: Path, text: str, name: str = "m.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_check_bad_file_prints_lines_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BAD)
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3: error: C1.party: unknown party 'fed'" in out
    assert f"{path}:4: error: P1.supports: 'C9' is not in the map" in out
    assert "Traceback" not in out


def test_check_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", write(tmp_path, GOOD)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", write(tmp_path, BAD)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [p["line"] for p in problems] == [3, 4]


def test_check_casebook(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "casebook:sanctuary"]) == 0


def test_casebook_name_without_prefix_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "sanctuary"]) == 1
    assert "casebook:sanctuary" in capsys.readouterr().err


def test_casebook_list_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["casebook"]) == 0
    assert capsys.readouterr().out.split() == ["sanctuary"]
    out = tmp_path / "s.yaml"
    assert main(["casebook", "sanctuary", "-o", str(out)]) == 0
    assert out.read_text().startswith("argmap: 1")
    assert main(["casebook", "sanctuari"]) == 1
    assert "did you mean 'sanctuary'" in capsys.readouterr().err


def test_eval_table_and_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD)
    assert main(["eval", path, "--reject", "R1", "--diff", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "C1" in out and "accepted" in out
    assert "Changes against the baseline:" in out
    assert "R1  " in out.split("Changes against the baseline:")[1]


def test_eval_json_and_diff_against(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, GOOD)
    b = write(
        tmp_path,
        GOOD.replace(
            "  R1: {rebuttal: no, attacks: C1, party: b}\n", "  R1: {rebuttal: no, party: b}\n"
        ),
        "b.yaml",
    )
    assert main(["eval", a, "--json", "--diff-against", b]) == 1  # ids differ: a clear error
    assert "same map" in capsys.readouterr().err
    assert main(["eval", a, "--json", "--standard", "Q=scintilla"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["issues"]["Q"]["standard"] == "scintilla"


def test_eval_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD)
    assert main(["eval", path, "--semantics", "prefered"]) == 1
    assert "did you mean 'preferred'" in capsys.readouterr().err
    assert main(["eval", path, "--reject", "Z9"]) == 1
    assert main(["eval", path, "--weight", "P1->C1=heavy"]) == 1
    assert "must be a number" in capsys.readouterr().err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"argmap: 1\nstatements: [\n", b"a: &x 1\nb: *x\n", b"argmap: 1\x00"],
)
def test_no_traceback_from_the_command(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert str(path) in proc.stdout


def test_convert_round_trip(tmp_path: Path) -> None:
    src = write(tmp_path, GOOD)
    out = tmp_path / "m.json"
    assert main(["convert", src, str(out)]) == 0
    assert json.loads(out.read_text())["argmap"] == 1
    from argmap import load

    assert load(out) == load(src)


def test_convert_from_carneades(tmp_path: Path) -> None:
    src = write(
        tmp_path,
        "statements: {p: P, q: Q}\narguments:\n  a: {premises: [q], conclusion: p}\n",
        "g.yml",
    )
    out = tmp_path / "g.yaml"
    assert main(["convert", "--from", "carneades", src, str(out)]) == 0
    assert "inferences:" in out.read_text()


def test_convert_onto_itself_with_an_unencodable_string_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A JSON lone surrogate: whether the reader refuses it or the writer cannot
    # encode it, the command fails cleanly and x.json keeps its bytes.
    text = '{"argmap": 1, "statements": {"C1": {"claim": "bad \\ud800 x"}}}\n'
    path = write(tmp_path, text, "x.json")
    before = Path(path).read_bytes()
    assert main(["convert", path, path]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error" in err
    assert Path(path).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


@pytest.mark.parametrize("command", ["convert", "casebook"])
def test_convert_and_casebook_create_missing_folders(tmp_path: Path, command: str) -> None:
    out = tmp_path / "new" / "folder" / "m.yaml"
    if command == "convert":
        assert main(["convert", write(tmp_path, GOOD), str(out)]) == 0
    else:
        assert main(["casebook", "sanctuary", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("argmap: 1")


def test_control_characters_in_statements_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claim = '  C1: {claim: "red \\e[31m alarm \\a title \\e]0;pwned\\a"'
    good = write(tmp_path, f"argmap: 1\nstatements:\n{claim}}}\n", "good.yaml")
    bad = write(tmp_path, f'argmap: 1\nstatements:\n{claim}, party: "x\\e[2J"}}\n', "bad.yaml")
    assert main(["eval", good]) == 0
    assert main(["check", bad]) == 1
    out = capsys.readouterr()
    shown = out.out + out.err
    assert "red \\u001b[31m alarm \\u0007" in shown
    assert "[invalid]" in shown or "party" in shown
    assert "\x1b" not in shown
    assert "\x07" not in shown


def test_escape_controls_keeps_printable_text_and_escapes_every_control() -> None:
    from argmap.cli import _escape_controls

    assert _escape_controls("Café ¶ — ok\tline\n") == "Café ¶ — ok\tline\n"
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x202E, 0xD800]:
        escaped = _escape_controls(f"a{chr(code)}b")
        assert escaped == f"a\\u{code:04x}b"


def test_a_self_undercut_has_its_own_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "argmap: 1\nstatements:\n  C1: {claim: x}\n  P1: {premise: y, supports: C1}\n"
        "  U1: {undercutter: z, undercuts: U1}\n",
    )
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:5: error: U1.undercuts: 'U1' undercuts itself" in out
    assert "each other" not in out


def test_usage_errors_escape_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render", "m.yaml", "-o", "x.svg", "--theme", "\x1b[2Jdark"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "2Jdark" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("suffix", [".aif", ".xaif"])
def test_convert_takes_the_short_aif_suffixes_alike(tmp_path: Path, suffix: str) -> None:
    # .aif worked but .xaif was refused with a hint to draw a "diagram".
    out = tmp_path / f"m{suffix}"
    assert main(["convert", write(tmp_path, GOOD), str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert ("AIF" in data) == (suffix == ".xaif")


def test_convert_suggests_render_only_for_a_diagram_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write(tmp_path, GOOD)
    assert main(["convert", src, str(tmp_path / "m.txt")]) == 1
    assert "argmap render" not in capsys.readouterr().err
    assert main(["convert", src, str(tmp_path / "m.svg")]) == 1
    assert "argmap render" in capsys.readouterr().err


def test_watch_takes_the_layout_options_of_render(tmp_path: Path) -> None:
    # Every drawing option of render works in watch, so a student can watch the
    # slide they are making.
    src = write(tmp_path, GOOD)
    args = ["--wrap", "12", "--max-lines", "1", "--rankdir", "LR", "--arrange", "strip"]
    args += ["--timeout", "60", "--layout", "fast"]
    rendered, watched = tmp_path / "r.dot", tmp_path / "w.dot"
    assert main(["render", src, "-o", str(rendered), *args]) == 0
    assert main(["watch", src, "-o", str(watched), "--max-checks", "1", *args]) == 0
    assert watched.read_text(encoding="utf-8") == rendered.read_text(encoding="utf-8")
    assert "rankdir=LR" in watched.read_text(encoding="utf-8")
    assert "splines=line" in watched.read_text(encoding="utf-8")  # --layout fast


def test_watch_refuses_a_casebook_and_says_how_to_watch_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["watch", "casebook:sanctuary", "-o", "x.svg", "--max-checks", "1"]) == 1
    assert "argmap casebook sanctuary -o" in capsys.readouterr().err


def test_watch_says_when_the_file_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "later.yaml"
    out = tmp_path / "m.svg"
    assert main(["watch", str(src), "-o", str(out), "--max-checks", "3", "--interval", "0"]) == 0
    said = capsys.readouterr().out
    assert said.count("no such file yet") == 1
    assert not out.exists()


@pytest.mark.exe
def test_a_pdf_diagram_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    # Cairo wrote the time of drawing into each PDF, so two renders differed.
    src = write(tmp_path, GOOD)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["render", src, "-o", str(first)]) == 0
    time.sleep(1.1)  # the stamp has a resolution of one second
    assert main(["render", src, "-o", str(second)]) == 0
    assert first.read_bytes().startswith(b"%PDF")
    assert first.read_bytes() == second.read_bytes()


TWO_ISSUES = GOOD + "  Q2: {issue: And this?}\n  C2: {claim: so, party: b, answers: Q2}\n"


def test_a_plain_standard_and_an_issue_standard_combine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --standard STD set every issue, but only when no ISSUE=STD was given: mixed,
    # the plain one was dropped without a word.
    path = write(tmp_path, TWO_ISSUES)
    args = [
        "eval",
        path,
        "--json",
        "--standard",
        "scintilla",
        "--standard",
        "Q=clear-and-convincing",
    ]
    assert main(args) == 0
    issues = json.loads(capsys.readouterr().out)["issues"]
    assert issues["Q"]["standard"] == "clear-and-convincing"
    assert issues["Q2"]["standard"] == "scintilla"


def test_evaluation_option_errors_name_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, GOOD)
    assert main(["eval", path, "--standard", "Z9=scintilla"]) == 1
    assert capsys.readouterr().err.startswith("argmap: error: --standard: ")
    assert main(["eval", path, "--weight", "P1->C9=0.5"]) == 1
    assert capsys.readouterr().err.startswith("argmap: error: --weight: ")


@pytest.mark.parametrize("command", ["render", "watch"])
def test_a_diagram_output_without_a_known_suffix_is_explained_in_cli_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # render -o split said "give it a suffix or format=", a parameter the CLI lacks.
    path = write(tmp_path, GOOD)
    assert main([command, path, "-o", str(tmp_path / "split")]) == 1
    err = capsys.readouterr().err
    assert "OUT.svg" in err and "format=" not in err


@pytest.mark.parametrize(
    "command",
    [
        ["brief", "{map}", "-o", "{out}.md", "--format", "html"],
        ["teach", "blank", "{map}", "-o", "{out}.md", "--format", "html", "--hide", "premise"],
        ["grade", "{map}", "{map}", "-o", "{out}.md", "--format", "json"],
    ],
)
def test_a_format_that_contradicts_the_suffix_is_refused_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    # teach and grade wrote HTML or JSON into a .md file; brief refused in API terms.
    path, out = write(tmp_path, GOOD), str(tmp_path / "out")
    assert main([a.format(map=path, out=out) for a in command]) == 1
    assert "--format" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [Path(path)]


def test_grade_takes_the_htm_and_markdown_suffixes(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert main(["grade", path, path, "-o", str(tmp_path / "g.htm")]) == 0
    assert (tmp_path / "g.htm").read_text(encoding="utf-8").lstrip().startswith("<")


def test_an_unwritable_output_is_named_not_its_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "No such file or directory: /proc/.x.svg.v7a8rmxa.tmp" named argmap's temporary file.
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc, a folder where no file can be created")
    target = Path("/proc/argmap-grade.md")
    assert main(["grade", write(tmp_path, GOOD), write(tmp_path, GOOD), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith(str(target)) and ".tmp" not in err


def test_a_legend_style_alone_draws_the_legend(tmp_path: Path) -> None:
    # --legend-style full without --legend was silently ignored.
    src = write(tmp_path, GOOD)
    styled, plain = tmp_path / "s.dot", tmp_path / "p.dot"
    assert main(["render", src, "-o", str(styled), "--legend-style", "full"]) == 0
    assert main(["render", src, "-o", str(plain)]) == 0
    both = tmp_path / "b.dot"
    assert main(["render", src, "-o", str(both), "--legend", "--legend-style", "full"]) == 0
    assert styled.read_text(encoding="utf-8") == both.read_text(encoding="utf-8")
    assert styled.read_text(encoding="utf-8") != plain.read_text(encoding="utf-8")


RIVALS = (
    "argmap: 1\nparties: {a: A, b: B}\nstatements:\n"
    "  Q: {issue: Is it?, standard: preponderance}\n"
    "  C1: {claim: yes, party: a, answers: Q, attacks: C2}\n"
    "  C2: {claim: no, party: b, answers: Q, attacks: C1}\n"
    "  P1: {premise: because, supports: C1, party: a}\n"
    "  P2: {premise: since, supports: C2, party: b}\n"
)


@pytest.mark.parametrize("option", [["--weight", "P2->C2=0.5"], ["--standard", "scintilla"]])
def test_diff_lists_what_a_weight_or_standard_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    # The --diff baseline carried the same --weight/--standard, so it said
    # "no status changed" while the issue's outcome had flipped.
    path = write(tmp_path, RIVALS)
    assert main(["eval", path, "--json", "--diff", *option]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["issues"]["Q"]["status"] != "undecided"
    assert any(change["id"] == "Q" for change in data["changes"])


def test_eval_says_when_a_map_has_no_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The table ended on "Issues (grounded semantics):" and nothing under it.
    path = write(tmp_path, "argmap: 1\nstatements:\n  C1: {claim: x}\n")
    assert main(["eval", path]) == 0
    assert (
        capsys.readouterr().out.rstrip().endswith("the map has no issue, so no outcome to decide")
    )


@pytest.mark.parametrize("option", ["--assume", "--reject"])
def test_a_what_if_id_error_names_its_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    path = write(tmp_path, GOOD)
    assert main(["eval", path, option, "P9"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: {option}: 'P9' is not in the map")


def test_teach_questions_honour_the_standard_option(tmp_path: Path) -> None:
    # The --diff baseline leaves --standard out; the teaching commands must not.
    path = write(tmp_path, RIVALS)
    plain, strict = tmp_path / "a.md", tmp_path / "b.md"
    assert main(["teach", "questions", path, "-o", str(plain), "-n", "3"]) == 0
    args = ["teach", "questions", path, "-o", str(strict), "-n", "3", "--standard", "scintilla"]
    assert main(args) == 0
    key_a = (tmp_path / "a-key.md").read_text(encoding="utf-8")
    key_b = (tmp_path / "b-key.md").read_text(encoding="utf-8")
    assert "scintilla" in key_b and "scintilla" not in key_a
