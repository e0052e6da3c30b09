"""One model per dashboard page: what the page shows, computed from the plan and the shared filters.

A page file reads the filters, asks its model here, and draws it; every reshaping and every sentence built from
numbers lives here, where it is tested without Streamlit. Text that came from the workbook stays raw in a model:
the page escapes it (`words.md_text`) where it reaches Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .. import words
from ..i18n import N_, _, current, n_
from ..plan.contract import ActivityColumn, MilestoneColumn
from ..plan.load import Plan
from ..plan.portfolio import WORKBOOK_COLUMN, shared_ids
from ..plan.status import Reported
from ..plan.translations import milestone_name
from .activity import activity_table
from .classify import NO_INSTRUMENT, UNCLASSIFIED, PlanOrder, app_word, named_rows
from .counts import (
    by_domain,
    by_domain_and_year,
    by_plan,
    by_year_and_status,
    counts_by_reported_status,
    counts_by_status,
    headline,
    reporting,
)
from .coverage import activities_in_cell, convention_rows, counted_cells, coverage_matrix
from .filters import Filters
from .gantt import DOMAIN_COLUMN, INSTRUMENT_COLUMN, gantt_rows, in_gantt_order
from .milestones import due_before, next_milestones
from .progress import Trend, reported_trend

MILESTONES_AHEAD = 3
ALL = N_("All")  # the drill-down's choice of every convention and programme in a domain

# ---------------------------------------------------------------------------------------------------------------
# Overview


@dataclass(frozen=True, eq=False)
class MilestoneAhead:
    """A milestone still ahead, and the open activities that end between the previous one (or the as-of date)
    and it."""

    name: str
    when: str  # '7–22 Nov 2023'
    place: str
    since: date
    due: pd.DataFrame

    @property
    def due_line(self) -> str:
        """'3 open activities end between 6 Nov 2023 and this milestone:' or the sentence saying none do."""
        since = words.day(self.since)
        if self.due.empty:
            return _("No open activity ends between {day} and this milestone.").format(day=since)
        return n_(
            "{n} open activity ends between {day} and this milestone:",
            "{n} open activities end between {day} and this milestone:",
            len(self.due),
        ).format(n=len(self.due), day=since)


@dataclass(frozen=True, eq=False)
class OverviewModel:
    """The headline sentence, the counts behind the cards and charts, and the milestones ahead."""

    headline: str
    counts: pd.Series  # as-of status -> count, every status in order
    reported: pd.Series  # reported status -> count, Not reported last
    anyone_reported: bool
    reporting: str  # '5 of 42 activities have a reported status; 37 not reported.'
    total: int
    by_year: pd.DataFrame
    by_domain: pd.DataFrame
    by_plan: pd.DataFrame  # a portfolio: counts per workbook (no rows for a single workbook)
    ahead: tuple[MilestoneAhead, ...]
    no_milestone_ahead: str  # '' when some milestone is ahead
    trend: Trend  # reported status by domain on each check-in day (progress over time)


def overview(plan: Plan, view: Filters, acts: pd.DataFrame, *, plan_order: PlanOrder | None = None) -> OverviewModel:
    """The Overview of the activities the filters select (`acts`, as `Filters.apply` returns them). `plan_order` is
    the plan's `PlanOrder`, when the caller keeps it."""
    counts = counts_by_status(acts)
    reported = counts_by_reported_status(acts)
    domains = list((plan_order or PlanOrder.of(plan.activities, plan.lists)).domains)
    ahead = []
    since = view.as_of
    # What a milestone's list shows and chooses by: four columns taken once, not every column per milestone.
    dated = acts[
        [ActivityColumn.ID, ActivityColumn.EVENT, ActivityColumn.START, ActivityColumn.END, ActivityColumn.STATUS]
    ]
    for _position, milestone in next_milestones(plan.milestones, view.as_of, n=MILESTONES_AHEAD).iterrows():
        starts = milestone[MilestoneColumn.DATE].date()
        ahead.append(
            MilestoneAhead(
                name=milestone_name(milestone),
                when=words.span(milestone[MilestoneColumn.DATE], milestone[MilestoneColumn.END]),
                place=words.cell_text(milestone.get(MilestoneColumn.PLACE)),
                since=since,
                due=due_before(dated, since, starts),
            )
        )
        since = starts
    return OverviewModel(
        headline=headline(counts, view.as_of),
        counts=counts,
        reported=reported,
        anyone_reported=int(reported[Reported.NOT_REPORTED]) < len(acts),
        reporting=reporting(reported),
        total=len(acts),
        by_year=by_year_and_status(acts, plan.years),
        by_domain=named_rows(by_domain(acts, domains), plan.labels),
        by_plan=by_plan(acts),
        ahead=tuple(ahead),
        no_milestone_ahead="" if ahead else _no_milestone_ahead(plan.milestones, view.as_of),
        trend=reported_trend(acts, plan.checkins, view.as_of, domains),
    )


