"""The dashboard pages through Streamlit's AppTest, from app.py: every page on the seed plan and on fixture
workbooks; filters (widgets and query string), page switches, an empty selection, a broken workbook, ?id=."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
DASHBOARD_PAGES = (
    "pages/overview.py",
    "pages/timeline.py",
    "pages/domains.py",
    "pages/conventions.py",
    "pages/activities.py",
)
TITLES = {
    "pages/overview.py": "Overview",
    "pages/timeline.py": "Timeline",
    "pages/domains.py": "Domains",
    "pages/conventions.py": "Conventions & programmes",
    "pages/activities.py": "Activities",
}
NO_MATCH = "No activities match the filters"


def open_app(page: str = "pages/overview.py", query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run app.py (query string first, as a link would carry it), then switch to `page`."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart(at: AppTest, key: str) -> dict:
    """The Plotly figure (as JSON) of the chart drawn with this key."""
    found = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert found, f"no chart with key {key}"
    return json.loads(found[0].proto.spec)


def gantt_bars(at: AppTest) -> int:
    return sum(len(trace.get("base", [])) for trace in chart(at, "gantt")["data"] if trace["type"] == "bar")


def text_of(at: AppTest) -> str:
    """Every piece of text on the page (main area), joined, as a reader sees it (Markdown escapes removed)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"):
        parts += [str(element.value) for element in at.get(kind)]
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", "\n".join(parts))


def query(at: AppTest, key: str) -> list[str]:
    """The values of a query-string key as the app left them (AppTest keeps one value as a plain string)."""
    value = at.query_params.get(key, [])
    return list(value) if isinstance(value, list) else [value]


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def seed(plan_workbook, use_workbook):
    return use_workbook(plan_workbook)


# ---------------------------------------------------------------------------------------------------------------
# Every page on the seed plan


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_every_page_draws_on_the_seed_plan(seed, page):
    at = open_app(page)
    assert at.title[0].value == TITLES[page]
    assert "42 of 42 activities" in at.caption[0].value
    assert at.multiselect(key="filter_year").options == ["2021", "2022", "2023"]
    sidebar = "\n".join(str(c.value) for c in at.sidebar.caption)
    assert "plan.xlsx" in sidebar and "saved" in sidebar  # the workbook line


def test_overview_says_plainly_that_nothing_is_reported(seed):
    at = open_app()
    text = text_of(at)
    assert "all 42 activities are past their end with no status reported" in text
    assert "No activity has a reported status yet — record progress in the **Status** column" in text
    assert "42 Not reported" in text
    assert "No milestone after" in text  # as of today every milestone is past: said, not hidden
    cards = next(h.value for h in at.get("html") if "kpi-card" in h.value)
    assert "Past end, not reported" in cards and ">42<" in cards


def test_overview_as_of_the_eve_of_the_41st_session(seed):
    at = open_app(query={"as_of": "2021-11-08"})
    text = text_of(at)
    assert "As of 8 Nov 2021, of 42 activities:" in text
    assert "41st session of the UNESCO General Conference" in text
    assert "No open activity ends between 8 Nov 2021 and this milestone" in text  # the session opens next day
    links = [link.proto.label for link in at.get("page_link")]
    assert any(label.startswith("2021-11 ·") for label in links)  # ends 30 Nov 2021: due before the 42nd
    assert {link.proto.page for link in at.get("page_link")} == {"activities"}  # each opens the Activities page


def test_overview_with_a_reported_status(make_workbook, use_workbook):
    def edit(activities, *_):
        activities[0]["Status"] = "Completed"

    use_workbook(make_workbook(edit=edit))
    text = text_of(open_app())
    assert "1 of 42 activities has a reported status; 41 not reported." in text
    assert "No activity has a reported status yet" not in text


def test_timeline_draws_a_bar_per_activity_with_quarters(seed):
    at = open_app("pages/timeline.py")
    assert gantt_bars(at) == 42
    figure = chart(at, "gantt")
    assert figure["layout"]["xaxis"]["ticktext"][0] == "Q1 2021"
    assert at.get("plotly_chart")[0].proto.config and '"displaylogo": false' in at.get("plotly_chart")[0].proto.config


