"""Overview: the headline at a glance — how many activities, their status as of a date, by year and by domain,
and what falls due before the next milestones."""

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _
from actionplan.plan.status import status_help
from actionplan.views import chart_words
from components import activity, chart_text, charts, derived, filters, kpi

plan, view, acts = filters.open_page(N_("Overview"))
model = derived.overview(plan, view, acts)

st.markdown(f"## {model.headline}")  # numbers, dates and status words only: no workbook text
if model.anyone_reported:
    st.markdown(model.reporting)
else:
    st.info(
        _(
            "No activity has a reported status yet — record progress in the **Status** column "
            "(Data page or Excel). Until then the dashboard can only say when activities were scheduled, "
            "not whether they took place."
        ),
        icon=":material/edit_note:",
    )

kpi.status_cards(model.counts, model.total)
kpi.reported_line(model.reported)

by_year, by_domain = st.columns(2, gap="large")
with by_year:
    st.header(_("By plan year"))
    st.html(derived.once(charts.stacked_status_html, model.by_year, name=_("By plan year")))
    chart_text.describe(
        derived.once(chart_words.status_counts, model.by_year, by=chart_words.BY_YEAR), key="overview_years_table"
    )
with by_domain:
    st.header(_("By domain"))
    st.html(derived.once(charts.stacked_status_html, model.by_domain, name=_("By domain")))
    chart_text.describe(
        derived.once(chart_words.status_counts, model.by_domain, by=chart_words.BY_DOMAIN), key="overview_domains_table"
    )
if len(model.by_plan) > 1:  # a portfolio: a folder of plan workbooks
    st.header(_("By plan"))
    st.html(derived.once(charts.stacked_status_html, model.by_plan, name=_("By plan")))
    chart_text.describe(
        derived.once(chart_words.status_counts, model.by_plan, by=chart_words.BY_PLAN), key="overview_plans_table"
    )
with st.expander(_("What the statuses mean")):
    st.markdown(status_help())

st.header(_("Reported progress over time"))
st.caption(model.trend.sentence)  # numbers and a date only
if not model.trend.empty:
    st.html(derived.once(charts.reported_trend_html, model.trend, plan.labels))
    chart_text.describe(derived.once(chart_words.trend, model.trend, plan.labels), key="overview_trend_table")

st.header(_("Next milestones"))
if model.no_milestone_ahead:
    st.info(words.md_text(model.no_milestone_ahead), icon=":material/event_busy:")
for milestone in model.ahead:
    place = f", {words.md_text(milestone.place)}" if milestone.place else ""
    with st.container(border=True):
        st.markdown(f"**{words.md_text(milestone.name)}** — {milestone.when}{place}")
        st.caption(milestone.due_line)
        if not milestone.due.empty:
            activity.links(milestone.due, limit=8)
