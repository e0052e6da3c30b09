"""Save faults, injected: each gets a message in staff's words, leaves the workbook and its folder exactly as they
were (no backup, temporary file or log line for a save that did not happen), and the change log cannot lose a
change that did happen."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from actionplan.keeping import access, audit, backups, edits, files, lock, save
from tests.conftest import PASSWORD, sha

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def editor(password_hash: str) -> access.Editor:
    return access.sign_in_with_password("Test Editor", PASSWORD, password_hash, access.Throttle())


def status_changes(workbook: Path, status: str) -> list[edits.CellChange]:
    table = edits.read_tables(workbook.read_bytes())["Activities"]
    frame = table.frame.copy()
    frame.loc[0, "Status"] = status
    return edits.diff_table(table, frame)


def folder(workbook: Path) -> dict[str, bytes | None]:
    """Every file and folder beside the workbook, with its bytes."""
    return {
        str(path.relative_to(workbook.parent)): path.read_bytes() if path.is_file() else None
        for path in sorted(workbook.parent.rglob("*"))
    }


@pytest.fixture
def saved_once(plan_workbook: Path, editor: access.Editor) -> Path:
    """A workbook saved once already: its backups folder, audit log and lock file exist."""
    save.save_changes(editor, plan_workbook, sha(plan_workbook), status_changes(plan_workbook, "Planned"))
    return plan_workbook


def fail_on(monkeypatch, name: str, number: int, when=lambda *args: True, module=os) -> None:
    """Make module.name raise OSError(number) when `when(*args)` holds (the call goes through otherwise)."""
    real = getattr(module, name)

    def failing(*args, **kwargs):
        if when(*args):
            raise OSError(number, os.strerror(number))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, failing)


def is_workbook(workbook: Path):
    return lambda *args: Path(args[-1]) == workbook


FAULTS = {
    "disk full at the replace": ("replace", errno.ENOSPC, "disk is full", "workbook"),
    "disk full writing the backup": ("replace", errno.ENOSPC, "disk is full", "backup"),
    "disk full writing the log": ("open", errno.ENOSPC, "disk is full", "log"),
    "read-only folder": ("open", errno.EROFS, "read-only", "lock"),
    "permission denied": ("mkstemp", errno.EACCES, "permission denied", "any"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_save_fault_says_why_and_leaves_the_folder_as_it_was(saved_once, editor, monkeypatch, fault):
    name, number, words, where = FAULTS[fault]
    before = folder(saved_once)
    changes = status_changes(saved_once, "Completed")
    when = {
        "workbook": is_workbook(saved_once),
        "backup": lambda source, target: Path(target).parent == backups.backup_dir(saved_once),
        "log": lambda path, *rest: Path(path) == audit.audit_path(saved_once),
        "lock": lambda path, *rest: str(path).endswith(".lock"),
        "any": lambda *args: True,
    }[where]
    with monkeypatch.context() as patched:
        fail_on(patched, name, number, when, module=tempfile if name == "mkstemp" else os)
        with pytest.raises(save.SaveFailed) as failed:
            save.save_changes(editor, saved_once, sha(saved_once), changes)
    message = str(failed.value)
    assert words in message and "Nothing was changed" in message
    assert "Errno" not in message and "Traceback" not in message
    assert folder(saved_once) == before  # the workbook, its backups, its log: byte for byte as they were
    assert [record.changes[0].new for record in audit.read_records(saved_once)] == ["Planned"]


def test_a_fault_on_the_first_save_leaves_no_backups_folder_and_no_log(plan_workbook, editor, monkeypatch):
    lock.lock_path(plan_workbook).touch()
    before = folder(plan_workbook)
    fail_on(monkeypatch, "replace", errno.ENOSPC, is_workbook(plan_workbook))
    with pytest.raises(save.SaveFailed, match="disk is full"):
        save.save_changes(editor, plan_workbook, sha(plan_workbook), status_changes(plan_workbook, "Completed"))
    assert folder(plan_workbook) == before


def test_the_lock_held_too_long_is_its_own_message(saved_once, editor, monkeypatch):
    monkeypatch.setattr(lock, "LOCK_TIMEOUT_SECONDS", 0.2)
    before = folder(saved_once)
    holder = os.open(lock.lock_path(saved_once), os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another save, stuck
    try:
        with pytest.raises(lock.LockTimeout) as failed:
            save.save_changes(editor, saved_once, sha(saved_once), status_changes(saved_once, "Completed"))
    finally:
        os.close(holder)
    assert "busy" in str(failed.value) and "someone else" not in str(failed.value)
    assert folder(saved_once) == before


def test_a_log_that_cannot_be_completed_after_the_replace_still_reports_the_save(saved_once, editor, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patched:
        patched.setattr(audit, "mark", full)
        saved = save.save_changes(editor, saved_once, sha(saved_once), status_changes(saved_once, "Completed"))
    assert sha(saved_once) == saved.sha256  # the save happened
    [note] = saved.notes
    assert "change log could not be completed" in note and "disk is full" in note
    # Nothing was lost from the log: the record went in before the replace and counts, since the workbook is the
    # version it wrote; the next save confirms it.
    assert [r.changes[0].new for r in audit.read_records(saved_once)] == ["Completed", "Planned"]
    assert [r.state for r in audit.unsettled(saved_once)] == ["pending"]
    save.save_changes(editor, saved_once, sha(saved_once), status_changes(saved_once, "Postponed"))
    assert audit.unsettled(saved_once) == []
    assert [r.changes[0].new for r in audit.read_records(saved_once)] == ["Postponed", "Completed", "Planned"]


def test_a_folder_that_cannot_be_flushed_after_the_replace_is_still_a_save(saved_once, editor, monkeypatch):
    def unflushable(folder: Path) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with monkeypatch.context() as patched:
        patched.setattr(files, "sync_folder", unflushable)
        saved = save.save_changes(editor, saved_once, sha(saved_once), status_changes(saved_once, "Completed"))
    assert sha(saved_once) == saved.sha256
    assert audit.read_records(saved_once)[0].after_sha256 == saved.sha256


CRASHING_SAVE = """
import os, sys
from pathlib import Path
from actionplan.keeping import access, edits, save
workbook = Path(sys.argv[1])
editor = access.sign_in_with_password("Crashing Editor", sys.argv[2], sys.argv[3], access.Throttle())
table = edits.read_tables(workbook.read_bytes())["Activities"]
frame = table.frame.copy()
frame.loc[0, "Status"] = "Cancelled"
real = os.replace
def crash(source, target):
    if Path(target) == workbook:
        os._exit(3)  # the process dies between writing the temporary file and the replace
    real(source, target)
