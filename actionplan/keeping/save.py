"""Changing the workbook without losing anything: edits, uploads and restores.

Every write follows the same steps, under a lock file beside the workbook so that two saves never interleave:
  1. the caller must be a signed-in editor (`access.require_editor`);
  2. an edit is refused if the file on disk is no longer the version the editor opened (content hash);
  3. the would-be workbook is read back with the loader; any error refuses the write (warnings are reported);
  4. the current version is copied to `backups/` (the newest 50 are kept);
  5. the new bytes go to a temporary file in the same folder, are flushed to disk and renamed over the workbook
     (os.replace), so readers see the old file or the new one, never half of one;
  6. a line is appended to `audit.log`: who, when, what, and for edits every cell old -> new.

Edits change only the cells that changed (openpyxl on the current file): other sheets, staff-added columns,
drop-downs (data validations), formatting and column widths stay as they are. Text is always stored as text:
"=1+1" typed in the editor is a string in the file, never a formula.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import re
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from .. import words
from ..plan import contract
from ..plan.findings import Finding
from ..plan.load import Plan, WorkbookInfo, load_plan_bytes, read_bytes
from ..plan.workbook import put_value
from . import audit, backups
from .access import Editor, require_editor
from .audit import AuditRecord
from .edits import ADD, CHANGE, DELETE, CellChange, header_row, new_findings
from .files import write_atomically

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # a plan workbook is about 100 KB; anything near this is the wrong file
LOCK_SUFFIX = ".lock"  # plan.xlsx.lock beside the workbook (git-ignored as data/*.lock)
LOCK_TIMEOUT_SECONDS = 20.0


class SaveRefused(Exception):
    """Nothing was written; the message says why, in words for the person who tried."""


class Conflict(SaveRefused):
    """The workbook changed on disk since the editor opened it."""


class Invalid(SaveRefused):
    """The would-be workbook has errors; `errors` and `warnings` are the loader's findings."""

    def __init__(self, message: str, errors: Sequence[Finding], warnings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.errors = tuple(errors)
        self.warnings = tuple(warnings)


@dataclass(frozen=True)
class Saved:
    """A write that happened: the new version's hash, where the previous version went, and what the loader warns."""

    path: Path
    sha256: str
    backup: Path | None
    warnings: tuple[Finding, ...]
    changes: tuple[CellChange, ...] = ()


CONFLICT_MESSAGE = (
    "The workbook was changed by someone else (in Excel or in another browser) after you opened "
    "the editor, so your changes were not saved and nothing was overwritten. Download your changes, "
    "start again from the current workbook and apply them again."
)


# ---------------------------------------------------------------------------------------------------------------
# Applying changes to the workbook's bytes (pure: bytes in, bytes out)


def apply_changes(content: bytes, changes: Sequence[CellChange]) -> bytes:
    """The workbook with the changes made: changed cells rewritten, deleted rows closed up (values, styles and row
    heights move up, the tail is cleared, so drop-downs covering rows 2..2000 stay valid), new rows appended below
    the last used row with the formatting of the row above. Everything else is kept as it is."""
    workbook = load_workbook(io.BytesIO(content))
    by_sheet: dict[str, list[CellChange]] = defaultdict(list)
    for change in changes:
        by_sheet[change.sheet].append(change)
    for sheet, sheet_changes in by_sheet.items():
        actual = contract.sheet_named(workbook.sheetnames, sheet)
        if actual is None:
            raise SaveRefused(f"the sheet {sheet} is not in the workbook")
        _apply_to_sheet(workbook[actual], sheet, sheet_changes)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _apply_to_sheet(ws: Worksheet, sheet: str, changes: Sequence[CellChange]) -> None:
    found = header_row(ws.iter_rows(values_only=True))
    if found is None:
        raise SaveRefused(f"the sheet {sheet} has no header row")
    header_at, header = found
    positions = contract.header_positions(header, contract.SHEET_COLUMNS[sheet])

    def position(column: str) -> int:
        if column not in positions:
            raise SaveRefused(f"the column {column} is not in the sheet {sheet}")
        return positions[column]

    for change in changes:
        if change.action == CHANGE:
            if change.row is None or change.row <= header_at:
                raise SaveRefused(f"row {change.row} of {sheet} is not a data row")
            put_value(ws.cell(change.row, position(change.column)), change.new)
    deleted = {change.row for change in changes if change.action == DELETE and change.row is not None}
    if deleted:
        if min(deleted) <= header_at:
            raise SaveRefused(f"row {min(deleted)} of {sheet} is not a data row")
        _close_up(ws, deleted)
    new_rows: dict[int, list[CellChange]] = defaultdict(list)
    for change in changes:
        if change.action == ADD:
            new_rows[change.added or 0].append(change)
    if new_rows:
        last = max(_last_used_row(ws), header_at)
        for offset, ordinal in enumerate(sorted(new_rows), start=1):
            target = last + offset
            if last > header_at:
                _copy_style(ws, last, target)
            for change in new_rows[ordinal]:
                put_value(ws.cell(target, position(change.column)), change.new)
    if deleted or new_rows:
        _fit_filter(ws, header_at)


def _last_used_row(ws: Worksheet) -> int:
    last = 0
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if any(value is not None and value != "" for value in values):
            last = number
    return last


def _copy_style(ws: Worksheet, source: int, target: int) -> None:
    for column in range(1, ws.max_column + 1):
        ws.cell(target, column)._style = copy(ws.cell(source, column)._style)


def _close_up(ws: Worksheet, deleted: set[int]) -> None:
    """Remove rows by moving the rows below them up (what Excel's Delete Row does to the data), without
    ws.delete_rows, which would leave drop-downs and merged ranges pointing at the wrong rows."""
    last = _last_used_row(ws)
    first = min(deleted)
    width = ws.max_column
    survivors = [row for row in range(first, last + 1) if row not in deleted]
    snapshot = []
    for row in survivors:
        cells = [ws.cell(row, column) for column in range(1, width + 1)]
        snapshot.append(
            (
                [(c.value, c.data_type, copy(c._style), c.comment, c.hyperlink) for c in cells],
                ws.row_dimensions[row].height,
            )
        )
    for target, (cells, height) in enumerate(snapshot, start=first):
        for column, (value, data_type, style, comment, link) in enumerate(cells, start=1):
            cell = ws.cell(target, column)
            cell.value = value
            cell.data_type = data_type
            cell._style = style
            cell.comment = comment
            cell.hyperlink = link
        ws.row_dimensions[target].height = height
    for target in range(first + len(snapshot), last + 1):
        for column in range(1, width + 1):
            cell = ws.cell(target, column)
            cell.value = None
            cell.comment = None
            cell.hyperlink = None
        ws.row_dimensions[target].height = None


def _fit_filter(ws: Worksheet, header_at: int) -> None:
    """Keep the sheet's filter covering the table after rows were added or removed."""
    if not ws.auto_filter.ref:
        return
    min_col, min_row, max_col, _ = range_boundaries(ws.auto_filter.ref)
    if min_row != header_at:
        return
    last = max(_last_used_row(ws), header_at)
    ws.auto_filter.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"


# What Excel can hold that openpyxl may not write back: counted in the file before and after an edit, so an edit
# that would drop any of it is refused instead (e.g. drop-downs Excel stores in its 2010 extension format).
FEATURE_PATTERNS: dict[str, re.Pattern[bytes]] = {
    "drop-down lists / data validations": re.compile(rb"<(?:\w+:)?dataValidation[\s>]"),
    "conditional formatting": re.compile(rb"<(?:\w+:)?conditionalFormatting[\s>]"),
    "sparklines": re.compile(rb"<(?:\w+:)?sparklineGroup[\s>]"),
    "pictures, charts or shapes": re.compile(rb"<xdr:(?:sp|pic|graphicFrame|cxnSp|grpSp)[\s>]"),
    "defined names": re.compile(rb"<definedName[\s>]"),
    "merged cells": re.compile(rb"<mergeCell[\s>]"),
    "comments": re.compile(rb"<comment[\s>]"),
    "hyperlinks": re.compile(rb"<hyperlink[\s>]"),
}
FEATURE_FOLDERS: dict[str, tuple[str, ...]] = {
    "pictures, charts or shapes": ("xl/media/", "xl/charts/"),
    "tables (Format as Table)": ("xl/tables/",),
    "pivot tables": ("xl/pivotTables/", "xl/pivotCache/"),
    "slicers": ("xl/slicers/", "xl/slicerCaches/"),
    "form controls": ("xl/ctrlProps/",),
    "macros": ("xl/vbaProject.bin",),
}
ROW_FEATURES = frozenset({"comments", "hyperlinks"})  # deleting a row rightly deletes its own


def features(content: bytes) -> Counter[str]:
    """How many of each Excel feature the workbook holds (from its XML parts and folders)."""
    found: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for member in archive.namelist():
            for name, folders in FEATURE_FOLDERS.items():
                found[name] += member.startswith(folders)
            if member.endswith(".xml"):
                payload = archive.read(member)
                for name, pattern in FEATURE_PATTERNS.items():
                    found[name] += len(pattern.findall(payload))
    return found


def lost_features(before: bytes, after: bytes, *, rows_deleted: bool = False) -> list[str]:
    """The features the edited workbook has fewer of than the original (what saving would lose)."""
    old, new = features(before), features(after)
    return [name for name in old if new[name] < old[name] and not (rows_deleted and name in ROW_FEATURES)]


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

    @property
    def blocked(self) -> bool:
        """True when the save would be refused."""
        return bool(self.errors or self.lost)

    @property
    def deletes_rows(self) -> bool:
        return any(change.action == DELETE for change in self.changes)

    def refusal(self) -> SaveRefused | None:
        """Why the save is refused, in words for the person who tried; None when it may go ahead."""
        if self.lost:
            return SaveRefused(
                f"Not saved: the workbook has {', '.join(self.lost)} that saving from the app would not "
                "keep. Make this change in Excel instead; nothing was written."
            )
        if self.errors:
            return Invalid(
                f"Changes not saved: the workbook would have {words.count(len(self.errors), 'error')}. "
                f"First: {finding_text(self.errors[0])}",
                self.errors,
                self.warnings,
            )
        return None


def prepare(base: Opened, changes: Sequence[CellChange]) -> SavePlan:
    """The changes applied to the opened version and read back by the loader: what would change, what blocks the
    save (errors, features Excel would lose) and what the loader warns about."""
    changes = tuple(changes)
    content = apply_changes(base.content, changes)
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
    )


