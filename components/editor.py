"""Editing the workbook in the app (editors only): Activities and Steps as data editors with the workbook's own
drop-downs, a preview of exactly which cells change, and Save; and uploading a replacement workbook.

The editor works on the version of the workbook it opened (kept in this session), not on whatever is on disk
now: when Excel or another editor saves meanwhile, the table does not shift under the person typing; instead
Save merges their changes with the ones saved since, cell by cell (`merge_panel` for cells both changed). What is
typed is kept as a draft in the store (`draft_panel`) until it is saved or discarded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _, n_
from actionplan.keeping import access, audit, edits, save
from actionplan.keeping.edits import EditBase, EditTable
from actionplan.keeping.merge import Side
from actionplan.plan import contract
from actionplan.plan.contract import ActivityColumn, Kind, StepColumn
from actionplan.plan.export import XLSX_MIME
from actionplan.plan.findings import Finding
from components import draft_panel, merge_panel, replace_preview

_BASE = "_edit_base"
_NOTICE = "_edit_notice"
EDITOR_KEYS: dict[str, str] = {
    contract.ACTIVITIES: "edit_activities",
    contract.STEPS: "edit_steps",
    contract.MESSAGES: "edit_messages",  # the key messages the briefing opens with
}
EDITOR_HEIGHT = 420
A, S = ActivityColumn, StepColumn
WIDE_COLUMNS = frozenset({A.EVENT, S.DESCRIPTION, A.NOTES})
MEDIUM_COLUMNS = frozenset({A.TERMS, A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.COUNTERPART, A.LEAD, A.LOCATIONS})
del A, S
MAX_UPLOAD_MB = save.MAX_UPLOAD_BYTES // 2**20
SHOWN_FINDINGS = 8
KEPT_FOR_RETRY = N_(
    "Your changes are still in the tables above: press Save again once this is fixed, or download them below."
)
# The editor's tabs: what each sheet holds, with the sheet's own name in Excel (which stays English).
SHEET_TABS = {
    contract.ACTIVITIES: N_("Activities sheet"),
    contract.STEPS: N_("Steps sheet"),
    contract.MESSAGES: N_("Messages sheet"),
}


def _base(path: Path) -> EditBase | None:
    """The version this session is editing, opened on first use (None, with a message, if it cannot be opened)."""
    base = st.session_state.get(_BASE)
    if base is not None and base.path == path:
        return base
    try:
        base = edits.open_for_editing(path)
    except OSError as problem:
        st.error(
            _(
                "The workbook cannot be read on the server ({reason}), so it cannot be edited now. Reload the page "
                "in a moment; if this stays, restore a backup or upload a good version on the *{tab}* tab."
            ).format(reason=problem.strerror or _("unreadable"), tab=_("Upload & backups")),
            icon=":material/error:",
        )
        return None
    except ValueError as problem:
        st.error(
            _("{problem}. Restore a backup or upload a good version on the *{tab}* tab.").format(
                problem=words.md_text(str(problem)), tab=_("Upload & backups")
            ),
            icon=":material/error:",
        )
        return None
    st.session_state[_BASE] = base
    return base


def start_again() -> None:
    """Drop the opened version and the edits made to it; the next run opens the workbook as it is now."""
    st.session_state.pop(_BASE, None)
    for key in EDITOR_KEYS.values():
        st.session_state.pop(key, None)
    draft_panel.clear_session()
    merge_panel.forget()


def _with_present(allowed: list[str], table: EditTable, name: str) -> list[str]:
    """A drop-down's options: the allowed values, then any other value already in the column (kept selectable, so
    opening the editor never blanks a cell; the validation report flags it)."""
    present = [value for value in table.frame[name].dropna().unique() if value]
    return list(dict.fromkeys([*allowed, *present]))


def column_config(table: EditTable, base: EditBase) -> dict[str, Any]:
    """Column types for the editor: drop-downs from Lists, date pickers, whole numbers, Progress % within 0-100."""
    help_of = {column.name: column.help for column in contract.columns_of(table.sheet)}
    config: dict[str, object] = {
        edits.ROW: st.column_config.NumberColumn(
            _("Row"),
            help=_("The row in Excel; blank for a row you add here"),
            disabled=True,
            width=50,
            format="%d",
            pinned=True,
        ),
    }
    for name, kind in table.kinds:
        width = "large" if name in WIDE_COLUMNS else "medium" if name in MEDIUM_COLUMNS else "small"
        common: dict[str, Any] = {
            "help": _(help_of[name]) if help_of.get(name) else _("A column added by staff; kept as it is"),
            "width": width,
        }
        if name == ActivityColumn.ID:
            common["pinned"] = True
        if kind == Kind.LIST and name in contract.LIST_BACKED:
            config[name] = st.column_config.SelectboxColumn(
                name, options=_with_present(list(base.lists.allowed(name)), table, name), **common
            )
        elif table.sheet == contract.STEPS and name == StepColumn.ACTIVITY_ID:
            common["help"] = _("{help}; pick one (an activity added today can be picked once it is saved)").format(
                help=common["help"]
            )
            config[name] = st.column_config.SelectboxColumn(
                name, options=_with_present(base.activity_ids(), table, name), **common
            )
        elif kind == Kind.DATE:
            config[name] = st.column_config.DateColumn(name, format="YYYY-MM-DD", **common)
        elif kind == Kind.PERCENT:
            config[name] = st.column_config.NumberColumn(
                name, min_value=0, max_value=100, step=1, format="%d %%", **common
            )
        elif kind == Kind.INT:
            config[name] = st.column_config.NumberColumn(name, step=1, format="%d", **common)
        elif kind == Kind.NUMBER:
            config[name] = st.column_config.NumberColumn(name, **common)
        else:
            config[name] = st.column_config.TextColumn(name, **common)
    return config


def _tables(base: EditBase) -> list[edits.CellChange]:
    """One tab per sheet, each a data editor over the opened version (with a resumed draft typed in); returns
    every change made in them."""
    changes: list[edits.CellChange] = []
    sheets = [sheet for sheet in EDITOR_KEYS if sheet in base.tables]
    frames = draft_panel.start_frames(base)
    tabs = st.tabs([_(SHEET_TABS[sheet]) for sheet in sheets], key="edit_sheet")
    for sheet, tab in zip(sheets, tabs):
        table = base.tables[sheet]
        with tab:
            edited = st.data_editor(
                frames.get(sheet, table.frame),
                key=EDITOR_KEYS[sheet],
                num_rows="dynamic",
                hide_index=True,
                column_config=column_config(table, base),
                height=EDITOR_HEIGHT,
                placeholder="",
            )
        changes += edits.diff_table(table, edited)
    return changes


def _downloads(base: EditBase, changes: list[edits.CellChange], would_be: bytes) -> None:
    """The editor's work, to keep when it cannot be saved."""
    with st.container(horizontal=True):
        st.download_button(
            _("Download my changes (CSV)"),
            edits.changes_csv(changes),
            "my-changes.csv",
            "text/csv",
            on_click="ignore",
            icon=":material/download:",
            key="download_my_changes",
        )
        st.download_button(
            _("Download my version of the workbook"),
            would_be,
            f"{base.path.stem}-my-version.xlsx",
            XLSX_MIME,
            on_click="ignore",
            icon=":material/download:",
            key="download_my_version",
        )


