"""One rule for an activity's status on a date, used by the dashboard's pages and by the briefing alike: its report
as it stood that day (`checkins.reported_as_of`), then its status as of that day. The Overview and the Briefing
never disagree about the same activity on the same as-of date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from actionplan import briefing as pack
from actionplan import load_plan, views
from actionplan.plan import contract
from actionplan.plan.checkins import activities_as_of
from actionplan.plan.contract import ActivityColumn as A
from actionplan.plan.status import STATUS_AS_OF, AsOf

from .test_checkins import with_checkins


@pytest.fixture
def plan(plan_workbook: Path):
    """2021-01 (dates: the whole of 2021) reported In progress on 1 Jun 2021 and Completed on 30 Sep 2021; the
    Activities sheet holds the latest report, Completed, as a save leaves it."""
    book = openpyxl.load_workbook(plan_workbook)
    sheet = book[contract.ACTIVITIES]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(2, header.index(A.STATUS) + 1, "Completed")
    book.save(plan_workbook)
    with_checkins(
        plan_workbook,
        [
            (datetime(2021, 6, 1), "2021-01", "In progress", 40, "Half way", None, "Ministry of Culture"),
            (datetime(2021, 9, 30), "2021-01", "Completed", 100, "Done", None, "Ministry of Culture"),
        ],
    )
    return load_plan(plan_workbook)


@pytest.mark.parametrize(
    ("day", "reported", "status"),
    [
        (date(2021, 5, 1), "Not reported", AsOf.SCHEDULED_NOW),  # before the first report
        (date(2021, 7, 1), "In progress", AsOf.SCHEDULED_NOW),  # between the two reports
        (date(2021, 10, 1), "Completed", AsOf.COMPLETED),  # after the latest: the Activities sheet
    ],
)
def test_the_overview_and_the_briefing_say_the_same_status_on_the_same_day(plan, day, reported, status):
    overview = views.Filters(as_of=day).apply(plan.activities, plan.checkins).set_index(A.ID).loc["2021-01"]
    scope = pack.range_scope(plan, date(2021, 1, 1), date(2021, 12, 31), as_of=day)
    briefing = pack.build_briefing(plan, scope)
    in_pack = briefing.activities.set_index(A.ID).loc["2021-01"]
    for said in (overview, in_pack):
        assert (said[contract.REPORTED_STATUS], said[STATUS_AS_OF]) == (reported, status)
    delivered = set(briefing.delivered.table[A.ID])
    assert ("2021-01" in delivered) is (status == AsOf.COMPLETED)


def test_the_rule_is_the_report_by_then_and_the_status_as_of_then(plan):
    day = date(2021, 7, 1)
    stood = activities_as_of(plan.activities, plan.checkins, day).set_index(A.ID)
    assert stood.loc["2021-01", A.PROGRESS] == 40 and stood.loc["2021-01", STATUS_AS_OF] == AsOf.SCHEDULED_NOW
    assert (plan.activities.set_index(A.ID).loc["2021-01", A.STATUS]) == "Completed"  # the input is not changed


def test_the_briefing_s_follow_up_says_the_status_by_the_same_rule(plan_workbook: Path):
    """2021-02 (March-December 2021) reported In progress on 1 Jun 2021, Completed on 30 Sep 2021 (the sheet says
    Completed): in a pack for January-February 2021 as of 1 Jul 2021 it is followed up, In progress, not Completed."""
    with_checkins(
        plan_workbook,
        [
            (datetime(2021, 6, 1), "2021-02", "In progress", 40, None, None, "Ministry of Culture"),
            (datetime(2021, 9, 30), "2021-02", "Completed", 100, None, None, "Ministry of Culture"),
        ],
    )
    book = openpyxl.load_workbook(plan_workbook)
    sheet = book[contract.ACTIVITIES]
    sheet.cell(3, [cell.value for cell in sheet[1]].index(A.STATUS) + 1, "Completed")
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    day = date(2021, 7, 1)
    scope = pack.range_scope(plan, date(2021, 1, 1), date(2021, 2, 28), as_of=day)
    after = pack.build_briefing(plan, scope).after.table.set_index(A.ID).loc["2021-02"]
    overview = views.Filters(as_of=day).apply(plan.activities, plan.checkins).set_index(A.ID).loc["2021-02"]
    assert after[STATUS_AS_OF] == overview[STATUS_AS_OF] == AsOf.SCHEDULED_NOW
    assert after[contract.REPORTED_STATUS] == overview[contract.REPORTED_STATUS] == "In progress"
