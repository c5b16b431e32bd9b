"""Benchmark argmap.semantics against references measured in the same run.

Prints one line per measurement with the ratio and the target from the issue:

1. grounded labelling of a random framework with 100,000 arguments and 300,000
   attacks against a plain counter-based grounded algorithm over a
   ``dict[str, list[str]]``, both from a built graph and from the same edge list
   (``grounded_from_edges``: everything from the list timed; the path through a
   networkx graph is printed for reference), medians of interleaved runs (target:
   ratio <= 1.5);
2. stable and preferred extensions with ``solver="sat"`` against calling
   python-sat directly (same SAT solver) on the plain encodings written out here:
   stable's one-variable encoding, and for preferred the two-variable
   complete-labelling encoding argmap used before issue 12 (target <= 2); the
   strong references (clingo, ICCMA-style instances) are in ``bench_iccma.py``;
3. the backtracking solver against python-argumentation (PyArg) when that
   package is importable (it is not a dependency of argmap);
4. the crossover between the backtracking and SAT solvers, which sets
   ``argmap.semantics.SAT_THRESHOLD`` (the size from which ``solver="auto"``
   uses SAT).

Run: ``python benchmarks/bench_semantics.py`` (about a minute).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import networkx as nx

from argmap import semantics as sem
from argmap.semantics._sat import SAT_SOLVER


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def random_framework(n: int, attacks: int, seed: int) -> nx.DiGraph[str]:
    """``n`` arguments ``a0 ..``, ``attacks`` distinct random attacks (self-attacks allowed)."""
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    af: nx.DiGraph[str] = nx.DiGraph()
    af.add_nodes_from(names)
    pairs: dict[tuple[str, str], None] = {}
    while len(pairs) < attacks:
        pairs[names[rng.randrange(n)], names[rng.randrange(n)]] = None
    af.add_edges_from(pairs)
    return af


def clustered_framework(clusters: int, size: int, degree: float, seed: int) -> nx.DiGraph[str]:
    """Disjoint random clusters: the extensions multiply across clusters."""
    af: nx.DiGraph[str] = nx.DiGraph()
    for c in range(clusters):
        part = random_framework(size, int(size * degree), seed * 1000 + c)
        af.add_edges_from((f"c{c}{u}", f"c{c}{v}") for u, v in part.edges)
        af.add_nodes_from(f"c{c}{v}" for v in part)
    return af


# --------------------------------------------------------------------------- references


def reference_grounded(attacks: dict[str, list[str]]) -> dict[str, str]:
    """A straightforward counter-based grounded labelling over a dict of lists."""
    count = dict.fromkeys(attacks, 0)
    for targets in attacks.values():
        for b in targets:
            count[b] += 1
    label: dict[str, str] = {}
    queue = [a for a, c in count.items() if c == 0]
    for a in queue:
        label[a] = "in"
    while queue:
        a = queue.pop()
        for b in attacks[a]:
            if b not in label:
                label[b] = "out"
                for c in attacks[b]:
                    count[c] -= 1
                    if count[c] == 0 and c not in label:
                        label[c] = "in"
                        queue.append(c)
    for a in attacks:
        label.setdefault(a, "undec")
    return label


def direct_stable(attackers: dict[str, list[str]]) -> list[set[str]]:
    """Stable extensions by calling python-sat directly on the standard encoding."""
    from pysat.solvers import Solver

    names = list(attackers)
    var = {a: i + 1 for i, a in enumerate(names)}
    clauses = []
    for x, att in attackers.items():
        for y in att:
            clauses.append([-var[x], -var[y]])
        clauses.append([var[x], *(var[y] for y in att)])
    found = []
    with Solver(name=SAT_SOLVER, bootstrap_with=clauses) as s:
        while s.solve():
            model = s.get_model()
            ins = {names[v - 1] for v in model[: len(names)] if v > 0}
            found.append(ins)
            block = [var[a] for a in names if a not in ins]
            if not block:
                break
            s.add_clause(block)
    return found


def direct_preferred(attackers: dict[str, list[str]]) -> list[set[str]]:
    """Preferred extensions with python-sat directly: complete-labelling encoding, PrefSAT loop."""
    from pysat.solvers import Solver

    names = list(attackers)
    n = len(names)
    var = {a: i + 1 for i, a in enumerate(names)}
    clauses = []
    for x, att in attackers.items():
        i, o = var[x], n + var[x]
        clauses.append([-i, -o])
        if not att:
            clauses += [[i], [-o]]
            continue
        for y in att:
            clauses += [[-i, n + var[y]], [-var[y], o]]
        clauses.append([i, *(-(n + var[y]) for y in att)])
        clauses.append([-o, *(var[y] for y in att)])
    found = []
    top = 2 * n
    with Solver(name=SAT_SOLVER, bootstrap_with=clauses) as s:
        while s.solve():
            ins = [v for v in s.get_model()[:n] if v > 0]
            while True:
                inside = set(ins)
                outside = [v for v in range(1, n + 1) if v not in inside]
                if not outside:
                    break
                top += 1
                s.add_clause([-top, *outside])
                grown = s.solve(assumptions=[top, *ins])
                model = s.get_model() if grown else None
                s.add_clause([-top])
                if model is None:
                    break
                ins = [v for v in model[:n] if v > 0]
            found.append({names[v - 1] for v in ins})
            inside = set(ins)
            outside = [v for v in range(1, n + 1) if v not in inside]
            if not outside:
                break
            s.add_clause(outside)
    return found


# --------------------------------------------------------------------------- measurements


def interleaved(repeat: int, fns: dict[str, Callable[[], Any]]) -> dict[str, float]:
    """Median wall time of each thunk over ``repeat`` rounds that run every thunk once."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def bench_grounded() -> None:
    af = random_framework(100_000, 300_000, seed=1)
    names = list(af.nodes)
    edges = list(af.edges)

    def ref_from_edges() -> dict[str, str]:
        attacks: dict[str, list[str]] = {a: [] for a in names}
        for u, v in edges:
            attacks[u].append(v)
        return reference_grounded(attacks)

    def ours_from_edges() -> Any:
        return sem.grounded_from_edges(edges, names)

    def via_networkx() -> Any:  # build the graph grounded_labelling takes, then label it
        g: nx.DiGraph[str] = nx.DiGraph()
        g.add_nodes_from(names)
        g.add_edges_from(edges)
        return sem.grounded_labelling(g)

    attacks = {a: list(targets) for a, targets in af.adjacency()}
    ref = reference_grounded(attacks)
    ours = sem.grounded_labelling(af)
    assert {a for a, lab in ref.items() if lab == "in"} == ours.in_
    assert {a for a, lab in ref.items() if lab == "out"} == ours.out
    assert ours_from_edges() == ours
    t = interleaved(
        5,
        {
            "ref built": lambda: reference_grounded(attacks),
            "ours built": lambda: sem.grounded_labelling(af),
            "ref edges": ref_from_edges,
            "ours edges": ours_from_edges,
            "via networkx": via_networkx,
        },
    )
    print(
        f"grounded 100k/300k from an edge list via a networkx graph: {t['via networkx']:.3f} s, "
        f"{t['via networkx'] / t['ref edges']:.2f}x the reference (building the graph "
        "dominates; no target: use grounded_from_edges)",
        flush=True,
    )
    for what, ours_key, ref_key in (
        ("from a built graph", "ours built", "ref built"),
        ("from an edge list (grounded_from_edges)", "ours edges", "ref edges"),
    ):
        ratio = t[ours_key] / t[ref_key]
        verdict = "ok" if ratio <= 1.5 else "MISSED"
        print(
            f"grounded 100k/300k {what}: ours {t[ours_key]:.3f} s, dict-of-lists "
            f"{t[ref_key]:.3f} s, ratio {ratio:.2f} (target <= 1.5) {verdict}",
            flush=True,
        )


