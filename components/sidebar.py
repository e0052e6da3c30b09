"""The sidebar line every page shares: which workbook, when it was saved, how many findings, when it last changed."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from .plan_store import Current, updated_at


def workbook_status(current: Current) -> None:
    """A short status of the workbook under the navigation; a warning when last good data is shown."""
    latest = current.latest
    with st.sidebar:
        source = latest.source
        saved = f"saved {source.modified:%d %b %Y %H:%M}" if source else "not found"
        errors, warnings = len(latest.errors), len(latest.warnings)
        findings = f"{errors} errors, {warnings} warnings" if errors else f"{warnings} warnings"
        st.caption(f"Workbook `{current.path.name}` · {saved} · {findings}")
        changed = updated_at()
        if changed:
            st.caption(f"Updated at {changed:%H:%M}")
    if current.stale or not current.latest.usable:
        first = latest.errors[0] if latest.errors else None
        when = current.plan.source.modified.strftime("%d %b %Y %H:%M") if current.plan.source else None
        kept = f"Showing the last good version (saved {when})." if when else "No good version has been read yet."
        st.warning(f"The workbook cannot be used: {first}. {kept} See the Data page for every finding.",
                   icon=":material/warning:")


# True while app.py runs the page after drawing the status (a context variable: per script thread, and reset even
# when the page ends with st.stop()).
_FRAMED: ContextVar[bool] = ContextVar("workbook_status_drawn", default=False)


@contextmanager
def framed(current: Current) -> Iterator[None]:
    """app.py: draw the workbook status, then run the page inside this block (pages then skip their own)."""
    workbook_status(current)
    token = _FRAMED.set(True)
    try:
        yield
    finally:
        _FRAMED.reset(token)


def page_status(current: Current) -> None:
    """A page: the workbook status and warning, unless app.py drew them in this run.

    A page runs without app.py when Streamlit treats pages/ as a v1 page folder: in AppTest after switch_page,
    and for a deep link (e.g. /timeline) opened before anyone opened the app's root since the server started.
    """
    if not _FRAMED.get():
        workbook_status(current)
