"""The workbook contract: sheet names, columns, allowed values and how headers are matched.

Everything that would change if the workbook's layout changed lives here, so the loader, the saver,
the workbook writer and the briefing builders all agree on one definition.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

ACTIVITIES = "Activities"
STEPS = "Steps"
MILESTONES = "Milestones"
LISTS = "Lists"
ABOUT = "About"
MESSAGES = "Messages"
UPDATES = "Updates"


class Kind(StrEnum):
    """What a column holds, which decides how it is read, checked, edited and written."""

    TEXT = "text"
    INT = "int"  # a whole number
    NUMBER = "number"  # any number (only for staff-added columns that hold numbers)
    PERCENT = "percent"  # 0-100
    DATE = "date"
    LIST = "list"  # one of the values in the Lists sheet

    @property
    def numeric(self) -> bool:
        return self in (Kind.INT, Kind.NUMBER, Kind.PERCENT)


class ActivityColumn(StrEnum):
    """The Activities sheet's headers, as staff see them."""

    ID = "ID"
    YEAR = "Year"
    NO = "No."
    EVENT = "Event"
    TERMS = "Terms"
    START = "Start"
    END = "End"
    DOMAIN = "Domain"
    CONVENTION = "Convention"
    PROGRAMME = "Programme"
    COUNTERPART = "UNESCO counterpart"
    LEAD = "National lead"
    LOCATIONS = "Locations"
    STATUS = "Status"
    PROGRESS = "Progress %"
    LAST_UPDATE = "Last update"
    NOTES = "Notes"
    EVIDENCE = "Evidence"  # optional: a workbook without it loads without a finding; a new workbook has it


class StepColumn(StrEnum):
    """The Steps sheet's headers."""

    ACTIVITY_ID = "Activity ID"
    STEP = "Step"
    DESCRIPTION = "Description"
    TERMS = "Terms"
    STATUS = "Status"
    START = "Start"  # derived from the step's Terms by the loader; not a column of the sheet
    END = "End"


class MilestoneColumn(StrEnum):
    """The Milestones sheet's headers."""

    DATE = "Date"
    END = "End"
    NAME = "Name"
    KIND = "Kind"
    PLACE = "Place"


class MessageColumn(StrEnum):
    """The optional Messages sheet: key messages staff write for a session (the briefing never writes any)."""

    SESSION = "Session"
    ACTIVITY_ID = "Activity ID"
    TOPIC = "Topic"
    MESSAGE = "Message"
    OWNER = "Owner"


class UpdateColumn(StrEnum):
    """The optional Updates sheet: one dated check-in per reported change of an activity (the progress over time)."""

    DATE = "Date"
    ACTIVITY_ID = "Activity ID"
    STATUS = "Status"
    PROGRESS = "Progress %"
    NOTES = "Notes"
    EVIDENCE = "Evidence"
    SOURCE = "Source"


class ListColumn(StrEnum):
    """The Lists sheet: one column per list; Convention has a second column with the full title."""

    DOMAIN = "Domain"
    CONVENTION = "Convention"
    CONVENTION_TITLE = "Convention title"
    PROGRAMME = "Programme"
    STATUS = "Status"


