"""Python's cycle collector paused around bulk work: one switch for core and the CLI.

Kept apart from ``core.store.writer`` (which re-exports it) so that ``kolabik leaderboard``, which
never loads SQLAlchemy, can use it too.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the span of a bulk load (reentrant, any thread).

    A bulk load allocates hundreds of thousands of small objects while as many live ones (the
    parsed package or workbook, the cells, a national event's scores and ranking) stay
    reachable: the collector's full scans of them cost a 10,000-score import about a fifth of its
    CPU time, and `kolabik leaderboard` on a national event about 7 %, and free nothing (no
    cycles are made). Collection resumes, as it was, when the last holder leaves."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()
