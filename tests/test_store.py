"""The SQLite store beside the workbook: migrations, WAL, the throttle across sessions and processes, the audit
log's index for the change log, and the drafts table."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.keeping import access, audit, edits, save, store, throttle
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return access.hash_password(PASSWORD)


@pytest.fixture
def editor(stored: str) -> access.Editor:
    return access.sign_in_with_password("Test Editor", PASSWORD, stored, access.Throttle())


def test_the_store_lives_beside_the_workbook_in_wal_mode_with_a_busy_timeout(plan_workbook):
    found = store.Store.beside(plan_workbook)
    assert found.path == plan_workbook.parent / "actionplan.sqlite3"
    assert found.version() == len(store.MIGRATIONS) == 3
    with found.connect() as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"schema_version", "sign_in_failures", "audit_entries", "audit_log_read", "drafts"} <= tables
    assert found.drafts(plan_workbook.name) == []


def test_the_store_can_be_put_on_local_disk_when_the_workbook_is_on_shared_storage(tmp_path):
    local = tmp_path / "local" / "actionplan.sqlite3"
    assert store.store_path(Path("/mnt/shared/plan.xlsx"), {store.STORE_ENV: str(local)}) == local
    assert store.store_path(Path("/mnt/shared/plan.xlsx"), {}) == Path("/mnt/shared/actionplan.sqlite3")


def test_migrations_are_numbered_and_each_runs_once(tmp_path, monkeypatch):
    path = tmp_path / "actionplan.sqlite3"
    shipped = len(store.MIGRATIONS)
    assert store.Store(path).migrate() == shipped
    later = (*store.MIGRATIONS, "CREATE TABLE added_later (x INTEGER); INSERT INTO added_later VALUES (1);")
    monkeypatch.setattr(store, "MIGRATIONS", later)
    assert store.Store(path).migrate() == shipped + 1
    assert store.Store(path).migrate() == shipped + 1  # already there: nothing runs again
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM added_later").fetchone()[0] == 1
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_version")]
        assert versions == list(range(1, shipped + 2))


def test_a_failing_migration_leaves_the_schema_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "actionplan.sqlite3"
    store.Store(path).migrate()
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, "CREATE TABLE half (x); NOT SQL AT ALL;"))
    with pytest.raises(sqlite3.Error):
        store.Store(path).migrate()
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables
        assert connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == len(store.MIGRATIONS) - 1


# ---------------------------------------------------------------------------------------------------------------
# The throttle


def test_six_wrong_passwords_from_six_fresh_sessions_are_throttled(tmp_path, stored):
    clock = FakeClock()
    database = tmp_path / "actionplan.sqlite3"
    refusals = []
    for session in range(6):
        # A fresh browser session each time, and a fresh Store object, as another server process would have.
        shared = throttle.StoreThrottle(store.Store(database), clock=clock)
        with pytest.raises(access.SignInRefused) as refused:
            access.sign_in_with_password("Aman", "guess", stored, shared, keys=[f"session:{session}"])
        refusals.append(str(refused.value))
        clock.now += 0.2  # six tries within about a second
    assert refusals[0].startswith("Wrong password")
    assert all(message.startswith("Too many failed tries") for message in refusals[1:])


def test_guessing_under_many_names_slows_everyone_down(tmp_path, stored):
    clock = FakeClock()
    shared = throttle.StoreThrottle(store.Store(tmp_path / "actionplan.sqlite3"), clock=clock)
    for number in range(throttle.OVERALL_FREE_FAILURES):
        with pytest.raises(access.SignInRefused, match="Wrong password"):
            access.sign_in_with_password(f"Name {number}", "guess", stored, shared)
        clock.now += 100  # past each name's own wait
    with pytest.raises(access.SignInRefused, match="Wrong password"):
        access.sign_in_with_password("Yet another", "guess", stored, shared)
    with pytest.raises(access.SignInRefused, match="Too many failed tries"):
        access.sign_in_with_password("A colleague", PASSWORD, stored, shared)  # everyone waits now
    clock.now += throttle.FAIL_DELAY_BASE + 0.01
    assert access.sign_in_with_password("A colleague", PASSWORD, stored, shared).name == "A colleague"


def test_the_right_password_after_the_wait_is_accepted_and_the_countdown_never_says_zero(tmp_path, stored):
    clock = FakeClock()
    shared = throttle.StoreThrottle(store.Store(tmp_path / "actionplan.sqlite3"), clock=clock)
    with pytest.raises(access.SignInRefused) as refused:
        access.sign_in_with_password("Aman", "wrong", stored, shared)
    assert refused.value.wait_seconds == 2
    clock.now += 1.7  # 0.3 s left
    with pytest.raises(access.SignInRefused) as early:
        access.sign_in_with_password("Aman", PASSWORD, stored, shared)
    assert "Please wait 1 s" in str(early.value) and "0 s" not in str(early.value)
    clock.now += 0.31
    assert access.sign_in_with_password("Aman", PASSWORD, stored, shared).name == "Aman"
    assert shared.wait(["name:aman"]) == 0


def test_the_throttle_holds_across_processes(tmp_path, stored):
    database = tmp_path / "actionplan.sqlite3"
    child = (
        "import sys\n"
        "from actionplan.keeping import access, store, throttle\n"
        "shared = throttle.StoreThrottle(store.Store(sys.argv[1]))\n"
        "try:\n"
        "    access.sign_in_with_password('Aman', 'guess', sys.argv[2], shared, keys=['session:child'])\n"
        "except access.SignInRefused as refused:\n"
        "    print(refused)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, str(database), stored], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("Wrong password"), result.stderr
    here = throttle.StoreThrottle(store.Store(database))
    with pytest.raises(access.SignInRefused, match="Too many failed tries"):
        access.sign_in_with_password("aman", PASSWORD, stored, here, keys=["session:parent"])


def test_the_throttle_falls_back_to_memory_when_the_store_cannot_be_used(tmp_path, stored):
    unusable = tmp_path / "a folder, not a database"
    unusable.mkdir()
    shared = throttle.StoreThrottle(store.Store(unusable), clock=FakeClock())
    with pytest.raises(access.SignInRefused, match="Wrong password"):
        access.sign_in_with_password("Aman", "guess", stored, shared)
    with pytest.raises(access.SignInRefused, match="Too many failed tries"):
        access.sign_in_with_password("Aman", PASSWORD, stored, shared)


# ---------------------------------------------------------------------------------------------------------------
# The audit log's index


def edit_status(editor: access.Editor, workbook: Path, status: str) -> save.Saved:
    table = edits.read_tables(workbook.read_bytes())["Activities"]
    frame = table.frame.copy()
    frame.loc[0, "Status"] = status
    sha = hashlib.sha256(workbook.read_bytes()).hexdigest()
    return save.save_changes(editor, workbook, sha, edits.diff_table(table, frame))


def test_the_change_log_is_listed_and_filtered_from_the_index(plan_workbook, editor, stored):
    other = access.sign_in_with_password("Second Editor", PASSWORD, stored, access.Throttle())
    first = edit_status(editor, plan_workbook, "Completed")
    edit_status(other, plan_workbook, "Postponed")
    save.restore_backup(editor, plan_workbook, first.backup)
    shared = store.Store.beside(plan_workbook)
    every = audit.search(shared, plan_workbook)
    assert [(r.who, r.action) for r in every] == [
        ("Test Editor", "restore"),
        ("Second Editor", "edit"),
        ("Test Editor", "edit"),
    ]
    assert every == audit.read_records(plan_workbook)  # the index says what the log says
    assert [r.action for r in audit.search(shared, plan_workbook, who="Test Editor")] == ["restore", "edit"]
    assert [r.who for r in audit.search(shared, plan_workbook, action=audit.Action.EDIT)] == [
        "Second Editor",
        "Test Editor",
    ]
    assert audit.editors(shared, plan_workbook) == ["Second Editor", "Test Editor"]
    # The log grows: the index reads only the new lines, and follows a log replaced by another file.
    edit_status(other, plan_workbook, "Cancelled")
    assert len(audit.search(shared, plan_workbook)) == 4
    log = audit.audit_path(plan_workbook)
    first_id = json.loads(log.read_text().splitlines()[0])["id"]
    kept = [line for line in log.read_text().splitlines(keepends=True) if json.loads(line)["id"] == first_id]
    log.unlink()
    log.write_text("".join(kept))
    assert len(audit.search(shared, plan_workbook)) == 1


def test_a_pending_record_is_listed_only_once_its_save_happened(plan_workbook, editor):
    saved = edit_status(editor, plan_workbook, "Completed")
    log = audit.audit_path(plan_workbook)
    lines = log.read_text().splitlines()
    record, done = json.loads(lines[0]), json.loads(lines[1])
    assert record["state"] == "pending" and done == {"id": record["id"], "state": "done"}
    # Without its mark, the record still counts: the workbook on disk is the version it wrote.
    log.write_text(lines[0] + "\n")
    shared = store.Store.beside(plan_workbook)
    assert [r.after_sha256 for r in audit.search(shared, plan_workbook)] == [saved.sha256]
    assert [r.after_sha256 for r in audit.read_records(plan_workbook)] == [saved.sha256]
    # A pending record of a save that never replaced the workbook is not a change.
    plan_workbook.write_bytes(saved.backup.read_bytes())
    assert audit.search(shared, plan_workbook) == [] and audit.read_records(plan_workbook) == []
