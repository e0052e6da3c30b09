"""Milestones ahead, what falls due before them, and the as-of dates worth one click."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import words
from ..plan.contract import ActivityColumn, MilestoneColumn
from ..plan.status import AsOf, Reported
from ..plan.translations import milestone_name

# ---------------------------------------------------------------------------------------------------------------
# Milestones and what falls due


def next_milestones(milestones: pd.DataFrame, as_of: date, n: int = 3) -> pd.DataFrame:
    """The first `n` milestones not yet over on `as_of` (a session under way counts), by date."""
    ends = milestones[MilestoneColumn.END].fillna(milestones[MilestoneColumn.DATE])
    return milestones[ends >= pd.Timestamp(as_of)].sort_values(MilestoneColumn.DATE, kind="stable").head(n)


def due_before(activities: pd.DataFrame, as_of: date, until: date) -> pd.DataFrame:
    """Open activities whose end falls on or after `as_of` and before `until`, soonest first.

    An activity whose reported status settles it against its dates (`AsOf.dates_hold` is False: Completed,
    Postponed, Cancelled) is not due.
    """
    settled = [str(reported) for reported in Reported if not _dates_hold(reported)]
    open_ = ~activities[ActivityColumn.STATUS].isin(settled).to_numpy(dtype=bool)
    ends = activities[ActivityColumn.END].to_numpy()  # a missing end (NaT) is never within the window
    positions = np.flatnonzero(open_ & (ends >= np.datetime64(as_of)) & (ends < np.datetime64(until)))
    # The rows due sorted by end then ID (a stable lexsort), then taken in one go: a frame's filter and sort_values
    # cost more than the Overview's other counts together.
    ids = activities[ActivityColumn.ID].to_numpy(dtype=object)[positions]
    return activities.iloc[positions[np.lexsort((ids, ends[positions]))]]


@dataclass(frozen=True)
class QuickDate:
    """An as-of date worth one click: the eve of a milestone."""

    label: str
    day: date
    name: str


def milestone_eves(milestones: pd.DataFrame) -> list[QuickDate]:
    """The day before each milestone starts, e.g. 8 Nov 2021 for the 41st General Conference (9 Nov 2021)."""
    eves = []
    for _, milestone in milestones.sort_values(MilestoneColumn.DATE, kind="stable").iterrows():
        day = milestone[MilestoneColumn.DATE].date() - timedelta(days=1)
        eves.append(QuickDate(words.day(day), day, milestone_name(milestone)))
    return eves


def _dates_hold(reported: Reported) -> bool:
    closing = AsOf.closing(reported)
    return closing is None or closing.dates_hold
