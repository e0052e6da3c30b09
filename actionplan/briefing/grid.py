"""The timeline of a briefing as data: activities by quarter, with the session's quarters marked."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import words
from ..i18n import DEFAULT, N_, _, current
from ..plan import contract
from ..plan.contract import ActivityColumn
from .scope import Scope
from .text import one_line


@dataclass(frozen=True, eq=False)
class QuarterGrid:
    """The timeline as data: one row per activity in scope, one column per quarter, True where its dates fall.

    cells: index = activity ID (sorted), columns = quarter labels ("2023 Q2"), values bool.
    labels: the row label of each activity ("2023-02 Implementation of the UNESCO 1972 ..."), same index.
    reported: the reported status of each activity (Postponed, Completed ... shown beside the bars), same index.
    session_quarters: the quarter labels the session (or range) touches.
    """

    cells: pd.DataFrame
    labels: pd.Series
    session_quarters: tuple[str, ...]
    reported: pd.Series | None = None


def quarter_grid(activities: pd.DataFrame, scope: Scope) -> QuarterGrid:
    """Activities x quarters, from the first quarter any of them (or the reporting period) touches to the last.

    Shape: (activities in scope) x (quarters), True where the activity's Start..End overlaps the quarter.
    """
    dated = activities.dropna(subset=[ActivityColumn.START, "End"])
    # Column minima, not Python's min over every Timestamp (thousands of activities in a portfolio).
    first, last = pd.Timestamp(scope.period_start), pd.Timestamp(scope.end)
    if len(dated):
        first, last = min(first, dated[ActivityColumn.START].min()), max(last, dated[ActivityColumn.END].max())
    quarters = pd.period_range(first.to_period("Q"), last.to_period("Q"), freq="Q")
    columns = [quarter_label(q) for q in quarters]
    # activities x quarters in one comparison (a missing date compares False: not scheduled there)
    starts = activities[ActivityColumn.START].to_numpy(dtype="datetime64[ns]")[:, None]
    ends = activities[ActivityColumn.END].to_numpy(dtype="datetime64[ns]")[:, None]
    q_starts = np.array([q.start_time.normalize().to_datetime64() for q in quarters], dtype="datetime64[ns]")
    q_ends = np.array([q.end_time.normalize().to_datetime64() for q in quarters], dtype="datetime64[ns]")
    cells = pd.DataFrame(
        (starts <= q_ends[None, :]) & (ends >= q_starts[None, :]),
        index=pd.Index(activities[ActivityColumn.ID].astype(str), name="ID"),
        columns=columns,
    )
    touched = tuple(
        label
        for quarter, label in zip(quarters, columns)
        if quarter.start_time.date() <= scope.end and quarter.end_time.date() >= scope.start
    )
    events = activities[ActivityColumn.EVENT].astype(object)
    lines = {event: one_line(event) for event in dict.fromkeys(events)}  # each distinct event once
    labels = pd.Series(
        [f"{i} {lines[e]}" for i, e in zip(activities[ActivityColumn.ID], events)],
        index=cells.index,
        name="Activity",
    )
    reported = pd.Series(activities[contract.REPORTED_STATUS].astype(str).to_numpy(), index=cells.index)
    return QuarterGrid(cells, labels, touched, reported)


def quarter_label(quarter: pd.Period) -> str:
    """'2023 Q2'."""
    return f"{quarter.year} Q{quarter.quarter}"


def quarter_parts(label: str) -> tuple[int, int]:
    """(2023, 2) from the grid's key '2023 Q2'."""
    year, quarter = label.split(" ")
    return int(year), int(quarter.removeprefix("Q"))


def quarter_name(label: str) -> str:
    """The grid's key '2023 Q2' as the reader says a quarter: 'Q2 2023', '2-й кв. 2023 г.', '2023 2Ç'."""
    return words.quarter(*quarter_parts(label))


# A quarter over a narrow column of the grid, shorter than CLDR's abbreviation where that is long ('3-й кв.'):
# 'Q3' in English, 'III кв.' in Russian, '3Ç' in Turkmen.
QUARTER_HEADS: tuple[str, ...] = (N_("Q1"), N_("Q2"), N_("Q3"), N_("Q4"))


def quarter_head(label: str) -> str:
    """A quarter column's narrow heading on two lines: 'Q2' over '23' ('II кв.' over '2023')."""
    year, quarter = quarter_parts(label)
    return f"{_(QUARTER_HEADS[quarter - 1])}\n{str(year)[2:] if current().lang == DEFAULT else year}"
