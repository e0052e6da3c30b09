"""Tables for people to take away: the activities as CSV or Excel, with formula-like text neutralised."""

from __future__ import annotations

import io

import pandas as pd

from .. import words
from . import contract
from .contract import ActivityColumn
from .load import Plan

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell and every header neutralised (`words.cell_safe`): a staff-added
    column headed `=HYPERLINK(...)` leaves as text, like any cell."""
    safe = frame.astype(object).map(words.cell_safe)
    safe.columns = [str(words.cell_safe(str(column))) for column in frame.columns]
    return safe


def activities_table(activities: pd.DataFrame) -> pd.DataFrame:
    """The activities as the sheet has them (staff-added columns included), with effective Start/End as
    YYYY-MM-DD and Status "Not reported" where blank; the loader's own columns are left out.

    Extra columns the caller added (e.g. "Status as of") are kept after the sheet's columns.
    """
    columns = [c for c in activities.columns if c not in contract.DERIVED_COLUMNS]
    table = activities[columns].copy()
    for column in (ActivityColumn.START, ActivityColumn.END, ActivityColumn.LAST_UPDATE):
        table[column] = table[column].dt.strftime("%Y-%m-%d").astype(object).where(table[column].notna(), None)
    table[ActivityColumn.STATUS] = activities[contract.REPORTED_STATUS]
    for column in (ActivityColumn.YEAR, ActivityColumn.NO, ActivityColumn.PROGRESS):
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def activities_csv(activities: pd.DataFrame) -> str:
    """CSV text of `activities_table`, formula-like text neutralised."""
    return neutralise_frame(activities_table(activities)).to_csv(index=False)


def tables_xlsx(tables: dict[str, pd.DataFrame], *, title: str = "") -> bytes:
    """An .xlsx with one formatted sheet per table: bold frozen header, filters on, sensible widths.

    Text is neutralised and written as text, so nothing in a cell can run as a formula. `title` (the plan's own
    title, say) becomes the document's title property.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_title, table in tables.items():
        sheet = workbook.create_sheet(sheet_title[:31])
        safe = neutralise_frame(table)
        sheet.append(list(safe.columns))
        for record in safe.itertuples(index=False):
            sheet.append([None if words.is_blank(value) else _plain(value) for value in record])
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F4E79")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for position, column in enumerate(table.columns, start=1):
            longest = max([len(str(column))] + [len(str(v)) for v in table[column].head(200) if not words.is_blank(v)])
            sheet.column_dimensions[get_column_letter(position)].width = max(8, min(60, longest + 2))
            if longest > 60:
                for row in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                    row[0].alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        if table.shape[1]:
            sheet.auto_filter.ref = f"A1:{get_column_letter(table.shape[1])}{max(1, len(table) + 1)}"
    workbook.properties.title = words.plain_text(title)[:255] or None
    workbook.properties.creator = "Action Plan dashboard"
    if not workbook.sheetnames:
        workbook.create_sheet("Empty")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain(value: object) -> object:
    """Values openpyxl writes as they are: pandas timestamps become datetimes, numpy numbers plain numbers."""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):
        return value.item()
    return value


def plan_csv(plan: Plan) -> str:
    """The whole Activities sheet as CSV, as `python -m actionplan export` prints it."""
    return activities_csv(plan.activities)
