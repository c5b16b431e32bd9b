"""Graphviz diagrams: escaping, structure, themes, legend, views, rendering, Jupyter."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from argmap import dot
from argmap.dot import (
    DiagramError,
    LargeMapWarning,
    escape_label,
    mimebundle,
    render,
    to_dot,
    to_svg,
)
from argmap.exceptions import ArgmapError, MissingDependencyError, RenderError, UnknownNodeError
from argmap.graph import ArgumentMap
from argmap.model import Conflict, Inference
from tests.strategies import argument_maps, texts

SNAPSHOTS = Path(__file__).parent / "snapshots" / "dot"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
NASTY = [
    'He said "no"',
    "a trailing backslash \\",
    "\\",
    "<Brown v. Board>",
    "{braces} and [brackets]",
    "]; evil -> x [",
    '"]; n1 -> n2; x [label="',
    "line one\nline two",
    "tab\there",
    "\\N \\G \\L \\n \\l \\\\",
    "&amp; &lt; &#92; ]]>",
    "emoji \U0001f9d1\u200d\u2696\ufe0f scales",
    "\u05d1\u05d2\u05e5 right-to-left \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "bell \x07 and \x1b escape",
    "  leading and trailing  ",
]


class FakeEvaluation:
    """The duck-typed contract of argmap.Evaluation: status and explain per id."""

    def __init__(self, m: ArgumentMap, statuses: dict[str, str] | None = None) -> None:
        self.map = m
        self.statuses = statuses or {}

    def status(self, ident: str) -> str:
        if ident not in self.map:
            raise UnknownNodeError(f"{ident!r} is not in the map")
        return self.statuses.get(ident, "accepted")

    def explain(self, ident: str) -> str:
        return f"{ident} is {self.status(ident)} because the test says so"


def small_map() -> ArgumentMap:
    """A fixed map using every kind of node and line."""
    m = ArgumentMap(
        "Spending Clause",
        parties={"federal": "United States", "local": "Sanctuary jurisdictions"},
        doctrines={"spending": "Spending Clause", "sep": "Separation of powers"},
    )
    m.authority("dole", "case", "South Dakota v. Dole",
                "South Dakota v. Dole, 483 U.S. 203 (1987)")  # fmt: skip
    m.authority("sf", "case", "City & County of San Francisco v. Trump",
                "City & County of San Francisco v. Trump, 897 F.3d 1225 (9th Cir. 2018)",
                short="San Francisco", verified=False)  # fmt: skip
    top = m.issue("May grants be withheld?", id="T0", standard="preponderance", burden="federal")
    q = m.issue("Is the condition authorized?", id="C0", parent=top, doctrines=["spending"])
    c1 = m.claim("Yes: agencies may condition grants", id="C1", party="federal", answers=q,
                 doctrines=["spending"], cites=["dole@211"])  # fmt: skip
    c2 = m.claim("No: only Congress may", id="C2", party="local", answers=q,
                 doctrines=["sep"], cites=["sf"])  # fmt: skip
    m.attack(c2, c1)
    m.premise("Congress delegated the power", id="C1.1", supports=c1, party="federal",
              doctrines=["spending"])  # fmt: skip
    a = m.premise("The condition relates to the program", id="C1.2", party="federal")
    b = m.premise("The grant statute is broad", id="C1.3", party="federal")
    inf = m.infer([a, b], c1, scheme="argument from statute")
    r = m.rebuttal("The statute says nothing of immigration", id="C1.R1", attacks=c1,
                   party="local", doctrines=["sep"], cites=["sf"])  # fmt: skip
    m.undercutter("Congress delegated this very condition", id="C1.R1.U1",
                  undercuts=r, party="federal")  # fmt: skip
    m.undercutter("Relatedness is too loose a test", id="C1.U2", undercuts=inf, party="local")
    m.rebuttal("No specific funds were withheld", id="C1.1.R", attacks="C1.1", party="local")
    return m


def expected_counts(m: ArgumentMap, *, authority_nodes: bool = False) -> tuple[int, int]:
    """Nodes and lines a diagram of the whole map must have, computed from the map."""
    attacked = {c.target for c in m.conflicts}
    nodes = len(m)
    edges = 0
    for rel in m.relations.values():
        as_node = (
            rel.id in attacked
            or rel.weight is not None
            or (isinstance(rel, Inference) and (len(rel.premises) != 1 or bool(rel.scheme)))
        )
        nodes += as_node
        edges += len(rel.sources) + 1 if as_node else 1
    edges += sum(1 for c in m.claims if c.answers) + sum(1 for i in m.issues if i.parent)
    if authority_nodes:
        nodes += len(m.cited())
        edges += sum(len(s.cites) for s in m)
    return nodes, edges


def svg_of(source: str) -> ET.Element:
    out = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode()
    return ET.fromstring(out.stdout)


def groups(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == kind]


def texts_of(group: ET.Element) -> list[str]:
    return [(t.text or "").replace("\xa0", " ") for t in group.iter(f"{SVG}text")]


def shown(text: str) -> str:
    """The text as a diagram shows it (documented in escape_label)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    out = []
    for ch in text:
        code = ord(ch)
        if code < 32 and ch != "\n":
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0 or code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def node_texts(root: ET.Element) -> dict[str, list[str]]:
    return {g.findtext(f"{SVG}title", ""): texts_of(g) for g in groups(root, "node")}


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", NASTY)
def test_escape_label_never_leaves_markup_or_quotes(text: str) -> None:
    html = escape_label(text)
    assert "<" not in html.replace("<BR/>", "") and ">" not in html.replace("<BR/>", "")
    assert '"' not in html and '"' not in escape_label(text, html=False)
    # backslashes come in groups of four, so none can escape a quote or form \N
    attr = escape_label(text.replace("\n", " "), html=False)
    assert all(len(run) % 4 == 0 for run in re.findall(r"\\+", attr))


def test_escape_label_examples() -> None:
    assert escape_label("a\r\nb\rc") == "a<BR/>b<BR/>c"
    assert escape_label("x\ty") == "x    y"
    assert escape_label("bell\x07") == "bell\u2407"
    assert escape_label("\x85") == "\ufffd"
    assert escape_label("a\\") == "a\\\\"
    assert escape_label("a\\", html=False) == "a\\\\\\\\"
    assert escape_label("a\nb", html=False) == "a\\nb"


