"""The translator for one language, and the language of the work under way (a context variable)."""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).with_name("locales")
DOMAIN = "actionplan"
DEFAULT = "en"
# Each language by its code, named in itself (what the picker shows, so a reader finds their own language).
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "tk": "Türkmençe"}


def supported(code: object) -> str | None:
    """The language code a value asks for ('ru', 'ru-RU', 'RU_ru' -> 'ru'), or None when it is not one we speak."""
    if not isinstance(code, str):
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def language_name(code: str) -> str:
    """The language named in itself: 'Русский' for 'ru'."""
    return LANGUAGES.get(code, code)


def catalogue(lang: str) -> Catalog:
    """Every `.po` file of a language merged into one catalogue (English has none: the source strings are English)."""
    merged = Catalog(locale=lang, domain=DOMAIN)
    for path in sorted((LOCALES / lang).glob("*.po")):
        with path.open("rb") as source:
            part = read_po(source, locale=lang)
        for message in part:
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    return merged


@dataclass(frozen=True)
class Translator:
    """The words and the formats of one language. Immutable and shared: hashes as its language code."""

    lang: str
    locale: Locale = field(compare=False, hash=False, repr=False)
    _gettext: gettext.NullTranslations = field(compare=False, hash=False, repr=False)

    def gettext(self, message: str) -> str:
        return self._gettext.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._gettext.ngettext(singular, plural, int(n))


@functools.cache
def translator(lang: str = DEFAULT) -> Translator:
    """The translator of a language (built once per process); an unknown code gets English."""
    lang = supported(lang) or DEFAULT
    if lang == DEFAULT:
        return Translator(DEFAULT, Locale.parse(DEFAULT), gettext.NullTranslations())
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(lang))
    compiled.seek(0)
    return Translator(lang, Locale.parse(lang), gettext.GNUTranslations(compiled))


_CURRENT: ContextVar[Translator | None] = ContextVar("actionplan_language", default=None)


def current() -> Translator:
    """The language of the work under way (English until one is activated)."""
    return _CURRENT.get() or translator(DEFAULT)


def activate(lang: str) -> Token[Translator | None]:
    """Use this language for the rest of this thread's work (a Streamlit run, a command); returns the reset token."""
    return _CURRENT.set(translator(lang))


@contextmanager
def using(lang: str) -> Iterator[Translator]:
    """Use a language inside a block only: `with i18n.using("ru"): build(...)`."""
    token = activate(lang)
    try:
        yield current()
    finally:
        _CURRENT.reset(token)


def _(message: str) -> str:
    """The message in the current language (the English text when no translation exists)."""
    return current().gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    """The plural form for n in the current language (Russian has three, Turkmen two)."""
    return current().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the extractor without translating it now: translate it where it is shown."""
    return message
