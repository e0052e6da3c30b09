"""The Gantt: one bar per activity (or per group at scale), milestones and dated steps (its time axis is in
quarters.py, its hover texts in gantt_hover.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from actionplan import views, words
from actionplan.i18n import _
from actionplan.plan.contract import ActivityColumn, StepColumn
from actionplan.plan.status import AS_OF_ORDER, STATUS_AS_OF, label_of
from actionplan.plan.translations import ListLabels

from .. import colours
from .common import (
    COLOUR_BY_DOMAIN,
    COMPACT_HEADING_LENGTH,
    FONT_SIZE,
    GANTT_BOTTOM,
    GANTT_TOP,
    MILESTONES_NEAR,
    NARROW_LABEL_LENGTH,
    ONE_DAY,
    ROW_HEIGHT,
    TOOLBAR_HEIGHT,
    _day,
    _heading,
    _iso_days,
    _widths_ms,
    _wrap,
    unchecked_figure,
)
from .gantt_hover import activity_hovers, bold_lead, step_label, steps_texts
from .marks import _add_as_of, _add_group_summaries, _add_milestones, _span
from .quarters import axis_ticks

# ---------------------------------------------------------------------------------------------------------------
# Gantt


def gantt_height(rows: int) -> int:
    """The figure height for this many rows: fixed room above and below, ROW_HEIGHT per row."""
    return GANTT_TOP + GANTT_BOTTOM + ROW_HEIGHT * max(rows, 3)


def _compact_label(category: str, length: int = COMPACT_HEADING_LENGTH) -> str:
    """A row's text in compact mode: a group heading or a dated step cut to `length` characters (on a phone with
    rows labelled in full, every row's label, to NARROW_LABEL_LENGTH: longer, Plotly cut them at the screen's left
    edge, IDs first).

    Cut within a word ('2021 · Cooperati…'): a cut at a word would leave '2021 ·…' of '2021 · Cooperation'.
    """
    heading = category.startswith("<b>")
    text = category.removeprefix("<b>").removesuffix("</b>") if heading else category
    if len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    return _heading(text) if heading else text


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
    narrow: bool = False,
    labels: ListLabels | None = None,
) -> go.Figure:
    """The Gantt (`gantt_drawing`, same arguments) with the as-of date drawn over it (`with_as_of`)."""
    drawing = gantt_drawing(
        rows,
        milestones,
        colour_by=colour_by,
        groups=groups,
        steps=steps,
        dated_steps=dated_steps,
        domains=domains,
        x_range=x_range,
        compact=compact,
        narrow=narrow,
        labels=labels,
    )
    return with_as_of(drawing, as_of)


def with_as_of(drawing: Mapping[str, Any], as_of: date) -> go.Figure:
    """A figure of `drawing` (what `gantt_drawing` returned; not changed) with the as-of date as a solid line, named
    in the legend and labelled under the rows: the one part of the Gantt that changes with the date alone."""
    layout = drawing["layout"]
    first, last = (date.fromisoformat(end) for end in layout["xaxis"]["range"])
    # Each trace dict copied: Plotly takes a trace's "type" out of its dict and puts it back while it builds the
    # figure, and the drawing is shared by every session's thread.
    traces = [dict(trace) for trace in drawing["data"]]
    shapes, annotations = list(layout["shapes"]), list(layout["annotations"])
    _add_as_of(traces, shapes, annotations, as_of, first, last)
    rest = {name: value for name, value in layout.items() if name not in ("shapes", "annotations")}
    marks = {name: items for name, items in (("shapes", shapes), ("annotations", annotations)) if items}
    return unchecked_figure(traces, {**rest, **marks})  # an empty list left out, as Plotly's validation does


def gantt_drawing(
    rows: pd.DataFrame,
    milestones: pd.DataFrame,
    *,
    colour_by: str = COLOUR_BY_DOMAIN,
    groups: pd.DataFrame | None = None,
    steps: pd.DataFrame | None = None,
    dated_steps: pd.DataFrame | None = None,
    domains: Sequence[str] = (),
    x_range: tuple[date, date] | None = None,
    compact: bool = False,
    narrow: bool = False,
    labels: ListLabels | None = None,
) -> dict[str, Any]:
    """One bar per activity row from Start to End (inclusive), under a bold heading per group.

    rows: the activities to draw, prepared: `views.gantt_rows` (Group, Label, Domain, in Gantt order) of
    activities with their `Status as of` already derived (`views.Filters.apply`) and with dates; this builder
    derives nothing. groups: `views.gantt_window(...).groups`; a group that is not `Open` is drawn as one
    hatched summary bar on its heading row, from its first start to its last end (default: every group of
    `rows`, open). steps: all mechanism steps, for the hover; dated_steps: the steps with their own dates to draw
    as thin lines on rows of their own under their activity (`views.dated_steps`), or None.

    Bars are coloured by domain or by the rows' status as of the date: one bar trace per colour with compact arrays (dates
    as 'YYYY-MM-DD', widths in ms, one hover text per bar). Quarter labels ("Q1 2021") on a top axis; milestones
    as shaded spans with their names (the as-of line is `with_as_of`'s). `x_range` zooms (e.g. one year). The height
    grows with the number of rows drawn. `compact` (a phone): rows labelled by ID alone, years on the axis (when
    it spans more than a year, every second year over five), group headings cut to COMPACT_HEADING_LENGTH
    characters, milestone names cut to their first word and staggered, so the bars keep most of 390 px. `narrow`
    (a phone, rows labelled in full: the reader turned compact off): years on the axis, at most two, milestone
    names as in compact mode, and each row's label cut to NARROW_LABEL_LENGTH characters (its ID first), over the
    little width the labels leave the bars. The as-of label goes under the rows
    in every mode, where no milestone name or quarter label can meet it.
    Domains and instruments (headings, legend, hover) are named as the Lists sheet names them in the reader's
    language (`labels`); colours, patterns and groups stay keyed on the values.

    Returned as plain {"data", "layout"} dicts: a drawing independent of the date, kept and shared by every date
    whose statuses are the same (never changed; `with_as_of` makes each figure from it).
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
            step_labels.setdefault(step[StepColumn.ACTIVITY_ID], []).append(step_label(step))
    members_of = {
        group: list(zip(members[ActivityColumn.ID], members[label_column].astype(str)))
        for group, members in rows.groupby(views.GROUP_COLUMN, sort=False)
    }
    categories: list[str] = []
    for group, is_open in zip(groups.index, groups[views.OPEN_COLUMN]):
        categories.append(_heading(views.group_name(group, labels)))
        if is_open:
            for activity_id, label in members_of.get(group, ()):
                categories += [label, *step_labels.get(activity_id, [])]

    traces: list[dict] = []  # built as plain dicts: one validation when the figure is made
    key = views.DOMAIN_COLUMN if colour_by == COLOUR_BY_DOMAIN else STATUS_AS_OF
    order = list(domain_colours) if colour_by == COLOUR_BY_DOMAIN else list(AS_OF_ORDER)
    colour_of = domain_colours.get if colour_by == COLOUR_BY_DOMAIN else colours.status_colour
    # Each bar's fill pattern follows its colour, so the legend tells domains or statuses apart without colour.
    domain_patterns = colours.domain_patterns(domain_colours)
    pattern_of = domain_patterns.get if colour_by == COLOUR_BY_DOMAIN else colours.status_pattern
    # One pass over the rows into plain lists; each colour's trace takes its positions (a boolean frame index per
    # trace cost more than the bars).
    values = rows[key].astype(object).tolist()
    ids = rows[ActivityColumn.ID].tolist()
    row_labels = rows[label_column].astype(str).tolist()
    widths = _widths_ms(rows[ActivityColumn.START], rows[ActivityColumn.END])
    bases = _iso_days(rows[ActivityColumn.START])
    hovers = activity_hovers(rows, steps_texts(steps, ids), labels)
    positions: dict[object, list[int]] = {}
    for position, value in enumerate(values):
        positions.setdefault(value, []).append(position)
    for rank, value in enumerate(v for v in order if v in positions):
        at = positions[value]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": [row_labels[i] for i in at],
                "x": [widths[i] for i in at],
                "base": [bases[i] for i in at],
                "name": label_of(value) if colour_by != COLOUR_BY_DOMAIN else views.app_word(value, labels),
                "legendrank": rank,
                "marker": {
                    "color": colour_of(value) or colours.UNCLASSIFIED_COLOUR,
                    "line": {"width": 1, "color": "white"},
                    "pattern": pattern_of(value) or colours.pattern(""),
                },
                "customdata": [[ids[i], hovers[i]] for i in at],
                "hovertemplate": "%{customdata[1]}<extra></extra>",
            }
        )
    _add_group_summaries(
        traces, groups, domain_colours if colour_by == COLOUR_BY_DOMAIN else {}, short=compact, labels=labels
    )
    if dated is not None:
        colour_for_activity = {a: colour_of(str(v)) for a, v in zip(ids, values)}
        for step in dated.to_dict("records"):
            traces.append(
                {
                    "type": "scatter",
                    "x": [
                        _day(step[StepColumn.START]).isoformat(),
                        (_day(step[StepColumn.END]) + ONE_DAY).isoformat(),
                    ],
                    "y": [step_label(step)] * 2,
                    "mode": "lines",
                    "showlegend": False,
                    "opacity": 0.7,
                    "line": {
                        "width": 7,
                        "color": colour_for_activity.get(step[StepColumn.ACTIVITY_ID], colours.ACCENT),
                    },
                    "hovertemplate": "<br>".join(
                        [
                            "<b>"
                            + _("{activity} step {step}").format(activity=step["Activity ID"], step=step["Step"])
                            + "</b>",
                            _wrap(step["Description"]),
                            bold_lead(_("Terms:"), step["Terms"]),
                            bold_lead(_("Dates:"), words.span(step["Start"], step["End"])),
                        ]
                    )
                    + "<extra></extra>",
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

    middles, ticks, bounds = axis_ticks(first, last, compact=compact, narrow=narrow)
    # In compact mode the categories stay whole (two long headings may share a beginning); only their text is cut.
    cut = COMPACT_HEADING_LENGTH if compact else NARROW_LABEL_LENGTH if narrow else None
    row_texts: dict[str, object] = (
        {"tickmode": "array", "tickvals": categories, "ticktext": [_compact_label(c, cut) for c in categories]}
        if cut
        else {}
    )
    # On a phone Plotly's toolbar stays over the top right: the legend starts under it, the rows that much lower.
    toolbar = TOOLBAR_HEIGHT if compact else 0
    height = gantt_height(len(categories)) + toolbar
    layout = {
        "height": height,
        "barmode": "overlay",
        "bargap": 0.25,
        "margin": {"l": 10, "r": 20, "t": GANTT_TOP + toolbar, "b": GANTT_BOTTOM},
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 1 - toolbar / height,
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
            "ticktext": ticks,
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
            **row_texts,
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
    crowded = narrow and not compact  # a phone, rows labelled in full: any two milestone names could meet
    _add_milestones(
        shapes,
        annotations,
        milestones,
        first,
        last,
        short=compact or narrow,
        near_share=1 if crowded else MILESTONES_NEAR,
    )
    return {"data": traces, "layout": {**layout, "shapes": shapes, "annotations": annotations}}
