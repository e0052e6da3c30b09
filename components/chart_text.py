"""A chart in words beside the chart: its summary sentence, and its numbers as a table in a closed expander.

A screen reader cannot read a Plotly figure; every page draws this under each chart, from the sentence and the table
that `actionplan.views.chart_words` builds out of the chart's own data.
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


def describe(text: ChartText) -> None:
    """The chart's summary as a caption, then "Chart as a table" (closed) holding its numbers."""
    if text.summary:  # '' where the page says the chart's sentence itself
        st.caption(words.md_text(text.summary))
    with st.expander(_("Chart as a table"), icon=":material/table_view:"):
        st.table(derived.once(_escaped, text.table), hide_index=True, alt=text.title)
