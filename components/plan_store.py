"""The plan as every page sees it: loaded once per workbook version, refreshed when the file changes.

The cache key is the workbook's signature (path, modification time in ns, size), so a save in Excel is picked up
at the next interaction, and a watcher fragment notices it within seconds without one. When the workbook cannot be
used (half-written during a save, a duplicate ID typed in), pages keep showing the last good version under a
warning that says why.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import streamlit as st

from actionplan import Plan, load_plan, workbook_path
from actionplan.i18n import _
from actionplan.plan.load import empty_plan

WATCH_INTERVAL_SECONDS = 2
_SEEN_KEY = "_plan_signature_seen"
_UPDATED_KEY = "_plan_updated_at"

Signature = tuple[str, int, int]


def signature(path: Path | None = None) -> Signature | None:
    """(resolved path, mtime in ns, size) of the workbook, or None when it is absent."""
    path = path or workbook_path()
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


@st.cache_data(max_entries=8, show_spinner=False)  # the spinner is drawn in the reader's language by current()
def _load(path: str, mtime_ns: int, size: int) -> Plan:
    """Keyed on the signature: a new version of the file is a new cache entry. Returns a copy to every caller.

    Shared by readers of every language: a plan holds no translated text (a finding says itself in the current
    language when shown), so it needs no language in its key.
    """
    del mtime_ns, size  # part of the cache key only
    return load_plan(path)


class _LastGood:
    """The last usable plan per workbook path, shared by every session of this server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plans: dict[str, Plan] = {}

    def remember(self, path: str, plan: Plan) -> None:
        with self._lock:
            self._plans[path] = plan

    def get(self, path: str) -> Plan | None:
        with self._lock:
            return self._plans.get(path)


@st.cache_resource
def _last_good() -> _LastGood:
    return _LastGood()


@dataclass(frozen=True, eq=False)
class Current:
    """What the pages show (`plan`) and what the workbook holds right now (`latest`), which differ when the
    latest version has errors and the last good version is shown instead."""

    plan: Plan
    latest: Plan
    path: Path

    @property
    def stale(self) -> bool:
        """True when the shown data is an older good version, not the file as it is now."""
        return self.plan is not self.latest


def current() -> Current:
    """The plan to show: the workbook as it is now if usable, else the last good version (or an empty plan)."""
    path = workbook_path()
    found = signature(path)
    with st.spinner(_("Reading the workbook…")):  # shown only when reading takes a moment (a cache miss)
        latest = _load(*found) if found else load_plan(path)
    key = str(path.resolve())
    if latest.usable:
        _last_good().remember(key, latest)
        shown = latest
    else:
        shown = _last_good().get(key) or empty_plan(latest.findings, latest.source)
    seen = st.session_state.get(_SEEN_KEY)
    if seen != found:
        st.session_state[_SEEN_KEY] = found
        if seen is not None:
            st.session_state[_UPDATED_KEY] = datetime.now()
    return Current(shown, latest, path)


def updated_at() -> datetime | None:
    """When this session last saw the workbook change on disk, if it has."""
    return st.session_state.get(_UPDATED_KEY)


def forget() -> None:
    """Drop cached versions so the next `current()` reads the file again (the Reload button)."""
    _load.clear()


@st.fragment(run_every=WATCH_INTERVAL_SECONDS)
def watch() -> None:
    """Rerun the page when the workbook changes on disk, so every open page follows within seconds."""
    if st.session_state.get(_SEEN_KEY) != signature():
        st.rerun(scope="app")
