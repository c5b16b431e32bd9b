"""One entry point: am.load and every command read any format, by content and suffix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap as am
from argmap import formats
from argmap.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def sanctuary_files(tmp_path: Path) -> dict[str, Path]:
    m = am.casebook.load("sanctuary")
    out = {}
    for suffix in (".yaml", ".json", ".argdown", ".aif.json", ".xaif.json"):
        path = tmp_path / f"s{suffix}"
        formats.dump(m, path)
        out[suffix] = path
    return out


def test_am_load_reads_every_format_by_suffix_and_content(
    sanctuary_files: dict[str, Path], tmp_path: Path
) -> None:
    m = am.casebook.load("sanctuary")
    assert am.load(sanctuary_files[".yaml"]) == m
    assert am.load(sanctuary_files[".json"]) == m
    assert am.load(sanctuary_files[".argdown"]) == m
    assert am.read(sanctuary_files[".aif.json"]).format == "aif"
    assert am.read(sanctuary_files[".xaif.json"]).format == "xaif"
    # content wins over a misleading or missing suffix
    for src, name in ((".argdown", "x.txt"), (".aif.json", "x.json"), (".yaml", "x")):
        copy = tmp_path / name
        shutil.copy(sanctuary_files[src], copy)
        assert am.read(copy).format == am.read(sanctuary_files[src]).format


def test_format_overrides_detection(tmp_path: Path) -> None:
    p = tmp_path / "m.yaml"
    p.write_text("[A]: an Argdown statement in a .yaml file\n", encoding="utf-8")
    assert am.load(p, format="argdown").statement("A").kind == "claim"
    with pytest.raises(am.LoadError) as exc:
        am.load(p, format="argdwon")
    assert "did you mean 'argdown'" in str(exc.value)


def test_frameworks_and_carneades_load_as_maps(tmp_path: Path) -> None:
    tgf = tmp_path / "r.tgf"
    tgf.write_text("1\n2\n3\n#\n1 2\n2 3\n", encoding="utf-8")
    m = am.load(tgf)
    assert [c.id for c in m.conflicts] == ["1-|2", "2-|3"]
    assert am.evaluate(m).status("3") == "accepted"
    looped = tmp_path / "self.apx"
    looped.write_text("arg(a).\natt(a,a).\n", encoding="utf-8")
    with pytest.raises(am.LoadError) as exc:
        am.load(looped)
    assert "attacks itself" in str(exc.value)
    cy = tmp_path / "c.yml"
    cy.write_text(
        "statements:\n  p: P\n  q: Q\narguments:\n  a1: {premises: [p], conclusion: q}\n",
        encoding="utf-8",
    )
    assert am.read(cy).format == "carneades"


def test_graphml_is_written_but_not_read(tmp_path: Path) -> None:
    p = tmp_path / "m.graphml"
    formats.dump(am.casebook.load("sanctuary"), p)
    with pytest.raises(am.LoadError, match="does not read"):
        am.load(p)


# ---------------------------------------------------------------- the command


def test_convert_refuses_dot_naming_supported_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "good.yaml"
    formats.dump(am.casebook.load("sanctuary"), src)
    out = tmp_path / "good.dot"
    assert main(["convert", str(src), str(out)]) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert ".argdown" in err and ".graphml" in err and "argmap render" in err


def test_convert_by_suffix_and_says_what_was_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "good.yaml"
    m = am.casebook.load("sanctuary")
    formats.dump(m, src)
    ad = tmp_path / "good.argdown"
    assert main(["convert", str(src), str(ad)]) == 0
    assert "left out" not in capsys.readouterr().err  # Argdown is lossless
    assert am.load(ad) == m
    aif_out = tmp_path / "good.aif.json"
    assert main(["convert", str(ad), str(aif_out)]) == 0
    err = capsys.readouterr().err
    assert "left out" in err and "cites" in err and "issues" in err
    back = tmp_path / "back.yaml"
    assert main(["convert", "--from", "aif", str(aif_out), "--to", "yaml", str(back)]) == 0
    assert len(am.load(back)) == len(m)


def test_every_command_reads_argdown_and_aif(
    sanctuary_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ad = str(sanctuary_files[".argdown"])
    assert main(["eval", ad]) == 0
    assert main(["brief", ad, "-o", str(tmp_path / "b.md")]) == 0
    assert main(["render", ad, "-o", str(tmp_path / "d.dot")]) == 0
    capsys.readouterr()
    assert main(["check", str(sanctuary_files[".xaif.json"])]) == 0
    assert "read as xAIF" in capsys.readouterr().out
    assert main(["check", "--from", "argdown", str(FIXTURES / "spending.argdown")]) == 0


def test_check_reports_argdown_errors_with_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "bad.argdown"
    p.write_text("[A]: a\n  + [B]: b {kind: premis}\n", encoding="utf-8")
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    assert "bad.argdown:2:" in out and "premis" in out


def test_watch_renders_once_per_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "m.argdown"
    src.write_text("[A]: a\n  - [B]: b\n", encoding="utf-8")
    out = tmp_path / "m.dot"
    assert main(["watch", str(src), "-o", str(out), "--max-checks", "3", "--interval", "0"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("wrote") == 1  # three checks, one change
    assert "A" in out.read_text(encoding="utf-8")


def test_watch_prints_problems_and_keeps_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "m.argdown"
    src.write_text("-\n", encoding="utf-8")
    out = tmp_path / "m.dot"
    assert main(["watch", str(src), "-o", str(out), "--max-checks", "1", "--interval", "0"]) == 0
    assert "m.argdown:1:" in capsys.readouterr().out
    assert not out.exists()


def test_watch_renders_again_after_a_save(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    src = tmp_path / "m.argdown"
    src.write_text("[A]: a\n", encoding="utf-8")
    out = tmp_path / "m.dot"

    def save(_seconds: float) -> None:  # the student saves while argmap waits
        src.write_text("[A]: a\n  - [Later]: added after the first render\n", encoding="utf-8")

    monkeypatch.setattr(time, "sleep", save)
    assert main(["watch", str(src), "-o", str(out), "--max-checks", "2"]) == 0
    assert capsys.readouterr().out.count("wrote") == 2
    assert "Later" in out.read_text(encoding="utf-8")


def test_am_dump_writes_the_format_the_suffix_names(tmp_path: Path) -> None:
    """am.dump once wrote native YAML into m.argdown and native JSON into m.aif.json."""
    m = am.ArgumentMap("Dump by suffix")
    c = m.claim("The contract binds", id="C1")
    m.premise("Both signed", id="P1", supports=c)
    for name, start in (
        ("m.argdown", "==="),
        ("m.aif.json", '{\n  "nodes"'),
        ("m.graphml", "<?xml"),
        ("m.yaml", "argmap: 1"),
        ("m.json", '{\n  "argmap"'),
        ("m.txt", "argmap: 1"),  # a suffix naming no format: native YAML, as before
    ):
        am.dump(m, tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    assert am.load(tmp_path / "m.argdown") == m
