"""Who is asked about which activity: each National lead named in the workbook (joint leads separated by `;` each
get the activity), and the National Commission itself for the activities that name none."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .. import words
from ..i18n import _

COMMISSION = ""  # the lead of an activity that names none: the National Commission's own form
LEAD_SEPARATOR = ";"


def leads_of(cell: object) -> list[str]:
    """The leads a National lead cell names: `A; B` -> [A, B]; blank -> [] (spaces and repeats dropped)."""
    names = (" ".join(part.split()) for part in words.cell_text(cell).split(LEAD_SEPARATOR))
    return list(dict.fromkeys(name for name in names if name))


def lead_name(lead: str) -> str:
    """How a lead is named to a reader: the lead as written, or the National Commission for its own form."""
    return lead or _("the National Commission (activities with no National lead)")


@dataclass(frozen=True)
class Asked:
    """Who gets which activities: (lead, activity IDs in sheet order), named leads first, the Commission last."""

    forms: tuple[tuple[str, tuple[str, ...]], ...]
    total: int  # activities in the workbook
    with_lead: int  # activities that name a National lead

    @property
    def without_lead(self) -> int:
        return self.total - self.with_lead


def asked(rows: Iterable[tuple[str, object]]) -> Asked:
    """The forms of a round from (activity ID, National lead cell) in sheet order."""
    by_lead: dict[str, list[str]] = {}
    total = with_lead = 0
    for activity_id, lead_cell in rows:
        total += 1
        leads = leads_of(lead_cell)
        with_lead += bool(leads)
        for lead in leads or [COMMISSION]:
            by_lead.setdefault(lead, []).append(activity_id)
    named = [(lead, tuple(ids)) for lead, ids in by_lead.items() if lead != COMMISSION]
    own = [(COMMISSION, tuple(by_lead[COMMISSION]))] if COMMISSION in by_lead else []
    return Asked(tuple(named + own), total, with_lead)


def file_name(number: int, lead: str) -> str:
    """`form-02-ministry-of-culture-of-turkmenistan.xlsx`: the number makes it unique, the rest only helps a
    person tell the files apart (letters outside ASCII are left out; the lead's name is on the form itself)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (lead or "national-commission").casefold(), flags=re.ASCII).strip("-")[:40]
    return f"form-{number:02d}-{slug.strip('-') or 'lead'}.xlsx"
