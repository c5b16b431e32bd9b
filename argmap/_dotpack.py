"""Several laid-out Graphviz drawings packed into one picture (a private part of
:mod:`argmap.dot`).

A very large map is drawn one top-level issue at a time: ``dot`` lays out each
issue's small graph (``dot -Tdot`` writes the positions into the DOT text), this
module moves each drawing to its place in rows that fill a 16:9 page, in map
order, and writes one graph whose every node and line already has its position;
``neato -n2`` then only draws it.

Example:
    >>> laid = 'digraph g {\\n\\tgraph [bb="0,0,20,10"];\\n\\ta\\t[pos="10,5"];\\n}\\n'
    >>> sizes([laid])
    [(20.0, 10.0)]
    >>> print(move('\\ta\\t[pos="10,5"];\\n', 100, 50), end="")
    \ta\t[pos="110,55"];
"""

from __future__ import annotations

import itertools
import math
import re

from ._dotlayout import split_rows

__all__ = [
    "body",
    "move",
    "pack",
    "place",
    "sizes",
    "split",
    "split_svg",
    "stitch",
    "svg_size",
]

#: Points between two packed drawings.
GAP = 36.0

_BB = re.compile(r'^\tgraph \[bb="([^"]*)"', re.M)
# a coordinate attribute, not part of a longer name and not inside a quoted string
# (quotes inside DOT strings are escaped, inside HTML labels they are entities)
_COORDS = re.compile(r'(?<![\w\\])(pos|lp|xlp|head_lp|tail_lp|bb)="((?:[^"\\]|\\.)*)"', re.S)
_PAIR = re.compile(r"(-?\d*\.?\d+(?:e[-+]?\d+)?),(-?\d*\.?\d+(?:e[-+]?\d+)?)")


def split(text: str) -> list[str]:
    """The graphs of ``dot -Tdot`` output for several graphs, in order.

    Example:
        >>> [g.split()[1] for g in split("digraph a {\\n}\\ndigraph b {\\n}\\n")]
        ['a', 'b']
    """
    starts = [m.start() for m in re.finditer(r"^(?:strict )?(?:di)?graph ", text, re.M)]
    return [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]


def sizes(graphs: list[str]) -> list[tuple[float, float]]:
    """Width and height (points) of each laid-out graph, from its bounding box."""
    out: list[tuple[float, float]] = []
    for graph in graphs:
        found = _BB.search(graph)
        x0, y0, x1, y1 = (float(v) for v in found.group(1).split(",")) if found else (0,) * 4
        out.append((x1 - x0, y1 - y0))
    return out


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def move(text: str, dx: float, dy: float) -> str:
    """``text`` (laid-out DOT statements) with every position moved by (dx, dy) points."""

    def shift(pair: re.Match[str]) -> str:
        return f"{_number(float(pair[1]) + dx)},{_number(float(pair[2]) + dy)}"

    def attr(found: re.Match[str]) -> str:
        value = found[2].replace("\\\n", "")
        return f'{found[1]}="{_PAIR.sub(shift, value)}"'

    return _COORDS.sub(attr, text)


def body(graph: str) -> str:
    """The statements of a laid-out graph without its own graph attributes (its
    bounding box, title and layout settings), which the packed picture replaces.

    Example:
        >>> body('digraph g {\\n\\tgraph [bb="0,0,1,1",\\n\\t\\tpad=0.2\\n\\t];\\n\\ta;\\n}\\n')
        '\\ta;\\n'
    """
    inner = graph[graph.index("{\n") + 2 : graph.rstrip().rindex("}")]
    if inner.startswith("\tgraph ["):
        inner = inner[inner.index("];\n") + 3 :]
    return inner


