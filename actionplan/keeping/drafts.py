"""Editors' unsaved edits kept in the store beside the workbook, so a page switch, a reload or signing in again
loses nothing typed.

One live draft per editor and workbook (its changes against the version it was started from, by content hash),
written whenever the edits change; discarding moves it aside as that editor's last discarded draft, which Undo
brings back once. A draft whose version is no longer current is resumed on that version (found among the
backups), and its save merges with what was saved since (`merge`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from . import backups
from .audit import _plain
from .edits import ADD, CHANGE, DELETE, ROW, CellChange, EditTable, normalise
from .store import Draft, Store

LIVE, DISCARDED = "live", "discarded"


def encode(changes: Sequence[CellChange]) -> str:
    """The changes as the drafts table keeps them (the audit log's JSON shape)."""
    return json.dumps([_plain(change.as_audit()) for change in changes], ensure_ascii=False)


def decode(text: str) -> list[CellChange]:
    """A draft's changes read back (dates come back as ISO text; `normalise` reads them by the column's kind)."""
    try:
        entries = json.loads(text)
    except ValueError:
        return []
    return [CellChange.from_audit(entry) for entry in entries if isinstance(entry, dict)]


def _row(row: tuple) -> Draft:
    return Draft(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]), datetime.fromisoformat(row[6]))


_COLUMNS = "id, workbook, editor, base_sha256, changes, created_at, updated_at"


def _find(store: Store, workbook: str, editor: str, state: str) -> Draft | None:
    with store.connect() as connection:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM drafts WHERE workbook = ? AND editor = ? AND state = ?",
            (workbook, editor, state),
        ).fetchone()
    return _row(row) if row else None


def live(store: Store, workbook: str, editor: str) -> Draft | None:
    """The editor's unsaved draft for this workbook (by file name), if any."""
    return _find(store, workbook, editor, LIVE)


def discarded(store: Store, workbook: str, editor: str) -> Draft | None:
    """The draft this editor discarded last, which Undo may bring back."""
    return _find(store, workbook, editor, DISCARDED)


def keep(
    store: Store, workbook: str, editor: str, base_sha256: str, changes: Sequence[CellChange], when: datetime | None
) -> None:
    """Write the editor's draft as it is now (no changes: the draft goes). `when` is when it was started; the
    time of its first change is kept while it is being added to."""
    now = (when or datetime.now()).isoformat(timespec="seconds")
    with store.transaction() as connection:
        if not changes:
            connection.execute(
                "DELETE FROM drafts WHERE workbook = ? AND editor = ? AND state = ?", (workbook, editor, LIVE)
            )
            return
        updated = connection.execute(
            "UPDATE drafts SET base_sha256 = ?, changes = ?, updated_at = ? "
            "WHERE workbook = ? AND editor = ? AND state = ?",
            (base_sha256, encode(changes), now, workbook, editor, LIVE),
        )
        if updated.rowcount == 0:
            connection.execute(
                "INSERT INTO drafts (workbook, editor, base_sha256, changes, created_at, updated_at, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (workbook, editor, base_sha256, encode(changes), now, now, LIVE),
            )


def discard(store: Store, workbook: str, editor: str) -> bool:
    """Set the live draft aside as the last discarded one (replacing the one before); False if there was none."""
    with store.transaction() as connection:
        found = connection.execute(
            "SELECT id FROM drafts WHERE workbook = ? AND editor = ? AND state = ?", (workbook, editor, LIVE)
        ).fetchone()
        if not found:
            return False
        connection.execute(
            "DELETE FROM drafts WHERE workbook = ? AND editor = ? AND state = ?", (workbook, editor, DISCARDED)
        )
        connection.execute("UPDATE drafts SET state = ? WHERE id = ?", (DISCARDED, found[0]))
    return True


def undo_discard(store: Store, workbook: str, editor: str) -> bool:
    """Bring the last discarded draft back as the live one, once (refused while another live draft exists)."""
    with store.transaction() as connection:
        if connection.execute(
            "SELECT 1 FROM drafts WHERE workbook = ? AND editor = ? AND state = ?", (workbook, editor, LIVE)
        ).fetchone():
            return False
        moved = connection.execute(
            "UPDATE drafts SET state = ? WHERE workbook = ? AND editor = ? AND state = ?",
            (LIVE, workbook, editor, DISCARDED),
        )
    return moved.rowcount > 0


def forget(store: Store, workbook: str, editor: str) -> None:
    """After a save: the live draft and the discarded one go."""
    with store.transaction() as connection:
        connection.execute("DELETE FROM drafts WHERE workbook = ? AND editor = ?", (workbook, editor))


def version_with(workbook: Path, sha256: str) -> bytes | None:
    """The bytes of the version with this hash: the workbook itself, or one of its backups (None if neither)."""
    workbook = Path(workbook)
    candidates = [workbook, *backups.list_backups(workbook)]
    for candidate in candidates:
        try:
            content = candidate.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(content).hexdigest() == sha256:
            return content
    return None


def applied(table: EditTable, changes: Sequence[CellChange]) -> pd.DataFrame:
    """The table as the editor showed it with these changes typed: changed cells set, deleted rows gone, new rows
    at the bottom with a blank Row. Changes to rows or columns the table lacks are left out."""
    # frame: Row, columns... -> the same shape, rows deleted and added
    frame = table.frame.copy()
    mine = [change for change in changes if change.sheet == table.sheet]
    rows = {int(row): index for index, row in zip(frame.index, frame[ROW]) if not pd.isna(row)}
    columns = set(table.columns)
    for change in mine:
        if change.action == CHANGE and change.row in rows and change.column in columns:
            value = normalise(change.new, table.kind(change.column))
            column = frame[change.column]
            if value is None:
                frame.loc[rows[change.row], change.column] = None if column.dtype == object else pd.NA
            else:
                if table.kind(change.column).numeric and isinstance(value, float) and column.dtype == "Int64":
                    frame[change.column] = column.astype("Float64")
                frame.loc[rows[change.row], change.column] = value
    gone = [rows[change.row] for change in mine if change.action == DELETE and change.row in rows]
    frame = frame.drop(index=gone)
    added: dict[int, dict[str, object]] = defaultdict(dict)
    for change in mine:
        if change.action == ADD and change.column in columns:
            added[change.added or 0][change.column] = normalise(change.new, table.kind(change.column))
    if added:
        new = pd.DataFrame([added[ordinal] for ordinal in sorted(added)], columns=frame.columns)
        for name in frame.columns:
            new[name] = new[name].astype(frame[name].dtype) if frame[name].dtype != object else new[name]
        frame = pd.concat([frame, new], ignore_index=True)
    return frame.reset_index(drop=True)
