"""What every page does for its readers' access (WCAG 2.2 AA) beyond the charts' words: readable captions, a visible
keyboard focus, and the page's language named for screen readers.

Drawn once per run by the frame. Checked in the browser by tests/browser/test_accessibility.py (axe-core, the
keyboard, reflow at 320 px).
"""

from __future__ import annotations

import json

import streamlit as st

# Streamlit draws captions faded (text colour at 60% opacity, down to 2.6:1 on white, under the 4.5:1 of WCAG 1.4.3);
# an opaque darker grey keeps them quieter than body text and readable on white and on the sidebar's background.
# Every focusable element gets an outline when focused from the keyboard (WCAG 2.4.7), on top of Streamlit's own
# rings, which some widgets draw faintly or only as a colour change.
CAPTION_COLOUR = "#5A6068"
FOCUS_COLOUR = "#1F4E79"  # colours.ACCENT: 8.8:1 on white
ACCESS_CSS = (
    "<style>"
    f"[data-testid='stCaptionContainer']{{color:{CAPTION_COLOUR};opacity:1}}"
    f":focus-visible{{outline:2px solid {FOCUS_COLOUR} !important;outline-offset:2px}}"
    "</style>"
)


def frame(lang: str) -> None:
    """The captions' colour, the focus outline, and `<html lang>` set to the reader's language (WCAG 3.1.1)."""
    st.html(ACCESS_CSS)
    # Streamlit's page says lang="en" whatever the reader chose; only a script can change it (no public API).
    st.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>", unsafe_allow_javascript=True)
