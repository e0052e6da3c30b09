"""The Data and Briefing pages in Russian and Turkmen (AppTest): every label, button, tab, expander and caption the
pages say themselves is translated, for a viewer and a signed-in editor; a save fault and a kept draft speak the
reader's language, with the right plural."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan import i18n
from actionplan.keeping import access, drafts, edits
from actionplan.keeping.store import Store
from actionplan.plan.status import AsOf
from components import draft_panel
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ru", "tk")
# What the pages say in English that must not be left on a Russian or Turkmen page (their own words, not the
# workbook's: sheet and column names such as Activities, Status or Milestones stay as Excel has them).
ENGLISH = (
    "Validation report",
    "Upload & backups",
    "Change log",
    "Import a plan",
    "Sign in",
    "Sign out",
    "Your name",
    "Editor password",
    "Download",
    "Reload",
    "**Excel workbook**",
    "Backups (",
    "Compare with",
    "Restore",
    "Kind of change",
    "Last saved",
    "Last loaded",
    "Findings",
    "newest first",
    "Editors can also change it here",
    "Double-click a cell",
    "Discard changes",
    "Save",
    "for a date range",
    "Status as of",
    "Changes since",
    "Delivered",
    "Open and overdue",
    "Around the",
    "By domain",
    "By convention",
    "Key messages",
    "Timeline by quarter",
    "In scope",
    "At the session",
    "Word pack",
    "Excel pack",
    "One-page brief",
    "Not reported",
)


BRIEFING_PAGE = (
    "button",
    "download_button",
    "selectbox",
    "radio",
    "date_input",
    "tabs",
    "metric",
    "title",
    "subheader",
)


@pytest.fixture(autouse=True)
def no_password_from_the_environment(monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)


def opened(page: str, lang: str, workbook: Path, use_workbook, password_hash: str | None = None) -> AppTest:
    use_workbook(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["editors"] = {"password_hash": password_hash} if password_hash else {}
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def signed_in(at: AppTest, lang: str, name: str = "Aman Orazov") -> AppTest:
    at.text_input(key="signin_name").set_value(name)
    at.text_input(key="signin_password").set_value(PASSWORD)
    with i18n.using(lang):
        label = i18n._("Sign in")
    next(button for button in at.button if button.label == label).click()
    at.run()
    assert not at.exception, at.exception
    return at


def labels(at: AppTest, kinds: tuple[str, ...] | None = None) -> list[str]:
    """The words the page draws around the data: widget labels, buttons, tabs, expanders, metrics, titles."""
    kinds = kinds or (
        "button",
        "download_button",
        "form_submit_button",
        "selectbox",
        "radio",
        "text_input",
        "date_input",
        "toggle",
        "checkbox",
        "file_uploader",
        "tabs",
        "expander",
        "metric",
        "title",
        "subheader",
    )
    return [
        str(element.label if hasattr(element, "label") else element.value)
        for kind in kinds
        for element in getattr(at.main, kind)
    ]


def messages(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "success", "warning", "error")
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at.main, kind))


def english_left(at: AppTest, *, with_messages: bool = True, kinds: tuple[str, ...] | None = None) -> list[str]:
    """Known English UI words still on the page: in its labels, and (with_messages) in the texts it writes."""
    own = "\n".join(labels(at, kinds)) + ("\n" + messages(at) if with_messages else "")
    return [word for word in ENGLISH if word in own]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_page_for_a_viewer_speaks_the_language(lang, plan_workbook, use_workbook, password_hash):
    at = opened("pages/data.py", lang, plan_workbook, use_workbook, password_hash)
    assert english_left(at) == []
    with i18n.using(lang):
        expected = [i18n._(name) for name in ("Validation report", "Edit", "Upload & backups", "Change log")]
        assert i18n._("Validation report") != "Validation report"
    assert [tab.label for tab in at.tabs][:4] == expected
    assert at.title[0].value == {"ru": "Данные", "tk": "Maglumatlar"}[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_page_for_a_signed_in_editor_speaks_the_language(lang, plan_workbook, use_workbook, password_hash):
    at = signed_in(opened("pages/data.py", lang, plan_workbook, use_workbook, password_hash), lang)
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Notes": "Typed, not saved"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, at.exception
    shown = "\n".join(labels(at)) + messages(at)
    assert {"ru": "Вы вошли как", "tk": "ady bilen girdiňiz"}[lang] in shown
    assert {"ru": "1 изменение для сохранения", "tk": "Ýatda saklamaly 1 üýtgetme"}[lang] in shown
    assert {"ru": "Мероприятия (лист Activities)", "tk": "Çäreler (Activities sahypasy)"}[lang] in shown
    assert english_left(at) == []


def test_a_save_fault_is_told_in_russian(plan_workbook, use_workbook, password_hash, monkeypatch):
    at = signed_in(opened("pages/data.py", "ru", plan_workbook, use_workbook, password_hash), "ru")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Completed"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    real_replace = os.replace

    def full_disk(source, target):
        if Path(target) == plan_workbook:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", full_disk)
        at.button(key="edit_save").click()
        at.run()
    assert not at.exception, at.exception
    [error] = [element.value for element in at.error]
    assert error.startswith("Не сохранено: диск сервера заполнен.")
    assert "Ничего не изменено." in error and "Ваши изменения по-прежнему в таблицах выше" in error
    assert "Not saved" not in error and "Nothing was changed" not in error


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        (
            "tk",
            1,
            "**Sizde 14:05 wagtyndan galan ýatda saklanmadyk 1 üýtgetme bar.** Galan ýeriňizden dowam etmek üçin ony",
        ),
        (
            "tk",
            3,
            "**Sizde 14:05 wagtyndan galan ýatda saklanmadyk 3 üýtgetme bar.** Galan ýeriňizden dowam etmek üçin olary",
        ),
        ("ru", 1, "**У вас 1 несохранённое изменение от 14:05.** Оставьте его"),
        ("ru", 3, "**У вас 3 несохранённых изменения от 14:05.** Оставьте их"),
        ("ru", 5, "**У вас 5 несохранённых изменений от 14:05.**"),
        ("ru", 21, "**У вас 21 несохранённое изменение от 14:05.**"),
    ],
)
def test_the_draft_offer_takes_the_plural_of_its_language(lang, count, expected):
    with i18n.using(lang):
        assert draft_panel.offer_text(count, "14:05").startswith(expected)


def test_a_kept_draft_is_offered_in_turkmen_with_its_plural(plan_workbook, use_workbook, password_hash):
    use_workbook(plan_workbook)
    base = edits.open_for_editing(plan_workbook)
    typed = [
        edits.CellChange("Activities", 2, "2021-01", "Notes", None, "Typed, not saved"),
        edits.CellChange("Activities", 3, "2021-02", "Notes", None, "Also typed"),
    ]
    started = datetime.now().replace(hour=9, minute=30, second=0, microsecond=0)
    drafts.keep(Store.beside(plan_workbook), plan_workbook.name, "Aman Orazov", base.sha256, typed, started)
    at = signed_in(opened("pages/data.py", "tk", plan_workbook, use_workbook, password_hash), "tk")
    shown = messages(at)
    assert "**Sizde 09:30 wagtyndan galan ýatda saklanmadyk 2 üýtgetme bar.**" in shown
    assert "olary saklaň ýa-da taşlaň" in shown  # the plural: them, not it
    assert [button.label for button in at.button if button.key == "draft_keep"] == ["Üýtgetmelerimi sakla"]
    assert english_left(at) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_briefing_page_speaks_the_language(lang, plan_workbook, use_workbook):
    at = opened("pages/briefing.py", lang, plan_workbook, use_workbook)
    # The page's labels, tabs, metrics, downloads and captions, and the sections the briefing builder gives it.
    assert english_left(at, kinds=BRIEFING_PAGE) == []
    with i18n.using(lang):
        tabs = [i18n._(name) for name in ("By domain", "By convention", "Timeline", "Changes")]
        metrics = [i18n._(name) for name in ("In scope", "Delivered", "Open", "Past end", "At the session")]
        modes = [i18n._(mode) for mode in ("for a session", "for a date range")]
        mode_label = i18n._("Briefing pack")
        past_end = i18n._("Past end, not reported")
        caption = "What the plan committed to"  # the page's own caption in English, by its start
    assert set(tabs) <= {tab.label for tab in at.tabs}
    assert set(metrics) <= {metric.label for metric in at.metric}
    assert at.radio(key="briefing_mode").options == modes and modes != ["for a session", "for a date range"]
    # The label and a choice read as one phrase: "Справочные материалы к сессии", "Maglumatnama mejlis üçin".
    phrases = {
        "ru": ["Справочные материалы к сессии", "Справочные материалы за период"],
        "tk": ["Maglumatnama mejlis üçin", "Maglumatnama sene aralygy üçin"],
    }[lang]
    assert [f"{at.radio(key='briefing_mode').label} {mode}" for mode in modes] == phrases and mode_label in phrases[0]
    assert not any(text.startswith(caption) for text in messages(at).splitlines())
    assert "Key messages" not in [header.value for header in at.subheader]
    by_status = next(frame.value for frame in at.dataframe if frame.value.shape[0] == len(AsOf))
    assert past_end in set(by_status.iloc[:, 0]) and past_end != "Past end, not reported"  # status names said too


def test_the_import_of_a_plan_document_is_reported_in_russian(plan_workbook, use_workbook, password_hash, tmp_path):
    from components import plan_import
    from tests.plan_documents import norland_plan_docx

    at = signed_in(opened("pages/data.py", "ru", plan_workbook, use_workbook, password_hash), "ru")
    document = norland_plan_docx(tmp_path / "norland.docx")
    at.session_state[plan_import.DOCUMENT] = (document.name, document.read_bytes())
    at.run()
    assert not at.exception, at.exception
    shown = messages(at)
    assert (
        "7 мероприятий (3 на 2025 год, 2 на 2026 год, 2 на 2027 год), 9 шагов; столбец Status оставлен пустым" in shown
    )
    assert "Предложенная классификация" in shown and "Suggested classification" not in shown
    look = next(frame.value for frame in at.dataframe if "Kind" in frame.value.columns)
    assert {"Не размещено", "Сроки не распознаны"} <= set(look["Kind"])
    assert english_left(at) == []


@pytest.mark.parametrize(
    ("lang", "wrong", "wait"),
    [("ru", "Неверный пароль. Повторить попытку можно через ", " с."), ("tk", "Parol nädogry. ", " sek soň")],
)
def test_a_refused_sign_in_and_its_countdown_are_said_in_the_language(lang, wrong, wait, password_hash):
    throttle = access.Throttle()
    with i18n.using(lang), pytest.raises(access.SignInRefused) as refused:
        access.sign_in_with_password("Aman Orazov", "not the password", password_hash, throttle)
    assert str(refused.value).startswith(wrong) and wait in str(refused.value)


@pytest.mark.parametrize("number", [errno.EROFS, errno.ENOSPC, errno.EACCES, errno.ENOENT, errno.EIO])
def test_every_save_fault_is_said_in_turkmen(number):
    from actionplan.keeping import faults

    with i18n.using("tk"):
        said = faults.fault_message(OSError(number, os.strerror(number)))
    assert said.startswith("Saklanmady: ") and said.endswith("Hiç zat üýtgedilmedi.")
