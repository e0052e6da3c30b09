"""Progress over time as a chart: the reported status by domain on each day someone reported.

Drawn as HTML bars (`html_bars`), like the Overview's other charts: a Plotly chart on the Overview loaded Plotly's
part of Streamlit's front end (4.7 MB of script) on every first visit, and the page's cards and bars waited for it
(drawn at 3.4 s instead of 1.8 s on this machine, benchmarks/RESULTS.md).
"""

from __future__ import annotations

import html

import pandas as pd

from actionplan import views, words
from actionplan.i18n import _
from actionplan.plan.translations import ListLabels
from actionplan.views.progress import COUNT_COLUMN, DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN, TREND_ORDER

from .html_bars import legend_row, stacked_status_html

PANEL_WIDTH = "17rem"  # the narrowest a domain's panel gets before the panels wrap (one per row on a phone)


def reported_trend_html(trend: views.Trend, labels: ListLabels | None = None) -> str:
    """One small panel per domain; in each, a bar per check-in day stacked by how many of the domain's activities
    stood in each reported status that day (Not reported included, in its own grey), every panel on one scale.

    `trend`: as `views.reported_trend` returns it (not empty). Domains are named as the Lists sheet names them in
    the reader's language (`labels`); every name from the workbook is escaped.
    """
    statuses = [str(s) for s in TREND_ORDER]
    # (domain, day) -> how many activities stood in each status: one table for every panel, its legend and scale
    every = pd.MultiIndex.from_product([trend.domains, trend.days], names=[DOMAIN_COLUMN, DAY_COLUMN])
    counts = (
        trend.table.pivot_table(
            index=[DOMAIN_COLUMN, DAY_COLUMN], columns=STATUS_COLUMN, values=COUNT_COLUMN, aggfunc="sum"
        )
        .reindex(index=every, columns=statuses)
        .fillna(0)
        .astype(int)
    )
    present = [s for s in statuses if int(counts[s].sum()) > 0]
    tallest = int(counts.sum(axis=1).max()) if len(counts) else 1
    days = pd.Index([words.day(day) for day in trend.days])
    panels = []
    for domain in trend.domains:
        name = views.app_word(domain, labels)
        panel = counts.xs(domain, level=DOMAIN_COLUMN).set_axis(days)
        bars = stacked_status_html(panel, name=name, order=statuses, largest=tallest, legend=False)
        panels.append(f'<div><div style="font-weight:600;margin-bottom:0.3rem">{html.escape(name)}</div>{bars}</div>')
    title = _("Activities by reported status")
    return (
        f'<div role="group" aria-label="{html.escape(title)}" style="font-size:0.875rem">{legend_row(present)}'
        f'<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,{PANEL_WIDTH}),1fr));'
        f'gap:1rem 1.5rem">{"".join(panels)}</div></div>'
    )
