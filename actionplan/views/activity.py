"""One activity in full, its steps, and the table of activities people scan."""

from __future__ import annotations

import pandas as pd

from .. import words
from ..plan.contract import ActivityColumn as A
from ..plan.contract import Derived
from ..plan.contract import StepColumn as S
from ..plan.load import Lists
from ..plan.status import STATUS_AS_OF, Reported, meaning_of
from .classify import UNCLASSIFIED
from .filters import Q_ACTIVITY
from .gantt import TITLE_COLUMN


def activity_facts(activity: pd.Series, lists: Lists) -> list[tuple[str, str]]:
    """The facts about one activity as (label, text) pairs, blanks left out, in reading order."""
    status = activity.get(STATUS_AS_OF)
    convention = activity.get(A.CONVENTION)
    progress = activity.get(A.PROGRESS)
    dates_from = str(activity.get(Derived.DATE_SOURCE) or "Terms").lower()
    facts = [
        ("Terms as written", activity.get(A.TERMS)),
        (
            "Dates",
            f"{words.span(activity.get(A.START), activity.get(A.END))} "
            f"(from {dates_from}, {activity.get(Derived.PRECISION) or 'unknown'} precision)",
        ),
        (A.DOMAIN, activity.get(A.DOMAIN) or UNCLASSIFIED),
        (
            A.CONVENTION,
            f"{convention} — {lists.title(convention)}"
            if not words.is_blank(convention) and lists.title(convention) != convention
            else convention,
        ),
        (A.PROGRAMME, activity.get(A.PROGRAMME)),
        (A.COUNTERPART, activity.get(A.COUNTERPART)),
        (A.LEAD, activity.get(A.LEAD)),
        (A.LOCATIONS, activity.get(A.LOCATIONS)),
        (Derived.REPORTED_STATUS, activity.get(Derived.REPORTED_STATUS) or Reported.NOT_REPORTED),
        ("Status as of", f"{status} — {meaning_of(status)}" if meaning_of(status) else None),
        (A.PROGRESS, None if words.is_blank(progress) else f"{progress:g}%"),
        (A.LAST_UPDATE, words.day(activity.get(A.LAST_UPDATE)) or None),
        (A.NOTES, activity.get(A.NOTES)),
    ]
    return [(str(label), words.cell_text(value)) for label, value in facts if not words.is_blank(value)]


def steps_table(steps: pd.DataFrame) -> pd.DataFrame:
    """One activity's steps for reading: Step, Description, Terms, Dates, Status (blanks as empty text)."""
    table = pd.DataFrame(
        {
            S.STEP: steps[S.STEP].astype("Int64"),
            S.DESCRIPTION: steps[S.DESCRIPTION].fillna(""),
            S.TERMS: steps[S.TERMS].fillna(""),
            "Dates": [
                words.span(start, end) if not words.is_blank(start) else ""
                for start, end in zip(steps[S.START], steps[S.END])
            ],
            S.STATUS: steps[S.STATUS].fillna(""),
        }
    )
    return table.reset_index(drop=True)


ACTIVITY_TABLE_COLUMNS: tuple[str, ...] = (
    A.ID,
    A.YEAR,
    TITLE_COLUMN,
    A.TERMS,
    A.START,
    A.END,
    A.DOMAIN,
    A.CONVENTION,
    A.PROGRAMME,
    STATUS_AS_OF,
    Derived.REPORTED_STATUS,
    A.LOCATIONS,
)
LINK_COLUMN = "Link"
_TEXT_COLUMNS = (A.TERMS, A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.LOCATIONS, A.EVENT)


def activity_table(activities: pd.DataFrame, link_prefix: str = "") -> pd.DataFrame:
    """The activities for the on-screen table: the columns people scan, plus `Event` in full and a `Link`.

    `Link` is `<link_prefix>?id=<ID>` (the URL that opens the activity).
    """
    table = activities.assign(**{TITLE_COLUMN: [words.short_title(event, 80) for event in activities[A.EVENT]]})
    table = table[[c for c in ACTIVITY_TABLE_COLUMNS if c in table.columns] + [A.EVENT]].copy()
    if STATUS_AS_OF in table.columns:
        table[STATUS_AS_OF] = table[STATUS_AS_OF].astype(object)
    for column in _TEXT_COLUMNS:
        table[column] = table[column].astype(object).where(table[column].notna(), "")  # blank, not "None"
    table[LINK_COLUMN] = [f"{link_prefix}?{Q_ACTIVITY}={activity_id}" for activity_id in table[A.ID]]
    return table.reset_index(drop=True)
