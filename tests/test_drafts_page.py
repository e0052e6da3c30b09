"""Drafts on the Data page (AppTest): typed edits come back after a page switch, after a new session and signing
in again (keep or drop), and a discard asks first and can be undone once."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from actionplan.keeping import access, drafts
from actionplan.keeping.store import Store
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]
EDIT = {"edited_rows": {"0": {"Notes": "Typed, not saved"}}, "added_rows": [], "deleted_rows": []}


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
    assert "unsaved change" not in texts(other) and len(other.data_editor) == 3  # Activities, Steps, Messages


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


def test_a_draft_on_a_version_since_replaced_is_kept_and_merged(plan_workbook, use_workbook, password_hash):
    from actionplan import load_plan
    from actionplan.keeping import edits, save

    first = signed_in(plan_workbook, use_workbook, password_hash)
    first.session_state["edit_activities"] = EDIT
    first.run()
    # Meanwhile another editor saves a different cell: the draft's version is now a backup.
    opened = edits.open_for_editing(plan_workbook)
    frame = opened.tables["Activities"].frame.copy()
    frame.loc[1, "Status"] = "Completed"
    maya = access.sign_in_with_password("Maya", PASSWORD, password_hash, access.Throttle())
    save.save_changes(maya, plan_workbook, opened.sha256, edits.diff_table(opened.tables["Activities"], frame))

    again = signed_in(plan_workbook, use_workbook, password_hash)
    again.button(key="draft_keep").click()
    again.run()
    assert pending(again) == {("2021-01", "Notes", "Typed, not saved")}
    assert any("saved by someone else" in warning.value for warning in again.warning)
    again.button(key="edit_save").click()
    again.run()
    assert not again.exception, again.exception
    activities = load_plan(plan_workbook).activities.set_index("ID")
    assert activities.loc["2021-01", "Notes"] == "Typed, not saved"
    assert activities.loc["2021-02", "Status"] == "Completed"
    assert drafts.live(Store.beside(plan_workbook), plan_workbook.name, "Aman Orazov") is None


def test_signing_out_and_in_as_someone_else_shows_none_of_the_first_editor_s_draft(
    plan_workbook, use_workbook, password_hash
):
    first = signed_in(plan_workbook, use_workbook, password_hash)
    first.session_state["edit_activities"] = EDIT
    first.run()
    at = signed_in(plan_workbook, use_workbook, password_hash)  # later, in another session: kept and typed in
    at.button(key="draft_keep").click()
    at.run()
    assert pending(at) == {("2021-01", "Notes", "Typed, not saved")}
    at.button(key="signout").click()
    at.run()
    at.text_input(key="signin_name").set_value("Maya")
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert not at.exception, at.exception
    assert pending(at) == set() and "unsaved change" not in texts(at)
    at.button(key="signout").click()
    at.run()
    at.text_input(key="signin_name").set_value("Aman Orazov")
    at.text_input(key="signin_password").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert "You have 1 unsaved change from" in texts(at)  # signing in again: offered, to keep or drop
