"""Streamlit's file uploader names its button 'Upload' in English: the frame's CSS shows the word in the reader's
language instead (Russian, Turkmen), and leaves English to Streamlit."""

from __future__ import annotations

import json

import pytest

from components import a11y


@pytest.mark.parametrize(("lang", "word"), [("ru", "Загрузить"), ("tk", "Ýükle")])
def test_the_uploader_button_says_upload_in_the_readers_language(lang, word):
    css = a11y.uploader_css(lang)
    assert f'{a11y.UPLOAD_WORD}::after{{content:"{word}"}}' in css
    assert f"{a11y.UPLOAD_WORD} p{{display:none}}" in css  # Streamlit's English word hidden, not shown twice
    assert "stFileUploaderDropzone" in a11y.UPLOAD_WORD


def test_english_keeps_streamlits_own_word():
    assert a11y.uploader_css("en") == ""


def test_a_css_string_cannot_end_the_rule_or_the_style():
    escaped = a11y.css_string('a"b\\c</style>}')
    assert escaped.count('"') == 2 and "<" not in escaped and "}" not in escaped and "\\00005c" in escaped
    assert a11y.css_string("Ýükle 1") == '"Ýükle 1"'


@pytest.mark.parametrize(("lang", "word"), [("ru", "Загрузить"), ("tk", "Ýükle"), ("en", None)])
def test_the_uploader_button_is_named_with_the_word_it_shows(lang, word):
    # the hidden English word left the button without a name for axe-core (button-name): an aria-label gives it one
    script = a11y.uploader_name_js(lang)
    assert f"window.actionplanUploadWord = {json.dumps(word)};" in script
    assert "stFileUploaderDropzone" in script and "aria-label" in script
