"""Progress over time on the pages: an activity's check-ins (model and detail), the trend by domain (model, chart
builder, Overview)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from actionplan import load_plan, views
from actionplan.plan.status import Reported
from actionplan.views.progress import COUNT_COLUMN, DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN
from components import charts, colours
from tests.test_checkins import with_checkins
from tests.test_pages import open_app, text_of

HOSTILE = "![x](http://127.0.0.1:9/x) [a](javascript:b) :red[x] $$x$$ <b>bold</b>"
CHECKINS = [
    (
        datetime(2021, 6, 1),
        "2021-01",
        "In progress",
        40,
        "Three schools joined.",
        "Letter 12/3",
        "Ministry of Education",
    ),
    (datetime(2021, 6, 1), "2021-02", "Planned", None, None, None, "Aman"),
    (
        datetime(2021, 9, 30),
        "2021-01",
        "Completed",
        80,
        "All joined.\nCertificates handed over.",
        "https://example.org/report?id=1",
        "Return: Ministry of Culture (Before GC 41)",
    ),
    (datetime(2021, 10, 15), "2021-03", None, None, HOSTILE, "javascript:alert(1)", None),
]


@pytest.fixture
def reported(plan_workbook: Path) -> Path:
    """The check-ins above, and the Activities sheet holding each activity's latest report, as saves leave it."""
    book = openpyxl.load_workbook(plan_workbook)
    sheet = book["Activities"]
    header = [cell.value for cell in sheet[1]]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for when, activity_id, status, progress, notes, evidence, _source in CHECKINS:
        for column, value in (
            ("Status", status),
            ("Progress %", progress),
            ("Last update", when),
            ("Notes", notes),
            ("Evidence", evidence),
        ):
            sheet.cell(rows[activity_id], header.index(column) + 1, value)
    book.save(plan_workbook)
    return with_checkins(plan_workbook, CHECKINS)


# ---------------------------------------------------------------- an activity's check-ins


def test_checkin_lines_newest_first_as_reported(reported):
    lines = views.checkin_lines(load_plan(reported).checkins, "2021-01")
    assert [line.said for line in lines] == [
        "Completed, 80 % — as reported by Ministry of Culture on 30 Sep 2021 (returned form, round “Before GC 41”)",
        "In progress, 40 % — as reported by Ministry of Education on 1 Jun 2021",
    ]
    assert lines[0].notes == "All joined.\nCertificates handed over."
    assert lines[0].link == "https://example.org/report?id=1" and lines[1].link == ""
    (blank,) = views.checkin_lines(load_plan(reported).checkins, "2021-03")
    assert blank.said == "Not reported — as reported on 15 Oct 2021"  # nothing inferred from the notes


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        ("ftp://example.org/file", ""),
        ("https://", ""),
        ("see https://example.org", ""),
        ("Letter 12/3", ""),
        ("", ""),
    ],
)
def test_only_an_http_address_is_a_link(text, link):
    assert views.evidence_link(text) == link


# ---------------------------------------------------------------- the trend by domain


def test_the_trend_counts_every_activity_on_each_checkin_day(reported):
    plan = load_plan(reported)
    acts = views.Filters(as_of=date(2021, 12, 1)).apply(plan.activities, plan.checkins)
    trend = views.reported_trend(acts, plan.checkins, date(2021, 12, 1), views.domain_order(acts, plan.lists))
    assert trend.days == (date(2021, 6, 1), date(2021, 9, 30), date(2021, 10, 15))
    per_day = trend.table.groupby(DAY_COLUMN)[COUNT_COLUMN].sum()
    assert (per_day == len(acts)).all()  # nobody left out: no report counts as Not reported, never as 0 %
    table = trend.table.set_index([DAY_COLUMN, DOMAIN_COLUMN, STATUS_COLUMN])[COUNT_COLUMN]
    domain_01 = acts.set_index("ID").loc["2021-01", "Domain"]
    assert table[(date(2021, 6, 1), domain_01, Reported.IN_PROGRESS)] == 1
    assert table[(date(2021, 9, 30), domain_01, Reported.COMPLETED)] == 1
    assert table[(date(2021, 9, 30), domain_01, Reported.IN_PROGRESS)] == 0
    reported_on = int((trend.table[STATUS_COLUMN] != Reported.NOT_REPORTED).mul(trend.table[COUNT_COLUMN]).sum())
    assert reported_on == 2 + 2 + 2  # 2021-01 and 2021-02 from June on; 2021-03 was reported blank: Not reported
    assert "3 days with reports" in trend.sentence


def test_the_trend_stops_at_the_as_of_date(reported):
    plan = load_plan(reported)
    acts = views.Filters(as_of=date(2021, 7, 1)).apply(plan.activities, plan.checkins)
    trend = views.reported_trend(acts, plan.checkins, date(2021, 7, 1), views.domain_order(acts, plan.lists))
    assert trend.days == (date(2021, 6, 1),)
    early = views.reported_trend(acts, plan.checkins, date(2021, 5, 1), ())
    assert early.empty and "Nobody has reported" in early.sentence


# ---------------------------------------------------------------- the chart builder


