"""Slowing down password guessing: after failed sign-ins, the next try waits longer, per name and for everyone.

After the n-th failure in a row for a key, no try for that key is checked for 2^n seconds (at most a minute). The
keys of a try are the name typed, the browser session and address where known, and OVERALL, which every try shares:
OVERALL starts to wait only after a few failures, so one person's typo does not hold up colleagues, while guessing
under many names is slowed down all the same. A key forgets its failures a quarter of an hour after the last one.

`Throttle` keeps the count in this process's memory (tests, the command line); `StoreThrottle` keeps it in the
SQLite store beside the workbook, so it holds across browser sessions, server restarts and processes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from typing import Protocol

from .store import Store

FAIL_DELAY_BASE = 2.0
FAIL_DELAY_CAP = 60.0
OVERALL = "all"  # the key every try shares
OVERALL_FREE_FAILURES = 3  # failures (under any names) before everyone waits
FORGET_AFTER_SECONDS = 15 * 60

log = logging.getLogger(__name__)


def wall_clock() -> float:
    """Seconds since the epoch: the one clock every process shares."""
    return time.time()


def delay_after(key: str, failures: int, *, base: float = FAIL_DELAY_BASE, cap: float = FAIL_DELAY_CAP) -> float:
    """Seconds a key waits after this many failures in a row."""
    if key == OVERALL:
        failures -= OVERALL_FREE_FAILURES
    return 0.0 if failures <= 0 else min(cap, base**failures)


class Throttling(Protocol):
    """What sign-in asks of a throttle."""

    def wait(self, keys: Iterable[str]) -> float: ...
    def failed(self, keys: Iterable[str]) -> float: ...
    def succeeded(self, keys: Iterable[str]) -> None: ...


class Throttle:
    """Failed sign-ins per key, in this process's memory; thread-safe."""

    def __init__(
        self, *, base: float = FAIL_DELAY_BASE, cap: float = FAIL_DELAY_CAP, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._base, self._cap, self._clock = base, cap, clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (failures in a row, time of the last)
        self._until: dict[str, float] = {}

    def wait(self, keys: Iterable[str]) -> float:
        """Seconds before any of these keys may try again (0 when they may try now)."""
        now = self._clock()
        with self._lock:
            return max([self._until.get(key, now) - now for key in keys] + [0.0])

    def failed(self, keys: Iterable[str]) -> float:
        """Record a failed try; returns the delay now imposed."""
        now, delay = self._clock(), 0.0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, now))
                count = 1 if now - last > FORGET_AFTER_SECONDS else count + 1
                self._failures[key] = (count, now)
                key_delay = delay_after(key, count, base=self._base, cap=self._cap)
                self._until[key] = now + key_delay
                delay = max(delay, key_delay)
        return delay

    def succeeded(self, keys: Iterable[str]) -> None:
        """Forget the failures of these keys (a right password)."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
                self._until.pop(key, None)


class StoreThrottle:
    """Failed sign-ins per key in the SQLite store, shared by every session and process using the same workbook.

    Times are wall-clock seconds (processes share no monotonic clock). If the store cannot be used (a read-only
    folder, a damaged file), the count falls back to this process's memory and the problem is logged.
    """

    def __init__(
        self,
        store: Store,
        *,
        base: float = FAIL_DELAY_BASE,
        cap: float = FAIL_DELAY_CAP,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._store, self._base, self._cap = store, base, cap
        self._clock = clock or (lambda: wall_clock())
        self._fallback = Throttle(base=base, cap=cap, clock=self._clock)

    def wait(self, keys: Iterable[str]) -> float:
        keys = list(keys)
        now = self._clock()
        try:
            with self._store.connect() as connection:
                marks = ",".join("?" * len(keys))
                row = connection.execute(
                    f"SELECT MAX(wait_until) FROM sign_in_failures WHERE key IN ({marks})", keys
                ).fetchone()
        except sqlite3.Error as problem:
            return self._fall_back(problem).wait(keys)
        return max((row[0] or now) - now, 0.0, self._fallback.wait(keys))

    def failed(self, keys: Iterable[str]) -> float:
        keys = list(keys)
        now, delay = self._clock(), 0.0
        try:
            with self._store.transaction() as connection:
                for key in keys:
                    row = connection.execute(
                        "SELECT failures, last_failure FROM sign_in_failures WHERE key = ?", (key,)
                    ).fetchone()
                    count = 1 if row is None or now - row[1] > FORGET_AFTER_SECONDS else row[0] + 1
                    key_delay = delay_after(key, count, base=self._base, cap=self._cap)
                    connection.execute(
                        "INSERT INTO sign_in_failures (key, failures, last_failure, wait_until) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
                        "last_failure = excluded.last_failure, wait_until = excluded.wait_until",
                        (key, count, now, now + key_delay),
                    )
                    delay = max(delay, key_delay)
        except sqlite3.Error as problem:
            return self._fall_back(problem).failed(keys)
        return delay

    def succeeded(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        self._fallback.succeeded(keys)
        try:
            with self._store.transaction() as connection:
                connection.executemany("DELETE FROM sign_in_failures WHERE key = ?", [(key,) for key in keys])
        except sqlite3.Error as problem:
            self._fall_back(problem)

    def _fall_back(self, problem: Exception) -> Throttle:
        log.warning("sign-in throttle: the store %s cannot be used (%s); counting in memory", self._store.path, problem)
        return self._fallback
