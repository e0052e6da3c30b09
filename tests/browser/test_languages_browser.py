"""The language in a real browser: the browser's language as the default (with a clean link), the picker, and the
choice kept in the URL when the reader moves to another page with the navigation and reloads."""

from support import assert_no_exception, open_page, wait_idle


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
