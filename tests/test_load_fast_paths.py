"""The loader's quick ways give exactly what the slower ways they replace give: the byte search, the one-pass
extent pattern, the arrays built by pyarrow, the empty tables copied from one built once, the collector paused."""

from __future__ import annotations

import gc
import math
import random

import pandas as pd
import pytest

from actionplan.plan import columns, load_plan
from actionplan.plan.sheet_xml import (
    _LARGE_REFERENCE,
    _PREFIXED_CELL,
    _UNREFERENCED_CELL,
    _UNUSUAL_CELL,
    contains_any,
    has_prefixed_cell,
)
from tests.conftest import SHIPPED_WORKBOOK

NEEDLES = [(b'"e"', b"'e'"), (b"f>", b"<f "), (b"<!",), ("<!".encode("utf-16-le"),)]


@pytest.mark.parametrize("seed", range(40))
def test_contains_any_is_a_byte_search(seed):
    rng = random.Random(seed)
    alphabet = b"\"'ef<>! x\x00"
    odds = rng.choice([1.0, 0.01, 0.0005])  # dense, or with few of each byte (looked for at each place)
    data = bytes(rng.choice(alphabet) if rng.random() < odds else 120 for _ in range(rng.randint(70_000, 90_000)))
    for needles in NEEDLES:
        planted = data
        if rng.random() < 0.5:  # a needle across a chunk's end
            needle = rng.choice(needles)
            at = rng.choice([4096 - 1, 4096 - len(needle) + 1, 8192 - 1, len(data) - len(needle)])
            planted = data[:at] + needle + data[at + len(needle) :]
        expected = any(needle in planted for needle in needles)
        assert contains_any(planted, needles, chunk=4096) == expected
        assert contains_any(planted, needles) == expected


def test_contains_any_finds_a_needle_at_the_very_end_and_nothing_in_clean_xml():
    xml = b'<c r="A1" t="n"><v>1</v></c>' * 5_000
    assert not contains_any(xml, NEEDLES[0]) and not contains_any(xml, NEEDLES[1])
    assert contains_any(xml + b'<c r="A2" t="e">', NEEDLES[0])
    assert contains_any(xml + b"<f>", NEEDLES[1])


CELLS = [
    b'<c r="A1">',
    b'<c r="Q99999" s="1">',
    b'<c r="Z1"/>',
    b'<c r="AA1">',
    b'<c r="A100000">',
    b'<c r="A000001">',
    b'<c r="XFD1048576">',
    b'<c r="a12">',
    b"<c>",
    b'<c s="1" r="A1">',
    b"<c\tr='A1'>",
    b"<c r='A1'>",
    b'<c r = "A1">',
    b'<c r="1A">',
    b'<c r="">',
    b'<cols><col min="1"/></cols>',
    b"<c/>",
]


@pytest.mark.parametrize("cell", CELLS)
def test_the_one_pass_extent_pattern_finds_what_the_two_patterns_find(cell):
    xml = b'<sheetData><row r="1"><c r="B2"><v>1</v></c>' + cell + b"</row></sheetData>"
    either = bool(_UNREFERENCED_CELL.search(xml) or _LARGE_REFERENCE.search(xml))
    assert bool(_UNUSUAL_CELL.search(xml)) == either


PREFIXED = [b"<x:c ", b"<x:c>", b"<x:c/>", b"<x:c\t", b"<x:c\x0b", b":c\x0c", b":cc", b":col ", b":c", b"x:", b""]


@pytest.mark.parametrize("seed", range(20))
def test_the_namespaced_cell_search_finds_what_its_pattern_finds(seed):
    rng = random.Random(seed)
    rows = b'<row r="1"><c r="B2" t="n"><v>1</v></c></row>' * 6_000  # above the size searched by the pattern
    for _ in range(20):
        found = b"".join(rng.choice(PREFIXED) for _ in range(rng.randint(1, 3)))
        at = rng.choice([0, 1, len(rows) // 2, len(rows) // 2 + 1, len(rows)])
        xml = rows[:at] + found + rows[at:]
        assert has_prefixed_cell(xml) == bool(_PREFIXED_CELL.search(xml)), xml[at - 5 : at + 20]
        assert has_prefixed_cell(xml[:100]) == bool(_PREFIXED_CELL.search(xml[:100]))


@pytest.mark.parametrize(
    ("values", "dtype", "types"),
    [
        (["a", None, "b", "été ä ç ň"], "str", {}),
        ([None, "x"], "str", {}),
        ([2024, None, 7], "Int64", {"ints": ("x",)}),
        ([None, None], "Int64", {"ints": ("x",)}),
        ([1.5, None, math.nan, 3], "Float64", {"floats": ("x",)}),
    ],
)
def test_arrays_built_at_once_are_the_arrays_pandas_builds(values, dtype, types):
    frame = columns.typed_frame({"x": values}, **types)
    expected = pd.DataFrame({"x": pd.array(values, dtype=dtype)})
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    got, want = frame["x"].array, expected["x"].array
    assert type(got) is type(want) and got.dtype == want.dtype
    if hasattr(want, "_mask"):
        assert (got._mask == want._mask).all() and got._data.flags.writeable
        assert pd.Series(got._data).equals(pd.Series(want._data))  # the filler under a missing value too


def test_number_arrays_own_writable_buffers_as_pandas_arrays_do():
    for values, whole in (([1, 2, 3], True), ([1.5, None], False)):
        array = columns._numbers(values, whole)
        assert array is not None and array._data.flags.writeable and array._mask.flags.writeable


def test_a_whole_number_too_large_for_int64_still_fails_as_before():
    with pytest.raises((TypeError, ValueError, OverflowError)):
        columns.typed_frame({"x": [2**70, 1]}, ints=("x",))


def test_an_empty_table_is_a_fresh_copy_each_time():
    first = columns.empty_frame(["A", "Row"], ints=("Row",))
    first["A"] = pd.Series(["changed"], dtype=object)
    again = columns.empty_frame(["A", "Row"], ints=("Row",))
    assert again.empty and list(again.columns) == ["A", "Row"] and str(again["Row"].dtype) == "Int64"


def test_loading_leaves_the_cycle_collector_as_it_found_it():
    assert gc.isenabled()
    assert load_plan(SHIPPED_WORKBOOK).usable and gc.isenabled()
    gc.disable()
    try:
        load_plan(SHIPPED_WORKBOOK)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_control_character_check_of_ascii_text_is_the_pattern():
    from actionplan.plan.cells import _CONTROL_CHARACTER, _has_control

    rng = random.Random(3)
    alphabet = [chr(code) for code in range(128)] + ["é", "\u2028", "\x85", "\ufffe", "д"]
    for _ in range(3_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert _has_control(text) == (_CONTROL_CHARACTER.search(text) is not None), repr(text)
