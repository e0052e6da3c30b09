"""What changed between two versions of the plan workbook: activities added, removed, re-dated, re-classified,
and what staff reported on them: Status, Progress %, Notes and Last update.

Activities are matched by ID. One row per change; an activity whose Domain and Convention both changed gives two
"Re-classified" rows, one per column, so every row reads as "column: before -> after".
"""

from __future__ import annotations

import pandas as pd

from .. import words
from ..i18n import N_, _
from ..plan import contract
from ..plan.contract import ActivityColumn
from ..plan.load import Plan

# The kinds of change: the table keeps these English words (its order and counts use them); documents show `_(kind)`.
ADDED = N_("Added")
REMOVED = N_("Removed")
REDATED = N_("Re-dated")
RECLASSIFIED = N_("Re-classified")
STATUS_CHANGED = N_("Status changed")
PROGRESS_CHANGED = N_("Progress changed")
NOTES_CHANGED = N_("Notes changed")
REPORT_REDATED = N_("Last update changed")
WHAT_ACTIVITY = N_("Activity")
WHAT_DATES = N_("Dates")
CHANGE_ORDER: tuple[str, ...] = (
    ADDED,
    REMOVED,
    REDATED,
    RECLASSIFIED,
    STATUS_CHANGED,
    PROGRESS_CHANGED,
    NOTES_CHANGED,
    REPORT_REDATED,
)
# The reported columns compared besides Status: (kind of change, column, how a value reads).
REPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    (PROGRESS_CHANGED, contract.ActivityColumn.PROGRESS),
    (NOTES_CHANGED, contract.ActivityColumn.NOTES),
    (REPORT_REDATED, contract.ActivityColumn.LAST_UPDATE),
)

CLASSIFICATION_COLUMNS: tuple[str, ...] = ("Domain", "Convention", "Programme")
CHANGE_COLUMNS: tuple[str, ...] = ("Change", "ID", "Event", "What", "Before", "After")
BLANK = N_("(blank)")


def compare_plans(before: Plan, after: Plan) -> pd.DataFrame:
    """The changes from `before` to `after`, one row each: Change, ID, Event, What, Before, After.

    Sorted by kind of change (CHANGE_ORDER), then ID. Re-dated means the effective Start or End moved, or the
    Terms text was rewritten; Before/After show the terms and the dates they give. Progress %, Notes and Last
    update are compared as staff wrote them; Before/After show each value, or (blank).
    """
    old = _by_id(before.activities)
    new = _by_id(after.activities)
    rows: list[dict[str, object]] = []
    for activity_id in sorted(set(new) - set(old)):
        rows.append(_row(ADDED, new[activity_id], WHAT_ACTIVITY, "", _dates(new[activity_id])))
    for activity_id in sorted(set(old) - set(new)):
        rows.append(_row(REMOVED, old[activity_id], WHAT_ACTIVITY, _dates(old[activity_id]), ""))
    for activity_id in sorted(set(old) & set(new)):
        was, now = old[activity_id], new[activity_id]
        if (
            _day(was[ActivityColumn.START]),
            _day(was[ActivityColumn.END]),
            words.cell_text(was[ActivityColumn.TERMS]),
        ) != (
            _day(now[ActivityColumn.START]),
            _day(now[ActivityColumn.END]),
            words.cell_text(now[ActivityColumn.TERMS]),
        ):
            rows.append(_row(REDATED, now, WHAT_DATES, _dates(was), _dates(now)))
        for column in CLASSIFICATION_COLUMNS:
            if words.cell_text(was.get(column)) != words.cell_text(now.get(column)):
                rows.append(
                    _row(
                        RECLASSIFIED,
                        now,
                        column,
                        words.cell_text(was.get(column)) or BLANK,
                        words.cell_text(now.get(column)) or BLANK,
                    )
                )
        if words.cell_text(was[contract.REPORTED_STATUS]) != words.cell_text(now[contract.REPORTED_STATUS]):
            rows.append(
                _row(
                    STATUS_CHANGED,
                    now,
                    "Status",
                    words.cell_text(was[contract.REPORTED_STATUS]),
                    words.cell_text(now[contract.REPORTED_STATUS]),
                )
            )
        for kind, column in REPORT_COLUMNS:
            old_value, new_value = _reported(was.get(column)), _reported(now.get(column))
            if old_value != new_value:
                rows.append(_row(kind, now, str(column), old_value or BLANK, new_value or BLANK))
    table = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    if table.empty:
        return table.astype(object)
    order = table["Change"].map(CHANGE_ORDER.index)
    return (
        table.assign(_order=order)
        .sort_values(["_order", "ID"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def count_changes(changes: pd.DataFrame) -> dict[str, int]:
    """How many rows of each kind, every kind present (zero where none), in CHANGE_ORDER."""
    counts = changes["Change"].value_counts() if len(changes) else pd.Series(dtype=int)
    return {kind: int(counts.get(kind, 0)) for kind in CHANGE_ORDER}


def shown_changes(changes: pd.DataFrame) -> pd.DataFrame:
    """The changes as a document shows them: the kind, what changed and a (blank) in the reader's language."""
    shown = changes.copy()
    for column in ("Change", "What"):
        shown[column] = [_(str(value)) for value in shown[column]]
    for column in ("Before", "After"):
        shown[column] = [_(BLANK) if value == BLANK else value for value in shown[column]]
    return shown


def _by_id(activities: pd.DataFrame) -> dict[str, pd.Series]:
    """Activities keyed by ID; rows without an ID cannot be matched and are left out."""
    return {
        str(row[ActivityColumn.ID]): row
        for _index, row in activities.iterrows()
        if words.cell_text(row[ActivityColumn.ID])
    }


def _row(change: str, activity: pd.Series, what: str, before: str, after: str) -> dict[str, object]:
    return {
        "Change": change,
        "ID": str(activity[ActivityColumn.ID]),
        "Event": words.cell_text(activity[ActivityColumn.EVENT]),
        "What": what,
        "Before": before,
        "After": after,
    }


def _reported(value: object) -> str:
    """A reported value as text: a date as YYYY-MM-DD, a percentage without '.0', text as written."""
    if isinstance(value, pd.Timestamp):
        return _day(value)
    if isinstance(value, float) and not pd.isna(value):
        return words.cell_text(value)
    return words.cell_text(value)


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _dates(activity: pd.Series) -> str:
    """'2nd and 3rd quarter 2023 (2023-04-01 to 2023-09-30)': the terms as written and the dates they give."""
    span = (
        _("{start} to {end}").format(start=_day(activity["Start"]), end=_day(activity["End"]))
        if _day(activity[ActivityColumn.START])
        else _(words.NO_DATES)
    )
    terms = words.cell_text(activity[ActivityColumn.TERMS])
    return f"{terms} ({span})" if terms else span
