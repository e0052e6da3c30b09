"""Sheets into records, cell by cell: headers matched, text cleaned of control characters, error cells and
unsaved formulas reported, numbers bounded, and which sheet of several look-alikes is the one to read.

Every finding here keeps the workbook usable: the cell is read as well as it can be and the finding says how.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import words
from ..i18n import N_
from . import contract
from .findings import ERROR, WARNING, Finding, Phrase, Quantity
from .sheet_xml import SheetRef, SheetScan, column_letters
from .terms import YEARS

EXCEL_TEXT_LIMIT = 32_767  # the most characters Excel keeps in a cell
LARGEST_NUMBER = 10**9  # No., Step: far above any plan's numbering, far below what Int64 holds
FINDINGS_PER_KIND = 20  # per sheet; then one line says how many more
QUOTE_LIMIT = 60  # how much of a cell a finding quotes

# Word's line break (U+000B) and form feed become a line break; other control characters become a space.
_LINE_BREAKS = re.compile("[\x0b\x0c\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ANY_CONTROL = re.compile(f"{_LINE_BREAKS.pattern}|{_CONTROLS.pattern}")
_CONTROL_CHARACTER = re.compile(f"[{_LINE_BREAKS.pattern[1:-1]}{_CONTROLS.pattern[1:-1]}]")  # the same, one class
_COPY_WORDS = r"(copyof)?{key}(\d+|copy|old|backup|new)?"
_ASCII_NOT_CONTROL = bytes(code for code in range(128) if not _CONTROL_CHARACTER.match(chr(code)))


def shown(value: object) -> str:
    """A cell's value quoted in a finding: its text, cut to a readable length."""
    text = words.cell_text(value)
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


class Collector:
    """Gathers findings for one sheet so each check reads as one line; repeats of one kind are counted, not listed."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.findings: list[Finding] = []
        self._kinds: dict[str, int] = {}

    def error(self, row: int | None, column: str | None, message: str, hint: str = "", /, **values: object) -> None:
        """An error; `message` and `hint` are ids marked with N_, `values` what their placeholders quote."""
        self.findings.append(Finding.of(ERROR, self.sheet, row, column, message, hint, **values))

    def warn(self, row: int | None, column: str | None, message: str, hint: str = "", /, **values: object) -> None:
        """A warning; `message` and `hint` are ids marked with N_, `values` what their placeholders quote."""
        self.findings.append(Finding.of(WARNING, self.sheet, row, column, message, hint, **values))

    def warn_once_of(
        self, kind: str, row: int | None, column: str | None, message: str, hint: str = "", /, **values: object
    ) -> None:
        """A warning of a kind (marked with N_) that may repeat in many cells: the first few are listed, the rest
        counted."""
        seen = self._kinds[kind] = self._kinds.get(kind, 0) + 1
        if seen <= FINDINGS_PER_KIND:
            self.warn(row, column, message, hint, **values)

    def summarise(self) -> None:
        for kind, seen in self._kinds.items():
            if seen > FINDINGS_PER_KIND:
                self.warn(
                    None, None, N_("{count} more cells: {kind}"), count=seen - FINDINGS_PER_KIND, kind=Phrase(kind)
                )


@dataclass
class Sheet:
    """A sheet's non-blank rows, column by column under canonical headers, with their Excel row numbers."""

    name: str
    columns: list[str]  # canonical names of the columns found, then staff-added ones, in sheet order
    numbers: list[int]  # the Excel row number of each row read
    cells: dict[str, list[object]]  # column -> its cleaned cells, one per row read
    missing: list[str]

    def column(self, name: str) -> list[object]:
        """A column's cells (all blank for a column the sheet lacks)."""
        return self.cells.get(name) or [None] * len(self.numbers)

    @property
    def records(self) -> list[tuple[int, dict[str, object]]]:
        """The rows as (Excel row number, {column: cell}), each dict new."""
        names = list(self.cells)
        return (
            [
                (number, dict(zip(names, values, strict=True)))
                for number, values in zip(self.numbers, zip(*self.cells.values(), strict=True), strict=True)
            ]
            if names
            else [(number, {}) for number in self.numbers]
        )


def clean_text(text: str) -> tuple[str, str | None]:
    """Text without control characters, and the first one found (None when there was none)."""
    found = _ANY_CONTROL.search(text)
    if found is None:
        return text, None
    return _CONTROLS.sub(" ", _LINE_BREAKS.sub("\n", text)), found.group(0)


def _control_name(character: str) -> str:
    return f"U+{ord(character):04X}"


