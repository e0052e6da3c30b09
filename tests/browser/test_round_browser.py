"""In a real browser: an editor starts a reporting round, uploads two returned forms at once, takes them, and sees
"2 of 5 forms returned" with a reminder for a lead still missing."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import openpyxl
from playwright.sync_api import expect
from support import assert_no_exception, open_page, wait_idle

from actionplan.keeping import access
from actionplan.keeping.store import Store
from actionplan.rounds import records

PASSWORD = "browser test password"
SHOTS = os.environ.get("ROUND_SCREENSHOTS")  # a folder to keep screenshots in, when looking at the tab by hand


def _filled(content: bytes, status: str, notes: str) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    sheet["F5"], sheet["G5"], sheet["H5"], sheet["I5"] = status, 60, date(2027, 9, 1), notes
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_two_returns_are_taken_and_the_round_shows_who_is_missing(app_server, plan_workbook, page, tmp_path):
    server = app_server(
        plan_workbook,
        {
            access.PASSWORD_HASH_ENV: access.hash_password(PASSWORD),
            "STREAMLIT_SECRETS_FILES": str(tmp_path / "no-secrets.toml"),
        },
    )
    open_page(page, server)
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Data").click()
    wait_idle(page)
    page.get_by_role("tab", name="Edit").click()
    page.get_by_role("textbox", name="Your name").fill("Browser Editor")
    page.get_by_role("textbox", name="Editor password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)
    page.get_by_role("tab", name="Reporting round").click()
    expect(page.get_by_text("Only 3 of 42 activities name a National lead")).to_be_visible()
    page.get_by_role("textbox", name="Name of the round").fill("Before GC 44")
    page.get_by_role("button", name="Start the round").click()
    wait_idle(page)
    expect(page.get_by_text("0 of 5 forms returned")).to_be_visible()

    store = Store.beside(plan_workbook)
    round_ = records.rounds(store, plan_workbook.name)[0]
    from actionplan.rounds import issue

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
    expect(page.get_by_text("2 of 5 forms returned")).to_be_visible()
    expect(page.get_by_text("Taken: form 2 from Ministry of Culture of Turkmenistan")).to_be_visible()
    page.get_by_text("International University of Humanity and Development").first.click()
    expect(page.get_by_text("Dear colleagues at International University").first).to_be_visible()
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "round-taken.png"), full_page=True)
    sheet = openpyxl.load_workbook(plan_workbook)["Activities"]
    statuses = {row[0].value: row[13].value for row in sheet.iter_rows(min_row=2)}
    assert sorted(value for value in statuses.values() if value) == ["Completed", "In progress"]
    assert_no_exception(page)
