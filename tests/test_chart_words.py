"""Each chart said in words (actionplan.views.chart_words): the sentence and the table agree with the chart's data,
in every language; and the status bars tell statuses apart by pattern as well as colour."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from actionplan import i18n, load_plan, views
from actionplan.plan.status import AS_OF_ORDER, AsOf
from actionplan.views import chart_words
from actionplan.views import pages as models
from components import charts, colours
from components.charts import html_bars
from tests.test_progress import reported  # noqa: F401  (a fixture: the seed plan with check-ins)

AS_OF = date(2022, 6, 1)  # the seed plan then has activities past their end, scheduled now and upcoming


@pytest.fixture
def plan(plan_workbook):
    return load_plan(plan_workbook)


@pytest.fixture
def acts(plan):
    return views.Filters(as_of=AS_OF).apply(plan.activities)


def test_status_counts_by_year_sums_and_names_every_status_shown(plan, acts):
    table = views.by_year_and_status(acts, plan.years)
    said = chart_words.status_counts(table, by=chart_words.BY_YEAR)
    assert said.summary.startswith("42 activities by plan year: 2021: 16, 2022: 12, 2023: 14.")
    shown = [str(s) for s in AS_OF_ORDER if table[s].sum()]
    for status in shown:
        assert f"{status}: {int(table[status].sum())}" in said.summary
    assert list(said.table.columns) == ["Plan year", *shown, "Total"]
    assert list(said.table["Total"]) == [16, 12, 14]
    assert said.table[shown].to_numpy().sum() == 42
    assert said.title == "Activities by plan year and status"


def test_status_counts_by_domain_and_nothing_shown(plan, acts):
    table = views.by_domain(acts, views.domain_order(plan.activities, plan.lists))
    said = chart_words.status_counts(table, by=chart_words.BY_DOMAIN)
    assert said.summary.startswith("42 activities by domain: Culture: ")
    assert list(said.table["Domain"]) == [str(d) for d in table.index]
    empty = chart_words.status_counts(table.iloc[0:0], by=chart_words.BY_DOMAIN)
    assert empty.summary == "No activities are shown." and empty.table.empty


def test_domains_by_year_names_the_largest_bar(plan, acts):
    table = views.by_domain_and_year(acts, views.domain_order(plan.activities, plan.lists), plan.years)
    said = chart_words.domains_by_year(table)
    domain, year = table.stack().idxmax()
    assert f"The most in one year: {domain} in {year} ({table.loc[domain, year]})." in said.summary
    assert list(said.table.columns) == ["Domain", *[str(y) for y in plan.years], "Total"]
    assert int(said.table["Total"].sum()) == 42


def test_drill_down_counts_each_domain_and_instrument(plan, acts):
    model = models.domains_page(plan, acts)
    said = chart_words.drill_down(model.rows)
    assert int(said.table["Activities"].sum()) == 42
    assert said.summary.startswith(f"42 activities in {model.rows[views.DOMAIN_COLUMN].nunique()} domains")
    culture = said.table[said.table["Domain"] == "Culture"]
    assert int(culture["Activities"].sum()) == dict(model.present)["Culture"]


def test_coverage_counts_cells_and_gaps(plan, acts):
    matrix = models.coverage_page(plan, acts, keep_empty=True).matrix
    said = chart_words.coverage(matrix)
    gaps = int((matrix.to_numpy() == 0).sum())
    assert f"{matrix.size - gaps} of {matrix.size} cells have activities, {gaps} are gaps." in said.summary
    assert list(said.table["Convention or programme"]) == [str(name) for name in matrix.index]
    assert list(said.table["Total"]) == [int(n) for n in matrix.sum(axis=1)]


def test_timeline_lists_each_bar_and_each_closed_group(plan, acts):
    rows = views.gantt_rows(acts, domains=views.domain_order(plan.activities, plan.lists), labels=False)
    said = chart_words.timeline(views.gantt_window(rows), as_of=AS_OF)
    assert said.summary.startswith("42 activities from 1 Jan 2021 to 31 Dec 2023. As of 1 Jun 2022: ")
    assert len(said.table) == 42 and set(said.table["ID"]) == set(acts["ID"])
    assert set(said.table["Status"]) <= {str(s) for s in AS_OF_ORDER}
    closed = chart_words.timeline(views.gantt_window(rows, collapse_over=10), as_of=AS_OF)
    groups = views.gantt_window(rows, collapse_over=10).groups
    assert len(closed.table) == len(groups)
    assert (
        closed.table["Event"].iloc[0] == f"{groups.index[0]} (closed group): {groups.iloc[0]['Activities']} activities"
    )
    assert closed.summary.startswith("42 activities from")


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_the_words_are_in_the_readers_language(plan, acts, lang):
    table = views.by_year_and_status(acts, plan.years)
    english = chart_words.status_counts(table, by=chart_words.BY_YEAR)
    with i18n.using(lang):
        said = chart_words.status_counts(table, by=chart_words.BY_YEAR)
    assert said.summary != english.summary and "2021 — 16" in said.summary
    assert list(said.table.columns)[0] != "Plan year" and said.title != english.title


def test_workbook_text_in_the_table_is_escaped_before_markdown():
    from components.chart_text import _escaped

    table = pd.DataFrame({"Domain": ["![x](http://127.0.0.1:9/x)", "[a](javascript:b)", ":red[x]"], "Total": [1, 2, 3]})
    out = _escaped(table)
    assert all("\\[" in cell or "\\:" in cell or "\\!" in cell for cell in out["Domain"])
    assert list(out["Total"]) == [1, 2, 3]


def test_each_status_has_its_own_pattern_in_the_bars_and_the_legend(plan, acts):
    """WCAG 1.4.1: status never told by colour alone; each trace carries its status's pattern (legend shows it)."""
    patterns = [colours.STATUS_PATTERNS[s] for s in AS_OF_ORDER]
    assert len(set(patterns)) == len(patterns)
    fig = charts.stacked_status_bars(views.by_year_and_status(acts, plan.years))
    for trace in fig.data:
        assert trace.marker.pattern.shape == colours.STATUS_PATTERNS[AsOf(trace.name)]
        assert trace.marker.pattern.fillmode == "overlay"  # the colour stays under the hatching


