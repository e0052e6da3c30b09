"""How the app says things, in one place: cells as text, days and spans, counts with their plurals, short titles,
and the two ways workbook text leaves the app safely (as Markdown, and as a cell of a download).

Imports nothing else from actionplan, so every capability can use it.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import pandas as pd

SHORT_TITLE_LENGTH = 50  # a Gantt row label: the hover and the Activities page have the whole event
NO_DATES = "no dates"
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


def day(value: object) -> str:
    """`8 Nov 2021`; '' for a missing date."""
    if is_blank(value):
        return ""
    when = pd.Timestamp(value)  # type: ignore[arg-type]
    return f"{when.day} {when:%b %Y}"


def span(start: object, end: object) -> str:
    """An inclusive span: `7–22 Nov 2023`, `1 Mar – 31 Dec 2021`, `25 Nov 2021 – 22 Nov 2023`, one day alone.

    The dash is closed between two numbers and spaced where either side has a space (the usual typographic rule).
    """
    if is_blank(start) or is_blank(end):
        return NO_DATES
    first, last = pd.Timestamp(start), pd.Timestamp(end)  # type: ignore[arg-type]
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{EN_DASH}{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} {EN_DASH} {day(last)}"
    return f"{day(first)} {EN_DASH} {day(last)}"


# ---------------------------------------------------------------------------------------------------------------
# Counts and titles


def count(number: int, one: str, many: str | None = None) -> str:
    """`1 activity`, `3 activities`, `0 errors`: the number with its noun (`many` where +s is wrong)."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def activities(number: int) -> str:
    """`1 activity`, `42 activities`."""
    return count(number, "activity", "activities")


def short_title(event: object, limit: int = SHORT_TITLE_LENGTH) -> str:
    """The event's first line, cut at a word boundary to at most `limit` characters (… when cut)."""
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
