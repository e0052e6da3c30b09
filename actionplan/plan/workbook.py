"""Writing the plan workbook: a formatted .xlsx (drop-downs, frozen headers, widths, a guide) from plain rows.

`write_workbook` is the one place that lays the workbook out for staff who edit it in Excel. It takes rows
as dicts keyed by the canonical column names of `schema`, keeps any extra keys as extra columns appended
after the canonical ones (staff-added columns are never dropped), and writes the sheets in the order
Activities, Steps, Milestones, Messages, Updates, Lists, About.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import words
from . import contract
from .contract import Column
from .facts import PlanFacts, about_rows
from .guide import guide

# Rows that carry data validation, so rows staff type below the data get the drop-downs too.
VALIDATION_LAST_ROW = 2000
# How far down the Lists sheet the drop-downs look, leaving room for staff to add values.
LIST_LAST_ROW = 200

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = PatternFill(fill_type="solid", start_color="FF1F4E79", end_color="FF1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFFFF")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
EXTRA_HEADER_FILL = PatternFill(fill_type="solid", start_color="FF5B7F95", end_color="FF5B7F95")
HEADER_BORDER = Border(bottom=Side(style="thin", color="FF0B2A45"))
TOP_ALIGNMENT = Alignment(vertical="top")
WRAP_ALIGNMENT = Alignment(vertical="top", wrap_text=True)

# Long free-text columns: wrapped, top-aligned.
WRAPPED_COLUMNS: frozenset[str] = frozenset(
    {
        "Event",
        "Description",
        "Notes",
        "Evidence",
        "Terms",
        "Name",
        "Message",
        "Topic",
        "Locations",
        "UNESCO counterpart",
        "National lead",
        contract.LIST_CONVENTION_TITLE,
    }
)
# Where the header row stays put while scrolling; Activities also keeps ID, Year and No. visible.
FREEZE_PANES: dict[str, str] = {
    contract.ACTIVITIES: "D2",
    contract.STEPS: "C2",
    contract.MILESTONES: "A2",
    contract.MESSAGES: "A2",
    contract.LISTS: "A2",
}
EXTRA_COLUMN_WIDTH = 18
LINE_HEIGHT = 15.0  # points per wrapped line at the default 11pt font
MAX_ROW_HEIGHT = 409.0  # Excel's limit

DEFAULT_TITLE = "Action plan of cooperation with UNESCO"  # only where the plan states no title of its own
DEFAULT_CREATOR = "Action Plan dashboard"


def as_cell_value(value: object) -> object:
    """What goes into a cell: blanks for None/empty text, Excel dates for dates, everything else as is."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    # pandas Timestamp and numpy scalars, without importing either here.
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if callable(to_pydatetime):
        return to_pydatetime()
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (list, tuple, dict)):
        try:
            return item()
        except (TypeError, ValueError):
            pass
    return value


def put_value(cell, value: object) -> None:
    """Write a value into an openpyxl cell with its type: text always as text (a leading = + - @ never makes a
    formula, and Excel keeps it text when the cell is re-entered), dates as dates, blanks as empty cells."""
    value = as_cell_value(value)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take "=..." as a formula; this keeps it a string
        if text.startswith(words.FORMULA_STARTS) or cell.quotePrefix:
            cell.quotePrefix = text.startswith(words.FORMULA_STARTS)
        return
    cell.value = value
    if isinstance(value, (dt.date, dt.datetime)) and cell.number_format == "General":
        cell.number_format = DATE_FORMAT


def _headers(columns: Sequence[Column], rows: Iterable[Mapping[str, object]]) -> list[str]:
    """Canonical headers in order, then any extra keys in the order they first appear in the rows."""
    headers = contract.column_names(tuple(columns))
    seen = set(headers)
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                headers.append(key)
    return headers


