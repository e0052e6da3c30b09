"""Accessibility in Chromium (WCAG 2.2 AA): an axe-core scan of every page, in English and Russian, with no violation,
every control reached with the Tab key with its focus visible, the pages reflowing at 320 px, the page's language.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js (no network).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from support import assert_no_exception, editor_env, open_page, sign_in, wait_idle

from actionplan import i18n
from tests.test_checkins import with_checkins

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")

# (url path, query): every page, the Activities page with one activity open, and a date with every kind of status.
PAGES = (
    ("", "as_of=2022-06-01"),
    ("timeline", "as_of=2022-06-01"),
    ("domains", "as_of=2022-06-01"),
    ("conventions", "as_of=2022-06-01"),
    ("activities", ""),
    ("activities", "id=2021-04"),
    ("briefing", ""),
    ("data", ""),
)
LANGUAGES = ("en", "ru")
# Every violation fails, whatever its impact (minor, moderate, serious, critical), except Streamlit's own markup
# that the app cannot change: (axe rule, the element it is excused on), each with why.
STREAMLIT_OWN = {
    # Streamlit's page navigation puts each section's heading (a <div>, "Dashboard", "Work") inside the <ul> of
    # links, and so wraps its <li>s in <div>s: the list and its items are Streamlit's, drawn by st.navigation.
    ("list", "[data-testid='stSidebarNavItems']"),
    ("listitem", "[data-testid='stSidebarNavItems'] li"),
    # (minor) Streamlit's file uploader draws its drop zone as <section role="presentation" tabindex="-1"> with an
    # aria-label (the label we give it): a focusable element marked presentational. The zone's button, which is
    # what the keyboard reaches, is named and works; the section's role and tabindex are Streamlit's, not options.
    ("presentation-role-conflict", "[data-testid='stFileUploaderDropzone']"),
}
CHART_TABLE = "Chart as a table"


def _wait_for_charts(tab) -> None:
    """Plotly draws after Streamlit settles: wait until every chart on the page has drawn its SVG."""
    tab.wait_for_function(
        "Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=30_000,
    )


def _open_chart_tables(tab, lang: str = "en") -> int:
    """Open every "Chart as a table" expander (in `lang`), so that the scan reads the tables too; how many were
    opened."""
    with i18n.using(lang):
        label = i18n._(CHART_TABLE)
    summaries = tab.locator("[data-testid='stExpander'] summary", has_text=label)
    for index in range(summaries.count()):
        summaries.nth(index).click()
    if summaries.count():
        tab.locator("[data-testid='stTable']").last.wait_for(state="visible")
    return summaries.count()


def _ours(tab, violation: dict) -> list[str]:
    """The nodes of a violation that are not Streamlit's own markup excused above (as CSS selectors)."""
    excused = [selector for rule, selector in STREAMLIT_OWN if rule == violation["id"]]
    nodes = []
    for node in violation["nodes"]:
        target = node["target"][-1]
        if excused and tab.evaluate(
            "([target, excused]) => excused.some(s => document.querySelector(target)?.matches(s))", [target, excused]
        ):
            continue
        nodes.append(f"{target}: {node['html'][:160]}")
    return nodes


def _scan(tab, axe, where: str) -> list[str]:
    """axe-core's violations on the page as it is now, Streamlit's own excused; each as one line naming `where`."""
    found = []
    for violation in axe.run(tab).response["violations"]:
        nodes = _ours(tab, violation)
        if nodes:
            found.append(f"{where} {violation['id']} ({violation['impact']}): {violation['help']}: {nodes[:3]}")
    return found


