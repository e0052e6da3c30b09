"""Every save that changes an activity's report appends one dated check-in per such activity to Updates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from actionplan import load_plan
from actionplan.keeping import access, checkins, edits, save
from actionplan.plan import contract
from actionplan.plan.contract import UpdateColumn as U
from tests.conftest import PASSWORD, sha


@pytest.fixture
def editor(password_hash: str) -> access.Editor:
    return access.sign_in_with_password("Aman Editor", PASSWORD, password_hash, access.Throttle())


def edit(path: Path, change) -> list[edits.CellChange]:
    """The changes that `change(frame)` makes to the Activities sheet of the workbook at `path`."""
    table = edits.read_tables(path.read_bytes())[contract.ACTIVITIES]
    frame = table.frame.copy()
    change(frame)
    return edits.diff_table(table, frame)


def updates_rows(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path)[contract.UPDATES]
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=2) if row[0].value is not None]


def test_one_checkin_per_changed_activity_with_its_report_as_saved(plan_workbook, editor):
    def change(frame):
        frame.loc[0, "Progress %"] = 30  # 2021-01: Progress only; its Status stays blank
        frame.loc[1, "Status"] = "Completed"  # 2021-02: Status and Notes, one check-in
        frame.loc[1, "Notes"] = "Held in Ashgabat"
        frame.loc[1, "Evidence"] = "Letter 12/3"
        frame.loc[2, "Event"] = "A new wording"  # 2021-03: not a report

    save.save_changes(editor, plan_workbook, sha(plan_workbook), edit(plan_workbook, change))
    rows = updates_rows(plan_workbook)
    assert [row[1:] for row in rows] == [
        ("2021-01", None, 30, None, None, "Aman Editor"),
        ("2021-02", "Completed", None, "Held in Ashgabat", "Letter 12/3", "Aman Editor"),
    ]
    assert all(row[0].date() == date.today() for row in rows)
    plan = load_plan(plan_workbook)  # read back: the Activities sheet keeps the latest values, as before
    assert plan.usable and len(plan.checkins) == 2
    assert plan.activities.set_index("ID").loc["2021-02", "Status"] == "Completed"


def test_no_checkin_when_only_the_event_changes(plan_workbook, editor):
    changes = edit(plan_workbook, lambda frame: frame.loc.__setitem__((0, "Event"), "Reworded"))
    saved = save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    assert updates_rows(plan_workbook) == [] and load_plan(plan_workbook).checkins.empty
    assert saved.changes == tuple(changes)


def test_a_typed_last_update_dates_the_checkin(plan_workbook, editor):
    def change(frame):
        frame.loc[3, "Status"] = "In progress"
        frame.loc[3, "Last update"] = date(2021, 10, 3)

    save.save_changes(editor, plan_workbook, sha(plan_workbook), edit(plan_workbook, change))
    (row,) = updates_rows(plan_workbook)
    assert row[0].date() == date(2021, 10, 3) and row[1:3] == ("2021-04", "In progress")


def test_the_source_is_who_saves(plan_workbook):
    base = edits.open_for_editing(plan_workbook)
    changes = edit(plan_workbook, lambda frame: frame.loc.__setitem__((0, "Status"), "Postponed"))
    prepared = save.prepare(base, changes, source="Return: Ministry of Culture (Before GC 44)", day=date(2027, 9, 1))
    assert prepared.changes == tuple(changes)  # the editor's own changes stay apart from the check-ins
    assert {(c.sheet, c.column, c.new) for c in prepared.checkins} >= {
        (contract.UPDATES, U.SOURCE, "Return: Ministry of Culture (Before GC 44)"),
        (contract.UPDATES, U.DATE, date(2027, 9, 1)),
        (contract.UPDATES, U.STATUS, "Postponed"),
    }


def test_a_new_activity_is_checked_in_only_when_something_is_reported(plan_workbook, editor):
    def change(frame):
        added = dict.fromkeys(frame.columns)
        first = {**added, "ID": "2023-15", "Year": 2023, "Event": "New", "Terms": "2023", "Status": "Planned"}
        second = {**added, "ID": "2023-16", "Year": 2023, "Event": "Newer", "Terms": "2023"}
        frame.loc[len(frame)] = first
        frame.loc[len(frame)] = second

    save.save_changes(editor, plan_workbook, sha(plan_workbook), edit(plan_workbook, change))
    assert [row[1:3] for row in updates_rows(plan_workbook)] == [("2023-15", "Planned")]


def test_the_save_adds_the_updates_sheet_when_the_workbook_has_none(plan_workbook, editor):
    book = openpyxl.load_workbook(plan_workbook)
    del book[contract.UPDATES]
    book.save(plan_workbook)
    assert not checkins.has_sheet(plan_workbook.read_bytes(), contract.UPDATES)
    changes = edit(plan_workbook, lambda frame: frame.loc.__setitem__((0, "Status"), "Completed"))
    save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    book = openpyxl.load_workbook(plan_workbook)
    assert book.sheetnames.index(contract.UPDATES) == book.sheetnames.index(contract.LISTS) - 1
    header = [cell.value for cell in book[contract.UPDATES][1]]
    assert header == contract.column_names(contract.UPDATE_COLUMNS)
    assert [row[1:3] for row in updates_rows(plan_workbook)] == [("2021-01", "Completed")]


def test_a_merged_save_checks_in_what_it_writes(plan_workbook, editor):
    base = edits.open_for_editing(plan_workbook)
    theirs = edit(plan_workbook, lambda frame: frame.loc.__setitem__((5, "Notes"), "Theirs"))
    save.save_changes(editor, plan_workbook, base.sha256, theirs)
    table = base.tables[contract.ACTIVITIES]
    frame = table.frame.copy()
    frame.loc[0, "Status"] = "Cancelled"
    mine = edits.diff_table(table, frame)
    saved = save.save_changes(editor, plan_workbook, base.sha256, mine, base_content=base.content)
    assert saved.merged
    assert [row[1:3] for row in updates_rows(plan_workbook)] == [("2021-06", None), ("2021-01", "Cancelled")]
    plan = load_plan(plan_workbook)
    assert plan.checkins[U.ACTIVITY_ID].tolist() == ["2021-06", "2021-01"]
    assert pd.isna(plan.checkins[U.STATUS].iloc[0])  # Notes only: its Status stays as reported, blank


def test_a_returned_form_is_checked_in_as_the_leads_report(plan_workbook, editor):
    from actionplan import views
    from actionplan.keeping.store import Store
    from actionplan.rounds import issue, take
    from tests.test_rounds import fill, form_of, read

    store = Store.beside(plan_workbook)
    issued = issue.start_round(
        store, plan_workbook, name="Before GC 44", due=date(2027, 9, 30), lang="en", started_by="Aman"
    )
    form, content = form_of(issued, "Ministry of Culture")
    filled = fill(content, {1: {"F": "Completed", "G": 80, "J": "https://example.org/r"}})
    take.take(
        editor,
        store,
        plan_workbook,
        take.prepare_taking(store, plan_workbook, issued.round, read(store, issued, filled)),
    )
    plan = load_plan(plan_workbook)
    (checkin,) = plan.checkins.to_dict("records")
    assert checkin[U.ACTIVITY_ID] == form.activities[0] and checkin[U.STATUS] == "Completed"
    assert checkin[U.SOURCE] == "Return: Ministry of Culture of Turkmenistan (Before GC 44)"
    (line,) = views.checkin_lines(plan.checkins, form.activities[0])
    assert line.said.startswith("Completed, 80 % — as reported by Ministry of Culture of Turkmenistan on ")
    assert line.said.endswith("(returned form, round “Before GC 44”)") and line.link == "https://example.org/r"
