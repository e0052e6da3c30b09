"""What a workbook's XML says about its sheets before any is read: their names, visibility and parts, the date
system, and each sheet's extent, error cells and unsaved formulas, scanned as bytes with bounded patterns.

The extent is taken from the cell references themselves (a sheet's <dimension> may say anything; the sheet reader
does not allocate by it), so a value typed in XFD1048576 is found here, before the reader would allocate a grid of
17 billion cells for it. The bounds scale with what the sheet holds: a sheet of 210,000 filled rows may reach row
210,000, while one value typed far below or beside a small table is still refused.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

MAX_ROWS = 200_000  # a sheet's rows, counted from its cell references, whatever it holds
MAX_COLUMNS = 1_000
MAX_CELLS = 5_000_000  # rows x columns: the grid the sheet reader allocates, whatever the sheet holds
ROWS_PER_ROW = 2  # beyond MAX_ROWS, the rows may reach twice the rows the sheet has
GRID_PER_CELL = 2  # beyond MAX_CELLS, the grid may be twice the cells the sheet holds
MAX_GRID = 30_000_000  # and never more: the reader's grid of that many cells takes about 1 GB


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
# cell that does not start with its reference, calls for measuring the whole sheet. Each pattern begins with a
# literal, so the scan runs at the speed of a byte search; the usual sheet takes one pass of _UNUSUAL_CELL (about
# 13 ms for the 11 MB sheet of 10,000 activities) and the error-cell and formula checks by numpy (contains_any).
# A cell is only looked at where it starts with its reference (<c r="B12"...): any other cell, a reference written
# another way (r = 'B12') or placed after another attribute, and any namespaced <x:c>, send the sheet to be measured.
_LARGE_REFERENCE = re.compile(rb'<c r="([A-Za-z]{2,}[0-9]|[A-Za-z]+[0-9]{6,})')
assert MAX_CELLS >= 26 * 99_999 and MAX_ROWS >= 99_999 and MAX_COLUMNS >= 26
# <c>, or <c ...> whose first attribute is not a plain reference r="B12" after one space
_UNREFERENCED_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Za-z]+[0-9]+"))')
_PREFIXED_CELL = re.compile(rb":c[\s>/]")  # <x:c ...>: namespaced, measured the long way
# _LARGE_REFERENCE or _UNREFERENCED_CELL in one pass: a cell that does not start with a reference of one letter and
# at most five digits (r="Q10000") is either a reference beyond Z or row 99,999 or a cell measured the long way.
_UNUSUAL_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Za-z][0-9]{1,5}"))')
_CANONICAL_VALUE_CELL = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"[^>/]*>')  # not <c r="B2" s="1"/>: no value
_REFERENCED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>/]*?\br\s*=\s*["\']([A-Za-z]*)([0-9]*)["\'][^>/]*>')
_CELL_REFERENCE = re.compile(rb'\br\s*=\s*["\']([A-Za-z]*)([0-9]*)["\']')
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
    # one pass for the usual sheet: _UNUSUAL_CELL finds exactly what _UNREFERENCED_CELL or _LARGE_REFERENCE would
    prefixed = has_prefixed_cell(xml)
    if prefixed or _UNUSUAL_CELL.search(xml):
        _measure(xml, scan, canonical=not (prefixed or _UNREFERENCED_CELL.search(xml)))
    return _problem_cells(xml, scan)


def limits(rows_present: int, cells_present: int) -> tuple[int, int]:
    """The most rows, and the largest grid (rows x columns), a sheet with this many rows and value cells may span:
    the fixed bounds for any sheet, more for a sheet that really holds more, never beyond MAX_GRID."""
    rows = max(MAX_ROWS, ROWS_PER_ROW * rows_present)
    cells = min(MAX_GRID, max(MAX_CELLS, GRID_PER_CELL * cells_present))
    return rows, cells


def _measure(xml: bytes, scan: SheetScan, canonical: bool) -> None:
    """The exact extent, and the far cell if there is one (only run when a reference is long, or a cell does not
    start with its reference). `canonical`: every cell starts with r="...", so one quick pattern finds them all."""
    # [(b"B", b"12"), ...]
    if canonical:
        references = _CANONICAL_VALUE_CELL.findall(xml)
        unreferenced_cells = 0
    else:
        references = [(letters, digits) for letters, digits in _REFERENCED_CELL.findall(xml) if letters and digits]
        unreferenced_cells = len(_VALUE_CELL.findall(xml)) - len(references)
    # rows compared as digit strings without leading zeros (longer is larger), so only the winners become numbers
    rows = {digits.lstrip(b"0") or b"0" for _, digits in references}
    last_row = max(rows, key=lambda digits: (len(digits), digits), default=b"0")
    columns = {letters.upper() for letters, _ in references}
    last_column = max(columns, key=lambda letters: (len(letters), letters), default=b"")
    row_letters = next((letters for letters, digits in references if (digits.lstrip(b"0") or b"0") == last_row), b"")
    column_digits = next((digits for letters, digits in references if letters.upper() == last_column), b"")
    far_row = (int(last_row), (row_letters + last_row).decode("ascii")[:16] if row_letters else "")
    far_column = (column_number(last_column.decode("ascii")), (last_column + column_digits).decode("ascii")[:16])
    scan.rows, scan.columns = far_row[0], far_column[0]
    rows_present = len(rows)
    if unreferenced_cells > 0:
        row_tags = _ROW_TAG.findall(xml)
        numbered = [int(number) for tag in row_tags for number in _ROW_NUMBER.findall(tag)[:1]]
        scan.rows = max(scan.rows, *numbered, 0) + len(row_tags) - len(numbered) + 1
        scan.columns += unreferenced_cells
        rows_present += len(row_tags)
    # what the sheet holds: the rows with a value, and its value cells
    max_rows, max_cells = limits(rows_present, len(references) + max(unreferenced_cells, 0))
    if scan.rows > max_rows:
        scan.far_cell = far_row[1] or f"row {scan.rows}"
    elif scan.columns > MAX_COLUMNS:
        scan.far_cell = far_column[1] or f"column {scan.columns}"
    elif scan.rows * scan.columns > max_cells:
        by_rows = scan.rows / max_rows >= scan.columns / MAX_COLUMNS
        scan.far_cell = (far_row if by_rows else far_column)[1] or f"row {scan.rows}"


def _problem_cells(xml: bytes, scan: SheetScan) -> SheetScan:
    if scan.far_cell:
        return scan
    errors = contains_any(xml, (b'"e"', b"'e'")) and bool(_ERROR_TYPE.search(xml))
    formulas = contains_any(xml, (b"f>", b"<f ")) and bool(_FORMULA.search(xml))
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


_SEARCH_CHUNK = 2**20  # bytes compared at once: a chunk's comparisons stay in the processor's cache
_BYTE_SEARCH_BELOW = 32 * 1024  # a part this small is searched as bytes (quicker below about 32 kB)
_PATTERN_SEARCH_BELOW = 256 * 1024  # a sheet this small is searched with _PREFIXED_CELL (quicker below 256 kB)


def contains_any(data: bytes, needles: Sequence[bytes], chunk: int = _SEARCH_CHUNK) -> bool:
    """`any(needle in data for needle in needles)` for short needles. A needle with a byte that XML seldom holds
    ('!', ':', an apostrophe) is looked for at each place of that byte (`_seldom_places`); the others a chunk at a
    time with numpy: each needle's first two bytes found at once (`_pair_starts`), its further bytes compared only
    where those matched. A byte search is slow when the needle's bytes are as common as '<', '"' and 'f' are in XML
    (about 8 ms for the 11 MB sheet of 10,000 activities, against under 2 ms here)."""
    if len(data) < _BYTE_SEARCH_BELOW or not all(len(needle) >= 2 for needle in needles):
        return any(needle in data for needle in needles)
    compared = []
    for needle in needles:
        at = next((index for index, byte in enumerate(needle) if byte in _SELDOM_IN_XML), None)
        places = None if at is None else _seldom_places(data, needle[at : at + 1])
        if at is None or places is None:
            compared.append(needle)
        elif any(data.startswith(needle, place - at) for place in places if place >= at):
            return True
    if not compared:
        return False
    array = np.frombuffer(data, dtype=np.uint8)
    overlap = max(map(len, compared)) - 1  # a needle that starts near a chunk's end is found in that chunk
    for start in range(0, len(array), chunk):
        window = array[start : start + chunk + overlap]
        for needle in compared:
            found = _pair_starts(window, needle[:2])
            if len(needle) > 2:
                found = found[found + len(needle) <= len(window)]
                for offset, byte in enumerate(needle[2:], start=2):
                    found = found[window[found + offset] == byte]
            if len(found):
                return True
    return False


_AFTER_PREFIXED = np.frombuffer(b" \t\n\r\x0b\x0c>/", dtype=np.uint8)  # what follows ':c' in _PREFIXED_CELL


def has_prefixed_cell(xml: bytes) -> bool:
    """`bool(_PREFIXED_CELL.search(xml))`: a namespaced cell such as <x:c r="A1">, by its ':c', found at each ':'
    (`_seldom_places`) or, in a sheet with many, with numpy (the pattern's search takes about 3 ms for the 11 MB
    sheet of 10,000 activities)."""
    if len(xml) < _PATTERN_SEARCH_BELOW:
        return _PREFIXED_CELL.search(xml) is not None
    places = _seldom_places(xml, b":")
    if places is not None:
        return any(
            xml[place + 1 : place + 2] == b"c" and xml[place + 2 : place + 3] in _AFTER_BYTES for place in places
        )
    array = np.frombuffer(xml, dtype=np.uint8)
    found = _pair_starts(array[:-1], b":c")  # each with a byte after it
    return bool(np.isin(array[found + 2], _AFTER_PREFIXED).any())


_AFTER_BYTES = {bytes([byte]) for byte in _AFTER_PREFIXED.tolist()}
_SELDOM_IN_XML = b"!:'"  # bytes that a sheet's XML seldom holds outside its text
_SELDOM_PLACES = 64  # places of such a byte looked at one by one; past that many, numpy compares every byte


def _seldom_places(data: bytes, byte: bytes) -> list[int] | None:
    """Each place of `byte` in `data`, each found by bytes.find (a memchr, far quicker than comparing every byte);
    None when there are more than _SELDOM_PLACES."""
    places: list[int] = []
    place = data.find(byte)
    while place >= 0:
        if len(places) == _SELDOM_PLACES:
            return None
        places.append(place)
        place = data.find(byte, place + 1)
    return places


def _pair_starts(window: np.ndarray, pair: bytes) -> np.ndarray:
    """Where the two bytes `pair` start in `window`: compared at once as one 16-bit number, at the even offsets
    ([b0 b1][b2 b3]...) and at the odd ones ([b1 b2][b3 b4]...)."""
    head = pair[0] | pair[1] << 8
    return np.concatenate(
        [
            np.flatnonzero(window[shift : shift + (len(window) - shift) // 2 * 2].view("<u2") == head) * 2 + shift
            for shift in (0, 1)
        ]
    )
