"""The compact table every section of the pack shows (on screen, in Word and in Excel): each activity by ID and a
short title, its statuses, progress, notes and last update."""

from __future__ import annotations

import functools

import pandas as pd

from .. import words
from ..i18n import N_
from ..plan import contract
from ..plan import status as as_of_status
from ..plan.contract import ActivityColumn as A
from .text import one_line

# The compact table every section shows on screen, in Word and in Excel: each activity named by ID and a short
# title (cut at a word); the full text and steps are in the annex.
# The frames' column names stay English (the keys every view uses); documents show them through `_`.
STATUS_COLUMN = N_("Reported status")
TITLE_COLUMN = N_("Activity")
ROW_TITLE_LENGTH = 70
COMPACT_COLUMNS: tuple[str, ...] = (
    A.ID,
    TITLE_COLUMN,
    STATUS_COLUMN,
    as_of_status.STATUS_AS_OF,
    A.PROGRESS,
    A.NOTES,
    A.LAST_UPDATE,
)


@functools.lru_cache(maxsize=2**16)
def _row_title(event: object) -> str:
    """The event on one line, cut at a word to ROW_TITLE_LENGTH characters."""
    return words.short_title(one_line(event), ROW_TITLE_LENGTH)


def compact(table: pd.DataFrame) -> pd.DataFrame:
    """The rows every section shows: ID, Activity (short title), Reported status, Status as of, Progress %, Notes,
    Last update (a date, or None). Text is the workbook's own; the title is cut at a word."""
    # Each distinct event is shortened once per process (every section and every rerun asks again), not per row.
    events = table[A.EVENT].astype(object)
    titles = {e: _row_title(e) for e in dict.fromkeys(events)}
    notes = table[A.NOTES].astype(object)
    note_texts = {n: words.cell_text(n) for n in dict.fromkeys(notes)}
    progress = pd.to_numeric(table[A.PROGRESS], errors="coerce").astype(object)
    # datetime64 -> whole days -> datetime.date objects, NaT -> None (not a Timestamp at a time per row)
    last_update = pd.to_datetime(table[A.LAST_UPDATE], errors="coerce").to_numpy(dtype="datetime64[D]").astype(object)
    shown = pd.DataFrame(
        {
            A.ID: table[A.ID].astype(str).tolist(),
            TITLE_COLUMN: [titles[e] for e in events],
            STATUS_COLUMN: table[contract.REPORTED_STATUS].astype(str).tolist(),
            as_of_status.STATUS_AS_OF: table[as_of_status.STATUS_AS_OF].astype(str).tolist(),
            A.PROGRESS: progress.where(progress.notna(), None).tolist(),
            A.NOTES: [note_texts[n] for n in notes],
            A.LAST_UPDATE: last_update.tolist(),
        },
        columns=list(COMPACT_COLUMNS),
    )
    return shown.astype(object)
