"""The look of argmap diagrams: themes, palettes, shapes and line styles (design §6).

Kept apart from :mod:`argmap.dot`, which turns a map into DOT, so that the visual
language can be read (and changed) in one place. Nothing here touches user text.

Example:
    >>> THEMES["print"].greyscale, THEMES["slides"].fontsize > THEMES["screen"].fontsize
    (True, True)
    >>> STATUS_SYMBOLS["accepted"], STATUS_SYMBOLS["rejected"], STATUS_SYMBOLS["undecided"]
    ('✔', '✘', '?')
"""

from __future__ import annotations

import functools
from typing import Literal, TypeAlias

import attrs

__all__ = [
    "ATTACK_COLOUR",
    "FOCUS_MARK",
    "KIND_SHAPES",
    "OKABE_ITO",
    "REJECTED_COLOUR",
    "STATUSES",
    "STATUS_SYMBOLS",
    "THEMES",
    "UNVERIFIED_MARK",
    "EdgeStyle",
    "Status",
    "StatusStyle",
    "Theme",
    "ThemeName",
    "text_colour_on",
]

ThemeName: TypeAlias = Literal["screen", "print", "slides"]
Status: TypeAlias = Literal["accepted", "rejected", "undecided"]
STATUSES: tuple[Status, ...] = ("accepted", "rejected", "undecided")

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
#: colour-vision deficiency. Strong colours are used for lines and borders.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

#: Party fills: the Okabe–Ito hues lightened (about 60 % towards white) so that black
#: text stays readable on them; first party sky blue, second yellow, then the rest.
#: Orange and vermillion are left out: vermillion is the colour of attack lines, and
#: a fill close to it would blur the two meanings.
_PARTY_TINTS: tuple[str, ...] = (
    "#BBE1F6",  # sky blue
    "#F9F4B3",  # yellow
    "#DDDDDD",  # light grey
    "#99C7E0",  # blue
    "#EBC9DC",  # reddish purple (last: it is the hue of "rejected")
)
#: Lines of attacks (rebut, undermine, undercut): vermillion, a hue no status uses.
ATTACK_COLOUR = OKABE_ITO["vermillion"]
#: Border of a rejected statement: a dark reddish purple, a hue no line and no
#: (common) party fill uses.
REJECTED_COLOUR = "#A23B72"
#: Greyscale party fills for print: clearly different grey levels (text stays black).
_PARTY_GREYS: tuple[str, ...] = ("#CCCCCC", "#EEEEEE", "#AAAAAA", "#DDDDDD", "#BBBBBB")

STATUS_SYMBOLS: dict[Status, str] = {"accepted": "✔", "rejected": "✘", "undecided": "?"}
#: Marks a citation whose authority is not verified (``Authority.verified`` is false).
UNVERIFIED_MARK = "†"

#: Graphviz shape, extra style and number of borders of each statement kind. All are
#: compact (text-hugging) shapes, so that a doctrine fits on a slide.
KIND_SHAPES: dict[str, tuple[str, str, int]] = {
    "issue": ("box", "", 2),
    "claim": ("box", "rounded", 1),
    "premise": ("box", "", 1),
    "rebuttal": ("box", "diagonals", 1),
    "undercutter": ("cds", "", 1),
}
#: Marks the statement a focused view is centred on.
FOCUS_MARK = "★"


@attrs.frozen
class StatusStyle:
    """How one evaluation status is drawn: border style, width, colour and symbol.

    Example:
        >>> THEMES["print"].status["rejected"].style
        'dashed'
    """

    style: str
    penwidth: float
    colour: str
    symbol: str


@attrs.frozen
class EdgeStyle:
    """How one kind of line is drawn.

    Example:
        >>> THEMES["screen"].edges["undercut"].style
        'dashed'
    """

    colour: str
    style: str = "solid"
    arrowhead: str = "normal"
    penwidth: float = 1.2


@attrs.frozen
class Theme:
    """Everything that differs between ``screen``, ``print`` and ``slides``.

    Example:
        >>> t = THEMES["screen"]
        >>> t.party_fill(0, None), t.party_fill(1, None)
        ('#BBE1F6', '#F9F4B3')
        >>> t.party_fill(0, "#123456"), THEMES["print"].party_fill(0, "#123456")
        ('#123456', '#CCCCCC')
    """

    name: ThemeName
    font: str
    fontsize: float
    small: float
    title_size: float
    wrap: int
    greyscale: bool
    nodesep: float
    ranksep: float
    penwidth: float
    text_colour: str
    muted_colour: str
    neutral_fill: str
    party_fills: tuple[str, ...]
    cluster_fill: str
    cluster_colour: str
    relation_fill: dict[str, str]
    context_fill: str
    context_colour: str
    status: dict[Status, StatusStyle]
    edges: dict[str, EdgeStyle]
    #: Above this many reasons for and against one statement, attacks go one row lower.
    stagger: int = 4
    #: Lines of statement text shown (0: all); the full text is always in the tooltip.
    max_lines: int = 0
    #: Citations shown in a node (0: all); the rest are counted (``+2``).
    max_cites: int = 0
    #: Largest drawing, in inches (``""``: no limit); larger layouts are scaled down.
    size: str = ""
    #: Show a party tag (``F``, ``L``) in every label; on in print, where fills are grey.
    party_tags: bool = False
    #: How ``legend=True`` lays the legend out: ``"compact"`` (one or two rows under
    #: the drawing) or ``"full"`` (a boxed column beside the top).
    legend: Literal["compact", "full"] = "compact"

    def party_fill(self, index: int, own: str | None) -> str:
        """Fill colour of the ``index``-th declared party (its own colour on screen).

        Example:
            >>> THEMES["slides"].party_fill(8, None)
            '#99C7E0'
        """
        if own and not self.greyscale:
            return own
        return self.party_fills[index % len(self.party_fills)]


