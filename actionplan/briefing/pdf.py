"""A Word file as PDF, through LibreOffice (`soffice --headless`), where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..i18n import _

CONVERT_SECONDS = 180


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed here, or could not convert the file; the message says which."""


def available() -> bool:
    """True where LibreOffice's soffice is on the PATH."""
    return shutil.which("soffice") is not None


def docx_to_pdf(content: bytes) -> bytes:
    """The PDF LibreOffice makes of these .docx bytes; raises PdfUnavailable when it cannot."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise PdfUnavailable(_("LibreOffice (soffice) is not installed, so no PDF can be made here; use the Word file"))
    with tempfile.TemporaryDirectory(prefix="brief-") as folder:
        source = Path(folder) / "brief.docx"
        source.write_bytes(content)
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{folder}/profile",  # its own profile: runs beside an open one
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as problem:
            raise PdfUnavailable(
                _("LibreOffice could not convert the brief ({problem})").format(problem=problem)
            ) from None
        pdf = source.with_suffix(".pdf")
        if not pdf.is_file():
            raise PdfUnavailable(_("LibreOffice did not produce a PDF of the brief"))
        return pdf.read_bytes()