def findings_list(findings: Sequence[Finding], limit: int = SHOWN_FINDINGS) -> str:
    lines = [f"- {words.md_text(save.finding_text(finding))}" for finding in findings[:limit]]
    if len(findings) > limit:
        lines.append("- " + _("… and {n} more").format(n=len(findings) - limit))
    return "\n".join(lines)


def _save(
    editor: access.Editor,
    base: EditBase,
    prepared: save.SavePlan,
    choices: dict[str, Side] | None,
    chooser_area: Any,
    save_slot: Any,
) -> None:
    changes = list(prepared.changes)
    try:
        saved = save.save_changes(
            editor, base.path, base.sha256, changes, prepared, base_content=base.content, choices=choices
        )
    except save.MergeNeeded as needed:
        shown = merge_panel.pending(base.sha256, changes)
        merge_panel.remember(base.sha256, changes, needed.conflicts)
        if shown:  # other cells than those shown: draw the choices again
            st.rerun()
        with chooser_area:  # above the Save button, in this run (the tables keep what was typed)
            merge_panel.chooser(needed.conflicts)
        save_slot.button(
            _("Save with my choices"),
            type="primary",
            disabled=True,
            icon=":material/save:",
            key="edit_save_held",
            width="stretch",
        )
        return
    except save.Conflict as conflict:
        st.error(str(conflict), icon=":material/sync_problem:")
        _downloads(base, changes, prepared.content)
        return
    except save.SaveFailed as failed:
        st.error(f"{failed} {_(KEPT_FOR_RETRY)}", icon=":material/error:")
        _downloads(base, changes, prepared.content)
        return
    except save.SaveRefused as refused:
        st.error(str(refused), icon=":material/block:")
        return
    start_again()
    draft_panel.saved(editor, base.path)
    if saved.merged:
        notify(merge_panel.merged_message(saved, len(saved.changes)), saved)
    else:
        notify(
            n_("Saved {n} change at {time}.", "Saved {n} changes at {time}.", len(changes)).format(
                n=len(changes), time=f"{datetime.now():%H:%M}"
            ),
            saved,
        )
    st.rerun()


def notify(message: str, saved: save.Saved) -> None:
    """Keep a message about a write for the next run (which follows at once), naming the backup taken and anything
    that could not be completed after the workbook was replaced."""
    kept = (
        " " + _("The previous version is kept as backups/{name}.").format(name=saved.backup.name)
        if saved.backup
        else ""
    )
    st.session_state[_NOTICE] = (message + kept, len(saved.warnings), saved.notes)