def read_sheet(
    name: str, rows: Sequence[Sequence[object]], columns: tuple[contract.Column, ...], scan: SheetScan, found: Collector
) -> Sheet:
    """Match headers case- and space-insensitively; keep staff-added columns; skip blank rows; clean each cell."""

    def clean(value: object, row: int, column: int) -> object:
        if not isinstance(value, str):
            return value
        stripped = value.strip()
        if len(stripped) <= EXCEL_TEXT_LIMIT and (stripped.isprintable() or not _ANY_CONTROL.search(stripped)):
            return stripped or None  # the usual cell: nothing to report (isprintable is the quick yes)
        text, control = clean_text(stripped)
        where = labels[column] if column < len(labels) and labels[column] else column_letters(column + 1)
        if control:
            found.warn_once_of(
                N_("control characters replaced"),
                row,
                where,
                N_(
                    "the text has a control character ({control}, a line break pasted from Word); it is read as a line break"
                )
                if control == "\x0b"
                else N_("the text has a control character ({control}); it is read as a line break")
                if _LINE_BREAKS.match(control)
                else N_("the text has a control character ({control}); it is read as a space"),
                N_("nothing is lost; retype the line break with Alt+Enter to clear this warning"),
                control=_control_name(control),
            )
        if len(text) > EXCEL_TEXT_LIMIT:
            found.warn_once_of(
                N_("text longer than Excel keeps"),
                row,
                where,
                N_("the text is {length} characters long, more than the {limit} Excel keeps in a cell"),
                N_("shorten it: Excel cuts longer text when it saves the workbook"),
                length=Quantity(len(text)),
                limit=Quantity(EXCEL_TEXT_LIMIT),
            )
        return text.strip() or None

    labels: list[str | None] = []
    header_index = next((i for i, row in enumerate(rows) if any(_present(cell) for cell in row)), None)
    if header_index is None:
        return Sheet(name, [], [], {}, [column.name for column in columns])
    header = [clean(cell, header_index + 1, i) for i, cell in enumerate(rows[header_index])]
    labels = [None] * len(header)
    for label, position in contract.header_positions(header, columns).items():
        labels[position - 1] = label
    _report_cells(scan, header_index + 1, labels, found)
    wanted = [(position, str(label)) for position, label in enumerate(labels) if label]
    present = [label for label in labels if label]
    missing = [column.name for column in columns if column.name not in present]
    first = header_index + 2
    quick = _clean_columns(rows[header_index + 1 :], wanted)
    if quick is not None:
        numbers, cells = quick
        return Sheet(name, present, list(map(first.__add__, numbers)), cells, missing)
    # a cell with a control character or too long: cell by cell, so the findings come in the sheet's order
    kept: list[int] = []
    columns_read: dict[str, list[object]] = {label: [] for _, label in wanted}
    for offset, row in enumerate(rows[header_index + 1 :], start=first):
        values = {label: clean(row[position], offset, position) for position, label in wanted if position < len(row)}
        if all(value is None for value in values.values()):
            continue
        kept.append(offset)
        for label, cells_of in columns_read.items():
            cells_of.append(values.get(label))
    return Sheet(name, present, kept, columns_read, missing)


def _clean_columns(
    body: Sequence[Sequence[object]], wanted: list[tuple[int, str]]
) -> tuple[list[int], dict[str, list[object]]] | None:
    """The wanted columns of the rows below the header, stripped, blank text as None, blank rows left out, with
    the index of each row kept; None when a row is short or a text cell has a control character or is longer than
    Excel keeps (those are read cell by cell, with their findings)."""
    width = max((position for position, _ in wanted), default=-1) + 1
    if body and min(map(len, body)) < width:
        return None
    # rows [[a1, b1], [a2, b2]] -> columns (a1, a2), (b1, b2)
    by_position = list(zip(*body, strict=False)) if body else [() for _ in range(width)]
    cells: dict[str, list[object]] = {}
    for position, label in wanted:
        values = by_position[position]
        # each distinct text stripped once (blank as None), then looked up; numbers and dates kept as they are
        stripped = {value: value.strip() or None for value in set(values) if isinstance(value, str)}
        cleaned: list[object] = list(map(stripped.get, values, values)) if stripped else list(values)
        texts = [text for text in stripped.values() if text is not None]
        # the distinct texts checked at once (a number or a date has no control character and is short)
        joined = "\n".join(texts)
        if len(joined) > EXCEL_TEXT_LIMIT and max(map(len, texts)) > EXCEL_TEXT_LIMIT:
            return None
        if _has_control(joined):
            return None
        cells[label] = cleaned
    # blank rows: those blank in the first column, narrowed column by column (usually to none at the second)
    first = next(iter(cells.values()), [])
    blank = [index for index, value in enumerate(first) if value is None] if None in first else []
    for column in list(cells.values())[1:]:
        if not blank:
            break
        blank = [index for index in blank if column[index] is None]
    if not cells:
        blank = list(range(len(body)))
    if not blank:
        return list(range(len(body))), cells
    skipped = set(blank)
    kept = [index for index in range(len(body)) if index not in skipped]
    return kept, {label: [column[index] for index in kept] for label, column in cells.items()}


