"""An editor's unsaved edits kept in the store (actionplan.keeping.drafts) and brought back to the Data page's
tables: written whenever they change; after a page switch in the same session they come back by themselves;
after a reload or signing in again the editor chooses to keep or drop them. Discarding asks first and can be
undone once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import words
from actionplan.i18n import _, n_
from actionplan.keeping import access, drafts, edits
from actionplan.keeping.edits import CellChange, EditBase
from actionplan.keeping.store import Draft
from components import app_store

_START = "_draft_start"  # (version sha256, {sheet: frame}): what the tables start from, the draft typed in
_KEPT = "_draft_kept"  # the changes last written to the store by this session
_ADOPTED = "_draft_adopted"  # the editor whose draft this session works on (resumed without asking)
_UNDO = "_draft_undo"  # a discard in this session, which may be undone once


def clear_session() -> None:
    """Forget what this session showed of the draft (the draft in the store stays)."""
    for key in (_START, _KEPT, _ADOPTED):
        st.session_state.pop(key, None)


def start_frames(base: EditBase) -> dict[str, pd.DataFrame]:
    """The frames the tables start from: the version's own, or with a resumed draft typed in."""
    start = st.session_state.get(_START)
    if start is not None and start[0] == base.sha256:
        return start[1]
    return {sheet: table.frame for sheet, table in base.tables.items()}


def _when(draft: Draft) -> str:
    """When the draft was started: HH:MM today, else with its day."""
    started = draft.created_at
    return f"{started:%H:%M}" if started.date() == date.today() else words.moment(started)


def resume(editor: access.Editor, base: EditBase, fresh: bool) -> EditBase | None:
    """The version to edit. When the tables are new in this run (a page switch, a reload, signing in again) and
    the editor has a draft: in the session that was working on it, it is typed back in at once; in a new session,
    the editor is asked to keep or drop it first, and None is returned (no tables until they choose)."""
    store = app_store.current()
    draft = drafts.live(store, base.path.name, editor.name)
    if draft is None or not fresh:
        return base
    changes = drafts.decode(draft.changes)
    count = len(changes)
    if st.session_state.get(_ADOPTED) != editor.name:
        _offer(editor, base.path, draft, count)
        return None
    version = base
    if draft.base_sha256 != base.sha256:
        content = drafts.version_with(base.path, draft.base_sha256)
        if content is None:
            _lost_version(editor, base.path, changes, count)
            return None
        version = edits.open_version(base.path, content, opened_at=draft.created_at)
    frames = {sheet: drafts.applied(table, changes) for sheet, table in version.tables.items()}
    st.session_state[_START] = (version.sha256, frames)
    st.session_state[_KEPT] = tuple(changes)
    st.info(
        n_(
            "Your {n} unsaved change from {when} is back in the tables below.",
            "Your {n} unsaved changes from {when} are back in the tables below.",
            count,
        ).format(n=count, when=_when(draft)),
        icon=":material/restore:",
    )
    return version


def _adopt(name: str) -> None:
    st.session_state[_ADOPTED] = name
    st.session_state.pop(_UNDO, None)


def offer_text(count: int, when: str) -> str:
    """The offer of a draft kept from another session: `**You have 3 unsaved changes from 14:05.** Keep them …`."""
    return n_(
        "**You have {n} unsaved change from {when}.** Keep it to go on where you left off, or drop it.",
        "**You have {n} unsaved changes from {when}.** Keep them to go on where you left off, or drop them.",
        count,
    ).format(n=count, when=when)


def _offer(editor: access.Editor, path: Path, draft: Draft, count: int) -> None:
    with st.container(border=True, key="draft_offer"):
        st.markdown(":material/edit_note: " + offer_text(count, _when(draft)))
        row = st.container(horizontal=True)
        row.button(
            _("Keep my changes"),
            type="primary",
            on_click=_adopt,
            args=(editor.name,),
            key="draft_keep",
            icon=":material/restore:",
        )
        drop = n_("Drop it…", "Drop them…", count)
        _discard_popover(row, editor, path, count, drop, key="draft_drop")


