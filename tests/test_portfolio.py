"""Several plans as one portfolio: PLAN_WORKBOOK names a folder of workbooks (actionplan/plan/portfolio.py, the
Plan filter, counts by plan on the Overview, a broken workbook named while the others show, the Data page)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan import load_plan, views
from actionplan.plan import portfolio
from actionplan.plan.findings import WARNING
from actionplan.plan.synth import write_synth

ROOT = Path(__file__).resolve().parents[1]
SHIPPED, NEXT, BROKEN = "plan-2021-2023.xlsx", "plan-2024-2026.xlsx", "broken.xlsx"
NEXT_SIZE = 60


@pytest.fixture(scope="module")
def next_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("next") / NEXT
    write_synth(path, NEXT_SIZE, seed=5)
    return path


@pytest.fixture
def folder(tmp_path: Path, next_plan: Path) -> Path:
    """Two usable workbooks, a broken one, and what Excel leaves beside an open file (ignored)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(ROOT / "data" / "plan.xlsx", plans / SHIPPED)
    shutil.copy(next_plan, plans / NEXT)
    (plans / BROKEN).write_bytes(b"this is not a workbook")
    (plans / f"~${SHIPPED}").write_bytes(b"Excel's lock file")
    (plans / "notes.txt").write_text("not a plan")
    return plans


def test_the_folder_s_workbooks_by_name(folder: Path):
    assert [path.name for path in portfolio.plan_files(folder)] == [BROKEN, SHIPPED, NEXT]
    assert portfolio.is_portfolio(folder) and not portfolio.is_portfolio(folder / SHIPPED)


def test_one_portfolio_of_the_usable_workbooks_and_the_broken_one_named(folder: Path):
    plan, parts = portfolio.load_portfolio(folder)
    shipped, following = load_plan(folder / SHIPPED), load_plan(folder / NEXT)
    assert len(plan.activities) == len(shipped.activities) + len(following.activities) == 42 + NEXT_SIZE
    assert len(plan.steps) == len(shipped.steps) + len(following.steps)
    counts = plan.activities[portfolio.WORKBOOK_COLUMN].value_counts()
    assert counts[SHIPPED] == 42 and counts[NEXT] == NEXT_SIZE
    assert set(plan.steps[portfolio.WORKBOOK_COLUMN]) == {SHIPPED, NEXT}
    assert plan.usable  # one broken workbook does not hide the others
    broken = next(part for part in parts if part.name == BROKEN)
    assert broken.plan is None and broken.problem is not None
    named = [f for f in plan.findings if f.severity == WARNING and BROKEN in f.message]
    assert len(named) == 1 and "left out" in named[0].message
    # Milestones shared by the plans (the General Conference sessions) are listed once.
    assert plan.milestones[["Date", "Name"]].duplicated().sum() == 0
    assert set(plan.lists.domains) >= set(shipped.lists.domains) | set(following.lists.domains)
    # Each plan is known by its file and its own title.
    assert next(part for part in parts if part.name == SHIPPED).title == shipped.facts.title


def test_the_plan_filter_selects_a_workbook_and_travels_in_the_link(folder: Path):
    plan, _ = portfolio.load_portfolio(folder)
    options = views.filter_options(plan.activities, plan.lists)
    assert options.plans == (SHIPPED, NEXT)
    view = views.Filters.from_query({"plan": [NEXT], "year": ["2024"]}, options, date(2025, 1, 1))
    assert view.plans == (NEXT,) and view.narrows
    shown = view.apply(plan.activities)
    assert set(shown[portfolio.WORKBOOK_COLUMN]) == {NEXT} and (shown["Year"] == 2024).all()
    assert view.query(date(2025, 1, 1))["plan"] == [NEXT]
    assert views.Filters.from_query({"plan": ["gone.xlsx"]}, options, date(2025, 1, 1)).plans == ()


def test_counts_by_plan(folder: Path):
    plan, _ = portfolio.load_portfolio(folder)
    acts = views.Filters(as_of=date(2025, 1, 1)).apply(plan.activities)
    table = views.by_plan(acts)
    assert list(table.index) == [SHIPPED, NEXT]
    assert table.sum(axis=1).tolist() == [42, NEXT_SIZE]
    assert views.by_plan(views.Filters().apply(load_plan(folder / SHIPPED).activities)).empty


def _app(folder: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("PLAN_WORKBOOK", str(folder))
    monkeypatch.setenv("ACTIONPLAN_STORE", str(folder.parent / "store.sqlite3"))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_the_overview_counts_by_plan_and_names_the_broken_workbook(folder: Path, monkeypatch: pytest.MonkeyPatch):
    at = _app(folder, monkeypatch)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(BROKEN in warning.value and "other plans are shown" in warning.value for warning in at.warning)
    assert any(f"{42 + NEXT_SIZE} activities" in caption.value for caption in at.caption)
    by_plan = next(chart.proto.body for chart in at.get("html") if 'aria-label="By plan"' in chart.proto.body)
    assert SHIPPED in by_plan and NEXT in by_plan
    plan_filter = at.multiselect(key="filter_plan")
    assert [option.split(" · ")[0] for option in plan_filter.options] == [SHIPPED, NEXT]  # file · title


def test_the_plan_filter_is_kept_in_the_url(folder: Path, monkeypatch: pytest.MonkeyPatch):
    at = _app(folder, monkeypatch)
    at.run()
    at.multiselect(key="filter_plan").set_value([NEXT]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["plan"] == NEXT
    assert any(f"{NEXT_SIZE} of {42 + NEXT_SIZE} activities" in caption.value for caption in at.caption)
    # A link with ?plan= opens the same view, on another page too.
    linked = _app(folder, monkeypatch)
    linked.query_params["plan"] = SHIPPED
    linked.run()
    linked.switch_page("pages/timeline.py").run()
    assert not linked.exception, [e.value for e in linked.exception]
    assert linked.multiselect(key="filter_plan").value == [SHIPPED]
    assert any(f"42 of {42 + NEXT_SIZE} activities" in caption.value for caption in linked.caption)


def test_the_data_page_asks_which_workbook(folder: Path, monkeypatch: pytest.MonkeyPatch):
    at = _app(folder, monkeypatch)
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="data_workbook")
    assert [option.split(" · ")[0] for option in picker.options] == [BROKEN, SHIPPED, NEXT]
    picker.select_index(1).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"** `{SHIPPED}`" in markdown.value for markdown in at.markdown)  # the card: **Excel workbook** `name`
    picker.select_index(0).run()  # the broken one: its findings are listed here
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"** `{BROKEN}`" in markdown.value for markdown in at.markdown)
