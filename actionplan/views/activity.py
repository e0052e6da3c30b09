"""One activity in full, its steps, and the table of activities people scan."""

from __future__ import annotations

import pandas as pd

from .. import words
from ..plan import contract
from ..plan.load import Lists
from ..plan.status import STATUS_AS_OF, AsOf, Reported
from .classify import UNCLASSIFIED
from .filters import Q_ACTIVITY
from .gantt import TITLE_COLUMN

# ---------------------------------------------------------------------------------------------------------------
# One activity in full, and the table of activities


def activity_facts(activity: pd.Series, lists: Lists) -> list[tuple[str, str]]:
    """The facts about one activity as (label, text) pairs, blanks left out, in reading order."""
    status = activity.get(STATUS_AS_OF)
    convention = activity.get("Convention")
    facts = [
        ("Terms as written", activity.get("Terms")),
        (
            "Dates",
            f"{words.span(activity.get('Start'), activity.get('End'))} "
            f"(from {str(activity.get(contract.DATE_SOURCE) or 'Terms').lower()}, "
            f"{activity.get(contract.PRECISION) or 'unknown'} precision)",
        ),
        ("Domain", activity.get("Domain") or UNCLASSIFIED),
        (
            "Convention",
            f"{convention} — {lists.title(convention)}"
            if pd.notna(convention) and lists.title(convention) != convention
            else convention,
        ),
        ("Programme", activity.get("Programme")),
        ("UNESCO counterpart", activity.get("UNESCO counterpart")),
        ("National lead", activity.get("National lead")),
        ("Locations", activity.get("Locations")),
        ("Reported status", activity.get(contract.REPORTED_STATUS) or Reported.NOT_REPORTED),
        (
            "Status as of",
            f"{status} — {AsOf(str(status)).meaning}"
            if pd.notna(status) and str(status) in AsOf._value2member_map_
            else None,
        ),
        ("Progress %", None if pd.isna(activity.get("Progress %")) else f"{activity.get('Progress %'):g}%"),
        ("Last update", words.day(activity.get("Last update")) or None),
        ("Notes", activity.get("Notes")),
    ]
    return [(label, str(value)) for label, value in facts if value is not None and not _blank(value)]


def _blank(value: object) -> bool:
    try:
        return bool(pd.isna(value)) or str(value).strip() == ""
    except (TypeError, ValueError):
        return False


def steps_table(steps: pd.DataFrame) -> pd.DataFrame:
    """One activity's steps for reading: Step, Description, Terms, Dates, Status (blanks as empty text)."""
    table = pd.DataFrame(
        {
            "Step": steps["Step"].astype("Int64"),
            "Description": steps["Description"].fillna(""),
            "Terms": steps["Terms"].fillna(""),
            "Dates": [words.span(s, e) if pd.notna(s) else "" for s, e in zip(steps["Start"], steps["End"])],
            "Status": steps["Status"].fillna(""),
        }
    )
    return table.reset_index(drop=True)


ACTIVITY_TABLE_COLUMNS: tuple[str, ...] = (
    "ID",
    "Year",
    TITLE_COLUMN,
    "Terms",
    "Start",
    "End",
    "Domain",
    "Convention",
    "Programme",
    STATUS_AS_OF,
    contract.REPORTED_STATUS,
    "Locations",
)


def activity_table(activities: pd.DataFrame, link_prefix: str = "") -> pd.DataFrame:
    """The activities for the on-screen table: the columns people scan, plus `Event` in full and a `Link`.

    `Link` is `<link_prefix>?id=<ID>` (the URL that opens the activity).
    """
    table = activities.assign(**{TITLE_COLUMN: [words.short_title(e, 80) for e in activities["Event"]]})
    table = table[[c for c in ACTIVITY_TABLE_COLUMNS if c in table.columns] + ["Event"]].copy()
    if STATUS_AS_OF in table.columns:
        table[STATUS_AS_OF] = table[STATUS_AS_OF].astype(object)
    for column in ("Terms", "Domain", "Convention", "Programme", "Locations", "Event"):
        table[column] = table[column].astype(object).where(table[column].notna(), "")  # blank, not "None"
    table["Link"] = [f"{link_prefix}?{Q_ACTIVITY}={activity_id}" for activity_id in table["ID"]]
    return table.reset_index(drop=True)
