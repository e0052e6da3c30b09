"""The briefing pack: scope from a session or a date range, its sections, the quarter grid, the Word and Excel
files (reopened with python-docx and openpyxl), the command line, and a PDF rendering by LibreOffice."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from actionplan import briefing as pack
from actionplan import load_plan
from actionplan.briefing.docx import SCHEDULED_FILL, briefing_docx
from actionplan.briefing.xlsx import SCHEDULED_MARK, briefing_xlsx
from actionplan.cli import main
from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
from actionplan.plan.workbook import write_workbook
from tests.conftest import ROOT
from tests.test_compare import edit_known_ways

ALL_IDS_BUT_DECEMBER_2023 = 40  # the 42nd session's scope in the seed plan: all but 2023-13 and 2023-14


@pytest.fixture
def plan(plan_workbook):
    return load_plan(plan_workbook)


def brief(plan, session="42", **kwargs):
    return pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, session)), **kwargs)


# ---------------------------------------------------------------------------------------------------------------
# Sessions and scope


@pytest.mark.parametrize("wanted", ["42", "42nd", "42ND", "42nd session", "Nov 2023"])
def test_a_session_is_found_by_its_ordinal_or_part_of_its_name(plan, wanted):
    session = pack.find_session(plan, wanted)
    assert session.name == "42nd session of the UNESCO General Conference"
    assert (session.start, session.end, session.place) == (date(2023, 11, 7), date(2023, 11, 22), "Paris")


def test_an_unknown_session_names_the_sessions_there_are(plan):
    with pytest.raises(pack.UnknownSession) as raised:
        pack.find_session(plan, "44")
    message = str(raised.value)
    assert "'44' is not a General Conference session" in message
    for ordinal in ("41st", "42nd", "43rd"):
        assert f"{ordinal} session of the UNESCO General Conference" in message


def test_a_session_added_later_is_offered(make_workbook):
    def edit(_acts, _steps, milestones, _lists):
        milestones.append(
            {
                "Date": date(2027, 11, 3),
                "End": date(2027, 11, 18),
                "Kind": "General Conference",
                "Name": "44th session of the UNESCO General Conference",
            }
        )
        milestones.append({"Date": date(2024, 6, 1), "Name": "Not a session", "Kind": "Visit"})

    plan = load_plan(make_workbook(edit=edit))
    assert [s.ordinal for s in pack.sessions(plan)] == ["41st", "42nd", "43rd", "44th"]
    scope = pack.session_scope(plan, pack.find_session(plan, "44"))
    assert scope.period_start == date(2025, 11, 14)  # the day after the 43rd ended


def test_session_scope_reports_on_the_period_since_the_previous_session(plan):
    scope = pack.session_scope(plan, pack.find_session(plan, "42"))
    assert scope.period_start == date(2021, 11, 25) and scope.end == date(2023, 11, 22)
    assert scope.as_of == date(2023, 11, 6)  # the eve of the session
    assert "25 Nov 2021 \u2013 22 Nov 2023 (from the end of the 41st session to the end of this session)" in scope.rule
    first = pack.session_scope(plan, pack.find_session(plan, "41"))
    assert first.period_start == date(2021, 1, 1) and "from the plan's start" in first.rule


def test_in_scope_overlaps_the_period_plus_earlier_open_ones(plan):
    ids = set(brief(plan, "42").activities["ID"])
    assert len(ids) == ALL_IDS_BUT_DECEMBER_2023 and not ids & {"2023-13", "2023-14"}
    assert "2021-07" in ids  # Sep-Oct 2021 ended before the period, but nobody reported it: still to account for
    ids_41 = set(brief(plan, "41").activities["ID"])
    assert ids_41 == {f"2021-{n:02d}" for n in range(1, 17)} - {"2021-12", "2021-15"}  # December 2021 starts later


def test_an_earlier_activity_reported_completed_leaves_the_scope(make_workbook):
    def edit(acts, *_):
        next(a for a in acts if a["ID"] == "2021-07")["Status"] = "Completed"

    plan = load_plan(make_workbook(edit=edit))
    assert "2021-07" not in set(brief(plan, "42").activities["ID"])
    assert "2021-07" in set(brief(plan, "41").activities["ID"])  # within the 41st's period: delivered there
    assert list(brief(plan, "41").delivered.table["ID"]) == ["2021-07"]


def test_a_date_range_is_its_own_reporting_period(plan):
    scope = pack.range_scope(plan, date(2022, 1, 1), date(2022, 12, 31))
    briefing = pack.build_briefing(plan, scope)
    assert scope.as_of == date(2022, 12, 31) and scope.session is None and scope.word == "period"
    assert set(briefing.activities["Year"]) == {2021, 2022}  # 2022, plus 2021's still-open activities
    assert briefing.at_session.lead.startswith("No General Conference session")
    with pytest.raises(ValueError, match="before it starts"):
        pack.range_scope(plan, date(2022, 12, 31), date(2022, 1, 1))


# ---------------------------------------------------------------------------------------------------------------
# Sections


def test_at_the_session_rule(plan):
    assert list(brief(plan, "42").at_session.table["ID"]) == ["2023-10", "2023-11", "2023-12"]  # with the reception
    assert list(brief(plan, "41").at_session.table["ID"]) == ["2021-11"]
    whole = pack.build_briefing(plan, pack.range_scope(plan, date(2021, 1, 1), date(2023, 12, 31)))
    assert list(whole.at_session.table["ID"]) == ["2021-11", "2023-10", "2023-11", "2023-12"]


def test_due_before_and_during_the_session(plan):
    briefing = brief(plan, "42")
    assert (briefing.due_before.table["End"] < "2023-11-07").all() and len(briefing.due_before.table) == 32
    assert set(briefing.due_during.table["ID"]) == {
        "2023-01",
        "2023-03",
        "2023-05",
        "2023-07",
        "2023-08",
        "2023-10",
        "2023-11",
        "2023-12",
    }


def test_blank_statuses_are_never_delivered_and_say_not_reported(plan):
    briefing = brief(plan, "42")
    assert briefing.delivered.empty
    assert briefing.delivered.lead == (
        "No activity in scope is reported Completed; 40 of 40 have no status reported (Not reported)."
    )
    assert len(briefing.open.table) == ALL_IDS_BUT_DECEMBER_2023
    assert set(briefing.open.table["Reported status"]) == {"Not reported"}
    assert "Past end, not reported: 32; Scheduled now: 8" in briefing.open.lead
    assert list(briefing.open.table["Status as of"].astype(str)[:1]) == ["Past end, not reported"]  # overdue first


def test_a_reported_completed_activity_is_delivered_and_not_open(make_workbook):
    def edit(acts, *_):
        next(a for a in acts if a["ID"] == "2023-10")["Status"] = "Completed"

    briefing = brief(load_plan(make_workbook(edit=edit)), "42")
    assert list(briefing.delivered.table["ID"]) == ["2023-10"]
    assert briefing.delivered.lead == "1 activity reported Completed."
    assert "2023-10" not in set(briefing.open.table["ID"])
    assert briefing.domain_summary.set_index("Domain").loc["Cooperation", "Reported Completed"] == 1


def test_every_listed_domain_and_convention_has_a_section_empty_ones_say_so(plan):
    briefing = brief(plan, "41")
    assert [s.title for s in briefing.by_domain] == list(plan.lists.domains)
    assert [s.title for s in briefing.by_convention] == list(plan.lists.conventions)
    assert sum(len(s.table) for s in briefing.by_domain) == len(briefing.activities)
    culture = next(s for s in briefing.by_domain if s.title == "Culture")
    assert set(culture.table["Domain"]) == {"Culture"}
    assert briefing.domain_summary.iloc[-1].to_dict()["Activities"] == len(briefing.activities)
    empty = pack.build_briefing(plan, pack.range_scope(plan, date(2019, 1, 1), date(2019, 12, 31)))
    assert all(s.empty and s.lead.startswith("No activity in scope") for s in empty.by_domain)


def test_quarter_grid_shades_the_right_quarters(plan):
    grid = brief(plan, "42").grid
    assert list(grid.cells.columns) == [f"{y} Q{q}" for y in (2021, 2022, 2023) for q in (1, 2, 3, 4)]
    row = grid.cells.loc["2023-02"]  # "2nd and 3rd quarter 2023"
    assert list(row[row].index) == ["2023 Q2", "2023 Q3"]
    assert grid.session_quarters == ("2023 Q4",)
    assert len(grid.cells) == len(grid.labels) == ALL_IDS_BUT_DECEMBER_2023


def test_changes_since_an_earlier_version_keep_to_the_scope(make_workbook):
    before = load_plan(make_workbook(name="before.xlsx"))
    after = load_plan(make_workbook(name="after.xlsx", edit=edit_known_ways))
    changes = brief(after, "42", since=before).changes
    assert changes.title == "Changes since before.xlsx"
    assert set(zip(changes.table["Change"], changes.table["ID"])) == {
        ("Added", "2023-15"),
        ("Removed", "2022-09"),
        ("Re-dated", "2023-02"),
        ("Re-classified", "2021-09"),
        ("Status changed", "2021-11"),
    }
    assert "Added: 1, Removed: 1, Re-dated: 1, Re-classified: 1, Status changed: 1" in changes.lead
    # The 41st session's scope holds only the 2021 changes.
    assert set(brief(after, "41", since=before).changes.table["ID"]) == {"2021-09", "2021-11"}
    assert brief(after, "42").changes.lead == "No earlier version of the workbook was chosen."


def test_an_uploaded_earlier_version_is_read_from_its_bytes(plan_workbook, plan):
    earlier = pack.earlier_version("plan-old.xlsx", plan_workbook.read_bytes())
    assert earlier.usable and earlier.source.path.name == "plan-old.xlsx"
    assert brief(plan, since=earlier).changes.lead.startswith("No activity in scope changed since plan-old.xlsx")
    broken = pack.earlier_version("broken.xlsx", b"not a workbook")
    assert "cannot be read" in brief(plan, since=broken).changes.lead


# ---------------------------------------------------------------------------------------------------------------
# Word


def _body(document):
    """The document's paragraphs and tables in order: ('p', Paragraph) or ('t', Table)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield "t", Table(child, document)


