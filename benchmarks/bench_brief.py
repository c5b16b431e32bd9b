"""Benchmark: briefs, memos and outlines of the casebook map, in every format.

Target (issue 3): rendering all three templates in all formats is dominated by Graphviz
(the diagram embedded in the HTML documents), not by the templates. The reference is
``argmap.dot.to_svg`` on the same map, measured in the same run.

Prints, for the casebook map (evaluated when argmap.evaluation is there):

* building the template context alone;
* the nine documents without the diagram (templates and context only), cold (first
  render, templates compiled) and warm;
* the nine documents with the diagram (the three HTML ones each call Graphviz);
* one Graphviz drawing, and the share of the total spent in Graphviz.

Run: ``python benchmarks/bench_brief.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import argmap as am
from argmap import brief
from argmap.brief import FORMATS, brief_context, render_brief

TEMPLATES = ("brief", "memo", "outline")
REPEAT = 5


def _time(fn: Callable[[], Any], repeat: int = REPEAT) -> float:
    """Median wall time of ``fn`` in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _all(m: am.ArgumentMap, ev: Any, diagram: bool) -> None:
    for template in TEMPLATES:
        for fmt in FORMATS:
            render_brief(m, ev, template=template, format=fmt, diagram=diagram)


def main() -> int:
    m = am.casebook.load("sanctuary")
    try:
        from argmap.evaluation import evaluate

        ev: Any = evaluate(m)
    except ImportError:  # pragma: no cover - before evaluation.py exists
        ev = None
    print(f"map: {m!r}; evaluation: {'yes' if ev is not None else 'no'}")

    brief._environment.cache_clear()
    start = time.perf_counter()
    _all(m, ev, diagram=False)
    cold = time.perf_counter() - start
    context = _time(lambda: brief_context(m, ev, side="local"))
    warm = _time(lambda: _all(m, ev, diagram=False))
    print(f"context for one document          {context * 1000:8.1f} ms")
    print(f"9 documents, no diagram, cold     {cold * 1000:8.1f} ms  (templates compiled)")
    print(f"9 documents, no diagram, warm     {warm * 1000:8.1f} ms")

    try:
        from argmap.dot import to_svg

        graphviz = _time(lambda: to_svg(m, ev, theme="print", legend=True), repeat=3)
    except (ImportError, am.ArgmapError) as exc:
        print(f"Graphviz reference not available: {exc}")
        return 0
    full = _time(lambda: _all(m, ev, diagram=True), repeat=3)
    in_graphviz = 3 * graphviz  # one diagram per HTML document
    diagrams = max(full - warm, 0.0)
    print(f"one Graphviz drawing (reference)  {graphviz * 1000:8.1f} ms")
    print(f"9 documents with the diagram      {full * 1000:8.1f} ms")
    print(
        f"ratio templates / 3 Graphviz drawings: {warm / in_graphviz:.2f} (target: < 1); "
        f"the diagrams take {diagrams / full:.0%} of the total"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
