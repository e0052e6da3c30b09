"""The import report: what the importer could not place, what it joined, split or assumed, what it suggested and
what it left blank, and each source row beside what it became; as lines, as a summary, and as a sheet.

    Kind              Where       Activity ID  Column  Source                           Became            Note
    Not placed        line 80     -            -       Signed: ...                      -                 no activity
    Joined            line 14     2021-04      Event   Implementation of the UNESCO ... "... Convention"  split across rows
    Suggested         -           2021-04      Domain  -                                Culture           from "heritage"
    Source row        line 12     2021-04      -       4. | Implementation of ... | 2021 2021-04 Event, ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import N_, _
from ..plan.workbook import HEADER_ALIGNMENT, HEADER_BORDER, HEADER_FILL, HEADER_FONT, put_value

REPORT_SHEET = "Import report"


class ReportKind(StrEnum):
    """What a report line says happened, and whether staff must look at it (`needs_look`)."""

    meaning: str
    needs_look: bool

    NOT_PLACED = N_("Not placed"), N_("a row of the document the importer could not turn into anything"), True
    TERMS_NOT_READ = (
        N_("Terms not read"),
        N_("terms the dashboard cannot turn into dates; shown across the plan year"),
        True,
    )
    UNSURE = (
        N_("Unsure, left blank"),
        N_("left blank: the document states none, or several; for staff to fill in"),
        True,
    )
    ASSUMED = N_("Assumed"), N_("a reading the document does not state outright; check it"), True
    SUGGESTED = N_("Suggested"), N_("a classification proposed from the text, for staff to confirm or change"), False
    JOINED = N_("Joined"), N_("text split across rows or paragraphs, joined into one"), False
    SPLIT = N_("Split"), N_("one cell's text split into several steps or dates"), False
    SKIPPED = N_("Skipped"), N_("a row that holds no activity (a repeated header, a blank row)"), False
    FACT = N_("Plan fact"), N_("a fact of the plan read from the document's heading"), False
    SOURCE_ROW = N_("Source row"), N_("a row of the document and what it became"), False

    @classmethod
    def of(cls, value: object) -> ReportKind:
        """The kind named by this text (a report line's Kind)."""
        member = cls._value2member_map_[str(value)]
        assert isinstance(member, ReportKind)
        return member

    def __new__(cls, value: str, meaning: str, needs_look: bool) -> ReportKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        member.needs_look = needs_look
        return member


@dataclass(frozen=True)
class ReportLine:
    """One line of the import report."""

    kind: ReportKind
    where: str = ""
    activity_id: str = ""
    column: str = ""
    source: str = ""
    became: str = ""
    note: str = ""

    def as_record(self) -> dict[str, str]:
        return {
            "Kind": self.kind.value,
            "Where": self.where,
            "Activity ID": self.activity_id,
            "Column": self.column,
            "Source": self.source,
            "Became": self.became,
            "Note": self.note,
        }


REPORT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Kind", 18),
    ("Where", 16),
    ("Activity ID", 11),
    ("Column", 13),
    ("Source", 70),
    ("Became", 50),
    ("Note", 50),
)
# Lines staff must look at come first, then the suggestions, then what was joined or split, then the rows.
KIND_ORDER: tuple[ReportKind, ...] = (
    ReportKind.NOT_PLACED,
    ReportKind.TERMS_NOT_READ,
    ReportKind.UNSURE,
    ReportKind.ASSUMED,
    ReportKind.SUGGESTED,
    ReportKind.JOINED,
    ReportKind.SPLIT,
    ReportKind.SKIPPED,
    ReportKind.FACT,
    ReportKind.SOURCE_ROW,
)


@dataclass
class ImportReport:
    """The lines gathered while importing, in the order they were found."""

    lines: list[ReportLine] = field(default_factory=list)

    def add(self, kind: ReportKind, **details: str) -> None:
        self.lines.append(ReportLine(kind, **{key: str(value) for key, value in details.items()}))

    def of(self, kind: ReportKind) -> list[ReportLine]:
        return [line for line in self.lines if line.kind == kind]

    def ordered(self) -> list[ReportLine]:
        """Lines grouped by kind in KIND_ORDER, each group in the document's order."""
        return sorted(self.lines, key=lambda line: KIND_ORDER.index(line.kind))

    def counts(self) -> Counter:
        return Counter(line.kind for line in self.lines)


def summary_lines(report: ImportReport, limit: int = 12) -> list[str]:
    """What the CLI prints: a count per kind, then the lines staff must look at (at most `limit` per kind)."""
    counts = report.counts()
    shown = ", ".join(f"{_(kind.value).lower()} {counts[kind]}" for kind in KIND_ORDER if counts[kind])
    lines = [_("Report: {shown}").format(shown=shown or _("nothing to report"))]
    for kind in KIND_ORDER:
        if not kind.needs_look or not counts[kind]:
            continue
        lines.append(f"{_(kind.value)} ({counts[kind]}): {_(kind.meaning)}")
        for line in report.of(kind)[:limit]:
            place = " ".join(part for part in (line.where, line.activity_id, line.column) if part)
            what = line.became or line.source
            lines.append(f"  {place}: {_short(what)}" + (f" ({line.note})" if line.note else ""))
        if counts[kind] > limit:
            more = _("... and {n} more in the sheet '{sheet}'").format(n=counts[kind] - limit, sheet=REPORT_SHEET)
            lines.append(f"  {more}")
    return lines


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


NEEDS_LOOK_FILL = PatternFill(fill_type="solid", start_color="FFFCE4D6", end_color="FFFCE4D6")
SUGGESTED_FILL = PatternFill(fill_type="solid", start_color="FFFFF2CC", end_color="FFFFF2CC")


def write_report_sheet(ws: Worksheet, lines: Sequence[ReportLine] | Iterable[ReportLine]) -> None:
    """The report as a filterable table: a styled header, one row per line, lines to look at shaded."""
    for index, (name, width) in enumerate(REPORT_COLUMNS, start=1):
        cell = ws.cell(row=1, column=index, value=name)
        cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT, HEADER_BORDER
        ws.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    count = 0
    for row, line in enumerate(lines, start=2):
        count += 1
        record = line.as_record()
        for index, (name, _width) in enumerate(REPORT_COLUMNS, start=1):
            cell = ws.cell(row=row, column=index)
            put_value(cell, record[name])
            cell.alignment = wrap
            if line.kind.needs_look:
                cell.fill = NEEDS_LOOK_FILL
            elif line.kind == ReportKind.SUGGESTED:
                cell.fill = SUGGESTED_FILL
        if line.kind.needs_look:
            ws.cell(row=row, column=1).font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(REPORT_COLUMNS))}{count + 1}"
