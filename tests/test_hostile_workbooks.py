"""Hostile and damaged workbooks: each gives a Plan with the finding that names where, never an exception."""

from __future__ import annotations

import pandas as pd
import pytest

from actionplan.plan.findings import ERROR, WARNING
from actionplan.plan.load import WorkbookInfo, load_plan, load_plan_bytes
from tests import hostile_files as hostile
from tests.conftest import SHIPPED_WORKBOOK

# (case, maker, severity, sheet, row, column, words in the message): the first finding of that severity must match.
CASES = [
    ("far cell", hostile.set_cell("XFD1048576", "<v>1</v>"), ERROR, "Activities", None, None, "XFD1048576"),
    ("far row", hostile.set_cell("A300000", "<v>1</v>"), ERROR, "Activities", None, None, "A300000"),
    ("far column", hostile.set_cell("BAA2", "<v>1</v>"), ERROR, "Activities", None, None, "BAA2"),
    ("zip bomb", hostile.bomb(hostile.ACTIVITIES_PART, 210), ERROR, None, None, None, "unpacks to more than"),
    ("core.xml bomb", hostile.bomb("docProps/core.xml", 210), ERROR, None, None, None, "unpacks to more than"),
    ("lying size", hostile.lying_size, ERROR, None, None, None, "sheet1.xml is broken"),
    ("deflate64", hostile.compression(9), ERROR, None, None, None, "Deflate64"),
    ("bzip2", hostile.compression(12), ERROR, None, None, None, "bzip2"),
    ("zip version 8.1", hostile.zip_version(81), ERROR, None, None, None, "version 8.1"),
    ("flipped byte", hostile.flip_byte(hostile.ACTIVITIES_PART, 100), ERROR, None, None, None, "damaged or incomplete"),
    ("too many parts", hostile.many_parts(2500), ERROR, None, None, None, "more than 2000 parts"),
    ("duplicate part", hostile.duplicate_part, ERROR, None, None, None, "appears twice"),
    ("DTD in UTF-16", hostile.utf16_dtd, ERROR, None, None, None, "unsafe XML"),
    ("UTF-16 declared on UTF-8", hostile.declared_encoding("UTF-16"), ERROR, None, None, None, "unsafe XML"),
    ("UTF-7 declared", hostile.declared_encoding("UTF-7"), ERROR, None, None, None, "unsafe XML"),
    ("encrypted", hostile.ole2("EncryptedPackage"), ERROR, None, None, None, "protected with a password"),
    (".xls renamed", hostile.ole2("Workbook"), ERROR, None, None, None, "Excel 97-2003"),
    (".ods renamed", hostile.ods, ERROR, None, None, None, "OpenDocument"),
    ("CSV renamed", lambda _: b"ID,Year,Event\n2021-01,2021,Visit\n", ERROR, None, None, None, "plain text"),
    ("0 bytes", lambda _: b"", ERROR, None, None, None, "empty (0 bytes)"),
    ("zeros", lambda content: bytes(len(content)), ERROR, None, None, None, "zero bytes"),
    (
        "word line break",
        hostile.text_cell("D2", "Visit_x000B_of the Director"),
        WARNING,
        "Activities",
        2,
        "Event",
        "U+000B, a line break pasted from Word",
    ),
    ("NUL character", hostile.text_cell("Q2", "note_x0000_end"), WARNING, "Activities", 2, "Notes", "U+0000"),
    ("40,000 characters", hostile.text_cell("Q2", "x" * 40_000), WARNING, "Activities", 2, "Notes", "32,767"),
    (
        "20-digit No.",
        hostile.set_cell("C2", "<v>12345678901234567890</v>"),
        WARNING,
        "Activities",
        2,
        "No.",
        "not a whole number",
    ),
    (
        "20-digit Year",
        hostile.set_cell("B2", "<v>12345678901234567890</v>"),
        WARNING,
        "Activities",
        2,
        "Year",
        "not a year",
    ),
    ("infinite Year", hostile.text_cell("B2", "inf"), WARNING, "Activities", 2, "Year", "not a year"),
    ("formula without value", hostile.set_cell("B2", "<f>2020+1</f>"), WARNING, "Activities", 2, "Year", "never saved"),
]
ERRORS = ["#VALUE!", "#DIV/0!", "#NUM!", "#NULL!", "#N/A", "#REF!", "#NAME?"]
ERROR_COLUMNS = {"B": "Year", "F": "Start", "G": "End", "H": "Domain", "O": "Progress %", "P": "Last update"}


