"""The briefing pack as a Word document: A4 portrait, Word heading styles, table headers that repeat on every page,
and the quarter grid drawn as a shaded table, so it prints and reads without a browser.

Layout: cover (issuing body and title from the workbook, the session, the as-of date, the contents); Summary; Key
messages; Timeline by quarter; Delivered; Open and overdue; Around the session (before, during, after); By domain;
By convention; Changes; Annex (each activity in full once, with its steps); About this pack, ending with the
"Source" line (file, saved, digest). A section with nothing in it is left out and named as empty in the contents.
"""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt, RGBColor

from .. import words
from ..i18n import N_, _
from ..plan.contract import ActivityColumn as A
from . import docx_parts as parts
from .build import Briefing
from .changes import shown_changes
from .compact import compact
from .docx_annex import ANNEX_TITLE, about_and_source, activity_dates, annex
from .docx_parts import GRID_STYLE, HEADER_FILL, SCHEDULED_FILL, SESSION_FILL, TEXT_WIDTH_CM
from .grid import quarter_head, quarter_name
from .sections import Section
from .summary import KEY_ITEMS_RULE
from .text import one_line, printable, within

AUTHOR = N_("Action Plan dashboard")
ROW_WIDTHS_CM: tuple[float, ...] = (1.7, 3.8, 2.0, 2.3, 1.6, 4.0, 1.6)  # the compact rows, summing to 17
EVENT_WIDTHS_CM: tuple[float, ...] = (1.7, 4.8, 2.6, 1.8, 1.9, 4.2)  # ID | Activity | When | Where | Status | Notes
MESSAGE_WIDTHS_CM: tuple[float, ...] = (8.6, 5.4, 3.0)  # Message | Activity | Owner
CHANGE_WIDTHS_CM: tuple[float, ...] = (2.3, 1.6, 4.1, 1.8, 3.6, 3.6)
# Column names stay English in the frames (their keys); `docx_parts.table` shows each through `_`.
CHANGE_COLUMNS: tuple[str, ...] = (N_("Change"), N_("ID"), N_("Activity"), N_("What"), N_("Before"), N_("After"))
HEADERS: tuple[str, ...] = (  # the other headers the Word documents show
    N_("Status"),
    N_("Progress"),
    N_("Notes"),
    N_("Last update"),
    N_("When"),
    N_("Where"),
    N_("Activities"),
    N_("IDs"),
    N_("Domain"),
    N_("Convention"),
    N_("Meaning"),
    N_("Reported Completed"),
    N_("Open"),
    N_("Past end"),
)
GROUP_WIDTHS_CM: tuple[float, ...] = (4.5, 1.9, 10.6)  # Domain | Activities | IDs
STATUS_SUMMARY_WIDTHS_CM: tuple[float, ...] = (4.5, 2.8, 9.7)
DOMAIN_SUMMARY_WIDTHS_CM: tuple[float, ...] = (4.4, 2.8, 2.8, 2.3, 2.2, 2.5)
GRID_QUARTER_MAX_CM = 1.1
GRID_QUARTERS_SPACE_CM = 11.5  # the quarters share this much; the activity label takes the rest
GRID_CHARS_PER_CM = 6.8  # at 7 pt, characters of a label per cm of line (DejaVu, wider than Calibri)
GRID_LABEL_LINES = 2
GRID_CELL_MARGIN_TWIPS = 30
OTHER_QUARTER_FILL = "5B7F95"
# A bar whose activity staff reported closed or postponed is drawn in its own shade, and the label says so.
REPORTED_FILLS: dict[str, str] = {"Completed": "548235", "Postponed": "C55A11", "Cancelled": "A6A6A6"}
AROUND_SESSION, AROUND_PERIOD = N_("Around the session"), N_("Around the period")