@pytest.mark.exe
@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_appears_exactly_and_keeps_structure(text: str) -> None:
    m = ArgumentMap(text, parties={"p": text}, doctrines={"d": text, "e": "Other"})
    m.authority("a", "case", text, f"{text}, 1 U.S. 1 (1900)", short=text)
    c = m.claim(text, id="C1", party="p", doctrines=["d"], cites=["a@" + text.strip()])
    m.premise(text, supports=c, doctrines=["e"], note=text)
    root = svg_of(to_dot(m, wrap=0, legend=True).source)
    nodes = node_texts(root)
    # the statement's lines, exactly (the first text element is the id line)
    for node in ("n1", "n2"):
        lines = [line for line in shown(text).split("\n") if line.strip()]
        for line in lines:
            assert line in nodes[node], (line, nodes[node])
    # the title, cluster labels and legend carry the text too
    everything = "".join("".join(texts_of(g)) for g in root.iter(f"{SVG}g"))
    assert squash(shown(text)) in squash(everything)
    # tooltips hold the full text (tabs read back as spaces from an XML attribute)
    tips = [a.get(f"{XLINK}title", "").replace("\xa0", " ") for a in root.iter(f"{SVG}a")]
    full = shown(text.replace("\t", " "))  # an XML attribute reads a tab back as a space
    assert any(full in tip.replace("\t", " ") for tip in tips), (full, tips)
    assert len(groups(root, "edge")) == 1


@pytest.mark.exe
@given(m=argument_maps())
def test_any_map_parses_with_exact_nodes_edges_and_texts(m: ArgumentMap) -> None:
    source = to_dot(m).source
    root = svg_of(source)
    nodes, edges = expected_counts(m)
    assert len(groups(root, "node")) == nodes
    assert len(groups(root, "edge")) == edges
    drawn = node_texts(root)
    for i, stmt in enumerate(m, 1):
        # wrapped lines, the id line and citations: every non-space character is there
        assert squash(shown(stmt.text)) in squash("".join(drawn[f"n{i}"]))


@pytest.mark.exe
@given(text=texts, theme=st.sampled_from(["screen", "print", "slides"]))
@example(text="ends with a backslash \\", theme="print")
@example(text="]; evil -> x [", theme="slides")
def test_any_text_anywhere_parses_and_shows(text: str, theme: str) -> None:
    m = ArgumentMap(text, parties={"p": text, "q": "Q"}, doctrines={"d": text, "e": text})
    m.authority("a", "case", text, text, short=text, verified=False)
    q = m.issue(text, doctrines=["d"])
    c = m.claim(text, party="p", answers=q, doctrines=["d"], cites=[f"a@{text.strip()}"])
    p1, p2 = m.premise(text, party="q", doctrines=["e"]), m.premise(text, doctrines=["e"])
    inf = m.infer([p1, p2], c, scheme=text, weight=0.5)
    r = m.rebuttal(text, attacks=c, party="q", note=text)
    m.undercutter(text, undercuts=inf, party="p")
    m.undercutter(text, undercuts=f"{r.id}-|{c.id}")
    ev = FakeEvaluation(m, {c.id: "rejected", r.id: "undecided"})
    source = to_dot(m, ev, theme=theme, legend=True, authorities="nodes", max_lines=0).source
    root = svg_of(source)
    nodes, edges = expected_counts(m, authority_nodes=True)
    legend = [g for g in groups(root, "node") if "legend" in g.findtext(f"{SVG}title", "")]
    assert len(groups(root, "node")) - len(legend) == nodes
    assert len(groups(root, "edge")) == edges
    assert squash(shown(text)) in squash("".join(node_texts(root)["n2"]))


def any_view(m: ArgumentMap, data: st.DataObject) -> str:
    """The DOT of a view of ``m`` with options drawn by hypothesis."""
    options: dict[str, Any] = {}
    if m.doctrines and data.draw(st.booleans()):
        options["doctrines"] = data.draw(st.lists(st.sampled_from(list(m.doctrines)), min_size=1))
    if m.parties and data.draw(st.booleans()):
        options["parties"] = data.draw(st.lists(st.sampled_from(list(m.parties)), min_size=1))
    if data.draw(st.booleans()):
        options["focus"] = data.draw(st.sampled_from(list(m.statements)))
        options["depth"] = data.draw(st.sampled_from([None, 0, 1, 2]))
    options["theme"] = data.draw(st.sampled_from(["screen", "print", "slides"]))
    options["authorities"] = data.draw(st.sampled_from(["inline", "nodes", "none"]))
    return to_dot(m, legend=True, **options).source


@given(m=argument_maps(), data=st.data())
def test_any_view_of_any_map_draws(m: ArgumentMap, data: st.DataObject) -> None:
    source = any_view(m, data)
    assert source.startswith("digraph argmap {") and source.endswith("}\n")


@pytest.mark.exe
@given(m=argument_maps(max_statements=8), data=st.data())
def test_any_view_of_any_map_parses(m: ArgumentMap, data: st.DataObject) -> None:
    svg_of(any_view(m, data))


@pytest.mark.exe
def test_a_doctrine_named_twice_is_drawn_once() -> None:
    """Found by hypothesis: a repeated doctrine put a node in two clusters; dot crashed."""
    m = ArgumentMap(doctrines={"spending": "", "10A": ""})
    m.issue("He said no", doctrines=["spending"])
    m.claim("x", doctrines=["spending", "10A"])
    source = to_dot(m, doctrines=["10A", "spending", "spending"], legend=True).source
    assert source.count("subgraph cluster_") == 3  # two doctrines and the legend
    svg_of(source)


def test_linked_premises_half_inside_a_view() -> None:
    m = ArgumentMap(doctrines={"a": "A", "b": "B"})
    c = m.claim("conclusion", doctrines=["b"])
    p1, p2 = m.premise("one", doctrines=["a"]), m.premise("two", doctrines=["b"])
    m.infer([p1, p2], c)
    source = to_dot(m, doctrines=["a"]).source
    # the shown premise keeps its line: the conclusion and its partner are grey context
    assert "one" in source and source.count("not in this view") == 2
    assert re.search(r"\tn1 -> r1 \[", source) and re.search(r"\tr1 -> g\d \[", source)
    source = to_dot(m, doctrines=["b"]).source
    assert source.count("not in this view") == 1 and "not shown" not in source
    m.premise("three", supports=c, doctrines=["a"])
    assert "+1 for not shown" in to_dot(m, doctrines=["b"]).source


def test_ids_never_become_node_names() -> None:
    m = ArgumentMap()
    m.claim("x", id="n2")
    m.claim("y", id="A1.R2:x/y-z")
    source = to_dot(m).source
    assert "\tn1 [" in source and "\tn2 [" in source
    assert "A1.R2:x/y-z -> " not in source


