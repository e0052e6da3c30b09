"""Assign National leads before a round: the activities with their lead, editable here, saved like any edit (the
same lock, backup and change log); `;` separates joint leads, who each get the activity on their own form."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import words
from actionplan.i18n import _, n_
from actionplan.keeping import access, edits, save
from actionplan.plan import contract
from actionplan.plan.contract import ActivityColumn as A
from components import round_returns


def leads_editor(editor: access.Editor, path: Path) -> None:
    """A table of ID, event and National lead; Save writes the leads changed."""
    try:
        base = edits.open_for_editing(path)
    except (OSError, ValueError) as problem:
        st.error(words.md_text(str(problem)), icon=":material/error:")
        return
    table = base.tables.get(contract.ACTIVITIES)
    if table is None or A.LEAD not in table.columns:
        st.caption(_("The Activities sheet has no National lead column; add one in Excel first."))
        return
    shown = table.frame[[edits.ROW, A.ID, A.EVENT, A.LEAD]].copy()
    shown[A.EVENT] = shown[A.EVENT].map(words.short_title)
    edited = st.data_editor(
        shown,
        hide_index=True,
        use_container_width=True,
        disabled=[edits.ROW, A.ID, A.EVENT],
        column_config={
            edits.ROW: None,
            A.LEAD: st.column_config.TextColumn(
                _("National lead (joint leads separated by ;)"),
                help=_("Type each lead the same way in every row: one form goes to each name."),
            ),
        },
        key=f"round_leads_{base.sha256[:12]}",
    )
    whole = table.frame.copy()
    whole[A.LEAD] = pd.Series(edited[A.LEAD].tolist(), index=whole.index, dtype=object)
    changes = edits.diff_table(table, whole)
    label = n_("Save {n} lead", "Save {n} leads", len(changes)).format(n=len(changes))
    if st.button(label, disabled=not changes, icon=":material/save:", key="round_leads_save"):
        try:
            save.save_changes(editor, path, base.sha256, changes, base_content=base.content)
        except save.SaveRefused as refused:  # a conflict, a merge to choose, an invalid workbook, a failed write
            st.error(words.md_text(str(refused)), icon=":material/block:")
            return
        round_returns.tell(
            n_("Saved {n} National lead.", "Saved {n} National leads.", len(changes)).format(n=len(changes))
        )
        st.rerun()
