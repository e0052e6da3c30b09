"""Status as of a date: staff's reported Status first, then the calendar; nothing invented."""

import random
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


def _by_hand(cell: object, start: object, end: object, as_of: date) -> AsOf:
    """The rule read row by row, as PRODUCT.md states it."""
    typed = cell.strip() if isinstance(cell, str) else ""
    closing = {"Completed": AsOf.COMPLETED, "Postponed": AsOf.POSTPONED, "Cancelled": AsOf.CANCELLED}
    if typed in closing:
        return closing[typed]
    if pd.isna(start) or pd.isna(end):
        return AsOf.NO_DATES
    if pd.Timestamp(as_of) < start:
        return AsOf.UPCOMING
    if pd.Timestamp(as_of) <= end:
        return AsOf.SCHEDULED_NOW
    return AsOf.OVERDUE if typed else AsOf.PAST_END_NOT_REPORTED


def test_status_as_of_is_the_rule_read_row_by_row_for_any_cells():
    """Column operations over each distinct text give what the rule gives row by row: padded, unknown, lower-case,
    blank and non-text Status cells, missing dates, days on either side of each bound."""
    rng = random.Random(12)
    cells = [None, float("nan"), pd.NA, "", "  ", "Completed", " Completed ", "completed", "Postponed", "Cancelled"]
    cells += ["In progress", "Planned", "Not reported", "done?", 3, 4.5]
    for _ in range(300):
        n = rng.randint(0, 30)
        starts = [pd.Timestamp(2021, 1, 1) + pd.Timedelta(days=rng.randint(0, 1200)) for _ in range(n)]
        ends = [start + pd.Timedelta(days=rng.randint(0, 400)) for start in starts]
        starts = [pd.NaT if rng.random() < 0.1 else start for start in starts]
        ends = [pd.NaT if rng.random() < 0.1 else end for end in ends]
        acts = pd.DataFrame(
            {
                "Status": pd.Series([rng.choice(cells) for _ in range(n)], dtype=object),
                "Start": pd.Series(starts, dtype="datetime64[s]"),
                "End": pd.Series(ends, dtype="datetime64[s]"),
            },
            index=pd.RangeIndex(100, 100 + n),
        )
        as_of = rng.choice([*(s.date() for s in starts if not pd.isna(s)), date(2023, 6, 1), date(2019, 1, 1)])
        found = status_as_of(acts, as_of)
        assert list(found.index) == list(acts.index)
        assert list(found) == [_by_hand(*row, as_of) for row in acts.itertuples(index=False)]
