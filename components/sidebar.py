"""What the sidebar shows on every page: the language picker, and which workbook, when it was saved, how many
findings, when it last changed."""

from __future__ import annotations

import streamlit as st

from actionplan import i18n, words
from actionplan.i18n import _, n_
from actionplan.plan.findings import Finding

from . import lang
from .plan_store import Current, updated_at

# The picker's icon is drawn by CSS, not written in its label: Streamlit names the picker's radio group by the label's
# raw text, so a screen reader heard ":material/translate: Язык". The icon's `content: … / ""` leaves it out of the
# name; its look is Streamlit's own for a :material/…: icon in a label.
PICKER_ICON_CSS = (
    f"<style>.st-key-{lang.PICKER} [data-testid='stWidgetLabel'] p::before"
    "{content:'translate' / '';font-family:'Material Symbols Rounded';font-weight:400;display:inline-block;"
    "vertical-align:bottom;white-space:nowrap;user-select:none;margin-right:0.2em}</style>"
)


def _picked() -> None:
    lang.choose(st.session_state.get(lang.PICKER))


def language_picker() -> None:
    """English, Русский, Türkmençe, each named in itself so a reader finds their own whatever the page speaks."""
    st.session_state[lang.PICKER] = i18n.current().lang
    with st.sidebar:
        st.html(PICKER_ICON_CSS)
        st.segmented_control(
            _("Language"),
            list(i18n.LANGUAGES),
            key=lang.PICKER,
            format_func=i18n.language_name,
            on_change=_picked,
            required=True,
        )


def workbook_status(current: Current) -> None:
    """A short status of the workbook under the navigation; a warning when last good data is shown."""
    if current.is_portfolio:
        _portfolio_status(current)
        return
    latest = current.latest
    with st.sidebar:
        title = current.plan.facts.title or current.latest.facts.title
        if title:  # the plan's own title (About sheet or document properties): which plan this is
            st.markdown(f"**{words.md_text(title)}**")
        source = latest.source
        saved = _("saved {when}").format(when=words.moment(source.modified)) if source else _("not found")
        errors, warnings = len(latest.errors), len(latest.warnings)
        findings = n_("{n} warning", "{n} warnings", warnings).format(n=warnings)
        if errors:
            findings = n_("{n} error", "{n} errors", errors).format(n=errors) + ", " + findings
        workbook = _("Workbook {name}").format(name=words.md_text(current.path.name))
        st.caption(f"{workbook} · {saved} · {findings}")
        changed = updated_at()
        if changed:
            st.caption(_("Updated at {time}").format(time=f"{changed:%H:%M}"))
    if current.stale or not current.latest.usable:
        first = latest.errors[0] if latest.errors else None
        when = words.moment(current.plan.source.modified) if current.plan.source else None
        kept = (
            _("Showing the last good version (saved {when}).").format(when=when)
            if when
            else _("No good version has been read yet.")
        )
        st.warning(
            _("The workbook cannot be used: {reason} {kept} See the Data page for every finding.").format(
                reason=words.md_text(_said(first)), kept=kept
            ),
            icon=":material/warning:",
        )


def _portfolio_status(current: Current) -> None:
    """A folder of plans: how many are shown, and a warning naming each workbook that cannot be used."""
    shown = sum(part.plan is not None for part in current.parts)
    with st.sidebar:
        st.caption(
            _("Folder {folder} · plans shown: {shown} of {total}").format(
                folder=words.md_text(current.path.name), shown=shown, total=len(current.parts)
            )
        )
        changed = updated_at()
        if changed:
            st.caption(_("Updated at {time}").format(time=f"{changed:%H:%M}"))
    for part in current.parts:
        if part.problem is None:
            continue
        kept = _("Its last good version is shown.") if part.stale else _("The other plans are shown without it.")
        st.warning(
            _("The workbook {name} cannot be used: {reason} {kept} See the Data page for every finding.").format(
                name=words.md_text(part.name), reason=words.md_text(_said(part.problem)), kept=kept
            ),
            icon=":material/warning:",
        )


def _said(finding: Finding | None) -> str:
    """The first error in a sentence, without its hint (which may name server paths, for editors on the Data page)."""
    if finding is None:
        return _("no reason was given.")
    return finding.sentence.rstrip(".") + "."
