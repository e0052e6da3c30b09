"""Cell edits saved by patching the sheet's XML inside the zip: only the changed cells are rewritten and every other
part is kept byte for byte, so a save costs about the same at 42 activities as at 10,000, and keeps what Excel
wrote that openpyxl would not write back (its extensions, drop-downs that point at another sheet).

Only changes to cells of existing rows are patched. Adding or deleting rows, a formula in a changed cell, or XML
written in a way this does not recognise raise `Unpatchable`, and the edit goes the openpyxl way (`apply`). What
a cell holds follows `workbook.put_value`: text always as text (an inline string, never a formula; a leading
= + - @ also gets Excel's quote prefix), dates as Excel dates with a date format, blanks as empty cells that keep
their style. Text with a control character that a workbook cannot hold is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
import zlib
from collections.abc import Sequence
from xml.sax.saxutils import escape

import python_calamine

from .. import words
from ..i18n import _
from ..plan import contract
from ..plan.sheet_xml import SheetRef, column_letters, has_prefixed_cell, workbook_sheets
from ..plan.workbook import as_cell_value
from .cell_formats import CellFormats
from .edits import ADD, CHANGE, CellChange, header_row
from .faults import SaveRefused, Unpatchable
from .zip_parts import ZipTooLarge, with_parts

# What XML 1.0 cannot hold (tab, line feed and carriage return it can), as openpyxl's ILLEGAL_CHARACTERS_RE.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")  # Excel reads _x000B_ as a character: written as _x005F_x000B_
_ROW_TAG = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"[^>]*?(/?)>')
_ROW_END = b"</row>"
_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*?)(/>|>(.*?)</c>)', re.DOTALL)
_STYLE = re.compile(rb'\bs="([0-9]+)"')
_HAS_VALUE = re.compile(rb"<v>[^<]|<t(?:\s[^>]*)?>[^<]")  # a cell with a value: a number, a string, inline text
_DIMENSION = re.compile(rb'(<dimension ref="[A-Z]+[0-9]+:[A-Z]+)([0-9]+)')
_FILTER = re.compile(rb'(<autoFilter ref="[A-Z]+([0-9]+):[A-Z]+)[0-9]+(")')  # its first row, then its last
_UNREFERENCED_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Z]+[0-9]+"))')  # <c>, <c s="1" r="A1">: r not first
FEW_ROWS = 8  # changed rows found one by one; more, by one pass over the sheet
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_EPOCH = {False: dt.datetime(1899, 12, 30), True: dt.datetime(1904, 1, 1)}
_FIRST_TRUE_DATE = dt.datetime(1900, 3, 1)  # before it, Excel's 1900 system counts a 29 February that never was
STYLES_PART = "xl/styles.xml"
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


def patch_changes(content: bytes, changes: Sequence[CellChange]) -> bytes:
    """The workbook with the changed cells rewritten in their sheets' XML, every other part as it was.

    Raises Unpatchable for what the patch does not handle, SaveRefused for a change that cannot be saved at all."""
    if any(change.action not in (CHANGE, ADD) for change in changes):
        raise Unpatchable("rows are deleted")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            changed = _patched_parts(content, archive, changes)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as problem:
        raise Unpatchable("the zip cannot be read") from problem
    try:
        return with_parts(content, members, changed)
    except ZipTooLarge as problem:
        raise Unpatchable("a zip64 workbook") from problem


def _patched_parts(content: bytes, archive: zipfile.ZipFile, changes: Sequence[CellChange]) -> dict[str, bytes]:
    """The new bytes of the parts the changes touch: the changed sheets, and the styles if a format was added."""
    names = set(archive.namelist())
    parts = {name: archive.read(name) for name in (*_WORKBOOK_PARTS, STYLES_PART) if name in names}
    sheets, date1904 = workbook_sheets(parts)
    styles = CellFormats(parts.get(STYLES_PART))
    changed: dict[str, bytes] = {}
    by_sheet: dict[str, list[CellChange]] = {}
    for change in changes:
        by_sheet.setdefault(change.sheet, []).append(change)
    for sheet, sheet_changes in by_sheet.items():
        actual = contract.sheet_named([ref.name for ref in sheets], sheet)
        if actual is None:
            raise SaveRefused(f"the sheet {sheet} is not in the workbook")
        ref = next(ref for ref in sheets if ref.name == actual)
        if ref.part not in names:
            raise Unpatchable("the sheet's part is missing")
        positions = _positions(content, ref, sheet)
        cells = {}
        added: dict[int, dict[int, object]] = {}  # a new row's ordinal -> its cells by column
        for change in sheet_changes:
            if change.action == ADD:
                added.setdefault(change.added or 0, {})[positions.of(change.column)] = change.new
                continue
            if change.row is None or change.row <= positions.header_at:
                raise SaveRefused(f"row {change.row} of {sheet} is not a data row")
            cells[(change.row, positions.of(change.column))] = change.new
        xml = _patch_sheet(archive.read(ref.part), cells, styles, date1904) if cells else archive.read(ref.part)
        if added:
            xml = _append_rows(
                xml, [added[ordinal] for ordinal in sorted(added)], positions.header_at, styles, date1904
            )
        changed[ref.part] = xml
    if styles.changed:
        changed[STYLES_PART] = styles.xml
    return changed


class _Positions:
    """Where a sheet's header is and which column each header names."""

    def __init__(self, sheet: str, header_at: int, header: list[object]) -> None:
        self.sheet, self.header_at = sheet, header_at
        header = [int(cell) if isinstance(cell, float) and cell.is_integer() else cell for cell in header]
        self.positions = contract.header_positions(header, contract.columns_of(sheet))

    def of(self, column: str) -> int:
        if column not in self.positions:
            raise SaveRefused(f"the column {column} is not in the sheet {self.sheet}")
        return self.positions[column]


