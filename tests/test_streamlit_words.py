"""Streamlit's English that CSS cannot reach, said by a script in the page (components/streamlit_words.py): the
table of our words sent to it, only in Russian and Turkmen, every word translated, and nothing that could end the
script it is written in."""

from __future__ import annotations

import json
import re

import pytest

from actionplan import i18n
from components import streamlit_words


def _sent(script: str) -> dict:
    """The table the script sets, read back from the script."""
    found = re.search(r"window\.actionplanWords = (.*);\n", script)
    assert found
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    ("lang", "collapse", "sort", "lost"),
    [
        ("ru", "Свернуть боковую панель", "Сортировать по возрастанию", "Нет соединения"),
        ("tk", "Gapdal paneli ýygna", "Artýan tertipde tertiple", "Aragatnaşyk ýok"),
    ],
)
def test_the_table_says_streamlits_english_in_the_language(lang, collapse, sort, lost):
    words = streamlit_words.table(lang)
    assert words["names"]["Collapse sidebar"] == collapse
    assert words["names"]["Download as CSV"] == i18n.translator(lang).gettext("Download as CSV")  # one word, reused
    places = dict(words["places"])
    assert places["[data-testid='stDataFrameColumnMenu'] [role='menu']"]["Sort ascending"] == sort
    assert places["[data-testid='stStatusWidget']"]["Connection error"] == lost
    assert ["Help for ", i18n.translator(lang).gettext("Help for {name}")] in words["starts"]


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_every_word_is_translated(lang):
    words = streamlit_words.table(lang)
    said = [*words["names"].items(), *(pair for _where, table in words["places"] for pair in table.items())]
    untranslated = [english for english, word in said if word == english and english not in {"Dollar", "Euro"}]
    untranslated += [start for start, word in words["starts"] if word.startswith(start) or "{name}" not in word]
    assert untranslated == []


def test_english_sends_an_empty_table_so_streamlits_words_come_back():
    assert streamlit_words.table("en") == {"names": {}, "starts": [], "places": []}
    assert _sent(streamlit_words.script("en")) == {"names": {}, "starts": [], "places": []}


def test_the_table_cannot_end_its_script():
    hostile = {"word": "</script><script>alert(1)</script> <!-- & -->"}
    encoded = streamlit_words.script_json(hostile)
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == hostile
    script = streamlit_words.script("ru")
    assert script.startswith("<style>") and script.endswith("</script>")
    assert script.count("</script>") == 1 and script.count("</") == 2  # only its own closing tags
    assert "<" not in re.search(r"window\.actionplanWords = (.*);\n", script).group(1)
    assert _sent(script) == streamlit_words.table("ru")


def test_the_watch_is_installed_once_per_window_and_keeps_the_english():
    script = streamlit_words.script("tk")
    assert "if (!window.actionplanWordsWatched)" in script
    assert 'const kept = "data-en-" + attribute;' in script  # the CSS toolbar rules key on it too
    assert "new WeakMap()" in script
