"""The importer's parts, table-driven: cells' HTML, headers, steps, terms, joins, facts, suggestions, HTML tables."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from actionplan.importing import import_plan, workbook_bytes
from actionplan.importing.cells import YEAR_ROW, Role, role_of, should_join, split_steps, split_terms
from actionplan.importing.classify import classify
from actionplan.importing.facts import read_facts
from actionplan.importing.report import ImportReport, ReportKind
from actionplan.importing.source import Paragraph, fragment_paragraphs, read_html
from actionplan.plan.facts import PlanFacts, about_rows, plan_facts


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("plain text", [("plain text", False)]),
        ("<p>1. One</p> <p>2. Two</p>", [("1. One", False), ("2. Two", False)]),
        ('<ol style="list-style-type: none"> 1. One 2. Two </ol>', [("1. One 2. Two", False)]),
        ("<ol><li>One</li><li>Two &amp; three</li></ol>", [("One", True), ("Two & three", True)]),
        ("first<br>second<br/>third", [("first", False), ("second", False), ("third", False)]),
        ("lead-in <p>continued</p>", [("lead-in", False), ("continued", False)]),
        ("", []),
    ],
)
def test_a_cells_html_becomes_paragraphs(cell: str, expected: list[tuple[str, bool]]) -> None:
    assert [(p.text, p.item) for p in fragment_paragraphs(cell)] == expected


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("No.", Role.NO),
        ("№", Role.NO),
        ("Event", Role.EVENT),
        ("Activities", Role.EVENT),
        ("Mechanism", Role.MECHANISM),
        ("Implementation mechanism", Role.MECHANISM),
        ("Terms of implementation", Role.TERMS),
        ("Timeframe", Role.TERMS),
        ("Deadline", Role.TERMS),
        ("Responsible", Role.LEAD),
        ("Year", Role.YEAR),
        ("Remarks", None),
    ],
)
def test_headers_in_the_plans_words(header: str, role: Role | None) -> None:
    assert role_of(header) == role


@pytest.mark.parametrize(("text", "year"), [("2021", 2021), ("2025 year", 2025), ("Year 2026", 2026), ("1.", None)])
def test_year_rows(text: str, year: int | None) -> None:
    match = YEAR_ROW.match(text)
    assert (int(match.group(1)) if match else None) == year


@pytest.mark.parametrize(
    ("paragraphs", "steps"),
    [
        ([Paragraph("1. Prepare 2. Submit 3. Hold")], ["Prepare", "Submit", "Hold"]),
        ([Paragraph("1. Prepare"), Paragraph("2.Submit"), Paragraph("Hold")], ["Prepare", "Submit", "Hold"]),
        ([Paragraph("Intro including"), Paragraph("1. Training")], ["Intro including", "Training"]),
        ([Paragraph("Prepare", item=True), Paragraph("Submit", item=True)], ["Prepare", "Submit"]),
        ([Paragraph("\u2022 Prepare"), Paragraph("- Submit")], ["Prepare", "Submit"]),
        # Numbers that are not the next step stay in the text.
        ([Paragraph("1. Support the 2003 Convention in 2 regions. Budget 2.5 million")],
         ["Support the 2003 Convention in 2 regions. Budget 2.5 million"]),
        ([Paragraph("1. Dates 2. Programme 4. Not three")], ["Dates", "Programme 4. Not three"]),
    ],
)  # fmt: skip
def test_steps_split_out_of_a_mechanism(paragraphs: list[Paragraph], steps: list[str]) -> None:
    assert split_steps(paragraphs)[0] == steps


@pytest.mark.parametrize(
    ("fragments", "terms", "dates"),
    [
        (["March-December 2021"], "March-December 2021", []),
        (["November, 2021"], "November, 2021", []),
        (["2nd quarter", "2023"], "2nd quarter 2023", []),
        (["January 2023 March 2023 April 2023 3th quarter of 2023"],
         "January 2023; March 2023; April 2023; 3th quarter of 2023",
         ["January 2023", "March 2023", "April 2023", "3th quarter of 2023"]),
        (["Q1 2025", "Q3 2025"], "Q1 2025; Q3 2025", ["Q1 2025", "Q3 2025"]),
        (["May 2024 - February 2025"], "May 2024 - February 2025", []),
        (["2nd and 3rd quarter 2023"], "2nd and 3rd quarter 2023", []),
        ([], "", []),
    ],
)  # fmt: skip
def test_terms_are_kept_as_written(fragments: list[str], terms: str, dates: list[str]) -> None:
    written, listed, _ = split_terms(fragments)
    assert (written, listed) == (terms, dates)


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("Implementation of the UNESCO", "1972 World Heritage Convention", True),
        ("community-based inventorying,", "the development of plans", True),
        ("Holding of the event.", "Distribution of invitations", False),
        ("Holding of the event.", "and then the rest", True),
        ("the “Writing Peace”", "Next paragraph", False),
    ],
)
def test_rows_broken_across_a_page_are_joined(before: str, after: str, joined: bool) -> None:
    assert should_join(before, after) is joined


@pytest.mark.parametrize(
    ("event", "steps", "expected", "unsure"),
    [
        ("Implementation of the UNESCO 1970 Convention on illicit trafficking", [],
         {"Domain": "Culture", "Convention": "1970 Convention"}, set()),
        ("Implementation of the UNESCO 1972 World Heritage Convention",
         ["Silk Roads tour guides", "the World Heritage and Sustainable Tourism Programme"],
         {"Domain": "Culture", "Convention": "1972 Convention"}, {"Programme"}),
        ("Opening of UNESCO Chairs at universities", [], {"Domain": "Education", "Programme": "UNESCO Chairs"}, set()),
        ("Visit of the Director of the Division of Water Sciences", [], {"Domain": "Science"}, set()),
        ("Participation in the 42nd Session of the UNESCO General Conference", [],
         {"Domain": "Cooperation", "Programme": "General Conference"}, set()),
        ("Further development of the cooperation on Sport", ["Participation in the MINEPS VII Conference"],
         {"Domain": "Sport", "Programme": "MINEPS/CIGEPS"}, set()),
        ("Something else entirely", [], {}, {"Domain"}),
        ("Regional sport festival for youth", [], {}, {"Domain"}),
    ],
)  # fmt: skip
def test_classification_is_suggested_from_the_text(event, steps, expected, unsure) -> None:
    found = classify(event, steps)
    assert {s.column: s.value for s in found.suggestions} == expected
    assert {u.column for u in found.unsure} == unsure
    assert all(s.reason for s in found.suggestions)


def test_a_section_row_suggests_its_domain() -> None:
    found = classify("Round table", [], section="II. Education", domains=("Culture", "Education"))
    assert {s.column: s.value for s in found.suggestions} == {"Domain": "Education"}


@pytest.mark.parametrize(
    ("heading", "title", "country", "period", "body"),
    [
        (["The Country Action Plan of Atlantis for 2021-2023 on cooperation with UNESCO"],
         "The Country Action Plan of Atlantis for 2021-2023 on cooperation with UNESCO", "Atlantis", "2021-2023", ""),
        (["ROADMAP", "of cooperation between the Kingdom of Ruritania and UNESCO", "2024-2025",
          "Approved by the Ministry of Foreign Affairs"],
         "ROADMAP of cooperation between the Kingdom of Ruritania and UNESCO", "Kingdom of Ruritania", "2024-2025",
         "the Ministry of Foreign Affairs"),
        ([], "", "", "2030-2031", ""),
    ],
)  # fmt: skip
def test_the_plan_facts_from_its_heading(heading, title, country, period, body) -> None:
    report = ImportReport()
    facts = read_facts(heading, [], [2030, 2031], report)
    assert (facts.title, facts.country, facts.period, facts.issuing_body) == (title, country, period, body)
    missing = {line.column for line in report.of(ReportKind.UNSURE)}
    assert ("Plan title" in missing) is (not title)


def test_facts_round_trip_through_the_about_rows() -> None:
    facts = PlanFacts("A plan", "Atlantis", 2024, 2026, ("Atlantis", "UNESCO"), "National Commission")
    rows = [["How to edit"], *([row] for row in about_rows(facts)), ["Sheet Activities: ..."]]
    assert plan_facts(rows) == facts
    assert plan_facts([["Country", "Atlantis"], ["Period", "2024"]]) == PlanFacts(
        country="Atlantis", first_year=2024, last_year=2024
    )
    assert plan_facts([["How to edit this workbook"]]).known is False


def test_an_html_table_with_spans() -> None:
    page = """<html><body><h1>Action Plan of Atlantis and UNESCO for 2024-2025</h1><table>
    <tr><th>No.</th><th>Event</th><th>Mechanism</th><th>Terms</th></tr>
    <tr><td colspan="4">2024</td></tr>
    <tr><td rowspan="2">1.</td><td>Exhibition of</td><td><ol><li>Dates</li><li>Invitations</li></ol></td>
        <td rowspan="2">Q2 2024</td></tr>
    <tr><td>carpets</td><td><ol><li>Opening</li></ol></td></tr>
    </table><p>Signed in two copies.</p></body></html>"""
    document = read_html(page)
    assert document.heading == ("Action Plan of Atlantis and UNESCO for 2024-2025",)
    assert document.trailing == ("Signed in two copies.",)
    result = import_plan(page.encode(), "plan.html")
    assert [(a["ID"], a["Event"], a["Terms"]) for a in result.activities] == [
        ("2024-01", "Exhibition of carpets", "Q2 2024")
    ]
    assert [s["Description"] for s in result.steps] == ["Dates", "Invitations", "Opening"]


def test_suggestions_are_marked_and_can_be_turned_off(tmp_path) -> None:
    text = (
        "Plan of Atlantis for 2024 with UNESCO\nNo.\tEvent\tMechanism\tTerms\n2024\t\t\t\n1.\tCreative Cities\t\t2024\n"
    )
    suggested = import_plan(text.encode(), "plan.txt")
    assert suggested.activities[0]["Programme"] == "Creative Cities Network"
    assert "suggested" in suggested.activities[0]["Suggested by import"]
    lines = suggested.report.of(ReportKind.SUGGESTED)
    assert {line.column for line in lines} == {"Domain", "Programme"} and all("confirm" in x.note for x in lines)
    plain = import_plan(text.encode(), "plan.txt", suggest=False)
    assert plain.activities[0].get("Programme") is None and plain.report.of(ReportKind.SUGGESTED) == []


def test_document_text_stays_text_in_the_workbook(tmp_path) -> None:
    text = 'No.\tEvent\tMechanism\tTerms\n2024\t\t\t\n1.\t=HYPERLINK("http://x")\t@step\t2024\n'
    out = tmp_path / "plan.xlsx"
    out.write_bytes(workbook_bytes(import_plan(text.encode(), "plan.txt")))
    book = load_workbook(out)
    event = book["Activities"]["D2"]
    assert event.value == '=HYPERLINK("http://x")' and event.data_type == "s"
    assert book["Steps"]["C2"].data_type == "s"
