"""Counts of activities by status, year and domain, and the headline that says them in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from .. import words
from ..i18n import _, n_
from ..plan import contract
from ..plan.contract import ActivityColumn
from ..plan.counting import NOWHERE, how_many, places
from ..plan.portfolio import WORKBOOK_COLUMN
from ..plan.status import (
    AS_OF_ORDER,
    STATUS_AS_OF,
    AsOf,
    Reported,
    tally,
)
from .classify import domain_of

# ---------------------------------------------------------------------------------------------------------------
# Counts


def counts_by_status(activities: pd.DataFrame) -> pd.Series:
    """How many activities in each as-of status, every status in AS_OF_ORDER (0 where none).

    `activities` must carry `Status as of` (as `Filters.apply` returns them).
    """
    return tally(activities[STATUS_AS_OF])


def counts_by_reported_status(activities: pd.DataFrame) -> pd.Series:
    """How many activities in each reported status (what staff typed), `Not reported` last."""
    order = [str(status) for status in (*Reported.typed_values(), Reported.NOT_REPORTED)]
    reported = activities[contract.REPORTED_STATUS].to_numpy(dtype=object, na_value=Reported.NOT_REPORTED.value)
    return pd.Series(how_many(reported, order), index=pd.Index(order, name=contract.REPORTED_STATUS), name="count")


def by_year_and_status(activities: pd.DataFrame, years: Sequence[int]) -> pd.DataFrame:
    """Counts per plan year and as-of status.

    activities (one row each, with Status as of) -> rows = `years` (every one, 0 where none), columns = AS_OF_ORDER.
    """
    return cross_counts(activities[ActivityColumn.YEAR].astype("Int64"), activities[STATUS_AS_OF], years, AS_OF_ORDER)


def by_domain(activities: pd.DataFrame, domains: Sequence[str]) -> pd.DataFrame:
    """Counts per domain and as-of status.

    activities -> rows = `domains` that have at least one activity, in that order; columns = AS_OF_ORDER.
    """
    table = cross_counts(domain_of(activities), activities[STATUS_AS_OF], domains, AS_OF_ORDER)
    return table[table.sum(axis=1) > 0]


def by_plan(activities: pd.DataFrame) -> pd.DataFrame:
    """Counts per plan of a portfolio and as-of status.

    activities (with the Workbook column of a portfolio) -> rows = workbooks, in the portfolio's order; columns =
    AS_OF_ORDER. Empty (no rows) for a single workbook.
    """
    if WORKBOOK_COLUMN not in activities.columns:
        return pd.DataFrame(columns=list(AS_OF_ORDER), dtype=int)
    plans = list(dict.fromkeys(activities[WORKBOOK_COLUMN]))
    return cross_counts(activities[WORKBOOK_COLUMN], activities[STATUS_AS_OF], plans, AS_OF_ORDER)


def by_domain_and_year(activities: pd.DataFrame, domains: Sequence[str], years: Sequence[int]) -> pd.DataFrame:
    """Counts per domain and plan year: rows = `domains` with at least one activity, columns = every year."""
    table = cross_counts(domain_of(activities), activities[ActivityColumn.YEAR].astype("Int64"), domains, years)
    return table[table.sum(axis=1) > 0]


def cross_counts(rows: pd.Series, columns: pd.Series, index: Sequence[Any], names: Sequence[Any]) -> pd.DataFrame:
    """How many activities have each (row value, column value): rows = `index`, columns = `names`, in those orders,
    0 where none; values outside them are not counted, values compared as text (`places`). (pd.crosstab, without
    its pivot-table cost: a rerun at 42 activities spent most of its counting time there.)"""
    index, names = list(index), list(names)
    row_codes, column_codes = places(rows, index), places(columns, names)
    counted = (row_codes != NOWHERE) & (column_codes != NOWHERE)
    flat = np.bincount(row_codes[counted] * len(names) + column_codes[counted], minlength=len(index) * len(names))
    table = pd.DataFrame(
        flat.reshape(len(index), len(names)).astype(int),
        index=pd.Index(index, name=rows.name),
        columns=pd.Index(names, name=columns.name),
    )
    return table


# ---------------------------------------------------------------------------------------------------------------
# The headline in words


def headline(counts: pd.Series, as_of: date) -> str:
    """The situation in one plain sentence, from the as-of counts.

    e.g. "As of 26 Nov 2026, all 42 activities are past their end with no status reported."
    """
    total = int(counts.sum())
    when = words.day(as_of)
    if total == 0:
        return _("As of {day}, no activities are shown.").format(day=when)
    present = [(status, int(n)) for status, n in counts.items() if n]
    if len(present) == 1:
        return n_(
            "As of {day}, the only activity is {phrase}.", "As of {day}, all {n} activities are {phrase}.", total
        ).format(day=when, n=words.number(total), phrase=_phrase(present[0][0]))
    listed = ", ".join(
        _("{count} {phrase}").format(count=words.number(n), phrase=_phrase(status)) for status, n in present
    )
    return n_("As of {day}, of {n} activity: {listed}.", "As of {day}, of {n} activities: {listed}.", total).format(
        day=when, n=words.number(total), listed=listed
    )


def reporting(reported: pd.Series) -> str:
    """How many activities have a reported status, in words (from `counts_by_reported_status`)."""
    total = int(reported.sum())
    unreported = int(reported.get(Reported.NOT_REPORTED, 0))
    if unreported == total:
        return _("No activity has a reported status yet.")
    if unreported:  # then some are reported too: at least two activities, so "of {n} activities" in every form
        reported_now = total - unreported
        return n_(  # the verb agrees with the activities reported ("1 of 42 activities has"), not with all of them
            "{reported} of {n} activities has a reported status; {unreported} not reported.",
            "{reported} of {n} activities have a reported status; {unreported} not reported.",
            reported_now,
        ).format(reported=words.number(reported_now), n=words.number(total), unreported=words.number(unreported))
    return _("Every activity has a reported status.")


def _phrase(status: str) -> str:
    """How the headline says a status: the member's phrase ('past their end with no status reported')."""
    member = AsOf.of(status)
    return member.phrase if member else status.lower()
