"""Streamlit's own words in the reader's language: what Streamlit's widgets write in English whatever the page's
language, with no option to change it, rewritten by CSS keyed on Streamlit's data-testid attributes.

A rule hides Streamlit's English and shows the reader's word in its place as generated content (`content:`), which
screen readers announce too. Only what Streamlit draws the same way on every page is rewritten here; what a widget
offers as a parameter (a placeholder, `select_all=False`) is set where the widget is drawn. The uploader's size
line differs per uploader, so `uploader()` draws it beside its own uploader. Drawn once per run by the frame
(components/a11y.py); checked by tests/browser/test_widget_words_browser.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from actionplan import i18n, words
from actionplan.i18n import N_, _

from .a11y import css_string

# The element toolbar over a table or chart: each button's English name (its aria-label, which Streamlit also shows
# as the tooltip on hover and focus) and the words it takes. The tooltip is drawn apart from its button, so a rule
# replaces the open tooltip's text while that button is hovered or focused.
TOOLBAR_WORDS = {
    "Show/hide columns": N_("Show or hide columns"),
    "Download as CSV": N_("Download as CSV"),
    "Search": N_("Search"),
    "Fullscreen": N_("Full screen"),
    "Close fullscreen": N_("Close full screen"),
    "Add row": N_("Add a row"),
    "Delete row(s)": N_("Delete the selected rows"),
    "Clear selection": N_("Clear the selection"),
}
# Plotly's own toolbar over a chart (with Streamlit's full-screen button added to it) writes each button's title
# (data-title) as generated content on hover.
PLOTLY_WORDS = {
    "Fullscreen": TOOLBAR_WORDS["Fullscreen"],
    "Close fullscreen": TOOLBAR_WORDS["Close fullscreen"],
    "Zoom": N_("Zoom"),
    "Pan": N_("Pan"),
    "Zoom in": N_("Zoom in"),
    "Zoom out": N_("Zoom out"),
    "Autoscale": N_("Fit the chart"),
    "Reset axes": N_("Reset the axes"),
    "Download plot as a PNG": N_("Download the chart as PNG"),
}
DROP_HERE = N_("Drop the file here")
NO_MATCH = N_("Nothing matches")
SKIP_TO_CONTENT = N_("Skip to the page's content")
# The button beside the running figure while a page is being computed (disabled once asked to stop).
STOP = N_("Stop")
STOPPING = N_("Stopping…")
UPLOAD_LIMIT = N_("At most {size} MB per file • {types}")
# The hint under a text field being typed in: where it is (a form, a multi-line box, elsewhere) and its words.
INPUT_HINTS = {
    "": N_("Press Enter to apply"),
    "[data-testid='stTextArea'] ": N_("Press Ctrl+Enter to apply"),
    "[data-testid='stForm'] ": N_("Press Enter to send the form"),
}

TOOLTIP = "[data-testid='stTooltipContent']"
# The drop zone's overlay while a file is dragged over it: the one child of the zone without a data-testid.
DRAG_OVERLAY = "[data-testid='stFileUploaderDropzone'] > div:not([data-testid]) > span"
SMALL_TEXT = "font-size:0.875rem"


def _replaced(selector: str, word: str, *, size: str = "") -> str:
    """Hide the text of `selector` and show `word` in its place."""
    hidden = f"{selector},{selector} *{{font-size:0}}"
    return f"{hidden}{selector}::after{{content:{css_string(word)};{size or 'font-size:1rem'}}}"


def _toolbar_rule(english: str, word: str) -> str:
    # Keyed on the English name, or on the English kept when components/streamlit_words.py renamed the button.
    named = f"button:is([aria-label={css_string(english)}],[data-en-aria-label={css_string(english)}])"
    button = f"[data-testid='stElementToolbar'] {named}:is(:hover,:focus-visible)"
    open_tip = f"body:has({button}) {TOOLTIP}"
    return (
        f"{open_tip} [data-testid='stMarkdownContainer']{{display:none}}"
        f"{open_tip}::after{{content:{css_string(word)};{SMALL_TEXT}}}"
    )


def _plotly_rule(english: str, word: str) -> str:
    return (
        f".js-plotly-plot .plotly .modebar-btn[data-title={css_string(english)}]::after{{content:{css_string(word)}}}"
    )


def frame(lang: str) -> None:
    """Draw every page's rules in the reader's language (nothing in English)."""
    css = page_css(lang)
    if css:
        st.html(css)


def page_css(lang: str) -> str:
    """Every page's rules in `lang`: nothing for English, Streamlit's own language."""
    if lang == i18n.DEFAULT:
        return ""
    with i18n.using(lang):
        rules = [
            *(_toolbar_rule(english, _(word)) for english, word in TOOLBAR_WORDS.items()),
            *(_plotly_rule(english, _(word)) for english, word in PLOTLY_WORDS.items()),
            _replaced(DRAG_OVERLAY, _(DROP_HERE), size=SMALL_TEXT),
            _replaced(
                ":is([data-testid='stMultiSelectDropdown'],[data-testid='stSelectboxVirtualDropdown'])"
                " [role='listbox'][data-empty] span",
                _(NO_MATCH),
                size=SMALL_TEXT,
            ),
            _replaced("[data-testid='stSkipToContent']", _(SKIP_TO_CONTENT)),
            _replaced("[data-testid='stStatusWidget'] button", _(STOP), size=SMALL_TEXT),
            _replaced("[data-testid='stStatusWidget'] button:disabled", _(STOPPING), size=SMALL_TEXT),
            *(
                _replaced(f"{where}[data-testid='InputInstructions']", _(hint), size=SMALL_TEXT)
                for where, hint in INPUT_HINTS.items()
            ),
            # The calendar that opens from a date field names its months and days in the browser's language, not
            # the page's: hidden, the field itself (day, month, year typed or stepped with the arrow keys) stays.
            "[data-testid='stDateInputCalendarButton']{display:none}",
            # The app menu holds only Streamlit's viewer items (Print, Record screen, its version), all English;
            # the browser prints the page as well.
            "[data-testid='stMainMenu']{display:none}",
        ]
    return "<style>" + "".join(rules) + "</style>"


def uploader_note_css(key: str, limit_mb: int, types: Sequence[str], lang: str) -> str:
    """The size and types line under the uploader with `key` ('10MB per file • XLSX') in `lang`."""
    if lang == i18n.DEFAULT:
        return ""
    with i18n.using(lang):
        note = _(UPLOAD_LIMIT).format(size=words.number(limit_mb), types=", ".join(t.upper() for t in types))
    line = f".st-key-{key} [data-testid='stFileUploaderDropzoneInstructions'] span"
    return f"<style>{_replaced(line, note, size=SMALL_TEXT)}</style>"


def uploader(label: str, *, key: str, types: Sequence[str], limit_mb: int | None = None) -> UploadedFile | None:
    """st.file_uploader with its size line in the reader's language (`limit_mb` None: the server's limit)."""
    limit = limit_mb if limit_mb is not None else int(st.get_option("server.maxUploadSize"))
    css = uploader_note_css(key, limit, types, i18n.current().lang)
    if css:
        st.html(css)
    return st.file_uploader(label, type=list(types), max_upload_size=limit_mb, key=key)
