"""Rows of a plan's table -> activities and steps: which column is which, year rows, an activity's rows joined
across page breaks, numbered and unnumbered steps split out of the mechanism, terms read as written.

    line 12  4.  | Implementation of the UNESCO     | 1. UNESCO's Secretariat will support the organization | 2021
    line 14      | 1972 World Heritage Convention   | of a national ... | 2. UNESCO's ... | 3. ...            |
        -> Draft(year=2021, no=4, event="Implementation of the UNESCO 1972 World Heritage Convention",
                 terms="2021", steps=["UNESCO's Secretariat will support the organization of a national ...", ...])

Every decision that is not a plain copy (a join, a split, an assumption, a row it could not place) is written to
the import report with the source row it came from.
"""

from __future__ import annotations

from ..i18n import _
from ..plan.contract import ActivityColumn, StepColumn
from ..plan.terms import parse_terms
from .cells import (
    DEFAULT_LAYOUT,
    MONTH_YEAR,
    NUMBER_CELL,
    YEAR_ROW,
    Draft,
    Layout,
    ParsedPlan,
    Role,
    _append,
    header_layout,
    header_words,
    split_steps,
    split_terms,
)
from .report import ImportReport, ReportKind
from .source import SourceDocument, SourceRow, clean


class _Reader:
    """Walks the rows once, keeping the layout, the current year and section, and the activity being read."""

    def __init__(self, document: SourceDocument, report: ImportReport) -> None:
        self.document = document
        self.report = report
        self.layout: Layout | None = None
        self.year: int | None = None
        self.section = ""
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.header_key: tuple[str, ...] = ()
        self.became: dict[str, str] = {}  # source row -> what it became, for the side-by-side

    # -------------------------------------------------------------------------------- rows
    def read(self) -> list[Draft]:
        rows = self.document.rows
        first_header = next((i for i, row in enumerate(rows) if header_layout(row) is not None), None)
        if first_header is None:
            width = max((len(row.cells) for row in rows), default=0)
            self.layout = Layout({role: i for i, role in enumerate(DEFAULT_LAYOUT[:width])}, assumed=True)
            self.report.add(
                ReportKind.ASSUMED,
                where=rows[0].where if rows else "",
                note=_("no header row naming the columns was found; read as No. | Event | Mechanism | Terms"),
            )
            first_header = -1
        for index, row in enumerate(rows):
            if index < first_header:
                self._before_table(row)
            elif index == first_header:
                self._header(row)
            else:
                self._row(row)
        return self.drafts

    def _before_table(self, row: SourceRow) -> None:
        self.became[row.where] = _("heading above the table")

    def _header(self, row: SourceRow) -> None:
        self.layout = header_layout(row)
        self.header_key = tuple(header_words(text) for text in row.distinct_texts())
        assert self.layout is not None
        read = ", ".join(f"{row.cells[i].text} -> {role.value}" for role, i in self.layout.roles.items())
        extra = ", ".join(self.layout.extra)
        kept = _("; kept as extra columns: {extra}").format(extra=extra) if extra else ""
        self.became[row.where] = _("header: {read}").format(read=read) + kept

    def _row(self, row: SourceRow) -> None:
        layout = self.layout
        assert layout is not None
        texts = row.distinct_texts()
        if not texts:
            if any(cell.merged_above and cell.text for cell in row.cells):
                self._continue(row)  # only cells merged from above: nothing new, but part of the activity
            else:
                self.report.add(ReportKind.SKIPPED, where=row.where, source=row.shown(), note=_("blank row"))
                self.became[row.where] = _("skipped (blank)")
            return
        if tuple(header_words(text) for text in texts) == self.header_key or header_layout(row) is not None:
            self.report.add(ReportKind.SKIPPED, where=row.where, source=row.shown(), note=_("the header row repeated"))
            self.became[row.where] = _("skipped (header repeated)")
            return
        number_cell = row.cell(layout.column(Role.NO))
        number_text = "" if number_cell.merged_above else number_cell.text
        if len(texts) == 1:
            year = YEAR_ROW.match(texts[0])
            if year:
                self.year = int(year.group(1))
                self.section = ""
                self.became[row.where] = _("year row: {year}").format(year=self.year)
                return
            lone = next(cell for cell in row.cells if cell.text and not cell.spanned and not cell.merged_above)
            spans = sum(1 for cell in row.cells if cell.spanned) > 0
            if (spans or lone is number_cell) and not NUMBER_CELL.match(texts[0]):
                self.section = texts[0]
                kept = _("section row: '{section}' (kept in the Section column)")
                self.became[row.where] = kept.format(section=self.section)
                return
        number = NUMBER_CELL.match(number_text)
        if number:
            self._start(row, int(number.group(1)))
        elif layout.column(Role.NO) is None and row.cell(layout.column(Role.EVENT)).text and not self._continues(row):
            self._start(row, None)
        elif self.current is not None:
            self._continue(row)
        else:
            self.report.add(
                ReportKind.NOT_PLACED,
                where=row.where,
                source=row.shown(),
                note=_("no activity number in this row and no activity above it to continue"),
            )
            self.became[row.where] = _("not placed")

    def _continues(self, row: SourceRow) -> bool:
        """Without a No. column: a row continues the activity above when its event text continues a sentence."""
        if self.current is None or not self.current.event:
            return False
        event = row.cell(self.layout.column(Role.EVENT)).paragraphs if self.layout else ()
        return bool(event) and event[0].text[:1].islower()

    def _year_for(self, row: SourceRow) -> tuple[int | None, str]:
        layout = self.layout
        assert layout is not None
        cell = row.cell(layout.column(Role.YEAR))
        if cell.text:
            match = YEAR_ROW.match(cell.text)
            if match:
                return int(match.group(1)), ""
        if self.year is not None:
            return self.year, ""
        span = parse_terms(row.cell(layout.column(Role.TERMS)).text)
        if span is not None:
            return span.start.year, _("no year row above it: the year is taken from its terms")
        return None, ""

    def _start(self, row: SourceRow, number: int | None) -> None:
        year, assumption = self._year_for(row)
        if number is None:
            number = 1 + sum(1 for draft in self.drafts if draft.year == year)
            numbered = _("the table has no No. column: numbered {number} in order").format(number=number)
            self.report.add(ReportKind.ASSUMED, where=row.where, note=numbered)
        draft = Draft(year, number, row.where, self.section)
        if assumption:
            self.report.add(ReportKind.ASSUMED, where=row.where, source=row.shown(), note=assumption)
        self.drafts.append(draft)
        self.current = draft
        self._take(row, draft, continued=False)

    def _continue(self, row: SourceRow) -> None:
        assert self.current is not None
        self._take(row, self.current, continued=True)

    def _take(self, row: SourceRow, draft: Draft, *, continued: bool) -> None:
        """Add a row's cells to the draft; a vertically merged cell counts once, in the row where it starts."""
        layout = self.layout
        assert layout is not None
        joined: list[str] = []
        filled = [
            role.value
            for role, index in layout.roles.items()
            if role is not Role.NO and row.cell(index).text and not row.cell(index).spanned
        ]
        draft.rows.append((row.where, tuple(filled)))

        def own(role: Role):
            cell = row.cell(layout.column(role))
            return cell if not cell.spanned else type(cell)()

        for role, parts in ((Role.EVENT, draft.event), (Role.MECHANISM, draft.mechanism)):
            cell = own(role)
            if cell.merged_above:
                continue
            if _append(parts, cell.paragraphs, numbered=role is Role.MECHANISM) and continued:
                joined.append(role.value)
        terms = own(Role.TERMS)
        if terms.merged_above and not continued and not draft.terms:
            draft.terms.extend(p.text for p in terms.paragraphs)  # one terms cell merged over several activities
            if terms.paragraphs:
                self.report.add(
                    ReportKind.ASSUMED,
                    where=row.where,
                    activity_id=f"{draft.year}-{draft.no:02d}" if draft.year and draft.no else "",
                    column=ActivityColumn.TERMS,
                    source=terms.text,
                    note=_("terms cell merged over several activities: each takes its terms"),
                )
        elif not terms.merged_above:
            draft.terms.extend(p.text for p in terms.paragraphs)
        for role, values in ((Role.LEAD, draft.lead), (Role.COUNTERPART, draft.counterpart)):
            cell = own(role)
            if cell.paragraphs and (not cell.merged_above or not continued):
                values.extend(p.text for p in cell.paragraphs)
        for name, index in layout.extra.items():
            cell = row.cell(index)
            if cell.paragraphs and not cell.spanned and (not cell.merged_above or not continued):
                draft.extra.setdefault(name, []).extend(p.text for p in cell.paragraphs)
        if joined:
            self.report.add(
                ReportKind.JOINED,
                where=row.where,
                activity_id=f"{draft.year}-{draft.no:02d}" if draft.year and draft.no else "",
                column=", ".join(joined),
                source=row.shown(),
                note=_("the row continues the activity above (a cell broken across a page); its text joined on"),
            )


