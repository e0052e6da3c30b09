"""Languages: the words the app says itself, in English, Russian and Turkmen, and dates and numbers for the locale.

One immutable `Translator` per language, built once from the gettext catalogues in `locales/<lang>/*.po` (compiled
in memory with Babel, so no compiled `.mo` file is kept in the repository). The language of the work under way is a
context variable, as Django's `translation.activate` keeps it per thread: each Streamlit script run (a thread of its
own) and each command activates the language it was asked for, so one reader's choice never reaches another's
page. Nothing calls gettext's process-wide `install()`.

Strings are marked for the extractor with `_("...")`, `n_("one", "many", n)` and, for text defined before a language
is chosen (a constant, an enum's label), `N_("...")`, translated where it is shown with `_(value)`.
A catalogue is one `.po` file per capability and language (`locales/ru/ui.po`, `locales/ru/briefing.po`, ...);
`tests/test_catalogues.py` checks that together they translate every marked string, with no stale entry.
"""

from .arguments import ArgumentParser, add_lang_argument
from .translator import (
    DEFAULT,
    LANGUAGES,
    N_,
    Translator,
    _,
    activate,
    current,
    language_name,
    n_,
    supported,
    translator,
    using,
)

__all__ = [
    "ArgumentParser",
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "Translator",
    "_",
    "activate",
    "add_lang_argument",
    "current",
    "language_name",
    "n_",
    "supported",
    "translator",
    "using",
]
