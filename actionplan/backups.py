"""Where earlier versions of the workbook are kept: a `backups/` folder beside it, outside git."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

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


def backup_time(backup: Path) -> datetime | None:
    """When a backup was taken, read from its name."""
    stamp = backup.stem.split("-", 1)[-1] if "-" in backup.stem else ""
    for length in (len("20261126-143000-123456"), len("20261126-143000")):
        try:
            return datetime.strptime(stamp[-length:], STAMP if length > 15 else "%Y%m%d-%H%M%S")
        except ValueError:
            continue
    return None