def _tables_by_heading(document):
    """{heading text: [tables until the next heading]}, headings keyed with their style name."""
    found, current = {}, None
    for kind, item in _body(document):
        if kind == "p" and item.style.name.startswith("Heading"):
            current = (item.style.name, item.text)
            found[current] = []
        elif kind == "t" and current is not None:
            found[current].append(item)
    return found


@pytest.fixture(scope="module")
def seed_plan(tmp_path_factory):
    """The seed plan, read once for the module's Word tests (writing a document takes a second or two)."""
    path = tmp_path_factory.mktemp("seed") / "plan.xlsx"
    write_workbook(
        path,
        [dict(a) for a in SEED_ACTIVITIES],
        [dict(s) for s in SEED_STEPS],
        [dict(m) for m in SEED_MILESTONES],
        {k: list(v) for k, v in SEED_LISTS.items()},
        facts=SEED_FACTS,
    )
    return load_plan(path)


@pytest.fixture(scope="module")
def document_42(seed_plan):
    briefing = brief(seed_plan, "42")
    return briefing, Document(io.BytesIO(briefing_docx(briefing)))


def test_docx_headings_use_word_heading_styles(document_42):
    # Second edition: key messages after the summary, empty sections left out, the three parts around the session.
    briefing, document = document_42
    headings = list(_tables_by_heading(document))
    level_1 = [text for style, text in headings if style == "Heading 1"]
    assert level_1 == [
        "Summary",
        "Key messages",
        "Timeline by quarter",
        "Open and overdue",
        "Around the session",
        "By domain",
        "By convention",
        "Annex: the activities in full",
        "About this pack",
    ]
    level_2 = [text for style, text in headings if style == "Heading 2"]
    assert level_2[:3] == ["Before the session", "During the session: its own events", "After the session: follow-up"]
    assert sum(text.startswith("2023-02 ") for text in level_2) == 1  # one annex heading per activity
    assert len(level_2) == 3 + ALL_IDS_BUT_DECEMBER_2023 + 2  # the annex has the follow-up too


