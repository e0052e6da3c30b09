"""The plan's sheets as typed tables: Lists, Activities (dates from Start/End or Terms), Steps and Milestones, each
record checked against the contract with findings that name the sheet, the Excel row and the column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_
from . import columns, contract
from .cells import Collector, Sheet, percent, shown, whole_number, year
from .contract import ActivityColumn as A
from .contract import MilestoneColumn as M
from .contract import StepColumn as S
from .findings import Phrase
from .status import Reported
from .terms import YEARS, DateSpan, parse_date_cell, parse_terms_cached


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
    canonical = contract.column_names(contract.columns_of(contract.ACTIVITIES))  # optional ones too, blank if absent
    extra = [c for c in sheet.columns if c not in canonical]
    names = canonical + extra + list(contract.DERIVED_COLUMNS)
    # Column by column, each distinct value converted once; `clean` marks the rows without any finding.
    table: dict[str, list[object]] = {name: list(sheet.column(name)) for name in names}
    ids = columns.texts(table[A.ID])
    first_row: dict[object, int] = {}
    for number, activity_id in zip(sheet.numbers, ids, strict=True):
        first_row.setdefault(activity_id, number)
    checks = [
        [
            activity_id is not None and first_row[activity_id] == number
            for activity_id, number in zip(ids, sheet.numbers, strict=True)
        ]
    ]
    table[A.ID] = list(ids)
    for column, convert in ((A.YEAR, year), (A.NO, whole_number), (A.PROGRESS, percent), (A.LAST_UPDATE, None)):
        table[column], passed = columns.converted(table[column], convert or _day_reader(date1904))
        checks.append(passed)
    for column in (A.EVENT, A.TERMS, A.COUNTERPART, A.LEAD, A.LOCATIONS, A.NOTES, A.EVIDENCE):
        table[column] = list(columns.texts(table[column]))
    checks.append([event is not None for event in table[A.EVENT]])
    for column in (A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.STATUS):
        table[column], passed = columns.listed(columns.texts(table[column]), lists.allowed(column))
        checks.append(passed)
    starts, passed = columns.converted(table[A.START], _day_reader(date1904))
    checks.append(passed)
    ends, passed = columns.converted(table[A.END], _day_reader(date1904))
    checks.append(passed)
    table[A.YEAR] = [
        plan_year if plan_year is not None else _year_of_id(activity_id)  # type: ignore[arg-type]
        for plan_year, activity_id in zip(table[A.YEAR], ids, strict=True)
    ]
    spans = _spans(table[A.TERMS], table[A.YEAR])
    checks.append(
        [
            span is not None and not (start and end and end < start)  # type: ignore[operator]
            for span, start, end in zip(spans, starts, ends, strict=True)
        ]
    )
    # the derived cells, as if every date came from Terms; then the rows with Start or End given, then those with
    # a finding, read as always, cell by cell, their findings in the sheet's order
    table[A.START] = [span.start if span else None for span in spans]
    table[A.END] = [span.end if span else None for span in spans]
    table[contract.DATE_SOURCE] = ["Terms"] * len(spans)
    table[contract.PRECISION] = [span.precision if span else "" for span in spans]
    table[contract.ROW] = list(sheet.numbers)
    table[contract.REPORTED_STATUS] = [status or Reported.NOT_REPORTED for status in table[A.STATUS]]
    for index, row_checks in enumerate(zip(*checks, strict=True)):
        number = sheet.numbers[index]
        if all(row_checks):
            if starts[index] is not None or ends[index] is not None:
                given: dict[str, object] = {A.START: starts[index], A.END: ends[index], A.TERMS: table[A.TERMS][index]}
                dated = _dates_for(given, number, table[A.YEAR][index], Collector(sheet.name), False)  # type: ignore[arg-type]
                table[A.START][index], table[A.END][index] = dated[0], dated[1]
                table[contract.DATE_SOURCE][index], table[contract.PRECISION][index] = dated[2], dated[3]
            continue
        cells: dict[str, object] = {name: sheet.column(name)[index] for name in names if name in sheet.cells}
        record = _activity_record(cells, number, first_row, lists, found, date1904)
        for name in names:
            table[name][index] = record.get(name)
    return columns.typed_frame(table, **_ACTIVITY_TYPES)


def _spans(terms: list[object], years: list[object]) -> list[DateSpan | None]:
    """The dates of each row's terms in its plan year, each distinct (terms, year) read once; None for blank terms."""
    pairs = list(zip(terms, years, strict=True))
    read = {pair: parse_terms_cached(*pair) if pair[0] else None for pair in set(pairs)}  # type: ignore[arg-type]
    return [read[pair] for pair in pairs]


