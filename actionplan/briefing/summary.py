"""The parts of the pack a minister reads first, built only from the workbook: the summary paragraph, the key
messages staff wrote for the session (never written here), what follows the session, and the three open items to
watch. Every sentence is a count, a date, a name or a Note as staff wrote it."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import words
from ..i18n import N_, _, n_
from ..plan import contract
from ..plan import status as as_of_status
from ..plan.checkins import activities_as_of
from ..plan.contract import ActivityColumn as A
from ..plan.contract import MessageColumn as M
from ..plan.contract import MilestoneColumn
from ..plan.load import Plan
from ..plan.status import AsOf, Reported
from ..plan.translations import milestone_name
from .leads import status_counts
from .scope import Scope, Session
from .text import one_line

NO_MESSAGES = N_("No key messages were recorded for this session in the Messages sheet of the workbook.")
NO_MESSAGES_RANGE = N_("No key messages were recorded for a session in this period in the Messages sheet.")
# The message table's column names stay English (its keys); documents show them through `_`.
MESSAGE_TABLE: tuple[str, ...] = (N_("Topic"), N_("Message"), N_("Activity ID"), N_("Activity"), N_("Owner"))
NO_TOPIC = N_("Other topics")
NOTE_LENGTH = 160  # a Note quoted in the summary; the Delivered table has it whole
TITLE_LENGTH = 45
KEY_ITEMS = 3
# The three open items to watch: open activities at the session first, then those past their end (reported
# planned or in progress, then not reported), postponed, scheduled now, upcoming; earliest end first, then ID.
KEY_ORDER: tuple[AsOf, ...] = (
    AsOf.OVERDUE,
    AsOf.PAST_END_NOT_REPORTED,
    AsOf.POSTPONED,
    AsOf.SCHEDULED_NOW,
    AsOf.UPCOMING,
    AsOf.NO_DATES,
)
KEY_ITEMS_RULE = N_(  # translated where shown
    "Chosen from the open activities: those set at the session first, then those past their end (reported "
    "Planned or In progress, then with no status reported), postponed, scheduled now, upcoming; the earliest "
    "end first."
)


def session_messages(plan: Plan, scope: Scope) -> pd.DataFrame:
    """The Messages rows for the scope's sessions, grouped by topic (in the order staff first used each), as
    Topic | Message | Activity ID | Activity | Owner; the activity's short title from the Activities sheet."""
    messages = plan.messages
    if messages.empty or not scope.sessions:
        return pd.DataFrame(columns=list(MESSAGE_TABLE))
    chosen = messages[[any(names_session(cell, s) for s in scope.sessions) for cell in messages[M.SESSION]]]
    titles = dict(zip(plan.activities[A.ID].astype(str), plan.activities[A.EVENT]))
    table = pd.DataFrame(
        {
            "Topic": [one_line(topic) or _(NO_TOPIC) for topic in chosen.get(M.TOPIC, pd.Series(index=chosen.index))],
            "Message": [words.cell_text(text) for text in chosen[M.MESSAGE]],
            "Activity ID": [words.cell_text(i) for i in chosen.get(M.ACTIVITY_ID, pd.Series(index=chosen.index))],
            "Owner": [words.cell_text(o) for o in chosen.get(M.OWNER, pd.Series(index=chosen.index))],
        }
    )
    table.insert(3, "Activity", [words.short_title(titles.get(i, ""), TITLE_LENGTH) for i in table[M.ACTIVITY_ID]])
    first_use = {topic: position for position, topic in reversed(list(enumerate(table["Topic"])))}
    order = sorted(range(len(table)), key=lambda row: (first_use[table["Topic"].iloc[row]], row))
    return table.iloc[order].reset_index(drop=True)


def names_session(cell: object, session: Session) -> bool:
    """True when a Messages Session cell names this session: '42', '42nd', '42nd session' or part of its name."""
    text = one_line(cell).casefold()
    if not text:
        return False
    number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?(?: session)?", text)
    if number:
        ordinal = session.ordinal
        return ordinal is not None and ordinal[:-2] == number.group(1)
    return session.named_by(text) or session.name.casefold() in text


