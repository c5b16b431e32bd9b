"""Helpers shared by the benchmark scripts: timing and a generated map."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from argmap import ArgumentMap


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed measurement)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """The median of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, ref: float, ref_name: str, target: float) -> None:
    """Print one line: our time, the reference's, the ratio and the target."""
    ratio = ours / ref if ref else float("inf")
    verdict = "ok" if ratio <= target else "MISSED"
    print(
        f"{name}: ours {ours:.3f} s, {ref_name} {ref:.3f} s, ratio {ratio:.2f} "
        f"(target <= {target}) {verdict}",
        flush=True,
    )


def generated_map(n: int, seed: int = 1) -> ArgumentMap:
    """A tree-shaped map of ``n`` statements, like a large casebook."""
    rnd = random.Random(seed)
    m = ArgumentMap(
        f"Generated map of {n} statements",
        parties={"federal": "United States", "local": "Sanctuary jurisdictions"},
        doctrines={"spending": "Spending Clause", "10A": "Tenth Amendment"},
    )
    m.authority(
        "printz",
        "case",
        "Printz v. United States",
        "Printz v. United States, 521 U.S. 898 (1997)",
        year=1997,
    )
    m.authority("dole", "case", "South Dakota v. Dole", "South Dakota v. Dole, 483 U.S. 203 (1987)")
    words = [
        "federal",
        "local",
        "grant",
        "condition",
        "detainer",
        "statute",
        "Congress",
        "spending",
        "clause",
        "court",
        "officer",
        "probable",
        "cause",
        "warrant",
        "notice",
        "access",
        "immigration",
    ]

    def text() -> str:
        return " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 16))).capitalize() + "."

    issues = [m.issue(text(), standard="preponderance") for _ in range(max(1, n // 200))]
    stmts = []
    while len(m) < n:
        party = rnd.choice(["federal", "local"])
        doctrines = [rnd.choice(["spending", "10A"])]
        kind = rnd.random()
        if not stmts or kind < 0.15:
            s = m.claim(
                text(),
                party=party,
                answers=rnd.choice(issues),
                doctrines=doctrines,
                cites=[rnd.choice(["printz@913", "dole"])],
            )
        elif kind < 0.6:
            s = m.premise(
                text(),
                supports=rnd.choice(stmts),
                party=party,
                doctrines=doctrines,
                cites=["dole@211"],
            )
        elif kind < 0.9:
            s = m.rebuttal(text(), attacks=rnd.choice(stmts), party=party, doctrines=doctrines)
        else:
            s = m.undercutter(
                text(),
                undercuts=rnd.choice(list(m.relations) or [stmts[0].id]),
                party=party,
                doctrines=doctrines,
            )
        stmts.append(s)
    return m
