"""In a real browser: an editor starts a reporting round, uploads two returned forms at once, takes them, and sees
"2 of 5 forms returned" with a reminder for a lead still missing."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import openpyxl
from playwright.sync_api import expect
from support import assert_no_exception, editor_env, open_editor, open_page, sign_in, wait_idle

from actionplan.keeping.store import Store
from actionplan.rounds import issue, records

SHOTS = os.environ.get("ROUND_SCREENSHOTS")  # a folder to keep screenshots in, when looking at the tab by hand


def _filled(content: bytes, status: str, notes: str) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    sheet["F5"], sheet["G5"], sheet["H5"], sheet["I5"] = status, 60, date(2027, 9, 1), notes
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_two_returns_are_taken_and_the_round_shows_who_is_missing(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_editor(page, server)
    page.get_by_role("tab", name="Reporting round").click()
    expect(page.get_by_text("Only 3 of 42 activities name a National lead")).to_be_visible()
    page.get_by_role("textbox", name="Name of the round").fill("Before GC 44")
    page.get_by_role("button", name="Start the round").click()
    wait_idle(page)
    expect(page.get_by_text("0 of 5 forms returned")).to_be_visible(timeout=30_000)

    store = Store.beside(plan_workbook)
    round_ = records.rounds(store, plan_workbook.name)[0]
    files: list[Path] = []
    for form, status in zip(records.forms(store, round_.id)[1:3], ("Completed", "In progress")):
        path = tmp_path / form.filename
        path.write_bytes(_filled(issue.rebuild_form(store, round_, form), status, f"News from form {form.number}"))
        files.append(path)
    page.locator("[class*='st-key-round_upload'] [data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [str(path) for path in files]
    )
    wait_idle(page)
    expect(page.get_by_text("form 2, from Ministry of Culture of Turkmenistan")).to_be_visible()
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "round-returns.png"), full_page=True)
    page.get_by_role("button", name="Take 2 returns into the workbook").click()
    wait_idle(page)
    expect(page.get_by_text("2 of 5 forms returned")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Taken: form 2 from Ministry of Culture of Turkmenistan")).to_be_visible()
    page.locator("[data-testid='stExpander'] summary", has_text="International University of Humanity").click()
    expect(page.get_by_text("Dear colleagues at International University").first).to_be_visible()
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "round-taken.png"), full_page=True)
    sheet = openpyxl.load_workbook(plan_workbook)["Activities"]
    statuses = {row[0].value: row[13].value for row in sheet.iter_rows(min_row=2)}
    assert sorted(value for value in statuses.values() if value) == ["Completed", "In progress"]
    assert_no_exception(page)


def test_joint_leads_who_disagree_are_settled_by_choice_in_the_browser(app_server, plan_workbook, page, tmp_path):
    store = Store.beside(plan_workbook)
    issued = issue.start_round(
        store, plan_workbook, name="Before GC 44", due=date(2027, 9, 30), lang="en", started_by="A"
    )
    joint = [(form, content) for form, content in issued.forms if "2023-04" in form.activities]
    files = []
    for (form, content), status in zip(joint, ("Completed", "Postponed")):
        path = tmp_path / form.filename
        path.write_bytes(_filled(content, status, f"From form {form.number}"))
        files.append(str(path))
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_page(page, server, "data")
    sign_in(page)
    page.get_by_role("tab", name="Reporting round").click()
    page.locator("[class*='st-key-round_upload'] [data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
    wait_idle(page)
    page.get_by_role("button", name="Take 2 returns into the workbook").click()
    wait_idle(page)
    expect(page.get_by_text("1 of 5 forms returned")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Changed by the lead and in the workbook since the form was issued").first).to_be_visible()
    groups = page.locator("[class*='st-key-round_cell_']")
    expect(groups).to_have_count(2)  # Status and Notes: the two leads reported both differently
    for number in range(2):
        choice = groups.nth(number).get_by_role("radio", name="Reported by the lead")
        choice.check(force=True)
        wait_idle(page)
        expect(choice).to_be_checked()
    page.get_by_role("button", name="Take 1 return into the workbook").click()
    wait_idle(page)
    expect(page.get_by_text("2 of 5 forms returned")).to_be_visible(timeout=30_000)
    cells = {
        row[0].value: (row[13].value, row[16].value)
        for row in openpyxl.load_workbook(plan_workbook)["Activities"].iter_rows(min_row=2)
    }
    assert cells["2023-04"] == ("Postponed", "From form 4")
    assert_no_exception(page)
