"""Every page, on a workbook full of hostile text, asks nothing of any host but the app's own, and shows the text
as text (no image, no outside link)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from support import assert_no_exception, open_page

from tests.test_hostile_text import hostile

PAGES = ("", "timeline", "domains", "conventions", "activities?id=2021-01", "briefing", "data")


@pytest.fixture
def hostile_server(app_server, make_workbook):
    return app_server(make_workbook(edit=hostile))


def test_no_page_fetches_anything_outside_the_app(hostile_server, page):
    outside: list[str] = []
    page.on("request", lambda request: _note_outside(request.url, hostile_server.url, outside))
    for path in PAGES:
        route, _, query = path.partition("?")
        open_page(page, hostile_server, route, "as_of=2021-06-01" + (f"&{query}" if query else ""))
        assert_no_exception(page)
        main = page.locator("[data-testid='stMain']")
        # the payload's image and links stay text: no <img> pointing outside, no javascript: link
        assert main.locator("img[src*='127.0.0.1:9']").count() == 0, path
        assert main.locator("a[href^='javascript']").count() == 0, path
    assert outside == [], outside


def _note_outside(url: str, app_url: str, outside: list[str]) -> None:
    parsed, app = urlparse(url), urlparse(app_url)
    if parsed.scheme in ("data", "blob", "about"):
        return
    if (parsed.hostname, parsed.port) != (app.hostname, app.port):
        outside.append(url)
