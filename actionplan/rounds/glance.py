"""The round at a glance: which forms came back and which did not, how many activities have news, whether the due
date has passed, and for each lead still missing a reminder to copy into an e-mail (in the reader's language)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..i18n import _, n_
from ..keeping.edits import read_tables
from ..keeping.store import Store
from ..plan import contract
from . import records
from .forms import day_text
from .leads import lead_name
from .records import Form, Return, Round
from .take import changes_against


@dataclass(frozen=True)
class FormState:
    """One lead's form in the round: its latest return (None while missing) and how many times it came back."""

    form: Form
    latest: Return | None
    times_returned: int

    @property
    def returned(self) -> bool:
        return self.latest is not None


@dataclass(frozen=True)
class Glance:
    """The round as it stands on `today`."""

    round: Round
    forms: tuple[FormState, ...]
    with_news: tuple[str, ...]  # activities a lead reported something new on (against the form as issued)
    today: date

    @property
    def returned(self) -> tuple[FormState, ...]:
        return tuple(state for state in self.forms if state.returned)

    @property
    def missing(self) -> tuple[FormState, ...]:
        return tuple(state for state in self.forms if not state.returned)

    @property
    def overdue(self) -> bool:
        """True when the due date has passed and some form is still missing."""
        return self.today > self.round.due and bool(self.missing)

    def headline(self) -> str:
        """`2 of 5 forms returned`."""
        total = len(self.forms)
        return n_("{returned} of {n} form returned", "{returned} of {n} forms returned", total).format(
            returned=len(self.returned), n=total
        )

    def news(self) -> str:
        count = len(self.with_news)
        return n_("{n} activity with news from its lead", "{n} activities with news from their leads", count).format(
            n=count
        )

    def due(self) -> str:
        """When the forms are due, and whether that has passed."""
        if self.overdue:
            late = (self.today - self.round.due).days
            return n_(
                "Due {due}: {n} day ago. Leads still missing are overdue.",
                "Due {due}: {n} days ago. Leads still missing are overdue.",
                late,
            ).format(due=day_text(self.round.due), n=late)
        return _("Due {due}.").format(due=day_text(self.round.due))


def glance(store: Store, round_: Round, today: date) -> Glance:
    """The round's forms with their latest returns, and the activities with news."""
    every = records.returns(store, round_.id)
    latest = {record.number: record for record in every}
    times = {number: sum(record.number == number for record in every) for number in latest}
    states = tuple(
        FormState(form, latest.get(form.number), times.get(form.number, 0)) for form in records.forms(store, round_.id)
    )
    with_news: tuple[str, ...] = ()
    if latest:
        issued = read_tables(records.base_content(store, round_.id))[contract.ACTIVITIES]
        keys = (change.key for record in latest.values() for change in changes_against(issued, record.answers))
        with_news = tuple(dict.fromkeys(keys))
    return Glance(round_, states, with_news, today)


def reminder(round_: Round, state: FormState, today: date) -> str:
    """A reminder to copy into an e-mail to a lead whose form has not come back, in the current language."""
    count = len(state.form.activities)
    due = day_text(round_.due)
    if today > round_.due:
        when = _("The form was due on {due}; we would be grateful to receive it as soon as you can.").format(due=due)
    else:
        when = _("Please send it back by {due}.").format(due=due)
    listed = n_(
        "It lists {n} activity of the action plan of cooperation with UNESCO for which you are the lead.",
        "It lists {n} activities of the action plan of cooperation with UNESCO for which you are the lead.",
        count,
    ).format(n=count)
    return "\n\n".join(
        (
            _("Dear colleagues at {lead},").format(lead=lead_name(state.form.lead)),
            _("For the reporting round “{round}” we sent you an update form ({file}). {listed} {when}").format(
                round=round_.name, file=state.form.filename, listed=listed, when=when
            ),
            _(
                "For each activity, please pick its status, type its progress, the date of your news, a few words on "
                "what was done and a link or a document that shows it, then send the file back to us as it is. "
                "Where there is no news, leave the row as it is."
            ),
            _("With thanks,\nthe National Commission for UNESCO"),  # no country: a round serves any plan,
        )
    )


@dataclass(frozen=True)
class Reported:
    """One cell as a lead reported it in their latest return: what, by whom, on which day it came in."""

    activity_id: str
    column: str
    value: object
    lead: str
    day: date


def reported(store: Store, round_: Round) -> tuple[Reported, ...]:
    """What the latest return of each form reported differently from the form as issued (nothing else)."""
    latest = records.latest_returns(store, round_.id)
    if not latest:
        return ()
    issued = read_tables(records.base_content(store, round_.id))[contract.ACTIVITIES]
    forms = {form.number: form for form in records.forms(store, round_.id)}
    return tuple(
        Reported(change.key, change.column, change.new, forms[number].lead, record.received_at.date())
        for number, record in sorted(latest.items())
        for change in changes_against(issued, record.answers)
    )
