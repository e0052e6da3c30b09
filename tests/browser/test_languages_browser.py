"""The language in a real browser: the browser's language as the default (with a clean link), the picker, and the
choice kept in the URL when the reader moves to another page with the navigation and reloads."""

from playwright.sync_api import expect
from support import assert_no_exception, open_page, wait_idle

from actionplan import i18n


def test_the_browser_language_then_the_picker_then_the_navigation(app_server, plan_workbook, browser):
    server = app_server(plan_workbook)
    context = browser.new_context(locale="tk-TM", viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    try:
        open_page(tab, server, "timeline")
        assert_no_exception(tab)
        assert tab.locator("h1").first.inner_text() == "Wagt çyzgysy"  # a Turkmen browser: Turkmen
        assert "lang=" not in tab.url  # chosen by no one: the link stays clean

        tab.locator("[data-testid='stSidebar']").get_by_text("Русский", exact=True).click()
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text() == "График"
        assert tab.url.endswith("/timeline?lang=ru")

        tab.locator("[data-testid='stSidebarNav']").get_by_text("Направления", exact=True).click()
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text() == "Направления"
        assert "/domains?lang=ru" in tab.url

        tab.reload()
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text() == "Направления"
        assert_no_exception(tab)
    finally:
        context.close()


def _shown_choice(tab, label: str) -> str:
    """What a select box shows as its value (Streamlit 1.67 keeps it in the box's input)."""
    box = tab.locator("[data-testid='stMain'] [data-testid='stSelectbox']").filter(has_text=label)
    return box.locator("input").first.input_value()


def test_a_select_box_shows_its_value_in_the_new_language_after_a_switch(app_server, plan_workbook, page):
    """Streamlit keeps the label a select box shows until its value changes: the Timeline's "Show: All years" stayed
    English on a page switched to Russian until the language picker set the worded choices again."""
    with i18n.using("ru"):
        all_years_ru, show_ru = i18n._("All years"), i18n._("Show")
    server = app_server(plan_workbook)
    open_page(page, server, "timeline", "lang=en")
    assert _shown_choice(page, "Show") == "All years"

    page.locator("[data-testid='stSidebar']").get_by_text("Русский", exact=True).click()
    wait_idle(page)
    expect(page.locator("h1").first).to_have_text("График")
    assert _shown_choice(page, show_ru) == all_years_ru
    assert_no_exception(page)
