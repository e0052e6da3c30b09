"""The status vocabulary, defined once: what staff report (`Reported`) and what that means on a day (`AsOf`).

Honesty rule: only a Status typed by staff makes an activity Completed, Postponed or Cancelled. Everything else
is a statement about the calendar (upcoming, scheduled now, past its end) and says whether anyone reported.

Every legend, count, headline, filter and briefing asks a member (`status.meaning`, `status.closed`,
`status.dates_hold`); no other module keeps its own set of status strings.

A member's value is the workbook's word and stays English (it is the contract with the staff who type it, and the
value the URL and the tables carry); what a reader sees is `status.label`, `status.meaning` and `status.phrase`, in
the language of the work under way (`label_of(value)` for a status given as text).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import numpy as np
import pandas as pd

from ..i18n import N_, _
from .contract import ActivityColumn, Derived
from .counting import how_many


class Reported(StrEnum):
    """What staff typed in the Status column; a blank cell is `NOT_REPORTED`, never typed."""

    PLANNED = N_("Planned")
    IN_PROGRESS = N_("In progress")
    COMPLETED = N_("Completed")
    POSTPONED = N_("Postponed")
    CANCELLED = N_("Cancelled")
    NOT_REPORTED = N_("Not reported")

    @property
    def label(self) -> str:
        """The status as a reader sees it, in the current language (the value stays the workbook's word)."""
        return _(self.value)

    @property
    def typed(self) -> bool:
        """True for a value staff can type (and the Lists sheet offers); False for Not reported."""
        return self is not Reported.NOT_REPORTED

    @classmethod
    def typed_values(cls) -> tuple[Reported, ...]:
        """The values the Status column allows, in the order Lists offers them."""
        return tuple(member for member in cls if member.typed)

    @classmethod
    def of(cls, cell: object) -> Reported:
        """The reported status of a Status cell: its value, or Not reported when blank or unknown."""
        text = str(cell).strip() if isinstance(cell, str) else ""
        return cls._value2member_map_.get(text, cls.NOT_REPORTED)  # type: ignore[return-value]


class AsOf(StrEnum):
    """An activity's status as of a day, in the order every legend, table and count uses.

    Each member carries what it means (`meaning`), how the headline says it (`phrase`) and two predicates:
    - `closed`: nothing more is to be delivered (reported Completed or Cancelled). A Postponed activity is not
      closed: it is still owed, and the briefing lists it as open.
    - `dates_hold`: the plan's dates still say when it is due. False once staff reported it Completed, Postponed or
      Cancelled, so such an activity is never listed as falling due before a milestone.
    """

    _meaning: str
    _phrase: str
    closed: bool
    dates_hold: bool

    COMPLETED = N_("Completed"), N_("reported Completed"), N_("reported completed"), True, False
    SCHEDULED_NOW = (
        N_("Scheduled now"),
        N_("its dates include the as-of date"),
        N_("scheduled now (their dates include this day)"),
        False,
        True,
    )
    UPCOMING = N_("Upcoming"), N_("starts after the as-of date"), N_("upcoming"), False, True
    OVERDUE = (
        N_("Overdue"),
        N_("past its end, reported Planned or In progress"),
        N_("overdue (past their end, reported planned or in progress)"),
        False,
        True,
    )
    PAST_END_NOT_REPORTED = (
        N_("Past end, not reported"),
        N_("past its end, no status reported"),
        N_("past their end with no status reported"),
        False,
        True,
    )
    POSTPONED = N_("Postponed"), N_("reported Postponed"), N_("reported postponed"), False, False
    CANCELLED = N_("Cancelled"), N_("reported Cancelled"), N_("reported cancelled"), True, False
    NO_DATES = N_("No dates"), N_("no dates could be derived"), N_("without dates"), False, True

    def __new__(cls, value: str, meaning: str, phrase: str, closed: bool, dates_hold: bool) -> AsOf:
        member = str.__new__(cls, value)
        member._value_ = value
        member._meaning, member._phrase, member.closed, member.dates_hold = meaning, phrase, closed, dates_hold
        return member

    @property
    def label(self) -> str:
        """The status as a reader sees it, in the current language: 'Scheduled now', 'Идёт срок исполнения'."""
        return _(self.value)

    @property
    def meaning(self) -> str:
        """What the status means, in the current language: 'its dates include the as-of date'."""
        return _(self._meaning)

    @property
    def phrase(self) -> str:
        """How the headline says it, in the current language: 'past their end with no status reported'."""
        return _(self._phrase)

    @property
    def past_end(self) -> bool:
        """Past its end with the work not reported done: Overdue, or Past end, not reported."""
        return self in (AsOf.OVERDUE, AsOf.PAST_END_NOT_REPORTED)

    @classmethod
    def closing(cls, reported: Reported) -> AsOf | None:
        """The as-of status a reported status settles by itself (Completed, Postponed, Cancelled), else None."""
        return {
            Reported.COMPLETED: cls.COMPLETED,
            Reported.POSTPONED: cls.POSTPONED,
            Reported.CANCELLED: cls.CANCELLED,
        }.get(reported)

    @classmethod
    def of(cls, value: object) -> AsOf | None:
        """The member whose value is this text, or None."""
        member = cls._value2member_map_.get(str(value))
        return member if isinstance(member, AsOf) else None

    @classmethod
    def values(cls, predicate: str) -> frozenset[AsOf]:
        """The members for which a predicate holds, e.g. `AsOf.values("closed")`."""
        return frozenset(member for member in cls if getattr(member, predicate))


AS_OF_ORDER: tuple[AsOf, ...] = tuple(AsOf)
REPORTED_ORDER: tuple[Reported, ...] = tuple(Reported)
STATUS_AS_OF = Derived.STATUS_AS_OF


def status_as_of(activities: pd.DataFrame, as_of: date) -> pd.Series:
    """One status per activity (same index), from its reported Status, Start and End, as of `as_of`.

    Column operations, in order of precedence: a reported Completed/Postponed/Cancelled, no dates, upcoming,
    scheduled now, then past the end: Overdue when any Status was typed (even one not in the list), else
    Past end, not reported. Each distinct Status text is read once (a plan has a handful), and the statuses are
    chosen as their places in AS_OF_ORDER, the categories built from those codes.
    """
    when = pd.Timestamp(as_of)
    order = [str(status) for status in AS_OF_ORDER]
    place = {status: order.index(str(status)) for status in AS_OF_ORDER}
    cells, texts = pd.factorize(activities[ActivityColumn.STATUS].astype(object), use_na_sentinel=True)
    typed_texts = [text.strip() if isinstance(text, str) else "" for text in texts]  # non-text counts as blank
    closings = [AsOf.closing(Reported.of(text)) for text in typed_texts]
    # Each cell's closing status and whether anything was typed; a blank cell (-1) takes the last, appended entry.
    closing = np.array([place[c] if c is not None else -1 for c in closings] + [-1], dtype=np.int8)[cells]
    typed = np.array([text != "" for text in typed_texts] + [False], dtype=bool)[cells]
    start = pd.to_datetime(activities[ActivityColumn.START]).to_numpy()
    end = pd.to_datetime(activities[ActivityColumn.END]).to_numpy()
    undated = pd.isna(start) | pd.isna(end)
    past = np.where(typed, place[AsOf.OVERDUE], place[AsOf.PAST_END_NOT_REPORTED])
    codes = np.select(
        [closing >= 0, undated, when.to_datetime64() < start, when.to_datetime64() <= end],
        [closing, place[AsOf.NO_DATES], place[AsOf.UPCOMING], place[AsOf.SCHEDULED_NOW]],
        default=past,
    )
    return pd.Series(
        pd.Categorical.from_codes(codes.astype(np.int8), categories=order),
        index=activities.index,
        name=STATUS_AS_OF,
    )


def with_status(activities: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """A copy of the activities with a `Status as of` column."""
    return activities.assign(**{STATUS_AS_OF: status_as_of(activities, as_of)})


def tally(statuses: pd.Series) -> pd.Series:
    """How many of each as-of status, every status present (zero where none), in AS_OF_ORDER."""
    order = [str(status) for status in AS_OF_ORDER]
    return pd.Series(how_many(statuses, order), index=pd.Index(order), name="count")


def count_by_status(activities: pd.DataFrame, as_of: date) -> pd.Series:
    """How many activities in each as-of status on `as_of`, in AS_OF_ORDER."""
    return tally(status_as_of(activities, as_of))


def label_of(value: object) -> str:
    """A status given as text (an as-of or a reported status) as a reader sees it; other text as it is."""
    text = str(value)
    member = AsOf._value2member_map_.get(text) or Reported._value2member_map_.get(text)
    return _(text) if member is not None else text


def status_help() -> str:
    """Every as-of status with its meaning, one per line (for help texts and captions)."""
    return "\n".join(f"- **{status.label}**: {status.meaning}" for status in AS_OF_ORDER)


def meanings_inline() -> str:
    """Every as-of status with its meaning on one line: `Completed = reported Completed; ...`."""
    return "; ".join(f"{status.label} = {status.meaning}" for status in AS_OF_ORDER)


def meaning_of(value: object) -> str:
    """The meaning of an as-of status given as text ('' for anything that is not one)."""
    member = AsOf.of(value)
    return member.meaning if member else ""
