"""The command line and the plan importer speak the reader's language: the import report's notes and places in
Russian with the document's own text as written, `import` and `check` summaries through the CLI in ru and tk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actionplan import cli, i18n
from actionplan.importing import ReportKind, import_file
from tests.conftest import ROOT, SHIPPED_WORKBOOK
from tests.plan_documents import norland_plan_docx


@pytest.fixture(scope="module")
def norland(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return norland_plan_docx(tmp_path_factory.mktemp("norland") / "plan.docx")


def test_import_report_in_russian_translates_notes_and_keeps_quoted_text(norland: Path) -> None:
    english = import_file(norland)
    with i18n.using("ru"):
        russian = import_file(norland)
    assert len(english.report.lines) == len(russian.report.lines)
    pairs = list(zip(english.report.lines, russian.report.lines, strict=True))
    for en, ru in pairs:
        assert ru.kind == en.kind
        if en.kind != ReportKind.FACT:  # a fact's Source names the part of the document it came from
            assert ru.source == en.source  # the document's text, as written
    notes = {en.note: ru.note for en, ru in pairs if en.note}
    assert notes["text below the table is not imported"] == "текст под таблицей не импортируется"
    assert notes["terms cell merged over several activities: each takes its terms"].startswith("ячейка сроков")
    where = {en.where: ru.where for en, ru in pairs if en.where}
    assert where["table 1 row 2"] == "таблица 1, строка 2" and where["below the table"] == "под таблицей"
    # the quoted words a suggestion came from stay as the document has them
    unsure = next(ru for en, ru in pairs if en.kind == ReportKind.UNSURE and en.column == "Domain")
    assert unsure.note.startswith("оставлено пустым: слова мероприятия") and "(\u201csport\u201d)" in unsure.note
    assert all(not any("a" <= c <= "z" for c in ru.note[:3]) for en, ru in pairs if en.note)


def test_import_summary_in_russian_through_the_cli(norland: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "norland.xlsx"
    code = cli.main(["import", str(norland), "--out", str(out), "--lang", "ru"])
    printed = capsys.readouterr().out
    assert code == 0 and out.is_file()
    assert "7 мероприятий (3 на 2025 г., 2 на 2026 г., 2 на 2027 г.), 9 шагов" in printed
    assert "Отчёт: не размещено 2" in printed
    assert "Не размещено (2): строка документа, из которой импорт ничего не смог получить" in printed
    assert "  под таблицей: * Activities are financed from the national budget." in printed
    assert f"Файл {out} записан: проверка находит 0 ошибок, 1 предупреждение" in printed
    assert "Report:" not in printed and "Wrote" not in printed


def test_import_refusal_in_russian(norland: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "taken.xlsx"
    out.write_bytes(b"")
    assert cli.main(["import", str(norland), "--out", str(out), "--lang", "ru"]) == 2
    assert f"import: {out} уже существует; выберите другой --out" in capsys.readouterr().err


def test_check_in_turkmen_through_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "actionplan", "check", "--lang", "tk", str(SHIPPED_WORKBOOK)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith(": 42 çäre, 79 ädim, 0 ýalňyşlyk, 0 duýduryş")


def test_set_password_speaks_turkmen(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "actionplan", "set-password", "--secrets", str(tmp_path / "s.toml"), "--lang", "tk"],
        input="short\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and not (tmp_path / "s.toml").exists()
    assert done.stderr.startswith("Parol üýtgedilmedi: azyndan ") and "nyşan ulanyň." in done.stderr


def test_a_day_not_understood_is_said_in_russian(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["briefing", str(SHIPPED_WORKBOOK), "--from", "soon", "--to", "2023-12-31", "--lang", "ru"])
    assert "«soon» — не дата; напишите её как ГГГГ-ММ-ДД" in capsys.readouterr().err


def test_synth_summary_in_russian(tmp_path: Path, capsys) -> None:
    out = tmp_path / "synth.xlsx"
    assert cli.main(["synth", "--activities", "21", "--out", str(out), "--lang", "ru"]) == 0
    said = capsys.readouterr().err
    assert said.startswith(f"Файл {out} записан: 21 мероприятие, ") and " МБ" in said


@pytest.mark.parametrize(
    "line",
    [
        ["check"],
        ["export"],
        ["briefing"],
        ["import", "plan.docx", "--out", "plan.xlsx"],
        ["set-password"],
        ["synth", "--out", "synth.xlsx"],
        ["round", "start", "--name", "GC 44", "--due", "2027-09-30", "--out", "forms"],
        ["round", "status"],
        ["round", "return", "form.xlsx", "--editor", "Aman"],
    ],
)
def test_every_command_that_speaks_takes_lang(line: list[str]) -> None:
    assert cli.build_parser().parse_args([*line, "--lang", "tk"]).lang == "tk"
    assert cli.build_parser().parse_args(line).lang == "en"


@pytest.mark.parametrize(
    ("lang", "usage", "options"), [("ru", "использование:", "параметры:"), ("tk", "ulanylyşy:", "opsiýalar:")]
)
@pytest.mark.parametrize("command", [[], ["briefing"], ["round", "start"]])
def test_help_speaks_the_language_not_argparses_english(
    capsys: pytest.CaptureFixture[str], lang: str, usage: str, options: str, command: list[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main([*command, "--help", "--lang", lang])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith(usage) and f"\n{options}\n" in shown
    assert "usage:" not in shown and "options:" not in shown and "show this help message" not in shown


def test_an_argument_error_says_error_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["briefing", "--from", "soon", "--lang", "ru"])
    assert done.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith("использование:") and "briefing: ошибка: argument --from" in said and "error:" not in said


def test_help_in_english_is_argparses_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("usage: python -m actionplan") and "\noptions:\n" in shown


@pytest.mark.parametrize(("lang", "first_day"), [("ru", "первый день периода"), ("tk", "sene aralygynyň ilkinji güni")])
def test_the_commands_own_help_is_translated(capsys: pytest.CaptureFixture[str], lang: str, first_day: str) -> None:
    with pytest.raises(SystemExit):
        cli.main(["briefing", "--help", "--lang", lang])
    shown = " ".join(capsys.readouterr().out.split())  # as one line: argparse wraps at the terminal's width
    assert first_day in shown and "first day of a date range" not in shown
    assert {"ru": "(по умолчанию en)", "tk": "(deslapky en)"}[lang] in shown  # the --lang line itself
