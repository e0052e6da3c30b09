"""Chart builders (components/charts.py), asserted on the figures' data and layout."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from actionplan import load_plan, views
from actionplan.plan.status import AS_OF_ORDER, AsOf
from components import charts, colours
from components.charts.common import NARROW_LABEL_LENGTH

TODAY = date(2026, 11, 26)
EVE_41 = date(2021, 11, 8)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from actionplan.plan.seed import SEED_ACTIVITIES, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
    from actionplan.plan.workbook import write_workbook

    path = tmp_path_factory.mktemp("seed") / "plan.xlsx"
    write_workbook(path, SEED_ACTIVITIES, SEED_STEPS, SEED_MILESTONES, SEED_LISTS)
    return load_plan(path)


def bars(fig) -> list:
    return [trace for trace in fig.data if trace.type == "bar"]


def bar_count(fig) -> int:
    """How many bars the Gantt draws: one per `base` entry over its bar traces."""
    return sum(len(trace.base) for trace in bars(fig))


def prepared(plan, acts, *, group_by=views.GROUP_YEAR_DOMAIN, domains=(), instruments=()):
    """The Gantt rows as the Timeline page prepares them: dated activities, statuses derived, in Gantt order."""
    dated = acts.dropna(subset=["Start", "End"])
    return views.gantt_rows(dated, group_by=group_by, domains=domains, instruments=instruments)


def gantt(plan, as_of=TODAY, *, group_by=views.GROUP_YEAR_DOMAIN, show_steps=False, **options):
    acts = views.Filters(as_of=as_of).apply(plan.activities)
    domains = views.domain_order(plan.activities, plan.lists)
    instruments = views.instrument_order(plan.activities, plan.lists)
    rows = prepared(plan, acts, group_by=group_by, domains=domains, instruments=instruments)
    return charts.gantt(
        rows,
        plan.milestones,
        as_of=as_of,
        domains=domains,
        steps=plan.steps,
        dated_steps=views.dated_steps(plan.steps, rows["ID"]) if show_steps else None,
        **options,
    )


# ---------------------------------------------------------------------------------------------------------------
# Gantt


def test_gantt_draws_one_bar_per_activity(plan):
    fig = gantt(plan)
    assert bar_count(fig) == 42
    labels = [label for trace in bars(fig) for label in trace.y]
    assert len(set(labels)) == 42
    assert "2021-11 · Participation of the High-Level Delegation of…" in labels


def test_gantt_bars_run_from_start_to_end_inclusive(plan):
    fig = gantt(plan)
    by_label = {label: (base, width) for trace in bars(fig) for label, base, width in zip(trace.y, trace.base, trace.x)}
    base, width = next(value for label, value in by_label.items() if label.startswith("2021-11 "))
    assert base == "2021-11-01"
    assert width == 30 * 24 * 3600 * 1000  # November, all 30 days: a one-month activity is a month wide
    base, width = next(value for label, value in by_label.items() if label.startswith("2023-02 "))
    assert base == "2023-04-01" and width == (pd.Timestamp("2023-10-01") - pd.Timestamp("2023-04-01")).value / 1e6


def test_gantt_filtered_draws_fewer_bars(plan):
    acts = views.Filters(years=(2022,), as_of=TODAY).apply(plan.activities)
    fig = charts.gantt(prepared(plan, acts), plan.milestones, as_of=TODAY)
    assert bar_count(fig) == 12


def test_gantt_quarter_labels(plan):
    fig = gantt(plan)
    expected = [f"Q{q} {year}" for year in (2021, 2022, 2023) for q in (1, 2, 3, 4)]
    assert list(fig.layout.xaxis.ticktext) == expected
    assert fig.layout.xaxis.tickvals[0] == "2021-02-15"  # the middle of Q1 2021
    assert list(fig.layout.xaxis.minor.tickvals)[:2] == ["2021-01-01", "2021-04-01"]  # quarter lines
    assert fig.layout.xaxis.range == ("2021-01-01", "2024-01-01")


def test_quarter_ticks_shorten_labels_on_long_plans():
    middles, labels, bounds = charts.quarter_ticks(date(2021, 1, 1), date(2026, 12, 31))
    assert len(labels) == len(middles) == 24 and len(bounds) == 25
    assert labels[:5] == ["Q1 2021", "Q2", "Q3", "Q4", "Q1 2022"]


def test_gantt_rows_grouped_under_headings(plan):
    fig = gantt(plan)
    categories = list(fig.layout.yaxis.categoryarray)
    assert categories[0] == "<b>2021 · Culture</b>"
    assert categories[1].startswith("2021-03 ·")
    headings = [c for c in categories if c.startswith("<b>")]
    assert len(categories) == 42 + len(headings)
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # reversed: the first category on top


def test_gantt_grouped_by_instrument(plan):
    fig = gantt(plan, group_by=views.GROUP_INSTRUMENT)
    categories = list(fig.layout.yaxis.categoryarray)
    assert categories[0] == "<b>1970 Convention</b>"
    assert f"<b>{views.NO_INSTRUMENT}</b>" in categories
    assert bar_count(fig) == 42


def test_gantt_colour_by_domain_uses_the_domain_colours(plan):
    fig = gantt(plan)
    by_name = {trace.name: trace.marker.color for trace in bars(fig)}
    assert by_name == {domain: colours.KNOWN_DOMAIN_COLOURS[domain] for domain in plan.lists.domains}


def test_gantt_colour_by_status(plan):
    fig = gantt(plan, as_of=date(2021, 6, 1), colour_by=charts.COLOUR_BY_STATUS)
    by_name = {trace.name: len(trace.base) for trace in bars(fig)}
    assert by_name == {AsOf.SCHEDULED_NOW: 12, AsOf.UPCOMING: 30}
    assert [trace.name for trace in bars(fig)] == [s for s in AS_OF_ORDER if s in by_name]  # legend order
    assert {trace.marker.color for trace in bars(fig)} == {
        colours.status_colour(AsOf.SCHEDULED_NOW),
        colours.status_colour(AsOf.UPCOMING),
    }


def test_gantt_hover_has_the_full_event_terms_dates_and_steps(plan):
    fig = gantt(plan)
    hover = {row[0]: row[1] for trace in bars(fig) for row in trace.customdata}
    assert "Terms as written:</b> January 2023; March 2023; April 2023; 3th quarter of 2023" in hover["2023-09"]
    assert "1 Jan – 30 Sep 2023" in hover["2023-09"]
    assert "Distribution of invitations [3th quarter of 2023]" in hover["2023-09"]
    assert "Exhibition of the Best photos" in hover["2022-05"]  # the event's second line, not in the row label


def test_gantt_milestones_and_as_of_line(plan):
    fig = gantt(plan, as_of=EVE_41)
    milestone_shapes = [s for s in fig.layout.shapes if (s.name or "").startswith("milestone")]
    # the 43rd session (2025) lies outside the plan's dates and is not drawn
    assert [(s.x0, s.x1) for s in milestone_shapes] == [("2021-11-09", "2021-11-25"), ("2023-11-07", "2023-11-23")]
    names = [a.text.replace("<br>", " ") for a in fig.layout.annotations if (a.name or "").startswith("milestone")]
    assert names == ["41st session of the UNESCO General Conference", "42nd session of the UNESCO General Conference"]
    as_of = [s for s in fig.layout.shapes if s.name == "as of"]
    assert len(as_of) == 1 and as_of[0].x0 == as_of[0].x1 == "2021-11-08" and as_of[0].type == "line"
    assert any(a.name == "as of" and "As of 8 Nov 2021" in a.text for a in fig.layout.annotations)


def test_gantt_as_of_after_the_plan_is_named_in_the_legend(plan):
    fig = gantt(plan, as_of=TODAY)
    assert [s.x0 for s in fig.layout.shapes if s.name == "as of"] == ["2026-11-26"]
    legend_lines = [t.name for t in fig.data if t.type == "scatter" and t.showlegend is not False]
    assert legend_lines == ["As of 26 Nov 2026 →"]
    assert not [a for a in fig.layout.annotations if a.name == "as of"]  # no label floating off the plot


def test_gantt_height_grows_with_rows(plan):
    all_rows = gantt(plan)
    acts = views.Filters(years=(2022,), as_of=TODAY).apply(plan.activities)
    fewer = charts.gantt(prepared(plan, acts), plan.milestones, as_of=TODAY)
    assert all_rows.layout.height > fewer.layout.height
    assert all_rows.layout.height == charts.gantt_height(len(all_rows.layout.yaxis.categoryarray))


def test_gantt_zoom_to_one_year(plan):
    fig = gantt(plan, x_range=(date(2022, 1, 1), date(2022, 12, 31)))
    assert fig.layout.xaxis.range == ("2022-01-01", "2023-01-01")
    assert bar_count(fig) == 42  # zoom changes the window, not the rows


def test_gantt_dated_steps_under_their_activity(plan):
    fig = gantt(plan, show_steps=True)
    categories = list(fig.layout.yaxis.categoryarray)
    first = categories.index(next(c for c in categories if c.startswith("2023-09 ·")))
    assert [c.split(":")[0].strip() for c in categories[first + 1 : first + 6]] == [
        f"↳ 2023-09 step {n}" for n in range(1, 6)
    ]
    step_lines = [t for t in fig.data if t.type == "scatter" and t.mode == "lines" and t.showlegend is False]
    assert len(step_lines) == 6  # 2021-09 step 4 and 2023-09 steps 1-5
    assert bar_count(fig) == 42  # steps are lines, not bars


def test_gantt_for_a_2024_activity_and_a_new_domain(make_workbook):
    def edit(activities, steps, milestones, lists):
        activities.append(
            {
                "ID": "2024-01",
                "Year": 2024,
                "No.": 1,
                "Event": "A new activity",
                "Terms": "Q4 2024",
                "Domain": "Communication and Information",
            }
        )
        lists["Domain"] = [*lists["Domain"], "Communication and Information"]

    plan = load_plan(make_workbook(edit=edit))
    fig = gantt(plan)
    assert bar_count(fig) == 43
    assert list(fig.layout.xaxis.ticktext[-4:]) == ["Q1 2024", "Q2", "Q3", "Q4"]  # 16 quarters: year on Q1
    assert "<b>2024 · Communication and Information</b>" in fig.layout.yaxis.categoryarray
    new = next(t for t in bars(fig) if t.name == "Communication and Information")
    assert list(new.base) == ["2024-10-01"]
    assert new.marker.color not in colours.KNOWN_DOMAIN_COLOURS.values()  # a colour of its own


def test_plotly_config_downloads_png_without_logo():
    config = charts.plotly_config("timeline")
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "timeline", "scale": 2}


# ---------------------------------------------------------------------------------------------------------------
# Counts, domains, coverage


def test_status_bar(plan):
    counts = views.counts_by_status(views.Filters(as_of=date(2021, 6, 1)).apply(plan.activities))
    fig = charts.status_bar(counts)
    assert list(fig.data[0].y) == [AsOf.SCHEDULED_NOW, AsOf.UPCOMING]
    assert list(fig.data[0].x) == [12, 30]
    assert list(fig.data[0].marker.color) == [
        colours.status_colour(AsOf.SCHEDULED_NOW),
        colours.status_colour(AsOf.UPCOMING),
    ]


def test_stacked_status_bars_by_year(plan):
    acts = views.Filters(as_of=date(2021, 6, 1)).apply(plan.activities)
    fig = charts.stacked_status_bars(views.by_year_and_status(acts, plan.years))
    assert [t.name for t in fig.data] == [AsOf.SCHEDULED_NOW, AsOf.UPCOMING]
    assert list(fig.data[0].x) == ["2021", "2022", "2023"]
    assert list(fig.data[0].y) == [12, 0, 0] and list(fig.data[1].y) == [4, 12, 14]
    assert fig.layout.barmode == "stack"


def test_stacked_status_bars_by_domain_shows_not_reported_plainly(plan):
    acts = views.Filters(as_of=TODAY).apply(plan.activities)
    table = views.by_domain(acts, views.domain_order(plan.activities, plan.lists))
    fig = charts.stacked_status_bars(table, horizontal=True)
    assert [t.name for t in fig.data] == [AsOf.PAST_END_NOT_REPORTED]
    assert list(fig.data[0].y) == list(plan.lists.domains)
    assert sum(fig.data[0].x) == 42
    assert fig.data[0].marker.color == colours.status_colour(AsOf.PAST_END_NOT_REPORTED)


def test_domain_year_bars_one_colour_per_domain(plan):
    domains = views.domain_order(plan.activities, plan.lists)
    acts = views.Filters(as_of=TODAY).apply(plan.activities)
    fig = charts.domain_year_bars(
        views.by_domain_and_year(acts, domains, plan.years), domain_colours=colours.domain_colours(domains)
    )
    assert [t.name for t in fig.data] == list(plan.lists.domains)
    culture = fig.data[0]
    assert list(culture.x) == ["2021", "2022", "2023"] and list(culture.y) == [6, 4, 6]
    assert culture.marker.color == colours.KNOWN_DOMAIN_COLOURS["Culture"]


def test_domain_sunburst_drills_domain_instrument_activity(plan):
    domains = views.domain_order(plan.activities, plan.lists)
    rows = views.gantt_rows(plan.activities, domains=domains)
    fig = charts.domain_sunburst(rows, domain_colours=colours.domain_colours(domains))
    sunburst = fig.data[0]
    ids, parents, values = list(sunburst.ids), list(sunburst.parents), list(sunburst.values)
    roots = [i for i, p in zip(ids, parents) if p == ""]
    assert roots == [f"d/{d}" for d in plan.lists.domains]
    leaves = [i for i in ids if "/a/" in i]
    assert len(leaves) == 42
    assert "d/Culture/i/1972 Convention/a/2021-04" in leaves
    assert values[ids.index("d/Culture")] == 16
    assert sunburst.marker.colors[ids.index("d/Culture/i/1972 Convention")] == colours.KNOWN_DOMAIN_COLOURS["Culture"]
    # beyond the leaf limit the activities' ring is left out; the domains and instruments stay, with their counts
    trimmed = charts.domain_sunburst(rows, domain_colours=colours.domain_colours(domains), leaf_limit=41).data[0]
    assert not [i for i in trimmed.ids if "/a/" in i]
    assert list(trimmed.values)[list(trimmed.ids).index("d/Culture")] == 16


def test_coverage_heatmap_counts_and_gaps(plan):
    matrix = views.coverage_matrix(plan.activities, plan.lists, plan.years)
    titles = {name: plan.lists.title(name) for name in matrix.index}
    fig = charts.coverage_heatmap(matrix, titles=titles)
    heat = fig.data[0]
    assert list(heat.x) == ["2021", "2022", "2023"]
    assert list(heat.y) == list(matrix.index)
    assert [list(row) for row in heat.z] == matrix.to_numpy().tolist()
    row = list(heat.y).index("ASPnet")
    assert list(heat.z[row]) == [1, 2, 1]
    assert list(heat.text[list(heat.y).index("Memory of the World")]) == ["", "", ""]  # gaps: no number
    assert heat.colorscale[0][1] == colours.GAP_COLOUR  # zero is a grey gap
    assert (
        "Convention concerning the Protection of the World" in heat.customdata[list(heat.y).index("1972 Convention")][0]
    )
    assert fig.layout.yaxis.autorange == "reversed"  # first instrument on top
    cells = fig.data[1]  # one clickable marker per counted cell
    assert cells.type == "scatter" and len(cells.x) == int((matrix.to_numpy() > 0).sum())
    assert ("2022", "ASPnet") in set(zip(cells.x, cells.y))
    assert ("2022", "Memory of the World") not in set(zip(cells.x, cells.y))


def test_coverage_heatmap_separates_conventions_from_programmes(plan):
    matrix = views.coverage_matrix(plan.activities, plan.lists, plan.years)
    fig = charts.coverage_heatmap(matrix, titles={}, conventions=len(plan.lists.conventions))
    assert [shape.y0 for shape in fig.layout.shapes] == [len(plan.lists.conventions) - 0.5]


def test_gantt_compact_for_a_phone(plan):
    fig = gantt(plan, compact=True)
    labels = [label for trace in bars(fig) for label in trace.y]
    assert bar_count(fig) == 42 and "2021-11" in labels  # rows by ID alone
    assert list(fig.layout.xaxis.ticktext) == ["2021", "2022", "2023"]  # years on the axis, quarters as lines
    assert list(fig.layout.xaxis.minor.tickvals)[:2] == ["2021-01-01", "2021-04-01"]
    names = [a.text for a in fig.layout.annotations if (a.name or "").startswith("milestone")]
    assert names == ["41st", "42nd"]
    hover = {row[0]: row[1] for trace in bars(fig) for row in trace.customdata}
    assert "Exhibition of the Best photos" in hover["2022-05"]  # the hover keeps the whole event


def test_gantt_compact_cuts_headings_not_categories(plan):
    fig = gantt(plan, compact=True)
    axis = fig.layout.yaxis
    assert list(axis.tickvals) == list(axis.categoryarray)  # every row keeps its own category, whole
    shown = dict(zip(axis.tickvals, axis.ticktext))
    assert shown["<b>2021 · Social and Human Sciences</b>"] == "<b>2021 · Social and…</b>"
    assert shown["<b>2021 · Culture</b>"] == "<b>2021 · Culture</b>" and shown["2021-11"] == "2021-11"
    assert all(len(text.removeprefix("<b>").removesuffix("</b>")) <= 18 for text in axis.ticktext)
    assert fig.layout.legend.y < 1 and fig.layout.margin.t > gantt(plan).layout.margin.t  # the legend under the toolbar
    whole = gantt(plan)  # a laptop: headings and row labels as before
    assert (
        whole.layout.yaxis.ticktext is None
        and "<b>2021 · Social and Human Sciences</b>" in whole.layout.yaxis.categoryarray
    )


def test_gantt_compact_names_closed_groups_briefly(plan):
    acts = views.Filters(as_of=TODAY).apply(plan.activities)
    rows = prepared(plan, acts)
    window = views.gantt_window(rows, collapse_over=10)  # every group closed to one bar
    for compact, name in ((True, "Group (closed)"), (False, "Group (closed): first start to last end")):
        fig = charts.gantt(window.rows, plan.milestones, as_of=TODAY, groups=window.groups, compact=compact)
        assert [t.name for t in bars(fig)] == [name]


def test_gantt_compact_labels_every_second_year_over_five(plan):
    fig = gantt(plan, compact=True, x_range=(date(2021, 1, 1), date(2027, 12, 31)))
    assert list(fig.layout.xaxis.ticktext) == ["2021", "2023", "2025", "2027"]
    lines = list(fig.layout.xaxis.minor.tickvals)  # 28 quarters: lines at the years only
    assert lines == [f"{year}-01-01" for year in range(2021, 2029)]
    wide = gantt(plan, x_range=(date(2021, 1, 1), date(2027, 12, 31)))
    assert len(wide.layout.xaxis.ticktext) == 7 and len(wide.layout.xaxis.minor.tickvals) == 29


def test_gantt_on_a_phone_with_rows_in_full_labels_two_years_at_most(plan):
    """A phone whose reader turned 'IDs only' off: the event labels leave the bars about 80 px, where twelve
    quarter labels lay on top of one another. The axis says years, at most two, and milestones their first word;
    the rows keep their full labels, and a laptop's axis is as it was."""
    fig = gantt(plan, narrow=True)
    assert list(fig.layout.xaxis.ticktext) == ["2021", "2023"]
    assert list(fig.layout.xaxis.minor.tickvals)[:2] == ["2021-01-01", "2021-04-01"]  # quarters still as lines
    names = [(a.text, a.yshift) for a in fig.layout.annotations if (a.name or "").startswith("milestone")]
    assert [name for name, _shift in names] == ["41st", "42nd"]
    assert names[0][1] != names[1][1]  # two years apart, yet on two levels: the bars are only about 80 px wide
    # Each row's label cut to NARROW_LABEL_LENGTH characters, its ID first: longer, Plotly cut them at the screen's
    # left edge, IDs first. The categories stay whole.
    assert "<b>2021 · Social and Human Sciences</b>" in fig.layout.yaxis.categoryarray
    texts = [re.sub("</?b>", "", text) for text in fig.layout.yaxis.ticktext]
    assert list(fig.layout.yaxis.tickvals) == list(fig.layout.yaxis.categoryarray)
    assert max(len(text) for text in texts) == NARROW_LABEL_LENGTH and any(text.endswith("…") for text in texts)
    ids = set(plan.activities["ID"].astype(str))
    assert sum(text.split(" · ")[0] in ids for text in texts) == len(plan.activities)
    assert gantt(plan).layout.yaxis.ticktext is None  # a laptop: labels as they are
    one_year = gantt(plan, narrow=True, x_range=(date(2022, 1, 1), date(2022, 12, 31)))
    assert list(one_year.layout.xaxis.ticktext) == ["2022"]
    assert (
        gantt(plan, narrow=True, compact=True).layout.xaxis.ticktext == gantt(plan, compact=True).layout.xaxis.ticktext
    )
    laptop = gantt(plan)
    assert len(laptop.layout.xaxis.ticktext) == 12 and laptop.layout.xaxis.ticktext[0] == "Q1 2021"


