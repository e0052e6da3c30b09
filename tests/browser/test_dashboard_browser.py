"""The dashboard in Chromium: every page opens without an exception, the Gantt draws a bar per activity, and the
filters follow the user from page to page and into the URL."""

from playwright.sync_api import expect
from support import assert_no_exception, open_page, wait_idle

from components.charts.common import COMPACT_HEADING_LENGTH

PAGES = ("", "timeline", "domains", "conventions", "activities", "briefing", "data")
GANTT_BARS = ".js-plotly-plot .barlayer .point"


def wait_for_bars(tab, count: int) -> None:
    """Plotly draws after Streamlit settles: wait until the bar layer holds `count` bars."""
    tab.wait_for_function(f"document.querySelectorAll('{GANTT_BARS}').length === {count}", timeout=30_000)


def test_every_page_opens_and_the_gantt_draws_42_bars(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    for path in PAGES:
        open_page(page, server, path)
        assert_no_exception(page)
        assert page.locator("h1").count() >= 1, f"/{path} has no title"
        if path == "timeline":
            wait_for_bars(page, 42)  # as of today all 42 activities show
            assert page.locator(".js-plotly-plot").count() == 1
            assert "Q1 2021" in page.locator(".js-plotly-plot").inner_text()


def test_filters_follow_the_user_and_the_url(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server, "", "domain=Sport&domain=Science&as_of=2021-11-08")
    assert "5 of 42 activities" in page.locator("[data-testid='stMain']").inner_text()
    page.locator("[data-testid='stSidebarNav'] a", has_text="Timeline").click()
    wait_idle(page)
    wait_for_bars(page, 5)
    assert "domain=Science" in page.url and "as_of=2021-11-08" in page.url  # the link reproduces the view
    assert_no_exception(page)


def test_an_activity_link_opens_it_on_a_fresh_server(app_server, plan_workbook, page):
    # The very first request after the server starts is the deep link: the page must still get the app's frame
    # (navigation titles, workbook line), not Streamlit's file-name menu, and keep its query string.
    server = app_server(plan_workbook)
    open_page(page, server, "activities", "id=2021-04")
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "Conventions & programmes" in nav and "app" not in nav.split()
    assert "Workbook" in page.locator("[data-testid='stSidebar']").inner_text()
    assert "id=2021-04" in page.url
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "2021-04 · Implementation of the UNESCO 1972 World Heritage Convention" in main
    assert "Mechanism (steps)" in main
    assert_no_exception(page)


def test_the_first_choice_on_a_page_opened_first_after_a_restart_is_kept(app_server, plan_workbook, page):
    # The deep link is the server's first request, so the page draws the frame itself; its widgets must be the same
    # widgets in the next run (through app.py), or the reader's first choice is dropped.
    server = app_server(plan_workbook)
    open_page(page, server, "timeline")
    colour_by = page.locator(".st-key-timeline_colour")
    colour_by.get_by_text("Status", exact=True).click()
    wait_idle(page)
    expect(colour_by.get_by_role("radio", name="Status")).to_have_attribute("aria-checked", "true")
    assert_no_exception(page)


def test_a_milestone_link_on_the_overview_opens_the_activity(app_server, plan_workbook, page):
    # The Overview lists what falls due before the next milestone, each activity a link to the Activities page.
    server = app_server(plan_workbook)
    open_page(page, server, "", "as_of=2021-11-08")
    link = page.locator("[data-testid='stPageLink'] a", has_text="2021-11 ·").first
    expect(link).to_be_visible()
    link.click()
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("Activities")
    assert "id=2021-11" in page.url
    expect(page.locator("[data-testid='stMain']")).to_contain_text("2021-11 ·")
    expect(page.locator("[data-testid='stMain']")).to_contain_text("Reported progress")
    assert_no_exception(page)


LEADING = 2  # px: a text's box is its line's, a little taller and wider than the letters drawn
PHONE_USER_AGENT = (  # a phone's browser: "Mobi" is what the Timeline looks for
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)


def switch_to(tab, key: str, *, on: bool, attempts: int = 3) -> None:
    """Set the switch of widget `key` to `on` as a phone user does: open the fold it sits in (the options fold away on
    a phone) unless it is open, then tap the switch's label. A tap that lands while the fold is still opening is lost,
    so look again and tap again, up to `attempts` times, before failing."""
    switch = tab.locator(f".st-key-{key} input")
    fold = tab.locator("[data-testid='stExpander'] details", has=tab.locator(f".st-key-{key}"))
    for _ in range(attempts):
        if switch.is_checked() == on:
            return
        if fold.get_attribute("open") is None:
            fold.locator("summary").click()
        label = tab.locator(f".st-key-{key} label").first
        expect(label).to_be_visible()
        label.click()
        try:
            expect(switch).to_be_checked(checked=on, timeout=5_000)
        except AssertionError:
            wait_idle(tab)
    expect(switch).to_be_checked(checked=on)


def test_on_a_phone_the_timeline_axis_labels_stay_apart_with_ids_only_off(app_server, plan_workbook, browser):
    """A phone opens the Timeline with 'IDs only' on; turned off, the rows' full labels leave the bars about 80 px,
    where the twelve quarter labels lay on top of one another. Each label of the axis and each milestone name now
    keeps clear of the others, with the toggle on and off."""
    server = app_server(plan_workbook)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, user_agent=PHONE_USER_AGENT, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    open_page(tab, server, "timeline", "as_of=2023-06-01")
    expect(tab.locator(".st-key-timeline_ids_only input")).to_be_checked()  # a phone opens with IDs only
    for on in (True, False):
        switch_to(tab, "timeline_ids_only", on=on)
        wait_idle(tab)
        # The chart drawn for this state: rows cut to COMPACT_HEADING_LENGTH characters with IDs only, whole without.
        longest = "Math.max(...[...document.querySelectorAll('.js-plotly-plot .ytick text')].map((t) => t.textContent.length))"
        tab.wait_for_function(f"{longest} {'<=' if on else '>'} {COMPACT_HEADING_LENGTH}", timeout=30_000)
        wait_for_bars(tab, 42)
        for marks in (".xtick text", ".annotation-text"):
            boxes = tab.locator(f".js-plotly-plot {marks}").evaluate_all(
                "(texts) => texts.map((t) => t.getBoundingClientRect())"
                ".map((b) => [b.left, b.top, b.right, b.bottom]).filter((b) => b[2] > b[0])"
            )
            assert len(boxes) >= 2, (marks, boxes)
            for index, (left, top, right, bottom) in enumerate(boxes):
                for other in boxes[index + 1 :]:
                    apart = (
                        right <= other[0] + LEADING
                        or other[2] <= left + LEADING
                        or bottom <= other[1] + LEADING
                        or other[3] <= top + LEADING
                    )
                    assert apart, (on, marks, (left, top, right, bottom), other)
    context.close()


def test_each_page_title_starts_at_the_top_of_its_column(app_server, plan_workbook, page):
    """The scripts the frame draws take no room: an element holding one still took the column's gap (16 px) above
    every page's title. In English (one script) and Russian (two)."""
    server = app_server(plan_workbook)
    for path in PAGES:
        for lang in ("en", "ru"):
            open_page(page, server, path, f"lang={lang}")
            title, column = page.locator("[data-testid='stMain'] h1").first.evaluate(
                "(h) => { const block = h.closest(\"[data-testid='stMainBlockContainer']\");"
                " const padding = parseFloat(getComputedStyle(block).paddingTop);"
                " return [h.closest(\"[data-testid='stElementContainer']\").getBoundingClientRect().top,"
                " block.getBoundingClientRect().top + padding]; }"
            )
            assert title == column, (path, lang, title, column)


def test_the_overview_draws_its_status_bars_without_plotly(app_server, plan_workbook, page):
    """The Overview's bars by year and by domain are HTML: no Plotly chart on its first screen (the 4.7 MB part of
    the front end that draws one more than doubled its time to be drawn), each segment named with its count."""
    server = app_server(plan_workbook)
    open_page(page, server, "", "as_of=2022-06-01")
    by_domain = page.get_by_role("group", name="By domain")
    expect(by_domain).to_contain_text("Culture")
    expect(by_domain.locator("[title='Culture · Scheduled now: 4']")).to_have_count(1)
    expect(page.get_by_role("group", name="By plan year").locator("[title='2023 · Upcoming: 14']")).to_have_count(1)
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(0)
    assert_no_exception(page)