def place(
    boxes: list[tuple[float, float]], page: tuple[float, float], gap: float = GAP
) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """Where each drawing goes (its lower left corner, points, y up) when they are
    put in rows, in order, so that the picture fits ``page`` (width, height) at the
    largest scale; and the picture's width and height. Each row is as high as its
    highest drawing, drawings hang from the top of their row, rows are centred.

    Example:
        >>> place([(10, 10), (10, 20), (30, 10)], (16, 9), gap=0)
        ([(0.0, 10.0), (10.0, 0.0), (20.0, 10.0)], (50.0, 20.0))
        >>> place([(10, 10), (10, 10)], (1, 2), gap=0)
        ([(0.0, 10.0), (0.0, 0.0)], (10.0, 20.0))
    """
    sizes = [(float(w), float(h)) for w, h in boxes]
    if not sizes:
        return [], (0.0, 0.0)
    total = sum(w for w, _ in sizes) + gap * (len(sizes) - 1)
    best: tuple[float, list[list[int]]] = (-1.0, [])
    # rows of equal width and average height fill the page at about this many rows;
    # the counts around it are tried
    high = sum(h for _, h in sizes) / len(sizes)
    guess = math.sqrt(total * page[1] / (page[0] * high))
    low, most = max(1, math.floor(guess / 3)), min(len(sizes), math.ceil(guess * 3) + 1)
    for count in range(low, most + 1):
        rows = split_rows([w for w, _ in sizes], count, gap)
        widths = [sum(sizes[i][0] for i in row) + gap * (len(row) - 1) for row in rows]
        heights = [max(sizes[i][1] for i in row) for row in rows]
        scale = min(page[0] / max(widths), page[1] / (sum(heights) + gap * (len(rows) - 1)))
        if scale > best[0] * 1.0001:
            best = (scale, rows)
    rows = best[1]
    widths = [sum(sizes[i][0] for i in row) + gap * (len(row) - 1) for row in rows]
    heights = [max(sizes[i][1] for i in row) for row in rows]
    picture_w = max(widths)
    picture_h = sum(heights) + gap * (len(rows) - 1)
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    top = picture_h
    for row, row_w, row_h in zip(rows, widths, heights, strict=True):
        x = (picture_w - row_w) / 2
        for i in row:
            w, h = sizes[i]
            corners[i] = (x, top - h)
            x += w + gap
        top -= row_h + gap
    return corners, (picture_w, picture_h)


def pack(
    graphs: list[str],
    head: list[str],
    title: tuple[str, float, float] | None,
    page: tuple[float, float],
    *,
    pad: float = 8.0,
) -> str:
    """One graph holding every laid-out graph of ``graphs`` (``dot -Tdot`` output),
    each as a subgraph moved to its place (see :func:`place`), ready for
    ``neato -n2``. ``head`` are the graph, node and edge defaults; ``title`` is a
    graph label (the HTML between ``<`` and ``>``) with its width and height in
    points, drawn once, centred above everything.

    The node names of the graphs must differ (the caller prefixes them).

    Example:
        >>> one = 'digraph g {\\n\\tgraph [bb="0,0,20,10"];\\n\\ta\\t[pos="10,5"];\\n}\\n'
        >>> two = one.replace("a\\t", "b\\t")
        >>> out = pack([one, two], [], None, (16, 9))
        >>> 'a\\t[pos="18,13"]' in out, 'b\\t[pos="74,13"]' in out
        (True, True)
    """
    corners, (width, height) = place(sizes(graphs), page)
    picture_w, top = width, height
    lines = ["digraph argmap {\n", *head]
    if title is not None:
        label, label_w, label_h = title
        width = max(width, label_w)
        lines.append(
            f'\tgraph [label=<{label}>, lp="{_number(width / 2 + pad)},'
            f'{_number(top + pad + GAP / 2 + label_h / 2)}", '
            f"lwidth={label_w / 72:.2f}, lheight={label_h / 72:.2f}]\n"
        )
        top += GAP / 2 + label_h
    lines.append(f'\tgraph [bb="0,0,{_number(width + 2 * pad)},{_number(top + 2 * pad)}"]\n')
    shift = (width - picture_w) / 2  # under a title wider than the drawings: centred
    for number, (graph, (x, y)) in enumerate(zip(graphs, corners, strict=True), 1):
        found = _BB.search(graph)
        x0, y0 = (float(v) for v in found.group(1).split(",")[:2]) if found else (0.0, 0.0)
        lines.append(f"\tsubgraph packed_{number} {{\n")
        lines.append(move(body(graph), x + shift + pad - x0, y + pad - y0))
        lines.append("\t}\n")
    lines.append("}\n")
    return "".join(lines)


