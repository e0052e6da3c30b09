"""Page models (actionplan.views.pages): what each dashboard page shows, computed without Streamlit."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from actionplan import load_plan, views
from actionplan.plan.status import AsOf
from actionplan.views import pages as models


@pytest.fixture
def plan(plan_workbook):
    return load_plan(plan_workbook)


def selected(plan, as_of: date, **narrow) -> tuple[views.Filters, pd.DataFrame]:
    view = views.Filters(as_of=as_of, **narrow)
    return view, view.apply(plan.activities)


def test_overview_counts_headline_and_milestones_ahead(plan):
    view, acts = selected(plan, date(2023, 6, 1))
    model = models.overview(plan, view, acts)
    assert model.total == 42 and int(model.counts.sum()) == 42
    assert model.headline.startswith("As of 1 Jun 2023, of 42 activities:")
    assert not model.anyone_reported
    assert list(model.by_year.index) == [2021, 2022, 2023]
    # the 42nd session (7-22 Nov 2023) and the 43rd are ahead; the first lists what ends before it, soonest first
    assert [m.name for m in model.ahead][:1] == ["42nd session of the UNESCO General Conference"]
    first = model.ahead[0]
    assert first.when == "7–22 Nov 2023" and first.since == date(2023, 6, 1)
    assert first.due_line.startswith(f"{len(first.due)} open activit")
    assert list(first.due["End"]) == sorted(first.due["End"])
    assert model.no_milestone_ahead == ""


def test_overview_after_the_last_milestone_says_so_and_names_it(plan):
    view, acts = selected(plan, date(2030, 1, 1))
    model = models.overview(plan, view, acts)
    assert model.ahead == ()
    assert "No milestone after 1 Jan 2030" in model.no_milestone_ahead
    assert "43rd session" in model.no_milestone_ahead


def test_a_postponed_activity_is_not_due_but_stays_open(make_workbook):
    def postpone(activities, steps, milestones, lists):
        for activity in activities:
            if activity["ID"] == "2023-13":
                activity["Status"] = "Postponed"

    plan = load_plan(make_workbook(edit=postpone))
    view, acts = selected(plan, date(2023, 11, 23))
    due_ids = {i for m in models.overview(plan, view, acts).ahead for i in m.due["ID"]}
    assert "2023-13" not in due_ids  # its dates no longer say when it is due
    assert not AsOf.POSTPONED.closed and not AsOf.POSTPONED.dates_hold  # ... yet it is still owed


def test_domains_model_drill_down(plan):
    _, acts = selected(plan, date(2023, 6, 1))
    model = models.domains_page(plan, acts)
    present = dict(model.present)
    assert sum(present.values()) == 42 and "Culture" in present
    inside = dict(model.instruments_in("Culture"))
    assert sum(inside.values()) == present["Culture"]
    assert list(inside)[0] in plan.lists.conventions  # conventions first
    some = next(iter(inside))
    chosen = model.chosen("Culture", some)
    assert len(chosen) == inside[some]
    assert models.chosen_caption("Culture", some, chosen) == f"Culture · {some}: {views_count(len(chosen))}"
    assert len(model.chosen("Culture")) == present["Culture"]


@pytest.mark.parametrize("narrow", [{}, {"years": (2022,)}, {"text": "heritage"}])
def test_domains_rows_taken_in_the_plans_kept_order_equal_rows_sorted_again(make_workbook, narrow):
    """The page keeps the order of all the plan's activities (undated ones too) and takes the selected rows in it:
    the same rows, in the same order, as sorting the selection itself."""

    def undate(activities, steps, milestones, lists):
        activities[3]["Start"] = activities[3]["End"] = None
        activities[7]["Domain"] = ""

    plan = load_plan(make_workbook(edit=undate))
    _, acts = selected(plan, date(2022, 6, 1), **narrow)
    domains, instruments = (
        views.domain_order(plan.activities, plan.lists),
        views.instrument_order(plan.activities, plan.lists),
    )
    order = views.gantt_order(plan.activities, domains=domains, instruments=instruments)
    kept, sorted_again = models.domains_page(plan, acts, order=order), models.domains_page(plan, acts)
    assert len(kept.rows) == len(acts)
    pd.testing.assert_frame_equal(kept.rows, sorted_again.rows)
    assert kept.present == sorted_again.present


def views_count(n: int) -> str:
    return f"{n} activit{'y' if n == 1 else 'ies'}"


def test_coverage_model_cells_and_titles(plan):
    _, acts = selected(plan, date(2023, 6, 1))
    model = models.coverage_page(plan, acts, keep_empty=False)
    assert model.cells and all(model.matrix.loc[name, year] > 0 for name, year in model.cells)
    assert all(model.titles[name] != name for name in model.titled)
    cell = model.cells[0]
    assert model.cell_label(cell).startswith(f"{cell[0]} · {cell[1]} (")
    assert len(models.cell_activities(acts, cell)) == int(model.matrix.loc[cell[0], cell[1]])
    assert len(models.coverage_page(plan, acts, keep_empty=True).matrix) >= len(model.matrix)


def test_activities_model_opens_an_id_inside_outside_and_unknown(plan):
    view, acts = selected(plan, date(2023, 6, 1), years=(2022,))
    inside = models.activities_page(plan, view, acts, "2022-01")
    assert inside.opened is not None and not inside.opened_outside_filters and inside.unknown_id == ""
    assert len(inside.table) == len(acts) and inside.ids == tuple(acts["ID"])
    outside = models.activities_page(plan, view, acts, "2021-04")
    assert outside.opened_outside_filters and outside.ids[-1] == "2021-04"
    assert outside.opened["Status as of"] == AsOf.PAST_END_NOT_REPORTED
    unknown = models.activities_page(plan, view, acts, "[x](http://127.0.0.1:9/)")
    assert unknown.opened is None and unknown.unknown_id == "[x](http://127.0.0.1:9/)"
    assert models.activities_page(plan, view, acts, None).opened is None


def test_a_finding_reads_as_a_sentence_without_severity_or_server_path(tmp_path):
    from actionplan.plan.findings import ERROR, Finding

    missing = load_plan(tmp_path / "folder" / "plan.xlsx").errors[0]
    assert missing.sentence == "Plan.xlsx does not exist" and str(tmp_path) not in missing.sentence
    duplicate = Finding(ERROR, "Activities", 3, "ID", "ID '2021-01' is already used in row 2", "give each its own ID")
    assert duplicate.sentence == "Activities, row 3, ID: ID '2021-01' is already used in row 2"