def _style_header(ws: Worksheet, headers: Sequence[str], columns: Sequence[Column]) -> None:
    by_name = {column.name: column for column in columns}
    for index, name in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=index)
        column = by_name.get(name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL if column is not None else EXTRA_HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        cell.border = HEADER_BORDER
        width = column.width if column is not None else max(EXTRA_COLUMN_WIDTH, min(40, len(str(name)) + 4))
        ws.column_dimensions[get_column_letter(index)].width = width
        if column is not None and column.help:
            comment = Comment(column.help, DEFAULT_CREATOR)
            comment.width = 260
            comment.height = 70
            cell.comment = comment
    ws.row_dimensions[1].height = 30


def _estimated_lines(text: str, width: float) -> int:
    """Roughly how many lines wrapped text takes in a column of this width (Excel does not autofit on open)."""
    per_line = max(1, int(width * 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _write_table(ws: Worksheet, columns: Sequence[Column], rows: Sequence[Mapping[str, object]]) -> list[str]:
    """Header row, then one row per dict; returns the headers written."""
    headers = _headers(columns, rows)
    ws.append(headers)
    _style_header(ws, headers, columns)
    by_name = {column.name: column for column in columns}
    for r, row in enumerate(rows, start=2):
        lines = 1
        for c, name in enumerate(headers, start=1):
            value = as_cell_value(row.get(name))
            cell = ws.cell(row=r, column=c)
            put_value(cell, value)
            column = by_name.get(name)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif column is not None and column.kind in ("int", "percent") and isinstance(value, (int, float)):
                cell.number_format = "0"
            if name in WRAPPED_COLUMNS:
                cell.alignment = WRAP_ALIGNMENT
                if isinstance(value, str):
                    width = column.width if column is not None else EXTRA_COLUMN_WIDTH
                    lines = max(lines, _estimated_lines(value, width))
            else:
                cell.alignment = TOP_ALIGNMENT
        if lines > 1:
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)
    # Date columns keep the date format for rows staff add later, too.
    for c, name in enumerate(headers, start=1):
        column = by_name.get(name)
        if column is not None and column.kind == "date":
            ws.column_dimensions[get_column_letter(c)].number_format = DATE_FORMAT
    last = get_column_letter(max(1, len(headers)))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.freeze_panes = FREEZE_PANES.get(ws.title, "A2")
    _page_setup(ws)
    return headers


def _page_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _list_range(list_name: str) -> str:
    """The Lists range a drop-down draws on, e.g. Lists!$A$2:$A$200.

    Written without a leading "=": in the file format a validation formula is stored bare (as Excel itself
    writes it); Excel shows it as =Lists!$A$2:$A$200 in the Data Validation dialog.
    """
    names = contract.column_names(contract.LIST_COLUMNS)
    letter = get_column_letter(names.index(list_name) + 1)
    return f"{contract.LISTS}!${letter}$2:${letter}${LIST_LAST_ROW}"


def _column_range(headers: Sequence[str], name: str) -> str | None:
    if name not in headers:
        return None
    letter = get_column_letter(headers.index(name) + 1)
    return f"{letter}2:{letter}{VALIDATION_LAST_ROW}"


def percent_rule(**messages: str | bool) -> DataValidation:
    """Excel's check of a Progress % cell: a whole number from 0 to 100, or blank (titles, messages and their switches as given)."""
    return DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        **messages,
    )


def date_rule(**messages: str | bool) -> DataValidation:
    """Excel's check of a date cell: a date from 1990 to 2100, or blank (titles, messages and their switches as given)."""
    return DataValidation(
        type="date",
        operator="between",
        formula1="DATE(1990,1,1)",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
        showErrorMessage=True,
        **messages,
    )


def _add_validations(ws: Worksheet, headers: Sequence[str], columns: Sequence[Column]) -> None:
    """Drop-downs from the Lists sheet on list columns; a 0-100 whole number on Progress %; dates on date columns."""
    for column in columns:
        cells = _column_range(headers, column.name)
        if cells is None:
            continue
        if column.kind == "list" and column.name in contract.LIST_BACKED:
            list_name = contract.LIST_BACKED[column.name]
            dv = DataValidation(
                type="list",
                formula1=_list_range(list_name),
                allow_blank=True,
                showDropDown=False,  # False means: do show the in-cell arrow (Excel's inverted flag).
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=f"{column.name}: not in the list",
                error=(
                    f"Please pick a {column.name} from the drop-down list. To offer a new value, add it to "
                    f"the {list_name} column of the {contract.LISTS} sheet first. Choose Yes to keep what "
                    "you typed anyway."
                ),
                showInputMessage=True,
                promptTitle=column.name,
                prompt=column.help or f"Pick from the {contract.LISTS} sheet",
            )
        elif column.kind == "percent":
            dv = percent_rule(
                errorStyle="warning",
                errorTitle=f"{column.name}: 0 to 100",
                error="Please type a whole number from 0 to 100, or leave the cell blank.",
                showInputMessage=True,
                promptTitle=column.name,
                prompt="A whole number from 0 to 100; blank if not reported.",
            )
        elif column.kind == "date":
            dv = date_rule(
                errorStyle="warning",
                errorTitle=f"{column.name}: a date",
                error="Please type a date, for example 2024-03-15, or leave the cell blank.",
                showInputMessage=True,
                promptTitle=column.name,
                prompt=column.help or "A date, e.g. 2024-03-15",
            )
        else:
            continue
        # Excel refuses the file if these run past its limits (titles 32 characters, messages 255).
        dv.errorTitle = (dv.errorTitle or "")[:32] or None
        dv.promptTitle = (dv.promptTitle or "")[:32] or None
        dv.error = (dv.error or "")[:255] or None
        dv.prompt = (dv.prompt or "")[:255] or None
        dv.add(cells)
        ws.add_data_validation(dv)


def _write_lists(ws: Worksheet, lists: Mapping[str, Sequence[object]]) -> None:
    """One column per list, canonical ones first; columns may be of different lengths."""
    headers = _headers(contract.LIST_COLUMNS, [lists])
    ws.append(headers)
    _style_header(ws, headers, contract.LIST_COLUMNS)
    for c, name in enumerate(headers, start=1):
        for r, value in enumerate(lists.get(name) or (), start=2):
            cell = ws.cell(row=r, column=c, value=as_cell_value(value))
            cell.alignment = WRAP_ALIGNMENT if name in WRAPPED_COLUMNS else TOP_ALIGNMENT
    ws.freeze_panes = FREEZE_PANES[contract.LISTS]


def _write_about(ws: Worksheet, paragraphs: Sequence[str]) -> None:
    """One paragraph per row in column A: a wide wrapped column, the first row as a title."""
    ws.column_dimensions["A"].width = 110
    for r, text in enumerate(paragraphs, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        cell.alignment = WRAP_ALIGNMENT
        if r == 1:
            cell.font = Font(bold=True, size=14)
            ws.row_dimensions[r].height = 24
        else:
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * _estimated_lines(text, 110) + 6)
    ws.sheet_view.showGridLines = False


def add_table_sheet(workbook: Workbook, sheet: str) -> Worksheet:
    """A new, empty sheet of the contract (formatted header, drop-downs), before Lists when there is one: how a new
    workbook gets its Updates sheet, and how a save adds it to a workbook that lacks it."""
    lists = contract.sheet_named(workbook.sheetnames, contract.LISTS)
    ws = workbook.create_sheet(sheet, workbook.sheetnames.index(lists) if lists else None)
    columns = contract.columns_of(sheet)
    _add_validations(ws, _write_table(ws, columns, []), columns)
    return ws


def write_workbook(
    path: str | PathLike[str],
    activities: list[dict],
    steps: list[dict],
    milestones: list[dict],
    lists: dict[str, list],
    about: list[str] | None = None,
    messages: list[dict] | None = None,
    *,
    facts: PlanFacts | None = None,
) -> None:
    """Write the plan workbook: Activities, Steps, Milestones, Messages, Lists and About, formatted for editing.

    Rows are dicts keyed by canonical column names; keys not in the schema become extra columns after the
    canonical ones; missing keys are blank cells; dates are written as real Excel dates (yyyy-mm-dd).
    `about` replaces the default guide on the About sheet (one paragraph per row). `messages` are the key
    messages for the briefing (none by default: the sheet is written with its headers only, for staff to fill).
    `facts` (the plan's title, country, period, parties, issuing body) head the About sheet as "Label: value" rows
    the loader reads back, and give the document's title and keywords.
    """
    wb = Workbook()
    ws_activities = wb.active
    ws_activities.title = contract.ACTIVITIES
    ws_steps = wb.create_sheet(contract.STEPS)
    ws_milestones = wb.create_sheet(contract.MILESTONES)
    ws_messages = wb.create_sheet(contract.MESSAGES)
    add_table_sheet(wb, contract.UPDATES)  # shipped empty: each save adds the check-ins
    ws_lists = wb.create_sheet(contract.LISTS)
    ws_about = wb.create_sheet(contract.ABOUT)

    activity_columns = contract.columns_of(contract.ACTIVITIES)  # Evidence, optional, after Notes
    headers = _write_table(ws_activities, activity_columns, list(activities))
    _add_validations(ws_activities, headers, activity_columns)
    headers = _write_table(ws_steps, contract.STEP_COLUMNS, list(steps))
    _add_validations(ws_steps, headers, contract.STEP_COLUMNS)
    headers = _write_table(ws_milestones, contract.MILESTONE_COLUMNS, list(milestones))
    _add_validations(ws_milestones, headers, contract.MILESTONE_COLUMNS)
    _write_table(ws_messages, contract.MESSAGE_COLUMNS, list(messages or ()))
    _write_lists(ws_lists, lists)
    if about is None:
        about = [facts.title, *about_rows(facts), *guide()] if facts and facts.known else guide()
    _write_about(ws_about, [paragraph for paragraph in about if paragraph])

    wb.properties.title = (facts.title if facts else "") or DEFAULT_TITLE
    wb.properties.subject = "Activities, steps and milestones of the plan, with their reported status"
    wb.properties.creator = DEFAULT_CREATOR
    wb.properties.lastModifiedBy = DEFAULT_CREATOR
    wb.properties.keywords = "; ".join(filter(None, ("UNESCO", facts.country if facts else "", "action plan")))
    wb.active = 0
    wb.save(path)
