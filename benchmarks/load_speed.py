"""Benchmark: load_plan (all sheets, checks, dates) against a plain pandas.read_excel(openpyxl) of the same file.

Run: python -m benchmarks.load_speed [PATH] [--repeat N]. Prints the median and best of N runs of each.
Not a test: timings depend on the machine, so they are measured here and reported, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pandas as pd

from actionplan import load_plan, workbook_path


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls, after one warm-up call."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = workbook_path(args.path)
    ours = timed(lambda: load_plan(path), args.repeat)
    plain = timed(lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"), args.repeat)
    for label, times in (
        ("load_plan (calamine + checks + dates)", ours),
        ("pandas.read_excel(sheet_name=None, engine='openpyxl')", plain),
    ):
        print(f"{label:55s} median {statistics.median(times) * 1000:7.1f} ms  best {min(times) * 1000:7.1f} ms")
    print(f"load_plan is {statistics.median(plain) / statistics.median(ours):.1f}x faster (median)")


if __name__ == "__main__":
    main()
