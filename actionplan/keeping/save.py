"""Changing the workbook without losing anything: edits, uploads and restores.

Every write follows the same steps, under a lock file beside the workbook so that two saves never interleave:
  1. the caller must be a signed-in editor (`access.require_editor`);
  2. an edit is refused if the file on disk is no longer the version the editor opened (content hash);
  3. the would-be workbook is read back with the loader; any error refuses the write (warnings are reported);
  4. the current version is copied to `backups/` (the newest 50 are kept);
  5. the new bytes go to a temporary file in the same folder, are flushed to disk and renamed over the workbook
     (os.replace), so readers see the old file or the new one, never half of one;
  6. a line is appended to `audit.log`: who, when, what, and for edits every cell old -> new.
An edit that changes an activity's report also appends its check-ins to the Updates sheet (`checkins`), as
ordinary new rows written with the other changes.

How changes are applied to the workbook's bytes is in `apply`; what a refusal or a fault says is in `faults`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from ..i18n import _, n_
from ..plan.findings import Finding
from ..plan.load import Plan, WorkbookInfo, load_plan_bytes, read_bytes
from . import audit, backups, checkins
from .access import Editor, require_editor
from .apply import apply_changes, features, lost_features  # noqa: F401 (named here for callers)
from .audit import AuditRecord
from .edits import DELETE, CellChange, new_findings, read_tables
from .faults import (
    CONFLICT_MESSAGE,
    Conflict,
    Invalid,
    SaveFailed,
    SaveRefused,
    fault_message,
    finding_text,
    merge_message,
    unlogged_message,
)
from .files import FolderNotSynced, leftover_temporaries, write_atomically
from .lock import workbook_lock
from .merge import MergeNeeded, Side, Unmergeable, merge

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # a plan workbook is about 100 KB; anything near this is the wrong file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    """A write that happened: the new version's hash, where the previous version went, and what the loader warns."""

    path: Path
    sha256: str
    backup: Path | None
    warnings: tuple[Finding, ...]
    changes: tuple[CellChange, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be completed after the workbook was replaced
    merged: tuple[CellChange, ...] = ()  # an edit on an older version: the changes saved meanwhile, kept


def check(content: bytes, path: Path) -> Plan:
    """The would-be workbook read back by the loader: its findings decide whether it may be written."""
    return load_plan_bytes(content, WorkbookInfo.of(path, content, datetime.now()))


class Opened(Protocol):
    """A version of the workbook that changes are made to (an `edits.EditBase`, or what the save reads from disk):
    where it is, its bytes, and the findings it had already."""

    @property
    def path(self) -> Path: ...
    @property
    def content(self) -> bytes: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...


@dataclass(frozen=True, eq=False)
class OnDisk:
    """The workbook as the save reads it, under the lock."""

    path: Path
    content: bytes
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, eq=False)
class SavePlan:
    """What saving these changes would do, decided once for the editor's preview and for the save itself.

    content: the would-be workbook; errors: the loader's errors in it, which block the save; lost: the Excel features
    saving would drop, which block it too; warnings: all its warnings; new_warnings: those the opened version had not.
    """

    base_sha256: str
    changes: tuple[CellChange, ...]
    content: bytes
    errors: tuple[Finding, ...]
    lost: tuple[str, ...]
    warnings: tuple[Finding, ...]
    new_warnings: tuple[Finding, ...]
    checkins: tuple[CellChange, ...] = ()  # the Updates rows appended with the changes (in `content`)
    source: str = ""  # who the check-ins name as their Source
    day: date | None = None  # the day they are dated by when no Last update is typed

    @property
    def blocked(self) -> bool:
        """True when the save would be refused."""
        return bool(self.errors or self.lost)

    @property
    def reports(self) -> int:
        """How many check-ins the save appends to Updates (one per activity whose report it changes)."""
        return len({change.added for change in self.checkins})

    @property
    def deletes_rows(self) -> bool:
        return any(change.action == DELETE for change in self.changes)

    def refusal(self) -> SaveRefused | None:
        """Why the save is refused, in words for the person who tried; None when it may go ahead."""
        if self.lost:
            return SaveRefused(
                _(
                    "Not saved: the workbook has {what} that saving from the app would not keep. Make this change "
                    "in Excel instead; nothing was written."
                ).format(what=", ".join(_(lost) for lost in self.lost))
            )
        if self.errors:
            return Invalid(
                n_(
                    "Changes not saved: the workbook would have {n} error. First: {first}",
                    "Changes not saved: the workbook would have {n} errors. First: {first}",
                    len(self.errors),
                ).format(n=len(self.errors), first=finding_text(self.errors[0])),
                self.errors,
                self.warnings,
            )
        return None


