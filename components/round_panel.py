"""The Data page's "Reporting round" tab, for editors: start a round (one update form per National lead), take the
forms that come back (checked, shown against the workbook, saved like any edit) and see who is still missing, with
a reminder to copy into an e-mail."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import i18n, words
from actionplan.i18n import _, n_
from actionplan.keeping import access
from actionplan.keeping.store import Store
from actionplan.rounds import glance, issue, records
from actionplan.rounds.forms import FORM_COLUMNS, day_text
from actionplan.rounds.leads import lead_name
from components import lang, round_leads, round_returns

DEFAULT_DUE_DAYS = 28


def panel(editor: access.Editor | None, path: Path) -> None:
    """The whole tab: sign-in first; then the round chosen (the latest by default) and a new round."""
    if editor is None:
        st.caption(_("Sign in on the Edit tab to start a reporting round and take the forms that come back."))
        return
    store = Store.beside(path)
    round_returns.show_notices()
    found = records.rounds(store, path.name)
    with st.expander(_("Start a new round"), expanded=not found, icon=":material/outgoing_mail:"):
        _start(editor, store, path)
    if not found:
        return
    chosen = st.selectbox(
        _("Show the round"),
        found,
        format_func=lambda round_: _("{round} (started {day}, due {due})").format(
            round=round_.name, day=day_text(round_.started_at.date()), due=day_text(round_.due)
        ),
        key=lang.reworded("round_chosen"),
    )
    if chosen is not None:
        _round(editor, store, path, chosen)


def _start(editor: access.Editor, store: Store, path: Path) -> None:
    asked = issue.who_is_asked(path)
    warning = issue.lead_warning(asked)
    if warning:
        st.warning(warning, icon=":material/group_off:")
    if st.toggle(_("Assign National leads first"), value=False, key="round_assign_leads"):
        round_leads.leads_editor(editor, path)
    st.caption(
        n_(
            "A round started now sends {n} form: one for each National lead, and one for the National Commission "
            "for the activities that name none.",
            "A round started now sends {n} forms: one for each National lead, and one for the National Commission "
            "for the activities that name none.",
            len(asked.forms),
        ).format(n=len(asked.forms))
    )
    with st.form("round_start", border=False):
        name = st.text_input(_("Name of the round"), placeholder=_("for example: Before GC 44"), key="round_name")
        due = st.date_input(_("Due back by"), value=date.today() + timedelta(days=DEFAULT_DUE_DAYS), key="round_due")
        forms_lang = st.selectbox(
            _("Language of the forms"), list(i18n.LANGUAGES), format_func=i18n.language_name, key="round_lang"
        )
        started = st.form_submit_button(_("Start the round"), type="primary", icon=":material/send:")
    if started:
        try:
            issued = issue.start_round(store, path, name=name, due=due, lang=forms_lang, started_by=editor.name)
        except issue.NotStarted as refused:
            st.error(str(refused), icon=":material/block:")
            return
        round_returns.tell(
            n_(
                "Round “{round}” started: {n} form to send. Download it below.",
                "Round “{round}” started: {n} forms to send. Download them below.",
                len(issued.forms),
            ).format(round=words.md_text(issued.round.name), n=len(issued.forms))
        )
        st.session_state.pop("round_chosen", None)
        st.rerun()


@st.cache_data(max_entries=8, show_spinner=False)
def _forms_zip(store_path: str, round_id: str) -> bytes:
    """Every form of the round in one zip (made again from the workbook as issued; the same for every reader)."""
    store = Store(Path(store_path))
    round_ = records.round_by_id(store, round_id)
    assert round_ is not None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for form in records.forms(store, round_id):
            archive.writestr(form.filename, issue.rebuild_form(store, round_, form))
    return out.getvalue()


def _round(editor: access.Editor, store: Store, path: Path, round_: records.Round) -> None:
    seen = glance.glance(store, round_, date.today())
    st.header(seen.headline())
    st.markdown(f"{seen.news()} · {seen.due()}")
    st.download_button(
        _("Download the forms (.zip)"),
        _forms_zip(str(store.path), round_.id),
        file_name=f"forms-{round_.started_at:%Y%m%d}.zip",
        mime="application/zip",
        icon=":material/download:",
        key="round_forms_zip",
    )
    st.dataframe(_forms_table(seen), hide_index=True, use_container_width=True, key="round_forms")
    st.subheader(_("Take returned forms"))
    round_returns.panel(editor, store, path, round_)
    _reported(store, round_, seen)
    if seen.missing:
        st.subheader(_("Reminders for leads still missing"))
        st.caption(_("Copy a reminder into an e-mail to each lead whose form has not come back."))
        for state in seen.missing:
            with st.expander(lead_name(state.form.lead), icon=":material/mail:"):
                st.code(glance.reminder(round_, state, seen.today), language=None, wrap_lines=True)


def _forms_table(seen: glance.Glance) -> pd.DataFrame:
    def state_of(state: glance.FormState) -> str:
        if state.latest is None:
            return _("Not returned, overdue") if seen.overdue else _("Not returned yet")
        text = _("Returned {day}").format(day=day_text(state.latest.received_at.date()))
        return text + (_(" (the latest of {n})").format(n=state.times_returned) if state.times_returned > 1 else "")

    return pd.DataFrame(
        {
            _("Form no."): [state.form.number for state in seen.forms],
            _("Lead asked"): [lead_name(state.form.lead) for state in seen.forms],
            _("Activities on the form"): [len(state.form.activities) for state in seen.forms],
            _("Returned?"): [state_of(state) for state in seen.forms],
            _("Form file"): [state.form.filename for state in seen.forms],
        }
    )


def _reported(store: Store, round_: records.Round, seen: glance.Glance) -> None:
    lines = glance.reported(store, round_)
    if not lines:
        return
    with st.expander(
        n_("What {n} lead reported", "What {n} leads reported", len(seen.returned)).format(n=len(seen.returned)),
        icon=":material/fact_check:",
    ):
        headings: dict[str, str] = {str(fc.column): _(fc.heading) for fc in FORM_COLUMNS}
        st.dataframe(
            pd.DataFrame(
                {
                    _("Activity ID"): [line.activity_id for line in lines],
                    _("Answer"): [headings.get(line.column, line.column) for line in lines],
                    _("Value reported"): [words.cell_text(line.value) for line in lines],
                    _("Reported by"): [
                        _("as reported by {lead} on {day}").format(lead=lead_name(line.lead), day=day_text(line.day))
                        for line in lines
                    ],
                }
            ),
            hide_index=True,
            use_container_width=True,
        )
        st.caption(_("Only what a lead typed is shown; an activity nobody reported on stays Not reported."))
