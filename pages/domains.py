"""Domains: activities by domain and year, status by domain, and a drill-down domain → instrument → activity."""

import streamlit as st

from actionplan import views, words
from actionplan.plan.status import status_help
from components import activity, charts, colours, filters

plan, view, acts = filters.open_page("Domains")

domains = views.domain_order(plan.activities, plan.lists)
domain_colours = colours.domain_colours(domains)

by_year, by_status = st.columns([3, 2], gap="large")
with by_year:
    st.subheader("Activities by domain and year")
    st.plotly_chart(
        charts.domain_year_bars(views.by_domain_and_year(acts, domains, plan.years), domain_colours),
        config=charts.plotly_config("domains-by-year"),
        key="domains_years",
    )
with by_status:
    st.subheader("Status by domain", help=f"As of {words.day(view.as_of)}:\n" + status_help())
    st.plotly_chart(
        charts.stacked_status_bars(views.by_domain(acts, domains), horizontal=True),
        config=charts.plotly_config("status-by-domain"),
        key="domains_status",
    )

st.subheader("Drill down: domain → convention or programme → activity")
wheel, choose = st.columns([3, 2], gap="large")
with wheel:
    st.plotly_chart(
        charts.domain_sunburst(acts, domains, domain_colours),
        config=charts.plotly_config("domains-drill-down"),
        key="domains_sunburst",
    )
    st.caption("Click a domain to open it, the centre to go back. Wedges are sized by the number of activities.")
rows = views.gantt_rows(acts, domains=domains)
with choose:
    present = [d for d in domains if d in set(rows[views.DOMAIN_COLUMN])]
    domain = st.selectbox(
        "Domain",
        present,
        key="drill_domain",
        format_func=lambda d: f"{d} ({int((rows[views.DOMAIN_COLUMN] == d).sum())})",
    )
    in_domain = rows[rows[views.DOMAIN_COLUMN] == domain]
    order = [*views.instrument_order(plan.activities, plan.lists), views.NO_INSTRUMENT]
    instruments = [i for i in order if i in set(in_domain[views.INSTRUMENT_COLUMN])]
    instrument = st.selectbox(
        "Convention or programme",
        ["All", *instruments],
        key="drill_instrument",
        format_func=lambda i: i if i == "All" else f"{i} ({int((in_domain[views.INSTRUMENT_COLUMN] == i).sum())})",
    )
    if instrument not in ("All", views.NO_INSTRUMENT) and plan.lists.title(instrument) != instrument:
        st.caption(plan.lists.title(instrument))
chosen = in_domain if instrument == "All" else in_domain[in_domain[views.INSTRUMENT_COLUMN] == instrument]
st.markdown(
    f"**{domain}{'' if instrument == 'All' else ' · ' + instrument}**: {len(chosen)} "
    f"activit{'y' if len(chosen) == 1 else 'ies'}"
)
activity.links(chosen)
