"""The shared sidebar filters: year, domain, convention/programme, status, search and the as-of date.

The view (`views.Filters`) lives in st.session_state under a key of its own, so it survives a page switch
(widget keys are dropped when a page does not draw them); the widgets are re-seeded from it on every run and
write back to it when changed. It is also mirrored in the query string (?year=2021&domain=Culture&as_of=...),
read on a session's first run, so a link reproduces the view.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import NamedTuple

import pandas as pd
import streamlit as st

from actionplan import Plan, i18n, views, words
from actionplan.i18n import _, n_
from actionplan.plan import portfolio
from actionplan.plan.load import plan_in_language
from actionplan.plan.status import label_of, meanings_inline, status_help

from . import derived, frame, plan_store

STORE = "filters_view"
JUMP = "filter_jump"
TODAY = "today"  # the quick date that is not a milestone's eve
# Widget key for each query-string key.
WIDGET: dict[str, str] = {
    views.Q_PLAN: "filter_plan",
    views.Q_YEAR: "filter_year",
    views.Q_DOMAIN: "filter_domain",
    views.Q_INSTRUMENT: "filter_instrument",
    views.Q_STATUS: "filter_status",
    views.Q_TEXT: "filter_text",
    views.Q_AS_OF: "filter_as_of",
}


app_word = views.app_word  # a value a filter or a list offers, as the reader sees it (views.classify.app_word)


def _from_widgets() -> views.Filters:
    state = st.session_state
    as_of = state.get(WIDGET[views.Q_AS_OF]) or date.today()
    return views.Filters(
        years=tuple(state.get(WIDGET[views.Q_YEAR]) or ()),
        domains=tuple(state.get(WIDGET[views.Q_DOMAIN]) or ()),
        instruments=tuple(state.get(WIDGET[views.Q_INSTRUMENT]) or ()),
        statuses=tuple(state.get(WIDGET[views.Q_STATUS]) or ()),
        text=str(state.get(WIDGET[views.Q_TEXT]) or ""),
        as_of=as_of,
        plans=tuple(state.get(WIDGET[views.Q_PLAN]) or ()),
    )


def _commit() -> None:
    """A widget changed: the stored view follows it."""
    st.session_state[STORE] = _from_widgets()


def _jump() -> None:
    """A quick date was picked: it becomes the as-of date (the pill itself does not stay selected)."""
    picked = st.session_state.get(JUMP)
    if picked:
        day = date.today() if picked == TODAY else date.fromisoformat(picked)
        st.session_state[WIDGET[views.Q_AS_OF]] = day
        st.session_state[STORE] = _from_widgets()
    st.session_state[JUMP] = None


def only_plan(name: str) -> None:
    """A callback: the Plan filter shows this one workbook of the portfolio (the rest of the view as it is)."""
    st.session_state[STORE] = replace(_from_widgets(), plans=(name,))
    _seed(st.session_state[STORE])


def _reset() -> None:
    st.session_state[STORE] = views.Filters(as_of=date.today())
    _seed(st.session_state[STORE])


def _seed(view: views.Filters) -> None:
    """Put the stored view into the widgets' keys (before they are drawn)."""
    state = st.session_state
    state[WIDGET[views.Q_PLAN]] = list(view.plans)
    state[WIDGET[views.Q_YEAR]] = list(view.years)
    state[WIDGET[views.Q_DOMAIN]] = list(view.domains)
    state[WIDGET[views.Q_INSTRUMENT]] = list(view.instruments)
    state[WIDGET[views.Q_STATUS]] = list(view.statuses)
    state[WIDGET[views.Q_TEXT]] = view.text
    state[WIDGET[views.Q_AS_OF]] = view.as_of


class Shown(NamedTuple):
    """What a dashboard page shows: the plan (last good data if the workbook is broken), the shared view, and the
    activities the view selects."""

    plan: Plan
    view: views.Filters
    acts: pd.DataFrame


def open_page(title: str, *, stop_when_empty: bool = True) -> Shown:
    """A dashboard page's opening: the frame, the shared filters, the title and how much is shown.

    Stops the page with a friendly message when nothing matches, unless the page draws its own controls first
    (`stop_when_empty=False`) and calls `stop_if_empty` itself.
    """
    frame.require()  # activates the reader's language: the title is translated after it (the page marks it N_)
    plan = page_plan()
    view = sidebar(plan)
    acts = derived.selected(plan, view)
    st.title(_(title))
    summary(view, len(acts), len(plan.activities))
    if stop_when_empty:
        stop_if_empty(acts, len(plan.activities))
    return Shown(plan, view, acts)


def stop_if_empty(acts: pd.DataFrame, total: int) -> None:
    """End the page with the friendly message when no activity is selected."""
    if acts.empty:
        no_match(total)
        st.stop()


def page_plan() -> Plan:
    """The plan a dashboard page shows (cached on the workbook's signature; last good data when the workbook is
    broken)."""
    return plan_in_language(plan_store.current().plan, i18n.current().lang)  # Event (ru) etc. where the workbook has it


