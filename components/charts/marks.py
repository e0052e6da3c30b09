"""What the Gantt draws over its bars: group summaries, milestones as bands, the as-of line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from actionplan import views, words
from actionplan.i18n import _, n_
from actionplan.plan.contract import ActivityColumn, MilestoneColumn
from actionplan.plan.translations import ListLabels, milestone_name

from .. import colours
from .common import (
    MILESTONE_LABEL_SHIFT,
    MILESTONE_LEVEL_HEIGHT,
    MILESTONES_NEAR,
    ONE_DAY,
    _day,
    _heading,
    _iso_days,
    _widths_ms,
    _wrap,
)


def _add_group_summaries(
    traces: list[dict],
    groups: pd.DataFrame,
    domain_colours: Mapping[str, str],
    *,
    short: bool = False,
    labels: ListLabels | None = None,
) -> None:
    """Each closed group as one hatched bar on its heading row, from its first start to its last end.

    `short` (compact mode): named in the legend in two words, clear of the chart's toolbar on a phone (the hover
    says what the bar spans)."""
    closed = groups[~groups[views.OPEN_COLUMN].astype(bool)] if len(groups) else groups
    if closed.empty:
        return
    fills = [
        domain_colours.get(str(domain), colours.GROUP_COLOUR) if domain is not None else colours.GROUP_COLOUR
        for domain in closed[views.DOMAIN_COLUMN]
    ]
    hovers = [
        f"<b>{views.group_name(group, labels)}</b><br>"
        + n_("{n} activity, {dates}", "{n} activities, {dates}", int(count)).format(
            n=words.number(int(count)), dates=words.span(start, end)
        )
        + f"<br>{statuses}<br><i>"
        + _("Open the group above the chart to see its activities")
        + "</i>"
        for group, count, start, end, statuses in zip(
            closed.index,
            closed[views.COUNT_COLUMN],
            closed[ActivityColumn.START],
            closed[ActivityColumn.END],
            closed[views.STATUS_COUNTS_COLUMN],
        )
    ]
    traces.append(
        {
            "type": "bar",
            "orientation": "h",
            "y": [_heading(views.group_name(group, labels)) for group in closed.index],
            "x": _widths_ms(closed[ActivityColumn.START], closed[ActivityColumn.END]),
            "base": _iso_days(closed[ActivityColumn.START]),
            "name": _("Group (closed)") if short else _("Group (closed): first start to last end"),
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
    first = pd.Timestamp(rows[ActivityColumn.START].min()).to_period("Q").start_time.date()
    last = pd.Timestamp(rows[ActivityColumn.END].max()).to_period("Q").end_time.date() + ONE_DAY
    return first, last


def _add_milestones(
    shapes: list[dict],
    annotations: list[dict],
    milestones: pd.DataFrame,
    first: date,
    last: date,
    *,
    short: bool,
    near_share: float = MILESTONES_NEAR,
) -> None:
    """Each milestone in the axis range as a shaded span (one day at least) with its name above the plot.

    A name near the right edge is written to the left of its band so that it is not cut off. `short` (compact
    mode): each name cut to its first word, and a name close after the one before it raised a level, so that
    neighbouring names do not run into each other on a narrow screen; close after means within `near_share` of the
    axis (on a phone with rows labelled in full, 1: the bars have so little width that any two names could meet).
    """
    right_side = first + (last - first) * 0.78
    near = (last - first) * near_share  # in compact mode, names closer than this share no level
    previous: date | None = None
    level = 0
    for milestone in milestones.to_dict("records"):
        start = _day(milestone[MilestoneColumn.DATE])
        end = _day(milestone[MilestoneColumn.END]) if pd.notna(milestone.get(MilestoneColumn.END)) else start
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
        level = 1 - level if short and previous is not None and start - previous < near else 0
        previous = start
        annotations.append(
            {
                "x": (end + ONE_DAY if to_left else start).isoformat(),
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "yshift": MILESTONE_LABEL_SHIFT + level * MILESTONE_LEVEL_HEIGHT,
                "yanchor": "bottom",
                "xanchor": "right" if to_left else "left",
                "align": "right" if to_left else "left",
                "showarrow": False,
                "text": milestone_name(milestone).split(" ")[0] if short else _wrap(milestone_name(milestone), 28),
                "font": {"size": 11, "color": colours.MILESTONE_COLOUR},
                "name": f"milestone: {milestone['Name']}",
            }
        )


def _add_as_of(
    traces: list[dict], shapes: list[dict], annotations: list[dict], as_of: date, first: date, last: date
) -> None:
    """The as-of date as a solid line, named in the legend; labelled on the plot too when it lies on the axis.

    The label sits under the rows, where nothing else is written (the milestone names and the quarters are above
    them), on the side of the line with more room.
    """
    label = _("As of {day}").format(day=words.day(as_of))
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
                "y": 0,
                "yref": "paper",
                "yshift": -4,
                "yanchor": "top",
                "xanchor": "left" if as_of < first + (last - first) / 2 else "right",
                "showarrow": False,
                "text": f"<b>{label}</b>",
                "font": {"size": 12, "color": colours.ACCENT},
                "bgcolor": "rgba(255,255,255,0.85)",
                "name": "as of",
            }
        )
