"""Timeline: when each activity happens, by quarter, with the milestones and the as-of line."""

from datetime import date

import streamlit as st

from actionplan import views, words
from actionplan.i18n import N_, _, n_
from actionplan.plan.contract import ActivityColumn
from actionplan.plan.status import AS_OF_ORDER
from components import chart_text, charts, derived, filters, lang

ALL_YEARS = N_("All years")
ALL_CLOSED = N_("All groups closed")
# A phone's browser says "Mobi" in its User-Agent: start it with short row labels (the bars need the width).
ON_A_PHONE = "Mobi" in (st.context.headers.get("User-Agent") or "")

plan, view, acts = filters.open_page(N_("Timeline"), stop_when_empty=False)

# On a phone the options fold away, so that the chart comes up on the first screen.
options = st.expander(_("Chart options"), icon=":material/tune:") if ON_A_PHONE else st.container()
colour_col, group_col, zoom_col, steps_col = options.columns([1.7, 3.1, 1.1, 1.6], vertical_alignment="bottom")
colour_by = colour_col.segmented_control(
    _("Colour by"),
    charts.COLOUR_CHOICES,
    key="timeline_colour",
    default=charts.COLOUR_BY_DOMAIN,
    required=True,
    format_func=_,
)
group_by = group_col.segmented_control(
    _("Rows grouped by"),
    views.GROUPINGS,
    key="timeline_group",
    default=views.GROUP_YEAR_DOMAIN,
    required=True,
    format_func=_,
)
zoom = zoom_col.selectbox(
    _("Show"),
    [ALL_YEARS, *plan.years],
    key=lang.reworded("timeline_zoom"),
    format_func=lambda year: _(ALL_YEARS) if year == ALL_YEARS else str(year),
    help=_("Zoom to one calendar year (activities outside it stay in the list of rows)."),
)
show_steps = steps_col.toggle(
    _("Dated steps"),
    key="timeline_steps",
    help=_("Show the mechanism steps that have their own dates, under their activity."),
)
ids_only = steps_col.toggle(
    _("IDs only"),
    key="timeline_ids_only",
    value=ON_A_PHONE,
    help=_(
        "Label rows by ID alone and the axis by year, leaving the width to the bars (on a phone). "
        "The hover still has the whole event."
    ),
)

filters.stop_if_empty(acts, len(plan.activities))

rows = derived.gantt_rows(plan, view, acts, group_by)  # unlabelled: the window labels the rows it draws
window = derived.gantt_window(plan, view, group_by, rows)
if window.collapsed:
    counts = window.groups[views.COUNT_COLUMN]
    open_col, page_col, count_col = st.columns([3, 1.2, 2.2], vertical_alignment="bottom")
    opened = open_col.selectbox(
        _("Open a group"),
        [ALL_CLOSED, *window.groups.index],
        key=lang.reworded("timeline_open"),
        format_func=lambda group: (
            _(ALL_CLOSED)
            if group == ALL_CLOSED
            else f"{views.group_name(group, plan.labels)} ({words.number(counts[group])})"
        ),
        help=_(
            "Over {limit} activities, each group is one hatched bar from its first start to its last end; "
            "open one to see its activities."
        ).format(limit=views.COLLAPSE_OVER),
    )
    page = 1
    if opened != ALL_CLOSED and counts[opened] > views.PER_PAGE:
        pages = -(-int(counts[opened]) // views.PER_PAGE)
        page = page_col.number_input(_("Page"), min_value=1, max_value=pages, step=1, key="timeline_page")
    window = derived.gantt_window(plan, view, group_by, rows, None if opened == ALL_CLOSED else opened, int(page))
    in_groups = n_("{n} activity in {groups} groups", "{n} activities in {groups} groups", len(rows))
    count_col.caption(
        in_groups.format(n=words.number(len(rows)), groups=len(window.groups))
        + (
            f" · {words.md_text(views.group_name(window.opened, plan.labels))}: {window.shown}"
            if window.opened
            else " · " + _("each group closed to one bar")
        )
    )

fig = derived.gantt(
    plan,
    view,
    group_by,
    window,
    colour_by=colour_by,
    dated_steps=show_steps,
    x_range=None if zoom == ALL_YEARS else (date(int(zoom), 1, 1), date(int(zoom), 12, 31)),
    compact=ids_only,
    narrow=ON_A_PHONE,  # with IDs only off too, a phone's bars have little room: years on the axis
)
st.plotly_chart(fig, config=charts.plotly_config("timeline"), key="gantt")
chart_text.describe(derived.gantt_words(plan, view, group_by, window), key="timeline_gantt_table")

notes = [
    _("Each bar runs from the first to the last day its terms give (a year alone is the whole year)."),
    _("Shaded bands are milestones from the Milestones sheet; the solid line is the as-of date."),
    _("Hover a bar for the full event, the terms as written and the mechanism steps."),
]
if colour_by == charts.COLOUR_BY_STATUS:
    meanings = "; ".join(f"**{status.label}** = {status.meaning}" for status in AS_OF_ORDER)
    notes.append(_("Status as of the date:") + " " + meanings)
st.caption(" ".join(notes))
undated = acts[acts[ActivityColumn.START].isna() | acts[ActivityColumn.END].isna()]
if len(undated):
    st.warning(
        n_(
            "{n} activity has no dates and cannot be drawn: {ids}",
            "{n} activities have no dates and cannot be drawn: {ids}",
            len(undated),
        ).format(n=len(undated), ids=", ".join(undated[ActivityColumn.ID].astype(str))),
        icon=":material/event_busy:",
    )