def _panels(body: str) -> dict[str, list[tuple[str, int]]]:
    """Each domain panel of the trend's HTML (the groups after the whole chart's): its name -> (day, count) of each
    segment's tooltip, in order."""
    found = {}
    for chunk in body.split('<div role="group" aria-label="')[2:]:
        name, panel = chunk.split('"', 1)
        found[name] = [(day, int(count)) for day, count in re.findall(r'title="([^"·]*) · [^"]*: (\d+)"', panel)]
    return found


def test_the_trend_chart_has_a_panel_per_domain_and_a_bar_per_day(reported):
    plan = load_plan(reported)
    acts = views.Filters(as_of=date(2021, 12, 1)).apply(plan.activities, plan.checkins)
    trend = views.reported_trend(acts, plan.checkins, date(2021, 12, 1), views.domain_order(acts, plan.lists))
    body = charts.reported_trend_html(trend)
    panels = _panels(body)
    assert list(panels) == list(trend.domains)  # a panel per domain, in plan order
    for segments in panels.values():
        assert list(dict.fromkeys(day for day, _count in segments)) == ["1 Jun 2021", "30 Sep 2021", "15 Oct 2021"]
    # every activity stands in one bar per day; Not reported has its own grey
    assert sum(count for segments in panels.values() for _day, count in segments) == len(acts) * len(trend.days)
    not_reported = Reported.NOT_REPORTED.label
    assert f"· {not_reported}: " in body and colours.status_colour(Reported.NOT_REPORTED) in body
    legend = body.split('<div style="display:grid')[0]
    assert legend.count(not_reported) == 1 and legend.count(Reported.COMPLETED.label) == 1  # each status once
    assert 'aria-label="Activities by reported status"' in body


def test_every_panel_of_the_trend_is_drawn_to_one_scale(reported):
    plan = load_plan(reported)
    acts = views.Filters(as_of=date(2021, 12, 1)).apply(plan.activities, plan.checkins)
    trend = views.reported_trend(acts, plan.checkins, date(2021, 12, 1), views.domain_order(acts, plan.lists))
    body = charts.reported_trend_html(trend)
    per_domain = acts.groupby(views.domain_of(acts)).size()
    widest = int(per_domain.max())
    for name, share in re.findall(r'aria-label="([^"]*)".*?<div title="[^"]*" style="flex:0 0 ([\d.]+)%', body):
        if name in per_domain.index:  # the first segment of each panel
            assert float(share) <= 100 * int(per_domain[name]) / widest + 1e-6


def test_a_domain_name_never_becomes_markup_in_the_chart():
    table = pd.DataFrame(
        {DAY_COLUMN: [date(2021, 1, 1)], DOMAIN_COLUMN: ["<b>x</b>"], STATUS_COLUMN: ["Completed"], COUNT_COLUMN: [1]}
    )
    body = charts.reported_trend_html(views.Trend(table, (date(2021, 1, 1),), ("<b>x</b>",), ""))
    assert "<b>x</b>" not in body and "&lt;b&gt;x&lt;/b&gt;" in body


# ---------------------------------------------------------------- the pages


def test_the_detail_lists_the_checkins_newest_first(reported, use_workbook):
    use_workbook(reported)
    at = open_app("pages/activities.py", query={"id": "2021-01", "as_of": "2021-12-01"})
    text = text_of(at)
    newest = text.index("Completed, 80 % — as reported by Ministry of Culture on 30 Sep 2021")
    older = text.index("In progress, 40 % — as reported by Ministry of Education on 1 Jun 2021")
    assert newest < older
    assert "Evidence: [https://example.org/report?id=1](https://example.org/report?id=1)" in text
    assert "Evidence: Letter 12/3" in text


def test_the_detail_never_turns_workbook_text_into_markup(reported, use_workbook):
    use_workbook(reported)
    at = open_app("pages/activities.py", query={"id": "2021-03", "as_of": "2021-12-01"})
    history = next(str(m.value) for m in at.markdown if "as reported on 15 Oct 2021" in str(m.value))
    assert "](javascript" not in history.replace("\\]", "").replace("\\(", "")  # escaped: no link is made
    assert "\\<b\\>bold" in history and "!\\[x\\](http" in history and "\\:red\\[x\\]" in history
    assert "Evidence: javascript\\:alert(1)" in history  # text, not a link


def test_an_activity_with_no_checkin_says_so(plan_workbook, use_workbook):
    use_workbook(plan_workbook)
    at = open_app("pages/activities.py", query={"id": "2021-01"})
    assert "No report on this activity is recorded in the Updates sheet yet." in text_of(at)


def test_the_overview_shows_the_trend_or_says_nobody_reported(reported, plan_workbook, use_workbook, tmp_path):
    use_workbook(reported)
    at = open_app(query={"as_of": "2021-12-01"})
    trend = [h.value for h in at.get("html") if 'aria-label="Activities by reported status"' in h.value]
    assert len(trend) == 1 and "15 Oct 2021" in trend[0]
    assert "Reported status by domain: 3 days with reports, up to 1 Dec 2021." in text_of(at)
    assert not at.get("plotly_chart")  # the Overview draws no Plotly chart
    at = open_app(query={"as_of": "2021-05-01"})
    assert "Nobody has reported on these activities by 1 May 2021" in text_of(at)
    assert not [h for h in at.get("html") if "Activities by reported status" in h.value]
