"""Findings: what is wrong with a workbook, where (sheet, Excel row, column), how serious, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is. An error makes the workbook unusable; a warning sets one value aside."""

    ERROR = "error"
    WARNING = "warning"


ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Finding:
    """One problem found in a workbook.

    An error means the workbook cannot be used (the dashboard keeps its last good data, saving is refused);
    a warning means the workbook is used, with the affected value set aside as the message says.
    """

    severity: Severity
    sheet: str | None
    row: int | None
    column: str | None
    message: str
    hint: str = ""

    @property
    def location(self) -> str:
        """Where to look, in Excel's words: `Activities!12 Terms`."""
        place = self.sheet or "Workbook"
        if self.row is not None:
            place += f"!{self.row}"
        if self.column:
            place += f" {self.column}"
        return place

    @property
    def sentence(self) -> str:
        """The finding in staff's words, without the severity: `Activities, row 3, ID: ID '2021-01' is already
        used in row 2`; a finding about the whole workbook is its message alone, capitalised."""
        place = ", ".join(
            part for part in (self.sheet, f"row {self.row}" if self.row is not None else "", self.column) if part
        )
        return f"{place}: {self.message}" if place else self.message[:1].upper() + self.message[1:]

    def __str__(self) -> str:
        line = f"{self.location}: {self.severity}: {self.message}"
        return f"{line} ({self.hint})" if self.hint else line

    def as_record(self) -> dict[str, object]:
        """A row of the validation report."""
        return {
            "Severity": self.severity,
            "Sheet": self.sheet or "",
            "Row": self.row,
            "Column": self.column or "",
            "Message": self.message,
            "Hint": self.hint,
        }


def has_errors(findings: tuple[Finding, ...] | list[Finding]) -> bool:
    """True when any finding is an error."""
    return any(finding.severity == ERROR for finding in findings)
