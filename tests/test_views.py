"""The dashboard's reshaping of the plan (actionplan/views.py): filters, counts, the coverage matrix, milestones,
Gantt rows and words — on the seed plan and on fixture workbooks built in tmp_path."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from actionplan import load_plan, views, words
from actionplan.plan.status import AS_OF_ORDER, STATUS_AS_OF, AsOf, Reported

TODAY = date(2026, 11, 26)
NEW_DOMAIN = "Communication and Information"
NEW_PROGRAMME = "Information for All"  # not in the Lists sheet: the loader warns and keeps it

ACTIVITY_2024 = {
    "ID": "2024-01",
    "Year": 2024,
    "No.": 1,
    "Event": "Launch of a national documentary heritage register",
    "Terms": "Q4 2024",
    "Domain": NEW_DOMAIN,
    "Convention": None,
    "Programme": NEW_PROGRAMME,
    "UNESCO counterpart": None,
    "National lead": None,
    "Locations": "Ashgabat",
}


@pytest.fixture(scope="module")
def seed_plan(tmp_path_factory):
    from actionplan.plan.seed import SEED_ACTIVITIES, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
    from actionplan.plan.workbook import write_workbook

    path = tmp_path_factory.mktemp("seed") / "plan.xlsx"
    write_workbook(path, SEED_ACTIVITIES, SEED_STEPS, SEED_MILESTONES, SEED_LISTS)
    plan = load_plan(path)
    assert plan.usable and len(plan.activities) == 42
    return plan


@pytest.fixture
def plan_2024(make_workbook):
    """The seed plan plus a 2024 activity in a domain added to Lists, under a programme Lists does not name."""

    def edit(activities, steps, milestones, lists):
        activities.append(dict(ACTIVITY_2024))
        lists["Domain"] = [*lists["Domain"], NEW_DOMAIN]

    return load_plan(make_workbook(edit=edit))


def ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["ID"])


# ---------------------------------------------------------------------------------------------------------------
# Filters


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (views.Filters(as_of=TODAY), 42),
        (views.Filters(years=(2022,), as_of=TODAY), 12),
        (views.Filters(years=(2021, 2023), as_of=TODAY), 30),
        (views.Filters(domains=("Sport",), as_of=TODAY), ["2021-09"]),
        (views.Filters(instruments=("1972 Convention",), as_of=TODAY), ["2021-04", "2022-11", "2023-02"]),
        (views.Filters(instruments=("World Heritage Sustainable Tourism",), as_of=TODAY), ["2022-11", "2023-02"]),
        (views.Filters(instruments=("2003 Convention", "MAB"), as_of=TODAY), ["2021-15", "2022-03", "2023-13"]),
        (views.Filters(text="ashgabat", as_of=TODAY), ["2021-07", "2021-14", "2022-10", "2023-06"]),
        (views.Filters(text="  ASHGABAT ", as_of=TODAY), ["2021-07", "2021-14", "2022-10", "2023-06"]),
        (views.Filters(text="3th quarter", as_of=TODAY), ["2023-09"]),  # Terms
        (views.Filters(text="2022-1", as_of=TODAY), ["2022-10", "2022-11", "2022-12"]),  # ID
        (views.Filters(text="mineps", as_of=TODAY), ["2021-09"]),  # Programme
        (views.Filters(text="no such words", as_of=TODAY), []),
        (views.Filters(statuses=(AsOf.UPCOMING,), as_of=date(2021, 6, 1)), 30),
        (views.Filters(statuses=(AsOf.SCHEDULED_NOW,), as_of=date(2021, 6, 1)), 12),
        (views.Filters(statuses=(AsOf.COMPLETED,), as_of=TODAY), []),
        (
            views.Filters(years=(2023,), domains=("Culture",), text="convention", as_of=TODAY),
            ["2023-02", "2023-03", "2023-13"],
        ),
    ],
)
def test_filters_keep_the_matching_activities(seed_plan, filters, expected):
    shown = filters.apply(seed_plan.activities)
    if isinstance(expected, int):
        assert len(shown) == expected
    else:
        assert ids(shown) == expected
    assert STATUS_AS_OF in shown.columns
    assert STATUS_AS_OF not in seed_plan.activities.columns  # the cached plan is never changed


def test_filters_text_search_reads_notes_and_locations(make_workbook):
    def edit(activities, *_):
        activities[0]["Notes"] = "Visit confirmed by the Cluster Office"

    plan = load_plan(make_workbook(edit=edit))
    assert ids(views.Filters(text="CONFIRMED", as_of=TODAY).apply(plan.activities)) == ["2021-01"]
    assert ids(views.Filters(text="turkmenabat", as_of=TODAY).apply(plan.activities)) == ["2021-14", "2023-06"]


def test_blank_domain_is_unclassified_and_can_be_filtered(make_workbook):
    def edit(activities, *_):
        activities[1]["Domain"] = None

    plan = load_plan(make_workbook(edit=edit))
    order = views.domain_order(plan.activities, plan.lists)
    assert order[-1] == views.UNCLASSIFIED
    assert ids(views.Filters(domains=(views.UNCLASSIFIED,), as_of=TODAY).apply(plan.activities)) == ["2021-02"]


@pytest.mark.parametrize(
    ("filters", "query"),
    [
        (views.Filters(as_of=TODAY), {}),
        (views.Filters(as_of=date(2021, 11, 8)), {"as_of": ["2021-11-08"]}),
        (
            views.Filters(years=(2021, 2023), domains=("Culture",), as_of=TODAY),
            {"year": ["2021", "2023"], "domain": ["Culture"]},
        ),
        (
            views.Filters(
                instruments=("1972 Convention",), statuses=(AsOf.PAST_END_NOT_REPORTED,), text="heritage", as_of=TODAY
            ),
            {"instrument": ["1972 Convention"], "status": [AsOf.PAST_END_NOT_REPORTED], "q": ["heritage"]},
        ),
    ],
)
def test_filters_round_trip_through_the_query_string(seed_plan, filters, query):
    options = views.filter_options(seed_plan.activities, seed_plan.lists)
    assert filters.query(TODAY) == query
    assert views.Filters.from_query(query, options, TODAY) == filters


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": ["1999", "2022"], "domain": ["Atlantis"]}, views.Filters(years=(2022,), as_of=TODAY)),
        ({"domain": ["culture", "SPORT", "Culture"]}, views.Filters(domains=("Culture", "Sport"), as_of=TODAY)),
        ({"as_of": ["08/11/2021"]}, views.Filters(as_of=TODAY)),  # not ISO: ignored, today
        ({"status": ["past end, not reported"]}, views.Filters(statuses=(AsOf.PAST_END_NOT_REPORTED,), as_of=TODAY)),
    ],
)
def test_unknown_query_values_are_ignored(seed_plan, params, expected):
    options = views.filter_options(seed_plan.activities, seed_plan.lists)
    assert views.Filters.from_query(params, options, TODAY) == expected


def test_filters_within_drop_values_the_workbook_no_longer_offers():
    options = views.FilterOptions(years=(2021,), domains=("Culture",), instruments=("MAB",))
    kept = views.Filters(
        years=(2021, 2024), domains=("Culture", "Gone"), instruments=("MAB", "X"), text="a", as_of=TODAY
    ).within(options)
    assert kept == views.Filters(years=(2021,), domains=("Culture",), instruments=("MAB",), text="a", as_of=TODAY)


def test_describe_names_every_filter():
    assert views.Filters(as_of=TODAY).describe() == ""
    assert not views.Filters(as_of=TODAY).narrows
    text = views.Filters(years=(2021,), domains=("Culture",), text=" carpets ", as_of=TODAY).describe()
    assert text == '2021 · Culture · "carpets"'


# ---------------------------------------------------------------------------------------------------------------
# Counts


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (TODAY, {AsOf.PAST_END_NOT_REPORTED: 42}),
        (date(2021, 6, 1), {AsOf.SCHEDULED_NOW: 12, AsOf.UPCOMING: 30}),
        (date(2020, 12, 31), {AsOf.UPCOMING: 42}),
    ],
)
def test_counts_by_status_as_of_a_date(seed_plan, as_of, expected):
    counts = views.counts_by_status(views.Filters(as_of=as_of).apply(seed_plan.activities))
    assert list(counts.index) == list(AS_OF_ORDER)
    assert counts.to_dict() == {status: expected.get(status, 0) for status in AS_OF_ORDER}


def test_a_reported_status_is_counted(make_workbook):
    def edit(activities, *_):
        activities[0]["Status"] = "Completed"
        activities[1]["Status"] = "In progress"

    plan = load_plan(make_workbook(edit=edit))
    acts = views.Filters(as_of=TODAY).apply(plan.activities)
    assert views.counts_by_status(acts)[AsOf.COMPLETED] == 1
    assert views.counts_by_status(acts)["Overdue"] == 1
    reported = views.counts_by_reported_status(acts)
    assert reported.to_dict() == {
        "Planned": 0,
        "In progress": 1,
        "Completed": 1,
        "Postponed": 0,
        "Cancelled": 0,
        Reported.NOT_REPORTED: 40,
    }


def test_by_year_and_status_keeps_every_year(seed_plan):
    acts = views.Filters(years=(2021,), as_of=TODAY).apply(seed_plan.activities)
    table = views.by_year_and_status(acts, seed_plan.years)
    assert list(table.index) == [2021, 2022, 2023]
    assert list(table.columns) == list(AS_OF_ORDER)
    assert table.loc[2021, AsOf.PAST_END_NOT_REPORTED] == 16
    assert table.loc[2022].sum() == 0


def test_by_domain_follows_the_lists_order_and_drops_empty_domains(seed_plan):
    acts = views.Filters(years=(2022,), as_of=TODAY).apply(seed_plan.activities)
    domains = views.domain_order(seed_plan.activities, seed_plan.lists)
    table = views.by_domain(acts, domains)
    assert list(table.index) == ["Culture", "Education", "Science", "Cooperation"]
    assert table.sum(axis=1).to_dict() == {"Culture": 4, "Education": 4, "Science": 3, "Cooperation": 1}
    by_year = views.by_domain_and_year(views.Filters(as_of=TODAY).apply(seed_plan.activities), domains, seed_plan.years)
    assert by_year.loc["Culture"].tolist() == [6, 4, 6]
    assert by_year.to_numpy().sum() == 42


# ---------------------------------------------------------------------------------------------------------------
# Coverage matrix


def test_coverage_matrix_rows_columns_and_counts(seed_plan):
    matrix = views.coverage_matrix(seed_plan.activities, seed_plan.lists, seed_plan.years)
    conventions, programmes = list(seed_plan.lists.conventions), list(seed_plan.lists.programmes)
    assert list(matrix.index) == conventions + programmes
    assert list(matrix.columns) == [2021, 2022, 2023]
    assert matrix.loc["1972 Convention"].tolist() == [1, 1, 1]
    assert matrix.loc["ASPnet"].tolist() == [1, 2, 1]
    assert matrix.loc["General Conference"].tolist() == [1, 0, 2]
    assert matrix.loc["Memory of the World"].tolist() == [0, 0, 0]  # listed, unused: a visible gap
    # 2022-11 has both a convention and a programme: it counts in both rows
    assert matrix.loc["World Heritage Sustainable Tourism", 2022] == 1
    assert matrix.loc["1972 Convention", 2022] == 1


def test_coverage_matrix_keeps_all_plan_years_when_filtered(seed_plan):
    acts = views.Filters(years=(2021,), as_of=TODAY).apply(seed_plan.activities)
    matrix = views.coverage_matrix(acts, seed_plan.lists, seed_plan.years)
    assert list(matrix.columns) == [2021, 2022, 2023]
    assert matrix[2022].sum() == 0 and matrix[2021].sum() > 0


def test_activities_in_cell(seed_plan):
    assert ids(views.activities_in_cell(seed_plan.activities, "ASPnet", 2022)) == ["2022-10", "2022-12"]
    assert views.activities_in_cell(seed_plan.activities, "Memory of the World", 2022).empty


def test_a_2024_plan_needs_no_code_change(plan_2024):
    """A new year, a new domain and an unlisted programme show up in the options, the matrix and the rows."""
    assert plan_2024.years == [2021, 2022, 2023, 2024]
    options = views.filter_options(plan_2024.activities, plan_2024.lists)
    assert 2024 in options.years and NEW_DOMAIN in options.domains
    assert options.instruments[-1] == NEW_PROGRAMME
    matrix = views.coverage_matrix(plan_2024.activities, plan_2024.lists, plan_2024.years)
    assert list(matrix.columns) == [2021, 2022, 2023, 2024]
    assert matrix.loc[NEW_PROGRAMME].tolist() == [0, 0, 0, 1]
    rows = views.gantt_rows(plan_2024.activities, domains=options.domains)
    assert rows.iloc[-1]["ID"] == "2024-01"
    assert rows.iloc[-1][views.GROUP_COLUMN] == f"2024 · {NEW_DOMAIN}"
    new = plan_2024.activities.set_index("ID").loc["2024-01"]
    assert (new["Start"], new["End"]) == (pd.Timestamp("2024-10-01"), pd.Timestamp("2024-12-31"))


# ---------------------------------------------------------------------------------------------------------------
# Milestones, what falls due


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 11, 8), ["41st", "42nd", "43rd"]),
        (date(2021, 11, 15), ["41st", "42nd", "43rd"]),  # during the session: still the next milestone
        (date(2021, 11, 25), ["42nd", "43rd"]),
        (date(2025, 11, 14), []),
        (TODAY, []),
    ],
)
def test_next_milestones(seed_plan, as_of, expected):
    upcoming = views.next_milestones(seed_plan.milestones, as_of, n=3)
    assert [name.split()[0] for name in upcoming["Name"]] == expected


def test_due_before_lists_open_activities_ending_in_the_window(make_workbook):
    def edit(activities, *_):
        next(a for a in activities if a["ID"] == "2021-11")["Status"] = "Completed"

    plan = load_plan(make_workbook(edit=edit))
    due = views.due_before(plan.activities, date(2021, 6, 1), date(2021, 11, 9))
    assert ids(due) == ["2021-07"]
    due = views.due_before(plan.activities, date(2021, 11, 9), date(2022, 1, 1))
    assert "2021-11" not in set(due["ID"])  # reported Completed: not due
    assert "2021-12" in set(due["ID"])
    assert list(due["End"]) == sorted(due["End"])


def test_milestone_eves(seed_plan):
    eves = views.milestone_eves(seed_plan.milestones)
    assert [(eve.label, eve.day) for eve in eves] == [
        ("8 Nov 2021", date(2021, 11, 8)),
        ("6 Nov 2023", date(2023, 11, 6)),
        ("29 Oct 2025", date(2025, 10, 29)),
    ]
    assert eves[0].name.startswith("41st session")


# ---------------------------------------------------------------------------------------------------------------
# Labels and Gantt rows


@pytest.mark.parametrize(
    ("event", "limit", "expected"),
    [
        (
            "Participation in the UNESCO Creative Cities Network",
            58,
            "Participation in the UNESCO Creative Cities Network",
        ),
        (
            "Implementation of the UNESCO 1972 World Heritage Convention and more words",
            40,
            "Implementation of the UNESCO 1972 World…",
        ),
        ("Exhibition of paintings\nExhibition of the Best photos", 58, "Exhibition of paintings"),
        ("  spaced    out   text  ", 58, "spaced out text"),
        ("Averyveryveryverylongsinglewordthatcannotbecut", 10, "Averyvery…"),
        (None, 58, ""),
    ],
)
def test_short_title(event, limit, expected):
    assert words.short_title(event, limit) == expected
    assert len(words.short_title(event, limit)) <= limit


def test_gantt_rows_are_grouped_by_year_then_domain(seed_plan):
    domains = views.domain_order(seed_plan.activities, seed_plan.lists)
    rows = views.gantt_rows(seed_plan.activities, domains=domains)
    assert len(rows) == 42
    groups = list(dict.fromkeys(rows[views.GROUP_COLUMN]))
    assert groups[:3] == ["2021 · Culture", "2021 · Education", "2021 · Science"]
    assert groups[-1] == "2023 · Cooperation"
    assert list(rows["Year"]) == sorted(rows["Year"])
    culture_2021 = rows[rows[views.GROUP_COLUMN] == "2021 · Culture"]
    assert list(culture_2021["Start"]) == sorted(culture_2021["Start"])  # by start within a group
    assert rows.iloc[0][views.LABEL_COLUMN].startswith("2021-03 · Implementation of the UNESCO 2005")


def test_gantt_rows_by_instrument(seed_plan):
    instruments = views.instrument_order(seed_plan.activities, seed_plan.lists)
    rows = views.gantt_rows(seed_plan.activities, group_by=views.GROUP_INSTRUMENT, instruments=instruments)
    groups = list(dict.fromkeys(rows[views.GROUP_COLUMN]))
    assert groups[0] == "1970 Convention"
    assert groups[-1] == views.NO_INSTRUMENT
    assert rows[rows["ID"] == "2022-11"][views.GROUP_COLUMN].item() == "1972 Convention"  # convention first
    with pytest.raises(ValueError):
        views.gantt_rows(seed_plan.activities, group_by="Colour")


def test_dated_steps(seed_plan):
    steps = views.dated_steps(seed_plan.steps, ["2021-09", "2023-09", "2021-04"])
    assert list(zip(steps["Activity ID"], steps["Step"])) == [("2021-09", 4)] + [("2023-09", n) for n in range(1, 6)]


# ---------------------------------------------------------------------------------------------------------------
# Words


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2021-03-01", "2021-12-31", "1 Mar – 31 Dec 2021"),
        ("2021-11-01", "2021-11-30", "1–30 Nov 2021"),  # closed dash between two numbers
        ("2024-05-01", "2025-02-28", "1 May 2024 – 28 Feb 2025"),
        ("2024-03-15", "2024-03-15", "15 Mar 2024"),
        (None, "2024-03-15", "no dates"),
    ],
)
def test_format_span(start, end, expected):
    assert words.span(pd.Timestamp(start) if start else None, pd.Timestamp(end)) == expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            {AsOf.PAST_END_NOT_REPORTED: 42},
            "As of 26 Nov 2026, all 42 activities are past their end with no status reported.",
        ),
        (
            {AsOf.SCHEDULED_NOW: 12, AsOf.UPCOMING: 30},
            "As of 26 Nov 2026, of 42 activities: 12 scheduled now (their dates include this day), 30 upcoming.",
        ),
        (
            {AsOf.COMPLETED: 2, AsOf.PAST_END_NOT_REPORTED: 1},
            "As of 26 Nov 2026, of 3 activities: 2 reported completed, 1 past their end with no status reported.",
        ),
        ({AsOf.UPCOMING: 1}, "As of 26 Nov 2026, the only activity is upcoming."),
        ({}, "As of 26 Nov 2026, no activities are shown."),
    ],
)
def test_headline(counts, expected):
    by_status = pd.Series({status: counts.get(status, 0) for status in AS_OF_ORDER})
    assert views.headline(by_status, TODAY) == expected


@pytest.mark.parametrize(
    ("unreported", "reported", "expected"),
    [
        (42, 0, "No activity has a reported status yet."),
        (40, 2, "2 of 42 activities have a reported status; 40 not reported."),
        (0, 5, "Every activity has a reported status."),
    ],
)
def test_reporting(unreported, reported, expected):
    counts = pd.Series({"Completed": reported, Reported.NOT_REPORTED: unreported})
    assert views.reporting(counts) == expected


def test_activity_facts_name_the_full_convention_title(seed_plan):
    acts = views.Filters(as_of=TODAY).apply(seed_plan.activities)
    facts = dict(views.activity_facts(acts.set_index("ID", drop=False).loc["2021-04"], seed_plan.lists))
    assert facts["Convention"].startswith("1972 Convention — Convention concerning the Protection of the World")
    assert facts["Terms as written"] == "2021"
    assert facts["Dates"].startswith("1 Jan – 31 Dec 2021")
    assert facts["Reported status"] == Reported.NOT_REPORTED
    assert facts["Status as of"].startswith(AsOf.PAST_END_NOT_REPORTED)
    assert "Notes" not in facts  # blank facts are left out


def test_activity_table_has_a_link_per_activity_and_no_none_text(seed_plan):
    table = views.activity_table(views.Filters(as_of=TODAY).apply(seed_plan.activities))
    assert len(table) == 42
    assert table.loc[table["ID"] == "2021-04", "Link"].item() == "?id=2021-04"
    assert not table["Convention"].isna().any()


def test_coverage_matrix_rows_given_and_empty_rows_dropped(seed_plan):
    order = views.instrument_order(seed_plan.activities, seed_plan.lists)
    culture = seed_plan.activities[seed_plan.activities["Domain"] == "Culture"]
    kept = views.coverage_matrix(culture, seed_plan.lists, seed_plan.years, instruments=order)
    assert list(kept.index) == order and list(kept.columns) == [2021, 2022, 2023]
    dropped = views.coverage_matrix(culture, seed_plan.lists, seed_plan.years, instruments=order, keep_empty=False)
    assert "ASPnet" in kept.index and "ASPnet" not in dropped.index
    assert dropped.loc["1972 Convention"].tolist() == [1, 1, 1]
    assert ("1972 Convention", 2022) in views.counted_cells(dropped)
    assert ("1970 Convention", 2022) not in views.counted_cells(dropped)
    assert views.convention_rows(dropped, views.convention_order(seed_plan.activities, seed_plan.lists)) == 5