os.replace = crash
import hashlib
save.save_changes(editor, workbook, hashlib.sha256(workbook.read_bytes()).hexdigest(), edits.diff_table(table, frame))
"""


def test_a_crash_between_the_temporary_write_and_the_replace_is_cleared_at_the_next_save(
    saved_once, editor, password_hash
):
    original = saved_once.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_SAVE, str(saved_once), PASSWORD, password_hash],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    # The crash left its temporary file, a backup and a pending log line; the workbook is untouched and the
    # change log does not list a change that never happened.
    assert saved_once.read_bytes() == original
    assert files.leftover_temporaries(saved_once)
    assert len(backups.list_backups(saved_once)) == 2
    assert [r.who for r in audit.unsettled(saved_once)] == ["Crashing Editor"]
    assert [r.who for r in audit.read_records(saved_once)] == ["Test Editor"]
    # The next save clears it all: no temporary file, the crash's backup gone, its record marked not saved.
    save.save_changes(editor, saved_once, sha(saved_once), status_changes(saved_once, "Completed"))
    assert files.leftover_temporaries(saved_once) == []
    assert len(backups.list_backups(saved_once)) == 2  # the first save's and this one's
    assert audit.unsettled(saved_once) == []
    crashed = next(r for r in audit.read_all(saved_once) if r.who == "Crashing Editor")
    assert crashed.state == audit.State.NOT_SAVED
    assert [r.changes[0].new for r in audit.read_records(saved_once)] == ["Completed", "Planned"]


def test_upload_and_restore_faults_say_why_too(saved_once, editor, make_workbook, monkeypatch):
    upload = make_workbook(name="upload.xlsx", edit=lambda a, s, m, lists: a[0].update(Status="In progress"))
    [backup] = backups.list_backups(saved_once)
    before = folder(saved_once)
    with monkeypatch.context() as patched:
        fail_on(patched, "replace", errno.ENOSPC, is_workbook(saved_once))
        with pytest.raises(save.SaveFailed, match="disk is full"):
            save.replace_workbook(editor, saved_once, upload.read_bytes(), "upload.xlsx")
        with pytest.raises(save.SaveFailed, match="disk is full"):
            save.restore_backup(editor, saved_once, backup)
    assert folder(saved_once) == before


def test_the_editor_panel_and_the_save_agree_on_what_blocks_it(plan_workbook, editor):
    base = edits.open_for_editing(plan_workbook)
    table = base.tables["Activities"]
    frame = table.frame.copy()
    frame.loc[1, "ID"] = frame.loc[0, "ID"]  # a duplicate ID: an error
    changes = edits.diff_table(table, frame)
    prepared = save.prepare(base, changes)
    assert prepared.blocked and prepared.errors and not prepared.lost
    assert prepared.base_sha256 == base.sha256
    with pytest.raises(save.Invalid) as refused:
        save.save_changes(editor, plan_workbook, base.sha256, changes)
    assert refused.value.errors == prepared.errors
    assert str(refused.value) == str(prepared.refusal())
    assert str(refused.value).startswith("Changes not saved: the workbook would have 1 error. First: Activities, row 3")
    assert ": error:" not in str(refused.value) and "!3" not in str(refused.value)
