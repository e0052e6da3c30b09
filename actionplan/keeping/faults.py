"""Why a write did not happen, in words for the person who tried: refusals (the app said no) and faults (the
server could not write)."""

from __future__ import annotations

from collections.abc import Sequence

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


CONFLICT_MESSAGE = (
    "The workbook was changed by someone else (in Excel or in another browser) after you opened "
    "the editor, so your changes were not saved and nothing was overwritten. Download your changes, "
    "start again from the current workbook and apply them again."
)
