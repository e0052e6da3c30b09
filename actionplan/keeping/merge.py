"""Three-way merge by cell: an editor's changes, made on an older version (base), carried onto the version on disk
now (theirs), so that saves by others meanwhile are kept rather than refused or overwritten.

Rows are matched by what they are in the plan, not by where they are: activities by ID, steps by Activity ID and
Step. For each cell: changed only by me -> my value; only by them -> theirs stays; by both to the same value ->
nothing to do; by both to different values -> a conflict, which the editor settles by choosing base, theirs or
mine. A row deleted on one side and changed on the other is a conflict of the whole row; added rows take part
too. Pure: tables in, changes out (Excel rows of the version on disk).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .. import words
from ..i18n import _
from ..plan import contract
from ..plan.contract import ActivityColumn, MessageColumn, StepColumn
from .edits import ADD, CHANGE, DELETE, ROW, CellChange, EditTable, normalise
from .faults import Conflict

WHOLE_ROW = ""  # the column of a conflict about a whole row (deleted on one side, changed on the other)
ROW_DELETED = "(row deleted)"
ROW_CHANGED = "(row changed)"
ROW_ABSENT = "(no such row)"


class Side(StrEnum):
    """Which value a conflicting cell takes."""

    BASE = "base"  # as it was when the editor opened the workbook
    THEIRS = "theirs"  # as saved since by someone else
    MINE = "mine"  # as the editor typed it


class Unmergeable(ValueError):
    """The tables cannot be matched row by row (a blank or repeated ID, or a column gone)."""


@dataclass(frozen=True)
class CellConflict:
    """A cell (or a whole row: column WHOLE_ROW) changed on both sides to different values."""

    sheet: str
    key: str
    column: str
    base: object
    theirs: object
    mine: object

    @property
    def id(self) -> str:
        return f"{self.sheet}\t{self.key}\t{self.column}"

    def as_record(self) -> dict[str, str]:
        return {
            "Sheet": self.sheet,
            "ID": self.key,
            "Column": self.column or _("(whole row)"),
            "Base": words.cell_text(self.base),
            "Theirs": words.cell_text(self.theirs),
            "Mine": words.cell_text(self.mine),
        }


class MergeNeeded(Conflict):
    """Saved meanwhile by someone else, and some cells changed on both sides: the editor chooses, cell by cell."""

    def __init__(self, message: str, conflicts: Sequence[CellConflict]) -> None:
        super().__init__(message)
        self.conflicts = tuple(conflicts)


@dataclass(frozen=True)
class Merge:
    """changes: what to write to the version on disk; theirs: what others changed since base (kept);
    conflicts: cells still to be chosen (nothing may be saved while any is left)."""

    changes: tuple[CellChange, ...]
    theirs: tuple[CellChange, ...]
    conflicts: tuple[CellConflict, ...] = field(default=())

    @property
    def clean(self) -> bool:
        return not self.conflicts


Record = dict[str, object]


def row_key(sheet: str, values: Mapping[str, object]) -> str:
    """The row's identity in the plan's words: `2021-04`, or `2021-04 step 2` (blank when it has none)."""
    if sheet == contract.STEPS:
        activity, step = (
            words.cell_text(values.get(StepColumn.ACTIVITY_ID)),
            words.cell_text(values.get(StepColumn.STEP)),
        )
        return f"{activity} step {step}" if activity and step else ""
    if sheet == contract.MESSAGES:  # no ID of its own: a message is known by its session, topic and words
        parts = [words.cell_text(values.get(column)) for column in (MessageColumn.SESSION, MessageColumn.TOPIC)]
        text = words.cell_text(values.get(MessageColumn.MESSAGE))
        return f"message {' · '.join(parts)} · {text[:60]}" if text else ""
    return words.cell_text(values.get(ActivityColumn.ID))


def keyed(table: EditTable) -> dict[str, tuple[int, Record]]:
    """{key: (Excel row, {column: value})} of a table; Unmergeable when a key is blank or repeated."""
    rows: dict[str, tuple[int, Record]] = {}
    for record in table.frame.to_dict("records"):
        values = {name: normalise(record.get(name), table.kind(name)) for name in table.columns}
        key = row_key(table.sheet, values)
        if not key or key in rows:
            raise Unmergeable(f"{table.sheet}: {'a row without an ID' if not key else f'{key} appears twice'}")
        rows[key] = (int(record[ROW]), values)
    return rows


def _mine(table: EditTable, base: dict[str, tuple[int, Record]], changes: Sequence[CellChange]) -> dict[str, Record]:
    """The editor's version of the table, keyed like the base (a row keeps its base key even if its ID changed)."""
    by_row = {row: key for key, (row, _) in base.items()}
    mine = {key: dict(values) for key, (_, values) in base.items()}
    added: dict[int, Record] = defaultdict(dict)
    for change in changes:
        if change.sheet != table.sheet:
            continue
        if change.action == CHANGE and change.row in by_row:
            mine[by_row[change.row]][change.column] = change.new
        elif change.action == DELETE and change.row in by_row:
            mine.pop(by_row[change.row], None)
        elif change.action == ADD:
            added[change.added or 0][change.column] = change.new
    for values in added.values():
        key = row_key(table.sheet, values)
        if not key or key in mine:
            raise Unmergeable(f"{table.sheet}: a new row {key or 'without an ID'} cannot be matched")
        mine[key] = values
    return mine


