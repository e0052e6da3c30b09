"""Saving on an older version: changes to different cells are merged with what was saved since; the same cell
changed on both sides waits for the editor's choice; the audit record notes the merge."""

from __future__ import annotations

import pytest

from actionplan import load_plan
from actionplan.keeping import access, audit, edits, save
from actionplan.keeping.merge import Side
from tests.conftest import PASSWORD


def sign_in(name: str, password_hash: str) -> access.Editor:
    return access.sign_in_with_password(name, PASSWORD, password_hash, access.Throttle())


def typed(base: edits.EditBase, row: int, **cells) -> list[edits.CellChange]:
    frame = base.tables["Activities"].frame.copy()
    for column, value in cells.items():
        frame.loc[row, column.replace("_", " ")] = value
    return edits.diff_table(base.tables["Activities"], frame)


def activity(path, key):
    return load_plan(path).activities.set_index("ID").loc[key]


def test_two_editors_who_changed_different_cells_both_save(plan_workbook, password_hash):
    aman, maya = sign_in("Aman", password_hash), sign_in("Maya", password_hash)
    opened = edits.open_for_editing(plan_workbook)  # both opened the same version
    save.save_changes(aman, plan_workbook, opened.sha256, typed(opened, 0, Status="Completed"))
    mine = typed(opened, 3, Notes="Maya's note")
    with pytest.raises(save.Conflict):  # without the version it was typed on, nothing can be merged
        save.save_changes(maya, plan_workbook, opened.sha256, mine)
    saved = save.save_changes(maya, plan_workbook, opened.sha256, mine, base_content=opened.content)
    assert activity(plan_workbook, "2021-01")["Status"] == "Completed"
    assert activity(plan_workbook, "2021-04")["Notes"] == "Maya's note"
    assert [(c.key, c.column, c.new) for c in saved.merged] == [("2021-01", "Status", "Completed")]
    first, second = audit.read_records(plan_workbook)[::-1]
    assert first.merged is None and second.merged == first.after_sha256
    assert "merged" in second.summary()


def test_the_same_cell_waits_for_the_editor_s_choice(plan_workbook, password_hash):
    aman, maya = sign_in("Aman", password_hash), sign_in("Maya", password_hash)
    opened = edits.open_for_editing(plan_workbook)
    save.save_changes(aman, plan_workbook, opened.sha256, typed(opened, 0, Notes="Aman's note"))
    after_aman = plan_workbook.read_bytes()
    mine = typed(opened, 0, Notes="Maya's note", Status="In progress")
    with pytest.raises(save.MergeNeeded) as refused:
        save.save_changes(maya, plan_workbook, opened.sha256, mine, base_content=opened.content)
    assert plan_workbook.read_bytes() == after_aman  # nothing saved, not even the cell without a conflict
    [conflict] = refused.value.conflicts
    assert (conflict.key, conflict.column, conflict.theirs, conflict.mine) == (
        "2021-01",
        "Notes",
        "Aman's note",
        "Maya's note",
    )
    assert "1 cell was changed by both of you" in str(refused.value)
    save.save_changes(
        maya, plan_workbook, opened.sha256, mine, base_content=opened.content, choices={conflict.id: Side.THEIRS}
    )
    kept = activity(plan_workbook, "2021-01")
    assert (kept["Notes"], kept["Status"]) == ("Aman's note", "In progress")
