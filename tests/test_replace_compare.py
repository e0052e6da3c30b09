"""Before an upload or a restore: what it changes (by activity and step), what app saves it would undo, and
backups named by the save that made them."""

from __future__ import annotations

from actionplan.keeping import access, audit, backups, compare, edits, save
from actionplan.keeping.edits import ADD, CHANGE, DELETE
from tests.conftest import PASSWORD


def sign_in(name: str, password_hash: str) -> access.Editor:
    return access.sign_in_with_password(name, PASSWORD, password_hash, access.Throttle())


def test_differences_are_found_by_id_not_by_row(make_workbook):
    def later(activities, steps, milestones, lists):
        activities[2]["Notes"] = "noted later"
        del activities[0]  # every row below moves up one: still no change to them
        steps.append({"Activity ID": "2023-01", "Step": 9, "Description": "One more step"})

    current = make_workbook().read_bytes()
    replacement = make_workbook(name="later.xlsx", edit=later).read_bytes()
    found = {(c.action, c.sheet, c.key, str(c.column), c.new) for c in compare.differences(current, replacement)}
    assert (CHANGE, "Activities", "2021-03", "Notes", "noted later") in found
    assert (DELETE, "Activities", "2021-01", "", None) in found
    assert (ADD, "Steps", "2023-01 step 9", "Description", "One more step") in found
    assert len({c for c in found if c[0] == CHANGE}) == 1
    assert compare.differences(current, current) == []


def test_an_older_upload_lists_the_saves_it_would_undo(plan_workbook, password_hash):
    older = plan_workbook.read_bytes()  # downloaded, then someone saves in the app
    opened = edits.open_for_editing(plan_workbook)
    frame = opened.tables["Activities"].frame.copy()
    frame.loc[0, "Status"] = "Completed"
    save.save_changes(
        sign_in("Aman", password_hash),
        plan_workbook,
        opened.sha256,
        edits.diff_table(opened.tables["Activities"], frame),
    )
    diff = compare.differences(plan_workbook.read_bytes(), older)
    [undone] = compare.undone(diff, audit.read_records(plan_workbook))
    assert (undone.change.key, undone.change.column, undone.change.old, undone.change.new) == (
        "2021-01",
        "Status",
        "Completed",
        None,
    )
    assert undone.saved_by == "Aman"
    table = compare.undone_table([undone], names=False)
    assert list(table.columns) == ["ID", "Column", "Now", "Would become", "Saved"]
    assert "Aman" not in table.iloc[0]["Saved"]
    assert "Aman" in compare.undone_table([undone], names=True).iloc[0]["Saved"]


def test_backups_are_named_by_the_save_that_made_them(plan_workbook, password_hash):
    for name, status in (("Aman", "Completed"), ("Maya", "Cancelled")):
        opened = edits.open_for_editing(plan_workbook)
        frame = opened.tables["Activities"].frame.copy()
        frame.loc[0, "Status"] = status
        save.save_changes(
            sign_in(name, password_hash),
            plan_workbook,
            opened.sha256,
            edits.diff_table(opened.tables["Activities"], frame),
        )
    records = audit.read_records(plan_workbook)
    newest, oldest = backups.list_backups(plan_workbook)
    label = compare.backup_label(newest.name, newest.read_bytes(), records, names=True)
    assert label.startswith("saved ") and " by Aman (replaced " in label
    assert "Aman" not in compare.backup_label(newest.name, newest.read_bytes(), records, names=False)
    assert compare.backup_label(oldest.name, oldest.read_bytes(), records, names=True).startswith(
        "saved outside the app (replaced "
    )
