"""What a workbook's XML says about its sheets before any is read: their names, visibility and parts, the date
system, and each sheet's extent, error cells and unsaved formulas, scanned as bytes with bounded patterns.

The extent is taken from the cell references themselves (a sheet's <dimension> may say anything; the sheet reader
does not allocate by it), so a value typed in XFD1048576 is found here, before the reader would allocate a grid of
17 billion cells for it.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

MAX_ROWS = 200_000  # a sheet's rows, counted from its cell references
MAX_COLUMNS = 1_000
MAX_CELLS = 5_000_000  # rows x columns: the grid the sheet reader allocates


@dataclass(frozen=True)
class SheetRef:
    """A sheet as workbook.xml lists it: its name, whether staff can see it, and its part in the zip."""

    name: str
    visible: bool
    part: str | None


@dataclass
class SheetScan:
    """What the sheet's XML says before it is read: its extent and the cells the reader cannot show as they are.

    Cells are (row, column) numbers from 1, as Excel counts them.
    """

    rows: int = 0
    columns: int = 0
    far_cell: str | None = None  # the reference of a value that puts the sheet beyond the bounds
    error_cells: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, "#VALUE!")
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------------
# The workbook's sheets, and each sheet's extent from its cell references

_ATTRIBUTE = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*\"(?:1|true)\"")


def _attributes(tag: bytes) -> dict[str, str]:
    """A tag's attributes, local names (r:id -> id), XML entities decoded."""
    found: dict[str, str] = {}
    for key, value in _ATTRIBUTE.findall(tag):
        local = key.decode("ascii", "replace").rsplit(":", 1)[-1]
        found.setdefault(local, html.unescape(value.decode("utf-8", "replace")))
    return found


def workbook_sheets(parts: dict[str, bytes]) -> tuple[list[SheetRef], bool]:
    """The sheets in workbook order with their visibility and part, and whether dates count from 1904."""
    workbook = parts.get("xl/workbook.xml", b"")
    targets: dict[str, str] = {}
    for tag in _RELATIONSHIP_TAG.findall(parts.get("xl/_rels/workbook.xml.rels", b"")):
        attributes = _attributes(tag)
        target = attributes.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join("xl", target))
        targets[attributes.get("Id", "")] = part
    sheets = []
    for tag in _SHEET_TAG.findall(workbook):
        attributes = _attributes(tag)
        state = attributes.get("state", "visible")
        sheets.append(SheetRef(attributes.get("name", ""), state == "visible", targets.get(attributes.get("id", ""))))
    return sheets, bool(_DATE1904.search(workbook))


# A cell with content (a self-closing <c .../> is an empty, formatted cell that the reader skips), and its r="B12".
_VALUE_CELL = re.compile(rb"<(?:\w+:)?c\b[^>/]*>")
# Fast paths: a sheet whose references all stay within column Z and row 99,999 spans at most 26 x 99,999 cells,
# well inside every limit above, so only a reference of two letters or six digits (beyond Z or row 99,999), or a
# value cell without a reference, calls for measuring the whole sheet.
# (`r` alone as an attribute: xmlns:r="http://..." on the root is not a reference.)
_LARGE_REFERENCE = re.compile(rb'(?<![\w:])r\s*=\s*["\']([A-Za-z]{2,}[0-9]|[A-Za-z]+[0-9]{6,})')
assert MAX_CELLS >= 26 * 99_999 and MAX_ROWS >= 99_999 and MAX_COLUMNS >= 26
_UNREFERENCED_CELL = re.compile(rb"<(?:\w+:)?c(?:>|\s(?![^>]*\br\s*=)[^>]*[^/]>)")
_REFERENCED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>/]*?\br\s*=\s*"([A-Za-z]*)([0-9]*)"[^>/]*>')
_CELL_REFERENCE = re.compile(rb'\br\s*=\s*"([A-Za-z]*)([0-9]*)"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br\s*=\s*"([0-9]+)"')
_CELL_CONTENT = re.compile(rb"<(?:\w+:)?c\b([^>/]*)>(.{0,4000}?)</(?:\w+:)?c>", re.DOTALL)
_ERROR_TYPE = re.compile(rb'\bt\s*=\s*["\']e["\']')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]{0,40})</(?:\w+:)?v>")
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")


