"""Several plans as one portfolio: a folder of plan workbooks, each plan known by its file (and its About title).

`PLAN_WORKBOOK` may name a folder: every `.xlsx` in it (not in its subfolders; Excel's `~$` lock files and hidden
files left out) is one plan. `combine` puts the usable plans side by side in one `Plan` whose tables carry the
column `Workbook` (the file's name), so the shared filters, counts and charts work across plans; a workbook that
cannot be used is left out and named (`Part.problem`), and the others still show.

This module sits one layer above `load.py` (it reads workbooks with `load_plan`; load.py never imports it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..i18n import N_
from .contract import ActivityColumn, Derived, MilestoneColumn
from .facts import PlanFacts
from .findings import WARNING, Finding
from .load import Lists, Plan, WorkbookInfo, empty_plan, load_plan
from .messages import empty_messages

WORKBOOK_COLUMN = Derived.WORKBOOK
WORKBOOK_SUFFIX = ".xlsx"


def is_portfolio(path: str | os.PathLike[str]) -> bool:
    """True when the path names a folder of plan workbooks rather than one workbook."""
    return Path(path).is_dir()


def plan_files(folder: str | os.PathLike[str]) -> tuple[Path, ...]:
    """The plan workbooks in a folder, by file name (Excel's `~$` lock files and hidden files left out)."""
    try:
        found = [
            entry
            for entry in Path(folder).iterdir()
            if entry.suffix.lower() == WORKBOOK_SUFFIX and not entry.name.startswith(("~$", ".")) and entry.is_file()
        ]
    except OSError:
        return ()
    return tuple(sorted(found, key=lambda entry: entry.name.casefold()))


@dataclass(frozen=True, eq=False)
class Part:
    """One workbook of the portfolio: its file, the plan shown for it (None when none is usable), and why not."""

    path: Path
    plan: Plan | None
    problem: Finding | None = None  # the first error of the file as it is now, when it cannot be used
    stale: bool = False  # True when `plan` is an earlier good version of a file that is now broken

    @property
    def name(self) -> str:
        """The file's name: how the portfolio tells its plans apart."""
        return self.path.name

    @property
    def title(self) -> str:
        """The plan's own title (About sheet or document properties), '' when it gives none."""
        return self.plan.facts.title if self.plan is not None else ""


def workbook_of(activity: pd.Series, path: Path) -> Path:
    """The workbook an activity was read from: `path` itself, or in a portfolio (`path` a folder) the file its
    Workbook column names. Its backups, change log and check-ins are that file's."""
    name = activity.get(WORKBOOK_COLUMN)
    return path / str(name) if isinstance(name, str) and name and is_portfolio(path) else path


def plan_label(name: str, title: str) -> str:
    """'plan-2024-2026.xlsx · The Country Action Plan ... 2024-2026' (the file alone when the plan has no title)."""
    return f"{name} · {title}" if title else name


def combine(folder: str | os.PathLike[str], parts: Sequence[Part]) -> Plan:
    """One Plan holding every usable part, each row tagged with its workbook's file name.

    Shapes: each part's activities (n_i x columns) -> (sum n_i) x (Workbook + the union of columns), in the order
    of `parts`; steps the same; milestones as one list without repeats (the General Conference sessions are in
    every plan), by date. Lists: the union, in order of first appearance. Findings: each part's, prefixed with its
    file name, plus one for each workbook left out.
    """
    shown = [part for part in parts if part.plan is not None]
    if not shown:
        return empty_plan(_left_out(parts), _folder_info(folder, parts))
    plans = [part.plan for part in shown if part.plan is not None]
    activities = _tagged([plan.activities for plan in plans], shown)
    steps = _tagged([plan.steps for plan in plans], shown)
    milestones = (
        pd.concat([plan.milestones for plan in plans], ignore_index=True)
        .drop_duplicates(subset=[MilestoneColumn.DATE, MilestoneColumn.NAME])
        .sort_values(MilestoneColumn.DATE, kind="stable")
        .reset_index(drop=True)
    )
    messages = pd.concat([plan.messages for plan in plans], ignore_index=True) if plans else empty_messages()
    checkins = _tagged([plan.checkins for plan in plans], shown)  # each plan's Updates, tagged with its workbook
    findings: list[Finding] = []
    for part in shown:
        findings += [_named(finding, part.name) for finding in part.plan.findings] if part.plan else []
    findings += _left_out(parts) + _repeated_ids(activities)
    return Plan(
        activities,
        steps,
        milestones,
        _union_lists([plan.lists for plan in plans]),
        tuple(findings),
        _folder_info(folder, parts),
        messages=messages,
        facts=PlanFacts(),
        checkins=checkins,
    )


def load_portfolio(folder: str | os.PathLike[str]) -> tuple[Plan, tuple[Part, ...]]:
    """Read every workbook of a folder and combine the usable ones (the command line's and the tests' way; the
    dashboard caches each file on its own signature and calls `combine`)."""
    parts = []
    for path in plan_files(folder):
        plan = load_plan(path)
        parts.append(Part(path, plan) if plan.usable else Part(path, None, plan.errors[0]))
    return combine(folder, parts), tuple(parts)


def _tagged(tables: list[pd.DataFrame], parts: Sequence[Part]) -> pd.DataFrame:
    """The tables one under the other, with the Workbook column first."""
    tagged = [table.assign(**{WORKBOOK_COLUMN: part.name}) for table, part in zip(tables, parts, strict=True)]
    joined = pd.concat(tagged, ignore_index=True)
    return joined[[WORKBOOK_COLUMN, *(column for column in joined.columns if column != WORKBOOK_COLUMN)]]


def _union_lists(all_lists: list[Lists]) -> Lists:
    def union(values: list[tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value for one in values for value in one))

    titles: dict[str, str] = {}
    for lists in all_lists:
        for name, title in lists.convention_titles:
            titles.setdefault(name, title)
    return Lists(
        domains=union([lists.domains for lists in all_lists]),
        conventions=union([lists.conventions for lists in all_lists]),
        convention_titles=tuple(titles.items()),
        programmes=union([lists.programmes for lists in all_lists]),
        statuses=union([lists.statuses for lists in all_lists]),
    )


def _named(finding: Finding, name: str) -> Finding:
    """The finding with the workbook it is about named first."""
    return replace(finding, sheet=f"{name} › {finding.sheet}" if finding.sheet else name)


def _left_out(parts: Sequence[Part]) -> list[Finding]:
    """A warning for each workbook that cannot be used now (left out, or shown as its last good version)."""
    found = []
    for part in parts:
        if part.problem is None:
            continue
        kept = "its last good version is shown" if part.stale else "it is left out of the portfolio"
        found.append(
            Finding(
                WARNING,
                part.name,
                part.problem.row,
                part.problem.column,
                f"{part.name} cannot be used ({part.problem.message}); {kept}",
                part.problem.hint,
            )
        )
    return found


def shared_ids(activities: pd.DataFrame) -> tuple[str, ...]:
    """The activity IDs that more than one plan of a portfolio uses, in order (an ID is unique only within its plan;
    a repeat within one plan is that workbook's own error). None for a single workbook."""
    if WORKBOOK_COLUMN not in activities.columns:
        return ()
    pairs = activities[[ActivityColumn.ID, WORKBOOK_COLUMN]].drop_duplicates()
    return tuple(pairs[pairs[ActivityColumn.ID].duplicated(keep=False)][ActivityColumn.ID].astype(str).unique())


def ids_sample(ids: Sequence[str], limit: int = 5) -> str:
    """'2021-01, 2021-02, … ' : the first few IDs, for a sentence."""
    return ", ".join(ids[:limit]) + (" …" if len(ids) > limit else "")


def _repeated_ids(activities: pd.DataFrame) -> list[Finding]:
    """A warning when two workbooks use the same activity ID (each plan's IDs are unique only within it)."""
    repeated = shared_ids(activities)
    if not repeated:
        return []
    return [
        Finding.of(
            WARNING,
            None,
            None,
            ActivityColumn.ID.value,
            N_("Activity IDs used in more than one workbook ({n}): {named}"),
            N_("pick one plan in the sidebar's Plan filter to tell them apart"),
            n=len(repeated),
            named=ids_sample(repeated),
        )
    ]


def _folder_info(folder: str | os.PathLike[str], parts: Sequence[Part]) -> WorkbookInfo:
    """The portfolio's version: its folder, the parts' total size, the latest change and one hash of them all."""
    sources = [part.plan.source for part in parts if part.plan is not None and part.plan.source is not None]
    digest = hashlib.sha256("".join(source.sha256 for source in sources).encode()).hexdigest()
    modified = max((source.modified for source in sources), default=datetime.fromtimestamp(0))
    return WorkbookInfo(Path(folder), sum(source.size for source in sources), modified, digest)
