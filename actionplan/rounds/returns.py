"""A returned form, checked hostile-first before anything of it is used.

In order: its size; the container checks every workbook gets (a real .xlsx, bounded parts, safe XML: a corrupt file
or a zip bomb stops here); the hidden sheet names this round and one of its forms, with that form's token and lead;
every sheet is small; the locked cells are as issued (their digest); no row was added; each answer is a valid
value (a Status from the list, a whole number 0-100, a date, text without control characters, no formula).
Anything else is refused with a message in plain words; nothing of a refused file is kept.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from .. import i18n, words
from ..i18n import _
from ..plan.container import open_container
from ..plan.contract import ActivityColumn as A
from ..plan.status import Reported
from .forms import FORM_COLUMNS, HEADER_ROW, ROUND_SHEET, digest, form_sheet_name, locked_cells, status_labels
from .leads import lead_name
from .records import Answers, Form, Round

MAX_RETURN_BYTES = 2 * 2**20  # a form is about 10 KB; anything near this is the wrong file
MAX_FORM_EXTENT = 5_000  # rows or columns any sheet of a form may reach
MAX_TEXT = 32_767  # Excel's own limit for a cell
SHOWN_PROBLEMS = 6
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel writes a control character in a cell (openpyxl keeps it)


class NotAccepted(ValueError):
    """A returned form that cannot be taken; the message says why in plain words."""


@dataclass(frozen=True)
class Returned:
    """A form that passed every check: which form it is, the file, and the lead's answers, as valid values."""

    form: Form
    filename: str
    sha256: str
    answers: Answers


def read_return(round_: Round, forms: Sequence[Form], filename: str, content: bytes) -> Returned:
    """The checked answers of a returned form of this round; NotAccepted (in the current language) otherwise."""
    name = words.plain_text(filename)
    if len(content) > MAX_RETURN_BYTES:
        raise NotAccepted(
            _("{file} is {size} KB; a returned form is far smaller. Check that this is the right file.").format(
                file=name, size=len(content) // 1024
            )
        )
    container, findings = open_container(name, content)
    if container is None:
        first = findings[0] if findings else None
        raise NotAccepted(
            _("{file} cannot be read as a form: {reason}.").format(
                file=name, reason=first.message if first else _("it is not an .xlsx workbook")
            )
        )
    for sheet in container.sheets:
        scan = container.scan(sheet)
        if scan.far_cell or scan.rows > MAX_FORM_EXTENT or scan.columns > MAX_FORM_EXTENT:
            raise NotAccepted(_("{file} is not a form of this round: its sheets are far too large.").format(file=name))
        if scan.error_cells:
            raise NotAccepted(_("{file} has cells with errors (such as #VALUE!); correct them.").format(file=name))
    workbook = load_workbook(io.BytesIO(container.sheet_bytes()), data_only=False)
    try:
        with i18n.using(round_.lang):
            sheet_name, labels = form_sheet_name(), status_labels()
        form = _identify(workbook, round_, forms, name)
        if sheet_name not in workbook.sheetnames:
            raise NotAccepted(
                _("{file} has no sheet “{sheet}”: was it renamed? Send back the form as it was issued.").format(
                    file=name, sheet=sheet_name
                )
            )
        sheet = workbook[sheet_name]
        if digest(locked_cells(sheet, len(form.activities))) != form.digest:
            raise NotAccepted(
                _(
                    "{file}: the locked cells (the activities, their terms and dates, or the headings) are not as "
                    "issued, so the answers cannot be matched to activities. Ask {lead} to fill in a fresh copy of "
                    "the form."
                ).format(file=name, lead=lead_name(form.lead))
            )
        answers = _answers(sheet, form, labels, name)
    finally:
        workbook.close()
    return Returned(form, name, hashlib.sha256(content).hexdigest(), answers)


