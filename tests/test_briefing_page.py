"""The Briefing page through AppTest: choosing a session or a date range, the as-of date, the sections on screen,
changes since a backup, and the Word and Excel downloads."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import streamlit
from docx import Document
from streamlit.testing.v1 import AppTest

from actionplan import words
from actionplan.keeping import backups
from tests.test_compare import edit_known_ways

ROOT = Path(__file__).resolve().parents[1]
PAGE = "pages/briefing.py"
SESSION_42 = "42nd session of the UNESCO General Conference, 7\u201322 Nov 2023, Paris"


@pytest.fixture
def downloads(monkeypatch):
    """What each download button would hand the browser, by key: the page's own `data` (bytes or a callable)."""
    offered: dict[str, object] = {}
    original = streamlit.download_button

    def recording(label, data, *args, **kwargs):
        offered[kwargs.get("key") or label] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    return offered


def briefing_page(workbook: Path, use_workbook) -> AppTest:
    use_workbook(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def choose_session(at: AppTest, label: str) -> AppTest:
    at.selectbox(key="briefing_session").set_value(label)
    at.run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str) -> AppTest:
    """Opens the tab whose label starts with `label` ('Open and overdue' for 'Open and overdue (40)'); the page
    draws only the open tab's sections."""
    (full,) = [tab.label for tab in at.tabs if tab.label.startswith(label)]
    at.session_state["briefing_tab"] = full
    at.run()
    assert not at.exception, at.exception
    return at


def _in_order(node):
    """The page's elements in the order they are drawn (tabs and columns flattened)."""
    children = getattr(node, "children", None)
    if isinstance(children, dict) and children:
        for position in sorted(children):
            yield from _in_order(children[position])
    else:
        yield node


def table_under(at: AppTest, title: str):
    """The table drawn under the heading `title` (a subheader, or a '####' line for a part of a section), before
    the next heading; None when the section has none. Titles are compared as the page escapes them."""
    seen = False
    for element in _in_order(at.main):
        kind = type(element).__name__
        value = getattr(element, "value", None)
        if kind == "Subheader" or (kind == "Markdown" and str(value).startswith("#### ")):
            if seen:
                return None
            seen = str(value).removeprefix("#### ") == words.md_text(title)
        elif seen and kind == "Dataframe":
            return element.value
    return None


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def markdown(at: AppTest) -> list[str]:
    return [block.value for block in at.markdown]


def test_a_session_shows_its_scope_rule_counts_and_sections(plan_workbook, use_workbook):
    at = briefing_page(plan_workbook, use_workbook)
    options = at.selectbox(key="briefing_session").options
    assert len(options) == 3 and options[1] == SESSION_42
    choose_session(at, SESSION_42)
    assert at.date_input(key="briefing_as_of_2023-11-07").value == date(2023, 11, 6)  # the eve of the session
    captions = [c.value for c in at.caption]
    assert any(
        c.startswith(words.md_text("In scope: activities whose dates overlap 25 Nov 2021 \u2013 22 Nov 2023"))
        for c in captions
    )
    assert metrics(at) == {
        "In scope": "40",
        "Delivered": "0",
        "Open": "40",
        "Past end": "32",
        "Not reported": "40",
        "At the session": "3",
    }
    delivered = "No activity in scope is reported Completed; 40 of 40 have no status reported (Not reported)."
    assert words.md_text(delivered) in markdown(at)
    assert at.header[0].value == SESSION_42
    assert [tab.label for tab in at.tabs] == [
        "Delivered (0)",
        "Open and overdue (40)",
        "Around the session",
        "By domain",
        "By convention",
        "Timeline",
        "Changes",
    ]
    subheaders = [s.value for s in at.subheader]
    assert subheaders == ["Key messages", "Delivered"]  # the first tab is open; the others are drawn when opened
    assert table_under(at, "Delivered") is None
    assert len(table_under(open_tab(at, "Open and overdue"), "Open and overdue")) == 40
    assert "Timeline by quarter" in [s.value for s in open_tab(at, "Timeline").subheader]
    assert "Changes since an earlier version" in [s.value for s in open_tab(at, "Changes").subheader]
    open_tab(at, "Around the session")
    parts = [m.removeprefix("#### ") for m in markdown(at) if m.startswith("#### ")]
    assert parts == [
        words.md_text(title)
        for title in ("Before the session", "During the session: its own events", "After the session: follow-up")
    ]
    at_session = table_under(at, "During the session: its own events")
    assert list(at_session["ID"]) == ["2023-10", "2023-11", "2023-12"]
    assert list(table_under(at, "After the session: follow-up")["ID"]) == ["2023-13", "2023-14"]
    assert set(at_session["Reported status"]) == {"Not reported"}


def test_the_as_of_date_changes_the_statuses(plan_workbook, use_workbook):
    at = choose_session(briefing_page(plan_workbook, use_workbook), SESSION_42)
    at.date_input(key="briefing_as_of_2023-11-07").set_value(date(2022, 6, 30))
    at.run()
    assert not at.exception
    assert metrics(at)["Past end"] == "18"  # the sixteen of 2021, and 2022-01 (January) and 2022-02 (March-April)
    assert any("Status as of 30 Jun 2022" in c.value for c in at.caption)


