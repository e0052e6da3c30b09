"""Counts as charts: status bars, domains by year, the drill-down sunburst, the coverage matrix."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from actionplan import views, words
from actionplan.i18n import _
from actionplan.plan.contract import ActivityColumn
from actionplan.plan.status import AS_OF_ORDER, label_of, meaning_of
from actionplan.plan.translations import ListLabels

from .. import colours
from .common import BAR_HEIGHT, FONT_SIZE, _wrap, unchecked_figure

# ---------------------------------------------------------------------------------------------------------------
# Counts


def _bar_layout_dict(height: int, *, legend: bool = True) -> dict:
    return {
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 40 if legend else 10, "b": 10},
        "font": {"size": FONT_SIZE},
        "plot_bgcolor": "white",
        "showlegend": legend,
        "legend": {"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0, "traceorder": "normal"},
        "hoverlabel": {"align": "left", "bgcolor": "white"},
    }


def _bar_layout(fig: go.Figure, height: int, *, legend: bool = True) -> go.Figure:
    fig.update_layout(**_bar_layout_dict(height, legend=legend))
    return fig


def status_bar(counts: pd.Series) -> go.Figure:
    """One horizontal bar per as-of status that has activities, in AS_OF_ORDER, with its count at the end.

    `counts`: status -> number (as `views.counts_by_status` returns).
    """
    shown = counts[counts > 0].reindex([s for s in AS_OF_ORDER if s in counts.index and counts[s] > 0])
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=[label_of(s) for s in shown.index],
            x=list(shown.values),
            text=list(shown.values),
            textposition="auto",
            marker={
                "color": [colours.status_colour(s) for s in shown.index],
                "pattern": {**colours.pattern(""), "shape": [colours.STATUS_PATTERNS.get(s, "") for s in shown.index]},
            },
            customdata=[meaning_of(s) for s in shown.index],
            hovertemplate="<b>%{y}</b>: %{x}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(
        title_text=_("Number of activities"), rangemode="tozero", dtick=_dtick(shown.max() if len(shown) else 1)
    )
    return _bar_layout(fig, 60 + BAR_HEIGHT * max(len(shown), 2), legend=False)


def _dtick(largest: int) -> int:
    """A whole-number tick step so a count axis never shows 0.5."""
    return max(1, int(largest) // 8 + (1 if int(largest) % 8 else 0))


def stacked_status_bars(table: pd.DataFrame, *, horizontal: bool = False, axis_title: str = "") -> go.Figure:
    """Stacked bars of counts by as-of status, one bar per row of `table` (years or domains).

    `table`: rows = years or domains, columns = statuses (as `views.by_year_and_status` / `views.by_domain`);
    only statuses with at least one activity get a trace; the legend follows AS_OF_ORDER. Built from plain dicts
    (`unchecked_figure`): at thousands of activities the counts change with every as-of date, and Plotly's
    validation was most of the build.
    """
    labels = [str(index) for index in table.index]
    traces: list[dict] = []
    for rank, status in enumerate(AS_OF_ORDER):
        if status not in table.columns or table[status].sum() == 0:
            continue
        values = [int(value) for value in table[status]]
        bar = {"y": labels, "x": values, "orientation": "h"} if horizontal else {"x": labels, "y": values}
        traces.append(
            {
                **bar,
                "name": label_of(status),
                "legendrank": rank,
                "marker": {"color": colours.status_colour(status), "pattern": colours.status_pattern(status)},
                "text": [str(v) if v else "" for v in values],  # as validation writes them
                "textposition": "inside",
                "textangle": 0,
                "insidetextanchor": "middle",
                "constraintext": "none",
                "hovertemplate": f"<b>%{{{'y' if horizontal else 'x'}}}</b><br>{label_of(status)}: "
                f"%{{{'x' if horizontal else 'y'}}}<extra></extra>",
                "type": "bar",
            }
        )
    largest = int(table.sum(axis=1).max()) if len(table) else 1
    counts_axis = {"title": {"text": _("Number of activities")}, "dtick": _dtick(largest)}
    if horizontal:
        layout = {
            "yaxis": {"type": "category", "autorange": "reversed", "automargin": True, "title": {"text": axis_title}},
            "xaxis": counts_axis,
        }
        height = 80 + BAR_HEIGHT * max(len(table), 3)
    else:
        layout = {"xaxis": {"type": "category", "title": {"text": axis_title}}, "yaxis": counts_axis}
        height = 340
    return unchecked_figure(traces, {"barmode": "stack", **layout, **_bar_layout_dict(height)})


def domain_year_bars(
    table: pd.DataFrame, *, domain_colours: Mapping[str, str], labels: ListLabels | None = None
) -> go.Figure:
    """Grouped bars: for each plan year, one bar per domain in its own colour and fill pattern.

    `table`: rows = domains, columns = years (as `views.by_domain_and_year` returns). Colours and patterns are keyed
    on the domain's value; its name is as the Lists sheet gives it in the reader's language (`labels`).
    """
    fig = go.Figure()
    years = [str(year) for year in table.columns]
    patterns = colours.domain_patterns({**domain_colours, **{str(d): "" for d in table.index}})
    for rank, (domain, counts) in enumerate(table.iterrows()):
        fig.add_trace(
            go.Bar(
                x=years,
                y=list(counts),
                name=views.app_word(domain, labels),
                legendrank=rank,
                marker={
                    "color": domain_colours.get(str(domain), colours.UNCLASSIFIED_COLOUR),
                    "pattern": patterns[str(domain)],
                },
                text=[v or "" for v in counts],
                textposition="outside",
                hovertemplate=f"<b>{views.app_word(domain, labels)}</b><br>%{{x}}: %{{y}}<extra></extra>",
            )
        )
    largest = int(table.to_numpy().max()) if table.size else 1
    fig.update_layout(barmode="group", bargroupgap=0.05)
    _bar_layout(fig, 360)
    if len(table) > 3:  # two legend columns: a narrow chart would stack one domain per line
        fig.update_layout(legend={"entrywidth": 0.5, "entrywidthmode": "fraction"})
    fig.update_xaxes(type="category", title_text=_("Plan year"))
    fig.update_yaxes(title_text=_("Number of activities"), dtick=_dtick(largest), range=[0, largest * 1.15 + 0.5])
    return fig


SUNBURST_LEAF_LIMIT = 600  # activities drawn one by one in the sunburst's outer ring


def domain_sunburst(
    rows: pd.DataFrame,
    *,
    domain_colours: Mapping[str, str],
    leaf_limit: int = SUNBURST_LEAF_LIMIT,
    labels: ListLabels | None = None,
) -> go.Figure:
    """Domain → convention or programme → activity, each ring sized by the number of activities.

    `rows`: the activities as `views.gantt_rows` orders them (Domain and Instrument filled in). Every wedge takes
    its domain's colour; two rings show at once, a click on a wedge drills down. Beyond `leaf_limit` activities the
    ring of single activities is left out (thousands of slivers say nothing and cost seconds): the instruments are
    the outer ring, and the list beside the chart names the activities. Wedges are keyed (ids, colours) on the
    values; their names are as the Lists sheet gives them in the reader's language (`labels`).
    """
    nodes: list[tuple[str, str, str, int, str, str]] = []  # id, label, parent, value, colour, hover
    leaves = len(rows) <= leaf_limit
    for domain, in_domain in rows.groupby(views.DOMAIN_COLUMN, sort=False):
        colour = domain_colours.get(str(domain), colours.UNCLASSIFIED_COLOUR)
        domain_id = f"d/{domain}"
        name = views.app_word(domain, labels)
        nodes.append((domain_id, name, "", len(in_domain), colour, words.activities(len(in_domain))))
        for instrument, in_instrument in in_domain.groupby(views.INSTRUMENT_COLUMN, sort=True):
            node = f"{domain_id}/i/{instrument}"
            nodes.append(
                (
                    node,
                    views.app_word(instrument, labels),
                    domain_id,
                    len(in_instrument),
                    colour,
                    words.activities(len(in_instrument)),
                )
            )
            if leaves:
                nodes += [
                    (f"{node}/a/{activity_id}", str(activity_id), node, 1, colour, _wrap(event, 60))
                    for activity_id, event in zip(in_instrument[ActivityColumn.ID], in_instrument[ActivityColumn.EVENT])
                ]
    ids, shown, parents, values, fills, hover = (list(column) for column in zip(*nodes)) if nodes else ([],) * 6
    fig = go.Figure(
        go.Sunburst(
            ids=ids,
            labels=shown,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": fills, "line": {"color": "white", "width": 1}},
            hovertext=hover,
            hovertemplate="<b>%{label}</b><br>%{hovertext}<extra></extra>",
            insidetextorientation="radial",
            maxdepth=2,
            sort=False,
        )
    )
    fig.update_layout(height=520, margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": FONT_SIZE})
    return fig


def coverage_heatmap(
    matrix: pd.DataFrame, *, titles: Mapping[str, str], conventions: int = 0, labels: ListLabels | None = None
) -> go.Figure:
    """The coverage matrix as a grid: instruments down, plan years across, the count in each cell.

    `matrix` as `views.coverage_matrix` returns it; `titles`: instrument -> full title for the hover;
    `conventions`: how many of the first rows are conventions (a line then separates them from the programmes).
    An empty cell is a pale grey box (a gap), a filled one a shade of blue that deepens with its count. Rows stay
    keyed on the instrument (a click reports it); their tick text names it as the Lists sheet does in the reader's
    language (`labels`).
    """
    years = [str(year) for year in matrix.columns]
    instruments = [str(name) for name in matrix.index]
    counts = matrix.to_numpy().astype(int)
    largest = max(int(counts.max()) if counts.size else 0, 1)
    # A step at half an activity: 0 is a grey gap, 1 and more are blues.
    edge = 0.5 / largest
    scale = [[0.0, colours.GAP_COLOUR], [edge, colours.GAP_COLOUR], [edge, colours.COVERAGE_SCALE[0]]]
    scale += [
        [edge + (1 - edge) * (i + 1) / (len(colours.COVERAGE_SCALE) - 1), c]
        for i, c in enumerate(colours.COVERAGE_SCALE[1:])
    ]
    hover = [
        [
            f"<b>{_wrap(titles.get(name, name), 60)}</b><br>{year}: {words.activities(count)}"
            for year, count in zip(years, row)
        ]
        for name, row in zip(instruments, counts)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=counts.tolist(),
            x=years,
            y=instruments,
            zmin=0,
            zmax=largest,
            colorscale=scale,
            showscale=False,
            text=[[str(c) if c else "" for c in row] for row in counts],
            texttemplate="%{text}",
            textfont={"size": 14},
            xgap=3,
            ygap=3,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    # Heatmaps cannot be selected by a click; an invisible marker on each counted cell can (st.plotly_chart
    # on_select then reports its x = year and y = instrument).
    counted = [
        (year, name, hover[r][c]) for r, name in enumerate(instruments) for c, year in enumerate(years) if counts[r][c]
    ]
    fig.add_trace(
        go.Scatter(
            x=[cell[0] for cell in counted],
            y=[cell[1] for cell in counted],
            mode="markers",
            name="cells",
            marker={"symbol": "square", "size": 22, "opacity": 0},
            showlegend=False,
            customdata=[cell[2] for cell in counted],
            hovertemplate="%{customdata}<br><i>" + _("Click to list them") + "</i><extra></extra>",
        )
    )
    fig.update_layout(
        height=90 + 30 * max(len(instruments), 3),
        clickmode="event+select",
        hovermode="closest",
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"size": FONT_SIZE},
        plot_bgcolor="white",
    )
    fig.update_xaxes(type="category", side="top", showgrid=False, tickfont={"size": 14})
    fig.update_yaxes(
        type="category",
        autorange="reversed",
        automargin=True,
        showgrid=False,
        tickfont={"size": 13},
        tickmode="array",
        tickvals=instruments,
        ticktext=[views.app_word(name, labels) for name in instruments],
    )
    if 0 < conventions < len(instruments):
        fig.add_hline(y=conventions - 0.5, line={"color": colours.ACCENT, "width": 2}, name="conventions | programmes")
    return fig