def follow_up(plan: Plan, scope: Scope) -> tuple[pd.DataFrame, date | None, str]:
    """Activities starting after the session (or range) ends, up to the day before the next milestone or the
    plan's end, whichever comes first; with their status as of the as-of date, sorted by ID. Also that last day,
    and what it is ("the plan's end", "the eve of <milestone>")."""
    activities = plan.activities
    ends: list[tuple[date, str]] = []
    if activities[A.END].notna().any():
        ends.append((pd.Timestamp(activities[A.END].max()).date(), _("the plan's end")))
    later = plan.milestones[plan.milestones[MilestoneColumn.DATE] > pd.Timestamp(scope.end)]
    if len(later):
        first = later.sort_values(MilestoneColumn.DATE, kind="stable").iloc[0]
        ends.append(
            (
                pd.Timestamp(first[MilestoneColumn.DATE]).date() - timedelta(days=1),
                _("the eve of {milestone}").format(milestone=one_line(milestone_name(first))),
            )
        )
    if not ends or min(ends)[0] <= scope.end:
        return activities.iloc[0:0].assign(**{as_of_status.STATUS_AS_OF: []}), None, ""
    until, reason = min(ends)
    starts = activities[A.START]
    chosen = activities[(starts > pd.Timestamp(scope.end)) & (starts <= pd.Timestamp(until))]
    dated = activities_as_of(chosen, plan.checkins, scope.as_of)  # the pages' rule, as in_scope
    return dated.sort_values(A.ID, kind="stable").reset_index(drop=True), until, reason


def key_items(still_open: pd.DataFrame, at_session: pd.DataFrame) -> pd.DataFrame:
    """The three open items to watch (KEY_ITEMS_RULE), from the open activities in scope."""
    if still_open.empty:
        return still_open
    # Sorted on columns (stable: rows equal on every key keep their order), not a Python tuple per open activity.
    ids = still_open[A.ID].astype(str).to_numpy(dtype=object)
    rank = {str(status): 1 + position for position, status in enumerate(KEY_ORDER)}
    at = pd.Series(ids).isin(set(at_session[A.ID].astype(str))).to_numpy()
    statuses = still_open[as_of_status.STATUS_AS_OF].astype(str).map(rank).fillna(len(rank) + 1).to_numpy()
    keys = pd.DataFrame({"rank": np.where(at, 0, statuses), "end": still_open[A.END].to_numpy(), "id": ids})
    order = keys.sort_values(["rank", "end", "id"], na_position="last").index[:KEY_ITEMS]
    return still_open.iloc[order].reset_index(drop=True)


