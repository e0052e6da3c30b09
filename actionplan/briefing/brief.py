"""The one-page brief for the minister's folder: the summary, the key messages staff wrote, the session's own
events and the three open items to watch, on one A4 page (Word; as PDF through LibreOffice, see `pdf`)."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm, Pt

from .. import words
from ..i18n import N_, _, n_
from . import docx_parts as parts
from .build import Briefing
from .docx import EVENT_WIDTHS_CM, events_table, key_items, message_tables, properties
from .docx_annex import about_and_source
from .text import printable

MAX_MESSAGES = 6  # more would run over the page; the pack has them all
BRIEF_FONT_PT = 9


def brief_docx(briefing: Briefing) -> bytes:
    """The .docx bytes of the one-page brief."""
    document = Document()
    parts.page_setup(document)
    parts.styles(document)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(1.3)
        section.left_margin = section.right_margin = Cm(1.8)
    document.styles["Normal"].font.size = Pt(BRIEF_FONT_PT)
    parts.language(document)
    properties(document, briefing, _("Brief"))
    scope = briefing.scope
    header = document.add_paragraph()
    header.add_run(printable(" \u00b7 ".join(v for v in (briefing.facts.issuing_body, briefing.plan_title) if v)))
    header.runs[0].font.size = Pt(8)
    heading = _("Brief: {title}").format(title=scope.title)
    document.add_heading(printable(heading), level=1).paragraph_format.space_before = Pt(0)
    document.add_paragraph().add_run(_("Status as of {day}").format(day=words.day(scope.as_of))).italic = True
    document.add_heading(_("Summary"), level=2)
    document.add_paragraph(printable(briefing.summary_lead))
    document.add_heading(_("Key messages"), level=2)
    if briefing.messages.empty:
        document.add_paragraph(briefing.summary[-1])
    else:
        message_tables(document, briefing.messages.head(MAX_MESSAGES))
        if len(briefing.messages) > MAX_MESSAGES:
            rest = len(briefing.messages) - MAX_MESSAGES
            more = n_("{n} more message in the briefing pack.", "{n} more messages in the briefing pack.", rest).format(
                n=rest
            )
            document.add_paragraph(more)
    document.add_heading(scope.says(N_("The session's own events"), N_("The period's own events")), level=2)
    if briefing.at_session.empty:
        document.add_paragraph(briefing.at_session.lead)
    else:
        document.add_paragraph(printable(briefing.at_session.lead))
        parts.table(document, events_table(briefing.at_session), EVENT_WIDTHS_CM)
    if len(briefing.key_items):
        key_items(document, briefing)
    about_and_source(document, briefing, heading=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