def bench_sat() -> None:
    cases: list[tuple[str, nx.DiGraph[str]]] = [
        ("random 3000/6000", random_framework(3000, 6000, seed=2)),
        ("8 clusters of 40", clustered_framework(8, 40, 1.5, seed=3)),
    ]
    for label, af in cases:
        attackers = {v: list(af.predecessors(v)) for v in af}
        for name, ours_fn, direct_fn in (
            ("stable", sem.stable_extensions, direct_stable),
            ("preferred", sem.preferred_extensions, direct_preferred),
        ):
            t_direct, direct = best_of(3, partial(direct_fn, attackers))
            t_ours, ours = best_of(3, partial(ours_fn, af, solver="sat"))
            assert {frozenset(e) for e in direct} == set(ours), (label, name)
            print(
                f"{name} sat, {label} ({len(ours)} extensions): ours {t_ours:.3f} s, "
                f"python-sat direct {t_direct:.3f} s, ratio {t_ours / t_direct:.2f} "
                "(target <= 2)",
                flush=True,
            )


def bench_pyarg() -> None:
    try:
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_preferred_extensions import (
            get_preferred_extensions,
        )
        from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions
    except ImportError:
        print("python-argumentation is not installed: skipping the PyArg comparison", flush=True)
        return
    for n, m in ((12, 24), (16, 32), (20, 30)):
        af = random_framework(n, m, seed=n)
        args = {v: Argument(v) for v in af}
        theirs_af = AbstractArgumentationFramework(
            "bench", list(args.values()), [Defeat(args[u], args[v]) for u, v in af.edges]
        )
        for name, ours_fn, theirs_fn in (
            ("preferred", sem.preferred_extensions, get_preferred_extensions),
            ("stable", sem.stable_extensions, get_stable_extensions),
        ):
            t_theirs, theirs = best_of(1, partial(theirs_fn, theirs_af))
            t_ours, ours = best_of(3, partial(ours_fn, af, solver="backtracking"))
            same = {frozenset(a.name for a in e) for e in theirs} == set(ours)
            print(
                f"{name} backtracking {n}/{m}: ours {t_ours:.4f} s, PyArg {t_theirs:.4f} s, "
                f"ratio {t_ours / t_theirs:.4f}, same results: {same}",
                flush=True,
            )


