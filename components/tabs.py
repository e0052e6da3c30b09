"""Tabs that run only the open tab's content, and keep the reader's tab when the labels change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator

AT = "{key}_at"  # session state: (the labels, the default they were drawn with, the open tab's position)


def open_tab(labels: Sequence[str], key: str) -> tuple[int, DeltaGenerator]:
    """Draws the tabs (st.tabs tracking which one is open, so a page draws only that one); the open tab's position
    and its container. The hidden tabs stay empty until opened: opening one reruns the page.

    Streamlit knows tabs by their labels and their default: a label that carries a count or the reader's language
    ('Delivered (3)') makes new tabs when the session chosen changes, which open on their default. So the default
    stays as it was while the labels do (the tabs keep what the reader opened), and when the labels change it is
    the tab at the position the reader had open."""
    remembered = AT.format(key=key)
    shown = tuple(labels)
    before = st.session_state.get(remembered)
    if isinstance(before, tuple) and before[0] == shown:
        default = before[1]
    else:
        position = before[2] if isinstance(before, tuple) and 0 <= before[2] < len(shown) else 0
        default = shown[position]
    tabs = st.tabs(list(shown), key=key, on_change="rerun", default=default)
    opened = next((index for index, tab in enumerate(tabs) if tab.open), shown.index(default))
    st.session_state[remembered] = (shown, default, opened)
    return opened, tabs[opened]
