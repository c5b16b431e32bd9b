// argmap explorable page. Reads the data block written by argmap.explore.to_html and
// wires the diagram: click a statement -> its text, authorities and explanation;
// "reject" / "assume" -> the precomputed single-statement what-if. Every string taken
// from the map reaches the page through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var root = document.getElementById("argmap-page");
  var panel = root.querySelector(".panel-body");
  var flipsBox = root.querySelector(".flips-body");
  var select = root.querySelector("select.view");
  var toggles = {};   // id -> "assume" | "reject"
  var selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function label(id) {
    var s = data.statements[id];
    return s ? s.label : id;
  }
  function nodes() {
    return root.querySelectorAll("g.node[data-id]");
  }

  function showView(key) {
    root.querySelectorAll("div.view").forEach(function (v) {
      v.hidden = v.getAttribute("data-view") !== key;
    });
  }

  function explanationList(x) {
    var li = el("li", null, null);
    li.appendChild(el("span", null, x.text));
    if (x.children && x.children.length) {
      var ul = el("ul");
      x.children.forEach(function (c) { ul.appendChild(explanationList(c)); });
      li.appendChild(ul);
    }
    return li;
  }

  function currentStatus(id) {
    var r = result();
    if (r && r.flips) {
      for (var i = 0; i < r.flips.length; i++) if (r.flips[i][0] === id) return r.flips[i][2];
    }
    return data.statements[id].status;
  }

  function renderPanel() {
    panel.textContent = "";
    if (!selected) {
      panel.appendChild(el("p", "help", data.help));
      return;
    }
    var s = data.statements[selected];
    panel.appendChild(el("h2", "label", s.label));
    var kind = s.kind + (s.party ? " · " + s.party : "") + " · " + s.id;
    panel.appendChild(el("div", "kind", kind));
    panel.appendChild(el("p", "text", s.text));
    if (s.doctrines.length) panel.appendChild(el("p", "kind", "Doctrines: " + s.doctrines.join(", ")));
    if (s.authorities.length) {
      panel.appendChild(el("h2", null, "Authorities"));
      var ul = el("ul", "authorities");
      s.authorities.forEach(function (a) { ul.appendChild(el("li", null, a)); });
      panel.appendChild(ul);
    }
    panel.appendChild(el("h2", null, "Status"));
    var st = currentStatus(selected);
    panel.appendChild(el("p", "status st-" + st, st));
    panel.appendChild(el("h2", null, "Why (as the map stands)"));
    var ex = el("ul", "explanation");
    ex.appendChild(explanationList(s.explanation));
    panel.appendChild(ex);
    var bar = el("div", "bar");
    ["reject", "assume"].forEach(function (mode) {
      var b = el("button", "toggle-" + mode, mode === "reject" ? "Reject this" : "Assume this");
      b.setAttribute("aria-pressed", toggles[selected] === mode ? "true" : "false");
      b.addEventListener("click", function () {
        if (toggles[selected] === mode) delete toggles[selected]; else toggles[selected] = mode;
        update();
      });
      bar.appendChild(b);
    });
    panel.appendChild(bar);
  }

  function result() {
    var ids = Object.keys(toggles);
    if (ids.length !== 1) return null;
    var w = data.whatifs[ids[0]];
    return w ? w[toggles[ids[0]]] : null;
  }

  function renderFlips() {
    flipsBox.textContent = "";
    var ids = Object.keys(toggles);
    if (ids.length === 0) {
      flipsBox.appendChild(el("p", "help", "No what-if is set: the map is shown as it stands."));
      return;
    }
    var asked = ids.map(function (i) {
      return (toggles[i] === "reject" ? "reject " : "assume ") + "“" + label(i) + "”";
    }).join(" and ");
    flipsBox.appendChild(el("p", "asked", "What if the court would " + asked + "?"));
    var r = result();
    if (!r) {
      flipsBox.appendChild(el("p", "note not-precomputed",
        "This combination was not precomputed: the page holds the effect of one statement " +
        "at a time. Undo all but one, or run: " + data.command + " " + ids.map(function (i) {
          return "--" + toggles[i] + " " + i;
        }).join(" ")));
      return;
    }
    if (r.error) { flipsBox.appendChild(el("p", "note", r.error)); return; }
    if (!r.flips.length) { flipsBox.appendChild(el("p", "no-change", "No status changes.")); return; }
    var t = el("table", "flips");
    var head = el("tr");
    ["Statement", "Before", "After", "Why"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    t.appendChild(head);
    r.flips.forEach(function (f) {
      var tr = el("tr");
      tr.setAttribute("data-id", f[0]);
      tr.appendChild(el("td", null, label(f[0])));
      tr.appendChild(el("td", "st-" + f[1], f[1]));
      tr.appendChild(el("td", "st-" + f[2], f[2]));
      tr.appendChild(el("td", null, f[3]));
      t.appendChild(tr);
    });
    flipsBox.appendChild(el("p", "count", r.flips.length + " statement(s) change status."));
    flipsBox.appendChild(t);
  }

  function recolour() {
    var r = result();
    var after = {};
    if (r && r.flips) r.flips.forEach(function (f) { after[f[0]] = f[2]; });
    nodes().forEach(function (g) {
      var id = g.getAttribute("data-id");
      ["am-flip", "am-to-accepted", "am-to-rejected", "am-to-undecided", "am-set", "am-selected"]
        .forEach(function (c) { g.classList.remove(c); });
      if (after[id]) { g.classList.add("am-flip"); g.classList.add("am-to-" + after[id]); }
      if (toggles[id]) g.classList.add("am-set");
      if (id === selected) g.classList.add("am-selected");
    });
  }

  function update() { renderPanel(); renderFlips(); recolour(); }

  root.addEventListener("click", function (ev) {
    var g = ev.target.closest ? ev.target.closest("g.node[data-id]") : null;
    if (!g) return;
    ev.preventDefault();
    selected = g.getAttribute("data-id");
    update();
  });
  select.addEventListener("change", function () { showView(select.value); });
  root.querySelector("button.reset").addEventListener("click", function () {
    toggles = {};
    update();
  });
  root.querySelector("button.zoom").addEventListener("click", function (ev) {
    var box = root.querySelector(".diagram");
    box.classList.toggle("fit");
    ev.target.setAttribute("aria-pressed", box.classList.contains("fit") ? "false" : "true");
  });
  showView(select.value);
  update();
})();