def _day_reader(date1904: bool):
    return lambda cell: parse_date_cell(cell, date1904=date1904)


def _year_of_id(activity_id: str | None) -> int | None:
    """The plan year an ID such as 2024-03 starts with, if it names one."""
    if activity_id and activity_id[:4].isdigit() and int(activity_id[:4]) in YEARS:
        return int(activity_id[:4])
    return None


def _activity_record(
    record: dict[str, object], row: int, first_row: dict[object, int], lists: Lists, found: Collector, date1904: bool
) -> dict[str, object]:
    """One activity read cell by cell with its findings (`first_row`: the row where each ID first appears)."""
    activity_id = words.cell_or_none(record.get(A.ID))
    if activity_id is None:
        found.error(row, A.ID, N_("this activity has no ID"), N_("give it a unique ID such as 2024-03 (year-number)"))
    elif first_row.get(activity_id, row) < row:
        found.error(
            row,
            A.ID,
            N_("ID '{id}' is already used in row {first}"),
            N_("give each activity its own ID (year-number)"),
            id=shown(activity_id),
            first=first_row[activity_id],
        )
    record[A.ID] = activity_id
    plan_year = _checked(found, row, A.YEAR, record, year, N_("a year such as 2024"))
    if plan_year is None:
        plan_year = _year_of_id(activity_id)
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
    start, end, source, precision = _dates_for(record, row, plan_year, found, date1904)  # type: ignore[arg-type]
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
    return record


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
    year_of = dict(zip(activities[A.ID].tolist(), activities[A.YEAR].tolist(), strict=True))
    known_year = {key: int(value) for key, value in year_of.items() if not words.is_blank(value) and value}
    extra = [c for c in sheet.columns if c not in base]
    names = [*base, *extra, S.START, S.END, contract.ROW]
    table: dict[str, list[object]] = {name: list(sheet.column(name)) for name in names}
    table[S.ACTIVITY_ID] = list(columns.texts(table[S.ACTIVITY_ID]))
    checks = [[activity_id in year_of for activity_id in table[S.ACTIVITY_ID]]]
    table[S.STEP], passed = columns.converted(table[S.STEP], whole_number)
    checks.append(passed)
    table[S.DESCRIPTION] = list(columns.texts(table[S.DESCRIPTION]))
    table[S.TERMS] = list(columns.texts(table[S.TERMS]))
    table[S.STATUS], passed = columns.listed(columns.texts(table[S.STATUS]), lists.allowed(S.STATUS))
    checks.append(passed)
    spans = _spans(table[S.TERMS], [known_year.get(activity_id) for activity_id in table[S.ACTIVITY_ID]])
    checks.append([span is not None or not terms for span, terms in zip(spans, table[S.TERMS], strict=True)])
    table[S.START] = [span.start if span else None for span in spans]
    table[S.END] = [span.end if span else None for span in spans]
    table[contract.ROW] = list(sheet.numbers)
    for index, row_checks in enumerate(zip(*checks, strict=True)):
        if all(row_checks):
            continue
        # a step with a finding: read as always, cell by cell, its findings in the sheet's order
        record = {name: sheet.column(name)[index] for name in names if name in sheet.cells}
        record = _step_record(record, sheet.numbers[index], year_of, lists, found)
        for name in names:
            table[name][index] = record.get(name)
    return columns.typed_frame(table, **_STEP_TYPES)


def _step_record(
    record: dict[str, object], row: int, year_of: dict[object, object], lists: Lists, found: Collector
) -> dict[str, object]:
    """One step read cell by cell with its findings."""
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
        span = parse_terms_cached(record[S.TERMS], int(plan_year) if known_year and plan_year else None)  # type: ignore[call-overload]
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
    return record


_STEP_TYPES = {"dates": (S.START, S.END), "ints": (S.STEP, contract.ROW)}
TYPE_A_DAY = N_("type a date such as 2025-10-30")
_MILESTONE_TYPES = {"dates": (M.DATE, M.END), "ints": (contract.ROW,)}


def read_milestones(sheet: Sheet | None, found: Collector, date1904: bool) -> pd.DataFrame:
    base = contract.column_names(contract.MILESTONE_COLUMNS)
    if sheet is None or _report_missing(sheet, contract.MILESTONE_COLUMNS, found):
        return _typed(pd.DataFrame(columns=[*base, contract.ROW]), **_MILESTONE_TYPES)
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
    rows.sort(key=lambda record: record[M.DATE])  # type: ignore[arg-type,return-value]  # stable: ties keep their order
    names = [*base, *extra, contract.ROW]
    return columns.typed_frame({name: [record.get(name) for record in rows] for name in names}, **_MILESTONE_TYPES)


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
