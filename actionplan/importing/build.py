"""From a plan document to a workbook in the contract: read, parse, suggest, report, write.

import_plan(content, "plan.docx") -> PlanImport(facts, activities, steps, milestones, lists, report)
workbook_bytes(result)            -> the .xlsx: Activities, Steps, Milestones, Lists, About, Import report
write_import(result, out, force)  -> the same on disk, never over an existing file unless forced
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font

from .. import words
from ..i18n import _, n_
from ..plan import contract
from ..plan.contract import ActivityColumn, StepColumn
from ..plan.facts import PlanFacts, about_rows
from ..plan.guide import guide
from ..plan.seed import CONVENTIONS, DOMAINS, PROGRAMMES, SEED_MILESTONES
from ..plan.status import Reported
from ..plan.workbook import write_workbook
from .classify import SUGGESTED_COLUMN, classify
from .facts import read_facts
from .parse import parse_document
from .report import REPORT_SHEET, ImportReport, ReportKind, summary_lines, write_report_sheet
from .source import SourceDocument, read_source_bytes

# How many years after the plan's last year the General Conference sessions are still worth showing.
SESSIONS_AFTER_PLAN = 2


@dataclass(frozen=True)
class PlanImport:
    """A plan read from its document, ready to be written as a workbook."""

    source_name: str
    source_kind: str
    facts: PlanFacts
    activities: tuple[dict, ...]
    steps: tuple[dict, ...]
    milestones: tuple[dict, ...]
    lists: dict[str, list]
    report: ImportReport

    @property
    def years(self) -> dict[int, int]:
        """Activities per plan year."""
        return dict(sorted(Counter(a[ActivityColumn.YEAR] for a in self.activities).items()))

    def summary(self) -> list[str]:
        """The import in a few lines, in the current language: what was read, then the report's summary."""
        per_year = ", ".join(
            _("{count} for {year}").format(count=count, year=year) for year, count in self.years.items()
        )
        suggested = Counter(line.column for line in self.report.of(ReportKind.SUGGESTED))
        shown = ", ".join(f"{_(column)} {suggested[column]}" for column in sorted(suggested)) or _("none")
        steps = len(self.steps)
        return [
            f"{self.facts.title or self.source_name} ({_(self.source_kind)})",
            _("{activities} ({per_year}), {steps}; Status left blank (Not reported)").format(
                activities=words.activities(len(self.activities)),
                per_year=per_year or _("none"),
                steps=n_("{n} step", "{n} steps", steps).format(n=steps),
            ),
            _("Suggested classification (for staff to confirm): {shown}").format(shown=shown),
            *summary_lines(self.report),
        ]


def import_plan(content: bytes, name: str, *, suggest: bool = True) -> PlanImport:
    """Read a plan document (.docx, a text export, an HTML table) into activities, steps and a report."""
    return import_document(read_source_bytes(content, name), suggest=suggest)


def import_document(document: SourceDocument, *, suggest: bool = True) -> PlanImport:
    report = ImportReport()
    parsed = parse_document(document, report)
    facts = read_facts(document.heading, document.trailing, parsed.years, report)
    for line in document.trailing:
        report.add(
            ReportKind.NOT_PLACED,
            where=_("below the table"),
            source=line,
            note=_("text below the table is not imported"),
        )
    activities = [dict(activity) for activity in parsed.activities]
    conventions = dict(CONVENTIONS)
    if suggest:
        _suggest(activities, parsed.steps, report, conventions)
    milestones = _sessions(facts)
    if milestones:
        names = "; ".join(m["Name"] for m in milestones)
        report.add(
            ReportKind.ASSUMED,
            column=contract.MILESTONES,
            became=names,
            note=_(
                "the document names no milestone dates: the General Conference sessions the dashboard knows of "
                "in and just after the plan's period were added; add later sessions when they are set"
            ),
        )
    else:
        report.add(
            ReportKind.UNSURE,
            column=contract.MILESTONES,
            note=_("no General Conference session known for the plan's period: add the milestones on their sheet"),
        )
    lists: dict[str, list] = {
        contract.LIST_DOMAIN: list(DOMAINS),
        contract.LIST_CONVENTION: list(conventions),
        contract.LIST_CONVENTION_TITLE: list(conventions.values()),
        contract.LIST_PROGRAMME: list(PROGRAMMES),
        contract.LIST_STATUS: list(Reported.typed_values()),
    }
    return PlanImport(
        document.name,
        document.kind,
        facts,
        tuple(activities),
        parsed.steps,
        tuple(milestones),
        lists,
        report,
    )


