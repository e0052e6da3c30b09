"""Shared fixtures: plan workbooks built in tmp_path from the seed transcription, edited per test."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from actionplan.keeping import access
from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
from actionplan.plan.workbook import write_workbook

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_WORKBOOK = ROOT / "data" / "plan.xlsx"
PASSWORD = "correct horse battery"  # the editor password of every test that signs in

WorkbookFactory = Callable[..., Path]


@pytest.fixture
def make_workbook(tmp_path: Path) -> WorkbookFactory:
    """Build a plan workbook in tmp_path: the seed plan, changed by the keyword arguments.

    make_workbook(activities=..., steps=..., milestones=..., lists=..., name="plan.xlsx", edit=callable)
    `edit(activities, steps, milestones, lists)` may change deep copies of the seed lists in place.
    """

    def build(
        *,
        name: str = "plan.xlsx",
        activities: list[dict] | None = None,
        steps: list[dict] | None = None,
        milestones: list[dict] | None = None,
        lists: dict[str, list] | None = None,
        edit: Callable[..., None] | None = None,
    ) -> Path:
        acts = copy.deepcopy(list(SEED_ACTIVITIES) if activities is None else activities)
        stps = copy.deepcopy(list(SEED_STEPS) if steps is None else steps)
        mils = copy.deepcopy(list(SEED_MILESTONES) if milestones is None else milestones)
        lsts = copy.deepcopy(dict(SEED_LISTS) if lists is None else lists)
        if edit is not None:
            edit(acts, stps, mils, lsts)
        path = tmp_path / name
        write_workbook(path, acts, stps, mils, lsts, facts=SEED_FACTS)
        return path

    return build


@pytest.fixture
def plan_workbook(make_workbook: WorkbookFactory) -> Path:
    """The seed plan, unchanged, as a workbook in tmp_path."""
    return make_workbook()


@pytest.fixture
def use_workbook(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Path]:
    """Point the app and the CLI at a workbook through $PLAN_WORKBOOK."""

    def point(path: Path) -> Path:
        monkeypatch.setenv("PLAN_WORKBOOK", str(path))
        return path

    return point


@pytest.fixture(scope="session")
def password_hash() -> str:
    """The stored hash of PASSWORD (hashing is slow on purpose: once per test run)."""
    return access.hash_password(PASSWORD)


def sha(path: Path) -> str:
    """A file's SHA-256: the file on disk unchanged (or changed) to the byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
