"""Domains: activities by domain and year, status by domain, and a drill-down domain → instrument → activity."""

import streamlit as st

from actionplan import i18n, words
from actionplan.i18n import N_, _
from actionplan.plan.status import status_help
from actionplan.views import chart_words
from actionplan.views import pages as models
from components import activity, chart_text, charts, colours, derived, filters, lang

plan, view, acts = filters.open_page(N_("Domains"))
model = derived.domains_page(plan, view, acts)
domain_colours = colours.domain_colours(model.domains)

by_year, by_status = st.columns([3, 2], gap="large")
with by_year:
    st.header(_("Activities by domain and year"))
    st.plotly_chart(
        derived.figure(charts.domain_year_bars, model.by_year, domain_colours=domain_colours, labels=plan.labels),
        config=charts.plotly_config("domains-by-year"),
        key="domains_years",
    )
    chart_text.describe(
        derived.once(chart_words.domains_by_year, model.by_year, plan.labels), key="domains_years_table"
    )
with by_status:
    st.header(_("Status by domain"), help=_("As of {day}:").format(day=words.day(view.as_of)) + "\n" + status_help())
    st.plotly_chart(
        derived.figure(charts.stacked_status_bars, model.by_status, horizontal=True),
        config=charts.plotly_config("status-by-domain"),
        key="domains_status",
    )
    chart_text.describe(
        derived.once(chart_words.status_counts, model.by_status, by=chart_words.BY_DOMAIN), key="domains_status_table"
    )

st.header(_("Drill down: domain → convention or programme → activity"))
wheel, choose = st.columns([3, 2], gap="large")
with wheel:
    st.plotly_chart(
        derived.figure(charts.domain_sunburst, model.wheel, domain_colours=domain_colours, labels=plan.labels),
        config=charts.plotly_config("domains-drill-down"),
        key="domains_sunburst",
    )
    chart_text.describe(derived.once(chart_words.drill_down, model.wheel, plan.labels), key="domains_sunburst_table")
    st.caption(_("Click a domain to open it, the centre to go back. Wedges are sized by the number of activities."))
with choose:
    counted = dict(model.present)
    domain = st.selectbox(
        _("Domain"),
        list(counted),
        key=lang.reworded("drill_domain"),
        format_func=lambda d: f"{filters.app_word(d, plan.labels)} ({counted[d]})",
    )
    inside = dict(model.instruments_in(domain))
    instrument = st.selectbox(
        _("Convention or programme"),
        [models.ALL, *inside],
        key=lang.reworded("drill_instrument"),
        format_func=lambda i: _(models.ALL) if i == models.ALL else f"{filters.app_word(i, plan.labels)} ({inside[i]})",
    )
    title = plan.labels.title(plan.lists, instrument, i18n.current().lang)
    if instrument in plan.lists.conventions and title != instrument:
        st.caption(words.md_text(title))
chosen = model.chosen(domain, instrument)
st.markdown(f"**{words.md_text(models.chosen_caption(domain, instrument, chosen))}**")
activity.links(chosen)