def test_docx_is_a4_portrait(document_42):
    _, document = document_42
    for section in document.sections:
        assert abs(section.page_width - Cm(21.0)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)
        assert section.orientation == 0  # WD_ORIENT.PORTRAIT
        assert Cm(1.5) <= section.left_margin <= Cm(2.5) and Cm(1.5) <= section.top_margin <= Cm(2.5)


def test_docx_tables_have_one_row_per_activity_and_a_repeating_header(document_42):
    briefing, document = document_42
    by_heading = _tables_by_heading(document)
    (table,) = by_heading[("Heading 1", "Open and overdue")]
    assert len(table.rows) == len(briefing.open.table) + 1
    assert [c.text for c in table.rows[0].cells] == [
        "ID",
        "Activity",
        "Status",
        "As of 6 Nov 2023",
        "Progress",
        "Notes",
        "Last update",
    ]
    assert [row.cells[0].text for row in table.rows[1:]] == sorted(briefing.open.table["ID"])  # by ID
    (events,) = by_heading[("Heading 2", "During the session: its own events")]
    assert [row.cells[0].text for row in events.rows[1:]] == ["2023-10", "2023-11", "2023-12"]
    assert [c.text for c in events.rows[0].cells][2:4] == ["When", "Where"]
    (after,) = by_heading[("Heading 2", "After the session: follow-up")]
    assert [row.cells[0].text for row in after.rows[1:]] == ["2023-13", "2023-14"]
    (domains,) = by_heading[("Heading 1", "By domain")]
    assert len(domains.rows) == 1 + sum(not s.empty for s in briefing.by_domain)
    grid = by_heading[("Heading 1", "Timeline by quarter")][0]
    assert len(grid.rows) == len(briefing.activities) + 1
    every_table = [t for tables in by_heading.values() for t in tables]
    assert len(every_table) >= 8
    for table in every_table:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_docx_leaves_empty_sections_out_and_names_them(document_42):
    # Second edition: an empty section is left out; the contents on the cover says so.
    _, document = document_42
    paragraphs = [item.text for kind, item in _body(document) if kind == "p"]
    assert "Delivered" not in paragraphs and pack.EMPTY_SECTION not in paragraphs
    assert "4. Delivered (left out: it has no activities)" in paragraphs
    assert any(p.startswith("8. By convention (with none: ") or p == "8. By convention" for p in paragraphs)


