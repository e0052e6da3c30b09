"""The command line: check prints findings one a line and exits 1 on errors; export writes the activities as CSV."""

import csv
import io
import subprocess
import sys

import openpyxl

from actionplan.cli import main
from tests.conftest import ROOT, SHIPPED_WORKBOOK


def test_check_the_shipped_workbook(capsys):
    assert main(["check", str(SHIPPED_WORKBOOK)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "42 activities" in err and "0 errors" in err


def test_check_reports_each_finding_on_its_own_line_and_fails_on_error(make_workbook, capsys):
    def edit(acts, *_):
        acts[5]["ID"] = "2021-02"
        acts[16]["Terms"] = "sometime next year"

    assert main(["check", str(make_workbook(edit=edit))]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "Activities!7 ID: error: ID '2021-02' is already used in row 3" in lines[0]
    assert lines[1].startswith("Activities!18 Terms: warning: 'sometime next year'")


def test_check_uses_plan_workbook_env(make_workbook, monkeypatch, capsys):
    monkeypatch.setenv("PLAN_WORKBOOK", str(make_workbook(edit=lambda acts, *_: acts[0].update({"Domain": "Tourism"}))))
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("Activities!2 Domain: warning:")


def test_check_on_a_half_written_file_has_no_traceback(plan_workbook):
    plan_workbook.write_bytes(plan_workbook.read_bytes()[:5000])
    run = subprocess.run(
        [sys.executable, "-m", "actionplan", "check", str(plan_workbook)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "not a complete Excel workbook" in run.stdout or "damaged" in run.stdout


def test_export_writes_every_activity_with_dates(capsys):
    assert main(["export", str(SHIPPED_WORKBOOK)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 42
    by_id = {row["ID"]: row for row in rows}
    assert (by_id["2021-02"]["Start"], by_id["2021-02"]["End"]) == ("2021-03-01", "2021-12-31")
    assert (by_id["2023-02"]["Start"], by_id["2023-02"]["End"]) == ("2023-04-01", "2023-09-30")
    assert (by_id["2021-11"]["Start"], by_id["2021-11"]["End"]) == ("2021-11-01", "2021-11-30")
    assert by_id["2021-02"]["Terms"] == "March-December 2021"
    assert {row["Status"] for row in rows} == {"Not reported"}
    header = openpyxl.load_workbook(SHIPPED_WORKBOOK, read_only=True)["Activities"]
    assert list(rows[0].keys()) == [cell.value for cell in next(header.iter_rows(max_row=1))]


def test_export_keeps_staff_columns_and_neutralises_formulas(make_workbook, capsys):
    def edit(acts, *_):
        acts[0]["Focal point"] = '=HYPERLINK("http://x")'
        acts[1]["Notes"] = "@SUM(A1)"

    assert main(["export", str(make_workbook(edit=edit))]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["Focal point"].startswith("'=")
    assert rows[1]["Notes"] == "'@SUM(A1)"


def test_export_refuses_a_broken_workbook(make_workbook, capsys):
    assert main(["export", str(make_workbook(edit=lambda acts, *_: acts[1].update({"ID": "2021-01"})))]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "already used" in err
