"""Translated columns on the Milestones sheet: `Name (ru)`, `Place (ru)`, ... shown where a milestone is named and
falling back to the original where blank; the Name itself stays the key (`--session 42`, the Messages sheet)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from actionplan import briefing as pack
from actionplan import i18n, load_plan, views
from actionplan.briefing.docx import briefing_docx
from actionplan.cli import main
from actionplan.plan.load import plan_in_language
from actionplan.plan.seed import SEED_ACTIVITIES, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
from actionplan.plan.translations import milestone_name
from actionplan.plan.workbook import write_workbook
from actionplan.views import pages as models
from tests.conftest import ROOT

RU_42 = "42-я сессия Генеральной конференции ЮНЕСКО"
RU_PARIS = "Париж"
EN_42 = "42nd session of the UNESCO General Conference"
EN_43 = "43rd session of the UNESCO General Conference"
MESSAGES = [{"Session": "42nd session", "Topic": "Culture", "Message": "Ashgabat, Creative City."}]


@pytest.fixture
def workbook(tmp_path):
    milestones = [dict(m) for m in SEED_MILESTONES]
    for milestone in milestones:
        milestone["Name (ru)"] = RU_42 if milestone["Name"] == EN_42 else None  # the 43rd: blank, the English shown
        milestone["place (RU)"] = RU_PARIS if milestone["Name"] == EN_42 else "  "
    acts, steps = [dict(a) for a in SEED_ACTIVITIES], [dict(s) for s in SEED_STEPS]
    path = tmp_path / "plan.xlsx"
    write_workbook(path, acts, steps, milestones, {k: list(v) for k, v in SEED_LISTS.items()}, messages=MESSAGES)
    return path


def test_the_milestones_keep_their_name_and_show_the_translation_with_fallback(workbook):
    plan = load_plan(workbook)
    assert plan.usable and not plan.warnings, plan.findings
    assert {"Name (ru)", "place (RU)"} <= set(plan.milestones.columns)  # staff-added columns are kept
    russian = plan_in_language(plan, "ru").milestones
    assert list(russian["Name"]) == list(plan.milestones["Name"])  # the Name is a key: never replaced
    shown = {m["Name"]: milestone_name(m) for m in russian.to_dict("records")}
    assert shown[EN_42] == RU_42 and shown[EN_43] == EN_43  # blank: the original
    assert list(russian["Place"]) == ["Paris", RU_PARIS, "Samarkand"]
    english = plan_in_language(plan, "en")
    assert english is plan and [milestone_name(m) for _i, m in english.milestones.iterrows()][1] == EN_42
    eves = {eve.day: eve.name for eve in views.milestone_eves(russian)}  # the sidebar's quick as-of dates
    assert eves[date(2023, 11, 6)] == RU_42 and eves[date(2025, 10, 29)] == EN_43


def test_the_overview_names_the_milestones_ahead_in_the_reader_s_language(workbook):
    plan = load_plan(workbook)
    view = views.Filters(as_of=date(2023, 6, 1))
    russian = models.overview(plan_in_language(plan, "ru"), view, view.apply(plan.activities))
    assert [(m.name, m.place) for m in russian.ahead] == [(RU_42, RU_PARIS), (EN_43, "Samarkand")]
    english = models.overview(plan_in_language(plan, "en"), view, view.apply(plan.activities))
    assert [m.name for m in english.ahead] == [EN_42, EN_43]


def test_the_briefing_finds_the_session_by_its_key_and_titles_it_in_russian(workbook):
    plan = load_plan(workbook)
    with i18n.using("ru"):
        russian = plan_in_language(plan, "ru")
        session = pack.find_session(russian, "42")  # the ordinal comes from the Name, not from `Name (ru)`
        assert pack.find_session(russian, "42nd session of the UNESCO") == session  # a part of the Name, too
        assert pack.find_session(russian, "43").title == EN_43
        briefing = pack.build_briefing(russian, pack.session_scope(russian, session))
        document = Document(io.BytesIO(briefing_docx(briefing)))
    assert session.name == EN_42 and session.title == RU_42 and session.label.startswith(RU_42)
    assert RU_PARIS in session.label
    assert list(briefing.messages["Message"]) == ["Ashgabat, Creative City."]  # the Messages join on the Name
    texts = [p.text for p in document.paragraphs] + [p.text for s in document.sections for p in s.footer.paragraphs]
    assert any(RU_42 in text for text in texts) and not any(EN_42 in text for text in texts)
    english = pack.find_session(plan, "42")
    assert english.title == EN_42 and english.label.startswith(EN_42)


def test_the_command_line_pack_in_russian_names_the_session_in_russian(workbook, tmp_path):
    out = tmp_path / "ru.docx"
    assert main(["briefing", str(workbook), "--session", "42", "--lang", "ru", "--out", str(out)]) == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs] + [p.text for s in document.sections for p in s.footer.paragraphs]
    assert any(RU_42 in text for text in texts)


def test_the_briefing_page_picks_and_heads_the_session_by_its_russian_name(workbook, use_workbook):
    use_workbook(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "ru"
    at.run()
    at.switch_page("pages/briefing.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="briefing_session")
    assert any(option.startswith(RU_42) for option in picker.options)
    assert any(option.startswith(EN_43) for option in picker.options)  # blank Name (ru): the English
    with i18n.using("ru"):  # AppTest formats the radio's value with its format_func in the test's own language
        picker.select(next(option for option in picker.options if option.startswith(RU_42))).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(RU_42 in str(header.value) for header in at.header)
