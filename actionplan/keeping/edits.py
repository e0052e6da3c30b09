"""What the in-app editor edits, and what changed: the Activities and Steps sheets as tables of the cells as they
are stored (not the loader's derived dates), and the cell-by-cell difference between them and an edited copy.

A table row carries its Excel row number in the `Row` column, so an edit lands in the row it came from; rows
without one are new, and Excel rows missing from the edited copy are deleted.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from .. import words
from ..i18n import _
from ..plan import contract
from ..plan.contract import ActivityColumn, Kind, MessageColumn, StepColumn
from ..plan.findings import Finding
from ..plan.load import Lists, WorkbookInfo, load_plan_bytes, read_bytes
from .faults import finding_text

EDITABLE_SHEETS: tuple[str, ...] = (contract.ACTIVITIES, contract.STEPS, contract.MESSAGES)
ROW = contract.Derived.ROW  # the Excel row a table row came from; blank for a row added in the editor
HEADER_SEARCH_ROWS = 20  # the header is the first non-blank row, looked for this far down


class CellAction(StrEnum):
    """What a CellChange does to the workbook."""

    CHANGE = "change"  # one cell of an existing row gets a new value
    ADD = "add"  # one filled cell of a new row
    DELETE = "delete"  # a whole row goes


CHANGE, ADD, DELETE = CellAction.CHANGE, CellAction.ADD, CellAction.DELETE


@dataclass(frozen=True)
class CellChange:
    """One changed cell, one cell of a new row, or one deleted row.

    row is the Excel row in the workbook the editor opened (None for a new row, numbered by `added` from 1);
    key names the row in the plan's words (the activity ID, or "2021-04 step 2").
    """

    sheet: str
    row: int | None
    key: str
    column: str
    old: object
    new: object
    action: CellAction = CHANGE
    added: int | None = None

    def as_record(self) -> dict[str, str]:
        """A line of the preview: Sheet, Row, ID, Column, Old, New, all as text."""
        row = str(self.row) if self.row is not None else _("new {n}").format(n=self.added)
        if self.action == DELETE:
            return {
                "Sheet": self.sheet,
                "Row": row,
                "ID": self.key,
                "Column": _("(whole row)"),
                "Old": words.cell_text(self.old),
                "New": _("(row deleted)"),
            }
        return {
            "Sheet": self.sheet,
            "Row": row,
            "ID": self.key,
            "Column": self.column,
            "Old": words.cell_text(self.old),
            "New": words.cell_text(self.new),
        }

    def as_audit(self) -> dict[str, object]:
        """The change as the audit log keeps it."""
        return {
            "action": self.action,
            "sheet": self.sheet,
            "row": self.row,
            "added": self.added,
            "id": self.key,
            "column": self.column,
            "old": self.old,
            "new": self.new,
        }

    @classmethod
    def from_audit(cls, entry: Mapping[str, object]) -> CellChange:
        """A change as the audit log kept it (dates come back as their ISO text)."""
        row, added = entry.get("row"), entry.get("added")
        return cls(
            sheet=str(entry.get("sheet") or ""),
            row=row if isinstance(row, int) else None,
            key=str(entry.get("id") or ""),
            column=str(entry.get("column") or ""),
            old=entry.get("old"),
            new=entry.get("new"),
            action=CellAction(str(entry.get("action") or CHANGE)),
            added=added if isinstance(added, int) else None,
        )


@dataclass(frozen=True, eq=False)
class EditTable:
    """A sheet as the editor shows it.

    frame: `Row` (the Excel row), then the sheet's columns: canonical ones in schema order, staff-added after.
    kinds: what each column holds (text, int, number, percent, date, list), for the editor's column types.
    """

    sheet: str
    frame: pd.DataFrame
    kinds: tuple[tuple[str, Kind], ...]

    @property
    def columns(self) -> list[str]:
        return [name for name, _ in self.kinds]

    def kind(self, column: str) -> Kind:
        return dict(self.kinds)[column]


# ---------------------------------------------------------------------------------------------------------------
# Headers: matched by contract.header_positions, as the loader does, so reading and writing find the same cells


def header_row(rows: Iterable[Sequence[object]]) -> tuple[int, list[object]] | None:
    """(Excel row number, values) of the header: the first row with a non-blank cell."""
    for number, values in enumerate(rows, start=1):
        if number > HEADER_SEARCH_ROWS:
            return None
        if any(not words.is_blank(value) for value in values):
            return number, list(values)
    return None


# ---------------------------------------------------------------------------------------------------------------
# Reading the tables


def read_tables(content: bytes) -> dict[str, EditTable]:
    """The Activities, Steps and Messages sheets of a workbook as editable tables (absent sheets are left out)."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        tables = {}
        for sheet in EDITABLE_SHEETS:
            actual = contract.sheet_named(workbook.sheetnames, sheet)
            if actual is not None:
                rows = list(workbook[actual].iter_rows(values_only=True))
                tables[sheet] = _table(sheet, rows, contract.columns_of(sheet))
        return tables
    finally:
        workbook.close()


