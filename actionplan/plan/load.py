"""Reading a plan workbook: the container checked (container.py), the sheets chosen and read cell by cell
(cells.py), typed and dated (lists.py, activities.py, steps.py, milestones.py), with findings.

`load_plan(path)` never raises for a broken or hostile workbook: it returns a Plan whose findings say what is wrong,
with the sheet, the Excel row and the column, and a hint; anything unforeseen becomes an error finding naming the
stage it happened in. The file is read once into memory, so the checks, the content hash and the tables all describe
the same bytes even while Excel is saving over it; the sheet reader is given only the parts that were checked.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import python_calamine

from .. import words
from ..i18n import N_
from . import contract
from .activities import empty_activities, read_activities
from .cells import Collector, Sheet, choose_sheet, read_sheet, report_merged_header, shown
from .checkins import empty_checkins, read_checkins
from .container import MAX_WORKBOOK_BYTES, Container, open_container
from .contract import ActivityColumn as A
from .contract import StepColumn as S
from .facts import PlanFacts, plan_facts, with_properties
from .findings import ERROR, WARNING, Finding, Phrase, has_errors
from .lists import Lists, read_lists
from .messages import empty_messages, read_messages
from .milestones import read_milestones
from .steps import read_steps
from .translations import STEP_TEXT, ListLabels, in_language, milestones_in_language

DEFAULT_WORKBOOK = Path("data/plan.xlsx")
WORKBOOK_ENV = "PLAN_WORKBOOK"
MAX_ABOUT_ROWS = 200  # the About sheet is a short guide: its facts stand at the top
# Where the reading was when something unforeseen happened, as the finding names it.
SHEET_STAGES: dict[str, str] = {
    contract.ACTIVITIES: N_("the Activities sheet"),
    contract.STEPS: N_("the Steps sheet"),
    contract.MILESTONES: N_("the Milestones sheet"),
    contract.LISTS: N_("the Lists sheet"),
}


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
    messages: pd.DataFrame = field(default_factory=empty_messages)  # the optional Messages sheet
    facts: PlanFacts = field(default_factory=PlanFacts)  # title, country, period... from About and properties
    labels: ListLabels = field(default_factory=ListLabels)  # Lists' values named in other languages (Domain (ru))
    checkins: pd.DataFrame = field(default_factory=empty_checkins)  # the optional Updates sheet (checkins.py)

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
        return sorted(int(year) for year in self.activities[A.YEAR].dropna().unique())

    def steps_of(self, activity_id: str) -> pd.DataFrame:
        """The mechanism steps of one activity, in order."""
        return self.steps[self.steps[S.ACTIVITY_ID] == activity_id].sort_values(S.STEP)


def plan_in_language(plan: Plan, lang: str) -> Plan:
    """The plan with its activities', steps' and milestones' text in `lang` where the workbook translates it (the
    same plan when it does not; a milestone's Name stays the key, see `translations.milestone_name`)."""
    activities = in_language(plan.activities, lang)
    steps = in_language(plan.steps, lang, STEP_TEXT)
    milestones = milestones_in_language(plan.milestones, lang)
    if activities is plan.activities and steps is plan.steps and milestones is plan.milestones:
        return plan
    return replace(plan, activities=activities, steps=steps, milestones=milestones)


# ---------------------------------------------------------------------------------------------------------------


def _workbook_error(message: str, hint: str, /, **values: object) -> Finding:
    """An error about the whole file; `message` and `hint` are ids marked with N_."""
    return Finding.of(ERROR, None, None, None, message, hint, **values)


def empty_plan(findings: list[Finding] | tuple[Finding, ...] = (), source: WorkbookInfo | None = None) -> Plan:
    """A plan with no activities, carrying the findings that explain why."""
    steps = read_steps(None, empty_activities(), Lists(), Collector(contract.STEPS))
    milestones = read_milestones(None, Collector(contract.MILESTONES), False)
    return Plan(empty_activities(), steps, milestones, Lists(), tuple(findings), source)


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
        if path.is_file() and path.stat().st_size > MAX_WORKBOOK_BYTES:
            return empty_plan(
                [
                    _workbook_error(
                        N_("{name} is {size} MB, more than the {limit} MB a plan workbook may have"),
                        N_("check that this is the right file; a plan workbook is far smaller"),
                        name=path.name,
                        size=path.stat().st_size // 2**20,
                        limit=MAX_WORKBOOK_BYTES // 2**20,
                    )
                ]
            )
        content, info = read_bytes(path)
    except FileNotFoundError:
        return empty_plan(
            [
                _workbook_error(
                    N_("{name} does not exist"),
                    N_("put the workbook at {path}, or set {variable} to its path"),
                    name=path.name,
                    path=str(path),
                    variable=WORKBOOK_ENV,
                )
            ]
        )
    except OSError as exc:
        return empty_plan(
            [
                _workbook_error(
                    N_("{name} cannot be read ({problem})"),
                    N_("check that the file is not locked and that you may read it"),
                    name=path.name,
                    problem=str(exc.strerror or exc),
                )
            ]
        )
    return load_plan_bytes(content, info)


