"""Activities: the filtered activities as a searchable, sortable table; one activity in full; downloads."""

import streamlit as st

from actionplan import i18n, views, words
from actionplan.i18n import N_, _
from actionplan.plan import export
from actionplan.plan.contract import ActivityColumn, Derived
from components import activity, data_report, derived, filters, lang

TABLE = "activities_table"
PICK = "activity_pick"
SHOWN_IDS = "_activities_ids"
# Columns shown under their name in the reader's language, with no other setting.
LABELLED = (
    ActivityColumn.DOMAIN,
    ActivityColumn.CONVENTION,
    ActivityColumn.PROGRAMME,
    Derived.REPORTED_STATUS,
    ActivityColumn.LOCATIONS,
)


def _open(activity_id: str | None) -> None:
    """Show this activity (or none) and put it in the URL, so the link reproduces it."""
    if activity_id:
        st.query_params[views.Q_ACTIVITY] = activity_id
    elif views.Q_ACTIVITY in st.query_params:
        del st.query_params[views.Q_ACTIVITY]


def _on_table_select() -> None:
    rows = st.session_state[TABLE].selection.rows
    shown = st.session_state.get(SHOWN_IDS, [])
    _open(shown[rows[0]] if rows and rows[0] < len(shown) else None)


def _on_pick() -> None:
    _open(st.session_state[PICK])


plan, view, acts = filters.open_page(N_("Activities"), stop_when_empty=False)
# The table's dates are drawn by the browser (month names in English only): other languages get them in numbers.
DATE_FORMAT = "D MMM YYYY" if i18n.current().lang == i18n.DEFAULT else "DD.MM.YYYY"
model = derived.activities_page(plan, view, acts, st.query_params.get(views.Q_ACTIVITY))

if model.unknown_id:
    st.warning(
        _("No activity has the ID '{id}' in this workbook.").format(id=words.md_text(model.unknown_id)),
        icon=":material/search_off:",
    )

activity.shared_ids_note(model.shared_ids)  # a portfolio: IDs are unique only within a plan
if acts.empty:
    filters.no_match(len(plan.activities))
else:
    table = activity.table_page(model.table, key="activities_table_page")  # over 1,000 rows: a page at a time
    st.session_state[SHOWN_IDS] = list(table[ActivityColumn.ID])
    st.dataframe(
        table,
        key=TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        hide_index=True,
        height=420,
        column_order=[
            ActivityColumn.ID,
            Derived.WORKBOOK,  # a portfolio's plan (absent for one workbook)
            views.TITLE_COLUMN,
            Derived.STATUS_AS_OF,
            ActivityColumn.TERMS,
            ActivityColumn.START,
            ActivityColumn.END,
            ActivityColumn.DOMAIN,
            ActivityColumn.CONVENTION,
            ActivityColumn.PROGRAMME,
            Derived.REPORTED_STATUS,
            ActivityColumn.LOCATIONS,
            ActivityColumn.YEAR,
            views.LINK_COLUMN,
        ],
        column_config={
            **{column: views.column_label(column) for column in LABELLED},
            ActivityColumn.ID: st.column_config.TextColumn(
                views.column_label(ActivityColumn.ID), width="small", pinned=True
            ),
            Derived.WORKBOOK: st.column_config.TextColumn(_("Plan"), width="medium"),
            ActivityColumn.TERMS: st.column_config.TextColumn(views.column_label(ActivityColumn.TERMS), width="medium"),
            ActivityColumn.YEAR: st.column_config.NumberColumn(
                views.column_label(ActivityColumn.YEAR), format="%d", width="small"
            ),
            views.TITLE_COLUMN: st.column_config.TextColumn(
                _("Event"), width="large", help=_("Select a row to read it all")
            ),
            ActivityColumn.START: st.column_config.DateColumn(
                views.column_label(ActivityColumn.START), format=DATE_FORMAT
            ),
            ActivityColumn.END: st.column_config.DateColumn(views.column_label(ActivityColumn.END), format=DATE_FORMAT),
            Derived.STATUS_AS_OF: st.column_config.TextColumn(
                _("Status as of {day}").format(day=words.day(view.as_of)), width="medium"
            ),
            views.LINK_COLUMN: st.column_config.LinkColumn(
                _("Link"), display_text=r"\?id=(.*)", width="small", help=_("A link that opens this activity")
            ),
        },
    )
    with st.container(horizontal=True, vertical_alignment="center"):
        st.download_button(
            _("Download Excel"),
            lambda: export.tables_xlsx({"Activities": export.activities_table(acts)}, title=plan.facts.title),
            file_name="activities.xlsx",
            icon=":material/download:",
            key="download_xlsx",
            mime=export.XLSX_MIME,
        )
        st.download_button(
            _("Download CSV"),
            lambda: export.activities_csv(acts),
            file_name="activities.csv",
            mime="text/csv",
            icon=":material/download:",
            key="download_csv",
        )
        st.caption(_("The table as filtered: every column of the workbook, and the status as of the date."))

if not model.ids:
    st.stop()
opened_id = None if model.opened is None else str(model.opened[ActivityColumn.ID])
st.session_state[PICK] = opened_id
st.selectbox(
    _("Open an activity"),
    model.ids,
    key=lang.reworded(PICK),
    on_change=_on_pick,
    index=None,
    placeholder=_("Pick an ID, or select a row"),
    format_func=lambda i: words.activity_label(i, model.titles.get(i, ""), 90),
)
if model.plans_with_id:
    activity.pick_plan(str(st.query_params.get(views.Q_ACTIVITY)), model.plans_with_id)
if model.opened is not None:
    if model.opened_outside_filters:
        st.caption(_("This activity is outside the current filters; it is shown because the link names it."))
    activity.detail(model.opened, plan)
    data_report.activity_history(model.opened)  # editors only