def _table(sheet: str, rows: list[tuple[object, ...]], columns: tuple[contract.Column, ...]) -> EditTable:
    found = header_row(rows)
    if found is None:
        return EditTable(sheet, pd.DataFrame({ROW: pd.array([], dtype="Int64")}), ())
    header_at, header = found
    positions = contract.header_positions(header, columns)
    canonical = [column.name for column in columns if column.name in positions]
    extra = [name for name in positions if name not in canonical]
    names = canonical + extra
    records: list[tuple[int, dict[str, object]]] = []
    for number, cells in enumerate(rows[header_at:], start=header_at + 1):
        record = {name: _cell(cells, positions[name]) for name in names}
        if any(not words.is_blank(value) for value in record.values()):
            records.append((number, record))
    schema_kind = {column.name: column.kind for column in columns}
    kinds: list[tuple[str, Kind]] = []
    frame: dict[str, object] = {ROW: pd.array([number for number, _ in records], dtype="Int64")}
    for name in names:
        values = [record[name] for _number, record in records]
        kind = _fitting_kind(schema_kind.get(name) or _guess_kind(values), values)
        kinds.append((name, kind))
        frame[name] = _column(values, kind)
    return EditTable(sheet, pd.DataFrame(frame), tuple(kinds))


def _cell(values: Sequence[object], position: int) -> object:
    value = values[position - 1] if position - 1 < len(values) else None
    return value.strip() or None if isinstance(value, str) else value


def _guess_kind(values: list[object]) -> Kind:
    """A staff-added column: numbers if every filled cell is a number, dates if every one is a date, else text."""
    filled = [value for value in values if value is not None]
    if filled and all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in filled):
        return Kind.NUMBER
    if filled and all(isinstance(value, (datetime, date)) for value in filled):
        return Kind.DATE
    return Kind.TEXT


def _fitting_kind(kind: Kind, values: list[object]) -> Kind:
    """The column's kind, or text when some stored cell does not fit it (nothing typed in Excel is hidden)."""
    filled = [value for value in values if value is not None]
    if kind.numeric:
        fits = all(
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and (kind != Kind.INT or float(value).is_integer())
            for value in filled
        )
        return kind if fits else Kind.TEXT
    if kind == Kind.DATE:
        return kind if all(isinstance(value, (datetime, date)) for value in filled) else Kind.TEXT
    return kind


def _column(values: list[object], kind: Kind) -> object:
    normal = [normalise(value, kind) for value in values]
    if kind.numeric:
        whole = all(
            value is None or (isinstance(value, (int, float)) and float(value).is_integer()) for value in normal
        )
        return pd.array(normal, dtype="Int64" if whole else "Float64")
    return pd.Series(normal, dtype=object)


@dataclass(frozen=True, eq=False)
class EditBase:
    """The workbook as the editor opened it: its bytes and hash (for the conflict check at Save), its editable
    tables, the drop-down lists and the findings it had then."""

    path: Path
    content: bytes
    sha256: str
    tables: dict[str, EditTable]
    lists: Lists
    findings: tuple[Finding, ...]
    opened_at: datetime

    def activity_ids(self) -> list[str]:
        """The IDs of the Activities sheet as opened, in sheet order, blanks left out: what a step may belong to."""
        table = self.tables.get(contract.ACTIVITIES)
        if table is None or ActivityColumn.ID not in table.frame:
            return []
        ids = (normalise(value, Kind.TEXT) for value in table.frame[ActivityColumn.ID])
        return list(dict.fromkeys(str(text) for text in ids if text is not None))


def open_for_editing(path: Path) -> EditBase:
    """Read the workbook for the editor; ValueError with a plain message when it cannot be opened as a workbook."""
    content, info = read_bytes(path)
    return open_version(path, content, info)