def prepare(base: Opened, changes: Sequence[CellChange], *, source: str = "", day: date | None = None) -> SavePlan:
    """The changes applied to the opened version and read back by the loader: what would change, what blocks the
    save (errors, features Excel would lose) and what the loader warns about. Activities whose report changes get
    a check-in each, naming `source` (who saves) and dated `day` (today) unless a Last update is typed."""
    changes, day = tuple(changes), day or date.today()
    start, logged = checkins.appended(base.content, getattr(base, "tables", None), changes, source=source, day=day)
    content = apply_changes(start, changes + logged)
    deleting = any(change.action == DELETE for change in changes)
    plan = check(content, base.path)
    return SavePlan(
        base_sha256=hashlib.sha256(base.content).hexdigest(),
        changes=changes,
        content=content,
        errors=plan.errors,
        lost=tuple(lost_features(base.content, content, rows_deleted=deleting)),
        warnings=plan.warnings,
        new_warnings=tuple(new_findings(base.findings, plan.warnings)),
        checkins=logged,
        source=source,
        day=day,
    )


# ---------------------------------------------------------------------------------------------------------------
# Writing safely


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """The lock held, leftovers of an interrupted save cleared, and any error of the system turned into a
    SaveFailed that says why in staff's words (the write itself leaves nothing behind: see `_replace`)."""
    try:
        with workbook_lock(path):
            recover(path)
            yield
    except SaveRefused:
        raise
    except OSError as problem:
        log.warning("saving %s failed: %r", path, problem)
        raise SaveFailed(fault_message(problem), problem) from problem


def recover(path: Path) -> None:
    """Clear what a save interrupted by a crash left behind (called with the lock held, so no save is under way):
    temporary files, and pending audit records without a mark. A pending record whose version is on disk is
    marked done; any other is marked not saved, and the backup it took (a copy of the version still current) goes.
    """
    path = Path(path)
    for leftover in [*leftover_temporaries(path), *leftover_temporaries(backups.backup_dir(path) / path.name)]:
        leftover.unlink(missing_ok=True)
    pending = audit.unsettled(path)
    if not pending:
        return
    current = audit.workbook_sha256(path)
    records = audit.read_all(path)
    for record in pending:
        later = {other.before_sha256 for other in records[records.index(record) + 1 :]}
        if record.after_sha256 is not None and record.after_sha256 in later | {current}:
            audit.mark(path, record.id, audit.State.DONE)
            continue
        audit.mark(path, record.id, audit.State.NOT_SAVED)
        if record.backup and record.before_sha256 == current:
            (backups.backup_dir(path) / Path(record.backup).name).unlink(missing_ok=True)


def _replace(
    path: Path,
    new: bytes,
    current: bytes | None,
    record: AuditRecord,
    warnings: Sequence[Finding],
    changes: Sequence[CellChange] = (),
) -> Saved:
    """Called with the lock held: back up the current version, log the change as pending, replace the workbook,
    mark the log line done. If anything fails before the replace, the backup, the log line and any temporary file
    are taken back, so the folder is as it was; after the replace, the save stands and the notes say what could not
    be completed."""
    folder_existed = backups.backup_dir(path).is_dir()
    size_before = audit.log_size(path)
    sha = hashlib.sha256(new).hexdigest()
    backup: Path | None = None
    notes: list[str] = []
    try:
        backup = backups.keep_backup(path, current, prune=False) if current is not None else None
        record = replace(
            record,
            before_sha256=hashlib.sha256(current).hexdigest() if current is not None else None,
            after_sha256=sha,
            backup=backup.name if backup else None,
            state=audit.State.PENDING,
        )
        audit.append_record(path, record)
        try:
            write_atomically(path, new)
        except FolderNotSynced as problem:  # the workbook was replaced; only the flush of its folder failed
            log.warning("saved %s but could not flush its folder: %r", path, problem)
    except BaseException:
        _take_back(path, backup, size_before, folder_existed)
        raise
    try:
        audit.mark(path, record.id, audit.State.DONE)
    except OSError as problem:
        log.warning("saved %s but could not mark its audit record done: %r", path, problem)
        notes.append(unlogged_message(problem))
    try:
        backups.prune_backups(path)
    except OSError as problem:  # old backups stay a little longer; nothing is lost
        log.warning("could not prune the backups of %s: %r", path, problem)
    return Saved(path, sha, backup, tuple(warnings), tuple(changes), tuple(notes))


def _take_back(path: Path, backup: Path | None, log_size: int | None, folder_existed: bool) -> None:
    """Undo the steps of a save that failed before its workbook was replaced (each step tried, whatever fails)."""
    for undo in (
        lambda: backup.unlink(missing_ok=True) if backup else None,
        lambda: audit.withdraw(path, log_size),
        lambda: None if folder_existed else backups.backup_dir(path).rmdir(),
    ):
        try:
            undo()
        except OSError as problem:  # recover() clears what is left at the next save
            log.warning("could not take back part of a failed save of %s: %r", path, problem)