_SVG_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"\s+viewBox="([^"]*)"')
_SVG_ID = re.compile(r' id="(?:page\d+,\d+_)?')


def split_svg(text: str) -> list[str]:
    """The SVG documents of ``dot -Tsvg`` output for several graphs, in order.

    Example:
        >>> len(split_svg('<?xml version="1.0"?>\\n<svg/>\\n<?xml version="1.0"?>\\n<svg/>\\n'))
        2
    """
    starts = [m.start() for m in re.finditer(r"^<\?xml ", text, re.M)]
    return [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]


def svg_size(doc: str) -> tuple[float, float]:
    """Width and height (points) of one SVG drawing by Graphviz."""
    found = _SVG_SIZE.search(doc)
    if found is None:
        return (0.0, 0.0)
    _, _, width, height = (float(v) for v in found.group(1).split())
    return (width, height)


def _svg_inside(doc: str, prefix: str) -> str:
    """The drawing inside an SVG document, its ids prefixed (ids stay unique)."""
    found = _SVG_SIZE.search(doc)
    start = doc.index(">", found.end()) + 1 if found else 0
    inner = doc[start : doc.rindex("</svg>")]
    return _SVG_ID.sub(f' id="{prefix}', inner)


def stitch(
    docs: list[str],
    prefixes: list[str],
    title: str | None,
    page: tuple[float, float],
) -> str:
    """One SVG picture of the Graphviz SVG drawings ``docs`` in rows (see
    :func:`place`), the ``title`` drawing (if any) centred above them; each
    drawing's ids get its prefix from ``prefixes``. No drawing is redone: each is
    moved into place as it is.

    Example:
        >>> doc = ('<?xml version="1.0"?>\\n<svg width="20pt" height="10pt"\\n viewBox='
        ...        '"0.00 0.00 20.00 10.00">\\n<g id="graph0"></g>\\n</svg>\\n')
        >>> out = stitch([doc, doc], ["a_", "b_"], None, (16, 9))
        >>> 'id="a_graph0"' in out, 'translate(56 0)' in out
        (True, True)
    """
    boxes = [svg_size(d) for d in docs]
    corners, (width, height) = place(boxes, page)
    title_w, title_h = svg_size(title) if title is not None else (0.0, 0.0)
    full_w = max(width, title_w)
    full_h = height + (title_h + GAP / 2 if title is not None else 0.0)
    shift = (full_w - width) / 2
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
        f'<svg width="{_number(full_w)}pt" height="{_number(full_h)}pt"\n'
        f' viewBox="0.00 0.00 {full_w:.2f} {full_h:.2f}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">\n',
        '<g id="packed" class="graph">\n<title>argmap</title>\n',
    ]
    out.append(
        f'<polygon fill="white" stroke="transparent" points="0,0 {_number(full_w)},0 '
        f'{_number(full_w)},{_number(full_h)} 0,{_number(full_h)} 0,0"/>\n'
    )
    if title is not None:
        x = (full_w - title_w) / 2
        out.append(f'<g transform="translate({_number(x)} 0)">{_svg_inside(title, "title_")}</g>\n')
    for doc, prefix, (x, y), (_, h) in zip(docs, prefixes, corners, boxes, strict=True):
        top = full_h - (y + h)  # SVG's y runs down
        out.append(
            f'<g transform="translate({_number(x + shift)} {_number(top)})">'
            f"{_svg_inside(doc, prefix)}</g>\n"
        )
    out.append("</g>\n</svg>\n")
    return "".join(out)
