"""Findings: what is wrong with a workbook, where (sheet, Excel row, column), how serious, and how to fix it.

A finding keeps its message and hint as the English message ids, with the values they quote beside them, and says
them in the reader's language only when shown (`message`, `hint`, `sentence`): a finding built once, cached and
shown to readers of several languages reads in each one's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .. import words
from ..i18n import N_, _


class Severity(StrEnum):
    """How serious a finding is. An error makes the workbook unusable; a warning sets one value aside."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """'error' or 'warning' in the reader's language."""
        return _(SEVERITY_WORDS[self])


ERROR, WARNING = Severity.ERROR, Severity.WARNING
SEVERITY_WORDS: dict[Severity, str] = {ERROR: N_("error"), WARNING: N_("warning")}


class Phrase(str):
    """A value of a finding that is itself the app's words ('a line break', 'the Steps sheet'): marked with N_
    where it is chosen and translated with the finding. Any other value (a cell, a name, a number) is shown as is."""

    __slots__ = ()


class Quantity(int):
    """A value of a finding that counts something (a length, a limit): said as the reader writes numbers (`32,767`,
    `32 767`), where a row, a year or an ID is quoted as it is."""

    __slots__ = ()


Values = tuple[tuple[str, object], ...]


def said(template: str, values: Values) -> str:
    """A message id in the reader's language with its values put in (a Phrase value translated too)."""
    if not template:
        return ""
    text = _(template)
    if not values:
        return text
    return text.format(**{key: _said(value) for key, value in values})


def _said(value: object) -> object:
    if isinstance(value, Phrase):
        return _(value)
    return words.number(value) if isinstance(value, Quantity) else value


@dataclass(frozen=True)
class Finding:
    """One problem found in a workbook.

    An error means the workbook cannot be used (the dashboard keeps its last good data, saving is refused);
    a warning means the workbook is used, with the affected value set aside as the message says.

    `text` and `advice` are message ids marked with N_ ('ID {id} is already used in row {first}'), `values` what
    they quote; `message` and `hint` say them in the current language.
    """

    severity: Severity
    sheet: str | None
    row: int | None
    column: str | None
    text: str
    advice: str = ""
    values: Values = ()

    @classmethod
    def of(
        cls,
        severity: Severity,
        sheet: str | None,
        row: int | None,
        column: str | None,
        text: str,
        advice: str = "",
        /,
        **values: object,
    ) -> Finding:
        """A finding with its values by name: `Finding.of(ERROR, None, None, None, N_("{name} is empty"), name=n)`."""
        return cls(severity, sheet, row, column, text, advice, tuple(values.items()))

    @property
    def message(self) -> str:
        """What is wrong, in the reader's language."""
        return said(self.text, self.values)

    @property
    def hint(self) -> str:
        """How to fix it, in the reader's language ('' when there is no advice)."""
        return said(self.advice, self.values)

    @property
    def location(self) -> str:
        """Where to look, in Excel's words: `Activities!12 Terms`."""
        place = self.sheet or _("Workbook")
        if self.row is not None:
            place += f"!{self.row}"
        if self.column:
            place += f" {self.column}"
        return place

    @property
    def sentence(self) -> str:
        """The finding in staff's words, without the severity: `Activities, row 3, ID: ID '2021-01' is already
        used in row 2`; a finding about the whole workbook is its message alone, capitalised."""
        row = _("row {row}").format(row=self.row) if self.row is not None else ""
        place = ", ".join(part for part in (self.sheet, row, self.column) if part)
        message = self.message
        return f"{place}: {message}" if place else message[:1].upper() + message[1:]

    def __str__(self) -> str:
        line = f"{self.location}: {self.severity.label}: {self.message}"
        hint = self.hint
        return f"{line} ({hint})" if hint else line

    def as_record(self) -> dict[str, object]:
        """A row of the validation report (Message and Hint in the reader's language)."""
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
