"""What replacing the workbook would change, before it is replaced: an upload or a backup compared with the
current version cell by cell (activities by ID, steps by activity and step), which of those cells hold a value an
app save wrote since (so the replacement would undo it), and each backup named by the save that made it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from .. import words
from ..i18n import _
from .audit import Action, AuditRecord
from .edits import ADD, CHANGE, DELETE, ROW, CellChange, EditTable, normalise, read_tables
from .merge import row_key

Record = dict[str, object]


def _rows(table: EditTable) -> dict[str, tuple[int, Record]]:
    """{key: (Excel row, values)}; a blank or repeated ID is told apart by its row, so nothing is left out."""
    rows: dict[str, tuple[int, Record]] = {}
    for record in table.frame.to_dict("records"):
        values = {name: normalise(record.get(name), table.kind(name)) for name in table.columns}
        key = row_key(table.sheet, values)
        if not key or key in rows:
            key = f"{key or '(no ID)'} (row {record[ROW]})"
        rows[key] = (int(record[ROW]), values)
    return rows


def _summary(values: Record) -> str:
    for name in ("Event", "Description"):
        if values.get(name):
            text = words.cell_text(values[name])
            return text if len(text) <= 80 else text[:77] + "..."
    return ""


def differences(current: bytes, replacement: bytes) -> list[CellChange]:
    """What making `replacement` the workbook changes in Activities and Steps: cells that differ (old = current,
    new = replacement), rows it adds and rows it removes. Row numbers are those of the current version."""
    now, then = read_tables(current), read_tables(replacement)
    changes: list[CellChange] = []
    for sheet in dict.fromkeys([*now, *then]):
        mine = _rows(now[sheet]) if sheet in now else {}
        other = _rows(then[sheet]) if sheet in then else {}
        added = 0
        for key in dict.fromkeys([*mine, *other]):
            if key not in other:
                changes.append(CellChange(sheet, mine[key][0], key, "", _summary(mine[key][1]), None, DELETE))
            elif key not in mine:
                added += 1
                changes += [
                    CellChange(sheet, None, key, name, None, value, ADD, added)
                    for name, value in other[key][1].items()
                    if value is not None
                ]
            else:
                row, old = mine[key]
                new = other[key][1]
                changes += [
                    CellChange(sheet, row, key, name, old.get(name), new.get(name))
                    for name in dict.fromkeys([*old, *new])
                    if old.get(name) != new.get(name)
                ]
    return changes


@dataclass(frozen=True)
class Undone:
    """A cell the replacement would set back: its value now was written by this app save."""

    change: CellChange  # as the difference (current -> replacement)
    saved_by: str
    saved_at: datetime


def undone(diff: Sequence[CellChange], records: Sequence[AuditRecord], since: datetime | None = None) -> list[Undone]:
    """The differing cells whose current value an app save wrote (the latest save of each cell, `since` a time
    when given: when a backup was replaced, so saves it already holds are left out). Records newest first, as the log reads."""
    written: dict[tuple[str, str, str], tuple[AuditRecord, CellChange]] = {}
    for record in records:
        if record.action != Action.EDIT or (since is not None and record.when < since.replace(microsecond=0)):
            continue
        for change in record.changes:
            if change.action in (CHANGE, ADD):
                written.setdefault((change.sheet, change.key, str(change.column)), (record, change))
    found = []
    for change in diff:
        hit = written.get((change.sheet, change.key, str(change.column)))
        if change.action == CHANGE and hit is not None and hit[1].new == change.old:
            found.append(Undone(change, hit[0].who, hit[0].when))
        elif change.action == DELETE:
            row = [item for key, item in written.items() if key[:2] == (change.sheet, change.key)]
            if row:
                found.append(Undone(change, row[0][0].who, row[0][0].when))
    return found


def undone_table(found: Sequence[Undone], names: bool) -> pd.DataFrame:
    """The cells a replacement would undo: ID, Column, Now, Would become, Saved (when, and by whom for editors)."""
    rows = []
    for item in found:
        when = words.moment(item.saved_at)
        saved = _("{moment} by {name}").format(moment=when, name=item.saved_by) if names else when
        record = item.change.as_record()
        rows.append(
            {
                "ID": record["ID"],
                "Column": record["Column"],
                "Now": record["Old"],
                "Would become": record["New"],
                "Saved": saved,
            }
        )
    return pd.DataFrame(rows, columns=["ID", "Column", "Now", "Would become", "Saved"], dtype=object)


def _moment(when: datetime, today: datetime) -> str:
    return f"{when:%H:%M}" if when.date() == today.date() else words.moment(when)


def backup_label(name: str, content: bytes | None, records: Sequence[AuditRecord], names: bool) -> str:
    """A backup named by when its version was made: "saved 14:02 by Aman (replaced 15:30)". A version no app save
    made (typed in Excel, or the first one) is "saved outside the app". Viewers are not told who."""
    today = datetime.now()
    replaced = next((record for record in records if record.backup == name), None)
    sha = replaced.before_sha256 if replaced else (hashlib.sha256(content).hexdigest() if content else None)
    made = next((record for record in records if sha and record.after_sha256 == sha), None)
    if made is not None:
        when = _moment(made.when, today)
        label = (
            _("saved {moment} by {name}").format(moment=when, name=made.who)
            if names
            else _("saved {moment}").format(moment=when)
        )
    else:
        label = _("saved outside the app")
    if replaced is not None:
        label += " " + _("(replaced {moment})").format(moment=_moment(replaced.when, today))
    return label
