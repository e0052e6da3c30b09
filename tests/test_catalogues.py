"""The catalogue check: every string the app marks for translation is translated in every language, no entry is
stale, placeholders and plural forms agree."""

from __future__ import annotations

from datetime import date

import pytest
from babel.messages.pofile import read_po

from actionplan import i18n
from actionplan.i18n.catalogues import languages, marked, placeholders
from actionplan.i18n.translator import LOCALES, catalogue


@pytest.fixture(scope="module")
def source_strings():
    return marked()


def test_every_language_but_english_has_catalogues():
    assert set(languages()) == set(i18n.LANGUAGES) - {"en"}


@pytest.mark.parametrize("lang", languages())
def test_no_marked_string_is_left_untranslated(lang, source_strings):
    have = catalogue(lang)
    untranslated = [f"{m.id!r} ({m.places[0]})" for m in source_strings.values() if m.id not in have]
    assert not untranslated, f"{len(untranslated)} untranslated in {lang}: " + "; ".join(untranslated[:20])


@pytest.mark.parametrize("lang", languages())
def test_no_entry_is_stale(lang, source_strings):
    # A plural entry's id is the pair (singular, plural); the source is keyed by the singular.
    ids = [message.id if isinstance(message.id, str) else message.id[0] for message in catalogue(lang) if message.id]
    stale = [ident for ident in ids if ident not in source_strings]
    assert not stale, f"{lang} translates strings the app no longer says: {stale[:20]}"


@pytest.mark.parametrize("lang", languages())
def test_placeholders_and_plural_forms_agree(lang, source_strings):
    nplurals = catalogue(lang).num_plurals
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(ids[-1]) | placeholders(ids[0])
        for text in strings:
            assert placeholders(text) <= wanted and placeholders(ids[0]) - {"n", "count"} <= placeholders(text), (
                f"{lang}: {ids[0]!r} -> {text!r} changes the placeholders"
            )
        source = source_strings.get(ids[0])
        if source and source.plural:
            assert isinstance(message.id, tuple), f"{lang}: {ids[0]!r} is plural in the source"
            assert len(strings) == nplurals and all(strings), f"{lang}: {ids[0]!r} needs {nplurals} plural forms"


@pytest.mark.parametrize("lang", languages())
def test_an_id_is_translated_once(lang):
    seen: dict[str, str] = {}
    for path in sorted((LOCALES / lang).glob("*.po")):
        with path.open("rb") as source:
            for message in read_po(source, locale=lang):
                if message.id:
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    assert key not in seen, f"{lang}: {key!r} is in both {seen[key]} and {path.name}"
                    seen[key] = path.name


def test_the_language_of_one_thread_does_not_reach_another():
    import threading

    seen: list[str] = []
    with i18n.using("ru"):
        worker = threading.Thread(target=lambda: seen.append(i18n.current().lang))
        worker.start()
        worker.join()
        assert i18n.current().lang == "ru"
    assert seen == ["en"]
    assert i18n.current().lang == "en"


@pytest.mark.parametrize(
    ("asked", "lang"), [("ru", "ru"), ("ru-RU", "ru"), ("TK_tm", "tk"), ("fr", None), (None, None)]
)
def test_supported_languages(asked, lang):
    assert i18n.supported(asked) == lang


def test_no_string_is_marked_inside_an_f_string():
    """The extractor does not read inside an f-string: `f"[{_('Link')}]"` would stay English in every language."""
    import io
    import re
    import tokenize

    from actionplan.i18n.catalogues import ROOT, SOURCES

    marked_literal = re.compile(r"""\b(?:_|n_|N_)\(\s*[rbu]?["']""")
    hidden: list[str] = []
    for path in [ROOT / "app.py", *(p for folder in SOURCES for p in sorted((ROOT / folder).rglob("*.py")))]:
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            prefix = token.string[:3].lower()
            is_f_string = token.type == tokenize.STRING and "f" in prefix.split('"')[0].split("'")[0]
            if (is_f_string or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1)) and marked_literal.search(
                token.string
            ):
                hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not hidden, f"strings marked inside f-strings (not extracted): {hidden}"


def test_a_russian_date_ends_its_sentence_itself():
    """A Russian date ends in 'г.' ('30 сентября 2027 г.'), so a sentence that ends with one adds no full stop of its
    own ('г..' was printed)."""
    import re

    from actionplan import words

    with i18n.using("ru"):
        assert words.day(date(2027, 9, 30)).endswith("г.")
    doubled = re.compile(r"\{(?:due|day|date|when|as_of)\}\.$")
    found = [
        message.id
        for message in catalogue("ru")
        if message.id
        and any(
            doubled.search(text)
            for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        )
    ]
    assert not found, f"Russian sentences ending with a date and a full stop: {found}"
