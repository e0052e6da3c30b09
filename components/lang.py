"""The reader's language for this run: `?lang=` in the URL, else the choice kept in the session, else the browser's.

Each run activates it for its own thread (`i18n.activate`), so every `_()` of that run, in the pages and in the data
layer, speaks it; a fragment rerun calls `activate()` again, since it does not pass through the frame.

A language the reader chose (with the picker, or by opening a link that carried `?lang=`) is kept in the session
and written back into the URL on every run, so it survives a page switch (which clears the query string) and a
shared link opens in it. The browser's language is only a default: it is never written into the URL, so links
stay clean for a reader who never chose.
"""

from __future__ import annotations

import streamlit as st

from actionplan import i18n

QUERY_KEY = "lang"
STORE = "ui_language"
PICKER = "ui_language_pick"
REWORDED = "ui_language_reworded"  # keys of the choice widgets whose options are shown in the reader's words


def browser_language() -> str:
    """The browser's language where Streamlit exposes it and we speak it, else English."""
    try:
        asked = st.context.locale
    except (AttributeError, RuntimeError):  # outside a browser session (AppTest, bare mode)
        asked = None
    return i18n.supported(asked) or i18n.DEFAULT


def chosen() -> str:
    """The language this run speaks: the URL's, else the session's, else the browser's."""
    from_url = i18n.supported(st.query_params.get(QUERY_KEY))
    if from_url:
        st.session_state[STORE] = from_url
        return from_url
    return st.session_state.get(STORE) or browser_language()


def explicit() -> str | None:
    """The language the reader chose (picker or link) in this session, or None when only the browser decided."""
    return i18n.supported(st.session_state.get(STORE))


def keep_in_url() -> None:
    """Write the chosen language into the URL (after a page switch cleared it); nothing when none was chosen."""
    code = explicit()
    if code and st.query_params.get(QUERY_KEY) != code:
        st.query_params[QUERY_KEY] = code


def reworded(key: str) -> str:
    """`key` of a select box (or multiselect) whose options are shown in the reader's words, remembered so that a
    language switch can set its value again. Streamlit 1.67 keeps the label a select box shows until its value
    changes: without this, "All years" stayed English on a page switched to Russian."""
    keys: set[str] = st.session_state.setdefault(REWORDED, set())
    keys.add(key)
    return key


def _say_again() -> None:
    """Set each worded choice to the value it holds, so the browser is sent the value and shows it in the new words."""
    state = st.session_state
    for key in sorted(state.get(REWORDED, ())):
        if key in state:
            state[key] = state[key]


def choose(code: str | None) -> None:
    """The reader picked a language: keep it in the session and in the URL (a picker's callback)."""
    code = i18n.supported(code)
    if code:
        _say_again()
        st.session_state[STORE] = code
        st.query_params[QUERY_KEY] = code


def activate() -> i18n.Translator:
    """Activate this run's language for the thread and return its translator."""
    lang = chosen()
    i18n.activate(lang)
    return i18n.translator(lang)
