"""Starting a round: the workbook read as it is now, who gets which activities, one form per lead, all kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import i18n, words
from ..i18n import _
from ..keeping.edits import read_tables
from ..keeping.store import Store
from ..plan import contract
from ..plan.contract import ActivityColumn as A
from ..plan.load import WorkbookInfo, load_plan_bytes, read_bytes
from ..plan.translations import in_language
from . import records
from .forms import FILLED_COLUMNS, FormRow, build_form
from .leads import Asked, asked, file_name
from .records import Form, Round

MAX_NAME_LENGTH = 80


class NotStarted(ValueError):
    """The round cannot be started: the message says why, in plain words."""


@dataclass(frozen=True)
class Issued:
    """A round just started: the round, each form with its bytes, and who was asked about what."""

    round: Round
    forms: tuple[tuple[Form, bytes], ...]
    asked: Asked


def form_rows(content: bytes, path: Path, lang: str) -> dict[str, FormRow]:
    """{activity ID: its row on a form}: the locked cells with the dates the dashboard shows (the Start/End cells,
    else derived from Terms) and the Event and Terms in the form's language where staff translated them (`Event
    (ru)`), the filled ones as they are stored in the sheet (a lead's Notes go back to the Notes column)."""
    plan = load_plan_bytes(content, WorkbookInfo.of(path, content, datetime.now()))
    if plan.errors:
        raise NotStarted(
            _("The workbook has errors; correct them before starting a round. First: {error}").format(
                error=plan.errors[0].message
            )
        )
    table = read_tables(content)[contract.ACTIVITIES]
    stored = {words.cell_text(record.get(A.ID)): record for record in table.frame.to_dict("records")}
    rows: dict[str, FormRow] = {}
    for record in in_language(plan.activities, lang, (A.EVENT, A.TERMS)).to_dict("records"):
        activity_id = words.cell_text(record.get(A.ID))
        cells = stored.get(activity_id, {})
        locked: dict[str, object] = {str(column): record.get(column) for column in (A.ID, A.EVENT, A.TERMS)}
        locked |= {str(column): _day(record.get(column)) for column in (A.START, A.END)}
        filled: dict[str, object] = {str(column): _plain(cells.get(column)) for column in FILLED_COLUMNS}
        rows[activity_id] = FormRow(activity_id, locked, filled)
    return rows


def _day(value: object) -> date | None:
    if words.is_blank(value):
        return None
    to_pydatetime = getattr(value, "to_pydatetime", None)
    value = to_pydatetime() if callable(to_pydatetime) else value
    return value.date() if isinstance(value, datetime) else value if isinstance(value, date) else None


def _plain(value: object) -> object:
    if words.is_blank(value):
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, (date, datetime, str)) else value


def who_is_asked(path: Path) -> Asked:
    """Who a round started now would ask about what (for the warning before starting)."""
    content, _info = read_bytes(path)
    return _asked(content)


def _asked(content: bytes) -> Asked:
    table = read_tables(content)[contract.ACTIVITIES]
    return asked(
        (words.cell_text(record.get(A.ID)), record.get(A.LEAD))
        for record in table.frame.to_dict("records")
        if words.cell_text(record.get(A.ID))
    )


def lead_warning(found: Asked) -> str | None:
    """What to say before starting when most activities name no National lead; None when every one names one."""
    if found.without_lead == 0:
        return None
    return i18n.n_(  # chosen by the activities that name a lead: "Only 1 of 42 activities names"
        "Only {named} of {total} activities names a National lead. Those without one ({rest}) go on one form for the "
        "National Commission itself. To ask the right people, assign leads first (Edit tab, column National lead; "
        "separate joint leads with ;).",
        "Only {named} of {total} activities name a National lead. Those without one ({rest}) go on one form for the "
        "National Commission itself. To ask the right people, assign leads first (Edit tab, column National lead; "
        "separate joint leads with ;).",
        found.with_lead,
    ).format(named=found.with_lead, total=found.total, rest=found.without_lead)


def start_round(
    store: Store, path: Path, *, name: str, due: date, lang: str, started_by: str, now: datetime | None = None
) -> Issued:
    """Start a round on the workbook as it is now: one form per lead, the round and its forms kept in the store."""
    name = " ".join(words.plain_text(name).split())[:MAX_NAME_LENGTH]
    if not name:
        raise NotStarted(_("Give the round a name, for example “Before GC 44”."))
    lang = i18n.supported(lang) or i18n.DEFAULT
    content, info = read_bytes(path)
    rows = form_rows(content, path, lang)
    found = _asked(content)
    if not found.forms:
        raise NotStarted(_("The workbook has no activities to ask about."))
    round_ = Round(
        id=secrets.token_hex(8),
        workbook=Path(path).name,
        name=name,
        due=due,
        lang=lang,
        started_at=(now or datetime.now()).replace(microsecond=0),
        started_by=started_by,
        base_sha256=hashlib.sha256(content).hexdigest(),
    )
    issued: list[tuple[Form, bytes]] = []
    for number, (lead, ids) in enumerate(found.forms, start=1):
        ids = tuple(activity_id for activity_id in ids if activity_id in rows)
        form = Form(round_.id, number, lead, secrets.token_hex(8), file_name(number, lead), ids, "")
        form_bytes, form_digest = build_form(round_, form, [rows[activity_id] for activity_id in ids])
        issued.append((Form(**{**form.__dict__, "digest": form_digest}), form_bytes))
    records.add_round(store, round_, content, [form for form, _bytes in issued])
    return Issued(round_, tuple(issued), found)


def rebuild_form(store: Store, round_: Round, form: Form) -> bytes:
    """A form of a round made again from the workbook as it was issued (to download it again)."""
    content = records.base_content(store, round_.id)
    rows = form_rows(content, Path(round_.workbook), round_.lang)
    return build_form(round_, form, [rows[activity_id] for activity_id in form.activities])[0]
