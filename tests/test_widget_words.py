"""Streamlit's own widget words as CSS in the reader's language (components/widget_words.py): the rules carry the
translated words, keyed on Streamlit's English names, and English is left to Streamlit."""

from __future__ import annotations

import pytest

from components import a11y, widget_words


@pytest.mark.parametrize(
    ("lang", "download", "drop"),
    [("ru", "Скачать как CSV", "Перетащите файл сюда"), ("tk", "CSV görnüşinde ýükläp al", "Faýly şu ýere taşlaň")],
)
def test_the_page_rules_say_streamlits_words_in_the_language(lang, download, drop):
    css = widget_words.page_css(lang)
    assert css.startswith("<style>") and css.endswith("</style>") and css.count("</style>") == 1
    english = a11y.css_string("Download as CSV")  # keyed on Streamlit's English name, or on the English kept
    assert f"button:is([aria-label={english}],[data-en-aria-label={english}])" in css  # by streamlit_words.py
    assert f"content:{a11y.css_string(download)}" in css
    assert drop in css
    assert "[data-testid='stDateInputCalendarButton']{display:none}" in css
    assert "[data-testid='stMainMenu']{display:none}" in css
    assert "[data-testid='stStatusWidget'] button::after{content:" in css  # the Stop button while a page runs


def test_english_is_streamlits_own():
    assert widget_words.page_css("en") == ""
    assert widget_words.uploader_note_css("upload_0", 10, ["xlsx"], "en") == ""


def test_the_uploader_line_names_its_own_limit_and_types_for_its_own_uploader():
    css = widget_words.uploader_note_css("plan_import_upload", 10, ["docx", "txt"], "ru")
    assert ".st-key-plan_import_upload [data-testid='stFileUploaderDropzoneInstructions'] span" in css
    assert f"content:{a11y.css_string('Не более 10 МБ на файл • DOCX, TXT')}" in css


def test_a_space_after_an_escaped_character_is_kept():
    # CSS takes one space after an escape as part of it: the escape brings its own, so "• XLSX" keeps its space.
    assert a11y.css_string("• X") == '"\\002022  X"'
