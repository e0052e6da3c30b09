"""The pack as a file: Word or Excel, and the file name it is offered under."""

from __future__ import annotations

from ..plan.export import XLSX_MIME
from .build import Briefing
from .docx import briefing_docx
from .scope import Scope
from .xlsx import briefing_xlsx

# ---------------------------------------------------------------------------------------------------------------
# Files and the command line: `python -m actionplan briefing --session 42 --format docx --out brief.docx`

FORMATS: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": XLSX_MIME,
}


def file_stem(scope: Scope) -> str:
    """'briefing-42nd-session-as-of-2023-11-06' or 'briefing-2022-01-01-to-2022-12-31-as-of-2022-12-31'."""
    if scope.session is not None:
        what = f"{scope.session.ordinal}-session" if scope.session.ordinal else f"session-{scope.start:%Y-%m-%d}"
    else:
        what = f"{scope.start:%Y-%m-%d}-to-{scope.end:%Y-%m-%d}"
    return f"briefing-{what}-as-of-{scope.as_of:%Y-%m-%d}"


def render(briefing: Briefing, fmt: str) -> bytes:
    """The pack as a file: 'docx' (Word) or 'xlsx' (Excel)."""
    if fmt == "docx":
        return briefing_docx(briefing)
    if fmt == "xlsx":
        return briefing_xlsx(briefing)
    raise ValueError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
