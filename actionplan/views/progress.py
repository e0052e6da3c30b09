"""Progress over time, for the pages: one activity's check-ins as lines to read, and the reported status by domain
on each day someone reported (the Overview's trend).

Nothing is inferred: an activity nobody had reported on by a day is counted as Not reported, never as 0 %; the
rule for what had been reported on a day is `plan.checkins.reported_as_of`, used here and nowhere restated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from .. import words
from ..i18n import _, n_
from ..plan import contract
from ..plan.checkins import checkin_days, history, reported_as_of
from ..plan.contract import UpdateColumn as U
from ..plan.status import Reported, label_of
from .classify import domain_of

TREND_DAYS = 12  # the latest days shown on the trend; earlier ones drop off the left
TREND_ORDER: tuple[Reported, ...] = (*Reported.typed_values(), Reported.NOT_REPORTED)
# How a returned form's save names its Source (actionplan.rounds): "Return: Ministry of Culture (Before GC 44)".
RETURN_SOURCE = re.compile(r"^Return: (?P<lead>.+) \((?P<round>[^()]+)\)$")
DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN, COUNT_COLUMN = "Day", "Domain", "Reported status", "Activities"


# ---------------------------------------------------------------------------------------------------------------
# One activity's check-ins


@dataclass(frozen=True)
class CheckinLine:
    """One check-in as the detail shows it. `said` mixes the app's words with the Source as typed, and `notes` and
    `evidence` are workbook text: the page escapes all three (`words.md_text`). `link` is the Evidence when it is
    an http(s) address (the only kind made clickable), else ''."""

    said: str  # 'Completed, 80 % — as reported by Ministry of Culture on 3 Oct 2027'
    notes: str
    evidence: str
    link: str


def evidence_link(text: object) -> str:
    """The Evidence as an address to open, when it is one http(s) URL with a host and nothing else; else ''."""
    value = words.cell_text(text)
    if not value or any(character.isspace() for character in value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def checkin_lines(checkins: pd.DataFrame, activity_id: str, workbook: str | None = None) -> tuple[CheckinLine, ...]:
    """The activity's check-ins (in a portfolio, from its own `workbook`), newest first, each said in one line with
    its notes and evidence."""
    lines = []
    for _row, checkin in history(checkins, activity_id, workbook).iterrows():
        status = words.cell_text(checkin[U.STATUS]) or Reported.NOT_REPORTED
        progress = checkin[U.PROGRESS]
        source = words.cell_text(checkin[U.SOURCE])
        returned = RETURN_SOURCE.match(source)
        if returned:  # a returned form: said as the lead's report, the round named after it
            source = returned.group("lead")
        values = {
            "status": label_of(status),
            "progress": "" if words.is_blank(progress) else f"{float(progress):g}",
            "source": source,
            "day": words.day(checkin[U.DATE]),
        }
        if values["progress"] and source:
            said = _("{status}, {progress} % — as reported by {source} on {day}")
        elif source:
            said = _("{status} — as reported by {source} on {day}")
        elif values["progress"]:
            said = _("{status}, {progress} % — as reported on {day}")
        else:
            said = _("{status} — as reported on {day}")
        said = said.format(**values)
        if returned:
            said += " " + _("(returned form, round “{round}”)").format(round=returned.group("round"))
        evidence = words.cell_text(checkin[U.EVIDENCE])
        lines.append(CheckinLine(said, words.cell_text(checkin[U.NOTES]), evidence, evidence_link(evidence)))
    return tuple(lines)


# ---------------------------------------------------------------------------------------------------------------
# The trend by domain


@dataclass(frozen=True, eq=False)
class Trend:
    """The reported status by domain on each day someone reported, up to the as-of date.

    table: one row per (day, domain, reported status) with the number of activities, every status of TREND_ORDER
    present (0 where none): Day, Domain, Reported status, Activities. `days` ascending; `domains` in plan order.
    `sentence` says in plain words what the chart shows, or why there is none.
    """

    table: pd.DataFrame
    days: tuple[date, ...]
    domains: tuple[str, ...]
    sentence: str

    @property
    def empty(self) -> bool:
        return not self.days


def reported_trend(acts: pd.DataFrame, checkins: pd.DataFrame, as_of: date, domains: Sequence[str]) -> Trend:
    """How many of the shown activities stood in each reported status, by domain, on each check-in day up to
    `as_of` (the latest TREND_DAYS of them). An activity not reported on by a day counts as Not reported."""
    days = checkin_days(checkins, acts, as_of)[-TREND_DAYS:]
    columns = [DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN, COUNT_COLUMN]
    if not days:
        sentence = _(
            "Nobody has reported on these activities by {day}: once a save or a returned form records a Status, "
            "its trend by domain appears here."
        ).format(day=words.day(as_of))
        return Trend(pd.DataFrame(columns=columns), (), (), sentence)
    present = set(domain_of(acts))
    shown = tuple(domain for domain in domains if domain in present) + tuple(sorted(present - set(domains)))
    frames = []
    for day in days:
        then = reported_as_of(acts, checkins, day)
        # activities (one row each) -> domain x reported status counts, every pair present (a Status typed off
        # the list is left out, as in every other count of reported statuses)
        counts = pd.crosstab(domain_of(then), then[contract.REPORTED_STATUS].astype(object)).reindex(
            index=list(shown), columns=[str(s) for s in TREND_ORDER], fill_value=0
        )
        long = counts.stack().rename(COUNT_COLUMN).reset_index()
        long.columns = [DOMAIN_COLUMN, STATUS_COLUMN, COUNT_COLUMN]
        frames.append(long.assign(**{DAY_COLUMN: day}))
    table = pd.concat(frames, ignore_index=True)[columns]
    table[COUNT_COLUMN] = table[COUNT_COLUMN].astype(int)
    sentence = n_(
        "Reported status by domain: {n} day with reports, up to {day}.",
        "Reported status by domain: {n} days with reports, up to {day}.",
        len(days),
    ).format(n=len(days), day=words.day(as_of))
    return Trend(table, tuple(days), shown, sentence)
