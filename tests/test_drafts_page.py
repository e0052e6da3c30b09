"""Drafts on the Data page (AppTest): typed edits come back after a page switch, after a new session and signing
in again (keep or drop), and a discard asks first and can be undone once."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan.keeping import access, drafts
from actionplan.keeping.store import Store

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"
EDIT = {"edited_rows": {"0": {"Notes": "Typed, not saved"}}, "added_rows": [], "deleted_rows": []}


@pytest.fixture(scope="module")
def password_hash() -> str:
    return access.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def no_password_from_the_environment(monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)


def signed_in(workbook: Path, use_workbook, password_hash: str, name: str = "Aman Orazov") -> AppTest:
    use_workbook(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["editors"] = {"password_hash": password_hash}
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    at.text_input(key="signin_name").set_value(name)
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert not at.exception, at.exception
    return at


def pending(at: AppTest) -> set[tuple[str, str, str]]:
    previews = [frame.value for frame in at.dataframe if "Old" in frame.value.columns]
    if not previews:
        return set()
    return set(zip(previews[0]["ID"], previews[0]["Column"], previews[0]["New"]))


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "success", "warning", "error")
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at, kind))


def test_an_edit_comes_back_after_a_page_switch(plan_workbook, use_workbook, password_hash):
    at = signed_in(plan_workbook, use_workbook, password_hash)
    at.session_state["edit_activities"] = EDIT
    at.run()
    assert pending(at) == {("2021-01", "Notes", "Typed, not saved")}
    [kept] = Store.beside(plan_workbook).drafts(plan_workbook.name)
    assert kept.editor == "Aman Orazov" and kept.base_sha256
    at.switch_page("pages/timeline.py")
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception, at.exception
    assert pending(at) == {("2021-01", "Notes", "Typed, not saved")}
    assert "1 unsaved change from" in texts(at)


def test_a_new_session_is_offered_the_draft_to_keep_or_drop(plan_workbook, use_workbook, password_hash):
    first = signed_in(plan_workbook, use_workbook, password_hash)
    first.session_state["edit_activities"] = EDIT
    first.run()
    # A reload is a new session, and signs the editor out: they sign in again.
    again = signed_in(plan_workbook, use_workbook, password_hash)
    assert "You have 1 unsaved change from" in texts(again)
    assert len(again.data_editor) == 0  # no table to type over the draft until they choose
    again.button(key="draft_keep").click()
    again.run()
    assert pending(again) == {("2021-01", "Notes", "Typed, not saved")}
    # Someone else signed in on the same workbook has no draft offered.
    other = signed_in(plan_workbook, use_workbook, password_hash, name="Maya")
    assert "unsaved change" not in texts(other) and len(other.data_editor) == 2


def test_discarding_asks_first_and_can_be_undone_once(plan_workbook, use_workbook, password_hash):
    at = signed_in(plan_workbook, use_workbook, password_hash)
    at.session_state["edit_activities"] = EDIT
    at.run()
    store = Store.beside(plan_workbook)
    assert drafts.live(store, plan_workbook.name, "Aman Orazov") is not None
    at.button(key="edit_discard_confirm").click()  # the button inside "Discard changes…"
    at.run()
    assert pending(at) == set()
    assert drafts.live(store, plan_workbook.name, "Aman Orazov") is None
    assert "Discarded 1 change." in texts(at)
    at.button(key="draft_undo").click()
    at.run()
    assert not at.exception, at.exception
    assert pending(at) == {("2021-01", "Notes", "Typed, not saved")}
    assert not any(button.key == "draft_undo" for button in at.button)  # once only
