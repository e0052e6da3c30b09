"""What every chart shares: sizes, the download toolbar, hover wrapping, days."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from actionplan.i18n import N_

COLOUR_BY_DOMAIN = N_("Domain")  # a choice the Timeline offers: shown translated, `_(choice)`
COLOUR_BY_STATUS = N_("Status")
COLOUR_CHOICES: tuple[str, ...] = (COLOUR_BY_DOMAIN, COLOUR_BY_STATUS)

ROW_HEIGHT = 24  # px per Gantt row (activity, step or group heading)
GANTT_TOP = 150  # px above the rows: legend (up to 4 lines), milestone names, quarter labels
MILESTONE_LABEL_SHIFT = 24  # px between the top of the rows and the milestone names (quarter labels go between)
GANTT_BOTTOM = 30
FULL_QUARTER_LABELS_UP_TO = 12  # more quarters than this: only Q1 carries its year (labels stay level at 1366 px)
QUARTER_LABEL_ROOM = (
    8  # characters a quarter's label may take ('Q1 2021'); a longer one ('1-й кв. 2021 г.') drops its year
)
COMPACT_HEADING_LENGTH = 18  # characters of a group heading in compact mode ('2021 · Social and…'): bars keep the width
COMPACT_YEAR_LABELS = 5  # compact mode labels at most about this many years (every second year over that)
# A phone with rows labelled in full (not compact): the labels leave the bars about 80 px, room for two years' labels.
NARROW_YEAR_LABELS = 2
NARROW_LABEL_LENGTH = 30  # characters of a row's label on a phone with IDs only off: its ID stays on the screen
COMPACT_QUARTER_LINES_UP_TO = 16  # compact mode over more quarters: lines at the years only (no run of grid lines)
TOOLBAR_HEIGHT = 30  # px of Plotly's toolbar, always shown on a touch screen: compact mode keeps the legend under it
MILESTONE_LEVEL_HEIGHT = 14  # px between the two levels of milestone names in compact mode
MILESTONES_NEAR = 0.15  # share of the axis: compact mode raises a milestone's name this close after the one before
QUARTER_LABELS_UP_TO = 24  # more than this (a portfolio of several plans): years labelled, quarters only as lines
HOVER_WIDTH = 80  # characters per hover line
ONE_DAY = timedelta(days=1)
FONT_SIZE = 13
BAR_HEIGHT = 30  # px per bar in the small bar charts


def plotly_config(filename: str) -> dict[str, object]:
    """Plotly's toolbar settings for st.plotly_chart: a 'Download as PNG' button named `filename`, no logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def unchecked_figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, without Plotly's property-by-property validation (half the cost
    of building the Gantt at 42 activities). The chart tests validate what each builder makes (a validated copy
    must equal it), so a misspelt property still fails there."""
    return go.Figure(data=data, layout=layout, _validate=False)


def _wrap(text: object, width: int = HOVER_WIDTH) -> str:
    """Text for a hover box: wrapped to `width` characters with <br>, '' for a blank.

    A greedy word wrap like textwrap.wrap (a word longer than a line is cut), several times faster: the Timeline
    wraps an event and each of its steps for every bar it draws.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = str(text)
    if len(text) <= width and "\n" not in text and "\t" not in text:
        return text.strip()
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:  # textwrap breaks long words too
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return "<br>".join(lines)


def _day(value: object) -> date:
    return pd.Timestamp(value).date()


def _heading(group: str) -> str:
    return f"<b>{group}</b>"


def _iso_days(values: pd.Series) -> list[str]:
    """Dates as 'YYYY-MM-DD', the most compact text Plotly reads on a date axis."""
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d").tolist()


def _widths_ms(starts: pd.Series, ends: pd.Series) -> list[float]:
    """Bar lengths in milliseconds, the end day included (a one-month activity is a whole month wide)."""
    days = (pd.to_datetime(ends) - pd.to_datetime(starts)).dt.days + 1
    return (days.astype("float64") * 86_400_000).tolist()
