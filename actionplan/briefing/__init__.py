"""The General Conference briefing pack: which activities are in scope (`scope`), the pack and its sections built
from them (`build`, `sections`, each section's table by `compact`), the summary, key messages and follow-up
(`summary`), what changed since an earlier version (`changes`), and the pack as Word, Excel or a one-page brief
(`render`)."""

from .build import Briefing, build_briefing
from .compact import compact
from .grid import QuarterGrid
from .pdf import PdfUnavailable
from .pdf import available as pdf_available
from .render import FORMATS, LABELS, SUFFIXES, file_name, file_stem, render
from .scope import (
    AT_SESSION_RULE,
    Scope,
    Session,
    UnknownSession,
    default_range,
    default_session,
    find_session,
    range_scope,
    session_scope,
    sessions,
)
from .sections import EMPTY_SECTION, PAST_END, Section
from .versions import earlier_version

__all__ = [
    "AT_SESSION_RULE",
    "EMPTY_SECTION",
    "FORMATS",
    "LABELS",
    "PAST_END",
    "SUFFIXES",
    "compact",
    "Briefing",
    "PdfUnavailable",
    "QuarterGrid",
    "Scope",
    "Section",
    "Session",
    "UnknownSession",
    "build_briefing",
    "default_range",
    "default_session",
    "earlier_version",
    "file_name",
    "file_stem",
    "find_session",
    "pdf_available",
    "range_scope",
    "render",
    "session_scope",
    "sessions",
]