def test_docx_contents_numbers_run_on_past_the_indented_parts(document_42):
    # The parts around the session are indented and unnumbered; the numbers after them run on (6, 7, 8...),
    # never jumping by the parts' count (6 to 10 was the bug).
    _, document = document_42
    paragraphs = [item.text for kind, item in _body(document) if kind == "p"]
    lines = []
    for line in paragraphs[paragraphs.index("Contents") + 1 :]:
        if not (line[:1].isdigit() or line.startswith("\u2003")):
            break
        lines.append(line)
    numbers = [int(line.split(".", 1)[0]) for line in lines if line[:1].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 10
    assert sum(line.startswith("\u2003") for line in lines) == 3  # before, during, after: unnumbered


def _fills(cells):
    fills = []
    for cell in cells:
        shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
        fills.append(shading.get(qn("w:fill")) if shading is not None else None)
    return fills


def test_docx_quarter_grid_shades_the_right_cells(document_42):
    briefing, document = document_42
    grid = _tables_by_heading(document)[("Heading 1", "Timeline by quarter")][0]
    quarters = list(briefing.grid.cells.columns)
    header = [cell.text for cell in grid.rows[0].cells]
    assert header[0] == "Activity" and header[1:] == [f"Q{q[-1]}\n{q[2:4]}" for q in quarters]
    row = next(r for r in grid.rows if r.cells[0].text.startswith("2023-02 "))
    shaded = [q for q, fill in zip(quarters, _fills(row.cells[1:])) if fill == SCHEDULED_FILL]
    assert shaded == ["2023 Q2", "2023 Q3"]
    whole_2021 = next(r for r in grid.rows if r.cells[0].text.startswith("2021-01 "))
    assert [q for q, fill in zip(quarters, _fills(whole_2021.cells[1:])) if fill == SCHEDULED_FILL] == [
        "2021 Q1",
        "2021 Q2",
        "2021 Q3",
        "2021 Q4",
    ]


def test_docx_cover_is_fit_to_send_and_the_source_comes_last(document_42, seed_plan):
    plan = seed_plan
    briefing, document = document_42
    paragraphs = [p.text for p in document.paragraphs]
    cover = "\n".join(paragraphs[: paragraphs.index("Contents")])
    assert "42nd session of the UNESCO General Conference, 7\u201322 Nov 2023, Paris" in cover
    assert "Status as of: 6 Nov 2023" in cover
    assert briefing.plan_title in cover and briefing.plan_title.startswith("The Country Action Plan")
    assert "sha256" not in cover and plan.source.sha256[:12] not in cover and str(plan.source.path) not in cover
    assert paragraphs[-1].startswith("Source: plan.xlsx, saved ") and plan.source.sha256[:12] in paragraphs[-1]
    core = document.core_properties
    assert core.author != "python-docx" and core.title.startswith("Briefing pack: 42nd session")


def test_docx_annex_lists_each_activity_with_its_steps(document_42, seed_plan):
    plan = seed_plan
    _, document = document_42
    paragraphs = [item.text for kind, item in _body(document) if kind == "p"]
    start = paragraphs.index(next(p for p in paragraphs if p.startswith("2021-04 Implementation")))
    steps = list(plan.steps_of("2021-04")["Description"])
    assert len(steps) == 5
    for number, description in enumerate(steps, start=1):
        assert f"{number}.\t{description}" in paragraphs[start : start + 12]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2" and p.text[:4].isdigit()]
    assert [h[:7] for h in headings] == sorted(h[:7] for h in headings)  # by ID
    for heading in headings:  # shortened at a word, never inside one
        event = plan.activities.set_index("ID").loc[heading[:7], "Event"].splitlines()[0]
        shown = heading[8:].removesuffix("\u2026")
        assert event.startswith(shown) and (shown == event or not event[len(shown)].isalnum())


def test_docx_never_claims_progress_it_was_not_told(document_42):
    _, document = document_42
    text = " ".join(p.text for p in document.paragraphs).lower()
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells).lower()
    for claim in ("on track", "achieved", "done"):
        assert claim not in text and claim not in cells
    activity_cells = [
        c.text.lower() for t in document.tables if t.rows[0].cells[0].text == "ID" for r in t.rows[1:] for c in r.cells
    ]
    assert not any("completed" in cell for cell in activity_cells)  # no activity's Status says Completed
    assert "not reported" in activity_cells


