"""A chart in words beside the chart: its summary sentence, and its numbers as a table in a closed expander.

A screen reader cannot read a Plotly figure; every page draws this under each chart, from the sentence and the table
that `actionplan.views.chart_words` builds out of the chart's own data.

The table is drawn only while its expander is open (opening it reruns the page, which then draws it). A closed
expander shows nothing and offers nothing to a screen reader (the content of a closed <details> is hidden), but a
table drawn inside it made every page load Streamlit's table code (about 1 MB of script, Arrow among it) before it
was idle, and sent every row at each run (the Timeline's at 10,000 activities).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from actionplan import words
from actionplan.i18n import _
from actionplan.views.chart_words import ChartText

from . import derived


def _escaped(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell and header escaped: st.table renders Markdown, and workbook text is data."""
    out = table.rename(columns=lambda column: words.md_text(str(column)))
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [words.md_text(value) for value in out[column]]
    return out


def describe(text: ChartText, *, key: str) -> None:
    """The chart's summary as a caption, then "Chart as a table" (closed) holding its numbers; `key` names the
    expander (unique on the page), which remembers whether the reader opened it."""
    if text.summary:  # '' where the page says the chart's sentence itself
        st.caption(words.md_text(text.summary))
    table = st.expander(_("Chart as a table"), icon=":material/table_view:", key=key, on_change="rerun")
    if table.open:
        with table:
            st.table(derived.once(_escaped, text.table), hide_index=True, alt=text.title)
