"""The explorable page in a real browser: open it, click, check what is shown."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import argmap as am
from argmap.explore import page_data, to_html

from .cdp import Browser

pytestmark = pytest.mark.exe

CLICK = """(function (id) {
  var g = document.querySelector('div.view:not([hidden]) g.node[data-id="' + id + '"]');
  if (!g) return false;
  g.querySelector('text').dispatchEvent(new MouseEvent('click', {bubbles: true}));
  return true;
})(%s)"""


def text(b: Browser, selector: str) -> str:
    return str(b.js(f"document.querySelector({json.dumps(selector)}).innerText"))


@pytest.fixture(scope="module")
def casebook_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    m = am.casebook.load("sanctuary")
    path = tmp_path_factory.mktemp("page") / "sanctuary.html"
    path.write_text(to_html(m), encoding="utf-8")
    return path, json.loads(json.dumps(page_data(m)))


def test_click_shows_text_authorities_and_explanation(
    browser: Browser, casebook_page: tuple[Path, dict[str, Any]]
) -> None:
    path, data = casebook_page
    browser.open(path.as_uri())
    # a large map opens on its first doctrine
    assert browser.js("document.querySelector('select.view').value") == "d-supremacy"
    assert browser.js(CLICK % json.dumps("A1.R1"))
    s = data["statements"]["A1.R1"]
    panel = text(browser, ".panel-body")
    assert s["text"] in panel
    for a in s["authorities"]:
        assert a in panel
    assert s["explanation"]["text"] in panel


def test_reject_shows_the_precomputed_flips(
    browser: Browser, casebook_page: tuple[Path, dict[str, Any]]
) -> None:
    path, data = casebook_page
    browser.open(path.as_uri())
    # a premise whose rejection changes several statements
    sid = max(data["whatifs"], key=lambda i: len(data["whatifs"][i]["reject"]["flips"]))
    flips = data["whatifs"][sid]["reject"]["flips"]
    assert len(flips) > 1
    browser.js(
        "var s = document.querySelector('select.view'); s.value = 'all';"
        "s.dispatchEvent(new Event('change'))"
    )
    assert browser.js(CLICK % json.dumps(sid))
    browser.js("document.querySelector('button.toggle-reject').click()")
    rows = browser.js(
        "Array.from(document.querySelectorAll('table.flips tr[data-id]')).map(r => "
        "[r.getAttribute('data-id'), r.children[1].innerText, r.children[2].innerText])"
    )
    assert rows == [f[:3] for f in flips]
    recoloured = browser.js(
        "Array.from(document.querySelectorAll('div.view:not([hidden]) g.node.am-flip'))"
        ".map(g => g.getAttribute('data-id'))"
    )
    assert sorted(recoloured) == sorted(f[0] for f in flips)
    if os.environ.get("ARGMAP_SCREENSHOTS"):
        browser.screenshot(Path(os.environ["ARGMAP_SCREENSHOTS"]) / "page.png")
    # a second what-if at once: not precomputed, and the page says so
    other = next(i for i in data["order"] if i != sid)
    assert browser.js(CLICK % json.dumps(other))
    browser.js("document.querySelector('button.toggle-assume').click()")
    assert "not precomputed" in text(browser, ".flips-body")
    assert browser.js("document.querySelectorAll('g.node.am-flip').length") == 0
    browser.js("document.querySelector('button.reset').click()")
    assert "No what-if is set" in text(browser, ".flips-body")


def test_view_switcher_shows_one_view(
    browser: Browser, casebook_page: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = casebook_page
    browser.open(path.as_uri())
    browser.js(
        "var s = document.querySelector('select.view'); s.value = 'd-spending';"
        "s.dispatchEvent(new Event('change'))"
    )
    shown = browser.js(
        "Array.from(document.querySelectorAll('div.view')).filter(v => !v.hidden)"
        ".map(v => v.getAttribute('data-view'))"
    )
    assert shown == ["d-spending"]
    assert browser.js(CLICK % json.dumps("C1"))
    assert "C1" in text(browser, ".panel-body .kind")


def test_page_makes_no_request_and_no_error(
    browser: Browser, casebook_page: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = casebook_page
    browser.requests.clear()
    browser.console.clear()
    browser.open(path.as_uri())
    assert browser.js(CLICK % json.dumps("A1"))
    assert [u for u in browser.requests if u != path.as_uri()] == []
    assert browser.console == []


def test_hostile_text_does_not_run(browser: Browser, tmp_path: Path) -> None:
    m = am.ArgumentMap("<script>window.pwned = 1</script>")
    c = m.claim('<img src=x onerror="window.pwned = 2">', id="C")
    m.premise("</script><script>window.pwned = 3</script>", id="P", supports=c)
    path = tmp_path / "hostile.html"
    path.write_text(to_html(m), encoding="utf-8")
    browser.open(path.as_uri())
    assert browser.js(CLICK % json.dumps("C"))
    assert browser.js(CLICK % json.dumps("P"))
    browser.js("document.querySelector('button.toggle-reject').click()")
    assert browser.js("typeof window.pwned") == "undefined"
    assert browser.js("document.querySelectorAll('img').length") == 0
    assert "</script><script>window.pwned = 3</script>" in text(browser, ".panel-body")
