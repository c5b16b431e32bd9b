"""The widget's front end in a real browser: the shipped ES module, a stand-in model.

The harness page loads ``argmap/static/widget.js`` as a module (from a Blob URL,
since Chromium refuses module scripts from file://) and renders it with a model
object that records what the module sends and fires change events like anywidget's.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest

import argmap as am

from .cdp import Browser

ex = importlib.import_module("argmap.explore")  # argmap.explore is also the function

pytestmark = pytest.mark.exe

HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>%(css)s</style></head>
<body><div id="host"></div>
<script type="application/json" id="src">%(src)s</script>
<script type="application/json" id="state">%(state)s</script>
<script>
class StandIn {
  constructor(state) { this.state = state; this.handlers = {}; this.sent = []; }
  get(k) { return this.state[k]; }
  set(k, v) { this.state[k] = v; (this.handlers["change:" + k] || []).forEach((f) => f()); }
  on(e, f) { (this.handlers[e] = this.handlers[e] || []).push(f); }
  off(e, f) { this.handlers[e] = (this.handlers[e] || []).filter((g) => g !== f); }
  send(m) { this.sent.push(m); }
  save_changes() {}
}
window.model = new StandIn(JSON.parse(document.getElementById("state").textContent));
const src = JSON.parse(document.getElementById("src").textContent);
const url = URL.createObjectURL(new Blob([src], {type: "text/javascript"}));
window.ready = import(url).then((mod) => {
  window.cleanup = mod.default.render({model: window.model, el: document.getElementById("host")});
  return true;
});
</script></body></html>
"""


def state(session: ex.Session) -> dict[str, object]:
    return {"svg": session.svg(), "panel": session.panel(), "controls": session.controls()}


def small_map() -> am.ArgumentMap:
    m = am.ArgumentMap("Duress", parties={"a": "Alice", "b": "Bob"})
    q = m.issue("Is the contract valid?", id="Q", standard="preponderance")
    c = m.claim("The contract binds", id="C", party="a", answers=q)
    m.premise("Both signed <b>it</b>", id="P", supports=c, party="a")
    m.rebuttal("Bob signed under duress", id="R", attacks=c, party="b")
    return m


def test_click_sends_the_message_and_new_svg_replaces_the_old(
    browser: Browser, tmp_path: Path
) -> None:
    session = ex.Session(small_map())
    page = tmp_path / "harness.html"
    page.write_text(
        HARNESS
        % {
            "css": ex._static("explore.css"),
            "src": ex._json_script(ex._static("widget.js")),
            "state": ex._json_script(state(session)),
        },
        encoding="utf-8",
    )
    browser.console.clear()
    browser.open(page.as_uri())
    assert browser.js("window.ready") is True
    assert browser.js("document.querySelectorAll('#host g.node[data-id]').length") == 4
    browser.js(
        "document.querySelector('#host g.node[data-id=\"R\"] text')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
    )
    assert browser.js("window.model.sent") == [{"type": "click", "id": "R"}]
    # Python answers the message: R clicked twice is rejected
    session.click("R")
    session.click("R")
    new = state(session)
    browser.js("window.old = document.querySelector('#host svg')")
    browser.js(f"window.model.set('svg', {json.dumps(new['svg'])})")
    browser.js(f"window.model.set('panel', {json.dumps(new['panel'])})")
    assert browser.js("window.old.isConnected") is False
    assert browser.js("document.querySelectorAll('#host svg').length") == 1
    flipped = browser.js(
        "Array.from(document.querySelectorAll('#host g.node.am-flip')).map(g => g.dataset.id)"
    )
    assert sorted(flipped) == sorted(f[0] for f in new["panel"]["flips"])  # type: ignore[index]
    assert browser.js("document.querySelector('#host g.node.am-set').dataset.id") == "R"
    panel = browser.js("document.querySelector('#host .panel').innerText")
    assert "rejected: Bob signed under duress" in panel
    assert "Bob signed under duress" in panel
    if os.environ.get("ARGMAP_SCREENSHOTS"):
        browser.screenshot(Path(os.environ["ARGMAP_SCREENSHOTS"]) / "widget.png")
    # a control sends an option message
    browser.js(
        "var s = document.querySelector('#host select[name=\"semantics\"]'); s.value = 'preferred';"
        "s.dispatchEvent(new Event('change'))"
    )
    assert browser.js("window.model.sent[1]") == {
        "type": "option",
        "name": "semantics",
        "value": "preferred",
    }
    assert browser.js("document.querySelectorAll('#host img, #host b').length") == 0
    views = "Array.from(document.querySelectorAll('#host select[name=\"view\"] option'))"
    assert browser.js(f"{views}.map(o => o.value)") == ["all", "p-a", "p-b"]
    browser.js("window.cleanup()")
    assert browser.js("Object.values(window.model.handlers).every(h => h.length === 0)")
    assert browser.console == []
