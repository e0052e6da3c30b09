"""The cells of a plan's table: which column is which, year rows, steps split out of a mechanism cell, terms
split from the text around them. Pure functions, tested one by one (tests/test_import_parts.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..i18n import _
from ..plan.terms import MONTHS, parse_terms
from .source import Paragraph, SourceRow, clean


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
            notes.append(_("one paragraph held {n} numbered steps").format(n=len(pieces)))
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
        kept = (
            _("{n} dates (lines) kept as a list separated by '; '")
            if len(fragments) > 1
            else _("{n} dates (dates run together on one line) kept as a list separated by '; '")
        )
        return "; ".join(pieces), pieces, kept.format(n=len(pieces))
    text = clean(" ".join(fragments))
    note = _("{n} pieces joined with a space").format(n=len(fragments)) if len(fragments) > 1 else ""
    return text, [], note