def _suggest(activities: list[dict], steps: tuple[dict, ...], report: ImportReport, conventions: dict) -> None:
    """Fill Domain, Convention and Programme with suggestions, each named in the activity's row and reported."""
    steps_of: dict[str, list[str]] = {}
    for step in steps:
        steps_of.setdefault(step[StepColumn.ACTIVITY_ID], []).append(step[StepColumn.DESCRIPTION])
    for activity in activities:
        aid = activity[ActivityColumn.ID]
        found = classify(
            activity[ActivityColumn.EVENT] or "", steps_of.get(aid, []), activity.get("Section") or "", DOMAINS
        )
        for suggestion in found.suggestions:
            activity[str(suggestion.column)] = suggestion.value
            if suggestion.column == ActivityColumn.CONVENTION and suggestion.value not in conventions:
                conventions[suggestion.value] = ""  # offered in the drop-down; its full title left for staff
            report.add(
                ReportKind.SUGGESTED,
                activity_id=aid,
                column=suggestion.column,
                source=activity[ActivityColumn.EVENT] or "",
                became=suggestion.value,
                note=_("suggested because {reason}; confirm or change it").format(reason=suggestion.reason),
            )
        for doubt in found.unsure:
            report.add(
                ReportKind.UNSURE,
                activity_id=aid,
                column=doubt.column,
                source=activity[ActivityColumn.EVENT] or "",
                note=_("left blank: {reason}").format(reason=doubt.reason),
            )
        columns = [str(s.column) for s in found.suggestions]
        activity[SUGGESTED_COLUMN] = (
            f"{', '.join(columns)}: suggested by the import, not yet confirmed" if columns else None
        )


def _sessions(facts: PlanFacts) -> list[dict]:
    """The General Conference sessions the dashboard knows of, from the plan's first year to shortly after it."""
    if facts.first_year is None:
        return []
    last = (facts.last_year or facts.first_year) + SESSIONS_AFTER_PLAN
    return [dict(m) for m in SEED_MILESTONES if facts.first_year <= m["Date"].year <= last]


def workbook_bytes(result: PlanImport) -> bytes:
    """The workbook in the contract (all sheets, drop-downs, formatting) with the sheet 'Import report'."""
    paragraphs = guide()  # in the current language: the CLI's --lang, the Data page's reader's language
    about = [
        result.facts.title or _("About this plan"),
        *about_rows(result.facts),
        _(
            "Imported from {source} on {day} with python -m actionplan import. Domain, Convention and Programme "
            "are suggestions read from the text (see the column '{column}' and the sheet '{sheet}'); confirm or "
            "change them, then clear that column."
        ).format(
            source=result.source_name,
            day=f"{dt.date.today():%Y-%m-%d}",
            column=SUGGESTED_COLUMN,
            sheet=REPORT_SHEET,
        ),
        *paragraphs,
    ]
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "plan.xlsx"
        write_workbook(
            written,
            [dict(a) for a in result.activities],
            [dict(s) for s in result.steps],
            [dict(m) for m in result.milestones],
            {name: list(values) for name, values in result.lists.items()},
            about,
        )
        workbook = load_workbook(written)
    about_sheet = workbook[contract.ABOUT]
    guide_row = len(about) - len(paragraphs) + 1
    about_sheet.cell(row=guide_row, column=1).font = Font(bold=True, size=12)
    write_report_sheet(workbook.create_sheet(REPORT_SHEET), result.report.ordered())
    workbook.properties.title = result.facts.title or result.source_name
    workbook.properties.keywords = "; ".join(filter(None, ("UNESCO", result.facts.country, "action plan")))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_import(result: PlanImport, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the workbook at `out`; an existing file is replaced only with `force` (raises FileExistsError)."""
    path = Path(out)
    content = workbook_bytes(result)
    if not force:
        with open(path, "xb") as handle:  # "x": fails if the file exists, even if it appeared a moment ago
            handle.write(content)
        return path
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
