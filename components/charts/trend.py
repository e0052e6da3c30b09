"""Progress over time as a chart: the reported status by domain on each day someone reported."""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from actionplan import views, words
from actionplan.i18n import _
from actionplan.plan.translations import ListLabels
from actionplan.views.progress import COUNT_COLUMN, DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN, TREND_ORDER

from .. import colours
from .common import FONT_SIZE

PANEL_HEIGHT = 230  # px per row of panels
PANELS_PER_ROW = 3  # domains side by side before the panels wrap (readable from 390 px wide up)
ROW_GAP = 120  # px between rows of panels: the day labels of the row above and the next domain's name
TOP = 90  # px above the first row: the legend and the first domains' names
TITLE_WIDTH = 18  # characters per line of a domain's name over its panel


def reported_trend(trend: views.Trend, labels: ListLabels | None = None) -> go.Figure:
    """One small panel per domain, side by side; in each, a stacked bar per check-in day with how many of the
    domain's activities stood in each reported status that day (Not reported included, in its own grey).

    `trend`: as `views.reported_trend` returns it (not empty). One trace per (status, domain) that has activities
    on some day; a status's traces share a legend entry. Domains are named as the Lists sheet names them in the
    reader's language (`labels`; the traces stay keyed on the value). Domain names are workbook text: escaped for
    Plotly.
    """
    domains = list(trend.domains)
    names = {domain: html.escape(views.app_word(domain, labels)) for domain in domains}
    columns = min(len(domains), PANELS_PER_ROW) or 1
    rows = -(-len(domains) // columns) or 1
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_yaxes=True,
        subplot_titles=[
            "<br>".join(map(html.escape, textwrap.wrap(views.app_word(domain, labels), TITLE_WIDTH)))
            for domain in domains
        ],
        horizontal_spacing=0.04,
        vertical_spacing=ROW_GAP / (PANEL_HEIGHT * rows + ROW_GAP * (rows - 1)) if rows > 1 else 0,
    )
    day_labels = [words.day(day) for day in trend.days]
    table = trend.table
    seen: set[str] = set()
    for rank, status in enumerate(TREND_ORDER):
        of_status = table[table[STATUS_COLUMN] == str(status)]
        for place, domain in enumerate(domains):
            counts = of_status[of_status[DOMAIN_COLUMN] == domain].set_index(DAY_COLUMN)[COUNT_COLUMN]
            values = [int(counts.get(day, 0)) for day in trend.days]
            if not any(values):
                continue
            fig.add_trace(
                go.Bar(
                    x=day_labels,
                    y=values,
                    name=status.label,
                    legendgroup=str(status),
                    legendrank=rank,
                    showlegend=str(status) not in seen,
                    marker={"color": colours.status_colour(status), "pattern": colours.status_pattern(status)},
                    customdata=[names[domain]] * len(values),
                    hovertemplate="<b>%{customdata}</b>, %{x}<br>"
                    + html.escape(status.label)
                    + ": %{y}<extra></extra>",
                ),
                row=place // columns + 1,
                col=place % columns + 1,
            )
            seen.add(str(status))
    fig.update_layout(
        barmode="stack",
        height=PANEL_HEIGHT * rows + ROW_GAP * (rows - 1) + TOP,
        margin={"l": 10, "r": 10, "t": TOP, "b": 10},
        font={"size": FONT_SIZE},
        plot_bgcolor="white",
        legend={"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0, "traceorder": "normal"},
        hoverlabel={"align": "left", "bgcolor": "white"},
        bargap=0.3,
    )
    fig.update_xaxes(type="category", tickangle=-45 if len(day_labels) > 2 else 0, automargin=True)
    tallest = int(table.groupby([DAY_COLUMN, DOMAIN_COLUMN])[COUNT_COLUMN].sum().max()) if len(table) else 1
    fig.update_yaxes(  # one scale for every panel, so domains compare at a glance
        range=[0, tallest * 1.05], dtick=max(1, -(-tallest // 5)), gridcolor=colours.GRID_COLOUR, automargin=True
    )
    fig.update_yaxes(title_text=_("Activities by reported status"), row=1, col=1)
    fig.update_annotations(font={"size": FONT_SIZE})
    return fig
