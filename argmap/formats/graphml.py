"""GraphML export (via networkx), for yEd, Gephi and other graph tools.

The map is written in AIF form, as :meth:`argmap.ArgumentMap.to_networkx` gives
it: statements, inferences and conflicts are nodes; edges carry their ``role``
(premise, conclusion, attacker, target, answers, part-of). Every node has a
``label`` (a statement's text, an inference's scheme, a conflict's kind), a
``kind`` and, where known, ``party`` (and ``party_label``), ``doctrines``,
``cites``, ``scheme``, ``weight``; given an evaluation, a ``status``
(accepted / rejected / undecided). Lists are written as text joined by ``"; "``;
control characters that XML 1.0 cannot hold become U+FFFD.
GraphML is an export only: argmap does not read it back.

Example:
    >>> from argmap.graph import ArgumentMap
    >>> m = ArgumentMap("Demo", parties={"f": "Federal"})
    >>> c = m.claim("Grants may be conditioned", party="f")
    >>> text = dumps(m)
    >>> 'Grants may be conditioned</data>' in text, text.count("<node ")
    (True, 1)
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from .._io import atomic_write_text
from ..graph import ArgumentMap

if TYPE_CHECKING:
    from ..evaluation import Evaluation

__all__ = ["dump", "dumps", "to_graph", "xml_safe"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD.

    Example:
        >>> xml_safe("bell\x07 tab\t")
        'bell\ufffd tab\t'
    """
    return _NOT_XML.sub("\ufffd", text)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return xml_safe("; ".join(str(v) for v in value))
    if isinstance(value, str):
        return xml_safe(value)
    return value


def to_graph(m: ArgumentMap, evaluation: Evaluation | None = None) -> Any:
    """The networkx graph written to GraphML: only text, numbers and booleans as attributes.

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> m = ArgumentMap(); c = m.claim("x"); _ = m.premise("y", supports=c)
        >>> to_graph(m).nodes["P1->C1"]
        {'kind': 'inference', 'label': 'inference'}
    """
    g = m.to_networkx()
    for node, attrs in g.nodes(data=True):
        clean = {k: _plain(v) for k, v in attrs.items() if v is not None and v != ()}
        if node in m.statements:
            clean["label"] = xml_safe(m.statement(node).text)
            party = m.statement(node).party
            if party is not None and party in m.parties:
                clean["party_label"] = xml_safe(m.parties[party].label or party)
            title = m.statement(node).title
            if title is not None:
                clean["title"] = xml_safe(title)
        elif clean.get("kind") == "inference":
            clean["label"] = clean.get("scheme", "inference")
        else:
            clean["label"] = clean.get("conflict", "conflict")
        if evaluation is not None:
            clean["status"] = str(evaluation.status(node))
        attrs.clear()
        attrs.update(clean)
    g.graph.clear()
    if m.title:
        g.graph["title"] = xml_safe(m.title)
    return g


def dumps(m: ArgumentMap, evaluation: Evaluation | None = None) -> str:
    """The map as GraphML text (deterministic).

    Example:
        >>> from argmap.graph import ArgumentMap
        >>> dumps(ArgumentMap()).startswith("<?xml")
        True
    """
    import networkx as nx

    body = "\n".join(nx.generate_graphml(to_graph(m, evaluation)))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def dump(
    m: ArgumentMap, path: str | os.PathLike[str], evaluation: Evaluation | None = None
) -> None:
    """Write the map to a ``.graphml`` file.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap.graph import ArgumentMap
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.graphml"
        >>> dump(ArgumentMap(), p); p.read_text()[:5]
        '<?xml'
    """
    atomic_write_text(path, dumps(m, evaluation))
