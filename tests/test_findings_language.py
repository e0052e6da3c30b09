"""Findings in the staff's language of choice: a finding is built once (and cached) and reads in the language of
whoever is shown it; `check --lang` prints them in that language."""

from __future__ import annotations

import pytest

from actionplan import i18n
from actionplan.cli import main
from actionplan.plan.findings import ERROR, Finding, Phrase
from actionplan.plan.load import load_plan


def _duplicate_and_unreadable(acts, *_):
    acts[5]["ID"] = "2021-02"
    acts[16]["Terms"] = "sometime next year"


@pytest.fixture
def broken_plan(make_workbook):
    return load_plan(make_workbook(edit=_duplicate_and_unreadable))


@pytest.mark.parametrize(
    ("lang", "duplicate", "terms", "severity"),
    [
        ("en", "ID '2021-02' is already used in row 3", "could not be read as dates", "error"),
        ("ru", "ID «2021-02» уже использован в строке 3", "не удалось прочитать как даты", "ошибка"),
        ("tk", "«2021-02» ID eýýäm ulanylýar (setir 3)", "sene hökmünde okalyp bilinmedi", "ýalňyşlyk"),
    ],
)
def test_one_loaded_plan_reads_in_each_readers_language(broken_plan, lang, duplicate, terms, severity):
    first, second = broken_plan.findings[:2]
    with i18n.using(lang):
        assert duplicate in first.message and duplicate in first.sentence and first.hint
        assert "sometime next year" in second.message and terms in second.message
        assert f": {severity}: " in str(first)
    assert "already used" in first.message  # outside the block: English again, from the same object


def test_the_sentence_names_the_row_in_the_language():
    finding = Finding.of(ERROR, "Activities", 3, "ID", "ID '{id}' is already used in row {first}", "", id="x", first=2)
    with i18n.using("ru"):
        assert finding.sentence == "Activities, строка 3, ID: ID «x» уже использован в строке 2"
    with i18n.using("tk"):
        assert finding.sentence.startswith("Activities, setir 3, ID: ")


def test_a_phrase_value_is_translated_with_the_finding():
    finding = Finding.of(
        ERROR,
        None,
        None,
        None,
        "'{value}' is not {expected}; ignored",
        "",
        value="x",
        expected=Phrase("a whole number"),
    )
    with i18n.using("ru"):
        assert finding.message == "«x» — не целое число; не учтено"
    assert finding.message == "'x' is not a whole number; ignored"


def test_a_file_level_finding_is_translated(tmp_path):
    plan = load_plan(tmp_path / "nowhere.xlsx")
    with i18n.using("ru"):
        assert plan.errors[0].sentence == "Файла nowhere.xlsx нет"
    with i18n.using("tk"):
        assert plan.errors[0].sentence == "Nowhere.xlsx ýok"


def test_check_prints_the_findings_in_the_language_asked_for(make_workbook, capsys):
    assert main(["check", "--lang", "ru", str(make_workbook(edit=_duplicate_and_unreadable))]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert "Activities!7 ID: ошибка: ID «2021-02» уже использован в строке 3" in lines[0]
    assert lines[1].startswith("Activities!18 Terms: предупреждение: «sometime next year»")
    assert "1 ошибка" in err
    assert i18n.current().lang == "en"  # the command's language does not outlive it