def _no_milestone_ahead(milestones: pd.DataFrame, as_of: date) -> str:
    said = [_("No milestone after {day} in the Milestones sheet.").format(day=words.day(as_of))]
    if len(milestones):
        final = milestones.iloc[-1]
        name = milestone_name(final)
        when = words.span(final[MilestoneColumn.DATE], final[MilestoneColumn.END])
        said.append(_("The last one there: {name}, {when}.").format(name=name, when=when))
    said.append(
        _(
            "Add the next one (e.g. the next General Conference session) to see what falls due before it — or "
            "pick an earlier '{as_of}' date in the sidebar."
        ).format(as_of=_("Status as of"))
    )
    return " ".join(said)


# ---------------------------------------------------------------------------------------------------------------
# Domains


@dataclass(frozen=True, eq=False)
class DomainsModel:
    """Counts by domain and year and by domain and status, and the rows behind the drill-down."""

    domains: tuple[str, ...]  # every domain of the plan, in Lists order (for stable colours)
    by_year: pd.DataFrame
    by_status: pd.DataFrame
    rows: pd.DataFrame  # the selected activities with Domain (Unclassified filled in) and Instrument
    wheel: pd.DataFrame  # `rows` with only what the drill-down wheel and its words read: ID, Event, Domain, Instrument
    present: tuple[tuple[str, int], ...]  # (domain, activities) for the domains with some selected activity
    instrument_order: tuple[str, ...] = field(default=())

    def instruments_in(self, domain: str) -> tuple[tuple[str, int], ...]:
        """(instrument, activities) within a domain, conventions then programmes, then none."""
        in_domain = self.rows[self.rows[DOMAIN_COLUMN] == domain]
        counts = in_domain[INSTRUMENT_COLUMN].value_counts()
        return tuple((name, int(counts[name])) for name in self.instrument_order if name in counts.index)

    def chosen(self, domain: str, instrument: str = ALL) -> pd.DataFrame:
        """The activities of a domain, and of one of its instruments unless `ALL`."""
        rows = self.rows[self.rows[DOMAIN_COLUMN] == domain]
        return rows if instrument == ALL else rows[rows[INSTRUMENT_COLUMN] == instrument]


def domains_page(
    plan: Plan, acts: pd.DataFrame, *, order: pd.DataFrame | None = None, plan_order: PlanOrder | None = None
) -> DomainsModel:
    """The Domains page for the selected activities. `order` is `gantt_order` of all the plan's activities grouped
    by year and domain, and `plan_order` the plan's `PlanOrder`, when the caller keeps them (they depend only on the
    plan): the rows are then taken in that order instead of sorted again."""
    plan_order = plan_order or PlanOrder.of(plan.activities, plan.lists)
    domains = list(plan_order.domains)
    # the drill-down lists ID and event, not row labels
    rows = gantt_rows(acts, domains=domains, labels=False) if order is None else in_gantt_order(order, acts)
    counts = rows[DOMAIN_COLUMN].value_counts()
    return DomainsModel(
        domains=tuple(domains),
        by_year=by_domain_and_year(acts, domains, plan.years),
        by_status=named_rows(by_domain(acts, domains), plan.labels),
        rows=rows,
        wheel=rows[[ActivityColumn.ID, ActivityColumn.EVENT, DOMAIN_COLUMN, INSTRUMENT_COLUMN]],
        present=tuple((domain, int(counts[domain])) for domain in domains if domain in counts.index),
        instrument_order=(*plan_order.instruments, NO_INSTRUMENT),
    )


def chosen_caption(domain: str, instrument: str, chosen: pd.DataFrame) -> str:
    """'Culture · 1972 Convention: 3 activities' (raw workbook text: escape before Markdown)."""
    own = (UNCLASSIFIED, NO_INSTRUMENT)  # the app's words among the workbook's
    named = [_(name) if name in own else name for name in (domain, *([instrument] if instrument != ALL else []))]
    return f"{' · '.join(named)}: {words.activities(len(chosen))}"


# ---------------------------------------------------------------------------------------------------------------
# Conventions & programmes


