"""The sentence under each section's heading, built only from the workbook: counts, dates, short titles; in the
language of the work under way."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_, _, n_
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


def status_counts(status: pd.Series, order: tuple[str, ...], separator: str = "; ") -> str:
    """'Overdue: 3; Upcoming: 2': each status present with its count, the status in the reader's language."""
    counts = as_of_status.tally(status)  # every as-of status counted in one pass, not two comparisons each
    return separator.join(
        _("{status}: {n}").format(status=_(str(value)), n=int(counts[str(value)]))
        for value in order
        if counts.get(str(value), 0)
    )


def delivered_lead(activities: pd.DataFrame, delivered: pd.DataFrame, reported: pd.Series) -> str:
    if delivered.empty:
        blank = int((reported == Reported.NOT_REPORTED).sum())
        return n_(
            "No activity in scope is reported Completed; {blank} of {n} has no status reported (Not reported).",
            "No activity in scope is reported Completed; {blank} of {n} have no status reported (Not reported).",
            blank,  # the verb agrees with those without a status ("1 of 12 has"), not with all of them
        ).format(blank=blank, n=len(activities))
    return n_("{n} activity reported Completed.", "{n} activities reported Completed.", len(delivered)).format(
        n=len(delivered)
    )


def open_lead(still_open: pd.DataFrame) -> str:
    if still_open.empty:
        return _("Every activity in scope is reported Completed or Cancelled.")
    status = still_open[as_of_status.STATUS_AS_OF].astype(str)
    not_reported = int((still_open[contract.REPORTED_STATUS] == Reported.NOT_REPORTED).sum())
    counted = n_(
        "{n} activity not reported Completed or Cancelled: {counts}.",
        "{n} activities not reported Completed or Cancelled: {counts}.",
        len(still_open),
    ).format(n=len(still_open), counts=status_counts(status, OPEN_ORDER))
    if not not_reported:
        return counted
    # A sentence of its own: its verb agrees with those without a status ("1 of them has"), not with all of them.
    unreported = n_(
        "{blank} of them has no status reported (Not reported).",
        "{blank} of them have no status reported (Not reported).",
        not_reported,
    ).format(blank=not_reported)
    return f"{counted} {unreported}"


def due_before_lead(table: pd.DataFrame, scope: Scope) -> str:
    """The lead of 'Before the session': how many are due to end before it opens, by status as of."""
    opens = words.day(scope.start)
    if table.empty:
        return scope.says(
            N_("No activity in scope is due to end before the session opens ({opens})."),
            N_("No activity in scope is due to end before the period opens ({opens})."),
        ).format(opens=opens)
    n = len(table)
    if scope.session:
        text = n_(
            "{n} activity due to end before the session opens ({opens}); as of the as-of date: {counts}.",
            "{n} activities due to end before the session opens ({opens}); as of the as-of date: {counts}.",
            n,
        )
    else:
        text = n_(
            "{n} activity due to end before the period opens ({opens}); as of the as-of date: {counts}.",
            "{n} activities due to end before the period opens ({opens}); as of the as-of date: {counts}.",
            n,
        )
    return text.format(n=n, opens=opens, counts=_all_counts(table))


def due_during_lead(table: pd.DataFrame, scope: Scope) -> str:
    """The lead of 'Due during the session': how many have dates overlapping it, by status as of."""
    during = words.span(scope.start, scope.end)
    if table.empty:
        return scope.says(
            N_("No activity in scope has dates overlapping the session ({during})."),
            N_("No activity in scope has dates overlapping the period ({during})."),
        ).format(during=during)
    n = len(table)
    if scope.session:
        text = n_(
            "{n} activity with dates overlapping the session ({during}); as of the as-of date: {counts}.",
            "{n} activities with dates overlapping the session ({during}); as of the as-of date: {counts}.",
            n,
        )
    else:
        text = n_(
            "{n} activity with dates overlapping the period ({during}); as of the as-of date: {counts}.",
            "{n} activities with dates overlapping the period ({during}); as of the as-of date: {counts}.",
            n,
        )
    return text.format(n=n, during=during, counts=_all_counts(table))


def _all_counts(table: pd.DataFrame) -> str:
    return status_counts(table[as_of_status.STATUS_AS_OF].astype(str), tuple(as_of_status.AS_OF_ORDER), ", ")


def at_session_lead(table: pd.DataFrame, scope: Scope) -> str:
    if not scope.sessions:
        return _("No General Conference session in the Milestones sheet falls in this period.")
    names = "; ".join(session.label for session in scope.sessions)
    if table.empty:
        return _("No activity of the plan is set at the {names}.").format(names=names)
    return _("The plan sets {activities} at the {names}.").format(activities=words.activities(len(table)), names=names)


def after_lead(table: pd.DataFrame, scope: Scope, until: date | None, reason: str) -> str:
    if until is None:
        return scope.says(
            N_("Nothing of the plan falls after the session: the plan ends with it."),
            N_("Nothing of the plan falls after the period: the plan ends with it."),
        )
    day = words.day(until)
    if table.empty:
        return scope.says(
            N_("No activity starts after the session and by {day} ({reason})."),
            N_("No activity starts after the period and by {day} ({reason})."),
        ).format(day=day, reason=reason)
    return scope.says(
        N_("{activities} starting after the session and by {day} ({reason})."),
        N_("{activities} starting after the period and by {day} ({reason})."),
    ).format(activities=words.activities(len(table)), day=day, reason=reason)
