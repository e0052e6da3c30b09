"""Before an upload or a restore replaces the workbook: what it changes, cell by cell, and which app saves it would
undo."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from actionplan import words
from actionplan.keeping import audit, compare, edits
from actionplan.keeping.edits import ADD, CHANGE, DELETE, CellChange


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
    """The differences between the current workbook and `replacement` (`what` names it: "this file", "this
    backup"), with a warning for each app save it would undo; returns how many it would undo."""
    try:
        current = Path(path).read_bytes()
        diff = _differences(current, replacement)
    except (OSError, ValueError, KeyError) as problem:
        st.caption(f"It cannot be compared with the current workbook ({words.md_text(str(problem))}).")
        return 0
    if not diff:
        st.info(
            f"{what.capitalize()} has the same activities and steps as the current workbook.", icon=":material/info:"
        )
        return 0
    cells = sum(change.action == CHANGE for change in diff)
    added = len({(change.sheet, change.added) for change in diff if change.action == ADD})
    removed = sum(change.action == DELETE for change in diff)
    st.markdown(
        f"**Compared with the current workbook**, {what} changes {words.count(cells, 'cell')}, adds "
        f"{words.count(added, 'row')} and removes {words.count(removed, 'row')}:"
    )
    table = edits.changes_table(diff).rename(columns={"Old": "Now", "New": "After"})
    st.dataframe(
        table.map(words.cell_safe), hide_index=True, key=f"replace_diff_{key}", height=min(400, 38 + 35 * len(table))
    )
    found = compare.undone(diff, audit.read_records(path), since)
    if found:
        st.warning(
            f"{what.capitalize()} would undo {words.count(len(found), 'change')} saved in the app since it was "
            "made: the values below would go back. Make those changes again afterwards, or edit the file first.",
            icon=":material/history:",
        )
        st.dataframe(
            compare.undone_table(found, names).map(words.cell_safe), hide_index=True, key=f"replace_undone_{key}"
        )
    return len(found)
