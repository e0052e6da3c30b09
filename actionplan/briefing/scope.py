"""Which activities a briefing covers: General Conference sessions, date ranges and the as-of date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import words
from ..i18n import N_, _
from ..plan import status as as_of_status
from ..plan.checkins import activities_as_of
from ..plan.contract import ActivityColumn, MilestoneColumn
from ..plan.counting import NOWHERE, places
from ..plan.load import Plan
from ..plan.status import AsOf
from ..plan.translations import milestone_name

GENERAL_CONFERENCE = "General Conference"
CLOSED = AsOf.values("closed")  # Completed, Cancelled: a Postponed activity is still owed, so it is open

_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)


class UnknownSession(ValueError):
    """The session asked for is not in the Milestones sheet; the message lists the sessions that are."""


# ---------------------------------------------------------------------------------------------------------------
# Sessions and scope


@dataclass(frozen=True)
class Session:
    """A General Conference session from the Milestones sheet."""

    name: str  # the Name cell: the key the Messages sheet's Session and `--session 42` match on
    start: date
    end: date
    place: str | None = None
    shown_name: str = ""  # the name a reader sees (`Name (ru)` where filled, see `translations.milestone_name`)

    @property
    def title(self) -> str:
        """The name as the reader sees it: the translated name where the workbook has one, else the Name."""
        return self.shown_name or self.name

    @property
    def ordinal(self) -> str | None:
        """'42nd' from '42nd session of the UNESCO General Conference', if the name has one."""
        found = _ORDINAL.search(self.name)
        return found.group(0) if found else None

    @property
    def short_name(self) -> str:
        """'42nd session' ('42-я сессия', '42-nji mejlis'), or the whole name where it has no ordinal."""
        if self.ordinal is None:
            return self.title
        number = int(self.ordinal[:-2])
        return _("{ordinal} session").format(ordinal=words.ordinal(number, gender="f"))  # сессия is feminine

    @property
    def label(self) -> str:
        """'42nd session of the UNESCO General Conference, 7-22 Nov 2023, Paris'."""
        return ", ".join(part for part in (self.title, words.span(self.start, self.end), self.place) if part)

    def named_by(self, text: str) -> bool:
        """True when `text` (already casefolded) is part of the session's label or of its Name (the key)."""
        return bool(text) and (text in self.label.casefold() or text in self.name.casefold())


def sessions(plan: Plan) -> tuple[Session, ...]:
    """The General Conference sessions in the Milestones sheet, by date (any session added later included)."""
    found = []
    for milestone in plan.milestones.to_dict("records"):  # plain dicts: a Series per row cost more than the rest
        kind = words.cell_text(milestone.get(MilestoneColumn.KIND))
        name = words.cell_text(milestone.get(MilestoneColumn.NAME))
        if GENERAL_CONFERENCE.casefold() not in (kind or name).casefold():
            continue
        start = pd.Timestamp(milestone[MilestoneColumn.DATE]).date()
        end = (
            pd.Timestamp(milestone[MilestoneColumn.END]).date()
            if pd.notna(milestone.get(MilestoneColumn.END))
            else start
        )
        place = words.cell_text(milestone.get(MilestoneColumn.PLACE)) or None
        found.append(Session(name, start, end, place, milestone_name(milestone)))
    return tuple(sorted(found, key=lambda session: session.start))


def find_session(plan: Plan, wanted: str) -> Session:
    """The session named by `wanted`: '42', '42nd' (the ordinal in its Name) or any part of its Name.

    Raises UnknownSession, listing the sessions, when none or more than one match.
    """
    known = sessions(plan)
    text = str(wanted).strip()
    number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", text, re.IGNORECASE)
    if number:
        matches = [s for s in known if s.ordinal and s.ordinal[:-2] == number.group(1)]
        if not matches:
            matches = [s for s in known if re.search(rf"\b{number.group(1)}\b", s.name)]
    else:
        matches = [s for s in known if s.named_by(text.casefold())]
    if len(matches) == 1:
        return matches[0]
    listed = "; ".join(session.label for session in known) or _(
        "none (add them to the Milestones sheet, Kind '{kind}')"
    ).format(kind=GENERAL_CONFERENCE)
    problem = (
        _("'{wanted}' matches more than one session. Sessions: {listed}")
        if matches
        else _("'{wanted}' is not a General Conference session in Milestones. Sessions: {listed}")
    )
    raise UnknownSession(problem.format(wanted=wanted, listed=listed))


@dataclass(frozen=True)
class Scope:
    """What the briefing covers: the session (or date range) S..E, the reporting period, and the as-of date."""

    title: str  # the session's label, or the range
    start: date  # S: the session's first day, or the range's
    end: date  # E
    period_start: date  # the reporting period runs from here to `end`
    as_of: date
    session: Session | None = None  # None for a date range
    sessions: tuple[Session, ...] = ()  # the sessions "At the session" looks at
    previous: Session | None = None

    @property
    def word(self) -> str:
        """'session' or 'period' (English: for text written around it in English; headings use `says`)."""
        return "session" if self.session else "period"

    def says(self, for_session: str, for_period: str) -> str:
        """One of two texts (marked with N_) in the reader's language: the first for a session, the second for a
        date range; every heading that names 'the session' or 'the period' has both."""
        return _(for_session if self.session else for_period)

    @property
    def rule(self) -> str:
        """The scope rule in one line, with this scope's dates."""
        period, as_of = words.span(self.period_start, self.end), words.day(self.as_of)
        if self.previous is not None:
            text = _(
                "In scope: activities whose dates overlap {period} (from the end of the {previous} to the end of "
                "this session), plus earlier ones not reported Completed or Cancelled. Status as of {as_of}."
            )
        elif self.session is not None:
            text = _(
                "In scope: activities whose dates overlap {period} (from the plan's start to the end of this "
                "session), plus earlier ones not reported Completed or Cancelled. Status as of {as_of}."
            )
        else:
            text = _(
                "In scope: activities whose dates overlap {period}, plus earlier ones not reported Completed or "
                "Cancelled. Status as of {as_of}."
            )
        previous = self.previous.short_name if self.previous else ""
        return text.format(period=period, previous=previous, as_of=as_of)


