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
from ..plan.sheet_xml import SheetRef, column_letters, workbook_sheets
from ..plan.workbook import DATE_FORMAT, as_cell_value
from .edits import CHANGE, CellChange, header_row
from .faults import SaveRefused
from .zip_parts import ZipTooLarge, with_parts

# What XML 1.0 cannot hold (tab, line feed and carriage return it can), as openpyxl's ILLEGAL_CHARACTERS_RE.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")  # Excel reads _x000B_ as a character: written as _x005F_x000B_
_ROW_TAG = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"[^>]*?(/?)>')
_ROW_END = b"</row>"
_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*?)(/>|>(.*?)</c>)', re.DOTALL)
_STYLE = re.compile(rb'\bs="([0-9]+)"')
_UNREFERENCED_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Z]+[0-9]+"))')  # <c>, <c s="1" r="A1">: r not first
_PREFIXED_CELL = re.compile(rb":c[\s>/]")  # <x:c>
FEW_ROWS = 8  # changed rows found one by one; more, by one pass over the sheet
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_XFS = re.compile(rb"<cellXfs\b[^>]*>(.*?)</cellXfs>", re.DOTALL)
_XF = re.compile(rb"<xf\b[^>]*?/>|<xf\b[^>]*?>.*?</xf>", re.DOTALL)
_COUNT = re.compile(rb'\bcount="[0-9]+"')
_NUMBER_FORMATS = re.compile(rb"<numFmts\b[^>]*>(.*?)</numFmts>", re.DOTALL)
_NUMBER_FORMAT = re.compile(rb'<numFmt\b[^>]*\bnumFmtId="([0-9]+)"[^>]*\bformatCode="([^"]*)"')
_STYLESHEET = re.compile(rb"<styleSheet\b[^>]*>")
_EPOCH = {False: dt.datetime(1899, 12, 30), True: dt.datetime(1904, 1, 1)}
_FIRST_TRUE_DATE = dt.datetime(1900, 3, 1)  # before it, Excel's 1900 system counts a 29 February that never was
STYLES_PART = "xl/styles.xml"
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


class Unpatchable(Exception):
    """The change or the workbook is not one the patch handles: the openpyxl way is taken instead."""


def patch_changes(content: bytes, changes: Sequence[CellChange]) -> bytes:
    """The workbook with the changed cells rewritten in their sheets' XML, every other part as it was.

    Raises Unpatchable for what the patch does not handle, SaveRefused for a change that cannot be saved at all."""
    if any(change.action != CHANGE for change in changes):
        raise Unpatchable("rows are added or deleted")
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
    styles = _Styles(parts.get(STYLES_PART))
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
        for change in sheet_changes:
            if change.row is None or change.row <= positions.header_at:
                raise SaveRefused(f"row {change.row} of {sheet} is not a data row")
            cells[(change.row, positions.of(change.column))] = change.new
        changed[ref.part] = _patch_sheet(archive.read(ref.part), cells, styles, date1904)
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


def _patch_sheet(xml: bytes, cells: dict[tuple[int, int], object], styles: _Styles, date1904: bool) -> bytes:
    """The sheet's XML with each (row, column) cell holding its new value; cells it lacks are added in order."""
    if _UNREFERENCED_CELL.search(xml) or _PREFIXED_CELL.search(xml):
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


def _cell_xml(reference: str, value: object, style: int, styles: _Styles, date1904: bool) -> bytes:
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


class _Styles:
    """The workbook's cell formats (xl/styles.xml), with the formats a patched cell needs added at the end."""

    def __init__(self, xml: bytes | None) -> None:
        self.xml = xml or b""
        self.changed = False
        self._xfs: list[bytes] | None = None

    def _cell_formats(self) -> list[bytes]:
        if self._xfs is None:
            found = _CELL_XFS.search(self.xml)
            if found is None:
                raise Unpatchable("the workbook's cell formats are not where expected")
            self._xfs = _XF.findall(found.group(1))
        return self._xfs

    def derived(self, style: int, *, quote: bool | None = None, date: bool = False) -> int:
        """The format like `style` with the quote prefix set (True), cleared (False) or kept (None), and a date
        format if `date` and it has none (General): an existing one where it matches, else one added."""
        xfs = self._cell_formats()
        if style >= len(xfs):
            raise Unpatchable("a cell's format is not in the workbook")
        xf = xfs[style]
        new = xf
        quoted = bool(re.search(rb'\bquotePrefix="(?:1|true)"', xf))
        if quote is True and not quoted:
            new = _set_attribute(new, b"quotePrefix", b"1")
        elif quote is False and quoted:
            new = re.sub(rb'\s+quotePrefix="[^"]*"', b"", new)
        if date:
            number_format = re.search(rb'\bnumFmtId="([0-9]+)"', xf)
            if number_format is None or number_format.group(1) == b"0":
                new = _set_attribute(new, b"numFmtId", str(self._date_format()).encode())
                new = _set_attribute(new, b"applyNumberFormat", b"1")
        if new == xf:
            return style
        if new in xfs:
            return xfs.index(new)
        xfs.append(new)
        self._write_cell_formats()
        return len(xfs) - 1

    def _write_cell_formats(self) -> None:
        found = _CELL_XFS.search(self.xml)
        assert found is not None and self._xfs is not None
        opening = self.xml[found.start() : found.start(1)]
        opening = _COUNT.sub(f'count="{len(self._xfs)}"'.encode(), opening, count=1)
        section = opening + b"".join(self._xfs) + b"</cellXfs>"
        self.xml = self.xml[: found.start()] + section + self.xml[found.end() :]
        self.changed = True

    def _date_format(self) -> int:
        """The id of the number format DATE_FORMAT, added to the workbook's formats if it has none."""
        found = _NUMBER_FORMATS.search(self.xml)
        formats = _NUMBER_FORMAT.findall(found.group(1)) if found else []
        for number, code in formats:
            if code.decode("utf-8", "replace") == DATE_FORMAT:
                return int(number)
        number = max([163, *(int(number) for number, _ in formats)]) + 1
        element = f'<numFmt numFmtId="{number}" formatCode="{DATE_FORMAT}"/>'.encode()
        if found:
            opening = self.xml[found.start() : found.start(1)]
            opening = _COUNT.sub(f'count="{len(formats) + 1}"'.encode(), opening, count=1)
            self.xml = self.xml[: found.start()] + opening + found.group(1) + element + self.xml[found.end(1) :]
        else:
            root = _STYLESHEET.search(self.xml)
            if root is None:
                raise Unpatchable("the workbook's styles are not where expected")
            numbers = b'<numFmts count="1">' + element + b"</numFmts>"
            self.xml = self.xml[: root.end()] + numbers + self.xml[root.end() :]
        self.changed = True
        return number


def _set_attribute(tag: bytes, name: bytes, value: bytes) -> bytes:
    """An <xf> start tag with the attribute set (replaced if present, else added after the element name)."""
    pattern = re.compile(rb"\b" + name + rb'="[^"]*"')
    if pattern.search(tag):
        return pattern.sub(name + b'="' + value + b'"', tag, count=1)
    return tag[:3] + b" " + name + b'="' + value + b'"' + tag[3:]
