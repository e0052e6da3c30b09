"""Each chart said in words: a short summary sentence and the chart's numbers as a table, for screen readers and
for anyone who would rather read than look (WCAG 2.2: 1.1.1 non-text content, 1.4.1 use of colour).

One function per kind of chart, each taking the same table the chart is drawn from, so the words never drift
from the marks. Workbook text (domains, instruments, events) stays raw here: the component that draws the table
escapes it (`words.md_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import words
from ..i18n import _, n_
from ..plan.contract import ActivityColumn
from ..plan.status import AS_OF_ORDER, STATUS_AS_OF, label_of
from ..plan.translations import ListLabels
from .classify import NO_INSTRUMENT, app_word
from .gantt import (
    COUNT_COLUMN,
    DOMAIN_COLUMN,
    INSTRUMENT_COLUMN,
    OPEN_COLUMN,
    STATUS_COUNTS_COLUMN,
    GanttWindow,
    group_name,
)
from .progress import COUNT_COLUMN as TREND_COUNT
from .progress import DAY_COLUMN as TREND_DAY
from .progress import DOMAIN_COLUMN as TREND_DOMAIN
from .progress import STATUS_COLUMN as TREND_STATUS
from .progress import TREND_ORDER, Trend

ROWS_LISTED = 150  # a Timeline table longer than this says how many more rows the chart has


@dataclass(frozen=True, eq=False)
class ChartText:
    """What a chart shows, in words: `summary` (one or two sentences), `table` (its numbers, headed in the
    reader's language, the first column naming each row) and `title` (what the table is, its accessible name)."""

    summary: str
    table: pd.DataFrame
    title: str


def _listing(pairs: Sequence[tuple[object, int]]) -> str:
    """'2021: 16, 2022: 12' (zero counts left out)."""
    return ", ".join(_("{name}: {count}").format(name=name, count=count) for name, count in pairs if count)


BY_YEAR, BY_DOMAIN, BY_PLAN = "year", "domain", "plan"  # what the rows of a status table are


def status_counts(table: pd.DataFrame, *, by: str) -> ChartText:
    """The stacked status bars said in words.

    `table`: rows = plan years, domains or plans (`by`: BY_YEAR, BY_DOMAIN, BY_PLAN), columns = as-of statuses (as
    `by_year_and_status`, `by_domain`, `by_plan`). Table out: the row's name, one column per status that has
    activities (in AS_OF_ORDER), the total.
    """
    row_title, sentence, title = {
        BY_YEAR: (
            _("Plan year"),
            _("{activities} by plan year: {rows}. By status as of the date: {statuses}."),
            _("Activities by plan year and status"),
        ),
        BY_DOMAIN: (
            _("Domain"),
            _("{activities} by domain: {rows}. By status as of the date: {statuses}."),
            _("Activities by domain and status"),
        ),
        BY_PLAN: (
            _("Plan"),
            _("{activities} by plan: {rows}. By status as of the date: {statuses}."),
            _("Activities by plan and status"),
        ),
    }[by]
    statuses = [status for status in AS_OF_ORDER if status in table.columns and table[status].sum() > 0]
    totals = table.sum(axis=1).astype(int) if len(table.columns) else pd.Series(0, index=table.index)
    total = int(totals.sum())
    out = pd.DataFrame({row_title: [app_word(name) for name in table.index]})
    for status in statuses:
        out[label_of(status)] = [int(value) for value in table[status]]
    out[_("Total")] = [int(value) for value in totals]
    if total == 0:
        return ChartText(_("No activities are shown."), out, title)
    rows = _listing([(app_word(name), int(count)) for name, count in totals.items()])
    by_status = _listing([(label_of(status), int(table[status].sum())) for status in statuses])
    return ChartText(sentence.format(activities=words.activities(total), rows=rows, statuses=by_status), out, title)


def domains_by_year(table: pd.DataFrame, labels: ListLabels | None = None) -> ChartText:
    """The grouped bars of domains by plan year said in words.

    `table`: rows = domains, columns = plan years (as `by_domain_and_year`). Table out: Domain, each year, Total;
    domains named as the Lists sheet names them in the reader's language (`labels`).
    """
    out = pd.DataFrame({_("Domain"): [app_word(name, labels) for name in table.index]})
    for year in table.columns:
        out[str(year)] = [int(value) for value in table[year]]
    totals = table.sum(axis=1).astype(int) if len(table.columns) else pd.Series(0, index=table.index)
    out[_("Total")] = [int(value) for value in totals]
    title = _("Activities by domain and plan year")
    if int(totals.sum()) == 0:
        return ChartText(_("No activities are shown."), out, title)
    largest = table.stack().astype(int).idxmax()
    summary = _("{activities} by domain: {rows}. The most in one year: {domain} in {year} ({count}).").format(
        activities=words.activities(int(totals.sum())),
        rows=_listing([(app_word(name, labels), int(count)) for name, count in totals.items()]),
        domain=app_word(largest[0], labels),
        year=largest[1],
        count=int(table.loc[largest[0], largest[1]]),
    )
    return ChartText(summary, out, title)


def drill_down(rows: pd.DataFrame, labels: ListLabels | None = None) -> ChartText:
    """The sunburst domain -> convention or programme said in words.

    `rows`: one per activity with Domain and Instrument (as `gantt_rows`). Table out: Domain, Convention or
    programme, Activities, in the rows' order; names as the Lists sheet gives them in the reader's language.
    """
    counts = rows.groupby([DOMAIN_COLUMN, INSTRUMENT_COLUMN], sort=False).size() if len(rows) else pd.Series()
    out = pd.DataFrame(
        {
            _("Domain"): [app_word(domain, labels) for domain, _instrument in counts.index],
            _("Convention or programme"): [app_word(instrument, labels) for _domain, instrument in counts.index],
            _("Activities"): [int(count) for count in counts],
        }
    )
    title = _("Activities by domain and by convention or programme")
    if not len(rows):
        return ChartText(_("No activities are shown."), out, title)
    domains = rows[DOMAIN_COLUMN].nunique()
    instruments = rows.loc[rows[INSTRUMENT_COLUMN] != NO_INSTRUMENT, INSTRUMENT_COLUMN].nunique()
    summary = n_(
        "{activities} in {n} domain, implementing {instruments} conventions and programmes.",
        "{activities} in {n} domains, implementing {instruments} conventions and programmes.",
        domains,
    ).format(activities=words.activities(len(rows)), n=domains, instruments=instruments)
    return ChartText(summary, out, title)


def coverage(matrix: pd.DataFrame, labels: ListLabels | None = None) -> ChartText:
    """The coverage matrix said in words.

    `matrix`: rows = conventions and programmes, columns = plan years, cells = activities. Table out: the
    instrument, each year, Total.
    """
    out = pd.DataFrame({_("Convention or programme"): [app_word(name, labels) for name in matrix.index]})
    for year in matrix.columns:
        out[str(year)] = [int(value) for value in matrix[year]]
    out[_("Total")] = [int(value) for value in matrix.sum(axis=1)] if len(matrix.columns) else 0
    title = _("Activities by convention or programme and plan year")
    cells = int(matrix.size)
    if cells == 0:
        return ChartText(_("No convention or programme is shown."), out, title)
    gaps = int((matrix.to_numpy() == 0).sum())
    summary = _(
        "{instruments} conventions and programmes over {years} plan years: {counted} of {cells} cells have "
        "activities, {gaps} are gaps."
    ).format(instruments=len(matrix.index), years=len(matrix.columns), counted=cells - gaps, cells=cells, gaps=gaps)
    if gaps < cells:
        largest = matrix.stack().astype(int).idxmax()
        summary += " " + _("The most: {name} in {year} ({count}).").format(
            name=app_word(largest[0], labels), year=largest[1], count=int(matrix.loc[largest[0], largest[1]])
        )
    return ChartText(summary, out, title)


def timeline(window: GanttWindow, *, as_of: date, labels: ListLabels | None = None) -> ChartText:
    """The Gantt said in words: what it draws, from when to when, and each activity's dates and status.

    `window`: what the Gantt draws (`gantt_window`): its rows (ID, Event, Start, End, Domain, Status as of) one bar
    each, and its closed groups one bar each. Table out: ID, Event, Dates, Domain, Status (the first ROWS_LISTED
    rows), then each closed group; domains and groups named as the Lists sheet names them in the reader's language
    (`labels`).
    """
    rows, groups = window.rows, window.groups
    listed = rows.head(ROWS_LISTED)
    out = pd.DataFrame(
        {
            _("ID"): [str(value) for value in listed[ActivityColumn.ID]],
            _("Event"): [words.short_title(value, 120) for value in listed[ActivityColumn.EVENT]],
            _("Dates"): [words.span(s, e) for s, e in zip(listed[ActivityColumn.START], listed[ActivityColumn.END])],
            _("Domain"): [app_word(value, labels) for value in listed[DOMAIN_COLUMN]],
            _("Status"): [label_of(value) for value in listed[STATUS_AS_OF]],
        }
    )
    closed = groups[~groups[OPEN_COLUMN].astype(bool)] if OPEN_COLUMN in groups.columns else groups.iloc[0:0]
    if len(closed):
        out = pd.concat(
            [
                out,
                pd.DataFrame(
                    {
                        _("ID"): [""] * len(closed),
                        _("Event"): [
                            _("{group} (closed group): {activities}").format(
                                group=group_name(group, labels), activities=words.activities(int(count))
                            )
                            for group, count in zip(closed.index, closed[COUNT_COLUMN])
                        ],
                        _("Dates"): [
                            words.span(s, e) for s, e in zip(closed[ActivityColumn.START], closed[ActivityColumn.END])
                        ],
                        _("Domain"): ["" for _group in closed.index],
                        _("Status"): list(closed[STATUS_COUNTS_COLUMN]),
                    }
                ),
            ],
            ignore_index=True,
        )
    title = _("The activities on the timeline, with their dates and status")
    drawn = len(rows) + int(closed[COUNT_COLUMN].sum()) if len(closed) else len(rows)
    if drawn == 0:
        return ChartText(_("No activities are shown."), out, title)
    starts = [*rows[ActivityColumn.START], *closed[ActivityColumn.START]]
    ends = [*rows[ActivityColumn.END], *closed[ActivityColumn.END]]
    statuses = rows[STATUS_AS_OF].astype(object).value_counts()
    summary = _("{activities} from {first} to {last}.").format(
        activities=words.activities(drawn), first=words.day(min(starts)), last=words.day(max(ends))
    )
    if len(statuses):
        summary += " " + _("As of {day}: {statuses}.").format(
            day=words.day(as_of),
            statuses=_listing([(label_of(s), int(statuses[s])) for s in AS_OF_ORDER if s in statuses.index]),
        )
    if len(rows) > ROWS_LISTED:
        summary += " " + _("The table lists the first {n}.").format(n=ROWS_LISTED)
    return ChartText(summary, out, title)


def trend(progress: Trend, labels: ListLabels | None = None) -> ChartText:
    """The reported status by domain over time as a table (its sentence, `progress.sentence`, is the page's own).

    Table out: one row per check-in day and domain (named as the Lists sheet names it in the reader's language,
    `labels`), one column per reported status with activities, the total.
    """
    # (day, domain, status, count) rows -> one row per (day, domain), one column per status
    wide = (
        progress.table.pivot_table(
            index=[TREND_DAY, TREND_DOMAIN], columns=TREND_STATUS, values=TREND_COUNT, aggfunc="sum", sort=False
        )
        if len(progress.table)
        else pd.DataFrame()
    )
    out = pd.DataFrame(
        {
            _("Day"): [words.day(day) for day, _domain in wide.index],
            _("Domain"): [app_word(domain, labels) for _day, domain in wide.index],
        }
    )
    for status in TREND_ORDER:
        if str(status) in wide.columns and wide[str(status)].sum() > 0:
            out[label_of(status)] = [int(value) for value in wide[str(status)]]
    out[_("Total")] = [int(value) for value in wide.sum(axis=1)] if len(wide) else []
    return ChartText("", out, _("Reported status by domain on each day someone reported"))


__all__ = [
    "BY_DOMAIN",
    "BY_PLAN",
    "BY_YEAR",
    "ROWS_LISTED",
    "ChartText",
    "coverage",
    "domains_by_year",
    "drill_down",
    "status_counts",
    "timeline",
    "trend",
]
