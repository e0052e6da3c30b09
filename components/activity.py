"""One activity in full, and short lists of activities that link to it on the Activities page."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pandas as pd
import streamlit as st

from actionplan import Plan, views, words
from actionplan.i18n import _
from actionplan.plan import portfolio
from actionplan.plan.contract import ActivityColumn
from actionplan.plan.portfolio import WORKBOOK_COLUMN
from components import filters, frame

LIST_LIMIT = 25
TABLE_PAGE_ROWS = 1_000  # a long table is sent this many rows at a time (the browser scrolls within them)
PAGE_KEPT = "{key}_kept"  # session state: (what the table showed, the page chosen), beside the picker's own key


def table_page(table: pd.DataFrame, key: str, rows: int = TABLE_PAGE_ROWS, *, kept_for: object = None) -> pd.DataFrame:
    """The rows of a table to send now: all of them up to `rows`, else one page of them, with a page picker and
    the count (a portfolio's tens of thousands of rows took seconds to send at each rerun).

    With `kept_for` (what the table shows, such as a briefing's session and as-of date), the chosen page is kept in
    session state under a key of its own, as the filters keep the view: a picker in a hidden tab is not drawn and
    Streamlit drops its state, so the page comes back when the tab does; it goes back to 1 when `kept_for` changes."""
    if len(table) <= rows:
        return table
    pages = -(-len(table) // rows)
    kept_key = PAGE_KEPT.format(key=key)
    if kept_for is not None:
        kept = st.session_state.get(kept_key)
        if isinstance(kept, tuple) and kept[0] != kept_for:
            st.session_state[key] = 1
        elif isinstance(kept, tuple) and key not in st.session_state:
            st.session_state[key] = min(kept[1], pages)
    page = st.number_input(_("Page"), min_value=1, max_value=pages, step=1, key=key)
    if kept_for is not None:
        st.session_state[kept_key] = (kept_for, int(page))
    start = (int(page) - 1) * rows
    shown = table.iloc[start : start + rows]
    st.caption(
        _("Rows {first}–{last} of {total}; the downloads hold every row.").format(
            first=words.number(start + 1), last=words.number(start + len(shown)), total=words.number(len(table))
        )
    )
    return shown


def links(activities: pd.DataFrame, *, limit: int = LIST_LIMIT) -> None:
    """Each activity as a link `2021-04 · title (dates)` that opens it on the Activities page."""
    shown = activities.head(limit)
    activities_page = frame.page(frame.ACTIVITIES)
    for activity_id, event, start, end in zip(
        shown[ActivityColumn.ID], shown[ActivityColumn.EVENT], shown[ActivityColumn.START], shown[ActivityColumn.END]
    ):
        label = words.activity_label(activity_id, event, 90)
        st.page_link(
            activities_page,
            label=f"{words.md_text(label)} ({words.span(start, end)})",  # a link's label is Markdown: the event is text
            query_params={views.Q_ACTIVITY: str(activity_id)},
            icon=":material/arrow_forward:",
        )
    if len(activities) > limit:
        st.caption(_("… and {n} more: see the Activities page.").format(n=len(activities) - limit))


def detail(activity: pd.Series, plan: Plan) -> None:
    """Everything about one activity: the event as written, its facts, and its mechanism steps with their dates."""
    activity_id = str(activity[ActivityColumn.ID])
    event = words.cell_text(activity[ActivityColumn.EVENT])
    st.header(words.md_text(f"{activity_id} · {words.short_title(event, 90)}"))
    st.markdown("\n".join(f"> {words.md_text(line)}" for line in event.splitlines() if line.strip()))
    facts = views.activity_facts(activity, plan.lists, plan.labels)
    left, right = st.columns(2)
    half = (len(facts) + 1) // 2
    for column, part in ((left, facts[:half]), (right, facts[half:])):
        column.markdown(
            "\n".join(f"- **{label}:** {words.md_text(' '.join(text.splitlines()))}" for label, text in part)
        )
    history(activity_id, plan, activity.get(WORKBOOK_COLUMN))
    steps = plan.steps_of(activity_id)
    if len(steps):
        st.markdown("**" + _("Mechanism (steps)") + "**")
        st.dataframe(
            views.steps_table(steps),
            hide_index=True,
            key=f"steps_{activity_id}",
            column_config={
                "Step": st.column_config.NumberColumn(views.column_label("Step"), width="small"),
                "Description": st.column_config.TextColumn(views.column_label("Description"), width="large"),
                "Terms": st.column_config.TextColumn(views.column_label("Terms")),
                "Dates": st.column_config.TextColumn(_("Dates")),
                "Status": st.column_config.TextColumn(views.column_label("Status")),
            },
        )
    else:
        st.caption(_("The plan gives no mechanism steps for this activity."))
    link = _("Link to this activity")  # marked outside the f-string: the extractor does not read inside one
    st.markdown(f"[{link}](?{urlencode({views.Q_ACTIVITY: activity_id})})")


def shared_ids_note(ids: tuple[str, ...]) -> None:
    """Above a portfolio's table: the IDs more than one plan shown uses, if any (the Plan column tells them apart)."""
    if ids:
        st.caption(
            _("The Plan column tells apart the IDs used by more than one plan shown ({n}): {ids}").format(
                n=len(ids), ids=words.md_text(portfolio.ids_sample(ids))
            )
        )


def pick_plan(activity_id: str, plans: tuple[str, ...]) -> None:
    """An ID that several plans shown use (IDs are unique only within a plan): which plan's activity to open. A
    button narrows the Plan filter to that plan, as the sidebar would."""
    st.info(
        _("{id} is an activity ID in {n} of the plans shown. Open it in:").format(
            id=words.md_text(activity_id), n=len(plans)
        ),
        icon=":material/call_split:",
    )
    with st.container(horizontal=True):
        for position, name in enumerate(plans):
            st.button(
                words.md_text(name),
                key=f"open_in_plan_{position}",
                on_click=filters.only_plan,
                args=(name,),
                icon=":material/folder_open:",
            )


def history(activity_id: str, plan: Plan, workbook: str | None = None) -> None:
    """The activity's check-ins from the Updates sheet (in a portfolio, its own `workbook`'s), newest first: what
    was reported, by whom and when, with the notes and the evidence (a link only when it is an http(s) address;
    workbook text never becomes markup)."""
    lines = views.checkin_lines(plan.checkins, activity_id, workbook)
    st.markdown("**" + _("Reported progress") + "**")
    if not lines:
        st.caption(_("No report on this activity is recorded in the Updates sheet yet."))
        return
    items = []
    for line in lines:
        parts = [f"- **{words.md_text(line.said)}**"]
        parts += [f"  {words.md_text(text)}" for text in line.notes.splitlines() if text.strip()]
        if line.link:
            target = quote(line.link, safe=":/?#&=%+,;@!$*'~.-_")
            evidence = f"[{words.md_text(line.evidence)}]({target})"
            parts.append("  " + _("Evidence: {evidence}").format(evidence=evidence))
        elif line.evidence:
            evidence = words.md_text(" ".join(line.evidence.splitlines()))
            parts.append("  " + _("Evidence: {evidence}").format(evidence=evidence))
        items.append("  \n".join(parts))
    st.markdown("\n".join(items))