def _ratios(fn: Callable[..., Any], n: int, degree: float) -> tuple[float, float]:
    """Median and largest backtracking/sat time ratio over 5 random frameworks."""
    ratios = []
    for seed in range(5):
        af = random_framework(n, int(n * degree), seed)
        t_bt, a = best_of(3, partial(fn, af, solver="backtracking"))
        t_sat, b = best_of(3, partial(fn, af, solver="sat"))
        assert a == b
        ratios.append(t_bt / t_sat)
    return statistics.median(ratios), max(ratios)


def bench_crossover() -> None:
    print(
        "crossover, time backtracking / time sat, median (largest) of 5 random frameworks "
        f"(a ratio above 1: SAT is faster; SAT_THRESHOLD = {sem.SAT_THRESHOLD}):",
        flush=True,
    )
    sem.preferred_extensions(random_framework(60, 120, 0), solver="sat")  # import python-sat once
    sizes = (10, 20, 40, 80, 160, 320)
    for name, fn, degrees in (
        ("preferred", sem.preferred_extensions, (1.0, 2.0, 3.0, 4.0)),
        ("stable", sem.stable_extensions, (1.0, 2.0, 4.0)),
    ):
        for degree in degrees:
            cells = []
            for n in sizes:
                if name == "preferred" and degree >= 4 and n > 160:
                    cells.append(f"{n}: (skipped, backtracking takes seconds)")
                    continue
                median, worst = _ratios(fn, n, degree)
                cells.append(f"{n}: {median:.2f} ({worst:.2f})")
            print(f"  {name}, {degree:g} attacks/argument: " + ", ".join(cells), flush=True)


def main() -> int:
    bench_grounded()
    try:
        import pysat  # noqa: F401
    except ImportError:
        print("python-sat is not installed: skipping the SAT measurements", flush=True)
    else:
        bench_sat()
        bench_crossover()
    bench_pyarg()
    return 0


if __name__ == "__main__":
    sys.exit(main())
