"""The audit log: one JSON line per change to the workbook (who, when, what, which cells, old -> new).

It lives beside the workbook as `audit.log` (git-ignored), is only ever appended to, and is flushed to disk
before the save reports success.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

AUDIT_FILE = "audit.log"


def audit_path(workbook: Path) -> Path:
    """The audit log of the workbook: `audit.log` in the same folder."""
    return Path(workbook).parent / AUDIT_FILE


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


def append_record(workbook: Path, record: Mapping[str, object]) -> dict[str, object]:
    """Append one record (a `when` is added if missing) and flush it to disk; returns what was written."""
    entry = {"when": datetime.now().isoformat(timespec="seconds"), **_plain(dict(record))}
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    descriptor = os.open(audit_path(workbook), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return entry


def read_records(workbook: Path, limit: int | None = None) -> list[dict[str, object]]:
    """The records about this workbook, newest first (lines that are not JSON are skipped)."""
    path = audit_path(workbook)
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and record.get("workbook") in (None, Path(workbook).name):
            records.append(record)
    records.reverse()
    return records[:limit] if limit is not None else records
