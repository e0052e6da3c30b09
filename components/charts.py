"""Chart builders: pure, typed functions from the tables of `actionplan.views` to Plotly figures.

None of them calls Streamlit; every colour comes from `components.colours`. Each is tested on its figure's
data and layout (tests/test_charts.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from actionplan import views, words
from actionplan.plan.status import AS_OF_ORDER, STATUS_AS_OF, meaning_of

from . import colours

COLOUR_BY_DOMAIN = "Domain"
COLOUR_BY_STATUS = "Status"
COLOUR_CHOICES: tuple[str, ...] = (COLOUR_BY_DOMAIN, COLOUR_BY_STATUS)

ROW_HEIGHT = 24  # px per Gantt row (activity, step or group heading)
GANTT_TOP = 150  # px above the rows: legend (up to 4 lines), milestone names, quarter labels
MILESTONE_LABEL_SHIFT = 24  # px between the top of the rows and the milestone names (quarter labels go between)
GANTT_BOTTOM = 30
FULL_QUARTER_LABELS_UP_TO = 12  # more quarters than this: only Q1 carries its year (labels stay level at 1366 px)
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


# ---------------------------------------------------------------------------------------------------------------
# Gantt


def quarter_ticks(first: date, last: date, *, years_only: bool = False) -> tuple[list[str], list[str], list[str]]:
    """The quarters from the one holding `first` to the one holding `last`.

    Returns (label positions: each quarter's middle, labels "Q1 2021"..., boundaries: each quarter's first day and
    the day after the last quarter), all positions as ISO dates.
    """
    starts = list(pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q"))
    full = len(starts) <= FULL_QUARTER_LABELS_UP_TO
    middles, labels, bounds = [], [], []
    for quarter in starts:
        begin, end = quarter.start_time, quarter.end_time.normalize() + pd.Timedelta(days=1)
        bounds.append(begin.strftime("%Y-%m-%d"))
        if (
            years_only or len(starts) > QUARTER_LABELS_UP_TO
        ):  # many years, or a phone: years labelled, quarters as lines
            if quarter.quarter == 3 or (quarter is starts[0] and quarter.quarter == 4):
                middles.append(begin.strftime("%Y-%m-%d"))
                labels.append(str(quarter.year))
            continue
        middles.append((begin + (end - begin) / 2).strftime("%Y-%m-%d"))
        labels.append(f"Q{quarter.quarter} {quarter.year}" if full or quarter.quarter == 1 else f"Q{quarter.quarter}")
    if starts:
        bounds.append((starts[-1].end_time.normalize() + pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    return middles, labels, bounds


def gantt_height(rows: int) -> int:
    """The figure height for this many rows: fixed room above and below, ROW_HEIGHT per row."""
    return GANTT_TOP + GANTT_BOTTOM + ROW_HEIGHT * max(rows, 3)


def _heading(group: str) -> str:
    return f"<b>{group}</b>"


def _step_label(step: Mapping[str, object]) -> str:
    return f"   ↳ {step['Activity ID']} step {step['Step']}: {words.short_title(step['Description'], 40)}"


def _activity_hovers(rows: pd.DataFrame, steps_text: Mapping[str, str]) -> list[str]:
    """One hover text per activity row: the full event, terms as written, dates, instruments, status, steps."""
    hovers = []
    columns = ("ID", "Domain", "Event", "Terms", "Start", "End", "Convention", "Programme", STATUS_AS_OF)
    present = [c for c in columns if c in rows.columns]
    for record in rows[present].itertuples(index=False, name=None):
        row = dict(zip(present, record))
        lines = [
            f"<b>{row['ID']}</b> ({row['Domain']})",
            _wrap(row["Event"]),
            "",
            f"<b>Terms as written:</b> {row['Terms'] if isinstance(row['Terms'], str) else ''}",
            f"<b>Dates:</b> {words.span(row['Start'], row['End'])}",
        ]
        for column in ("Convention", "Programme"):
            if pd.notna(row.get(column)):
                lines.append(f"<b>{column}:</b> {row[column]}")
        status = str(row[STATUS_AS_OF])
        lines.append(f"<b>Status:</b> {status} ({meaning_of(status)})")
        steps = steps_text.get(row["ID"], "")
        if steps:
            lines += ["", "<b>Mechanism:</b>", steps]
        hovers.append("<br>".join(lines))
    return hovers


def _steps_texts(steps: pd.DataFrame | None, activity_ids: Sequence[str]) -> dict[str, str]:
    """For each activity, its mechanism steps as hover lines (`1. description [terms]`)."""
    if steps is None or steps.empty:
        return {}
    texts: dict[str, list[str]] = {}
    own = steps[steps["Activity ID"].isin(set(activity_ids))].sort_values(["Activity ID", "Step"])
    for step in own.to_dict("records"):
        when = f" [{step['Terms']}]" if isinstance(step.get("Terms"), str) and step["Terms"] else ""
        line = _wrap(f"{step['Step']}. {words.short_title(step['Description'], 150)}{when}")
        texts.setdefault(step["Activity ID"], []).append(line)
    return {activity_id: "<br>".join(lines) for activity_id, lines in texts.items()}


def _iso_days(values: pd.Series) -> list[str]:
    """Dates as 'YYYY-MM-DD', the most compact text Plotly reads on a date axis."""
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d").tolist()


def _widths_ms(starts: pd.Series, ends: pd.Series) -> list[float]:
    """Bar lengths in milliseconds, the end day included (a one-month activity is a whole month wide)."""
    days = (pd.to_datetime(ends) - pd.to_datetime(starts)).dt.days + 1
    return (days.astype("float64") * 86_400_000).tolist()


def gantt(
    rows: pd.DataFrame,
    milestones: pd.DataFrame,
    *,
    as_of: date,
    colour_by: str = COLOUR_BY_DOMAIN,
    groups: pd.DataFrame | None = None,
    steps: pd.DataFrame | None = None,
    dated_steps: pd.DataFrame | None = None,
    domains: Sequence[str] = (),
    x_range: tuple[date, date] | None = None,
    compact: bool = False,
) -> go.Figure:
    """One bar per activity row from Start to End (inclusive), under a bold heading per group.

    rows: the activities to draw, prepared: `views.gantt_rows` (Group, Label, Domain, in Gantt order) of
    activities with their `Status as of` already derived (`views.Filters.apply`) and with dates; this builder
    derives nothing. groups: `views.gantt_window(...).groups`; a group that is not `Open` is drawn as one
    hatched summary bar on its heading row, from its first start to its last end (default: every group of
    `rows`, open). steps: all mechanism steps, for the hover; dated_steps: the steps with their own dates to draw
    as thin lines on rows of their own under their activity (`views.dated_steps`), or None.

    Bars are coloured by domain or by status as of `as_of`: one bar trace per colour with compact arrays (dates
    as 'YYYY-MM-DD', widths in ms, one hover text per bar). Quarter labels ("Q1 2021") on a top axis; milestones
    as shaded spans with their names; the as-of date as a solid line. `x_range` zooms (e.g. one year). The height
    grows with the number of rows drawn. `compact` (a phone): rows labelled by ID alone, years on the axis (when
    it spans more than a year), milestone names cut to their first words, so the bars keep most of 390 px.
    """
    label_column = "ID" if compact else views.LABEL_COLUMN
    domain_colours = colours.domain_colours([*domains, *rows[views.DOMAIN_COLUMN].unique()])
    if groups is None:
        groups = pd.DataFrame({views.OPEN_COLUMN: True}, index=pd.Index(rows[views.GROUP_COLUMN].unique()))
    dated = dated_steps if dated_steps is not None and not dated_steps.empty else None

    # The y categories, top to bottom: a heading per group, then (if open) its activities, each followed by its
    # dated steps.
    step_labels: dict[str, list[str]] = {}
    if dated is not None:
        for step in dated.to_dict("records"):
            step_labels.setdefault(step["Activity ID"], []).append(_step_label(step))
    members_of = {
        group: list(zip(members["ID"], members[label_column].astype(str)))
        for group, members in rows.groupby(views.GROUP_COLUMN, sort=False)
    }
    categories: list[str] = []
    for group, is_open in zip(groups.index, groups[views.OPEN_COLUMN]):
        categories.append(_heading(str(group)))
        if is_open:
            for activity_id, label in members_of.get(group, ()):
                categories += [label, *step_labels.get(activity_id, [])]

    traces: list[dict] = []  # built as plain dicts: one validation when the figure is made
    key = views.DOMAIN_COLUMN if colour_by == COLOUR_BY_DOMAIN else STATUS_AS_OF
    order = list(domain_colours) if colour_by == COLOUR_BY_DOMAIN else list(AS_OF_ORDER)
    colour_of = domain_colours.get if colour_by == COLOUR_BY_DOMAIN else colours.status_colour
    values = rows[key].astype(object)
    hovers = pd.Series(_activity_hovers(rows, _steps_texts(steps, list(rows["ID"]))), index=rows.index, dtype=object)
    present = set(values)
    for rank, value in enumerate(v for v in order if v in present):
        members = rows[values == value]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": list(members[label_column].astype(str)),
                "x": _widths_ms(members["Start"], members["End"]),
                "base": _iso_days(members["Start"]),
                "name": str(value),
                "legendrank": rank,
                "marker": {
                    "color": colour_of(value) or colours.UNCLASSIFIED_COLOUR,
                    "line": {"width": 1, "color": "white"},
                },
                "customdata": [[i, h] for i, h in zip(members["ID"], hovers[members.index])],
                "hovertemplate": "%{customdata[1]}<extra></extra>",
            }
        )
    _add_group_summaries(traces, groups, domain_colours if colour_by == COLOUR_BY_DOMAIN else {})
    if dated is not None:
        colour_for_activity = {a: colour_of(str(v)) for a, v in zip(rows["ID"], values)}
        for step in dated.to_dict("records"):
            traces.append(
                {
                    "type": "scatter",
                    "x": [_day(step["Start"]).isoformat(), (_day(step["End"]) + ONE_DAY).isoformat()],
                    "y": [_step_label(step)] * 2,
                    "mode": "lines",
                    "showlegend": False,
                    "opacity": 0.7,
                    "line": {"width": 7, "color": colour_for_activity.get(step["Activity ID"], colours.ACCENT)},
                    "hovertemplate": (
                        f"<b>{step['Activity ID']} step {step['Step']}</b><br>{_wrap(step['Description'])}"
                        f"<br><b>Terms:</b> {step['Terms']}<br><b>Dates:</b> "
                        f"{words.span(step['Start'], step['End'])}<extra></extra>"
                    ),
                }
            )

    first, last = _span(groups if "Start" in groups.columns else rows, x_range)
    # Invisible points on the headings keep them on the axis (a category with no data would be dropped).
    headings = [c for c in categories if c.startswith("<b>")]
    traces.append(
        {
            "type": "scatter",
            "x": [first.isoformat()] * len(headings),
            "y": headings,
            "mode": "markers",
            "marker": {"opacity": 0},
            "showlegend": False,
            "hoverinfo": "skip",
        }
    )

    middles, labels, bounds = quarter_ticks(first, last - ONE_DAY, years_only=compact and (last - first).days > 366)
    layout = {
        "height": gantt_height(len(categories)),
        "barmode": "overlay",
        "bargap": 0.25,
        "margin": {"l": 10, "r": 20, "t": GANTT_TOP, "b": GANTT_BOTTOM},
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "xref": "container",
            "x": 0,
            "title": {"text": ""},
            "font": {"size": FONT_SIZE},
        },
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "font": {"size": FONT_SIZE},
        "plot_bgcolor": "white",
        "xaxis": {
            "type": "date",
            "side": "top",
            "range": [first.isoformat(), last.isoformat()],
            "tickmode": "array",
            "tickvals": middles,
            "ticktext": labels,
            "ticks": "",
            "showgrid": False,
            "minor": {"tickmode": "array", "tickvals": bounds, "showgrid": True, "gridcolor": colours.GRID_COLOUR},
            "fixedrange": False,
            "tickfont": {"size": 12},
            "tickangle": 0,
        },
        # Top to bottom, no padding rows above the first heading.
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": categories,
            "autorange": False,
            "range": [len(categories) - 0.5, -0.6],
            "automargin": True,
            "fixedrange": True,
            "showgrid": False,
            "tickfont": {"size": 12},
        },
    }
    # Shapes and annotations are set once: each add_shape/add_vline call re-processes every shape before it.
    shapes: list[dict] = [
        {
            "type": "line",
            "xref": "x",
            "yref": "y domain",
            "x0": bound,
            "x1": bound,
            "y0": 0,
            "y1": 1,
            "line": {"color": colours.ACCENT, "width": 1},
            "opacity": 0.5,
            "layer": "below",
        }
        for bound in bounds
        if bound.endswith("-01-01")
    ]
    annotations: list[dict] = []
    _add_milestones(shapes, annotations, milestones, first, last, short=compact)
    _add_as_of(traces, shapes, annotations, as_of, first, last)
    return go.Figure(data=traces, layout={**layout, "shapes": shapes, "annotations": annotations})


def _add_group_summaries(traces: list[dict], groups: pd.DataFrame, domain_colours: Mapping[str, str]) -> None:
    """Each closed group as one hatched bar on its heading row, from its first start to its last end."""
    closed = groups[~groups[views.OPEN_COLUMN].astype(bool)] if len(groups) else groups
    if closed.empty:
        return
    fills = [
        domain_colours.get(str(domain), colours.GROUP_COLOUR) if domain is not None else colours.GROUP_COLOUR
        for domain in closed[views.DOMAIN_COLUMN]
    ]
    hovers = [
        f"<b>{group}</b><br>{int(count):,} activities, {words.span(start, end)}<br>{statuses}"
        "<br><i>Open the group above the chart to see its activities</i>"
        for group, count, start, end, statuses in zip(
            closed.index,
            closed[views.COUNT_COLUMN],
            closed["Start"],
            closed["End"],
            closed[views.STATUS_COUNTS_COLUMN],
        )
    ]
    traces.append(
        {
            "type": "bar",
            "orientation": "h",
            "y": [_heading(str(group)) for group in closed.index],
            "x": _widths_ms(closed["Start"], closed["End"]),
            "base": _iso_days(closed["Start"]),
            "name": "Group (closed): first start to last end",
            "legendrank": 999,
            "marker": {"color": fills, "pattern": {"shape": "/", "fgcolor": "white"}, "line": {"width": 0}},
            "opacity": 0.75,
            "customdata": [[str(group), hover] for group, hover in zip(closed.index, hovers)],
            "hovertemplate": "%{customdata[1]}<extra></extra>",
        }
    )


def _span(rows: pd.DataFrame, x_range: tuple[date, date] | None) -> tuple[date, date]:
    """The x axis range: `x_range` (inclusive), else the activities' span to whole quarters; end is exclusive."""
    if x_range is not None:
        return x_range[0], x_range[1] + ONE_DAY
    if rows.empty:
        today = date.today()
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    first = pd.Timestamp(rows["Start"].min()).to_period("Q").start_time.date()
    last = pd.Timestamp(rows["End"].max()).to_period("Q").end_time.date() + ONE_DAY
    return first, last