# --------------------------------------------------------------------------- determinism


def test_same_map_same_bytes_whatever_the_hash_seed() -> None:
    code = (
        "from tests.test_dot import small_map, FakeEvaluation; from argmap.dot import to_dot;"
        "m = small_map(); import sys; sys.stdout.write(to_dot(m, FakeEvaluation(m),"
        " legend=True, theme='print').source)"
    )
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             check=True, cwd=Path(__file__).parent.parent)  # fmt: skip
        outs.add(run.stdout)
    assert len(outs) == 1
    m = small_map()
    assert to_dot(m, FakeEvaluation(m), legend=True, theme="print").source.encode() in outs


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("screen", {"theme": "screen"}),
        ("print", {"theme": "print"}),
        ("slides", {"theme": "slides"}),
        ("screen-evaluated-legend", {"theme": "screen", "legend": True, "evaluate": True}),
        ("print-evaluated-legend", {"theme": "print", "legend": True, "evaluate": True}),
        ("screen-authority-nodes", {"authorities": "nodes", "legend": True}),
    ],
)
def test_snapshot(name: str, options: dict[str, Any]) -> None:
    m = small_map()
    ev = None
    if options.pop("evaluate", False):
        ev = FakeEvaluation(
            m, {"C1": "rejected", "C1.R1": "undecided", "C1.2+C1.3->C1": "rejected"}
        )
    source = to_dot(m, ev, **options).source
    path = SNAPSHOTS / f"{name}.dot"
    if os.environ.get("ARGMAP_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    assert source == path.read_text(encoding="utf-8"), (
        f"{path.name} changed; if on purpose, rerun with ARGMAP_UPDATE_SNAPSHOTS=1"
    )


# --------------------------------------------------------------------------- visual language


def node_line(source: str, name: str) -> str:
    return next(line for line in source.splitlines() if line.lstrip("\t").startswith(f"{name} ["))


KIND_NODES = {"issue": "n1", "claim": "n3", "premise": "n5", "rebuttal": "n8", "undercutter": "n9"}


def test_shapes_differ_by_kind() -> None:
    source = to_dot(small_map()).source
    looks = set()
    for name in KIND_NODES.values():
        line = node_line(source, name).split(" tooltip=")[0]
        shape = re.search(r"shape=(\w+)", line)
        assert shape is not None
        looks.add((shape.group(1), "peripheries=2" in line, "rounded" in line, "diagonals" in line))
    assert len(looks) == 5


def test_relations_merge_into_lines_unless_they_carry_something() -> None:
    m = small_map()
    source = to_dot(m).source
    # C1.1 -> C1 is a plain support: one line straight into the claim
    assert "\tn5 -> n3 [" in source
    # the linked inference with a scheme is a node showing its scheme
    assert "argument from statute" in source
    # the attacked conflict C1.R1-|C1 is a small diamond the undercut lands on
    rel = [line for line in source.splitlines() if re.match(r"\t+r\d+ \[", line)]
    assert len(rel) == 2 and any("shape=diamond" in line for line in rel)
    undercut = next(line for line in source.splitlines() if line.lstrip("\t").startswith("n9 -> "))
    assert "style=dashed" in undercut and "arrowhead=tee" in undercut
    assert re.match(r"\t+n9 -> r\d ", undercut)


def test_rebut_red_bar_and_support_solid_arrow() -> None:
    source = to_dot(small_map()).source
    rebut = next(line for line in source.splitlines() if line.lstrip("\t").startswith("n11 -> n5 "))
    assert 'color="#D55E00"' in rebut and "arrowhead=tee" in rebut and "style=" not in rebut
    support = next(
        line for line in source.splitlines() if line.lstrip("\t").startswith("n5 -> n3 ")
    )
    assert "arrowhead" not in support and "style=" not in support


def test_party_colours_are_okabe_ito_tints_and_own_colours_win() -> None:
    m = small_map()
    source = to_dot(m).source
    assert 'fillcolor="#BBE1F6"' in node_line(source, "n3")  # federal: sky blue
    assert 'fillcolor="#F9F4B3"' in node_line(source, "n4")  # local: yellow
    m.party("local", "Cities", colour="#0072B2")
    line = node_line(to_dot(m).source, "n4")
    assert 'fillcolor="#0072B2"' in line and 'fontcolor="#FFFFFF"' in line  # readable on dark


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _hue(colour: str) -> float | None:
    """The hue (degrees) of a colour, or None for greys."""
    import colorsys

    r, g, b = (c / 255 for c in _rgb(colour))
    h, light, sat = colorsys.rgb_to_hls(r, g, b)
    return None if sat < 0.15 or light > 0.97 else h * 360


def _near(a: float, b: float, degrees: float = 30) -> bool:
    return min(abs(a - b), 360 - abs(a - b)) < degrees


@pytest.mark.parametrize("theme", sorted(dot.THEMES))
def test_status_relation_and_party_never_share_a_hue_or_a_mark(theme: str) -> None:
    """Issue 15 §6: orange was both "rebuts", "rejected" and the second party's fill."""
    t = dot.THEMES[theme]
    statuses = [t.status[s].colour for s in t.status]
    lines = [t.edges[k].colour for k in ("attack", "undercut")]
    fills = [t.party_fill(i, None) for i in range(3)]
    for status in statuses:
        hs = _hue(status)
        for other in [*lines, *fills]:
            ho = _hue(other)
            assert hs is None or ho is None or not _near(hs, ho), (status, other)
    # greyscale and colour-blind safe: every status has its own border style and
    # symbol; every relation its own line style and arrowhead
    assert len({(t.status[s].style, t.status[s].symbol) for s in t.status}) == 3
    assert len({t.status[s].symbol for s in t.status}) == 3
    relations = [(e.style, e.arrowhead) for k, e in t.edges.items() if k != "cites"]
    assert len(set(relations)) == len(relations)
    assert (
        len({e.arrowhead for k, e in t.edges.items() if k in ("support", "attack", "undercut")})
        == 3
    )


def test_print_theme_is_greyscale_and_loses_nothing() -> None:
    m = small_map()
    m.party("local", "Cities", colour="#0072B2")
    ev = FakeEvaluation(m, {"C1": "rejected", "C1.R1": "undecided"})
    source = to_dot(m, ev, theme="print", legend=True).source
    for colour in re.findall(r"#([0-9A-Fa-f]{6})", source):
        r, g, b = colour[:2], colour[2:4], colour[4:]
        assert r == g == b, f"#{colour} is not grey"
    # parties by grey level and by letter; statuses by border style and symbol
    assert "C1 · F" in source and "C2 · L" in source
    assert node_line(source, "n3").count("dashed") == 1 and "✘" in node_line(source, "n3")
    assert "dotted" in node_line(source, "n8") and "?" in node_line(source, "n8")
    assert "✔" in node_line(source, "n5")
    fills = {re.search(r'fillcolor="(#\w+)"', node_line(source, n)).group(1)  # type: ignore[union-attr]
             for n in ("n1", "n3", "n4")}  # fmt: skip
    assert len(fills) == 3  # no party, federal and local: three grey levels


