"""In a real browser: a Status picked in the Data page's grid is saved with a check-in, and that activity's detail
lists it in its history (progress over time)."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect
from support import assert_no_exception, editor_env, open_editor, open_grid_cell_editor, open_page, wait_idle

from actionplan import load_plan, words

EVENT_TO_STATUS = 10  # cells from Event to Status: Terms, Start, End, Domain, Convention, Programme, ... Status


def test_a_status_picked_in_the_grid_shows_in_the_activity_history(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_editor(page, server)

    # Glide data grid: the Event cell of the first row (2021-01), then along its row to Status, whose editor is
    # the drop-down of the Lists sheet's statuses. Arrow keys pressed while the grid scrolls sideways can be lost,
    # so the walk is tried again until the drop-down that opens is the Status one (it offers "In progress").
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    choice = page.locator("#portal input[role='combobox']")  # the drop-down's search box
    for attempt in range(3):
        open_grid_cell_editor(page, canvas, x=420, y=52)
        page.keyboard.press("Escape")  # the cell stays selected; its text editor closes unchanged
        page.wait_for_timeout(300)
        for _ in range(EVENT_TO_STATUS):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(60)
        page.keyboard.press("Enter")
        try:
            expect(page.locator("#portal").get_by_text("In progress")).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            wait_idle(page)
    expect(choice).to_be_visible()
    choice.type("Completed")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("1 change to save")).to_be_visible()
    expect(page.get_by_text("Saving also adds 1 dated report to the Updates sheet")).to_be_visible()

    page.get_by_role("button", name="Save").click()
    wait_idle(page)
    expect(page.get_by_text("Saved 1 change")).to_be_visible()
    plan = load_plan(plan_workbook)
    assert plan.activities.set_index("ID").loc["2021-01", "Status"] == "Completed"
    assert plan.checkins[["Activity ID", "Status", "Source"]].values.tolist() == [
        ["2021-01", "Completed", "Browser Editor"]
    ]

    open_page(page, server, "activities", "id=2021-01")
    said = f"Completed — as reported by Browser Editor on {words.day(date.today())}"
    expect(page.get_by_text(said)).to_be_visible()
    assert_no_exception(page)