def _identify(workbook, round_: Round, forms: Sequence[Form], name: str) -> Form:  # type: ignore[no-untyped-def]
    """The form the hidden sheet names, if it is one of this round's, with its token and lead."""
    if ROUND_SHEET not in workbook.sheetnames:
        raise NotAccepted(_("{file} is not an update form of a reporting round.").format(file=name))
    identity = {
        words.cell_text(row[0]): row[1] if len(row) > 1 else None
        for row in workbook[ROUND_SHEET].iter_rows(min_row=1, max_row=4, max_col=2, values_only=True)
    }
    if words.cell_text(identity.get("round")) != round_.id:
        raise NotAccepted(
            _("{file} is a form of another round, not of “{round}”.").format(file=name, round=round_.name)
        )
    number = identity.get("form")
    form = next((form for form in forms if isinstance(number, (int, float)) and form.number == number), None)
    if (
        form is None
        or words.cell_text(identity.get("token")) != form.token
        or words.cell_text(identity.get("lead")) != form.lead
    ):
        raise NotAccepted(
            _("{file} does not match any form issued in “{round}”: its hidden identity was changed.").format(
                file=name, round=round_.name
            )
        )
    return form


def _answers(sheet: Worksheet, form: Form, labels: list[tuple[str, Reported]], name: str) -> Answers:
    by_label = {label.casefold(): value for label, value in labels} | {
        value.value.casefold(): value for _label, value in labels
    }
    problems: list[str] = []
    answers: Answers = {}
    width = len(FORM_COLUMNS)
    for offset, activity_id in enumerate(form.activities, start=1):
        row = HEADER_ROW + offset
        values: dict[str, object] = {}
        for number, form_column in enumerate(FORM_COLUMNS, start=1):
            if not form_column.filled:
                continue
            cell = sheet.cell(row, number)
            try:
                values[str(form_column.column)] = _value(cell, form_column.column, by_label)
            except ValueError as problem:
                problems.append(
                    _("row {row} ({activity}), {column}: {problem}").format(
                        row=row, activity=activity_id, column=_(form_column.heading), problem=problem
                    )
                )
        answers[activity_id] = values
    last = HEADER_ROW + len(form.activities)
    for row in sheet.iter_rows(min_row=last + 1, max_row=max(sheet.max_row, last + 1), max_col=width + 5):
        if any(not words.is_blank(cell.value) for cell in row):
            problems.append(
                _(
                    "row {row}: something was added below the activities; only the activities listed can be reported."
                ).format(row=row[0].row)
            )
            break
    if problems:
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        tail = i18n.n_(" (and {n} more)", " (and {n} more)", more).format(n=more) if more > 0 else ""
        raise NotAccepted(
            _("{file} cannot be taken until these are corrected: {problems}{more}.").format(
                file=name, problems=shown, more=tail
            )
        )
    return answers


def _value(cell: Cell, column: A, statuses: dict[str, Reported]) -> object:
    """The answer in a filled cell as a valid value (None when blank); ValueError saying what is wrong."""
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type != "s"):
        raise ValueError(_("a formula; type the value itself"))
    if words.is_blank(value):
        return None
    if column == A.STATUS:
        found = statuses.get(words.cell_text(value).strip().casefold())
        if found is None:
            raise ValueError(_("“{value}” is not a status from the list").format(value=_shown(value)))
        return found.value
    if column == A.PROGRESS:
        number = _number(value)
        if number is None or not float(number).is_integer() or not 0 <= number <= 100:
            raise ValueError(_("“{value}” is not a whole number from 0 to 100").format(value=_shown(value)))
        return int(number)
    if column == A.LAST_UPDATE:
        when = _date(value)
        if when is None:
            raise ValueError(_("“{value}” is not a date").format(value=_shown(value)))
        return when
    text = _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), value) if isinstance(value, str) else str(value)
    if _CONTROL.search(text):
        raise ValueError(_("the text holds control characters (such as a Word line break); type it again"))
    if len(text) > MAX_TEXT:
        raise ValueError(_("the text is longer than a cell may hold"))
    return text.strip() or None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _shown(value: object) -> str:
    text = words.plain_text(words.cell_text(value))
    return text if len(text) <= 40 else text[:37] + "..."
