"""Stacked status bars as plain HTML, for the Overview's first screen.

A Plotly chart is drawn in the browser by a part of Streamlit's front end (4.7 MB of script) loaded when the first
chart arrives: an Overview of Plotly bars took 2.5-2.8x the time of a one-line page to be drawn, a one-line page with
one small Plotly chart alone 2.0-2.3x (benchmarks/RESULTS.md). The same bars in HTML, drawn by `st.html`, cost
nothing measurable. Each status keeps its colour and fill pattern (the hatching drawn by CSS gradients in the light
ink of `colours.PATTERN_INK`), its count is written on its segment when the segment has room, and each segment names
its row, status and count in a tooltip. Every text from the workbook (a domain's or a plan's name) is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from actionplan.plan.status import AS_OF_ORDER, label_of

from .. import colours

ROW_HEIGHT_PX = 26
COUNT_ROOM = 0.05  # a segment narrower than this share of the longest bar leaves its count to the tooltip
INK = colours.PATTERN_INK
STEP = colours.PATTERN_SIZE
# Plotly's pattern shapes (colours.STATUS_PATTERNS) as CSS backgrounds over the bar's colour.
_LINE = f"{INK} 0 1px,transparent 1px {STEP}px"
CSS_PATTERNS: dict[str, str] = {
    "": "none",
    "/": f"repeating-linear-gradient(-45deg,{_LINE})",
    "\\": f"repeating-linear-gradient(45deg,{_LINE})",
    "-": f"repeating-linear-gradient(0deg,{_LINE})",
    "|": f"repeating-linear-gradient(90deg,{_LINE})",
    "x": f"repeating-linear-gradient(-45deg,{_LINE}),repeating-linear-gradient(45deg,{_LINE})",
    "+": f"repeating-linear-gradient(0deg,{_LINE}),repeating-linear-gradient(90deg,{_LINE})",
    ".": f"radial-gradient(circle,{INK} 1.2px,transparent 1.7px) 0 0/{STEP}px {STEP}px",
}


def _fill(status: str) -> str:
    """The CSS background of a status: its colour under its hatching."""
    pattern = CSS_PATTERNS[colours.STATUS_PATTERNS.get(status, "")]
    colour = colours.status_colour(status)
    return f"background:{pattern},{colour}" if pattern != "none" else f"background:{colour}"


def text_colour(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (a '#RRGGBB'): 4.5:1 or more on any colour."""
    return max(("#000000", "#FFFFFF"), key=lambda ink: colours.contrast(colour, ink))


def legend_row(statuses: Sequence[str]) -> str:
    """A legend of these statuses above a chart: each one's fill (colour and hatching) and its name."""
    shown = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:0.3rem;margin-right:0.9rem">'
        f'<span style="width:14px;height:14px;border-radius:2px;{_fill(s)}"></span>{html.escape(label_of(s))}</span>'
        for s in statuses
    )
    return f'<div style="display:flex;flex-wrap:wrap;row-gap:0.3rem;margin-bottom:0.6rem">{shown}</div>'


def stacked_status_html(
    table: pd.DataFrame,
    *,
    name: str,
    order: Sequence[str] = AS_OF_ORDER,
    largest: int | None = None,
    legend: bool = True,
) -> str:
    """One horizontal bar per row of `table` (years, domains, plans or days), stacked by status in `order` (the
    as-of statuses by default), with a legend of the statuses that have activities. `table`: rows as labelled,
    columns = statuses (as `views.by_year_and_status` / `views.by_domain` return). `name`: the chart's accessible
    name. `largest`: the count a full-width bar stands for (default: this table's longest bar), so that several
    charts share one scale; `legend=False` leaves the legend to the caller (one for several charts)."""
    statuses = [s for s in order if s in table.columns and int(table[s].sum()) > 0]
    longest = int(table[statuses].sum(axis=1).max()) if statuses and len(table) else 0
    largest = max(largest or longest, 1)
    fills = {s: _fill(s) for s in statuses}
    # A count is written on its status's colour (not over the hatching), in black or white, whichever reads better.
    count_styles = {
        s: f"background:{colours.status_colour(s)};color:{text_colour(colours.status_colour(s))}" for s in statuses
    }
    rows = []
    for label, counts in table.iterrows():
        row = html.escape(str(label))
        segments = []
        for status in statuses:
            count = int(counts[status])
            if not count:
                continue
            share = count / largest
            said = html.escape(f"{label} · {label_of(status)}: {count}")
            written = (
                f'<span style="{count_styles[status]};padding:0 0.25rem;border-radius:2px">{count}</span>'
                if share >= COUNT_ROOM
                else ""
            )
            segments.append(
                f'<div title="{said}" style="flex:0 0 {share * 100:.3f}%;height:100%;display:flex;align-items:center;'
                f'justify-content:center;font-size:0.8rem;overflow:hidden;{fills[status]}">{written}</div>'
            )
        total = int(counts[statuses].sum()) if statuses else 0
        rows.append(
            f'<div style="text-align:right;line-height:1.2">{row}</div>'
            f'<div style="display:flex;height:{ROW_HEIGHT_PX}px;align-items:stretch">{"".join(segments)}</div>'
            f'<div style="font-size:0.8rem;color:#31333F">{total}</div>'
        )
    return (
        f'<div role="group" aria-label="{html.escape(name)}" style="font-size:0.875rem">'
        f"{legend_row(statuses) if legend else ''}"
        f'<div style="display:grid;grid-template-columns:fit-content(40%) 1fr 2.5rem;gap:0.4rem 0.6rem;'
        f'align-items:center">{"".join(rows)}</div></div>'
    )
