"""Fixtures of the attack corpus: each module's cases run once, in parallel."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.attack._harness import Outcome, run_all


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Outcome]:
    """Every runnable case of the requesting module, run in its own folder."""
    cases = request.module.CASES
    base: Path = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    return run_all(cases, base)
