"""Terms of implementation, as staff write them, turned into an inclusive start and end date.

The plan writes its terms as free text: "2021", "March-December 2021", "2nd and 3rd quarter 2023",
"November, 2021", "3th quarter of 2023", or a list of dates. Staff add forms such as "Q4 2024",
"1st half of 2024", "H2 2025", "May 2024 - February 2025", "15 March 2024" and "2024-2025".

The parser reads the text as a sequence of date mentions (a year, a month, a day, a quarter, a half),
gives each mention without a year the next year written after it (else the one before it, else the plan
year), and returns the span from the earliest start to the latest end. A text with no date in it
("sometime next year") is not parsed: the caller reports it and falls back on the plan year.
"""

from __future__ import annotations

import calendar
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

YEARS = range(1900, 2200)  # the years a plan can name; a number outside is not read as a year

# Coarsest last: the precision of a span is that of its coarsest mention.
PRECISIONS: tuple[str, ...] = ("day", "month", "quarter", "half", "year")

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

ORDINALS: dict[str, int] = {
    "1st": 1,
    "first": 1,
    "i": 1,
    "1": 1,
    "1th": 1,
    "2nd": 2,
    "second": 2,
    "ii": 2,
    "2": 2,
    "2th": 2,
    "3rd": 3,
    "third": 3,
    "iii": 3,
    "3": 3,
    "3th": 3,
    "4th": 4,
    "fourth": 4,
    "iv": 4,
    "4": 4,
}

