"""Gantt rows: the activities in timeline order, each with its group and row label."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .. import words
from .classify import NO_INSTRUMENT, domain_of, instrument_of

# How the Gantt groups its rows.
GROUP_YEAR_DOMAIN = "Year, then domain"
GROUP_INSTRUMENT = "Convention or programme"
GROUPINGS: tuple[str, ...] = (GROUP_YEAR_DOMAIN, GROUP_INSTRUMENT)

SHORT_TITLE_LENGTH = 50  # a Gantt row label: the hover and the Activities page have the whole event
GROUP_COLUMN = "Group"
LABEL_COLUMN = "Label"
TITLE_COLUMN = "Title"
INSTRUMENT_COLUMN = "Instrument"
DOMAIN_COLUMN = "Domain"


def gantt_rows(
    activities: pd.DataFrame,
    *,
    group_by: str = GROUP_YEAR_DOMAIN,
    domains: Sequence[str] = (),
    instruments: Sequence[str] = (),
) -> pd.DataFrame:
    """The activities in Gantt order, each with its group and row label.

    activities -> the same rows plus `Group` ("2021 · Culture", or the instrument), `Label`, `Title`,
    `Domain` (Unclassified filled in) and `Instrument`; sorted by year, domain (in `domains` order), start, ID
    — or, grouping by convention or programme, by instrument (in `instruments` order), year, start, ID.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {GROUPINGS}, not {group_by!r}")
    rows = activities.copy()
    rows[DOMAIN_COLUMN] = domain_of(rows)
    rows[INSTRUMENT_COLUMN] = instrument_of(rows)
    rows[TITLE_COLUMN] = [words.short_title(event) for event in rows["Event"]]
    rows[LABEL_COLUMN] = [words.activity_label(i, e) for i, e in zip(rows["ID"], rows["Event"])]
    domain_rank = _rank(rows[DOMAIN_COLUMN], domains)
    instrument_rank = _rank(rows[INSTRUMENT_COLUMN], [*instruments, NO_INSTRUMENT])
    year = rows["Year"].astype("Int64").fillna(0).astype(int)
    if group_by == GROUP_YEAR_DOMAIN:
        rows[GROUP_COLUMN] = [f"{y} · {d}" if y else d for y, d in zip(year, rows[DOMAIN_COLUMN])]
        keys = [year, domain_rank]
    else:
        rows[GROUP_COLUMN] = rows[INSTRUMENT_COLUMN]
        keys = [instrument_rank, year]
    order = pd.DataFrame(
        {"a": keys[0], "b": keys[1], "start": rows["Start"], "id": rows["ID"].astype(str)}, index=rows.index
    ).sort_values(["a", "b", "start", "id"], kind="stable", na_position="last")
    return rows.loc[order.index]


def _rank(values: pd.Series, order: Sequence[str]) -> pd.Series:
    """Position of each value in `order`; values not in it after all of them, alphabetically."""
    known = {value: position for position, value in enumerate(order)}
    unknown = sorted(set(values) - set(known))
    known.update({value: len(order) + position for position, value in enumerate(unknown)})
    return values.map(known)


def dated_steps(steps: pd.DataFrame, activity_ids: Iterable[str]) -> pd.DataFrame:
    """The mechanism steps of these activities that have their own dates, in activity then step order."""
    ids = set(activity_ids)
    chosen = steps[steps["Activity ID"].isin(ids) & steps["Start"].notna() & steps["End"].notna()]
    return chosen.sort_values(["Activity ID", "Step"], kind="stable")
