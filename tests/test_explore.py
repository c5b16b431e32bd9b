"""The explorable page and the widget's Python side (argmap.explore).

What users rely on: the page's precomputed what-ifs are exactly what evaluating the
map with that one finding gives; the page is self-contained and nothing from a map
can become markup or script in it; the widget's state is a value that evaluates the
same as calling argmap.evaluate with it.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps, nasty_text

import argmap as am
from argmap.exceptions import ArgmapError, MissingDependencyError, UnknownNodeError

ex = importlib.import_module("argmap.explore")  # argmap.explore is also the function


def small_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Duress", parties={"a": "Alice", "b": "Bob"})
    m.authority("dole", "case", "South Dakota v. Dole", "South Dakota v. Dole, 483 U.S. 203 (1987)")
    q = m.issue("Is the contract valid?", id="Q", standard="preponderance")
    c = m.claim("The contract binds", id="C", party="a", answers=q)
    m.premise("Both signed", id="P", supports=c, party="a", cites=["dole@211"])
    r = m.rebuttal("Bob signed under duress", id="R", attacks=c, party="b")
    m.undercutter("The threat was lawful", id="U", undercuts=f"{r.id}-|C", party="a")
    return m


def changed_statements(m: am.ArgumentMap, mode: str, sid: str) -> list[str]:
    base = am.evaluate(m)
    after = am.evaluate(m, **{mode: [sid]})
    return [c.id for c in am.diff(base, after).changes if c.id in m.statements]


# ---------------------------------------------------------------- page data


def test_page_data_what_ifs_are_the_evaluations() -> None:
    m = small_map()
    data = ex.page_data(m)
    for sid in m.statements:
        for mode in ("reject", "assume"):
            flips = data["whatifs"][sid][mode]["flips"]
            assert [f[0] for f in flips] == changed_statements(m, mode, sid)


@settings(max_examples=30)
@given(argument_maps(max_statements=8))
def test_page_data_matches_evaluate_for_any_map(m: am.ArgumentMap) -> None:
    data = ex.page_data(m)
    assert list(data["statements"]) == list(m.statements)
    for sid in m.statements:
        for mode in ("reject", "assume"):
            got = data["whatifs"][sid][mode]
            if got["error"] is None:
                assert [f[0] for f in got["flips"]] == changed_statements(m, mode, sid)
    json.dumps(data)  # plain data


def test_page_data_uses_the_given_evaluation_options() -> None:
    m = small_map()
    ev = am.evaluate(m, semantics="preferred", standards="scintilla")
    data = ex.page_data(m, ev)
    assert data["semantics"] == "preferred"
    after = am.evaluate(m, semantics="preferred", standards="scintilla", reject=["P"])
    want = [c.id for c in am.diff(ev, after).changes if c.id in m.statements]
    assert [f[0] for f in data["whatifs"]["P"]["reject"]["flips"]] == want


def test_page_data_refuses_an_evaluation_of_another_map() -> None:
    with pytest.raises(ArgmapError, match="of this map"):
        ex.page_data(small_map(), am.evaluate(small_map()))


def test_json_script_cannot_close_the_script_element() -> None:
    text = ex._json_script({"x": "</script><script>alert(1)</script>\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script>\u2028&"}


# ---------------------------------------------------------------- the page


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def scan(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Scan()
    p.feed(page)
    return p.tags


def assert_inert(page: str) -> None:
    """Only argmap's two scripts; no element that loads or runs anything."""
    tags = scan(page)
    scripts = [a for t, a in tags if t == "script"]
    assert len(scripts) == 2
    assert scripts[0].get("type") == "application/json"
    for tag, attrs in tags:
        assert tag not in {"img", "iframe", "object", "embed", "link", "foreignobject", "image"}
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"src", "href", "xlink:href", "srcdoc", "action"}, (tag, name)
            if value and name == "style":
                assert "url(" not in value


