"""What the cover and the title lines say about the plan, taken from the workbook only: its About sheet (lines such
as "Issuing body: ..." or a two-column row "Issuing body | ...") and its document properties (title; Company for
the issuing body). A fact the workbook does not give is left out, never guessed."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import python_calamine
from defusedxml import ElementTree as SafeElementTree

from ..plan import contract
from ..plan.load import WorkbookInfo
from .text import one_line

MAX_ABOUT_ROWS = 200  # the About sheet is a short guide; a longer one is not read further for facts
_KEYS: dict[str, str] = {
    "title": "title",
    "plan": "title",
    "plan title": "title",
    "issuing body": "issuing_body",
    "issued by": "issuing_body",
    "country": "country",
    "period": "period",
}
_KEY_VALUE = re.compile(r"^\s*([A-Za-z ]{3,20})\s*:\s*(\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class PlanFacts:
    """The plan's own facts as the workbook gives them; None where it does not."""

    title: str | None = None
    issuing_body: str | None = None
    country: str | None = None
    period: str | None = None


def plan_facts(source: WorkbookInfo | None) -> PlanFacts:
    """The About sheet's facts, else the document properties' title and Company; nothing where neither says."""
    if source is None or not Path(source.path).is_file():
        return PlanFacts()
    try:
        content = Path(source.path).read_bytes()
    except OSError:
        return PlanFacts()
    found = _properties(content)
    found.update({key: value for key, value in _about(content).items() if value})
    return PlanFacts(**found)


def _about(content: bytes) -> dict[str, str]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        name = contract.sheet_named(workbook.sheet_names, contract.ABOUT)
        if name is None:
            return {}
        rows = workbook.get_sheet_by_name(name).to_python()[:MAX_ABOUT_ROWS]
    except Exception:  # noqa: BLE001  # a damaged About sheet only means no facts from it
        return {}
    found: dict[str, str] = {}
    for row in rows:
        cells = [one_line(cell) for cell in row if one_line(cell)]
        if not cells:
            continue
        key, value = cells[0].rstrip(":").casefold(), (cells[1] if len(cells) > 1 else "")
        if key not in _KEYS:
            matched = _KEY_VALUE.match(cells[0])
            if not matched or len(cells) > 1:
                continue
            key, value = matched.group(1).strip().casefold(), matched.group(2)
        if key in _KEYS and value and _KEYS[key] not in found:
            found[_KEYS[key]] = value.strip()
    return found


def _properties(content: bytes) -> dict[str, str]:
    """title from docProps/core.xml, issuing_body from the Company of docProps/app.xml."""
    found: dict[str, str] = {}
    wanted = (("docProps/core.xml", "}title", "title"), ("docProps/app.xml", "}Company", "issuing_body"))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for part, tag, key in wanted:
                try:
                    root = SafeElementTree.fromstring(archive.read(part))
                except KeyError:
                    continue
                for element in root.iter():
                    if element.tag.endswith(tag) and element.text and element.text.strip():
                        found[key] = one_line(element.text)
                        break
    except (OSError, zipfile.BadZipFile, SafeElementTree.ParseError, ValueError):
        return found
    return found
