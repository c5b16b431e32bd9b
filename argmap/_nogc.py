"""Pausing the cyclic garbage collector around bulk work on a large map.

Loading, checking, evaluating, drawing and writing a brief for a large map each
allocate hundreds of thousands of small objects that live until the step ends.
Every so often those allocations trigger a full collection, which walks the whole
heap, map included, and finds nothing to free: argmap's bulk steps make no
reference cycles (a test checks that they leave none behind). At 50,000
statements those walks made the steps grow faster than the map
(``benchmarks/bench_scale.py`` measures each step's growth).

Example:
    >>> import gc
    >>> with no_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (or a decorated call).

    The collector is switched back on afterwards only if it was on before, so
    calls nest, and a program that turned it off keeps it off. Reference counting
    still frees everything that is not in a cycle.

    Example:
        >>> import gc
        >>> with no_gc():
        ...     with no_gc():
        ...         pass
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
