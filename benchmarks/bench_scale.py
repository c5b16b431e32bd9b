"""Issue 12: how each stage grows with the size of the map, and references for load.

For generated maps (nested issues, claims from both sides, single and linked premises
with cites, rebuttals, counter-rebuttals, undercutters) of each size, prints the
median time of interleaved runs of every stage, its growth exponent between
consecutive sizes (t ~ n^k), and its peak memory (tracemalloc, in a separate run).
Rounds interleave sizes and stages, so that the machine's load affects all alike:

* ``load``     — parse and validate the YAML file (``argmap.load``);
* ``check``    — ``m.check()``;
* ``evaluate`` — a first ``evaluate(m)`` (compiles the framework: nothing cached);
* ``what-if``  — ``evaluate(m, reject=[p])`` for one premise, after the first evaluate,
  as the what-if widget runs it (the mean over twenty premises spread through the
  map: what a change reaches differs from premise to premise);
* ``to_dot``   — the DOT source with the evaluation (no Graphviz layout);
* ``brief md`` / ``brief html`` — ``render_brief`` without the diagram;
* ``eval pref`` / ``what-if pref`` — a first evaluation and a what-if under preferred
  semantics, after the two answers of every fifth issue are made to attack each other
  (untimed): standoffs that grounded semantics leaves undecided, so that preferred
  semantics has parts to solve (and 2**k extensions to count, never list).

References in the same run, on the same file: the libyaml event stream argmap's
loader consumes (``yaml.parse`` with the C loader) and ``json.loads`` of the same
map as JSON.

Targets (issue 12): growth exponent <= 1.15 from the second-largest to the largest
size for load, check, evaluate, what-if and briefs; what-if <= 0.2x evaluate at
10k statements and above; evaluate <= 1x load at the largest size.
``--freeze`` calls ``gc.freeze()`` after every load, to measure what the cyclic
garbage collector costs the later stages.

Run: ``python benchmarks/bench_scale.py`` (sizes 1000, 4000, 10000; about two
minutes) or ``python benchmarks/bench_scale.py --sizes 1000,10000,50000`` (slow on a
busy machine). ``--repeat N`` sets the interleaved runs per stage (default 3);
``--stages evaluate,what-if`` times only those (running the stages they need).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

from _common import scaled_map

from argmap import ArgumentMap, evaluate
from argmap import evaluation as _evaluation
from argmap.brief import render_brief
from argmap.dot import to_dot
from argmap.formats.native import dumps, load

STAGES = (
    "load",
    "check",
    "evaluate",
    "what-if",
    "to_dot",
    "brief md",
    "brief html",
    "eval pref",
    "what-if pref",
)
REFS = ("yaml events", "json.loads")
#: what each stage needs run before it (in the same round)
NEEDS: dict[str, tuple[str, ...]] = {
    "check": ("load",),
    "evaluate": ("load",),
    "what-if": ("evaluate",),
    "to_dot": ("evaluate",),
    "brief md": ("evaluate",),
    "brief html": ("evaluate",),
    "eval pref": ("load",),
    "what-if pref": ("evaluate", "eval pref"),
}
GROWTH_TARGET = 1.15
GROWTH_STAGES = ("load", "check", "evaluate", "what-if", "brief md", "brief html")


def stages(
    path: Path, text_json: str, freeze: bool
) -> tuple[Callable[[str], None], dict[str, Callable[[], Any]]]:
    """The untimed set-up of a stage, and every stage and reference as a thunk; state
    from one stage feeds the next."""
    state: dict[str, Any] = {}
    yaml_text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def do_load() -> None:
        state["m"] = load(path)
        if freeze:  # move the loaded map out of the collector's way
            gc.freeze()

    def do_check() -> None:
        state["m"].check()

    def do_evaluate() -> None:
        state["ev"] = evaluate(state["m"])
        premises = [s.id for s in state["m"].premises]
        state["picks"] = [premises[len(premises) * k // 20] for k in range(20)]

    def do_whatif() -> float:
        for p in state["picks"]:
            evaluate(state["m"], reject=[p])
        return len(state["picks"])  # the time is per what-if

    def do_dot() -> None:
        to_dot(state["m"], state["ev"]).source  # noqa: B018 - builds the text

    def do_md() -> None:
        render_brief(state["m"], state["ev"], format="md", diagram=False)

    def do_html() -> None:
        render_brief(state["m"], state["ev"], format="html", diagram=False)

    def do_eval_pref() -> None:
        evaluate(state["m"], semantics="preferred")

    def do_whatif_pref() -> float:
        for p in state["picks"]:
            evaluate(state["m"], semantics="preferred", reject=[p])
        return len(state["picks"])

    def do_events() -> None:
        for _ in yaml.parse(yaml_text, Loader=loader):
            pass

    def do_json() -> None:
        json.loads(text_json)

    def before(name: str) -> None:
        """Untimed set-up of a stage: free what the last round left, so that no stage
        is charged for tearing down another's objects."""
        if name == "load":
            state.clear()
            gc.unfreeze()
        elif name == "evaluate":
            _evaluation._CACHE.clear()  # a first evaluation: nothing compiled yet
            state.pop("ev", None)
        elif name == "eval pref":
            standoffs(state["m"])  # changes the map: nothing compiled for it yet
        gc.collect()

    return before, {
        "load": do_load,
        "check": do_check,
        "evaluate": do_evaluate,
        "what-if": do_whatif,
        "to_dot": do_dot,
        "brief md": do_md,
        "brief html": do_html,
        "eval pref": do_eval_pref,
        "what-if pref": do_whatif_pref,
        "yaml events": do_events,
        "json.loads": do_json,
    }


