"""The dashboard in each language: the picker and the URL (`?lang=`), every page opened in Russian and Turkmen with
no English word of the app's own left, and dates, months, quarters and numbers as Babel writes them for the locale."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan import i18n, words
from actionplan.plan.status import AsOf, Reported, label_of

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PICKER = "ui_language_pick"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def lang_in_url(at: AppTest) -> str | None:
    value = at.query_params.get("lang")
    return value[0] if isinstance(value, list) else value


@pytest.fixture
def seed(plan_workbook, use_workbook):
    return use_workbook(plan_workbook)


# ---------------------------------------------------------------------------------------------------------------
# Choosing the language


def test_the_picker_names_each_language_in_itself(seed):
    at = run(AppTest.from_file(APP, default_timeout=90))
    picker = at.button_group(key=PICKER)
    assert picker.options == ["English", "Русский", "Türkmençe"]
    assert lang_in_url(at) is None  # never chosen: the link stays clean
    assert at.title[0].value == "Overview"


def test_the_picker_writes_the_language_into_the_url_and_a_page_switch_keeps_it(seed):
    at = run(AppTest.from_file(APP, default_timeout=90))
    at.button_group(key=PICKER).set_value("ru")
    run(at)
    assert lang_in_url(at) == "ru"
    assert at.title[0].value == "Обзор"
    at.switch_page("pages/timeline.py")
    run(at)
    assert lang_in_url(at) == "ru"
    assert at.title[0].value == "График"
    assert at.button_group(key=PICKER).value == "ru"


def test_an_explicit_english_is_kept_in_the_url(seed):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "tk"
    run(at)
    assert at.title[0].value == "Umumy syn"
    at.button_group(key=PICKER).set_value("en")
    run(at)
    assert lang_in_url(at) == "en" and at.title[0].value == "Overview"


def test_a_shared_link_opens_in_its_language_and_keeps_the_filters(seed):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "tk"
    at.query_params["year"] = "2022"
    run(at)
    assert at.title[0].value == "Umumy syn"
    assert "12 çäreden 12" not in at.caption[0].value  # the count says 12 of 42
    assert at.caption[0].value.startswith("42 çäreden 12")
    assert lang_in_url(at) == "tk" and at.query_params.get("year") in ("2022", ["2022"])


# ---------------------------------------------------------------------------------------------------------------
# Every page in Russian and Turkmen: no exception, and none of the app's own English words left

DASHBOARD_PAGES = (
    "pages/overview.py",
    "pages/timeline.py",
    "pages/domains.py",
    "pages/conventions.py",
    "pages/activities.py",
)
WORK_PAGES = ("pages/briefing.py", "pages/data.py")
# Words and phrases the app says itself in English (the workbook's own text is replaced in the fixture below; its
# column names, such as Status or Terms, are named as the workbook writes them and are not listed here).
ENGLISH_UI = (
    "Overview",
    "Timeline",
    "Domains",
    "Conventions & programmes",
    "Activities",
    "activities",
    "activity",
    "Filters",
    "All years",
    "All domains",
    "All statuses",
    "Search",
    "Status as of",
    "status as of",
    "Reset filters",
    "Today",
    "Jump to",
    "milestone",
    "Next milestones",
    "By plan year",
    "By domain",
    "What the statuses mean",
    "Completed",
    "Scheduled now",
    "Upcoming",
    "Overdue",
    "Past end",
    "Not reported",
    "not reported",
    "Planned",
    "In progress",
    "Postponed",
    "Cancelled",
    "No dates",
    "Colour by",
    "Rows grouped by",
    "Dated steps",
    "IDs only",
    "Show",
    "Open an activity",
    "Download",
    "Full titles",
    "Coverage",
    "Drill down",
    "Convention or programme",
    "Unclassified",
    "Workbook",
    "saved",
    "warning",
    "Language",
    "As of",
    "Each bar",
    "Mechanism",
    "Terms as written",
    "Dates",
    "precision",
    "Link to this activity",
)
AS_OF = "2022-06-01"  # some activities done, some under way, some ahead, and milestones still to come


@pytest.fixture
def local_plan(make_workbook, use_workbook):
    """The seed plan with every text of the workbook's own (events, names, places, classification) in Turkmen and
    Russian placeholders, and a few statuses reported: what is left in English on a page is the app's."""
    names: dict[str, str] = {}

    def local(value):
        if not isinstance(value, str) or not value.strip():
            return value
        return names.setdefault(value, f"Ýazgy {len(names) + 1} запись")

    def edit(activities, steps, milestones, lists):
        for position, activity in enumerate(activities):
            for column in ("Event", "Domain", "Convention", "Programme", "UNESCO counterpart", "National lead"):
                activity[column] = local(activity.get(column))
            activity["Locations"] = "Aşgabat; Мары" if activity.get("Locations") else None
            activity["Status"] = (Reported.COMPLETED, Reported.IN_PROGRESS, Reported.POSTPONED, None)[position % 4]
        for step in steps:
            step["Description"] = local(step["Description"])
        for milestone in milestones:
            milestone["Name"], milestone["Kind"], milestone["Place"] = "Sessiýa", "Сессия", "Париж"
        for column in list(lists):
            if column not in ("Status",):
                lists[column] = [local(value) for value in lists[column]]

    return use_workbook(make_workbook(edit=edit))