_TOKEN = re.compile(
    r"""
    (?P<iso>\d{4}-\d{1,2}-\d{1,2})                 # 2024-03-15
  | (?P<dmy>\d{1,2}[./]\d{1,2}[./]\d{4})            # 15.03.2024 or 15/03/2024
  | (?P<qy>[qh][1-4](?=\W|$|\d{4}))                 # Q4, H2
  | (?P<yq>\d{4}\s*-?\s*[qh][1-4]\b)                # 2024-Q4, 2024 Q4
  | (?P<word>[a-z]+|\d+(?:st|nd|rd|th)?)
  | (?P<dash>[-\u2013\u2014]|\bto\b|\buntil\b|\btill\b|\bthrough\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of days, with the precision the text gave it."""

    start: date
    end: date
    precision: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass
class _Mention:
    """One date mention found in the text; year is filled in later when the text gives it elsewhere."""

    kind: str  # year | month | day | quarter | half
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: int | None = None  # quarter 1-4 or half 1-2

    def span(self) -> tuple[date, date, str]:
        year = self.year
        assert year is not None
        if self.kind == "year":
            return date(year, 1, 1), date(year, 12, 31), "year"
        if self.kind == "quarter":
            assert self.part is not None
            first = 3 * (self.part - 1) + 1
            return date(year, first, 1), _month_end(year, first + 2), "quarter"
        if self.kind == "half":
            assert self.part is not None
            first = 6 * (self.part - 1) + 1
            return date(year, first, 1), _month_end(year, first + 5), "half"
        assert self.month is not None
        if self.kind == "month":
            return date(year, self.month, 1), _month_end(year, self.month), "month"
        assert self.day is not None
        day = date(year, self.month, self.day)
        return day, day, "day"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and int(word) in YEARS


def _mentions(text: str) -> list[_Mention]:
    """Scan the text left to right into date mentions; words that are not dates are skipped."""
    tokens = [(m.lastgroup, m.group(0).lower()) for m in _TOKEN.finditer(text)]
    found: list[_Mention] = []
    ordinals: list[int] = []  # ordinals seen before "quarter"/"half": "2nd and 3rd quarter"
    index = 0
    while index < len(tokens):
        kind, word = tokens[index]
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        previous = tokens[index - 1][1] if index else ""
        if kind == "iso":
            year, month, day = (int(piece) for piece in word.split("-"))
            found.append(_Mention("day", year, month, day))
        elif kind == "dmy":
            day, month, year = (int(piece) for piece in re.split(r"[./]", word))
            found.append(_Mention("day", year, month, day))
        elif kind == "qy":
            found.append(_Mention("quarter" if word[0] == "q" else "half", part=int(word[1])))
        elif kind == "yq":
            compact = re.sub(r"[\s-]", "", word)
            found.append(_Mention("quarter" if compact[4] == "q" else "half", int(compact[:4]), part=int(compact[5])))
        elif kind == "word":
            if _is_year(word):
                found.append(_Mention("year", int(word)))
            elif word in MONTHS:
                found.append(_Mention("month", month=MONTHS[word]))
            elif word in ORDINALS and following.startswith(("quarter", "qtr", "half", "semester")):
                kind_name = "half" if following.startswith(("half", "semester")) else "quarter"
                found.extend(_Mention(kind_name, part=part) for part in [*ordinals, ORDINALS[word]])
                ordinals = []
                index += 1  # the "quarter"/"half" word is consumed
            elif following.startswith(("quarter", "half")) and re.fullmatch(r"\d+(st|nd|rd|th)?", word):
                raise ValueError(f"there is no {word} {following}")  # "5th quarter": refuse rather than guess
            elif word in ORDINALS and following in ("and", ","):
                ordinals.append(ORDINALS[word])
            elif word.isdigit() and 1 <= int(word) <= 31 and following in MONTHS:
                found.append(_Mention("day", month=MONTHS[following], day=int(word)))  # "15 March"
                index += 1
            elif word.isdigit() and 1 <= int(word) <= 31 and previous in MONTHS and found and found[-1].kind == "month":
                found[-1].kind, found[-1].day = "day", int(word)  # "March 15"
        index += 1
    return found


def _assign_years(mentions: list[_Mention], default_year: int | None) -> list[_Mention]:
    """Give each mention without a year the next year written after it, else the last one before it.

    A year written after months or quarters only names their year ("March-December 2021"); a year with nothing
    waiting for it is a span of its own ("2024-2025"), unless what follows takes it as a prefix ("2023, Q2").
    """
    dated: list[_Mention] = []
    waiting: list[_Mention] = []
    last_year: _Mention | None = None
    for mention in mentions:
        if mention.kind == "year":
            if waiting:
                for pending in waiting:
                    pending.year = mention.year
                dated.extend(waiting)
                waiting = []
            else:
                dated.append(mention)
            last_year = mention
        elif mention.year is None:
            waiting.append(mention)
        else:
            dated.append(mention)
    if waiting:
        year = last_year.year if last_year else default_year
        if last_year is not None and last_year in dated:
            dated.remove(last_year)  # "2023, 2nd quarter": the year was a prefix, not a span
        for pending in waiting:
            pending.year = year
        dated.extend(pending for pending in waiting if pending.year is not None)
    return dated


def parse_terms(text: object, default_year: int | None = None) -> DateSpan | None:
    """The inclusive span a terms text gives, or None when it names no date.

    >>> parse_terms("March-December 2021")
    DateSpan(start=datetime.date(2021, 3, 1), end=datetime.date(2021, 12, 31), precision='month')

    `default_year` (the plan year) dates mentions that carry no year, e.g. "2nd quarter".
    """
    if text is None:
        return None
    if isinstance(text, datetime):
        return DateSpan(text.date(), text.date(), "day")
    if isinstance(text, date):
        return DateSpan(text, text, "day")
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if not math.isfinite(text):
            return None
        number = int(text)
        if float(text) == number and number in YEARS:
            return DateSpan(date(number, 1, 1), date(number, 12, 31), "year")
        return None
    words = str(text).strip()
    if not words:
        return None
    try:
        mentions = _assign_years(_mentions(words), default_year)
        spans = [mention.span() for mention in mentions]
    except (ValueError, TypeError, AssertionError):
        return None  # e.g. "31 February 2024" or "5th quarter"
    if not spans:
        return None
    precision = max((span[2] for span in spans), key=PRECISIONS.index)
    return DateSpan(min(span[0] for span in spans), max(span[1] for span in spans), precision)


EXCEL_EPOCHS = {False: date(1899, 12, 30), True: date(1904, 1, 1)}  # day 0 of the 1900 and 1904 date systems
LAST_SERIAL = {False: 2958465, True: 2957003}  # 31 Dec 9999


def parse_date_cell(value: object, *, date1904: bool = False) -> date | None:
    """A Start/End/Last update cell: a real date, an Excel serial number, or text holding one day.

    `date1904`: the workbook counts its serial numbers from 1904 (Excel for Mac's old date system).
    Raises ValueError when the cell holds something that is not a single date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN
            return None
        if 1 <= value <= LAST_SERIAL[date1904]:
            return date.fromordinal(EXCEL_EPOCHS[date1904].toordinal() + int(value))
        raise ValueError(f"{value!r} is not a date")
    span = parse_terms(str(value))
    if span is None or span.precision != "day":
        raise ValueError(f"{value!r} is not a single date")
    return span.start


@functools.lru_cache(maxsize=65_536)
def _parse_terms_cached(text: object, default_year: int | None) -> DateSpan | None:
    return parse_terms(text, default_year)


def parse_terms_once(texts: Iterable[object], default_years: Iterable[int | None]) -> list[DateSpan | None]:
    """`parse_terms` for a whole column: each distinct (terms, plan year) is parsed once.

    A plan repeats its terms ("2022", "Q4 2024", "March-December 2021"), so a column of ten thousand usually holds
    a few hundred distinct texts. DateSpan is frozen, so a cached span can be shared. Unhashable cells are parsed
    one by one.
    """
    return [parse_terms_cached(text, year) for text, year in zip(texts, default_years, strict=True)]


def parse_terms_cached(text: object, default_year: int | None = None) -> DateSpan | None:
    """`parse_terms`, remembered per (terms, plan year): the loader's way to read a column of repeated terms."""
    try:
        return _parse_terms_cached(text, default_year)
    except TypeError:  # an unhashable cell
        return parse_terms(text, default_year)
