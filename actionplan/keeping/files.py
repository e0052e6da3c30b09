"""Writing a file so that it is either the old version or the new one, never half of one, even after a power cut."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".saving"  # `.plan-abc123.saving`: what a write interrupted by a crash leaves behind


class FolderNotSynced(OSError):
    """The file was replaced, but its folder could not be flushed to disk: the new version is in place now,
    though a power cut in the next moments could bring the old one back."""


def temporary_prefix(path: Path) -> str:
    """How the temporary files of writes to `path` start (a dot, so Excel and file lists do not show them)."""
    return f".{Path(path).stem}-"


def write_atomically(path: Path, content: bytes, *, mode: int | None = None) -> None:
    """Replace the file in one step: a temporary file in the same folder, flushed to disk, renamed over the file
    (os.replace), then the folder flushed so that the rename itself survives a power cut.

    mode: the new file's permissions; by default those of the file it replaces, else 0o644. The temporary file is
    created readable by its owner only and given `mode` just before the rename, so a secret is never exposed.
    On any failure before the rename the original is untouched and the temporary file is removed; a failure to
    flush the folder after it raises FolderNotSynced (the new version is then in place).
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:
        sync_folder(path.parent)
    except OSError as problem:
        raise FolderNotSynced(problem.errno, f"the folder could not be flushed to disk ({problem.strerror})") from None


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (renames, new and deleted files) to disk."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files of writes to `path` that never finished (a crash between the write and the rename)."""
    path = Path(path)
    return sorted(path.parent.glob(f"{temporary_prefix(path)}*{TEMPORARY_SUFFIX}"))
