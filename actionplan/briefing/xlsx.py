"""The briefing pack as an Excel workbook that prints: every sheet A4 landscape, fitted to the page width (so the
ID column stays beside every other column), its header row repeated on each printed page, rows as tall as their
wrapped text, and dates as real date cells. Text is neutralised (`words.cell_safe`) and stripped of control
characters (`text.printable`), so nothing in a cell runs as a formula or makes Excel refuse the file.

Sheets: Cover, Contents, Key messages, Summary by status, Summary by domain, Timeline, Delivered, Open and overdue,
Before / During / After the session, one per domain, one per convention, Changes, Annex steps. A section with
nothing in it has no sheet; the Contents sheet names it as empty.
"""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import words
from ..i18n import DEFAULT, N_, _, current
from ..plan.contract import ActivityColumn as A
from .build import Briefing
from .changes import shown_changes
from .docx_parts import LANGUAGE_TAGS
from .grid import quarter_name
from .scope import AT_SESSION_RULE
from .sections import Section
from .summary import KEY_ITEMS_RULE
from .text import header as header_label
from .text import printable, within

SHEET_NAME_LIMIT = 31  # Excel's limit
SCHEDULED_MARK = "\u25a0"  # a filled square in the Timeline sheet, also shaded
SCHEDULED_FILL = "2E75B6"
SESSION_FILL = "DEEAF6"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
DATE_FORMAT = "d mmm yyyy"
POINTS_PER_LINE = 15.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit
QUARTER = re.compile(r"\d{4} Q[1-4]")
# Column widths (characters) by header; wrapped where the text is long. Others: fitted to their longest value.
WIDTHS: dict[str, int] = {
    "ID": 9,
    "Activity ID": 9,
    "Event": 48,
    "Activity": 40,
    "Terms": 18,
    "Start": 12,
    "End": 12,
    "Last update": 12,
    "Status": 13,
    "Progress %": 9,
    "Notes": 40,
    "Message": 60,
    "Topic": 20,
    "Owner": 16,
    "Description": 70,
    "Before": 30,
    "After": 30,
    "Value": 100,
    "Summary": 60,
    "Meaning": 45,
}
WRAPPED = frozenset({"Event", "Activity", "Terms", "Notes", "Message", "Description", "Before", "After", "Value"})
WRAPPED |= {"Summary", "Meaning", "Topic", "Owner", "Section"}
# The frames' column names stay English (they key the widths above); each sheet shows them through `_`.
HEADERS: tuple[str, ...] = (
    N_("Section"),
    N_("Sheet"),
    N_("Rows"),
    N_("Summary"),
    N_("Item"),
    N_("Value"),
    N_("Event"),
    N_("Start"),
    N_("End"),
    N_("Step"),
    N_("Description"),
)
ACTIVITY_SHEET_COLUMNS: tuple[str, ...] = (
    A.ID,
    A.EVENT,
    A.TERMS,
    A.START,
    A.END,
    A.STATUS,
    "Status as of",
    A.PROGRESS,
    A.LAST_UPDATE,
    A.NOTES,
)


