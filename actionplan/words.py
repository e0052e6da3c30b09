"""How the app says things, in one place: cells as text, days, spans and quarters in the reader's language, counts
with their plurals, short titles, and the two ways workbook text leaves the app safely (as Markdown, and as a cell
of a download).

Imports nothing else from actionplan but the language machinery (`i18n`), so every capability can use it. English
keeps the app's own day format (`8 Nov 2021`); other languages take their dates, months, quarters and numbers from
Babel's CLDR data for their locale (`7 нояб. 2023 г.`, `2023 4-nji çärýek`).
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime

import pandas as pd
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_decimal

from .i18n import DEFAULT, N_, _, current, n_

SHORT_TITLE_LENGTH = 50  # a Gantt row label: the hover and the Activities page have the whole event
NO_DATES = N_("no dates")
EN_DASH = "\u2013"

# What a spreadsheet would take as the start of a formula. A tab or a return starts one in some readers too.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@")
FORMULA_PREFIXES: tuple[str, ...] = (*FORMULA_STARTS, "\t", "\r")

# Escaped anywhere: emphasis, code, links and images ([ ]), HTML (< >), tables, strikethrough, maths ($), and
# Streamlit's :icon: / :colour[text]: shortcodes (:). Escaped at a line's start only: list, heading and quote markers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$:])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)


# ---------------------------------------------------------------------------------------------------------------
# Cells


def is_blank(value: object) -> bool:
    """True for an empty cell: None, NaN/NaT/NA, or text of white space only."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not one blank cell
        return False