def _cells(*records: Record | None) -> list[str]:
    return list(dict.fromkeys(name for record in records if record for name in record))


def _differs(one: Record, other: Record) -> bool:
    return any(one.get(name) != other.get(name) for name in _cells(one, other))


def merge_tables(
    base: EditTable,
    mine_changes: Sequence[CellChange],
    theirs: EditTable,
    choices: Mapping[str, Side] | None = None,
) -> Merge:
    """One sheet merged: see the module's docstring. `choices` settles conflicts by their id."""
    choices = choices or {}
    sheet = base.sheet
    base_rows, their_rows = keyed(base), keyed(theirs)
    mine = _mine(base, base_rows, mine_changes)
    columns = set(theirs.columns) | {column.name for column in contract.optional_columns(sheet)}  # may be added
    out: list[CellChange] = []
    kept: list[CellChange] = []
    conflicts: list[CellConflict] = []
    added = 0

    def add_row(key: str, values: Record) -> None:
        nonlocal added
        added += 1
        for name, value in values.items():
            if value is not None:
                if name not in columns:
                    raise Unmergeable(f"{sheet}: the column {name} is no longer in the sheet")
                out.append(CellChange(sheet, None, key, name, None, value, ADD, added))

    def set_cell(key: str, name: str, old: object, new: object) -> None:
        if name not in columns:
            raise Unmergeable(f"{sheet}: the column {name} is no longer in the sheet")
        out.append(CellChange(sheet, their_rows[key][0], key, name, old, new))

    for key in dict.fromkeys([*base_rows, *mine, *their_rows]):
        b = base_rows[key][1] if key in base_rows else None
        m = mine.get(key)
        t = their_rows[key][1] if key in their_rows else None
        if b is not None and t is not None:
            kept += [
                CellChange(sheet, None, key, name, b.get(name), t.get(name))
                for name in _cells(b, t)
                if b.get(name) != t.get(name)
            ]
        elif b is not None:
            kept.append(CellChange(sheet, base_rows[key][0], key, WHOLE_ROW, None, None, DELETE))
        elif t is not None and m is None:
            kept += [
                CellChange(sheet, None, key, name, None, value, ADD) for name, value in t.items() if value is not None
            ]
        if m is None and t is None:
            continue
        if m is None:  # deleted by me (or never mine): delete theirs if they left it as it was
            if b is None or t is None:
                continue
            if not _differs(b, t):
                out.append(CellChange(sheet, their_rows[key][0], key, WHOLE_ROW, None, None, DELETE))
                continue
            conflict = CellConflict(sheet, key, WHOLE_ROW, "(as it was)", ROW_CHANGED, ROW_DELETED)
            choice = choices.get(conflict.id)
            if choice is None:
                conflicts.append(conflict)
            elif choice == Side.MINE:
                out.append(CellChange(sheet, their_rows[key][0], key, WHOLE_ROW, None, None, DELETE))
            elif choice == Side.BASE:
                for name in _cells(b, t):
                    if b.get(name) != t.get(name):
                        set_cell(key, name, t.get(name), b.get(name))
            continue
        if t is None:  # gone on disk (deleted by them, or a row only I added)
            if b is None:
                add_row(key, m)
                continue
            if not _differs(b, m):
                continue
            conflict = CellConflict(sheet, key, WHOLE_ROW, "(as it was)", ROW_DELETED, ROW_CHANGED)
            choice = choices.get(conflict.id)
            if choice is None:
                conflicts.append(conflict)
            elif choice in (Side.MINE, Side.BASE):
                add_row(key, m if choice == Side.MINE else b)
            continue
        for name in _cells(b, m, t):
            bv = b.get(name) if b is not None else None
            mv, tv = m.get(name), t.get(name)
            if mv in (tv, bv):
                continue
            if tv == bv:
                set_cell(key, name, tv, mv)
                continue
            conflict = CellConflict(sheet, key, name, bv, tv, mv)
            choice = choices.get(conflict.id)
            if choice is None:
                conflicts.append(conflict)
            elif choice != Side.THEIRS:
                set_cell(key, name, tv, mv if choice == Side.MINE else bv)
    return Merge(tuple(out), tuple(kept), tuple(conflicts))


def merge(
    base: Mapping[str, EditTable],
    mine_changes: Sequence[CellChange],
    theirs: Mapping[str, EditTable],
    choices: Mapping[str, Side] | None = None,
) -> Merge:
    """Every editable sheet merged (a sheet the editor did not change is taken as it is on disk)."""
    changes: list[CellChange] = []
    kept: list[CellChange] = []
    conflicts: list[CellConflict] = []
    for sheet, table in base.items():
        mine = [change for change in mine_changes if change.sheet == sheet]
        if not mine:
            continue
        if sheet not in theirs:
            raise Unmergeable(f"the sheet {sheet} is no longer in the workbook")
        result = merge_tables(table, mine, theirs[sheet], choices)
        changes += result.changes
        kept += result.theirs
        conflicts += result.conflicts
    return Merge(tuple(changes), tuple(kept), tuple(conflicts))
