"""The change log cell by cell: every change an app save made, with who, when, sheet, row, column and old -> new,
filtered by activity, person and date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from .. import words
from .audit import Action, AuditRecord

COLUMNS = ["When", "Who", "Sheet", "Row", "ID", "Column", "Old", "New"]


def belongs_to(key: str, activity: str) -> bool:
    """True when a change's key names this activity or one of its steps (`2021-04`, `2021-04 step 2`)."""
    activity = activity.strip()
    return bool(activity) and (key == activity or key.startswith(f"{activity} step "))


def cell_changes(
    records: Sequence[AuditRecord],
    *,
    activity: str | None = None,
    who: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """One line per changed cell of the edits in `records` (newest first), all text: uploads and restores are one
    line each, naming the file. Filters: an activity ID (its steps too), a person, a date range (inclusive)."""
    rows: list[dict[str, str]] = []
    for record in records:
        day = record.when.date()
        if (who and record.who != who) or (start and day < start) or (end and day > end):
            continue
        when = f"{record.when:%Y-%m-%d %H:%M}"
        if record.action != Action.EDIT:
            if not activity:
                rows.append(
                    {
                        "When": when,
                        "Who": record.who,
                        "Sheet": "",
                        "Row": "",
                        "ID": "",
                        "Column": "",
                        "Old": "",
                        "New": record.summary(),
                    }
                )
            continue
        for change in record.changes:
            if activity and not belongs_to(change.key, activity):
                continue
            line = change.as_record()
            rows.append({"When": when, "Who": record.who, **line})
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).fillna("").astype(object).map(words.cell_text)