# ---------------------------------------------------------------------------------------------------------------
# Excel


def test_xlsx_has_a_formatted_sheet_per_section(make_workbook):
    def edit(acts, *_):
        next(a for a in acts if a["ID"] == "2023-11")["Event"] = '=HYPERLINK("http://x","statement")'
        next(a for a in acts if a["ID"] == "2023-12")["Event"] = "@reception"

    plan = load_plan(make_workbook(edit=edit))
    briefing = brief(plan, "42")
    book = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(briefing)))
    # Second edition: no sheet for an empty section (no key messages, nothing delivered, no changes chosen).
    assert book.sheetnames[:6] == [
        "Cover",
        "Contents",
        "Summary by status",
        "Summary by domain",
        "Timeline",
        "Open and overdue",
    ]
    assert {
        "Before the session",
        "During the session",
        "After the session",
        "Culture",
        "Cooperation",
        "1972 Convention",
        "Annex steps",
    } <= set(book.sheetnames)
    assert not {"Delivered", "Key messages", "Changes"} & set(book.sheetnames)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title  # 9: A4
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1" and sheet.cell(1, 1).value in (
            "ID",
            "Item",
            "Section",
            "Status as of",
            "Domain",
            "Topic",
            "Activity ID",
            "Change",
        )
    at_session = book["During the session"]
    headers = [c.value for c in at_session[1]]
    assert at_session.max_row == 1 + 3
    event = {row[0].value: row[headers.index("Event")] for row in at_session.iter_rows(min_row=2)}
    assert event["2023-11"].value == '\'=HYPERLINK("http://x","statement")' and event["2023-11"].data_type == "s"
    assert event["2023-12"].value == "'@reception"
    assert event["2023-12"].alignment.wrap_text
    assert "Status as of 6 Nov 2023" in headers and "Status" in headers
    assert {row[headers.index("Status")].value for row in at_session.iter_rows(min_row=2)} == {"Not reported"}
    start = at_session.cell(2, headers.index("Start") + 1)
    assert start.is_date and start.value.date() == date(2023, 11, 1)  # a real date cell, not ISO text
    assert book["Open and overdue"].max_row == ALL_IDS_BUT_DECEMBER_2023 + 1
    assert [r[0].value for r in book["After the session"].iter_rows(min_row=2)] == ["2023-13", "2023-14"]