def briefing_docx(briefing: Briefing) -> bytes:
    """The .docx bytes of the briefing pack."""
    document = Document()
    parts.page_setup(document)
    parts.styles(document)
    parts.language(document)
    properties(document, briefing, _("Briefing pack"))
    contents = _contents(briefing)
    _cover(document, briefing, contents)
    _summary(document, briefing)
    _messages(document, briefing)
    _timeline(document, briefing)
    for section in (briefing.delivered, briefing.open):
        if not section.empty:
            _section(document, section, briefing)
    _around(document, briefing)
    _grouped(document, _("By domain"), _("Domain"), briefing.by_domain)
    _grouped(document, _("By convention"), _("Convention"), briefing.by_convention)
    if not briefing.changes.empty:
        _changes(document, briefing)
    annex(document, briefing)
    about_and_source(document, briefing)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def properties(document, briefing: Briefing, kind: str) -> None:
    """Title, subject, author and dates of the file (File > Info), each within Word's 255 characters."""
    core = document.core_properties
    core.title = within(f"{kind}: {briefing.scope.title}")
    core.subject = within(briefing.plan_title)
    core.author = core.last_modified_by = within(briefing.facts.issuing_body or _(AUTHOR))
    core.keywords = within(_("briefing; as of {day}").format(day=f"{briefing.scope.as_of:%Y-%m-%d}"))
    core.comments = within(_("Built from {version}").format(version=briefing.version))
    core.created = core.modified = datetime.now().replace(microsecond=0)
    core.revision = 1


def _contents(briefing: Briefing) -> list[tuple[str, str]]:
    """(heading, '' or why it is left out), in the order of the document."""
    scope = briefing.scope
    none = _("left out: it has no activities")  # the section is empty, so it is not in the document
    rows: list[tuple[str, str]] = [(_("Summary"), "")]
    rows.append((_("Key messages"), "" if len(briefing.messages) else _("none recorded in the Messages sheet")))
    rows.append((_("Timeline by quarter"), "" if len(briefing.grid.cells) else _("left out: no activity in scope")))
    for section in (briefing.delivered, briefing.open):
        rows.append((section.title, none if section.empty else ""))
    rows.append((scope.says(AROUND_SESSION, AROUND_PERIOD), ""))
    for section in briefing.around:
        rows.append((f"\u2003{section.title}", none if section.empty else ""))
    for title, sections in ((_("By domain"), briefing.by_domain), (_("By convention"), briefing.by_convention)):
        empty = [s.title for s in sections if s.empty]
        rows.append((title, _("with none: {names}").format(names=", ".join(empty)) if empty else ""))
    changes = briefing.changes
    left_out = _("left out: {why}").format(why=changes.lead.rstrip("."))
    rows.append((changes.title, left_out if changes.empty else ""))
    rows.append((_(ANNEX_TITLE), ""))
    rows.append((_("About this pack, and its source"), ""))
    return rows


def _cover(document, briefing: Briefing, contents: list[tuple[str, str]]) -> None:
    scope = briefing.scope
    session = scope.session.title if scope.session else scope.title
    parts.footer(
        document,
        _("Briefing pack \u00b7 {session} \u00b7 as of {day}").format(
            session=within(session, 90), day=words.day(scope.as_of)
        ),
    )
    document.add_paragraph(style="Title").add_run(_("Briefing pack"))
    document.add_paragraph(style="Subtitle").add_run(printable(scope.title))
    for label, value in briefing.cover_lines():
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(printable(value))
    document.add_paragraph().add_run(_("Contents")).bold = True
    number = 0
    for title, note in contents:  # the parts of a section (indented) are not numbered: the numbers run on
        if not title.startswith("\u2003"):
            number += 1
        paragraph = document.add_paragraph(title if title.startswith("\u2003") else f"{number}. {title}")
        paragraph.paragraph_format.space_after = Pt(1)
        if note:
            run = paragraph.add_run(f" ({note})")
            run.italic = True
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _summary(document, briefing: Briefing) -> None:
    document.add_heading(_("Summary"), level=1)
    document.add_paragraph(printable(briefing.summary_lead))
    if len(briefing.key_items):
        key_items(document, briefing)
    document.add_paragraph(_("By status as of {day}:").format(day=words.day(briefing.scope.as_of)))
    by_status = briefing.status_summary.copy()
    by_status["Status as of"] = [_(str(status)) for status in by_status["Status as of"]]
    parts.table(document, by_status, STATUS_SUMMARY_WIDTHS_CM)
    document.add_paragraph()
    document.add_paragraph(_("By domain:"))
    parts.table(document, briefing.domain_summary, DOMAIN_SUMMARY_WIDTHS_CM, bold_last=True)


def key_items(document, briefing: Briefing) -> None:
    """The three open items to watch, with the rule that chose them."""
    document.add_paragraph().add_run(_("Open items to watch")).bold = True
    for _index, item in briefing.key_items.iterrows():
        status = _(str(item["Status as of"]))
        line = f"{item[A.ID]} {words.short_title(one_line(item[A.EVENT]), 80)} \u2014 {status}"
        note = one_line(item.get(A.NOTES))
        note_text = "; " + _("Notes: {note}").format(note=note) if note else ""
        document.add_paragraph(line + note_text, style="List Bullet")
    document.add_paragraph(_(KEY_ITEMS_RULE)).runs[0].font.size = Pt(8)