def _add_milestones(
    shapes: list[dict], annotations: list[dict], milestones: pd.DataFrame, first: date, last: date, *, short: bool
) -> None:
    """Each milestone in the axis range as a shaded span (one day at least) with its name above the plot.

    A name near the right edge is written to the left of its band so that it is not cut off.
    """
    right_side = first + (last - first) * 0.78
    for milestone in milestones.to_dict("records"):
        start = _day(milestone["Date"])
        end = _day(milestone["End"]) if pd.notna(milestone.get("End")) else start
        if end < first or start >= last:
            continue
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": start.isoformat(),
                "x1": (end + ONE_DAY).isoformat(),
                "y0": 0,
                "y1": 1,
                "fillcolor": colours.MILESTONE_COLOUR,
                "opacity": 0.18,
                "line": {"width": 0},
                "layer": "below",
                "name": f"milestone: {milestone['Name']}",
            }
        )
        to_left = start > right_side
        annotations.append(
            {
                "x": (end + ONE_DAY if to_left else start).isoformat(),
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "yshift": MILESTONE_LABEL_SHIFT,
                "yanchor": "bottom",
                "xanchor": "right" if to_left else "left",
                "align": "right" if to_left else "left",
                "showarrow": False,
                "text": str(milestone["Name"]).split(" ")[0] if short else _wrap(milestone["Name"], 28),
                "font": {"size": 11, "color": colours.MILESTONE_COLOUR},
                "name": f"milestone: {milestone['Name']}",
            }
        )


def _add_as_of(
    traces: list[dict], shapes: list[dict], annotations: list[dict], as_of: date, first: date, last: date
) -> None:
    """The as-of date as a solid line, named in the legend; labelled on the plot too when it lies on the axis."""
    label = f"As of {words.day(as_of)}"
    inside = first <= as_of < last
    shapes.append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": as_of.isoformat(),
            "x1": as_of.isoformat(),
            "y0": 0,
            "y1": 1,
            "line": {"color": colours.ACCENT, "width": 2},
            "name": "as of",
        }
    )
    legend_name = label if inside else (f"{label} →" if as_of >= last else f"← {label}")  # off the axis: say where
    traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "lines",
            "name": legend_name,
            "legendrank": 1000,
            "line": {"color": colours.ACCENT, "width": 2},
            "hoverinfo": "skip",
        }
    )
    if inside:
        annotations.append(
            {
                "x": as_of.isoformat(),
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "yshift": MILESTONE_LABEL_SHIFT,
                "yanchor": "bottom",
                "xanchor": "right",
                "showarrow": False,
                "text": f"<b>{label}</b>",
                "font": {"size": 12, "color": colours.ACCENT},
                "bgcolor": "rgba(255,255,255,0.85)",
                "name": "as of",
            }
        )


# ---------------------------------------------------------------------------------------------------------------
# Counts


