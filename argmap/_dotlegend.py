"""The legend of an argmap diagram: one entry for every shape, colour and line the
diagram uses, and nothing else (a private part of :mod:`argmap.dot`).

Two layouts: ``"compact"`` (the default) puts every entry in one or two rows under
the drawing, so that it takes a strip of a slide, not a corner of it; ``"full"`` is
a boxed column beside the top of the drawing.

Shapes are real nodes named ``legend_<kind>``; colours, borders and lines are cells
of one table node, each text cell marked ``ID="legend_<key>"``.

Example:
    >>> from argmap._dotstyle import THEMES
    >>> drawn = Drawn(used=("claim", "support"), parties=(), attack_words="rebuts")
    >>> lines = legend(drawn, THEMES["screen"], style="compact", rankdir="BT", anchors=["n1"])
    >>> any("legend_claim [" in line for line in lines), any("n1 [style=invis" in line for line in lines)
    (True, True)
"""

from __future__ import annotations

import itertools
from typing import Literal, TypeAlias

import attrs

from ._dotstyle import FOCUS_MARK, KIND_SHAPES, STATUSES, UNVERIFIED_MARK, Theme
from ._dottext import _PIECE_BYTES, _fit

__all__ = ["Drawn", "LegendStyle", "legend"]

LegendStyle: TypeAlias = Literal["compact", "full"]

_KINDS = ("issue", "claim", "premise", "rebuttal", "undercutter")
_HEADS = {"normal": "▶", "tee": "⊣", "teeodot": "⊣∘", "empty": "▷", "none": ""}
_GLYPHS = {
    "inference": ("●", "inference (linked premises, scheme or weight)"),
    "conflict": ("◆", "an attack that is itself attacked"),
}


@attrs.frozen
class Drawn:
    """What a diagram drew, as far as its legend needs to know.

    Attributes:
        used: legend keys in first-use order (kinds, statuses, relation nodes,
            line kinds, ``authority``, ``context``, ``unverified``, ``focus``).
        parties: ``(key, fill, name)`` for each party drawn, ``party_none`` last.
        attack_words: how the rebut/undermine line is described.
    """

    used: tuple[str, ...]
    parties: tuple[tuple[str, str, str], ...]
    attack_words: str


def legend(
    drawn: Drawn, t: Theme, *, style: LegendStyle, rankdir: str, anchors: list[str]
) -> list[str]:
    """DOT lines of the legend cluster (empty when nothing is drawn).

    ``anchors``: the node the full legend is tied to (the top issue), or the nodes
    the compact legend hangs below (every node nothing else hangs below).
    """
    nodes, rows = _entries(drawn, t)
    if not nodes and not rows:
        return []
    if style == "full":
        return _column(nodes, rows, t, rankdir, anchors[0] if anchors else None)
    return _strip(nodes, rows, t, rankdir, anchors)


def _small(t: Theme, text: str, colour: str = "") -> str:
    if not text:  # Graphviz rejects an empty <FONT></FONT>
        return ""
    tint = f' COLOR="{colour}"' if colour else ""
    return f'<FONT POINT-SIZE="{t.small:g}"{tint}>{_fit(text, _PIECE_BYTES)[0]}</FONT>'


