"""One activity in full, its steps, and the table of activities people scan."""

from __future__ import annotations

import pandas as pd

from .. import words
from ..i18n import N_, _, current
from ..plan.contract import ActivityColumn as A
from ..plan.contract import Derived
from ..plan.contract import StepColumn as S
from ..plan.load import Lists
from ..plan.status import STATUS_AS_OF, Reported, label_of, meaning_of
from ..plan.translations import ListLabels
from .classify import UNCLASSIFIED
from .filters import Q_ACTIVITY
from .gantt import TITLE_COLUMN

# How a column of the workbook is named on screen (the workbook's own header stays English: it is the contract).
COLUMN_LABELS: dict[str, str] = {
    A.ID: N_("ID"),
    A.YEAR: N_("Year"),
    A.EVENT: N_("Event"),
    A.TERMS: N_("Terms"),
    A.START: N_("Start"),
    A.END: N_("End"),
    A.DOMAIN: N_("Domain"),
    A.CONVENTION: N_("Convention"),
    A.PROGRAMME: N_("Programme"),
    A.COUNTERPART: N_("UNESCO counterpart"),
    A.LEAD: N_("National lead"),
    A.LOCATIONS: N_("Locations"),
    A.STATUS: N_("Status"),
    A.PROGRESS: N_("Progress %"),
    A.LAST_UPDATE: N_("Last update"),
    A.NOTES: N_("Notes"),
    Derived.REPORTED_STATUS: N_("Reported status"),
    S.STEP: N_("Step"),
    S.DESCRIPTION: N_("Description"),
}
# Where an activity's dates came from (the loader's words) and how precise they are, as a reader is told.
DATES_FROM: dict[str, str] = {
    "Terms": N_("from terms"),
    "Start/End cells": N_("from start/end cells"),
    "Start/End cells and Terms": N_("from start/end cells and terms"),
    "Plan year (terms not understood)": N_("from the plan year (terms not understood)"),
}
PRECISION: dict[str, str] = {
    "day": N_("day precision"),
    "month": N_("month precision"),
    "quarter": N_("quarter precision"),
    "half": N_("half-year precision"),
    "year": N_("year precision"),
}


def column_label(column: str) -> str:
    """A workbook column as a reader sees it: 'Terms' -> 'Сроки исполнения' (other names as they are)."""
    return _(COLUMN_LABELS[column]) if column in COLUMN_LABELS else str(column)


def _dates(activity: pd.Series) -> str:
    """'1 Mar – 31 Dec 2021 (from terms, month precision)'."""
    source = str(activity.get(Derived.DATE_SOURCE) or "Terms")
    precision = str(activity.get(Derived.PRECISION) or "")
    how = [_(DATES_FROM[source]) if source in DATES_FROM else source]
    if precision:
        how.append(_(PRECISION[precision]) if precision in PRECISION else precision)
    return f"{words.span(activity.get(A.START), activity.get(A.END))} ({', '.join(how)})"


def activity_facts(activity: pd.Series, lists: Lists, labels: ListLabels | None = None) -> list[tuple[str, str]]:
    """The facts about one activity as (label, text) pairs, blanks left out, in reading order; labels and the app's
    own words in the reader's language, workbook text as written (Domain, Convention and Programme as `labels`, the
    Lists sheet's names in the reader's language, give them)."""
    status = activity.get(STATUS_AS_OF)
    lang = current().lang
    named = labels or ListLabels()
    convention = activity.get(A.CONVENTION)
    title = named.title(lists, convention, lang) if not words.is_blank(convention) else ""
    progress = activity.get(A.PROGRESS)
    reported = activity.get(Derived.REPORTED_STATUS) or Reported.NOT_REPORTED
    facts = [
        (_("Terms as written"), activity.get(A.TERMS)),
        (_("Dates"), _dates(activity)),
        (column_label(A.DOMAIN), named.name(activity.get(A.DOMAIN), lang) or _(UNCLASSIFIED)),
        (
            column_label(A.CONVENTION),
            f"{named.name(convention, lang)} — {title}" if title and title != convention else convention,
        ),
        (column_label(A.PROGRAMME), named.name(activity.get(A.PROGRAMME), lang)),
        (column_label(A.COUNTERPART), activity.get(A.COUNTERPART)),
        (column_label(A.LEAD), activity.get(A.LEAD)),
        (column_label(A.LOCATIONS), activity.get(A.LOCATIONS)),
        (column_label(Derived.REPORTED_STATUS), label_of(reported)),
        (_("Status as of"), f"{label_of(status)} — {meaning_of(status)}" if meaning_of(status) else None),
        (column_label(A.PROGRESS), None if words.is_blank(progress) else f"{progress:g}%"),
        (column_label(A.LAST_UPDATE), words.day(activity.get(A.LAST_UPDATE)) or None),
        (column_label(A.NOTES), activity.get(A.NOTES)),
    ]
    return [(str(label), words.cell_text(value)) for label, value in facts if not words.is_blank(value)]


def steps_table(steps: pd.DataFrame) -> pd.DataFrame:
    """One activity's steps for reading: Step, Description, Terms, Dates, Status (blanks as empty text)."""
    table = pd.DataFrame(
        {
            S.STEP: steps[S.STEP].astype("Int64"),
            S.DESCRIPTION: steps[S.DESCRIPTION].fillna(""),
            S.TERMS: steps[S.TERMS].fillna(""),
            "Dates": [
                words.span(start, end) if not words.is_blank(start) else ""
                for start, end in zip(steps[S.START], steps[S.END])
            ],
            S.STATUS: steps[S.STATUS].fillna(""),
        }
    )
    return table.reset_index(drop=True)


ACTIVITY_TABLE_COLUMNS: tuple[str, ...] = (
    A.ID,
    Derived.WORKBOOK,  # in a portfolio only: the plan's file, which tells apart the IDs two plans share
    A.YEAR,
    TITLE_COLUMN,
    A.TERMS,
    A.START,
    A.END,
    A.DOMAIN,
    A.CONVENTION,
    A.PROGRAMME,
    STATUS_AS_OF,
    Derived.REPORTED_STATUS,
    A.LOCATIONS,
)
LINK_COLUMN = "Link"
_TEXT_COLUMNS = (A.TERMS, A.DOMAIN, A.CONVENTION, A.PROGRAMME, A.LOCATIONS, A.EVENT)


def activity_table(activities: pd.DataFrame, link_prefix: str = "") -> pd.DataFrame:
    """The activities for the on-screen table: the columns people scan, plus `Event` in full and a `Link`.

    `Link` is `<link_prefix>?id=<ID>` (the URL that opens the activity).
    """
    table = activities.assign(**{TITLE_COLUMN: [words.short_title(event, 80) for event in activities[A.EVENT]]})
    table = table[[c for c in ACTIVITY_TABLE_COLUMNS if c in table.columns] + [A.EVENT]].copy()
    for status in (STATUS_AS_OF, Derived.REPORTED_STATUS):  # the app's status words, in the reader's language
        if status in table.columns:
            values = table[status].astype(object)
            said = {value: label_of(value) for value in values.dropna().unique()}  # a handful of distinct words
            table[status] = values.map(said)
    for column in _TEXT_COLUMNS:
        table[column] = table[column].astype(object).where(table[column].notna(), "")  # blank, not "None"
    table[LINK_COLUMN] = [f"{link_prefix}?{Q_ACTIVITY}={activity_id}" for activity_id in table[A.ID]]
    return table.reset_index(drop=True)