@dataclass(frozen=True, eq=False)
class CoverageModel:
    """The coverage matrix instrument x year, full titles, and the cells that count some activity."""

    matrix: pd.DataFrame
    titles: dict[str, str]  # instrument -> full title (its own name where Lists gives none)
    conventions: int  # how many of the matrix's first rows are conventions
    cells: tuple[tuple[str, int], ...]
    names: dict[str, str] = field(default_factory=dict)  # instrument -> its name in the reader's language (Lists)

    @property
    def titled(self) -> tuple[str, ...]:
        """The instruments whose full title differs from their name, in matrix order."""
        return tuple(name for name in self.matrix.index if self.titles[name] != name)

    def cell_label(self, cell: tuple[str, int]) -> str:
        """'1972 Convention · 2021 (3)', the instrument named as in `names`; the cell stays keyed on the value."""
        name, year = cell
        return f"{self.names.get(name, name)} · {year} ({int(self.matrix.loc[name, year])})"


def coverage_page(
    plan: Plan, acts: pd.DataFrame, *, keep_empty: bool, plan_order: PlanOrder | None = None
) -> CoverageModel:
    """The Conventions & programmes page for the selected activities (`plan_order`: the plan's `PlanOrder`, when the
    caller keeps it)."""
    plan_order = plan_order or PlanOrder.of(plan.activities, plan.lists)
    matrix = coverage_matrix(acts, plan.lists, plan.years, keep_empty=keep_empty, instruments=plan_order.instruments)
    return CoverageModel(
        matrix=matrix,
        titles={name: plan.labels.title(plan.lists, name, current().lang) for name in matrix.index},
        conventions=convention_rows(matrix, plan_order.conventions),
        cells=tuple(counted_cells(matrix)),
        names={name: app_word(name, plan.labels) for name in matrix.index},
    )


def cell_activities(acts: pd.DataFrame, cell: tuple[str, int]) -> pd.DataFrame:
    """The activities behind one counted cell."""
    return activities_in_cell(acts, cell[0], int(cell[1]))


# ---------------------------------------------------------------------------------------------------------------
# Activities


@dataclass(frozen=True, eq=False)
class ActivitiesModel:
    """The table of selected activities, the IDs offered to open, and the one opened by a link, if any."""

    table: pd.DataFrame
    ids: tuple[str, ...]  # the selected IDs, plus the opened one when it lies outside the filters
    titles: dict[str, str]  # ID -> Event, for every activity of the plan
    opened: pd.Series | None  # the opened activity with its status as of the date
    opened_outside_filters: bool
    unknown_id: str  # an ?id= that names no activity ('' when none)
    # In a portfolio, the plans shown whose activities include the ?id= when more than one does (IDs are unique
    # only within a plan): none is opened until one plan is picked.
    plans_with_id: tuple[str, ...] = ()
    shared_ids: tuple[str, ...] = ()  # IDs that more than one of the plans shown uses (the Plan column tells apart)


def activities_page(plan: Plan, view: Filters, acts: pd.DataFrame, opened_id: str | None) -> ActivitiesModel:
    """The Activities page: the selected activities and, when `opened_id` names one, that activity in full."""
    everything = plan.activities
    ids = list(dict.fromkeys(str(activity_id) for activity_id in acts[ActivityColumn.ID]))  # a portfolio repeats some
    # Only the opened activity needs its status as of the date (not every activity of a portfolio).
    named = everything[everything[ActivityColumn.ID] == opened_id] if opened_id else everything.iloc[0:0]
    if view.plans and WORKBOOK_COLUMN in named.columns:  # the Plan filter says which plan's activity is meant
        named = named[named[WORKBOOK_COLUMN].isin(view.plans)]
    plans_with_id = tuple(named[WORKBOOK_COLUMN]) if len(named) > 1 and WORKBOOK_COLUMN in named.columns else ()
    known = Filters(as_of=view.as_of).apply(named, plan.checkins) if not plans_with_id else named.iloc[0:0]
    opened = known.iloc[0] if len(known) else None
    outside = opened is not None and opened_id not in ids
    return ActivitiesModel(
        table=activity_table(acts),
        ids=tuple([*ids, opened_id] if outside and opened_id else ids),
        titles=dict(zip(everything[ActivityColumn.ID].astype(str), everything[ActivityColumn.EVENT], strict=True)),
        opened=opened,
        opened_outside_filters=outside,
        unknown_id=opened_id if opened_id and named.empty else "",
        plans_with_id=plans_with_id,
        shared_ids=shared_ids(acts),
    )
