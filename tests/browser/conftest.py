"""Browser tests: skipped cleanly when Chromium is not installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .cdp import Browser, chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    exe = chromium()
    if exe is None:
        pytest.skip("needs Chromium (apt-get install chromium)")
    b = Browser(exe)
    try:
        yield b
    finally:
        b.close()
