"""Translated Lists titles in the charts: a domain named in `Domain (ru)` is shown by that name in the Overview's and
the Domains page's charts and their text summaries, in Russian only; colours and keys stay on the original value."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from actionplan import i18n, load_plan, views
from actionplan.plan.status import Reported
from actionplan.views import chart_words
from actionplan.views import pages as models
from actionplan.views.progress import COUNT_COLUMN, DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN
from components import charts, colours

RU_CULTURE = "Культура"
RU_SCIENCE = "Наука"
RU_1972 = "Конвенция 1972 года"


@pytest.fixture
def plan(make_workbook):
    def name(_acts, _steps, _milestones, lists):
        russian = {"Culture": RU_CULTURE, "Science": RU_SCIENCE}
        lists["Domain (ru)"] = [russian.get(domain) for domain in lists["Domain"]]
        lists["Convention (ru)"] = [RU_1972 if c == "1972 Convention" else None for c in lists["Convention"]]

    return load_plan(make_workbook(edit=name))


def _figures(plan) -> dict:
    view = views.Filters(as_of=date(2023, 6, 1))
    acts = view.apply(plan.activities)
    overview, domains = models.overview(plan, view, acts), models.domains_page(plan, acts)
    domain_colours = colours.domain_colours(domains.domains)
    return {
        "overview": charts.stacked_status_html(overview.by_domain, name="By domain"),
        "status": charts.stacked_status_bars(domains.by_status, horizontal=True),
        "years": charts.domain_year_bars(domains.by_year, domain_colours=domain_colours, labels=plan.labels),
        "sunburst": charts.domain_sunburst(domains.rows, domain_colours=domain_colours, labels=plan.labels),
        "words": chart_words.domains_by_year(domains.by_year, plan.labels),
        "drill": chart_words.drill_down(domains.rows, plan.labels),
        "overview_words": chart_words.status_counts(overview.by_domain, by=chart_words.BY_DOMAIN),
    }


def _bar_names(fig) -> set[str]:
    return {str(name) for trace in fig.data for name in trace.y}


def test_the_charts_name_the_domains_as_lists_names_them_in_russian(plan):
    assert {"Culture", "Science"} <= set(plan.lists.domains), "the fixture's domains changed"
    with i18n.using("ru"):
        ru = _figures(plan)
    en = _figures(plan)

    # the status bars: one bar per domain
    assert {RU_CULTURE, RU_SCIENCE} <= _bar_names(ru["status"]) and "Culture" not in _bar_names(ru["status"])
    assert {"Culture", "Science"} <= _bar_names(en["status"]) and RU_CULTURE not in _bar_names(en["status"])
    assert f">{RU_CULTURE}</div>" in ru["overview"] and ">Culture</div>" not in ru["overview"]
    assert ">Culture</div>" in en["overview"] and RU_CULTURE not in en["overview"]

    ru_years = {trace.name: trace.marker.color for trace in ru["years"].data}
    en_years = {trace.name: trace.marker.color for trace in en["years"].data}
    assert ru_years[RU_CULTURE] == en_years["Culture"] and ru_years[RU_SCIENCE] == en_years["Science"]  # colours kept
    assert "Culture" not in ru_years

    sun_ru, sun_en = ru["sunburst"].data[0], en["sunburst"].data[0]
    assert list(sun_ru.ids) == list(sun_en.ids)  # keyed on the values: a click opens the same wedge
    assert list(sun_ru.marker.colors) == list(sun_en.marker.colors)
    assert sun_ru.labels[list(sun_ru.ids).index("d/Culture")] == RU_CULTURE
    assert sun_en.labels[list(sun_en.ids).index("d/Culture")] == "Culture"

    assert RU_CULTURE in set(ru["words"].table.iloc[:, 0]) and RU_CULTURE in ru["words"].summary
    assert "Culture" in set(en["words"].table.iloc[:, 0])
    assert RU_CULTURE in set(ru["drill"].table.iloc[:, 0]) and "Culture" in set(en["drill"].table.iloc[:, 0])
    assert RU_CULTURE in ru["overview_words"].summary and "Culture" in en["overview_words"].summary


def test_turkmen_falls_back_to_the_original_name(plan):
    with i18n.using("tk"):
        tk = _figures(plan)
    assert {"Culture", "Science"} <= _bar_names(tk["status"])
    assert ">Culture</div>" in tk["overview"] and ">Science</div>" in tk["overview"]


def _gantt(plan, **options):
    view = views.Filters(as_of=date(2023, 6, 1))
    rows = views.gantt_rows(
        view.apply(plan.activities).dropna(subset=["Start", "End"]), group_by=views.GROUP_YEAR_DOMAIN
    )
    return charts.gantt(rows, plan.milestones, as_of=view.as_of, labels=plan.labels, **options)


def test_the_timeline_names_its_groups_and_domains_in_russian(plan):
    with i18n.using("ru"):
        ru = _gantt(plan)
    en = _gantt(plan)
    ru_categories, en_categories = list(ru.layout.yaxis.categoryarray), list(en.layout.yaxis.categoryarray)
    assert "<b>2021 · Культура</b>" in ru_categories and "<b>2021 · Culture</b>" not in ru_categories
    assert "<b>2021 · Culture</b>" in en_categories
    ru_legend = {trace.name: trace.marker.color for trace in ru.data if trace.type == "bar"}
    en_legend = {trace.name: trace.marker.color for trace in en.data if trace.type == "bar"}
    assert ru_legend[RU_CULTURE] == en_legend["Culture"]  # the colour stays the domain's
    assert views.group_name("2021 · Culture", plan.labels) == "2021 · Culture"  # English: as written


def test_the_coverage_matrix_names_its_rows_in_russian_and_keeps_the_keys(plan):
    acts = views.Filters(as_of=date(2023, 6, 1)).apply(plan.activities)
    with i18n.using("ru"):
        model = models.coverage_page(plan, acts, keep_empty=False)
        ru = charts.coverage_heatmap(model.matrix, titles=model.titles, labels=plan.labels)
        words = chart_words.coverage(model.matrix, plan.labels)
    en = charts.coverage_heatmap(model.matrix, titles=model.titles, labels=plan.labels)
    assert "1972 Convention" in list(ru.data[0].y) and list(ru.data[0].y) == list(en.data[0].y)  # a click's key
    assert RU_1972 in list(ru.layout.yaxis.ticktext) and "1972 Convention" not in list(ru.layout.yaxis.ticktext)
    assert "1972 Convention" in list(en.layout.yaxis.ticktext)
    assert RU_1972 in set(words.table.iloc[:, 0])


def test_the_timeline_in_words_names_domains_and_closed_groups_in_russian(plan):
    view = views.Filters(as_of=date(2023, 6, 1))
    rows = views.gantt_rows(view.apply(plan.activities), group_by=views.GROUP_YEAR_DOMAIN, labels=False)
    with i18n.using("ru"):
        listed = chart_words.timeline(views.gantt_window(rows), as_of=view.as_of, labels=plan.labels)
        window = views.gantt_window(rows, collapse_over=1)
        closed = chart_words.timeline(window, as_of=view.as_of, labels=plan.labels)
    assert RU_CULTURE in set(listed.table.iloc[:, 3]) and "Culture" not in set(listed.table.iloc[:, 3])
    culture = [group for group in window.groups.index if str(group).endswith("Culture")]
    assert culture, "the fixture has no Culture group"
    events = list(closed.table.iloc[:, 1])
    with i18n.using("ru"):
        named = views.group_name(culture[0], plan.labels)
    assert named.endswith(RU_CULTURE) and any(event.startswith(f"{named} (") for event in events)
    assert any(RU_CULTURE in event for event in events) and not any("Culture" in event for event in events)
    english = chart_words.timeline(window, as_of=view.as_of, labels=plan.labels)
    assert any(str(event).startswith(f"{culture[0]} (closed group)") for event in english.table.iloc[:, 1])


def _trend() -> views.Trend:
    day = date(2022, 3, 1)
    table = pd.DataFrame(
        {
            DAY_COLUMN: [day, day],
            DOMAIN_COLUMN: ["Culture", "Science"],
            STATUS_COLUMN: [str(Reported.IN_PROGRESS)] * 2,
            COUNT_COLUMN: [2, 1],
        }
    )
    return views.Trend(table, (day,), ("Culture", "Science"), "")


def test_the_trend_names_its_domain_panels_in_russian_and_keeps_the_keys(plan):
    trend = _trend()
    with i18n.using("ru"):
        ru, ru_words = charts.reported_trend_html(trend, plan.labels), chart_words.trend(trend, plan.labels)
    en = charts.reported_trend_html(trend, plan.labels)
    panels = re.compile(r'<div role="group" aria-label="([^"]*)"')
    assert panels.findall(ru)[1:] == [RU_CULTURE, RU_SCIENCE]  # after the whole chart's own name
    assert panels.findall(en)[1:] == ["Culture", "Science"]
    counts = re.compile(r'title="[^"]*: (\d+)"')
    assert counts.findall(ru) == counts.findall(en) == ["2", "1"]  # the counts stay the domain's
    assert list(ru_words.table.iloc[:, 1]) == [RU_CULTURE, RU_SCIENCE]


def test_the_coverage_cell_picker_names_the_instrument_in_russian(plan):
    acts = views.Filters(as_of=date(2023, 6, 1)).apply(plan.activities)
    with i18n.using("ru"):
        model = models.coverage_page(plan, acts, keep_empty=False)
    cell = next(cell for cell in model.cells if cell[0] == "1972 Convention")  # the key stays the value
    assert model.cell_label(cell).startswith(f"{RU_1972} · {cell[1]} (")
    english = models.coverage_page(plan, acts, keep_empty=False)
    assert english.cell_label(cell).startswith(f"1972 Convention · {cell[1]} (")
