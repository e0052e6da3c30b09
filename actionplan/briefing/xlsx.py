"""The briefing pack as an Excel workbook: one formatted sheet per section (filters on, header frozen, text
neutralised) through actionplan.export.tables_xlsx, and the quarter grid with its scheduled cells shaded.

Sheets: Cover, Contents, Summary by status, Summary by domain, Timeline, Delivered, Open and overdue, Due before /
during the session, At the session, one per domain, one per convention, Changes, Annex steps.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from .. import words
from ..plan import status as as_of_status
from ..plan.export import activities_table, tables_xlsx
from .build import AT_SESSION_RULE, EMPTY_SECTION, Briefing, Section

SHEET_NAME_LIMIT = 31  # Excel's limit
SCHEDULED_MARK = "\u25a0"  # a filled square in the Timeline sheet, also shaded
SCHEDULED_FILL = "2E75B6"
SESSION_FILL = "DEEAF6"
NOTE_COLUMN = "Note"
EMPTY_CHANGES = "No change in this section."


def briefing_xlsx(briefing: Briefing) -> bytes:
    """The .xlsx bytes of the briefing pack."""
    names = _SheetNames()
    names.take("Cover")
    names.take("Contents")
    sheets: dict[str, pd.DataFrame] = {}
    contents: list[dict[str, object]] = []

    def add(label: str, sheet_title: str, table: pd.DataFrame, lead: str, rows: int) -> None:
        name = names.take(sheet_title)
        sheets[name] = table
        contents.append({"Section": label, "Sheet": name, "Rows": rows, "Summary": lead})

    add(
        "Summary by status",
        "Summary by status",
        briefing.status_summary,
        briefing.summary_lead,
        len(briefing.status_summary),
    )
    add(
        "Summary by domain",
        "Summary by domain",
        briefing.domain_summary,
        briefing.summary_lead,
        len(briefing.domain_summary),
    )
    add(
        "Timeline by quarter",
        "Timeline",
        _timeline(briefing),
        "A filled square marks a quarter the activity's dates fall in.",
        len(briefing.grid.cells),
    )
    for section in (*briefing.main_sections, *briefing.by_domain, *briefing.by_convention):
        add(_label(section), section.title, _activities(section, briefing), section.lead, len(section.table))
    changes = briefing.changes
    add(
        changes.title,
        "Changes",
        changes.table if not changes.empty else _note(EMPTY_CHANGES),
        changes.lead,
        len(changes.table),
    )
    add(
        "Annex: mechanism steps",
        "Annex steps",
        _steps(briefing),
        "The mechanism steps of the activities in scope, as the Steps sheet gives them.",
        len(briefing.steps),
    )
    content = tables_xlsx({"Cover": _cover(briefing), "Contents": pd.DataFrame(contents), **sheets})
    return _shade_timeline(content, names.of("Timeline"), briefing.grid.session_quarters)


def _cover(briefing: Briefing) -> pd.DataFrame:
    scope = briefing.scope
    rows = [
        ("Plan", briefing.plan_title),
        ("Session" if scope.session else "Period", scope.title),
        ("As of", words.day(scope.as_of)),
        ("Reporting period", words.span(scope.period_start, scope.end)),
        ("Workbook", briefing.version),
        ("Scope", scope.rule),
        ("At the session", AT_SESSION_RULE),
        (
            "Status",
            "A blank Status is shown as Not reported; nothing is called completed unless its Status says Completed.",
        ),
    ]
    return pd.DataFrame(rows, columns=["Item", "Value"])


def _label(section: Section) -> str:
    """The section's title, with its grouping for a domain or convention: 'Domain: Culture'."""
    if section.level == 1:
        return section.title
    return f"{section.key.split(':', 1)[0].capitalize()}: {section.title}"


def _activities(section: Section, briefing: Briefing) -> pd.DataFrame:
    """Every column of the Activities sheet for the section's activities, Status as of last; or a note if empty."""
    if section.empty:
        return _note(EMPTY_SECTION)
    table = activities_table(section.table)
    return table.rename(columns={as_of_status.STATUS_AS_OF: f"Status as of {words.day(briefing.scope.as_of)}"})


def _timeline(briefing: Briefing) -> pd.DataFrame:
    """ID | Event | one column per quarter holding SCHEDULED_MARK where the activity's dates fall."""
    grid = briefing.grid
    if grid.cells.empty:
        return _note(EMPTY_SECTION)
    events = briefing.activities.set_index(briefing.activities["ID"].astype(str))["Event"]
    marks = grid.cells.map(lambda scheduled: SCHEDULED_MARK if scheduled else None)
    return pd.concat(
        [
            pd.DataFrame(
                {"ID": grid.cells.index, "Event": events.reindex(grid.cells.index).to_numpy()}, index=grid.cells.index
            ),
            marks,
        ],
        axis=1,
    ).reset_index(drop=True)


def _steps(briefing: Briefing) -> pd.DataFrame:
    if briefing.steps.empty:
        return _note("No mechanism steps for the activities in scope.")
    columns = [c for c in briefing.steps.columns if c not in ("Start", "End", "Row")]
    return briefing.steps[columns].sort_values(["Activity ID", "Step"], kind="stable").reset_index(drop=True)


def _note(text: str) -> pd.DataFrame:
    return pd.DataFrame({NOTE_COLUMN: [text]})


def _shade_timeline(content: bytes, sheet_name: str, session_quarters: tuple[str, ...]) -> bytes:
    """Fill the scheduled cells of the Timeline sheet, and the session's quarter column lightly."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, PatternFill

    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook[sheet_name]
    headers = [cell.value for cell in sheet[1]]
    scheduled = PatternFill("solid", fgColor=SCHEDULED_FILL)
    session = PatternFill("solid", fgColor=SESSION_FILL)
    centred = Alignment(horizontal="center")
    for position, header in enumerate(headers, start=1):
        if not isinstance(header, str) or not re.fullmatch(r"\d{4} Q[1-4]", header):
            continue
        sheet.column_dimensions[sheet.cell(1, position).column_letter].width = 8
        for row in range(2, sheet.max_row + 1):
            cell = sheet.cell(row, position)
            cell.alignment = centred
            if cell.value == SCHEDULED_MARK:
                cell.fill = scheduled
            elif header in session_quarters:
                cell.fill = session
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _SheetNames:
    """Unique Excel sheet names (31 characters, none of []:*?/\\) for section titles."""

    def __init__(self) -> None:
        self._taken: dict[str, str] = {}

    def take(self, title: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:SHEET_NAME_LIMIT].strip() or "Sheet"
        name, number = base, 2
        while name.casefold() in {taken.casefold() for taken in self._taken.values()}:
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
            number += 1
        self._taken[title] = name
        return name

    def of(self, title: str) -> str:
        return self._taken[title]
