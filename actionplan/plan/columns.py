"""A sheet's columns read at once: each distinct cell converted once, text and list checks as column operations, and
the typed table built from columns, so that 10,000 activities cost little more than reading the file.

Each helper returns the values and, beside them, whether each cell went through without a finding; the sheet
readers (activities.py, steps.py) read the rows with a finding one by one, with the same code as always, so every
finding is exactly what it was and comes in the sheet's order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
import pandas as pd

try:  # pandas keeps its text in pyarrow when it is installed (Streamlit requires it)
    import pyarrow as pa
except ImportError:  # pragma: no cover
    pa = None

from .. import words

Convert = Callable[[object], object]
_FAILED = object()
_TEXT_OR_NONE = {str, type(None)}
_DAY_OR_NONE = {date, type(None)}
_UNIX_DAY = date(1970, 1, 1).toordinal()
_SECONDS_A_DAY = 86_400


def texts(cells: Sequence[object]) -> list[object]:
    """`words.cell_or_none` of each cell: already-cleaned text as it is, anything else (numbers, dates) as text."""
    if set(map(type, cells)) <= _TEXT_OR_NONE:  # the usual text column: copied at once
        return list(cells)
    return [cell if cell is None or type(cell) is str else words.cell_or_none(cell) for cell in cells]


def converted(cells: Sequence[object], convert: Convert) -> tuple[list[object], list[bool]]:
    """Each cell converted (each distinct value once), and whether it converted (False: `convert` raised)."""
    try:
        if bool in set(map(type, cells)):  # True == 1 == 1.0: told apart by their type
            keys: Sequence[object] = list(zip(map(type, cells), cells, strict=True))
            done = {key: _convert(convert, key[1]) for key in set(keys)}  # type: ignore[index]
        else:  # 2021 and 2021.0 convert alike: the value alone is the key
            keys = cells
            done = {cell: _convert(convert, cell) for cell in set(cells)}
    except TypeError:  # an unhashable cell: one by one
        results = [_convert(convert, cell) for cell in cells]
    else:
        results = list(map(done.__getitem__, keys))
        if not any(value is _FAILED for value in done.values()):  # the usual column: every cell converted
            return results, [True] * len(results)
    return [None if value is _FAILED else value for value in results], [value is not _FAILED for value in results]


def _convert(convert: Convert, cell: object) -> object:
    try:
        return convert(cell)
    except (ValueError, TypeError, OverflowError):
        return _FAILED


def listed(cells: Sequence[object], allowed: Sequence[str]) -> tuple[list[object], list[bool]]:
    """Each text cell in the list's own spelling (matched case- and space-insensitively), and whether it is blank or
    in the list."""
    by_key = {item.casefold().strip(): item for item in allowed}
    match = {cell: by_key.get(str(cell).casefold().strip()) for cell in set(cells) if cell is not None}
    match[None] = None
    spelled = {cell: item or cell for cell, item in match.items()}
    values = list(map(spelled.__getitem__, cells))
    if all(item is not None for cell, item in match.items() if cell is not None):  # every cell in the list
        return values, [True] * len(values)
    return values, [cell is None or match[cell] is not None for cell in cells]


def empty_frame(
    names: Sequence[str], *, dates: tuple[str, ...] = (), ints: tuple[str, ...] = (), floats: tuple[str, ...] = ()
) -> pd.DataFrame:
    """A table with these columns and no rows, each in its type as `typed_frame` gives it: a fresh copy of the one
    built the first time (a workbook without an optional sheet asks for the same empty table at every load)."""
    return _empty_frame(tuple(names), tuple(map(type, names)), dates, ints, floats).copy()


@functools.lru_cache(maxsize=32)
def _empty_frame(
    names: tuple[str, ...],
    kinds: tuple[type, ...],  # an enum member and its text are equal: the cache tells them apart by their type
    dates: tuple[str, ...],
    ints: tuple[str, ...],
    floats: tuple[str, ...],
) -> pd.DataFrame:
    return typed_frame({name: [] for name in names}, dates=dates, ints=ints, floats=floats)


def given(starts: list[object], ends: list[object]) -> list[int]:
    """The indexes of the rows with a value (not None) in either of two columns of the same length."""
    if starts.count(None) == len(starts) and ends.count(None) == len(ends):
        return []
    return [
        index
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
        if start is not None or end is not None
    ]


def typed_frame(
    columns: dict[str, list[object]],
    *,
    dates: tuple[str, ...] = (),
    ints: tuple[str, ...] = (),
    floats: tuple[str, ...] = (),
    index: pd.Index | None = None,
) -> pd.DataFrame:
    """A table from columns of Python values: date, whole-number and decimal columns in their pandas types, text in
    pandas' text type, the rest object, every missing value (None, NaN, NaT) as None or NA."""
    typed: dict[str, object] = {}
    text = pd.api.types.pandas_dtype("str")  # pandas' text type, as a table infers it for a column of text
    for name, values in columns.items():
        if name in dates:
            if set(map(type, values)) <= _DAY_OR_NONE:  # days and None, as the sheet readers give them
                typed[name] = _days(values)
            else:
                typed[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").array
        elif name in ints or name in floats:
            kind = "Int64" if name in ints else "Float64"
            fast = _numbers(values, name in ints)
            try:  # whole numbers and None, as the sheet readers give them
                typed[name] = fast if fast is not None else pd.array(values, dtype=kind)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                convert = int if name in ints else float
                typed[name] = pd.array([None if missing(v) else convert(v) for v in values], dtype=kind)  # type: ignore[call-overload,operator,arg-type]
        elif (kinds := set(map(type, values))) <= _TEXT_OR_NONE:
            # text (None missing) in pandas' text type, as the table would infer it from objects, built at once
            fast = _texts(values, text) if str in kinds else None
            if fast is None:
                fast = pd.array(values, dtype="str" if str in kinds else object)  # type: ignore[call-overload]
            typed[name] = fast
        else:
            cells = np.array(values, dtype=object)
            cells[pd.isna(cells)] = None  # NaN, NaT and NA as None
            typed[name] = pd.array(cells, dtype=object)
    return pd.DataFrame(typed, index=index)  # the columns in the order given


def _days(values: list[object]) -> object:
    """Days and None as datetime64[s] (None as NaT), as `np.array(values, dtype="datetime64[s]")` and
    `pd.to_datetime` give them, counted from each day's ordinal (numpy converts a date object slowly)."""
    ordinals = np.array([_NO_DAY if day is None else day.toordinal() for day in values], dtype=np.int64)  # type: ignore[attr-defined]
    seconds = np.where(ordinals == _NO_DAY, np.iinfo(np.int64).min, (ordinals - _UNIX_DAY) * _SECONDS_A_DAY)
    return pd.array(seconds.view("datetime64[s]"))


_NO_DAY = -1  # no day has this ordinal (the first is 1)


def _texts(values: list[object], dtype: object) -> object | None:
    """Text and None as pandas' text type `dtype` holds it when that is pyarrow's (None when it is not, or pyarrow
    cannot take a value): the same array `pd.array(values, dtype="str")` gives, built at once from the list."""
    if pa is None or getattr(dtype, "storage", None) != "pyarrow":
        return None
    try:
        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]), dtype=dtype)
    except (pa.ArrowException, TypeError, ValueError, UnicodeError):
        return None


_NUMBER_KINDS = ({int, type(None)}, {float, int, type(None)})


def _numbers(values: list[object], whole: bool) -> object | None:
    """Whole numbers and None (`whole`), or decimals, whole numbers and None, as pandas' Int64 or Float64 holds them
    (NaN missing, as `pd.array` has it), converted at once by pyarrow; None when pyarrow cannot take them."""
    if pa is None or not set(map(type, values)) <= _NUMBER_KINDS[0 if whole else 1]:
        return None
    try:
        numbers = pa.array(values, type=pa.int64() if whole else pa.float64(), from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    mask = numbers.is_null().to_numpy(zero_copy_only=False, writable=True)
    filled = numbers.fill_null(1 if whole else np.nan)  # pandas fills a missing whole number with 1, a decimal with NaN
    data = filled.to_numpy(zero_copy_only=False, writable=True)  # its own, writable copy, as pandas' is
    return pd.arrays.IntegerArray(data, mask) if whole else pd.arrays.FloatingArray(data, mask)


def missing(value: object) -> bool:
    """A missing cell as the sheet readers give it: None, NaN or NaT (blank text is not missing here)."""
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT
