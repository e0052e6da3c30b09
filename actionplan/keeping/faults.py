"""Why a write did not happen, in words for the person who tried: refusals (the app said no) and faults (the
server could not write)."""

from __future__ import annotations

import errno
from collections.abc import Sequence

from ..i18n import N_, _, n_
from ..plan.findings import Finding


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


CONFLICT_MESSAGE = N_(
    "The workbook was changed by someone else (in Excel or in another browser) after you opened "
    "the editor, so your changes were not saved and nothing was overwritten. Download your changes, "
    "start again from the current workbook and apply them again."
)


class SaveFailed(SaveRefused):
    """The server could not write (a read-only or full disk, no permission, the lock held too long): nothing was
    changed, neither the workbook nor its folder nor the log. `cause` is the system's error, for the server log."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class LockTimeout(SaveFailed):
    """Another save held the workbook's lock for longer than the save would wait."""


NOTHING_CHANGED = N_("Nothing was changed.")


def lock_timeout_message(seconds: float) -> str:
    return _(
        "Not saved: another save has kept the workbook busy for more than {seconds} seconds (a colleague saving a "
        "large change, or a save that is stuck). {nothing_changed} Please try again in a moment."
    ).format(seconds=f"{seconds:.0f}", nothing_changed=_(NOTHING_CHANGED))


def fault_message(problem: OSError) -> str:
    """Why the server could not write, in staff's words, by the system's error number."""
    number = problem.errno
    if number == errno.EROFS:
        cause = _(
            "the folder that holds the workbook is read-only on the server. Whoever runs the server needs to make "
            "it writable"
        )
    elif number in (errno.ENOSPC, errno.EDQUOT):
        cause = _("the server's disk is full. Whoever runs the server needs to free some space on it")
    elif number in (errno.EACCES, errno.EPERM):
        cause = _(
            "the server is not allowed to write to the workbook's folder (permission denied). Whoever runs the "
            "server needs to let the app write there"
        )
    elif number == errno.ENOENT:
        cause = _("the workbook or its folder is no longer where it was on the server. Reload the page to see why")
    else:
        cause = _("the server could not write the workbook ({reason}). Try again in a moment").format(
            reason=problem.strerror or problem
        )
    return _("Not saved: {cause}. {nothing_changed}").format(cause=cause, nothing_changed=_(NOTHING_CHANGED))


def unlogged_message(problem: OSError) -> str:
    """What the user is told when the workbook was saved but the change log could not be completed."""
    reason = _("the server's disk is full") if problem.errno in (errno.ENOSPC, errno.EDQUOT) else problem.strerror
    return _(
        "The change log could not be completed ({reason}): your change is in it, marked as not yet confirmed, "
        "and it is confirmed at the next save."
    ).format(reason=reason)


def finding_text(finding: Finding) -> str:
    """A finding as a sentence for staff: `Activities, row 3, ID: the ID 2021-01 is already used (…)`."""
    line = finding.sentence
    return f"{line} ({finding.hint})" if finding.hint else line


def merge_message(conflicts: int) -> str:
    """Why a save on an older version waits: cells both editors changed."""
    return n_(
        "The workbook was saved by someone else after you opened it, and {n} cell was changed by both of you. "
        "Nothing was saved: choose which value each keeps, then save again.",
        "The workbook was saved by someone else after you opened it, and {n} cells were changed by both of you. "
        "Nothing was saved: choose which value each keeps, then save again.",
        conflicts,
    ).format(n=conflicts)


class Unpatchable(Exception):
    """Not a refusal: the change or the workbook is not one the XML patch handles (`patch`), so the save takes the
    openpyxl way instead."""
