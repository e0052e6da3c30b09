"""Reading a plan workbook: safety checks, the sheets as typed tables, derived dates, and findings.

`load_plan(path)` never raises for a broken workbook: it returns a Plan whose findings say what is wrong,
with the sheet, the Excel row and the column, and a hint. The file is read once into memory, so the checks,
the content hash and the tables all describe the same bytes even while Excel is saving over it.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

import pandas as pd
import python_calamine
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from . import contract
from .findings import ERROR, WARNING, Finding, has_errors
from .messages import empty_messages, read_messages
from .status import Reported
from .terms import parse_date_cell, parse_terms

DEFAULT_WORKBOOK = Path("data/plan.xlsx")
WORKBOOK_ENV = "PLAN_WORKBOOK"
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # far above any plan; stops a zip bomb
XML_SUFFIXES = (".xml", ".rels", ".vml")


def workbook_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The workbook to use: the path given, else $PLAN_WORKBOOK, else data/plan.xlsx."""
    if path:
        return Path(path)
    return Path(os.environ.get(WORKBOOK_ENV) or DEFAULT_WORKBOOK)


@dataclass(frozen=True)
class WorkbookInfo:
    """Which file was read and which version of it."""

    path: Path
    size: int
    modified: datetime
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str], content: bytes, modified: datetime) -> WorkbookInfo:
        """The version of these bytes: their size and content hash."""
        return cls(Path(path), len(content), modified, hashlib.sha256(content).hexdigest())


@dataclass(frozen=True)
class Lists:
    """The allowed values from the Lists sheet, in the order staff wrote them."""

    domains: tuple[str, ...] = ()
    conventions: tuple[str, ...] = ()
    convention_titles: tuple[tuple[str, str], ...] = ()
    programmes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = Reported.typed_values()

    def allowed(self, column: str) -> tuple[str, ...]:
        """The allowed values of an Activities column backed by a list."""
        return {
            contract.LIST_DOMAIN: self.domains,
            contract.LIST_CONVENTION: self.conventions,
            contract.LIST_PROGRAMME: self.programmes,
            contract.LIST_STATUS: self.statuses,
        }[contract.LIST_BACKED[column]]

    def title(self, convention: str) -> str:
        """The full title of a convention, or the short name where Lists gives none."""
        return dict(self.convention_titles).get(convention) or convention


@dataclass(frozen=True, eq=False)
class Plan:
    """A loaded workbook: the three tables, the lists, and what was found wrong with it.

    activities: one row per activity, the sheet's columns (canonical names first, staff-added after) with Start
    and End as the effective dates, plus Row, Dates from, Precision and Reported status.
    steps: Activity ID, Step, Description, Terms, Status, Start, End, Row (+ staff-added columns).
    milestones: Date, End, Name, Kind, Place, Row (+ staff-added columns), sorted by date.
    """

    activities: pd.DataFrame
    steps: pd.DataFrame
    milestones: pd.DataFrame
    lists: Lists
    findings: tuple[Finding, ...]
    source: WorkbookInfo | None = None
    loaded_at: datetime = field(default_factory=datetime.now)
    messages: pd.DataFrame = field(default_factory=empty_messages)  # the optional Messages sheet (plan.messages)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    @property
    def usable(self) -> bool:
        """False when the workbook has an error and its tables must not replace good data."""
        return not has_errors(self.findings)

    @property
    def years(self) -> list[int]:
        """The plan years present, ascending."""
        return sorted(int(year) for year in self.activities["Year"].dropna().unique())

    def steps_of(self, activity_id: str) -> pd.DataFrame:
        """The mechanism steps of one activity, in order."""
        return self.steps[self.steps["Activity ID"] == activity_id].sort_values("Step")


# ---------------------------------------------------------------------------------------------------------------
# The container: a real, complete, safe .xlsx


class _NoTree:
    """A parser target without callbacks: the XML is checked, no tree is built."""


_ROOT_START = re.compile(rb"<[^?!]")


