"""Fuzz: seeded mutants of the shipped workbook (bytes, zip parts, cell values, types and references) each load to a
Plan with findings, in a child process under a 2 GB cap, so an abort or a segfault is caught and named by its seed.

Fixed budget: the same 200 seeds on every run (two children of 100), well under a minute.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

SEEDS_PER_CHILD = 100
CHILDREN = 2


def run_child(first: int, count: int) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.fuzz_mutations", str(first), str(count)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode, result.stdout.splitlines() + result.stderr.splitlines()[-5:]


@pytest.mark.slow
@pytest.mark.parametrize("child", range(CHILDREN))
def test_no_mutant_escapes_the_loader(child):
    first = child * SEEDS_PER_CHILD
    returncode, lines = run_child(first, SEEDS_PER_CHILD)
    started = [line for line in lines if line.startswith("seed ")]
    assert returncode == 0 and "done" in lines, (
        f"the loader crashed (exit {returncode}) on seed {started[-1] if started else '?'}: {lines[-5:]}"
    )
    escapes = [line for line in lines if line.startswith("escape ")]
    assert escapes == [], escapes


def test_mutations_are_reproducible():
    from tests.fuzz_mutations import SHIPPED_WORKBOOK, mutate

    content = SHIPPED_WORKBOOK.read_bytes()
    assert mutate(content, 7) == mutate(content, 7) and mutate(content, 7) != mutate(content, 8)