def _bar_layout(fig: go.Figure, height: int, *, legend: bool = True) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 20, "t": 40 if legend else 10, "b": 10},
        font={"size": FONT_SIZE},
        plot_bgcolor="white",
        showlegend=legend,
        legend={"orientation": "h", "yref": "container", "y": 1, "yanchor": "top", "x": 0, "traceorder": "normal"},
        hoverlabel={"align": "left", "bgcolor": "white"},
    )
    return fig


def status_bar(counts: pd.Series) -> go.Figure:
    """One horizontal bar per as-of status that has activities, in AS_OF_ORDER, with its count at the end.

    `counts`: status -> number (as `views.counts_by_status` returns).
    """
    shown = counts[counts > 0].reindex([s for s in AS_OF_ORDER if s in counts.index and counts[s] > 0])
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=list(shown.index),
            x=list(shown.values),
            text=list(shown.values),
            textposition="auto",
            marker={"color": [colours.status_colour(s) for s in shown.index]},
            customdata=[meaning_of(s) for s in shown.index],
            hovertemplate="<b>%{y}</b>: %{x}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text="Activities", rangemode="tozero", dtick=_dtick(shown.max() if len(shown) else 1))
    return _bar_layout(fig, 60 + BAR_HEIGHT * max(len(shown), 2), legend=False)