def briefing_xlsx(briefing: Briefing) -> bytes:
    """The .xlsx bytes of the briefing pack."""
    names = _SheetNames()
    cover, listing, timeline = names.take(_("Cover")), names.take(_("Contents")), _("Timeline")
    sheets: dict[str, pd.DataFrame] = {}
    contents: list[dict[str, object]] = []
    scope = briefing.scope

    def add(label: str, sheet_title: str, table: pd.DataFrame, lead: str) -> None:
        if table.empty:
            summary = _("No sheet: the section is empty. {lead}").format(lead=lead)
            contents.append({"Section": label, "Sheet": None, "Rows": 0, "Summary": summary})
            return
        name = names.take(sheet_title)
        sheets[name] = table
        contents.append({"Section": label, "Sheet": name, "Rows": len(table), "Summary": lead})

    add(_("Key messages"), _("Key messages"), briefing.messages, briefing.summary[-1])
    add(
        _("Summary by status"),
        _("Summary by status"),
        _statuses(briefing.status_summary, "Status as of"),
        _("Every status as of the as-of date."),
    )
    add(_("Summary by domain"), _("Summary by domain"), briefing.domain_summary, _("In scope, by domain."))
    add(_("Timeline by quarter"), timeline, _timeline(briefing), _("A filled square marks a quarter of the activity."))
    for section in (briefing.delivered, briefing.open):
        add(section.title, section.title, _activities(section, briefing), section.lead)
    around_sheets = (
        scope.says(N_("Before the session"), N_("Before the period")),
        scope.says(N_("During the session"), N_("During the period")),
        scope.says(N_("After the session"), N_("After the period")),
    )
    for section, sheet in zip(briefing.around, around_sheets):
        add(section.title, sheet, _activities(section, briefing), section.lead)
    for section in (*briefing.by_domain, *briefing.by_convention):
        add(_label(section), section.title, _activities(section, briefing), section.lead)
    changes = briefing.changes
    add(changes.title, _("Changes"), shown_changes(changes.table), changes.lead)
    add(
        _("Annex: mechanism steps"),
        _("Annex steps"),
        _steps(briefing),
        _("The mechanism steps, as the Steps sheet has them."),
    )

    workbook = Workbook()
    workbook.remove(workbook.active)
    _write(workbook.create_sheet(cover), _cover(briefing))
    _write(workbook.create_sheet(listing), pd.DataFrame(contents, columns=["Section", "Sheet", "Rows", "Summary"]))
    for name, table in sheets.items():
        _write(workbook.create_sheet(name), table)
    if timeline in names:
        _shade_timeline(
            workbook[names.of(timeline)], list(sheets[names.of(timeline)].columns), briefing.grid.session_quarters
        )
    workbook.properties.title = within(_("Briefing pack: {title}").format(title=scope.title))
    workbook.properties.subject = within(briefing.plan_title)
    workbook.properties.creator = within(briefing.facts.issuing_body or _("Action Plan dashboard"))
    workbook.properties.language = LANGUAGE_TAGS.get(current().lang, LANGUAGE_TAGS[DEFAULT])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cover(briefing: Briefing) -> pd.DataFrame:
    scope = briefing.scope
    rows = [
        *briefing.cover_lines(as_of_label=N_("As of")),
        (_("Summary"), briefing.summary_lead),
        (
            _("Open items to watch"),
            "; ".join(
                f"{i} ({_(str(s))})"
                for i, s in zip(briefing.key_items.get(A.ID, []), briefing.key_items.get("Status as of", []))
            ),
        ),
        (_("How they are chosen"), _(KEY_ITEMS_RULE)),
        (_("Scope"), scope.rule),
        (_("At the session"), _(AT_SESSION_RULE)),
        (
            _("Status"),
            _("A blank Status is shown as Not reported; nothing is called completed unless its Status says so."),
        ),
        (_("Source"), briefing.version),
    ]
    return pd.DataFrame([row for row in rows if row[1]], columns=["Item", "Value"])


def _label(section: Section) -> str:
    """The section's title, with its grouping for a domain or convention: 'Domain: Culture'."""
    group = _("Domain") if section.key.startswith("domain:") else _("Convention")
    return f"{group}: {section.title}"


def _activities(section: Section, briefing: Briefing) -> pd.DataFrame:
    """ID, the full Event, Terms, dates, Status, Status as of, Progress %, Last update, Notes; sorted by ID."""
    if section.empty:
        return section.table.iloc[0:0]
    table = section.table.sort_values(A.ID, kind="stable")
    shown = pd.DataFrame({column: table.get(column) for column in ACTIVITY_SHEET_COLUMNS}).reset_index(drop=True)
    shown[A.STATUS] = [_(str(status)) for status in table["Reported status"]]
    shown["Status as of"] = [_(str(status)) for status in table["Status as of"]]
    return shown.rename(columns={"Status as of": _("Status as of {day}").format(day=words.day(briefing.scope.as_of))})


