"""The coverage matrix: which convention or programme the plan implements in which year."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..plan.contract import ActivityColumn
from ..plan.load import Lists
from .classify import instrument_order
from .counts import cross_counts
from .gantt import INSTRUMENT_COLUMN


def coverage_matrix(
    activities: pd.DataFrame,
    lists: Lists,
    years: Sequence[int] | None = None,
    *,
    instruments: Sequence[str] | None = None,
    keep_empty: bool = True,
) -> pd.DataFrame:
    """How many activities implement each instrument in each plan year.

    activities -> rows = `instruments` (default: conventions then programmes, Lists' order, then unlisted ones
    found), columns = every year in `years` (default: the activities' years), 0 for a gap. An activity with both a
    convention and a programme counts in both rows. `keep_empty=False` drops the rows with no activity at all.
    """
    years = sorted(int(y) for y in activities[ActivityColumn.YEAR].dropna().unique()) if years is None else list(years)
    rows = list(instruments) if instruments is not None else instrument_order(activities, lists)
    year = activities[ActivityColumn.YEAR].astype("Int64")
    counts = sum(
        cross_counts(activities[column], year, rows, years)
        for column in (ActivityColumn.CONVENTION, ActivityColumn.PROGRAMME)
    )
    matrix = counts.rename_axis(index=INSTRUMENT_COLUMN, columns="Year")
    return matrix if keep_empty else matrix[matrix.sum(axis=1) > 0]


def counted_cells(matrix: pd.DataFrame) -> list[tuple[str, int]]:
    """The (instrument, year) cells of a coverage matrix that count at least one activity, row by row."""
    rows, columns = np.nonzero(matrix.to_numpy())  # in row-major order
    return [(matrix.index[row], int(matrix.columns[column])) for row, column in zip(rows, columns)]


def convention_rows(matrix: pd.DataFrame, conventions: Iterable[str]) -> int:
    """How many of the matrix's first rows are conventions (the rest are programmes): where to draw the line."""
    conventions = set(conventions)
    return sum(name in conventions for name in matrix.index)


def activities_in_cell(activities: pd.DataFrame, instrument: str, year: int) -> pd.DataFrame:
    """The activities behind one cell of the coverage matrix."""
    implements = (activities[ActivityColumn.CONVENTION] == instrument) | (
        activities[ActivityColumn.PROGRAMME] == instrument
    )
    return activities[implements.fillna(False) & (activities[ActivityColumn.YEAR] == year).fillna(False)]
