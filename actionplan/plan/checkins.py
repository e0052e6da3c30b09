"""Progress over time: the optional Updates sheet of dated check-ins, and the one rule for what had been reported
on a day.

A check-in is one row of Updates: the Date of a report, the Activity ID, and the Status, Progress %, Notes and
Evidence reported, with its Source (who reported or saved it). Every save that changes an activity's report
appends one (`actionplan.keeping.checkins`); the Activities sheet keeps the latest values, as before.

The sheet is optional: a workbook without it has no check-ins and no finding. A row the loader cannot use (no or
an unreadable Date, no Activity ID, an ID the Activities sheet does not have) is left out with a warning naming the
row and the column; it never makes the workbook unusable. Nothing here infers a report: an activity nobody reported
on stays Not reported.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_
from . import contract
from .cells import percent, shown
from .columns import empty_frame
from .contract import ActivityColumn as A
from .contract import UpdateColumn as U
from .findings import WARNING, Finding
from .status import Reported, with_status
from .terms import parse_date_cell

CHECKIN_COLUMNS: tuple[str, ...] = (*contract.column_names(contract.UPDATE_COLUMNS), contract.ROW)
WORKBOOK = contract.Derived.WORKBOOK  # in a portfolio, the plan a row belongs to (`portfolio.combine` tags both tables)
_KEY = "_activity"  # a working column: the activity a check-in is about
_TEXT_COLUMNS = (U.ACTIVITY_ID, U.STATUS, U.NOTES, U.EVIDENCE, U.SOURCE)
# What a check-in says about its activity, column by column (the Date becomes its Last update).
REPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    (U.STATUS, A.STATUS),
    (U.PROGRESS, A.PROGRESS),
    (U.DATE, A.LAST_UPDATE),
    (U.NOTES, A.NOTES),
    (U.EVIDENCE, A.EVIDENCE),
)


def empty_checkins() -> pd.DataFrame:
    """The check-ins table with no rows: Date, Activity ID, Status, Progress %, Notes, Evidence, Source, Row."""
    return empty_frame(CHECKIN_COLUMNS, dates=(U.DATE,), floats=(U.PROGRESS,), ints=(contract.ROW,))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Date as datetime64, Progress % as Float64, Row as Int64, the rest as object (blank = None)."""
    columns: dict[str, object] = {
        name: frame[name].astype(object).where(frame[name].notna(), None) for name in _TEXT_COLUMNS
    }
    columns[U.DATE] = pd.to_datetime(frame[U.DATE])
    columns[U.PROGRESS] = pd.array(frame[U.PROGRESS].tolist(), dtype="Float64")
    columns[contract.ROW] = pd.array(frame[contract.ROW].tolist(), dtype="Int64")
    return pd.DataFrame({name: columns[name] for name in CHECKIN_COLUMNS}, index=frame.index)


def read_checkins(
    rows: list[list[object]] | None,
    activity_ids: Collection[str],
    statuses: Sequence[str] = Reported.typed_values(),
    *,
    date1904: bool = False,
) -> tuple[pd.DataFrame, list[Finding]]:
    """The Updates sheet's rows (as calamine gives them, header first) as a table of check-ins, with findings.

    Shape: one row per usable check-in with the seven columns and Row (the Excel row), in sheet order.
    `rows` None or empty (no such sheet) gives an empty table and no finding.
    """
    findings: list[Finding] = []

    def warn(row: int, where: str | None, message: str, hint: str, /, **values: object) -> None:
        findings.append(Finding.of(WARNING, contract.UPDATES, row, where, message, hint, **values))

    header_index = next((i for i, row in enumerate(rows or []) if any(not words.is_blank(c) for c in row)), None)
    if not rows or header_index is None:
        return empty_checkins(), findings
    positions = contract.header_positions(rows[header_index], contract.UPDATE_COLUMNS)
    missing = [column.name for column in contract.UPDATE_COLUMNS if column.required and column.name not in positions]
    if missing:
        warn(
            header_index + 1,
            missing[0],
            N_("column '{column}' is missing, so the check-ins in this sheet cannot be read"),
            N_("put the headers {headers} in row {row}"),
            column=missing[0],
            headers=", ".join(contract.column_names(contract.UPDATE_COLUMNS)),
            row=header_index + 1,
        )
        return empty_checkins(), findings
    known = set(activity_ids)
    allowed = {status.casefold(): status for status in statuses}
    records: list[dict[str, object]] = []
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cells = {name: row[position - 1] if position <= len(row) else None for name, position in positions.items()}
        if all(words.is_blank(cells.get(column.name)) for column in contract.UPDATE_COLUMNS):
            continue
        record: dict[str, object] = {
            name: words.cell_or_none(words.plain_text(words.cell_text(cells.get(name)))) for name in _TEXT_COLUMNS
        }
        try:
            when = parse_date_cell(cells.get(U.DATE), date1904=date1904)
        except ValueError:
            when = None
        if when is None:
            warn(
                number,
                U.DATE,
                N_("'{value}' is not a date, so this check-in is left out")
                if not words.is_blank(cells.get(U.DATE))
                else N_("this check-in has no Date, so it is left out"),
                N_("type the day of the report, e.g. 2027-10-03"),
                value=shown(cells.get(U.DATE)),
            )
            continue
        activity_id = record[U.ACTIVITY_ID]
        if activity_id is None or activity_id not in known:
            warn(
                number,
                U.ACTIVITY_ID,
                N_("no activity has the ID '{id}', so this check-in is left out")
                if activity_id
                else N_("this check-in has no Activity ID, so it is left out"),
                N_("write the ID of an activity in the Activities sheet, e.g. 2021-04"),
                id=shown(activity_id),
            )
            continue
        status = record[U.STATUS]
        if status is not None:
            if str(status).casefold() not in allowed:
                warn(
                    number,
                    U.STATUS,
                    N_("'{value}' is not in the Status list; read as written"),
                    N_("pick one of: {listed}; or leave it blank for Not reported"),
                    value=shown(status),
                    listed=", ".join(statuses),
                )
            record[U.STATUS] = allowed.get(str(status).casefold(), status)
        try:
            record[U.PROGRESS] = None if words.is_blank(cells.get(U.PROGRESS)) else percent(cells.get(U.PROGRESS))
        except (ValueError, TypeError):
            warn(
                number,
                U.PROGRESS,
                N_("'{value}' is not a number from 0 to 100; ignored"),
                N_("type a number from 0 to 100, or leave it blank"),
                value=shown(cells.get(U.PROGRESS)),
            )
            record[U.PROGRESS] = None
        records.append({**record, U.DATE: pd.Timestamp(when), contract.ROW: number})
    if not records:
        return empty_checkins(), findings
    return _typed(pd.DataFrame(records, columns=list(CHECKIN_COLUMNS))), findings


