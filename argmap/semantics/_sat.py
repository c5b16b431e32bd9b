"""SAT encodings of the semantics, solved with python-sat (the ``sat`` extra).

Install with ``pip install 'argmap[sat]'``; python-sat is imported only inside
the functions that need it, and :class:`~argmap.MissingDependencyError` says
how to install it when it is missing. Users choose this backend with
``solver="sat"`` on the enumeration functions (``"auto"`` picks it for large
frameworks); the functions here work on the compiled framework.

Encodings, for arguments numbered ``0 .. n-1``:

* complete labellings (two variables per argument: ``I(x) = x + 1`` "x is IN",
  ``O(x) = n + x + 1`` "x is OUT"; UNDEC is neither): ``¬I(x) ∨ ¬O(x)``;
  IN iff every attacker is OUT; OUT iff some attacker is IN;
* stable extensions (one variable per argument, ``x + 1``): no attacker and
  target both in, and every argument in or attacked by an argument in.

* admissible sets (one variable per argument): no attacker and target both in,
  and an argument in only if each of its attackers is attacked by an argument in.

Enumeration adds a blocking clause after each model. Preferred extensions use
the PrefSAT scheme on the admissible encoding (grow an admissible set under the
assumption that it stays a subset, until no strict superset exists; then forbid
every subset of it); semi-stable does the same on the complete encoding with the
range ``IN ∪ OUT`` (range variables ``R(x) = 2n + x + 1``, ``R(x) ↔ I(x) ∨ O(x)``).

Preferred and stable first split the framework (:func:`split`): the grounded
extension is in every preferred and every stable extension and what it attacks is
in none, so only the arguments it leaves undecided go to the solver, without the
attacks from the arguments it defeats (the grounded reduct); those fall apart into
weakly connected parts that are solved one by one, the answers being the products
of the parts' answers. ``tests/test_sat_split.py`` checks both steps against brute
force over every subset.

References:
    Cerutti, F., Dunne, P. E., Giacomin, M., & Vallati, M. (2013). Computing
    preferred extensions in abstract argumentation: a SAT-based approach. In
    *Theory and Applications of Formal Argumentation (TAFA 2013)*, LNCS 8306,
    pp. 176–193. Springer.

    Besnard, P., & Doutre, S. (2004). Checking the acceptability of a set of
    arguments. In *Proceedings of the 10th International Workshop on
    Non-Monotonic Reasoning (NMR 2004)*, pp. 59–64.

    Ignatiev, A., Morgado, A., & Marques-Silva, J. (2018). PySAT: a Python
    toolkit for prototyping with SAT oracles. In *SAT 2018*, LNCS 10929,
    pp. 428–437. Springer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..exceptions import MissingDependencyError
from ._framework import CompiledFramework

__all__ = [
    "SAT_SOLVER",
    "admissible_clauses",
    "complete_clauses",
    "new_solver",
    "sat_complete",
    "sat_preferred",
    "sat_semi_stable",
    "sat_stable",
    "split",
    "stable_clauses",
]

#: The python-sat solver used (CaDiCaL 1.5.3 was the fastest of glucose 4, MiniSat 2.2 and
#: CaDiCaL 1.5.3/1.9.5 on ICCMA-style frameworks of 200 arguments: benchmarks/bench_iccma.py) (a name accepted by ``pysat.solvers.Solver``).
SAT_SOLVER = "cadical153"


def new_solver(clauses: list[list[int]]) -> Any:
    """A python-sat solver loaded with ``clauses``.

    Raises:
        MissingDependencyError: python-sat is not installed.

    Example:
        >>> s = new_solver([[1, 2], [-1]])
        >>> s.solve(), s.get_model()
        (True, [-1, 2])
        >>> s.delete()
    """
    try:
        from pysat.solvers import Solver
    except ImportError:
        raise MissingDependencyError("python-sat", "pip install 'argmap[sat]'") from None
    return Solver(name=SAT_SOLVER, bootstrap_with=clauses)


def complete_clauses(cf: CompiledFramework) -> list[list[int]]:
    """CNF whose models are the complete labellings of ``cf``.

    Variable ``x + 1`` is "x is IN" and ``n + x + 1`` is "x is OUT".

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> complete_clauses(compile_framework(nx.DiGraph([("a", "b")])))
        [[-1, -3], [1], [-3], [-2, -4], [-2, 3], [-1, 4], [2, -3], [-4, 1]]
    """
    n = len(cf)
    clauses: list[list[int]] = []
    add = clauses.append
    for x, att in enumerate(cf.attackers):
        i = x + 1
        o = n + x + 1
        add([-i, -o])
        if not att:
            add([i])
            add([-o])
            continue
        for y in att:
            add([-i, n + y + 1])  # x IN -> y OUT
            add([-(y + 1), o])  # y IN -> x OUT
        add([i, *(-(n + y + 1) for y in att)])  # all attackers OUT -> x IN
        add([-o, *(y + 1 for y in att)])  # x OUT -> some attacker IN
    return clauses


def stable_clauses(cf: CompiledFramework) -> list[list[int]]:
    """CNF whose models are the stable extensions of ``cf`` (variable ``x + 1``: x is in).

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> stable_clauses(compile_framework(nx.DiGraph([("a", "b"), ("b", "a")])))
        [[-1, -2], [1, 2], [-2, -1], [2, 1]]
    """
    clauses: list[list[int]] = []
    extend = clauses.extend
    add = clauses.append
    for x, att in enumerate(cf.attackers):
        v = x + 1
        extend([[-v, -y - 1] for y in att])  # y attacks x: not both in
        add([v, *[y + 1 for y in att]])  # x in, or attacked by an argument in
    return clauses


def admissible_clauses(attackers: list[list[int]]) -> list[list[int]]:
    """CNF whose models are the admissible sets (variable ``x + 1``: x is in).

    ``attackers[x]`` lists the arguments attacking ``x``.

    Example:
        >>> admissible_clauses([[1], [0]])  # a <-> b: {}, {a}, {b}
        [[-1, -2], [-1, 1], [-2, -1], [-2, 2]]
        >>> admissible_clauses([[], [0]])  # a -> b: b is never in
        [[-2, -1], [-2]]
    """
    clauses: list[list[int]] = []
    add = clauses.append
    for x, att in enumerate(attackers):
        v = x + 1
        for y in att:
            add([-v, -(y + 1)])  # conflict-free (a self-attacker is never in)
        for y in att:  # each attacker of x is attacked by an argument in
            add([-v, *(z + 1 for z in attackers[y])])
    return clauses


def split(cf: CompiledFramework) -> tuple[list[int], list[list[int]], list[list[list[int]]]]:
    """The grounded extension, and the rest it leaves undecided in weakly connected parts.

    Returns ``(grounded, parts, attackers)``: ``parts[k]`` lists the argument numbers
    of one part (ascending), and ``attackers[k][i]`` the attackers of ``parts[k][i]``
    inside that part, numbered by position in ``parts[k]``. Attacks from arguments
    the grounded extension defeats are dropped (they are OUT in every extension).

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "d"), ("f", "f")])
        >>> cf = compile_framework(af); g, parts, att = split(cf)
        >>> [cf.nodes[x] for x in g], [[cf.nodes[x] for x in p] for p in parts], att
        (['a', 'c'], [['d', 'e'], ['f']], [[[1], [0]], [[0]]])
    """
    n = len(cf)
    attackers, attacks = cf.attackers, cf.attacks
    count = [len(a) for a in attackers]
    state = [0] * n  # 0 undecided, 1 in, 2 out
    stack = [x for x in range(n) if not count[x]]
    for x in stack:
        state[x] = 1
    while stack:
        for y in attacks[stack.pop()]:
            if state[y] == 0:
                state[y] = 2
                for z in attacks[y]:
                    count[z] -= 1
                    if not count[z] and state[z] == 0:
                        state[z] = 1
                        stack.append(z)
    grounded = [x for x in range(n) if state[x] == 1]
    part_of = [-1] * n
    parts: list[list[int]] = []
    for x in range(n):
        if state[x] or part_of[x] >= 0:
            continue
        k = len(parts)
        members = [x]
        part_of[x] = k
        todo = [x]
        while todo:
            y = todo.pop()
            for z in (*attackers[y], *attacks[y]):
                if state[z] == 0 and part_of[z] < 0:
                    part_of[z] = k
                    members.append(z)
                    todo.append(z)
        members.sort()
        parts.append(members)
    local = [0] * n
    for members in parts:
        for i, x in enumerate(members):
            local[x] = i
    att = [
        [[local[y] for y in attackers[x] if state[y] == 0] for x in members] for members in parts
    ]
    return grounded, parts, att


def _product(grounded: list[int], answers: list[list[list[int]]]) -> list[list[int]]:
    """Every union of the grounded extension with one answer per part."""
    out = [list(grounded)]
    for options in answers:
        out = [[*base, *extra] for base in out for extra in options]
    return [sorted(e) for e in out]


def _preferred_part(attackers: list[list[int]]) -> list[list[int]]:
    """The preferred extensions of one part: maximal admissible sets, PrefSAT style."""
    n = len(attackers)
    solver = new_solver(admissible_clauses(attackers))
    solver.set_phases(list(range(1, n + 1)))  # try arguments IN first: large sets early
    top = n
    found: list[list[int]] = []
    try:
        while solver.solve():
            ins = _positives(solver.get_model(), n)
            while True:  # grow ins until no admissible set strictly contains it
                inside = set(ins)
                outside = [x + 1 for x in range(n) if x not in inside]
                if not outside:
                    break
                top += 1
                solver.add_clause([-top, *outside])
                grown = solver.solve(assumptions=[top, *(x + 1 for x in ins)])
                model = solver.get_model() if grown else None
                solver.add_clause([-top])  # retire the activation literal
                if model is None:
                    break
                ins = _positives(model, n)
            found.append(ins)
            inside = set(ins)
            outside = [x + 1 for x in range(n) if x not in inside]
            if not outside:
                break
            solver.add_clause(outside)  # later answers are not subsets of this one
        return found
    finally:
        solver.delete()


def _stable_part(attackers: list[list[int]]) -> list[list[int]]:
    """The stable extensions of one part."""
    n = len(attackers)
    clauses: list[list[int]] = []
    for x, att in enumerate(attackers):
        clauses.extend([-(x + 1), -(y + 1)] for y in att)
        clauses.append([x + 1, *(y + 1 for y in att)])
    solver = new_solver(clauses)
    try:
        return list(_models(solver, n, "in"))
    finally:
        solver.delete()


def _by_parts(cf: CompiledFramework, solve: Any) -> list[list[int]]:
    grounded, parts, attackers = split(cf)
    answers: list[list[list[int]]] = []
    for members, att in zip(parts, attackers, strict=True):
        local = solve(att)
        if not local:
            return []  # a part without an answer (stable): none overall
        answers.append([[members[i] for i in e] for e in local])
    return _product(grounded, answers)


def _positives(model: list[int], n: int) -> list[int]:
    return [v - 1 for v in model[:n] if v > 0]


def _models(solver: Any, n: int, block: str) -> Iterator[list[int]]:
    while solver.solve():
        ins = _positives(solver.get_model(), n)
        yield ins
        if block == "in":  # stable: a later model must have some argument outside this one in
            inside = set(ins)
            clause = [x + 1 for x in range(n) if x not in inside]
        else:  # complete: a later model must differ on some IN variable
            inside = set(ins)
            clause = [-(x + 1) if x in inside else x + 1 for x in range(n)]
        if not clause:
            return
        solver.add_clause(clause)


def sat_complete(cf: CompiledFramework) -> list[list[int]]:
    """The complete extensions of ``cf`` (argument numbers) by model enumeration.

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> sorted(sat_complete(compile_framework(nx.DiGraph([("a", "b"), ("b", "a")]))))
        [[], [0], [1]]
    """
    n = len(cf)
    solver = new_solver(complete_clauses(cf))
    try:
        return list(_models(solver, n, "differ"))
    finally:
        solver.delete()


def sat_stable(cf: CompiledFramework) -> list[list[int]]:
    """The stable extensions of ``cf`` (argument numbers) by model enumeration.

    The grounded extension is fixed first and the undecided rest solved part by
    part (:func:`split`). Stable extensions are pairwise incomparable, so after a
    model S it suffices to require that some argument outside S is in.

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> sat_stable(compile_framework(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])))
        []
        >>> cf = compile_framework(nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")]))
        >>> sorted(sat_stable(cf))
        [[0, 2], [0, 3], [1, 2], [1, 3]]
    """
    return _by_parts(cf, _stable_part)


def sat_preferred(cf: CompiledFramework) -> list[list[int]]:
    """The preferred extensions of ``cf`` (argument numbers), PrefSAT style.

    Maximal admissible sets on the one-variable encoding, after fixing the grounded
    extension and splitting the undecided rest into parts (:func:`split`).

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> sorted(sat_preferred(compile_framework(nx.DiGraph([("a", "b"), ("b", "a")]))))
        [[0], [1]]
    """
    return _by_parts(cf, _preferred_part)


def sat_semi_stable(cf: CompiledFramework) -> list[list[int]]:
    """The semi-stable extensions of ``cf`` (argument numbers), by growing the range.

    Example:
        >>> import networkx as nx
        >>> from ._framework import compile_framework
        >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"), ("d", "d")])
        >>> sat_semi_stable(compile_framework(af))
        [[1]]
    """
    n = len(cf)
    clauses = complete_clauses(cf)
    for x in range(n):
        i, o, r = x + 1, n + x + 1, 2 * n + x + 1
        clauses += [[-r, i, o], [r, -i], [r, -o]]
    solver = new_solver(clauses)
    top = 3 * n
    found: list[list[int]] = []

    def reach_of(model: list[int]) -> list[int]:
        return [v - 2 * n - 1 for v in model[2 * n : 3 * n] if v > 0]

    try:
        while solver.solve():
            reach = reach_of(solver.get_model())
            while True:  # grow the range until no complete labelling strictly extends it
                inside = set(reach)
                outside = [2 * n + x + 1 for x in range(n) if x not in inside]
                if not outside:
                    break
                top += 1
                solver.add_clause([-top, *outside])
                grown = solver.solve(assumptions=[top, *(2 * n + x + 1 for x in reach)])
                model = solver.get_model() if grown else None
                solver.add_clause([-top])
                if model is None:
                    break
                reach = reach_of(model)
            # every complete labelling with exactly this range
            inside = set(reach)
            fixed = [2 * n + x + 1 if x in inside else -(2 * n + x + 1) for x in range(n)]
            top += 1
            act = top
            while solver.solve(assumptions=[act, *fixed]):
                ins = _positives(solver.get_model(), n)
                found.append(ins)
                members = set(ins)
                solver.add_clause([-act, *(-(x + 1) if x in members else x + 1 for x in range(n))])
            solver.add_clause([-act])
            outside = [2 * n + x + 1 for x in range(n) if x not in inside]
            if not outside:
                break
            solver.add_clause(outside)  # later ranges are not inside this one
        return found
    finally:
        solver.delete()
