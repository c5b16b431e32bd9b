"""Benchmark: the teaching instruments on the casebook map (issue 14).

Targets (issue 14): the explorable page of the casebook under 2 MB and exported in
under 10 s; a widget re-evaluation (one click) "instant". References measured in the
same run: one ``evaluate`` of the map and one ``to_svg`` drawing, since the page is
214 what-ifs plus 11 drawings and a click is one evaluation plus one drawing.

Run: ``python benchmarks/bench_teach.py``.
"""

from __future__ import annotations

import time

from _common import median_of

import argmap as am
from argmap.explore import Session, to_html
from argmap.teach import grade, questions


def main() -> int:
    m = am.casebook.load("sanctuary")
    ev = am.evaluate(m)
    one_eval = median_of(lambda: am.evaluate(m))
    one_svg = median_of(lambda: am.to_svg(m, ev), repeat=3)
    print(f"map: {m!r}")
    print(f"reference: evaluate {one_eval * 1e3:.1f} ms, to_svg (whole map) {one_svg:.2f} s")

    start = time.perf_counter()
    page = to_html(m, ev)
    took = time.perf_counter() - start
    size = len(page.encode("utf-8"))
    verdict = "ok" if size < 2e6 and took < 10 else "MISSED"
    print(
        f"html page: {size / 1e6:.2f} MB in {took:.2f} s "
        f"(targets < 2 MB, < 10 s; {took / one_eval:.0f}x one evaluate) {verdict}"
    )

    session = Session(m, view={"doctrines": ["spending"]})

    def click() -> None:
        session.click("C1.1")
        ev = session.evaluation
        session.svg(ev)
        session.panel(ev)

    per_click = median_of(click, repeat=6)
    print(
        f"widget click (evaluate with and without marks, diff, spending view SVG): {per_click * 1e3:.0f} ms"
    )
    print(f"questions(n=10): {median_of(lambda: questions(m, n=10), repeat=3):.2f} s")
    print(f"grade(m, m): {median_of(lambda: grade(m, m), repeat=3):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
