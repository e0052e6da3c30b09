"""The Gantt's time axis: a label per quarter (or per year on long plans and phones), and grid lines at quarters."""

from __future__ import annotations

from datetime import date

import pandas as pd

from actionplan import words

from .common import (
    COMPACT_QUARTER_LINES_UP_TO,
    COMPACT_YEAR_LABELS,
    FULL_QUARTER_LABELS_UP_TO,
    NARROW_YEAR_LABELS,
    ONE_DAY,
    QUARTER_LABEL_ROOM,
    QUARTER_LABELS_UP_TO,
)

Ticks = tuple[list[str], list[str], list[str]]  # label positions, labels, grid lines: ISO dates but the labels


def axis_ticks(first: date, last: date, *, compact: bool = False, narrow: bool = False) -> Ticks:
    """The Gantt's axis from `first` to the day before `last` (its range), for the room the bars have.

    On a laptop (neither), a label per quarter (`quarter_ticks`). `compact` (rows by ID alone): years over a span of
    more than a year, thinned by `compact_ticks`. `narrow` (a phone, which the server knows from the browser, not
    its pixels) with rows labelled in full: the labels leave the bars about 80 px of 390, so years over any span, at
    most about NARROW_YEAR_LABELS of them (twelve quarters' labels there lay on top of one another)."""
    if narrow and not compact:
        return compact_ticks(*quarter_ticks(first, last - ONE_DAY, years_only=True), up_to=NARROW_YEAR_LABELS)
    ticks = quarter_ticks(first, last - ONE_DAY, years_only=compact and (last - first).days > 366)
    return compact_ticks(*ticks) if compact else ticks


def quarter_ticks(first: date, last: date, *, years_only: bool = False) -> Ticks:
    """The quarters from the one holding `first` to the one holding `last`.

    Returns (label positions: each quarter's middle, labels "Q1 2021"..., boundaries: each quarter's first day and
    the day after the last quarter), all positions as ISO dates.
    """
    starts = list(pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q"))
    # Where the language's quarter with its year is longer than the room (Russian: '1-й кв. 2021 г.'), a year's first
    # quarter is labelled by the year alone and the others by their quarter ('2021', '2-й кв.', ...): labels stay level.
    roomy = not starts or len(words.quarter(starts[0].year, 1)) <= QUARTER_LABEL_ROOM
    # Where the year leads the label (Turkmen '2021 1Ç'), every tick would open with the same year: it is said once
    # a year, on Q1 ('2021 1Ç', '2Ç', '3Ç', '4Ç', '2022 1Ç'), as English does over FULL_QUARTER_LABELS_UP_TO.
    year_first = bool(starts) and words.quarter(starts[0].year, 1).startswith(str(starts[0].year))
    full = roomy and not year_first and len(starts) <= FULL_QUARTER_LABELS_UP_TO
    middles, labels, bounds = [], [], []
    for quarter in starts:
        begin, end = quarter.start_time, quarter.end_time.normalize() + pd.Timedelta(days=1)
        bounds.append(begin.strftime("%Y-%m-%d"))
        if (
            years_only or len(starts) > QUARTER_LABELS_UP_TO
        ):  # many years, or a phone: years labelled, quarters as lines
            if quarter.quarter == 3 or (quarter is starts[0] and quarter.quarter == 4):
                middles.append(begin.strftime("%Y-%m-%d"))
                labels.append(str(quarter.year))
            continue
        middles.append((begin + (end - begin) / 2).strftime("%Y-%m-%d"))
        if not roomy and quarter.quarter == 1:
            labels.append(str(quarter.year))
        else:
            with_year = full or quarter.quarter == 1 or quarter is starts[0]  # the axis names its year
            labels.append(words.quarter(quarter.year, quarter.quarter, with_year=with_year))
    if starts:
        bounds.append((starts[-1].end_time.normalize() + pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    return middles, labels, bounds


def compact_ticks(
    middles: list[str], labels: list[str], bounds: list[str], *, up_to: int = COMPACT_YEAR_LABELS
) -> Ticks:
    """`quarter_ticks` for a narrow screen: at most about `up_to` year labels (every second year, third... over
    that) and, over COMPACT_QUARTER_LINES_UP_TO quarters, grid lines at the years only."""
    step = -(-len(labels) // up_to) if labels and all(label.isdigit() for label in labels) else 1
    if len(bounds) - 1 > COMPACT_QUARTER_LINES_UP_TO:
        bounds = [bounds[0], *(b for b in bounds[1:-1] if b.endswith("-01-01")), bounds[-1]]
    return middles[::step], labels[::step], bounds
