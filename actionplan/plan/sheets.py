"""The plan's sheets as typed tables: Lists, Activities (dates from Start/End or Terms), Steps and Milestones, each
record checked against the contract with findings that name the sheet, the Excel row and the column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_
from . import contract
from .cells import Collector, Sheet, percent, shown, whole_number, year
from .contract import ActivityColumn as A
from .contract import MilestoneColumn as M
from .contract import StepColumn as S
from .findings import Phrase
from .status import Reported
from .terms import YEARS, parse_date_cell, parse_terms_cached


@dataclass(frozen=True)
class Lists:
    """The allowed values from the Lists sheet, in the order staff wrote them."""

    domains: tuple[str, ...] = ()
    conventions: tuple[str, ...] = ()
    convention_titles: tuple[tuple[str, str], ...] = ()
    programmes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = Reported.typed_values()

    def allowed(self, column: str) -> tuple[str, ...]:
        """The allowed values of an Activities column backed by a list."""
        return {
            contract.LIST_DOMAIN: self.domains,
            contract.LIST_CONVENTION: self.conventions,
            contract.LIST_PROGRAMME: self.programmes,
            contract.LIST_STATUS: self.statuses,
        }[contract.LIST_BACKED[column]]

    def title(self, convention: str) -> str:
        """The full title of a convention, or the short name where Lists gives none."""
        return dict(self.convention_titles).get(convention) or convention


# ---------------------------------------------------------------------------------------------------------------
# Sheet by sheet


def _report_missing(sheet: Sheet, columns: tuple[contract.Column, ...], found: Collector) -> bool:
    """Findings for absent columns; True when a required one is missing and the sheet cannot be read."""
    fatal = False
    present = ", ".join(shown(column) for column in sheet.columns) or Phrase(N_("no headers"))
    for column in columns:
        if column.name not in sheet.missing:
            continue
        if column.required:
            fatal = True
            found.error(
                1,
                column.name,
                N_("required column '{column}' is missing (columns found: {present})"),
                N_("put the header '{column}' back in row 1; headers may differ only in case and spaces"),
                column=column.name,
                present=present,
            )
        else:
            found.warn(
                1,
                column.name,
                N_("column '{column}' is missing; treated as blank"),
                N_("add a column headed '{column}' to record it"),
                column=column.name,
            )
    return fatal


def read_lists(sheet: Sheet | None, found: Collector) -> Lists:
    if sheet is None:
        return Lists()
    _report_missing(sheet, contract.LIST_COLUMNS, found)

    def column(name: str) -> tuple[str, ...]:
        values = [words.cell_or_none(values.get(name)) for _, values in sheet.records]
        return tuple(dict.fromkeys(value for value in values if value))

    titles = tuple(
        (words.cell_text(values[contract.LIST_CONVENTION]), words.cell_text(values.get(contract.LIST_CONVENTION_TITLE)))
        for _, values in sheet.records
        if values.get(contract.LIST_CONVENTION) is not None
    )
    statuses = column(contract.LIST_STATUS) or Reported.typed_values()
    for status in statuses:
        if status not in Reported.typed_values():
            found.warn(
                None,
                contract.LIST_STATUS,
                N_("status '{status}' is not one the dashboard understands"),
                N_("use Planned, In progress, Completed, Postponed or Cancelled"),
                status=shown(status),
            )
    return Lists(
        column(contract.LIST_DOMAIN),
        column(contract.LIST_CONVENTION),
        titles,
        column(contract.LIST_PROGRAMME),
        statuses,
    )


def _in_list(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """The list's own spelling of a value matched case-insensitively, or None if it is not in the list."""
    if value is None:
        return None
    by_key = {item.casefold().strip(): item for item in allowed}
    return by_key.get(value.casefold().strip())


