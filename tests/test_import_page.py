"""The Data page's "Import a plan" tab through AppTest: editors only; the report and preview of a document; the new
workbook started as the current one only when confirmed, with a backup."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from actionplan import load_plan
from actionplan.importing import REPORT_SHEET
from actionplan.keeping import backups
from actionplan.plan.facts import read_plan_facts
from actionplan.words import md_text
from components import plan_import
from tests.plan_documents import norland_plan_docx
from tests.test_data_page import data_page, sign_in, texts


def _with_document(at, path: Path):
    """AppTest cannot upload a file: the panel keeps the uploaded document in session state, so put it there."""
    at.session_state[plan_import.DOCUMENT] = (path.name, path.read_bytes())
    at.run()
    assert not at.exception, at.exception
    return at


def test_viewers_are_asked_to_sign_in(plan_workbook, use_workbook):
    at = data_page(plan_workbook, use_workbook)
    assert "Sign in on the Edit tab to import a plan document." in texts(at)
    assert not any(b.key == plan_import.REPLACE_KEY for b in at.button)


def test_an_editor_sees_the_report_and_preview_then_starts_the_workbook(
    plan_workbook, use_workbook, password_hash, tmp_path
):
    original = plan_workbook.read_bytes()
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at = _with_document(at, norland_plan_docx(tmp_path / "norland.docx"))
    shown = texts(at)
    for text in (
        "ACTION PLAN of Cooperation between the Republic of Norland and UNESCO for 2025-2027",
        "7 activities (3 for 2025, 2 for 2026, 2 for 2027), 9 steps",
    ):
        assert md_text(text) in shown
    assert "Period: " + md_text("2025-2027") in shown
    frames = [frame.value for frame in at.dataframe]
    preview = next(frame for frame in frames if list(frame.columns) == list(plan_import.PREVIEW_COLUMNS))
    assert list(preview["ID"])[:2] == ["2025-01", "2025-02"]
    look = next(frame for frame in frames if "Kind" in frame.columns)  # the lines to look at come first
    assert {"Not placed", "Terms not read"} <= set(look["Kind"])
    # Nothing is replaced until the editor confirms.
    replace = at.button(key=plan_import.REPLACE_KEY)
    assert replace.disabled
    assert plan_workbook.read_bytes() == original
    at.checkbox(key=plan_import.CONFIRM_KEY).check()
    at.run()
    at.button(key=plan_import.REPLACE_KEY).click()
    at.run()
    assert not at.exception, at.exception
    assert any("Started the workbook imported from norland.xlsx" in s.value for s in at.success)
    plan = load_plan(plan_workbook)
    assert plan.years == [2025, 2026, 2027] and plan.errors == ()
    assert read_plan_facts(plan_workbook).country == "Republic of Norland"
    [backup] = backups.list_backups(plan_workbook)
    assert backup.read_bytes() == original
    assert REPORT_SHEET in load_workbook(plan_workbook).sheetnames


def test_a_damaged_document_is_reported(plan_workbook, use_workbook, password_hash, tmp_path):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    at = _with_document(at, broken)
    assert any("cannot be read as a plan" in e.value for e in at.error)
