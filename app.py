"""The Action Plan dashboard: the frame (page config, navigation, shared sidebar, live refresh)."""
import streamlit as st

from components import plan_store, sidebar

st.set_page_config(
    page_title="Action Plan dashboard",
    page_icon="🗓️",  # an emoji favicon is drawn locally; a :material/...: one is fetched from fonts.gstatic.com
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = {
    "Dashboard": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/timeline.py", title="Timeline", icon=":material/view_timeline:"),
        st.Page("pages/domains.py", title="Domains", icon=":material/category:"),
        st.Page("pages/conventions.py", title="Conventions & programmes", icon=":material/account_balance:"),
        st.Page("pages/activities.py", title="Activities", icon=":material/list_alt:"),
    ],
    "Work": [
        st.Page("pages/briefing.py", title="Briefing", icon=":material/description:"),
        st.Page("pages/data.py", title="Data", icon=":material/table_edit:"),
    ],
}

page = st.navigation(PAGES)
current = plan_store.current()
plan_store.watch()
with sidebar.framed(current):
    page.run()