def show_notice() -> None:
    """What the last save, upload or restore said, shown once after the rerun that follows it."""
    notice = st.session_state.pop(_NOTICE, None)
    if notice:
        message, warnings, notes = notice
        st.success(message, icon=":material/check_circle:")
        for note in notes:
            st.warning(note, icon=":material/warning:")
        if warnings:
            st.warning(
                n_(
                    "The workbook has {n} warning; see the validation report.",
                    "The workbook has {n} warnings; see the validation report.",
                    warnings,
                ).format(n=warnings),
                icon=":material/warning:",
            )


def edit_panel(editor: access.Editor, path: Path) -> None:
    """The editor: tables, preview of changes, Save."""
    base = _base(path)
    if base is None:
        return
    fresh = all(key not in st.session_state for key in EDITOR_KEYS.values())
    resumed = draft_panel.resume(editor, base, fresh)
    if resumed is None:
        return
    if resumed is not base:
        base = st.session_state[_BASE] = resumed
    draft_panel.undo_offer(editor, path, start_again)
    disk_sha256 = audit.workbook_sha256(path)  # the file as it is now, not a cached reading of it
    stale = disk_sha256 != base.sha256
    if disk_sha256 is None:
        st.warning(
            _(
                "The workbook cannot be read on the server any more (moved, deleted or locked), so saving is not "
                "possible now. Download your changes below; reload the page to see why."
            ),
            icon=":material/sync_problem:",
        )
    elif stale:
        st.warning(
            _(
                "The workbook was saved by someone else after you opened it here at {time}. When you save, your "
                "changes are merged with theirs cell by cell; where you both changed the same cell, you choose "
                "which value it keeps."
            ).format(time=f"{base.opened_at:%H:%M}"),
            icon=":material/sync_problem:",
        )
    else:
        st.caption(
            _(
                "Double-click a cell to edit it; pick values from the drop-downs; add a row at the bottom of a "
                "table; tick rows at the left and press Delete to remove them. Nothing is written until you "
                "press **Save**."
            )
        )
    changes = _tables(base)
    draft_panel.remember(editor, base, changes)
    if not changes:
        if stale:
            st.button(_("Start again from the current workbook"), on_click=start_again, icon=":material/refresh:")
        return
    prepared = save.prepare(base, changes, source=editor.name)  # the check-ins name who saves
    st.markdown("## " + n_("{n} change to save", "{n} changes to save", len(changes)).format(n=len(changes)))
    preview = edits.changes_table(changes)
    st.dataframe(
        preview,
        hide_index=True,
        key="edit_preview",
        column_config={
            **replace_preview.headers(preview.columns),
            "Old": st.column_config.TextColumn(_("Old"), width="large"),
            "New": st.column_config.TextColumn(_("New"), width="large"),
        },
    )
    if prepared.reports:
        st.caption(
            n_(
                "Saving also adds {n} dated report to the Updates sheet (the progress over time).",
                "Saving also adds {n} dated reports to the Updates sheet (the progress over time).",
                prepared.reports,
            ).format(n=prepared.reports)
        )
    if prepared.errors:
        blocked_by = n_(
            "**Save is blocked**: the workbook would have {n} error. Fix it in the table above:",
            "**Save is blocked**: the workbook would have {n} errors. Fix them in the table above:",
            len(prepared.errors),
        ).format(n=len(prepared.errors))
        st.error(
            f"{blocked_by}\n{findings_list(prepared.errors)}",
            icon=":material/block:",
        )
    if prepared.lost:
        st.error(
            _(
                "**Save is blocked**: the workbook has {what} that saving from the app would not keep. Make this "
                "change in Excel instead."
            ).format(what=", ".join(_(lost) for lost in prepared.lost)),
            icon=":material/block:",
        )
    if prepared.new_warnings:
        brought = n_(
            "Your changes bring {n} new warning; you may still save:",
            "Your changes bring {n} new warnings; you may still save:",
            len(prepared.new_warnings),
        ).format(n=len(prepared.new_warnings))
        st.warning(
            f"{brought}\n{findings_list(prepared.new_warnings)}",
            icon=":material/warning:",
        )
    conflicts = merge_panel.pending(base.sha256, changes)
    chooser_area = st.container()
    choices = None
    if conflicts:
        with chooser_area:
            choices = merge_panel.chooser(conflicts)
    save_col, discard_col, _spare = st.columns([1, 1.4, 2.6])  # room for "Отбросить изменения…"
    blocked = prepared.blocked or disk_sha256 is None or bool(conflicts and choices is None)
    save_slot = save_col.empty()
    clicked = save_slot.button(
        _("Save with my choices") if conflicts else _("Save"),
        type="primary",
        disabled=blocked,
        icon=":material/save:",
        key="edit_save",
        width="stretch",
    )
    draft_panel.discard_button(discard_col, editor, path, len(changes), start_again)
    if disk_sha256 is None:
        _downloads(base, changes, prepared.content)
    if clicked:
        _save(editor, base, prepared, choices, chooser_area, save_slot)
