"""A long Activities table is sent a page at a time (components/activity.table_page), the downloads keep every row."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan.plan.synth import write_synth
from components.activity import TABLE_PAGE_ROWS

ROOT = Path(__file__).resolve().parents[1]
SIZE = TABLE_PAGE_ROWS + 200


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "plan.xlsx"
    write_synth(path, SIZE, seed=3)
    return path


def test_the_activities_table_pages_past_a_thousand_rows(long_plan: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PLAN_WORKBOOK", str(long_plan))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/activities.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe[0].value) == TABLE_PAGE_ROWS
    assert any(f"of {SIZE:,}" in caption.value for caption in at.caption)
    at.number_input(key="activities_table_page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe[0].value) == SIZE - TABLE_PAGE_ROWS
