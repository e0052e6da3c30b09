"""Each activity's status as of a date: what staff reported, read against the activity's dates.

Honesty rule: only a Status typed by staff makes an activity Completed, Postponed or Cancelled. Everything else
is a statement about the calendar (upcoming, scheduled now, past its end) and says whether anyone reported.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from . import schema

COMPLETED = "Completed"
POSTPONED = "Postponed"
CANCELLED = "Cancelled"
UPCOMING = "Upcoming"
SCHEDULED_NOW = "Scheduled now"
OVERDUE = "Overdue"  # past its end; staff reported it Planned or In progress
PAST_END_NOT_REPORTED = "Past end, not reported"  # past its end and nobody reported anything
NO_DATES = "No dates"

# The order used in every legend, table and count.
AS_OF_ORDER: tuple[str, ...] = (
    COMPLETED, SCHEDULED_NOW, UPCOMING, OVERDUE, PAST_END_NOT_REPORTED, POSTPONED, CANCELLED, NO_DATES,
)
REPORTED_ORDER: tuple[str, ...] = (*schema.STATUS_VALUES, schema.NOT_REPORTED)

AS_OF_MEANING: dict[str, str] = {
    COMPLETED: "reported Completed",
    SCHEDULED_NOW: "its dates include the as-of date",
    UPCOMING: "starts after the as-of date",
    OVERDUE: "past its end, reported Planned or In progress",
    PAST_END_NOT_REPORTED: "past its end, no status reported",
    POSTPONED: "reported Postponed",
    CANCELLED: "reported Cancelled",
    NO_DATES: "no dates could be derived",
}

STATUS_AS_OF = "Status as of"
_CLOSED = {COMPLETED: COMPLETED, POSTPONED: POSTPONED, CANCELLED: CANCELLED}


def status_as_of(activities: pd.DataFrame, as_of: date) -> pd.Series:
    """One status per activity (same index), from its reported Status, Start and End, as of `as_of`."""
    when = pd.Timestamp(as_of)
    reported = activities["Status"].fillna("").astype(str)
    starts, ends = activities["Start"], activities["End"]
    values = []
    for status, start, end in zip(reported, starts, ends):
        if status in _CLOSED:
            values.append(_CLOSED[status])
        elif pd.isna(start) or pd.isna(end):
            values.append(NO_DATES)
        elif when < start:
            values.append(UPCOMING)
        elif when <= end:
            values.append(SCHEDULED_NOW)
        elif status:
            values.append(OVERDUE)
        else:
            values.append(PAST_END_NOT_REPORTED)
    return pd.Series(pd.Categorical(values, categories=AS_OF_ORDER), index=activities.index, name=STATUS_AS_OF)


def with_status(activities: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """A copy of the activities with a `Status as of` column."""
    return activities.assign(**{STATUS_AS_OF: status_as_of(activities, as_of)})


def tally(statuses: pd.Series) -> pd.Series:
    """How many of each as-of status, every status present (zero where none), in AS_OF_ORDER."""
    return statuses.astype(object).value_counts().reindex(AS_OF_ORDER, fill_value=0).astype(int)


def count_by_status(activities: pd.DataFrame, as_of: date) -> pd.Series:
    """How many activities in each as-of status on `as_of`, in AS_OF_ORDER."""
    return tally(status_as_of(activities, as_of))
