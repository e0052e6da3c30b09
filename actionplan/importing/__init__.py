"""Importing a plan from its signed document: a Word table (.docx), a text export (tab-separated, HTML inside cells)
or an HTML table becomes a workbook in the contract, with the plan's facts on the About sheet, a suggested (never
imposed) classification and an import report of everything it joined, split, assumed or could not place.

Others may import: `import_plan`, `import_file`, `workbook_bytes`, `write_import`, `PlanImport`, `REPORT_SHEET`,
`SUGGESTED_COLUMN`, `SUFFIXES`.
"""

from pathlib import Path

from .build import PlanImport, import_document, import_plan, workbook_bytes, write_import
from .classify import SUGGESTED_COLUMN
from .report import REPORT_SHEET, ReportKind
from .source import SUFFIXES


def import_file(path: str | Path, *, suggest: bool = True) -> PlanImport:
    """Import the plan document at `path`."""
    path = Path(path)
    return import_plan(path.read_bytes(), path.name, suggest=suggest)


__all__ = [
    "REPORT_SHEET",
    "SUFFIXES",
    "SUGGESTED_COLUMN",
    "PlanImport",
    "ReportKind",
    "import_document",
    "import_file",
    "import_plan",
    "workbook_bytes",
    "write_import",
]