def _lost_version(editor: access.Editor, path: Path, changes: Sequence[CellChange], count: int) -> None:
    st.warning(
        n_(
            "You have {n} unsaved change, made on a version of the workbook that is no longer kept, so it cannot "
            "be typed back in. Download it to make it again on the current version, then drop it.",
            "You have {n} unsaved changes, made on a version of the workbook that is no longer kept, so they cannot "
            "be typed back in. Download them to make them again on the current version, then drop them.",
            count,
        ).format(n=count),
        icon=":material/sync_problem:",
    )
    row = st.container(horizontal=True)
    row.download_button(
        _("Download my changes (CSV)"),
        edits.changes_csv(changes),
        "my-changes.csv",
        "text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="draft_download",
    )
    _discard_popover(row, editor, path, count, n_("Drop it…", "Drop them…", count), key="draft_drop_lost")


def remember(editor: access.Editor, base: EditBase, changes: Sequence[CellChange]) -> None:
    """Write the editor's changes to the store when they differ from what was written last (an empty list only
    replaces changes this session wrote, so a fresh table never wipes a draft kept elsewhere)."""
    kept = st.session_state.get(_KEPT)
    changes = tuple(changes)
    if changes == kept or (not changes and not kept):
        return
    drafts.keep(app_store.current(), base.path.name, editor.name, base.sha256, changes, None)
    st.session_state[_KEPT] = changes
    st.session_state[_ADOPTED] = editor.name


def _discard(editor: access.Editor, path: Path, start_again: Callable[[], None] | None) -> None:
    if drafts.discard(app_store.current(), path.name, editor.name):
        st.session_state[_UNDO] = editor.name
    clear_session()
    if start_again is not None:
        start_again()


def _discard_popover(
    where, editor: access.Editor, path: Path, count: int, label: str, key: str, start_again=None
) -> None:
    with where.popover(label, icon=":material/delete:"):
        st.markdown(
            n_(
                "Discard your {n} change? You can undo this once.",
                "Discard your {n} changes? You can undo this once.",
                count,
            ).format(n=count)
        )
        st.button(
            _("Discard"), type="primary", on_click=_discard, args=(editor, path, start_again), key=f"{key}_confirm"
        )


def discard_button(where, editor: access.Editor, path: Path, count: int, start_again: Callable[[], None]) -> None:
    """Discard changes…, asking first."""
    _discard_popover(where, editor, path, count, _("Discard changes…"), "edit_discard", start_again)


def _undo(editor: access.Editor, path: Path, start_again: Callable[[], None]) -> None:
    if drafts.undo_discard(app_store.current(), path.name, editor.name):
        start_again()  # the tables start afresh, with the draft typed back in
        _adopt(editor.name)
    st.session_state.pop(_UNDO, None)


def undo_offer(editor: access.Editor, path: Path, start_again: Callable[[], None]) -> None:
    """After a discard in this session: Undo, once (while no new draft has been started)."""
    if st.session_state.get(_UNDO) != editor.name:
        return
    store = app_store.current()
    gone = drafts.discarded(store, path.name, editor.name)
    if gone is None or drafts.live(store, path.name, editor.name) is not None:
        st.session_state.pop(_UNDO, None)
        return
    count = len(drafts.decode(gone.changes))
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(n_("Discarded {n} change.", "Discarded {n} changes.", count).format(n=count))
        st.button(
            _("Undo discard"),
            on_click=_undo,
            args=(editor, path, start_again),
            key="draft_undo",
            icon=":material/undo:",
        )


def saved(editor: access.Editor, path: Path) -> None:
    """After a save: the draft is done with."""
    drafts.forget(app_store.current(), path.name, editor.name)
    clear_session()
