"""What the sheet readers share: absent columns reported, cells converted or warned about, dates read, the rows
with a finding."""

from __future__ import annotations

from datetime import date

from ..i18n import N_
from . import contract
from .cells import Collector, Sheet, shown
from .findings import Phrase
from .terms import DateSpan, parse_date_cell, parse_terms_cached


def report_missing(sheet: Sheet, columns: tuple[contract.Column, ...], found: Collector) -> bool:
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


def date_cell(record: dict[str, object], column: str, date1904: bool) -> date | None:
    return parse_date_cell(record.get(column), date1904=date1904)


def term_spans(terms: list[object], years: list[object]) -> list[DateSpan | None]:
    """The dates of each row's terms in its plan year, each distinct (terms, year) read once; None for blank terms."""
    pairs = list(zip(terms, years, strict=True))
    read = {pair: parse_terms_cached(*pair) if pair[0] else None for pair in set(pairs)}  # type: ignore[arg-type]
    return list(map(read.__getitem__, pairs))


def failing_rows(checks: list[list[bool]]) -> set[int]:
    """The indexes of the rows that fail any of the checks (each check a list of passes, one per row)."""
    failing: set[int] = set()
    for passed in checks:
        if not all(passed):  # the usual check, passed by every row, costs one look
            failing.update(index for index, ok in enumerate(passed) if not ok)
    return failing


def checked(found: Collector, row: int, column: str, record: dict[str, object], convert, expected: str):
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
