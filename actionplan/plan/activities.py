"""The Activities sheet as a typed table: each activity checked, its dates from Start/End or Terms, with findings."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_
from . import columns, contract
from .cells import Collector, Sheet, percent, shown, whole_number, year
from .contract import ActivityColumn as A
from .lists import Lists, check_listed
from .sheet_reading import checked, date_cell, failing_rows, report_missing, term_spans
from .status import Reported
from .terms import YEARS, parse_date_cell, parse_terms_cached


def _dates_for(
    record: dict[str, object], row: int, plan_year: int | None, found: Collector, date1904: bool
) -> tuple[object, object, str, str]:
    """(start, end, dates-from, precision) of an activity: the Start/End cells win over Terms."""
    explicit: dict[str, date | None] = {}
    for column in (A.START, A.END):
        try:
            explicit[column] = date_cell(record, column, date1904)
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
    if report_missing(sheet, contract.ACTIVITY_COLUMNS, found):
        return empty_activities()
    canonical = contract.column_names(contract.columns_of(contract.ACTIVITIES))  # optional ones too, blank if absent
    extra = [c for c in sheet.columns if c not in canonical]
    names = canonical + extra + list(contract.DERIVED_COLUMNS)
    # Column by column, each distinct value converted once; `checks` tell the rows without any finding.
    table: dict[str, list[object]] = {name: list(sheet.column(name)) for name in names}
    ids = columns.texts(table[A.ID])
    first_row: dict[object, int] = dict(zip(reversed(ids), reversed(sheet.numbers), strict=True))  # the first wins
    if None in first_row or len(first_row) < len(ids):  # an ID blank or repeated
        checks = [
            [
                activity_id is not None and first_row[activity_id] == number
                for activity_id, number in zip(ids, sheet.numbers, strict=True)
            ]
        ]
    else:
        checks = [[True] * len(ids)]
    table[A.ID] = list(ids)
    for column, convert in ((A.YEAR, year), (A.NO, whole_number), (A.PROGRESS, percent), (A.LAST_UPDATE, None)):
        table[column], passed = columns.converted(table[column], convert or _day_reader(date1904))
        checks.append(passed)
    for column in (A.EVENT, A.TERMS, A.COUNTERPART, A.LEAD, A.LOCATIONS, A.NOTES, A.EVIDENCE):
        table[column] = columns.texts(table[column])
    events = table[A.EVENT]
    checks.append([event is not None for event in events] if None in events else [True] * len(events))
    for column in (A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.STATUS):
        table[column], passed = columns.listed(columns.texts(table[column]), lists.allowed(column))
        checks.append(passed)
    starts, passed = columns.converted(table[A.START], _day_reader(date1904))
    checks.append(passed)
    ends, passed = columns.converted(table[A.END], _day_reader(date1904))
    checks.append(passed)
    if None in table[A.YEAR]:
        table[A.YEAR] = [
            plan_year if plan_year is not None else _year_of_id(activity_id)  # type: ignore[arg-type]
            for plan_year, activity_id in zip(table[A.YEAR], ids, strict=True)
        ]
    spans = term_spans(table[A.TERMS], table[A.YEAR])
    checks.append([span is not None for span in spans])
    given = columns.given(starts, ends)  # the rows with Start or End (the rest take their dates from Terms)
    failing = failing_rows(checks)
    failing.update(index for index in given if starts[index] and ends[index] and ends[index] < starts[index])  # type: ignore[operator]
    # the derived cells, as if every date came from Terms; then the rows with Start or End given, then those with
    # a finding, read as always, cell by cell, their findings in the sheet's order
    table[A.START] = [span.start if span else None for span in spans]
    table[A.END] = [span.end if span else None for span in spans]
    table[contract.DATE_SOURCE] = ["Terms"] * len(spans)
    table[contract.PRECISION] = [span.precision if span else "" for span in spans]
    table[contract.ROW] = list(sheet.numbers)
    table[contract.REPORTED_STATUS] = [status or Reported.NOT_REPORTED for status in table[A.STATUS]]
    for index in sorted(failing.union(given)):
        number = sheet.numbers[index]
        if index not in failing:
            dates: dict[str, object] = {A.START: starts[index], A.END: ends[index], A.TERMS: table[A.TERMS][index]}
            dated = _dates_for(dates, number, table[A.YEAR][index], Collector(sheet.name), False)  # type: ignore[arg-type]
            table[A.START][index], table[A.END][index] = dated[0], dated[1]
            table[contract.DATE_SOURCE][index], table[contract.PRECISION][index] = dated[2], dated[3]
            continue
        cells: dict[str, object] = {name: sheet.column(name)[index] for name in names if name in sheet.cells}
        record = _activity_record(cells, number, first_row, lists, found, date1904)
        for name in names:
            table[name][index] = record.get(name)
    return columns.typed_frame(table, **_ACTIVITY_TYPES)


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
    plan_year = checked(found, row, A.YEAR, record, year, N_("a year such as 2024"))
    if plan_year is None:
        plan_year = _year_of_id(activity_id)
    record[A.YEAR] = plan_year
    record[A.NO] = checked(found, row, A.NO, record, whole_number, N_("a whole number"))
    record[A.PROGRESS] = checked(found, row, A.PROGRESS, record, percent, N_("a number from 0 to 100"))
    try:
        record[A.LAST_UPDATE] = date_cell(record, A.LAST_UPDATE, date1904)
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
    check_listed(record, row, lists, found, (A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.STATUS))
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


def empty_activities() -> pd.DataFrame:
    names = contract.column_names(contract.columns_of(contract.ACTIVITIES)) + list(contract.DERIVED_COLUMNS)
    return columns.empty_frame(names, **_ACTIVITY_TYPES)
