"""Conventions & programmes: which instrument the plan implements in which year, and the activities behind it."""

import streamlit as st

from actionplan import views
from components import activity, charts, filters

plan, view, acts = filters.open_page("Conventions & programmes")

show_unused = st.toggle(
    "Show conventions and programmes with no activity here",
    value=True,
    key="coverage_unused",
    help="The Lists sheet names more instruments than the plan uses; their empty rows are gaps.",
)
matrix = views.coverage_matrix(
    acts,
    plan.lists,
    plan.years,
    keep_empty=show_unused,
    instruments=views.instrument_order(plan.activities, plan.lists),
)
titles = {name: plan.lists.title(name) for name in matrix.index}
cells = views.counted_cells(matrix)


def _on_cell_click() -> None:
    """A click on a counted cell picks it in the list below."""
    points = st.session_state["coverage_matrix"].selection.points
    if points and (points[0]["y"], int(points[0]["x"])) in cells:
        st.session_state["coverage_cell"] = (points[0]["y"], int(points[0]["x"]))


grid, legend = st.columns([3, 2], gap="large")
with grid:
    st.subheader("Coverage: instrument × plan year")
    st.plotly_chart(
        charts.coverage_heatmap(matrix, titles, views.convention_rows(matrix, plan.activities, plan.lists)),
        config=charts.plotly_config("coverage-matrix"),
        key="coverage_matrix",
        on_select=_on_cell_click,
        selection_mode="points",
    )
    st.caption(
        "Each cell counts the activities implementing the convention (above the line) or programme "
        "(below) in that plan year; grey cells are gaps. An activity with both counts in both rows. "
        "Click a cell to list its activities below."
    )
with legend:
    st.subheader("Full titles")
    titled = [name for name in matrix.index if titles[name] != name]
    for name in titled:
        st.markdown(f"**{name}**  \n{titles[name]}")
    if not titled:
        st.caption("The Lists sheet gives no full titles for these instruments (column Convention title).")
    st.caption("Programmes and networks are named as in the Lists sheet.")

st.subheader("Activities behind a cell")
if not cells:
    st.info("No activity here implements a convention or programme.", icon=":material/info:")
    st.stop()
name, year = st.selectbox(
    "Convention or programme, and year",
    cells,
    key="coverage_cell",
    format_func=lambda cell: f"{cell[0]} · {cell[1]} ({matrix.loc[cell[0], cell[1]]})",
)
st.markdown(f"**{titles[name]}**, {year}")
activity.links(views.activities_in_cell(acts, name, int(year)))
