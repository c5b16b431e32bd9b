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


def scaled_map(n: int, seed: int = 1) -> ArgumentMap:
    """A map of ``n`` statements shaped like a large casebook, for scaling runs.

    Issues (30% nested under another issue), claims from both sides answering them,
    single and linked premises with cites, rebuttals of claims and premises,
    counter-rebuttals, and undercutters of inferences and of conflicts.
    """
    rnd = random.Random(seed)
    m = ArgumentMap(
        f"Scaled map of {n} statements",
        parties={"federal": "United States", "local": "Sanctuary jurisdictions"},
        doctrines={"spending": "Spending Clause", "10A": "Tenth Amendment"},
    )
    m.authority("printz", "case", "Printz v. United States", "521 U.S. 898", year=1997)
    m.authority("dole", "case", "South Dakota v. Dole", "483 U.S. 203", year=1987)
    words = [
        "federal",
        "local",
        "grant",
        "condition",
        "detainer",
        "statute",
        "Congress",
        "court",
        "officer",
        "notice",
    ]

    def text() -> str:
        return " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 14))).capitalize() + "."

    issues = [m.issue(text(), standard="preponderance")]
    claims: list[Any] = []
    targets: list[Any] = []  # claims and premises
    attackers: list[Any] = []  # rebuttals
    while len(m) < n:
        party = rnd.choice(["federal", "local"])
        doctrines = [rnd.choice(["spending", "10A"])]
        r = rnd.random()
        if r < 0.02 or not claims:
            parent = rnd.choice(issues).id if rnd.random() < 0.3 else None
            issues.append(m.issue(text(), standard="preponderance", parent=parent))
            c = m.claim(text(), party="federal", answers=issues[-1], doctrines=doctrines)
            claims.append(c)
            targets.append(c)
        elif r < 0.12:
            c = m.claim(text(), party=party, answers=rnd.choice(issues), doctrines=doctrines)
            claims.append(c)
            targets.append(c)
        elif r < 0.45:
            p = m.premise(
                text(),
                supports=rnd.choice(targets),
                party=party,
                cites=[rnd.choice(["printz@913", "dole"])],
            )
            targets.append(p)
        elif r < 0.55:
            a = m.premise(text(), party=party, cites=["dole@211"])
            b = m.premise(text(), party=party)
            m.infer([a, b], rnd.choice(claims), scheme="argument-from-statute")
            targets.extend((a, b))
        elif r < 0.8:
            attackers.append(m.rebuttal(text(), attacks=rnd.choice(targets), party=party))
        elif r < 0.9 and attackers:
            attackers.append(m.rebuttal(text(), attacks=rnd.choice(attackers), party=party))
        elif m.relations:
            m.undercutter(text(), undercuts=rnd.choice(list(m.relations)), party=party)
    return m
