"""KPI cards: the headline counts as a row of cards, each status with its colour and what it means."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from actionplan.i18n import _
from actionplan.plan.status import AS_OF_ORDER, AsOf, Reported, label_of, meaning_of

from . import colours

# Shown even at zero: a zero Completed is news. The others only when some activity has them.
ALWAYS_SHOWN: tuple[str, ...] = tuple(
    s for s in AS_OF_ORDER if s not in (AsOf.POSTPONED, AsOf.CANCELLED, AsOf.NO_DATES)
)
CARD_MIN_WIDTH = "7.5rem"  # six cards fit side by side from about 1280 px wide
# Each card spans three rows of the cards' grid (label, number, meaning) as a subgrid, so the numbers of a line of
# cards stand level even when one label takes three lines (Russian and Turkmen labels are longer than English ones).


def _card(label: str, count: int, note: str, colour: str) -> str:
    return (
        f'<div class="kpi-card" style="border:1px solid {colours.GRID_COLOUR};border-left:6px solid {colour};'
        f'border-radius:0.5rem;padding:0.6rem 0.9rem;display:grid;grid-row:span 3;grid-template-rows:subgrid;row-gap:0">'
        f'<div style="font-size:0.875rem;font-weight:600;line-height:1.3;min-height:2.6em">{html.escape(label)}</div>'
        f'<div style="font-size:2rem;font-weight:600;line-height:1.3">{count}</div>'
        f'<div style="font-size:0.75rem;opacity:0.75;line-height:1.35">{html.escape(note)}</div></div>'
    )


def status_cards(counts: pd.Series, total: int) -> None:
    """The number of activities, then one card per as-of status (Completed ... Past end, not reported)."""
    shown = [s for s in AS_OF_ORDER if s in ALWAYS_SHOWN or counts.get(s, 0)]
    cards = [_card(_("Activities"), total, _("matching the filters"), colours.ACCENT)]
    for status in shown:
        count = int(counts.get(status, 0))
        cards.append(_card(label_of(status), count, meaning_of(status), colours.status_colour(status)))
    # st.html, not st.markdown(unsafe_allow_html=True): the same cards without Streamlit's raw-HTML Markdown code
    # (about 190 kB of script loaded on the Overview for them alone); the text in them is escaped either way.
    st.html(
        f'<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax({CARD_MIN_WIDTH},1fr));'
        f'gap:0.6rem;margin-bottom:-0.5rem">{"".join(cards)}</div>'
    )


def reported_line(reported: pd.Series) -> None:
    """What staff reported in the Status column, Not reported included, in one caption line."""
    parts = " · ".join(
        _("{count} {status}").format(count=int(n), status=label_of(status)) for status, n in reported.items()
    )
    blank = _("blank Status = {status}").format(status=Reported.NOT_REPORTED.label)
    st.caption(_("Reported in the Status column:") + f" {parts} ({blank})")
