"""The app's own state beside the workbook, in one SQLite database shared by every session and process.

`actionplan.sqlite3` in the workbook's folder (git-ignored) holds what the app keeps beside the spreadsheet, never
the plan itself: failed sign-ins (the throttle, `access.StoreThrottle`), an index of the audit log for the Data
page's change log (`audit.index`), editors' drafts (`drafts`, filled by the drafts feature), and reporting rounds:
the forms issued to the leads and the forms they returned (`rounds.records`).

WAL mode lets readers go on while one process writes; a busy timeout makes a second writer wait its turn instead
of failing. WAL needs a local disk: SQLite's locking is not reliable over NFS or SMB (see docs/deploy.md).
The schema grows by numbered migrations, each applied once, recorded in `schema_version`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

STORE_FILE = "actionplan.sqlite3"
STORE_ENV = "ACTIONPLAN_STORE"
BUSY_TIMEOUT_MS = 10_000

# Migration n (1-based) takes the schema from version n-1 to n. Never edit one that has shipped: add the next.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,          -- "name:aman", "all", "session:…", "address:…"
        failures INTEGER NOT NULL,     -- failed tries in a row
        last_failure REAL NOT NULL,    -- seconds since the epoch
        wait_until REAL NOT NULL       -- no try is checked before this time
    );
    CREATE TABLE audit_log_read (
        log TEXT PRIMARY KEY,          -- the audit log's absolute path
        device INTEGER NOT NULL,       -- with inode: a log replaced by another file is read again from the start
        inode INTEGER NOT NULL,
        offset INTEGER NOT NULL        -- bytes of the log already indexed (whole lines only)
    );
    CREATE TABLE audit_entries (
        log TEXT NOT NULL,
        offset INTEGER NOT NULL,       -- where the line starts in the log
        record_id TEXT,                -- AuditRecord.id (NULL for lines written before records had one)
        workbook TEXT NOT NULL,
        at TEXT NOT NULL,              -- ISO time
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        state TEXT NOT NULL,           -- pending | done | not saved
        before_sha256 TEXT,
        after_sha256 TEXT,
        line TEXT NOT NULL,            -- the JSON line itself, read back as an AuditRecord
        PRIMARY KEY (log, offset)
    );
    CREATE INDEX audit_entries_by_record ON audit_entries (log, record_id);
    CREATE INDEX audit_entries_by_time ON audit_entries (log, workbook, at);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workbook TEXT NOT NULL,        -- the workbook's file name
        editor TEXT NOT NULL,          -- who started it
        base_sha256 TEXT NOT NULL,     -- the version it was started from
        changes TEXT NOT NULL,         -- JSON: the CellChanges as the audit log keeps them
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 2: one live draft per editor and workbook, and the one each discarded last (for Undo)
    """
    DELETE FROM drafts WHERE id NOT IN (SELECT MAX(id) FROM drafts GROUP BY workbook, editor);
    ALTER TABLE drafts ADD COLUMN state TEXT NOT NULL DEFAULT 'live';  -- live | discarded
    CREATE UNIQUE INDEX drafts_one_per_editor ON drafts (workbook, editor, state);
    """,
    # 3: reporting rounds (actionplan.rounds): the forms issued to each lead and every form returned
    """
    CREATE TABLE rounds (
        id TEXT PRIMARY KEY,           -- a random token, also written in each form's hidden sheet
        workbook TEXT NOT NULL,        -- the workbook's file name
        name TEXT NOT NULL,            -- "Before GC 44"
        due TEXT NOT NULL,             -- ISO date the forms are due back
        lang TEXT NOT NULL,            -- the forms' language: en | ru | tk
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        base_sha256 TEXT NOT NULL,     -- the workbook version the forms were filled from
        base_content BLOB NOT NULL     -- its bytes: the "as issued" side of each return's three-way merge
    );
    CREATE TABLE round_forms (
        round_id TEXT NOT NULL REFERENCES rounds (id),
        number INTEGER NOT NULL,       -- 1, 2, ... in the order of the leads
        lead TEXT NOT NULL,            -- the National lead as written in the workbook ("" for the Commission's form)
        token TEXT NOT NULL,           -- a random token of this form, written in its hidden sheet
        filename TEXT NOT NULL,
        activities TEXT NOT NULL,      -- JSON: the activity IDs on the form, in order
        digest TEXT NOT NULL,          -- sha256 of the read-only cells as issued
        PRIMARY KEY (round_id, number)
    );
    CREATE TABLE round_returns (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round_id TEXT NOT NULL,
        number INTEGER NOT NULL,       -- the form returned
        filename TEXT NOT NULL,        -- as uploaded
        sha256 TEXT NOT NULL,          -- of the file returned
        answers TEXT NOT NULL,         -- JSON: {activity ID: {column: value}} as the lead reported them
        received_at TEXT NOT NULL,
        taken_by TEXT NOT NULL,        -- the editor who took it
        saved_sha256 TEXT,             -- the workbook version its save wrote (NULL when it changed nothing)
        changed INTEGER NOT NULL,      -- how many activities the save changed
        FOREIGN KEY (round_id, number) REFERENCES round_forms (round_id, number)
    );
    CREATE INDEX round_returns_by_form ON round_returns (round_id, number, id);
    """,
)


def store_path(workbook: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """`actionplan.sqlite3` in the workbook's folder, or the file $ACTIONPLAN_STORE names (for a workbook on
    shared storage, where the store must stay on each server's local disk)."""
    return Path(environ.get(STORE_ENV) or Path(workbook).parent / STORE_FILE)


class Store:
    """The database at `path`. Cheap to make; each use opens its own connection, so a Store may be shared by
    threads, and several processes may open the same file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ready = False

    @classmethod
    def beside(cls, workbook: Path) -> Store:
        """The store of this workbook (`store_path`)."""
        return cls(store_path(workbook))

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection to the migrated database (autocommit; use `transaction` to group writes)."""
        if not self._ready:
            self.migrate()
        connection = self._connect()
        try:
            yield connection
        finally:
            connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once (BEGIN IMMEDIATE), so a read-then-write is never interleaved with
        another process's; committed at the end, rolled back on an exception."""
        with self.connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def migrate(self) -> int:
        """Bring the schema up to date (WAL mode on); returns the schema version."""
        connection = self._connect()
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
                version = row[0] or 0
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in _statements(script):
                        connection.execute(statement)
                    connection.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
                    version = number
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            connection.close()
        self._ready = True
        return version

    def version(self) -> int:
        """The schema version of the database (0 for a new one)."""
        with self.connect() as connection:
            return connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0

    # -----------------------------------------------------------------------------------------------------------
    # Drafts: kept and resumed by `drafts`.

    def drafts(self, workbook: str) -> list[Draft]:
        """The live drafts kept for this workbook (by file name), newest first."""
        with self.connect() as connection:
            rows = connection.execute(
                "SELECT id, workbook, editor, base_sha256, changes, created_at, updated_at FROM drafts "
                "WHERE workbook = ? AND state = 'live' ORDER BY updated_at DESC, id DESC",
                (workbook,),
            ).fetchall()
        return [
            Draft(
                row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]), datetime.fromisoformat(row[6])
            )
            for row in rows
        ]


def _statements(script: str) -> list[str]:
    """The statements of a migration script (executed one by one, inside the migration's own transaction;
    sqlite3's executescript would commit first)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]


@dataclass(frozen=True)
class Draft:
    """Changes an editor has typed but not saved, kept across sessions."""

    id: int
    workbook: str
    editor: str
    base_sha256: str
    changes: str
    created_at: datetime
    updated_at: datetime
