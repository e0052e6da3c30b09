"""Workbook text made fit for a document, in one place: control characters that Word and Excel reject (a Word
line break U+000B pasted into a cell, a form feed, a NUL) become line breaks or are dropped, and text bound for a
field with a length limit (document properties, sheet names) is shortened at a word."""

from __future__ import annotations

import functools
import re

from .. import words
from ..i18n import N_, _

# Line and paragraph separators staff paste from Word: read as a new line.
_LINE_BREAKS = re.compile(r"\r\n|[\r\u000b\u000c\u0085\u2028\u2029]")
# Other C0 controls (tab and newline kept), DEL and C1 controls, lone surrogates, and the two non-characters XML
# forbids: python-docx and openpyxl refuse a document holding any of them.
_UNPRINTABLE = re.compile(r"[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufffe\uffff]")

# A column whose English key names another concept elsewhere in the app, headed in the pack by the pack's own word:
# the Messages sheet's "Message" is a key message (the data report's "Message" is a finding's).
HEADER_WORDS: dict[str, str] = {"Message": N_("Key message")}

PROPERTY_LIMIT = 255  # python-docx and Excel refuse longer core properties (title, subject, ...)


def header(column: object) -> str:
    """A table column's header in the pack, in the reader's language (the frame's keys stay English)."""
    return _(HEADER_WORDS.get(str(column), str(column)))


def printable(value: object) -> str:
    """The cell as text a Word or Excel file can hold: '' for a blank, line breaks as '\\n', controls dropped."""
    text = words.cell_text(value) if not isinstance(value, str) else value
    return _UNPRINTABLE.sub("", _LINE_BREAKS.sub("\n", text))


def one_line(value: object) -> str:
    """`printable`, with every run of white space (line breaks included) as one space."""
    if isinstance(value, str):  # each distinct text once per process: sections, grid and summary all ask
        return _one_line_text(value)
    return " ".join(printable(value).split())


@functools.lru_cache(maxsize=2**16)
def _one_line_text(value: str) -> str:
    return " ".join(printable(value).split())


def within(value: object, limit: int = PROPERTY_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word (with …) where longer."""
    return words.short_title(one_line(value), limit)