class Derived(StrEnum):
    """Columns the loader and the views add to the tables (never written back to the workbook)."""

    ROW = "Row"  # the Excel row number the record came from
    DATE_SOURCE = "Dates from"  # "Start/End cells", "Terms", "Plan year (terms not understood)"
    PRECISION = "Precision"  # day | month | quarter | half | year
    REPORTED_STATUS = "Reported status"  # Status, or "Not reported" where blank
    STATUS_AS_OF = "Status as of"  # the status on the as-of date (plan.status)
    WORKBOOK = "Workbook"  # in a portfolio (a folder of plans): the file each row came from (plan.portfolio)
    SHOWN_NAME = "Name shown"  # a milestone's Name in the reader's language (`Name (ru)`); Name stays the key


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column of a sheet as staff see it: its header, whether the sheet is unusable without it, its kind."""

    name: str
    required: bool = False
    kind: Kind = Kind.TEXT
    width: int = 14
    help: str = ""


A, S, M, L = ActivityColumn, StepColumn, MilestoneColumn, ListColumn
ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column(name=A.ID, required=True, width=10, help="Unique, year-number, e.g. 2021-04"),
    Column(name=A.YEAR, required=True, kind=Kind.INT, width=7, help="The plan year the activity is listed under"),
    Column(name=A.NO, kind=Kind.INT, width=6, help="The number under that year, as in the plan"),
    Column(name=A.EVENT, required=True, width=60, help="The event, as written in the plan"),
    Column(name=A.TERMS, required=True, width=24, help="Terms of implementation as written; the dates come from here"),
    Column(name=A.START, kind=Kind.DATE, width=12, help="Optional exact start date; blank = derived from Terms"),
    Column(name=A.END, kind=Kind.DATE, width=12, help="Optional exact end date; blank = derived from Terms"),
    Column(name=A.DOMAIN, kind=Kind.LIST, width=22, help="Pick from the Lists sheet"),
    Column(name=A.CONVENTION, kind=Kind.LIST, width=26, help="Convention or recommendation implemented, if any"),
    Column(name=A.PROGRAMME, kind=Kind.LIST, width=24, help="UNESCO network or programme, if any"),
    Column(name=A.COUNTERPART, width=26, help="Who acts on UNESCO's side"),
    Column(name=A.LEAD, width=24, help="Who acts on the national side"),
    Column(name=A.LOCATIONS, width=24, help="Cities named, separated by ;"),
    Column(
        name=A.STATUS,
        kind=Kind.LIST,
        width=14,
        help="Planned, In progress, Completed, Postponed, Cancelled; blank = Not reported",
    ),
    Column(name=A.PROGRESS, kind=Kind.PERCENT, width=11, help="0-100, optional"),
    Column(name=A.LAST_UPDATE, kind=Kind.DATE, width=13, help="Date of the last report"),
    Column(name=A.NOTES, width=40, help="Text of the last report"),
)

# Optional columns of the Activities sheet: read when present, never required; a new workbook has them after the
# others, and a save that fills one in where the sheet lacks it adds its header after the last column.
OPTIONAL_ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column(name=A.EVIDENCE, width=40, help="A link or document reference for the last report"),
)

STEP_COLUMNS: tuple[Column, ...] = (
    Column(name=S.ACTIVITY_ID, required=True, width=12, help="The ID of the activity in the Activities sheet"),
    Column(name=S.STEP, required=True, kind=Kind.INT, width=6, help="Step number within the activity"),
    Column(name=S.DESCRIPTION, required=True, width=90, help="The mechanism step, as written"),
    Column(name=S.TERMS, width=22, help="Optional: the step's own terms, where the plan gives them"),
    Column(
        name=S.STATUS, kind=Kind.LIST, width=14, help="Optional: Planned, In progress, Completed, Postponed, Cancelled"
    ),
)

MILESTONE_COLUMNS: tuple[Column, ...] = (
    Column(name=M.DATE, required=True, kind=Kind.DATE, width=12, help="The first day"),
    Column(name=M.END, kind=Kind.DATE, width=12, help="The last day, for events that last several days"),
    Column(name=M.NAME, required=True, width=50, help="e.g. 42nd session of the UNESCO General Conference"),
    Column(name=M.KIND, width=22, help="e.g. General Conference"),
    Column(name=M.PLACE, width=18),
)

LIST_COLUMNS: tuple[Column, ...] = (
    Column(name=L.DOMAIN, required=True, width=26),
    Column(name=L.CONVENTION, required=True, width=28),
    Column(name=L.CONVENTION_TITLE, width=70),
    Column(name=L.PROGRAMME, required=True, width=28),
    Column(name=L.STATUS, required=True, width=14),
)
MESSAGE_COLUMNS: tuple[Column, ...] = (
    Column(name=MessageColumn.SESSION, required=True, width=16, help="The session: its number (42) or its name"),
    Column(name=MessageColumn.ACTIVITY_ID, width=12, help="Optional: the activity the message supports"),
    Column(name=MessageColumn.TOPIC, width=24, help="The topic the message is grouped under"),
    Column(name=MessageColumn.MESSAGE, required=True, width=80, help="The key message, as the delegation says it"),
    Column(name=MessageColumn.OWNER, width=20, help="Who speaks to it or answers for it"),
)
UPDATE_COLUMNS: tuple[Column, ...] = (
    Column(name=UpdateColumn.DATE, required=True, kind=Kind.DATE, width=12, help="The day the report was made"),
    Column(name=UpdateColumn.ACTIVITY_ID, required=True, width=12, help="The ID of the activity reported on"),
    Column(name=UpdateColumn.STATUS, kind=Kind.LIST, width=14, help="The Status reported; blank = Not reported"),
    Column(name=UpdateColumn.PROGRESS, kind=Kind.PERCENT, width=11, help="0-100, optional"),
    Column(name=UpdateColumn.NOTES, width=40, help="The text of the report"),
    Column(name=UpdateColumn.EVIDENCE, width=30, help="A link or document reference"),
    Column(name=UpdateColumn.SOURCE, width=28, help="Who reported or saved it"),
)
del A, S, M, L

SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {
    ACTIVITIES: ACTIVITY_COLUMNS,
    STEPS: STEP_COLUMNS,
    MILESTONES: MILESTONE_COLUMNS,
    LISTS: LIST_COLUMNS,
}

# Sheets read when present and never required (a workbook without them loads without a finding).
OPTIONAL_SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {MESSAGES: MESSAGE_COLUMNS, UPDATES: UPDATE_COLUMNS}


OPTIONAL_COLUMNS: dict[str, tuple[Column, ...]] = {ACTIVITIES: OPTIONAL_ACTIVITY_COLUMNS}


def optional_columns(sheet: str) -> tuple[Column, ...]:
    """The optional columns of a sheet (none for most): a save may add one that the sheet lacks."""
    return OPTIONAL_COLUMNS.get(sheet, ())


def columns_of(sheet: str) -> tuple[Column, ...]:
    """The columns of a sheet of the contract, required or optional, its optional columns last (KeyError for a sheet
    it does not name)."""
    return (SHEET_COLUMNS.get(sheet) or OPTIONAL_SHEET_COLUMNS[sheet]) + optional_columns(sheet)


# Which Activities/Steps column takes its allowed values from which Lists column.
LIST_BACKED: dict[str, ListColumn] = {
    ActivityColumn.DOMAIN: ListColumn.DOMAIN,
    ActivityColumn.CONVENTION: ListColumn.CONVENTION,
    ActivityColumn.PROGRAMME: ListColumn.PROGRAMME,
    ActivityColumn.STATUS: ListColumn.STATUS,
}

# Aliases kept short for the many places that name them.
ROW = Derived.ROW
DATE_SOURCE = Derived.DATE_SOURCE
PRECISION = Derived.PRECISION
REPORTED_STATUS = Derived.REPORTED_STATUS
LIST_DOMAIN, LIST_CONVENTION, LIST_CONVENTION_TITLE, LIST_PROGRAMME, LIST_STATUS = tuple(ListColumn)
DERIVED_COLUMNS: tuple[str, ...] = (ROW, DATE_SOURCE, PRECISION, REPORTED_STATUS)

# In the loaded frame "Start" and "End" are the effective dates (the sheet's cells, else derived from Terms).

ID_PATTERN = re.compile(r"^\d{4}-\d{2,3}$")


def header_key(text: object) -> str:
    """Header matching ignores case, spaces and punctuation: 'progress  %', 'PROGRESS%' and 'Progress %' match."""
    text = str(text or "")
    return _short_key(text) if len(text) <= _REMEMBERED else _NOT_IN_KEY.sub("", text.casefold())


_NOT_IN_KEY = re.compile(r"[^0-9a-z%]")
_REMEMBERED = 100  # characters: a header or a sheet name; a longer cell is not kept


@functools.lru_cache(maxsize=1024)
def _short_key(text: str) -> str:  # every load matches the same few headers and sheet names
    return _NOT_IN_KEY.sub("", text.casefold())


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