def column_number(letters: str) -> int:
    """A column's number from its letters: A -> 1, Q -> 17, XFD -> 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """A column's letters from its number: 17 -> Q."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _reference(attributes: bytes) -> tuple[int, int] | None:
    match = _CELL_REFERENCE.search(attributes)
    if not match or not match.group(1) or not match.group(2):
        return None
    return int(match.group(2)), column_number(match.group(1).decode("ascii"))


def scan_sheet(xml: bytes) -> SheetScan:
    """The sheet's extent as the reader would see it, bounded from above: explicit references, plus one row or one
    column for each row or cell that gives none (the reader places those after the previous one)."""
    scan = SheetScan()
    if _LARGE_REFERENCE.search(xml) or _UNREFERENCED_CELL.search(xml):
        _measure(xml, scan)
    return _problem_cells(xml, scan)


def _measure(xml: bytes, scan: SheetScan) -> None:
    """The exact extent, and the far cell if there is one (only run when a reference is long, or a cell has none)."""
    # [(b"B", b"12"), ...]: compared as strings, longer is larger, so only the two winners become numbers
    references = [(letters, digits) for letters, digits in _REFERENCED_CELL.findall(xml) if letters and digits]
    unreferenced_cells = len(_VALUE_CELL.findall(xml)) - len(references)
    by_row = max(references, key=lambda ref: (len(ref[1]), ref[1]), default=(b"", b"0"))
    by_column = max(references, key=lambda ref: (len(ref[0]), ref[0].upper()), default=(b"", b"0"))
    far_row = (int(by_row[1]), (by_row[0] + by_row[1]).decode("ascii")[:16])
    far_column = (column_number(by_column[0].decode("ascii")), (by_column[0] + by_column[1]).decode("ascii")[:16])
    scan.rows, scan.columns = far_row[0], far_column[0]
    if unreferenced_cells > 0:
        row_tags = _ROW_TAG.findall(xml)
        numbered = [int(number) for tag in row_tags for number in _ROW_NUMBER.findall(tag)[:1]]
        scan.rows = max(scan.rows, *numbered, 0) + len(row_tags) - len(numbered) + 1
        scan.columns += unreferenced_cells
    if scan.rows > MAX_ROWS:
        scan.far_cell = far_row[1] or f"row {scan.rows}"
    elif scan.columns > MAX_COLUMNS:
        scan.far_cell = far_column[1] or f"column {scan.columns}"
    elif scan.rows * scan.columns > MAX_CELLS:
        by_rows = scan.rows / MAX_ROWS >= scan.columns / MAX_COLUMNS
        scan.far_cell = (far_row if by_rows else far_column)[1] or f"row {scan.rows}"


def _problem_cells(xml: bytes, scan: SheetScan) -> SheetScan:
    if scan.far_cell:
        return scan
    errors = (b'"e"' in xml or b"'e'" in xml) and bool(_ERROR_TYPE.search(xml))
    formulas = (b"f>" in xml or b"<f " in xml) and bool(_FORMULA.search(xml))
    if errors or formulas:
        for attributes, inner in _CELL_CONTENT.findall(xml):
            where = _reference(attributes)
            if where is None:
                continue
            if errors and _ERROR_TYPE.search(attributes):
                value = _CELL_VALUE.search(inner)
                scan.error_cells.append((*where, value.group(1).decode("utf-8", "replace") if value else "#ERROR"))
            elif formulas and _FORMULA.search(inner) and not _HAS_VALUE.search(inner):
                scan.formulas_without_value.append(where)
    return scan
