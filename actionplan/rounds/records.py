"""What the store keeps of each round: the round, the forms issued (one per lead) and every form returned, the
earlier returns of a form kept when a later one wins."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ..keeping.store import Store

Answers = dict[str, dict[str, object]]  # {activity ID: {column: value as the lead reported it}}


@dataclass(frozen=True)
class Round:
    """A reporting round: what it is called, when the forms are due, their language, the version they came from."""

    id: str
    workbook: str
    name: str
    due: date
    lang: str
    started_at: datetime
    started_by: str
    base_sha256: str


@dataclass(frozen=True)
class Form:
    """One lead's form in a round: the activities on it and the digest of its read-only cells as issued."""

    round_id: str
    number: int
    lead: str
    token: str
    filename: str
    activities: tuple[str, ...]
    digest: str


@dataclass(frozen=True)
class Return:
    """A form that came back and was taken: the lead's answers, when, who took it, what its save changed."""

    id: int
    round_id: str
    number: int
    filename: str
    sha256: str
    answers: Answers
    received_at: datetime
    taken_by: str
    saved_sha256: str | None
    changed: int


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def add_round(store: Store, round_: Round, base_content: bytes, forms: Sequence[Form]) -> None:
    """Keep a round that has just been started, with its forms, in one transaction."""
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO rounds (id, workbook, name, due, lang, started_at, started_by, base_sha256, base_content) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                round_.id,
                round_.workbook,
                round_.name,
                round_.due.isoformat(),
                round_.lang,
                round_.started_at.isoformat(timespec="seconds"),
                round_.started_by,
                round_.base_sha256,
                base_content,
            ),
        )
        connection.executemany(
            "INSERT INTO round_forms (round_id, number, lead, token, filename, activities, digest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    form.round_id,
                    form.number,
                    form.lead,
                    form.token,
                    form.filename,
                    json.dumps(form.activities),
                    form.digest,
                )
                for form in forms
            ],
        )


def _round(row: Sequence[object]) -> Round:
    return Round(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        date.fromisoformat(str(row[3])),
        str(row[4]),
        datetime.fromisoformat(str(row[5])),
        str(row[6]),
        str(row[7]),
    )


_ROUND_COLUMNS = "id, workbook, name, due, lang, started_at, started_by, base_sha256"


def rounds(store: Store, workbook: str) -> list[Round]:
    """The rounds of this workbook (by file name), the latest first."""
    with store.connect() as connection:
        rows = connection.execute(
            f"SELECT {_ROUND_COLUMNS} FROM rounds WHERE workbook = ? ORDER BY started_at DESC, rowid DESC",
            (workbook,),
        ).fetchall()
    return [_round(row) for row in rows]


def round_by_id(store: Store, round_id: str) -> Round | None:
    with store.connect() as connection:
        row = connection.execute(f"SELECT {_ROUND_COLUMNS} FROM rounds WHERE id = ?", (round_id,)).fetchone()
    return _round(row) if row else None


def base_content(store: Store, round_id: str) -> bytes:
    """The workbook as it was when the round's forms were issued."""
    with store.connect() as connection:
        row = connection.execute("SELECT base_content FROM rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None:
        raise KeyError(round_id)
    return bytes(row[0])


def forms(store: Store, round_id: str) -> list[Form]:
    """The round's forms, in order."""
    with store.connect() as connection:
        rows = connection.execute(
            "SELECT round_id, number, lead, token, filename, activities, digest FROM round_forms "
            "WHERE round_id = ? ORDER BY number",
            (round_id,),
        ).fetchall()
    return [Form(row[0], row[1], row[2], row[3], row[4], tuple(json.loads(row[5])), row[6]) for row in rows]


def add_return(
    store: Store,
    form: Form,
    *,
    filename: str,
    sha256: str,
    answers: Mapping[str, Mapping[str, object]],
    received_at: datetime,
    taken_by: str,
    saved_sha256: str | None,
    changed: int,
) -> None:
    """Keep a form that was taken (an earlier return of the same form stays: the latest one wins)."""
    plain = {key: {column: _plain(value) for column, value in cells.items()} for key, cells in answers.items()}
    with store.transaction() as connection:
        connection.execute(
            "INSERT INTO round_returns (round_id, number, filename, sha256, answers, received_at, taken_by, "
            "saved_sha256, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                form.round_id,
                form.number,
                filename,
                sha256,
                json.dumps(plain, ensure_ascii=False),
                received_at.isoformat(timespec="seconds"),
                taken_by,
                saved_sha256,
                changed,
            ),
        )


def returns(store: Store, round_id: str) -> list[Return]:
    """Every form returned in the round, earliest first (a form returned twice appears twice)."""
    with store.connect() as connection:
        rows = connection.execute(
            "SELECT id, round_id, number, filename, sha256, answers, received_at, taken_by, saved_sha256, changed "
            "FROM round_returns WHERE round_id = ? ORDER BY id",
            (round_id,),
        ).fetchall()
    return [
        Return(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            json.loads(row[5]),
            datetime.fromisoformat(row[6]),
            row[7],
            row[8],
            row[9],
        )
        for row in rows
    ]


def latest_returns(store: Store, round_id: str) -> dict[int, Return]:
    """{form number: its latest return}: the one that counts."""
    return {record.number: record for record in returns(store, round_id)}
