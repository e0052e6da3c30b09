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
    """The store of the workbook in use (`<workbook folder>/actionplan.sqlite3`)."""
    return _store(str(store_path(workbook_path()).resolve()))
