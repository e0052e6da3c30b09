"""Charts built once and shared: what the caching of figures, drawings and chart words may never do.

`derived.once` keeps a chart (or its words) per content of its arguments and language, and the Timeline keeps its
figure per version, view and options and the drawing under the as-of line per rows and statuses: one object handed
to every run. These tests pin that a shared object is never changed by what shows it, that the
key tells languages and as-of dates apart, and that a figure made without Plotly's validation is the validated one.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from actionplan import load_plan, views
from components import charts, derived

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "data" / "plan.xlsx")


def _window(plan, as_of: date) -> views.GanttWindow:
    acts = views.Filters(as_of=as_of).apply(plan.activities, plan.checkins)
    domains = views.domain_order(plan.activities, plan.lists)
    instruments = views.instrument_order(plan.activities, plan.lists)
    dated = plan.activities.dropna(subset=["Start", "End"])
    order = views.gantt_order(dated, group_by=views.GROUP_YEAR_DOMAIN, domains=domains, instruments=instruments)
    return views.gantt_window(views.in_gantt_order(order, acts.dropna(subset=["Start", "End"])))


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"colour_by": charts.COLOUR_BY_STATUS},
        {"compact": True, "x_range": (date(2022, 1, 1), date(2022, 12, 31))},
        {"dated_steps": True},
    ],
)
def test_the_gantt_made_without_validation_is_the_validated_figure(plan, options):
    window = _window(plan, date(2022, 6, 1))
    if options.pop("dated_steps", False):
        options["dated_steps"] = views.dated_steps(plan.steps, window.rows["ID"])
    fig = charts.gantt(
        window.rows, plan.milestones, as_of=date(2022, 6, 1), groups=window.groups, steps=plan.steps, **options
    )
    validated = go.Figure(fig.to_dict())  # raises on a misspelt property or a value Plotly does not take
    assert validated.to_dict() == fig.to_dict()


@pytest.mark.parametrize("horizontal", [False, True])
def test_the_status_bars_made_without_validation_are_the_validated_figure(plan, horizontal):
    from actionplan.views import pages as models

    view = views.Filters(as_of=date(2022, 6, 1))
    model = models.overview(plan, view, view.apply(plan.activities, plan.checkins))
    for table in (model.by_year, model.by_domain, model.by_year.iloc[0:0]):
        fig = charts.stacked_status_bars(table, horizontal=horizontal, axis_title="Plan year")
        assert go.Figure(fig.to_dict()).to_dict() == fig.to_dict()


def test_drawing_the_as_of_line_never_changes_the_shared_drawing(plan):
    window = _window(plan, date(2022, 6, 1))
    drawing = charts.gantt_drawing(window.rows, plan.milestones, groups=window.groups, steps=plan.steps)
    before = copy.deepcopy(drawing)
    first = charts.with_as_of(drawing, date(2022, 6, 1))
    first.update_layout(height=10)  # what a caller might do to its figure
    first.data[0].marker.color = "black"
    second = charts.with_as_of(drawing, date(2023, 2, 1))
    assert drawing == before
    assert json.dumps(drawing, default=str) == json.dumps(before, default=str)  # key order too ("type" put back)
    as_of_lines = [shape.x0 for shape in second.layout.shapes if shape.name == "as of"]
    assert as_of_lines == ["2023-02-01"]
    assert second.layout.height == drawing["layout"]["height"]


def test_once_builds_once_per_content_and_language(plan):
    counts = pd.DataFrame({"Completed": [1, 2], "Upcoming": [3, 0]}, index=["2021", "2022"])
    built: list[str] = []

    def words_of(table: pd.DataFrame, *, by: str) -> str:
        built.append(by)
        return f"{by}: {int(table.to_numpy().sum())}"

    assert derived.once(words_of, counts, by="year") == "year: 6"
    assert derived.once(words_of, counts.copy(), by="year") == "year: 6"  # an equal frame: no second build
    assert built == ["year"]
    changed = counts.copy()
    changed.loc["2022", "Upcoming"] = 1
    assert derived.once(words_of, changed, by="year") == "year: 7"  # one count changed: built again
    from actionplan import i18n

    with i18n.using("ru"):
        derived.once(words_of, counts, by="year")  # another language: its own entry
    assert built == ["year", "year", "year"]
    assert derived.content_key(counts) == derived.content_key(counts.copy())
    assert derived.content_key(counts) != derived.content_key(changed)


def test_what_once_keeps_is_bounded_and_the_least_recently_asked_goes_first():
    kept = derived._Built(entries=2)
    builds: list[str] = []

    def build(name: str):
        return lambda: builds.append(name) or name

    assert kept.get(("a", "en", "1"), build("a")) == "a"
    kept.get(("b", "en", "1"), build("b"))
    kept.get(("a", "en", "1"), build("a"))  # asked again: kept, now the most recent
    kept.get(("c", "en", "1"), build("c"))  # a third: "b", the least recently asked, goes
    kept.get(("a", "en", "1"), build("a"))
    kept.get(("b", "en", "1"), build("b"))
    assert builds == ["a", "b", "c", "b"]


def _specs(at: AppTest) -> dict[str, str]:
    """Each chart's figure as sent, by the chart's key (its element ID ends with it)."""
    return {chart.proto.id.rsplit("-", 1)[-1]: chart.proto.spec for chart in at.get("plotly_chart")}


def _open(page: str, lang: str = "en", as_of: date | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    if as_of:  # through the link: AppTest cannot set a widget whose options are translated
        at.query_params["as_of"] = as_of.isoformat()
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _as_of(at: AppTest, day: date) -> dict[str, str]:
    at.date_input(key="filter_as_of").set_value(day).run()
    assert not at.exception, [e.value for e in at.exception]
    return _specs(at)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/timeline.py", "pages/domains.py"])
def test_a_shared_chart_is_the_same_when_its_date_comes_back(plan_workbook, use_workbook, page):
    """Reruns that show other dates in between leave what a date shows as it was (nothing changed a cached
    figure, drawing or model), and the Timeline's figure moves its as-of line with the date."""
    use_workbook(plan_workbook)
    at = _open(page)
    first = _as_of(at, date(2022, 6, 1))
    other = _as_of(at, date(2023, 11, 20))
    again = _as_of(at, date(2022, 6, 1))
    assert again == first
    if page == "pages/timeline.py":
        assert '"2022-06-01"' in first["gantt"] and '"2023-11-20"' in other["gantt"]
        assert '"2023-11-20"' not in first["gantt"]


def test_a_chart_is_kept_per_language(plan_workbook, use_workbook):
    use_workbook(plan_workbook)
    english = _specs(_open("pages/timeline.py", "en", date(2022, 6, 1)))
    russian = _specs(_open("pages/timeline.py", "ru", date(2022, 6, 1)))
    assert english["gantt"] != russian["gantt"]
    assert "As of 1 Jun 2022" in english["gantt"] and "As of 1 Jun 2022" not in russian["gantt"]
    overview_en = _specs(_open("pages/overview.py", "en", date(2022, 6, 1)))
    overview_ru = _specs(_open("pages/overview.py", "ru", date(2022, 6, 1)))
    assert set(overview_en.values()).isdisjoint(overview_ru.values())  # every chart drawn again in Russian
