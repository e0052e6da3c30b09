"""Briefing: the pack for a General Conference delegation — what the plan committed to, what was delivered, what
is open, and what is due around the session — on screen, and as Word and Excel to edit, print and send."""

from datetime import timedelta

import streamlit as st

from actionplan import briefing as pack
from actionplan import words
from actionplan.i18n import N_, _
from actionplan.keeping import backups
from components import briefing_view, derived, filters, frame, plan_store, tabs

frame.require()  # the app's frame, also when this page is opened without app.py

SESSION, RANGE = "session", "range"  # the choices' values
# Shown after the label, so that each reads as one phrase: "Briefing pack for a session", "Справочные материалы к
# сессии", "Maglumatnama mejlis üçin".
MODE_LABELS = {SESSION: N_("for a session"), RANGE: N_("for a date range")}

current = plan_store.current()
plan = filters.page_plan()  # the workbook's translated columns (Name (ru) of a session, ...) in the reader's language
held = pack.sessions(plan)
labels = [session.label for session in held]

st.title(_("Briefing"))
st.caption(
    _(
        "What the plan committed to, what was delivered, what is open and what is due around a General "
        "Conference session. Download it as a Word document or an Excel workbook to edit, print and send, or the "
        "one-page brief for the minister's folder."
    )
)

mode = st.radio(  # on one line: "Briefing pack  (o) for a session  ( ) for a date range"
    _("Briefing pack"),
    (SESSION, RANGE),
    format_func=lambda mode: _(MODE_LABELS[mode]),
    horizontal=True,
    key="briefing_mode",
)
what_column, as_of_column, since_column = st.columns([2.4, 1, 1.5], vertical_alignment="top")
if mode == SESSION and held:
    first_choice = pack.default_session(held)
    picked = what_column.selectbox(
        _("General Conference session (Milestones sheet)"),
        labels,
        index=labels.index(first_choice.label),
        key="briefing_session",
    )
    session = held[labels.index(picked)]
    as_of = as_of_column.date_input(
        _("Status as of"),
        value=session.start - timedelta(days=1),
        format="DD/MM/YYYY",
        key=f"briefing_as_of_{session.start}",
        help=_("Default: the eve of the session."),
    )
    scope = pack.session_scope(plan, session, as_of)
else:
    if mode == SESSION:
        what_column.info(
            _(
                "The Milestones sheet has no General Conference session (Kind 'General Conference'). "
                "Add one there, or brief for a date range."
            ),
            icon=":material/event_busy:",
        )
        st.stop()
    first, last = pack.default_range(plan)
    chosen = what_column.date_input(_("From – to"), value=(first, last), format="DD/MM/YYYY", key="briefing_range")
    if len(chosen) < 2:
        what_column.caption(_("Pick the last day of the range."))
        st.stop()
    as_of = as_of_column.date_input(
        _("Status as of"),
        value=chosen[1],
        format="DD/MM/YYYY",
        key=f"briefing_as_of_{chosen[1]}",
        help=_("Default: the range's last day."),
    )
    scope = pack.range_scope(plan, chosen[0], chosen[1], as_of)
with since_column:
    since = briefing_view.choose_earlier(current.path)

briefing = derived.briefing(  # built once per version, scope, earlier version and language
    plan, scope, since, since_taken=backups.taken_at(since.source.path) if since and since.source else None
)
st.caption(words.md_text(f"{scope.rule} {_(pack.AT_SESSION_RULE)}"))
briefing_view.downloads(briefing)

st.header(words.md_text(scope.title), divider="gray")
briefing_view.summary(briefing)
briefing_view.messages(briefing)

as_of_label = _("As of {day}").format(day=words.day(scope.as_of))
# The tabs of sections, each with the sections it shows; only the open tab is drawn (opening another reruns the
# page), and the pack builds its sections by domain and by convention only when they are first asked for.
section_tabs = {
    _("Delivered ({n})").format(n=len(briefing.delivered.table)): lambda: (briefing.delivered,),
    _("Open and overdue ({n})").format(n=len(briefing.open.table)): lambda: (briefing.open,),
    _("Around the session") if scope.session else _("Around the period"): lambda: briefing.around,
    _("By domain"): lambda: briefing.by_domain,
    _("By convention"): lambda: briefing.by_convention,
}
opened, tab = tabs.open_tab([*section_tabs, _("Timeline"), _("Changes")], key="briefing_tab")
with tab:
    if opened < len(section_tabs):
        briefing_view.sections(briefing, list(section_tabs.values())[opened](), as_of_label)
    elif opened == len(section_tabs):
        briefing_view.timeline(briefing)
    else:
        briefing_view.changes(briefing.changes)
st.caption(words.md_text(_("Source: {version}").format(version=briefing.version)))
