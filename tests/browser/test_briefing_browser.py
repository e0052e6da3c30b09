"""The Briefing page in Chromium: the Word button, clicked, downloads a Word document written on demand."""

import zipfile

from docx import Document
from support import assert_no_exception, open_page, wait_idle


def test_word_download_is_written_when_clicked(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook)
    open_page(page, server, "briefing")
    assert_no_exception(page)
    assert "43rd session of the UNESCO General Conference" in page.locator("[data-testid='stMain']").inner_text()
    page.wait_for_timeout(2500)  # past one beat of the workbook watcher: the button still works after it
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Word pack (.docx)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".docx" and saved.name.startswith("briefing-")
    assert zipfile.is_zipfile(saved)
    assert Document(str(saved)).paragraphs[0].text == "Briefing pack"


def test_by_status_table_shows_every_column_whole(app_server, plan_workbook, browser):
    """The summary's by-status table needs no sideways scrolling in any language, on a laptop or a phone: a fixed
    share of the row cut its count column ('Мероприятия') in Russian at 1366 px."""
    server = app_server(plan_workbook)
    for width, height in ((1366, 768), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        for lang in ("en", "ru", "tk"):
            open_page(tab, server, "briefing", f"lang={lang}")
            assert_no_exception(tab)
            grid = tab.locator("[data-testid='stDataFrame']").first
            grid.scroll_into_view_if_needed()
            tab.wait_for_timeout(300)
            scroller = grid.locator(".dvn-scroller").first
            inner, shown = scroller.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
            assert inner <= shown, (lang, width, inner, shown)
        context.close()
