"""The pack's sections: one per domain and per convention, the status and domain summaries, and the changes since
an earlier version of the workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from .. import words
from ..i18n import N_, _, current, n_
from ..plan import contract
from ..plan import status as as_of_status
from ..plan.contract import ActivityColumn as A
from ..plan.load import Plan, WorkbookInfo
from ..plan.status import AsOf, Reported
from ..plan.translations import ListLabels
from .changes import compare_plans, count_changes
from .scope import CLOSED, Scope, in_scope
from .versions import SHORT_SHA, workbook_version

EMPTY_SECTION = N_("No activity in this section.")  # marked; translated where shown

# Open = anything not reported Completed or Cancelled; past end = the two "past its end" as-of statuses.
PAST_END = AsOf.values("past_end")


@dataclass(frozen=True, eq=False)
class Section:
    """One section of the pack: a heading, one sentence from the data, and its activities (or changes)."""

    key: str
    title: str
    lead: str
    table: pd.DataFrame  # activities (all loaded columns + Status as of), or changes for the changes section
    level: int = 1  # 1: a main section; 2: one domain or convention, or one part of "Around the session"

    @property
    def empty(self) -> bool:
        return self.table.empty


def groups(activities: pd.DataFrame, column: str, listed: tuple[str, ...]) -> list[tuple[str, np.ndarray]]:
    """The positions of the activities of each value of `column`, in the order the sections go: every listed value
    (empty ones too), then values used but not listed, then blanks ("") where there are any.

    Shape: (activities) -> [(value, positions in `activities`)], one row's position in one group only."""
    values = activities[column].fillna("").astype(str).to_numpy(dtype=object)
    codes, uniques = pd.factorize(values)  # one pass over the column, not a comparison per value
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    found = {str(value): order[bounds[i] : bounds[i + 1]] for i, value in enumerate(uniques)}
    used = [value for value in found if value and value not in listed]
    none = np.empty(0, dtype=np.intp)
    ordered = [(value, found.get(value, none)) for value in [*listed, *used]]
    return ordered + ([("", found[""])] if "" in found else [])


def grouped_sections(
    activities: pd.DataFrame,
    column: str,
    listed: tuple[str, ...],
    blank_label: str | None,
    noun: str,
    labels: ListLabels,
    titles: dict[str, str] | None = None,
) -> tuple[Section, ...]:
    """One level-2 section per listed value (empty ones too), then values used but not listed, then blanks; each
    titled as the Lists sheet names the value in the reader's language (the key keeps the value)."""
    sections = []
    for value, positions in groups(activities, column, listed):
        table = activities.take(positions)
        if not value:
            if blank_label is not None:
                n = len(table)
                lead = n_("{n} activity in scope with no {column}.", "{n} activities in scope with no {column}.", n)
                sections.append(Section(f"{noun}:", blank_label, lead.format(n=n, column=column), table, level=2))
            continue
        title = labels.name(value, current().lang)
        full = (titles or {}).get(value)
        n = len(table)
        if table.empty:
            lead = (
                _("No activity in scope for this domain.")
                if noun == "domain"
                else _("No activity in scope for this convention.")
            )
        elif full and full != value:
            lead = n_(
                "{n} activity in scope implementing the {title}.",
                "{n} activities in scope implementing the {title}.",
                n,
            ).format(n=n, title=full)
        else:
            lead = n_("{n} activity in scope.", "{n} activities in scope.", n).format(n=n)
        sections.append(Section(f"{noun}:{value}", title, lead, table, level=2))
    return tuple(sections)


def status_summary(activities: pd.DataFrame) -> pd.DataFrame:
    """Status as of | Activities | Meaning: every as-of status, zero where none."""
    counts = as_of_status.tally(activities[as_of_status.STATUS_AS_OF])
    return pd.DataFrame(
        {
            "Status as of": list(as_of_status.AS_OF_ORDER),
            "Activities": counts.tolist(),
            "Meaning": [value.meaning for value in as_of_status.AS_OF_ORDER],
        }
    )


def domain_summary(activities: pd.DataFrame, by_domain: list[tuple[str, np.ndarray]]) -> pd.DataFrame:
    """Domain | Activities | Reported Completed | Open | Past end | Not reported, one row per domain section (its
    title and its activities' positions, as `groups` gives them), then the total."""
    status = activities[as_of_status.STATUS_AS_OF].astype(str).to_numpy(dtype=object)
    # Each count as a boolean column, taken at each section's positions (not a frame selected per domain).
    flags = {
        "Reported Completed": status == str(AsOf.COMPLETED),
        "Open": ~np.isin(status, [str(s) for s in CLOSED]),
        "Past end": np.isin(status, [str(s) for s in PAST_END]),
        "Not reported": activities[contract.REPORTED_STATUS].astype(str).to_numpy(dtype=object)
        == str(Reported.NOT_REPORTED),
    }
    rows: list[dict[str, Any]] = [
        {"Domain": title, "Activities": len(positions), **{k: int(f[positions].sum()) for k, f in flags.items()}}
        for title, positions in by_domain
    ]
    rows.append(
        {
            "Domain": _("Total"),
            "Activities": len(activities),
            **{key: sum(row[key] for row in rows) for key in flags},
        }
    )
    return pd.DataFrame(rows)


def changes_section(
    plan: Plan, since: Plan | None, scope: Scope, activities: pd.DataFrame, since_taken: datetime | None
) -> tuple[Section, WorkbookInfo | None]:
    """The changes section: rows of compare_plans for activities in scope now or in the earlier version."""
    title = _("Changes since an earlier version")
    empty = pd.DataFrame(columns=["Change", "ID", "Event", "What", "Before", "After"])
    if since is None:
        return Section("changes", title, _("No earlier version of the workbook was chosen."), empty), None
    label = workbook_version(since.source)
    if since.source is not None:
        taken = since_taken
        title = _("Changes since {file}").format(file=since.source.path.name)
        if taken is not None:  # a backup: its name says when it was taken, which is what readers know it by
            when = f"{words.day(taken.date())} {taken:%H:%M}"
            title = _("Changes since the backup of {when}").format(when=when)
            label = _("the backup of {when} ({file}, sha256 {digest})").format(
                when=when, file=since.source.path.name, digest=since.source.sha256[:SHORT_SHA]
            )
    if not since.usable:
        first = since.errors[0].sentence if since.errors else _("it has errors")
        lead = _("The earlier version ({version}) cannot be read: {problem}.").format(version=label, problem=first)
        return Section("changes", title, lead, empty), since.source
    earlier = in_scope(since.activities, scope, since.checkins)
    ids = set(activities[A.ID].astype(str)) | set(earlier[A.ID].astype(str))
    changes = compare_plans(since, plan)
    changes = changes[changes[A.ID].isin(ids)].reset_index(drop=True)
    if changes.empty:
        lead = _("No activity in scope changed since {version}.").format(version=label)
    else:
        counts = count_changes(changes)
        listed = ", ".join(
            _("{status}: {n}").format(status=_(kind), n=number) for kind, number in counts.items() if number
        )
        lead = _("Since {version}: {counts} (activities in scope in either version).").format(
            version=label, counts=listed
        )
    return Section("changes", title, lead, changes), since.source
