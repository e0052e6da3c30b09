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


SUMMARY_TABLES = ("by status", "by domain")  # the page's first data grids, in this order


def _scrolls_sideways(tab, table: str) -> tuple[int, int]:
    """The (scrollWidth, clientWidth) of one of the summary's tables: equal when no column is cut."""
    grid = tab.locator("[data-testid='stDataFrame']").nth(SUMMARY_TABLES.index(table))
    grid.scroll_into_view_if_needed()
    tab.wait_for_timeout(300)
    return grid.locator(".dvn-scroller").first.evaluate("(e) => [e.scrollWidth, e.clientWidth]")


def test_summary_tables_show_every_column_whole(app_server, plan_workbook, browser):
    """The summary's tables need no sideways scrolling in any language on a laptop: a fixed share of the row cut
    the by-status table's count column ('Мероприятия') in Russian at 1366 px, and the by-domain table, stretched
    into what the by-status table left, scrolled in Russian and Turkmen ('Со статусом «Завершено»'); it now moves
    under the by-status table when the two do not fit side by side. On a phone the by-status table fits too."""
    server = app_server(plan_workbook)
    for width, height in ((1366, 768), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        for lang in ("en", "ru", "tk"):
            open_page(tab, server, "briefing", f"lang={lang}")
            assert_no_exception(tab)
            for table in SUMMARY_TABLES if width > 1000 else SUMMARY_TABLES[:1]:
                inner, shown = _scrolls_sideways(tab, table)
                assert inner <= shown, (table, lang, width, inner, shown)
        context.close()


def test_every_briefing_tab_shows_on_a_laptop_in_every_language(app_server, plan_workbook, browser):
    """The Briefing's seven tabs did not fit one row in Turkmen at 1366 px: the last hid behind a scroll arrow. They
    now wrap onto a second row where needed, so every tab is in view and the row does not scroll."""
    server = app_server(plan_workbook)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    for lang in ("en", "ru", "tk"):
        open_page(tab, server, "briefing", f"lang={lang}")
        tabs = tab.locator("[data-testid='stMain'] [role='tablist']").first
        tabs.scroll_into_view_if_needed()
        inner, shown = tabs.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
        assert inner <= shown, (lang, inner, shown)
        row = tabs.bounding_box()
        names = tabs.get_by_role("tab")
        assert names.count() == 7
        for index in range(names.count()):
            box = names.nth(index).bounding_box()
            assert row["x"] <= box["x"] and box["x"] + box["width"] <= row["x"] + row["width"] + 1, (lang, index)
    context.close()