def _dtick(largest: int) -> int:
    """A whole-number tick step so a count axis never shows 0.5."""
    return max(1, int(largest) // 8 + (1 if int(largest) % 8 else 0))


def stacked_status_bars(table: pd.DataFrame, *, horizontal: bool = False, axis_title: str = "") -> go.Figure:
    """Stacked bars of counts by as-of status, one bar per row of `table` (years or domains).

    `table`: rows = years or domains, columns = statuses (as `views.by_year_and_status` / `views.by_domain`);
    only statuses with at least one activity get a trace; the legend follows AS_OF_ORDER.
    """
    fig = go.Figure()
    labels = [str(index) for index in table.index]
    for rank, status in enumerate(AS_OF_ORDER):
        if status not in table.columns or table[status].sum() == 0:
            continue
        values = list(table[status])
        bar = {"y": labels, "x": values, "orientation": "h"} if horizontal else {"x": labels, "y": values}
        fig.add_trace(
            go.Bar(
                **bar,
                name=status,
                legendrank=rank,
                marker={"color": colours.status_colour(status)},
                text=[v or "" for v in values],
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                constraintext="none",
                hovertemplate=f"<b>%{{{'y' if horizontal else 'x'}}}</b><br>{status}: "
                f"%{{{'x' if horizontal else 'y'}}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    largest = int(table.sum(axis=1).max()) if len(table) else 1
    if horizontal:
        fig.update_yaxes(type="category", autorange="reversed", automargin=True, title_text=axis_title)
        fig.update_xaxes(title_text="Activities", dtick=_dtick(largest))
        return _bar_layout(fig, 80 + BAR_HEIGHT * max(len(table), 3))
    fig.update_xaxes(type="category", title_text=axis_title)
    fig.update_yaxes(title_text="Activities", dtick=_dtick(largest))
    return _bar_layout(fig, 340)


def domain_year_bars(table: pd.DataFrame, domain_colours: Mapping[str, str]) -> go.Figure:
    """Grouped bars: for each plan year, one bar per domain in its own colour.

    `table`: rows = domains, columns = years (as `views.by_domain_and_year` returns).
    """
    fig = go.Figure()
    years = [str(year) for year in table.columns]
    for rank, (domain, counts) in enumerate(table.iterrows()):
        fig.add_trace(
            go.Bar(
                x=years,
                y=list(counts),
                name=str(domain),
                legendrank=rank,
                marker={"color": domain_colours.get(str(domain), colours.UNCLASSIFIED_COLOUR)},
                text=[v or "" for v in counts],
                textposition="outside",
                hovertemplate=f"<b>{domain}</b><br>%{{x}}: %{{y}}<extra></extra>",
            )
        )
    largest = int(table.to_numpy().max()) if table.size else 1
    fig.update_layout(barmode="group", bargroupgap=0.05)
    _bar_layout(fig, 360)
    if len(table) > 3:  # two legend columns: a narrow chart would stack one domain per line
        fig.update_layout(legend={"entrywidth": 0.5, "entrywidthmode": "fraction"})
    fig.update_xaxes(type="category", title_text="Plan year")
    fig.update_yaxes(title_text="Activities", dtick=_dtick(largest), range=[0, largest * 1.15 + 0.5])
    return fig


SUNBURST_LEAF_LIMIT = 600  # activities drawn one by one in the sunburst's outer ring


def domain_sunburst(
    rows: pd.DataFrame, *, domain_colours: Mapping[str, str], leaf_limit: int = SUNBURST_LEAF_LIMIT
) -> go.Figure:
    """Domain → convention or programme → activity, each ring sized by the number of activities.

    `rows`: the activities as `views.gantt_rows` orders them (Domain and Instrument filled in). Every wedge takes
    its domain's colour; two rings show at once, a click on a wedge drills down. Beyond `leaf_limit` activities the
    ring of single activities is left out (thousands of slivers say nothing and cost seconds): the instruments are
    the outer ring, and the list beside the chart names the activities.
    """
    nodes: list[tuple[str, str, str, int, str, str]] = []  # id, label, parent, value, colour, hover
    leaves = len(rows) <= leaf_limit
    for domain, in_domain in rows.groupby(views.DOMAIN_COLUMN, sort=False):
        colour = domain_colours.get(str(domain), colours.UNCLASSIFIED_COLOUR)
        domain_id = f"d/{domain}"
        nodes.append((domain_id, str(domain), "", len(in_domain), colour, f"{len(in_domain)} activities"))
        for instrument, in_instrument in in_domain.groupby(views.INSTRUMENT_COLUMN, sort=True):
            node = f"{domain_id}/i/{instrument}"
            nodes.append(
                (
                    node,
                    str(instrument),
                    domain_id,
                    len(in_instrument),
                    colour,
                    f"{len(in_instrument)} activit{'y' if len(in_instrument) == 1 else 'ies'}",
                )
            )
            if leaves:
                nodes += [
                    (f"{node}/a/{activity_id}", str(activity_id), node, 1, colour, _wrap(event, 60))
                    for activity_id, event in zip(in_instrument["ID"], in_instrument["Event"])
                ]
    ids, labels, parents, values, fills, hover = (list(column) for column in zip(*nodes)) if nodes else ([],) * 6
    fig = go.Figure(
        go.Sunburst(
            ids=ids,
            labels=labels,
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


def coverage_heatmap(matrix: pd.DataFrame, titles: Mapping[str, str], conventions: int = 0) -> go.Figure:
    """The coverage matrix as a grid: instruments down, plan years across, the count in each cell.

    `matrix` as `views.coverage_matrix` returns it; `titles`: instrument -> full title for the hover;
    `conventions`: how many of the first rows are conventions (a line then separates them from the programmes).
    An empty cell is a pale grey box (a gap), a filled one a shade of blue that deepens with its count.
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
            f"<b>{_wrap(titles.get(name, name), 60)}</b><br>{year}: {count} activit{'y' if count == 1 else 'ies'}"
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
            hovertemplate="%{customdata}<br><i>Click to list them</i><extra></extra>",
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
    fig.update_yaxes(type="category", autorange="reversed", automargin=True, showgrid=False, tickfont={"size": 13})
    if 0 < conventions < len(instruments):
        fig.add_hline(y=conventions - 0.5, line={"color": colours.ACCENT, "width": 2}, name="conventions | programmes")
    return fig
