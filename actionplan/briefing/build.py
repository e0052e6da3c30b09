"""The General Conference briefing pack as data: which activities are in scope, and the sections built from them.

Scope rule (stated on the page and in the documents by `Scope.rule`):
- A **session** is a Milestones row whose Kind (or, where Kind is blank, Name) says "General Conference". For a
  session held from S to E, the reporting period runs from the day after the previous session ended (or from the
  plan's first date, for the first session) to E. **In scope**: every activity whose dates overlap the reporting
  period, plus earlier activities still open (not reported Completed or Cancelled), which the delegation still
  has to account for. The as-of date defaults to the eve of the session (S - 1 day).
- A **date range** from F to T is read the same way with the reporting period F to T (the "session" is the
  range itself); the as-of date defaults to T.

Sections, each a table of activities sorted by ID:
- Delivered: reported Completed. Nothing else is ever called delivered.
- Open and overdue: not reported Completed or Cancelled (blank Status counts as open and shows "Not reported").
- Around the session: before (due to end before it opens, End < S); during (the session's own events: dates
  overlap the session AND the Programme is "General Conference", the Event names the General Conference, or the
  activity is scheduled only within the session's calendar month(s), as receptions and statements written
  "November 2023" are); after (follow-up: starting after E, until the next milestone or the plan's end).
  `due_during` (any overlap with S..E) is kept as data for the page's counts; the documents show the events.
- One section per domain and per convention in the Lists sheet (plus any value used but not listed); an empty
  one is kept as data, left out of the documents, and named as empty in their contents.
- Changes since an earlier version of the workbook (`changes`), kept to activities in scope in either version.

Everything written comes from the workbook: counts, statuses, names, dates, Notes as written. The summary and
the key messages are built in `summary`; a message is only ever one staff wrote in the Messages sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

import pandas as pd

from .. import words
from ..i18n import N_, _, current, using
from ..plan import contract
from ..plan import status as as_of_status
from ..plan.contract import ActivityColumn as A
from ..plan.contract import StepColumn
from ..plan.facts import PlanFacts
from ..plan.load import Plan, WorkbookInfo, plan_in_language
from ..plan.status import AsOf
from . import summary
from .grid import QuarterGrid, quarter_grid
from .leads import after_lead, at_session_lead, delivered_lead, due_before_lead, due_during_lead, open_lead
from .scope import CLOSED, Scope, at_session_mask, in_scope
from .sections import Section, changes_section, domain_summary, grouped_sections, groups, status_summary
from .versions import workbook_version

UNCLASSIFIED = N_("Unclassified")
DEFAULT_TITLE = N_("The plan")

# ---------------------------------------------------------------------------------------------------------------
# The briefing


@dataclass(frozen=True, eq=False)
class Briefing:
    """The whole pack: title facts, summary, key messages, sections, the quarter grid and the annex's steps.

    What only a document or one tab of the page shows (the sections by domain and by convention, the key items,
    the quarter grid, the annex's steps) is built when first asked, once, in the pack's language: a page that
    shows the summary and one tab builds no more than that."""

    plan_title: str
    facts: PlanFacts
    scope: Scope
    source: WorkbookInfo | None
    activities: pd.DataFrame  # in scope, sorted by ID, with "Status as of"
    messages: pd.DataFrame  # Topic | Message | Activity ID | Activity | Owner, as staff wrote them
    status_summary: pd.DataFrame  # Status as of | Activities | Meaning
    domain_summary: pd.DataFrame  # Domain | Activities | Reported Completed | Open | Past end | Not reported
    delivered: Section
    open: Section
    due_before: Section
    at_session: Section
    after: Section
    changes: Section
    plan: Plan = field(repr=False)  # in the pack's language: what the parts built when asked read
    lang: str = field(default="en", repr=False)
    since: WorkbookInfo | None = None
    until: date | None = None  # the follow-up's last day (summary.follow_up)

    # Built when first asked (functools.cached_property: once per pack, under a lock; the value never changes).

    @cached_property
    def by_domain(self) -> tuple[Section, ...]:
        plan = self.plan
        with using(self.lang):
            return grouped_sections(
                self.activities, A.DOMAIN, plan.lists.domains, _(UNCLASSIFIED), "domain", plan.labels
            )

    @cached_property
    def by_convention(self) -> tuple[Section, ...]:
        plan = self.plan
        with using(self.lang):
            titles = {name: plan.labels.title(plan.lists, name, self.lang) for name in plan.lists.conventions}
            return grouped_sections(
                self.activities, A.CONVENTION, plan.lists.conventions, None, "convention", plan.labels, titles=titles
            )

    @cached_property
    def due_during(self) -> Section:
        """Activities with any overlap with the session (data for counts; the documents show its own events)."""
        scope, activities = self.scope, self.activities
        overlap = (activities[A.START] <= pd.Timestamp(scope.end)) & (activities[A.END] >= pd.Timestamp(scope.start))
        table = activities[overlap]
        with using(self.lang):
            title = scope.says(N_("Due during the session"), N_("Due during the period"))
            return Section("due_during", title, due_during_lead(table, scope), table, level=2)

    @cached_property
    def key_items(self) -> pd.DataFrame:
        """The three open items to watch (summary.KEY_ITEMS_RULE)."""
        return summary.key_items(self.open.table, self.at_session.table)

    @cached_property
    def grid(self) -> QuarterGrid:
        return quarter_grid(self.activities, self.scope)

    @cached_property
    def steps(self) -> pd.DataFrame:
        """Activity ID, Step, Description, Terms, Status ... of the activities in the annex."""
        annex_ids = set(self.activities[A.ID].astype(str)) | set(self.after.table[A.ID].astype(str))
        steps = self.plan.steps
        # object values: pandas' hash table (a str column's isin makes an Arrow scalar of each of thousands of IDs)
        return steps[steps[StepColumn.ACTIVITY_ID].astype(object).isin(annex_ids)].copy()

    def cover_lines(self, *, as_of_label: str = N_("Status as of")) -> list[tuple[str, str]]:
        """The cover's facts, label (in the reader's language) and value, in reading order (a fact the workbook
        does not give is blank). `as_of_label` is a message id marked with N_."""
        scope = self.scope
        return [
            (_("Plan"), self.plan_title),
            (_("Issued by"), self.facts.issuing_body or ""),
            (scope.says(N_("Session"), N_("Period")), scope.title),
            (_(as_of_label), words.day(scope.as_of)),
            (_("Reporting period"), words.span(scope.period_start, scope.end)),
        ]

    @property
    def summary(self) -> tuple[str, ...]:
        """The summary paragraph, sentence by sentence, every activity it names listed (the documents)."""
        return self.summary_listing()

    def summary_listing(self, limit: int | None = None) -> tuple[str, ...]:
        """The summary's sentences with at most `limit` activities named in each list ('… and 1,204 more'; the
        screen), or all of them (None). Built when asked: the page names a few of thousands."""
        return summary.summary_sentences(
            self.scope,
            self.activities,
            self.delivered.table,
            self.open.table,
            self.at_session.table,
            self.after.table,
            self.until,
            self.messages,
            limit=limit,
        )

    @property
    def summary_lead(self) -> str:
        """The summary paragraph."""
        return " ".join(self.summary)

    @property
    def main_sections(self) -> tuple[Section, ...]:
        """The activity sections before the per-domain and per-convention ones, in reading order."""
        return (self.delivered, self.open, *self.around)

    @property
    def around(self) -> tuple[Section, ...]:
        """Before, during (the session's own events) and after the session."""
        return (self.due_before, self.at_session, self.after)

    @property
    def annex(self) -> pd.DataFrame:
        """Every activity the pack names, in full once: those in scope and the follow-up, by ID."""
        both = pd.concat([self.activities, self.after.table], ignore_index=True)
        return both.drop_duplicates(A.ID).sort_values(A.ID, kind="stable").reset_index(drop=True)

    @property
    def version(self) -> str:
        """'plan.xlsx, saved 26 Nov 2026 14:46, sha256 6d0b10d75dc3' (the workbook the pack was built from)."""
        return workbook_version(self.source)

    def steps_of(self, activity_id: str) -> pd.DataFrame:
        return self.steps[self.steps[StepColumn.ACTIVITY_ID] == activity_id].sort_values(StepColumn.STEP, kind="stable")


def build_briefing(
    plan: Plan, scope: Scope, since: Plan | None = None, *, since_taken: datetime | None = None
) -> Briefing:
    """The briefing pack for `scope`; `since` is an earlier version of the workbook to list changes against, and
    `since_taken` when it was taken, where the caller knows (a backup: `keeping.backups.taken_at`).

    Built in the language of the work under way: the pack's own words, and the workbook's text where it has a
    translated column (`Event (ru)`, `Domain (ru)` in Lists, ...; see `plan.translations`)."""
    lang = current().lang
    plan = plan_in_language(plan, lang)
    activities = in_scope(plan.activities, scope, plan.checkins)
    status = activities[as_of_status.STATUS_AS_OF].astype(str)
    reported = activities[contract.REPORTED_STATUS].astype(str)

    delivered = activities[status == AsOf.COMPLETED]
    still_open = activities[~status.isin(CLOSED)]
    due_before = activities[activities[A.END] < pd.Timestamp(scope.start)]
    at_session = activities[at_session_mask(activities, scope.sessions)]
    after, until, reason = summary.follow_up(plan, scope)
    messages = summary.session_messages(plan, scope)

    domains = [
        (plan.labels.name(value, lang) if value else _(UNCLASSIFIED), positions)
        for value, positions in groups(activities, A.DOMAIN, plan.lists.domains)
    ]
    changes, since_info = changes_section(plan, since, scope, activities, since_taken)
    facts = plan.facts
    return Briefing(
        plan_title=facts.title or (plan.source.path.name if plan.source else _(DEFAULT_TITLE)),
        facts=facts,
        scope=scope,
        source=plan.source,
        activities=activities,
        messages=messages,
        status_summary=status_summary(activities),
        domain_summary=domain_summary(activities, domains),
        delivered=Section("delivered", _("Delivered"), delivered_lead(activities, delivered, reported), delivered),
        open=Section("open", _("Open and overdue"), open_lead(still_open), still_open),
        due_before=Section(
            "due_before",
            scope.says(N_("Before the session"), N_("Before the period")),
            due_before_lead(due_before, scope),
            due_before,
            level=2,
        ),
        at_session=Section(
            "at_session",
            scope.says(N_("During the session: its own events"), N_("During the period: its own events")),
            at_session_lead(at_session, scope),
            at_session,
            level=2,
        ),
        after=Section(
            "after",
            scope.says(N_("After the session: follow-up"), N_("After the period: follow-up")),
            after_lead(after, scope, until, reason),
            after,
            level=2,
        ),
        changes=changes,
        plan=plan,
        lang=lang,
        since=since_info,
        until=until,
    )