def test_statuses_use_border_symbol_and_colour() -> None:
    m = small_map()
    ev = FakeEvaluation(m, {"C1": "rejected", "C1.R1": "undecided"})
    source = to_dot(m, ev).source
    accepted, rejected, undecided = (node_line(source, n) for n in ("n5", "n3", "n8"))
    assert "✔" in accepted and "dashed" not in accepted and 'color="#009E73"' in accepted
    assert "✘" in rejected and "dashed" in rejected and 'color="#A23B72"' in rejected
    assert "?" in undecided and "dotted" in undecided
    assert "C1 is rejected because the test says so" in rejected  # explain() in the tooltip


def test_evaluation_can_be_given_alone() -> None:
    m = small_map()
    ev = FakeEvaluation(m)
    assert to_dot(ev).source == to_dot(m, ev).source


def test_bad_status_is_a_clear_error() -> None:
    m = small_map()
    with pytest.raises(DiagramError, match="expected one of"):
        to_dot(m, FakeEvaluation(m, {"C1": "maybe"}))


def test_citations_short_in_node_full_in_tooltip_unverified_flagged() -> None:
    source = to_dot(small_map(), legend=True).source
    claim = node_line(source, "n3")
    assert "Dole, 483 U.S. at 211" in claim
    assert "South Dakota v. Dole, 483 U.S. 203, 211 (1987)" in claim  # tooltip
    rival = node_line(source, "n4")
    assert "San Francisco, 897 F.3d 1225†" in rival and "† not verified" in rival
    assert 'ID="legend_unverified"' in source
    hidden = to_dot(small_map(), authorities="none").source
    assert "Dole, 483 U.S. at 211" not in hidden
    assert "South Dakota v. Dole, 483 U.S. 203, 211 (1987)" in hidden


def test_slides_show_fewer_lines_and_citations() -> None:
    m = ArgumentMap()
    for a in ("a", "b", "c"):
        m.authority(a, "case", f"{a.upper()} v. B", f"{a.upper()} v. B, 1 U.S. 1 (1900)")
    m.claim(" ".join(["word"] * 60), cites=["a", "b", "c"])
    slides = node_line(to_dot(m, theme="slides").source, "n1")
    assert "…" in slides and "+2" in slides
    assert (
        "…"
        not in node_line(to_dot(m, theme="slides", max_lines=0).source, "n1").split("tooltip")[0]
    )


def test_doctrines_become_labelled_clusters() -> None:
    source = to_dot(small_map()).source
    assert source.count("subgraph cluster_") == 2
    assert "<B>Spending Clause</B>" in source and "<B>Separation of powers</B>" in source
    assert "subgraph cluster_" not in to_dot(small_map(), clusters=False).source


# --------------------------------------------------------------------------- legend


def legend_keys(source: str) -> set[str]:
    found = re.findall(r'\tlegend_(\w+) \[|ID="legend_(\w+)"', source)
    return {a or b for a, b in found} - {"table"}


def test_legend_lists_exactly_what_is_drawn() -> None:
    m = small_map()
    keys = legend_keys(to_dot(m, legend=True).source)
    assert keys == {
        "issue", "claim", "premise", "rebuttal", "undercutter",  # shapes
        "party_1", "party_2", "party_none",  # colours
        "inference", "conflict",  # small relation nodes
        "support", "attack", "undercut", "answers", "subissue",  # lines
        "unverified",
    }  # fmt: skip
    ev = FakeEvaluation(m, {"C1": "rejected"})
    assert legend_keys(to_dot(m, ev, legend=True).source) - keys == {"accepted", "rejected"}


def test_legend_of_a_tiny_map() -> None:
    m = ArgumentMap(parties={"a": "Alice", "b": "Bob"})
    c = m.claim("x", party="a")
    m.premise("y", supports=c, party="a")
    assert legend_keys(to_dot(m, legend=True).source) == {"claim", "premise", "party_1", "support"}
    assert "legend" not in to_dot(m).source
    m.authority("k", "case", "K v. L", "K v. L, 1 U.S. 1 (1900)")
    m.premise("z", supports=c, cites=["k"])
    keys = legend_keys(to_dot(m, legend=True, authorities="nodes").source)
    assert keys == {"claim", "premise", "party_1", "party_none", "support", "authority", "cites"}


def test_legend_words_for_attacks() -> None:
    m = ArgumentMap()
    c = m.claim("x")
    p = m.premise("y", supports=c)
    m.rebuttal("not y", attacks=p)
    assert "undermines (attacks a premise)" in to_dot(m, legend=True).source


# --------------------------------------------------------------------------- views


def test_focus_view_keeps_the_neighbourhood_and_marks_the_focus() -> None:
    m = small_map()
    source = to_dot(m, focus="C1.R1", depth=1, legend=True).source
    assert "around C1.R1 (1 step)" in source
    assert "★" in source and 'ID="legend_focus"' in source
    drawn = set(re.findall(r">([A-Z][\w.]*)</FONT>", source)) | set(
        re.findall(r"<B>([A-Z][\w.]*)</B>", source)
    )
    assert {"C1.R1", "C1", "C1.R1.U1"} <= drawn and "T0" not in drawn
    assert "not shown" in source  # C1 has reasons outside the view


def test_doctrine_view_draws_context_and_counts_what_is_left_out() -> None:
    m = small_map()
    source = to_dot(m, doctrines=["sep"], legend=True).source
    assert "Separation of powers" in source and "subgraph cluster_1" not in source
    # C2 attacks C1 (not in the view): C1 is drawn as a grey context box
    assert "\tg1 [" in source and "not in this view" in source
    assert 'ID="legend_party_2"' in source and "legend_context" in source
    assert "legend_context" not in to_dot(m, doctrines=["sep"], context=False, legend=True).source


def test_party_view() -> None:
    source = to_dot(small_map(), parties=["local"]).source
    assert "parties: Sanctuary jurisdictions" in source
    assert "Congress delegated the power" not in source.split("tooltip")[0]


