"""The workbook's own guide (About sheet) is written in the language of whoever writes the workbook."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from actionplan import cli, i18n
from actionplan.plan import contract
from actionplan.plan.workbook import write_workbook
from tests.plan_documents import norland_plan_docx


def _about(path: Path) -> list[str]:
    return [str(cell.value) for cell in load_workbook(path)[contract.ABOUT]["A"] if cell.value]


def _write(path: Path) -> list[str]:
    write_workbook(path, [], [], [], {})
    return _about(path)


def test_a_workbook_written_in_russian_has_a_russian_guide(tmp_path: Path) -> None:
    with i18n.using("ru"):
        about = _write(tmp_path / "ru.xlsx")
    assert about[0] == "Как редактировать эту книгу"
    # Sheet and column names stay as the workbook has them: they are the headers staff see.
    assert any(line.startswith(f"Лист {contract.ACTIVITIES}:") and "Domain" in line for line in about)
    assert not any("one row per activity" in line for line in about)


def test_a_workbook_written_in_turkmen_has_a_turkmen_guide(tmp_path: Path) -> None:
    with i18n.using("tk"):
        about = _write(tmp_path / "tk.xlsx")
    assert about[0] == "Bu Excel kitabyny nädip üýtgetmeli"
    assert any(line.startswith(f"{contract.STEPS} sahypasy:") for line in about)


def test_the_english_guide_is_unchanged(tmp_path: Path) -> None:
    about = _write(tmp_path / "en.xlsx")
    assert about[0] == "How to edit this workbook"
    assert about[2].startswith(f"Sheet {contract.ACTIVITIES}: one row per activity of the plan.")
    assert len(about) == 12


def test_import_writes_its_guide_in_the_language_asked(tmp_path: Path) -> None:
    source = norland_plan_docx(tmp_path / "norland.docx")
    out = tmp_path / "norland-ru.xlsx"
    assert cli.main(["import", str(source), "--out", str(out), "--lang", "ru"]) == 0
    about = _about(out)
    assert "Как редактировать эту книгу" in about
    assert any(line.startswith("Импортировано из файла norland.docx") for line in about)
    out_en = tmp_path / "norland-en.xlsx"
    assert cli.main(["import", str(source), "--out", str(out_en)]) == 0
    assert "How to edit this workbook" in _about(out_en)
