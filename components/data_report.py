"""The Data page's report for everyone: which workbook and which version, what is wrong with it (the validation
report), its backups, and the change log; Reload and downloads. Restoring a backup needs an editor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import words, workbook_path
from actionplan.i18n import N_, _, n_
from actionplan.keeping import access, audit, backups, compare, history, save
from actionplan.plan import export, portfolio
from actionplan.plan.contract import ActivityColumn
from actionplan.plan.export import XLSX_MIME
from actionplan.plan.findings import ERROR, WARNING
from components import app_store, lang, plan_store, replace_preview, signin
from components.editor import notify, start_again

CHANGE_LOG_LINES = 50
CELL_LOG_RECORDS = 500
BACKUP_PICKER_WIDTH = 440
SEVERITY_LABEL = {ERROR: ":red-badge[:material/error: {label}]", WARNING: ":orange-badge[:material/warning: {label}]"}
SEVERITY_NAME = {ERROR: N_("Error"), WARNING: N_("Warning")}
REPORT_HEADERS = (N_("Severity"), N_("Sheet"), N_("Row"), N_("Column"), N_("Message"), N_("Hint"))
SCROLL_AFTER_ROWS = 15
TABLE_HEIGHT = 600


def _size(size: int) -> str:
    if size < 2**20:
        return _("{size} KB").format(size=words.number(size / 1024, decimals=0))
    return _("{size} MB").format(size=words.number(size / 2**20, decimals=1))


def _counts(errors: int, warnings: int) -> str:
    """`1 error · 2 warnings` in the reader's language."""
    return (
        n_("{n} error", "{n} errors", errors).format(n=errors)
        + " · "
        + n_("{n} warning", "{n} warnings", warnings).format(n=warnings)
    )


def _reload() -> None:
    plan_store.forget()


def shown_path(path: Path, editor: access.Editor | None) -> str:
    """Where a file is, as this person may see it: the full server path for editors, the file name for viewers."""
    return str(Path(path).resolve()) if editor is not None else Path(path).name


def for_viewer(text: str, path: Path, editor: access.Editor | None) -> str:
    """Text that may name the workbook's folder on the server (a finding about a missing file), with the folder
    left out for viewers."""
    if editor is not None:
        return text
    folder = Path(path).resolve().parent
    for where in sorted(
        {str(folder), str(Path(path).parent), str(Path(path).absolute().parent)}, key=len, reverse=True
    ):
        if where not in ("", "."):
            text = text.replace(where + "/", "").replace(where, _("the workbook's folder"))
    return text


def workbook_card(current: plan_store.Current, editor: access.Editor | None) -> None:
    """Path (its name only, for viewers), size, last saved and last loaded, with Reload and a download of the
    workbook as it is on disk."""
    latest = current.latest
    source = latest.source
    with st.container(border=True):
        workbook = _("Excel workbook")
        st.markdown(f":material/description: **{workbook}** `{shown_path(current.path, editor)}`")
        facts = {
            _("Size"): _size(source.size) if source else "—",
            _("Last saved"): words.moment(source.modified) if source else _("not found"),
            _("Last loaded"): words.moment(latest.loaded_at),
            _("Findings"): _counts(len(latest.errors), len(latest.warnings)),
        }
        for column, (label, value) in zip(st.columns(len(facts)), facts.items()):
            column.markdown(f":gray[{label}]  \n**{value}**")
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(
                _("Reload"),
                on_click=_reload,
                icon=":material/refresh:",
                key="reload",
                help=_("Read the workbook again now (it is also re-read by itself within seconds of a save)"),
            )
            if current.path.exists():
                st.download_button(
                    _("Download workbook"),
                    current.path.read_bytes,
                    current.path.name,
                    XLSX_MIME,
                    on_click="ignore",
                    icon=":material/download:",
                    key="download_workbook",
                )
            if source:
                st.caption(
                    _("Version `{version}` · every open page follows a save within seconds").format(
                        version=source.sha256[:12]
                    )
                )


