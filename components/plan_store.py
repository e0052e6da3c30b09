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
from actionplan.plan import portfolio
from actionplan.plan.load import empty_plan

WATCH_INTERVAL_SECONDS = 2
_SEEN_KEY = "_plan_signature_seen"
_UPDATED_KEY = "_plan_updated_at"

Signature = tuple[str, int, int]


def version() -> object:
    """What `current()` keys on: the workbook's signature, or for a folder the signatures of its files."""
    path = workbook_path()
    if portfolio.is_portfolio(path):
        return _folder(path)[1]
    return signature(path)


def signature(path: Path | None = None) -> Signature | None:
    """(resolved path, mtime in ns, size) of the workbook, or None when it is absent."""
    path = path or workbook_path()
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


@st.cache_resource(max_entries=16, show_spinner=False)  # the spinner is drawn in the reader's language
def _load(path: str, mtime_ns: int, size: int) -> Plan:
    """Keyed on the signature: a new version of the file is a new cache entry. One Plan per version, handed to
    every session as the same object: nothing may change it (tests/test_plan_cache.py runs every page and checks).

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
    latest version has errors and the last good version is shown instead.

    For a folder of workbooks (a portfolio), `plan` and `latest` are the combined plan and `parts` names each file,
    with the plan shown for it or why it is left out.
    """

    plan: Plan
    latest: Plan
    path: Path
    parts: tuple[portfolio.Part, ...] = ()

    @property
    def stale(self) -> bool:
        """True when the shown data is an older good version, not the file as it is now."""
        return self.plan is not self.latest

    @property
    def is_portfolio(self) -> bool:
        return bool(self.parts) or self.path.is_dir()


def _file(path: Path) -> tuple[Plan, Plan, Signature | None]:
    """(shown, latest, signature) for one workbook: the file as it is now if usable, else its last good version."""
    found = signature(path)
    with st.spinner(_("Reading the workbook…")):  # shown only when reading takes a moment (a cache miss)
        latest = _load(*found) if found else load_plan(path)
    key = str(path.resolve())
    if latest.usable:
        _last_good().remember(key, latest)
        return latest, latest, found
    return _last_good().get(key) or empty_plan(latest.findings, latest.source), latest, found


@st.cache_resource(max_entries=8, show_spinner=False)
def _combined(folder: str, signatures: tuple[object, ...], _parts: tuple[portfolio.Part, ...]) -> Plan:
    """One combined Plan per version of the folder (the signatures of its files and which of them are shown)."""
    del signatures  # the cache key only
    return portfolio.combine(folder, _parts)


def _folder(folder: Path) -> tuple[Current, object]:
    parts, signatures = [], []
    for path in portfolio.plan_files(folder):
        shown, latest, found = _file(path)
        usable = shown if len(shown.activities) or shown.usable else None
        problem = None if latest.usable else (latest.errors[0] if latest.errors else None)
        parts.append(portfolio.Part(path, usable, problem, stale=shown is not latest and usable is not None))
        signatures.append((found, id(usable) if usable is not None else None))  # cached objects: stable ids
    key = tuple(signatures)
    plan = _combined(str(folder.resolve()), key, tuple(parts))
    return Current(plan, plan, folder, tuple(parts)), key


def current() -> Current:
    """The plan to show: the workbook as it is now if usable, else the last good version (or an empty plan); for a
    folder, every usable workbook in it as one portfolio."""
    path = workbook_path()
    if portfolio.is_portfolio(path):
        shown, found = _folder(path)
    else:
        plan, latest, found = _file(path)
        shown = Current(plan, latest, path)
    seen = st.session_state.get(_SEEN_KEY)
    if seen != found:
        st.session_state[_SEEN_KEY] = found
        if seen is not None:
            st.session_state[_UPDATED_KEY] = datetime.now()
    return shown


def file_current(path: Path) -> Current:
    """One workbook of the portfolio on its own (the Data page edits one file at a time)."""
    plan, latest, _found = _file(path)
    return Current(plan, latest, path)


def updated_at() -> datetime | None:
    """When this session last saw the workbook change on disk, if it has."""
    return st.session_state.get(_UPDATED_KEY)


def forget() -> None:
    """Drop cached versions so the next `current()` reads the file again (the Reload button)."""
    _load.clear()


@st.fragment(run_every=WATCH_INTERVAL_SECONDS)
def watch() -> None:
    """Rerun the page when the workbook changes on disk, so every open page follows within seconds."""
    if st.session_state.get(_SEEN_KEY) != version():
        st.rerun(scope="app")
