"""Large maps drawn one issue at a time and packed into one picture (issue 12).

The threshold is lowered so that small maps take the large path: what is tested is
the choice of path, the picture's content and its determinism, not speed (that is
``benchmarks/bench_dot.py``)."""

from __future__ import annotations

import os
import re
import shutil
import time
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import dot
from argmap._dotpack import place, split, split_svg, stitch
from argmap.dot import DiagramError, LargeMapWarning, render, to_dot, to_svg
from argmap.exceptions import MissingDependencyError, RenderError
from argmap.graph import ArgumentMap
from tests.strategies import argument_maps

SVG = "{http://www.w3.org/2000/svg}"


def issues_map(issues: int = 4) -> ArgumentMap:
    """Several issues, each with two answers and reasons; one attack across issues,
    one statement under no issue."""
    m = ArgumentMap("Packed <title> & co", parties={"p": "Plaintiff", "d": "Defendant"})
    claims = []
    for i in range(issues):
        q = m.issue(f"Question {i}?", id=f"Q{i}")
        yes = m.claim(f"Yes to {i}", answers=q, party="p", id=f"Y{i}")
        no = m.claim(f"No to {i}", answers=q, party="d", id=f"N{i}")
        m.premise(f"Because {i}", supports=yes, party="p", id=f"B{i}")
        m.rebuttal(f"Not so {i}", attacks=yes, party="d", id=f"R{i}")
        claims.append(no)
    m.rebuttal("Across issues", attacks=claims[-1], party="p", id="X0")
    m.attack("R0", claims[-1])  # a rebuttal under the first issue attacks the last one
    m.claim("Loose remark", id="L0")
    return m


@pytest.fixture
def low_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dot, "FAST_LAYOUT_NODES", 10)


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# --------------------------------------------------------------------------- the choice


def test_the_large_path_is_chosen_above_the_threshold_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen: list[bool] = []
    original = dot._packs

    def spy(plan: dot._Plan) -> bool:
        chosen.append(original(plan))
        return False  # what was chosen is recorded; nothing is drawn

    monkeypatch.setattr(dot, "_packs", spy)
    monkeypatch.setattr(dot, "_pipe", lambda *a, **k: b"<svg/>")
    m = issues_map()
    count = dot._plan(m).count
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        for limit, options, packs in [
            (count, {}, False),  # at the threshold: one graph
            (count - 1, {}, True),  # above it: packed
            (count - 1, {"layout": "fast"}, False),  # one graph with cheap settings
            (count - 1, {"layout": "full"}, False),
            (count, {"layout": "packed"}, True),  # asked for at any size
            (count - 1, {"doctrines": []}, False),  # a view is one graph
            (count - 1, {"focus": "Y0"}, False),
            (count - 1, {"arrange": "strip"}, False),
        ]:
            monkeypatch.setattr(dot, "FAST_LAYOUT_NODES", limit)
            chosen.clear()
            to_svg(m, **options)
            assert chosen == [packs], (limit, options)


def test_one_issue_is_never_packed(low_threshold: None) -> None:
    m = ArgumentMap()
    q = m.issue("Only?")
    for i in range(6):
        m.premise(f"r{i}", supports=m.claim(f"c{i}", answers=q))
    assert not dot._packs(dot._plan(m, layout="packed"))


def test_to_dot_stays_one_graph_and_refuses_packed(low_threshold: None) -> None:
    with pytest.warns(LargeMapWarning):
        source = to_dot(issues_map()).source
    assert source.count("digraph") == 1 and "splines=line" in source
    with pytest.raises(DiagramError, match="render"):
        to_dot(issues_map(), layout="packed")


def test_dot_files_are_one_graph_even_when_packing_is_asked_for(tmp_path: Path) -> None:
    out = render(issues_map(), tmp_path / "m.dot", layout="packed")
    assert out.read_text(encoding="utf-8") == to_dot(issues_map()).source


# --------------------------------------------------------------------------- the picture


