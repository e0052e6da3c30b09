"""The sidebar line every page shares: which workbook, when it was saved, how many findings, when it last changed."""

from __future__ import annotations

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
        st.warning(
            f"The workbook cannot be used: {first}. {kept} See the Data page for every finding.",
            icon=":material/warning:",
        )
