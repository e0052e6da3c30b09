"""The audit log: one JSON line per change to the workbook (who, when, what, which cells, old -> new).

It lives beside the workbook as `audit.log` (git-ignored) and is appended to, under the workbook's lock, in two
steps so that no change can happen unlogged: the record goes in marked pending, flushed to disk, *before* the
workbook is replaced; a short line `{"id": ..., "state": "done"}` follows once it has been. A save that fails
before the replace takes its pending line out again (`withdraw`). A pending record left without its mark (a crash,
a full disk after the replace) is settled by the content hashes: it happened if the workbook, or the next record,
starts from the version it wrote. `AuditRecord` is the one shape a record has, written and read back here; the
Data page lists them through an index in the SQLite store (`index`, `search`).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from ..i18n import _, n_
from .edits import CellChange
from .store import Store

AUDIT_FILE = "audit.log"
SUMMARY_CELLS = 4  # a change log line names this many cells, then "and n more"


class State(StrEnum):
    """Where a record stands. Only done records are shown; pending ones are settled by the versions' hashes."""

    PENDING = "pending"  # written before the workbook was replaced
    DONE = "done"  # the workbook was replaced
    NOT_SAVED = "not saved"  # the save it describes did not happen


def new_id() -> str:
    return secrets.token_hex(8)


class Action(StrEnum):
    """What a record did to the workbook."""

    EDIT = "edit"  # cells changed in the app's editor
    UPLOAD = "upload"  # replaced by an uploaded file
    RESTORE = "restore"  # replaced by one of its backups


@dataclass(frozen=True)
class AuditRecord:
    """One change to the workbook, as the audit log keeps it.

    before_sha256 / after_sha256 name the versions (content hashes); backup is the file name, in backups/, of the
    version replaced. uploaded and size are set for an upload, restored for a restore, changes for an edit.
    """

    who: str
    how: str
    workbook: str
    action: Action
    when: datetime
    changes: tuple[CellChange, ...] = ()
    uploaded: str | None = None
    size: int | None = None
    restored: str | None = None
    before_sha256: str | None = None
    after_sha256: str | None = None
    backup: str | None = None
    merged: str | None = None  # an edit made on an older version: the version it was merged with (its hash)
    id: str = field(default_factory=new_id)
    state: State = State.DONE

    def to_json(self) -> dict[str, object]:
        """The record as one line of the log holds it (only the fields its action uses)."""
        entry: dict[str, object] = {
            "when": self.when.isoformat(timespec="seconds"),
            "who": self.who,
            "how": self.how,
            "workbook": self.workbook,
            "action": str(self.action),
        }
        if self.action == Action.EDIT:
            entry["changes"] = [_plain(change.as_audit()) for change in self.changes]
            if self.merged:
                entry["merged_with"] = self.merged
        if self.action == Action.UPLOAD:
            entry |= {"uploaded": self.uploaded, "size": self.size}
        if self.action == Action.RESTORE:
            entry["restored"] = self.restored
        entry |= {"before_sha256": self.before_sha256, "after_sha256": self.after_sha256, "backup": self.backup}
        entry |= {"id": self.id, "state": str(self.state)}
        return entry

    @classmethod
    def from_json(cls, entry: Mapping[str, object]) -> AuditRecord | None:
        """A line of the log read back; None for a line that is not a record."""
        try:
            action = Action(str(entry["action"]))
            when = datetime.fromisoformat(str(entry["when"]))
        except (KeyError, ValueError):
            return None
        changes = entry.get("changes")
        size = entry.get("size")
        return cls(
            who=str(entry.get("who") or ""),
            how=str(entry.get("how") or ""),
            workbook=str(entry.get("workbook") or ""),
            action=action,
            when=when,
            changes=tuple(
                CellChange.from_audit(change)
                for change in (changes if isinstance(changes, list) else ())
                if isinstance(change, Mapping)
            ),
            uploaded=_text_or_none(entry.get("uploaded")),
            size=size if isinstance(size, int) else None,
            restored=_text_or_none(entry.get("restored")),
            before_sha256=_text_or_none(entry.get("before_sha256")),
            after_sha256=_text_or_none(entry.get("after_sha256")),
            backup=_text_or_none(entry.get("backup")),
            merged=_text_or_none(entry.get("merged_with")),
            id=str(entry.get("id") or ""),  # lines written before records had an id or a state were done
            state=_state(entry.get("state")) or State.DONE,
        )

    def summary(self) -> str:
        """What the record did, in a few words: `3 changes: 2021-01 Status, 2021-02 Notes, …`."""
        if self.action == Action.EDIT:
            row = _("(row)")
            cells = ", ".join(f"{change.key} {change.column or row}" for change in self.changes[:SUMMARY_CELLS])
            extra = len(self.changes) - SUMMARY_CELLS
            more = " " + _("and {n} more").format(n=extra) if extra > 0 else ""
            merged = " " + _("(merged with changes saved meanwhile)") if self.merged else ""
            count = n_("{n} change", "{n} changes", len(self.changes)).format(n=len(self.changes))
            return f"{count}{merged}: {cells}{more}"
        if self.action == Action.UPLOAD:
            return _("uploaded {name}").format(name=self.uploaded)
        return _("restored {name}").format(name=self.restored)


