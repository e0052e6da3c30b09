"""The marked strings of the source and how each language's catalogue covers them: for the check and for translators."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file

from .translator import LANGUAGES, LOCALES, catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("actionplan", "components", "pages")
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None}
METHOD_MAP = [("**.py", "python")]
# A Python format placeholder, {name} or {count:,}: a translation must keep the same set.
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}")


@dataclass(frozen=True)
class Marked:
    """One string marked in the source: its id, its plural (if any) and where it stands."""

    id: str
    plural: str | None
    places: tuple[str, ...]


def marked() -> dict[str, Marked]:
    """Every string marked with _, n_ or N_ in actionplan/, components/, pages/ and app.py, by its id."""
    found: dict[str, Marked] = {}

    def add(path: str, lineno: int, message: str | tuple[str, ...]) -> None:
        singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        if not singular:
            return
        before = found.get(singular)
        places = (*(before.places if before else ()), f"{path}:{lineno}")
        found[singular] = Marked(singular, plural or (before.plural if before else None), places)

    for folder in SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, METHOD_MAP, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True
        ):
            add(f"{folder}/{filename}", lineno, message)
    for lineno, message, _comments, _context in extract_from_file("python", ROOT / "app.py", keywords=KEYWORDS):
        add("app.py", lineno, message)
    return found


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def template() -> Catalog:
    """A catalogue of every marked string with no translation: what a new language starts from."""
    pot = Catalog(domain="actionplan")
    for message in marked().values():
        ident = (message.id, message.plural) if message.plural else message.id
        pot.add(ident, locations=[(place.rsplit(":", 1)[0], int(place.rsplit(":", 1)[1])) for place in message.places])
    return pot


def missing(lang: str) -> Catalog:
    """The marked strings that the language's catalogues do not translate yet, as a catalogue to fill in."""
    have = catalogue(lang)
    todo = Catalog(locale=lang, domain="actionplan")
    for message in template():
        if message.id and message.id not in have:
            todo[message.id] = message
    return todo


def languages() -> tuple[str, ...]:
    """The languages with catalogues (every one but English)."""
    return tuple(code for code in LANGUAGES if (LOCALES / code).is_dir())
