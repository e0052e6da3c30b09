"""One word per concept across the catalogues: the pack's "Key messages" and its column, the parts around a period,
the workbook in Turkmen."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

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


GLOSSARY = LOCALES.parent / "GLOSSARY.md"


def _glossary_rows(heading: str) -> list[list[str]]:
    """The body rows of the table under '## heading' in GLOSSARY.md, each as its stripped cells."""
    section = GLOSSARY.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]  # after the header and its --- line


def _labels() -> list[tuple[str, str, str]]:
    return [(en.strip("`"), ru, tk) for en, ru, tk, _note in _glossary_rows("Labels") if en.startswith("`")]


def test_the_glossary_lists_the_key_terms() -> None:
    english = {en for en, _ru, _tk in _labels()}
    assert {"Activity", "Domain", "National lead", "Briefing pack", "Reporting round", "Completed"} <= english
    assert len(_glossary_rows("Avoid")) >= 5


@pytest.mark.parametrize(("en", "ru", "tk"), _labels())
def test_a_key_label_says_the_glossarys_word(en: str, ru: str, tk: str) -> None:
    for lang, word in (("ru", ru), ("tk", tk)):
        with i18n.using(lang):
            assert i18n._(en) == word, (lang, en)


def _msgstrs(lang: str) -> str:
    """Every translation in the language's catalogues, one line each (plural forms one after another)."""
    strings: list[str] = []
    for path in sorted((LOCALES / lang).glob("*.po")):
        with path.open("rb") as po:
            for message in read_po(po, locale=lang):
                if message.id:
                    forms = message.string if isinstance(message.string, tuple) else (message.string,)
                    strings.extend(str(form).replace("\n", " ") for form in forms)
    return "\n".join(strings)


@pytest.mark.parametrize(
    ("lang", "avoid", "instead"), [(lang, avoid, use) for lang, avoid, use, _ in _glossary_rows("Avoid")]
)
def test_a_word_the_glossary_retired_is_not_back(lang: str, avoid: str, instead: str) -> None:
    found = re.findall(rf"\b{re.escape(avoid)}\w*", _msgstrs(lang), flags=re.IGNORECASE)
    assert not found, f"{lang}: {found[:3]} (use {instead})"


def test_a_russian_date_inside_a_sentence_adds_no_full_stop() -> None:
    """'… до {due}. Серые столбцы …' printed '30 сентября 2027 г.. Серые' on the update form: a date ends in 'г.'
    (test_catalogues checks the end of a message; this checks inside it)."""
    doubled = re.compile(r"\{(?:due|day|date|as_of)\}\.\s")
    found = [line for line in _msgstrs("ru").splitlines() if doubled.search(line)]
    assert not found, found


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_quotes_are_guillemets(lang: str) -> None:
    """Russian and Turkmen quote a name or value «so» (GLOSSARY); a Turkmen finding quoted an ID 'so' once."""
    quoted = re.findall(r"""(?<!\w)['"“”„][^'"“”„\n]+['"“”](?!\w)""", _msgstrs(lang))
    assert not quoted, quoted[:5]
