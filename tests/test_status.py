"""Status as of a date: staff's reported Status first, then the calendar; nothing invented."""

from datetime import date

import pandas as pd
import pytest

from actionplan import load_plan
from actionplan.plan.status import AS_OF_ORDER, AsOf, count_by_status, status_as_of, with_status
from tests.conftest import SHIPPED_WORKBOOK


def frame(*rows):
    return pd.DataFrame(rows, columns=["Status", "Start", "End"]).astype(
        {"Start": "datetime64[ns]", "End": "datetime64[ns]"}
    )


@pytest.mark.parametrize(
    ("status", "as_of", "expected"),
    [
        (None, date(2020, 12, 31), AsOf.UPCOMING),
        (None, date(2021, 3, 1), AsOf.SCHEDULED_NOW),  # first day counts
        (None, date(2021, 6, 30), AsOf.SCHEDULED_NOW),  # last day counts
        (None, date(2021, 7, 1), AsOf.PAST_END_NOT_REPORTED),
        ("Planned", date(2021, 7, 1), AsOf.OVERDUE),
        ("In progress", date(2021, 7, 1), AsOf.OVERDUE),
        ("In progress", date(2021, 4, 1), AsOf.SCHEDULED_NOW),
        ("Completed", date(2020, 1, 1), AsOf.COMPLETED),
        ("Postponed", date(2021, 4, 1), AsOf.POSTPONED),
        ("Cancelled", date(2025, 1, 1), AsOf.CANCELLED),
    ],
)
def test_status_as_of(status, as_of, expected):
    acts = frame((status, "2021-03-01", "2021-06-30"))
    assert status_as_of(acts, as_of).iloc[0] == expected


def test_no_dates():
    acts = frame((None, None, None))
    assert status_as_of(acts, date(2021, 1, 1)).iloc[0] == AsOf.NO_DATES


def test_the_shipped_plan_as_of_today_is_all_past_end_and_not_reported():
    plan = load_plan(SHIPPED_WORKBOOK)
    counts = count_by_status(plan.activities, date(2026, 11, 26))
    assert list(counts.index) == list(AS_OF_ORDER)
    assert counts[AsOf.PAST_END_NOT_REPORTED] == 42 and counts.sum() == 42
    assert counts[AsOf.COMPLETED] == 0  # nothing is called completed without a Status saying so


def test_the_eve_of_the_42nd_session():
    plan = load_plan(SHIPPED_WORKBOOK)
    acts = with_status(plan.activities, date(2023, 11, 6)).set_index("ID")
    assert acts.loc["2023-10", "Status as of"] == AsOf.SCHEDULED_NOW  # November 2023
    assert acts.loc["2023-14", "Status as of"] == AsOf.UPCOMING  # December 2023
    assert acts.loc["2023-02", "Status as of"] == AsOf.PAST_END_NOT_REPORTED  # Q2-Q3 2023
    assert "Status as of" not in plan.activities.columns  # the loaded plan is not changed
