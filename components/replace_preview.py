"""Before an upload or a restore replaces the workbook: what it changes, cell by cell, and which app saves it would
undo."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _, n_
from actionplan.keeping import audit, compare, edits
from actionplan.keeping.edits import ADD, CHANGE, DELETE, CellChange

FILE, BACKUP = "file", "backup"  # what replaces the workbook: an uploaded file or a kept backup


@st.cache_data(max_entries=16, show_spinner=False)
def _differences(current: bytes, replacement: bytes) -> list[CellChange]:
    return compare.differences(current, replacement)


def differences(path: Path, replacement: bytes) -> list[CellChange]:
    """What `replacement` changes in the current workbook (empty when either cannot be read)."""
    try:
        return _differences(Path(path).read_bytes(), replacement)
    except (OSError, ValueError, KeyError):
        return []


def show(path: Path, replacement: bytes, what: str, names: bool, since: datetime | None = None, key: str = "") -> int:
    """The differences between the current workbook and `replacement` (`what` is FILE or BACKUP), with a warning
    for each app save it would undo; returns how many it would undo."""
    backup = what == BACKUP
    try:
        current = Path(path).read_bytes()
        diff = _differences(current, replacement)
    except (OSError, ValueError, KeyError) as problem:
        st.caption(
            _("It cannot be compared with the current workbook ({problem}).").format(
                problem=words.md_text(str(problem))
            )
        )
        return 0
    if not diff:
        same = (
            _("This backup has the same activities and steps as the current workbook.")
            if backup
            else _("This file has the same activities and steps as the current workbook.")
        )
        st.info(same, icon=":material/info:")
        return 0
    cells = sum(change.action == CHANGE for change in diff)
    added = len({(change.sheet, change.added) for change in diff if change.action == ADD})
    removed = sum(change.action == DELETE for change in diff)
    parts = {
        "changes": n_("changes {n} cell", "changes {n} cells", cells).format(n=cells),
        "adds": n_("adds {n} row", "adds {n} rows", added).format(n=added),
        "removes": n_("removes {n} row", "removes {n} rows", removed).format(n=removed),
    }
    compared = (
        _("**Compared with the current workbook**, this backup {changes}, {adds} and {removes}:")
        if backup
        else _("**Compared with the current workbook**, this file {changes}, {adds} and {removes}:")
    )
    st.markdown(compared.format(**parts))
    table = edits.changes_table(diff).rename(columns={"Old": "Now", "New": "After"})
    st.dataframe(
        table.map(words.cell_safe),
        hide_index=True,
        key=f"replace_diff_{key}",
        height=min(400, 38 + 35 * len(table)),
        column_config=headers(table.columns),
    )
    found = compare.undone(diff, audit.read_records(path), since)
    if found:
        undo = (
            n_(
                "This backup would undo {n} change saved in the app since it was made: the values below would go "
                "back. Make those changes again afterwards, or edit the file first.",
                "This backup would undo {n} changes saved in the app since it was made: the values below would go "
                "back. Make those changes again afterwards, or edit the file first.",
                len(found),
            )
            if backup
            else n_(
                "This file would undo {n} change saved in the app since it was made: the values below would go "
                "back. Make those changes again afterwards, or edit the file first.",
                "This file would undo {n} changes saved in the app since it was made: the values below would go "
                "back. Make those changes again afterwards, or edit the file first.",
                len(found),
            )
        )
        st.warning(undo.format(n=len(found)), icon=":material/history:")
        undone = compare.undone_table(found, names)
        st.dataframe(
            undone.map(words.cell_safe),
            hide_index=True,
            key=f"replace_undone_{key}",
            column_config=headers(undone.columns),
        )
    return len(found)


# The headers of the tables of changes on the Data page, marked here and shown in the reader's language.
HEADERS = (
    N_("Sheet"),
    N_("Row"),
    N_("ID"),
    N_("Column"),
    N_("Old"),
    N_("New"),
    N_("Now"),
    N_("After"),
    N_("Would become"),
    N_("Saved"),
    N_("When"),
    N_("Who"),
    N_("What"),
)


def headers(columns: Iterable[object]) -> dict[str, Any]:
    """Column settings that show a table's English headers in the reader's language."""
    return {str(name): st.column_config.Column(_(str(name))) for name in columns}
