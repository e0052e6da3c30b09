"""Classification: each activity's domain and instrument, and the order they are shown in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..i18n import N_, _, current
from ..plan.contract import ActivityColumn
from ..plan.load import Lists
from ..plan.translations import ListLabels

UNCLASSIFIED = N_("Unclassified")  # an activity whose Domain cell is blank
NO_INSTRUMENT = N_("No convention or programme")  # translated where shown: _(NO_INSTRUMENT)


def app_word(value: object, labels: ListLabels | None = None) -> str:
    """A domain or instrument as shown: the app's own words ('Unclassified') translated, workbook text as it is,
    or as the Lists sheet names it in the reader's language (`Domain (ru)`); the value stays the key."""
    text = str(value)
    if text in (UNCLASSIFIED, NO_INSTRUMENT):
        return _(text)
    return labels.name(text, current().lang) if labels is not None else text


def named_rows(table: pd.DataFrame, labels: ListLabels) -> pd.DataFrame:
    """A display table (counts by domain, by instrument) with its rows named as the reader sees them (`app_word`):
    for a table whose row names are only shown, never keys of colours or filters."""
    return table.rename(index=lambda value: app_word(value, labels))


# ---------------------------------------------------------------------------------------------------------------
# Classification


def domain_of(activities: pd.DataFrame) -> pd.Series:
    """Each activity's domain, `Unclassified` where the cell is blank."""
    domain = activities[ActivityColumn.DOMAIN]
    shown = domain.to_numpy(dtype=object, na_value=UNCLASSIFIED)
    return pd.Series(shown, index=domain.index, name=domain.name, dtype=object)


def instrument_of(activities: pd.DataFrame) -> pd.Series:
    """Each activity's instrument: its convention, else its programme, else `No convention or programme`."""
    convention = activities[ActivityColumn.CONVENTION].astype(object)
    programme = activities[ActivityColumn.PROGRAMME].astype(object)
    return convention.where(convention.notna(), programme).where(convention.notna() | programme.notna(), NO_INSTRUMENT)


def _append_unlisted(order: list[str], found: Iterable[object]) -> list[str]:
    """Values found in the activities but missing from Lists go after the listed ones, sorted."""
    distinct = pd.Series(found, dtype=object).dropna().unique()  # distinct values first: thousands of rows, few values
    extra = sorted({str(value) for value in distinct} - set(order))
    return order + extra


def domain_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Domains as Lists orders them, then any domain typed in Activities only, then `Unclassified` if needed."""
    order = _append_unlisted(list(lists.domains), activities[ActivityColumn.DOMAIN])
    if activities[ActivityColumn.DOMAIN].isna().any():
        order.append(UNCLASSIFIED)
    return order


def convention_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Conventions as Lists orders them, then any typed in Activities only."""
    return _append_unlisted(list(lists.conventions), activities[ActivityColumn.CONVENTION])


def instrument_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Conventions then programmes, each as Lists orders them, then unlisted ones found in Activities."""
    conventions = convention_order(activities, lists)
    programmes = _append_unlisted(
        [p for p in lists.programmes if p not in conventions], activities[ActivityColumn.PROGRAMME]
    )
    return conventions + [p for p in programmes if p not in conventions]


@dataclass(frozen=True)
class PlanOrder:
    """The plan's domains, conventions and instruments in the order they are shown (Lists' order, the unlisted
    after): what rows and colours key on. It depends on the plan alone, so a caller that keeps it per version
    (`components.derived`) passes it to the page models instead of their working it out at every run."""

    domains: tuple[str, ...]
    conventions: tuple[str, ...]
    instruments: tuple[str, ...]

    @classmethod
    def of(cls, activities: pd.DataFrame, lists: Lists) -> PlanOrder:
        """The orders of these activities and lists (`domain_order`, `convention_order`, `instrument_order`)."""
        return cls(
            domains=tuple(domain_order(activities, lists)),
            conventions=tuple(convention_order(activities, lists)),
            instruments=tuple(instrument_order(activities, lists)),
        )
