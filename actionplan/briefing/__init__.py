"""The General Conference briefing pack: which activities are in scope (`scope`), the sections built from them
(`build`), what changed since an earlier version (`changes`), and the pack as Word or Excel (`render`)."""

from .build import AT_SESSION_RULE, EMPTY_SECTION, PAST_END, Briefing, Section, build_briefing, compact, earlier_version
from .render import FORMATS, file_stem, render
from .scope import (
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

__all__ = [
    "AT_SESSION_RULE",
    "EMPTY_SECTION",
    "FORMATS",
    "PAST_END",
    "compact",
    "Briefing",
    "Scope",
    "Section",
    "Session",
    "UnknownSession",
    "build_briefing",
    "default_range",
    "default_session",
    "earlier_version",
    "file_stem",
    "find_session",
    "range_scope",
    "render",
    "session_scope",
    "sessions",
]
