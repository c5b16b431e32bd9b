"""Issue 12 §3: preferred and stable enumeration on ICCMA-style random frameworks.

Three solvers on the same frameworks, medians of interleaved runs (at least
``--repeat``, more for instances that take milliseconds), geometric means over
seeds; every solver must find the same extensions:

* ``argmap`` — ``preferred_extensions`` / ``stable_extensions`` with ``solver="sat"``
  from a built networkx graph;
* ``pysat-1var`` — python-sat called directly with the one-variable-per-argument
  encodings (admissible + the PrefSAT maximisation loop; stable), no preprocessing;
* ``clingo`` — ASPARTIX-style answer-set programs written here, run with clingo's
  Python API (preferred: subset-maximal admissible sets by domain heuristics,
  ``--heuristic=Domain --enum-mode=domRec``). clingo is a benchmark-only
  dependency (``pip install 'argmap[bench]'``); without it, that column is skipped.

Frameworks as in ICCMA 2023's random track: ``n`` arguments, each ordered pair an
attack with probability ``p`` (self-attacks included).

Target (issue 12): argmap <= 1.0x clingo at n = 200, p = .05-.15, in the same run.

Run: ``python benchmarks/bench_iccma.py`` (quick set) or ``--full`` (adds the
n = 200, p = .15 instances, which take tens of seconds each).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import networkx as nx

from argmap import semantics as sem
from argmap.semantics._sat import SAT_SOLVER

ADMISSIBLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
#show in/1.
"""
PREFERRED = ADMISSIBLE + "#heuristic in(X) : arg(X). [1,true]\n"
STABLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
#show in/1.
"""


def iccma_random(n: int, p: float, seed: int) -> list[tuple[int, int]]:
    """Attacks of a random framework on arguments 1..n, each pair with probability p."""
    rng = random.Random(seed)
    return [(a, b) for a in range(1, n + 1) for b in range(1, n + 1) if rng.random() < p]


def clingo_solve(
    program: str, n: int, attacks: list[tuple[int, int]], preferred: bool
) -> set[frozenset[int]]:
    import clingo

    args = ["0", "--heuristic=Domain", "--enum-mode=domRec"] if preferred else ["0"]
    ctl = clingo.Control(args)
    facts = "".join(f"arg({a})." for a in range(1, n + 1))
    facts += "".join(f"att({a},{b})." for a, b in attacks)
    ctl.add("base", [], program + facts)
    ctl.ground([("base", [])])
    found: set[frozenset[int]] = set()

    def on_model(model: Any) -> None:
        found.add(frozenset(s.arguments[0].number for s in model.symbols(shown=True)))

    ctl.solve(on_model=on_model)
    return found


def pysat_stable(n: int, attackers: list[list[int]]) -> set[frozenset[int]]:
    from pysat.solvers import Solver

    clauses = []
    for x in range(1, n + 1):
        clauses += [[-x, -y] for y in attackers[x]]
        clauses.append([x, *attackers[x]])
    found: set[frozenset[int]] = set()
    with Solver(name=SAT_SOLVER, bootstrap_with=clauses) as s:
        while s.solve():
            ins = frozenset(v for v in s.get_model()[:n] if v > 0)
            found.add(ins)
            block = [x for x in range(1, n + 1) if x not in ins]
            if not block:
                break
            s.add_clause(block)
    return found


def pysat_preferred(n: int, attackers: list[list[int]]) -> set[frozenset[int]]:
    from pysat.solvers import Solver

    clauses = []
    for x in range(1, n + 1):
        clauses += [[-x, -y] for y in attackers[x]]
        clauses += [[-x, *attackers[y]] for y in attackers[x]]
    found: set[frozenset[int]] = set()
    top = n
    with Solver(name=SAT_SOLVER, bootstrap_with=clauses) as s:
        while s.solve():
            ins = [v for v in s.get_model()[:n] if v > 0]
            while True:
                outside = [x for x in range(1, n + 1) if x not in set(ins)]
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
            found.add(frozenset(ins))
            outside = [x for x in range(1, n + 1) if x not in set(ins)]
            if not outside:
                break
            s.add_clause(outside)
    return found


def geomean(values: list[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="add the n=200, p=.15 instances")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs per solver")
    parser.add_argument("--seeds", type=int, default=2, help="frameworks per row")
    args = parser.parse_args(argv)
    try:
        import pysat  # noqa: F401
    except ImportError:
        print("python-sat is not installed: skipping (pip install 'argmap[sat]')")
        return 0
    try:
        import clingo  # noqa: F401

        have_clingo = True
    except ImportError:
        have_clingo = False
        print("clingo is not installed: its column is skipped (pip install 'argmap[bench]')")
    rows = [("preferred", 100, 0.15), ("preferred", 200, 0.05), ("stable", 200, 0.10)]
    if args.full:
        rows += [("preferred", 200, 0.15), ("stable", 200, 0.15)]
    failed = 0
    print(
        f"{'semantics':<10}{'n':>5}{'p':>6}  {'argmap':>9} {'pysat-1var':>11} {'clingo':>9}  ratio"
    )
    for semantics, n, p in rows:
        per: dict[str, list[float]] = {"argmap": [], "pysat-1var": [], "clingo": []}
        for seed in range(args.seeds):
            attacks = iccma_random(n, p, seed)
            af: nx.DiGraph[int] = nx.DiGraph()
            af.add_nodes_from(range(1, n + 1))
            af.add_edges_from(attacks)
            attackers: list[list[int]] = [[] for _ in range(n + 1)]
            for a, b in attacks:
                attackers[b].append(a)
            preferred = semantics == "preferred"
            fns: dict[str, Callable[[], set[frozenset[int]]]] = {
                "argmap": lambda af=af, preferred=preferred: set(
                    (sem.preferred_extensions if preferred else sem.stable_extensions)(
                        af, solver="sat"
                    )
                ),
                "pysat-1var": lambda attackers=attackers, preferred=preferred, n=n: (
                    pysat_preferred if preferred else pysat_stable
                )(n, attackers),
            }
            if have_clingo:
                fns["clingo"] = lambda attacks=attacks, preferred=preferred, n=n: clingo_solve(
                    PREFERRED if preferred else STABLE, n, attacks, preferred
                )
            times: dict[str, list[float]] = {k: [] for k in fns}
            answers: dict[str, set[frozenset[int]]] = {}
            # at least --repeat rounds, more for quick instances (until every solver has
            # run half a second, at most 25 rounds): a 10 ms median of 3 is mostly noise
            rounds = 0
            while rounds < args.repeat or (
                rounds < 25 and min(sum(t) for t in times.values()) < 0.5
            ):
                rounds += 1
                for name, fn in fns.items():
                    start = time.perf_counter()
                    answers[name] = fn()
                    times[name].append(time.perf_counter() - start)
            reference = answers["argmap"]
            for name, got in answers.items():
                assert got == reference, f"{name} disagrees on {semantics} n={n} p={p} seed={seed}"
            for name, t in times.items():
                per[name].append(statistics.median(t))
        g = {k: geomean(v) for k, v in per.items() if v}
        ratio = g["argmap"] / g["clingo"] if "clingo" in g else float("nan")
        verdict = "" if "clingo" not in g else ("ok" if ratio <= 1.0 else "MISSED")
        failed += verdict == "MISSED"
        clingo_cell = f"{g['clingo']:>8.3f}s" if "clingo" in g else f"{'-':>9}"
        print(
            f"{semantics:<10}{n:>5}{p:>6}  {g['argmap']:>8.3f}s {g['pysat-1var']:>10.3f}s "
            f"{clingo_cell}  {ratio:.2f} (target <= 1.0) {verdict} [{len(reference)} ext]",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
