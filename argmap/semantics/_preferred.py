"""Preferred semantics: the maximal admissible sets (equivalently, maximal complete ones).

Every framework has at least one preferred extension (possibly the empty set).
They are the complete extensions that are maximal under set inclusion; each
stable extension is preferred.

Backtracking: a depth-first search over complete labellings
(:mod:`argmap.semantics._search`) that branches on "IN or not" (IN first), and
prunes (a) every branch in which the arguments that may still be IN are a
subset of a recently found answer (no new maximal set can lie below it, as in
Nofal, Atkinson & Dunne's algorithm) and (b) every branch with an UNDEC argument
that attacks each of its UNDEC attackers (adding it to the IN arguments would
give a larger admissible set; the "reduct" view of Baumann, Brewka & Ulbricht).
Each leaf left is a complete extension; it is reported when one more search
finds no complete extension strictly containing it. Distinct leaves have
distinct IN sets, so every preferred extension is reported once.

SAT: the PrefSAT scheme of Cerutti et al.: find a complete labelling, grow it
by asking for a strict superset of its IN arguments until there is none, record
it, forbid every subset of it, repeat (:mod:`argmap.semantics._sat`).

References:
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental
    role in nonmonotonic reasoning, logic programming and n-person games.
    *Artificial Intelligence*, 77(2), 321–357.

    Modgil, S., & Caminada, M. (2009). Proof theories and algorithms for
    abstract argumentation frameworks. In I. Rahwan & G. R. Simari (Eds.),
    *Argumentation in Artificial Intelligence* (pp. 105–129). Springer.

    Nofal, S., Atkinson, K., & Dunne, P. E. (2014). Algorithms for decision
    problems in argument systems under preferred semantics. *Artificial
    Intelligence*, 207, 23–51.

    Baumann, R., Brewka, G., & Ulbricht, M. (2020). Revisiting the foundations
    of abstract argumentation: semantics based on weak admissibility and weak
    defense. In *Proceedings of the AAAI Conference on Artificial Intelligence*,
    34(03), 2742–2749.

    Cerutti, F., Dunne, P. E., Giacomin, M., & Vallati, M. (2013). Computing
    preferred extensions in abstract argumentation: a SAT-based approach. In
    *Theory and Applications of Formal Argumentation (TAFA 2013)*, LNCS 8306,
    pp. 176–193. Springer.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import cast

import networkx as nx

from ._complete import to_extensions
from ._framework import (
    A,
    CompiledFramework,
    Solver,
    compile_framework,
    resolve_solver,
)
from ._labelling import Labelling, labelling_of
from ._search import IN, Search, has_larger

__all__ = ["preferred_extensions", "preferred_labellings"]


def _preferred_members(cf: CompiledFramework, solver: Solver) -> list[list[int]]:
    """The preferred extensions of ``cf``, each as a list of argument numbers."""
    if resolve_solver(solver, len(cf)) == "sat":
        from ._sat import sat_preferred

        return sat_preferred(cf)
    search = Search(cf, watch=IN, maximal=True)
    recent: list[int] = []  # the last answers found, as bitsets, to prune with
    found: list[list[int]] = []

    def bounded() -> bool:
        possible = search.possible
        return any(not possible & ~p for p in recent)

    for dom in search.solutions(bounded):
        ins = [x for x, d in enumerate(dom) if d == IN]
        if has_larger(cf, ins, IN):
            continue
        found.append(ins)
        recent.append(search.possible)  # at a leaf: exactly the IN arguments
        if len(recent) > RECENT:
            del recent[0]
    return found


def preferred_core(cf: CompiledFramework, solver: Solver, argument: int | None = None) -> set[int]:
    """The arguments in every preferred extension of ``cf`` (with ``argument``: of
    those, the grounded extension's and the ones in ``argument``'s part).

    The preferred extensions are the products of the grounded extension with one
    preferred extension of each part the grounded extension leaves undecided
    (:func:`argmap.semantics._sat.split`), so the arguments common to all of them
    are the grounded extension's and each part's common ones: the parts are solved
    one by one and their extensions never multiplied out (forty independent
    two-cycles have 2**40 preferred extensions).

    Example:
        >>> cf = compile_framework(nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d")]))
        >>> sorted(cf.nodes[x] for x in preferred_core(cf, "auto"))
        ['c']
    """
    from ._sat import split  # the split is plain Python: no python-sat needed

    grounded, parts, attackers = split(cf)
    common = set(grounded)
    for members, att in zip(parts, attackers, strict=True):
        if argument is not None and argument not in members:
            continue
        n = len(members)
        attacks: list[list[int]] = [[] for _ in range(n)]
        for x, xs in enumerate(att):
            for y in xs:
                attacks[y].append(x)
        local: list[Hashable] = list(range(n))
        index: dict[Hashable, int] = {i: i for i in range(n)}
        found = _preferred_members(CompiledFramework(local, index, att, attacks), solver)
        shared = set(found[0]).intersection(*found[1:])
        common.update(members[i] for i in shared)
    return common


#: How many answers the search keeps to prune with; each costs a test per search node.
RECENT = 16


def preferred_extensions(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[frozenset[A]]:
    """Every preferred extension of ``af`` (there is always at least one).

    Args:
        af: the framework: a ``networkx.DiGraph`` whose edge ``u -> v`` means u attacks v.
        solver: ``"backtracking"``, ``"sat"`` (needs python-sat), or ``"auto"``
            to choose by size.

    Returns:
        The extensions, ordered by their members' names (natural order).

    Example:
        >>> import networkx as nx
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "c"), ("c", "d")])
        >>> [sorted(e) for e in preferred_extensions(af)]
        [['a'], ['b']]
        >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        [frozenset()]
    """
    cf = compile_framework(af)
    return cast("list[frozenset[A]]", to_extensions(cf, _preferred_members(cf, solver)))


def preferred_labellings(af: nx.DiGraph[A], *, solver: Solver = "auto") -> list[Labelling[A]]:
    """Every preferred labelling of ``af``, in the order of :func:`preferred_extensions`.

    Example:
        >>> import networkx as nx
        >>> preferred_labellings(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        [Labelling(in=[], out=[], undec=['a', 'b', 'c'])]
    """
    return [labelling_of(af, e) for e in preferred_extensions(af, solver=solver)]
