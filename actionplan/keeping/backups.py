"""Where earlier versions of the workbook are kept: a `backups/` folder beside it, outside git."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

from .files import FolderNotSynced, write_atomically

BACKUP_FOLDER = "backups"
KEEP_BACKUPS = 50
STAMP = "%Y%m%d-%H%M%S-%f"


def backup_dir(workbook: Path) -> Path:
    """The folder holding the workbook's backups (not created here)."""
    return Path(workbook).parent / BACKUP_FOLDER


def backup_name(workbook: Path, when: datetime) -> str:
    """`plan-20261126-143000-123456.xlsx`: sorts by time, names the workbook it came from."""
    return f"{Path(workbook).stem}-{when.strftime(STAMP)}{Path(workbook).suffix}"


def list_backups(workbook: Path) -> list[Path]:
    """The workbook's backups, newest first."""
    folder = backup_dir(workbook)
    if not folder.is_dir():
        return []
    stem = Path(workbook).stem
    return sorted(folder.glob(f"{stem}-*.xlsx"), key=lambda path: path.name, reverse=True)


def taken_at(path: Path) -> datetime | None:
    """When a file in a backups folder was taken (from its name); None for any other file."""
    return backup_time(path) if path.parent.name == BACKUP_FOLDER else None


def backup_time(backup: Path) -> datetime | None:
    """When a backup was taken, read from its name."""
    stamp = backup.stem.split("-", 1)[-1] if "-" in backup.stem else ""
    for length in (len("20261126-143000-123456"), len("20261126-143000")):
        try:
            return datetime.strptime(stamp[-length:], STAMP if length > 15 else "%Y%m%d-%H%M%S")
        except ValueError:
            continue
    return None


def keep_backup(
    workbook: Path, content: bytes, when: datetime | None = None, keep: int = KEEP_BACKUPS, *, prune: bool = True
) -> Path:
    """Store `content` (the version about to be replaced) as a timestamped backup, then keep only the newest `keep`
    (a save prunes only once it has replaced the workbook: `prune=False`).

    Written atomically (`files.write_atomically`), so a backup is either complete or absent.
    """
    folder = backup_dir(workbook)
    folder.mkdir(parents=True, exist_ok=True)
    when = when or datetime.now()
    target = folder / backup_name(workbook, when)
    while target.exists():  # two saves in the same microsecond: step on, never overwrite a backup
        when = when.replace(microsecond=(when.microsecond + 1) % 1_000_000)
        target = folder / backup_name(workbook, when)
    with suppress(FolderNotSynced):  # the backup is complete and in place; only its folder's flush failed
        write_atomically(target, content)
    if prune:
        prune_backups(workbook, keep)
    return target


def prune_backups(workbook: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` backups; returns the ones deleted."""
    old = list_backups(workbook)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def is_backup_of(workbook: Path, candidate: Path) -> bool:
    """True when `candidate` is one of the workbook's backups (not a path that merely looks like one)."""
    candidate = Path(candidate)
    if candidate.resolve().parent != backup_dir(workbook).resolve():
        return False
    return candidate.name in {backup.name for backup in list_backups(workbook)}
