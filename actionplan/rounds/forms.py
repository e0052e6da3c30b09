"""The update form: one small workbook per lead, listing only that lead's activities.

Sheet "Update form" (in the lead's language): a title, a line saying what to do and by when, then one row per
activity. ID, Event, Terms, Start and End are locked (sheet protection without a password, so anyone can still
read, copy and print); Status (a drop-down), Progress % (a whole number 0-100), Last update (a date), Notes and
Evidence are unlocked and pre-filled with the workbook's values. An About sheet says the same in plain words. A
very hidden sheet names the round, the form and its token, and holds the drop-down's values; the store keeps a
digest of the locked cells, so a return can be checked against what was issued.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import i18n, words
from ..i18n import N_, _
from ..plan.contract import ActivityColumn as A
from ..plan.status import Reported
from ..plan.workbook import DATE_FORMAT, HEADER_FILL, HEADER_FONT, WRAP_ALIGNMENT, date_rule, percent_rule, put_value
from .leads import lead_name
from .records import Form, Round

TITLE_ROW, HEADER_ROW = 1, 4
ROUND_SHEET = "_round"  # very hidden: which round and form this is, and the Status labels of the drop-down
STATUS_LIST_COLUMN = 4  # column D of the hidden sheet
LOCKED_FILL = PatternFill(fill_type="solid", start_color="FFE7E6E6", end_color="FFE7E6E6")


@dataclass(frozen=True)
class FormColumn:
    """A column of the form: the workbook's column, its heading for the lead, its width, whether the lead fills it."""

    column: A
    heading: str
    width: int
    filled: bool


FORM_COLUMNS: tuple[FormColumn, ...] = (
    FormColumn(A.ID, N_("Activity ID"), 13, False),
    FormColumn(A.EVENT, N_("Event, as in the plan"), 56, False),
    FormColumn(A.TERMS, N_("Terms, as in the plan"), 20, False),
    FormColumn(A.START, N_("Starts"), 13, False),
    FormColumn(A.END, N_("Ends"), 14, False),
    FormColumn(A.STATUS, N_("Status now"), 15, True),
    FormColumn(A.PROGRESS, N_("Progress, %"), 11, True),
    FormColumn(A.LAST_UPDATE, N_("Date of this news"), 14, True),
    FormColumn(A.NOTES, N_("What was done (notes)"), 48, True),
    FormColumn(A.EVIDENCE, N_("Evidence: a link or document reference"), 34, True),
)
FILLED_COLUMNS: tuple[A, ...] = tuple(form_column.column for form_column in FORM_COLUMNS if form_column.filled)
LOCKED_COLUMNS: tuple[A, ...] = tuple(form_column.column for form_column in FORM_COLUMNS if not form_column.filled)


def form_sheet_name() -> str:
    """The form's sheet, named in the current language (at most 31 characters, as Excel allows)."""
    return _("Update form")[:31]


def about_sheet_name() -> str:
    return _("About this form")[:31]


def day_text(value: date) -> str:
    """A date as the current language writes it: `30 September 2027`, `30 сентября 2027 г.`."""
    from babel.dates import format_date  # babel is the i18n machinery's own dependency

    return format_date(value, format="long", locale=i18n.current().locale)


def status_labels() -> list[tuple[str, Reported]]:
    """(label in the current language, value) of each Status a lead may pick."""
    return [(_(member.value), member) for member in Reported.typed_values()]


@dataclass(frozen=True)
class FormRow:
    """One activity on a form: its locked cells and its current values, both as in the workbook."""

    activity_id: str
    locked: dict[str, object]
    filled: dict[str, object]


