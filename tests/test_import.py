"""Importing a plan document: the seed's text export and a Word version of the same plan reproduce the shipped
workbook; a differently laid-out plan of another country imports with its own title and years; the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan import cli
from actionplan.importing import REPORT_SHEET, SUGGESTED_COLUMN, ReportKind, import_file, workbook_bytes
from actionplan.importing.source import read_source
from actionplan.plan import contract, load_plan
from actionplan.plan.facts import read_plan_facts
from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_STEPS
from tests.conftest import ROOT, SHIPPED_WORKBOOK
from tests.plan_documents import NORLAND_BODY, norland_plan_docx, seed_plan_docx

# The plan's own text export (the table of the signed document, as the seed gives it), kept with the tests.
SEED_TEXT = ROOT / "tests" / "fixtures" / "plan-2021-2023-export.txt"
needs_seed = pytest.mark.skipif(not SEED_TEXT.is_file(), reason="the seed text export is missing from tests/fixtures")

ACTIVITY_KEYS = ("ID", "Year", "No.", "Event", "Terms")
STEP_KEYS = ("Activity ID", "Step", "Description", "Terms")


def _rows(rows, keys) -> list[tuple]:
    return [tuple(row.get(key) for key in keys) for row in rows]


@pytest.fixture(params=["text export", "Word table"])
def seed_source(request, tmp_path: Path) -> Path:
    """The shipped plan as a document: its text export, or a Word table built here."""
    if request.param == "text export":
        if not SEED_TEXT.is_file():
            pytest.skip("the seed text export is not beside the project")
        return SEED_TEXT
    return seed_plan_docx(tmp_path / "plan.docx")


def test_seed_document_reproduces_the_transcription(seed_source: Path) -> None:
    result = import_file(seed_source)
    assert _rows(result.activities, ACTIVITY_KEYS) == _rows(SEED_ACTIVITIES, ACTIVITY_KEYS)
    assert _rows(result.steps, STEP_KEYS) == _rows(SEED_STEPS, STEP_KEYS)
    assert len(result.activities) == 42 and len(result.steps) == 79
    assert result.years == {2021: 16, 2022: 12, 2023: 14}


def test_seed_document_matches_the_shipped_workbook(seed_source: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported.xlsx"
    assert cli.main(["import", str(seed_source), "--out", str(out)]) == 0
    imported, shipped = load_plan(out), load_plan(SHIPPED_WORKBOOK)
    assert imported.errors == () and imported.warnings == ()
    columns = list(ACTIVITY_KEYS)
    assert imported.activities[columns].astype(str).values.tolist() == (
        shipped.activities[columns].astype(str).values.tolist()
    )
    step_columns = ["Activity ID", "Step", "Description", "Terms"]
    assert imported.steps[step_columns].astype(str).values.tolist() == (
        shipped.steps[step_columns].astype(str).values.tolist()
    )
    # Dates come out the same, and nothing was reported: the plan records intentions, not outcomes.
    assert imported.activities[["Start", "End"]].equals(shipped.activities[["Start", "End"]])
    assert imported.activities["Status"].isna().all()


def test_imported_workbook_is_in_the_contract(seed_source: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported.xlsx"
    out.write_bytes(workbook_bytes(import_file(seed_source)))
    book = load_workbook(out)
    assert book.sheetnames == [*contract.SHEET_COLUMNS, contract.ABOUT, REPORT_SHEET][:3] + [
        contract.MESSAGES,
        contract.UPDATES,
        contract.LISTS,
        contract.ABOUT,
        REPORT_SHEET,
    ]
    activities = book[contract.ACTIVITIES]
    headers = [cell.value for cell in activities[1]]
    assert headers[: len(contract.ACTIVITY_COLUMNS)] == contract.column_names(contract.ACTIVITY_COLUMNS)
    assert SUGGESTED_COLUMN in headers
    validated = {str(ref) for dv in activities.data_validations.dataValidation for ref in dv.sqref.ranges}
    for name in ("Domain", "Convention", "Programme", "Status"):
        letter = activities.cell(row=1, column=headers.index(name) + 1).column_letter
        assert any(ref.startswith(f"{letter}2:") for ref in validated), name
    assert activities.freeze_panes == "D2"
    assert book.properties.title == SEED_FACTS.title


def test_the_plan_facts_come_from_the_heading(tmp_path: Path) -> None:
    out = tmp_path / "imported.xlsx"
    out.write_bytes(workbook_bytes(import_file(seed_plan_docx(tmp_path / "plan.docx"))))
    facts = read_plan_facts(out)
    assert facts.title == SEED_FACTS.title
    assert facts.period == "2021-2023"
    assert facts.parties == (facts.country, "UNESCO") and facts.country in SEED_FACTS.title


def test_another_country_plan_imports_with_its_own_title_and_years(tmp_path: Path) -> None:
    source = norland_plan_docx(tmp_path / "norland.docx")
    out = tmp_path / "norland.xlsx"
    assert cli.main(["import", str(source), "--out", str(out)]) == 0
    plan = load_plan(out)
    assert plan.errors == ()
    assert plan.years == [2025, 2026, 2027]
    by_id = plan.activities.set_index("ID")
    assert list(by_id.index) == ["2025-01", "2025-02", "2025-03", "2026-01", "2026-02", "2027-01", "2027-02"]
    assert by_id.loc["2025-01", "Terms"] == "Q1 2025"  # the first column, "Timeframe", read as Terms
    assert by_id.loc["2025-01", "National lead"] == "Ministry of Culture"
    # One terms cell merged down over two activities: each takes it.
    assert by_id.loc["2026-01", "Terms"] == by_id.loc["2026-02", "Terms"] == "March-May 2026"
    steps = plan.steps_of("2025-02")["Description"].tolist()
    assert steps == ["Preparation of the nomination of the Fjordmark reserve"]  # a step continued in the next row
    assert plan.steps_of("2025-01")["Description"].tolist() == [
        "Preparation of the nomination file",
        "Submission to the World Heritage Centre",
    ]
    facts = read_plan_facts(out)
    assert facts.title == "ACTION PLAN of Cooperation between the Republic of Norland and UNESCO for 2025-2027"
    assert (facts.country, facts.first_year, facts.last_year) == ("Republic of Norland", 2025, 2027)
    assert facts.issuing_body == NORLAND_BODY
    assert facts.parties == ("Republic of Norland", "UNESCO")
    assert load_workbook(out).properties.title == facts.title


def test_nothing_is_silently_dropped(tmp_path: Path) -> None:
    source = norland_plan_docx(tmp_path / "norland.docx")
    result = import_file(source)
    not_placed = result.report.of(ReportKind.NOT_PLACED)
    assert [line.where for line in not_placed] == ["table 1 row 2", "below the table"]
    assert not_placed[0].source.endswith("Ministry of Culture (to be confirmed)")
    assert not_placed[1].source == "* Activities are financed from the national budget."
    unread = result.report.of(ReportKind.TERMS_NOT_READ)
    assert [(line.activity_id, line.source) for line in unread] == [("2027-02", "whenever possible")]
    # Every row of the table is in the side-by-side, saying what it became.
    document = read_source(source)
    side_by_side = result.report.of(ReportKind.SOURCE_ROW)
    assert [line.where for line in side_by_side] == [row.where for row in document.rows]
    assert all(line.became for line in side_by_side)


@needs_seed
def test_the_report_names_what_was_joined_split_and_assumed() -> None:
    result = import_file(SEED_TEXT)
    joined = {line.activity_id for line in result.report.of(ReportKind.JOINED) if line.column != "Terms"}
    # The activities whose rows the page breaks split (the transcription's comments name them).
    assert {"2021-04", "2021-05", "2021-08", "2021-15", "2022-01", "2022-05", "2022-08", "2022-11"} <= joined
    assumed = {(line.activity_id, line.column) for line in result.report.of(ReportKind.ASSUMED)}
    assert ("2023-09", "Steps Terms") in assumed and ("2021-09", "Steps Terms") in assumed
    split = [line for line in result.report.of(ReportKind.SPLIT) if line.column == "Terms"]
    assert [(line.activity_id, line.became) for line in split] == [
        ("2023-09", "January 2023; March 2023; April 2023; 3th quarter of 2023")
    ]
    assert result.report.of(ReportKind.NOT_PLACED) == []


@needs_seed
def test_the_report_is_a_sheet_with_the_source_beside_what_it_became(tmp_path: Path) -> None:
    out = tmp_path / "imported.xlsx"
    out.write_bytes(workbook_bytes(import_file(SEED_TEXT)))
    sheet = load_workbook(out)[REPORT_SHEET]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Kind", "Where", "Activity ID", "Column", "Source", "Became", "Note"]
    records = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    year_row = next(r for r in records if r["Kind"] == "Source row" and r["Became"] == "year row: 2022")
    assert year_row["Source"].startswith("2022")
    first = next(r for r in records if r["Kind"] == "Source row" and r["Activity ID"] == "2021-04")
    assert first["Source"].startswith("4. | Implementation of the UNESCO") and first["Became"].startswith("2021-04")
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"


def test_cli_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = seed_plan_docx(tmp_path / "plan.docx")
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"staff's own workbook")
    assert cli.main(["import", str(source), "--out", str(out)]) == 2
    assert out.read_bytes() == b"staff's own workbook"
    assert "--force" in capsys.readouterr().err
    assert cli.main(["import", str(source), "--out", str(out), "--force"]) == 0
    assert len(load_plan(out).activities) == 42
    printed = capsys.readouterr().out
    assert "42 activities (16 for 2021, 12 for 2022, 14 for 2023), 79 steps" in printed
    assert "check finds 0 errors" in printed
    assert not list(tmp_path.glob(".plan.xlsx.*.tmp"))


def test_cli_reports_a_missing_or_unreadable_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", str(tmp_path / "none.docx"), "--out", str(tmp_path / "a.xlsx")]) == 2
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert cli.main(["import", str(broken), "--out", str(tmp_path / "b.xlsx")]) == 2
    assert "cannot be read as a plan" in capsys.readouterr().err
    assert not (tmp_path / "b.xlsx").exists()


def test_importer_names_no_country() -> None:
    for module in (ROOT / "actionplan" / "importing").glob("*.py"):
        assert "turkmen" not in module.read_text(encoding="utf-8").casefold(), module.name
