"""Ordinals and numbers inside the app's sentences: formatted whole for the reader's language (`words.ordinal`,
`words.number`), never a suffix or a thousands separator written into a catalogue."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po

from actionplan import i18n, words
from actionplan.briefing.scope import Session
from actionplan.i18n.translator import LOCALES
from actionplan.plan import cells, contract
from actionplan.plan.cells import Collector, read_sheet
from actionplan.plan.sheet_xml import SheetScan
from components import data_report

NBSP = "\u00a0"  # CLDR's group separator for Russian and Turkmen


@pytest.mark.parametrize(
    ("number", "turkmen"),
    [
        (40, "40-njy"),  # kyrk
        (42, "42-nji"),  # iki
        (43, "43-nji"),  # üç
        (46, "46-njy"),  # alty
        (49, "49-njy"),  # dokuz
        (50, "50-nji"),  # elli
        (100, "100-nji"),  # ýüz
        (10, "10-njy"),  # on
        (20, "20-nji"),  # ýigrimi
        (30, "30-njy"),  # otuz
        (60, "60-njy"),  # altmyş
        (70, "70-nji"),  # ýetmiş
        (80, "80-nji"),  # segsen
        (90, "90-njy"),  # togsan
        (200, "200-nji"),  # iki ýüz
        (110, "110-njy"),  # ýüz on
        (1000, "1000-nji"),  # müň
    ],
)
def test_a_turkmen_ordinal_takes_the_suffix_of_its_last_number_word(number: int, turkmen: str) -> None:
    with i18n.using("tk"):
        assert words.ordinal(number) == turkmen


@pytest.mark.parametrize(
    ("number", "english", "feminine", "masculine"),
    [
        (40, "40th", "40-я", "40-й"),
        (41, "41st", "41-я", "41-й"),
        (42, "42nd", "42-я", "42-й"),
        (43, "43rd", "43-я", "43-й"),
        (11, "11th", "11-я", "11-й"),
        (112, "112th", "112-я", "112-й"),
    ],
)
def test_english_and_russian_ordinals(number: int, english: str, feminine: str, masculine: str) -> None:
    with i18n.using("en"):
        assert words.ordinal(number) == english
    with i18n.using("ru"):
        assert words.ordinal(number, gender="f") == feminine and words.ordinal(number) == masculine


@pytest.mark.parametrize(
    ("lang", "name", "short"),
    [
        ("en", "43rd session of the UNESCO General Conference", "43rd session"),
        ("ru", "43rd session of the UNESCO General Conference", "43-я сессия"),
        ("tk", "43rd session of the UNESCO General Conference", "43-nji mejlis"),
        ("tk", "40th session of the UNESCO General Conference", "40-njy mejlis"),
        ("tk", "46th session of the UNESCO General Conference", "46-njy mejlis"),
        ("tk", "49th session of the UNESCO General Conference", "49-njy mejlis"),
        ("tk", "50th session of the UNESCO General Conference", "50-nji mejlis"),
        ("tk", "100th session of the UNESCO General Conference", "100-nji mejlis"),
    ],
)
def test_a_session_is_named_with_the_languages_ordinal(lang: str, name: str, short: str) -> None:
    session = Session(name, date(2025, 10, 30), date(2025, 11, 13))
    with i18n.using(lang):
        assert session.short_name == short


def _translations(lang: str) -> list[str]:
    found = []
    for path in sorted((LOCALES / lang).glob("*.po")):
        with path.open("rb") as source:
            for message in read_po(source, locale=lang):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                found.extend(s for s in strings if s)
    return found


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_no_suffix_is_glued_to_a_placeholder(lang: str) -> None:
    # '{number}-nji' is wrong for 40, 46, 49...; '{limit}-den' for a limit of 60: the number is formatted whole
    # (words.ordinal) or the sentence is built so that no ending depends on it.
    glued = [text for text in _translations(lang) if re.search(r"\}-\w", text)]
    assert glued == []


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_a_general_conference_session_is_one_word(lang: str) -> None:
    # Turkmen state media call a session of the General Conference a mejlis; Russian says сессия.
    word = {"ru": "сесси", "tk": "mejlis"}[lang]
    said = [re.sub(r"\{\w*\}|<\w+>|--session\b", "", text) for text in _translations(lang)]
    about_sessions = [text for text in said if re.search(r"(?i)сесси|sessi|mejlis", text)]
    assert len(about_sessions) > 10 and all(word in text.casefold() for text in about_sessions)


def test_no_catalogue_formats_a_number_with_english_commas() -> None:
    for lang in ("ru", "tk"):
        for path in (LOCALES / lang).glob("*.po"):
            assert ":,}" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(("lang", "length"), [("en", "32,768"), ("ru", f"32{NBSP}768"), ("tk", f"32{NBSP}768")])
def test_a_too_long_cell_says_its_length_as_the_reader_writes_numbers(lang: str, length: str) -> None:
    header = ["ID", "Year", "No.", "Event"]
    found = Collector(contract.ACTIVITIES)
    text = "x" * (cells.EXCEL_TEXT_LIMIT + 1)
    read_sheet(
        contract.ACTIVITIES, [header, ["2024-01", 2024.0, 1.0, text]], contract.ACTIVITY_COLUMNS, SheetScan(), found
    )
    (finding,) = found.findings
    with i18n.using(lang):
        assert length in finding.message and words.number(cells.EXCEL_TEXT_LIMIT) in finding.message
        assert "32,7" not in finding.message or lang == "en"


@pytest.mark.parametrize(("lang", "size"), [("en", "1.5 MB"), ("ru", "1,5"), ("tk", "1,5")])
def test_a_file_size_is_written_as_the_reader_writes_numbers(lang: str, size: str) -> None:
    with i18n.using(lang):
        assert size in data_report._size(3 * 2**19)
