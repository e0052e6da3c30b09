"""The Data page through AppTest: the validation report for everyone, editing only after sign-in, edits that land
in the workbook with a backup and an audit record, and a save after an outside change merged cell by cell."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from actionplan import load_plan
from actionplan.keeping import access, audit, backups, edits, save, throttle
from components import editor as editor_panel
from components import upload as upload_panel
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]
SAVE = "edit_save"


@pytest.fixture(autouse=True)
def no_password_from_the_environment(monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)


def data_page(workbook: Path, use_workbook, password_hash: str | None = None) -> AppTest:
    use_workbook(workbook)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    # Always given, so that a secrets.toml on this machine is never read by the test.
    at.secrets["editors"] = {"password_hash": password_hash} if password_hash else {}
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="signin_name").set_value(name)
    at.text_input(key="signin_password").set_value(password)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "success", "warning", "error")
    parts = [element.value for kind in kinds for element in getattr(at, kind)]
    return "\n".join(str(part) for part in parts)


def test_viewer_sees_the_findings_and_the_workbook_but_cannot_edit(make_workbook, use_workbook):
    def break_it(activities, steps, milestones, lists):
        activities[1]["ID"] = activities[0]["ID"]  # an error: a duplicate ID
        activities[5]["Terms"] = "sometime soon"  # a warning: terms not understood

    at = data_page(make_workbook(edit=break_it), use_workbook)
    report = next(table.value for table in at.table if "Severity" in table.value.columns)
    assert list(report.columns) == ["Severity", "Sheet", "Row", "Column", "Message", "Hint"]
    duplicate = report[report["Message"].str.contains("already used")].iloc[0]
    assert "Error" in duplicate["Severity"] and duplicate["Sheet"] == "Activities" and duplicate["Row"] == "3"
    assert duplicate["Column"] == "ID" and duplicate["Hint"]
    terms = report[report["Message"].str.contains("sometime soon")].iloc[0]
    assert "Warning" in terms["Severity"] and terms["Row"] == "7" and terms["Column"] == "Terms"
    assert "Error" in report["Severity"].iloc[0] and "Warning" in report["Severity"].iloc[-1]  # errors first
    shown = texts(at)
    assert "plan.xlsx" in shown and "cannot be used" in shown
    assert all(label in shown for label in ("Size", "Last saved", "Last loaded", "1 error · "))
    assert "Editing is off" in shown and "python -m actionplan set-password" in shown
    assert len(at.data_editor) == 0
    assert not any(b.label == "Sign in" for b in at.button)


def test_wrong_password_is_refused(plan_workbook, use_workbook, password_hash):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Wrong Guesser", "not the password")
    assert any("Wrong password" in e.value for e in at.error)
    assert len(at.data_editor) == 0
    assert at.text_input(key="signin_password").value == ""


def test_an_edit_lands_in_the_workbook_with_a_backup_and_an_audit_record(plan_workbook, use_workbook, password_hash):
    original = plan_workbook.read_bytes()
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    assert {editor.key for editor in at.data_editor} == {"edit_activities", "edit_steps", "edit_messages"}
    assert all(editor.editing_mode == "dynamic" for editor in at.data_editor)
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Completed", "Progress %": 100, "Notes": "=SUM(1,2)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    preview = next(frame.value for frame in at.dataframe if "Old" in frame.value.columns)
    assert set(zip(preview["Row"], preview["ID"], preview["Column"], preview["New"])) == {
        ("2", "2021-01", "Status", "Completed"),
        ("2", "2021-01", "Progress %", "100"),
        ("2", "2021-01", "Notes", "=SUM(1,2)"),
    }
    assert plan_workbook.read_bytes() == original  # nothing is written before Save
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    assert any("Saved 3 changes" in s.value for s in at.success)
    activity = load_plan(plan_workbook).activities.set_index("ID").loc["2021-01"]
    assert (activity["Status"], activity["Progress %"], activity["Notes"]) == ("Completed", 100, "=SUM(1,2)")
    assert load_workbook(plan_workbook)["Activities"]["Q2"].data_type == "s"
    [backup] = backups.list_backups(plan_workbook)
    assert backup.read_bytes() == original
    [record] = audit.read_records(plan_workbook)
    assert record.who == "Aman Orazov"
    assert {(c.column, c.old, c.new) for c in record.changes} == {
        ("Status", None, "Completed"),
        ("Progress %", None, 100),
        ("Notes", None, "=SUM(1,2)"),
    }
    # The editor starts again from the saved version, and the change log shows the save.
    assert len(next(e for e in at.data_editor if e.key == "edit_activities").value) == 42
    log = next(frame.value for frame in at.dataframe if "Who" in frame.value.columns)
    assert log.iloc[0]["Who"] == "Aman Orazov"


def test_an_edit_with_an_error_cannot_be_saved(plan_workbook, use_workbook, password_hash):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"1": {"ID": "2021-01"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert any("Save is blocked" in e.value and "already used" in e.value for e in at.error)
    assert at.button(key=SAVE).disabled


def test_a_save_after_an_outside_change_to_other_cells_merges(
    plan_workbook, use_workbook, password_hash, make_workbook
):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Completed"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    outside = make_workbook(name="excel.xlsx", edit=lambda a, s, m, lists: a[0].update(Notes="typed in Excel"))
    os.replace(outside, plan_workbook)
    at.run()
    assert any("saved by someone else" in w.value and "merged" in w.value for w in at.warning)
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    assert any("merged with 1 change saved by someone else" in s.value for s in at.success)
    activity = load_plan(plan_workbook).activities.set_index("ID").loc["2021-01"]
    assert (activity["Status"], activity["Notes"]) == ("Completed", "typed in Excel")
    assert audit.read_records(plan_workbook)[0].merged


def test_the_same_cell_changed_outside_is_chosen_before_anything_saves(
    plan_workbook, use_workbook, password_hash, make_workbook
):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Notes": "typed in the app", "Status": "Completed"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    outside = make_workbook(name="excel.xlsx", edit=lambda a, s, m, lists: a[0].update(Notes="typed in Excel"))
    os.replace(outside, plan_workbook)
    theirs = hashlib.sha256(plan_workbook.read_bytes()).hexdigest()
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    assert hashlib.sha256(plan_workbook.read_bytes()).hexdigest() == theirs  # nothing saved yet
    assert any("1 cell changed by both of you" in m.value for m in at.markdown)
    assert at.button(key="edit_save_held").disabled  # held in this run already
    at.run()
    assert at.button(key=SAVE).disabled and at.button(key=SAVE).label == "Save with my choices"
    [choice] = [radio for radio in at.radio if str(radio.key).startswith("merge_choice_")]
    choice.set_value("mine")
    at.run()
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    activity = load_plan(plan_workbook).activities.set_index("ID").loc["2021-01"]
    assert (activity["Status"], activity["Notes"]) == ("Completed", "typed in the app")


def test_a_backup_can_be_restored_from_the_page(plan_workbook, use_workbook, password_hash):
    original = plan_workbook.read_bytes()
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Cancelled"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key=SAVE).click()
    at.run()
    assert plan_workbook.read_bytes() != original
    at.button(key="restore_confirm").click()
    at.run()
    assert not at.exception, at.exception
    assert plan_workbook.read_bytes() == original
    assert any("Restored the version" in s.value for s in at.success)
    assert [r.action for r in audit.read_records(plan_workbook)] == ["restore", "edit"]


def test_viewer_cannot_restore_or_upload(plan_workbook, use_workbook, password_hash):
    backups.keep_backup(plan_workbook, plan_workbook.read_bytes())
    at = data_page(plan_workbook, use_workbook, password_hash)
    assert at.button(key="restore_locked").disabled
    assert not any(b.key == "restore_confirm" for b in at.button)
    assert len(at.get("file_uploader")) == 0
    assert any(b.label == "Download this backup" for b in at.get("download_button"))


def test_rows_added_and_deleted_in_the_editor_land_in_the_workbook(plan_workbook, use_workbook, password_hash):
    steps_before = load_plan(plan_workbook).steps
    first = steps_before.sort_values("Row").iloc[0]
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_steps"] = {
        "edited_rows": {},
        "added_rows": [{"Activity ID": "2023-01", "Step": 9, "Description": "Report back to the National Commission"}],
        "deleted_rows": [0],
    }
    at.run()
    preview = next(frame.value for frame in at.dataframe if "Old" in frame.value.columns)
    assert "(row deleted)" in set(preview["New"]) and "Report back to the National Commission" in set(preview["New"])
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    steps = load_plan(plan_workbook).steps
    assert len(steps) == len(steps_before)
    assert first["Description"] not in set(steps[steps["Activity ID"] == first["Activity ID"]]["Description"])
    added = steps[steps["Description"] == "Report back to the National Commission"].iloc[0]
    assert (added["Activity ID"], added["Step"]) == ("2023-01", 9)
    assert {c.action for c in audit.read_records(plan_workbook)[0].changes} == {"add", "delete"}


def test_the_steps_editor_offers_the_activity_ids_as_a_drop_down(make_workbook):
    def orphan_step(activities, steps, milestones, lists):
        steps[0]["Activity ID"] = "2099-01"

    base = edits.open_for_editing(make_workbook(name="orphan.xlsx", edit=orphan_step))
    ids = load_plan(base.path).activities["ID"].tolist()
    assert base.activity_ids() == ids
    config = editor_panel.column_config(base.tables["Steps"], base)
    options = config["Activity ID"]["type_config"]["options"]
    # Every activity, in sheet order, then the unknown ID already typed (kept, so the cell is not blanked).
    assert options == [*ids, "2099-01"]


# ---------------------------------------------------------------------------------------------------------------
# Hardening: what viewers see, save faults, sign-in


def every_text(at: AppTest) -> str:
    """Everything the Data page itself shows as text, tables included (not the frame's sidebar and its warning,
    components/sidebar.py, which the Data page does not draw)."""
    kinds = ("markdown", "caption", "info", "success", "warning", "error")
    parts = [str(element.value) for kind in kinds for element in getattr(at.main, kind)]
    parts = [part for part in parts if "See the Data page for every finding" not in part]
    tables = [frame.value.to_csv() for frame in at.main.dataframe] + [table.value.to_csv() for table in at.main.table]
    return "\n".join(parts + tables)


def test_viewers_see_no_server_paths_and_no_editors_names(plan_workbook, use_workbook, password_hash):
    editor = access.sign_in_with_password("Aman Orazov", PASSWORD, password_hash, access.Throttle())
    table = edits.read_tables(plan_workbook.read_bytes())["Activities"]
    frame = table.frame.copy()
    frame.loc[0, "Status"] = "Completed"
    sha = hashlib.sha256(plan_workbook.read_bytes()).hexdigest()
    save.save_changes(editor, plan_workbook, sha, edits.diff_table(table, frame))
    at = data_page(plan_workbook, use_workbook, password_hash)
    shown = every_text(at)
    folder = str(plan_workbook.parent.resolve())
    assert folder not in shown and "backups/" not in shown and "audit.log" not in shown
    assert "Aman Orazov" not in shown
    log = next(frame.value for frame in at.dataframe if "What" in frame.value.columns)
    assert "Who" not in log.columns and "1 change: 2021-01 Status" in set(log["What"])
    # An editor may see both.
    at = sign_in(at, "Second Editor")
    shown = every_text(at)
    assert folder in shown and "Aman Orazov" in shown


def test_a_missing_workbook_is_named_without_its_folder_for_viewers(tmp_path, use_workbook):
    at = data_page(tmp_path / "gone" / "plan.xlsx", use_workbook)
    shown = every_text(at)
    assert "plan.xlsx" in shown and str(tmp_path) not in shown


def test_a_save_fault_keeps_the_edits_and_says_why(plan_workbook, use_workbook, password_hash, monkeypatch):
    original = plan_workbook.read_bytes()
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Completed"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    real_replace = os.replace

    def full_disk(source, target):
        if Path(target) == plan_workbook:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(source, target)

    with monkeypatch.context() as patched:  # only os.replace is undone after: $PLAN_WORKBOOK stays on tmp_path
        patched.setattr(os, "replace", full_disk)
        at.button(key=SAVE).click()
        at.run()
    assert not at.exception, at.exception
    [error] = [e.value for e in at.error]
    assert "disk is full" in error and "Nothing was changed" in error and "still in the tables" in error
    assert "someone else" not in error
    assert plan_workbook.read_bytes() == original and backups.list_backups(plan_workbook) == []
    # The edit is still there, ready for another Save.
    preview = next(frame.value for frame in at.dataframe if "Old" in frame.value.columns)
    assert list(preview["New"]) == ["Completed"]
    assert not at.button(key=SAVE).disabled
    at.button(key=SAVE).click()
    at.run()
    assert any("Saved 1 change " in s.value for s in at.success)


def test_a_malformed_stored_hash_is_not_called_a_wrong_password(plan_workbook, use_workbook):
    at = sign_in(data_page(plan_workbook, use_workbook, "scrypt$16384$8$1$not-base64$"), "Aman Orazov")
    [error] = [e.value for e in at.error]
    assert "stored password hash is not valid" in error and "python -m actionplan set-password" in error
    assert "Wrong password" not in error


def test_six_wrong_passwords_from_six_fresh_sessions_are_throttled_on_the_page(
    plan_workbook, use_workbook, password_hash, monkeypatch
):
    monkeypatch.setattr(throttle, "wall_clock", lambda: 1_700_000_000.0)  # the six tries come at one moment
    answers = []
    for _ in range(6):
        at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Wrong Guesser", "not the password")
        answers.append(at.error[0].value)
    assert answers[0].startswith("Wrong password")
    assert all(answer.startswith("Too many failed tries") for answer in answers[1:])
    assert (plan_workbook.parent / "actionplan.sqlite3").exists()


class FakeUpload:
    name = "huge.xlsx"
    size = save.MAX_UPLOAD_BYTES + 1

    def getvalue(self) -> bytes:
        raise AssertionError("an oversized upload must not be read")


def test_an_oversized_upload_is_refused_before_its_bytes_are_read():
    refused = upload_panel.upload_bytes(FakeUpload())
    assert isinstance(refused, str) and "larger than 10 MB" in refused


def test_a_backup_is_named_by_its_save_and_compared_before_restoring(plan_workbook, use_workbook, password_hash):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    at.session_state["edit_activities"] = {
        "edited_rows": {"0": {"Status": "Cancelled"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key=SAVE).click()
    at.run()
    [label] = at.selectbox(key="backup_choice").options
    assert label.startswith("saved outside the app (replaced ")
    assert any("would undo 1 change saved in the app" in w.value for w in at.warning)  # in the Restore popover
    at.run()  # settled: the page has followed the new version
    at.toggle(key="backup_compare").set_value(True).run()
    assert not at.exception, at.exception
    diff = next(frame.value for frame in at.dataframe if "After" in frame.value.columns)
    assert list(zip(diff["ID"], diff["Column"], diff["Now"], diff["After"])) == [("2021-01", "Status", "Cancelled", "")]
    undone = next(frame.value for frame in at.dataframe if "Would become" in frame.value.columns)
    assert "Aman Orazov" in undone.iloc[0]["Saved"]


def test_key_messages_are_written_in_the_app_and_open_the_briefing(plan_workbook, use_workbook, password_hash):
    """The Messages sheet is edited like the others; the briefing opens with what was typed, never with its own."""
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman Orazov")
    message = "Thirty years of cooperation: the statement recalls the Creative City designation."
    at.session_state["edit_messages"] = {
        "edited_rows": {},
        "added_rows": [
            {"Session": "42", "Activity ID": "2023-11", "Topic": "30 years", "Message": message, "Owner": "Head"}
        ],
        "deleted_rows": [],
    }
    at.run()
    preview = next(frame.value for frame in at.dataframe if "Old" in frame.value.columns)
    assert message in set(preview["New"])
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    plan = load_plan(plan_workbook)
    assert list(plan.messages["Message"]) == [message] and not plan.errors
    from actionplan import briefing

    pack = briefing.build_briefing(plan, briefing.session_scope(plan, briefing.find_session(plan, "42")))
    assert message in pack.messages["Message"].tolist()
