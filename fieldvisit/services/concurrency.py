"""Use cases that run again when another writer got in the way.

A use case writes in one unit of work; when the database reports that another writer got in
the way (``ConcurrentWriteError``: locked for too long, a record changed or inserted by someone
else between reading and writing), nothing was written, so the whole use case runs again and
reads afresh. A use case given the version its caller read then refuses cleanly
(StaleEditError) if the record did change; one without simply applies to the new state. After
``ATTEMPTS`` the error is reported: one line, nothing half-written.

Only for use cases that change nothing but the database (not photo files).
"""

from __future__ import annotations

import functools
import random
import threading
import time
from typing import Callable, ParamSpec, TypeVar

from fieldvisit.domain.errors import ConcurrentWriteError

P = ParamSpec("P")
T = TypeVar("T")

ATTEMPTS = 6
PAUSE = 0.01
"""Seconds before the second attempt, doubling for each further one (with jitter)."""

_running = threading.local()


def retried(function: Callable[P, T]) -> Callable[P, T]:
    """``function`` run again on ConcurrentWriteError, up to ATTEMPTS times in all. Nested
    retried use cases retry only as a whole: the outermost one."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if getattr(_running, "active", False):
            return function(*args, **kwargs)
        _running.active = True
        try:
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    return function(*args, **kwargs)
                except ConcurrentWriteError:
                    if attempt == ATTEMPTS:
                        raise
                    time.sleep(random.uniform(0.5, 1.5) * PAUSE * 2 ** (attempt - 1))
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            _running.active = False

    return run
