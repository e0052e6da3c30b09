"""The Timeline at thousands of activities: groups closed to one bar each, one group opened and paged."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from actionplan import load_plan, views
from actionplan.plan.status import AsOf
from actionplan.plan.synth import write_synth
from actionplan.views import gantt
from components import charts
from tests.test_pages import APP, run

AS_OF = date(2023, 6, 1)
SIZE = 300  # above views.COLLAPSE_OVER


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    write_synth(path, SIZE, seed=2)
    return path


@pytest.fixture(scope="module")
def rows(big):
    plan = load_plan(big)
    acts = views.Filters(as_of=AS_OF).apply(plan.activities)
    domains = views.domain_order(plan.activities, plan.lists)
    return plan, views.gantt_rows(acts.dropna(subset=["Start", "End"]), domains=domains, labels=False)


def test_up_to_the_limit_every_group_is_open_and_every_row_drawn(rows):
    _, all_rows = rows
    window = views.gantt_window(all_rows, collapse_over=len(all_rows))
    assert not window.collapsed and window.groups[views.OPEN_COLUMN].all()
    assert len(window.rows) == len(all_rows) and views.LABEL_COLUMN in window.rows
    assert window.shown == ""


def test_beyond_the_limit_groups_are_closed_with_their_span_count_and_statuses(rows):
    _, all_rows = rows
    window = views.gantt_window(all_rows)
    groups = window.groups
    assert window.collapsed and window.rows.empty and not groups[views.OPEN_COLUMN].any()
    assert groups[views.COUNT_COLUMN].sum() == len(all_rows)
    assert list(groups.index) == list(dict.fromkeys(all_rows[views.GROUP_COLUMN]))  # Gantt order
    first = groups.index[0]
    members = all_rows[all_rows[views.GROUP_COLUMN] == first]
    assert groups.loc[first, "Start"] == members["Start"].min() and groups.loc[first, "End"] == members["End"].max()
    assert groups.loc[first, views.DOMAIN_COLUMN] == members[views.DOMAIN_COLUMN].iloc[0]  # one domain per group
    statuses = members["Status as of"].astype(str).value_counts()
    for status, count in statuses.items():
        assert f"{status} {count}" in groups.loc[first, views.STATUS_COUNTS_COLUMN]


def test_an_opened_group_is_paged(rows):
    _, all_rows = rows
    group = views.gantt_window(all_rows).groups[views.COUNT_COLUMN].idxmax()
    size = int((all_rows[views.GROUP_COLUMN] == group).sum())
    window = views.gantt_window(all_rows, opened=group, per_page=5, page=2)
    assert window.opened == group and window.groups.loc[group, views.OPEN_COLUMN]
    assert list(window.rows[views.GROUP_COLUMN].unique()) == [group] and len(window.rows) == 5
    assert window.shown == f"rows 6-10 of {size}" and window.pages == -(-size // 5)
    last = views.gantt_window(all_rows, opened=group, per_page=5, page=999)
    assert last.page == last.pages and last.last == size  # clamped to the last page
    assert views.gantt_window(all_rows, opened="no such group").opened is None


def test_closed_groups_are_one_hatched_bar_each_and_the_json_stays_small(rows):
    plan, all_rows = rows
    window = views.gantt_window(all_rows)
    fig = charts.gantt(window.rows, plan.milestones, as_of=AS_OF, groups=window.groups, steps=plan.steps)
    summary = [t for t in fig.data if t.type == "bar" and t.marker.pattern.shape == "/"]
    assert len(summary) == 1 and len(summary[0].base) == len(window.groups)
    assert list(summary[0].y) == [f"<b>{group}</b>" for group in window.groups.index]
    assert list(fig.layout.yaxis.categoryarray) == list(summary[0].y)  # headings only
    assert "activities" in summary[0].customdata[0][1]
    opened = views.gantt_window(all_rows, opened=window.groups.index[1])
    fig = charts.gantt(opened.rows, plan.milestones, as_of=AS_OF, groups=opened.groups, steps=plan.steps)
    categories = list(fig.layout.yaxis.categoryarray)
    at = categories.index(f"<b>{window.groups.index[1]}</b>")
    assert categories[at + 1 : at + 1 + len(opened.rows)] == list(opened.rows[views.LABEL_COLUMN])
    assert sum(len(t.base) for t in fig.data if t.type == "bar" and t.marker.pattern.shape != "/") == len(opened.rows)
    assert len(fig.to_json()) < 200_000


def test_status_colours_on_a_window(rows):
    plan, all_rows = rows
    opened = views.gantt_window(all_rows, opened=views.gantt_window(all_rows).groups.index[0])
    fig = charts.gantt(
        opened.rows, plan.milestones, as_of=AS_OF, groups=opened.groups, colour_by=charts.COLOUR_BY_STATUS
    )
    names = {t.name for t in fig.data if t.type == "bar" and t.marker.pattern.shape != "/"}
    assert names <= {str(s) for s in AsOf}


def test_timeline_page_opens_a_group_and_pages_it(big, use_workbook):
    use_workbook(big)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("pages/timeline.py")
    run(at)
    captions = " ".join(str(c.value) for c in at.caption)
    assert f"{SIZE} activities in" in captions and "each group closed to one bar" in captions
    figure = json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-gantt")).proto.spec)
    assert all(label.startswith("<b>") for label in figure["layout"]["yaxis"]["categoryarray"])
    group = at.selectbox(key="timeline_open").options[1]
    at.selectbox(key="timeline_open").select_index(1)
    run(at)
    captions = " ".join(str(c.value) for c in at.caption)
    assert "rows 1-" in captions
    figure = json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-gantt")).proto.spec)
    assert any(not label.startswith("<b>") for label in figure["layout"]["yaxis"]["categoryarray"])
    assert group.split(" (")[0] in captions


@pytest.mark.parametrize("grouping", views.GROUPINGS)
def test_rows_taken_in_the_order_sorted_once_are_the_rows_sorted_for_each_filter(big, grouping):
    plan = load_plan(big)
    domains = views.domain_order(plan.activities, plan.lists)
    instruments = views.instrument_order(plan.activities, plan.lists)
    every = plan.activities.dropna(subset=["Start", "End"])
    order = views.gantt_order(every, group_by=grouping, domains=domains, instruments=instruments)
    for view in (
        views.Filters(as_of=AS_OF),
        views.Filters(as_of=date(2022, 1, 1), years=(2022,)),
        views.Filters(as_of=AS_OF, domains=tuple(domains[1:3])),
    ):
        acts = view.apply(plan.activities, plan.checkins).dropna(subset=["Start", "End"])
        expected = views.gantt_rows(acts, group_by=grouping, domains=domains, instruments=instruments, labels=False)
        assert len(expected) > 0
        pd.testing.assert_frame_equal(views.in_gantt_order(order, acts), expected)


@pytest.mark.parametrize("size", [0, 1, 42, 250])
@pytest.mark.parametrize("with_status", [True, False])
@pytest.mark.parametrize("group_by", views.GROUPINGS)
def test_a_small_window_tallies_its_groups_as_pandas_does(rows, size, with_status, group_by):
    """Up to SMALL_WINDOW rows the groups are tallied over plain lists: the same frame as the grouped operations
    (spans, counts, the one domain or None, the status counts, dtypes and index), for both groupings (by
    instrument, a group mixes domains)."""
    plan, _ = rows
    acts = views.Filters(as_of=AS_OF).apply(plan.activities)
    domains = views.domain_order(plan.activities, plan.lists)
    grouped = views.gantt_rows(acts.dropna(subset=["Start", "End"]), group_by=group_by, domains=domains, labels=False)
    chosen = grouped.iloc[:size] if with_status else grouped.iloc[:size].drop(columns=["Status as of"])
    assert size <= gantt.SMALL_WINDOW
    pd.testing.assert_frame_equal(gantt._groups(chosen), gantt._groups_grouped(chosen))