def load(content: bytes, name: str = "plan.xlsx"):
    return load_plan_bytes(content, WorkbookInfo.of(name, content, pd.Timestamp(2026, 1, 1).to_pydatetime()))


def first(plan, severity):
    return next(finding for finding in plan.findings if finding.severity == severity)


@pytest.mark.parametrize(
    ("maker", "severity", "sheet", "row", "column", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_hostile_workbook_gives_its_finding(maker, severity, sheet, row, column, words):
    plan = load(maker(hostile.shipped()))
    finding = first(plan, severity)
    assert words in finding.message, plan.findings
    assert (finding.sheet, finding.row, finding.column) == (sheet, row, column) or row is None
    assert finding.sheet == sheet and finding.hint
    assert plan.usable == (severity == WARNING)
    if severity == ERROR:
        assert plan.activities.empty


@pytest.mark.parametrize("error", ERRORS)
@pytest.mark.parametrize("letter", sorted(ERROR_COLUMNS))
def test_error_cells_are_read_as_blank_with_a_warning(letter, error):
    plan = load(hostile.set_cell(f"{letter}3", f"<v>{error}</v>", ' t="e"')(hostile.shipped()))
    [finding] = [f for f in plan.findings if f.row == 3]
    assert (finding.severity, finding.sheet, finding.column) == (WARNING, "Activities", ERROR_COLUMNS[letter])
    assert error in finding.message and "read as blank" in finding.message
    assert plan.usable and len(plan.activities) == 42


def test_word_line_break_is_read_as_a_new_line():
    plan = load(hostile.text_cell("D2", "Visit_x000B_of the Director")(hostile.shipped()))
    assert plan.activities.loc[0, "Event"] == "Visit\nof the Director"


def test_twenty_digit_numbers_are_set_aside_not_raised():
    content = hostile.set_cell("C2", "<v>12345678901234567890</v>")(hostile.shipped())
    plan = load(hostile.set_cell("B3", "<v>1E+300</v>")(content))
    assert pd.isna(plan.activities.loc[0, "No."])
    assert plan.activities.loc[1, "Year"] == 2021  # from the ID


def test_a_lying_dimension_is_harmless():
    content = hostile.with_part(hostile.ACTIVITIES_PART, lambda xml: xml.replace(b"A1:Q43", b"A1:XFD1048576"))
    plan = load(content(hostile.shipped()))
    assert plan.findings == () and len(plan.activities) == 42


def test_formatted_empty_far_cell_is_harmless():
    plan = load(
        hostile.with_part(
            hostile.ACTIVITIES_PART,
            lambda xml: xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'),
        )(hostile.shipped())
    )
    assert plan.findings == () and len(plan.activities) == 42


# ---------------------------------------------------------------------------------------------------------------
# Sheets: hidden, copied, merged headers, the 1904 date system (built with openpyxl)


def test_hidden_stale_copy_placed_first_is_not_read(plan_workbook):
    import openpyxl

    book = openpyxl.load_workbook(plan_workbook)
    stale = book.copy_worksheet(book["Activities"])
    stale.title = "activities "
    stale.sheet_state = "hidden"
    stale["D2"] = "stale text"
    book.move_sheet(stale, offset=-len(book.sheetnames) + 1)
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    assert plan.activities.loc[0, "Event"] != "stale text"
    [finding] = plan.findings
    assert (finding.severity, finding.sheet) == (WARNING, "Activities")
    assert "hidden sheet 'activities'" in finding.message and "only 'Activities' is read" in finding.message


def test_duplicate_looking_sheet_is_named(plan_workbook):
    import openpyxl

    book = openpyxl.load_workbook(plan_workbook)
    book.copy_worksheet(book["Activities"]).title = "Activities (2)"
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    [finding] = plan.findings
    assert finding.severity == WARNING and "'Activities (2)' looks like a copy" in finding.message


def test_only_a_hidden_sheet_is_read_with_a_warning(plan_workbook):
    import openpyxl

    book = openpyxl.load_workbook(plan_workbook)
    book["Steps"].sheet_state = "hidden"
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    assert len(plan.steps) == 79
    [finding] = plan.findings
    assert (finding.sheet, finding.severity) == ("Steps", WARNING) and "is hidden" in finding.message


def test_merged_header_cells_are_named(plan_workbook):
    import openpyxl

    book = openpyxl.load_workbook(plan_workbook)
    book["Activities"].merge_cells("M1:N1")  # Locations over Status: Status loses its header
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    merged = [f for f in plan.findings if "merged" in f.message]
    assert merged and "M1:N1" in merged[0].message and merged[0].sheet == "Activities"
    assert plan.usable  # Status is optional: a warning says it is missing


def test_1904_date_system_reads_dates_and_serial_numbers(plan_workbook):
    import datetime

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.load_workbook(plan_workbook)
    book.epoch = CALENDAR_MAC_1904
    book["Activities"]["F2"] = datetime.date(2021, 3, 1)
    book["Activities"]["G2"] = 42794  # 1 Mar 2021 counted from 1 Jan 1904
    book.save(plan_workbook)
    plan = load_plan(plan_workbook)
    assert plan.findings == ()
    first_activity = plan.activities.iloc[0]
    assert (first_activity["Start"], first_activity["End"]) == (pd.Timestamp(2021, 3, 1), pd.Timestamp(2021, 3, 1))


def test_an_unforeseen_failure_becomes_a_finding(monkeypatch):
    from actionplan.plan import load as loader

    def broken(*_args, **_kwargs):
        raise RuntimeError("unforeseen")

    monkeypatch.setattr(loader, "read_activities", broken)
    plan = load_plan(SHIPPED_WORKBOOK)
    [finding] = plan.errors
    assert "RuntimeError while reading the Activities sheet" in finding.message and finding.hint


# ---------------------------------------------------------------------------------------------------------------
# The command line, in a child process under the limits the issue sets: 2 GB, 30 s, exit 0 or 1, no traceback


def _capped() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


@pytest.mark.parametrize(
    ("maker", "where"),
    [
        pytest.param(hostile.set_cell("XFD1048576", "<v>1</v>"), "Activities!XFD1048576", id="far cell"),
        pytest.param(hostile.bomb(hostile.ACTIVITIES_PART, 210), "unpacks to more than", id="zip bomb"),
        pytest.param(hostile.bomb("docProps/core.xml", 210), "unpacks to more than", id="core.xml bomb"),
        pytest.param(hostile.lying_size, "sheet1.xml is broken", id="lying size"),
        pytest.param(hostile.utf16_dtd, "xl/workbook.xml declares a DTD", id="DTD in UTF-16"),
        pytest.param(hostile.text_cell("D2", "a_x000B_b"), "Activities!2 Event: warning", id="Word line break"),
    ],
)
def test_check_command_names_where_within_limits(tmp_path, maker, where):
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = tmp_path / "plan.xlsx"
    path.write_bytes(maker(hostile.shipped()))
    result = subprocess.run(
        [sys.executable, "-m", "actionplan", "check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_capped,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and where in result.stdout


@pytest.mark.parametrize(
    ("reference", "far"),
    [
        ("Z99999", None),  # the largest sheet the fast path lets through: 26 x 99,999 cells, inside every limit
        ("Q10000", None),  # a plan of 10,000 activities
        ("A250000", "A250000"),  # beyond MAX_ROWS: measured, and refused
        ("ZZ9000", "ZZ9000"),  # 702 columns x 9,000 rows: beyond MAX_CELLS
    ],
)
def test_sheet_scan_bounds_every_sheet_whichever_path_it_takes(reference, far):
    from actionplan.plan.sheet_xml import scan_sheet

    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>'
        b'<row r="'
        + reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
        + b'"><c r="'
        + reference.encode()
        + b'"><v>1</v></c></row></sheetData></worksheet>'
    )
    assert scan_sheet(xml).far_cell == far


def test_a_namespace_declaration_is_not_a_cell_reference():
    from actionplan.plan.sheet_xml import _LARGE_REFERENCE

    root = b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    assert _LARGE_REFERENCE.search(root + b'<c r="Q10000"/>') is None  # the fast path holds for a normal sheet
    assert _LARGE_REFERENCE.search(root + b'<c r="AA1"/>') is not None
