"""Overview: the headline at a glance — how many activities, their status as of a date, by year and by domain,
and what falls due before the next milestones."""

import streamlit as st

from actionplan import views, words
from actionplan.plan.status import Reported, status_help
from components import activity, charts, filters, kpi

plan, view, acts = filters.open_page("Overview")

counts = views.counts_by_status(acts)
reported = views.counts_by_reported_status(acts)
st.markdown(f"#### {views.headline(counts, view.as_of)}")
if reported[Reported.NOT_REPORTED] < len(acts):
    st.markdown(views.reporting(reported))
else:
    st.info(
        "No activity has a reported status yet — record progress in the **Status** column "
        "(Data page or Excel). Until then the dashboard can only say when activities were scheduled, "
        "not whether they took place.",
        icon=":material/edit_note:",
    )

kpi.status_cards(counts, len(acts))
kpi.reported_line(reported)

by_year, by_domain = st.columns(2, gap="large")
with by_year:
    st.subheader("By plan year")
    st.plotly_chart(
        charts.stacked_status_bars(views.by_year_and_status(acts, plan.years), axis_title="Plan year"),
        config=charts.plotly_config("status-by-year"),
        key="overview_years",
    )
with by_domain:
    st.subheader("By domain")
    domains = views.domain_order(plan.activities, plan.lists)
    st.plotly_chart(
        charts.stacked_status_bars(views.by_domain(acts, domains), horizontal=True),
        config=charts.plotly_config("status-by-domain"),
        key="overview_domains",
    )
with st.expander("What the statuses mean"):
    st.markdown(status_help())

st.subheader("Next milestones")
upcoming = views.next_milestones(plan.milestones, view.as_of, n=3)
if upcoming.empty:
    last = (
        f" The last one there: {plan.milestones.iloc[-1]['Name']}, "
        f"{words.span(plan.milestones.iloc[-1]['Date'], plan.milestones.iloc[-1]['End'])}."
        if len(plan.milestones)
        else ""
    )
    st.info(
        f"No milestone after {words.day(view.as_of)} in the Milestones sheet.{last} Add the next one "
        "(e.g. the next General Conference session) to see what falls due before it — or pick an earlier "
        "'Status as of' date in the sidebar.",
        icon=":material/event_busy:",
    )
previous_day = view.as_of
for _, milestone in upcoming.iterrows():
    due = views.due_before(acts, previous_day, milestone["Date"].date())
    place = f", {milestone['Place']}" if milestone.get("Place") else ""
    with st.container(border=True):
        st.markdown(f"**{milestone['Name']}** — {words.span(milestone['Date'], milestone['End'])}{place}")
        if due.empty:
            st.caption(f"No open activity ends between {words.day(previous_day)} and this milestone.")
        else:
            st.caption(
                f"{len(due)} open activit{'y ends' if len(due) == 1 else 'ies end'} between "
                f"{words.day(previous_day)} and this milestone:"
            )
            activity.links(due, limit=8)
    previous_day = milestone["Date"].date()
