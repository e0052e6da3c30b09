"""The workbook's lock: one writer at a time, across threads and processes, beside the workbook."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .faults import LockTimeout, lock_timeout_message

LOCK_SUFFIX = ".lock"  # plan.xlsx.lock beside the workbook (git-ignored as data/*.lock)
LOCK_TIMEOUT_SECONDS = 20.0


def lock_path(workbook: Path) -> Path:
    """`plan.xlsx.lock` beside the workbook (never named like Excel's own `~$` lock file)."""
    return Path(workbook).with_name(Path(workbook).name + LOCK_SUFFIX)


@contextmanager
def workbook_lock(workbook: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the workbook's lock file (fcntl.flock): one writer at a time, across threads and processes.
    LockTimeout when another writer holds it longer than `timeout` (default LOCK_TIMEOUT_SECONDS)."""
    timeout = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    descriptor = os.open(lock_path(workbook), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(lock_timeout_message(timeout)) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