def shown_text(at: AppTest) -> str:
    """What a reader sees, app's words and workbook's, main area and sidebar (charts and tables aside)."""
    parts: list[str] = []
    for kind in ("title", "subheader", "header", "markdown", "caption", "info", "warning", "success", "error"):
        parts += [str(element.value) for element in at.get(kind)]
    for kind in ("multiselect", "selectbox", "text_input", "date_input", "toggle", "button_group", "number_input"):
        for widget in at.get(kind):
            parts.append(str(widget.label))
            parts += [str(option) for option in getattr(widget, "options", [])]
            parts.append(str(getattr(widget.proto, "help", "")))
            parts.append(str(getattr(widget.proto, "placeholder", "")))
    for kind in ("button", "download_button", "expander", "tab", "page_link"):
        parts += [str(getattr(element, "label", "") or getattr(element.proto, "label", "")) for element in at.get(kind)]
    return "\n".join(parts)


def english_left(text: str) -> list[str]:
    return [word for word in ENGLISH_UI if f" {word} " in f" {' '.join(text.replace('*', ' ').split())} "]


def open_in(lang: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.query_params["as_of"] = AS_OF
    run(at)
    if page != "pages/overview.py":
        at.switch_page(page)
        run(at)
    return at


@pytest.mark.parametrize("lang", ["ru", "tk"])
@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_a_dashboard_page_speaks_the_language_through_and_through(local_plan, lang, page):
    at = open_in(lang, page)
    assert lang_in_url(at) == lang
    text = shown_text(at)
    assert not english_left(text), f"{page} in {lang} still says: {english_left(text)}"


@pytest.mark.parametrize("lang", ["ru", "tk"])
@pytest.mark.parametrize("page", WORK_PAGES)
def test_the_work_pages_open_in_the_language(local_plan, lang, page):
    at = open_in(lang, page)
    assert lang_in_url(at) == lang  # their own words are checked with the pages themselves


def test_the_english_check_finds_english(local_plan):
    """The check above is honest: the same pages in English are caught by it."""
    at = open_in("en", "pages/overview.py")
    assert {"Overview", "By plan year", "Completed", "Next milestones"} <= set(english_left(shown_text(at)))


def test_the_opened_activity_speaks_the_language(local_plan):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "ru"
    at.query_params["id"] = "2021-02"
    run(at)
    at.switch_page("pages/activities.py")
    at.query_params["id"] = "2021-02"
    run(at)
    text = shown_text(at)
    assert "Сроки, как в плане" in text and "Механизм (шаги)" in text
    assert not english_left(text), english_left(text)


# ---------------------------------------------------------------------------------------------------------------
# Dates, quarters and numbers for the locale (English exactly as before)


def plain(text: str) -> str:
    """CLDR's narrow and thin spaces as plain ones, so the expected text reads as typed."""
    return text.replace("\u202f", " ").replace("\u2009", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("lang", "day", "span_in_a_month", "span_in_a_year", "span_over_years"),
    [
        ("en", "8 Nov 2021", "7–22 Nov 2023", "1 Mar – 31 Dec 2021", "25 Nov 2021 – 22 Nov 2023"),
        (
            "ru",
            "8 нояб. 2021 г.",
            "7–22 нояб. 2023 г.",
            "1 мар. – 31 дек. 2021 г.",
            "25 нояб. 2021 г. – 22 нояб. 2023 г.",
        ),
        ("tk", "8 noý 2021", "7 – 22 noý 2023", "1 mart – 31 dek 2021", "25 noý 2021 – 22 noý 2023"),
    ],
)
def test_days_and_spans_in_each_language(lang, day, span_in_a_month, span_in_a_year, span_over_years):
    with i18n.using(lang):
        assert plain(words.day(date(2021, 11, 8))) == day
        assert plain(words.span(date(2023, 11, 7), date(2023, 11, 22))) == span_in_a_month
        assert plain(words.span(date(2021, 3, 1), date(2021, 12, 31))) == span_in_a_year
        assert plain(words.span(date(2021, 11, 25), date(2023, 11, 22))) == span_over_years
        assert words.span(None, date(2023, 1, 1)) == i18n.translator(lang).gettext("no dates")


@pytest.mark.parametrize(
    ("lang", "long", "short", "alone"),
    [
        ("en", "3rd quarter 2023", "Q3 2023", "Q3"),
        ("ru", "3-й квартал 2023 г.", "3-й кв. 2023 г.", "3-й кв."),
        ("tk", "2023 3-nji çärýek", "2023 3Ç", "3Ç"),
    ],
)
def test_quarters_in_each_language(lang, long, short, alone):
    with i18n.using(lang):
        assert plain(words.quarter(2023, 3, short=False)) == long
        assert plain(words.quarter(2023, 3)) == short
        assert words.quarter(2023, 3, with_year=False) == alone


@pytest.mark.parametrize(
    ("lang", "number", "moment"),
    [
        ("en", "12,345", "07 Dec 2026 14:05"),
        ("ru", "12 345", "7 дек. 2026 г. 14:05"),
        ("tk", "12 345", "7 dek 2026 14:05"),
    ],
)
def test_numbers_and_moments(lang, number, moment):
    with i18n.using(lang):
        assert plain(words.number(12345)) == number
        assert plain(words.moment(datetime(2026, 12, 7, 14, 5))) == moment


def test_plurals_and_statuses_follow_the_language():
    with i18n.using("ru"):
        assert [words.activities(n) for n in (1, 3, 5, 21, 42)] == [
            "1 мероприятие",
            "3 мероприятия",
            "5 мероприятий",
            "21 мероприятие",
            "42 мероприятия",
        ]
        assert AsOf.PAST_END_NOT_REPORTED.label == "Срок истёк, не сообщено"
        assert label_of("Not reported") == "Не сообщено" and label_of("Culture") == "Culture"
    with i18n.using("tk"):
        assert words.activities(42) == "42 çäre"
        assert Reported.NOT_REPORTED.label == "Hasabat berilmedi"
    # The value stays the workbook's word whatever the language: it is the contract.
    with i18n.using("tk"):
        assert str(AsOf.OVERDUE) == "Overdue" and Reported.of("Completed") is Reported.COMPLETED


def test_the_filters_are_described_in_the_language(local_plan):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"lang": "ru", "as_of": AS_OF, "status": "Upcoming", "year": "2022"}.items():
        at.query_params[key] = value
    run(at)
    caption = at.caption[0].value
    assert " из 42 мероприятий · статус на **1 июн. 2022\u202fг.**" in caption
    assert "фильтры: 2022 · Предстоит" in caption
    assert at.query_params.get("status") in ("Upcoming", ["Upcoming"])  # the URL keeps the workbook's word