def current(plan: Plan) -> views.Filters:
    """The stored view, first read from the query string, without values this workbook does not offer."""
    options = derived.options(plan)
    if STORE not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in views.QUERY_KEYS}
        st.session_state[STORE] = views.Filters.from_query(params, options, date.today())
    view = st.session_state[STORE].within(options)
    if len(plan.activities):  # an unreadable workbook (no activities at all) must not wipe the user's filters
        st.session_state[STORE] = view
    return view


def _write_query(view: views.Filters) -> None:
    """Mirror the view in the URL; keys that do not narrow are removed, other pages' keys (e.g. id) are kept."""
    wanted = view.query(date.today())
    for key in views.QUERY_KEYS:
        values = wanted.get(key, [])
        if st.query_params.get_all(key) == values:
            continue
        if values:
            st.query_params[key] = values if len(values) > 1 else values[0]
        else:
            del st.query_params[key]


def sidebar(plan: Plan) -> views.Filters:
    """Draw the filters in the sidebar and return the view the page shows."""
    view = current(plan)
    options = derived.options(plan)
    _seed(view)
    with st.sidebar:
        st.header(_("Filters"))
        # No "Select all" in the lists: no choice already means all (and Streamlit writes it in English).
        if len(options.plans) > 1:  # a portfolio: a folder of plan workbooks
            titles = {part.name: part.title for part in plan_store.current().parts}
            st.multiselect(
                _("Plan"),
                options.plans,
                key=WIDGET[views.Q_PLAN],
                on_change=_commit,
                placeholder=_("All plans"),
                select_all=False,
                format_func=lambda name: portfolio.plan_label(name, words.short_title(titles.get(name, ""), 50)),
                help=_("The workbooks in the plans folder, by file name and title."),
            )
        st.multiselect(
            _("Year"),
            options.years,
            key=WIDGET[views.Q_YEAR],
            on_change=_commit,
            placeholder=_("All years"),
            select_all=False,
        )
        st.multiselect(
            _("Domain"),
            options.domains,
            key=WIDGET[views.Q_DOMAIN],
            on_change=_commit,
            select_all=False,
            format_func=lambda domain: app_word(domain, plan.labels),
            placeholder=_("All domains"),
        )
        st.multiselect(
            _("Convention / programme"),
            options.instruments,
            key=WIDGET[views.Q_INSTRUMENT],
            on_change=_commit,
            select_all=False,
            format_func=lambda instrument: app_word(instrument, plan.labels),
            placeholder=_("All conventions and programmes"),
        )
        st.multiselect(
            _("Status"),
            options.statuses,
            key=WIDGET[views.Q_STATUS],
            on_change=_commit,
            select_all=False,
            format_func=label_of,
            placeholder=_("All statuses"),
            help=_("Status as of the date below:") + "\n" + status_help(),
        )
        st.text_input(
            _("Search"),
            key=WIDGET[views.Q_TEXT],
            on_change=_commit,
            placeholder=_("ID, event, terms, city…"),
            help=_("Searches ID, Event, Terms, Locations, Notes, Programme and Convention (any case)."),
        )
        st.date_input(
            _("Status as of"),
            key=WIDGET[views.Q_AS_OF],
            on_change=_commit,
            format="DD/MM/YYYY" if i18n.current().lang == i18n.DEFAULT else "DD.MM.YYYY",  # as each writes it
            min_value=date(1990, 1, 1),
            max_value=date(2100, 12, 31),
            help=_("Each activity's status is read against this date:") + " " + meanings_inline(),
        )
        eves = derived.once(views.milestone_eves, plan.milestones)  # shared: read, never changed
        if eves:
            labels = {TODAY: _("Today")} | {eve.day.isoformat(): eve.label for eve in eves}
            st.pills(
                _("Jump to the eve of a milestone"),
                list(labels),
                key=JUMP,
                on_change=_jump,
                format_func=lambda key: labels[key],
                help="\n".join(
                    "- " + _("{day}: eve of the {milestone}").format(day=eve.label, milestone=words.md_text(eve.name))
                    for eve in eves
                ),
            )
        st.button(
            _("Reset filters"),
            key="filter_reset",
            on_click=_reset,
            icon=":material/filter_alt_off:",
            # Never disabled: a button disabled by its own press lost the keyboard focus to the page's start, and
            # a disabled one is skipped by Tab (the caption under the title says whether any filter applies).
        )
    _write_query(view)
    return view


def summary(view: views.Filters, shown: int, total: int) -> None:
    """A caption under the page title: how many activities are shown, as of when, and which filters apply."""
    described = view.describe(lambda value: label_of(app_word(value)))
    narrowed = " · " + _("filtered: {filters}").format(filters=described) if described else ""
    counted = n_("{shown} of {n} activity", "{shown} of {n} activities", total).format(
        shown=words.number(shown), n=words.number(total)
    )
    as_of = _("status as of {day}").format(day=f"**{words.day(view.as_of)}**")
    st.caption(f"{counted} · {as_of}{narrowed}")


def no_match(total: int) -> None:
    """The friendly message for an empty selection."""
    if total:
        st.info(
            _("No activities match the filters. Widen them, or press **{reset}** in the sidebar.").format(
                reset=_("Reset filters")
            ),
            icon=":material/filter_alt_off:",
        )
    else:
        st.info(
            _("The workbook has no activities to show. See the Data page for what was found in it."),
            icon=":material/info:",
        )
