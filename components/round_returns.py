"""Taking returned forms in the Reporting round tab: one or many uploaded, each checked (a refusal says why), shown
beside the form as issued and the workbook now, then taken through the normal save; a cell the lead and someone
in the workbook both changed is chosen here, one by one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import words
from actionplan.i18n import _, n_
from actionplan.keeping import access
from actionplan.keeping.faults import SaveRefused
from actionplan.keeping.merge import CellConflict, MergeNeeded, Side
from actionplan.keeping.store import Store
from actionplan.rounds import records, returns, take
from actionplan.rounds.forms import FORM_COLUMNS, day_text
from actionplan.rounds.leads import lead_name
from components import merge_panel

NOTICE = "_round_notice"  # (done, message) pairs for the next run: started, saved, taken or refused
_UPLOADS = "_round_upload_generation"
_NEEDS_CHOICE = "_round_conflicts"  # {returned file's sha256: the cells to choose}


def show_notices() -> None:
    """What the last start, save of leads or taking of returns said, once, after the rerun that follows it."""
    for done, message in st.session_state.pop(NOTICE, ()):
        if done:
            st.success(message, icon=":material/check_circle:")
        else:
            st.warning(message, icon=":material/warning:")


def tell(message: str) -> None:
    """Keep a message of success for the next run."""
    st.session_state[NOTICE] = ((True, message),)


def _headings() -> dict[str, str]:
    return {str(form_column.column): _(form_column.heading) for form_column in FORM_COLUMNS}


def panel(editor: access.Editor, store: Store, path: Path, round_: records.Round) -> None:
    """The uploader, each return checked and shown, and the button that takes every return that passed."""
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
    earlier = {(record.number, record.sha256): record for record in records.returns(store, round_.id)}
    ready: list[take.Taking] = []
    choices: dict[str, dict[str, Side] | None] = {}
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
            same = earlier.get((returned.form.number, returned.sha256))
            if same is not None:
                st.info(
                    _("{file} was taken already, on {day}: this very file is not taken twice.").format(
                        file=words.md_text(returned.filename), day=day_text(same.received_at.date())
                    ),
                    icon=":material/done_all:",
                )
                continue
            taking = take.prepare_taking(store, path, round_, returned)
            choices[returned.sha256] = _show(taking)
            ready.append(taking)
    if not ready:
        return
    label = n_("Take {n} return into the workbook", "Take {n} returns into the workbook", len(ready))
    if st.button(label.format(n=len(ready)), type="primary", icon=":material/move_to_inbox:", key="round_take"):
        _take_all(editor, store, path, ready, choices)


def _show(taking: take.Taking) -> dict[str, Side] | None:
    """The return beside the form as issued and the workbook now; the choices made for its conflicts, if any."""
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
        return None
    headings = _headings()
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
    return _chooser(taking.returned.sha256, conflicts) if conflicts else None


SIDES = {Side.BASE: "As issued", Side.THEIRS: "Workbook now", Side.MINE: "Reported by the lead"}  # msgids above


def _chooser(sha256: str, conflicts: tuple[CellConflict, ...]) -> dict[str, Side] | None:
    """For each cell changed both by the lead and in the workbook since the issue: the three values and a choice.
    The choices once every cell has one, else None."""
    st.warning(
        _("Changed by the lead and in the workbook since the form was issued: choose the value each cell keeps."),
        icon=":material/call_split:",
    )
    headings = _headings()
    return merge_panel.side_by_side(
        conflicts,
        key="round",
        scope=f"{sha256[:10]}_",
        where=lambda record: (record["ID"], headings.get(record["Column"], record["Column"])),
        headings=SIDES,
        labels=SIDES,
        blank="—",
    )


def _take_all(
    editor: access.Editor,
    store: Store,
    path: Path,
    ready: list[take.Taking],
    choices: dict[str, dict[str, Side] | None],
) -> None:
    messages: list[tuple[bool, str]] = []
    needs_choice: dict[str, tuple[CellConflict, ...]] = {}
    for taking in ready:
        lead = words.md_text(lead_name(taking.form.lead))
        try:
            taken = take.take(editor, store, path, taking, choices=choices.get(taking.returned.sha256))
        except MergeNeeded as needed:
            needs_choice[taking.returned.sha256] = needed.conflicts
            continue
        except SaveRefused as refused:
            messages.append((False, f"{words.md_text(taking.returned.filename)}: {words.md_text(str(refused))}"))
            continue
        count = len(taken.activities)
        taken_words = n_(
            "Taken: form {number} from {lead}, {n} activity updated.",
            "Taken: form {number} from {lead}, {n} activities updated.",
            count,
        )
        messages.append((True, taken_words.format(number=taking.form.number, lead=lead, n=count)))
    st.session_state[_NEEDS_CHOICE] = needs_choice
    if needs_choice:
        messages.append(
            (
                False,
                _(
                    "Some cells were changed both by a lead and in the workbook since: choose for each, then take again."
                ),
            )
        )
    else:
        st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1
    st.session_state[NOTICE] = tuple(messages)
    st.rerun()
