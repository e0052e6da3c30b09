"""Plan documents the import tests build themselves with python-docx: the shipped plan as a Word table, and a
differently laid-out plan of a fictional country."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table

from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_STEPS

# Activities the Word version breaks across two rows, as a page break does: (ID, where the event breaks, where the
# first step breaks) as a count of words kept in the first row (0: not broken).
BROKEN_ROWS: dict[str, tuple[int, int]] = {"2021-04": (4, 7), "2021-08": (9, 0), "2022-08": (0, 12), "2023-13": (0, 30)}


def _paragraphs(cell, texts: list[str], style: str | None = None) -> None:
    """Put paragraphs in a cell (its first, empty paragraph reused)."""
    first = cell.paragraphs[0]
    for index, text in enumerate(texts):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.text = text
        if style:
            paragraph.style = style


def _merged_row(table: Table, text: str) -> None:
    """A row whose cells are merged across the table (a year or a section)."""
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    merged.text = text


def seed_plan_docx(path: Path) -> Path:
    """The shipped plan as its Word document would hold it: a heading, a four-column table with year rows merged
    across the table, steps as Word-numbered paragraphs, a few activities broken across two rows (event, first
    step or terms continued in the next row, the No. cell merged down), one activity with four dated lines."""
    document = docx.Document()
    document.add_paragraph(SEED_FACTS.title, style="Title")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("No.", "Event", "Mechanism", "Terms of implementation"), strict=True):
        cell.text = text
    steps_of: dict[str, list[dict]] = {}
    for step in SEED_STEPS:
        steps_of.setdefault(step["Activity ID"], []).append(step)
    year = None
    for activity in SEED_ACTIVITIES:
        if activity["Year"] != year:
            year = activity["Year"]
            _merged_row(table, str(year))
        aid = activity["ID"]
        events = activity["Event"].split("\n")
        steps = [step["Description"] for step in steps_of.get(aid, [])]
        terms = activity["Terms"].split("; ")
        if aid == "2023-06":
            terms = ["2nd quarter", "2023"]  # the terms broken across the page, as in the plan
        event_break, step_break = BROKEN_ROWS.get(aid, (0, 0))
        if aid == "2023-06":
            step_break = 5
        if not (event_break or step_break or aid == "2023-06"):
            cells = table.add_row().cells
            cells[0].text = f"{activity['No.']}."
            _paragraphs(cells[1], events)
            _paragraphs(cells[2], steps, "List Number")
            _paragraphs(cells[3], terms)
            continue
        # Broken across two rows: the first row holds the start of the event / first step / terms.
        first, second = table.add_row().cells, table.add_row().cells
        first[0].text = f"{activity['No.']}."
        event_words = events[0].split(" ")
        if event_break:
            _paragraphs(first[1], [" ".join(event_words[:event_break])])
            _paragraphs(second[1], [" ".join(event_words[event_break:]), *events[1:]])
        else:
            _paragraphs(first[1], events)
        if step_break and steps:
            step_words = steps[0].split(" ")
            _paragraphs(first[2], [" ".join(step_words[:step_break])], "List Number")
            _paragraphs(second[2], [" ".join(step_words[step_break:])])
            if len(steps) > 1:
                for text in steps[1:]:
                    second[2].add_paragraph(text, style="List Number")
        else:
            _paragraphs(first[2], steps, "List Number")
        _paragraphs(first[3], terms[:1])
        if len(terms) > 1:
            _paragraphs(second[3], terms[1:])
        first[0].merge(second[0])  # the No. cell runs down both rows
    document.save(path)
    return path


NORLAND_TITLE = "Action Plan of Cooperation between the Republic of Norland and UNESCO for 2025-2027"
NORLAND_BODY = "the National Commission of the Republic of Norland for UNESCO"


def norland_plan_docx(path: Path) -> Path:
    """A fictional country's plan laid out differently: a two-line title, an issuing line, columns in another order
    (Timeframe, №, Activity, Implementation mechanism, Responsible), year rows as "2025 year", bulleted steps, one
    terms cell merged over two activities, a step continued in the next row, a stray row and a footnote."""
    document = docx.Document()
    document.add_paragraph("ACTION PLAN", style="Title")
    document.add_paragraph("of Cooperation between the Republic of Norland and UNESCO for 2025-2027")
    document.add_paragraph(f"Approved by {NORLAND_BODY}")
    table = document.add_table(rows=1, cols=5)
    headers = ("Timeframe", "№", "Activity", "Implementation mechanism", "Responsible")
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text

    def row(terms: str, number: str, event: str, steps: list[str], lead: str, style: str = "List Bullet"):
        cells = table.add_row().cells
        _paragraphs(cells[0], [terms] if terms else [])
        cells[1].text = number
        _paragraphs(cells[2], [event] if event else [])
        _paragraphs(cells[3], steps, style)
        cells[4].text = lead
        return cells

    stray = table.add_row().cells
    stray[4].text = "Ministry of Culture (to be confirmed)"  # before any year or activity: cannot be placed
    _merged_row(table, "2025 year")
    row(
        "Q1 2025",
        "1",
        "Nomination of the Norland Salt Caves to the World Heritage List",
        ["Preparation of the nomination file", "Submission to the World Heritage Centre"],
        "Ministry of Culture",
    )
    first = row("1st half of 2025", "2", "Joining the Man and the Biosphere Programme with the Fjordmark reserve",
                ["Preparation of the", ], "Academy of Sciences")  # fmt: skip
    second = row("", "", "", [], "")
    _paragraphs(second[3], ["nomination of the Fjordmark reserve"])
    first[1].merge(second[1])
    row(
        "2025",
        "3",
        "Training of teachers of the Associated Schools in education for sustainable development",
        ["Selection of schools", "Three regional workshops"],
        "Ministry of Education",
        "List Number",
    )
    _merged_row(table, "2026 year")
    a = row("March-May 2026", "1", "Participation in the UNESCO Creative Cities Network (Port Lumen, music)",
            ["Preparation of the application"], "City of Port Lumen")  # fmt: skip
    b = row("", "2", "Regional sport festival for youth against doping", ["Organising committee", "Festival"],
            "Ministry of Sport")  # fmt: skip
    a[0].merge(b[0])  # one terms cell for both activities
    _merged_row(table, "2027 year")
    row(
        "H2 2027",
        "1",
        "Participation of the delegation of Norland in the 44th session of the General Conference",
        [],
        "National Commission",
    )
    row("whenever possible", "2", "Exchange of museum curators", ["Visits"], "Ministry of Culture")
    document.add_paragraph("* Activities are financed from the national budget.")
    document.save(path)
    return path
