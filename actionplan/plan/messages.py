"""Reading the optional Messages sheet: the key messages staff write for a General Conference session.

The sheet is optional: a workbook without it has no messages and no finding. A row needs a Session and a Message;
a row missing either is left out with a warning naming the row. Messages are text as staff wrote them; nothing
here writes or rewrites one.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from ..i18n import N_
from . import contract
from .columns import empty_frame
from .contract import MessageColumn
from .findings import WARNING, Finding

MESSAGE_TABLE_COLUMNS: tuple[str, ...] = (*(column.name for column in contract.MESSAGE_COLUMNS), contract.ROW)


def empty_messages() -> pd.DataFrame:
    """The messages table with no rows: Session, Activity ID, Topic, Message, Owner, Row."""
    return empty_frame(MESSAGE_TABLE_COLUMNS)


def read_messages(rows: list[list[object]] | None) -> tuple[pd.DataFrame, list[Finding]]:
    """The Messages sheet's rows (as calamine gives them, header first) as a table, with findings.

    Shape: one row per message with the five columns (blank cells as None; staff-added columns kept after them)
    and Row, the Excel row number. `rows` None (no such sheet) gives an empty table and no finding.
    """
    findings: list[Finding] = []
    if not rows:
        return empty_messages(), findings
    header_index = next((i for i, row in enumerate(rows) if any(_text(cell) for cell in row)), None)
    if header_index is None:
        return empty_messages(), findings
    positions = contract.header_positions(rows[header_index], contract.MESSAGE_COLUMNS)
    missing = [column.name for column in contract.MESSAGE_COLUMNS if column.required and column.name not in positions]
    if missing:
        findings.append(
            Finding.of(
                WARNING,
                contract.MESSAGES,
                header_index + 1,
                missing[0],
                N_("column '{column}' is missing, so the key messages cannot be read"),
                N_("put the headers {headers} in row {row}"),
                column=missing[0],
                headers=", ".join(c.name for c in contract.MESSAGE_COLUMNS),
                row=header_index + 1,
            )
        )
        return empty_messages(), findings
    extra = [name for name in positions if name not in MESSAGE_TABLE_COLUMNS]
    records: list[dict[str, object]] = []
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        record = {
            name: _text(row[position - 1]) if position <= len(row) else None for name, position in positions.items()
        }
        if not any(record.values()):
            continue
        for required in (MessageColumn.SESSION, MessageColumn.MESSAGE):
            if not record.get(required):
                findings.append(
                    Finding.of(
                        WARNING,
                        contract.MESSAGES,
                        number,
                        str(required),
                        N_("this message has no {column}; it is left out of the briefing"),
                        N_("write the session's number (e.g. 42) and the message"),
                        column=str(required),
                    )
                )
                break
        else:
            records.append({**record, contract.ROW: number})
    columns = [*MESSAGE_TABLE_COLUMNS[:-1], *extra, contract.ROW]
    if not records:
        return empty_messages().reindex(columns=columns), findings
    return pd.DataFrame(records, columns=columns).astype(object), findings


def _text(value: object) -> str | None:
    """A cell as stripped text (whole numbers without '.0', dates as YYYY-MM-DD); None when blank."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    return text or None
