"""When the workbook was saved by someone else meanwhile and both changed the same cells: each such cell shown
side by side (base, theirs, mine) with a choice; nothing is saved until every one is chosen."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _, n_
from actionplan.keeping import save
from actionplan.keeping.edits import CellChange
from actionplan.keeping.merge import CellConflict, Side

_CONFLICTS = "_merge_conflicts"  # (base sha256, my changes, the conflicts) from the last save that needed choices
SIDE_LABELS = {Side.BASE: N_("As it was"), Side.THEIRS: N_("Theirs"), Side.MINE: N_("Mine")}
COLUMN_HEADINGS = {Side.BASE: N_("As it was"), Side.THEIRS: N_("Theirs (saved since)"), Side.MINE: N_("Mine")}
RECORD_FIELD = {Side.BASE: "Base", Side.THEIRS: "Theirs", Side.MINE: "Mine"}  # CellConflict.as_record's columns
SHOWN_MERGED = 6


def remember(base_sha256: str, changes: Sequence[CellChange], conflicts: Sequence[CellConflict]) -> None:
    st.session_state[_CONFLICTS] = (base_sha256, tuple(changes), tuple(conflicts))


def forget() -> None:
    st.session_state.pop(_CONFLICTS, None)
    for key in [key for key in st.session_state if str(key).startswith("merge_choice_")]:
        st.session_state.pop(key, None)


def pending(base_sha256: str, changes: Sequence[CellChange]) -> tuple[CellConflict, ...]:
    """The conflicts still to choose for these changes (none once the changes differ from those saved)."""
    found = st.session_state.get(_CONFLICTS)
    if found is None or found[0] != base_sha256 or found[1] != tuple(changes):
        return ()
    return found[2]


def chooser(conflicts: Sequence[CellConflict]) -> dict[str, Side] | None:
    """One line per conflicting cell: where it is, the three values, and a choice. The choices once every cell
    has one, else None."""
    st.markdown(
        "### "
        + n_("{n} cell changed by both of you", "{n} cells changed by both of you", len(conflicts)).format(
            n=len(conflicts)
        )
    )
    st.caption(
        _(
            "Someone saved the workbook after you opened it and changed these cells too. Choose, for each, which "
            "value it keeps; your other changes are merged with theirs when you save."
        )
    )
    return side_by_side(
        conflicts,
        key="merge",
        where=lambda record: (record["ID"], record["Sheet"], record["Column"]),
        headings=COLUMN_HEADINGS,
        labels=SIDE_LABELS,
        blank="*" + _("(blank)") + "*",
    )


def side_by_side(
    conflicts: Sequence[CellConflict],
    *,
    key: str,
    where: Callable[[dict[str, str]], Sequence[str]],
    headings: Mapping[Side, str],
    labels: Mapping[Side, str],
    blank: str,
    scope: str = "",
) -> dict[str, Side] | None:
    """Each conflicting cell in a box: where it is (`where` of its record: the first part in bold), its three values
    under `headings`, and a choice among `labels` (msgids, translated here). The choices once every cell has one,
    else None. The widgets' keys start with `key` and `scope` (the editor's save and each returned form)."""
    choices: dict[str, Side] = {}
    for number, conflict in enumerate(conflicts):
        record = conflict.as_record()
        with st.container(border=True, key=f"{key}_cell_{scope}{number}"):
            first, *rest = (words.md_text(part) for part in where(record))
            st.markdown(" · ".join((f"**{first}**", *rest)))
            for column, side in zip(st.columns(3), Side):
                shown = record[RECORD_FIELD[side]]
                column.markdown(f":gray[{_(headings[side])}]  \n{words.md_text(shown) or blank}")
            choice = st.radio(
                _("Keep"),
                list(Side),
                index=None,
                horizontal=True,
                format_func=lambda side: _(labels[side]),
                key=f"{key}_choice_{scope}{number}_{abs(hash(conflict.id)) % 10**8}",
            )
            if choice is not None:
                choices[conflict.id] = Side(choice)
    return choices if len(choices) == len(conflicts) else None


def merged_message(saved: save.Saved, count: int) -> str:
    """What a save that merged says: how many of mine were saved, and which of theirs were kept."""
    kept = saved.merged
    row = _("(row)")
    names = ", ".join(f"{change.key} {change.column or row}" for change in kept[:SHOWN_MERGED])
    more = " " + _("and {n} more").format(n=len(kept) - SHOWN_MERGED) if len(kept) > SHOWN_MERGED else ""
    theirs = n_(
        "{n} change saved by someone else since you opened the workbook ({names}), which is kept",
        "{n} changes saved by someone else since you opened the workbook ({names}), which are kept",
        len(kept),
    ).format(n=len(kept), names=names + more)
    return n_("Saved {n} change, merged with {theirs}.", "Saved {n} changes, merged with {theirs}.", count).format(
        n=count, theirs=theirs
    )