def finding_text(finding: Finding) -> str:
    """A finding as a sentence for staff: `Activities, row 3, ID: the ID 2021-01 is already used (…)`."""
    place = ", ".join(
        part
        for part in (finding.sheet, f"row {finding.row}" if finding.row is not None else "", finding.column)
        if part
    )
    message = finding.message[:1].upper() + finding.message[1:] if not place else finding.message
    line = f"{place}: {message}" if place else message
    return f"{line} ({finding.hint})" if finding.hint else line


# ---------------------------------------------------------------------------------------------------------------
# Writing safely


def lock_path(workbook: Path) -> Path:
    """`plan.xlsx.lock` beside the workbook (never named like Excel's own `~$` lock file)."""
    return Path(workbook).with_name(Path(workbook).name + LOCK_SUFFIX)


@contextmanager
def workbook_lock(workbook: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the workbook's lock file (fcntl.flock): one writer at a time, across threads and processes."""
    descriptor = os.open(lock_path(workbook), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SaveRefused("Another save is still in progress; please try again in a moment.") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def _replace(
    editor: Editor,
    path: Path,
    new: bytes,
    current: bytes | None,
    record: AuditRecord,
    warnings: Sequence[Finding],
    changes: Sequence[CellChange] = (),
) -> Saved:
    """Back up the current version, write the new one, log it. Called with the lock held."""
    backup = backups.keep_backup(path, current) if current is not None else None
    write_atomically(path, new)
    sha = hashlib.sha256(new).hexdigest()
    audit.append_record(
        path,
        replace(
            record,
            before_sha256=hashlib.sha256(current).hexdigest() if current is not None else None,
            after_sha256=sha,
            backup=backup.name if backup else None,
        ),
    )
    return Saved(path, sha, backup, tuple(warnings), tuple(changes))


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


def _refuse_errors(plan: Plan, what: str) -> None:
    if plan.errors:
        raise Invalid(
            f"{what} not saved: the workbook would have {words.count(len(plan.errors), 'error')}. "
            f"First: {finding_text(plan.errors[0])}",
            plan.errors,
            plan.warnings,
        )


def save_changes(
    editor: Editor,
    path: Path,
    base_sha256: str,
    changes: Sequence[CellChange],
    prepared: SavePlan | None = None,
) -> Saved:
    """Write the editor's changes to the workbook, if it is still the version they opened (else Conflict) and the
    result has no errors (else Invalid). `prepared`, the editor's own `prepare` of the same changes on the same
    version, spares working them out again."""
    require_editor(editor)
    path = Path(path)
    if not changes:
        raise SaveRefused("There are no changes to save.")
    with workbook_lock(path):
        current, info = read_bytes(path)
        if info.sha256 != base_sha256:
            raise Conflict(CONFLICT_MESSAGE)
        changes = tuple(changes)
        if prepared is None or prepared.base_sha256 != info.sha256 or prepared.changes != changes:
            prepared = prepare(OnDisk(path, current), changes)
        refusal = prepared.refusal()
        if refusal is not None:
            raise refusal
        record = _record(editor, path, audit.Action.EDIT, changes=changes)
        return _replace(editor, path, prepared.content, current, record, prepared.warnings, changes)


def replace_workbook(
    editor: Editor, path: Path, content: bytes, filename: str, max_bytes: int = MAX_UPLOAD_BYTES
) -> Saved:
    """Make an uploaded workbook the current one, after checking it is a real, safe .xlsx that follows the
    contract with no errors; the current version is backed up first."""
    require_editor(editor)
    path = Path(path)
    if len(content) > max_bytes:
        raise SaveRefused(
            f"{filename} is {len(content) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB. "
            "A plan workbook is far smaller: check that this is the right file."
        )
    plan = check(content, Path(Path(filename).name))
    _refuse_errors(plan, f"{filename} was")
    with workbook_lock(path):
        current = path.read_bytes() if path.exists() else None
        if current == content:
            raise SaveRefused(f"{filename} is the same as the current workbook; nothing was replaced.")
        record = _record(editor, path, audit.Action.UPLOAD, uploaded=filename, size=len(content))
        return _replace(editor, path, content, current, record, plan.warnings)


def restore_backup(editor: Editor, path: Path, backup: Path) -> Saved:
    """Make a backup the current workbook again (the current version is itself backed up first)."""
    require_editor(editor)
    path, backup = Path(path), Path(backup)
    if not backups.is_backup_of(path, backup):
        raise SaveRefused(f"{backup.name} is not a backup of {path.name}.")
    content = backup.read_bytes()
    plan = check(content, path)
    _refuse_errors(plan, f"{backup.name} was")
    with workbook_lock(path):
        current = path.read_bytes() if path.exists() else None
        record = _record(editor, path, audit.Action.RESTORE, restored=backup.name)
        return _replace(editor, path, content, current, record, plan.warnings)
