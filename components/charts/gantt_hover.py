"""What the Gantt says on hover: an activity's full event, terms, dates, instruments, status and mechanism steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from actionplan import views, words
from actionplan.i18n import _
from actionplan.plan.contract import ActivityColumn, StepColumn
from actionplan.plan.status import STATUS_AS_OF, label_of, meaning_of
from actionplan.plan.translations import ListLabels

from .common import _wrap


def step_label(step: Mapping[str, object]) -> str:
    return "   ↳ " + _("{activity} step {step}: {description}").format(
        activity=step["Activity ID"], step=step["Step"], description=words.short_title(step["Description"], 40)
    )


def activity_hovers(rows: pd.DataFrame, steps_text: Mapping[str, str], labels: ListLabels | None = None) -> list[str]:
    """One hover text per activity row: the full event, terms as written, dates, instruments, status, steps."""
    hovers = []
    columns = ("ID", "Domain", "Event", "Terms", "Start", "End", "Convention", "Programme", STATUS_AS_OF)
    present = [c for c in columns if c in rows.columns]
    for record in rows[present].itertuples(index=False, name=None):
        row = dict(zip(present, record))
        lines = [
            f"<b>{row['ID']}</b> ({views.app_word(row['Domain'], labels)})",
            _wrap(row[ActivityColumn.EVENT]),
            "",
            bold_lead(_("Terms as written:"), row["Terms"] if isinstance(row["Terms"], str) else ""),
            bold_lead(_("Dates:"), words.span(row["Start"], row["End"])),
        ]
        for column, lead in (
            (ActivityColumn.CONVENTION, _("Convention:")),
            (ActivityColumn.PROGRAMME, _("Programme:")),
        ):
            if pd.notna(row.get(column)):
                lines.append(bold_lead(lead, row[column]))
        status = str(row[STATUS_AS_OF])
        lines.append(bold_lead(_("Status:"), f"{label_of(status)} ({meaning_of(status)})"))
        steps = steps_text.get(row[ActivityColumn.ID], "")
        if steps:
            lines += ["", bold_lead(_("Mechanism:"), ""), steps]
        hovers.append("<br>".join(lines))
    return hovers


def bold_lead(lead: str, text: object) -> str:
    """A hover line: its lead in bold ('<b>Dates:</b> 1 Mar – 31 Dec 2021')."""
    return f"<b>{lead}</b> {text}"


def steps_texts(steps: pd.DataFrame | None, activity_ids: Sequence[str]) -> dict[str, str]:
    """For each activity, its mechanism steps as hover lines (`1. description [terms]`)."""
    if steps is None or steps.empty:
        return {}
    texts: dict[str, list[str]] = {}
    own = steps[steps[StepColumn.ACTIVITY_ID].isin(set(activity_ids))].sort_values([StepColumn.ACTIVITY_ID, "Step"])
    for step in own.to_dict("records"):
        when = f" [{step['Terms']}]" if isinstance(step.get(StepColumn.TERMS), str) and step[StepColumn.TERMS] else ""
        line = _wrap(f"{step['Step']}. {words.short_title(step['Description'], 150)}{when}")
        texts.setdefault(step[StepColumn.ACTIVITY_ID], []).append(line)
    return {activity_id: "<br>".join(lines) for activity_id, lines in texts.items()}
