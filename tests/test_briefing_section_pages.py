"""A long Briefing section's page picker keeps the page the reader chose when they open another tab and come back
(Streamlit drops the state of a widget that is not drawn; the page is kept beside it), and starts again at page 1
when the section's content changes (another as-of date)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from components import briefing_view
from tests.test_briefing_page import SESSION_42, briefing_page, choose_session, open_tab, table_under

ROWS = 10  # the seed plan's 40 open activities at the session: 4 pages
PICKER = "briefing_open_page"


@pytest.fixture
def paged(monkeypatch: pytest.MonkeyPatch, plan_workbook, use_workbook) -> AppTest:
    monkeypatch.setattr(briefing_view, "SECTION_PAGE_ROWS", ROWS)
    return open_tab(choose_session(briefing_page(plan_workbook, use_workbook), SESSION_42), "Open and overdue")


def _page_three(at: AppTest) -> list[str]:
    every = list(table_under(at, "Open and overdue")["ID"])
    at.number_input(key=PICKER).set_value(3).run()
    assert not at.exception, at.exception
    third = list(table_under(at, "Open and overdue")["ID"])
    assert len(third) == ROWS and third != every
    return third


def test_the_page_chosen_survives_a_tab_switch(paged: AppTest) -> None:
    third = _page_three(paged)
    open_tab(paged, "Timeline")
    assert not [n for n in paged.number_input if n.key == PICKER]  # not drawn: Streamlit forgets the widget
    open_tab(paged, "Open and overdue")
    assert paged.number_input(key=PICKER).value == 3
    assert list(table_under(paged, "Open and overdue")["ID"]) == third


def test_a_new_as_of_date_starts_at_page_one(paged: AppTest) -> None:
    third = _page_three(paged)
    (as_of,) = [d for d in paged.date_input if str(d.key).startswith("briefing_as_of_")]
    as_of.set_value(as_of.value - timedelta(days=1)).run()
    assert not paged.exception, paged.exception
    assert paged.number_input(key=PICKER).value == 1
    assert list(table_under(paged, "Open and overdue")["ID"]) != third
