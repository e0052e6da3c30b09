"""Saving edits, uploads and restores: nothing else in the workbook changes, nothing is lost, nothing half-written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from actionplan import load_plan
from actionplan.keeping import access, audit, backups, edits, save
from tests.conftest import PASSWORD, sha


@pytest.fixture
def editor(password_hash: str) -> access.Editor:
    return access.sign_in_with_password("Test Editor", PASSWORD, password_hash, access.Throttle())


@pytest.fixture
def rich_workbook(make_workbook) -> Path:
    """The seed plan plus what staff add in Excel: an own column, an own sheet, a comment, a highlighted cell."""

    def add_budget(activities, steps, milestones, lists):
        for number, activity in enumerate(activities):
            activity["Budget (USD)"] = 1000 * (number + 1)
        activities[2]["Contact e-mail"] = "someone@example.org"

    path = make_workbook(edit=add_budget)
    workbook = load_workbook(path)
    contacts = workbook.create_sheet("Contacts")
    contacts.append(["Name", "Phone"])
    contacts.append(["Desk officer", "+993 12 000000"])
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    sheet = workbook["Activities"]
    sheet["D5"].comment = Comment("check with the ministry", "staff")
    sheet["A7"].fill = PatternFill("solid", start_color="FFFFFF00", end_color="FFFFFF00")
    workbook.save(path)
    return path


def tables(path: Path) -> dict[str, edits.EditTable]:
    return edits.read_tables(path.read_bytes())


def edited(table: edits.EditTable, change) -> pd.DataFrame:
    frame = table.frame.copy()
    change(frame)
    return frame


def cell_facts(cell) -> tuple:
    return (
        cell.value,
        cell.data_type,
        cell.number_format,
        repr(cell.font),
        repr(cell.fill),
        repr(cell.alignment),
        repr(cell.border),
        cell.comment.text if cell.comment else None,
    )


def workbook_facts(content: bytes, skip_rows: dict[str, set[int]] | None = None) -> dict:
    """Everything a person would notice in a workbook, cell by cell."""
    workbook = load_workbook(io.BytesIO(content))
    facts: dict = {"sheets": workbook.sheetnames}
    for ws in workbook.worksheets:
        skip = (skip_rows or {}).get(ws.title, set())
        facts[ws.title] = {
            "cells": {
                cell.coordinate: cell_facts(cell)
                for row in ws.iter_rows()
                for cell in row
                if cell.row not in skip and (cell.value is not None or cell.has_style)
            },
            "widths": {key: dim.width for key, dim in ws.column_dimensions.items()},
            "validations": sorted(
                (dv.type, dv.formula1, dv.formula2, str(dv.sqref), dv.errorStyle)
                for dv in ws.data_validations.dataValidation
            ),
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
        }
    return facts


# ---------------------------------------------------------------------------------------------------------------
# Round trip and edits


def test_saving_without_changes_keeps_every_cell_sheet_validation_and_extra_column(rich_workbook):
    before = rich_workbook.read_bytes()
    after = save.apply_changes(before, [])
    assert workbook_facts(after) == workbook_facts(before)
    facts = workbook_facts(after)
    assert "Contacts" in facts["sheets"]
    assert len(facts["Activities"]["validations"]) >= 6  # Domain, Convention, Programme, Status, Progress %, dates


def test_an_edit_changes_only_its_cell(rich_workbook, editor):
    table = tables(rich_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.loc.__setitem__((0, "Status"), "Completed")))
    assert [(c.row, c.key, c.column, c.old, c.new) for c in changes] == [(2, "2021-01", "Status", None, "Completed")]
    before = workbook_facts(rich_workbook.read_bytes())
    saved = save.save_changes(editor, rich_workbook, sha(rich_workbook), changes)
    after = workbook_facts(rich_workbook.read_bytes())
    status_cell = next(k for k, v in after["Activities"]["cells"].items() if k.endswith("2") and v[0] == "Completed")
    assert before["Activities"]["cells"].pop(status_cell)[0] is None
    after["Activities"]["cells"].pop(status_cell)
    # and one check-in appended to Updates (the filter grows to cover it): nothing else
    checkin = {
        ref[0]: after["Updates"]["cells"].pop(ref)[0] for ref in list(after["Updates"]["cells"]) if ref[1:] == "2"
    }
    assert checkin["A"].date() == date.today()
    assert (checkin["B"], checkin["C"], checkin["G"]) == ("2021-01", "Completed", "Test Editor")
    assert after["Updates"].pop("filter") == "A1:G2" and before["Updates"].pop("filter") == "A1:G1"
    assert after == before
    plan = load_plan(rich_workbook)
    assert plan.activities.set_index("ID").loc["2021-01", "Status"] == "Completed"
    assert "Budget (USD)" in plan.activities.columns
    assert saved.backup is not None and saved.backup.exists()
    assert hashlib.sha256(saved.backup.read_bytes()).hexdigest() != saved.sha256


def test_typed_values_keep_their_types(plan_workbook, editor):
    table = tables(plan_workbook)["Activities"]

    def change(frame):
        frame.loc[0, "Start"] = date(2021, 3, 15)
        frame.loc[0, "Progress %"] = 40
        frame.loc[0, "Year"] = 2021

    changes = edits.diff_table(table, edited(table, change))
    assert {c.column for c in changes} == {"Start", "Progress %"}  # Year was already 2021
    save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    sheet = load_workbook(plan_workbook)["Activities"]
    assert sheet["F2"].is_date and sheet["F2"].value.date() == date(2021, 3, 15)
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    assert sheet["O2"].value == 40 and sheet["O2"].data_type == "n"
    activity = load_plan(plan_workbook).activities.set_index("ID").loc["2021-01"]
    assert activity["Start"] == pd.Timestamp(2021, 3, 15)


@pytest.mark.parametrize("text", ["=1+1", "+44 20 7946 0000", "-5 days", "@SUM(A1:A2)", '=HYPERLINK("http://x")'])
def test_formula_like_text_is_stored_as_text(plan_workbook, editor, text):
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("Notes", [text] + [None] * (len(f) - 1))))
    save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    cell = load_workbook(plan_workbook)["Activities"]["Q2"]
    assert cell.value == text and cell.data_type == "s"
    assert cell.quotePrefix
    with zipfile.ZipFile(plan_workbook) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    assert load_plan(plan_workbook).activities.set_index("ID").loc["2021-01", "Notes"] == text


def test_deleting_a_row_closes_up_and_keeps_drop_downs(rich_workbook, editor):
    before = load_workbook(rich_workbook)["Activities"]
    validations = sorted(str(dv.sqref) for dv in before.data_validations.dataValidation)
    table = tables(rich_workbook)["Activities"]
    gone = table.frame.loc[3, "ID"]
    changes = edits.diff_table(table, table.frame.drop(index=3))
    assert [(c.action, c.row, c.key) for c in changes] == [("delete", 5, gone)]
    save.save_changes(editor, rich_workbook, sha(rich_workbook), changes)
    after = load_workbook(rich_workbook)["Activities"]
    assert sorted(str(dv.sqref) for dv in after.data_validations.dataValidation) == validations
    plan = load_plan(rich_workbook)
    assert gone not in set(plan.activities["ID"]) and len(plan.activities) == len(table.frame) - 1
    assert plan.usable
    # The rows below moved up with their own values, extra columns and formatting.
    assert after["A5"].value == table.frame.loc[4, "ID"]
    assert after["A6"].fill.start_color.rgb == "FFFFFF00"  # the highlight of old row 7
    assert after.cell(len(table.frame) + 1, 1).value is None


def test_adding_rows_appends_them_with_the_formatting_of_the_row_above(plan_workbook, editor):
    table = tables(plan_workbook)["Steps"]
    new = pd.DataFrame([{"Activity ID": "2021-01", "Step": 9, "Description": "Report to the ministry"}])
    changes = edits.diff_table(table, pd.concat([table.frame, new], ignore_index=True))
    assert {(c.action, c.added, c.key) for c in changes} == {("add", 1, "2021-01 step 9")}
    save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    sheet = load_workbook(plan_workbook)["Steps"]
    row = len(table.frame) + 2
    assert [sheet.cell(row, c).value for c in (1, 2, 3)] == ["2021-01", 9, "Report to the ministry"]
    assert sheet.cell(row, 3).alignment.wrap_text == sheet.cell(row - 1, 3).alignment.wrap_text
    assert sheet.auto_filter.ref.endswith(str(row))
    steps = load_plan(plan_workbook).steps_of("2021-01")
    assert "Report to the ministry" in set(steps["Description"])


EXCEL_2010_DROP_DOWN = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$2:$A$20</xm:f></x14:formula1>'
    b"<xm:sqref>T2:T100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
)


def with_excel_2010_drop_down(path: Path) -> None:
    """A drop-down as Excel 2010+ stores one that points at another sheet (which openpyxl cannot write back)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            payload = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                payload = payload.replace(b"</worksheet>", EXCEL_2010_DROP_DOWN + b"</worksheet>")
            copy.writestr(item, payload)
    path.write_bytes(buffer.getvalue())


