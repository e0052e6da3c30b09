"""The pack as a file: the Word pack, the Excel pack, the one-page brief (Word, or PDF where LibreOffice is
installed), and the file name each is offered under. The Briefing page and the command line offer the same."""

from __future__ import annotations

from ..i18n import N_, _
from ..plan.export import XLSX_MIME
from .brief import brief_docx
from .build import Briefing
from .docx import briefing_docx
from .pdf import docx_to_pdf
from .scope import Scope
from .xlsx import briefing_xlsx

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS: dict[str, str] = {
    "docx": DOCX_MIME,
    "xlsx": XLSX_MIME,
    "brief-docx": DOCX_MIME,
    "brief-pdf": "application/pdf",
}
SUFFIXES: dict[str, str] = {"docx": "docx", "xlsx": "xlsx", "brief-docx": "docx", "brief-pdf": "pdf"}
LABELS: dict[str, str] = {  # marked; translated where shown
    "docx": N_("Word pack (.docx)"),
    "xlsx": N_("Excel pack (.xlsx)"),
    "brief-docx": N_("One-page brief (.docx)"),
    "brief-pdf": N_("One-page brief (.pdf)"),
}


def file_stem(scope: Scope, fmt: str = "docx") -> str:
    """'briefing-42nd-session-as-of-2023-11-06' ('brief-...' for the one-page brief), or
    'briefing-2022-01-01-to-2022-12-31-as-of-2022-12-31'."""
    if scope.session is not None:
        what = f"{scope.session.ordinal}-session" if scope.session.ordinal else f"session-{scope.start:%Y-%m-%d}"
    else:
        what = f"{scope.start:%Y-%m-%d}-to-{scope.end:%Y-%m-%d}"
    kind = "brief" if fmt.startswith("brief") else "briefing"
    return f"{kind}-{what}-as-of-{scope.as_of:%Y-%m-%d}"


def file_name(scope: Scope, fmt: str) -> str:
    return f"{file_stem(scope, fmt)}.{SUFFIXES[fmt]}"


def render(briefing: Briefing, fmt: str) -> bytes:
    """The pack as a file in one of FORMATS; 'brief-pdf' raises pdf.PdfUnavailable without LibreOffice."""
    writers = {
        "docx": briefing_docx,
        "xlsx": briefing_xlsx,
        "brief-docx": brief_docx,
        "brief-pdf": lambda b: docx_to_pdf(brief_docx(b)),
    }
    if fmt not in writers:
        raise ValueError(_("unknown format '{fmt}': use one of {formats}").format(fmt=fmt, formats=", ".join(FORMATS)))
    return writers[fmt](briefing)