def _check_listed(
    record: dict[str, object], row: int, lists: Lists, found: Collector, columns: tuple[str, ...]
) -> None:
    for column in columns:
        value = words.cell_or_none(record.get(column))
        if value is None:
            continue
        allowed = lists.allowed(column)
        match = _in_list(value, allowed)
        if match is None:
            listed = ", ".join(shown(item) for item in allowed[:8]) + (" ..." if len(allowed) > 8 else "")
            found.warn(
                row,
                column,
                N_("'{value}' is not in the {column} list"),
                N_("pick one of: {listed}; or add it to the Lists sheet"),
                value=shown(value),
                column=column,
                listed=listed,
            )
        record[column] = match or value


def _date_cell(record: dict[str, object], column: str, date1904: bool) -> date | None:
    return parse_date_cell(record.get(column), date1904=date1904)


def _dates_for(
    record: dict[str, object], row: int, plan_year: int | None, found: Collector, date1904: bool
) -> tuple[object, object, str, str]:
    """(start, end, dates-from, precision) of an activity: the Start/End cells win over Terms."""
    explicit: dict[str, date | None] = {}
    for column in (A.START, A.END):
        try:
            explicit[column] = _date_cell(record, column, date1904)
        except ValueError:
            found.warn(
                row,
                column,
                N_("'{value}' is not a date; the dates come from Terms instead"),
                N_("type a date such as 2024-03-15, or leave the cell blank"),
                value=shown(record.get(column)),
            )
            explicit[column] = None
    terms = record.get(A.TERMS)
    span = parse_terms_cached(terms, plan_year)
    if span is None:
        if terms is None:
            found.warn(
                row,
                A.TERMS,
                N_("Terms is blank; the activity is shown across its plan year"),
                N_("write the terms of implementation, e.g. 'March-December 2021' or 'Q4 2024'"),
            )
        else:
            found.warn(
                row,
                A.TERMS,
                N_("'{terms}' could not be read as dates; the activity is shown across its plan year"),
                N_(
                    "write e.g. 'March-December 2021', '2nd quarter 2023', 'H1 2024', '15 March 2024', "
                    "or fill in Start and End"
                ),
                terms=shown(terms),
            )
    start, end = explicit[A.START], explicit[A.END]
    if start and end and end < start:
        found.warn(
            row,
            A.END,
            N_("End {end} is before Start {start}; the dates come from Terms instead"),
            N_("correct Start or End"),
            end=f"{end:%Y-%m-%d}",
            start=f"{start:%Y-%m-%d}",
        )
        start = end = None
    if start and end:
        return start, end, "Start/End cells", "day"
    if span is not None:
        source = "Terms" if not (start or end) else "Start/End cells and Terms"
        chosen_start: date = start or span.start
        chosen_end: date = end or span.end
        if chosen_end < chosen_start:  # one exact date given, on the wrong side of the terms: that day alone
            chosen_start = chosen_end = start or chosen_end
        return chosen_start, chosen_end, source, "day" if (start or end) else span.precision
    if start or end:
        return start or end, end or start, "Start/End cells", "day"
    if plan_year is not None:
        return date(plan_year, 1, 1), date(plan_year, 12, 31), "Plan year (terms not understood)", "year"
    return None, None, "No dates", ""


