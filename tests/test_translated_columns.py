"""Translated columns: `Event (ru)`, `Notes (tk)`, ... beside the original, shown in that language and falling back to
the original where blank; translated names in Lists (`Domain (ru)`, `Convention title (ru)`) as labels only."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from actionplan import briefing as pack
from actionplan import i18n, load_plan
from actionplan.briefing.docx import briefing_docx
from actionplan.plan.load import plan_in_language
from actionplan.plan.translations import in_language, translated, translation_column
from tests.conftest import ROOT

RU_EVENT = "Участие в Сети творческих городов ЮНЕСКО"
TK_NOTE = "Aşgabat şäheri tora goşuldy"
RU_CULTURE = "Культура"
RU_1972_TITLE = "Конвенция об охране всемирного культурного и природного наследия (1972)"


def test_the_translation_is_chosen_where_filled_and_the_original_kept_where_blank():
    frame = pd.DataFrame({"Event": ["One", "Two", "Three"], "event ( RU )": ["Один", None, "  "]})
    assert list(translated(frame, "Event", "ru")) == ["Один", "Two", "Three"]
    assert list(translated(frame, "Event", "tk")) == ["One", "Two", "Three"]
    assert list(translated(frame, "Event", "en")) == ["One", "Two", "Three"]
    assert translation_column(frame.columns, "Event", "ru") == "event ( RU )"  # case and spaces as every header
    assert in_language(frame, "tk") is frame  # nothing to translate: the same frame, no copy
    assert list(in_language(frame, "ru")["Event"]) == ["Один", "Two", "Three"]
    assert list(in_language(frame, "ru")["event ( RU )"])[0] == "Один"  # the staff's column is kept as it is


@pytest.fixture
def translated_workbook(make_workbook):
    def edit(acts, _steps, _milestones, lists):
        for activity in acts:
            activity["event (RU)"] = None
            activity["Notes (tk)"] = None
        acts[1]["event (RU)"] = RU_EVENT  # 2021-02
        acts[1]["Notes"] = "Ashgabat joined the network"
        acts[1]["Notes (tk)"] = TK_NOTE
        lists["Domain (ru)"] = [RU_CULTURE if d == "Culture" else None for d in lists["Domain"]]
        lists["Convention title (ru)"] = [
            RU_1972_TITLE if c == "1972 Convention" else None for c in lists["Convention"]
        ]

    return make_workbook(edit=edit)


def test_the_plan_is_read_with_the_translations_and_keeps_them(translated_workbook):
    plan = load_plan(translated_workbook)
    assert plan.usable and not plan.warnings, plan.findings
    assert {"event (RU)", "Notes (tk)"} <= set(plan.activities.columns)  # staff-added columns are kept
    assert plan.labels.name("Culture", "ru") == RU_CULTURE and plan.labels.name("Culture", "tk") == "Culture"
    assert plan.labels.title(plan.lists, "1972 Convention", "ru") == RU_1972_TITLE
    assert plan.labels.title(plan.lists, "1972 Convention", "tk").startswith("Convention concerning")
    russian = plan_in_language(plan, "ru").activities.set_index("ID")
    assert russian.loc["2021-02", "Event"] == RU_EVENT
    assert russian.loc["2021-03", "Event"].startswith("Implementation of the UNESCO 2005")  # blank: the original
    assert russian.loc["2021-02", "Domain"] == "Culture"  # a key keeps its value
    assert plan_in_language(plan, "en") is plan


def test_the_pack_shows_the_translations(translated_workbook):
    plan = load_plan(translated_workbook)
    with i18n.using("ru"):
        briefing = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, "42")))
        document = Document(io.BytesIO(briefing_docx(briefing)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any(heading.startswith("2021-02 Участие в Сети") for heading in headings)
    assert any(heading.startswith("2021-03 Implementation") for heading in headings)  # no translation: original
    assert [s.title for s in briefing.by_domain if s.key == "domain:Culture"] == [RU_CULTURE]
    assert any(RU_1972_TITLE in s.lead for s in briefing.by_convention if s.key == "convention:1972 Convention")
    with i18n.using("tk"):
        turkmen = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, "42")))
    notes = turkmen.activities.set_index("ID")["Notes"]
    assert notes["2021-02"] == TK_NOTE


@pytest.mark.parametrize(
    ("lang", "event", "note"), [("ru", RU_EVENT, "Ashgabat joined"), ("tk", "Participation in", TK_NOTE)]
)
def test_the_opened_activity_shows_the_translation_with_fallback(translated_workbook, use_workbook, lang, event, note):
    use_workbook(translated_workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/activities.py")
    at.query_params["id"] = "2021-02"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = "\n".join(str(element.value) for element in at.markdown) + "\n".join(str(s.value) for s in at.header)
    assert event in text and note in text
    if lang == "ru":  # 2021-02's Domain, Culture, named as the Lists sheet's Domain (ru) says
        assert f"**Направление:** {RU_CULTURE}" in text
