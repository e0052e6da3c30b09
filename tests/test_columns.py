"""Columns read at once (plan/columns.py, cells.read_sheet): the same values as cell by cell, each distinct value
converted once, and the cell-by-cell way taken where a cell needs a finding."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

from actionplan.plan import cells, columns, contract
from actionplan.plan.cells import Collector, read_sheet, whole_number
from actionplan.plan.sheet_xml import SheetScan


def test_converted_tells_true_from_one_and_converts_each_value_once():
    calls: list[object] = []

    def counting(value: object) -> object:
        calls.append(value)
        return whole_number(value)

    values, passed = columns.converted([1, 1.0, True, None, "7", 2.5, 1], counting)
    assert values == [1, 1, None, None, 7, None, 1]
    assert passed == [True, True, False, True, True, False, True]
    assert len(calls) == 6  # 1 and its repeat once; 1.0 and True apart from 1 (their types differ)
    assert columns.converted([[1], 2], whole_number) == ([None, 2], [False, True])  # an unhashable cell


def test_listed_matches_the_lists_own_spelling_and_lets_blanks_pass():
    values, passed = columns.listed([" culture", "CULTURE", None, "Sport"], ("Culture", "Science"))
    assert values == ["Culture", "Culture", None, "Sport"]
    assert passed == [True, True, True, False]


def test_typed_frame_gives_the_types_of_the_cell_by_cell_reading():
    frame = columns.typed_frame(
        {
            "Start": [date(2024, 3, 1), None],
            "Stamp": [datetime(2024, 3, 1, 10, 30), None],
            "No.": [3, None],
            "Progress %": [40, None],
            "Extra": [math.nan, pd.NaT],
            "Text": ["a", None],
        },
        dates=("Start", "Stamp"),
        ints=("No.",),
        floats=("Progress %",),
    )
    expected = pd.to_datetime(pd.Series([date(2024, 3, 1), None], dtype=object), errors="coerce")
    assert frame["Start"].dtype == expected.dtype and frame["Start"].tolist()[0] == expected[0]
    assert pd.isna(frame["Start"][1]) and frame["Stamp"][0] == pd.Timestamp(2024, 3, 1, 10, 30)
    assert str(frame["No."].dtype) == "Int64" and str(frame["Progress %"].dtype) == "Float64"
    assert frame["Extra"].tolist() == [None, None]


HEADER = ["ID", "Year", "No.", "Event", "Notes"]
ROWS = [
    ["2024-01", 2024.0, 1.0, "  Visit  ", ""],
    ["", None, None, "", "   "],  # a blank row: left out
    ["2024-02", 2024.0, 2.0, "Forum", "=1+1"],
]


def _read(rows: list[list[object]]):
    found = Collector(contract.ACTIVITIES)
    sheet = read_sheet(contract.ACTIVITIES, [HEADER, *rows], contract.ACTIVITY_COLUMNS, SheetScan(), found)
    return sheet, found.findings


def test_the_quick_and_the_cell_by_cell_reading_agree():
    quick, none = _read(ROWS)
    assert none == [] and quick.numbers == [2, 4]
    assert quick.cells["Event"] == ["Visit", "Forum"] and quick.cells["Notes"] == [None, "=1+1"]
    # a control character sends the sheet the cell-by-cell way, with its finding; the other cells read the same
    slow, findings = _read([*ROWS, ["2024-03", 2024.0, 3.0, "Line\x0bbreak", None]])
    assert [f.row for f in findings] == [5] and slow.numbers == [2, 4, 5]
    assert {name: values[:2] for name, values in slow.cells.items()} == quick.cells
    assert slow.cells["Event"][2] == "Line\nbreak"


@pytest.mark.parametrize("row", [["2024-03", 2024.0], ["x" * (cells.EXCEL_TEXT_LIMIT + 1), 2024.0, 3.0, "E", None]])
def test_a_short_or_a_too_long_row_is_read_cell_by_cell(row):
    sheet, findings = _read([*ROWS, row])
    assert sheet.numbers == [2, 4, 5]
    assert len(findings) == (1 if len(row) > 2 else 0)