@pytest.mark.exe
def test_page_is_self_contained_and_deterministic() -> None:
    m = small_map()
    page = ex.to_html(m)
    assert page == ex.to_html(m)
    assert_inert(page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert data == json.loads(json.dumps(ex.page_data(m)))
    # one view per party (both have statements), and every statement node is clickable
    assert page.count('<div class="view"') == 3
    first = page.split('<div class="view"')[1]
    assert sorted(re.findall(r'data-id="([^"]+)"', first)) == sorted(m.statements)


@pytest.mark.exe
@settings(max_examples=20)
@given(nasty_text, st.sampled_from(["claim", "premise", "title"]))
def test_hostile_text_never_becomes_markup(text: str, where: str) -> None:
    m = am.ArgumentMap("<script>alert('title')</script>", parties={"a": "<b>A</b>"})
    c = m.claim("fine" if where != "claim" else text, id="C", party="a", title=None)
    m.premise(
        text if where == "premise" else "ok",
        id="P",
        supports=c,
        title=text if where == "title" else None,
    )
    m.rebuttal("<img src=x onerror=alert(1)>", id="R", attacks=c)
    page = ex.to_html(m, views=False)
    assert_inert(page)
    assert "<img" not in page and "<b>A</b>" not in page


def test_static_files_ship_inside_the_package() -> None:
    for name in ("page.js", "widget.js", "explore.css"):
        assert ex._static(name).strip()
    assert "export default" in ex._static("widget.js")


def test_tag_nodes_marks_statement_nodes_only() -> None:
    m = small_map()
    svg = (
        '<g id="node1" class="node">\n<title>n1</title>\n'
        '<g id="node9" class="node">\n<title>r1</title>\n'
        '<g id="node2" class="node">\n<title>n5</title>\n'
    )
    out = ex._tag_nodes(svg, m)
    assert 'data-id="Q"' in out and 'data-id="U"' in out and "<title>r1</title>" in out


@pytest.mark.exe
def test_node_tags_agree_with_the_tooltips() -> None:
    # dot.py's node names are an internal detail; the tooltip starts with the id
    m = am.casebook.load("sanctuary")
    svg = ex._svg(m, am.evaluate(m), doctrines=["spending"])
    pairs = re.findall(
        r'data-id="([^"]+)">\n<title>[^<]*</title>\n<g id="a_node\d+"><a xlink:title="([^"]*)"', svg
    )
    assert len(pairs) > 10
    for sid, tip in pairs:
        assert tip.startswith(f"{sid} — "), (sid, tip[:40])


# ---------------------------------------------------------------- widget state


def test_session_cycles_marks_and_evaluates_them() -> None:
    m = small_map()
    s = ex.Session(m)
    s.click("R")
    assert s.assumptions == {"R": "assumed"}
    s.click("R")
    assert s.assumptions == {"R": "rejected"}
    assert s.evaluation.labels == am.evaluate(m, reject=["R"]).labels
    s.click("P")
    assert s.assumptions == {"P": "assumed", "R": "rejected"}
    assert s.evaluation.labels == am.evaluate(m, assume=["P"], reject=["R"]).labels
    s.click("R")
    assert s.assumptions == {"P": "assumed"}
    assert s.selected == "R"


@settings(max_examples=25)
@given(argument_maps(max_statements=8), st.data())
def test_session_state_is_a_value(m: am.ArgumentMap, data: st.DataObject) -> None:
    s = ex.Session(m)
    for sid in data.draw(st.lists(st.sampled_from(list(m.statements)), max_size=6)):
        s.click(sid)
    marks = s.assumptions
    assume = [k for k, v in marks.items() if v == "assumed"]
    reject = [k for k, v in marks.items() if v == "rejected"]
    again = am.evaluate(s.to_map(), assume=assume, reject=reject)
    assert again.labels == s.evaluation.labels
    assert s.diff().changed() == am.diff(am.evaluate(m), s.evaluation).changed()


def test_session_options_and_to_map() -> None:
    m = small_map()
    s = ex.Session(m)
    s.set_option("standard:Q", "beyond-reasonable-doubt")
    s.set_option("semantics", "preferred")
    assert s.evaluation.semantics == "preferred"
    copy = s.to_map()
    assert copy.statements["Q"].standard == "beyond-reasonable-doubt"  # type: ignore[attr-defined]
    assert m.statements["Q"].standard == "preponderance"  # type: ignore[attr-defined]
    s.set_option("standard:Q", "")
    assert s.to_map() == m
    assert s.controls()["views"] == [
        [["all", "The whole map"], ["p-a", "Party: Alice"], ["p-b", "Party: Bob"]],
        "all",
    ]
    s.set_option("view", "p-b")
    assert s.view == {"parties": ["b"]} and s.controls()["views"][1] == "p-b"
    focused = ex.Session(m, view={"focus": ["C"], "depth": 1})
    assert focused.controls()["views"][1] == "custom"
    with pytest.raises(ArgmapError, match="cannot set"):
        s.set_option("view", "d-nope")
    with pytest.raises(ArgmapError, match="cannot set"):
        s.set_option("semantics", "prefered")
    with pytest.raises(ArgmapError, match="unknown proof standard"):
        s.set_option("standard:Q", "certainty")
    with pytest.raises(UnknownNodeError):
        s.click("nope")


@pytest.mark.exe
def test_session_svg_and_panel() -> None:
    s = ex.Session(small_map())
    s.click("P")
    s.click("P")
    svg = s.svg()
    assert svg.startswith("<svg") and 'data-id="P"' in svg
    panel = s.panel()
    assert panel["marks"] == {"P": "rejected"}
    assert [f[0] for f in panel["flips"]] == changed_statements(small_map(), "reject", "P")
    assert panel["selected"]["id"] == "P"
    assert panel["selected"]["authorities"] == ["South Dakota v. Dole, 483 U.S. 203, 211 (1987)"]
    controls = s.controls()
    assert controls["standards"][0][:3] == ["Q", "Is the contract valid?", "preponderance"]


@pytest.mark.exe
def test_explorer_without_widget_falls_back_to_the_static_diagram() -> None:
    w = ex.Explorer(small_map(), widget=False)
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" not in bundle
    assert "pip install" in bundle["text/html"] and "<svg" in bundle["text/html"]


def test_explore_without_anywidget_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "anywidget", None)
    ex._widget_class.cache_clear()
    try:
        with pytest.raises(MissingDependencyError, match=r"argmap\[explore\]"):
            ex.explore(small_map())
    finally:
        ex._widget_class.cache_clear()