def open_version(
    path: Path, content: bytes, info: WorkbookInfo | None = None, opened_at: datetime | None = None
) -> EditBase:
    """A version of the workbook (its bytes: the current file, or a backup a draft started from) for the editor."""
    info = info or WorkbookInfo.of(path, content, datetime.now())
    plan = load_plan_bytes(content, info)
    try:
        tables = read_tables(content)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        first = finding_text(plan.errors[0]) if plan.errors else str(exc)
        raise ValueError(
            _("{name} cannot be opened for editing: {first}").format(name=Path(path).name, first=first)
        ) from exc
    when = opened_at or datetime.now()
    return EditBase(Path(path), content, info.sha256, tables, plan.lists, plan.findings, when)


def new_findings(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """Findings of the would-be workbook that the opened one did not have (compared by place and message)."""
    seen = {(f.severity, f.sheet, f.row, f.column, f.text, f.values) for f in before}
    return [f for f in after if (f.severity, f.sheet, f.row, f.column, f.text, f.values) not in seen]


# ---------------------------------------------------------------------------------------------------------------
# Comparing


def normalise(value: object, kind: Kind) -> object:
    """A cell value in one canonical form, so unchanged cells compare equal: None for blanks, text stripped,
    dates as date, whole numbers as int; text in a text column stays text ('2021' typed stays '2021')."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if not isinstance(value, (str, bytes, list, tuple, dict)) and pd.isna(value):
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (pd.Timestamp, datetime, date)):
        value = item()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if kind == Kind.DATE:
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                return text
        return text
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if kind in (Kind.TEXT, Kind.LIST):
        return words.cell_text(value)
    if isinstance(value, datetime):
        return value.date() if kind == Kind.DATE or value.time() == datetime.min.time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _key(sheet: str, values: Mapping[str, object]) -> str:
    if sheet == contract.STEPS:
        activity, step = (
            words.cell_text(values.get(StepColumn.ACTIVITY_ID)) or "?",
            words.cell_text(values.get(StepColumn.STEP)) or "?",
        )
        return f"{activity} step {step}"
    if sheet == contract.MESSAGES:
        return f"message for session {words.cell_text(values.get(MessageColumn.SESSION)) or '?'}"
    return words.cell_text(values.get(ActivityColumn.ID)) or "(no ID)"


def diff_table(table: EditTable, edited: pd.DataFrame) -> list[CellChange]:
    """The changes that turn the table into the edited copy: changed cells (by Excel row), the filled cells of
    new rows, and deleted rows. Rows left entirely blank are ignored."""
    # before: {Excel row: {column: value}}; edited: the same columns plus new rows with a blank Row
    base = {int(row): record for row, record in zip(table.frame[ROW], table.frame.to_dict("records"))}
    changes: list[CellChange] = []
    seen: set[int] = set()
    added = 0
    for record in edited.to_dict("records"):
        raw_row = record.get(ROW)
        row = None if raw_row is None or pd.isna(raw_row) else int(raw_row)
        values = {name: normalise(record.get(name), table.kind(name)) for name in table.columns}
        if row is None or row not in base or row in seen:
            if all(value is None for value in values.values()):
                continue
            added += 1
            key = _key(table.sheet, values)
            changes += [
                CellChange(table.sheet, None, key, name, None, value, ADD, added)
                for name, value in values.items()
                if value is not None
            ]
            continue
        seen.add(row)
        before = {name: normalise(base[row].get(name), table.kind(name)) for name in table.columns}
        key = _key(table.sheet, before)
        changes += [
            CellChange(table.sheet, row, key, name, before[name], values[name])
            for name in table.columns
            if before[name] != values[name]
        ]
    for row in sorted(set(base) - seen):
        before = {name: normalise(base[row].get(name), table.kind(name)) for name in table.columns}
        summary = _row_summary(table.sheet, before)
        changes.append(CellChange(table.sheet, row, _key(table.sheet, before), "", summary, None, DELETE))
    return changes


def _row_summary(sheet: str, values: Mapping[str, object]) -> str:
    """A deleted row in a few words, so the preview says what goes."""
    text = words.cell_text(values.get(ActivityColumn.EVENT if sheet == contract.ACTIVITIES else StepColumn.DESCRIPTION))
    return text if len(text) <= 80 else text[:77] + "..."


def changes_table(changes: Sequence[CellChange]) -> pd.DataFrame:
    """The preview: one line per change (Sheet, Row, ID, Column, Old, New), all text."""
    columns = ["Sheet", "Row", "ID", "Column", "Old", "New"]
    return pd.DataFrame([change.as_record() for change in changes], columns=columns, dtype=object)


def changes_csv(changes: Sequence[CellChange]) -> str:
    """The changes as CSV for someone to keep (formula-like text neutralised)."""
    return changes_table(changes).astype(object).map(words.cell_safe).to_csv(index=False)
