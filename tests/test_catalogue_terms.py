"""One word per concept across the catalogues: the pack's "Key messages" and its column, the parts around a period,
the workbook in Turkmen."""

from __future__ import annotations

import re

import pytest

from actionplan import i18n
from actionplan.briefing.text import header
from actionplan.i18n.translator import LOCALES


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_around_and_during_the_period_are_told_apart(lang: str) -> None:
    with i18n.using(lang):
        for around, during in (
            ("Around the period", "During the period"),
            ("Around the session", "During the session"),
        ):
            assert i18n._(around) != i18n._(during) and i18n._(around) != around


@pytest.mark.parametrize(
    ("lang", "heading", "column", "finding"),
    [("ru", "Ключевые тезисы", "Тезис", "Сообщение"), ("tk", "Esasy tezisler", "Tezis", "Habar")],
)
def test_the_key_message_column_says_the_headings_word(lang: str, heading: str, column: str, finding: str) -> None:
    with i18n.using(lang):
        assert i18n._("Key messages") == heading and header("Message") == column
        assert header("Activity ID") == i18n._("Activity ID")  # other columns as everywhere
        assert i18n._("Message") == finding  # a finding's message in the data report is another concept


def test_the_workbook_is_one_term_in_turkmen() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in (LOCALES / "tk").glob("*.po"))
    assert "Iş kitab" not in text and "iş kitab" not in text


def test_the_workbook_is_excel_kitaby_not_a_bare_kitap() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in (LOCALES / "tk").glob("*.po"))
    strings = "\n".join(line for line in text.splitlines() if not line.startswith(("msgid", "#")))
    assert not re.findall(r"(?<!Excel )\bkita[pb]\w*", strings)


def test_the_national_lead_is_one_word_in_russian() -> None:
    with i18n.using("ru"):
        assert i18n._("National lead") == "Национальный исполнитель"