def _messages(document, briefing: Briefing) -> None:
    document.add_heading(_("Key messages"), level=1)
    if briefing.messages.empty:
        document.add_paragraph(briefing.summary[-1])
        return
    document.add_paragraph(_("As staff wrote them in the Messages sheet of the workbook, by topic."))
    message_tables(document, briefing.messages)


def message_tables(document, messages: pd.DataFrame) -> None:
    """One bold topic line and a table of its messages (Message | Activity | Owner) per topic."""
    for topic, group in messages.groupby("Topic", sort=False):
        line = document.add_paragraph()
        line.add_run(printable(topic)).bold = True
        line.paragraph_format.keep_with_next = True
        table = pd.DataFrame(
            {
                "Message": group["Message"].tolist(),
                "Activity": [f"{i} {t}".strip() for i, t in zip(group["Activity ID"], group["Activity"])],
                "Owner": group["Owner"].tolist(),
            }
        )
        parts.table(document, table, MESSAGE_WIDTHS_CM)


def _timeline(document, briefing: Briefing) -> None:
    grid = briefing.grid
    if grid.cells.empty:
        return
    document.add_heading(_("Timeline by quarter"), level=1)
    held = ", ".join(quarter_name(quarter) for quarter in grid.session_quarters)
    document.add_paragraph(
        briefing.scope.says(
            N_(
                "Each row is an activity in scope; a shaded cell is a quarter its dates fall in (blue; reported "
                "completed green, postponed orange, cancelled grey). The session's quarter ({held}) has a light "
                "column and a dark heading."
            ),
            N_(
                "Each row is an activity in scope; a shaded cell is a quarter its dates fall in (blue; reported "
                "completed green, postponed orange, cancelled grey). The period's quarters ({held}) have a light "
                "column and a dark heading."
            ),
        ).format(held=held)
    )
    quarters = list(grid.cells.columns)
    quarter_cm = min(GRID_QUARTER_MAX_CM, GRID_QUARTERS_SPACE_CM / len(quarters))
    label_cm = TEXT_WIDTH_CM - quarter_cm * len(quarters)
    longest = int(GRID_LABEL_LINES * (label_cm - 0.3) * GRID_CHARS_PER_CM)
    table = document.add_table(rows=1 + len(grid.cells), cols=1 + len(quarters))
    table.style = "Table Grid"
    parts.fixed_layout(table, [label_cm] + [quarter_cm] * len(quarters))
    parts.cell_margins(table, GRID_CELL_MARGIN_TWIPS)
    rows = table.rows
    header = rows[0].cells
    parts.write(header[0], _("Activity"), GRID_STYLE, bold=True, colour="FFFFFF")
    parts.shade(header[0], HEADER_FILL)
    heads = [quarter_head(quarter) for quarter in quarters]
    # Two short lines ('Q3' over '23', 'III кв.' over '2023') while they fit the column; else one line, turned.
    if not parts.fits(heads, quarter_cm, GRID_STYLE, GRID_CELL_MARGIN_TWIPS):
        heads = [head.replace("\n", " ") for head in heads]
        parts.turn_upward(rows[0], header[1:], heads, GRID_STYLE)
    for position, (quarter, head) in enumerate(zip(quarters, heads), start=1):
        parts.write(header[position], head, GRID_STYLE, bold=True, colour="FFFFFF", centre=True)
        parts.shade(header[position], HEADER_FILL if quarter in grid.session_quarters else OTHER_QUARTER_FILL)
    parts.repeat_header(table)
    reported = grid.reported if grid.reported is not None else pd.Series(dtype=object)
    for row, (activity_id, scheduled) in zip(rows[1:], grid.cells.iterrows()):
        cells = row.cells
        parts.cant_split(row)
        status = str(reported.get(activity_id, ""))
        suffix = f" [{_(status)}]" if status in REPORTED_FILLS else ""
        label = words.short_title(grid.labels[activity_id], longest - len(suffix)) + suffix
        parts.write(cells[0], label, GRID_STYLE)
        fill = REPORTED_FILLS.get(status, SCHEDULED_FILL)
        for position, quarter in enumerate(quarters, start=1):
            if scheduled[quarter]:
                parts.shade(cells[position], fill)
            elif quarter in grid.session_quarters:
                parts.shade(cells[position], SESSION_FILL)
    for row in rows:
        for position, quarter in enumerate(quarters, start=1):
            if quarter.endswith("Q1") and position > 1:
                parts.left_border(row.cells[position])