def test_gantt_compact_staggers_milestone_names_close_together(plan):
    near = plan.milestones.iloc[[0]].assign(Date=pd.Timestamp(2022, 1, 10), End=pd.NaT, Name="Forum of youth")
    milestones = pd.concat([plan.milestones, near]).sort_values("Date")
    acts = views.Filters(as_of=TODAY).apply(plan.activities)
    fig = charts.gantt(prepared(plan, acts), milestones, as_of=TODAY, compact=True)
    shifts = {a.text: a.yshift for a in fig.layout.annotations if (a.name or "").startswith("milestone")}
    assert shifts["Forum"] > shifts["41st"] == shifts["42nd"]  # the close one raised, the far one back down
    whole = charts.gantt(prepared(plan, acts), milestones, as_of=TODAY)
    assert len({a.yshift for a in whole.layout.annotations if (a.name or "").startswith("milestone")}) == 1


@pytest.mark.parametrize("compact", [False, True])
def test_gantt_as_of_label_under_the_rows_clear_of_milestone_names(plan, compact):
    fig = gantt(plan, as_of=EVE_41, compact=compact)
    (label,) = [a for a in fig.layout.annotations if a.name == "as of"]
    assert "As of 8 Nov 2021" in label.text
    assert (label.y, label.yanchor) == (0, "top")  # under the rows; the milestone names are above them
    assert all(a.y == 1 for a in fig.layout.annotations if (a.name or "").startswith("milestone"))
    late = [a for a in gantt(plan, as_of=date(2023, 6, 1), compact=compact).layout.annotations if a.name == "as of"]
    assert (label.xanchor, late[0].xanchor) == ("left", "right")  # on the side with room


def test_quarter_ticks_label_years_over_six_years():
    middles, labels, bounds = charts.quarter_ticks(date(2021, 1, 1), date(2027, 12, 31))
    assert labels == [str(year) for year in range(2021, 2028)] and middles[0] == "2021-07-01"
    assert len(bounds) == 29  # every quarter still has its line
