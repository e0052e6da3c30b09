"""The sheet-extent guard scales with what a sheet holds: a legitimately long sheet is read, a far value is refused."""

from __future__ import annotations

import pytest

from actionplan.plan import sheet_xml
from actionplan.plan.sheet_xml import MAX_ROWS, limits, scan_sheet

STEP_ROWS = 210_000  # the Steps sheet of a 78,000-activity workbook


def _sheet(rows: int, columns: str = "ABCDE", extra: bytes = b"") -> bytes:
    """A sheet of `rows` filled rows (a header and rows-1 of numbers) in `columns`, then `extra` cells in a row."""
    body = [b'<row r="1">' + b"".join(b'<c r="%s1" t="inlineStr"><is><t>H</t></is></c>' % c.encode() for c in columns)]
    for number in range(2, rows + 1):
        cells = b"".join(b'<c r="%s%d"><v>1</v></c>' % (c.encode(), number) for c in columns)
        body.append(b'<row r="%d">%s</row>' % (number, cells))
    return (
        b"<worksheet><sheetData>"
        + b"</row>".join(body[:1])
        + b"</row>"
        + b"".join(body[1:])
        + extra
        + (b"</sheetData></worksheet>")
    )


@pytest.fixture(scope="module")
def long_steps() -> bytes:
    return _sheet(STEP_ROWS)


def test_a_sheet_of_210000_filled_rows_is_read(long_steps):
    scan = scan_sheet(long_steps)
    assert scan.far_cell is None
    assert (scan.rows, scan.columns) == (STEP_ROWS, 5)


@pytest.mark.parametrize("far", ["XFD1048576", "A1048576", "ALM2"])
def test_one_value_in_a_far_cell_of_a_long_sheet_is_still_named(long_steps, far):
    row = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
    extra = b'<row r="%s"><c r="%s"><v>1</v></c></row>' % (row, far.encode())
    xml = long_steps.replace(b"</sheetData>", extra + b"</sheetData>")
    assert scan_sheet(xml).far_cell == far


@pytest.mark.parametrize("far", ["XFD1048576", "A1048576", "A250000"])
def test_one_value_in_a_far_cell_of_a_short_sheet_is_named(far):
    row = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
    extra = b'<row r="%s"><c r="%s"><v>1</v></c></row>' % (row, far.encode())
    assert scan_sheet(_sheet(40, extra=extra)).far_cell == far


def test_the_bounds_grow_with_the_rows_and_cells_present_but_never_past_the_grid_cap():
    assert limits(10, 50) == (MAX_ROWS, sheet_xml.MAX_CELLS)
    assert limits(STEP_ROWS, STEP_ROWS * 5) == (2 * STEP_ROWS, sheet_xml.MAX_CELLS)
    assert limits(3_000_000, 4_000_000) == (6_000_000, 8_000_000)
    assert limits(10**8, 10**9)[1] == sheet_xml.MAX_GRID


def test_a_reference_written_the_long_way_is_measured():
    # `r = '...'` and cells whose first attribute is not r go the exact way, so they cannot slip past the fast path
    cells = (
        b"<c r = 'XFD1048576'><v>1</v></c>",
        b'<c s="1" r="XFD1048576"><v>1</v></c>',
        b'<c\nr="XFD1048576"><v>1</v></c>',
    )
    for cell in cells:
        xml = _sheet(3).replace(b"</sheetData>", b'<row r="1048576">' + cell + b"</row></sheetData>")
        assert scan_sheet(xml).far_cell == "XFD1048576"
    prefixed = b'<x:worksheet><x:sheetData><x:row r="1"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'
    assert scan_sheet(prefixed + b"</x:sheetData></x:worksheet>").far_cell == "XFD1048576"


def test_leading_zeros_do_not_hide_the_last_row():
    # a reference of many digits is not a later row than a shorter one: 000000000002 is row 2
    extra = b'<row r="3"><c r="B000000000002"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    assert scan_sheet(_sheet(3, extra=extra)).far_cell == "A1048576"


def test_a_cell_with_an_empty_reference_is_measured():
    extra = b'<row r="4"><c r=""><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    assert scan_sheet(_sheet(3, extra=extra)).far_cell == "A1048576"