def _activity_keys(frame: pd.DataFrame, id_column: str, by_plan: bool) -> pd.Series:
    """Which activity each row is about: its ID; in a portfolio (`by_plan`), where an ID is unique only within its
    plan, its workbook and ID together."""
    ids = frame[id_column].astype(object)
    if not by_plan:
        return ids
    return frame[WORKBOOK].astype(str) + "\x1f" + ids.astype(str)


def _by_plan(activities: pd.DataFrame, checkins: pd.DataFrame) -> bool:
    """True for a portfolio's tables: both tagged with their workbook (`portfolio.combine`)."""
    return WORKBOOK in activities.columns and WORKBOOK in checkins.columns


def history(checkins: pd.DataFrame, activity_id: str, workbook: str | None = None) -> pd.DataFrame:
    """One activity's check-ins, newest first (a later row of the sheet first on the same day); in a portfolio,
    those of its own `workbook` only (another plan may use the same ID)."""
    mine = checkins[U.ACTIVITY_ID] == activity_id
    if workbook is not None and WORKBOOK in checkins.columns:
        mine &= checkins[WORKBOOK] == workbook
    own = checkins[mine]
    return own.sort_values([U.DATE, contract.ROW], ascending=False, kind="stable")


def reported_as_of(activities: pd.DataFrame, checkins: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The activities with their report as it stood on `as_of` (a copy; the input is never changed).

    The rule, in one place:
    - an activity with no check-in keeps the Activities sheet's values (the report as it is, undated history);
    - on or after the day of its latest check-in, the Activities sheet too (it holds the latest values, and may
      have been edited in Excel since);
    - before that, its latest check-in on or before `as_of` gives Status, Progress %, Last update (the check-in's
      Date), Notes and Evidence; before its first check-in nothing had been reported: Not reported, all blank.
    In a portfolio an activity's check-ins are those of its own plan's Updates sheet (matched by workbook and ID).
    """
    if checkins.empty or activities.empty:
        return activities
    when = pd.Timestamp(as_of)
    by_plan = _by_plan(activities, checkins)
    keys = _activity_keys(checkins, U.ACTIVITY_ID, by_plan)
    latest = checkins[U.DATE].groupby(keys).max()
    ids = _activity_keys(activities, A.ID, by_plan)
    last_day = pd.to_datetime(ids.map(latest))
    earlier = (last_day.notna() & (when < last_day)).to_numpy()
    if not earlier.any():
        return activities
    # check-ins (one row per report) -> the latest on or before as_of, one row per activity, indexed by ID
    by_then = (
        checkins.assign(**{_KEY: keys})[checkins[U.DATE] <= when]
        .sort_values([U.DATE, contract.ROW], kind="stable")
        .drop_duplicates(_KEY, keep="last")
        .set_index(_KEY)
        .reindex(ids[earlier].tolist())
    )
    out = activities.copy()
    for source, target in REPORT_COLUMNS:
        values = by_then[source]
        if values.dtype == object:
            values = values.where(values.notna(), None)  # nothing reported by then: blank, not NaN
        if target not in out.columns:
            out[target] = pd.Series(None, index=out.index, dtype=values.dtype)
        column = out[target].copy()
        column.iloc[earlier] = values.to_numpy()
        out[target] = column
    out[contract.REPORTED_STATUS] = out[A.STATUS].where(out[A.STATUS].notna(), str(Reported.NOT_REPORTED))
    return out


def activities_as_of(activities: pd.DataFrame, checkins: pd.DataFrame | None, as_of: date) -> pd.DataFrame:
    """The activities as they stood on `as_of`: each one's report as it stood that day (`reported_as_of`), then its
    Status as of that day (`status.with_status`). The one way the pages and the briefing say an activity's status
    on a date, so the Overview and the Briefing agree; without check-ins, the Activities sheet as it is."""
    reported = activities if checkins is None else reported_as_of(activities, checkins, as_of)
    return with_status(reported, as_of)


def checkin_days(checkins: pd.DataFrame, activities: pd.DataFrame, as_of: date) -> list[date]:
    """The days on or before `as_of` on which any of these activities was reported (in a portfolio, in its own
    plan's Updates), ascending."""
    by_plan = _by_plan(activities, checkins)
    mine = _activity_keys(checkins, U.ACTIVITY_ID, by_plan).isin(set(_activity_keys(activities, A.ID, by_plan)))
    own = checkins[mine & (checkins[U.DATE] <= pd.Timestamp(as_of))]
    return sorted({stamp.date() for stamp in own[U.DATE]})
