"""In a real browser: two editors who opened the same version and changed different cells both save, and the
workbook holds both changes."""

from __future__ import annotations

from playwright.sync_api import expect
from support import assert_no_exception, editor_env, open_editor, open_grid_cell_editor, wait_idle

from actionplan import load_plan
from actionplan.keeping import audit

FIRST_ROW_Y, SECOND_ROW_Y = 52, 87  # centres of the first two rows of the grid, below its header
EVENT_X = 420


def type_event(page, y: int, text: str) -> None:
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    editor = open_grid_cell_editor(page, canvas, x=EVENT_X, y=y)
    editor.fill(text)
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("1 change to save")).to_be_visible()


def test_two_editors_changing_different_cells_both_save(app_server, plan_workbook, browser, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    other_context = browser.new_context(viewport={"width": 1440, "height": 1000})
    other = other_context.new_page()
    try:
        open_editor(page, server, "Aman")
        open_editor(other, server, "Maya")  # both have opened the same version
        type_event(page, FIRST_ROW_Y, "Aman's event")
        type_event(other, SECOND_ROW_Y, "Maya's event")

        page.get_by_role("button", name="Save").click()
        wait_idle(page)
        expect(page.get_by_text("Saved 1 change")).to_be_visible()

        other.get_by_role("button", name="Save").click()
        wait_idle(other)
        expect(other.get_by_text("merged with 1 change saved by someone else")).to_be_visible()
        events = load_plan(plan_workbook).activities.set_index("ID")["Event"]
        assert events.iloc[0] == "Aman's event" and events.iloc[1] == "Maya's event"
        assert [record.who for record in audit.read_records(plan_workbook)] == ["Maya", "Aman"]
        assert audit.read_records(plan_workbook)[0].merged
        assert_no_exception(other)
    finally:
        other_context.close()


def test_a_cell_both_changed_is_settled_by_choosing(app_server, plan_workbook, browser, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    other_context = browser.new_context(viewport={"width": 1440, "height": 1000})
    other = other_context.new_page()
    try:
        open_editor(page, server, "Aman")
        open_editor(other, server, "Maya")
        type_event(page, FIRST_ROW_Y, "Aman's event")
        type_event(other, FIRST_ROW_Y, "Maya's event")
        page.get_by_role("button", name="Save").click()
        wait_idle(page)
        expect(page.get_by_text("Saved 1 change")).to_be_visible()
        saved = plan_workbook.read_bytes()

        other.get_by_role("button", name="Save").click()
        wait_idle(other)
        expect(other.get_by_text("1 cell changed by both of you")).to_be_visible()
        choice = other.locator(".st-key-merge_cell_0")
        expect(choice).to_contain_text("Aman's event")  # theirs, as it is on disk now
        expect(choice).to_contain_text("Maya's event")
        assert plan_workbook.read_bytes() == saved  # nothing saved until chosen
        expect(other.get_by_role("button", name="Save with my choices")).to_be_disabled()
        choice.locator("[data-testid='stRadio'] label").filter(has_text="Mine").click()
        wait_idle(other)
        other.screenshot(path=str(tmp_path.parent / "chooser.png"), full_page=True)
        other.get_by_role("button", name="Save with my choices").click()
        wait_idle(other)
        expect(other.get_by_text("Saved 1 change")).to_be_visible()
        assert load_plan(plan_workbook).activities["Event"].iloc[0] == "Maya's event"
        assert_no_exception(other)
    finally:
        other_context.close()