@pytest.fixture
def widget() -> Any:
    pytest.importorskip("anywidget")
    return ex.explore(small_map())


@pytest.mark.exe
def test_widget_click_message_reevaluates(widget: Any) -> None:
    before = widget.widget.svg
    widget._on_msg(widget.widget, {"type": "click", "id": "R"}, [])
    widget._on_msg(widget.widget, {"type": "click", "id": "R"}, [])
    assert widget.assumptions == {"R": "rejected"}
    assert widget.widget.panel["marks"] == {"R": "rejected"}
    flipped = {f[0]: f[2] for f in widget.widget.panel["flips"]}
    assert flipped["R"] == "rejected"
    assert widget.widget.svg != before
    assert widget.evaluation.labels == am.evaluate(small_map(), reject=["R"]).labels


@pytest.mark.exe
def test_widget_option_message_and_bad_messages(widget: Any) -> None:
    widget._on_msg(widget.widget, {"type": "option", "name": "semantics", "value": "stable"}, [])
    assert widget.evaluation.semantics == "stable"
    assert widget.widget.controls["semantics"][1] == "stable"
    widget._on_msg(widget.widget, {"type": "click", "id": "<nope>"}, [])
    assert "not a statement" in widget.widget.panel["error"]
    widget._on_msg(widget.widget, {"type": "unknown"}, [])


@pytest.mark.exe
def test_widget_bundle_has_the_widget_and_a_static_fallback(widget: Any) -> None:
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "live Jupyter kernel" in bundle["text/html"]
    assert widget.widget._esm == ex._static("widget.js")


def test_explorer_repr_says_which_what_ifs_are_set() -> None:
    # It showed a raw "{}" dict before anything was clicked.
    w = ex.Explorer(small_map(), widget=False)
    assert repr(w).endswith(": no what-ifs yet>")
    w.click("P")
    assert repr(w).endswith(": P assumed>")
