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

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..plan.contract import ActivityColumn, StepColumn
from ..plan.terms import MONTHS, parse_terms
from .report import ImportReport, ReportKind
from .source import Paragraph, SourceDocument, SourceRow, clean


class Role(StrEnum):
    """What a column of the plan's table holds."""

    NO = "No."
    YEAR = "Year"
    EVENT = "Event"
    MECHANISM = "Mechanism"
    TERMS = "Terms"
    LEAD = "National lead"
    COUNTERPART = "UNESCO counterpart"


# A header cell's words (lower case, letters and digits only) -> its role; the first test that matches wins.
_HEADER_TESTS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.NO, re.compile(r"^(no|n|nr|num|number|item|itemno|#|№|№пп|пп|no\.?)$")),
    (Role.YEAR, re.compile(r"^(year|planyear|years)$")),
    (Role.MECHANISM, re.compile(r"mechanism|steps?$|^implementation$|^actions?tobetaken|^forms?of|^methods?")),
    (Role.TERMS, re.compile(r"term|deadline|time ?frame|timeline|timing|dates?$|period|schedule|^when$|duration")),
    (Role.COUNTERPART, re.compile(r"counterpart|unesco(side|partner|sector|unit)|unescoresponsible")),
    (Role.LEAD, re.compile(r"responsible|lead|executor|implementing(agency|body|organi[sz]ation)|nationalpartner")),
    (Role.EVENT, re.compile(r"^(events?|activit(y|ies)|measures?|actions?|title|nameof.*|description|subject)$")),
)
# Without a header row, a four-column table is read as the plan's usual layout.
DEFAULT_LAYOUT: tuple[Role, ...] = (Role.NO, Role.EVENT, Role.MECHANISM, Role.TERMS)

YEAR_ROW = re.compile(r"^(?:(?:year|plan year)\s+)?((?:19|20|21)\d{2})(?:\s*(?:year|y\.|г\.?|год|yil|yılı))?\.?$", re.I)
NUMBER_CELL = re.compile(r"^(\d{1,3})\s*[.)]?$")
# A step's own number at the start of a paragraph: "1. ", "2.UNESCO", "3) " (not "2.5 million", not "1970 ").
LEADING_NUMBER = re.compile(r"^(\d{1,2})\s*[.)]\s*(?=[^\d\s.)]|$)")
BULLET = re.compile(r"^[\u2022\u2023\u25aa\u25cf\u25e6\u2043\u00b7*\-\u2013\u2014\u25a0\u25a1\u27a2\u2713]\s+")
# Text ending like this ends a sentence or a quotation: the next row starts a new paragraph.
SENTENCE_END = (".", "!", "?", ";", ":", "»", "”", '"')
# In a text export a list of dates arrives on one line: "January 2023 March 2023 April 2023 3th quarter of 2023".
# A year followed by a space and something that is not a dash or "to" ends one date and starts the next.
DATE_BOUNDARY = re.compile(r"(?<=\b\d{4})\s+(?=(?![-\u2013\u2014]|to\b|till\b|until\b|and\b|through\b)\S)", re.I)
MONTH_YEAR = re.compile(
    r"\b((?:" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + r"),?\s+\d{4})\b",
    re.I,
)


def header_words(text: str) -> str:
    return re.sub(r"[^\w№#]", "", text.casefold())


def role_of(text: str) -> Role | None:
    """The role a header cell names, or None."""
    words = header_words(text)
    if not words:
        return None
    for role, test in _HEADER_TESTS:
        if test.search(words):
            return role
    return None


@dataclass
class Layout:
    """Which grid column holds which role; other headed columns are carried over as extra columns."""

    roles: dict[Role, int]
    extra: dict[str, int] = field(default_factory=dict)
    assumed: bool = False

    def column(self, role: Role) -> int | None:
        return self.roles.get(role)


def header_layout(row: SourceRow) -> Layout | None:
    """The layout a header row gives, when it names the event and at least one other role."""
    roles: dict[Role, int] = {}
    extra: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        if cell.spanned or not cell.text:
            continue
        role = role_of(cell.text)
        if role is not None and role not in roles:
            roles[role] = index
        else:
            extra[cell.text] = index
    if Role.EVENT in roles and len(roles) >= 2:
        return Layout(roles, extra)
    return None