@pytest.mark.filterwarnings("ignore:Data Validation extension is not supported")
def test_an_edit_that_would_drop_an_excel_feature_is_refused(plan_workbook, editor):
    # deleting a row goes through openpyxl, which cannot write the Excel 2010 drop-down back (a changed cell is
    # patched into the XML and keeps it: test_save_patch.py)
    with_excel_2010_drop_down(plan_workbook)
    assert load_plan(plan_workbook).usable
    before = plan_workbook.read_bytes()
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, table.frame.drop(index=3))
    with pytest.raises(save.SaveRefused, match="drop-down lists"):
        save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    assert plan_workbook.read_bytes() == before
    assert backups.list_backups(plan_workbook) == []


def test_an_edit_that_makes_an_error_is_refused(plan_workbook, editor):
    table = tables(plan_workbook)["Activities"]
    duplicate = table.frame.loc[0, "ID"]
    changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("ID", [duplicate] * len(f))))
    before = plan_workbook.read_bytes()
    with pytest.raises(save.Invalid) as refused:
        save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    assert refused.value.errors and "already used" in refused.value.errors[0].message
    assert plan_workbook.read_bytes() == before
    assert backups.list_backups(plan_workbook) == []


def test_save_writes_a_backup_and_an_audit_record(plan_workbook, editor):
    original = plan_workbook.read_bytes()
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.loc.__setitem__((0, "Progress %"), 25)))
    saved = save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    assert saved.backup.read_bytes() == original
    assert saved.backup.parent == plan_workbook.parent / "backups"
    [record] = audit.read_records(plan_workbook)
    assert record.who == "Test Editor" and record.action == "edit"
    assert record.to_json()["changes"] == [
        {
            "action": "change",
            "sheet": "Activities",
            "row": 2,
            "added": None,
            "id": "2021-01",
            "column": "Progress %",
            "old": None,
            "new": 25,
        }
    ]
    assert record.after_sha256 == sha(plan_workbook)
    # The record went in pending before the workbook was replaced, then a mark said it was done.
    written, done = (json.loads(line) for line in audit.audit_path(plan_workbook).read_text().splitlines())
    assert audit.AuditRecord.from_json(written) == replace(record, state=audit.State.PENDING)
    assert done == {"id": record.id, "state": "done"}