def canonical(value: object) -> str:
    """A cell's value as the digest sees it, the same whether the file went through Excel, LibreOffice or
    openpyxl: dates as ISO days, whole numbers without a decimal point, text with its line breaks as \\n."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return words.cell_text(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def digest(locked_rows: Iterable[Sequence[object]]) -> str:
    """The sha256 of the locked cells (title, headings, the read-only columns), row by row."""
    rows = [[canonical(value) for value in row] for row in locked_rows]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def build_form(round_: Round, form: Form, rows: Sequence[FormRow]) -> tuple[bytes, str]:
    """The form's bytes and the digest of its locked cells, in the round's language."""
    with i18n.using(round_.lang):
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = form_sheet_name()
        _write_form(sheet, round_, form, rows)
        locked = locked_cells(sheet, len(rows))
        about = workbook.create_sheet(about_sheet_name())
        _write_about(about, round_, form, len(rows))
        hidden = workbook.create_sheet(ROUND_SHEET)
        _write_identity(hidden, round_, form)
        hidden.sheet_state = "veryHidden"
        workbook.active = 0
        workbook.properties.title = f"{round_.name}: {lead_name(form.lead)}"[:250]
        workbook.properties.creator = "Action Plan dashboard"
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue(), digest(locked)


def locked_cells(sheet: Worksheet, count: int) -> list[list[object]]:
    """The values of the locked cells of a form sheet with `count` activities: rows 1-2, the headings, and the
    read-only columns of each activity row."""
    width = len(FORM_COLUMNS)
    top = [[sheet.cell(row, column).value for column in range(1, width + 1)] for row in range(1, HEADER_ROW + 1)]
    body = [
        [sheet.cell(row, column).value for column in range(1, len(LOCKED_COLUMNS) + 1)]
        for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + count)
    ]
    return top + body


def _write_form(sheet: Worksheet, round_: Round, form: Form, rows: Sequence[FormRow]) -> None:
    title = sheet.cell(TITLE_ROW, 1)
    put_value(title, _("{round}: update form for {lead}").format(round=round_.name, lead=lead_name(form.lead)))
    title.font = Font(bold=True, size=14)
    put_value(
        sheet.cell(TITLE_ROW + 1, 1),
        _(
            "Please fill in the white columns for each activity and send this file back by {due}. "
            "The grey columns are locked. Leave a cell as it is when there is no news."
        ).format(due=day_text(round_.due)),
    )
    for number, form_column in enumerate(FORM_COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, number)
        put_value(cell, _(form_column.heading))
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(number)].width = form_column.width
    sheet.row_dimensions[HEADER_ROW].height = 32
    for offset, row in enumerate(rows, start=1):
        at = HEADER_ROW + offset
        for number, form_column in enumerate(FORM_COLUMNS, start=1):
            cell = sheet.cell(at, number)
            source = row.filled if form_column.filled else row.locked
            value = source.get(form_column.column)
            if form_column.column == A.STATUS:
                value = _(str(value)) if value else None  # the label the drop-down offers
            put_value(cell, value)
            cell.alignment = WRAP_ALIGNMENT
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = DATE_FORMAT
            if form_column.filled:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = LOCKED_FILL
        lines = max(1, len(words.cell_text(row.locked.get(A.EVENT))) // 60 + 1)
        sheet.row_dimensions[at].height = min(409.0, 15.0 * lines + 4)
    _validations(sheet, len(rows))
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
    sheet.protection.sheet = True  # no password: the lead can read, copy and print everything
    sheet.protection.formatColumns = False  # widths and row heights may still be changed to read
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _column_of(column: A) -> str:
    return get_column_letter(next(n for n, fc in enumerate(FORM_COLUMNS, start=1) if fc.column == column))


def _validations(sheet: Worksheet, count: int) -> None:
    if count == 0:
        return
    first, last = HEADER_ROW + 1, HEADER_ROW + count
    labels = len(status_labels())
    status = DataValidation(
        type="list",
        formula1=f"'{ROUND_SHEET}'!$D$1:$D${labels}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Status now"),
        error=_("Please pick a status from the list."),
    )
    progress = percent_rule(
        errorTitle=_("Progress, %"),
        error=_("Please type a whole number from 0 to 100."),
    )
    when = date_rule(
        errorTitle=_("Date of this news"),
        error=_("Please type a date, for example 2027-09-15."),
    )
    for validation, column in ((status, A.STATUS), (progress, A.PROGRESS), (when, A.LAST_UPDATE)):
        letter = _column_of(column)
        validation.add(f"{letter}{first}:{letter}{last}")
        sheet.add_data_validation(validation)


def _write_about(sheet: Worksheet, round_: Round, form: Form, count: int) -> None:
    paragraphs = [
        _("About this form"),
        _("This form is for {lead}. It lists the activities of the action plan that name you as the lead.").format(
            lead=lead_name(form.lead)
        ),
        i18n.n_(
            "There is {n} activity on the sheet “{sheet}”.",
            "There are {n} activities on the sheet “{sheet}”.",
            count,
        ).format(n=count, sheet=form_sheet_name()),
        _(
            "For each activity, say where it stands now: pick a Status from the list, type the progress as a whole "
            "number from 0 to 100, the date of your news, a few words on what was done, and a link or the name of "
            "a document that shows it. Leave a cell as it is when there is no news: nothing is assumed from a "
            "blank."
        ),
        _("The grey columns (the activity, its terms and dates) are locked so that your answers can be matched."),
        _("Please save the file as it is (.xlsx, without renaming its sheets) and send it back by {due}.").format(
            due=day_text(round_.due)
        ),
        _("Round: {round}. Form {number}.").format(round=round_.name, number=form.number),
    ]
    sheet.column_dimensions["A"].width = 90
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for number, text in enumerate(paragraphs, start=1):
        cell = sheet.cell(number, 1)
        put_value(cell, text)
        cell.alignment = WRAP_ALIGNMENT
        if number == 1:
            cell.font = Font(bold=True, size=14)
        else:
            sheet.row_dimensions[number].height = 15.0 * (len(text) // 85 + 1) + 4
    sheet.sheet_view.showGridLines = False


def _write_identity(sheet: Worksheet, round_: Round, form: Form) -> None:
    for row, (name, value) in enumerate(
        (("round", round_.id), ("form", form.number), ("token", form.token), ("lead", form.lead)), start=1
    ):
        put_value(sheet.cell(row, 1), name)
        put_value(sheet.cell(row, 2), value)
    for row, (label, _value) in enumerate(status_labels(), start=1):
        put_value(sheet.cell(row, STATUS_LIST_COLUMN), label)