@dataclass
class Draft:
    """An activity being read: its rows so far and the text of each column, paragraph by paragraph."""

    year: int | None
    no: int | None
    where: str
    section: str = ""
    event: list[Paragraph] = field(default_factory=list)
    mechanism: list[Paragraph] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    counterpart: list[str] = field(default_factory=list)
    extra: dict[str, list[str]] = field(default_factory=dict)
    rows: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (where, columns it gave text to)
    activity_id: str = ""


@dataclass(frozen=True)
class ParsedPlan:
    """What the table holds: activity rows and step rows keyed by the contract's columns, the years seen."""

    activities: tuple[dict, ...]
    steps: tuple[dict, ...]
    years: tuple[int, ...]
    extra_columns: tuple[str, ...]


def should_join(before: str, after: str) -> bool:
    """Whether text continued in the next row belongs to the same paragraph: the first does not end a sentence,
    or the second starts in lower case."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    return not before.endswith(SENTENCE_END) or after[0].islower()


def _append(parts: list[Paragraph], incoming: tuple[Paragraph, ...], numbered: bool) -> bool:
    """Add a continued cell's paragraphs; the first is joined to the last one there when it continues it (and, for
    a mechanism, does not start a numbered step). Returns True when a join happened."""
    joined = False
    incoming = tuple(p for p in incoming if p.text)
    if parts and incoming:
        first = incoming[0]
        starts_step = numbered and (first.item or LEADING_NUMBER.match(first.text) is not None)
        if not starts_step and should_join(parts[-1].text, first.text):
            parts[-1] = Paragraph(clean(f"{parts[-1].text} {first.text}"), parts[-1].item)
            incoming = incoming[1:]
            joined = True
    parts.extend(incoming)
    return joined


def split_steps(paragraphs: list[Paragraph]) -> tuple[list[str], list[str]]:
    """The steps of a mechanism, numbering dropped, and notes on what was split.

    Each paragraph is a step (numbered or not, as the plan lays them out); inside a paragraph the next number in
    sequence ("... agenda 3. Organization ...") starts a new step, as text exports run numbered items together.
    """
    steps: list[str] = []
    notes: list[str] = []
    expected = 1
    for paragraph in paragraphs:
        text = BULLET.sub("", paragraph.text).strip()
        if not text:
            continue
        match = LEADING_NUMBER.match(text)
        if match:
            expected = int(match.group(1)) + 1
            text = text[match.end() :].strip()
        elif paragraph.item:
            expected += 1
        pieces = [text]
        while True:
            inline = re.search(rf"(?<=\s){expected}\s*[.)]\s*(?=[^\d\s.)])", pieces[-1])
            if inline is None:
                break
            head, tail = pieces[-1][: inline.start()].strip(), pieces[-1][inline.end() :].strip()
            if not head or not tail:
                break
            pieces[-1:] = [head, tail]
            expected += 1
        if len(pieces) > 1:
            notes.append(f"one paragraph held {len(pieces)} numbered steps")
        steps.extend(piece for piece in pieces if piece)
    return steps, notes


def split_terms(fragments: list[str]) -> tuple[str, list[str], str]:
    """(terms as written, the dates when it is a list of dates, a note on what was joined or split).

    "2nd quarter" + "2023" (a cell broken across rows) -> "2nd quarter 2023"; four dates on four lines, or run
    together on one line of a text export -> "January 2023; March 2023; April 2023; 3th quarter of 2023".
    """
    fragments = [clean(f) for f in fragments if clean(f)]
    if not fragments:
        return "", [], ""
    pieces = [piece for fragment in fragments for piece in DATE_BOUNDARY.split(fragment) if piece.strip()]
    if len(pieces) > 1 and all(parse_terms(piece) is not None for piece in pieces):
        how = "lines" if len(fragments) > 1 else "dates run together on one line"
        return "; ".join(pieces), pieces, f"{len(pieces)} dates ({how}) kept as a list separated by '; '"
    text = clean(" ".join(fragments))
    note = f"{len(fragments)} pieces joined with a space" if len(fragments) > 1 else ""
    return text, [], note


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
                note="no header row naming the columns was found; read as No. | Event | Mechanism | Terms",
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
        self.became[row.where] = "heading above the table"

    def _header(self, row: SourceRow) -> None:
        self.layout = header_layout(row)
        self.header_key = tuple(header_words(text) for text in row.distinct_texts())
        assert self.layout is not None
        read = ", ".join(f"{row.cells[i].text} -> {role.value}" for role, i in self.layout.roles.items())
        extra = ", ".join(self.layout.extra)
        self.became[row.where] = f"header: {read}" + (f"; kept as extra columns: {extra}" if extra else "")

    def _row(self, row: SourceRow) -> None:
        layout = self.layout
        assert layout is not None
        texts = row.distinct_texts()
        if not texts:
            if any(cell.merged_above and cell.text for cell in row.cells):
                self._continue(row)  # only cells merged from above: nothing new, but part of the activity
            else:
                self.report.add(ReportKind.SKIPPED, where=row.where, source=row.shown(), note="blank row")
                self.became[row.where] = "skipped (blank)"
            return
        if tuple(header_words(text) for text in texts) == self.header_key or header_layout(row) is not None:
            self.report.add(ReportKind.SKIPPED, where=row.where, source=row.shown(), note="the header row repeated")
            self.became[row.where] = "skipped (header repeated)"
            return
        number_cell = row.cell(layout.column(Role.NO))
        number_text = "" if number_cell.merged_above else number_cell.text
        if len(texts) == 1:
            year = YEAR_ROW.match(texts[0])
            if year:
                self.year = int(year.group(1))
                self.section = ""
                self.became[row.where] = f"year row: {self.year}"
                return
            lone = next(cell for cell in row.cells if cell.text and not cell.spanned and not cell.merged_above)
            spans = sum(1 for cell in row.cells if cell.spanned) > 0
            if (spans or lone is number_cell) and not NUMBER_CELL.match(texts[0]):
                self.section = texts[0]
                self.became[row.where] = f"section row: '{self.section}' (kept in the Section column)"
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
                note="no activity number in this row and no activity above it to continue",
            )
            self.became[row.where] = "not placed"

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
            return span.start.year, "no year row above it: the year is taken from its terms"
        return None, ""

    def _start(self, row: SourceRow, number: int | None) -> None:
        year, assumption = self._year_for(row)
        if number is None:
            number = 1 + sum(1 for draft in self.drafts if draft.year == year)
            self.report.add(
                ReportKind.ASSUMED, where=row.where, note=f"the table has no No. column: numbered {number} in order"
            )
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
                    note="terms cell merged over several activities: each takes its terms",
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
                note="the row continues the activity above (a cell broken across a page); its text joined on",
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
                note="no year row above it, no Year column and no year in its terms: it cannot get an ID",
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
            note=f"number {draft.no} appears twice under {draft.year}: the second takes the next free number",
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
        report.add(ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Event", note="the event is blank")
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
            note=f"no terms given: the activity is shown across its plan year {draft.year}",
        )  # fmt: skip
    elif parse_terms(terms, default_year=draft.year) is None:
        report.add(
            ReportKind.TERMS_NOT_READ, where=draft.where, activity_id=aid, column="Terms", source=terms,
            note=f"no date could be read: the activity is shown across its plan year {draft.year}",
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
            note = f"the {len(dates)} dates of its terms given to steps 1-{len(dates)} in order"
            if len(descriptions) > len(dates):
                rest = len(dates) + 1, len(descriptions)
                which = f"step {rest[0]} takes" if rest[0] == rest[1] else f"steps {rest[0]}-{rest[1]} take"
                note += f"; {which} the last date, '{dates[-1]}'"
            report.add(ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms", note=note)
        else:
            report.add(
                ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms",
                note=f"{len(dates)} dates for {len(descriptions)} steps: not given to the steps",
            )  # fmt: skip
    for index, description in enumerate(descriptions):
        if step_terms[index] is None:
            mentions = MONTH_YEAR.findall(description)
            if len(mentions) == 1:
                step_terms[index] = mentions[0]
                report.add(
                    ReportKind.ASSUMED, where=draft.where, activity_id=aid, column="Steps Terms",
                    source=description, became=mentions[0],
                    note=f"step {index + 1} names its own date in its text: taken as its terms",
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
        label = draft.activity_id or "not placed (no year)"
        for index, (where, filled) in enumerate(draft.rows):
            what = f"{label}" + (" (continued)" if index else "")
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
