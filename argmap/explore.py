"""Play with a map: the explorable HTML page and the Jupyter what-if widget.

:func:`to_html` writes one self-contained page (inline SVG, CSS and script; no
network request) with a view switcher; clicking a statement shows its text,
authorities and explanation, and "reject" / "assume" shows which statements flip
and why, from what-ifs computed in Python at export time for every single statement.

:func:`explore` is the live version for a notebook: clicking a statement cycles it
through neutral, assumed and rejected; the semantics, the audience and each issue's
proof standard are controls; evaluation stays in Python. Its state is a value:
``w.assumptions``, ``w.evaluation`` and ``w.to_map()`` hand the current what-if
back to the notebook. Without ``anywidget`` (or without a live kernel) it shows the
static diagram and says that interaction needs a kernel.

ipywidgets and anywidget are imported here and nowhere else (``pip install
'argmap[explore]'``).

Example:
    >>> import argmap as am
    >>> m = am.ArgumentMap("Demo"); c = m.claim("The contract binds", id="C")
    >>> p = m.premise("Both signed", id="P", supports=c)
    >>> w = Session(m)
    >>> w.click("P"); w.click("P"); w.assumptions
    {'P': 'rejected'}
    >>> w.evaluation.status("C")
    'rejected'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeAlias, cast

import attrs

from .dot import to_svg
from .evaluation import Diff, Evaluation, diff, evaluate
from .exceptions import ArgmapError, ArgmapTypeError, MissingDependencyError, UnknownNodeError
from .graph import ArgumentMap
from .model import PROOF_STANDARDS, Issue, Statement

__all__ = ["Explorer", "Session", "explore", "page_data", "to_html"]

Mark: TypeAlias = Literal["assumed", "rejected"]
SEMANTICS = ("grounded", "preferred", "stable", "complete", "semi-stable", "ideal")
LEAVES = ("assumed", "questioned")
_INSTALL = "pip install 'argmap[explore]'"
#: Above this many statements the page opens on the first doctrine's view.
BIG = 40


# ============================================================================ shared


@cache
def _static(name: str) -> str:
    return resources.files("argmap").joinpath("static", name).read_text(encoding="utf-8")


_NODE = re.compile(r'<g id="(node\d+)" class="node">\n<title>(n\d+)</title>')


def _tag_nodes(svg: str, shown: ArgumentMap) -> str:
    """Mark each statement's ``<g class="node">`` with ``data-id`` (the statement id).

    dot.py names statement nodes ``n1``, ``n2``, ... in the order of the map drawn.
    """
    names = {f"n{i}": sid for i, sid in enumerate(shown.statements, 1)}

    def tag(match: re.Match[str]) -> str:
        sid = names.get(match.group(2))
        if sid is None:
            return match.group(0)
        ident = html.escape(sid, quote=True)
        return f'<g id="{match.group(1)}" class="node" data-id="{ident}">\n<title>{ident}</title>'

    return _NODE.sub(tag, svg)


def _svg(m: ArgumentMap, ev: Evaluation, **view: Any) -> str:
    shown = m.view(**view) if any(v is not None for v in view.values()) else m
    return _tag_nodes(to_svg(m, ev, **view), shown)


def _authorities(m: ArgumentMap, s: Statement) -> list[str]:
    out = []
    for c in s.cites:
        a = m.authorities.get(c.authority)
        if a is None:
            out.append(f"{c.authority} (not in the map's authorities)")
            continue
        text = a.citation_at(c.pin)
        if c.signal:
            text = f"{c.signal} {text}"
        if not a.verified:
            text += " (not verified)"
        out.append(text)
    return out


def _statement_info(m: ArgumentMap, ev: Evaluation, s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "label": s.label,
        "text": s.text,
        "party": m.parties[s.party].name if s.party and s.party in m.parties else s.party,
        "doctrines": [m.doctrines[d].name if d in m.doctrines else d for d in s.doctrines],
        "authorities": _authorities(m, s),
        "status": ev.status(s.id),
        "explanation": ev.explanation(s.id, 3).to_dict(),
    }


def _flips(before: Evaluation, after: Evaluation) -> list[list[str]]:
    """Statements (not relations) whose status changes: ``[id, before, after, why]``."""
    statements = before.map.statements
    return [
        [c.id, c.before, c.after, c.why] for c in diff(before, after).changes if c.id in statements
    ]


def _what_if(m: ArgumentMap, base: Evaluation, sid: str, mode: str) -> dict[str, Any]:
    try:
        after = evaluate(
            m,
            semantics=base.semantics,
            leaves=base.leaves,
            standards=_overrides(base),
            weights=dict(base._weights) or None,
            assume=[sid] if mode == "assume" else [],
            reject=[sid] if mode == "reject" else [],
        )
    except ArgmapError as exc:
        return {"flips": [], "error": str(exc)}
    return {"flips": _flips(base, after), "error": None}


def _overrides(ev: Evaluation) -> dict[str, str]:
    return {k: v for k, v in ev.standards.items() if v is not None}


# ============================================================================ the page


def page_data(m: ArgumentMap, ev: Evaluation | None = None) -> dict[str, Any]:
    """Everything the explorable page shows, as plain data (JSON-ready).

    ``whatifs[id]["reject"|"assume"]["flips"]`` lists ``[id, before, after, why]``
    for each statement whose status changes when only that statement is rejected
    (assumed) by the court.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); p = m.premise("y", id="P", supports=c)
        >>> d = page_data(m)
        >>> [f[:3] for f in d["whatifs"]["P"]["reject"]["flips"]]
        [['C', 'accepted', 'rejected'], ['P', 'accepted', 'rejected']]
    """
    _check(m)
    base = evaluate(m) if ev is None else ev
    if base.map is not m:
        raise ArgmapError("page_data: the evaluation must be of this map (evaluate(m))")
    return {
        "title": m.title or "Argument map",
        "semantics": base.semantics,
        "order": list(m.statements),
        "statements": {s.id: _statement_info(m, base, s) for s in m},
        "whatifs": {
            sid: {mode: _what_if(m, base, sid, mode) for mode in ("reject", "assume")}
            for sid in m.statements
        },
        "help": "Click a statement to see its text, authorities and why it stands or falls; "
        "then reject or assume it, as a court might, to see which statements flip.",
        "command": "argmap eval MAP --diff",
    }


def _views(m: ArgumentMap) -> list[tuple[str, str, dict[str, Any]]]:
    views: list[tuple[str, str, dict[str, Any]]] = [("all", "The whole map", {})]
    for d in m.doctrines.values():
        if any(d.id in s.doctrines for s in m):
            views.append((f"d-{d.id}", f"Doctrine: {d.name}", {"doctrines": [d.id]}))
    for p in m.parties.values():
        if any(s.party == p.id for s in m):
            views.append((f"p-{p.id}", f"Party: {p.name}", {"parties": [p.id]}))
    return views


def _json_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, esc)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def to_html(m: ArgumentMap, ev: Evaluation | None = None, *, views: bool = True) -> str:
    """A self-contained explorable page: diagram, view switcher, explanations, what-ifs.

    Args:
        m: the map.
        ev: the evaluation shown as the starting point (default: ``evaluate(m)``).
        views: add one view per doctrine and per party to the switcher.

    Returns:
        The HTML text. It makes no network request: SVG, CSS and script are inline.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap("Demo"); c = m.claim("The <b>contract</b> binds")
        >>> page = to_html(m)  # doctest: +SKIP
        >>> "<b>contract" in page, "&lt;b&gt;contract" in page  # doctest: +SKIP
        (False, True)
    """
    data = page_data(m, ev)
    base = evaluate(m) if ev is None else ev
    chosen = _views(m) if views else _views(m)[:1]
    # a large map opens on its first doctrine: the whole of it is an overview only
    first = 1 if len(chosen) > 1 and chosen[1][0].startswith("d-") and len(m) > BIG else 0
    options, blocks = [], []
    for i, (key, title, view) in enumerate(chosen):
        k = html.escape(key, quote=True)
        options.append(
            f'<option value="{k}"{" selected" * (i == first)}>{html.escape(title)}</option>'
        )
        hidden = " hidden" if i != first else ""
        blocks.append(
            f'<div class="view" data-view="{k}"{hidden}>\n{_svg(m, base, **view)}\n</div>'
        )
    title = html.escape(data["title"])
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # no network: nothing may be fetched, whatever a statement's text says
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
            f"<title>{title}</title>",
            f"<style>\n{_static('explore.css')}</style>",
            "</head>",
            "<body>",
            '<div class="argmap-x" id="argmap-page">',
            f"<h1>{title}</h1>",
            '<div class="bar"><label>View <select class="view">',
            *options,
            "</select></label>",
            '<button class="reset" type="button">Undo all what-ifs</button>',
            '<button class="zoom" type="button" aria-pressed="false">Actual size</button>',
            f'<span class="help">Statuses under {html.escape(base.semantics)} semantics. '
            "The what-ifs were computed for one statement at a time.</span></div>",
            '<div class="main">',
            '<div class="diagram fit">',
            *blocks,
            "</div>",
            '<div class="panel"><div class="panel-body"></div>',
            '<h2>What flips</h2><div class="flips-body"></div></div>',
            "</div>",
            "</div>",
            f'<script type="application/json" id="argmap-data">{_json_script(data)}</script>',
            f"<script>\n{_static('page.js')}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _check(m: object) -> None:
    if not isinstance(m, ArgumentMap):
        raise ArgmapTypeError(f"expected an ArgumentMap, not {type(m).__name__}")


# ============================================================================ the widget


def _cycle(mark: Mark | None) -> Mark | None:
    return "assumed" if mark is None else "rejected" if mark == "assumed" else None


@attrs.define
class Session:
    """The state behind :func:`explore`, without any widget: marks, options, view.

    Clicking a statement cycles it neutral → assumed → rejected → neutral. Every
    query re-evaluates from this state; nothing is cached that could go stale.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> s = Session(m); s.click("R"); s.click("R")
        >>> s.evaluation.status("C"), [c.id for c in s.diff().changes]
        ('accepted', ['C', 'R', 'R-|C'])
    """

    map: ArgumentMap
    marks: dict[str, Mark] = attrs.field(factory=dict)
    semantics: str = "grounded"
    leaves: str = "assumed"
    standards: dict[str, str] = attrs.field(factory=dict)
    view: dict[str, Any] = attrs.field(factory=dict)
    selected: str | None = None

    def __attrs_post_init__(self) -> None:
        _check(self.map)

    def click(self, ident: str) -> None:
        """Select a statement and cycle its mark (neutral → assumed → rejected)."""
        if ident not in self.map.statements:
            raise UnknownNodeError(f"{ident!r} is not a statement of the map")
        self.selected = ident
        mark = _cycle(self.marks.get(ident))
        if mark is None:
            self.marks.pop(ident, None)
        else:
            self.marks[ident] = mark

    def set_option(self, name: str, value: str) -> None:
        """Set ``semantics``, ``leaves``, ``view`` or ``standard:ISSUE`` (``""``: the map's).

        ``view`` takes a key of :meth:`controls`' views: ``all``, ``d-DOCTRINE``, ``p-PARTY``.
        """
        views = {key: view for key, _, view in _views(self.map)}
        if name == "view" and value in views:
            self.view = dict(views[value])
        elif name == "semantics" and value in SEMANTICS:
            self.semantics = value
        elif name == "leaves" and value in LEAVES:
            self.leaves = value
        elif name.startswith("standard:") and name[9:] in self.map.statements:
            if value == "":
                self.standards.pop(name[9:], None)
            elif value in PROOF_STANDARDS:
                self.standards[name[9:]] = value
            else:
                raise ArgmapError(f"unknown proof standard {value!r}")
        else:
            raise ArgmapError(f"cannot set {name!r} to {value!r}")

    @property
    def assumptions(self) -> dict[str, Mark]:
        """``{id: "assumed" | "rejected"}`` for every marked statement, in map order."""
        return {s: self.marks[s] for s in self.map.statements if s in self.marks}

    def _options(self) -> dict[str, Any]:
        return {
            "semantics": self.semantics,
            "leaves": self.leaves,
            "standards": dict(self.standards) or None,
        }

    @property
    def start(self) -> Evaluation:
        """The map evaluated with the current options and no marks."""
        return evaluate(self.map, **self._options())

    @property
    def evaluation(self) -> Evaluation:
        """The map evaluated with the current options and marks."""
        marks = self.assumptions
        return evaluate(
            self.map,
            assume=[s for s, k in marks.items() if k == "assumed"],
            reject=[s for s, k in marks.items() if k == "rejected"],
            **self._options(),
        )

    def diff(self) -> Diff:
        """What flips against the starting point, with reasons."""
        return diff(self.start, self.evaluation)

    def to_map(self) -> ArgumentMap:
        """A copy of the map with the chosen proof standards written into its issues.

        Pass :attr:`assumptions` as ``assume=``/``reject=`` to :func:`argmap.evaluate`
        to get :attr:`evaluation` back from it.
        """
        from .formats.native import from_dict, to_dict

        copy = from_dict(to_dict(self.map))
        for issue, standard in self.standards.items():
            stmt = copy.statements[issue]
            if isinstance(stmt, Issue):
                copy.replace(attrs.evolve(stmt, standard=cast(Any, standard)))
        return copy

    def svg(self, ev: Evaluation | None = None) -> str:
        """The diagram of the current evaluation (statement nodes carry ``data-id``).

        ``ev``: :attr:`evaluation` when the caller has it already.
        """
        return _svg(self.map, self.evaluation if ev is None else ev, **self.view)

    def panel(self, ev: Evaluation | None = None) -> dict[str, Any]:
        """What the side panel shows: marks, flips and the selected statement.

        ``ev``: :attr:`evaluation` when the caller has it already.
        """
        ev = self.evaluation if ev is None else ev
        selected = None
        if self.selected is not None:
            selected = _statement_info(self.map, ev, self.map.statements[self.selected])
            selected["mark"] = self.marks.get(self.selected)
        return {
            "marks": self.assumptions,
            "flips": _flips(self.start, ev),
            "selected": selected,
            "labels": {s.id: s.label for s in self.map},
        }

    def controls(self) -> dict[str, Any]:
        """The choices the controls offer, and the current values."""
        views = [[key, label] for key, label, _ in _views(self.map)]
        current = next((k for k, _, v in _views(self.map) if v == self.view), None)
        if current is None:
            current = "custom"
            views.append(["custom", "The view asked for"])
        return {
            "views": [views, current],
            "semantics": [list(SEMANTICS), self.semantics],
            "leaves": [list(LEAVES), self.leaves],
            "standards": [
                [i.id, i.label, i.standard or "", self.standards.get(i.id, "")]
                for i in self.map.issues
            ],
            "choices": list(PROOF_STANDARDS),
        }

    def static_html(self, note: str) -> str:
        """The diagram as it stands, with ``note`` saying why it is not interactive."""
        return (
            f'<div class="argmap-x"><p class="note">{html.escape(note)}</p>'
            f'<div class="diagram">{self.svg()}</div></div>'
        )


def _anywidget() -> Any:
    try:
        import anywidget
        import traitlets
    except ImportError as exc:
        raise MissingDependencyError("the notebook widget (anywidget)", _INSTALL) from exc
    return anywidget, traitlets


@cache
def _widget_class() -> Any:
    anywidget, traitlets = _anywidget()

    base: Any = anywidget.AnyWidget

    class ArgmapWidget(base):  # type: ignore[misc]
        _esm = _static("widget.js")
        _css = _static("explore.css")
        svg = traitlets.Unicode("").tag(sync=True)
        panel = traitlets.Dict().tag(sync=True)
        controls = traitlets.Dict().tag(sync=True)

    return ArgmapWidget


NO_KERNEL = "Interaction needs a live Jupyter kernel: this is the map as it stands."


class Explorer:
    """A live what-if view of a map in Jupyter (see :func:`explore`).

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x", id="C"); r = m.rebuttal("no", id="R", attacks=c)
        >>> w = Explorer(m, widget=False)
        >>> w.click("C"); w.assumptions, w.evaluation.status("C")
        ({'C': 'assumed'}, 'accepted')
    """

    def __init__(self, m: ArgumentMap, *, widget: bool = True, **options: Any) -> None:
        names: tuple[str, ...] = ("doctrines", "parties", "focus", "depth")
        view: dict[str, Any] = {k: options.pop(k) for k in names if k in options}
        self.session = Session(m, view=view, **options)
        _ = self.session.evaluation  # bad options fail here, named
        self.widget: Any = None
        if widget:
            self.widget = _widget_class()()
            self.widget.on_msg(self._on_msg)
            self._sync()

    # -- state as a value
    @property
    def assumptions(self) -> dict[str, Mark]:
        """``{id: "assumed" | "rejected"}`` as set by clicks."""
        return self.session.assumptions

    @property
    def evaluation(self) -> Evaluation:
        """The current what-if, evaluated."""
        return self.session.evaluation

    def to_map(self) -> ArgumentMap:
        """The map with the chosen proof standards (see :meth:`Session.to_map`)."""
        return self.session.to_map()

    def diff(self) -> Diff:
        """What flips against the starting point."""
        return self.session.diff()

    # -- acting on it from Python (the front end sends the same)
    def click(self, ident: str) -> None:
        """Cycle a statement neutral → assumed → rejected → neutral, as a click does."""
        self.session.click(ident)
        self._sync()

    def set_option(self, name: str, value: str) -> None:
        """Set ``semantics``, ``leaves`` (the audience) or ``standard:ISSUE``."""
        self.session.set_option(name, value)
        self._sync()

    def _on_msg(self, _widget: Any, content: Mapping[str, Any], _buffers: Iterable[Any]) -> None:
        kind = content.get("type")
        try:
            if kind == "click":
                self.session.click(str(content.get("id")))
            elif kind == "option":
                self.session.set_option(str(content.get("name")), str(content.get("value")))
            else:
                return
        except ArgmapError as exc:
            self.widget.panel = {**self.widget.panel, "error": str(exc)}
            return
        self._sync()

    def _sync(self) -> None:
        if self.widget is None:
            return
        ev = self.session.evaluation  # once per change: the diagram and the panel share it
        self.widget.svg = self.session.svg(ev)
        self.widget.panel = self.session.panel(ev)
        self.widget.controls = self.session.controls()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        note = NO_KERNEL
        bundle: dict[str, Any] = {}
        if self.widget is not None:
            got = self.widget._repr_mimebundle_(include=include, exclude=exclude)
            bundle.update(got[0] if isinstance(got, tuple) else got or {})
        else:
            note = f"Interaction needs anywidget ({_INSTALL}) and a live kernel."
        bundle["text/html"] = self.session.static_html(note)
        bundle.setdefault("text/plain", repr(self))
        return bundle

    def __repr__(self) -> str:
        marks = self.assumptions
        what = ", ".join(f"{i} {mark}" for i, mark in marks.items()) or "no what-ifs yet"
        return f"<Explorer of {self.session.map.title or 'a map'!r}: {what}>"


def explore(m: ArgumentMap, **options: Any) -> Explorer:
    """A live what-if widget for a notebook.

    Click a statement to cycle it through neutral, assumed and rejected; the panel
    lists what flips against the starting point, with reasons, and the clicked
    statement's explanation. Controls set the semantics, the audience (whether
    unsupported premises are taken as given) and each issue's proof standard.

    Args:
        m: the map.
        options: ``semantics``, ``leaves``, ``standards`` (as for
            :func:`argmap.evaluate`) and a view: ``doctrines``, ``parties``,
            ``focus``, ``depth`` (as for :func:`argmap.to_dot`).

    Raises:
        MissingDependencyError: without anywidget (``pip install 'argmap[explore]'``).

    Example:
        >>> import argmap as am
        >>> m = am.casebook.load("sanctuary")
        >>> w = am.explore(m, doctrines=["spending"])  # doctest: +SKIP
        >>> w.click("C1.1"); w.assumptions  # doctest: +SKIP
        {'C1.1': 'assumed'}
    """
    return Explorer(m, **options)
