"""The check-ins a save appends: one new row of the Updates sheet per activity whose report the save changes.

A check-in is made of ordinary cell changes (`CellChange` ADD rows of the Updates sheet), so it is written by
whatever writes the other changes of the save, in the same file, under the same lock, or not at all. It records
the activity's report as the save leaves it: Status, Progress %, Notes and Evidence, dated by the Last update typed
in this save, else by the day of the save, with Source: who saved it (the editor's name, or the name a return is
saved under, e.g. "Return: Ministry of Culture (Before GC 44)"). Nothing is inferred: a blank Status is written
blank, and read back as Not reported.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from openpyxl import load_workbook

from ..plan import contract
from ..plan.contract import ActivityColumn as A
from ..plan.contract import UpdateColumn as U
from ..plan.sheet_xml import workbook_sheets
from ..plan.workbook import add_table_sheet
from .edits import ADD, CHANGE, DELETE, CellChange, EditTable, normalise, read_tables

# The columns of an activity that make a report: a save that changes any of them appends a check-in.
REPORTED: tuple[str, ...] = (A.STATUS, A.PROGRESS, A.LAST_UPDATE, A.NOTES, A.EVIDENCE)
# What a check-in copies from the activity as the save leaves it (Date and Source are the save's own).
COPIED: tuple[tuple[str, str], ...] = (
    (U.ACTIVITY_ID, A.ID),
    (U.STATUS, A.STATUS),
    (U.PROGRESS, A.PROGRESS),
    (U.NOTES, A.NOTES),
    (U.EVIDENCE, A.EVIDENCE),
)


def checkins_of(
    activities: EditTable | None, changes: Sequence[CellChange], *, source: str, day: date
) -> tuple[CellChange, ...]:
    """The Updates rows (as ADD changes) for the activities whose report `changes` change, in the order the
    changes name them. `activities` is the Activities sheet of the version the changes apply to."""
    # changes (cell by cell) -> {activity: {column: value after the save}}, keyed by Excel row or new-row number
    base: dict[int, dict[str, object]] = {}
    if activities is not None:
        base = {int(record[contract.ROW]): record for record in activities.frame.to_dict("records")}
    after: dict[tuple[str, int], dict[str, object]] = {}
    reported: dict[tuple[str, int], set[str]] = {}
    for change in changes:
        if change.sheet != contract.ACTIVITIES:
            continue
        if change.action == DELETE and change.row is not None:
            after.pop(("row", change.row), None)
            reported.pop(("row", change.row), None)
            continue
        if change.action == CHANGE and change.row is not None:
            key = ("row", change.row)
            after.setdefault(key, _kinds(activities, base.get(change.row, {})))
        elif change.action == ADD:
            key = ("added", change.added or 0)
            after.setdefault(key, {})
        else:
            continue
        after[key][change.column] = change.new
        if change.column in REPORTED:
            reported.setdefault(key, set()).add(change.column)
    rows = []
    for key, columns in reported.items():
        values = after[key]
        if key[0] == "added" and all(values.get(column) is None for column in columns):
            continue  # a new activity with nothing reported
        if not values.get(A.ID):
            continue  # the save is refused anyway: an activity needs an ID
        typed = values.get(A.LAST_UPDATE) if A.LAST_UPDATE in columns else None
        when = typed.date() if isinstance(typed, datetime) else typed if isinstance(typed, date) else day
        row = {U.DATE: when, **{target: values.get(source_column) for target, source_column in COPIED}}
        rows.append({**row, U.SOURCE: source or None})
    return tuple(
        CellChange(contract.UPDATES, None, str(row[U.ACTIVITY_ID]), column, None, value, ADD, number)
        for number, row in enumerate(rows, start=1)
        for column, value in row.items()
        if value is not None
    )


def _kinds(activities: EditTable | None, record: Mapping[str, object]) -> dict[str, object]:
    """An Activities row's values in their canonical form (dates as date, whole numbers as int)."""
    if activities is None:
        return {}
    return {name: normalise(record.get(name), activities.kind(name)) for name in activities.columns}


def appended(
    content: bytes,
    tables: Mapping[str, EditTable] | None,
    changes: Sequence[CellChange],
    *,
    source: str,
    day: date,
) -> tuple[bytes, tuple[CellChange, ...]]:
    """The check-ins a save of `changes` to this version appends, and the bytes to apply everything to: the same,
    or with an empty Updates sheet added when check-ins go to a workbook that has none. `tables` are the version's
    editable tables when already read (the editor's); the Activities sheet is read only when a report changes."""
    if not any(change.sheet == contract.ACTIVITIES and change.column in REPORTED for change in changes):
        return content, ()
    activities = (tables if tables is not None else read_tables(content)).get(contract.ACTIVITIES)
    logged = checkins_of(activities, changes, source=source, day=day)
    return (with_updates_sheet(content) if logged else content), logged


def has_sheet(content: bytes, sheet: str) -> bool:
    """True when the workbook has this sheet (matched like headers), read from workbook.xml alone."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts: dict[str, bytes] = {
            name: archive.read(name)
            for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
            if name in archive.namelist()
        }
    sheets, _ = workbook_sheets(parts)
    return contract.sheet_named([ref.name for ref in sheets], sheet) is not None


def with_updates_sheet(content: bytes) -> bytes:
    """The workbook with an empty Updates sheet added (before Lists) when it has none; else the same bytes."""
    if has_sheet(content, contract.UPDATES):
        return content
    workbook = load_workbook(io.BytesIO(content))
    add_table_sheet(workbook, contract.UPDATES)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
