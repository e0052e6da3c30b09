"""The audit log: one JSON line per change to the workbook (who, when, what, which cells, old -> new).

It lives beside the workbook as `audit.log` (git-ignored), is only ever appended to, and is flushed to disk
before the save reports success. `AuditRecord` is the one shape a line has, written and read back here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from .. import words
from .edits import CellChange

AUDIT_FILE = "audit.log"
SUMMARY_CELLS = 4  # a change log line names this many cells, then "and n more"


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
        if self.action == Action.UPLOAD:
            entry |= {"uploaded": self.uploaded, "size": self.size}
        if self.action == Action.RESTORE:
            entry["restored"] = self.restored
        entry |= {"before_sha256": self.before_sha256, "after_sha256": self.after_sha256, "backup": self.backup}
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
        )

    def summary(self) -> str:
        """What the record did, in a few words: `3 changes: 2021-01 Status, 2021-02 Notes, …`."""
        if self.action == Action.EDIT:
            cells = ", ".join(f"{change.key} {change.column or '(row)'}" for change in self.changes[:SUMMARY_CELLS])
            more = f" and {len(self.changes) - SUMMARY_CELLS} more" if len(self.changes) > SUMMARY_CELLS else ""
            return f"{words.count(len(self.changes), 'change')}: {cells}{more}"
        if self.action == Action.UPLOAD:
            return f"uploaded {self.uploaded}"
        return f"restored {self.restored}"


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


def append_record(workbook: Path, record: AuditRecord) -> AuditRecord:
    """Append one record to the log and flush it to disk; returns it."""
    line = json.dumps(record.to_json(), ensure_ascii=False) + "\n"
    descriptor = os.open(audit_path(workbook), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return record


def read_records(workbook: Path, limit: int | None = None) -> list[AuditRecord]:
    """The records about this workbook, newest first (lines that are not records are skipped)."""
    path = audit_path(workbook)
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        record = AuditRecord.from_json(entry) if isinstance(entry, dict) else None
        if record is not None and record.workbook in ("", Path(workbook).name):
            records.append(record)
    records.reverse()
    return records[:limit] if limit is not None else records
