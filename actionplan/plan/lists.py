"""The Lists sheet: the allowed values staff wrote there, and each list-backed cell checked against them."""

from __future__ import annotations

from dataclasses import dataclass

from .. import words
from ..i18n import N_
from . import contract
from .cells import Collector, Sheet, shown
from .sheet_reading import report_missing
from .status import Reported


@dataclass(frozen=True)
class Lists:
    """The allowed values from the Lists sheet, in the order staff wrote them."""

    domains: tuple[str, ...] = ()
    conventions: tuple[str, ...] = ()
    convention_titles: tuple[tuple[str, str], ...] = ()
    programmes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = Reported.typed_values()

    def allowed(self, column: str) -> tuple[str, ...]:
        """The allowed values of an Activities column backed by a list."""
        return {
            contract.LIST_DOMAIN: self.domains,
            contract.LIST_CONVENTION: self.conventions,
            contract.LIST_PROGRAMME: self.programmes,
            contract.LIST_STATUS: self.statuses,
        }[contract.LIST_BACKED[column]]

    def title(self, convention: str) -> str:
        """The full title of a convention, or the short name where Lists gives none."""
        return dict(self.convention_titles).get(convention) or convention


def read_lists(sheet: Sheet | None, found: Collector) -> Lists:
    if sheet is None:
        return Lists()
    report_missing(sheet, contract.LIST_COLUMNS, found)

    def column(name: str) -> tuple[str, ...]:
        values = [words.cell_or_none(values.get(name)) for _, values in sheet.records]
        return tuple(dict.fromkeys(value for value in values if value))

    titles = tuple(
        (words.cell_text(values[contract.LIST_CONVENTION]), words.cell_text(values.get(contract.LIST_CONVENTION_TITLE)))
        for _, values in sheet.records
        if values.get(contract.LIST_CONVENTION) is not None
    )
    statuses = column(contract.LIST_STATUS) or Reported.typed_values()
    for status in statuses:
        if status not in Reported.typed_values():
            found.warn(
                None,
                contract.LIST_STATUS,
                N_("status '{status}' is not one the dashboard understands"),
                N_("use Planned, In progress, Completed, Postponed or Cancelled"),
                status=shown(status),
            )
    return Lists(
        column(contract.LIST_DOMAIN),
        column(contract.LIST_CONVENTION),
        titles,
        column(contract.LIST_PROGRAMME),
        statuses,
    )


def _in_list(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """The list's own spelling of a value matched case-insensitively, or None if it is not in the list."""
    if value is None:
        return None
    by_key = {item.casefold().strip(): item for item in allowed}
    return by_key.get(value.casefold().strip())


def check_listed(record: dict[str, object], row: int, lists: Lists, found: Collector, columns: tuple[str, ...]) -> None:
    for column in columns:
        value = words.cell_or_none(record.get(column))
        if value is None:
            continue
        allowed = lists.allowed(column)
        match = _in_list(value, allowed)
        if match is None:
            listed = ", ".join(shown(item) for item in allowed[:8]) + (" ..." if len(allowed) > 8 else "")
            found.warn(
                row,
                column,
                N_("'{value}' is not in the {column} list"),
                N_("pick one of: {listed}; or add it to the Lists sheet"),
                value=shown(value),
                column=column,
                listed=listed,
            )
        record[column] = match or value
