"""Drafts in the store: kept per editor, discarded with one Undo, and re-applied to the editor's tables."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest

from actionplan.keeping import backups, drafts, edits
from actionplan.keeping.edits import ADD, DELETE, CellChange
from actionplan.keeping.store import Store

WORKBOOK = "plan.xlsx"
STARTED = datetime(2026, 11, 27, 9, 30)


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "actionplan.sqlite3")


def change(column: str, new: object, row: int = 2) -> CellChange:
    return CellChange("Activities", row, "2021-01", column, "old", new)


def test_a_draft_is_kept_per_editor_and_replaced_as_the_edits_change(store):
    drafts.keep(store, WORKBOOK, "Aman", "sha-a", [change("Notes", "first")], STARTED)
    drafts.keep(store, WORKBOOK, "Maya", "sha-a", [change("Notes", "hers")], STARTED)
    drafts.keep(store, WORKBOOK, "Aman", "sha-a", [change("Notes", "first"), change("Status", "Completed")], None)
    mine = drafts.live(store, WORKBOOK, "Aman")
    assert mine is not None and mine.created_at == STARTED
    assert [c.new for c in drafts.decode(mine.changes)] == ["first", "Completed"]
    assert drafts.decode(drafts.live(store, WORKBOOK, "Maya").changes)[0].new == "hers"
    assert drafts.live(store, "other.xlsx", "Aman") is None
    assert len(store.drafts(WORKBOOK)) == 2
    drafts.keep(store, WORKBOOK, "Aman", "sha-a", [], None)  # every edit undone by hand: nothing to keep
    assert drafts.live(store, WORKBOOK, "Aman") is None


def test_discard_can_be_undone_once(store):
    drafts.keep(store, WORKBOOK, "Aman", "sha-a", [change("Notes", "keep me")], STARTED)
    assert drafts.discard(store, WORKBOOK, "Aman")
    assert drafts.live(store, WORKBOOK, "Aman") is None
    assert drafts.undo_discard(store, WORKBOOK, "Aman")
    assert drafts.decode(drafts.live(store, WORKBOOK, "Aman").changes)[0].new == "keep me"
    assert not drafts.undo_discard(store, WORKBOOK, "Aman")  # once only
    drafts.forget(store, WORKBOOK, "Aman")
    assert drafts.live(store, WORKBOOK, "Aman") is None and drafts.discarded(store, WORKBOOK, "Aman") is None


def test_dates_and_deletions_survive_the_round_trip_through_the_store(plan_workbook, store):
    base = edits.open_for_editing(plan_workbook)
    table = base.tables["Activities"]
    typed = table.frame.copy()
    typed.loc[0, "Status"] = "Completed"
    typed.loc[1, "Last update"] = date(2026, 11, 2)
    typed = typed.drop(index=3)
    changes = edits.diff_table(table, typed)
    extra = [CellChange("Activities", None, "2099-01", "ID", None, "2099-01", ADD, 1)]
    drafts.keep(store, WORKBOOK, "Aman", base.sha256, changes + extra, STARTED)
    back = drafts.decode(drafts.live(store, WORKBOOK, "Aman").changes)
    shown = drafts.applied(table, back)
    again = edits.diff_table(table, shown)
    assert sorted(again, key=repr) == sorted(changes + extra, key=repr)
    assert any(c.action == DELETE for c in again)


def test_the_version_a_draft_started_from_is_found_among_the_backups(plan_workbook):
    old = plan_workbook.read_bytes()
    backups.keep_backup(plan_workbook, old)
    plan_workbook.write_bytes(b"a later version")
    sha = hashlib.sha256(old).hexdigest()
    assert drafts.version_with(plan_workbook, sha) == old
    assert drafts.version_with(plan_workbook, "0" * 64) is None


def test_a_draft_stub_from_schema_1_is_kept_as_the_editor_s_live_draft(tmp_path, monkeypatch):
    from actionplan.keeping import store as store_module

    path = tmp_path / "actionplan.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
    Store(path).migrate()
    with Store(path).connect() as connection:
        for text in ("[]", drafts.encode([change("Notes", "newest")])):
            connection.execute(
                "INSERT INTO drafts (workbook, editor, base_sha256, changes, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (WORKBOOK, "Aman", "sha", text, STARTED.isoformat(), STARTED.isoformat()),
            )
    monkeypatch.undo()
    assert Store(path).migrate() == len(store_module.MIGRATIONS)
    kept = drafts.live(Store(path), WORKBOOK, "Aman")
    assert drafts.decode(kept.changes)[0].new == "newest"
