"""A folder of plan workbooks (a portfolio) in the app: which workbook the Data page checks and edits."""

from __future__ import annotations

import streamlit as st

from actionplan import words
from actionplan.i18n import _
from actionplan.plan import portfolio

from . import plan_store

PICK_WORKBOOK = "data_workbook"


def choose_workbook(current: plan_store.Current) -> plan_store.Current:
    """In a portfolio (a folder of plans) the Data page checks and edits one workbook at a time: which one."""
    if not current.is_portfolio:
        return current
    titles = {part.name: part.title for part in current.parts}
    if not titles:
        st.info(_("The plans folder holds no workbook (.xlsx)."), icon=":material/folder_off:")
        st.stop()
    name = st.selectbox(
        _("Workbook to check and edit"),
        list(titles),
        key=PICK_WORKBOOK,
        format_func=lambda file: portfolio.plan_label(file, words.short_title(titles[file], 60)),
        help=_("The plans folder holds several workbooks; this page shows one at a time."),
    )
    return plan_store.file_current(current.path / name)