def parse_document(document: SourceDocument, report: ImportReport) -> ParsedPlan:
    """The activities and steps of the document's table, each decision written to the report."""
    reader = _Reader(document, report)
    drafts = reader.read()
    activities: list[dict] = []
    steps: list[dict] = []
    used: set[str] = set()
    extra_columns: list[str] = []
    has_sections = any(draft.section for draft in drafts)
    for draft in drafts:
        if draft.year is None:
            report.add(
                ReportKind.NOT_PLACED,
                where=draft.where,
                source=" / ".join(p.text for p in draft.event),
                note=_("no year row above it, no Year column and no year in its terms: it cannot get an ID"),
            )
            continue
        activity_id = _free_id(draft, used, report)
        draft.activity_id = activity_id
        activity, activity_steps = _activity_rows(draft, report)
        if has_sections:
            activity["Section"] = draft.section or None
        for name, values in draft.extra.items():
            activity[name] = "\n".join(values)
            if name not in extra_columns:
                extra_columns.append(name)
        activities.append(activity)
        steps.extend(activity_steps)
    years = tuple(sorted({a[ActivityColumn.YEAR] for a in activities}))
    _side_by_side(document, drafts, reader.became, report)
    return ParsedPlan(tuple(activities), tuple(steps), years, tuple(extra_columns))


