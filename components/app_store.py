"""The SQLite store beside the workbook (actionplan.keeping.store), one object per server for all sessions."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from actionplan import workbook_path
from actionplan.keeping.store import Store, store_path


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return Store(Path(path))


def current() -> Store:
    """The store of the workbook in use (`<workbook folder>/actionplan.sqlite3`; for a folder of plans, in it)."""
    workbook = workbook_path()
    beside = workbook / "plans" if workbook.is_dir() else workbook  # a folder of plans: the store inside it
    return _store(str(store_path(beside).resolve()))
