"""Credulous and sceptical acceptance of one argument under a semantics.

An argument is *credulously* accepted when some extension contains it and
*sceptically* accepted when every extension does.

Conventions:

* Grounded and ideal semantics have exactly one extension, so the two notions
  coincide: membership in it.
* Complete semantics: sceptical acceptance is membership in the grounded
  extension (the least complete one); credulous acceptance coincides with
  preferred (and admissible) credulous acceptance.
* **Stable semantics with no stable extension**: nothing is credulously
  accepted, and *every* argument is sceptically accepted (vacuously: it belongs
  to all of the zero extensions). This is the usual convention in the
  literature and in the ICCMA competitions; callers who want "accepted and
  there is an extension" should also check that :func:`stable_extensions`
  is not empty.

The decisions run one search where they can (credulous complete, preferred and
stable; sceptical stable); sceptical preferred solves only the argument's part of
what the grounded extension leaves undecided; semi-stable enumerates the extensions.

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Dunne, P. E., & Bench-Capon, T. J. M. (2002). Coherence in finite argument
    systems. *Artificial Intelligence*, 141(1–2), 187–203.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ._dispatch import extensions
from ._framework import A, CompiledFramework, Semantics, Solver, check_semantics, compile_framework
from ._grounded import grounded
from ._ideal import ideal_extension
from ._preferred import preferred_core
from ._search import ALL, IN, OUT, Search

__all__ = ["credulously_accepted", "sceptically_accepted"]


def _argument(af: nx.DiGraph[Any], argument: Any) -> CompiledFramework:
    cf = compile_framework(af)
    cf.members([argument])  # raises for an unknown argument
    return cf


def _exists(cf: CompiledFramework, argument: Any, *, domain: int, label: int) -> bool:
    """Is there a complete (``domain=ALL``) or stable labelling giving ``argument`` ``label``?"""
    search = Search(cf, domain=domain)
    if not search.restrict(cf.index[argument], label):
        return False
    return search.first() is not None


def credulously_accepted(
    af: nx.DiGraph[A], argument: A, semantics: Semantics, *, solver: Solver = "auto"
) -> bool:
    """True when some extension of ``af`` under ``semantics`` contains ``argument``.

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        argument: an argument of ``af``.
        semantics: one of ``"complete"``, ``"grounded"``, ``"ideal"``,
            ``"preferred"``, ``"semi-stable"``, ``"stable"``.
        solver: for the semantics that enumerate extensions (semi-stable, ideal).

    Raises:
        EvaluationError: for an unknown semantics or an argument not in ``af``.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
        >>> credulously_accepted(af, "c", "preferred"), credulously_accepted(af, "c", "grounded")
        (True, False)
    """
    name = check_semantics(semantics)
    cf = _argument(af, argument)
    if name == "grounded":
        return argument in grounded(af)
    if name == "ideal":
        return argument in ideal_extension(af, solver=solver)
    if name in ("complete", "preferred"):
        return _exists(cf, argument, domain=ALL, label=IN)
    if name == "stable":
        return _exists(cf, argument, domain=IN | OUT, label=IN)
    return any(argument in e for e in extensions(af, name, solver=solver))


def sceptically_accepted(
    af: nx.DiGraph[A], argument: A, semantics: Semantics, *, solver: Solver = "auto"
) -> bool:
    """True when every extension of ``af`` under ``semantics`` contains ``argument``.

    With no stable extension, every argument is sceptically accepted under
    stable semantics (vacuous truth; see the module notes).

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        argument: an argument of ``af``.
        semantics: one of ``"complete"``, ``"grounded"``, ``"ideal"``,
            ``"preferred"``, ``"semi-stable"``, ``"stable"``.
        solver: for the semantics that enumerate extensions (preferred,
            semi-stable, ideal).

    Raises:
        EvaluationError: for an unknown semantics or an argument not in ``af``.

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
        >>> sceptically_accepted(af, "d", "preferred"), sceptically_accepted(af, "d", "ideal")
        (True, False)
        >>> odd = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
        >>> sceptically_accepted(odd, "a", "stable"), credulously_accepted(odd, "a", "stable")
        (True, False)
    """
    name = check_semantics(semantics)
    cf = _argument(af, argument)
    if name in ("grounded", "complete"):
        return argument in grounded(af)
    if name == "ideal":
        return argument in ideal_extension(af, solver=solver)
    if name == "stable":
        return not _exists(cf, argument, domain=IN | OUT, label=OUT)
    if argument in grounded(af):  # the grounded extension is in every complete one
        return True
    if name == "preferred":  # only the argument's part of the undecided ones matters
        x = cf.index[argument]
        return x in preferred_core(cf, solver, argument=x)
    return all(argument in e for e in extensions(af, name, solver=solver))
