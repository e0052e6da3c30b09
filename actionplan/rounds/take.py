"""Taking a returned form: what the lead reported beside the form as issued and the workbook now, then saved
through the normal save (backup, audit line naming the lead and the form), merged cell by cell like any edit.

The three sides of the merge: the workbook as the form was issued (or, when the lead returned the form before,
as issued with the earlier return's answers: the later return wins over the lead's own earlier answers), what
the lead reported, and the workbook as it is now. A cell both the lead and someone else changed is a conflict,
settled by choice. Only what the lead typed is written: nothing is inferred, and no date is filled in for them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import words
from ..keeping import access, save
from ..keeping.edits import CellChange, EditTable, normalise, read_tables
from ..keeping.faults import SaveRefused
from ..keeping.merge import Side
from ..keeping.store import Store
from ..plan import contract
from ..plan.contract import ActivityColumn as A
from ..plan.contract import Kind
from ..plan.load import read_bytes
from . import records
from .forms import FILLED_COLUMNS
from .records import Answers, Form, Return, Round
from .returns import Returned

COMMISSION_IN_LOG = "National Commission"  # the Commission's own form, as the change log names it


@dataclass(frozen=True)
class Line:
    """A cell the lead reported differently from the form as issued: the three values side by side."""

    activity_id: str
    column: str
    issued: object
    reported: object
    now: object

    @property
    def changed_meanwhile(self) -> bool:
        """True when the workbook no longer holds the value issued (saved by someone since)."""
        return self.now != self.issued


@dataclass(frozen=True, eq=False)
class Taking:
    """A checked return made ready to save: the changes against its base (see the module), and the lines."""

    round: Round
    returned: Returned
    base_content: bytes
    changes: tuple[CellChange, ...]
    lines: tuple[Line, ...]
    earlier: Return | None

    @property
    def form(self) -> Form:
        return self.returned.form

    @property
    def base_sha256(self) -> str:
        return hashlib.sha256(self.base_content).hexdigest()


@dataclass(frozen=True)
class Taken:
    """A return taken: the save (None when the lead reported nothing new) and the activities it changed."""

    saved: save.Saved | None
    activities: tuple[str, ...]


def log_name(form: Form, round_: Round) -> str:
    """Who the change log says saved a return: `Return: Ministry of Culture (Before GC 44)`."""
    return f"Return: {form.lead or COMMISSION_IN_LOG} ({round_.name})"


def _kind(table: EditTable, column: str) -> Kind:
    return table.kind(column) if column in table.columns else Kind.TEXT


def _rows(table: EditTable) -> dict[str, tuple[int, dict[str, object]]]:
    """{activity ID: (Excel row, {filled column: value})} of an Activities table."""
    found: dict[str, tuple[int, dict[str, object]]] = {}
    for record in table.frame.to_dict("records"):
        key = words.cell_text(record.get(A.ID))
        if key and key not in found:
            cells = {str(c): normalise(record.get(c), _kind(table, c)) for c in FILLED_COLUMNS}
            found[key] = (int(record[contract.ROW]), cells)
    return found


def changes_against(table: EditTable, answers: Answers) -> list[CellChange]:
    """The cells the answers change in the table (an activity no longer in it is left out)."""
    rows = _rows(table)
    changes: list[CellChange] = []
    for activity_id, reported in answers.items():
        if activity_id not in rows:
            continue
        row, cells = rows[activity_id]
        for column in FILLED_COLUMNS:
            new = normalise(reported.get(column), _kind(table, column))
            if new != cells[column]:
                changes.append(CellChange(contract.ACTIVITIES, row, activity_id, column, cells[column], new))
    return changes


def prepare_taking(store: Store, path: Path, round_: Round, returned: Returned) -> Taking:
    """The return beside the form as issued and the workbook now, with the changes its save would make."""
    issued = records.base_content(store, round_.id)
    issued_table = read_tables(issued)[contract.ACTIVITIES]
    earlier = records.latest_returns(store, round_.id).get(returned.form.number)
    base = issued
    if earlier is not None:
        earlier_changes = changes_against(issued_table, earlier.answers)
        base = save.apply_changes(issued, earlier_changes) if earlier_changes else issued
    base_table = read_tables(base)[contract.ACTIVITIES]
    current, _info = read_bytes(path)
    now_rows, issued_rows = _rows(read_tables(current)[contract.ACTIVITIES]), _rows(issued_table)
    lines = [
        Line(change.key, change.column, issued_rows[change.key][1][change.column], change.new, _now(now_rows, change))
        for change in changes_against(issued_table, returned.answers)
    ]
    changes = changes_against(base_table, returned.answers)
    return Taking(round_, returned, base, tuple(changes), tuple(lines), earlier)


def _now(rows: Mapping[str, tuple[int, dict[str, object]]], change: CellChange) -> object:
    return rows[change.key][1].get(change.column) if change.key in rows else None


def take(
    editor: access.Editor,
    store: Store,
    path: Path,
    taking: Taking,
    *,
    choices: Mapping[str, Side] | None = None,
    now: datetime | None = None,
) -> Taken:
    """Save the return through the normal save (merge.MergeNeeded when cells need a choice) and keep it in the
    store; a return that reports nothing new is kept without a save."""
    access.require_editor(editor)
    saved: save.Saved | None = None
    if taking.changes:
        acting = access.on_behalf(editor, log_name(taking.form, taking.round), source=taking.returned.filename)
        try:
            saved = save.save_changes(
                acting, path, taking.base_sha256, taking.changes, base_content=taking.base_content, choices=choices
            )
        except SaveRefused as refused:
            if not _already_saved(path, taking.changes):
                raise
            del refused
    written: Sequence[CellChange] = saved.changes if saved else ()
    activities = tuple(dict.fromkeys(change.key for change in written))
    records.add_return(
        store,
        taking.form,
        filename=taking.returned.filename,
        sha256=taking.returned.sha256,
        answers=taking.returned.answers,
        received_at=(now or datetime.now()).replace(microsecond=0),
        taken_by=editor.name,
        saved_sha256=saved.sha256 if saved else None,
        changed=len(activities),
    )
    return Taken(saved, activities)


def _already_saved(path: Path, changes: Sequence[CellChange]) -> bool:
    """True when every change is already in the workbook (the save had nothing to write)."""
    current, _info = read_bytes(path)
    rows = _rows(read_tables(current)[contract.ACTIVITIES])
    return all(_now(rows, change) == change.new for change in changes)
