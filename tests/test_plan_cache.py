"""The cached Plan is one immutable object per workbook version: every page uses it and none changes it.

plan_store keeps the Plan with st.cache_resource (the same object for every session and rerun, no copy), so a page
that added a column or sorted a table in place would change what every other reader sees. Each page is run
through AppTest, with its main interactions, and the cached Plan is compared with what it was before.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from actionplan import Plan, views
from components import plan_store

ROOT = Path(__file__).resolve().parents[1]
PAGES = (
    "pages/overview.py",
    "pages/timeline.py",
    "pages/domains.py",
    "pages/conventions.py",
    "pages/activities.py",
    "pages/briefing.py",
    "pages/data.py",
)


def _fingerprint(plan: Plan) -> tuple[object, ...]:
    """Everything a reader sees of a plan, as plain values (columns, types, every cell, the index)."""

    return (
        _table(plan.activities),
        _table(plan.steps),
        _table(plan.milestones),
        _table(plan.messages),
        plan.lists,
        plan.findings,
        plan.facts,
        plan.source,
    )


@pytest.fixture
def workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copy(ROOT / "data" / "plan.xlsx", path)
    monkeypatch.setenv("PLAN_WORKBOOK", str(path))
    return path


def _cached(path: Path) -> Plan:
    found = plan_store.signature(path)
    assert found is not None
    return plan_store._load(*found)


def _table(frame: pd.DataFrame) -> tuple[object, ...]:
    return (tuple(frame.columns), tuple(str(t) for t in frame.dtypes), frame.astype(str).to_csv())


@pytest.mark.parametrize("page", PAGES)
def test_every_page_leaves_the_cached_plan_unchanged(workbook: Path, page: str, monkeypatch: pytest.MonkeyPatch):
    before = _cached(workbook)
    expected = _fingerprint(before)
    # The activities the filters select are shared too (derived.selected): each kept as it was when selected.
    selections: list[tuple[pd.DataFrame, tuple[object, ...]]] = []
    apply = views.Filters.apply

    def recorded(view: views.Filters, *args: object, **kwargs: object) -> pd.DataFrame:
        frame = apply(view, *args, **kwargs)
        selections.append((frame, _table(frame)))
        return frame

    monkeypatch.setattr(views.Filters, "apply", recorded)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["id"] = "2021-04"  # the Activities page opens one activity in full, with its steps
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    # The page's own interactions and a changed filter, each a rerun over the same cached plan.
    for widget in at.get("date_input"):
        if widget.key == "filter_as_of":
            widget.set_value(date(2022, 6, 1))
    for box in at.selectbox:
        if box.options and box.key in {"drill_domain", "coverage_cell", "timeline_zoom"}:
            box.select_index(len(box.options) - 1)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after = _cached(workbook)
    assert after is before, "the same Plan object is handed out while the workbook is unchanged"
    assert _fingerprint(after) == expected, f"{page} changed the cached Plan"
    assert selections, "the page selected its activities through the filters"
    for frame, when_selected in selections:
        assert _table(frame) == when_selected, f"{page} changed the shared selection of activities"


def test_a_new_version_of_the_workbook_is_a_new_plan(workbook: Path):
    first = _cached(workbook)
    assert _cached(workbook) is first
    workbook.write_bytes(workbook.read_bytes())  # a save: new modification time
    shutil.copystat(ROOT / "data" / "plan.xlsx", workbook)  # an older mtime than now: a different signature
    assert _cached(workbook) is not first
