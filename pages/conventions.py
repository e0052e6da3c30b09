"""Conventions & programmes: which instrument the plan implements in which year, and the activities behind it."""

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _
from actionplan.views import chart_words
from actionplan.views import pages as models
from components import activity, chart_text, charts, derived, filters, lang

CELL = "coverage_cell"

plan, view, acts = filters.open_page(N_("Conventions & programmes"))

show_unused = st.toggle(
    _("Show conventions and programmes with no activity here"),
    value=True,
    key="coverage_unused",
    help=_("The Lists sheet names more instruments than the plan uses; their empty rows are gaps."),
)
model = derived.coverage_page(plan, view, acts, keep_empty=show_unused)


def _on_cell_click() -> None:
    """A click on a counted cell picks it in the list below."""
    points = st.session_state["coverage_matrix"].selection.points
    if points and (points[0]["y"], int(points[0]["x"])) in model.cells:
        st.session_state[CELL] = (points[0]["y"], int(points[0]["x"]))


grid, legend = st.columns([3, 2], gap="large")
with grid:
    st.header(_("Coverage: instrument × plan year"))
    st.plotly_chart(
        derived.figure(
            charts.coverage_heatmap,
            model.matrix,
            titles=model.titles,
            conventions=model.conventions,
            labels=plan.labels,
        ),
        config=charts.plotly_config("coverage-matrix"),
        key="coverage_matrix",
        on_select=_on_cell_click,
        selection_mode="points",
    )
    chart_text.describe(chart_words.coverage(model.matrix, plan.labels), key="coverage_matrix_table")
    st.caption(
        _(
            "Each cell counts the activities implementing the convention (above the line) or programme "
            "(below) in that plan year; grey cells are gaps. An activity with both counts in both rows. "
            "Click a cell to list its activities below."
        )
    )
with legend:
    st.header(_("Full titles"))
    for name in model.titled:
        st.markdown(f"**{words.md_text(filters.app_word(name, plan.labels))}**  \n{words.md_text(model.titles[name])}")
    if not model.titled:
        st.caption(_("The Lists sheet gives no full titles for these instruments (column Convention title)."))
    st.caption(_("Programmes and networks are named as in the Lists sheet."))

st.header(_("Activities behind a cell"))
if not model.cells:
    st.info(_("No activity here implements a convention or programme."), icon=":material/info:")
    st.stop()
cell = st.selectbox(
    _("Convention or programme, and year"), model.cells, key=lang.reworded(CELL), format_func=model.cell_label
)
st.markdown(f"**{words.md_text(model.titles[cell[0]])}**, {cell[1]}")
activity.links(models.cell_activities(acts, cell))
