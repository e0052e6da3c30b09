"""Gantt rows: the activities in timeline order, each with its group and row label, and the window of them drawn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import words
from ..i18n import N_, _
from ..plan.contract import ActivityColumn, StepColumn
from ..plan.counting import NOWHERE, places
from ..plan.status import AS_OF_ORDER, STATUS_AS_OF, label_of
from ..plan.translations import ListLabels
from .classify import NO_INSTRUMENT, app_word, domain_of, instrument_of

# How the Gantt groups its rows.
GROUP_YEAR_DOMAIN = N_("Year, then domain")  # the values stay English; shown with _(value)
GROUP_INSTRUMENT = N_("Convention or programme")
GROUPINGS: tuple[str, ...] = (GROUP_YEAR_DOMAIN, GROUP_INSTRUMENT)

SHORT_TITLE_LENGTH = 50  # a Gantt row label: the hover and the Activities page have the whole event
YEAR_JOIN = " · "  # a year-and-domain group: "2021 · Culture"
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
    labels: bool = True,
) -> pd.DataFrame:
    """The activities in Gantt order, each with its group and row label.

    activities -> the same rows plus `Group` ("2021 · Culture", or the instrument), `Label`, `Title`,
    `Domain` (Unclassified filled in) and `Instrument`; sorted by year, domain (in `domains` order), start, ID
    — or, grouping by convention or programme, by instrument (in `instruments` order), year, start, ID.
    `labels=False` leaves out `Label` and `Title` (`gantt_window` adds them to the rows it draws: cutting ten
    thousand titles is most of the time this takes).
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {GROUPINGS}, not {group_by!r}")
    domain = domain_of(activities).astype(object)
    instrument = instrument_of(activities).astype(object)
    year = activities[ActivityColumn.YEAR].astype("Int64").fillna(0).astype(int)
    if group_by == GROUP_YEAR_DOMAIN:
        group = (year.astype(str) + YEAR_JOIN + domain).where(year != 0, domain)
        keys = [year, _rank(domain, domains)]
    else:
        group = instrument
        keys = [_rank(instrument, [*instruments, NO_INSTRUMENT]), year]
    # Sort on the keys alone, then take the rows once in that order (one copy of the wide frame).
    order = pd.DataFrame(
        {
            "a": keys[0],
            "b": keys[1],
            "start": activities[ActivityColumn.START],
            "id": activities[ActivityColumn.ID].astype(object),
        },
        index=activities.index,
    ).sort_values(["a", "b", "start", "id"], kind="stable", na_position="last")
    rows = activities.loc[order.index].assign(
        **{
            DOMAIN_COLUMN: domain.loc[order.index],
            INSTRUMENT_COLUMN: instrument.loc[order.index],
            GROUP_COLUMN: group.loc[order.index].astype(object),
        }
    )
    return with_labels(rows) if labels else rows


def gantt_order(
    activities: pd.DataFrame,
    *,
    group_by: str = GROUP_YEAR_DOMAIN,
    domains: Sequence[str] = (),
    instruments: Sequence[str] = (),
) -> pd.DataFrame:
    """The Gantt order of these activities and their Domain, Instrument and Group, without their other columns:
    what `gantt_rows` (same options, labels aside) derives that depends on neither the as-of date nor the
    filters. `in_gantt_order` takes any subset of the activities in this order (one sort for every filter)."""
    keys = [ActivityColumn.ID, ActivityColumn.YEAR, ActivityColumn.START, ActivityColumn.DOMAIN]
    keys += [ActivityColumn.CONVENTION, ActivityColumn.PROGRAMME]
    some = activities[[key for key in keys if key in activities.columns]]
    rows = gantt_rows(some, group_by=group_by, domains=domains, instruments=instruments, labels=False)
    return rows[[DOMAIN_COLUMN, INSTRUMENT_COLUMN, GROUP_COLUMN]]


def in_gantt_order(order: pd.DataFrame, activities: pd.DataFrame) -> pd.DataFrame:
    """`gantt_rows(activities, labels=False)` from `gantt_order` of a superset of them (same index): the sort is
    stable on keys of each row alone, and an unlisted value ranks alphabetically after the listed ones in both,
    so a subset keeps the relative order the whole set has."""
    kept = order[order.index.isin(activities.index)]  # in Gantt order
    rows = activities.take(activities.index.get_indexer(kept.index))  # by position: no label alignment
    return rows.assign(**{column: kept[column].set_axis(rows.index) for column in kept.columns})


