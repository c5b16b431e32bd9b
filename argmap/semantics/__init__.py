"""Abstract argumentation: Dung's semantics over a ``networkx.DiGraph``.

An argumentation framework is a directed graph whose nodes are arguments (any
hashable values; in practice strings) and whose edge ``u -> v`` means *u attacks
v*; self-attacks are allowed. This package knows nothing about legal maps: it is
the law-agnostic layer that :mod:`argmap.evaluation` builds on, and it can be
used on its own.

* producers: :func:`grounded`, :func:`complete_extensions`,
  :func:`preferred_extensions`, :func:`stable_extensions`,
  :func:`semi_stable_extensions`, :func:`ideal_extension`, the matching
  ``*_labelling(s)`` functions, and the dispatchers :func:`extensions` and
  :func:`labellings`; short names :func:`complete`, :func:`preferred`,
  :func:`stable`, :func:`semi_stable` (lists of extensions) and :func:`ideal`
  (the one extension), like :func:`grounded`;
* checkers: :func:`is_conflict_free`, :func:`is_admissible`,
  :func:`is_complete`, :func:`is_grounded`, :func:`is_preferred`,
  :func:`is_stable`, :func:`is_semi_stable`, :func:`is_ideal`;
* decisions: :func:`credulously_accepted`, :func:`sceptically_accepted`;
* values: :class:`Labelling`, :class:`Label`, :func:`labelling_of`.

Extensions are ``frozenset`` values listed in a deterministic order (by their
members' names, numbers in natural order), whatever order the graph was built
in. Enumeration takes ``solver="backtracking"`` (pure Python, no dependency),
``"sat"`` (python-sat, the ``sat`` extra) or ``"auto"`` (by size).

Example:
    >>> import networkx as nx
    >>> from argmap import semantics as sem
    >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(sem.grounded(af))
    []
    >>> [sorted(e) for e in sem.preferred_extensions(af)]
    [['a', 'c'], ['b']]
    >>> sem.preferred(af) == sem.preferred_extensions(af)
    True
    >>> sem.grounded_labelling(af)
    Labelling(in=[], out=[], undec=['a', 'b', 'c'])

The algorithms live in private modules (``_preferred.py`` …); everything public
is a name of this package, and every public name is a function, a class or a
constant.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Caminada, M. (2006). On the issue of reinstatement in argumentation. In
    *Logics in Artificial Intelligence (JELIA 2006)*, LNCS 4160, pp. 111–123.

    Baroni, P., Caminada, M., & Giacomin, M. (2011). An introduction to
    argumentation semantics. *The Knowledge Engineering Review*, 26(4), 365–410.
"""

from __future__ import annotations

from ._acceptance import credulously_accepted, sceptically_accepted
from ._checks import (
    is_admissible,
    is_complete,
    is_conflict_free,
    is_grounded,
    is_ideal,
    is_preferred,
    is_semi_stable,
    is_stable,
)
from ._complete import complete_extensions, complete_labellings
from ._dispatch import extensions, labellings
from ._framework import SAT_THRESHOLD, SEMANTICS, SOLVERS, Semantics, Solver
from ._grounded import grounded, grounded_from_edges, grounded_labelling
from ._ideal import ideal_extension, ideal_labelling
from ._labelling import Label, Labelling, labelling_of
from ._preferred import preferred_extensions, preferred_labellings
from ._semi_stable import semi_stable_extensions, semi_stable_labellings
from ._stable import stable_extensions, stable_labellings

# Short names, one per semantics, so that ``sem.preferred(af)`` works like ``sem.grounded(af)``.
# Semantics with exactly one extension (grounded, ideal) give it; the others give the list.
complete = complete_extensions
preferred = preferred_extensions
stable = stable_extensions
semi_stable = semi_stable_extensions
ideal = ideal_extension

__all__ = [
    "SAT_THRESHOLD",
    "SEMANTICS",
    "SOLVERS",
    "Label",
    "Labelling",
    "Semantics",
    "Solver",
    "complete",
    "complete_extensions",
    "complete_labellings",
    "credulously_accepted",
    "extensions",
    "grounded",
    "grounded_from_edges",
    "grounded_labelling",
    "ideal",
    "ideal_extension",
    "ideal_labelling",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_grounded",
    "is_ideal",
    "is_preferred",
    "is_semi_stable",
    "is_stable",
    "labelling_of",
    "labellings",
    "preferred",
    "preferred_extensions",
    "preferred_labellings",
    "sceptically_accepted",
    "semi_stable",
    "semi_stable_extensions",
    "semi_stable_labellings",
    "stable",
    "stable_extensions",
    "stable_labellings",
]