@functools.lru_cache(maxsize=256)
def text_colour_on(fill: str) -> str:
    """Black or white text, whichever reads better on ``fill`` (``#rrggbb``; names: black).

    Example:
        >>> text_colour_on("#FFFFFF"), text_colour_on("#0072B2"), text_colour_on("navy")
        ('#000000', '#FFFFFF', '#000000')
    """
    if len(fill) != 7 or not fill.startswith("#"):
        return "#000000"
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    # relative luminance (sRGB, WCAG 2)
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if luminance > 0.22 else "#FFFFFF"


_GREEN, _RED, _GREY = OKABE_ITO["bluish green"], REJECTED_COLOUR, "#555555"

#: Status is the border (style and weight) and a symbol; colour only repeats it.
#: Relations are lines, told apart by line style and arrowhead (see ``_edges``), so a
#: dashed border (rejected) and a dashed line (undercut) never stand for one thing.
_SCREEN_STATUS: dict[Status, StatusStyle] = {
    "accepted": StatusStyle("solid", 3.0, _GREEN, STATUS_SYMBOLS["accepted"]),
    "rejected": StatusStyle("dashed", 3.0, _RED, STATUS_SYMBOLS["rejected"]),
    "undecided": StatusStyle("dotted", 3.0, _GREY, STATUS_SYMBOLS["undecided"]),
}
_PRINT_STATUS: dict[Status, StatusStyle] = {
    key: attrs.evolve(value, colour="#000000") for key, value in _SCREEN_STATUS.items()
}


def _edges(attack: str, support: str, faint: str, width: float) -> dict[str, EdgeStyle]:
    return {
        "support": EdgeStyle(support, penwidth=width),
        "attack": EdgeStyle(attack, arrowhead="tee", penwidth=width * 1.5),
        "undercut": EdgeStyle(attack, style="dashed", arrowhead="teeodot", penwidth=width * 1.2),
        "answers": EdgeStyle(faint, arrowhead="empty", penwidth=width),
        "subissue": EdgeStyle(faint, style="dotted", arrowhead="empty", penwidth=width),
        "cites": EdgeStyle(faint, style="dotted", arrowhead="none", penwidth=width * 0.8),
    }


_SCREEN = Theme(
    name="screen",
    font="DejaVu Sans",
    fontsize=11,
    small=8.5,
    title_size=16,
    wrap=30,
    greyscale=False,
    nodesep=0.25,
    ranksep=0.45,
    penwidth=1.0,
    text_colour="#000000",
    muted_colour="#444444",
    neutral_fill="#FFFFFF",
    party_fills=_PARTY_TINTS,
    cluster_fill="#F4F4F4",
    cluster_colour="#BBBBBB",
    relation_fill={"inference": "#333333", "conflict": ATTACK_COLOUR},
    context_fill="#EEEEEE",
    context_colour="#999999",
    status=_SCREEN_STATUS,
    edges=_edges(ATTACK_COLOUR, "#333333", "#888888", 1.2),
)

THEMES: dict[ThemeName, Theme] = {
    "screen": _SCREEN,
    "print": attrs.evolve(
        _SCREEN,
        name="print",
        greyscale=True,
        wrap=32,
        muted_colour="#000000",
        party_fills=_PARTY_GREYS,
        cluster_fill="#FFFFFF",
        cluster_colour="#777777",
        relation_fill={"inference": "#000000", "conflict": "#000000"},
        context_fill="#FFFFFF",
        status=_PRINT_STATUS,
        edges=_edges("#000000", "#000000", "#666666", 1.2),
        party_tags=True,
    ),
    "slides": attrs.evolve(
        _SCREEN,
        name="slides",
        fontsize=18,
        small=13,
        title_size=26,
        wrap=22,
        nodesep=0.2,
        ranksep=0.5,
        penwidth=1.6,
        edges=_edges(ATTACK_COLOUR, "#333333", "#888888", 2.0),
        stagger=3,
        max_lines=4,
        max_cites=1,
        size="13.333,7.5",
    ),
}
