"""In a real browser: uploading an older workbook first lists the cells it would undo, before anything is
replaced."""

from __future__ import annotations

import shutil

from playwright.sync_api import expect
from support import assert_no_exception, editor_env, open_editor, open_grid_cell_editor, wait_idle


def test_uploading_an_older_workbook_lists_the_saves_it_would_undo(app_server, plan_workbook, page, tmp_path):
    older = tmp_path / "downloaded-yesterday.xlsx"
    shutil.copy(plan_workbook, older)
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_editor(page, server)
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    editor = open_grid_cell_editor(page, canvas, x=420, y=52)
    editor.fill("Saved in the app today")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Save").click()
    wait_idle(page)
    expect(page.get_by_text("Saved 1 change")).to_be_visible()
    saved = plan_workbook.read_bytes()

    page.get_by_role("tab", name="Upload & backups").click()
    page.locator("[data-testid='stFileUploaderDropzoneInput'][accept*='.xlsx']").set_input_files(str(older))
    wait_idle(page)
    expect(page.get_by_text("Compared with the current workbook")).to_be_visible()
    expect(page.get_by_text("would undo 1 change saved in the app")).to_be_visible()
    assert plan_workbook.read_bytes() == saved  # nothing replaced before the editor confirms
    assert_no_exception(page)
