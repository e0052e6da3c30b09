"""In a real browser: the dashboard follows the workbook on disk without a click (and keeps the last good data
through a half-written save), and an edit typed into the Data page's grid is saved and shows on the Timeline."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect
from support import (
    assert_no_exception,
    editor_env,
    go_to,
    open_editor,
    open_grid_cell_editor,
    open_page,
    sign_in,
    wait_idle,
)

from actionplan import load_plan
from actionplan.keeping import audit, backups

# The product promise: a save shows on every open page within 5 seconds (the watcher looks every 2 s).
LIVE_REFRESH_MS = 5_000
SIDEBAR = "[data-testid='stSidebar']"
CHART = "[data-testid='stPlotlyChart']"


def chart_with(page, text: str):
    """The chart drawing this text (while Streamlit redraws, the old chart may briefly stand beside the new one)."""
    return page.locator(CHART).filter(has_text=text).first


def rewrite(make_workbook, workbook: Path, event: str) -> None:
    """Save a new version over the workbook in one step, as Excel's save-and-rename does."""

    def change(activities, steps, milestones, lists):
        activities[0]["Event"] = event

    new = make_workbook(name="next-version.xlsx", edit=change)
    os.replace(new, workbook)


def test_open_pages_follow_the_workbook_and_keep_the_last_good_data(app_server, plan_workbook, make_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server)
    go_to(page, "Timeline")
    expect(chart_with(page, "2021-01 · ")).to_be_visible()
    expect(page.locator(CHART).filter(has_text="Live refresh check")).to_have_count(0)

    rewrite(make_workbook, plan_workbook, "Live refresh check")
    expect(chart_with(page, "Live refresh check")).to_be_visible(timeout=LIVE_REFRESH_MS)
    expect(page.locator(SIDEBAR)).to_contain_text("Updated at", timeout=LIVE_REFRESH_MS)

    # Excel has written half the file: the page warns and keeps drawing the last good version.
    good = plan_workbook.read_bytes()
    plan_workbook.write_bytes(good[: len(good) // 2])
    warning = page.locator("[data-testid='stAlert']").filter(has_text="last good version")
    expect(warning).to_be_visible(timeout=LIVE_REFRESH_MS)
    wait_idle(page)
    expect(chart_with(page, "Live refresh check")).to_be_visible()

    # The save completes: the warning goes and the new data shows.
    rewrite(make_workbook, plan_workbook, "Saved again after the damage")
    expect(chart_with(page, "Saved again after the damage")).to_be_visible(timeout=LIVE_REFRESH_MS)
    wait_idle(page)
    expect(warning).to_have_count(0)
    assert_no_exception(page)


def test_an_edit_typed_in_the_grid_is_saved_and_shows_on_the_timeline(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_editor(page, server)  # the root first, so app.py frames the page and watches the file; then Data

    # Glide data grid: select the Event cell of the first row, Enter opens its editor, Enter again commits.
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    # Right of the fixed-width Row, ID, Year and No. columns; below the header.
    editor = open_grid_cell_editor(page, canvas, x=420, y=52)
    editor.fill("Edited in the browser grid")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("1 change to save")).to_be_visible()

    page.get_by_role("button", name="Save").click()
    wait_idle(page)
    expect(page.get_by_text("Saved 1 change")).to_be_visible()
    activity = load_plan(plan_workbook).activities.set_index("ID").loc["2021-01"]
    assert activity["Event"] == "Edited in the browser grid"
    assert len(backups.list_backups(plan_workbook)) == 1
    assert audit.read_records(plan_workbook)[0].who == "Browser Editor"

    go_to(page, "Timeline")
    expect(chart_with(page, "Edited in the browser grid")).to_be_visible()
    assert_no_exception(page)


def test_signing_in_on_a_deep_link_to_data_stays_on_the_edit_tab(app_server, plan_workbook, page, tmp_path):
    # The first request after the server starts is /data itself (a bookmark, a restart): the page draws the frame
    # itself. Signing in reruns it through app.py; the Edit tab the editor chose must still be the one showing.
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_page(page, server, "data")
    sign_in(page)
    expect(page.get_by_role("tab", name="Edit", exact=True)).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="Change log").click()
    page.get_by_role("button", name="Reload").click()  # any rerun keeps the tab chosen
    wait_idle(page)
    expect(page.get_by_role("tab", name="Change log")).to_have_attribute("aria-selected", "true")
    assert_no_exception(page)