def _statuses(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """The table with its statuses in the reader's language."""
    return table.assign(**{column: [_(str(status)) for status in table[column]]})


def _timeline(briefing: Briefing) -> pd.DataFrame:
    """ID | Activity | one column per quarter holding SCHEDULED_MARK where the activity's dates fall."""
    grid = briefing.grid
    if grid.cells.empty:
        return pd.DataFrame()
    titles = [words.short_title(label.split(" ", 1)[-1], 60) for label in grid.labels]
    marks = grid.cells.map(lambda scheduled: SCHEDULED_MARK if scheduled else None).reset_index(drop=True)
    front = pd.DataFrame({"ID": list(grid.cells.index), "Activity": titles})  # headers said through `_`
    return pd.concat([front, marks], axis=1)


def _steps(briefing: Briefing) -> pd.DataFrame:
    columns = [c for c in briefing.steps.columns if c not in ("Start", "End", "Row")]
    return briefing.steps[columns].sort_values(["Activity ID", "Step"], kind="stable").reset_index(drop=True)


def _write(sheet: Worksheet, table: pd.DataFrame) -> None:
    """Header and rows; widths, wrapping, row heights, dates, filters, frozen header and the print setup.

    The frame's column names are English keys (widths and wrapping go by them); the header row says each in the
    reader's language, and the Timeline's quarters ('2023 Q2') as the reader names a quarter."""
    headers = [str(column) for column in table.columns]
    sheet.append([quarter_name(header) if QUARTER.fullmatch(header) else header_label(header) for header in headers])
    widths = [_width(header, table[column]) for header, column in zip(headers, table.columns)]
    for position, width in enumerate(widths, start=1):
        cell = sheet.cell(1, position)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.row_dimensions[1].height = POINTS_PER_LINE * max([2, *(_lines(h, w) for h, w in zip(headers, widths))])
    for row_number, record in enumerate(table.itertuples(index=False), start=2):
        lines = 1
        for position, (header, value) in enumerate(zip(headers, record), start=1):
            cell = sheet.cell(row_number, position)
            wrapped = header in WRAPPED or header == "Item"
            _put(cell, value)
            cell.alignment = Alignment(vertical="top", wrap_text=wrapped)
            if isinstance(cell.value, str) and wrapped:
                lines = max(lines, _lines(cell.value, widths[position - 1]))
        sheet.row_dimensions[row_number].height = min(MAX_ROW_HEIGHT, POINTS_PER_LINE * lines)
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(table) + 1)}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = _("{sheet} \u00b7 page {page} of {pages}").format(sheet="&A", page="&P", pages="&N")


def _put(cell, value: object) -> None:
    """Dates as date cells, numbers as numbers, text neutralised and printable, blanks empty."""
    if value is None or (not isinstance(value, (str, list)) and pd.isna(value)):
        return
    if isinstance(value, (pd.Timestamp, datetime, date)):
        cell.value = pd.Timestamp(value).to_pydatetime()
        cell.number_format = DATE_FORMAT
        return
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    cell.value = words.cell_safe(printable(str(value)))
    cell.data_type = "s"  # text stays text: nothing a cell says runs as a formula


def _width(header: str, values: pd.Series) -> float:
    if header in WIDTHS:
        return WIDTHS[header]
    if QUARTER.fullmatch(header):
        return 8
    longest = max([len(header)] + [len(words.cell_text(v)) for v in values.head(200)])
    return max(8, min(30, longest + 2))


def _lines(text: str, width: float) -> int:
    """How many lines wrapped text takes in a column this wide (Excel does not fit row heights on open)."""
    per_line = max(1, int(width * 1.05))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _shade_timeline(sheet: Worksheet, quarters: list[str], session_quarters: tuple[str, ...]) -> None:
    """Fill the scheduled cells of the Timeline sheet, and the session's quarter column lightly; `quarters` are the
    frame's column keys, in the sheet's order ('2023 Q2'; the header row says them in the reader's language)."""
    scheduled = PatternFill("solid", fgColor=SCHEDULED_FILL)
    session = PatternFill("solid", fgColor=SESSION_FILL)
    for position, header in enumerate(quarters, start=1):
        if not QUARTER.fullmatch(header):
            continue
        for row in range(2, sheet.max_row + 1):
            cell = sheet.cell(row, position)
            cell.alignment = Alignment(horizontal="center", vertical="top")
            if cell.value == SCHEDULED_MARK:
                cell.fill = scheduled
            elif header in session_quarters:
                cell.fill = session


class _SheetNames:
    """Unique Excel sheet names (31 characters, none of []:*?/\\) for section titles."""

    def __init__(self) -> None:
        self._taken: dict[str, str] = {}

    def take(self, title: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", printable(title)).strip()[:SHEET_NAME_LIMIT].strip() or "Sheet"
        name, number = base, 2
        while name.casefold() in {taken.casefold() for taken in self._taken.values()}:
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
            number += 1
        self._taken[title] = name
        return name

    def of(self, title: str) -> str:
        return self._taken[title]

    def __contains__(self, title: object) -> bool:
        return title in self._taken
