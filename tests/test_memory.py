"""Bulk steps on a map leave no reference cycles behind, and pause the collector safely.

argmap pauses the cyclic garbage collector while it loads, checks, evaluates and
draws a map (:mod:`argmap._nogc`), because at tens of thousands of statements the
full collections those steps trigger cost more than the steps. That is only sound
while the steps make no reference cycles: garbage in a cycle waits for the next
collection instead of being freed at once. These tests hold each step to that.
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap import casebook, evaluate
from argmap._nogc import no_gc
from argmap.dot import to_dot
from argmap.evaluation import _CACHE
from argmap.formats.native import dump, load
from argmap.model import Inference


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cycles")
    m = casebook.load("sanctuary")
    out = {}
    for suffix in ("yaml", "json"):
        out[suffix] = folder / f"casebook.{suffix}"
        dump(m, out[suffix])
    return out


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:  # pragma: no cover - pytest runs with the collector on
        gc.disable()


def cyclic_garbage(step: Callable[[], Any]) -> int:
    """Objects ``step`` left unreachable but in cycles (a warm-up call first, so
    that imports, caches and compiled templates are not counted)."""
    step()
    gc.collect()
    gc.disable()
    try:
        step()
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_loading_leaves_no_cycles(files: dict[str, Path], suffix: str, collector_on: None) -> None:
    # the reader once held its did-you-mean helpers by closures over itself, which
    # kept the whole parsed tree alive until the next collection
    assert cyclic_garbage(lambda: load(files[suffix])) == 0


def test_checking_evaluating_and_drawing_leave_no_cycles(
    files: dict[str, Path], collector_on: None
) -> None:
    m = load(files["yaml"])
    some = m.premises[0].id
    ev = evaluate(m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        steps: dict[str, Callable[[], Any]] = {
            "check": m.check,
            "evaluate": lambda: (_CACHE.clear(), evaluate(m)),  # compiles afresh
            "what-if": lambda: evaluate(m, reject=[some]),
            "to_dot": lambda: to_dot(m, ev).source,
        }
        left = {name: cyclic_garbage(step) for name, step in steps.items()}
    assert left == dict.fromkeys(steps, 0)


def test_the_pause_nests_and_restores_the_collector(collector_on: None) -> None:
    with no_gc():
        assert not gc.isenabled()
        with no_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not end the outer one
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), no_gc():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_program_that_turned_the_collector_off_keeps_it_off(collector_on: None) -> None:
    gc.disable()
    try:
        with no_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bulk_steps_return_with_the_collector_on(
    files: dict[str, Path], collector_on: None
) -> None:
    m = load(files["json"])
    assert gc.isenabled()
    m.check()
    evaluate(m)
    assert gc.isenabled()


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_a_loaded_map_refers_to_statements_by_their_own_id_strings(
    files: dict[str, Path], kind: str
) -> None:
    """Every relation's premises, conclusion, attacker and target are the very string
    objects the map is keyed by, so each lookup by them compares identities (at
    50,000 statements, check ran about 7% faster than with copies)."""
    m = load(files[kind])
    keys = {k: k for k in [*m.statements, *m.relations]}
    ends = [
        (*r.sources, r.conclusion if isinstance(r, Inference) else r.target)
        for r in m.relations.values()
    ]
    assert ends and all(keys[e] is e for refs in ends for e in refs)