@pytest.mark.exe
def test_packed_svg_shows_every_statement_and_the_title_once(low_threshold: None) -> None:
    m = issues_map()
    with pytest.warns(LargeMapWarning, match="each of the 5 issues") as caught:
        svg = to_svg(m, legend=True)
    assert len(caught) == 1 and caught[0].filename == __file__
    texts = svg_texts(svg)
    assert texts.count("Packed <title> & co") == 1
    shown = " ".join(texts)
    for s in m.statements.values():
        assert s.text in shown, s.id
    root = ET.fromstring(svg)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # ids stay unique across the issues
    titles = [e.findtext(f"{SVG}title") for e in root.iter(f"{SVG}g")]
    assert titles.count("cluster_legend") == 1  # one legend, for every issue
    # the attack across issues ends in a grey context box in the first issue's drawing
    assert shown.count("No to 3") == 2


@pytest.mark.exe
def test_packed_output_is_deterministic(low_threshold: None, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        one = render(issues_map(), tmp_path / "a.svg").read_bytes()
        two = render(issues_map(), tmp_path / "b.svg").read_bytes()
        assert one == two
        assert to_svg(issues_map()) == to_svg(issues_map())
        pdf1 = render(issues_map(), tmp_path / "a.pdf").read_bytes()
        pdf2 = render(issues_map(), tmp_path / "b.pdf").read_bytes()
    assert pdf1 == pdf2 and pdf1.startswith(b"%PDF")


@pytest.mark.exe
def test_packed_png_and_pdf_are_drawn_by_neato(low_threshold: None, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        png = render(issues_map(), tmp_path / "m.png", dpi=40).read_bytes()
        small = render(issues_map(), tmp_path / "s.png", dpi=20).read_bytes()
    assert png.startswith(b"\x89PNG") and len(small) < len(png)


@pytest.mark.exe
def test_the_slides_page_size_does_not_shrink_each_issue(low_threshold: None) -> None:
    """The slides theme's page size applies to one-graph drawings, not to each issue
    of a packed picture (which would shrink every issue to a slide)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        svg = to_svg(issues_map(), theme="slides")
    assert "scale(1 1)" in svg and re.search(r"scale\(0\.\d+ 0\.\d+\)", svg) is None


@pytest.mark.exe
def test_the_notebook_shows_a_large_map_packed(low_threshold: None) -> None:
    """Jupyter's inline SVG of a map above the threshold is the packed picture that
    render and to_svg draw, not one slow single-graph layout."""
    m = issues_map()
    with pytest.warns(LargeMapWarning, match="each of the 5 issues"):
        bundle = m._repr_mimebundle_()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        assert bundle["image/svg+xml"] == to_svg(m)
    assert bundle["text/plain"] == repr(m)
    assert svg_texts(bundle["image/svg+xml"]).count("Packed <title> & co") == 1


def test_the_notebook_without_graphviz_shows_the_source_of_a_large_map(
    low_threshold: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bundle = issues_map()._repr_mimebundle_()
    assert bundle.keys() == {"text/plain"}
    text = bundle["text/plain"]
    assert "apt-get install graphviz" in text.splitlines()[0]
    assert text.splitlines()[1].startswith("digraph") and "Question 3?" in text
    assert sum(issubclass(w.category, LargeMapWarning) for w in caught) == 1  # said once


# --------------------------------------------------------------------------- errors


def test_missing_graphviz_is_a_missing_dependency(
    low_threshold: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        with pytest.raises(MissingDependencyError, match="apt-get install graphviz"):
            to_svg(issues_map())
        with pytest.raises(MissingDependencyError):
            render(issues_map(), tmp_path / "m.pdf")


def fake(folder: Path, name: str, script: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)


def test_graphviz_failures_are_render_errors(
    low_threshold: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake(tmp_path / "bin", "dot", 'echo "it broke: 7" >&2; exit 1')
    cat = shutil.which("cat")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        with pytest.raises(RenderError, match="it broke: 7"):
            to_svg(issues_map())
        # dot answering with fewer drawings than it was given
        fake(tmp_path / "bin", "dot", f"{cat} > /dev/null; echo '<?xml version=\"1.0\"?>'")
        with pytest.raises(RenderError, match=r"laid out 2 of the 6 graphs"):
            to_svg(issues_map())
    assert not list(tmp_path.glob("*.svg"))


def test_the_timeout_bounds_the_whole_packed_drawing(
    low_threshold: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake(tmp_path / "bin", "dot", f"exec {shutil.which('sleep')} 600")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        start = time.monotonic()
        with pytest.raises(RenderError, match=r"within 0\.5 s"):
            render(issues_map(), tmp_path / "m.svg", timeout=0.5)
    assert time.monotonic() - start < 30  # both layout processes were stopped
    assert not (tmp_path / "m.svg").exists()


# --------------------------------------------------------------------------- packing


def test_place_keeps_order_and_fills_a_wide_page() -> None:
    boxes = [(100.0, 50.0)] * 16
    corners, (width, height) = place(boxes, (16, 9), gap=0)
    assert corners[0][1] >= corners[-1][1]  # the first drawing is in the top row
    rows = sorted({y for _, y in corners}, reverse=True)
    firsts = [min(i for i, c in enumerate(corners) if c[1] == y) for y in rows]
    assert firsts == sorted(firsts)  # rows in map order
    assert 1 <= width / height <= 16 / 9 * 2


def test_split_and_stitch_handle_several_documents() -> None:
    assert split("") == [] and split_svg("") == []
    doc = (
        '<?xml version="1.0"?>\n<svg width="10pt" height="10pt"\n viewBox="0.00 0.00 10.00 10.00">'
        '\n<g id="page0,1_graph0"></g>\n</svg>\n'
    )
    out = stitch([doc, doc, doc], ["", "p2_", "p3_"], doc, (16, 9))
    root = ET.fromstring(out)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids == ["packed", "title_graph0", "graph0", "p2_graph0", "p3_graph0"]


class Everything:
    """An evaluation accepting everything."""

    def status(self, ident: str) -> str:
        return "accepted"

    def explain(self, ident: str) -> str:
        return "test"


class Broken(Everything):
    def status(self, ident: str) -> str:
        return "maybe"


@pytest.mark.exe
def test_packed_drawings_show_statuses_and_need_no_title(low_threshold: None) -> None:
    m = issues_map()
    m.title = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        svg = to_svg(m, Everything())
    texts = svg_texts(svg)
    assert "title_graph0" not in svg
    assert texts.count("✔") >= len(m.statements)


def test_an_evaluation_error_while_packing_stops_every_dot(
    low_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    original = dot.subprocess.Popen

    def popen(*args: object, **kwargs: object) -> object:
        proc = original(*args, **kwargs)  # type: ignore[call-overload]
        started.append(proc.pid)
        return proc

    monkeypatch.setattr(dot.subprocess, "Popen", popen)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LargeMapWarning)
        with pytest.raises(DiagramError, match="maybe"):
            to_svg(issues_map(), Broken())
    for pid in started:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped: stopped and waited for


@given(argument_maps(), st.data())
def test_a_part_is_the_view_of_its_statements(m: ArgumentMap, data: st.DataObject) -> None:
    """``_part`` (what a page draws, in time proportional to the page) keeps what
    ``view(focus=ids, depth=0)`` keeps."""
    ids = [s for s in m.statements if data.draw(st.booleans())]
    order = {r: i for i, r in enumerate(m.relations)}
    part, view = m._part(ids, order), m.view(focus=ids, depth=0) if ids else None
    if view is None:
        assert not part.statements and not part.relations
        return
    assert list(part.statements.items()) == list(view.statements.items())
    assert list(part.relations.items()) == list(view.relations.items())
    assert list(part.authorities) == list(view.authorities)


def test_the_command_prints_the_large_map_warning_in_its_own_words(
    tmp_path: Path, low_threshold: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line, 'argmap: warning: ...', naming command-line options, not Python's
    file:line form with the library's keyword arguments."""
    from argmap.cli import main
    from argmap.formats.native import dump

    src = tmp_path / "m.yaml"
    dump(issues_map(), src)
    assert main(["render", str(src), "-o", str(tmp_path / "m.dot")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("argmap: warning: ") and err.count("\n") == 1
    assert "--focus " in err and "--depth 2" in err and "focus=" not in err
    assert main(["render", str(src), "-o", str(tmp_path / "m.svg")]) == 0
    err = capsys.readouterr().err
    assert "argmap: warning: " in err and "--layout fast" in err and "layout=" not in err
