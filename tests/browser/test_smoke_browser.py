"""The app starts under `streamlit run` and its first page draws without an exception."""

from support import assert_no_exception, open_page


def test_overview_opens(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server)
    assert_no_exception(page)
    assert page.locator("[data-testid='stSidebarNav']").count() == 1
    assert "plan.xlsx" in page.locator("[data-testid='stSidebar']").inner_text()