def _check_xml(payload: bytes) -> None:
    """Raise DefusedXmlException when an XML part declares a DTD, entities or external references.

    Such declarations can only stand in the prolog, before the root element, so only the prolog and the root's
    start tag are fed to defusedxml; the rest of each part is checked by calamine when it reads the sheets and by
    the zip CRC. This keeps the check a small fraction of the load time.
    """
    parser = DefusedXMLParser(target=_NoTree(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    root = _ROOT_START.search(payload)
    end = payload.find(b">", root.start()) + 1 if root else len(payload)
    parser.feed(payload[: end or len(payload)])


def _check_container(path: Path, content: bytes) -> list[Finding]:
    """Errors for anything that is not a complete, safe Excel workbook; empty when it is one."""

    def error(message: str, hint: str) -> list[Finding]:
        return [Finding(ERROR, None, None, None, message, hint)]

    if path.name.startswith("~$"):
        return error(
            f"{path.name} is Excel's lock file, not the workbook",
            f"open {path.name[2:]} instead; the lock file disappears when Excel closes it",
        )
    if path.suffix.lower() != ".xlsx":
        return error(f"{path.name} is not an .xlsx file", "save the workbook as Excel Workbook (*.xlsx)")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return error(
            f"{path.name} is not a complete Excel workbook (it may be half-written or damaged)",
            "wait for Excel to finish saving, or save it again as Excel Workbook (*.xlsx)",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                return error(
                    f"{path.name} is a zip file but not an Excel workbook",
                    "save it from Excel as Excel Workbook (*.xlsx)",
                )
            if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
                return error(
                    f"{path.name} unpacks to more than {MAX_UNCOMPRESSED_BYTES // 2**20} MB",
                    "a plan workbook is far smaller; check that this is the right file",
                )
            for member in members:
                payload = archive.read(member)  # reading checks the CRC: a truncated member fails here
                if member.filename.lower().endswith(XML_SUFFIXES):
                    _check_xml(payload)
    except DefusedXmlException as exc:
        return error(
            f"{path.name} contains unsafe XML ({type(exc).__name__})",
            "the file was not made by Excel as expected; open it in Excel and save it again, or use a backup",
        )
    except ParseError as exc:
        return error(f"{path.name} contains damaged XML ({exc})", "open it in Excel and save it again, or use a backup")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        return error(
            f"{path.name} is damaged or incomplete ({exc})", "wait for Excel to finish saving, or restore a backup"
        )
    return []


# ---------------------------------------------------------------------------------------------------------------
# Sheets into records keyed by canonical column names


@dataclass
class _Sheet:
    """A sheet's rows as dicts keyed by canonical header, each with its Excel row number."""

    name: str
    columns: list[str]  # canonical names of the columns found, then staff-added ones, in sheet order
    records: list[tuple[int, dict[str, object]]]
    missing: list[str]


def _clean(value: object) -> object:
    """Blank strings become None; text is stripped; whole floats stay floats (typed later per column)."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _read_sheet(name: str, rows: list[list[object]], columns: tuple[contract.Column, ...]) -> _Sheet:
    """Match headers case- and space-insensitively; keep staff-added columns; skip blank rows."""
    header_index = next((i for i, row in enumerate(rows) if any(_clean(cell) is not None for cell in row)), None)
    if header_index is None:
        return _Sheet(name, [], [], [column.name for column in columns])
    header = rows[header_index]
    names: list[str | None] = [None] * len(header)
    for label, position in contract.header_positions(header, columns).items():
        names[position - 1] = label
    records: list[tuple[int, dict[str, object]]] = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        values = {names[i]: _clean(cell) for i, cell in enumerate(row) if i < len(names) and names[i]}
        if all(value is None for value in values.values()):
            continue
        records.append((offset, values))
    found = [label for label in names if label]
    missing = [column.name for column in columns if column.name not in found]
    return _Sheet(name, found, records, missing)


def _text(value: object) -> str | None:
    """A cell as text: whole numbers lose their '.0' (an ID typed as 2021 stays '2021')."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _whole_number(value: object) -> int | None:
    """A cell as a whole number; raises ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            return int(value)
        raise ValueError(value)
    return int(str(value).strip().rstrip("."))


def _percent(value: object) -> float | None:
    """Progress %: a number 0-100, '50%' accepted; raises ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, (bool, datetime, date)):
        raise ValueError(value)
    number = float(str(value).strip().rstrip("%")) if isinstance(value, str) else float(value)
    if not 0 <= number <= 100:
        raise ValueError(value)
    return number


# ---------------------------------------------------------------------------------------------------------------
# Sheet by sheet


class _Collector:
    """Gathers findings for one sheet so each check reads as one line."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.findings: list[Finding] = []

    def error(self, row: int | None, column: str | None, message: str, hint: str = "") -> None:
        self.findings.append(Finding(ERROR, self.sheet, row, column, message, hint))

    def warn(self, row: int | None, column: str | None, message: str, hint: str = "") -> None:
        self.findings.append(Finding(WARNING, self.sheet, row, column, message, hint))


def _report_missing(sheet: _Sheet, columns: tuple[contract.Column, ...], found: _Collector) -> bool:
    """Findings for absent columns; True when a required one is missing and the sheet cannot be read."""
    fatal = False
    present = ", ".join(sheet.columns) or "none"
    for column in columns:
        if column.name not in sheet.missing:
            continue
        if column.required:
            fatal = True
            found.error(
                1,
                column.name,
                f"required column '{column.name}' is missing (columns found: {present})",
                f"put the header '{column.name}' back in row 1; headers may differ only in case and spaces",
            )
        else:
            found.warn(
                1,
                column.name,
                f"column '{column.name}' is missing; treated as blank",
                f"add a column headed '{column.name}' to record it",
            )
    return fatal


def _read_lists(sheet: _Sheet | None) -> tuple[Lists, list[Finding]]:
    found = _Collector(contract.LISTS)
    if sheet is None:
        return Lists(), found.findings
    _report_missing(sheet, contract.LIST_COLUMNS, found)

    def column(name: str) -> tuple[str, ...]:
        values = [_text(values.get(name)) for _, values in sheet.records]
        return tuple(dict.fromkeys(value for value in values if value))

    titles = tuple(
        (str(values[contract.LIST_CONVENTION]), _text(values.get(contract.LIST_CONVENTION_TITLE)) or "")
        for _, values in sheet.records
        if values.get(contract.LIST_CONVENTION)
    )
    statuses = column(contract.LIST_STATUS) or Reported.typed_values()
    for status in statuses:
        if status not in Reported.typed_values():
            found.warn(
                None,
                contract.LIST_STATUS,
                f"status '{status}' is not one the dashboard understands",
                "use Planned, In progress, Completed, Postponed or Cancelled",
            )
    lists = Lists(
        column(contract.LIST_DOMAIN),
        column(contract.LIST_CONVENTION),
        titles,
        column(contract.LIST_PROGRAMME),
        statuses,
    )
    return lists, found.findings


def _in_list(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """The list's own spelling of a value matched case-insensitively, or None if it is not in the list."""
    if value is None:
        return None
    by_key = {item.casefold().strip(): item for item in allowed}
    return by_key.get(value.casefold().strip())


def _check_listed(
    record: dict[str, object], row: int, lists: Lists, found: _Collector, columns: tuple[str, ...]
) -> None:
    for column in columns:
        value = _text(record.get(column))
        if value is None:
            continue
        allowed = lists.allowed(column)
        match = _in_list(value, allowed)
        if match is None:
            shown = ", ".join(allowed[:8]) + (" ..." if len(allowed) > 8 else "")
            found.warn(
                row,
                column,
                f"'{value}' is not in the {column} list",
                f"pick one of: {shown}; or add it to the Lists sheet",
            )
        record[column] = match or value


def _dates_for(
    record: dict[str, object], row: int, year: int | None, found: _Collector
) -> tuple[object, object, str, str]:
    """(start, end, dates-from, precision) of an activity: the Start/End cells win over Terms."""
    explicit: dict[str, date | None] = {}
    for column in ("Start", "End"):
        try:
            explicit[column] = parse_date_cell(record.get(column))
        except ValueError:
            found.warn(
                row,
                column,
                f"'{record.get(column)}' is not a date; the dates come from Terms instead",
                "type a date such as 2024-03-15, or leave the cell blank",
            )
            explicit[column] = None
    terms = record.get("Terms")
    span = parse_terms(terms, default_year=year)
    if span is None:
        if terms is None:
            found.warn(
                row,
                "Terms",
                "Terms is blank; the activity is shown across its plan year",
                "write the terms of implementation, e.g. 'March-December 2021' or 'Q4 2024'",
            )
        else:
            found.warn(
                row,
                "Terms",
                f"'{terms}' could not be read as dates; the activity is shown across its plan year",
                "write e.g. 'March-December 2021', '2nd quarter 2023', 'H1 2024', '15 March 2024', "
                "or fill in Start and End",
            )
    start, end = explicit["Start"], explicit["End"]
    if start and end and end < start:
        found.warn(
            row,
            "End",
            f"End {end:%Y-%m-%d} is before Start {start:%Y-%m-%d}; the dates come from Terms instead",
            "correct Start or End",
        )
        start = end = None
    if start and end:
        return start, end, "Start/End cells", "day"
    if span is not None:
        source = "Terms" if not (start or end) else "Start/End cells and Terms"
        chosen_start, chosen_end = start or span.start, end or span.end
        if chosen_end < chosen_start:
            chosen_start, chosen_end = (start, start) if start else (end, end)
        return chosen_start, chosen_end, source, "day" if (start or end) else span.precision
    if start or end:
        return start or end, end or start, "Start/End cells", "day"
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31), "Plan year (terms not understood)", "year"
    return None, None, "No dates", ""


def _read_activities(sheet: _Sheet, lists: Lists) -> tuple[pd.DataFrame, list[Finding]]:
    found = _Collector(contract.ACTIVITIES)
    if _report_missing(sheet, contract.ACTIVITY_COLUMNS, found):
        return _empty_activities(), found.findings
    first_row_of: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        activity_id = _text(record.get("ID"))
        if activity_id is None:
            found.error(row, "ID", "this activity has no ID", "give it a unique ID such as 2024-03 (year-number)")
        elif activity_id in first_row_of:
            found.error(
                row,
                "ID",
                f"ID '{activity_id}' is already used in row {first_row_of[activity_id]}",
                "give each activity its own ID (year-number)",
            )
        else:
            first_row_of[activity_id] = row
        record["ID"] = activity_id
        year = _checked(found, row, "Year", record, _whole_number, "a whole year such as 2024")
        if year is None and activity_id and activity_id[:4].isdigit():
            year = int(activity_id[:4])
        record["Year"] = year
        record["No."] = _checked(found, row, "No.", record, _whole_number, "a whole number")
        record["Progress %"] = _checked(found, row, "Progress %", record, _percent, "a number from 0 to 100")
        try:
            record["Last update"] = parse_date_cell(record.get("Last update"))
        except ValueError:
            found.warn(
                row,
                "Last update",
                f"'{record.get('Last update')}' is not a date; ignored",
                "type the date of the last report, e.g. 2024-03-15",
            )
            record["Last update"] = None
        for column in ("Event", "Terms", "UNESCO counterpart", "National lead", "Locations", "Notes"):
            record[column] = _text(record.get(column))
        if record["Event"] is None:
            found.warn(row, "Event", "Event is blank", "write what the activity is")
        _check_listed(record, row, lists, found, ("Domain", "Convention", "Programme", "Status"))
        start, end, source, precision = _dates_for(record, row, year, found)
        record.update(
            {
                "Start": start,
                "End": end,
                contract.ROW: row,
                contract.DATE_SOURCE: source,
                contract.PRECISION: precision,
                contract.REPORTED_STATUS: record.get("Status") or Reported.NOT_REPORTED,
            }
        )
        rows.append(record)
    extra = [c for c in sheet.columns if c not in contract.column_names(contract.ACTIVITY_COLUMNS)]
    columns = contract.column_names(contract.ACTIVITY_COLUMNS) + extra + list(contract.DERIVED_COLUMNS)
    frame = pd.DataFrame(rows, columns=columns)
    return _typed(
        frame, dates=("Start", "End", "Last update"), ints=("Year", "No.", contract.ROW), floats=("Progress %",)
    ), found.findings


def _checked(found: _Collector, row: int, column: str, record: dict[str, object], convert, expected: str):
    """The converted cell, or None with a warning naming what was expected."""
    try:
        return convert(record.get(column))
    except (ValueError, TypeError):
        found.warn(row, column, f"'{record.get(column)}' is not {expected}; ignored", f"type {expected}")
        return None


def _read_steps(sheet: _Sheet | None, activities: pd.DataFrame, lists: Lists) -> tuple[pd.DataFrame, list[Finding]]:
    found = _Collector(contract.STEPS)
    base = contract.column_names(contract.STEP_COLUMNS)
    if sheet is None or _report_missing(sheet, contract.STEP_COLUMNS, found):
        return _typed(
            pd.DataFrame(columns=[*base, "Start", "End", contract.ROW]),
            dates=("Start", "End"),
            ints=("Step", contract.ROW),
        ), found.findings
    year_of = dict(zip(activities["ID"], activities["Year"]))
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        activity_id = _text(record.get("Activity ID"))
        record["Activity ID"] = activity_id
        if activity_id not in year_of:
            found.warn(
                row, "Activity ID", f"no activity has the ID '{activity_id}'", "use an ID from the Activities sheet"
            )
        record["Step"] = _checked(found, row, "Step", record, _whole_number, "a whole number")
        record["Description"] = _text(record.get("Description"))
        record["Terms"] = _text(record.get("Terms"))
        _check_listed(record, row, lists, found, ("Status",))
        start = end = None
        if record["Terms"]:
            year = year_of.get(activity_id)
            span = parse_terms(record["Terms"], default_year=None if pd.isna(year) else int(year))
            if span is None:
                found.warn(
                    row,
                    "Terms",
                    f"'{record['Terms']}' could not be read as dates",
                    "write e.g. 'March 2023' or '3rd quarter 2023', or leave blank",
                )
            else:
                start, end = span.start, span.end
        record.update({"Start": start, "End": end, contract.ROW: row})
        rows.append(record)
    extra = [c for c in sheet.columns if c not in base]
    frame = pd.DataFrame(rows, columns=[*base, *extra, "Start", "End", contract.ROW])
    return _typed(frame, dates=("Start", "End"), ints=("Step", contract.ROW)), found.findings


def _read_milestones(sheet: _Sheet | None) -> tuple[pd.DataFrame, list[Finding]]:
    found = _Collector(contract.MILESTONES)
    base = contract.column_names(contract.MILESTONE_COLUMNS)
    empty = _typed(pd.DataFrame(columns=[*base, contract.ROW]), dates=("Date", "End"), ints=(contract.ROW,))
    if sheet is None or _report_missing(sheet, contract.MILESTONE_COLUMNS, found):
        return empty, found.findings
    rows: list[dict[str, object]] = []
    for row, record in sheet.records:
        try:
            first = parse_date_cell(record.get("Date"))
            last = parse_date_cell(record.get("End")) or first
        except ValueError:
            found.warn(
                row, "Date", "the date is not a single day; milestone left out", "type a date such as 2025-10-30"
            )
            continue
        if first is None:
            found.warn(row, "Date", "the milestone has no date; left out", "type a date such as 2025-10-30")
            continue
        if last < first:
            found.warn(row, "End", "End is before Date; treated as a one-day milestone", "correct End")
            last = first
        name = _text(record.get("Name")) or "Milestone"
        record.update({"Date": first, "End": last, "Name": name, contract.ROW: row})
        for column in ("Kind", "Place"):
            record[column] = _text(record.get(column))
        rows.append(record)
    extra = [c for c in sheet.columns if c not in base]
    frame = pd.DataFrame(rows, columns=[*base, *extra, contract.ROW]).sort_values("Date", kind="stable")
    return _typed(frame.reset_index(drop=True), dates=("Date", "End"), ints=(contract.ROW,)), found.findings


def _typed(
    frame: pd.DataFrame, *, dates: tuple[str, ...] = (), ints: tuple[str, ...] = (), floats: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Give date, whole-number and decimal columns their pandas types; text stays object."""
    columns: dict[str, object] = {}
    for name in frame.columns:
        values = frame[name].tolist()
        if name in dates:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").array
        elif name in ints:
            columns[name] = pd.array([None if _missing(v) else int(v) for v in values], dtype="Int64")
        elif name in floats:
            columns[name] = pd.array([None if _missing(v) else float(v) for v in values], dtype="Float64")
        else:
            columns[name] = pd.array([None if _missing(v) else v for v in values], dtype=object)
    return pd.DataFrame(columns, index=frame.index)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT


def _empty_activities() -> pd.DataFrame:
    columns = contract.column_names(contract.ACTIVITY_COLUMNS) + list(contract.DERIVED_COLUMNS)
    return _typed(
        pd.DataFrame(columns=columns),
        dates=("Start", "End", "Last update"),
        ints=("Year", "No.", contract.ROW),
        floats=("Progress %",),
    )


# ---------------------------------------------------------------------------------------------------------------


def empty_plan(findings: list[Finding] | tuple[Finding, ...] = (), source: WorkbookInfo | None = None) -> Plan:
    """A plan with no activities, carrying the findings that explain why."""
    steps, _ = _read_steps(None, _empty_activities(), Lists())
    milestones, _ = _read_milestones(None)
    return Plan(_empty_activities(), steps, milestones, Lists(), tuple(findings), source)


def read_bytes(path: str | os.PathLike[str]) -> tuple[bytes, WorkbookInfo]:
    """The workbook's bytes and which version they are; raises OSError if it cannot be read."""
    path = Path(path)
    stat = path.stat()
    content = path.read_bytes()
    return content, WorkbookInfo.of(path, content, datetime.fromtimestamp(stat.st_mtime))


def load_plan(path: str | os.PathLike[str] | None = None) -> Plan:
    """Read, check and date the plan workbook at `path` (default: $PLAN_WORKBOOK, else data/plan.xlsx)."""
    path = workbook_path(path)
    try:
        content, info = read_bytes(path)
    except FileNotFoundError:
        return empty_plan(
            [
                Finding(
                    ERROR,
                    None,
                    None,
                    None,
                    f"{path} does not exist",
                    f"put the workbook at {path}, or set {WORKBOOK_ENV} to its path",
                )
            ]
        )
    except OSError as exc:
        return empty_plan(
            [
                Finding(
                    ERROR,
                    None,
                    None,
                    None,
                    f"{path} cannot be read ({exc.strerror or exc})",
                    "check that the file is not locked and that you may read it",
                )
            ]
        )
    return load_plan_bytes(content, info)


def load_plan_bytes(content: bytes, info: WorkbookInfo) -> Plan:
    """Read, check and date a workbook already in memory (an upload, a backup, a file on disk)."""
    problems = _check_container(info.path, content)
    if problems:
        return empty_plan(problems, info)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        sheet_rows = {
            name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in workbook.sheet_names
        }
    except Exception as exc:  # calamine raises its own error types for damaged parts  # noqa: BLE001
        return empty_plan(
            [
                Finding(
                    ERROR,
                    None,
                    None,
                    None,
                    f"{info.path.name} cannot be read as a workbook ({exc})",
                    "open it in Excel and save it again as Excel Workbook (*.xlsx)",
                )
            ],
            info,
        )
    return _plan_from_rows(sheet_rows, info)


def _plan_from_rows(sheet_rows: dict[str, list[list[object]]], info: WorkbookInfo | None) -> Plan:
    findings: list[Finding] = []
    sheets: dict[str, _Sheet | None] = {}
    for name, columns in contract.SHEET_COLUMNS.items():
        actual = contract.sheet_named(sheet_rows, name)
        if actual is None:
            findings.append(
                Finding(
                    ERROR,
                    name,
                    None,
                    None,
                    f"the sheet '{name}' is missing",
                    f"add a sheet named '{name}' (sheets found: {', '.join(sheet_rows)})",
                )
            )
            sheets[name] = None
        else:
            sheets[name] = _read_sheet(name, sheet_rows[actual], columns)
    lists, found = _read_lists(sheets[contract.LISTS])
    findings += found
    if sheets[contract.ACTIVITIES] is None:
        return empty_plan(findings, info)
    activities, found = _read_activities(sheets[contract.ACTIVITIES], lists)
    findings += found
    steps, found = _read_steps(sheets[contract.STEPS], activities, lists)
    findings += found
    milestones, found = _read_milestones(sheets[contract.MILESTONES])
    findings += found
    messages, found = read_messages(sheet_rows.get(contract.sheet_named(sheet_rows, contract.MESSAGES) or ""))
    findings += found
    return Plan(activities, steps, milestones, lists, tuple(findings), info, messages=messages)