def test_a_date_range_replaces_the_session(plan_workbook, use_workbook):
    at = briefing_page(plan_workbook, use_workbook)
    at.radio(key="briefing_mode").set_value("range")
    at.run()
    at.date_input(key="briefing_range").set_value((date(2022, 1, 1), date(2022, 12, 31)))
    at.run()
    assert not at.exception, at.exception
    assert at.header[0].value == "1 Jan \u2013 31 Dec 2022"
    open_tab(at, "Around the period")
    assert words.md_text("#### Before the period") in markdown(at) or "#### Before the period" in markdown(at)
    assert metrics(at)["In scope"] == "28"  # 2022's twelve, and the sixteen of 2021 nobody reported


def test_the_download_buttons_give_a_word_and_an_excel_file(plan_workbook, use_workbook, downloads):
    at = choose_session(briefing_page(plan_workbook, use_workbook), SESSION_42)
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels[:3] == ["Word pack (.docx)", "Excel pack (.xlsx)", "One-page brief (.docx)"]
    word = downloads["briefing_docx"]
    excel = downloads["briefing_xlsx"]
    word, excel = (word() if callable(word) else word), (excel() if callable(excel) else excel)
    document = Document(io.BytesIO(word))
    assert document.paragraphs[0].text == "Briefing pack"
    assert any(SESSION_42 in p.text for p in document.paragraphs[:8])
    book = openpyxl.load_workbook(io.BytesIO(excel))
    assert book.sheetnames[:2] == ["Cover", "Contents"] and book["During the session"].max_row == 4
    assert zipfile.is_zipfile(io.BytesIO(word)) and zipfile.is_zipfile(io.BytesIO(excel))


def test_changes_since_a_backup(make_workbook, use_workbook):
    before = make_workbook(name="before.xlsx")
    workbook = make_workbook(name="plan.xlsx", edit=edit_known_ways)
    folder = backups.backup_dir(workbook)
    folder.mkdir()
    shutil.copy(before, folder / backups.backup_name(workbook, datetime(2023, 1, 2, 10, 30)))
    at = choose_session(briefing_page(workbook, use_workbook), SESSION_42)
    since = at.selectbox(key="briefing_since")
    assert len(since.options) == 2  # None and the backup: a viewer is not offered an upload
    since.select_index(1)
    at.run()
    assert not at.exception, at.exception
    changes = table_under(open_tab(at, "Changes"), "Changes since the backup of 2 Jan 2023 10:30")
    assert set(zip(changes["Change"], changes["ID"])) == {
        ("Added", "2023-15"),
        ("Removed", "2022-09"),
        ("Re-dated", "2023-02"),
        ("Re-classified", "2021-09"),
        ("Status changed", "2021-11"),
    }
    assert any(
        words.md_text("Added: 1, Removed: 1, Re-dated: 1, Re-classified: 1, Status changed: 1") in m
        for m in markdown(at)
    )


def test_no_session_in_milestones_says_what_to_do(make_workbook, use_workbook):
    at = briefing_page(make_workbook(milestones=[]), use_workbook)
    assert "no General Conference session" in at.info[0].value
    at.radio(key="briefing_mode").set_value("range")
    at.run()
    assert not at.exception and metrics(at)["In scope"] == "42"


HEADING_LEVEL = {"Title": 1, "Header": 2, "Subheader": 3}


def heading_levels(at: AppTest) -> list[int]:
    """The level of each heading the page draws, in order (st.title 1, st.header 2, st.subheader 3, '#### ' 4 ...)."""
    levels = []
    for element in _in_order(at.main):
        kind = type(element).__name__
        if kind in HEADING_LEVEL:
            levels.append(HEADING_LEVEL[kind])
        elif kind == "Markdown" and str(element.value).startswith("#"):
            levels.append(len(str(element.value)) - len(str(element.value).lstrip("#")))
    return levels


def test_only_the_open_tab_is_drawn_and_it_stays_open_when_the_session_changes(plan_workbook, use_workbook):
    at = choose_session(briefing_page(plan_workbook, use_workbook), SESSION_42)
    drawn = [s.value for s in at.subheader]
    assert "Open and overdue" not in drawn and "Timeline by quarter" not in drawn
    assert not any(m.startswith("####") for m in markdown(at))
    assert len(at.dataframe) == 2  # by status and by domain; the Delivered tab has no table (none delivered)
    open_tab(at, "By domain")
    parts = [m.removeprefix("#### ") for m in markdown(at) if m.startswith("#### ")]
    assert parts[:2] == ["Culture", "Education"] and "Delivered" not in [s.value for s in at.subheader]
    first_session = at.selectbox(key="briefing_session").options[0]
    choose_session(at, first_session)  # other counts in the tabs' labels: the same tab stays open
    assert [m.removeprefix("#### ") for m in markdown(at) if m.startswith("#### ")][:2] == ["Culture", "Education"]


@pytest.mark.parametrize("tab", ["Delivered", "Open and overdue", "Around", "By domain", "Timeline", "Changes"])
def test_headings_do_not_skip_a_level(plan_workbook, use_workbook, tab):
    at = open_tab(choose_session(briefing_page(plan_workbook, use_workbook), SESSION_42), tab)
    levels = heading_levels(at)
    assert levels[:3] == [1, 2, 3]  # Briefing, the session, Key messages
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels
