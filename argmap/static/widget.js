// argmap.explore: the front end of the what-if widget (an anywidget ES module).
// Python evaluates; this module only draws what the model holds (svg, panel,
// controls) and sends clicks and control changes back as messages:
//   {type: "click", id}            a statement was clicked (Python cycles its mark)
//   {type: "option", name, value}  view / semantics / leaves / standard:ISSUE changed
// Map text reaches the page through textContent only; the SVG comes from Graphviz
// via argmap, which escapes every label.

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function choice(label, name, values, current, send) {
  const wrap = el("label", "control", label + " ");
  const sel = el("select");
  sel.name = name;
  values.forEach(([value, text]) => {
    const o = el("option", null, text);
    o.value = value;
    if (value === current) o.selected = true;
    sel.appendChild(o);
  });
  sel.addEventListener("change", () => send({ type: "option", name, value: sel.value }));
  wrap.appendChild(sel);
  return wrap;
}

function explanation(x) {
  const li = el("li", null, x.text);
  if (x.children && x.children.length) {
    const ul = el("ul");
    x.children.forEach((c) => ul.appendChild(explanation(c)));
    li.appendChild(ul);
  }
  return li;
}

function render({ model, el: root }) {
  root.classList.add("argmap-x", "argmap-widget");
  const bar = el("div", "bar controls");
  const main = el("div", "main");
  const diagram = el("div", "diagram fit");
  const panel = el("div", "panel");
  main.append(diagram, panel);
  root.append(bar, main);
  const send = (msg) => model.send(msg);

  function drawControls() {
    const c = model.get("controls") || {};
    bar.textContent = "";
    if (c.views) {
      bar.appendChild(choice("View", "view", c.views[0], c.views[1], send));
    }
    if (c.semantics) {
      bar.appendChild(choice("Semantics", "semantics", c.semantics[0].map((v) => [v, v]), c.semantics[1], send));
    }
    if (c.leaves) {
      const words = { assumed: "takes unattacked premises as given", questioned: "needs premises proved" };
      bar.appendChild(choice("Audience", "leaves", c.leaves[0].map((v) => [v, words[v] || v]), c.leaves[1], send));
    }
    (c.standards || []).forEach(([id, label, own, chosen]) => {
      const values = [["", "as in the map (" + (own || "none") + ")"]].concat(
        (c.choices || []).map((v) => [v, v]));
      bar.appendChild(choice(label, "standard:" + id, values, chosen, send));
    });
    const zoom = el("button", "zoom", "Actual size");
    zoom.type = "button";
    zoom.addEventListener("click", () => diagram.classList.toggle("fit"));
    bar.appendChild(zoom);
  }

  function drawSvg() {
    // Trusted markup: made by Graphviz from labels argmap escaped.
    diagram.innerHTML = model.get("svg") || "";
    drawMarks();
  }

  function drawMarks() {
    const p = model.get("panel") || {};
    const marks = p.marks || {};
    const after = {};
    (p.flips || []).forEach((f) => { after[f[0]] = f[2]; });
    diagram.querySelectorAll("g.node[data-id]").forEach((g) => {
      const id = g.getAttribute("data-id");
      g.classList.toggle("am-set", id in marks);
      g.classList.toggle("am-flip", id in after);
      ["accepted", "rejected", "undecided"].forEach((s) => g.classList.toggle("am-to-" + s, after[id] === s));
      g.classList.toggle("am-selected", !!(p.selected && p.selected.id === id));
    });
  }

  function drawPanel() {
    const p = model.get("panel") || {};
    const labels = p.labels || {};
    panel.textContent = "";
    if (p.error) panel.appendChild(el("p", "note error", p.error));
    const marks = Object.entries(p.marks || {});
    panel.appendChild(el("h2", null, "What-if"));
    if (!marks.length) {
      panel.appendChild(el("p", "help", "Click a statement: once to assume it, twice to reject it, three times to undo."));
    } else {
      const ul = el("ul", "marks");
      marks.forEach(([id, mark]) => ul.appendChild(el("li", null, mark + ": " + (labels[id] || id))));
      panel.appendChild(ul);
    }
    panel.appendChild(el("h2", null, "What flips"));
    const flips = p.flips || [];
    if (!flips.length) panel.appendChild(el("p", "no-change", "No status changes."));
    else {
      const t = el("table", "flips");
      const head = el("tr");
      ["Statement", "Before", "After", "Why"].forEach((h) => head.appendChild(el("th", null, h)));
      t.appendChild(head);
      flips.forEach((f) => {
        const tr = el("tr");
        tr.setAttribute("data-id", f[0]);
        tr.append(el("td", null, labels[f[0]] || f[0]), el("td", "st-" + f[1], f[1]),
          el("td", "st-" + f[2], f[2]), el("td", null, f[3]));
        t.appendChild(tr);
      });
      panel.appendChild(t);
    }
    if (p.selected) {
      const s = p.selected;
      panel.appendChild(el("h2", "label", s.label));
      panel.appendChild(el("div", "kind", s.kind + (s.party ? " · " + s.party : "") + " · " + s.id));
      panel.appendChild(el("p", "text", s.text));
      if (s.authorities && s.authorities.length) {
        const ul = el("ul", "authorities");
        s.authorities.forEach((a) => ul.appendChild(el("li", null, a)));
        panel.appendChild(ul);
      }
      panel.appendChild(el("p", "status st-" + s.status, s.status));
      const ex = el("ul", "explanation");
      ex.appendChild(explanation(s.explanation));
      panel.appendChild(ex);
    }
    drawMarks();
  }

  diagram.addEventListener("click", (ev) => {
    const g = ev.target.closest && ev.target.closest("g.node[data-id]");
    if (!g) return;
    ev.preventDefault();
    send({ type: "click", id: g.getAttribute("data-id") });
  });
  const onSvg = () => drawSvg();
  const onPanel = () => drawPanel();
  const onControls = () => drawControls();
  model.on("change:svg", onSvg);
  model.on("change:panel", onPanel);
  model.on("change:controls", onControls);
  drawControls();
  drawSvg();
  drawPanel();
  return () => {
    model.off("change:svg", onSvg);
    model.off("change:panel", onPanel);
    model.off("change:controls", onControls);
  };
}

export default { render };
