"""Activities: the filtered activities as a searchable, sortable table; one activity in full; downloads."""

import streamlit as st

from actionplan import views, words
from actionplan.plan import export
from actionplan.plan.status import STATUS_AS_OF
from components import activity, filters

TABLE = "activities_table"
PICK = "activity_pick"


def _open(activity_id: str | None) -> None:
    """Show this activity (or none) and put it in the URL, so the link reproduces it."""
    if activity_id:
        st.query_params[views.Q_ACTIVITY] = activity_id
    elif views.Q_ACTIVITY in st.query_params:
        del st.query_params[views.Q_ACTIVITY]


def _on_table_select() -> None:
    rows = st.session_state[TABLE].selection.rows
    table = st.session_state.get("_activities_ids", [])
    _open(table[rows[0]] if rows and rows[0] < len(table) else None)


def _on_pick() -> None:
    _open(st.session_state[PICK])


plan, view, acts = filters.open_page("Activities", stop_when_empty=False)
everything = views.Filters(as_of=view.as_of).apply(plan.activities)

opened = st.query_params.get(views.Q_ACTIVITY)
if opened and opened not in set(everything["ID"]):
    st.warning(f"No activity has the ID {opened!r} in this workbook.", icon=":material/search_off:")
    opened = None

if acts.empty:
    filters.no_match(len(plan.activities))
else:
    table = views.activity_table(acts)
    st.session_state["_activities_ids"] = list(table["ID"])
    st.dataframe(
        table,
        key=TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        hide_index=True,
        height=420,
        column_order=[
            "ID",
            views.TITLE_COLUMN,
            STATUS_AS_OF,
            "Terms",
            "Start",
            "End",
            "Domain",
            "Convention",
            "Programme",
            "Reported status",
            "Locations",
            "Year",
            "Link",
        ],
        column_config={
            "ID": st.column_config.TextColumn(width="small", pinned=True),
            "Terms": st.column_config.TextColumn(width="medium"),
            "Year": st.column_config.NumberColumn(format="%d", width="small"),
            views.TITLE_COLUMN: st.column_config.TextColumn("Event", width="large", help="Select a row to read it all"),
            "Start": st.column_config.DateColumn(format="D MMM YYYY"),
            "End": st.column_config.DateColumn(format="D MMM YYYY"),
            STATUS_AS_OF: st.column_config.TextColumn(f"Status as of {words.day(view.as_of)}", width="medium"),
            "Link": st.column_config.LinkColumn(
                "Link", display_text=r"\?id=(.*)", width="small", help="A link that opens this activity"
            ),
        },
    )
    sheet = export.activities_table(acts)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.download_button(
            "Download Excel",
            export.tables_xlsx({"Activities": sheet}),
            file_name="activities.xlsx",
            icon=":material/download:",
            key="download_xlsx",
            mime=export.XLSX_MIME,
        )
        st.download_button(
            "Download CSV",
            export.activities_csv(acts),
            file_name="activities.csv",
            mime="text/csv",
            icon=":material/download:",
            key="download_csv",
        )
        st.caption("The table as filtered: every column of the workbook, and the status as of the date.")

ids = list(acts["ID"]) + ([opened] if opened and opened not in set(acts["ID"]) else [])
if not ids:
    st.stop()
titles = dict(zip(everything["ID"], everything["Event"]))
st.session_state[PICK] = opened
st.selectbox(
    "Open an activity",
    ids,
    key=PICK,
    on_change=_on_pick,
    index=None,
    placeholder="Pick an ID, or select a row",
    format_func=lambda i: words.activity_label(i, titles.get(i, ""), 90),
)
if opened:
    if opened not in set(acts["ID"]):
        st.caption("This activity is outside the current filters; it is shown because the link names it.")
    activity.detail(everything[everything["ID"] == opened].iloc[0], plan)