def test_only_the_newest_fifty_backups_are_kept(plan_workbook):
    from datetime import datetime, timedelta

    start = datetime(2026, 1, 1)
    for number in range(53):
        backups.keep_backup(plan_workbook, f"version {number}".encode(), start + timedelta(minutes=number))
    kept = backups.list_backups(plan_workbook)
    assert len(kept) == backups.KEEP_BACKUPS == 50
    assert kept[0].read_bytes() == b"version 52" and kept[-1].read_bytes() == b"version 3"


# ---------------------------------------------------------------------------------------------------------------
# Nothing lost


def test_a_change_on_disk_since_opening_is_a_conflict(plan_workbook, editor, make_workbook):
    opened = sha(plan_workbook)
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("Status", ["Completed"] * len(f))))
    os.utime(plan_workbook)  # a touch alone is not a change: the content decides
    outside = make_workbook(name="outside.xlsx", edit=lambda a, s, m, lists: a[0].update(Notes="typed in Excel"))
    os.replace(outside, plan_workbook)
    theirs = plan_workbook.read_bytes()
    with pytest.raises(save.Conflict):
        save.save_changes(editor, plan_workbook, opened, changes)
    assert plan_workbook.read_bytes() == theirs
    assert audit.read_records(plan_workbook) == []


def test_two_saves_at_once_one_wins_and_the_other_gets_a_conflict(plan_workbook, editor):
    opened = sha(plan_workbook)
    table = tables(plan_workbook)["Activities"]
    outcomes: list[object] = []
    start = threading.Barrier(2)

    def save_status(status: str) -> None:
        changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("Status", [status] * len(f))))
        start.wait()
        try:
            outcomes.append(save.save_changes(editor, plan_workbook, opened, changes))
        except save.Conflict as conflict:
            outcomes.append(conflict)

    threads = [threading.Thread(target=save_status, args=(status,)) for status in ("Completed", "Postponed")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [o for o in outcomes if isinstance(o, save.Saved)]
    conflicts = [o for o in outcomes if isinstance(o, save.Conflict)]
    assert len(saved) == 1 and len(conflicts) == 1
    assert sha(plan_workbook) == saved[0].sha256
    assert len(audit.read_records(plan_workbook)) == 1


def test_a_failure_while_replacing_leaves_the_original_and_no_temporary_file(plan_workbook, editor, monkeypatch):
    original = plan_workbook.read_bytes()
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("Status", ["Completed"] * len(f))))

    def broken_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)  # the os module save writes through
    with pytest.raises(save.SaveFailed, match="disk full"):  # a message for staff, not a traceback
        save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    assert plan_workbook.read_bytes() == original
    assert sorted(p.name for p in plan_workbook.parent.iterdir() if p.is_file()) == ["plan.xlsx", "plan.xlsx.lock"]
    assert audit.read_records(plan_workbook) == []


