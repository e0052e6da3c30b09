"""The app's frame: page config, the navigation of pages, the shared sidebar status and the live-refresh watcher.

app.py draws it and runs the chosen page inside it. Streamlit treats a folder named pages/ as an old-style (v1)
page folder until app.py has called st.navigation once after the server started, and AppTest does so on every
run after switch_page: then a page script runs alone (a deep link such as /timeline?year=2022 opened first after a
restart). Each page therefore calls `require()` first, which draws the same frame around it when app.py did not,
so a link a colleague sent opens exactly as they saw it.

Why not another arrangement: Streamlit decides this from the folder alone. `PagesManager.uses_pages_directory` is
set when a `pages/` folder stands beside the main script and is cleared only by the first `st.navigation` call of
the process (streamlit/runtime/pages_manager.py, scriptrunner `_mpa_v1`); AppTest resets it before every run. The
card's layout keeps `pages/` beside app.py, so the page itself must be able to draw the frame.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

import streamlit as st

from actionplan import i18n, words
from actionplan.i18n import N_, _

from . import a11y, lang, plan_store, sidebar, streamlit_words, widget_words

if TYPE_CHECKING:
    from streamlit.navigation.page import StreamlitPage

PAGE_TITLE = N_("Action Plan dashboard")
# Less empty space above the title, so a laptop screen (1366x768) shows the headline and the chart's top.
# Tabs wrap onto a second row where they do not fit on a laptop or wider, instead of scrolling behind an arrow (the
# Briefing's seven tabs in Turkmen at 1366 px hid the last); a phone keeps Streamlit's sideways scrolling.
TABS_WRAP_CSS = "@media (min-width:640px){[data-testid='stTabs'] [role='tablist']{flex-wrap:wrap;row-gap:0}}"
LAYOUT_CSS = f"<style>[data-testid='stMainBlockContainer']{{padding-top:3rem}}{TABS_WRAP_CSS}</style>"
PAGE_ICON = "🗓️"  # an emoji favicon is drawn locally; a :material/...: one would be fetched from the web

# This run's navigation: each page by its script's path, so a link to a page names the page st.navigation
# registered instead of a path Streamlit resolves on disk at every link (a realpath per link).
_PAGES: ContextVar[dict[str, StreamlitPage] | None] = ContextVar("navigation_pages", default=None)
# True while the frame is drawn around the running page (a context variable: per script thread, reset even when
# a page calls st.stop()).
_FRAMED: ContextVar[bool] = ContextVar("framed_by_app", default=False)


ACTIVITIES = "pages/activities.py"


def pages() -> dict[str, list[StreamlitPage]]:
    """The navigation: the dashboard for everyone, then the pages for work on the plan."""
    by_path = _pages_by_path()
    _PAGES.set(by_path)
    dashboard = ("pages/overview.py", "pages/timeline.py", "pages/domains.py", "pages/conventions.py", ACTIVITIES)
    return {
        _("Dashboard"): [by_path[path] for path in dashboard],
        _("Work"): [by_path["pages/briefing.py"], by_path["pages/data.py"]],
    }


def _pages_by_path() -> dict[str, StreamlitPage]:
    return {
        "pages/overview.py": st.Page(
            "pages/overview.py", title=_("Overview"), icon=":material/dashboard:", default=True
        ),
        "pages/timeline.py": st.Page("pages/timeline.py", title=_("Timeline"), icon=":material/view_timeline:"),
        "pages/domains.py": st.Page("pages/domains.py", title=_("Domains"), icon=":material/category:"),
        "pages/conventions.py": st.Page(
            "pages/conventions.py", title=_("Conventions & programmes"), icon=":material/account_balance:"
        ),
        ACTIVITIES: st.Page(ACTIVITIES, title=_("Activities"), icon=":material/list_alt:"),
        "pages/briefing.py": st.Page("pages/briefing.py", title=_("Briefing"), icon=":material/description:"),
        "pages/data.py": st.Page("pages/data.py", title=_("Data"), icon=":material/table_edit:"),
    }


def draw() -> StreamlitPage:
    """Page config, navigation, the workbook status in the sidebar, the watcher; returns the page to run."""
    lang.activate()
    st.set_page_config(page_title=_(PAGE_TITLE), page_icon=PAGE_ICON, layout="wide", initial_sidebar_state="auto")
    st.html(LAYOUT_CSS)
    a11y.frame(i18n.current().lang)
    widget_words.frame(i18n.current().lang)
    streamlit_words.frame(i18n.current().lang)
    page = st.navigation(pages())
    current = plan_store.current()
    title = current.plan.facts.title
    if title:  # the browser tab names the plan (the About sheet's title, else the document's), not only the app
        st.set_page_config(page_title=f"{words.short_title(title, 60)} · {_(PAGE_TITLE)}")
    sidebar.language_picker()
    sidebar.workbook_status(current)
    lang.keep_in_url()
    plan_store.watch()
    return page


def page(path: str) -> StreamlitPage | str:
    """The page at `path` (`pages/activities.py`) as this run's navigation registered it, for st.page_link; the
    path itself before the frame is drawn."""
    registered = _PAGES.get() or {}
    return registered.get(path, path)


@contextmanager
def framed() -> Iterator[None]:
    """app.py runs the page inside this block, so the page knows the frame is drawn."""
    token = _FRAMED.set(True)
    try:
        yield
    finally:
        _FRAMED.reset(token)


def require() -> None:
    """A page's first call: when app.py did not draw the frame, draw it and run this page inside it, exactly as
    app.py does, then stop this run.

    Why run the page again rather than carry on: Streamlit names every widget after the page that draws it
    (`StreamlitPage.run` draws under the page's own hash; a page script running alone draws under the main
    script's). Had this run carried on, each widget here would be a different widget in the next run, which goes
    through app.py, and the browser would forget them: a deep link to /data whose first click is Sign in would
    show the first tab again instead of the Edit tab the editor was on.

    Only in a browser: AppTest (no URL) runs every page alone, each run under the same hash, so it draws on. Its
    runs must also end normally: a run ended by st.stop() keeps its buttons pressed and its stale widgets.
    """
    if _FRAMED.get():
        return
    page = draw()
    if st.context.url is None:
        return
    with framed():
        page.run()
    st.stop()  # once per server process: this draw's st.navigation makes every later run go through app.py