def _entries(drawn: Drawn, t: Theme) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Shape nodes, and (key, sample, words) rows for everything else."""
    used = set(drawn.used)
    cell, sample = round(t.small * 2.2), round(t.small * 6)

    def box(fill: str, border: str = 'BORDER="1" COLOR="#000000"', inner: str = " ") -> str:
        return (
            f'<TABLE {border} CELLSPACING="0" CELLPADDING="1" BGCOLOR="{fill}"><TR>'
            f'<TD WIDTH="{cell * 2}" HEIGHT="{cell - 6}">{inner}</TD></TR></TABLE>'
        )

    nodes: list[str] = []
    for kind in _KINDS:
        if kind in used:
            shape, extra_style, borders = KIND_SHAPES[kind]
            style = ",".join(x for x in (extra_style, "filled") if x)
            nodes.append(
                f'legend_{kind} [shape={shape}, peripheries={borders}, style="{style}", '
                f'fillcolor="#FFFFFF", label=<{_small(t, kind)}>]'
            )
    if "authority" in used:
        nodes.append(
            'legend_authority [shape=note, style="filled", fillcolor="#FFFFFF", '
            f"label=<{_small(t, 'authority')}>]"
        )
    if "context" in used:
        nodes.append(
            f'legend_context [shape=box, style="filled", fillcolor="{t.context_fill}", '
            f'color="{t.context_colour}", label=<{_small(t, "outside this view")}>]'
        )
    rows: list[tuple[str, str, str]] = [(key, box(fill), name) for key, fill, name in drawn.parties]
    for status in STATUSES:
        if status in used:
            st = t.status[status]
            border = f'BORDER="{round(st.penwidth)}" STYLE="{st.style}" COLOR="{st.colour}"'
            meaning = f"{status} (issue: resolved)" if status == "accepted" else status
            meaning = meaning if "issue" in used else status
            rows.append((status, box("#FFFFFF", border, _small(t, st.symbol, st.colour)), meaning))
    for key, (glyph, meaning) in _GLYPHS.items():
        if key in used:
            rows.append((key, _small(t, glyph, t.relation_fill[key]), meaning))
    line_words = {
        "support": "supports",
        "attack": drawn.attack_words,
        "undercut": "undercuts (attacks a step of reasoning)",
        "answers": "answers the issue",
        "subissue": "is a sub-issue of",
        "cites": "cites",
    }
    for key, meaning in line_words.items():
        if key in used:
            edge = t.edges[key]
            line = (
                '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                f'<TD WIDTH="{sample - cell}" HEIGHT="{cell // 2}" SIDES="B" '
                f'BORDER="{max(1, round(edge.penwidth * 1.2))}" STYLE="{edge.style}" '
                f'COLOR="{edge.colour}"></TD><TD ROWSPAN="2">'
                f"{_small(t, _HEADS[edge.arrowhead], edge.colour)}</TD></TR>"
                f'<TR><TD HEIGHT="{cell // 2}"></TD></TR></TABLE>'
            )
            rows.append((key, line, meaning))
    if "unverified" in used:
        rows.append(("unverified", _small(t, UNVERIFIED_MARK), "authority not verified"))
    if "focus" in used:
        rows.append(("focus", _small(t, FOCUS_MARK), "focus of the view"))
    return nodes, rows


def _column(
    nodes: list[str], rows: list[tuple[str, str, str]], t: Theme, rankdir: str, anchor: str | None
) -> list[str]:
    """The full legend: a boxed column beside the top of the drawing."""
    sample = round(t.small * 6)
    cell = round(t.small * 2.2)
    nodes = list(nodes)
    if rows:
        table = "".join(
            f'<TR><TD WIDTH="{sample}" HEIGHT="{cell}">{sample_html}</TD>'
            f'<TD ID="legend_{key}" ALIGN="LEFT">{_small(t, words)}</TD></TR>'
            for key, sample_html, words in rows
        )
        nodes.append(
            'legend_table [shape=plaintext, style="", margin=0, label=<<TABLE BORDER="0" '
            f'CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{table}</TABLE>>]'
        )
    names = [node.split(" ", 1)[0] for node in nodes]
    label_top = "labelloc=b" if rankdir == "BT" else "labelloc=t"
    out = [
        "\tsubgraph cluster_legend {\n",
        f'\t\tgraph [label=<<B>Legend</B>>, {label_top}, style="rounded", '
        f'color="{t.cluster_colour}", fontsize={t.small + 2:g}, tooltip="Legend"]\n',
        "\t\t{\n\t\t\tgraph [rank=max]\n",
        *(f"\t\t\t{node}\n" for node in nodes),
        "\t\t}\n",
        *(f"\t\t{a} -> {b} [style=invis]\n" for a, b in itertools.pairwise(names)),
        "\t}\n",
    ]
    # tie the legend to the top of the drawing (beside the issues), where there is room
    if anchor is not None:
        out.append(f"\t{anchor} -> {names[0]} [style=invis, minlen=0, weight=0]\n")
    return out


def _strip(
    nodes: list[str], rows: list[tuple[str, str, str]], t: Theme, rankdir: str, anchors: list[str]
) -> list[str]:
    """The compact legend, under the ``anchors``: a row of the shapes,
    and under it the other entries in a table of at most five a row."""
    cell = round(t.small * 2.2)
    sample = round(t.small * 4)
    nodes = [n.replace("label=<", 'margin="0.06,0.02", label=<', 1) for n in nodes]
    if rows:
        lines_needed = -(-len(rows) // 5)  # at most five entries a row
        per_row = -(-len(rows) // lines_needed)
        lines = []
        for start in range(0, len(rows), per_row):
            cells = "".join(
                f'<TD WIDTH="{sample}" HEIGHT="{cell}">{sample_html}</TD>'
                f'<TD ID="legend_{key}" ALIGN="LEFT">{_small(t, words)}</TD>'
                for key, sample_html, words in rows[start : start + per_row]
            )
            lines.append(f"<TR>{cells}</TR>")
        nodes.append(
            'legend_table [shape=plaintext, style="", margin=0, label=<<TABLE BORDER="0" '
            f'CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">{"".join(lines)}</TABLE>>]'
        )
    shapes = [n for n in nodes if not n.startswith("legend_table ")]
    table = [n for n in nodes if n.startswith("legend_table ")]
    names = [node.split(" ", 1)[0] for node in shapes]
    out = [
        "\tsubgraph cluster_legend {\n",
        f'\t\tgraph [label="", style="rounded", color="{t.cluster_colour}", '
        'tooltip="Legend", margin=4]\n',
    ]
    if shapes:
        out += [
            "\t\t{\n\t\t\tgraph [rank=same]\n",
            *(f"\t\t\t{node}\n" for node in shapes),
            "\t\t}\n",
            *(f"\t\t{a} -> {b} [style=invis]\n" for a, b in itertools.pairwise(names)),
        ]
    out += [f"\t\t{node}\n" for node in table]
    upwards = rankdir in ("BT", "RL")
    if shapes and table:  # the shapes in one row, the table under them
        pair = ("legend_table", names[0]) if upwards else (names[0], "legend_table")
        out.append(f"\t\t{pair[0]} -> {pair[1]} [style=invis]\n")
    out.append("\t}\n")
    # under the lowest node of the drawing (ranks run upwards in BT and RL)
    first = names[0] if names else "legend_table"
    for anchor in anchors:
        pair = (first, anchor) if upwards else (anchor, first)
        out.append(f"\t{pair[0]} -> {pair[1]} [style=invis, weight=0]\n")
    return out