def _positions(content: bytes, ref: SheetRef, sheet: str) -> _Positions:
    try:
        reader = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        rows = reader.get_sheet_by_name(ref.name).to_python(skip_empty_area=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as problem:  # the reader's panics derive from BaseException
        raise Unpatchable("the sheet cannot be read") from problem
    found = header_row(rows)
    if found is None:
        raise SaveRefused(f"the sheet {sheet} has no header row")
    return _Positions(sheet, *found)


def _patch_sheet(xml: bytes, cells: dict[tuple[int, int], object], styles: CellFormats, date1904: bool) -> bytes:
    """The sheet's XML with each (row, column) cell holding its new value; cells it lacks are added in order."""
    if _UNREFERENCED_CELL.search(xml) or has_prefixed_cell(xml):
        raise Unpatchable("a cell is written without its reference, or with a namespace prefix")
    rows = _rows(xml, {row for row, _ in cells})
    edits: list[tuple[int, int, int, bytes]] = []  # (start, end, column, new bytes), made from the end
    for (row, column), value in sorted(cells.items()):
        if row not in rows:
            raise Unpatchable("the row is not in the sheet")
        start, end = rows[row]
        existing = None
        insert_at = end
        for cell in _CELL.finditer(xml, start, end):
            at = _column_number(cell.group(1))
            if int(cell.group(2)) != row:
                raise Unpatchable("a cell's reference is not in its row")
            if at == column:
                existing = cell
                break
            if at > column:
                insert_at = cell.start()
                break
        style = 0
        if existing is not None:
            if existing.group(5) and _FORMULA.search(existing.group(5)):
                raise Unpatchable("the cell holds a formula")
            found = _STYLE.search(existing.group(3))
            style = int(found.group(1)) if found else 0
        new = _cell_xml(f"{column_letters(column)}{row}", value, style, styles, date1904)
        if existing is not None:
            edits.append((existing.start(), existing.end(), column, new))
        else:  # two new cells at one place: the later column goes in first, the earlier one before it
            edits.append((insert_at, insert_at, column, new))
    for start, end, _column, new in sorted(edits, reverse=True):
        xml = xml[:start] + new + xml[end:]
    return xml


def _append_rows(
    xml: bytes, rows: list[dict[int, object]], header_at: int, styles: CellFormats, date1904: bool
) -> bytes:
    """New rows below the last row with a value, each cell in the format of the cell above (as `apply` does with
    openpyxl: every formatted cell of that row, filled or not); the filter's range grows to cover them."""
    last, above = header_at, b""
    tags = list(_ROW_TAG.finditer(xml))
    for match in tags:
        number = int(match.group(1))
        content = b"" if match.group(2) else xml[match.end() : xml.find(_ROW_END, match.end())]
        if number > last and _HAS_VALUE.search(content):
            last, above = number, content
    formats = (
        {}
        if last <= header_at
        else {
            _column_number(cell.group(1)): int(style.group(1))
            for cell in _CELL.finditer(above)
            if (style := _STYLE.search(cell.group(3)))
        }
    )
    targets = range(last + 1, last + 1 + len(rows))
    if any(int(match.group(1)) in targets for match in tags):
        raise Unpatchable("a row below the table is already in the sheet")
    new = b""
    for number, cells in zip(targets, rows, strict=True):
        row_cells = {**dict.fromkeys(formats), **cells}
        new += (
            b'<row r="%d">' % number
            + b"".join(
                _cell_xml(f"{column_letters(column)}{number}", value, formats.get(column, 0), styles, date1904)
                for column, value in sorted(row_cells.items())
            )
            + _ROW_END
        )
    later = next((match.start() for match in tags if int(match.group(1)) > targets[-1]), None)
    at = later if later is not None else xml.rfind(b"</sheetData>")
    if at < 0:
        raise Unpatchable("the sheet has no sheetData")
    xml = xml[:at] + new + xml[at:]
    xml = _DIMENSION.sub(
        lambda found: found.group(1) + str(max(int(found.group(2)), targets[-1])).encode(), xml, count=1
    )
    return _FILTER.sub(
        lambda found: (
            found.group(1) + str(targets[-1]).encode() + found.group(3)
            if int(found.group(2)) == header_at
            else found.group(0)
        ),
        xml,
        count=1,
    )


def _rows(xml: bytes, wanted: set[int]) -> dict[int, tuple[int, int]]:
    """Where each wanted row's cells are: row number -> (end of <row ...>, start of </row>). A few rows are found
    by their tag (a byte search each), many by one pass over every row tag."""
    found: dict[int, tuple[int, int]] = {}
    if len(wanted) <= FEW_ROWS:
        for number in wanted:
            tag = b'<row r="%d"' % number
            at = xml.find(tag)
            if at < 0 or xml.find(tag, at + 1) >= 0:
                raise Unpatchable("the row is not in the sheet, or written twice")
            match = _ROW_TAG.match(xml, at)
            if match is None:
                raise Unpatchable("the row's tag is not one the patch reads")
            found[number] = _row_span(xml, match)
        return found
    for match in _ROW_TAG.finditer(xml):
        number = int(match.group(1))
        if number in wanted:
            if number in found:
                raise Unpatchable("the row is written twice")
            found[number] = _row_span(xml, match)
    return found


def _row_span(xml: bytes, match: re.Match[bytes]) -> tuple[int, int]:
    close = xml.find(_ROW_END, match.end())
    if match.group(2) or close < 0:
        raise Unpatchable("the row is empty or not closed")
    return match.end(), close


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _cell_xml(reference: str, value: object, style: int, styles: CellFormats, date1904: bool) -> bytes:
    """One <c> element holding `value` as put_value would store it, in a style derived from `style`."""
    value = as_cell_value(value)
    if isinstance(value, str):
        found = CONTROL_CHARACTERS.search(value)
        if found:
            raise SaveRefused(
                _(
                    "The new text of cell {cell} holds a control character ({code}) that a workbook cannot store. "
                    "Type it again without it; nothing was written."
                ).format(cell=reference, code=f"U+{ord(found.group(0)):04X}")
            )
        formula_like = value.startswith(words.FORMULA_STARTS)
        style = styles.derived(style, quote=formula_like)
        text = escape(_EXCEL_ESCAPE.sub(r"_x005F_\1", value)).replace("\r", "&#13;")
        body = f'<is><t xml:space="preserve">{text}</t></is>'
        return _element(reference, style, ' t="inlineStr"', body)
    if value is None:
        return _element(reference, style, "", None)
    if isinstance(value, bool):
        return _element(reference, style, ' t="b"', f"<v>{int(value)}</v>")
    if isinstance(value, dt.datetime | dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        if moment.tzinfo is not None or (not date1904 and moment < _FIRST_TRUE_DATE):
            raise Unpatchable("a date Excel counts differently")
        serial = (moment - _EPOCH[date1904]).total_seconds() / 86_400
        style = styles.derived(style, date=True)
        return _element(reference, style, "", f"<v>{_number(serial)}</v>")
    if isinstance(value, int | float) and math.isfinite(value):
        return _element(reference, style, "", f"<v>{_number(value)}</v>")
    raise Unpatchable(f"a value of type {type(value).__name__}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(float(value))


def _element(reference: str, style: int, kind: str, body: str | None) -> bytes:
    styled = f' s="{style}"' if style else ""
    if body is None:
        return f'<c r="{reference}"{styled}/>'.encode()
    return f'<c r="{reference}"{styled}{kind}>{body}</c>'.encode()
