"""The end of the Word pack: the annex (each activity in full once, with its steps) and "About this pack", ending with
the Source line; the one-page brief ends with the same Source line."""

from __future__ import annotations

import pandas as pd
from docx.shared import Cm, Pt

from .. import words
from ..i18n import N_, _
from ..plan.contract import ActivityColumn as A
from .build import Briefing
from .scope import AT_SESSION_RULE
from .text import one_line, printable

ANNEX_HEADING_LENGTH = 90
ANNEX_TITLE = N_("Annex: the activities in full")


def annex(document, briefing: Briefing) -> None:
    annex = briefing.annex
    document.add_heading(_(ANNEX_TITLE), level=1)
    document.add_paragraph(
        _(
            "{activities} by ID (those in scope and the follow-up), each with the steps of its mechanism as the "
            "Steps sheet gives them."
        ).format(activities=words.activities(len(annex)))
    )
    for _index, activity in annex.iterrows():
        heading = words.short_title(one_line(activity[A.EVENT]), ANNEX_HEADING_LENGTH)
        document.add_heading(f"{activity[A.ID]} {heading}", level=2)
        for line in printable(activity[A.EVENT]).splitlines():
            document.add_paragraph(line)
        progress = activity.get(A.PROGRESS)
        facts = [
            (_("Terms"), activity_dates(activity)),
            (_("Domain"), activity[A.DOMAIN]),
            (_("Convention"), activity[A.CONVENTION]),
            (_("Programme"), activity[A.PROGRAMME]),
            (_("UNESCO counterpart"), activity[A.COUNTERPART]),
            (_("National lead"), activity[A.LEAD]),
            (_("Locations"), activity[A.LOCATIONS]),
            (_("Reported status"), _(str(activity["Reported status"]))),
            (_("Status as of {day}").format(day=words.day(briefing.scope.as_of)), _(str(activity["Status as of"]))),
            (_("Progress"), "" if pd.isna(progress) else f"{progress:g}%"),
            (_("Last update"), words.day(activity[A.LAST_UPDATE])),
            (_("Notes"), activity[A.NOTES]),
        ]
        paragraph = document.add_paragraph()
        shown = [(label, printable(value)) for label, value in facts if words.cell_text(value)]
        for position, (label, value) in enumerate(shown):
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value + ("" if position == len(shown) - 1 else "  \u00b7  "))
        for run in paragraph.runs:
            run.font.size = Pt(9)
        steps = briefing.steps_of(str(activity[A.ID]))
        if steps.empty:
            document.add_paragraph(_("No mechanism steps in the Steps sheet.")).runs[0].italic = True
            continue
        for _index, step in steps.iterrows():
            own = [one_line(step.get("Terms")), one_line(step.get("Status"))]
            extra = " (" + "; ".join(part for part in own if part) + ")" if any(own) else ""
            number = "" if pd.isna(step["Step"]) else f"{int(step['Step'])}."
            line = document.add_paragraph(f"{number}\t{one_line(step['Description'])}{extra}")
            line.paragraph_format.left_indent = Cm(0.8)
            line.paragraph_format.first_line_indent = Cm(-0.8)
            line.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))
            line.paragraph_format.space_after = Pt(2)


def about_and_source(document, briefing: Briefing, *, heading: bool = True) -> None:
    """How the pack was built (scope, the session rule, what a status means), then the Source line, last."""
    if heading:
        document.add_heading(_("About this pack"), level=1)
        for line in (
            briefing.scope.rule,
            _(AT_SESSION_RULE),
            _(
                "Status as of: computed from the reported Status and the activity's dates. A blank Status is shown "
                "as Not reported; nothing is called completed unless its Status says Completed. Nothing in this pack "
                "is written by the dashboard: messages and Notes are the workbook's own words."
            ),
        ):
            document.add_paragraph(printable(line)).runs[0].font.size = Pt(9)
    source = document.add_paragraph()
    source.add_run(_("Source") + ": ").bold = True
    source.add_run(printable(briefing.version))
    for run in source.runs:
        run.font.size = Pt(8)


def activity_dates(activity: pd.Series) -> str:
    terms = one_line(activity[A.TERMS])
    if pd.isna(activity[A.START]) or pd.isna(activity[A.END]):
        return f"{terms} ({_(words.NO_DATES)})" if terms else _(words.NO_DATES)
    span = words.span(activity[A.START].date(), activity[A.END].date())
    return f"{terms} ({span})" if terms and terms != span else span