def _state(value: object) -> State | None:
    try:
        return State(str(value))
    except ValueError:
        return None


def _mark(entry: Mapping[str, object]) -> tuple[str, State] | None:
    """(record id, state) of a mark line `{"id": ..., "state": ...}`; None for any other line."""
    state = _state(entry.get("state"))
    if "action" in entry or state is None or not entry.get("id"):
        return None
    return str(entry["id"]), state


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _plain(value: object) -> object:
    """JSON-friendly: dates as ISO text, anything unusual as its text."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return str(value)


def audit_path(workbook: Path) -> Path:
    """The audit log of the workbook: `audit.log` in the same folder."""
    return Path(workbook).parent / AUDIT_FILE


def _append(workbook: Path, entry: Mapping[str, object]) -> None:
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    descriptor = os.open(audit_path(workbook), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def append_record(workbook: Path, record: AuditRecord) -> AuditRecord:
    """Append one record to the log and flush it to disk; returns it."""
    _append(workbook, record.to_json())
    return record


def mark(workbook: Path, record_id: str, state: State) -> None:
    """Settle a pending record: `{"id": ..., "state": "done"}` appended and flushed to disk."""
    _append(workbook, {"id": record_id, "state": str(state)})


def log_size(workbook: Path) -> int | None:
    """The log's size in bytes now (None when there is none yet): where a pending record will start."""
    try:
        return audit_path(workbook).stat().st_size
    except FileNotFoundError:
        return None


def withdraw(workbook: Path, size: int | None) -> None:
    """Take back what was appended since the log had this size (None: it did not exist), for a save that failed
    before the workbook was replaced: the log is left exactly as it was. Called with the workbook's lock held."""
    path = audit_path(workbook)
    if size is None:
        path.unlink(missing_ok=True)
        return
    descriptor = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(descriptor, size)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _lines(workbook: Path, start: int = 0) -> tuple[list[tuple[int, dict[str, object]]], int]:
    """The log's whole JSON lines from byte `start` as (offset, object), and the offset after the last whole line
    (a line still being written is left for next time)."""
    path = audit_path(workbook)
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            payload = handle.read()
    except FileNotFoundError:
        return [], start
    entries: list[tuple[int, dict[str, object]]] = []
    offset = start
    for raw in payload.splitlines(keepends=True):
        if not raw.endswith(b"\n"):
            break
        try:
            entry = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            entry = None
        if isinstance(entry, dict):
            entries.append((offset, entry))
        offset += len(raw)
    return entries, offset


def workbook_sha256(workbook: Path) -> str | None:
    try:
        return hashlib.sha256(Path(workbook).read_bytes()).hexdigest()
    except OSError:
        return None


def _settle(records: list[AuditRecord], current_sha256: str | None) -> list[AuditRecord]:
    """Done records, oldest first: pending ones count as done when the workbook, or a later record, starts from
    the version they wrote; records of saves that did not happen are left out."""
    settled = []
    for number, record in enumerate(records):
        if record.state == State.PENDING:
            later = {other.before_sha256 for other in records[number + 1 :]}
            if record.after_sha256 is not None and record.after_sha256 in later | {current_sha256}:
                record = replace(record, state=State.DONE)
        if record.state == State.DONE:
            settled.append(record)
    return settled


def read_all(workbook: Path) -> list[AuditRecord]:
    """Every record of the log as written (any workbook, any state), oldest first, with their marks applied."""
    records: list[AuditRecord] = []
    marks: dict[str, State] = {}
    for _offset, entry in _lines(workbook)[0]:
        if (found := _mark(entry)) is not None:
            marks[found[0]] = found[1]
        elif (record := AuditRecord.from_json(entry)) is not None:
            records.append(record)
    return [replace(record, state=marks[record.id]) if record.id in marks else record for record in records]


def read_records(workbook: Path, limit: int | None = None) -> list[AuditRecord]:
    """The changes made to this workbook, newest first (pending records settled; lines that are not records
    skipped)."""
    name = Path(workbook).name
    records = [record for record in read_all(workbook) if record.workbook in ("", name)]
    settled = _settle(records, workbook_sha256(workbook))
    settled.reverse()
    return settled[:limit] if limit is not None else settled