def test_timeline_options(seed):
    at = open_app("pages/timeline.py")
    at.button_group(key="timeline_colour").set_value("Status")
    at.button_group(key="timeline_group").set_value("Convention or programme")
    at.selectbox(key="timeline_zoom").set_value(2022)
    at.toggle(key="timeline_steps").set_value(True)
    run(at)
    figure = chart(at, "gantt")
    assert [t["name"] for t in figure["data"] if t["type"] == "bar"] == ["Past end, not reported"]
    assert figure["layout"]["yaxis"]["categoryarray"][0] == "<b>1970 Convention</b>"
    assert figure["layout"]["xaxis"]["range"] == ["2022-01-01", "2023-01-01"]
    assert any("step 4" in c for c in figure["layout"]["yaxis"]["categoryarray"])
    assert gantt_bars(at) == 42


def test_domains_page_drill_down(seed):
    at = open_app("pages/domains.py")
    assert [t["name"] for t in chart(at, "domains_years")["data"]][:2] == ["Culture", "Education"]
    at.selectbox(key="drill_domain").set_value("Sport")
    run(at)
    labels = [link.proto.label for link in at.get("page_link")]
    assert len(labels) == 1 and labels[0].startswith("2021-09 ·")
    at.selectbox(key="drill_domain").set_value("Culture")
    run(at)
    at.selectbox(key="drill_instrument").set_value("1972 Convention")
    run(at)
    labels = [link.proto.label for link in at.get("page_link")]
    assert [label[:7] for label in labels] == ["2021-04", "2022-11", "2023-02"]
    assert "Convention concerning the Protection of the World Cultural and Natural Heritage" in text_of(at)


def test_conventions_matrix_and_the_activities_behind_a_cell(seed):
    at = open_app("pages/conventions.py")
    heat = chart(at, "coverage_matrix")["data"][0]
    aspnet = heat["y"].index("ASPnet")
    assert heat["x"] == ["2021", "2022", "2023"] and heat["z"][aspnet] == [1, 2, 1]
    assert heat["z"][heat["y"].index("Memory of the World")] == [0, 0, 0]  # a gap, shown
    assert "Convention for the Safeguarding of the Intangible Cultural Heritage (2003)" in text_of(at)
    at.selectbox(key="coverage_cell").set_value(("ASPnet", 2022))
    run(at)
    assert sorted(link.proto.label[:7] for link in at.get("page_link")) == ["2022-10", "2022-12"]
    at.toggle(key="coverage_unused").set_value(False)
    run(at)
    assert "Memory of the World" not in chart(at, "coverage_matrix")["data"][0]["y"]


def test_activities_table_and_downloads(seed):
    at = open_app("pages/activities.py")
    table = at.dataframe[0].value
    assert len(table) == 42 and table.loc[0, "Link"] == "?id=2021-01"
    assert len(at.get("download_button")) == 2


# ---------------------------------------------------------------------------------------------------------------
# Filters: widgets, the query string, page switches, reset


def test_a_filter_draws_fewer_bars_and_goes_into_the_url(seed):
    at = open_app("pages/timeline.py")
    at.multiselect(key="filter_year").set_value([2022])
    run(at)
    assert gantt_bars(at) == 12
    assert query(at, "year") == ["2022"]
    assert "12 of 42 activities" in at.caption[0].value


def test_query_params_set_the_filters(seed):
    at = open_app("pages/timeline.py", query={"domain": ["Sport", "Science"], "as_of": "2021-11-08"})
    assert at.multiselect(key="filter_domain").value == ["Science", "Sport"] or sorted(
        at.multiselect(key="filter_domain").value
    ) == ["Science", "Sport"]
    assert str(at.date_input(key="filter_as_of").value) == "2021-11-08"
    assert gantt_bars(at) == 5  # Science 4 + Sport 1


def test_filters_survive_a_page_switch(seed):
    at = open_app()
    at.multiselect(key="filter_domain").set_value(["Culture"])
    at.text_input(key="filter_text").set_value("convention")
    run(at)
    at.switch_page("pages/data.py")
    run(at)  # a page without the filters
    at.switch_page("pages/timeline.py")
    run(at)
    assert at.multiselect(key="filter_domain").value == ["Culture"]
    assert at.text_input(key="filter_text").value == "convention"
    assert gantt_bars(at) == 9
    assert query(at, "domain") == ["Culture"] and query(at, "q") == ["convention"]


def test_quick_date_and_reset(seed):
    at = open_app()
    at.button_group(key="filter_jump").set_value("2021-11-08")
    run(at)
    assert str(at.date_input(key="filter_as_of").value) == "2021-11-08"
    assert query(at, "as_of") == ["2021-11-08"]
    at.multiselect(key="filter_year").set_value([2021])
    run(at)
    at.button(key="filter_reset").click()
    run(at)
    assert at.multiselect(key="filter_year").value == []
    assert query(at, "as_of") == [] and query(at, "year") == []
    assert "42 of 42 activities" in at.caption[0].value


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_an_empty_selection_says_so(seed, page):
    at = open_app(page, query={"q": "no activity has these words"})
    assert NO_MATCH in text_of(at)
    assert "0 of 42 activities" in at.caption[0].value


