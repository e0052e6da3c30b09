"""The change log cell by cell (keeping.history), and on the Data page for editors, filtered by activity."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan.keeping import access, history
from actionplan.keeping.audit import Action, AuditRecord
from actionplan.keeping.edits import CellChange
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]


def record(who, when, *changes, action=Action.EDIT):
    return AuditRecord(who=who, how="password", workbook="plan.xlsx", action=action, when=when, changes=changes)


RECORDS = [
    record("Maya", datetime(2026, 11, 3, 10), CellChange("Steps", 7, "2021-04 step 2", "Status", None, "Completed")),
    record("Aman", datetime(2026, 11, 2, 9), CellChange("Activities", 5, "2021-04", "Notes", "old", "new")),
    record("Aman", datetime(2026, 11, 1, 9), CellChange("Activities", 2, "2021-01", "Status", None, "Planned")),
]


@pytest.mark.parametrize(
    "filters, ids",
    [
        ({}, ["2021-04 step 2", "2021-04", "2021-01"]),
        ({"activity": "2021-04"}, ["2021-04 step 2", "2021-04"]),
        ({"activity": "2021-0"}, []),  # an ID, not a prefix of one
        ({"who": "Aman"}, ["2021-04", "2021-01"]),
        ({"start": date(2026, 11, 2), "end": date(2026, 11, 2)}, ["2021-04"]),
    ],
)
def test_cells_are_filtered_by_activity_person_and_date(filters, ids):
    table = history.cell_changes(RECORDS, **filters)
    assert list(table["ID"]) == ids
    assert list(table.columns) == history.COLUMNS


def test_an_editor_sees_every_cell_with_old_and_new(plan_workbook, use_workbook, monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)
    use_workbook(plan_workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["editors"] = {"password_hash": access.hash_password(PASSWORD)}
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    at.text_input(key="signin_name").set_value("Aman")
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    at.session_state["edit_activities"] = {"edited_rows": {"0": {"Notes": "n1"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="edit_save").click()
    at.run()
    at.run()
    cells = next(frame.value for frame in at.dataframe if "Old" in frame.value.columns and "Who" in frame.value.columns)
    assert list(zip(cells["Who"], cells["ID"], cells["Column"], cells["New"])) == [("Aman", "2021-01", "Notes", "n1")]
    at.text_input(key="change_log_activity").set_value("2021-02").run()
    assert not at.exception, at.exception
    assert any("No cell changed" in caption.value for caption in at.caption)


def test_an_activity_s_history_is_under_its_detail_for_editors_only(plan_workbook, use_workbook, monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)
    use_workbook(plan_workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["editors"] = {"password_hash": access.hash_password(PASSWORD)}
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    at.text_input(key="signin_name").set_value("Aman")
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    at.session_state["edit_activities"] = {"edited_rows": {"0": {"Notes": "n1"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="edit_save").click()
    at.run()
    at.switch_page("pages/activities.py")
    at.run()
    at.selectbox(key="activity_pick").set_value("2021-01").run()
    assert not at.exception, at.exception
    [history_frame] = [f.value for f in at.dataframe if "Who" in f.value.columns and "Old" in f.value.columns]
    assert list(zip(history_frame["Who"], history_frame["Column"], history_frame["New"])) == [("Aman", "Notes", "n1")]


def test_viewers_see_no_history_under_an_activity(plan_workbook, use_workbook):
    use_workbook(plan_workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["editors"] = {}
    at.run()
    at.switch_page("pages/activities.py")
    at.run()
    at.selectbox(key="activity_pick").set_value("2021-01").run()
    assert not at.exception, at.exception
    assert any("2021-01" in str(header.value) for header in at.header)
    assert not any("Changes made in the app" in str(e.label) for e in at.expander)