def unsettled(workbook: Path) -> list[AuditRecord]:
    """Pending records without a mark, oldest first (what a crash or a full disk left), for `save.recover`."""
    return [record for record in read_all(workbook) if record.state == State.PENDING]


# ---------------------------------------------------------------------------------------------------------------
# The index in the SQLite store: the log read once, line by line as it grows, so the change log lists and filters
# quickly however long the log gets. The log stays the record; the index can be deleted and is rebuilt.


def index(store: Store, workbook: Path) -> None:
    """Bring the store's index of the workbook's audit log up to date (new lines only; all of it again if the
    log was replaced or cut)."""
    path = audit_path(workbook)
    log = str(path.resolve())
    try:
        stat = path.stat()
    except FileNotFoundError:
        with store.transaction() as connection:
            connection.execute("DELETE FROM audit_entries WHERE log = ?", (log,))
            connection.execute("DELETE FROM audit_log_read WHERE log = ?", (log,))
        return
    with store.transaction() as connection:
        row = connection.execute("SELECT device, inode, offset FROM audit_log_read WHERE log = ?", (log,)).fetchone()
        start = row[2] if row and (row[0], row[1]) == (stat.st_dev, stat.st_ino) and row[2] <= stat.st_size else 0
        if start == 0:
            connection.execute("DELETE FROM audit_entries WHERE log = ?", (log,))
        entries, end = _lines(workbook, start)
        for offset, entry in entries:
            if (found := _mark(entry)) is not None:
                connection.execute(
                    "UPDATE audit_entries SET state = ? WHERE log = ? AND record_id = ?", (str(found[1]), log, found[0])
                )
            elif (record := AuditRecord.from_json(entry)) is not None:
                connection.execute(
                    "INSERT OR REPLACE INTO audit_entries (log, offset, record_id, workbook, at, who, action, state, "
                    "before_sha256, after_sha256, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        log,
                        offset,
                        record.id or None,
                        record.workbook,
                        record.when.isoformat(timespec="seconds"),
                        record.who,
                        str(record.action),
                        str(record.state),
                        record.before_sha256,
                        record.after_sha256,
                        json.dumps(entry, ensure_ascii=False),
                    ),
                )
        connection.execute(
            "INSERT OR REPLACE INTO audit_log_read (log, device, inode, offset) VALUES (?, ?, ?, ?)",
            (log, stat.st_dev, stat.st_ino, end),
        )


def search(
    store: Store,
    workbook: Path,
    *,
    who: str | None = None,
    action: Action | None = None,
    limit: int = 50,
) -> list[AuditRecord]:
    """The changes made to this workbook, newest first, from the index (brought up to date first): all, or by one
    editor, or of one kind. Pending records are settled as `read_records` does. If the store cannot be used, the
    log itself is read."""
    try:
        index(store, workbook)
        log = str(audit_path(workbook).resolve())
        current = workbook_sha256(workbook)
        query = (
            "SELECT line, state FROM audit_entries AS entry WHERE log = ? AND workbook IN ('', ?) AND ("
            " state = 'done' OR (state = 'pending' AND after_sha256 IS NOT NULL AND (after_sha256 = ? OR EXISTS ("
            "  SELECT 1 FROM audit_entries AS later WHERE later.log = entry.log AND later.offset > entry.offset"
            "  AND later.before_sha256 = entry.after_sha256))))"
        )
        arguments: list[object] = [log, Path(workbook).name, current]
        if who:
            query += " AND who = ?"
            arguments.append(who)
        if action:
            query += " AND action = ?"
            arguments.append(str(action))
        query += " ORDER BY offset DESC LIMIT ?"
        arguments.append(limit)
        with store.connect() as connection:
            rows = connection.execute(query, arguments).fetchall()
    except sqlite3.Error:
        records = read_records(workbook)
        return [r for r in records if (not who or r.who == who) and (not action or r.action == action)][:limit]
    found = [AuditRecord.from_json(json.loads(line)) for line, _ in rows]
    return [replace(record, state=State.DONE) for record in found if record is not None]


def editors(store: Store, workbook: Path) -> list[str]:
    """The names in the workbook's change log, for filtering it (editors only see this)."""
    try:
        index(store, workbook)
        with store.connect() as connection:
            rows = connection.execute(
                "SELECT DISTINCT who FROM audit_entries WHERE log = ? AND workbook IN ('', ?) ORDER BY who",
                (str(audit_path(workbook).resolve()), Path(workbook).name),
            ).fetchall()
    except sqlite3.Error:
        return sorted({record.who for record in read_records(workbook)})
    return [row[0] for row in rows]