def summary_sentences(
    scope: Scope,
    activities: pd.DataFrame,
    delivered: pd.DataFrame,
    still_open: pd.DataFrame,
    at_session: pd.DataFrame,
    after: pd.DataFrame,
    until: date | None,
    messages: pd.DataFrame,
    *,
    limit: int | None = None,
) -> tuple[str, ...]:
    """The summary paragraph as sentences, each from the workbook: counts, names, dates and Notes as written; each
    list of activities cut to `limit` of them with how many more ('… and 1,204 more'), where a limit is given."""
    if activities.empty:
        return (_("No activity of the plan is in scope for {title}.").format(title=scope.title),)
    period, n = words.span(scope.period_start, scope.end), len(activities)
    carried = int((activities[A.END] < pd.Timestamp(scope.period_start)).sum())
    if carried:
        first = n_(
            "In the reporting period {period} the plan has {n} activity in scope, {carried} of them from earlier "
            "and not yet reported Completed or Cancelled.",
            "In the reporting period {period} the plan has {n} activities in scope, {carried} of them from earlier "
            "and not yet reported Completed or Cancelled.",
            n,
        )
    else:
        first = n_(
            "In the reporting period {period} the plan has {n} activity in scope.",
            "In the reporting period {period} the plan has {n} activities in scope.",
            n,
        )
    sentences = [first.format(period=period, n=n, carried=carried)]
    if delivered.empty:
        sentences.append(_("None of them is reported Completed."))
    else:
        sentences.append(
            _end(
                n_(
                    "{n} is reported Completed: {listed}", "{n} are reported Completed: {listed}", len(delivered)
                ).format(n=len(delivered), listed=_listed(delivered, notes=True, limit=limit))
            )
        )
    if not still_open.empty:
        parts = status_counts(still_open[as_of_status.STATUS_AS_OF], as_of_status.AS_OF_ORDER)
        sentences.append(
            n_("{n} is open as of {day}: {counts}.", "{n} are open as of {day}: {counts}.", len(still_open)).format(
                n=len(still_open), day=words.day(scope.as_of), counts=parts
            )
        )
    blank = int((activities[contract.REPORTED_STATUS] == Reported.NOT_REPORTED).sum())
    if blank == len(activities):
        sentences.append(_("No status is reported for any of them."))
    elif blank:
        sentences.append(
            n_(
                "{blank} of the {n} has no status reported.", "{blank} of the {n} have no status reported.", blank
            ).format(blank=blank, n=n)
        )
    for session in scope.sessions:
        held = f"{words.span(session.start, session.end)}" + (f", {session.place}" if session.place else "")
        mine = at_session[at_session_in(at_session, session)]
        name = session.short_name
        if mine.empty:
            sentences.append(
                _("No activity of the plan is set at the {session} ({held}).").format(session=name, held=held)
            )
        else:
            sentences.append(
                _end(
                    _("At the {session} ({held}) the plan sets {activities}: {listed}").format(
                        session=name,
                        held=held,
                        activities=words.activities(len(mine)),
                        listed=_listed(mine, limit=limit),
                    )
                )
            )
    if until is not None:
        if after.empty:
            sentences.append(
                _("No activity starts after it and before {day}.").format(day=words.day(until + timedelta(days=1)))
            )
        else:
            sentences.append(
                _end(
                    n_(
                        "After it, {n} follows by {day}: {listed}",
                        "After it, {n} follow by {day}: {listed}",
                        len(after),
                    ).format(n=len(after), day=words.day(until), listed=_listed(after, limit=limit))
                )
            )
    if len(messages):
        sentences.append(
            n_(
                "The pack opens with the {n} key message recorded for the session in the Messages sheet.",
                "The pack opens with the {n} key messages recorded for the session in the Messages sheet.",
                len(messages),
            ).format(n=len(messages))
        )
    else:
        sentences.append(_(NO_MESSAGES) if scope.session else _(NO_MESSAGES_RANGE))
    return tuple(sentences)


def at_session_in(table: pd.DataFrame, session: Session) -> pd.Series:
    """True for the rows whose dates overlap this session."""
    return (table[A.START] <= pd.Timestamp(session.end)) & (table[A.END] >= pd.Timestamp(session.start))


def _end(sentence: str) -> str:
    """A full stop, unless the sentence already ends with one or with an ellipsis."""
    return sentence if sentence.endswith((".", "\u2026")) else sentence + "."


@functools.lru_cache(maxsize=2**16)
def _item_title(event: object) -> str:
    """An event on one line, cut at a word to TITLE_LENGTH (each distinct event once per process)."""
    return words.short_title(one_line(event), TITLE_LENGTH)


def _listed(table: pd.DataFrame, *, notes: bool = False, limit: int | None = None) -> str:
    """'2023-13 Implementation of the UNESCO 2003 …; 2023-14 …', with the Notes quoted where asked and written;
    past `limit` activities, how many more ('…; 2023-14 …; … and 1,204 more')."""
    items = []
    ordered = table.sort_values(A.ID, kind="stable")
    more = len(ordered) - limit if limit is not None and len(ordered) > limit else 0
    if more:
        ordered = ordered.head(limit)
    noted = ordered[A.NOTES] if notes and A.NOTES in ordered.columns else [None] * len(ordered)
    for activity_id, event, written in zip(ordered[A.ID], ordered[A.EVENT], noted, strict=True):
        item = f"{activity_id} {_item_title(event)}"
        note = one_line(written) if notes else ""
        if note:
            item += " " + _("(Notes: \u201c{note}\u201d)").format(note=words.short_title(note, NOTE_LENGTH))
        items.append(item)
    if more:
        items.append(_("… and {n} more").format(n=words.number(more)))
    return "; ".join(items)
