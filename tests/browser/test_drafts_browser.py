"""In a real browser: an edit typed in the Data page's grid is still pending after visiting the Timeline and
coming back, and after a reload and signing in again."""

from __future__ import annotations

from playwright.sync_api import expect
from support import assert_no_exception, editor_env, go_to, open_grid_cell_editor, open_page, sign_in, wait_idle


def test_a_typed_edit_survives_a_page_switch_and_a_reload(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    original = plan_workbook.read_bytes()
    open_page(page, server)
    go_to(page, "Data")
    sign_in(page, "Browser Editor")
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    editor = open_grid_cell_editor(page, canvas, x=420, y=52)
    editor.fill("Typed and not yet saved")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("1 change to save")).to_be_visible()

    go_to(page, "Timeline")
    go_to(page, "Data")
    page.get_by_role("tab", name="Edit").click()
    expect(page.get_by_text("1 change to save")).to_be_visible()
    expect(page.get_by_text("is back in the tables")).to_be_visible()  # one change: the singular

    page.reload()  # a new session: the editor is signed out
    wait_idle(page)
    go_to(page, "Data")
    sign_in(page, "Browser Editor")
    expect(page.get_by_text("You have 1 unsaved change from")).to_be_visible()
    page.get_by_role("button", name="Keep my changes").click()
    wait_idle(page)
    expect(page.get_by_text("1 change to save")).to_be_visible()
    assert plan_workbook.read_bytes() == original  # nothing was written along the way
    assert_no_exception(page)
