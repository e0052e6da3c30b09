"""`python -m actionplan round`: start writes one form per lead (in the language asked for), status says who is
missing with a reminder each, return takes filled forms with an editor's password."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from actionplan.cli import main
from actionplan.keeping import access, audit
from actionplan.rounds.forms import HEADER_ROW
from tests.conftest import PASSWORD, ROOT


@pytest.fixture(autouse=True)
def editor_password_in_the_environment(monkeypatch, password_hash):
    monkeypatch.setenv(access.PASSWORD_HASH_ENV, password_hash)


def test_start_writes_one_form_per_lead_and_says_most_activities_name_none(plan_workbook, tmp_path, capsys):
    out = tmp_path / "forms"
    code = main(
        ["round", "start", "--name", "Before GC 44", "--due", "2027-09-30", "--out", str(out), str(plan_workbook)]
    )
    assert code == 0
    printed, said = capsys.readouterr()
    written = sorted(Path(line.split("\t")[0]).name for line in printed.splitlines())
    assert sorted(path.name for path in out.iterdir()) == written
    assert len(list(out.iterdir())) == 5
    assert "Only 3 of 42 activities name a National lead. Those without one (39) go on one form" in said
    assert 'Round "Before GC 44"' in said and "5 forms" in said
    commission = openpyxl.load_workbook(out / "form-05-national-commission.xlsx").worksheets[0]
    assert commission.max_row == HEADER_ROW + 39


def test_start_in_russian_writes_the_forms_in_russian(plan_workbook, tmp_path):
    out = tmp_path / "forms"
    args = ["round", "start", "--name", "Перед ГК 44", "--due", "2027-09-30", "--out", str(out), "--lang", "ru"]
    run = subprocess.run(
        [sys.executable, "-m", "actionplan", *args, str(plan_workbook)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    workbook = openpyxl.load_workbook(out / "form-02-ministry-of-culture-of-turkmenistan.xlsx")
    assert workbook.sheetnames[:2] == ["Форма отчёта", "Об этой форме"]
    assert workbook.worksheets[0]["A1"].value == "Перед ГК 44: форма отчёта для: Ministry of Culture of Turkmenistan"
    assert "30 сентября 2027" in workbook.worksheets[0]["A2"].value
    assert workbook.worksheets[0]["F4"].value == "Текущий статус"


def test_status_lists_who_is_missing_with_a_reminder_and_return_takes_a_form(
    plan_workbook, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "forms"
    due = (date.today() - timedelta(days=2)).isoformat()
    assert main(["round", "start", "--name", "Before GC 44", "--due", due, "--out", str(out), str(plan_workbook)]) == 0
    capsys.readouterr()
    assert main(["round", "status", str(plan_workbook)]) == 0
    status = capsys.readouterr().out
    assert "0 of 5 forms returned" in status and "2 days ago" in status
    assert status.count("--- reminder for ") == 5 and "OVERDUE" in status
    assert "Dear colleagues at Ministry of Culture of Turkmenistan," in status

    form = out / "form-02-ministry-of-culture-of-turkmenistan.xlsx"
    workbook = openpyxl.load_workbook(form)
    workbook.worksheets[0][f"F{HEADER_ROW + 1}"] = "Completed"
    buffer = io.BytesIO()
    workbook.save(buffer)
    form.write_bytes(buffer.getvalue())
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["round", "return", str(form), "--editor", "Aman", "--path", str(plan_workbook)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "taken: form-02-ministry-of-culture-of-turkmenistan.xlsx from Ministry of Culture" in printed
    assert audit.read_all(plan_workbook)[-1].who == "Return: Ministry of Culture of Turkmenistan (Before GC 44)"
    assert main(["round", "status", str(plan_workbook)]) == 0
    status = capsys.readouterr().out
    assert "1 of 5 forms returned; 1 activity with news from its lead" in status
    assert status.count("--- reminder for ") == 4


def test_return_refuses_a_tampered_form_and_a_wrong_password(plan_workbook, tmp_path, capsys, monkeypatch):
    out = tmp_path / "forms"
    main(["round", "start", "--name", "R", "--due", "2027-09-30", "--out", str(out), str(plan_workbook)])
    form = next(iter(sorted(out.iterdir())))
    workbook = openpyxl.load_workbook(form)
    workbook.worksheets[0][f"B{HEADER_ROW + 1}"] = "Another event"
    workbook.save(form)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["round", "return", str(form), "--editor", "Aman", "--path", str(plan_workbook)]) == 1
    assert "the locked cells" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    assert main(["round", "return", str(form), "--editor", "Aman", "--path", str(plan_workbook)]) == 1
    assert "Wrong password" in capsys.readouterr().err


def test_status_without_a_round_says_how_to_start_one(plan_workbook, capsys):
    assert main(["round", "status", str(plan_workbook)]) == 1
    assert "round start" in capsys.readouterr().err