# ---------------------------------------------------------------------------------------------------------------
# Upload and restore


def test_upload_replaces_the_workbook_and_backs_up_the_old_one(plan_workbook, editor, make_workbook):
    original = plan_workbook.read_bytes()
    upload = make_workbook(name="new plan.xlsx", edit=lambda a, s, m, lists: a[0].update(Status="In progress"))
    saved = save.replace_workbook(editor, plan_workbook, upload.read_bytes(), "new plan.xlsx")
    assert plan_workbook.read_bytes() == upload.read_bytes()
    assert saved.backup.read_bytes() == original
    assert audit.read_records(plan_workbook)[0].action == "upload"


def unsafe_xlsx(source: Path) -> bytes:
    """A real workbook with a DOCTYPE declaring an entity slipped into one XML part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w") as copy:
        for item in original.infolist():
            payload = original.read(item)
            if item.filename == "xl/workbook.xml":
                assert b"<!DOCTYPE" not in payload
                payload = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY boom "boom">]>' + payload.split(b"?>", 1)[-1]
            copy.writestr(item, payload)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["broken", "oversized", "unsafe", "not xlsx", "errors", "same"])
def test_a_bad_upload_changes_nothing(plan_workbook, editor, make_workbook, kind):
    original = plan_workbook.read_bytes()
    name = "upload.xlsx"
    if kind == "broken":
        content = original[: len(original) // 2]
    elif kind == "oversized":
        content = original + b"\0" * save.MAX_UPLOAD_BYTES
    elif kind == "unsafe":
        content = unsafe_xlsx(plan_workbook)
    elif kind == "same":
        content = original
    elif kind == "not xlsx":
        content, name = b"ID,Event\n2021-01,x\n", "plan.csv"
    else:
        content = make_workbook(name="dup.xlsx", edit=lambda a, s, m, lists: a[1].update(ID=a[0]["ID"])).read_bytes()
    with pytest.raises(save.SaveRefused) as refused:
        save.replace_workbook(editor, plan_workbook, content, name)
    assert str(refused.value)
    assert plan_workbook.read_bytes() == original
    assert backups.list_backups(plan_workbook) == [] and audit.read_records(plan_workbook) == []


def test_any_backup_can_be_restored(plan_workbook, editor):
    original = plan_workbook.read_bytes()
    table = tables(plan_workbook)["Activities"]
    changes = edits.diff_table(table, edited(table, lambda f: f.__setitem__("Status", ["Completed"] * len(f))))
    saved = save.save_changes(editor, plan_workbook, sha(plan_workbook), changes)
    edited_version = plan_workbook.read_bytes()
    restored = save.restore_backup(editor, plan_workbook, saved.backup)
    assert plan_workbook.read_bytes() == original
    assert restored.backup.read_bytes() == edited_version  # the undone version is kept too
    assert [r.action for r in audit.read_records(plan_workbook)] == ["restore", "edit"]


def test_only_a_real_backup_can_be_restored(plan_workbook, editor, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "plan-20260101-000000-000000.xlsx"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(plan_workbook.read_bytes())
    with pytest.raises(save.SaveRefused):
        save.restore_backup(editor, plan_workbook, elsewhere)


# ---------------------------------------------------------------------------------------------------------------
# Only editors write


@pytest.mark.parametrize("viewer", [None, "Test Editor", object()])
def test_a_viewer_cannot_save_upload_or_restore(plan_workbook, viewer):
    original = plan_workbook.read_bytes()
    change = edits.CellChange("Activities", 2, "2021-01", "Status", None, "Completed")
    with pytest.raises(PermissionError):
        save.save_changes(viewer, plan_workbook, sha(plan_workbook), [change])
    with pytest.raises(PermissionError):
        save.replace_workbook(viewer, plan_workbook, original, "plan.xlsx")
    backup = backups.keep_backup(plan_workbook, original)
    with pytest.raises(PermissionError):
        save.restore_backup(viewer, plan_workbook, backup)
    assert plan_workbook.read_bytes() == original


def test_an_editor_cannot_be_forged():
    with pytest.raises(PermissionError):
        access.Editor("Mallory", "password")