def test_unknown_focus_doctrine_party() -> None:
    m = small_map()
    with pytest.raises(UnknownNodeError, match="did you mean 'C1'"):
        to_dot(m, focus="c1")
    with pytest.raises(UnknownNodeError):
        to_dot(m, doctrines=["spend"])
    with pytest.raises(UnknownNodeError):
        to_dot(m, parties=["feds"])


def test_pieces_of_a_view_are_stacked_in_rows() -> None:
    m = ArgumentMap("Many")
    for i in range(8):
        q = m.issue(f"Question {i}?")
        c = m.claim(f"Answer {i}", answers=q)
        for j in range(3):
            m.premise(f"Reason {i}.{j}", supports=c)
    source = to_dot(m, theme="slides").source
    assert source.count("[style=invis]") >= 2


@pytest.mark.parametrize("option", [{"theme": "poster"}, {"rankdir": "UP"},
                                    {"authorities": "footnotes"}, {"layout": "quick"},
                                    {"wrap": -1}, {"depth": 1.5}, {"max_lines": "4"}])  # fmt: skip
def test_bad_options_list_the_choices(option: dict[str, Any]) -> None:
    with pytest.raises(DiagramError) as err:
        to_dot(small_map(), **option)
    assert "must be" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_not_a_map() -> None:
    with pytest.raises(DiagramError, match="expected an ArgumentMap"):
        to_dot("map.yaml")


# --------------------------------------------------------------------------- large maps


def chain(n: int) -> ArgumentMap:
    m = ArgumentMap("Chain")
    prev = m.claim("start")
    for i in range(n - 1):
        prev = m.premise(f"step {i}", supports=prev)
    return m


def test_large_maps_switch_to_fast_layout_with_one_visible_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dot, "FAST_LAYOUT_NODES", 10)
    with pytest.warns(LargeMapWarning, match="11 nodes to draw.*focus=") as caught:
        source = to_dot(chain(11)).source
    assert len(caught) == 1 and caught[0].filename == __file__  # points at the caller
    assert "splines=line" in source
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "splines=line" not in to_dot(chain(11), layout="full").source
        assert "splines=line" in to_dot(chain(5), layout="fast").source
        assert "splines=line" not in to_dot(chain(10)).source


# --------------------------------------------------------------------------- rendering


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH without the Graphviz programs."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))


def test_dot_source_needs_no_graphviz_program(tmp_path: Path, no_dot: None) -> None:
    out = render(small_map(), tmp_path / "sub" / "map.dot", theme="print")
    assert out == tmp_path / "sub" / "map.dot"
    assert out.read_text(encoding="utf-8") == to_dot(small_map(), theme="print").source
    assert small_map().render(tmp_path / "m", format="dot").suffix == ".dot"


def test_missing_dot_program(tmp_path: Path, no_dot: None) -> None:
    with pytest.raises(MissingDependencyError, match="apt-get install graphviz") as err:
        render(small_map(), tmp_path / "map.svg")
    assert isinstance(err.value, ImportError)
    with pytest.raises(MissingDependencyError):
        to_svg(small_map())


