"""The shared filters every page applies, and how they travel in a link's query string."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..plan.checkins import activities_as_of
from ..plan.contract import ActivityColumn
from ..plan.load import Lists
from ..plan.portfolio import WORKBOOK_COLUMN
from ..plan.status import AS_OF_ORDER, STATUS_AS_OF
from .classify import domain_of, domain_order, instrument_order

# Columns the free-text search looks in.
SEARCH_COLUMNS: tuple[str, ...] = (
    ActivityColumn.ID,
    ActivityColumn.EVENT,
    ActivityColumn.TERMS,
    ActivityColumn.LOCATIONS,
    ActivityColumn.NOTES,
    ActivityColumn.PROGRAMME,
    ActivityColumn.CONVENTION,
)

# Query-string keys: a link such as ?year=2021&domain=Culture&as_of=2021-11-08 reproduces a view.
Q_YEAR, Q_DOMAIN, Q_INSTRUMENT, Q_STATUS, Q_TEXT, Q_AS_OF = "year", "domain", "instrument", "status", "q", "as_of"
Q_PLAN = "plan"  # a portfolio (a folder of workbooks): ?plan=plan-2024-2026.xlsx
QUERY_KEYS: tuple[str, ...] = (Q_PLAN, Q_YEAR, Q_DOMAIN, Q_INSTRUMENT, Q_STATUS, Q_TEXT, Q_AS_OF)
Q_ACTIVITY = "id"  # the Activities page: ?id=2021-04 opens one activity


# ---------------------------------------------------------------------------------------------------------------
# Filters


@dataclass(frozen=True)
class FilterOptions:
    """What each filter can offer, in display order, all taken from the workbook."""

    years: tuple[int, ...] = ()
    domains: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = AS_OF_ORDER
    plans: tuple[str, ...] = ()  # the workbooks of a portfolio, by file name; none for a single workbook


@dataclass(frozen=True)
class Filters:
    """The view every page shows: which activities (empty tuple = no restriction) and the as-of date.

    `apply` keeps the activities that match every filter given, with their `Status as of` added.
    """

    years: tuple[int, ...] = ()
    domains: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    text: str = ""
    as_of: date = field(default_factory=date.today)
    plans: tuple[str, ...] = ()  # in a portfolio: the workbooks shown, by file name

    @property
    def narrows(self) -> bool:
        """True when any filter other than the as-of date restricts the activities."""
        return bool(self.plans or self.years or self.domains or self.instruments or self.statuses or self.text.strip())

    def apply(self, activities: pd.DataFrame, checkins: pd.DataFrame | None = None) -> pd.DataFrame:
        """A copy of the matching activities with a `Status as of` column (as of `self.as_of`), each with its
        report as it stood that day when the plan's `checkins` are given (`checkins.reported_as_of`)."""
        shown = activities_as_of(activities, checkins, self.as_of)  # a copy already
        if not self.narrows:
            return shown  # every row: no mask, no second copy
        keep = pd.Series(True, index=shown.index)
        if self.plans and WORKBOOK_COLUMN in shown.columns:
            keep &= shown[WORKBOOK_COLUMN].isin(self.plans).to_numpy()
        if self.years:
            keep &= shown[ActivityColumn.YEAR].isin(self.years).fillna(False).astype(bool)
        if self.domains:
            keep &= domain_of(shown).isin(self.domains)
        if self.instruments:
            keep &= shown[ActivityColumn.CONVENTION].isin(self.instruments) | shown[ActivityColumn.PROGRAMME].isin(
                self.instruments
            )
        if self.statuses:
            keep &= shown[STATUS_AS_OF].astype(object).isin(self.statuses)
        needle = self.text.strip().casefold()
        if needle:
            keep &= _search_text(shown).str.contains(needle, regex=False)
        return shown[keep]

    def describe(self, say: Callable[[str], str] = str) -> str:
        """The filters in words, for a caption under a page title ('' when nothing narrows); `say` shows a chosen
        value in the reader's language (a status, 'Unclassified'; workbook text as it is)."""
        parts = [", ".join(self.plans)] if self.plans else []
        if self.years:
            parts.append(", ".join(str(year) for year in self.years))
        parts += [
            ", ".join(say(value) for value in chosen)
            for chosen in (self.domains, self.instruments, self.statuses)
            if chosen
        ]
        if self.text.strip():
            parts.append(f'"{self.text.strip()}"')
        return " · ".join(parts)

    def query(self, today: date) -> dict[str, list[str]]:
        """The filters as query-string values; a key is left out when it does not narrow (as_of: when today)."""
        values = {
            Q_PLAN: list(self.plans),
            Q_YEAR: [str(year) for year in self.years],
            Q_DOMAIN: list(self.domains),
            Q_INSTRUMENT: list(self.instruments),
            Q_STATUS: list(self.statuses),
            Q_TEXT: [self.text] if self.text.strip() else [],
            Q_AS_OF: [] if self.as_of == today else [self.as_of.isoformat()],
        }
        return {key: value for key, value in values.items() if value}

    @classmethod
    def from_query(cls, params: Mapping[str, Sequence[str]], options: FilterOptions, today: date) -> Filters:
        """Filters from query-string values (each key -> its list of values); unknown values are ignored."""

        def known(key: str, allowed: Sequence[object]) -> tuple:
            by_text = {str(value).casefold(): value for value in allowed}
            picked = [
                by_text[value.strip().casefold()]
                for value in params.get(key, ())
                if value.strip().casefold() in by_text
            ]
            return tuple(dict.fromkeys(picked))

        text = " ".join(value.strip() for value in params.get(Q_TEXT, ()) if value.strip())
        return cls(
            known(Q_YEAR, options.years),
            known(Q_DOMAIN, options.domains),
            known(Q_INSTRUMENT, options.instruments),
            known(Q_STATUS, options.statuses),
            text,
            _iso_date(params.get(Q_AS_OF, ())) or today,
            known(Q_PLAN, options.plans),
        )

    def within(self, options: FilterOptions) -> Filters:
        """The same filters without the values the workbook no longer offers (after an edit or a reload)."""
        return Filters(
            tuple(v for v in self.years if v in options.years),
            tuple(v for v in self.domains if v in options.domains),
            tuple(v for v in self.instruments if v in options.instruments),
            tuple(v for v in self.statuses if v in options.statuses),
            self.text,
            self.as_of,
            tuple(v for v in self.plans if v in options.plans),
        )


def _iso_date(values: Sequence[str]) -> date | None:
    for value in values:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            continue
    return None


def _search_text(activities: pd.DataFrame) -> pd.Series:
    """One lower-case string per activity holding every searched column."""
    present = [column for column in SEARCH_COLUMNS if column in activities.columns]
    joined = activities[present].astype(object).where(activities[present].notna(), "").astype(str)
    return joined.agg(" ".join, axis=1).str.casefold() if present else pd.Series("", index=activities.index)


def filter_options(activities: pd.DataFrame, lists: Lists) -> FilterOptions:
    """The filter choices for a plan: its years, its domains and its instruments, in the workbook's order."""
    years = tuple(sorted(int(year) for year in activities[ActivityColumn.YEAR].dropna().unique()))
    plans = tuple(activities[WORKBOOK_COLUMN].unique()) if WORKBOOK_COLUMN in activities.columns else ()
    return FilterOptions(
        years, tuple(domain_order(activities, lists)), tuple(instrument_order(activities, lists)), plans=plans
    )