def _scan_each_tab(tab, axe, where: str) -> list[str]:
    """Scan the page once per tab of its tab bar, each tab opened in turn (axe reads only what is shown: a hidden
    tab's headings would go unchecked), or once when it has none."""
    bar = tab.locator("[data-testid='stMain'] [data-testid='stTabs']")
    if not bar.count():
        return _scan(tab, axe, where)
    names = [name.inner_text() for name in bar.first.get_by_role("tablist").first.get_by_role("tab").all()]
    found = []
    for name in names:
        bar.first.get_by_role("tab", name=name, exact=True).first.click()
        wait_idle(tab)
        found += _scan(tab, axe, f"{where} [{name}]")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_has_an_axe_violation(app_server, plan_workbook, page, tmp_path, lang):
    """Every page, each of its tabs, the open activity and the Data page signed in: no violation of any impact."""
    server = app_server(plan_workbook, editor_env(tmp_path))
    axe = axe_playwright.Axe()
    found: list[str] = []
    tables = 0
    for path, query in PAGES:
        open_page(page, server, path, "&".join(part for part in (query, f"lang={lang}") if part))
        assert_no_exception(page)
        _wait_for_charts(page)
        tables += _open_chart_tables(page, lang)
        found += _scan_each_tab(page, axe, f"/{path}?{query}&lang={lang}")
    assert tables == 7  # Overview 2, Timeline 1, Domains 3, Conventions 1: each chart's words were scanned too
    open_page(page, server, "data", f"lang={lang}")
    sign_in(page, lang=lang)  # the editor's panels: the editor, upload, import, the reporting round
    assert_no_exception(page)
    found += _scan_each_tab(page, axe, f"/data?lang={lang} (signed in)")
    assert not found, "\n".join(found)


FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const keyed = element.closest('[class*="st-key-"]');
  return {
    key: keyed ? Array.from(keyed.classList).find(name => name.startsWith('st-key-')).slice(7) : '',
    name: element.getAttribute('aria-label') || element.innerText || element.tagName,
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    sidebar: !!element.closest('[data-testid=stSidebar]'),
  };
}"""
SIDEBAR_FILTERS = {
    "filter_year",
    "filter_domain",
    "filter_instrument",
    "filter_status",
    "filter_text",
    "filter_as_of",
    "filter_jump",
    "filter_reset",
}
TIMELINE_CONTROLS = {"timeline_colour", "timeline_group", "timeline_zoom", "timeline_steps", "timeline_ids_only"}


def test_every_filter_and_timeline_control_is_reached_by_tab_with_a_visible_focus(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server, "timeline", "year=2022")
    _wait_for_charts(page)
    reached: dict[str, bool] = {}
    names: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        names.append(f"{focused['key'] or '-'}:{focused['name'][:30]}")
        if focused["key"]:
            reached[focused["key"]] = reached.get(focused["key"], True) and focused["visible"]
        if focused["key"] == "gantt":
            break
    missing = (SIDEBAR_FILTERS | TIMELINE_CONTROLS) - set(reached)
    assert not missing, f"not reached by Tab: {sorted(missing)}; the order was {names}"
    hidden = [key for key, visible in reached.items() if not visible]
    assert not hidden, f"focus not visible on {hidden}"
    # The sidebar's filters come before the page's own controls, in the order they are drawn.
    order = [name.split(":")[0] for name in names]
    assert order.index("filter_year") < order.index("filter_reset") < order.index("timeline_colour")


def test_a_keyboard_user_opens_a_chart_table_and_changes_a_control(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server, "timeline", "as_of=2022-06-01")
    _wait_for_charts(page)
    summary = page.locator("[data-testid='stExpander'] summary", has_text=CHART_TABLE)
    summary.focus()
    page.keyboard.press("Enter")
    table = page.locator("[data-testid='stTable']")
    table.wait_for(state="visible")
    assert "2021-04" in table.inner_text()
    ids_only = page.locator(".st-key-timeline_ids_only input")
    # A key pressed while the page is still settling after the expander opened can be lost (seen once in CI): the
    # toggle is pressed again from the keyboard only while it is still off, so it is never switched back.
    for attempt in range(3):
        if not ids_only.is_checked():
            ids_only.focus()
            page.keyboard.press("Space")
        try:
            page.wait_for_function(
                "document.querySelector('.st-key-timeline_ids_only input').checked "
                "&& document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'",
                timeout=10_000,
            )
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    assert_no_exception(page)


SEGMENT_STATE = """(key) => {
  const options = Array.from(document.querySelectorAll(`.st-key-${key} [role=radio]`));
  return {
    checked: options.map(option => option.getAttribute('aria-checked') === 'true'),
    focused: options.indexOf(document.activeElement),
    idle: document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning',
  };
}"""


def test_the_first_key_press_after_a_restart_chooses_and_keeps_the_focus(app_server, plan_workbook, page):
    """The first page opened on a fresh server ran outside app.py's navigation, and every widget was drawn anew at
    the next run: the first choice made on it (here Colour by: Status, with the keyboard) was undone and the focus
    dropped to the page. frame.require now runs such a page inside the frame, under the hash of every later run."""
    server = app_server(plan_workbook)
    open_page(page, server, "timeline")  # the first page this server draws
    _wait_for_charts(page)
    assert page.evaluate(SEGMENT_STATE, "timeline_colour")["checked"] == [True, False]
    page.locator(".st-key-timeline_colour [role=radio]").first.focus()
    page.keyboard.press("ArrowRight")  # Streamlit's segmented control: the arrows move the focus, Space chooses
    assert page.evaluate(SEGMENT_STATE, "timeline_colour")["focused"] == 1
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('.st-key-timeline_colour [role=radio][aria-checked=true]')?.innerText.trim() "
        "=== 'Status'",
        timeout=10_000,
    )
    wait_idle(page)
    page.wait_for_timeout(1_000)  # the undoing came with the run the choice started: give it time to show
    wait_idle(page)
    state = page.evaluate(SEGMENT_STATE, "timeline_colour")
    assert state["checked"] == [False, True], "the first choice was undone"
    assert state["focused"] == 1, "the focus left the control after the rerun"
    assert "Status as of the date:" in page.locator("[data-testid='stMain']").inner_text()  # the page followed
    assert_no_exception(page)


FOCUSED_KEY = """() => {
  const keyed = document.activeElement.closest('[class*="st-key-"]');
  return keyed ? Array.from(keyed.classList).find(name => name.startsWith('st-key-')).slice(7) : document.activeElement.tagName;
}"""


def test_the_focus_stays_on_a_filter_and_on_reset_after_the_page_reruns(app_server, plan_workbook, page):
    """A filter chosen from the keyboard keeps the focus through the rerun it starts; so does Reset filters, which
    was disabled by its own press and dropped the focus to the start of the page."""
    server = app_server(plan_workbook)
    open_page(page, server, "timeline")
    page.locator(".st-key-filter_year input").focus()
    page.keyboard.type("2022")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2022'", timeout=15_000)
    wait_idle(page)
    assert page.evaluate(FOCUSED_KEY) == "filter_year"
    page.keyboard.press("Escape")  # close the list of years
    page.locator(".st-key-filter_reset button").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('year')", timeout=15_000)
    wait_idle(page)
    page.wait_for_timeout(500)
    assert page.evaluate(FOCUSED_KEY) == "filter_reset"
    assert page.locator(".st-key-filter_year [data-baseweb='tag']").count() == 0
    assert_no_exception(page)


IN_SIDEBAR = "() => !!document.activeElement.closest('[data-testid=stSidebar]')"


def test_a_closed_sidebar_is_out_of_the_tab_order_and_opening_it_takes_the_focus_in(app_server, plan_workbook, browser):
    """On a phone the sidebar starts closed, slid off the screen: its links and filters were still reached by Tab,
    with the focus out of sight. Opening it from the keyboard took the focus to the start of the page; now into it."""
    server = app_server(plan_workbook)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        open_page(tab, server, "timeline")
        for _ in range(8):  # past the skip link and the header, into the page
            tab.keyboard.press("Tab")
            assert not tab.evaluate(IN_SIDEBAR), "a control of the closed sidebar took the focus"
        tab.locator("[data-testid='stExpandSidebarButton']").focus()
        tab.keyboard.press("Enter")
        tab.wait_for_function(IN_SIDEBAR, timeout=5_000)
        tab.keyboard.press("Tab")
        assert tab.evaluate(IN_SIDEBAR)  # on into the sidebar's navigation
        tab.locator("[data-testid='stSidebarCollapseButton'] button").focus()
        tab.keyboard.press("Enter")
        tab.wait_for_function(
            "document.activeElement.matches(\"[data-testid='stExpandSidebarButton']\")", timeout=5_000
        )
    finally:
        context.close()


OVERFLOWING_CONTROLS = """() => Array.from(document.querySelectorAll(
    '[data-testid=stMain] button, [data-testid=stMain] input, [data-testid=stMain] a, [data-testid=stMain] [role=radio]'))
  // data grids, tables, tab lists and charts scroll inside themselves by design (WCAG 1.4.10 allows it for
  // content whose meaning needs two dimensions)
  .filter(e => !e.closest('[data-testid=stDataFrame], [data-testid=stTable], [role=tablist], [data-testid=stPlotlyChart]'))
  .filter(e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.right > window.innerWidth + 1; })
  .map(e => (e.getAttribute('aria-label') || e.innerText || e.tagName).slice(0, 40))"""


def test_every_page_reflows_at_320_px(app_server, plan_workbook, browser):
    server = app_server(plan_workbook)
    context = browser.new_context(viewport={"width": 320, "height": 800})
    tab = context.new_page()
    try:
        for path, query in PAGES:
            open_page(tab, server, path, query)
            assert_no_exception(tab)
            width = tab.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert width <= 320, f"/{path}: the page scrolls sideways at 320 px ({width} px wide)"
            assert tab.evaluate(OVERFLOWING_CONTROLS) == [], f"/{path}: controls cut off at 320 px"
    finally:
        context.close()


def test_the_page_says_its_language(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server, "", "lang=ru")
    assert page.evaluate("document.documentElement.lang") == "ru"
    open_page(page, server, "domains", "lang=tk")
    assert page.evaluate("document.documentElement.lang") == "tk"


def test_the_language_picker_is_named_by_its_word_alone_with_its_icon_drawn(app_server, plan_workbook, page):
    """Streamlit names a segmented control's radio group by its label's raw text: with the icon in the label, a screen
    reader heard ":material/translate: Язык". The icon is drawn beside the word, out of the name."""
    server = app_server(plan_workbook)
    for lang in i18n.LANGUAGES:
        open_page(page, server, "", f"lang={lang}")
        with i18n.using(lang):
            word = i18n._("Language")
        expect(page.get_by_role("radiogroup", name=word, exact=True)).to_have_count(1)
        icon = page.locator("[data-testid='stSidebar'] [data-testid='stWidgetLabel'] p", has_text=word).evaluate(
            "(p) => getComputedStyle(p, '::before').content"
        )
        assert "translate" in icon, (lang, icon)


def test_an_icon_written_beside_words_is_not_read_out(app_server, plan_workbook, page):
    """The Data page's ':material/description: Workbook …' line: Streamlit names its icon 'description icon' in
    English; a screen reader no longer reads it (the words beside it say what it is)."""
    server = app_server(plan_workbook)
    open_page(page, server, "data", "lang=ru")
    icons = page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer'] span[role='img']")
    expect(icons.first).to_be_attached()
    expect(page.get_by_role("img", name="description icon")).to_have_count(0)
    assert icons.evaluate_all("(spans) => spans.every((s) => s.getAttribute('aria-hidden') === 'true')")


def test_the_overview_with_reports_has_its_trend_in_html_and_no_axe_violation(app_server, plan_workbook, page):
    """Once anyone has reported, the Overview shows the trend by domain: HTML bars (no Plotly chart on the page),
    a panel per domain, and no axe violation in English or Russian."""
    with_checkins(
        plan_workbook,
        [
            (datetime(2021, 6, 1), "2021-01", "In progress", 40, None, None, "Ministry of Culture"),
            (datetime(2021, 9, 30), "2021-01", "Completed", 100, None, None, "Ministry of Culture"),
            (datetime(2021, 9, 30), "2021-02", "Postponed", None, None, None, "Aman"),
        ],
    )
    server = app_server(plan_workbook)
    axe = axe_playwright.Axe()
    for lang in LANGUAGES:
        open_page(page, server, "", f"as_of=2021-12-01&lang={lang}")
        assert_no_exception(page)
        with i18n.using(lang):
            name = i18n._("Activities by reported status")
        trend = page.locator(f"[data-testid='stHtml'] [role='group'][aria-label='{name}']")
        expect(trend).to_be_visible()
        assert trend.locator("[role='group']").count() == 6  # a panel per domain of the plan
        assert page.locator("[data-testid='stPlotlyChart']").count() == 0
        found = _scan(page, axe, f"/?as_of=2021-12-01&lang={lang}")
        assert not found, "\n".join(found)
