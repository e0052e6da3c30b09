"""Three-way merge by cell (keeping.merge), table-driven: base, mine and theirs, rows matched by ID."""

from __future__ import annotations

import pandas as pd
import pytest

from actionplan.keeping import edits, merge
from actionplan.keeping.edits import ADD, CHANGE, DELETE, EditTable
from actionplan.keeping.merge import Side
from actionplan.plan.contract import Kind

COLUMNS = (("ID", Kind.TEXT), ("Status", Kind.LIST), ("Notes", Kind.TEXT))
BASE = [("2021-01", None, "a"), ("2021-02", None, "b"), ("2021-03", None, "c")]


def table(rows, sheet="Activities", columns=COLUMNS) -> EditTable:
    frame = {edits.ROW: pd.array(range(2, 2 + len(rows)), dtype="Int64")}
    for position, (name, _) in enumerate(columns):
        frame[name] = pd.Series([row[position] for row in rows], dtype=object)
    return EditTable(sheet, pd.DataFrame(frame), columns)


def with_cell(rows, key, column, value):
    position = [name for name, _ in COLUMNS].index(column)
    return [tuple(value if i == position and row[0] == key else v for i, v in enumerate(row)) for row in rows]


def mine_changes(rows):
    """What the editor typed: the base table edited into these rows (Row kept for rows that were there)."""
    base = table(BASE)
    edited = table(rows).frame
    by_id = {row[0]: index + 2 for index, row in enumerate(BASE)}
    edited[edits.ROW] = pd.array([by_id.get(row[0]) for row in rows], dtype="Int64")
    return edits.diff_table(base, edited)


def cells(result):
    return {(c.action, c.row, c.key, c.column, c.new) for c in result.changes}


MERGES = {
    "different cells of one row": (
        with_cell(BASE, "2021-01", "Notes", "mine"),
        with_cell(BASE, "2021-01", "Status", "Completed"),
        {(CHANGE, 2, "2021-01", "Notes", "mine")},
        set(),
    ),
    "different rows, theirs shifted by a deletion": (
        with_cell(BASE, "2021-03", "Notes", "mine"),
        BASE[1:],
        {(CHANGE, 3, "2021-03", "Notes", "mine")},  # 2021-03 is row 3 on disk now
        set(),
    ),
    "the same cell to the same value": (
        with_cell(BASE, "2021-02", "Notes", "same"),
        with_cell(BASE, "2021-02", "Notes", "same"),
        set(),
        set(),
    ),
    "the same cell to different values": (
        with_cell(BASE, "2021-02", "Notes", "mine"),
        with_cell(BASE, "2021-02", "Notes", "theirs"),
        set(),
        {("2021-02", "Notes", "b", "theirs", "mine")},
    ),
    "a row I added and one they added": (
        [*BASE, ("2022-01", "Planned", None)],
        [*BASE, ("2023-01", None, "x")],
        {(ADD, None, "2022-01", "ID", "2022-01"), (ADD, None, "2022-01", "Status", "Planned")},
        set(),
    ),
    "a row I deleted that they left alone": (
        BASE[:2],
        with_cell(BASE, "2021-01", "Notes", "theirs"),
        {(DELETE, 4, "2021-03", "", None)},
        set(),
    ),
    "a row I deleted that they changed": (
        BASE[:2],
        with_cell(BASE, "2021-03", "Notes", "theirs"),
        set(),
        {("2021-03", "", "(as it was)", merge.ROW_CHANGED, merge.ROW_DELETED)},
    ),
    "a row I changed that they deleted": (
        with_cell(BASE, "2021-01", "Notes", "mine"),
        BASE[1:],
        set(),
        {("2021-01", "", "(as it was)", merge.ROW_DELETED, merge.ROW_CHANGED)},
    ),
    "a row both deleted": (BASE[1:], BASE[1:], set(), set()),
}


@pytest.mark.parametrize("mine, theirs, expected, conflicts", MERGES.values(), ids=MERGES.keys())
def test_merge_by_cell(mine, theirs, expected, conflicts):
    result = merge.merge_tables(table(BASE), mine_changes(mine), table(theirs))
    assert cells(result) == expected
    assert {(c.key, c.column, c.base, c.theirs, c.mine) for c in result.conflicts} == conflicts
    assert result.clean == (not conflicts)


CHOICES = {
    Side.MINE: {(CHANGE, 3, "2021-02", "Notes", "mine")},
    Side.THEIRS: set(),
    Side.BASE: {(CHANGE, 3, "2021-02", "Notes", "b")},
}


@pytest.mark.parametrize("side", list(Side))
def test_a_conflict_is_settled_by_the_editor_s_choice(side):
    mine, theirs = with_cell(BASE, "2021-02", "Notes", "mine"), with_cell(BASE, "2021-02", "Notes", "theirs")
    first = merge.merge_tables(table(BASE), mine_changes(mine), table(theirs))
    [conflict] = first.conflicts
    settled = merge.merge_tables(table(BASE), mine_changes(mine), table(theirs), {conflict.id: side})
    assert settled.clean and cells(settled) == CHOICES[side]


def test_a_row_they_deleted_and_i_changed_comes_back_when_i_choose_mine():
    mine = with_cell(BASE, "2021-01", "Notes", "mine")
    first = merge.merge_tables(table(BASE), mine_changes(mine), table(BASE[1:]))
    settled = merge.merge_tables(table(BASE), mine_changes(mine), table(BASE[1:]), {first.conflicts[0].id: Side.MINE})
    assert cells(settled) == {(ADD, None, "2021-01", "ID", "2021-01"), (ADD, None, "2021-01", "Notes", "mine")}


def test_their_changes_are_listed_as_kept():
    result = merge.merge_tables(
        table(BASE),
        mine_changes(with_cell(BASE, "2021-01", "Notes", "mine")),
        table(with_cell(BASE, "2021-02", "Status", "Completed")),
    )
    assert [(c.key, c.column, c.new) for c in result.theirs] == [("2021-02", "Status", "Completed")]


def test_steps_are_matched_by_activity_and_step():
    columns = (("Activity ID", Kind.TEXT), ("Step", Kind.INT), ("Description", Kind.TEXT))
    base = [("2021-01", 1, "one"), ("2021-01", 2, "two")]
    base_table = table(base, "Steps", columns)
    edited = table([("2021-01", 1, "one"), ("2021-01", 2, "mine")], "Steps", columns)
    theirs = table([("2021-01", 2, "two"), ("2021-01", 1, "theirs")], "Steps", columns)  # reordered on disk
    result = merge.merge_tables(base_table, edits.diff_table(base_table, edited.frame), theirs)
    assert cells(result) == {(CHANGE, 2, "2021-01 step 2", "Description", "mine")}


@pytest.mark.parametrize("theirs", [[*BASE, ("2021-01", None, "again")], [*BASE, (None, None, "no ID")]])
def test_rows_that_cannot_be_matched_are_not_merged(theirs):
    with pytest.raises(merge.Unmergeable):
        merge.merge_tables(table(BASE), mine_changes(with_cell(BASE, "2021-01", "Notes", "m")), table(theirs))
