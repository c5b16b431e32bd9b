"""Maps that ship with argmap, ready to explore: ``casebook.load("sanctuary")``.

``sanctuary``
    The federal–local dispute over sanctuary jurisdictions (2017–2025): supremacy
    and preemption, Tenth Amendment anticommandeering, Spending Clause conditions,
    Fourth Amendment liability for honouring detainers, federal criminal exposure
    of officials, 287(g), the empirical debate, and the 2025 executive actions —
    both sides, with every authority cited from a verified catalog (entries the
    catalog could verify only in part carry ``verified: false``).

Example:
    >>> from argmap import casebook
    >>> casebook.names()
    ['sanctuary']
    >>> m = casebook.load("sanctuary")
    >>> sorted(m.parties)
    ['federal', 'local']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..exceptions import UnknownNodeError, did_you_mean

if TYPE_CHECKING:
    from ..graph import ArgumentMap

__all__ = ["load", "names", "path", "text"]


def names() -> list[str]:
    """The names of the bundled maps, sorted.

    Example:
        >>> "sanctuary" in names()
        True
    """
    folder = resources.files(__name__)
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _resource(name: str) -> Path:
    if name not in names():
        raise UnknownNodeError(
            f"no casebook map named {name!r}{did_you_mean(name, names())} (available: {names()})"
        )
    return Path(str(resources.files(__name__).joinpath(f"{name}.yaml")))


def path(name: str) -> Path:
    """The file of a bundled map (to copy it and start your own).

    Example:
        >>> path("sanctuary").suffix
        '.yaml'
    """
    return _resource(name)


def text(name: str) -> str:
    """The YAML source of a bundled map.

    Example:
        >>> text("sanctuary").startswith("argmap: 1")
        True
    """
    return _resource(name).read_text(encoding="utf-8")


def load(name: str) -> ArgumentMap:
    """Load a bundled map by name.

    Raises:
        UnknownNodeError: for an unknown name, listing the available ones.

    Example:
        >>> load("sanctuary").title
        'Sanctuary jurisdictions: the federal–local dispute (2017–2025)'
    """
    from ..exceptions import expect
    from ..formats.native import load as load_file

    expect(name, str, "name", "the name of a bundled map")
    return load_file(_resource(name))