def read_activities(sheet: Sheet, lists: Lists, found: Collector, date1904: bool) -> pd.DataFrame:
    if _report_missing(sheet, contract.ACTIVITY_COLUMNS, found):
        return empty_activities()
    first_row_of: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        activity_id = words.cell_or_none(record.get(A.ID))
        if activity_id is None:
            found.error(
                row, A.ID, N_("this activity has no ID"), N_("give it a unique ID such as 2024-03 (year-number)")
            )
        elif activity_id in first_row_of:
            found.error(
                row,
                A.ID,
                N_("ID '{id}' is already used in row {first}"),
                N_("give each activity its own ID (year-number)"),
                id=shown(activity_id),
                first=first_row_of[activity_id],
            )
        else:
            first_row_of[activity_id] = row
        record[A.ID] = activity_id
        plan_year = _checked(found, row, A.YEAR, record, year, N_("a year such as 2024"))
        if plan_year is None and activity_id and activity_id[:4].isdigit() and int(activity_id[:4]) in YEARS:
            plan_year = int(activity_id[:4])
        record[A.YEAR] = plan_year
        record[A.NO] = _checked(found, row, A.NO, record, whole_number, N_("a whole number"))
        record[A.PROGRESS] = _checked(found, row, A.PROGRESS, record, percent, N_("a number from 0 to 100"))
        try:
            record[A.LAST_UPDATE] = _date_cell(record, A.LAST_UPDATE, date1904)
        except ValueError:
            found.warn(
                row,
                A.LAST_UPDATE,
                N_("'{value}' is not a date; ignored"),
                N_("type the date of the last report, e.g. 2024-03-15"),
                value=shown(record.get(A.LAST_UPDATE)),
            )
            record[A.LAST_UPDATE] = None
        for column in (A.EVENT, A.TERMS, A.COUNTERPART, A.LEAD, A.LOCATIONS, A.NOTES, A.EVIDENCE):
            record[column] = words.cell_or_none(record.get(column))
        if record[A.EVENT] is None:
            found.warn(row, A.EVENT, N_("Event is blank"), N_("write what the activity is"))
        _check_listed(record, row, lists, found, (A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.STATUS))
        start, end, source, precision = _dates_for(record, row, plan_year, found, date1904)
        record.update(
            {
                A.START: start,
                A.END: end,
                contract.ROW: row,
                contract.DATE_SOURCE: source,
                contract.PRECISION: precision,
                contract.REPORTED_STATUS: record.get(A.STATUS) or Reported.NOT_REPORTED,
            }
        )
        rows.append(record)
    canonical = contract.column_names(contract.columns_of(contract.ACTIVITIES))  # optional ones too, blank if absent
    extra = [c for c in sheet.columns if c not in canonical]
    columns = canonical + extra + list(contract.DERIVED_COLUMNS)
    return _typed(pd.DataFrame(rows, columns=columns), **_ACTIVITY_TYPES)


_ACTIVITY_TYPES = {
    "dates": (A.START, A.END, A.LAST_UPDATE),
    "ints": (A.YEAR, A.NO, contract.ROW),
    "floats": (A.PROGRESS,),
}


def _checked(found: Collector, row: int, column: str, record: dict[str, object], convert, expected: str):
    """The converted cell, or None with a warning naming what was expected."""
    try:
        return convert(record.get(column))
    except (ValueError, TypeError, OverflowError):
        found.warn(
            row,
            column,
            N_("'{value}' is not {expected}; ignored"),
            N_("type {expected}"),
            value=shown(record.get(column)),
            expected=Phrase(expected),
        )
        return None


