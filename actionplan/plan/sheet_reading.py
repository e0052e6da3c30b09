"""What the sheet readers share: absent columns reported, cells converted or warned about, dates read, typed tables."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..i18n import N_
from . import contract
from .cells import Collector, Sheet, shown
from .columns import missing
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


def typed(
    frame: pd.DataFrame, *, dates: tuple[str, ...] = (), ints: tuple[str, ...] = (), floats: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Give date, whole-number and decimal columns their pandas types; text stays object."""
    columns: dict[str, object] = {}
    for name in frame.columns:
        values = frame[name].tolist()
        if name in dates:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").array
        elif name in ints:
            columns[name] = pd.array([None if missing(v) else int(v) for v in values], dtype="Int64")
        elif name in floats:
            columns[name] = pd.array([None if missing(v) else float(v) for v in values], dtype="Float64")
        else:
            columns[name] = pd.array([None if missing(v) else v for v in values], dtype=object)
    return pd.DataFrame(columns, index=frame.index)