def standoffs(m: ArgumentMap) -> None:
    """Make the first federal and the first local answer of every fifth issue attack
    each other (where they do not yet): undecided under grounded semantics."""
    for issue in m.issues[::5]:
        sides: dict[str | None, str] = {}
        for c in m.answers(issue):
            sides.setdefault(c.party, c.id)
        if len(sides) == 2:
            a, b = sides.values()
            m.attack(a, b)
            m.attack(b, a)


def prepare(n: int, tmp: Path) -> tuple[Path, str]:
    """Write the map of ``n`` statements as YAML; return the path and its JSON text."""
    m = scaled_map(n)
    path = tmp / f"map{n}.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    return path, dumps(m, format="json")


def needed(chosen: list[str]) -> set[str]:
    """The stages and references ``chosen`` with every stage they need."""
    out: set[str] = set()
    todo = list(chosen)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(NEEDS.get(name, ()))
    return out


def measure(
    sizes: list[int], repeat: int, tmp: Path, freeze: bool, only: set[str] | None = None
) -> dict[int, tuple[dict[str, float], dict[str, float]]]:
    """Median seconds and peak MiB of every stage (or those in ``only``) at every size.

    Rounds interleave sizes and stages (every stage of every size once per round),
    so that a change in the machine's load lands on all of them alike.
    """
    inputs = {n: prepare(n, tmp) for n in sizes}
    times: dict[int, dict[str, list[float]]] = {}
    for _ in range(repeat):
        for n in sizes:
            before, thunks = stages(*inputs[n], freeze)
            for name, fn in thunks.items():
                if only is not None and name not in only:
                    continue
                before(name)
                start = time.perf_counter()
                runs = fn()
                elapsed = time.perf_counter() - start
                per = runs if isinstance(runs, int | float) and runs > 0 else 1
                times.setdefault(n, {}).setdefault(name, []).append(elapsed / per)
            del thunks
            gc.unfreeze()
    out: dict[int, tuple[dict[str, float], dict[str, float]]] = {}
    for n in sizes:
        before, thunks = stages(*inputs[n], freeze)
        peaks: dict[str, float] = {}
        for name, fn in thunks.items():
            if only is not None and name not in only:
                continue
            before(name)
            tracemalloc.start()
            fn()
            peaks[name] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        del thunks
        gc.unfreeze()
        out[n] = ({k: statistics.median(v) for k, v in times[n].items()}, peaks)
        print(f"measured {n} statements", flush=True)
    return out


def exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    """k in t ~ n^k between two sizes."""
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,10000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs per stage")
    parser.add_argument(
        "--freeze", action="store_true", help="gc.freeze() after each load (measures the collector)"
    )
    parser.add_argument(
        "--stages",
        help="comma-separated stages and references to time (with the stages they need); "
        f"default all: {', '.join((*STAGES, *REFS))}",
    )
    args = parser.parse_args(argv)
    only = None
    if args.stages:
        chosen = [s.strip() for s in args.stages.split(",") if s.strip()]
        unknown = [s for s in chosen if s not in (*STAGES, *REFS)]
        if unknown:
            parser.error(f"unknown stage {unknown[0]!r}")
        only = needed(chosen)
    warnings.simplefilter("ignore")  # the large-map advice of to_dot
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(sizes, args.repeat, Path(tmp), args.freeze, only)
    names = [n for n in (*STAGES, *REFS) if only is None or n in only]
    head = "stage".ljust(12) + "".join(f"{n:>12}" for n in sizes)
    growth_heads = [f"k {a}->{b}" for a, b in itertools.pairwise(sizes)]
    print(head + "".join(f"{g:>16}" for g in growth_heads) + f"{'peak MiB':>12}")
    for name in names:
        row = name.ljust(12) + "".join(f"{results[n][0][name] * 1000:>10.0f}ms" for n in sizes)
        for a, b in itertools.pairwise(sizes):
            row += f"{exponent(a, results[a][0][name], b, results[b][0][name]):>16.2f}"
        row += f"{results[sizes[-1]][1][name]:>12.1f}"
        print(row)
    failed = 0
    timed = results[sizes[-1]][0]

    def verdict(line: str, value: float, target: float) -> None:
        nonlocal failed
        ok = value <= target
        failed += not ok
        print(f"{line} (target <= {target}) {'ok' if ok else 'MISSED'}")

    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        for name in (g for g in GROWTH_STAGES if g in timed):
            k = exponent(a, results[a][0][name], b, results[b][0][name])
            verdict(f"growth {name} {a}->{b}: n^{k:.2f}", k, GROWTH_TARGET)
    big = [n for n in sizes if n >= 10_000] or sizes[-1:]
    for whatif, first, label in (
        ("what-if", "evaluate", ""),
        ("what-if pref", "eval pref", ", preferred,"),
    ):
        if whatif in timed and first in timed:
            for n in big:
                ratio = results[n][0][whatif] / results[n][0][first]
                verdict(f"what-if / evaluate{label} at {n}: {ratio:.3f}", ratio, 0.2)
    t = timed
    if "evaluate" in t and "load" in t:
        ratio = t["evaluate"] / t["load"]
        verdict(f"evaluate / load at {sizes[-1]}: {ratio:.2f}", ratio, 1.0)
    if {"load", "yaml events", "json.loads"} <= t.keys():
        print(
            f"load / yaml events at {sizes[-1]}: {t['load'] / t['yaml events']:.2f}; "
            f"load / json.loads: {t['load'] / t['json.loads']:.1f} (references, no target)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