def _free_id(draft: Draft, used: set[str], report: ImportReport) -> str:
    """year-number; a number used twice in a year takes the next free one (reported)."""
    assert draft.year is not None and draft.no is not None
    activity_id = f"{draft.year}-{draft.no:02d}"
    if activity_id in used:
        number = draft.no
        while f"{draft.year}-{number:02d}" in used:
            number += 1
        report.add(
            ReportKind.ASSUMED,
            where=draft.where,
            activity_id=f"{draft.year}-{number:02d}",
            column=ActivityColumn.ID,
            source=activity_id,
            became=f"{draft.year}-{number:02d}",
            note=_("number {no} appears twice under {year}: the second takes the next free number").format(
                no=draft.no, year=draft.year
            ),
        )
        draft.no = number
        activity_id = f"{draft.year}-{number:02d}"
    used.add(activity_id)
    return activity_id


def _activity_rows(draft: Draft, report: ImportReport) -> tuple[dict, list[dict]]:
    """The Activities row and the Steps rows of one draft."""
    aid = draft.activity_id
    event = "\n".join(clean(p.text) for p in draft.event if clean(p.text))
    if not event:
        report.add(ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Event", note=_("the event is blank"))
    terms, dates, terms_note = split_terms(draft.terms)
    if terms_note:
        kind = ReportKind.SPLIT if dates else ReportKind.JOINED
        report.add(
            kind, where=draft.where, activity_id=aid, column="Terms", source=" / ".join(draft.terms), became=terms,
            note=terms_note,
        )  # fmt: skip
    if not terms:
        report.add(
            ReportKind.TERMS_NOT_READ, where=draft.where, activity_id=aid, column="Terms",
            note=_("no terms given: the activity is shown across its plan year {year}").format(year=draft.year),
        )  # fmt: skip
    elif parse_terms(terms, default_year=draft.year) is None:
        report.add(
            ReportKind.TERMS_NOT_READ, where=draft.where, activity_id=aid, column="Terms", source=terms,
            note=_("no date could be read: the activity is shown across its plan year {year}").format(year=draft.year),
        )  # fmt: skip
    descriptions, notes = split_steps(draft.mechanism)
    for note in notes:
        report.add(
            ReportKind.SPLIT, where=draft.where, activity_id=aid, column="Steps",
            source=" / ".join(p.text for p in draft.mechanism), note=note,
        )  # fmt: skip
    step_terms: list[str | None] = [None] * len(descriptions)
    if dates and descriptions:
        if len(descriptions) >= len(dates):
            for index in range(len(descriptions)):
                step_terms[index] = dates[min(index, len(dates) - 1)]
            note = _("the {n} dates of its terms given to steps 1-{n} in order").format(n=len(dates))
            if len(descriptions) > len(dates):
                first, last = len(dates) + 1, len(descriptions)
                which = (
                    _("; step {first} takes the last date, '{date}'")
                    if first == last
                    else _("; steps {first}-{last} take the last date, '{date}'")
                )
                note += which.format(first=first, last=last, date=dates[-1])
            report.add(ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms", note=note)
        else:
            report.add(
                ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms",
                note=_("{dates} dates for {steps} steps: not given to the steps").format(dates=len(dates), steps=len(descriptions)),
            )  # fmt: skip
    for index, description in enumerate(descriptions):
        if step_terms[index] is None:
            mentions = MONTH_YEAR.findall(description)
            if len(mentions) == 1:
                step_terms[index] = mentions[0]
                report.add(
                    ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms",
                    source=description, became=mentions[0],
                    note=_("step {n} names its own date in its text: taken as its terms").format(n=index + 1),
                )  # fmt: skip
    activity = {
        ActivityColumn.ID.value: aid,
        ActivityColumn.YEAR.value: draft.year,
        ActivityColumn.NO.value: draft.no,
        ActivityColumn.EVENT.value: event,
        ActivityColumn.TERMS.value: terms or None,
        ActivityColumn.COUNTERPART.value: "; ".join(draft.counterpart) or None,
        ActivityColumn.LEAD.value: "; ".join(draft.lead) or None,
    }
    steps = [
        {
            StepColumn.ACTIVITY_ID.value: aid,
            StepColumn.STEP.value: number,
            StepColumn.DESCRIPTION.value: description,
            StepColumn.TERMS.value: step_terms[number - 1],
        }
        for number, description in enumerate(descriptions, start=1)
    ]
    return activity, steps


def _side_by_side(document: SourceDocument, drafts: list[Draft], became: dict[str, str], report: ImportReport) -> None:
    """A 'Source row' line for every row of the document, in its order: what the row became."""
    activity_of: dict[str, str] = {}
    for draft in drafts:
        label = draft.activity_id or _("not placed (no year)")
        for index, (where, filled) in enumerate(draft.rows):
            what = _("{activity} (continued)").format(activity=label) if index else label
            became[where] = what + (f": {', '.join(filled)}" if filled else "")
            activity_of[where] = draft.activity_id
    for row in document.rows:
        report.add(
            ReportKind.SOURCE_ROW,
            where=row.where,
            activity_id=activity_of.get(row.where, ""),
            source=row.shown(),
            became=became.get(row.where, ""),
        )