def test_xlsx_timeline_marks_and_shades_the_quarters(plan):
    book = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(brief(plan, "42"))))
    sheet = book["Timeline"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "2023-02")
    marked = [headers[i] for i, cell in enumerate(row) if cell.value == SCHEDULED_MARK]
    assert marked == ["Q2 2023", "Q3 2023"]  # the header says the quarter as the reader does
    assert row[headers.index("Q2 2023")].fill.fgColor.rgb.endswith("2E75B6")
    assert row[headers.index("Q1 2023")].fill.fill_type is None


def test_xlsx_contents_lists_every_sheet_with_its_sentence(plan):
    briefing = brief(plan, "42")
    book = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(briefing)))
    contents = list(book["Contents"].iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in contents if row[1]} == set(book.sheetnames) - {"Cover", "Contents"}
    assert ("Delivered", None, 0, "No sheet: the section is empty. " + briefing.delivered.lead) in contents
    cover = dict(book["Cover"].iter_rows(min_row=2, values_only=True))
    assert cover["As of"] == "6 Nov 2023" and cover["Source"] == briefing.version
    assert list(cover)[-1] == "Source"


# ---------------------------------------------------------------------------------------------------------------
# Command line


def test_cli_writes_word_for_a_session(plan_workbook, tmp_path, capsys):
    out = tmp_path / "brief.docx"
    assert main(["briefing", "--session", "42", "--format", "docx", "--out", str(out), str(plan_workbook)]) == 0
    document = Document(str(out))
    assert document.paragraphs[0].text == "Briefing pack"
    assert "Wrote" in capsys.readouterr().err
    brief_out = tmp_path / "brief.docx"
    assert (
        main(["briefing", "--session", "42", "--format", "brief-docx", "--out", str(brief_out), str(plan_workbook)])
        == 0
    )
    assert Document(str(brief_out)).paragraphs[1].text.startswith("Brief: 42nd session")


def test_cli_writes_excel_for_a_range_with_workbook_option(plan_workbook, tmp_path):
    out = tmp_path / "range.xlsx"
    code = main(
        [
            "briefing",
            "--workbook",
            str(plan_workbook),
            "--from",
            "2022-01-01",
            "--to",
            "2022-12-31",
            "--as-of",
            "2022-06-30",
            "--out",
            str(out),
        ]
    )  # the format follows the suffix
    assert code == 0
    cover = dict(openpyxl.load_workbook(out)["Cover"].iter_rows(min_row=2, values_only=True))
    assert cover["Period"] == "1 Jan \u2013 31 Dec 2022" and cover["As of"] == "30 Jun 2022"