# ---------------------------------------------------------------------------------------------------------------
# ?id= opens an activity


def test_an_id_link_opens_the_activity(seed):
    at = open_app("pages/activities.py", query={"id": "2023-09"})
    text = text_of(at)
    assert "2023-09 · Holding the International Conference in Turkmenistan" in text
    assert "January 2023; March 2023; April 2023; 3th quarter of 2023" in text  # terms as written
    assert "1 Jan – 30 Sep 2023" in text  # derived dates
    steps = next(frame.value for frame in at.dataframe if "Description" in frame.value.columns)
    assert list(steps["Step"]) == [1, 2, 3, 4, 5]
    assert list(steps["Dates"])[0] == "1–31 Jan 2023"


def test_picking_an_activity_puts_it_in_the_url(seed):
    at = open_app("pages/activities.py")
    at.selectbox(key="activity_pick").set_value("2021-04")
    run(at)
    assert query(at, "id") == ["2021-04"]
    assert "2021-04 · Implementation of the UNESCO 1972 World Heritage Convention" in text_of(at)


def test_an_id_outside_the_filters_still_opens(seed):
    at = open_app("pages/activities.py", query={"id": "2021-04", "year": "2023"})
    assert "2021-04 · Implementation of the UNESCO 1972" in text_of(at)
    assert "outside the current filters" in text_of(at)


def test_an_unknown_id_is_named(seed):
    at = open_app("pages/activities.py", query={"id": "1999-99"})
    assert "No activity has the ID '1999-99'" in text_of(at)


# ---------------------------------------------------------------------------------------------------------------
# Broken and new workbooks


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_a_broken_workbook_shows_the_warning(tmp_path, use_workbook, page):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(os.urandom(2048))
    use_workbook(broken)
    at = open_app(page)
    assert any("The workbook cannot be used" in w.value for w in at.warning)
    assert "The workbook has no activities to show" in text_of(at)


def test_a_workbook_broken_after_a_good_read_keeps_the_last_good_data(seed):
    at = open_app("pages/timeline.py")
    assert gantt_bars(at) == 42
    seed.write_bytes(b"PK\x03\x04 half-written by Excel")
    run(at)
    assert any("Showing the last good version" in w.value for w in at.warning)
    assert gantt_bars(at) == 42


def test_a_2024_activity_and_a_new_domain_appear(make_workbook, use_workbook):
    def edit(activities, steps, milestones, lists):
        activities.append(
            {
                "ID": "2024-01",
                "Year": 2024,
                "No.": 1,
                "Event": "Register of documentary heritage",
                "Terms": "Q4 2024",
                "Domain": "Communication and Information",
                "Programme": "Memory of the World",
            }
        )
        lists["Domain"] = [*lists["Domain"], "Communication and Information"]

    use_workbook(make_workbook(edit=edit))
    at = open_app("pages/timeline.py")
    figure = chart(at, "gantt")
    assert gantt_bars(at) == 43
    assert figure["layout"]["xaxis"]["ticktext"][-4:] == ["Q1 2024", "Q2", "Q3", "Q4"]
    assert "<b>2024 · Communication and Information</b>" in figure["layout"]["yaxis"]["categoryarray"]
    at.switch_page("pages/conventions.py")
    run(at)
    heat = chart(at, "coverage_matrix")["data"][0]
    assert heat["x"] == ["2021", "2022", "2023", "2024"]
    assert heat["z"][heat["y"].index("Memory of the World")] == [0, 0, 0, 1]
    assert "Communication and Information" in at.multiselect(key="filter_domain").options


def test_a_chart_table_is_drawn_once_its_expander_is_opened(seed):
    """The closed "Chart as a table" expanders hold no table (the page loads no table code for them); an open one
    (its key in session state, as the browser sets it when the reader opens it) holds that chart's numbers."""
    closed = open_app()
    assert [e.label for e in closed.expander].count("Chart as a table") == 2 and not closed.table
    opened = AppTest.from_file(APP, default_timeout=90)
    opened.session_state["overview_years_table"] = True  # AppTest cannot click an expander open
    opened.run()
    assert not opened.exception and len(opened.table) == 1
    table = opened.table[0].value
    assert list(table.iloc[:, 0]) == ["2021", "2022", "2023"] and list(table["Total"]) == [16, 12, 14]
