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
from actionplan.keeping.faults import SaveRefused
from actionplan.keeping.merge import MergeNeeded
from actionplan.keeping.store import Store
from actionplan.rounds import glance, issue, records, returns, take
from actionplan.rounds.forms import FORM_COLUMNS, day_text
from actionplan.rounds.leads import lead_name
from components import merge_panel, round_leads

_NOTICE = "_round_notice"
_UPLOADS = "_round_upload_generation"
_NEEDS_CHOICE = "_round_conflicts"  # {file sha256: the conflicts of its last try}
DEFAULT_DUE_DAYS = 28


def panel(editor: access.Editor | None, path: Path) -> None:
    """The whole tab: sign-in first; then the round chosen (the latest by default) and a new round."""
    if editor is None:
        st.caption(_("Sign in on the Edit tab to start a reporting round and take the forms that come back."))
        return
    store = Store.beside(path)
    for message in st.session_state.pop(_NOTICE, ()):
        st.success(message, icon=":material/check_circle:")
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
        key="round_chosen",
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
        lang = st.selectbox(
            _("Language of the forms"), list(i18n.LANGUAGES), format_func=i18n.language_name, key="round_lang"
        )
        started = st.form_submit_button(_("Start the round"), type="primary", icon=":material/send:")
    if started:
        try:
            issued = issue.start_round(store, path, name=name, due=due, lang=lang, started_by=editor.name)
        except issue.NotStarted as refused:
            st.error(str(refused), icon=":material/block:")
            return
        st.session_state[_NOTICE] = (
            n_(
                "Round “{round}” started: {n} form to send. Download it below.",
                "Round “{round}” started: {n} forms to send. Download them below.",
                len(issued.forms),
            ).format(round=words.md_text(issued.round.name), n=len(issued.forms)),
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
    st.subheader(seen.headline())
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
    st.markdown("##### " + _("Take returned forms"))
    _returns(editor, store, path, round_)
    _reported(store, round_, seen)
    if seen.missing:
        st.markdown("##### " + _("Reminders for leads still missing"))
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


def _returns(editor: access.Editor, store: Store, path: Path, round_: records.Round) -> None:
    generation = st.session_state.setdefault(_UPLOADS, 0)
    uploads = st.file_uploader(
        _("Returned forms (.xlsx, one or many)"),
        type=["xlsx"],
        accept_multiple_files=True,
        max_upload_size=max(1, returns.MAX_RETURN_BYTES // 2**20),
        key=f"round_upload_{generation}",
    )
    if not uploads:
        return
    forms = records.forms(store, round_.id)
    ready: list[take.Taking] = []
    for upload in uploads:
        with st.container(border=True):
            try:
                if upload.size > returns.MAX_RETURN_BYTES:
                    raise returns.NotAccepted(
                        _("{file} is {size} KB; a returned form is far smaller.").format(
                            file=upload.name, size=upload.size // 1024
                        )
                    )
                returned = returns.read_return(round_, forms, upload.name, upload.getvalue())
            except returns.NotAccepted as refused:
                st.error(words.md_text(str(refused)), icon=":material/block:")
                continue
            taking = take.prepare_taking(store, path, round_, returned)
            _show_taking(taking)
            ready.append(taking)
    if not ready:
        return
    label = n_("Take {n} return into the workbook", "Take {n} returns into the workbook", len(ready))
    if st.button(label.format(n=len(ready)), type="primary", icon=":material/move_to_inbox:", key="round_take"):
        _take_all(editor, store, path, ready)


def _show_taking(taking: take.Taking) -> None:
    form = taking.form
    st.markdown(
        _("**{file}**: form {number}, from {lead}").format(
            file=words.md_text(taking.returned.filename), number=form.number, lead=words.md_text(lead_name(form.lead))
        )
    )
    if taking.earlier is not None:
        st.caption(
            _(
                "This form came back before ({day}); this later return wins, and the earlier one stays on record."
            ).format(day=day_text(taking.earlier.received_at.date()))
        )
    if not taking.lines:
        st.caption(_("The lead reported nothing new: every answer is as it was on the form."))
        return
    headings: dict[str, str] = {str(fc.column): _(fc.heading) for fc in FORM_COLUMNS}
    st.dataframe(
        pd.DataFrame(
            {
                _("Activity ID"): [line.activity_id for line in taking.lines],
                _("Answer"): [headings.get(line.column, line.column) for line in taking.lines],
                _("As issued"): [words.cell_text(line.issued) for line in taking.lines],
                _("Reported by the lead"): [words.cell_text(line.reported) for line in taking.lines],
                _("Workbook now"): [
                    words.cell_text(line.now) + (" *" if line.changed_meanwhile else "") for line in taking.lines
                ],
            }
        ),
        hide_index=True,
        use_container_width=True,
    )
    if any(line.changed_meanwhile for line in taking.lines):
        st.caption(_("* changed in the workbook since the form was issued: where the lead changed it too, you choose."))
    conflicts = st.session_state.get(_NEEDS_CHOICE, {}).get(taking.returned.sha256)
    if conflicts:
        st.session_state.setdefault("_round_choices", {})[taking.returned.sha256] = merge_panel.chooser(conflicts)


def _take_all(editor: access.Editor, store: Store, path: Path, ready: list[take.Taking]) -> None:
    messages: list[str] = []
    needs_choice: dict[str, tuple] = {}
    choices_by_file = st.session_state.get("_round_choices", {})
    for taking in ready:
        lead = words.md_text(lead_name(taking.form.lead))
        try:
            taken = take.take(editor, store, path, taking, choices=choices_by_file.get(taking.returned.sha256))
        except MergeNeeded as needed:
            needs_choice[taking.returned.sha256] = needed.conflicts
            continue
        except SaveRefused as refused:
            st.error(
                f"{words.md_text(taking.returned.filename)}: {words.md_text(str(refused))}", icon=":material/block:"
            )
            return
        count = len(taken.activities)
        messages.append(
            n_(
                "Taken: form {number} from {lead}, {n} activity updated.",
                "Taken: form {number} from {lead}, {n} activities updated.",
                count,
            ).format(number=taking.form.number, lead=lead, n=count)
        )
    st.session_state[_NEEDS_CHOICE] = needs_choice
    st.session_state[_NOTICE] = tuple(messages)
    if needs_choice:
        st.session_state[_NOTICE] += (
            _("Some cells were changed both by a lead and in the workbook since: choose for each, then take again."),
        )
    else:
        st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1
        st.session_state.pop("_round_choices", None)
    st.rerun()


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