def findings(current: plan_store.Current, editor: access.Editor | None) -> None:
    """The validation report: every finding of the workbook as it is on disk now, errors first."""
    latest = current.latest
    if not latest.findings:
        st.success(_("No problems found: every sheet, column and row could be read."), icon=":material/task_alt:")
        return
    if latest.errors:
        shown = current.plan.source
        kept = (
            _("The dashboard keeps showing the last good version (saved {moment}).").format(
                moment=words.moment(shown.modified)
            )
            if current.stale and shown
            else _("The dashboard has no good version of it to show.")
        )
        errors = len(latest.errors)
        unusable = n_(
            "The workbook has {n} error and cannot be used as it is.",
            "The workbook has {n} errors and cannot be used as it is.",
            errors,
        ).format(n=errors)
        fix = _("Fix the rows named below in Excel (or on the Edit tab), or restore a backup.")
        st.error(
            f"{unusable} {kept} {fix}",
            icon=":material/error:",
        )
    else:
        warnings = len(latest.warnings)
        st.info(
            n_(
                "{n} warning: the workbook is used, with the value named below set aside. Fix it when you can.",
                "{n} warnings: the workbook is used, with the values named below set aside. Fix them when you can.",
                warnings,
            ).format(n=warnings),
            icon=":material/info:",
        )
    rows = [finding.as_record() for finding in sorted(latest.findings, key=lambda f: f.severity != ERROR)]
    for row in rows:  # a finding about a missing or unreadable file names where it was looked for
        row["Message"] = for_viewer(str(row["Message"]), current.path, editor)
        row["Hint"] = for_viewer(str(row["Hint"]), current.path, editor)
    table = pd.DataFrame(rows, columns=["Severity", "Sheet", "Row", "Column", "Message", "Hint"])
    # Messages quote what staff typed; escaped so that nothing in a cell is read as Markdown.
    shown = table.astype(object).map(lambda value: "" if pd.isna(value) else words.md_text(str(value)))
    badges = {severity: badge.format(label=_(SEVERITY_NAME[severity])) for severity, badge in SEVERITY_LABEL.items()}
    shown["Severity"] = table["Severity"].map(badges).fillna(table["Severity"])
    shown["Row"] = table["Row"].map(lambda row: "" if pd.isna(row) else str(int(row)))
    shown = shown.rename(columns={name: _(name) for name in REPORT_HEADERS})
    st.table(shown, hide_index=True, height="content" if len(shown) <= SCROLL_AFTER_ROWS else TABLE_HEIGHT)
    report_csv = export.neutralise_frame(table).to_csv(index=False)  # findings quote what staff typed
    st.download_button(
        _("Download the report (CSV)"),
        report_csv,
        "validation-report.csv",
        "text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="download_report",
    )


def _restore(editor: access.Editor, path: Path, backup: Path) -> None:
    lang.activate()  # a callback runs before the page: it speaks the reader's language itself
    try:
        saved = save.restore_backup(editor, path, backup)
    except save.SaveRefused as refused:
        st.session_state["_restore_error"] = str(refused)
        return
    start_again()
    label = compare.backup_label(backup.name, None, audit.read_records(path), True)
    notify(_("Restored the version {label}.").format(label=label), saved)


def _replaced(backup: Path, records: list[audit.AuditRecord]) -> datetime | None:
    """When the backup's version stopped being current: saves after that are what restoring it would undo."""
    record = next((record for record in records if record.backup == backup.name), None)
    return record.when if record else backups.backup_time(backup)


def backup_list(path: Path, editor: access.Editor | None) -> None:
    """The backups, newest first: download any of them; editors may restore one."""
    kept = backups.list_backups(path)
    records = audit.read_records(path)
    where = f"`{backups.backup_dir(path).resolve()}`" if editor is not None else _("a backups folder on the server")
    st.header(_("Backups ({n})").format(n=len(kept)))
    if not kept:
        st.caption(
            _(
                "None yet. Each save, upload or restore in the app keeps the version it replaces in {where} (the "
                "newest {n})."
            ).format(where=where, n=backups.KEEP_BACKUPS)
        )
        return
    st.caption(
        _(
            "The version each save, upload or restore replaced, newest first; the newest {n} are kept in {where}."
        ).format(where=where, n=backups.KEEP_BACKUPS)
    )
    chosen = st.selectbox(
        _("Backup"),
        kept,
        key=lang.reworded("backup_choice"),
        label_visibility="collapsed",
        width=BACKUP_PICKER_WIDTH,
        format_func=lambda b: (
            f"{compare.backup_label(b.name, None, records, editor is not None)} · {_size(b.stat().st_size)}"
        ),
    )
    if st.toggle(_("Compare with the current version"), key="backup_compare"):
        replace_preview.show(
            path, chosen.read_bytes(), replace_preview.BACKUP, editor is not None, _replaced(chosen, records), "backup"
        )
    row = st.container(horizontal=True)
    row.download_button(
        _("Download this backup"),
        chosen.read_bytes,
        chosen.name,
        XLSX_MIME,
        on_click="ignore",
        icon=":material/download:",
        key="download_backup",
    )
    if editor is None:
        row.button(
            _("Restore…"), disabled=True, help=_("Sign in on the Edit tab to restore a backup"), key="restore_locked"
        )
        return
    with row.popover(_("Restore…"), icon=":material/history:"):
        st.markdown(
            _(
                "Make the version **{label}** the current workbook? The current version is kept as a backup first, "
                "so this can be undone."
            ).format(label=compare.backup_label(chosen.name, None, records, True))
        )
        undone = compare.undone(
            replace_preview.differences(path, chosen.read_bytes()), records, _replaced(chosen, records)
        )
        if undone:
            st.warning(
                n_(
                    "Restoring it would undo {n} change saved in the app since; turn on *{compare}* to see it.",
                    "Restoring it would undo {n} changes saved in the app since; turn on *{compare}* to see them.",
                    len(undone),
                ).format(n=len(undone), compare=_("Compare with the current version")),
                icon=":material/history:",
            )
        st.button(
            _("Restore this version"),
            type="primary",
            on_click=_restore,
            args=(editor, path, chosen),
            key="restore_confirm",
        )
    if st.session_state.get("_restore_error"):
        st.error(st.session_state.pop("_restore_error"), icon=":material/block:")