def _has_control(text: str) -> bool:
    """Whether the text has a control character (`_CONTROL_CHARACTER`); ASCII text checked as bytes at once."""
    if text.isascii():  # what is left once every other ASCII character is deleted
        return bool(text.encode("ascii").translate(None, _ASCII_NOT_CONTROL))
    return _CONTROL_CHARACTER.search(text) is not None


def _present(cell: object) -> bool:
    return not (cell is None or (isinstance(cell, str) and not cell.strip()))


def _report_cells(scan: SheetScan, header_row: int, labels: list[str | None], found: Collector) -> None:
    """Findings for the cells the sheet's XML shows the reader could not give as they are."""

    def label(column: int) -> str:
        return (labels[column - 1] if column <= len(labels) else None) or column_letters(column)

    for row, column, error in scan.error_cells:
        if row > header_row:
            found.warn_once_of(
                N_("error cells"),
                row,
                label(column),
                N_("the cell shows the error {error}; read as blank"),
                N_("correct the formula, or type the value itself"),
                error=shown(error),
            )
    for row, column in scan.formulas_without_value:
        found.warn_once_of(
            N_("formulas without a saved result"),
            row,
            label(column),
            N_("the cell holds a formula whose result was never saved; read as blank"),
            N_("open the workbook in Excel and save it, so the result is stored with the formula"),
        )


def report_merged_header(merged: list | None, header_row: int, found: Collector) -> None:
    """A warning for header cells merged across columns: each column needs its own header."""
    for (first_row, first_column), (last_row, last_column) in merged or []:
        if first_row <= header_row - 1 <= last_row and last_column > first_column:
            cells = f"{column_letters(first_column + 1)}{first_row + 1}:{column_letters(last_column + 1)}{last_row + 1}"
            found.warn(
                header_row,
                None,
                N_("the header cells {cells} are merged, so only the first of those columns has a header"),
                N_("unmerge them (Home > Merge & Center) and give each column its own header"),
                cells=cells,
            )


# ---------------------------------------------------------------------------------------------------------------
# Values


def whole_number(value: object, limit: int = LARGEST_NUMBER) -> int | None:
    """A cell as a whole number of at most `limit`; raises ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if not float(value).is_integer():
            raise ValueError(value)
        number = int(value)
    else:
        number = int(str(value).strip().rstrip("."))
    if abs(number) > limit:
        raise ValueError(value)
    return number


def year(value: object) -> int | None:
    """A plan year such as 2024; raises ValueError for anything else."""
    number = whole_number(value)
    if number is not None and number not in YEARS:
        raise ValueError(value)
    return number


def percent(value: object) -> float | None:
    """Progress %: a number 0-100, '50%' accepted; raises ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    number = float(value.strip().rstrip("%")) if isinstance(value, str) else float(value)
    if not 0 <= number <= 100:
        raise ValueError(value)
    return number


# ---------------------------------------------------------------------------------------------------------------
# Which sheet to read


def choose_sheet(sheets: list[SheetRef], wanted: str) -> tuple[SheetRef | None, list[Finding]]:
    """The sheet to read for `wanted`: a visible one named like it (its exact name first), else a hidden one;
    with a warning for a hidden sheet read, and for every other sheet that looks like a copy of it."""
    key = contract.header_key(wanted)
    copy = re.compile(_COPY_WORDS.format(key=re.escape(key)))
    alike = [sheet for sheet in sheets if copy.fullmatch(contract.header_key(sheet.name))]
    named = [sheet for sheet in alike if contract.header_key(sheet.name) == key]
    if not named:
        return None, []
    chosen = min(named, key=lambda sheet: (not sheet.visible, sheet.name != wanted))
    found = Collector(wanted)
    if not chosen.visible:
        found.warn(
            None,
            None,
            N_("the sheet '{sheet}' is hidden; it is read all the same"),
            N_("unhide it (right-click a sheet tab > Unhide) so that you see what the dashboard reads"),
            sheet=shown(chosen.name),
        )
    for other in alike:
        if other is not chosen:
            found.warn(
                None,
                None,
                N_("the sheet '{copy}' looks like a copy of '{sheet}'; only '{sheet}' is read")
                if other.visible
                else N_("the hidden sheet '{copy}' looks like a copy of '{sheet}'; only '{sheet}' is read"),
                N_("delete the copy, or if it holds the current data, delete '{sheet}' and rename the copy"),
                copy=shown(other.name),
                sheet=shown(chosen.name),
            )
    return chosen, found.findings
