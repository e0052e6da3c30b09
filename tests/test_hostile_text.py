"""Workbook and URL text is data: it never becomes a link, an image, HTML, maths or a colour on any page."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from actionplan import words

from .test_pages import APP, DASHBOARD_PAGES

PAYLOADS = ("![x](http://127.0.0.1:9/x)", "[a](javascript:b)", ":red[x]", "$$x$$", "<b>bold</b>", "a\u000bb")
# openpyxl cannot write U+000B into a fixture (Excel stores it as _x000B_); the loader's own tests cover it.
HOSTILE = " ".join(payload for payload in PAYLOADS if "\u000b" not in payload)
# What a payload would look like if it reached Markdown unescaped (the app's own ?id= links aside).
LIVE = re.compile(r"(?<!\\)!\[|(?<!\\)\[[^\]]*(?<!\\)\]\((?!\?id=)|(?<!\\):red(?<!\\)\[|(?<!\\)\$\$|(?<!\\)<b>")


def hostile(activities, steps, milestones, lists):
    activities[0].update(Event=f"Culture day {HOSTILE}", Notes=HOSTILE, Locations=HOSTILE)
    activities[1].update(Domain=HOSTILE, Programme=HOSTILE)
    lists["Convention title"] = [f"{title} {HOSTILE}" if title else title for title in lists["Convention title"]]
    milestones[-1].update(Name=f"43rd session of the UNESCO General Conference {HOSTILE}", Place=HOSTILE)


def markdown_sources(at: AppTest) -> list[str]:
    """Every string the page sent to a Markdown-rendering element (main area and sidebar)."""
    sources = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"):
        sources += [str(element.value) for element in at.get(kind)]
    sources += [str(element.proto.label) for element in at.get("page_link")]
    return sources


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_no_workbook_text_renders_as_markup(make_workbook, use_workbook, page):
    use_workbook(make_workbook(edit=hostile))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["as_of"] = "2021-06-01"
    at.query_params["id"] = "2021-01"
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    for source in markdown_sources(at):
        assert not LIVE.search(source), source


def test_an_id_in_the_url_is_named_as_text():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["id"] = "[Sign in again](http://127.0.0.1:9/)"
    at.run()
    at.switch_page("pages/activities.py").run()
    warnings = [str(w.value) for w in at.warning]
    assert any("Sign in again" in w for w in warnings)
    assert not any(LIVE.search(w) for w in warnings)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_text_leaves_nothing_live(payload):
    assert not LIVE.search(words.md_text(payload))
