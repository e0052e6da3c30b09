"""Progress over time: the Updates sheet read by the loader (bad rows as findings), and the status as reported on
a day, from the check-ins."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from actionplan.plan import checkins, contract, load_plan
from actionplan.plan.contract import ActivityColumn as A
from actionplan.plan.contract import UpdateColumn as U
from actionplan.plan.findings import WARNING
from actionplan.plan.status import AsOf, Reported
from actionplan.views import Filters


def with_checkins(path: Path, rows: list[tuple], header: tuple | None = None) -> Path:
    """The workbook with these rows appended to its Updates sheet (Date, Activity ID, Status, Progress %, Notes,
    Evidence, Source), or with the header replaced when `header` is given."""
    book = openpyxl.load_workbook(path)
    sheet = book[contract.UPDATES]
    if header is not None:
        for column, text in enumerate(header, start=1):
            sheet.cell(1, column, text)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_the_shipped_workbook_has_an_empty_updates_sheet():
    plan = load_plan("data/plan.xlsx")
    assert plan.usable and plan.checkins.empty
    assert list(plan.checkins.columns) == [*contract.column_names(contract.UPDATE_COLUMNS), contract.ROW]
    assert A.EVIDENCE in plan.activities.columns and plan.activities[A.EVIDENCE].isna().all()


def test_updates_are_read_with_their_types(plan_workbook: Path):
    with_checkins(
        plan_workbook,
        [
            (datetime(2021, 6, 1), "2021-01", "In progress", 40, "Half the schools joined", "Letter 12/3", "Ministry"),
            ("2021-09-30", "2021-01", "completed", "100%", None, "https://example.org/report", "Return: Ministry (R1)"),
            (date(2021, 7, 1), "2021-02", None, None, "Nothing yet", None, "Anna"),
        ],
    )
    plan = load_plan(plan_workbook)
    assert plan.usable
    assert not [f for f in plan.findings if f.sheet == contract.UPDATES]
    table = plan.checkins
    assert table[U.DATE].tolist() == [pd.Timestamp(2021, 6, 1), pd.Timestamp(2021, 9, 30), pd.Timestamp(2021, 7, 1)]
    assert table[U.STATUS].tolist() == ["In progress", "Completed", None]  # the list's own spelling
    assert table[U.PROGRESS].tolist() == [40.0, 100.0, pd.NA]
    assert table[U.EVIDENCE].tolist() == ["Letter 12/3", "https://example.org/report", None]
    assert table[contract.ROW].tolist() == [2, 3, 4]
    newest_first = checkins.history(table, "2021-01")
    assert newest_first[U.DATE].dt.date.tolist() == [date(2021, 9, 30), date(2021, 6, 1)]


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ((None, "2021-01", "Completed", None, None, None, "Anna"), U.DATE, "has no Date"),
        (("last spring", "2021-01", "Completed", None, None, None, "Anna"), U.DATE, "is not a date"),
        ((datetime(2021, 6, 1), None, "Completed", None, None, None, "Anna"), U.ACTIVITY_ID, "has no Activity ID"),
        ((datetime(2021, 6, 1), "2099-99", "Completed", None, None, None, "Anna"), U.ACTIVITY_ID, "no activity"),
    ],
)
def test_a_row_that_cannot_be_used_is_left_out_with_a_finding(plan_workbook: Path, row, column, words):
    with_checkins(plan_workbook, [(datetime(2021, 5, 1), "2021-03", "Planned", 0, None, None, "Anna"), row])
    plan = load_plan(plan_workbook)
    assert plan.usable  # a bad check-in never makes the workbook unusable
    found = [f for f in plan.findings if f.sheet == contract.UPDATES]
    assert len(found) == 1 and found[0].severity == WARNING
    assert (found[0].row, found[0].column) == (3, column) and words in found[0].message
    assert plan.checkins[U.ACTIVITY_ID].tolist() == ["2021-03"]


def test_a_status_off_the_list_and_a_bad_percent_are_findings_but_the_row_is_kept(plan_workbook: Path):
    with_checkins(plan_workbook, [(datetime(2021, 6, 1), "2021-01", "Almost", 140, None, None, "Anna")])
    plan = load_plan(plan_workbook)
    found = {(f.row, f.column): f.message for f in plan.findings if f.sheet == contract.UPDATES}
    assert set(found) == {(2, U.STATUS), (2, U.PROGRESS)}
    assert "not in the Status list" in found[(2, U.STATUS)]
    assert plan.checkins[U.STATUS].tolist() == ["Almost"] and plan.checkins[U.PROGRESS].isna().all()


def test_a_missing_required_header_is_one_finding(plan_workbook: Path):
    with_checkins(plan_workbook, [("x", "2021-01")], header=("When", "Activity ID"))
    plan = load_plan(plan_workbook)
    found = [f for f in plan.findings if f.sheet == contract.UPDATES]
    assert len(found) == 1 and found[0].column == U.DATE and "cannot be read" in found[0].message
    assert plan.usable and plan.checkins.empty


def test_a_workbook_without_updates_or_evidence_loads_without_a_finding(plan_workbook: Path):
    book = openpyxl.load_workbook(plan_workbook)
    del book[contract.UPDATES]
    activities = book[contract.ACTIVITIES]
    activities.delete_cols([c.value for c in activities[1]].index(A.EVIDENCE) + 1)
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    assert plan.usable and not plan.warnings and plan.checkins.empty
    assert plan.activities[A.EVIDENCE].isna().all()


# ---------------------------------------------------------------- status as reported on a day


@pytest.fixture
def reported(plan_workbook: Path):
    """2021-01 reported In progress on 1 Jun 2021 and Completed on 30 Sep 2021 (the Activities sheet holds the
    latest report, as a save leaves it); 2021-02 has no check-in and Postponed typed in the sheet."""
    book = openpyxl.load_workbook(plan_workbook)
    sheet = book[contract.ACTIVITIES]
    header = [c.value for c in sheet[1]]
    for row, status, progress in ((2, "Completed", 100), (3, "Postponed", None)):
        sheet.cell(row, header.index(A.STATUS) + 1, status)
        sheet.cell(row, header.index(A.PROGRESS) + 1, progress)
    book.save(plan_workbook)
    with_checkins(
        plan_workbook,
        [
            (datetime(2021, 6, 1), "2021-01", "In progress", 40, "Half way", "Letter 12/3", "Ministry of Culture"),
            (datetime(2021, 9, 30), "2021-01", "Completed", 100, "Done", None, "Ministry of Culture"),
        ],
    )
    plan = load_plan(plan_workbook)
    assert plan.usable
    return plan


def _as_of(plan, day: date) -> pd.DataFrame:
    return Filters(as_of=day).apply(plan.activities, plan.checkins).set_index(A.ID)


def test_status_as_of_a_day_comes_from_the_latest_checkin_by_then(reported):
    between = _as_of(reported, date(2021, 7, 15))
    assert between.loc["2021-01", A.STATUS] == "In progress"
    assert between.loc["2021-01", A.PROGRESS] == 40
    assert between.loc["2021-01", A.EVIDENCE] == "Letter 12/3"
    assert between.loc["2021-01", A.LAST_UPDATE] == pd.Timestamp(2021, 6, 1)
    assert between.loc["2021-01", contract.REPORTED_STATUS] == Reported.IN_PROGRESS
    assert between.loc["2021-01", "Status as of"] == AsOf.SCHEDULED_NOW  # 2021-01 runs through 2021
    after = _as_of(reported, date(2021, 10, 1))
    assert after.loc["2021-01", "Status as of"] == AsOf.COMPLETED


def test_before_the_first_checkin_nothing_had_been_reported(reported):
    before = _as_of(reported, date(2021, 5, 31))
    assert before.loc["2021-01", contract.REPORTED_STATUS] == Reported.NOT_REPORTED
    assert pd.isna(before.loc["2021-01", A.STATUS]) and pd.isna(before.loc["2021-01", A.PROGRESS])
    assert before.loc["2021-01", "Status as of"] != AsOf.COMPLETED


def test_an_activity_without_checkins_keeps_the_activities_sheet(reported):
    for day in (date(2021, 1, 1), date(2025, 1, 1)):
        assert _as_of(reported, day).loc["2021-02", "Status as of"] == AsOf.POSTPONED


def test_no_checkins_is_todays_behaviour(plan_workbook: Path):
    plan = load_plan(plan_workbook)
    day = date(2022, 3, 1)
    assert Filters(as_of=day).apply(plan.activities, plan.checkins).equals(Filters(as_of=day).apply(plan.activities))


def test_the_rule_never_changes_its_input(reported):
    before = reported.activities.copy()
    checkins.reported_as_of(reported.activities, reported.checkins, date(2021, 7, 1))
    assert reported.activities.equals(before)


def test_a_portfolio_keeps_each_plans_checkins(make_workbook, tmp_path: Path):
    from actionplan.plan.portfolio import load_portfolio

    folder = tmp_path / "plans"
    folder.mkdir()
    with_checkins(
        make_workbook(name="plans/a.xlsx"), [(datetime(2021, 6, 1), "2021-01", "Completed", 100, None, None, "Anna")]
    )
    plan, _parts = load_portfolio(folder)
    assert plan.checkins[[U.ACTIVITY_ID, U.STATUS]].values.tolist() == [["2021-01", "Completed"]]