def load_plan_bytes(content: bytes, info: WorkbookInfo) -> Plan:
    """Read, check and date a workbook already in memory (an upload, a backup, a file on disk).

    Never raises: whatever goes wrong becomes an error finding naming where it happened.
    """
    stage = [Phrase(N_("the zip container"))]
    try:
        with _collector_paused():
            container, problems = open_container(info.path.name, content)
            if container is None:
                return empty_plan(problems, info)
            return _plan_from_container(container, info, stage)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a last resort: the sheet reader's panics derive from BaseException  # noqa: BLE001
        return empty_plan(
            [
                _workbook_error(
                    N_("{name} cannot be read: {problem} while reading {stage}"),
                    N_("open it in Excel and save it again as Excel Workbook (*.xlsx), or restore a backup"),
                    name=info.path.name,
                    problem=type(exc).__name__,
                    stage=stage[0],
                )
            ],
            info,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a workbook is read, and resumed after (unless something else had
    paused it). Reading allocates a list per row and a value per cell, all kept until the Plan is built and none in
    a reference cycle; the collector would go through them again and again for nothing (at 10,000 activities about
    a seventh of the load's time). Memory is freed by reference counting as always."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _plan_from_container(container: Container, info: WorkbookInfo, stage: list[Phrase]) -> Plan:
    findings: list[Finding] = []
    stage[0] = Phrase(N_("the list of sheets"))
    reader = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(container.sheet_bytes()))
    sheets: dict[str, Sheet | None] = {}
    collectors = {name: Collector(name) for name in contract.SHEET_COLUMNS}
    for name in contract.SHEET_COLUMNS:
        stage[0] = Phrase(SHEET_STAGES[name])
        chosen, notes = choose_sheet(container.sheets, name)
        findings += notes
        sheets[name] = None
        if chosen is None:
            found_names = ", ".join(f"'{shown(sheet.name)}'" for sheet in container.sheets) or Phrase(N_("no sheets"))
            findings.append(
                Finding.of(
                    ERROR,
                    name,
                    None,
                    None,
                    N_("the sheet '{sheet}' is missing"),
                    N_("add a sheet named '{sheet}' (sheets found: {found})"),
                    sheet=name,
                    found=found_names,
                )
            )
            continue
        scan = container.scan(chosen)
        if scan.far_cell:
            collectors[name].error(
                None,
                None,
                N_("{sheet}!{cell} holds a value far outside the table, so the sheet cannot be read"),
                N_("delete that cell (Ctrl+G, {cell}), or delete every row and column after the table, and save"),
                sheet=shown(chosen.name),
                cell=scan.far_cell,
            )
            continue
        sheet = reader.get_sheet_by_name(chosen.name)
        rows = sheet.to_python(skip_empty_area=False)
        found = collectors[name]
        sheets[name] = read_sheet(name, rows, contract.columns_of(name), scan, found)
        header_row = next((i + 1 for i, row in enumerate(rows) if any(words.cell_text(c) for c in row)), 1)
        report_merged_header(sheet.merged_cell_ranges, header_row, found)
    stage[0] = Phrase(SHEET_STAGES[contract.LISTS])
    lists = read_lists(sheets[contract.LISTS], collectors[contract.LISTS])
    activity_sheet = sheets[contract.ACTIVITIES]
    if activity_sheet is None:  # nothing to show: the steps would only repeat that their IDs are unknown
        return empty_plan(findings + _gathered(collectors), info)
    stage[0] = Phrase(SHEET_STAGES[contract.ACTIVITIES])
    activities = read_activities(activity_sheet, lists, collectors[contract.ACTIVITIES], container.date1904)
    stage[0] = Phrase(SHEET_STAGES[contract.STEPS])
    steps = read_steps(sheets[contract.STEPS], activities, lists, collectors[contract.STEPS])
    stage[0] = Phrase(SHEET_STAGES[contract.MILESTONES])
    milestones = read_milestones(sheets[contract.MILESTONES], collectors[contract.MILESTONES], container.date1904)
    stage[0] = Phrase(N_("the Messages sheet"))
    messages, found_messages = read_messages(_optional_rows(container, reader, contract.MESSAGES))
    stage[0] = Phrase(N_("the Updates sheet"))
    known = activities[A.ID].dropna().astype(str).tolist()
    updates = _optional_rows(container, reader, contract.UPDATES)
    checkins, found_checkins = read_checkins(updates, known, lists.statuses, date1904=container.date1904)
    gathered = findings + _gathered(collectors) + found_messages + found_checkins
    stage[0] = Phrase(N_("the About sheet"))
    about = plan_facts(_optional_rows(container, reader, contract.ABOUT)[:MAX_ABOUT_ROWS])
    facts = with_properties(about, container.parts.get("docProps/core.xml"), container.parts.get("docProps/app.xml"))
    labels = ListLabels.of(sheets[contract.LISTS])
    return Plan(
        activities,
        steps,
        milestones,
        lists,
        tuple(gathered),
        info,
        messages=messages,
        facts=facts,
        labels=labels,
        checkins=checkins,
    )


def _optional_rows(container: Container, reader: python_calamine.CalamineWorkbook, name: str) -> list[list[Any]]:
    """The rows of an optional sheet (none when it is absent or reaches far outside its table)."""
    chosen, _ = choose_sheet(container.sheets, name)
    if chosen is None or container.scan(chosen).far_cell:
        return []
    return reader.get_sheet_by_name(chosen.name).to_python(skip_empty_area=False)


def _gathered(collectors: dict[str, Collector]) -> list[Finding]:
    """The sheets' findings in the order staff read the workbook: Lists, Activities, Steps, Milestones."""
    findings: list[Finding] = []
    for name in (contract.LISTS, contract.ACTIVITIES, contract.STEPS, contract.MILESTONES):
        collectors[name].summarise()
        findings += collectors[name].findings
    return findings
