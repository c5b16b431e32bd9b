"""Diagram speed: building DOT against laying it out with Graphviz, in the same run.

Targets (issue 5):

* building the DOT source of a 1,000-statement map takes at most 0.2x the time
  ``dot -Tsvg`` needs to lay it out;
* ``to_dot`` on a 10,000-statement map takes well under a second;
* above about 2,000 nodes the cheaper layout settings switch on by themselves
  (``--large`` also times ``dot`` at 5,000 nodes with and without them);
* rendering a 10,000-statement map to SVG (each issue laid out on its own and the
  drawings packed into one picture) takes at most 5x the time of a 1,000-statement
  map drawn as one graph (issue 12): wall-clock time, best of 3, the same run.

Run: ``python benchmarks/bench_dot.py [--large]``.
"""

from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.dot import LargeMapWarning, render, to_dot
from argmap.graph import ArgumentMap

SENTENCE = (
    "the federal government may not commandeer state officers to enforce a regulatory "
    "program but it may attach clear conditions to grants that relate to the funded "
    "program and do not coerce the states"
)
WORDS = SENTENCE.split(" ")


def synthetic(n: int, seed: int = 5) -> ArgumentMap:
    """A map shaped like a casebook: issues, claims, reasons, attacks and replies."""
    rng = random.Random(seed)
    m = ArgumentMap(
        f"Synthetic map of {n} statements",
        parties={"federal": "United States", "local": "Cities"},
        doctrines={f"d{i}": f"Doctrine {i}" for i in range(8)},
    )
    for i in range(20):
        name = f"Party{i} v. Other"
        m.authority(f"a{i}", "case", name, f"{name}, {i + 1} U.S. 1 (1990)", verified=i % 5 != 0)

    def text() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."

    def extras() -> dict[str, object]:
        cites = [f"a{rng.randrange(20)}@{rng.randint(100, 999)}"] if rng.random() < 0.6 else []
        return {"doctrines": [f"d{rng.randrange(8)}"], "cites": cites}

    sides = ["federal", "local"]
    statements = []
    while len(m) < n:
        q = m.issue(text())
        for side in sides:
            if len(m) >= n:
                break
            c = m.claim(text(), party=side, answers=q, **extras())
            statements.append(c)
            for _ in range(rng.randint(2, 5)):
                if len(m) >= n:
                    break
                target = rng.choice(statements[-6:])
                roll = rng.random()
                if roll < 0.5:
                    s = m.premise(text(), supports=target, party=target.party, **extras())
                elif roll < 0.85:
                    other = sides[1 - sides.index(target.party or "federal")]
                    s = m.rebuttal(text(), attacks=target, party=other, **extras())
                else:
                    rel = rng.choice(m.relations_to(target) or m.relations_from(target) or [None])
                    if rel is None:
                        continue
                    s = m.undercutter(text(), undercuts=rel.id, party=target.party, **extras())
                statements.append(s)
    return m


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The best of ``runs`` CPU times of ``fn`` (CPU time, so other work on the
    machine disturbs the ratios less than wall-clock time would)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def layout_time(source: str, *extra: str) -> float:
    """CPU time ``dot -Tsvg`` takes to lay out and draw ``source``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["dot", "-Tsvg", *extra], input=source.encode(), capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def render_time(m: ArgumentMap) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and its Graphviz children) of
    ``render(m, "x.svg")``."""
    with tempfile.TemporaryDirectory() as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, wall = time.process_time(), time.perf_counter()
        render(m, Path(folder) / "x.svg")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu + children


def render_ratio() -> None:
    """Issue 12: the 10k map rendered to SVG against the 1k map, in the same run."""
    small, large = synthetic(1000), synthetic(10_000)
    best: dict[int, tuple[float, float]] = {}
    for n, m in ((1000, small), (10_000, large)):
        runs = [render_time(m) for _ in range(3)]
        best[n] = (min(w for w, _ in runs), min(c for _, c in runs))
    (wall1, cpu1), (wall10, cpu10) = best[1000], best[10_000]
    ratio = wall10 / wall1
    verdict = "ok" if ratio <= 5 else "MISSED"
    print(
        f"render to SVG, 10,000 vs 1,000 statements: {wall10:.2f} s vs {wall1:.2f} s "
        f"wall-clock, ratio {ratio:.2f} (target <= 5) {verdict}; CPU with Graphviz "
        f"{cpu10:.2f} s vs {cpu1:.2f} s, ratio {cpu10 / cpu1:.2f}",
        flush=True,
    )


def main() -> int:
    large = "--large" in sys.argv
    warnings.simplefilter("ignore", LargeMapWarning)
    has_dot = shutil.which("dot") is not None
    print("CPU seconds, best of 3 for to_dot")
    print(f"{'statements':>10} {'nodes':>6} {'to_dot':>8} {'dot -Tsvg':>10} {'ratio':>7}")
    results: dict[int, tuple[float, float | None]] = {}
    for n in (100, 1000, 2000, 10_000):
        m = synthetic(n)
        build = best_of(3, lambda m=m: to_dot(m).source)
        source = to_dot(m).source
        nodes = source.count(" [label=")
        lay = layout_time(source) if has_dot and n <= 2000 else None
        results[n] = (build, lay)
        ratio = f"{build / lay:7.3f}" if lay else "      -"
        lay_s = f"{lay:9.2f}s" if lay else "         -"
        print(f"{n:>10} {nodes:>6} {build:7.3f}s {lay_s} {ratio}")
    build, lay = results[1000]
    if lay:
        verdict = "meets" if build <= 0.2 * lay else "MISSES"
        ratio = build / lay
        print(f"1,000 statements: building DOT takes {ratio:.2f}x the layout time: {verdict}")
    build10k = results[10_000][0]
    print(f"10,000 statements: to_dot in {build10k:.2f} s (target: well under 1 s)")
    if has_dot:
        render_ratio()
    if large and has_dot:
        m = synthetic(5000)
        for clusters in (True, False):
            full = to_dot(m, layout="full", clusters=clusters).source
            fast = to_dot(m, layout="fast", clusters=clusters).source
            t_full, t_fast = layout_time(full), layout_time(fast)
            print(
                f"5,000 statements ({'with' if clusters else 'without'} doctrine clusters): "
                f"dot -Tsvg {t_full:.1f} s with full settings, {t_fast:.1f} s with the fast "
                f"ones ({t_fast / t_full:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