ACTION_LABELS = {
    audit.Action.EDIT: N_("Edits"),
    audit.Action.UPLOAD: N_("Uploads"),
    audit.Action.RESTORE: N_("Restores"),
}


def change_log(path: Path, editor: access.Editor | None) -> None:
    """Who changed the workbook in the app, when and what (edits in Excel are not recorded here), filtered by kind
    and, for editors, by person. Viewers see what changed and when, not who: editors' names are for editors."""
    store = app_store.current()
    filters = st.container(horizontal=True)
    action = filters.selectbox(
        _("Kind of change"),
        [None, *ACTION_LABELS],
        format_func=lambda kind: _("All changes") if kind is None else _(ACTION_LABELS[kind]),
        key=lang.reworded("change_log_action"),
        width=220,
    )
    who = None
    if editor is not None:
        names = audit.editors(store, path)
        who = filters.selectbox(
            _("Editor"),
            [None, *names],
            format_func=lambda name: _("Everyone") if name is None else name,
            key=lang.reworded("change_log_who"),
            width=260,
        )
    records = audit.search(store, path, who=who, action=action, limit=CHANGE_LOG_LINES)
    if not records:
        if action is None and who is None:
            st.caption(
                _(
                    "No change has been made in the app yet. Changes made in Excel are not recorded here; the "
                    "backups keep earlier versions of changes made in the app."
                )
            )
        else:
            st.caption(_("No change of this kind has been made in the app."))
        return
    rows = [
        {"When": f"{record.when:%Y-%m-%d %H:%M:%S}", "Who": record.who, "What": record.summary()} for record in records
    ]
    table = pd.DataFrame(rows, columns=["When", "Who", "What"])
    if editor is None:
        table = table.drop(columns="Who")
    st.dataframe(
        table.map(words.cell_safe),
        hide_index=True,
        key="change_log",
        column_config={
            **replace_preview.headers(table.columns),
            "What": st.column_config.TextColumn(_("What"), width="large"),
        },
    )
    if editor is None:
        st.caption(
            n_(
                "The last {n} change made in the app, newest first; editors see every cell changed (old → new).",
                "The last {n} changes made in the app, newest first; editors see every cell changed (old → new).",
                len(records),
            ).format(n=len(records))
        )
        return
    st.caption(
        n_(
            "The last {n} change made in the app, newest first; the full log is `{log}`.",
            "The last {n} changes made in the app, newest first; the full log is `{log}`.",
            len(records),
        ).format(n=len(records), log=audit.audit_path(path))
    )
    _cell_log(store, path, who, action)


def _cell_log(store, path: Path, who: str | None, action: audit.Action | None) -> None:
    """Editors only: every cell changed, with who, when, where and old → new, by activity and dates."""
    st.header(_("Every cell changed"))
    filters = st.container(horizontal=True)
    activity = filters.text_input(
        _("Activity ID"), key="change_log_activity", placeholder=_("e.g. {id}").format(id="2021-04"), width=200
    )
    dates = filters.date_input(_("Dates"), value=[], key="change_log_dates", width=260, format="YYYY-MM-DD")
    start = dates[0] if len(dates) > 0 else None
    end = dates[1] if len(dates) > 1 else start
    records = audit.search(store, path, who=who, action=action, limit=CELL_LOG_RECORDS)
    cells = history.cell_changes(records, activity=activity or None, start=start, end=end)
    if cells.empty:
        st.caption(_("No cell changed in the app matches these filters."))
        return
    st.dataframe(
        cells.map(words.cell_safe),
        hide_index=True,
        key="change_log_cells",
        column_config=replace_preview.headers(cells.columns),
    )


def activity_history(activity: pd.Series) -> None:
    """Editors only, under an activity's detail: every cell of it and its steps changed in the app, from the change
    log of its own workbook (in a portfolio, its plan's file); viewers see its Last update date among the facts."""
    if signin.current_editor() is None:
        return
    activity_id = str(activity[ActivityColumn.ID])
    path = portfolio.workbook_of(activity, workbook_path())
    records = audit.search(app_store.current(), path, action=audit.Action.EDIT, limit=CELL_LOG_RECORDS)
    cells = history.cell_changes(records, activity=activity_id)
    with st.expander(_("Changes made in the app ({n})").format(n=len(cells)), icon=":material/history:"):
        if cells.empty:
            st.caption(
                _("None yet: this activity has not been changed in the app (changes made in Excel are not logged).")
            )
        else:
            st.dataframe(
                cells.map(words.cell_safe),
                hide_index=True,
                key=f"activity_history_{activity_id}",
                column_config=replace_preview.headers(cells.columns),
            )