def _record(
    editor: Editor,
    path: Path,
    action: audit.Action,
    *,
    changes: Sequence[CellChange] = (),
    uploaded: str | None = None,
    size: int | None = None,
    restored: str | None = None,
) -> AuditRecord:
    """The audit record of a write by this editor (the versions and the backup are filled in by `_replace`)."""
    return AuditRecord(
        who=editor.name,
        how=editor.method,
        workbook=path.name,
        action=action,
        when=datetime.now(),
        changes=tuple(changes),
        uploaded=uploaded,
        size=size,
        restored=restored,
    )


def _refuse_errors(plan: Plan, name: str) -> None:
    if plan.errors:
        raise Invalid(
            n_(
                "{name} was not saved: the workbook would have {n} error. First: {first}",
                "{name} was not saved: the workbook would have {n} errors. First: {first}",
                len(plan.errors),
            ).format(name=name, n=len(plan.errors), first=finding_text(plan.errors[0])),
            plan.errors,
            plan.warnings,
        )


def save_changes(
    editor: Editor,
    path: Path,
    base_sha256: str,
    changes: Sequence[CellChange],
    prepared: SavePlan | None = None,
    *,
    base_content: bytes | None = None,
    choices: Mapping[str, Side] | None = None,
) -> Saved:
    """Write the editor's changes to the workbook, if the result has no errors (else Invalid). `prepared`, the
    editor's own `prepare` of the same changes on the same version, spares working them out again.

    When the file on disk is no longer the version they opened, and `base_content` (that version's bytes) is
    given, the changes are merged cell by cell with what was saved since (`merge`): a clean merge saves, noted in
    the audit record; cells changed on both sides raise MergeNeeded until `choices` settles each. Without
    `base_content`, or when rows cannot be matched by ID, the save is refused (Conflict)."""
    require_editor(editor)
    path = Path(path)
    if not changes:
        raise SaveRefused(_("There are no changes to save."))
    with _writing(path):
        current, info = read_bytes(path)
        changes = tuple(changes)
        kept: tuple[CellChange, ...] = ()
        merged_with = None
        if info.sha256 != base_sha256:
            if base_content is None or hashlib.sha256(base_content).hexdigest() != base_sha256:
                raise Conflict(_(CONFLICT_MESSAGE))
            try:
                result = merge(read_tables(base_content), changes, read_tables(current), choices)
            except Unmergeable:
                raise Conflict(_(CONFLICT_MESSAGE)) from None
            if result.conflicts:
                raise MergeNeeded(merge_message(len(result.conflicts)), result.conflicts)
            if not result.changes:
                raise SaveRefused(_("Your changes are already in the workbook as saved since; nothing was written."))
            changes, kept, merged_with, prepared = result.changes, result.theirs, info.sha256, None
        wanted = (info.sha256, changes, editor.name, date.today())  # the version, the changes, who, which day
        if prepared is None or (prepared.base_sha256, prepared.changes, prepared.source, prepared.day) != wanted:
            prepared = prepare(OnDisk(path, current), changes, source=editor.name, day=wanted[-1])
        refusal = prepared.refusal()
        if refusal is not None:
            raise refusal
        record = replace(_record(editor, path, audit.Action.EDIT, changes=changes), merged=merged_with)
        return replace(_replace(path, prepared.content, current, record, prepared.warnings, changes), merged=kept)


def replace_workbook(
    editor: Editor, path: Path, content: bytes, filename: str, max_bytes: int = MAX_UPLOAD_BYTES
) -> Saved:
    """Make an uploaded workbook the current one, after checking it is a real, safe .xlsx that follows the
    contract with no errors; the current version is backed up first."""
    require_editor(editor)
    path = Path(path)
    if len(content) > max_bytes:
        raise SaveRefused(
            _(
                "{name} is {size} MB; the limit is {limit} MB. A plan workbook is far smaller: check that this is "
                "the right file."
            ).format(name=filename, size=f"{len(content) / 2**20:.1f}", limit=f"{max_bytes / 2**20:.0f}")
        )
    plan = check(content, Path(Path(filename).name))
    _refuse_errors(plan, filename)
    with _writing(path):
        current = path.read_bytes() if path.exists() else None
        if current == content:
            raise SaveRefused(
                _("{name} is the same as the current workbook; nothing was replaced.").format(name=filename)
            )
        record = _record(editor, path, audit.Action.UPLOAD, uploaded=filename, size=len(content))
        return _replace(path, content, current, record, plan.warnings)


def restore_backup(editor: Editor, path: Path, backup: Path) -> Saved:
    """Make a backup the current workbook again (the current version is itself backed up first)."""
    require_editor(editor)
    path, backup = Path(path), Path(backup)
    if not backups.is_backup_of(path, backup):
        raise SaveRefused(_("{backup} is not a backup of {name}.").format(backup=backup.name, name=path.name))
    with _writing(path):
        content = backup.read_bytes()
    plan = check(content, path)
    _refuse_errors(plan, backup.name)
    with _writing(path):
        current = path.read_bytes() if path.exists() else None
        record = _record(editor, path, audit.Action.RESTORE, restored=backup.name)
        return _replace(path, content, current, record, plan.warnings)
