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
