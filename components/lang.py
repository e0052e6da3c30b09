"""The reader's language for this run: `?lang=` in the URL, else the choice kept in the session, else the browser's.

Each run activates it for its own thread (`i18n.activate`), so every `_()` of that run, in the pages and in the data
layer, speaks it; a fragment rerun calls `activate()` again, since it does not pass through the frame.
"""

from __future__ import annotations

import streamlit as st

from actionplan import i18n

QUERY_KEY = "lang"
STORE = "ui_language"


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


def activate() -> i18n.Translator:
    """Activate this run's language for the thread and return its translator."""
    lang = chosen()
    i18n.activate(lang)
    return i18n.translator(lang)
