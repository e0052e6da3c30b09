"""The workbook contract: sheet names, columns, allowed values and how headers are matched.

Everything that would change if the workbook's layout changed lives here, so the loader, the saver,
the workbook writer and the briefing builders all agree on one definition.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ACTIVITIES = "Activities"
STEPS = "Steps"
MILESTONES = "Milestones"
LISTS = "Lists"
ABOUT = "About"

REQUIRED_SHEETS: tuple[str, ...] = (ACTIVITIES, STEPS, MILESTONES, LISTS)


@dataclass(frozen=True)
class Column:
    """One column of a sheet as staff see it: its header, whether the sheet is unusable without it, its kind."""

    name: str
    required: bool = False
    kind: str = "text"  # text | int | date | percent | list
    width: int = 14
    help: str = ""


ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column("ID", True, "text", 10, "Unique, year-number, e.g. 2021-04"),
    Column("Year", True, "int", 7, "The plan year the activity is listed under"),
    Column("No.", False, "int", 6, "The number under that year, as in the plan"),
    Column("Event", True, "text", 60, "The event, as written in the plan"),
    Column("Terms", True, "text", 24, "Terms of implementation as written; the dates come from here"),
    Column("Start", False, "date", 12, "Optional exact start date; blank = derived from Terms"),
    Column("End", False, "date", 12, "Optional exact end date; blank = derived from Terms"),
    Column("Domain", False, "list", 22, "Pick from the Lists sheet"),
    Column("Convention", False, "list", 26, "Convention or recommendation implemented, if any"),
    Column("Programme", False, "list", 24, "UNESCO network or programme, if any"),
    Column("UNESCO counterpart", False, "text", 26, "Who acts on UNESCO's side"),
    Column("National lead", False, "text", 24, "Who acts on Turkmenistan's side"),
    Column("Locations", False, "text", 24, "Cities named, separated by ;"),
    Column("Status", False, "list", 14, "Planned, In progress, Completed, Postponed, Cancelled; blank = Not reported"),
    Column("Progress %", False, "percent", 11, "0-100, optional"),
    Column("Last update", False, "date", 13, "Date of the last report"),
    Column("Notes", False, "text", 40, "Text of the last report"),
)

STEP_COLUMNS: tuple[Column, ...] = (
    Column("Activity ID", True, "text", 12, "The ID of the activity in the Activities sheet"),
    Column("Step", True, "int", 6, "Step number within the activity"),
    Column("Description", True, "text", 90, "The mechanism step, as written"),
    Column("Terms", False, "text", 22, "Optional: the step's own terms, where the plan gives them"),
    Column("Status", False, "list", 14, "Optional: Planned, In progress, Completed, Postponed, Cancelled"),
)

MILESTONE_COLUMNS: tuple[Column, ...] = (
    Column("Date", True, "date", 12, "The first day"),
    Column("End", False, "date", 12, "The last day, for events that last several days"),
    Column("Name", True, "text", 50, "e.g. 42nd session of the UNESCO General Conference"),
    Column("Kind", False, "text", 22, "e.g. General Conference"),
    Column("Place", False, "text", 18, ""),
)

# The Lists sheet: one column per list. Convention has a second column with the full title.
LIST_DOMAIN = "Domain"
LIST_CONVENTION = "Convention"
LIST_CONVENTION_TITLE = "Convention title"
LIST_PROGRAMME = "Programme"
LIST_STATUS = "Status"
LIST_COLUMNS: tuple[Column, ...] = (
    Column(LIST_DOMAIN, True, "text", 26),
    Column(LIST_CONVENTION, True, "text", 28),
    Column(LIST_CONVENTION_TITLE, False, "text", 70),
    Column(LIST_PROGRAMME, True, "text", 28),
    Column(LIST_STATUS, True, "text", 14),
)

SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {
    ACTIVITIES: ACTIVITY_COLUMNS,
    STEPS: STEP_COLUMNS,
    MILESTONES: MILESTONE_COLUMNS,
    LISTS: LIST_COLUMNS,
}

# Which Activities/Steps column takes its allowed values from which Lists column.
LIST_BACKED: dict[str, str] = {
    "Domain": LIST_DOMAIN,
    "Convention": LIST_CONVENTION,
    "Programme": LIST_PROGRAMME,
    "Status": LIST_STATUS,
}

# Reported status: what staff typed. Blank means nobody has reported.
STATUS_VALUES: tuple[str, ...] = ("Planned", "In progress", "Completed", "Postponed", "Cancelled")
NOT_REPORTED = "Not reported"

# Columns the loader adds to the Activities frame (never written back to the workbook).
ROW = "Row"  # the Excel row number the activity came from
DATE_SOURCE = "Dates from"  # "Start/End cells", "Terms", "Plan year (terms not understood)"
PRECISION = "Precision"  # day | month | quarter | half | year
REPORTED_STATUS = "Reported status"  # Status, or "Not reported" where blank
DERIVED_COLUMNS: tuple[str, ...] = (ROW, DATE_SOURCE, PRECISION, REPORTED_STATUS)

# In the loaded frame "Start" and "End" are the effective dates (the sheet's cells, else derived from Terms).

ID_PATTERN = re.compile(r"^\d{4}-\d{2,3}$")


def header_key(text: object) -> str:
    """Header matching ignores case, spaces and punctuation: 'progress  %', 'PROGRESS%' and 'Progress %' match."""
    return re.sub(r"[^0-9a-z%]", "", str(text or "").casefold())


def header_positions(header: Sequence[object], columns: tuple[Column, ...]) -> dict[str, int]:
    """Column name -> 1-based position in a header row: the sheet's columns matched by `header_key`, staff-added
    ones under their own text; a repeated header gets its position appended ("Notes (18)")."""
    canonical = {header_key(column.name): column.name for column in columns}
    positions: dict[str, int] = {}
    for position, cell in enumerate(header, start=1):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = str(cell).strip()
        label = canonical.get(header_key(text), text)
        if label in positions:
            label = f"{label} ({position})"
        positions[label] = position
    return positions


def sheet_named(names: Iterable[str], sheet: str) -> str | None:
    """The workbook's own spelling of a sheet name, matched like headers ("activities " finds Activities)."""
    return next((name for name in names if header_key(name) == header_key(sheet)), None)


def column_names(columns: tuple[Column, ...]) -> list[str]:
    """The canonical header names of a sheet, in order."""
    return [column.name for column in columns]
