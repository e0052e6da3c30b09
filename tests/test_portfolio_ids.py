"""Activity IDs are unique within a plan only: in a portfolio whose plans share IDs, each activity keeps its own
plan's check-ins and change log, the table says which plan a row is from, and opening a shared ID asks which plan.
A repeated ID within one plan stays that workbook's error."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan import views
from actionplan.keeping import access
from actionplan.plan import portfolio
from actionplan.plan.contract import ActivityColumn as A
from actionplan.plan.contract import Derived
from actionplan.views.pages import activities_page
from tests.conftest import PASSWORD

from .test_checkins import with_checkins

ROOT = Path(__file__).resolve().parents[1]


def headings(at: AppTest) -> list[str]:
    """The page's headings, whatever their level (the activity's title is a header or a subheader)."""
    return [str(heading.value) for heading in [*at.header, *at.subheader]]


@pytest.fixture
def folder(make_workbook, tmp_path: Path) -> Path:
    """a.xlsx and b.xlsx: the same 42 IDs; 2021-01 reported Completed in a.xlsx's Updates only."""
    (tmp_path / "plans").mkdir()
    with_checkins(
        make_workbook(name="plans/a.xlsx"),
        [(datetime(2021, 6, 1), "2021-01", "Completed", 100, "A's report", None, "Anna")],
    )
    make_workbook(name="plans/b.xlsx")
    return tmp_path / "plans"


def test_each_plan_keeps_its_own_checkins(folder: Path):
    plan, _parts = portfolio.load_portfolio(folder)
    seen = views.Filters(as_of=date(2021, 7, 1)).apply(plan.activities, plan.checkins)
    first = seen[seen[A.ID] == "2021-01"].set_index(Derived.WORKBOOK)[Derived.REPORTED_STATUS]
    assert first["b.xlsx"] == "Not reported"  # a.xlsx's report is not b.xlsx's
    earlier = views.Filters(as_of=date(2021, 5, 1)).apply(plan.activities, plan.checkins)
    assert set(earlier[earlier[A.ID] == "2021-01"][Derived.REPORTED_STATUS]) == {"Not reported"}
    assert [line.notes for line in views.checkin_lines(plan.checkins, "2021-01", "a.xlsx")] == ["A's report"]
    assert views.checkin_lines(plan.checkins, "2021-01", "b.xlsx") == ()
    only_b = seen[seen[Derived.WORKBOOK] == "b.xlsx"]
    assert views.reported_trend(only_b, plan.checkins, date(2021, 7, 1), ()).empty  # nobody reported on b.xlsx
    assert not views.reported_trend(seen, plan.checkins, date(2021, 7, 1), ()).empty


def test_the_plan_filter_opens_that_plan_s_activity_and_a_shared_id_asks(folder: Path):
    plan, _parts = portfolio.load_portfolio(folder)
    assert portfolio.shared_ids(plan.activities)[:2] == ("2021-01", "2021-02")
    both = views.Filters(as_of=date(2021, 7, 1))
    acts = both.apply(plan.activities)
    asked = activities_page(plan, both, acts, "2021-01")
    assert asked.opened is None and asked.plans_with_id == ("a.xlsx", "b.xlsx") and not asked.unknown_id
    assert len(asked.shared_ids) == 42 and len(asked.ids) == 42  # each ID offered once
    assert list(asked.table.columns[:2]) == [A.ID, Derived.WORKBOOK]
    only_b = views.Filters(as_of=date(2021, 7, 1), plans=("b.xlsx",))
    opened = activities_page(plan, only_b, only_b.apply(plan.activities), "2021-01").opened
    assert opened is not None and opened[Derived.WORKBOOK] == "b.xlsx"
    assert opened[Derived.REPORTED_STATUS] == "Not reported"


def test_the_change_log_of_an_activity_is_its_own_workbook_s(folder: Path, use_workbook, monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)
    use_workbook(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["editors"] = {"password_hash": access.hash_password(PASSWORD)}
    at.run()
    at.switch_page("pages/data.py").run()
    at.text_input(key="signin_name").set_value("Aman")
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(button for button in at.button if button.label == "Sign in").click().run()
    at.selectbox(key="data_workbook").set_value("b.xlsx").run()
    edit = {"edited_rows": {"0": {"Notes": "B's note"}}, "added_rows": [], "deleted_rows": []}
    at.session_state["edit_activities"] = edit
    at.run()
    at.button(key="edit_save").click().run()
    at.switch_page("pages/activities.py").run()
    assert any("IDs used by more than one plan shown (42): 2021-01, 2021-02" in caption.value for caption in at.caption)
    at.selectbox(key="activity_pick").set_value("2021-01").run()
    assert not any("2021-01 ·" in heading for heading in headings(at))
    assert any("2021-01 is an activity ID in 2 of the plans shown" in info.value for info in at.info)
    at.button(key="open_in_plan_1").click().run()  # b.xlsx
    assert not at.exception, at.exception
    assert at.multiselect(key="filter_plan").value == ["b.xlsx"]
    assert any("2021-01 ·" in heading for heading in headings(at))
    said = "\n".join(markdown.value for markdown in at.markdown)
    assert "B's note" in said and "A's report" not in said  # b.xlsx's check-in, not a.xlsx's
    [expander] = [e for e in at.expander if "Changes made in the app" in str(e.label)]
    assert str(expander.label).endswith("(1)")
    [cells] = [frame.value for frame in at.dataframe if "Who" in frame.value.columns and "Old" in frame.value.columns]
    assert list(zip(cells["Who"], cells["Column"], cells["New"])) == [("Aman", "Notes", "B's note")]


def test_a_repeated_id_within_one_plan_leaves_that_workbook_out(make_workbook, tmp_path: Path):
    (tmp_path / "plans").mkdir()

    def repeat(activities, *_):
        activities[1]["ID"] = activities[0]["ID"]

    make_workbook(name="plans/a.xlsx", edit=repeat)
    make_workbook(name="plans/b.xlsx")
    plan, parts = portfolio.load_portfolio(tmp_path / "plans")
    left_out = next(part for part in parts if part.name == "a.xlsx")
    assert left_out.plan is None and left_out.problem is not None and "2021-01" in left_out.problem.message
    assert set(plan.activities[Derived.WORKBOOK]) == {"b.xlsx"} and not portfolio.shared_ids(plan.activities)


def test_the_portfolio_s_sidebar_speaks_the_reader_s_language(folder: Path, use_workbook):
    use_workbook(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "ru"
    at.run()
    with_checkins(folder / "b.xlsx", [(datetime(2021, 6, 2), "2021-02", "In progress", 10, None, None, "Bahar")])
    at.run()  # the session sees the folder change: "Updated at HH:MM"
    captions = [caption.value for caption in at.sidebar.caption]
    assert any(text.startswith("Обновлено в ") for text in captions), captions
    assert not any(text.startswith("Updated at") for text in captions)
