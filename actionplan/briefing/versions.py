"""Which version of the workbook a pack was built from, and an earlier version read from uploaded bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from defusedxml import ElementTree as SafeElementTree

from .. import words
from ..i18n import _
from ..plan.load import Plan, WorkbookInfo, load_plan_bytes

SHORT_SHA = 12


def workbook_version(source: WorkbookInfo | None) -> str:
    """'plan.xlsx, saved 26 Nov 2026 14:46, sha256 6d0b10d75dc3'."""
    if source is None:
        return _("no workbook")
    return _("{file}, saved {when}, sha256 {digest}").format(
        file=source.path.name,
        when=f"{words.day(source.modified.date())} {source.modified:%H:%M}",
        digest=source.sha256[:SHORT_SHA],
    )


def earlier_version(name: str, content: bytes) -> Plan:
    """An uploaded earlier version of the workbook, read like the current one.

    Its "saved" time is the one Excel wrote into the file (docProps/core.xml, modified), else the upload time.
    """
    return load_plan_bytes(content, WorkbookInfo.of(name, content, _saved_time(content) or datetime.now()))


def _saved_time(content: bytes) -> datetime | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            core = SafeElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, SafeElementTree.ParseError, ValueError):
        return None
    for element in core.iter():
        if element.tag.endswith("}modified") and element.text:
            try:
                saved = datetime.fromisoformat(element.text.strip().replace("Z", "+00:00"))
            except ValueError:
                return None
            return saved.astimezone().replace(tzinfo=None) if saved.tzinfo else saved
    return None