def rows_table(section: Section, briefing: Briefing) -> pd.DataFrame:
    """The compact rows of a section as text: dates as '6 Nov 2023', Progress % as '60%', statuses in the reader's
    language."""
    shown = compact(section.table)
    for column in ("Reported status", "Status as of"):
        shown[column] = [_(str(status)) for status in shown[column]]
    shown = shown.rename(
        columns={
            "Reported status": "Status",
            "Status as of": _("As of {day}").format(day=words.day(briefing.scope.as_of)),
            A.PROGRESS: "Progress",
        }
    )
    shown["Progress"] = ["" if words.is_blank(p) else f"{p:g}%" for p in shown["Progress"]]
    shown[A.LAST_UPDATE] = [words.day(d) for d in shown[A.LAST_UPDATE]]
    return shown


def _section(document, section: Section, briefing: Briefing) -> None:
    document.add_heading(section.title, level=section.level)
    document.add_paragraph(printable(section.lead))
    parts.table(document, rows_table(section, briefing), ROW_WIDTHS_CM)


def events_table(section: Section) -> pd.DataFrame:
    """The session's own events: ID | Activity | When | Where | Status | Notes."""
    table = section.table
    return pd.DataFrame(
        {
            "ID": table[A.ID].astype(str).tolist(),
            "Activity": [words.short_title(one_line(e), 110) for e in table[A.EVENT]],
            "When": [activity_dates(activity) for _index, activity in table.iterrows()],
            "Where": [words.cell_text(place) for place in table[A.LOCATIONS]],
            "Status": [_(str(status)) for status in table["Reported status"]],
            "Notes": [words.cell_text(note) for note in table[A.NOTES]],
        }
    )


def _around(document, briefing: Briefing) -> None:
    document.add_heading(briefing.scope.says(AROUND_SESSION, AROUND_PERIOD), level=1)
    for section in briefing.around:
        if section.empty:
            continue
        document.add_heading(section.title, level=2)
        document.add_paragraph(printable(section.lead))
        if section is briefing.at_session:
            parts.table(document, events_table(section), EVENT_WIDTHS_CM)
        elif section is briefing.due_before:  # their rows are under Delivered or Open: named here, not repeated
            said = _("IDs (each in full in the annex): {ids}.")
            ids = parts.unbroken(
                list(section.table[A.ID].astype(str)), TEXT_WIDTH_CM, parts.BODY_STYLE, said[: said.find("{ids}")]
            )
            document.add_paragraph(said.format(ids=ids))  # each line break a w:br
        else:
            parts.table(document, rows_table(section, briefing), ROW_WIDTHS_CM)
    empty = [section.title for section in briefing.around if section.empty]
    if empty:
        document.add_paragraph(_("Nothing in: {sections}.").format(sections="; ".join(empty))).runs[0].italic = True


def _grouped(document, title: str, group: str, sections: tuple[Section, ...]) -> None:
    """One table: each group with its number of activities and their IDs (the rows are in the sections above)."""
    document.add_heading(title, level=1)
    filled = [section for section in sections if not section.empty]
    table = pd.DataFrame(
        {
            group: [section.title for section in filled],
            "Activities": [str(len(section.table)) for section in filled],
            "IDs": [", ".join(sorted(section.table[A.ID].astype(str))) for section in filled],
        }
    )
    if len(table):
        drawn = parts.table(document, table, GROUP_WIDTHS_CM)
        for row, ids in zip(drawn.rows[1:], table["IDs"]):  # broken between IDs, never at an ID's hyphen
            parts.unbroken_list(row.cells[-1], ids.split(", "), parts.TABLE_STYLE)
    empty = [section.title for section in sections if section.empty]
    if empty:
        none = _("No activity in scope for: {names}.").format(names=", ".join(empty))
        document.add_paragraph(none).runs[0].italic = True


def _changes(document, briefing: Briefing) -> None:
    section = briefing.changes
    document.add_heading(section.title, level=1)
    document.add_paragraph(printable(section.lead))
    table = shown_changes(section.table).rename(columns={"Event": "Activity"})[list(CHANGE_COLUMNS)].copy()
    table["Activity"] = [words.short_title(one_line(event), 80) for event in table["Activity"]]
    parts.table(document, table, CHANGE_WIDTHS_CM)