def read_steps(sheet: Sheet | None, activities: pd.DataFrame, lists: Lists, found: Collector) -> pd.DataFrame:
    base = contract.column_names(contract.STEP_COLUMNS)
    if sheet is None or _report_missing(sheet, contract.STEP_COLUMNS, found):
        return _typed(pd.DataFrame(columns=[*base, S.START, S.END, contract.ROW]), **_STEP_TYPES)
    year_of = dict(zip(activities[A.ID], activities[A.YEAR]))
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        activity_id = words.cell_or_none(record.get(S.ACTIVITY_ID))
        record[S.ACTIVITY_ID] = activity_id
        if activity_id not in year_of:
            found.warn(
                row,
                S.ACTIVITY_ID,
                N_("no activity has the ID '{id}'"),
                N_("use an ID from the Activities sheet"),
                id=shown(activity_id),
            )
        record[S.STEP] = _checked(found, row, S.STEP, record, whole_number, N_("a whole number"))
        record[S.DESCRIPTION] = words.cell_or_none(record.get(S.DESCRIPTION))
        record[S.TERMS] = words.cell_or_none(record.get(S.TERMS))
        _check_listed(record, row, lists, found, (S.STATUS,))
        start = end = None
        if record[S.TERMS]:
            plan_year = year_of.get(activity_id)
            known_year = plan_year is not None and not words.is_blank(plan_year)
            span = parse_terms_cached(record[S.TERMS], int(plan_year) if known_year and plan_year else None)
            if span is None:
                found.warn(
                    row,
                    S.TERMS,
                    N_("'{terms}' could not be read as dates"),
                    N_("write e.g. 'March 2023' or '3rd quarter 2023', or leave blank"),
                    terms=shown(record[S.TERMS]),
                )
            else:
                start, end = span.start, span.end
        record.update({S.START: start, S.END: end, contract.ROW: row})
        rows.append(record)
    extra = [c for c in sheet.columns if c not in base]
    frame = pd.DataFrame(rows, columns=[*base, *extra, S.START, S.END, contract.ROW])
    return _typed(frame, **_STEP_TYPES)


_STEP_TYPES = {"dates": (S.START, S.END), "ints": (S.STEP, contract.ROW)}
TYPE_A_DAY = N_("type a date such as 2025-10-30")
_MILESTONE_TYPES = {"dates": (M.DATE, M.END), "ints": (contract.ROW,)}


def read_milestones(sheet: Sheet | None, found: Collector, date1904: bool) -> pd.DataFrame:
    base = contract.column_names(contract.MILESTONE_COLUMNS)
    empty = _typed(pd.DataFrame(columns=[*base, contract.ROW]), **_MILESTONE_TYPES)
    if sheet is None or _report_missing(sheet, contract.MILESTONE_COLUMNS, found):
        return empty
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        try:
            first = _date_cell(record, M.DATE, date1904)
            last: date | None = _date_cell(record, M.END, date1904) or first
        except ValueError:
            found.warn(row, M.DATE, N_("the date is not a single day; milestone left out"), TYPE_A_DAY)
            continue
        if first is None:
            found.warn(row, M.DATE, N_("the milestone has no date; left out"), TYPE_A_DAY)
            continue
        if last is None or last < first:
            found.warn(row, M.END, N_("End is before Date; treated as a one-day milestone"), N_("correct End"))
            last = first
        name = words.cell_or_none(record.get(M.NAME)) or "Milestone"
        record.update({M.DATE: first, M.END: last, M.NAME: name, contract.ROW: row})
        for column in (M.KIND, M.PLACE):
            record[column] = words.cell_or_none(record.get(column))
        rows.append(record)
    extra = [c for c in sheet.columns if c not in base]
    frame = pd.DataFrame(rows, columns=[*base, *extra, contract.ROW]).sort_values(M.DATE, kind="stable")
    return _typed(frame.reset_index(drop=True), **_MILESTONE_TYPES)


def _typed(
    frame: pd.DataFrame, *, dates: tuple[str, ...] = (), ints: tuple[str, ...] = (), floats: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Give date, whole-number and decimal columns their pandas types; text stays object."""
    columns: dict[str, object] = {}
    for name in frame.columns:
        values = frame[name].tolist()
        if name in dates:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").array
        elif name in ints:
            columns[name] = pd.array([None if _missing(v) else int(v) for v in values], dtype="Int64")
        elif name in floats:
            columns[name] = pd.array([None if _missing(v) else float(v) for v in values], dtype="Float64")
        else:
            columns[name] = pd.array([None if _missing(v) else v for v in values], dtype=object)
    return pd.DataFrame(columns, index=frame.index)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT


def empty_activities() -> pd.DataFrame:
    columns = contract.column_names(contract.columns_of(contract.ACTIVITIES)) + list(contract.DERIVED_COLUMNS)
    return _typed(pd.DataFrame(columns=columns), **_ACTIVITY_TYPES)
