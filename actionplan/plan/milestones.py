"""The Milestones sheet as a typed table sorted by date: each fixed date checked, with findings."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_
from . import columns, contract
from .cells import Collector, Sheet
from .contract import MilestoneColumn as M
from .sheet_reading import date_cell, report_missing

TYPE_A_DAY = N_("type a date such as 2025-10-30")
_MILESTONE_TYPES = {"dates": (M.DATE, M.END), "ints": (contract.ROW,)}


def read_milestones(sheet: Sheet | None, found: Collector, date1904: bool) -> pd.DataFrame:
    base = contract.column_names(contract.MILESTONE_COLUMNS)
    if sheet is None or report_missing(sheet, contract.MILESTONE_COLUMNS, found):
        return columns.empty_frame([*base, contract.ROW], **_MILESTONE_TYPES)
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        try:
            first = date_cell(record, M.DATE, date1904)
            last: date | None = date_cell(record, M.END, date1904) or first
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
