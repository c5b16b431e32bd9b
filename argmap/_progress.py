"""Progress on a terminal for commands that can run for a while (tqdm, imported lazily).

A bar appears only when the stream (standard error by default) is a terminal, and
only once the work has taken longer than ``delay`` seconds, so quick commands,
pipes, files and CI logs never see one. ``ARGMAP_PROGRESS=0`` turns bars off,
``ARGMAP_PROGRESS=1`` forces them on even when the stream is not a terminal.
This is the one module that imports tqdm.

Example:
    >>> import io
    >>> list(track(range(3), desc="statements", stream=io.StringIO()))  # not a TTY: no bar
    [0, 1, 2]
    >>> with steps(["load", "evaluate"], desc="eval", stream=io.StringIO()) as step:
    ...     step("load"); step("evaluate")
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO, TypeVar

__all__ = ["enabled", "steps", "track"]

T = TypeVar("T")

#: Seconds of work before a bar appears (quick commands never show one).
DELAY = 1.0


def enabled(stream: TextIO | None = None) -> bool:
    """Whether progress bars are drawn on ``stream`` (standard error by default).

    Example:
        >>> import io
        >>> enabled(io.StringIO())
        False
    """
    setting = os.environ.get("ARGMAP_PROGRESS", "").strip().lower()
    if setting in ("0", "no", "off", "false"):
        return False
    if setting in ("1", "yes", "on", "true"):
        return True
    out = sys.stderr if stream is None else stream
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def track(
    items: Iterable[T],
    *,
    desc: str,
    total: int | None = None,
    stream: TextIO | None = None,
    delay: float | None = None,
) -> Iterator[T]:
    """Yield ``items``, with a bar on a terminal once it takes over ``delay`` seconds
    (default :data:`DELAY`).

    Example:
        >>> import io
        >>> sum(track([1, 2, 3], desc="adding", stream=io.StringIO()))
        6
    """
    out = sys.stderr if stream is None else stream
    if not enabled(out):
        yield from items
        return
    from tqdm import tqdm

    wait = DELAY if delay is None else delay
    bar = tqdm(items, desc=desc, total=total, file=out, delay=wait, leave=False, unit="")
    try:
        yield from bar
    finally:
        bar.close()


@contextlib.contextmanager
def steps(
    names: Sequence[str],
    *,
    desc: str,
    stream: TextIO | None = None,
    delay: float | None = None,
) -> Iterator[Callable[[str], None]]:
    """A bar over the named steps of a command; call the function given at each step.

    Example:
        >>> import io
        >>> with steps(["read", "draw"], desc="render", stream=io.StringIO()) as step:
        ...     step("read"); step("draw")
    """
    out = sys.stderr if stream is None else stream
    if not enabled(out):
        yield lambda name: None
        return
    from tqdm import tqdm

    wait = DELAY if delay is None else delay
    # A handful of steps: draw each one (mininterval=0) rather than every 0.1 s.
    bar = tqdm(
        total=len(names), desc=desc, file=out, delay=wait, leave=False, unit="step", mininterval=0
    )
    done = 0

    def step(name: str) -> None:
        nonlocal done
        # Show what runs now; count the steps before it as done.
        position = names.index(name) if name in names else done
        bar.set_postfix_str(name, refresh=False)
        bar.update(position - done)
        done = position

    try:
        yield step
    finally:
        bar.update(len(names) - done)
        bar.close()
