"""Applying changes to the workbook's bytes (pure: bytes in, bytes out), and what Excel holds that they might lose.

Edits change only the cells that changed: other sheets, staff-added columns, drop-downs (data validations),
formatting and column widths stay as they are. Changed cells of existing rows are patched into the sheet's XML with
every other part kept byte for byte (`patch`); added and deleted rows, and what the patch does not handle, go
through openpyxl on the current file. Text is always stored as text: "=1+1" typed in the editor is a string in the
file, never a formula.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from copy import copy

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import N_, _
from ..plan import contract
from ..plan.workbook import put_value
from .edits import ADD, CHANGE, DELETE, CellChange, header_row
from .faults import SaveRefused, Unpatchable
from .patch import patch_changes


def apply_changes(content: bytes, changes: Sequence[CellChange]) -> bytes:
    """The workbook with the changes made: changed cells rewritten, deleted rows closed up (values, styles and row
    heights move up, the tail is cleared, so drop-downs covering rows 2..2000 stay valid), new rows appended below
    the last used row with the formatting of the row above. Everything else is kept as it is."""
    try:
        return patch_changes(content, changes)
    except Unpatchable:  # rows added or deleted, a formula, XML the patch does not know: the openpyxl way
        pass
    workbook = load_workbook(io.BytesIO(content))
    by_sheet: dict[str, list[CellChange]] = defaultdict(list)
    for change in changes:
        by_sheet[change.sheet].append(change)
    for sheet, sheet_changes in by_sheet.items():
        actual = contract.sheet_named(workbook.sheetnames, sheet)
        if actual is None:
            raise SaveRefused(_("the sheet {sheet} is not in the workbook").format(sheet=sheet))
        _apply_to_sheet(workbook[actual], sheet, sheet_changes)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _apply_to_sheet(ws: Worksheet, sheet: str, changes: Sequence[CellChange]) -> None:
    found = header_row(ws.iter_rows(values_only=True))
    if found is None:
        raise SaveRefused(_("the sheet {sheet} has no header row").format(sheet=sheet))
    header_at, header = found
    positions = contract.header_positions(header, contract.columns_of(sheet))

    optional = {column.name for column in contract.optional_columns(sheet)}

    def position(column: str) -> int:
        if column not in positions and column in optional:  # the first value of an optional column: add its header
            positions[column] = max(positions.values(), default=0) + 1
            header_cell = ws.cell(header_at, positions[column], column)
            if positions[column] > 1:
                header_cell._style = copy(ws.cell(header_at, positions[column] - 1)._style)
        if column not in positions:
            raise SaveRefused(_("the column {column} is not in the sheet {sheet}").format(column=column, sheet=sheet))
        return positions[column]

    for change in changes:
        if change.action == CHANGE:
            if change.row is None or change.row <= header_at:
                raise SaveRefused(_("row {row} of {sheet} is not a data row").format(row=change.row, sheet=sheet))
            put_value(ws.cell(change.row, position(change.column)), change.new)
    deleted = {change.row for change in changes if change.action == DELETE and change.row is not None}
    if deleted:
        if min(deleted) <= header_at:
            raise SaveRefused(_("row {row} of {sheet} is not a data row").format(row=min(deleted), sheet=sheet))
        _close_up(ws, deleted)
    new_rows: dict[int, list[CellChange]] = defaultdict(list)
    for change in changes:
        if change.action == ADD:
            new_rows[change.added or 0].append(change)
    if new_rows:
        last = max(_last_used_row(ws), header_at)
        for offset, ordinal in enumerate(sorted(new_rows), start=1):
            target = last + offset
            if last > header_at:
                _copy_style(ws, last, target)
            for change in new_rows[ordinal]:
                put_value(ws.cell(target, position(change.column)), change.new)
    if deleted or new_rows:
        _fit_filter(ws, header_at)


def _last_used_row(ws: Worksheet) -> int:
    last = 0
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if any(value is not None and value != "" for value in values):
            last = number
    return last


def _copy_style(ws: Worksheet, source: int, target: int) -> None:
    for column in range(1, ws.max_column + 1):
        ws.cell(target, column)._style = copy(ws.cell(source, column)._style)


def _close_up(ws: Worksheet, deleted: set[int]) -> None:
    """Remove rows by moving the rows below them up (what Excel's Delete Row does to the data), without
    ws.delete_rows, which would leave drop-downs and merged ranges pointing at the wrong rows."""
    last = _last_used_row(ws)
    first = min(deleted)
    width = ws.max_column
    survivors = [row for row in range(first, last + 1) if row not in deleted]
    snapshot = []
    for row in survivors:
        cells = [ws.cell(row, column) for column in range(1, width + 1)]
        snapshot.append(
            (
                [(c.value, c.data_type, copy(c._style), c.comment, c.hyperlink) for c in cells],
                ws.row_dimensions[row].height,
            )
        )
    for target, (cells, height) in enumerate(snapshot, start=first):
        for column, (value, data_type, style, comment, link) in enumerate(cells, start=1):
            cell = ws.cell(target, column)
            cell.value = value
            cell.data_type = data_type
            cell._style = style
            cell.comment = comment
            cell.hyperlink = link
        ws.row_dimensions[target].height = height
    for target in range(first + len(snapshot), last + 1):
        for column in range(1, width + 1):
            cell = ws.cell(target, column)
            cell.value = None
            cell.comment = None
            cell.hyperlink = None
        ws.row_dimensions[target].height = None


def _fit_filter(ws: Worksheet, header_at: int) -> None:
    """Keep the sheet's filter covering the table after rows were added or removed."""
    if not ws.auto_filter.ref:
        return
    min_col, min_row, max_col, _ = range_boundaries(ws.auto_filter.ref)
    if min_row != header_at:
        return
    last = max(_last_used_row(ws), header_at)
    ws.auto_filter.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"


# What Excel can hold that openpyxl may not write back: counted in the file before and after an edit, so an edit
# that would drop any of it is refused instead (e.g. drop-downs Excel stores in its 2010 extension format).
FEATURE_PATTERNS: dict[str, re.Pattern[bytes]] = {
    N_("drop-down lists / data validations"): re.compile(rb"<(?:\w+:)?dataValidation[\s>]"),
    N_("conditional formatting"): re.compile(rb"<(?:\w+:)?conditionalFormatting[\s>]"),
    N_("sparklines"): re.compile(rb"<(?:\w+:)?sparklineGroup[\s>]"),
    N_("pictures, charts or shapes"): re.compile(rb"<xdr:(?:sp|pic|graphicFrame|cxnSp|grpSp)[\s>]"),
    N_("defined names"): re.compile(rb"<definedName[\s>]"),
    N_("merged cells"): re.compile(rb"<mergeCell[\s>]"),
    N_("comments"): re.compile(rb"<comment[\s>]"),
    N_("hyperlinks"): re.compile(rb"<hyperlink[\s>]"),
}
FEATURE_FOLDERS: dict[str, tuple[str, ...]] = {
    N_("pictures, charts or shapes"): ("xl/media/", "xl/charts/"),
    N_("tables (Format as Table)"): ("xl/tables/",),
    N_("pivot tables"): ("xl/pivotTables/", "xl/pivotCache/"),
    N_("slicers"): ("xl/slicers/", "xl/slicerCaches/"),
    N_("form controls"): ("xl/ctrlProps/",),
    N_("macros"): ("xl/vbaProject.bin",),
}
ROW_FEATURES = frozenset({N_("comments"), N_("hyperlinks")})  # deleting a row rightly deletes its own


def features(content: bytes, parts: Collection[str] | None = None) -> Counter[str]:
    """How many of each Excel feature the workbook holds (from its XML parts and folders), in `parts` if given."""
    found: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for member in archive.namelist():
            if parts is not None and member not in parts:
                continue
            for name, folders in FEATURE_FOLDERS.items():
                found[name] += member.startswith(folders)
            if member.endswith(".xml"):
                payload = archive.read(member)
                for name, pattern in FEATURE_PATTERNS.items():
                    found[name] += len(pattern.findall(payload))
    return found


def changed_parts(before: bytes, after: bytes) -> set[str]:
    """The parts of two workbooks that differ: in one only, or with another size or checksum (CRC-32)."""
    with zipfile.ZipFile(io.BytesIO(before)) as old, zipfile.ZipFile(io.BytesIO(after)) as new:
        old_parts = {item.filename: (item.file_size, item.CRC) for item in old.infolist()}
        new_parts = {item.filename: (item.file_size, item.CRC) for item in new.infolist()}
    return {name for name in old_parts.keys() | new_parts.keys() if old_parts.get(name) != new_parts.get(name)}


def lost_features(before: bytes, after: bytes, *, rows_deleted: bool = False) -> list[str]:
    """The features the edited workbook has fewer of than the original (what saving would lose); only the parts
    that changed are counted, the others hold the same features on both sides."""
    parts = changed_parts(before, after)
    old, new = features(before, parts), features(after, parts)
    return [name for name in old if new[name] < old[name] and not (rows_deleted and name in ROW_FEATURES)]