def test_the_gantt_bars_carry_patterns_by_status_and_by_domain(plan, acts):
    rows = views.gantt_rows(acts, domains=views.domain_order(plan.activities, plan.lists))
    by_status = charts.gantt(rows, plan.milestones, as_of=AS_OF, colour_by=charts.COLOUR_BY_STATUS)
    bars = [t for t in by_status.data if t.type == "bar"]
    assert {t.marker.pattern.shape for t in bars} == {colours.STATUS_PATTERNS[AsOf(t.name)] for t in bars}
    assert len({t.marker.pattern.shape for t in bars}) == len(bars) > 1
    by_domain = charts.gantt(rows, plan.milestones, as_of=AS_OF, colour_by=charts.COLOUR_BY_DOMAIN)
    shapes = [t.marker.pattern.shape for t in by_domain.data if t.type == "bar"]
    assert len(set(shapes)) == len(shapes) > 1


def test_domain_bars_carry_one_pattern_per_domain(plan, acts):
    domains = views.domain_order(plan.activities, plan.lists)
    fig = charts.domain_year_bars(
        views.by_domain_and_year(acts, domains, plan.years), domain_colours=colours.domain_colours(domains)
    )
    shapes = [trace.marker.pattern.shape for trace in fig.data]
    assert len(set(shapes)) == len(shapes) == len(fig.data)


def test_status_counts_by_plan_names_each_workbook():
    table = pd.DataFrame({AsOf.COMPLETED: [2, 0], AsOf.UPCOMING: [1, 4]}, index=["plan-a.xlsx", "plan-b.xlsx"])
    said = chart_words.status_counts(table, by=chart_words.BY_PLAN)
    assert said.summary == (
        "7 activities by plan: plan-a.xlsx: 3, plan-b.xlsx: 4. By status as of the date: Completed: 2, Upcoming: 5."
    )
    assert list(said.table.columns) == ["Plan", "Completed", "Upcoming", "Total"]


def test_the_trend_as_a_table_counts_every_activity_each_day_by_domain(reported):  # noqa: F811 (the fixture)
    plan = load_plan(reported)
    as_of = date(2021, 12, 1)
    shown = views.Filters(as_of=as_of).apply(plan.activities, plan.checkins)
    trend = views.reported_trend(shown, plan.checkins, as_of, views.domain_order(shown, plan.lists))
    said = chart_words.trend(trend)
    assert said.summary == ""  # the page says trend.sentence itself, above the chart
    assert len(said.table) == len(trend.days) * len(trend.domains)
    per_day = said.table.groupby("Day")["Total"].sum()
    assert (per_day == len(shown)).all() and len(per_day) == 3
    assert {"In progress", "Completed", "Not reported"} <= set(said.table.columns)
    body = charts.reported_trend_html(trend)
    for status in ("In progress", "Completed", "Not reported"):  # each drawn in its own fill (colour, hatching)
        assert html_bars._fill(status) in body


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("en", ["Q1 2021", "Q2 2021", "Q3 2021", "Q4 2021", "Q1 2022"]),
        ("ru", ["2021", "2-й кв.", "3-й кв.", "4-й кв.", "2022"]),  # '1-й кв. 2021 г.' twelve times would overlap
        ("tk", ["2021 1Ç", "2Ç", "3Ç", "4Ç", "2022 1Ç"]),  # the year once a year: it leads the Turkmen label
    ],
)
def test_the_gantts_quarter_labels_fit_in_each_language(lang, labels):
    with i18n.using(lang):
        assert charts.quarter_ticks(date(2021, 1, 1), date(2023, 12, 31))[1][:5] == labels
        zoomed = charts.quarter_ticks(date(2022, 4, 1), date(2022, 12, 31))[1]
    assert len(zoomed) == 3 and "2022" in zoomed[0]  # a year zoomed from its second quarter still names the year