def test_cli_never_shows_a_traceback(plan_workbook, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)  # no LibreOffice here
    out = tmp_path / "brief.pdf"
    assert main(["briefing", str(plan_workbook), "--session", "42", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "Traceback" not in err and not out.exists()
    assert main(["briefing", str(plan_workbook), "--session", "42", "--out", str(tmp_path / "no" / "x.docx")]) == 1
    assert "cannot write the file" in capsys.readouterr().err


def test_cli_lists_changes_since_an_earlier_version(make_workbook, tmp_path):
    before = make_workbook(name="before.xlsx")
    after = make_workbook(name="after.xlsx", edit=edit_known_ways)
    out = tmp_path / "changes.xlsx"
    assert main(["briefing", str(after), "--session", "42", "--since", str(before), "--out", str(out)]) == 0
    changes = openpyxl.load_workbook(out)["Changes"]
    assert changes.max_row == 1 + 5
    assert changes.print_title_rows == "$1:$1"


def test_cli_unknown_session_is_a_clear_error(plan_workbook, tmp_path, capsys):
    assert main(["briefing", str(plan_workbook), "--session", "44", "--out", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "'44' is not a General Conference session" in err and "43rd session" in err
    assert not (tmp_path / "x.docx").exists()
    assert main(["briefing", str(plan_workbook), "--out", str(tmp_path / "x.docx")]) == 2
    assert "give --session" in capsys.readouterr().err


def test_cli_default_workbook_and_file_name_follow_the_other_commands(plan_workbook, tmp_path):
    env = {"PLAN_WORKBOOK": str(plan_workbook), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "actionplan", "briefing", "--session", "41st", "--format", "xlsx"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 0, run.stderr
    written = tmp_path / "briefing-41st-session-as-of-2021-11-08.xlsx"
    assert written.exists() and zipfile.is_zipfile(written)
    assert "14 activities in scope" in run.stderr


# ---------------------------------------------------------------------------------------------------------------
# Printing: the Word file as LibreOffice lays it out


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; mandatory in CI, where .ci/run installs it",
)
def test_docx_converts_to_an_a4_portrait_pdf(plan, tmp_path):
    assert shutil.which("soffice"), "CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui"
    source = tmp_path / "brief.docx"
    source.write_bytes(briefing_docx(brief(plan, "43")))  # the widest grid: 20 quarters
    run = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "brief.pdf"
    assert pdf.exists(), run.stderr
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) >= 10  # one per page: the pack runs over many pages
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1  # A4 portrait, in points


# ---------------------------------------------------------------------------------------------------------------
# Second edition: key messages, a summary from the workbook, reported outcomes, follow-up, hostile text

MESSAGES = [
    {
        "Session": "42",
        "Topic": "30 years",
        "Activity ID": "2023-11",
        "Message": "Thirty years of cooperation.",
        "Owner": "Head of Delegation",
    },
    {"Session": "42nd session", "Topic": "Culture", "Activity ID": "2021-02", "Message": "Ashgabat, Creative City."},
    {"Session": "42", "Topic": "30 years", "Message": "Priorities for 2024-2025."},
    {"Session": "41", "Topic": "Other", "Message": "For the 41st only."},
]


def reported_edit(acts, _steps, milestones, _lists):
    by_id = {a["ID"]: a for a in acts}
    by_id["2021-02"].update(
        {
            "Status": "Completed",
            "Notes": "Ashgabat designated a UNESCO Creative City",
            "Progress %": 100,
            "Last update": date(2021, 11, 2),
        }
    )
    by_id["2023-02"].update({"Status": "In progress", "Progress %": 60, "Notes": "File drafted"})
    by_id["2022-09"].update({"Status": "Postponed"})


@pytest.fixture
def reported(tmp_path):
    acts, steps = [dict(a) for a in SEED_ACTIVITIES], [dict(s) for s in SEED_STEPS]
    milestones, lists = [dict(m) for m in SEED_MILESTONES], {k: list(v) for k, v in SEED_LISTS.items()}
    reported_edit(acts, steps, milestones, lists)
    path = tmp_path / "reported.xlsx"
    about = ["Issuing body: The Test Ministry", "How to edit"]
    write_workbook(path, acts, steps, milestones, lists, about=about, messages=MESSAGES)
    return load_plan(path)


def test_messages_are_read_and_a_row_without_a_message_is_reported(make_workbook, tmp_path):
    from actionplan.plan.messages import read_messages

    table, findings = read_messages([["Session", "Message", "Topic"], [42.0, "Say it", None], ["42", None, "T"]])
    assert list(table["Session"]) == ["42"] and list(table["Message"]) == ["Say it"] and list(table["Row"]) == [2]
    assert len(findings) == 1 and findings[0].row == 3 and findings[0].column == "Message"
    assert read_messages(None)[0].empty and read_messages(None)[1] == []
    assert load_plan(make_workbook()).messages.empty  # the sheet ships empty


def test_the_pack_opens_with_the_messages_staff_wrote_by_topic(reported):
    briefing = brief(reported)
    messages = briefing.messages
    assert list(messages["Topic"]) == ["30 years", "30 years", "Culture"]  # grouped, in first-use order
    assert list(messages["Message"]) == [
        "Thirty years of cooperation.",
        "Priorities for 2024-2025.",
        "Ashgabat, Creative City.",
    ]
    assert messages["Activity"].iloc[0].startswith("Statement of the Head of the Delegation")
    document = Document(io.BytesIO(briefing_docx(briefing)))
    texts = [p.text for p in document.paragraphs]
    assert texts.index("Key messages") < texts.index("Timeline by quarter")
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert {"Thirty years of cooperation.", "For the 41st only."} & cells == {"Thirty years of cooperation."}
    assert brief(reported, "43").messages.empty
    assert (
        pack.build_briefing(reported, pack.session_scope(reported, pack.find_session(reported, "43")))
        .summary[-1]
        .startswith("No key messages were recorded")
    )


def test_the_summary_says_only_what_the_workbook_says(reported, plan):
    summary = brief(reported).summary_lead
    assert "1 is reported Completed: 2021-02 Participation in the UNESCO Creative Cities" in summary
    assert "\u201cAshgabat designated a UNESCO Creative City\u201d" in summary
    assert "2023-13" in summary and "2023-14" in summary  # the follow-up
    assert "Not reported" not in summary and "activities Not reported" not in summary
    seed = brief(plan).summary_lead
    assert "None of them is reported Completed." in seed and "No status is reported for any of them." in seed
    for claim in ("on track", "achieved", "success", "delivered"):
        assert claim not in seed.lower()


def test_delivered_rows_show_notes_progress_and_last_update_outside_the_annex(reported):
    briefing = brief(reported)
    rows = pack.compact(briefing.delivered.table)
    assert rows.iloc[0].to_dict() == {
        "ID": "2021-02",
        "Activity": "Participation in the UNESCO Creative Cities Network",
        "Reported status": "Completed",
        "Status as of": "Completed",
        "Progress %": 100.0,
        "Notes": "Ashgabat designated a UNESCO Creative City",
        "Last update": date(2021, 11, 2),
    }
    document = Document(io.BytesIO(briefing_docx(briefing)))
    (table,) = _tables_by_heading(document)[("Heading 1", "Delivered")]
    assert [c.text for c in table.rows[1].cells][4:] == [
        "100%",
        "Ashgabat designated a UNESCO Creative City",
        "2 Nov 2021",
    ]


def test_follow_up_runs_to_the_plan_end_and_the_key_items_put_the_session_first(plan):
    briefing = brief(plan)
    assert list(briefing.after.table["ID"]) == ["2023-13", "2023-14"]
    assert "by 31 Dec 2023 (the plan's end)" in briefing.after.lead
    assert list(briefing.key_items["ID"]) == ["2023-10", "2023-11", "2023-12"]
    first = brief(plan, "41").after  # until the eve of the next milestone, the 42nd session
    assert list(first.table["ID"][:2]) == ["2021-12", "2021-15"] and "by 6 Nov 2023 (the eve of 42nd" in first.lead


def test_control_characters_and_a_long_milestone_name_make_valid_files(reported):
    # openpyxl drops control characters when a workbook is written, so they are put into the loaded tables, as
    # a workbook saved by Excel would give them to the loader.
    notes = reported.activities["Notes"].copy()
    notes[reported.activities["ID"] == "2023-02"] = "File\u000bdrafted\u0000"
    reported.activities["Notes"] = notes
    names = reported.milestones["Name"].copy()
    names.iloc[1] = "42nd session of the UNESCO General Conference\u000b" + " and more" * 40
    reported.milestones["Name"] = names
    briefing = brief(reported)
    document = Document(io.BytesIO(briefing_docx(briefing)))
    assert len(document.core_properties.title) <= 255
    assert any("File\ndrafted" in c.text for t in document.tables for r in t.rows for c in r.cells)
    book = openpyxl.load_workbook(io.BytesIO(briefing_xlsx(briefing)))
    assert all(len(name) <= 31 for name in book.sheetnames)
    from actionplan.briefing.brief import brief_docx

    one_page = Document(io.BytesIO(brief_docx(briefing)))
    assert one_page.core_properties.author == "The Test Ministry"
    assert "The Test Ministry" in one_page.paragraphs[0].text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_one_page_brief_is_one_pdf_page(reported):
    pdf = pack.render(brief(reported), "brief-pdf")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
