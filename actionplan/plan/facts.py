"""The plan's own facts (title, country, period, parties, issuing body), kept on the About sheet as labelled rows.

The About sheet holds one paragraph per row in column A. A fact is a row reading "Label: value" (or the label in
column A and the value in column B, as staff may retype it); every other row is guidance and is ignored here:

    About!A1  "The Country Action Plan of X for 2024-2026 on cooperation with UNESCO"   <- a heading, ignored
    About!A2  "Plan title: The Country Action Plan of X for 2024-2026 on cooperation with UNESCO"
    About!A3  "Country: X"
    About!A4  "Period: 2024-2026"
    About!A5  "Parties: X; UNESCO"
    About!A6  "Issuing body: National Commission of X for UNESCO"

`about_rows(facts)` writes these rows and `plan_facts(rows)` reads them back (rows as the loader reads a sheet:
a list of rows, each a list of cell values).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from defusedxml import ElementTree as SafeElementTree


class Fact(StrEnum):
    """The labels of the facts on the About sheet, as staff see them."""

    TITLE = "Plan title"
    COUNTRY = "Country"
    PERIOD = "Period"
    PARTIES = "Parties"
    ISSUING_BODY = "Issuing body"


_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-\u2013\u2014/]|to)\s*(\d{4})\s*$|^\s*(\d{4})\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*;\s*")


def _key(label: object) -> str:
    return re.sub(r"[^a-z]", "", str(label or "").casefold())


_BY_KEY: dict[str, Fact] = {_key(fact.value): fact for fact in Fact}
_BY_KEY.update({"title": Fact.TITLE, "issuedby": Fact.ISSUING_BODY, "years": Fact.PERIOD})


@dataclass(frozen=True)
class PlanFacts:
    """What a plan says about itself; every field may be blank when the workbook does not say it."""

    title: str = ""
    country: str = ""
    first_year: int | None = None
    last_year: int | None = None
    parties: tuple[str, ...] = field(default=())
    issuing_body: str = ""

    @property
    def period(self) -> str:
        """'2021-2023', '2024' for a one-year plan, '' when unknown."""
        if self.first_year is None:
            return ""
        if self.last_year is None or self.last_year == self.first_year:
            return str(self.first_year)
        return f"{self.first_year}-{self.last_year}"

    @property
    def known(self) -> bool:
        """True when the workbook states at least one fact."""
        return bool(self.title or self.country or self.first_year or self.parties or self.issuing_body)


def parse_period(text: object) -> tuple[int | None, int | None]:
    """'2021-2023' -> (2021, 2023); '2024' -> (2024, 2024); anything else -> (None, None)."""
    match = _PERIOD.match(str(text or ""))
    if not match:
        return None, None
    if match.group(3):
        year = int(match.group(3))
        return year, year
    first, last = int(match.group(1)), int(match.group(2))
    return (first, last) if first <= last else (None, None)


def _labelled(row: Sequence[object]) -> tuple[Fact, str] | None:
    """The fact a row states, from "Label: value" in column A or the label in A and the value in B."""
    cells = [str(cell).strip() if cell is not None else "" for cell in row]
    if not cells or not cells[0]:
        return None
    label, colon, value = cells[0].partition(":")
    fact = _BY_KEY.get(_key(label))
    if fact is not None and colon and value.strip():
        return fact, value.strip()
    fact = _BY_KEY.get(_key(cells[0]))
    if fact is not None and len(cells) > 1 and cells[1]:
        return fact, cells[1]
    return None


def plan_facts(rows: Sequence[Sequence[object]]) -> PlanFacts:
    """The facts stated on the About sheet's rows; the first statement of a fact wins."""
    found: dict[Fact, str] = {}
    for row in rows:
        stated = _labelled(row)
        if stated is not None and stated[0] not in found:
            found[stated[0]] = stated[1]
    first, last = parse_period(found.get(Fact.PERIOD))
    parties = tuple(part for part in _SEPARATOR.split(found.get(Fact.PARTIES, "")) if part)
    return PlanFacts(
        title=found.get(Fact.TITLE, ""),
        country=found.get(Fact.COUNTRY, ""),
        first_year=first,
        last_year=last,
        parties=parties,
        issuing_body=found.get(Fact.ISSUING_BODY, ""),
    )


def with_properties(facts: PlanFacts, core_xml: bytes | None, app_xml: bytes | None) -> PlanFacts:
    """The About sheet's facts, completed from the document properties where the sheet is silent: the title
    (File > Info > Title, docProps/core.xml) and the issuing body (Company, docProps/app.xml).

    The parts come from the loader's checked container (size-capped, no DTD), so parsing them here is safe.
    """
    title = facts.title or _property(core_xml, "}title")
    issuing_body = facts.issuing_body or _property(app_xml, "}Company")
    return replace(facts, title=title, issuing_body=issuing_body)


def _property(payload: bytes | None, tag: str) -> str:
    if not payload:
        return ""
    try:
        root = SafeElementTree.fromstring(payload)
    except (SafeElementTree.ParseError, ValueError):
        return ""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.endswith(tag) and element.text and element.text.strip():
            return " ".join(element.text.split())
    return ""


def about_rows(facts: PlanFacts) -> list[str]:
    """The About sheet's fact rows ("Label: value"), only for the facts known."""
    values = {
        Fact.TITLE: facts.title,
        Fact.COUNTRY: facts.country,
        Fact.PERIOD: facts.period,
        Fact.PARTIES: "; ".join(facts.parties),
        Fact.ISSUING_BODY: facts.issuing_body,
    }
    return [f"{fact.value}: {value}" for fact, value in values.items() if value]


def read_plan_facts(path) -> PlanFacts:
    """The facts on the About sheet of the workbook at `path` (blank facts when it has no About sheet)."""
    import python_calamine  # the loader's reader; imported here so the dataclass stays light

    from . import contract

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    name = contract.sheet_named(workbook.sheet_names, contract.ABOUT)
    if name is None:
        return PlanFacts()
    return plan_facts(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