def cell_text(value: object) -> str:
    """A cell as people read it: stripped text, '' for a blank, whole numbers without '.0', dates as YYYY-MM-DD."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def cell_or_none(value: object) -> str | None:
    """`cell_text`, with None for a blank cell (for tables where blank and '' must differ)."""
    return cell_text(value) or None


# ---------------------------------------------------------------------------------------------------------------
# Days and spans


def _foreign() -> bool:
    """True when the work under way speaks a language other than English (Babel formats its dates)."""
    return current().lang != DEFAULT


def day(value: object) -> str:
    """`8 Nov 2021` (`8 нояб. 2021 г.`, `8 noý 2021`); '' for a missing date."""
    if is_blank(value):
        return ""
    when = pd.Timestamp(value)  # type: ignore[arg-type]
    if _foreign():
        return format_skeleton("yMMMd", when.date(), locale=current().locale)
    return f"{when.day} {when:%b %Y}"


def moment(value: datetime) -> str:
    """A day and a time of day: `07 Dec 2026 14:05` (`7 дек. 2026 г. 14:05`)."""
    if _foreign():
        return f"{day(value)} {value:%H:%M}"
    return f"{value:%d %b %Y %H:%M}"


def span(start: object, end: object) -> str:
    """An inclusive span: `7–22 Nov 2023`, `1 Mar – 31 Dec 2021`, `25 Nov 2021 – 22 Nov 2023`, one day alone.

    The dash is closed between two numbers and spaced where either side has a space (the usual typographic rule).
    Other languages take the locale's own interval format (`7–22 нояб. 2023 г.`).
    """
    if is_blank(start) or is_blank(end):
        return _(NO_DATES)
    first, last = pd.Timestamp(start), pd.Timestamp(end)  # type: ignore[arg-type]
    if first == last:
        return day(first)
    if _foreign():
        return format_interval(first.date(), last.date(), "yMMMd", locale=current().locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{EN_DASH}{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} {EN_DASH} {day(last)}"
    return f"{day(first)} {EN_DASH} {day(last)}"


def quarter(year: int, number: int, *, short: bool = True, with_year: bool = True) -> str:
    """A quarter in the reader's language, from CLDR.

    short: `Q3 2023`, `3-й кв. 2023 г.`, `2023 3Ç` (a chart's ticks); long: `3rd quarter 2023`,
    `3-й квартал 2023 г.`, `2023 3-nji çärýek`. Without the year: `Q3`, `3-й кв.`, `3-nji çärýek`.
    """
    first_day = date(int(year), 3 * int(number) - 2, 1)
    locale = current().locale
    if with_year:
        return format_skeleton("yQQQ" if short else "yQQQQ", first_day, locale=locale)
    return format_date(first_day, "QQQ" if short else "QQQQ", locale=locale)


def month(value: object) -> str:
    """A month and its year: `Mar 2021`, `мар. 2021 г.`, `mart 2021`; '' for a missing date."""
    if is_blank(value):
        return ""
    when = pd.Timestamp(value)  # type: ignore[arg-type]
    if _foreign():
        return format_skeleton("yMMM", when.date(), locale=current().locale)
    return f"{when:%b %Y}"


def number(value: int | float, decimals: int | None = None) -> str:
    """A number as the reader writes it: `12,345` in English, `12 345` in Russian and Turkmen; with `decimals`
    exactly that many places (`1.5`, `1,5`)."""
    if _foreign():
        pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=current().locale)
    return f"{value:,}" if decimals is None else f"{value:,.{decimals}f}"


# Turkmen ordinals: the suffix follows the last vowel of the number's last word (a digit written or not). Its last
# non-zero digit names that word: 1-5, 7, 8 (bir, iki, üç, dört, bäş, ýedi, sekiz) take -nji; 6, 9 (alty, dokuz)
# -njy; a round number goes by its tens (on, otuz, kyrk, altmyş, togsan: -njy; ýigrimi, elli, ýetmiş, segsen:
# -nji), hundreds (ýüz) and thousands (müň) take -nji, millions and more -njy.
_TK_BACK_DIGITS = frozenset({6, 9})
_TK_BACK_TENS = frozenset({1, 3, 4, 6, 9})
# Russian ordinals by the noun's gender (nominative): 42-й квартал, 42-я сессия, 42-е заседание.
_RU_ENDINGS: dict[str, str] = {"m": "й", "f": "я", "n": "е"}


def _turkmen_suffix(value: int) -> str:
    if value % 10:
        return "njy" if value % 10 in _TK_BACK_DIGITS else "nji"
    if value % 100:
        return "njy" if value // 10 % 10 in _TK_BACK_TENS else "nji"
    return "nji" if value % 1_000_000 else "njy"


def ordinal(value: int, *, gender: str = "m") -> str:
    """An ordinal number as the reader writes it: `43rd` in English, `43-я` (gender "f") or `43-й` in Russian,
    `43-nji`, `40-njy`, `46-njy` in Turkmen. Catalogues get it whole (`{ordinal} mejlis`), never glue a suffix."""
    value = int(value)
    lang = current().lang
    if lang == "ru":
        return f"{value}-{_RU_ENDINGS[gender]}"
    if lang == "tk":
        return f"{value}-{_turkmen_suffix(value)}"
    last_two = value % 100
    suffix = "th" if 11 <= last_two <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


# ---------------------------------------------------------------------------------------------------------------
# Counts and titles


def count(number: int, one: str, many: str | None = None) -> str:
    """`1 activity`, `3 activities`, `0 errors`: the number with its noun (`many` where +s is wrong)."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def activities(number: int) -> str:
    """`1 activity`, `42 activities` (`42 мероприятия`, `42 çäre`)."""
    return n_("{n} activity", "{n} activities", number).format(n=number)


def short_title(event: object, limit: int = SHORT_TITLE_LENGTH) -> str:
    """The event's first line, cut at a word boundary to at most `limit` characters (… when cut)."""
    if isinstance(event, str):  # the usual case: each distinct text is cut once (tables of thousands ask again)
        return _short_text(event, limit)
    return _short(event, limit)


@functools.lru_cache(maxsize=2**16)
def _short_text(event: str, limit: int) -> str:
    return _short(event, limit)


def _short(event: object, limit: int) -> str:
    lines = cell_text(event).splitlines()
    text = re.sub(r"\s+", " ", lines[0]).strip() if lines else ""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " ":  # the cut falls inside a word: drop that word
        head = head.rsplit(" ", 1)[0]
    cut = head.rstrip(" ,;:-(")
    return (cut or text[: limit - 1]) + "…"


def activity_label(activity_id: object, event: object, limit: int = SHORT_TITLE_LENGTH) -> str:
    """How an activity is named in a row label: `2021-04 · Implementation of the UNESCO 1972 World…`."""
    return f"{activity_id} · {short_title(event, limit)}"


# ---------------------------------------------------------------------------------------------------------------
# Workbook text leaving the app


def md_text(value: object) -> str:
    """Workbook or URL text shown as itself in Markdown: every character Markdown (or Streamlit's :icon: and
    :colour[...] shortcodes) would act on is backslash-escaped, so no link, image, HTML or emphasis is made."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", value if isinstance(value, str) else cell_text(value))
    return _LINE_START_SPECIAL.sub(_escape_marker, text)


def _escape_marker(found: re.Match[str]) -> str:
    """`- x` -> `\\- x`; `1. x` -> `1\\. x` (a backslash escapes punctuation only, so it goes before the dot)."""
    indent, marker = found.group(1), found.group(2)
    return f"{indent}{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"{indent}\\{marker}"


def plain_text(text: str) -> str:
    """Text without control characters: a Word line break (U+000B) or a form feed becomes a line break; the other
    C0 controls (which Excel, Word and XML refuse) are dropped; tabs and line breaks stay."""
    return _CONTROL.sub(lambda found: "\n" if found.group(0) in "\x0b\x0c" else "", text)


def cell_safe(value: object) -> object:
    """A value for a cell of a download: control characters out (`plain_text`), and text a spreadsheet would run
    as a formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    value = plain_text(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value