def group_name(group: object, labels: ListLabels | None = None) -> str:
    """A Gantt group as the reader sees it (the group itself stays the key): '2021 · Культура' for
    '2021 · Culture', a domain or instrument as the Lists sheet names it in the reader's language (`app_word`)."""
    year, joined, domain = str(group).partition(YEAR_JOIN)
    if joined and year.isdigit():
        return year + YEAR_JOIN + app_word(domain, labels)
    return app_word(group, labels)


def with_labels(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with `Title` (the event's first line, cut short) and `Label` (`ID · title`), if not there yet."""
    if LABEL_COLUMN in rows.columns:
        return rows
    titles = [words.short_title(event) for event in rows[ActivityColumn.EVENT]]
    return rows.assign(
        **{TITLE_COLUMN: titles, LABEL_COLUMN: [f"{i} · {t}" for i, t in zip(rows[ActivityColumn.ID], titles)]}
    )


def _rank(values: pd.Series, order: Sequence[str]) -> pd.Series:
    """Position of each value in `order`; values not in it after all of them, alphabetically."""
    known = {value: position for position, value in enumerate(order)}
    unknown = sorted(set(values) - set(known))
    known.update({value: len(order) + position for position, value in enumerate(unknown)})
    return values.map(known)


def dated_steps(steps: pd.DataFrame, activity_ids: Iterable[str]) -> pd.DataFrame:
    """The mechanism steps of these activities that have their own dates, in activity then step order."""
    ids = set(activity_ids)
    chosen = steps[
        steps[StepColumn.ACTIVITY_ID].isin(ids) & steps[StepColumn.START].notna() & steps[StepColumn.END].notna()
    ]
    return chosen.sort_values([StepColumn.ACTIVITY_ID, "Step"], kind="stable")


# ---------------------------------------------------------------------------------------------------------------
# A window on thousands of rows: groups closed to one summary row each, one group opened, paged.

COLLAPSE_OVER = 200  # more activities than this: each group is one summary row until it is opened
PER_PAGE = 150  # activity rows drawn at once in an opened group
COUNT_COLUMN = "Activities"
OPEN_COLUMN = "Open"
STATUS_COUNTS_COLUMN = "Statuses"


@dataclass(frozen=True, eq=False)
class GanttWindow:
    """Which of the Gantt rows are drawn.

    groups: one row per group in Gantt order (index = the group's name) with `Start` (earliest), `End` (latest),
    `Activities` (how many), `Domain` (its domain when all its activities share one, else None), `Statuses`
    ("Completed 3 · Upcoming 2", in AS_OF_ORDER) and `Open` (its activities are drawn).
    rows: the activity rows drawn, in Gantt order: every row when nothing is collapsed, else one page of the
    opened group. first, last: their 1-based positions within the opened group (or all rows); of: its size.
    """

    groups: pd.DataFrame
    rows: pd.DataFrame
    collapsed: bool
    opened: str | None
    page: int
    pages: int
    first: int
    last: int
    of: int

    @property
    def shown(self) -> str:
        """ "rows 1-150 of 1,234" (empty when every row is drawn)."""
        if not self.collapsed or self.opened is None:
            return ""
        return _("rows {first}-{last} of {of}").format(
            first=words.number(self.first), last=words.number(self.last), of=words.number(self.of)
        )


SMALL_WINDOW = 300  # rows up to this: the groups are tallied in one pass over plain lists (pandas' fixed costs for a
# few dozen rows were a tenth of the Timeline's rerun); over it, by pandas' grouped operations


def _groups(rows: pd.DataFrame) -> pd.DataFrame:
    """rows (one per activity) -> groups (one per group, in Gantt order): Start (earliest), End (latest),
    Activities, Domain (when all its activities share one, else None), Statuses ('Completed 3 · Upcoming 2')."""
    if len(rows) > SMALL_WINDOW:
        return _groups_grouped(rows)
    order = [str(status) for status in AS_OF_ORDER]
    tallies: dict[object, list] = {}  # group -> [first start, last end, count, domains, {status: count}]
    statuses = rows[STATUS_AS_OF].astype(str).tolist() if STATUS_AS_OF in rows.columns else [None] * len(rows)
    for group, start, end, domain, status in zip(
        rows[GROUP_COLUMN].tolist(),
        rows[ActivityColumn.START].tolist(),
        rows[ActivityColumn.END].tolist(),
        rows[DOMAIN_COLUMN].tolist(),
        statuses,
    ):
        tally = tallies.setdefault(group, [start, end, 0, set(), {}])
        tally[0], tally[1], tally[2] = min(tally[0], start), max(tally[1], end), tally[2] + 1
        tally[3].add(domain)
        tally[4][status] = tally[4].get(status, 0) + 1
    index = pd.Index(list(tallies), name=GROUP_COLUMN)
    spans = list(tallies.values())
    single = [next(iter(t[3])) if len(t[3]) == 1 else None for t in spans]
    groups = pd.DataFrame(
        {
            "Start": pd.Series([t[0] for t in spans], index=index, dtype=rows[ActivityColumn.START].dtype),
            "End": pd.Series([t[1] for t in spans], index=index, dtype=rows[ActivityColumn.END].dtype),
            COUNT_COLUMN: pd.Series([t[2] for t in spans], index=index, dtype="int64"),
            DOMAIN_COLUMN: pd.Series(single, index=index, dtype=object),
        }
    )
    counted = STATUS_AS_OF in rows.columns
    groups[STATUS_COUNTS_COLUMN] = pd.Series(
        [
            " · ".join(f"{label_of(name)} {words.number(t[4][name])}" for name in order if t[4].get(name))
            if counted
            else ""
            for t in spans
        ],
        index=index,
        dtype="str",
    )
    return groups


def _groups_grouped(rows: pd.DataFrame) -> pd.DataFrame:
    """`_groups` over thousands of rows: each row's group, domain and status as integer codes, counted by numpy
    (pandas' grouped operations hashed the ten thousand texts once per aggregate)."""
    group_codes, names = pd.factorize(rows[GROUP_COLUMN].astype(object), use_na_sentinel=False)  # first seen first
    index = pd.Index(list(names), name=GROUP_COLUMN)
    domain_codes, domains = pd.factorize(rows[DOMAIN_COLUMN].astype(object))  # a blank domain: -1
    ranks = pd.Series(np.arange(len(rows)))
    by_group = ranks.groupby(group_codes, sort=True)
    has_domain = domain_codes >= 0
    # A group's domain: the one its activities share (missing ones aside), else None.
    pairs = np.unique(group_codes[has_domain] * max(len(domains), 1) + domain_codes[has_domain])
    shared = np.bincount(pairs // max(len(domains), 1), minlength=len(index)) == 1
    first_domain = pd.Series(domain_codes).where(has_domain).groupby(group_codes, sort=True).first()
    domain = [domains[int(first_domain[g])] if shared[g] else None for g in range(len(index))]
    groups = pd.DataFrame(
        {
            "Start": rows[ActivityColumn.START].groupby(group_codes, sort=True).min().set_axis(index),
            "End": rows[ActivityColumn.END].groupby(group_codes, sort=True).max().set_axis(index),
            COUNT_COLUMN: pd.Series(by_group.size().to_numpy(), index=index, dtype="int64"),
            DOMAIN_COLUMN: pd.Series(domain, index=index, dtype=object),
        }
    )
    groups[STATUS_COUNTS_COLUMN] = ""
    if STATUS_AS_OF in rows.columns and len(rows):
        order = [str(status) for status in AS_OF_ORDER]
        status_codes = places(rows[STATUS_AS_OF], order)
        known = status_codes != NOWHERE
        tallies = np.bincount(
            group_codes[known] * len(order) + status_codes[known], minlength=len(index) * len(order)
        ).reshape(len(index), len(order))
        groups[STATUS_COUNTS_COLUMN] = [
            " · ".join(f"{label_of(name)} {words.number(count)}" for name, count in zip(order, counts) if count)
            for counts in tallies
        ]
    return groups


def gantt_window(
    rows: pd.DataFrame,
    *,
    opened: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    collapse_over: int = COLLAPSE_OVER,
) -> GanttWindow:
    """The rows to draw: all of them up to `collapse_over`; beyond it, every group closed to a summary row except
    `opened`, whose activities are drawn `per_page` at a time (`page` counts from 1, clamped to the pages there are).

    rows: as `gantt_rows` returns them, with `Status as of` derived (the view's `apply`).
    """
    groups = _groups(rows)
    collapsed = len(rows) > collapse_over
    if not collapsed:
        groups[OPEN_COLUMN] = True
        drawn = with_labels(rows)
        return GanttWindow(groups, drawn, False, None, 1, 1, 1 if len(rows) else 0, len(rows), len(rows))
    opened = opened if opened in groups.index else None
    groups[OPEN_COLUMN] = groups.index == opened
    if opened is None:
        return GanttWindow(groups, with_labels(rows.iloc[0:0]), True, None, 1, 1, 0, 0, 0)
    members = rows[rows[GROUP_COLUMN] == opened]
    pages = max(1, -(-len(members) // per_page))
    page = min(max(1, page), pages)
    shown = with_labels(members.iloc[(page - 1) * per_page : page * per_page])
    first = (page - 1) * per_page + 1
    return GanttWindow(groups, shown, True, opened, page, pages, first, first + len(shown) - 1, len(members))
