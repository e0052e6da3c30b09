"""The Steps sheet as a typed table: each mechanism step checked against its activity and dated from its Terms."""

from __future__ import annotations

import pandas as pd

from .. import words
from ..i18n import N_
from . import columns, contract
from .cells import Collector, Sheet, shown, whole_number
from .contract import ActivityColumn as A
from .contract import StepColumn as S
from .lists import Lists, check_listed
from .sheet_reading import checked, failing_rows, report_missing, term_spans
from .terms import parse_terms_cached


def read_steps(sheet: Sheet | None, activities: pd.DataFrame, lists: Lists, found: Collector) -> pd.DataFrame:
    base = contract.column_names(contract.STEP_COLUMNS)
    if sheet is None or report_missing(sheet, contract.STEP_COLUMNS, found):
        return columns.empty_frame([*base, S.START, S.END, contract.ROW], **_STEP_TYPES)
    year_of = dict(zip(activities[A.ID].tolist(), activities[A.YEAR].tolist(), strict=True))
    known_year = {
        key: int(value) for key, value in year_of.items() if (type(value) is int or not words.is_blank(value)) and value
    }
    extra = [c for c in sheet.columns if c not in base]
    names = [*base, *extra, S.START, S.END, contract.ROW]
    table: dict[str, list[object]] = {name: list(sheet.column(name)) for name in names}
    table[S.ACTIVITY_ID] = columns.texts(table[S.ACTIVITY_ID])
    checks = [list(map(year_of.__contains__, table[S.ACTIVITY_ID]))]
    table[S.STEP], passed = columns.converted(table[S.STEP], whole_number)
    checks.append(passed)
    table[S.DESCRIPTION] = columns.texts(table[S.DESCRIPTION])
    table[S.TERMS] = columns.texts(table[S.TERMS])
    table[S.STATUS], passed = columns.listed(columns.texts(table[S.STATUS]), lists.allowed(S.STATUS))
    checks.append(passed)
    spans = term_spans(table[S.TERMS], list(map(known_year.get, table[S.ACTIVITY_ID])))
    checks.append([span is not None or not terms for span, terms in zip(spans, table[S.TERMS], strict=True)])
    table[S.START] = [span.start if span else None for span in spans]
    table[S.END] = [span.end if span else None for span in spans]
    table[contract.ROW] = list(sheet.numbers)
    for index in sorted(failing_rows(checks)):
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
    record[S.STEP] = checked(found, row, S.STEP, record, whole_number, N_("a whole number"))
    record[S.DESCRIPTION] = words.cell_or_none(record.get(S.DESCRIPTION))
    record[S.TERMS] = words.cell_or_none(record.get(S.TERMS))
    check_listed(record, row, lists, found, (S.STATUS,))
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
