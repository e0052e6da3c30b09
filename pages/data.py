"""Data: the workbook behind the dashboard — its validation report, versions, backups and change log for everyone;
editing, upload and restore for signed-in editors."""

import streamlit as st

from actionplan.i18n import _
from components import data_report, editor, frame, plan_import, plan_store, plans, round_panel, signin, upload

frame.require()  # the app's frame, also when this page is opened without app.py

current = plan_store.current()
who = signin.current_editor()  # None for viewers: they see no server paths and no editors' names

st.title(_("Data"))
st.caption(
    _(
        "The workbook behind every page: what is wrong with it, its versions and backups, and who changed what. "
        "Editors can also change it here."
    )
)
current = plans.choose_workbook(current)  # a folder of plans: one workbook at a time
editor.show_notice()
data_report.workbook_card(current, who)

report, edit, files, log, importing, rounds = st.tabs(
    [
        _("Validation report"),
        _("Edit"),
        _("Upload & backups"),
        _("Change log"),
        _("Import a plan"),
        _("Reporting round"),
    ],
    key="data_tab",
)
with report:
    data_report.findings(current, who)
with edit:
    who = signin.panel()
    if who is not None:
        editor.edit_panel(who, current.path)
with files:
    data_report.backup_list(current.path, who)
    st.header(_("Upload a replacement"))
    if who is not None:
        upload.upload_panel(who, current.path)
    else:
        st.caption(_("Sign in on the Edit tab to upload a replacement workbook."))
with log:
    data_report.change_log(current.path, who)
with importing:
    plan_import.panel(signin.current_editor(), current.path)
with rounds:
    round_panel.panel(signin.current_editor(), current.path)
