"""The sentence under each section's heading, built only from the workbook: counts, dates, short titles."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .. import words
from ..plan import contract
from ..plan import status as as_of_status
from ..plan.status import AsOf, Reported
from .scope import Scope

OPEN_ORDER: tuple[str, ...] = (  # how the open section's sentence counts them
    AsOf.OVERDUE,
    AsOf.PAST_END_NOT_REPORTED,
    AsOf.SCHEDULED_NOW,
    AsOf.UPCOMING,
    AsOf.POSTPONED,
    AsOf.NO_DATES,
)


def delivered_lead(activities: pd.DataFrame, delivered: pd.DataFrame, reported: pd.Series) -> str:
    if delivered.empty:
        blank = int((reported == Reported.NOT_REPORTED).sum())
        return (
            f"No activity in scope is reported Completed; {blank} of {len(activities)} have no status "
            "reported (Not reported)."
        )
    return f"{words.count(len(delivered), 'activity', 'activities')} reported Completed."


def open_lead(still_open: pd.DataFrame) -> str:
    if still_open.empty:
        return "Every activity in scope is reported Completed or Cancelled."
    status = still_open[as_of_status.STATUS_AS_OF].astype(str)
    not_reported = int((still_open[contract.REPORTED_STATUS] == Reported.NOT_REPORTED).sum())
    parts = [
        f"{int((status == value).sum())} {value.lower() if value != AsOf.NO_DATES else 'without dates'}"
        for value in OPEN_ORDER
        if (status == value).any()
    ]
    return (
        f"{words.count(len(still_open), 'activity', 'activities')} not reported Completed or Cancelled: "
        + "; ".join(parts)
        + f". {not_reported} of them have no status reported (Not reported)."
    )


def due_lead(table: pd.DataFrame, what: str, none: str) -> str:
    if table.empty:
        return f"No activity in scope {none}."
    status = table[as_of_status.STATUS_AS_OF].astype(str)
    parts = [f"{int((status == value).sum())} {value}" for value in as_of_status.AS_OF_ORDER if (status == value).any()]
    return (
        f"{words.count(len(table), 'activity', 'activities')} {what}; as of the as-of date: " + ", ".join(parts) + "."
    )


def at_session_lead(table: pd.DataFrame, scope: Scope) -> str:
    if not scope.sessions:
        return "No General Conference session in the Milestones sheet falls in this period."
    names = "; ".join(session.label for session in scope.sessions)
    if table.empty:
        return f"No activity of the plan is set at the {names}."
    return f"The plan sets {words.activities(len(table))} at the {names}."


def after_lead(table: pd.DataFrame, scope: Scope, until: date | None, reason: str) -> str:
    if until is None:
        return f"Nothing of the plan falls after the {scope.word}: the plan ends with it."
    window = f"after the {scope.word} and by {words.day(until)} ({reason})"
    if table.empty:
        return f"No activity starts {window}."
    return f"{words.activities(len(table))} starting {window}."