def default_range(plan: Plan, today: date | None = None) -> tuple[date, date]:
    """The plan's first and last day, for a date range nobody has chosen yet (this year where there are none)."""
    first, last = plan.activities[ActivityColumn.START].min(), plan.activities[ActivityColumn.END].max()
    if pd.isna(first) or pd.isna(last):
        year = (today or date.today()).year
        return date(year, 1, 1), date(year, 12, 31)
    return pd.Timestamp(first).date(), pd.Timestamp(last).date()


def default_session(known: tuple[Session, ...], today: date | None = None) -> Session | None:
    """The next session not yet over, else the latest one; None when Milestones has none."""
    today = today or date.today()
    upcoming = [session for session in known if session.end >= today]
    return upcoming[0] if upcoming else (known[-1] if known else None)


def session_scope(plan: Plan, session: Session, as_of: date | None = None) -> Scope:
    """The scope of a session: reporting period from the previous session's end (or the plan's start)."""
    earlier = [s for s in sessions(plan) if s.end < session.start]
    previous = earlier[-1] if earlier else None
    if previous is not None:
        period_start = previous.end + timedelta(days=1)
    else:
        first = plan.activities[ActivityColumn.START].min()
        period_start = min(pd.Timestamp(first).date(), session.start) if pd.notna(first) else session.start
    return Scope(
        session.label,
        session.start,
        session.end,
        period_start,
        as_of or session.start - timedelta(days=1),
        session,
        (session,),
        previous,
    )


def range_scope(plan: Plan, start: date, end: date, as_of: date | None = None) -> Scope:
    """The scope of a date range: the reporting period is the range; as of its last day unless given."""
    if end < start:
        raise ValueError(
            _("the range ends ({end}) before it starts ({start})").format(end=words.day(end), start=words.day(start))
        )
    inside = tuple(s for s in sessions(plan) if s.start <= end and s.end >= start)
    return Scope(words.span(start, end), start, end, start, as_of or end, None, inside, None)


def in_scope(activities: pd.DataFrame, scope: Scope, checkins: pd.DataFrame | None = None) -> pd.DataFrame:
    """The activities the scope covers (see the module docstring), sorted by ID, each with its report and Status as
    of the scope's date by the dashboard's own rule (`checkins.activities_as_of`, given the plan's `checkins`).

    Activities without dates cannot be placed in time: they are kept when still open, so nothing vanishes.
    """
    dated = activities_as_of(activities, checkins, scope.as_of)
    open_ = places(dated[as_of_status.STATUS_AS_OF], [str(status) for status in CLOSED]) == NOWHERE
    starts = pd.to_datetime(dated[ActivityColumn.START]).to_numpy()  # a missing date (NaT) compares False
    ends = pd.to_datetime(dated[ActivityColumn.END]).to_numpy()
    first, last = np.datetime64(scope.period_start), np.datetime64(scope.end)
    overlaps = (starts <= last) & (ends >= first)
    carried = (ends < first) & open_
    undated = np.isnat(starts) & open_
    chosen = dated[overlaps | carried | undated]
    return chosen.sort_values(ActivityColumn.ID, kind="stable").reset_index(drop=True)


def at_session_mask(activities: pd.DataFrame, held: tuple[Session, ...]) -> pd.Series:
    """True for activities tied to one of the sessions (see the module docstring for the rule)."""
    general = GENERAL_CONFERENCE.casefold()
    # Which activities name the General Conference: a cell that is not text names nothing. One pass over two
    # columns (pandas' string methods cost a fixed 0.1 ms each, most of this at 42 activities).
    named = np.fromiter(
        (
            (isinstance(programme, str) and programme.casefold() == general)
            or (isinstance(event, str) and general in event.casefold())
            for programme, event in zip(
                activities[ActivityColumn.PROGRAMME].to_numpy(dtype=object),
                activities[ActivityColumn.EVENT].to_numpy(dtype=object),
            )
        ),
        dtype=bool,
        count=len(activities),
    )
    starts = pd.to_datetime(activities[ActivityColumn.START]).to_numpy()  # a missing date (NaT) compares False
    ends = pd.to_datetime(activities[ActivityColumn.END]).to_numpy()
    mask = np.zeros(len(activities), dtype=bool)
    for session in held:
        start, end = np.datetime64(session.start), np.datetime64(session.end)
        overlaps = (starts <= end) & (ends >= start)
        month_first = np.datetime64(session.start.replace(day=1))
        month_last = np.datetime64((pd.Timestamp(session.end) + pd.offsets.MonthEnd(0)).date())
        in_months = (starts >= month_first) & (ends <= month_last)
        mask |= overlaps & (named | in_months)
    return pd.Series(mask, index=activities.index)


AT_SESSION_RULE = N_(
    "At the session: dates overlap the session and the activity is in the General Conference "
    "programme, names the General Conference, or is scheduled only in the session's month(s)."
)  # translated where shown: _(AT_SESSION_RULE)
