"""The sidebar line every page shares: which workbook, when it was saved, how many findings, when it last changed."""

from __future__ import annotations

import streamlit as st

from actionplan import words
from actionplan.plan.findings import Finding

from .plan_store import Current, updated_at


def workbook_status(current: Current) -> None:
    """A short status of the workbook under the navigation; a warning when last good data is shown."""
    latest = current.latest
    with st.sidebar:
        title = current.plan.facts.title or current.latest.facts.title
        if title:  # the plan's own title (About sheet or document properties): which plan this is
            st.markdown(f"**{words.md_text(title)}**")
        source = latest.source
        saved = f"saved {source.modified:%d %b %Y %H:%M}" if source else "not found"
        errors, warnings = len(latest.errors), len(latest.warnings)
        findings = words.count(warnings, "warning")
        if errors:
            findings = f"{words.count(errors, 'error')}, {findings}"
        st.caption(f"Workbook {words.md_text(current.path.name)} · {saved} · {findings}")
        changed = updated_at()
        if changed:
            st.caption(f"Updated at {changed:%H:%M}")
    if current.stale or not current.latest.usable:
        first = latest.errors[0] if latest.errors else None
        when = current.plan.source.modified.strftime("%d %b %Y %H:%M") if current.plan.source else None
        kept = f"Showing the last good version (saved {when})." if when else "No good version has been read yet."
        st.warning(
            f"The workbook cannot be used: {words.md_text(_said(first))} {kept} See the Data page for every finding.",
            icon=":material/warning:",
        )


def _said(finding: Finding | None) -> str:
    """The first error in a sentence, without its hint (which may name server paths, for editors on the Data page)."""
    if finding is None:
        return "no reason was given."
    return finding.sentence.rstrip(".") + "."
