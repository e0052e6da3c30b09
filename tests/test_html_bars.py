"""The Overview's status bars in plain HTML (components/charts/html_bars.py): lengths, counts, legend, patterns,
contrast and escaping."""

from __future__ import annotations

import re

import pandas as pd

from actionplan import i18n
from actionplan.plan.status import AS_OF_ORDER, AsOf, label_of
from components import colours
from components.charts import html_bars, stacked_status_html


def _table(rows: dict[str, dict[str, int]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index").reindex(columns=list(AS_OF_ORDER)).fillna(0).astype(int)


def _segments(body: str) -> list[tuple[str, float]]:
    """(tooltip, share of the longest bar in %) of each segment, in order."""
    return [
        (title, float(share)) for title, share in re.findall(r'<div title="([^"]*)" style="flex:0 0 ([\d.]+)%', body)
    ]


def test_each_segment_is_as_long_as_its_count_against_the_longest_bar():
    table = _table({"Culture": {AsOf.COMPLETED: 2, AsOf.UPCOMING: 2}, "Sport": {AsOf.COMPLETED: 1}})
    body = stacked_status_html(table, name="By domain")
    assert _segments(body) == [
        (f"Culture · {label_of(AsOf.COMPLETED)}: 2", 50.0),
        (f"Culture · {label_of(AsOf.UPCOMING)}: 2", 50.0),
        (f"Sport · {label_of(AsOf.COMPLETED)}: 1", 25.0),
    ]
    assert 'aria-label="By domain"' in body
    assert ">4</div>" in body and ">1</div>" in body  # each bar's total at its end


def test_a_count_is_written_on_its_segment_only_where_it_has_room():
    table = _table({"Big": {AsOf.UPCOMING: 99}, "Small": {AsOf.OVERDUE: 1}})
    body = stacked_status_html(table, name="By domain")
    written = re.findall(r"padding:0 0\.25rem;border-radius:2px\">(\d+)</span>", body)
    assert written == ["99"]  # 1 of 99 is under COUNT_ROOM: its count is in its tooltip and at the bar's end
    assert f"Small · {label_of(AsOf.OVERDUE)}: 1" in body


def test_the_legend_names_only_the_statuses_with_activities_in_order_and_in_the_language():
    table = _table({"2021": {AsOf.OVERDUE: 3, AsOf.COMPLETED: 1}})
    with i18n.using("ru"):
        body = stacked_status_html(table, name="По годам")
        completed, overdue, upcoming = (label_of(s) for s in (AsOf.COMPLETED, AsOf.OVERDUE, AsOf.UPCOMING))
    legend = body.split('<div style="display:grid')[0]
    assert completed in legend and overdue in legend and upcoming not in legend
    assert legend.index(completed) < legend.index(overdue)
    assert completed != label_of(AsOf.COMPLETED)  # Russian words, not English


def test_every_status_has_its_own_fill_and_a_readable_count():
    fills = {status: html_bars._fill(status) for status in AS_OF_ORDER}
    assert len(set(fills.values())) == len(fills)  # no two statuses drawn alike
    assert set(colours.STATUS_PATTERNS.values()) <= set(html_bars.CSS_PATTERNS)
    for status in AS_OF_ORDER:
        colour = colours.status_colour(status)
        ink = html_bars.text_colour(colour)
        assert colours.contrast(colour, ink) >= 4.5, (status, colour, ink)


def test_workbook_names_are_escaped():
    table = _table({'<img src=x onerror="alert(1)">': {AsOf.UPCOMING: 1}})
    body = stacked_status_html(table, name="By <domain>")
    assert "<img" not in body and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert 'aria-label="By &lt;domain&gt;"' in body


def test_no_activity_draws_an_empty_chart():
    body = stacked_status_html(_table({}), name="By domain")
    assert _segments(body) == [] and 'aria-label="By domain"' in body