def fake_dot(folder: Path, script: str) -> None:
    """Put a program called ``dot`` running ``script`` (sh) first on PATH."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "dot"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)


def test_graphviz_failure_is_a_render_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What users rely on: an ArgmapError carrying Graphviz's own error lines (whatever
    their wording), without its warnings, and no traceback from the display."""
    fake_dot(
        tmp_path / "bin", 'echo "Warning: a harmless remark" >&2; echo "it broke: 42" >&2; exit 1'
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(RenderError) as err:
        to_svg(small_map())
    assert isinstance(err.value, ArgmapError)
    assert "it broke: 42" in str(err.value) and "harmless remark" not in str(err.value)
    bundle = mimebundle(small_map())
    assert "it broke: 42" in bundle["text/plain"] and "image/svg+xml" not in bundle


@pytest.mark.exe
def test_real_graphviz_errors_are_render_errors() -> None:
    with pytest.raises(RenderError) as err:
        dot._pipe("digraph { a -> }", "svg")
    assert str(err.value).strip()


def gone(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(")")[-1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_graphviz_is_stopped_after_the_timeout_with_advice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pid_file = tmp_path / "pid"
    fake_dot(tmp_path / "bin", f"echo $$ > {pid_file}; exec {shutil.which('sleep')} 600")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(RenderError) as err:
        render(small_map(), tmp_path / "map.svg", timeout=0.5)
    message = str(err.value)
    assert "focus=" in message and "pages=True" in message and "timeout" in message
    assert gone(int(pid_file.read_text()))
    assert not (tmp_path / "map.svg").exists()
    with pytest.raises(RenderError, match="timeout"):
        to_svg(small_map(), timeout=0.5)
    with pytest.raises(DiagramError, match="seconds"):
        to_svg(small_map(), timeout=-1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs PR_SET_PDEATHSIG")
def test_graphviz_dies_with_its_parent(tmp_path: Path) -> None:
    import signal
    import time

    pid_file = tmp_path / "pid"
    fake_dot(tmp_path / "bin", f"echo $$ > {pid_file}; exec {shutil.which('sleep')} 600")
    code = (
        "from tests.test_dot import small_map; from argmap.dot import to_svg; "
        "to_svg(small_map(), timeout=0)"
    )
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    parent = subprocess.Popen([sys.executable, "-c", code], env=env,
                              cwd=Path(__file__).parent.parent)  # fmt: skip
    for _ in range(600):  # wait (up to a minute) for the fake dot to start
        if pid_file.exists() and pid_file.read_text().strip():
            break
        time.sleep(0.1)
    child = int(pid_file.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(600):
        if gone(child):
            break
        time.sleep(0.1)
    assert gone(child)


def test_render_format_checks(tmp_path: Path) -> None:
    with pytest.raises(DiagramError, match="must be one of"):
        render(small_map(), tmp_path / "map.jpg")
    with pytest.raises(DiagramError, match="cannot tell the format"):
        render(small_map(), tmp_path / "map")


@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_render_formats(tmp_path: Path, fmt: str) -> None:
    m = small_map()
    out = render(m, tmp_path / f"map.{fmt}", evaluation=FakeEvaluation(m), legend=True)
    data = out.read_bytes()
    magic = {"svg": b"<?xml", "pdf": b"%PDF", "png": b"\x89PNG"}[fmt]
    assert data.startswith(magic)
    assert m.render(tmp_path / "hook", format=fmt).suffix == f".{fmt}"


@pytest.mark.exe
def test_to_svg_is_ready_to_inline() -> None:
    svg = to_svg(small_map(), theme="print")
    assert svg.startswith("<svg") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert "Yes: agencies may condition grants" in svg


@pytest.mark.exe
def test_png_of_slides_fits_a_16_9_slide(tmp_path: Path) -> None:
    import struct

    out = render(small_map(), tmp_path / "s.png", theme="slides")
    width, height = struct.unpack(">II", out.read_bytes()[16:24])
    assert width <= 2560 + 40 and height <= 1440 + 40


# --------------------------------------------------------------------------- Jupyter


@pytest.mark.exe
def test_map_view_and_evaluation_display_inline_as_svg() -> None:
    m = small_map()
    bundle = m._repr_mimebundle_()
    assert bundle["image/svg+xml"].startswith("<svg")
    assert bundle["text/plain"] == repr(m)
    ev_bundle = mimebundle(FakeEvaluation(m, {"C1": "rejected"}))
    assert "✘" in ev_bundle["image/svg+xml"]
    view = m.view(doctrines=["spending"])
    assert view._repr_mimebundle_(include=["image/svg+xml"]).keys() == {"image/svg+xml"}


def test_display_without_dot_shows_source_and_one_install_line(no_dot: None) -> None:
    bundle = small_map()._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    first, rest = bundle["text/plain"].split("\n", 1)
    assert "not installed" in first and "apt-get install graphviz" in first
    assert rest.startswith("digraph argmap {")


def test_display_of_huge_maps_gives_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dot, "DISPLAY_LIMIT", 3)
    text = mimebundle(small_map())["text/plain"]
    assert "too many to draw inline" in text and "focus=" in text


def test_display_respects_exclude() -> None:
    assert mimebundle(small_map(), exclude=["image/svg+xml"]) == {"text/plain": repr(small_map())}


def test_hooks_are_registered() -> None:
    from argmap.evaluation import Evaluation

    assert ArgumentMap.hooks["display"] is Evaluation.hooks["display"]
    assert "render" in ArgumentMap.hooks


# --------------------------------------------------------------------------- the casebook


def sanctuary() -> ArgumentMap:
    from argmap import casebook

    return casebook.load("sanctuary")


@pytest.mark.exe
@pytest.mark.parametrize("theme", ["screen", "print", "slides"])
def test_every_doctrine_view_of_the_casebook_renders(theme: str) -> None:
    m = sanctuary()
    from argmap import evaluate

    ev = evaluate(m)
    for doctrine in m.doctrines:
        if m.by_doctrine(doctrine):
            svg = to_svg(m, ev if theme != "screen" else None, theme=theme, doctrines=[doctrine],
                         legend=True)  # fmt: skip
            assert m.doctrines[doctrine].name.split()[0] in svg


def test_casebook_whole_map_dot_is_deterministic_and_relation_ids_stay_out() -> None:
    m = sanctuary()
    a, b = to_dot(m, legend=True).source, to_dot(m, legend=True).source
    assert a == b
    assert "-|" not in re.sub(r'tooltip="[^"]*"', "", a)  # ids only in labels and tooltips
    assert isinstance(next(iter(m.relations.values())), Inference | Conflict)


# --------------------------------------------------------------------------- views keep every line


def hanging(source: str, names: list[str]) -> list[str]:
    """Node names (of ``names``) with no line leaving them in ``source``."""
    return [n for n in names if not re.search(rf"\t{n} -> \w+ \[(?!style=invis)", source)]


def undercut_of_an_outside_attack() -> ArgumentMap:
    """A shown undercutter whose target, an attack, has both ends outside the view."""
    m = ArgumentMap(parties={"f": "Federal", "l": "Local"}, doctrines={"x": "X", "y": "Y"})
    c = m.claim("The condition is valid", party="f", doctrines=["y"])
    r = m.rebuttal("Only Congress may attach it", attacks=c, party="l", doctrines=["y"])
    m.undercutter("Congress delegated it", undercuts=r, party="f", doctrines=["x"])
    p = m.premise("The statute is broad", supports=c, party="f", doctrines=["y"])
    m.undercutter("Breadth is not consent", undercuts=p, party="l", doctrines=["x"])
    return m


@pytest.mark.parametrize("view", [{"doctrines": ["x"]}, {"parties": ["f"]}, {"parties": ["l"]}])
def test_a_view_never_leaves_an_undercutter_hanging(view: dict[str, Any]) -> None:
    m = undercut_of_an_outside_attack()
    source = to_dot(m, **view).source
    shown_ids = list(m.view(**view).statements)
    names = [f"n{i}" for i, sid in enumerate(shown_ids, 1) if m[sid].kind == "undercutter"]
    assert names and hanging(source, names) == []
    # the attack it lands on is drawn, with grey boxes for its ends outside the view
    assert "not in this view" in source
    assert re.search(r"\tr\d+ \[shape=diamond", source) or re.search(
        r"\tr\d+ \[shape=circle", source
    )


def test_an_undercut_of_an_undercut_of_a_shown_step() -> None:
    """Found by hypothesis: W (shown) undercuts U's undercut (U outside the view) of the
    shown step P -> C; that step had no node for the drawn undercut to land on."""
    m = ArgumentMap(parties={"f": "F", "l": "L"})
    c = m.claim("C", party="f")
    p = m.premise("P", supports=c, party="f")
    u = m.undercutter("U", undercuts=p, party="l")
    m.undercutter("W", undercuts=u, party="f")
    source = to_dot(m, parties=["f"]).source
    assert hanging(source, ["n2", "n3"]) == [] and "not in this view" in source
    assert re.search(r"\tg1 -> r\d+ \[", source)  # U's undercut lands on the step


def test_a_view_never_leaves_anything_hanging_in_any_map() -> None:
    from argmap import casebook

    m = casebook.load("sanctuary")  # smoke test over the shipped map, whatever its ids
    views: list[dict[str, Any]] = [{"doctrines": [d]} for d in m.doctrines]
    views += [{"parties": [p]} for p in m.parties]
    for view in views:
        shown_ids = list(m.view(**view).statements)
        names = [
            f"n{i}"
            for i, sid in enumerate(shown_ids, 1)
            if m[sid].kind in ("undercutter", "rebuttal")
        ]
        assert hanging(to_dot(m, **view).source, names) == [], view


@given(m=argument_maps(), data=st.data())
def test_views_of_any_map_leave_no_attacker_hanging(m: ArgumentMap, data: st.DataObject) -> None:
    parties = data.draw(st.lists(st.sampled_from([*m.parties, "x"]), min_size=1, unique=True))
    parties = [p for p in parties if p in m.parties]
    doctrines = [
        d for d in data.draw(st.lists(st.sampled_from([*m.doctrines, "x"]))) if d in m.doctrines
    ]
    view: dict[str, Any] = {}
    if parties:
        view["parties"] = parties
    if doctrines:
        view["doctrines"] = doctrines
    sub = m.view(**view)
    source = to_dot(m, clusters=False, **view).source
    # every shown statement that supports or attacks anything in the whole map has a line
    names = [
        f"n{i}"
        for i, sid in enumerate(sub.statements, 1)
        if any(
            rel.target in m.statements or rel.target in m.relations for rel in m.relations_from(sid)
        )
    ]
    assert hanging(source, names) == []


# --------------------------------------------------------------------------- robustness (issue 10)


def test_an_axiomatic_inference_is_drawn_as_a_small_node() -> None:
    m = ArgumentMap()
    c = m.claim("The Constitution binds the States")
    m.infer([], c, id="AX1")
    m.undercutter("Not without more", undercuts="AX1")
    source = to_dot(m, legend=True).source
    assert "C1 holds without premises (axiomatic)" in source
    assert re.search(r"\tr1 -> n1 \[", source) and re.search(r"\tn2 -> r1 \[", source)
    nodes, edges = expected_counts(m)
    assert len(re.findall(r"^\t[nr]\d+ \[", source, re.M)) == nodes
    assert len(re.findall(r"^\t\w+ -> \w+ \[(?!style=invis)", source, re.M)) == edges


def copy_with_relations_in(m: ArgumentMap, order: list[int]) -> ArgumentMap:
    other = ArgumentMap(m.title, parties=dict(m.parties), doctrines=dict(m.doctrines),
                        description=m.description)  # fmt: skip
    for a in m.authorities.values():
        other.add_authority(a)
    for s in m.statements.values():
        other.add(s, check=False)
    rels = list(m.relations.values())
    for i in order:
        other._add_relation(rels[i])
    return other


@given(m=argument_maps(), data=st.data())
def test_equal_maps_give_identical_dot(m: ArgumentMap, data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(m.relations))))
    same = copy_with_relations_in(m, list(range(len(m.relations))))
    permuted = copy_with_relations_in(m, list(order))
    assert same == m == permuted
    for options in ({}, {"theme": "print", "legend": True}):
        source = to_dot(m, **options).source
        assert to_dot(same, **options).source == source
        assert to_dot(permuted, **options).source == source


def test_text_over_16_kb_is_cut_for_graphviz_and_the_tooltip_says_so() -> None:
    m = ArgumentMap(doctrines={"d": "D" * 20000})
    c = m.claim("word & " * 5000, note="n" * 30000, doctrines=["d"])
    m.premise("<" * 20000, supports=c, doctrines=["d"])
    m.claim("ok", doctrines=["d"])
    for options in ({}, {"wrap": 0}, {"theme": "slides", "legend": True}):
        source = to_dot(m, **options).source
        for quoted in re.findall(r'"(?:[^"\\]|\\.)*"', source):
            assert len(quoted.encode()) < 16384
        for label in re.findall(r"label=<(.*?)>[,\]]", source):
            assert len(label.encode()) < 16384
        assert "35,000 characters in all; the map holds the full text" in source
        assert "shortened" in source
    assert m["C1"].text == "word & " * 5000  # the map keeps the full text


@pytest.mark.exe
def test_text_over_16_kb_renders() -> None:
    m = ArgumentMap(title="T" * 20000)
    c = m.claim("x" * 40000, note="é" * 20000)
    m.rebuttal('"' * 20000, attacks=c)
    svg_of(to_dot(m, wrap=0).source)


# --------------------------------------------------------------------------- fitting a page


def many_issues(n: int = 4, under_one: bool = False) -> ArgumentMap:
    m = ArgumentMap("Many", parties={"f": "Federal", "l": "Local"}, doctrines={"a": "A", "b": "B"})
    top = m.issue("The whole dispute?", id="T") if under_one else None
    claims = []
    for i in range(n):
        q = m.issue(f"Question {i}?", id=f"Q{i}", parent=top)
        c = m.claim(f"Yes {i}", id=f"C{i}", answers=q, party="f", doctrines=["a"])
        m.premise(f"Because {i}", id=f"P{i}", supports=c, party="f", doctrines=["b"])
        m.rebuttal(f"No {i}", id=f"R{i}", attacks=c, party="l", doctrines=["a"])
        claims.append(c)
    m.attack("R1", claims[0])  # a line between two issues
    return m


@pytest.mark.parametrize("under_one", [False, True])
def test_issues_are_stacked_in_rows_unless_asked_for_a_strip(under_one: bool) -> None:
    m = many_issues(6, under_one)
    rows = to_dot(m).source
    strip = to_dot(m, arrange="strip").source
    assert "[style=invis]" in rows and "[style=invis]" not in strip
    # the line between two issues is drawn but does not pull their rows together
    between = next(line for line in rows.splitlines() if "R1 rebuts C0" in line)
    assert "constraint=false" in between
    # each row keeps its own doctrine boxes
    assert rows.count("subgraph cluster_") > strip.count("subgraph cluster_")


@pytest.mark.exe
def test_rows_make_a_wide_map_fit_a_page() -> None:
    m = many_issues(8)

    def ratio(source: str) -> float:
        root = svg_of(source)
        return float(root.get("width", "0pt")[:-2]) / float(root.get("height", "0pt")[:-2])

    assert ratio(to_dot(m, arrange="strip").source) > 3.5
    assert 0.8 < ratio(to_dot(m).source) < 3.0


def test_one_page_per_issue_with_deterministic_names(tmp_path: Path) -> None:
    m = many_issues(3, under_one=True)
    m.claim("A stray thought", id="S1")
    pages = dot.to_dot_pages(m, theme="slides")
    assert [p.name for p in pages] == ["01-Q0", "02-Q1", "03-Q2", "04-other"]
    assert [p.issue for p in pages] == ["Q0", "Q1", "Q2", None]
    first, second = pages[0].source, pages[1].source
    assert "Question 0?" in first and "The whole dispute?" in first  # the top joins row one
    assert "Question 1?" not in first and "Yes 2" not in first
    assert "Q1: Question 1?" in second  # the subtitle names the page
    # R1 (page two) rebuts C0 (page one): the line ends in a grey context box
    assert "not in this view" in second and "R1 rebuts C0" in second
    assert [p.source for p in dot.to_dot_pages(m, theme="slides")] == [p.source for p in pages]
    written = render(m, tmp_path / "out" / "case.dot", pages=True, theme="slides")
    assert [p.name for p in written] == [f"case-{p.name}.dot" for p in pages]
    assert [p.read_text(encoding="utf-8") for p in written] == [p.source for p in pages]
    assert m.render(tmp_path / "hook.dot", pages=True)[0].name == "hook-01-Q0.dot"
    with pytest.raises(DiagramError, match="focus"):
        dot.to_dot_pages(m, focus="C1")


@given(m=argument_maps())
def test_pages_cover_every_statement_once(m: ArgumentMap) -> None:
    pages = dot.to_dot_pages(m)
    drawn: list[str] = []
    for page in pages:
        drawn += re.findall(r'tooltip="([^"\\]+?) — [a-z]+(?: \(|\\n)', page.source)
    assert sorted(drawn) == sorted(m.statements)


def _node_boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """{node name: (left, top, right, bottom)} in SVG coordinates (y grows down)."""
    boxes = {}
    for g in groups(root, "node"):
        xs: list[float] = []
        ys: list[float] = []
        for shape in g.iter():
            points = shape.get("points")
            if points:
                for pair in points.split():
                    x, y = pair.split(",")
                    xs.append(float(x))
                    ys.append(float(y))
            elif shape.get("cx"):
                cx, cy = float(shape.get("cx", 0)), float(shape.get("cy", 0))
                rx, ry = float(shape.get("rx", 0)), float(shape.get("ry", 0))
                xs += [cx - rx, cx + rx]
                ys += [cy - ry, cy + ry]
        if xs:
            boxes[g.findtext(f"{SVG}title", "")] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


@pytest.mark.exe
@pytest.mark.parametrize("rankdir", ["BT", "TB"])
def test_compact_legend_is_a_strip_under_the_drawing(rankdir: str) -> None:
    m = many_issues(4)
    boxes = _node_boxes(svg_of(to_dot(m, legend=True, rankdir=rankdir).source))
    legend = {k: v for k, v in boxes.items() if k.startswith("legend_")}
    drawing = {k: v for k, v in boxes.items() if not k.startswith("legend_")}
    assert min(v[1] for v in legend.values()) > max(v[3] for v in drawing.values())
    # at most two rows: the shapes in one, the table under them
    middles = {round((v[1] + v[3]) / 2) for k, v in legend.items() if k != "legend_table"}
    assert len(middles) == 1
    height = max(v[3] for v in legend.values()) - min(v[1] for v in legend.values())
    whole = max(v[3] for v in boxes.values()) - min(v[1] for v in boxes.values())
    assert height < whole * 0.4


def test_legend_style_per_option_and_theme() -> None:
    m = small_map()
    compact, full = to_dot(m, legend=True).source, to_dot(m, legend="full").source
    assert "<B>Legend</B>" in full and "<B>Legend</B>" not in compact
    assert legend_keys(compact) == legend_keys(full)
    assert to_dot(m, legend="compact").source == compact
    assert dot.THEMES["slides"].legend == "compact"
    with pytest.raises(DiagramError, match="legend"):
        to_dot(m, legend="big")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- argmap render


def test_cli_render_options_reach_the_diagram(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    out = tmp_path / "m.dot"
    args = ["render", "casebook:sanctuary", "-o", str(out), "--theme", "slides"]
    assert main([*args, "--wrap", "40", "--max-lines", "2", "--rankdir", "TB", "--legend",
                 "--legend-style", "full", "--arrange", "strip"]) == 0  # fmt: skip
    m = __import__("argmap").casebook.load("sanctuary")
    expected = to_dot(m, theme="slides", wrap=40, max_lines=2, rankdir="TB", legend="full",
                      arrange="strip").source  # fmt: skip
    assert out.read_text(encoding="utf-8") == expected
    assert main([*args, "--split", "issue"]) == 0
    pages = dot.to_dot_pages(m, theme="slides", legend=False)
    written = sorted(tmp_path.glob("m-*.dot"))
    assert [p.name for p in written] == [f"m-{p.name}.dot" for p in pages]
    assert written[0].read_text(encoding="utf-8") == pages[0].source
    assert f"wrote {written[-1]}" in capsys.readouterr().out


@pytest.mark.parametrize(
    "bad", [["--wrap", "-1"], ["--max-lines", "x"], ["--rankdir", "UP"], ["--dpi", "-3"]]
)
def test_cli_render_refuses_bad_values(tmp_path: Path, bad: list[str]) -> None:
    from argmap.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["render", "casebook:sanctuary", "-o", str(tmp_path / "m.dot"), *bad])
    assert exit_.value.code == 2
    assert not (tmp_path / "m.dot").exists()


@pytest.mark.exe
def test_cli_render_png_dpi_and_timeout(tmp_path: Path) -> None:
    from argmap.cli import main

    m = many_issues(2)
    src = tmp_path / "m.yaml"
    __import__("argmap").dump(m, src)
    small, large = tmp_path / "s.png", tmp_path / "l.png"
    assert main(["render", str(src), "-o", str(small), "--dpi", "36"]) == 0
    assert main(["render", str(src), "-o", str(large), "--dpi", "144", "--timeout", "60"]) == 0

    def width(p: Path) -> int:
        return int.from_bytes(p.read_bytes()[16:20], "big")

    assert width(large) > 3 * width(small)
    assert main(["render", str(src), "-o", str(small), "--timeout", "-1"]) != 0


def test_a_view_of_a_map_draws_as_that_view_with_subtitle_context_and_statuses() -> None:
    m = undercut_of_an_outside_attack()
    m.title = "Grants"
    view = m.view(doctrines=["x"])
    source = to_dot(view).source
    assert source == to_dot(m, doctrines=["x"]).source
    assert "X" in source.split("graph [label=")[1].split("]")[0]  # the subtitle
    assert "not in this view" in source
    ev = FakeEvaluation(m, {"U1": "rejected"})
    with_ev = m.view(doctrines=["x"], evaluation=ev)
    assert to_dot(with_ev).source == to_dot(m, ev, doctrines=["x"]).source
    assert "✘" in to_dot(with_ev).source
    assert mimebundle(with_ev, include=["text/plain"])  # displays
    # a view changed since it was made is drawn as it is now
    view.claim("Added later", id="NEW")
    assert "Added later" in to_dot(view).source and "not in this view" not in to_dot(view).source


@pytest.mark.exe
def test_pages_render_as_svg_for_a_brief_appendix() -> None:
    pages = dot.to_dot_pages(many_issues(2), legend=True)
    svgs = [page.svg() for page in pages]
    assert all(svg.startswith("<svg") for svg in svgs)
    assert "Question 0?" in svgs[0] and "Question 1?" in svgs[1]
