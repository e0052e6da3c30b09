"""What the pages derive from the plan, cached at the right layer.

- The plan itself: one immutable `Plan` per workbook version (`plan_store`, st.cache_resource, never changed).
- What depends only on the version (the filters' choices): st.cache_resource, keyed on the version.
- The frames the filters select and the page models: keyed on the version, the filters and the reader's language,
  so a rerun with one filter changed recomputes only what depends on it, and a page switch or a widget of the
  page's own (colour, grouping, a tab) recomputes nothing. The selected activities, the Overview's and Domains'
  models and the Timeline's rows, window and figure are st.cache_resource: shared by every run and never changed
  (a pickle of every row at each run cost more than the page).
- A chart or a chart's words (`once`): a bounded memo shared by the process, keyed on a digest of the small,
  aggregated frame it draws, its options and the language, so a rerun whose counts did not change builds
  nothing. Streamlit copies a figure before it sends it; nothing changes one.

The plan is passed to the cached functions unhashed (`_plan`): its version key stands for it.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from actionplan import Plan, i18n, views
from actionplan import briefing as pack
from actionplan.plan.contract import ActivityColumn, StepColumn
from actionplan.plan.status import STATUS_AS_OF
from actionplan.views import chart_words
from actionplan.views import pages as models

from . import charts

T = TypeVar("T")


def version_key(plan: Plan) -> str:
    """One key per loaded version and language: its content hash, when it was read (a re-read is a new object), and
    the reader's language (a page's plan carries the workbook's translated columns, Event (ru) ..., in it)."""
    sha = plan.source.sha256 if plan.source else ""
    return f"{sha}:{plan.loaded_at.isoformat()}:{_lang()}"


def _lang() -> str:
    return i18n.current().lang


@st.cache_resource(max_entries=16, show_spinner=False)
def _options(key: str, _plan: Plan) -> views.FilterOptions:
    del key
    return views.filter_options(_plan.activities, _plan.lists)


def options(plan: Plan) -> views.FilterOptions:
    """The filters' choices for this version of the plan (frozen: tuples only)."""
    return _options(version_key(plan), plan)


@st.cache_resource(max_entries=16, show_spinner=False)
def _orders(key: str, _plan: Plan) -> views.PlanOrder:
    """The plan's domains, conventions and instruments in the order shown, per version (the page models take it)."""
    del key
    return views.PlanOrder.of(_plan.activities, _plan.lists)


@st.cache_resource(max_entries=16, show_spinner=False)  # shared, never changed: no pickle of every row per run
def _selected(key: str, view: views.Filters, _plan: Plan) -> pd.DataFrame:
    del key
    return view.apply(_plan.activities, _plan.checkins)


def selected(plan: Plan, view: views.Filters) -> pd.DataFrame:
    """The activities the filters select, with their status as of the view's date: one frame shared by every run
    that asks for this version and view (never change it; tests/test_plan_cache.py runs every page and checks)."""
    return _selected(version_key(plan), view, plan)


@st.cache_resource(max_entries=8, show_spinner=False)  # shared, never changed: no pickle per run
def _overview(key: str, view: views.Filters, lang: str, _plan: Plan, _acts: pd.DataFrame) -> models.OverviewModel:
    del lang
    return models.overview(_plan, view, _acts, plan_order=_orders(key, _plan))


def overview(plan: Plan, view: views.Filters, acts: pd.DataFrame) -> models.OverviewModel:
    """The Overview's model for this version, view and language (`acts` is what `selected` returned for them)."""
    return _overview(version_key(plan), view, _lang(), plan, acts)


@st.cache_resource(max_entries=8, show_spinner=False)  # shared, never changed: no pickle per run
def _domains(key: str, view: views.Filters, lang: str, _plan: Plan, _acts: pd.DataFrame) -> models.DomainsModel:
    del view, lang
    order = _gantt_order(key, views.GROUP_YEAR_DOMAIN, _plan, dated=False)
    return models.domains_page(_plan, _acts, order=order, plan_order=_orders(key, _plan))


def domains_page(plan: Plan, view: views.Filters, acts: pd.DataFrame) -> models.DomainsModel:
    """The Domains page's model for this version, view and language."""
    return _domains(version_key(plan), view, _lang(), plan, acts)


@st.cache_data(max_entries=32, show_spinner=False)
def _coverage(
    key: str, view: views.Filters, lang: str, keep_empty: bool, _plan: Plan, _acts: pd.DataFrame
) -> models.CoverageModel:
    del view, lang
    return models.coverage_page(_plan, _acts, keep_empty=keep_empty, plan_order=_orders(key, _plan))


def coverage_page(plan: Plan, view: views.Filters, acts: pd.DataFrame, *, keep_empty: bool) -> models.CoverageModel:
    """The Conventions & programmes page's model for this version, view, language and choice of empty rows."""
    return _coverage(version_key(plan), view, _lang(), keep_empty, plan, acts)


@st.cache_data(max_entries=32, show_spinner=False)
def _activities(
    key: str, view: views.Filters, lang: str, opened_id: str | None, _plan: Plan, _acts: pd.DataFrame
) -> models.ActivitiesModel:
    del key, lang
    return models.activities_page(_plan, view, _acts, opened_id)


def activities_page(
    plan: Plan, view: views.Filters, acts: pd.DataFrame, opened_id: str | None
) -> models.ActivitiesModel:
    """The Activities page's model for this version, view, language and opened activity."""
    return _activities(version_key(plan), view, _lang(), opened_id, plan, acts)


def content_key(*parts: Any) -> str:
    """A digest of `parts` (small frames, options, labels): equal digests mean equal pickles, so equal content.
    A pickle costs a fraction of Streamlit's own hashing of a frame (0.03 ms against 1.8 ms for a table of counts);
    two equal frames that pickle differently only cost a cache miss."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).hexdigest()


class _Built:
    """What `once` built, by (builder, language, content digest): a bounded, least recently used memo shared by every
    run and session of the process. Not st.cache_resource: Streamlit's cache inspects the function's signature and
    hashes its key arguments at every call (about 0.3 ms, seven times per page run), where a digest is all the key
    there is. Equal digests mean equal content, so an entry is never stale; a race builds one twice, harmlessly."""

    def __init__(self, entries: int) -> None:
        self._entries = entries
        self._built: OrderedDict[tuple[str, str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, str], build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._built:
                self._built.move_to_end(key)
                return self._built[key]
        value = build()
        with self._lock:
            self._built[key] = value
            while len(self._built) > self._entries:
                self._built.popitem(last=False)
        return value


_BUILT = _Built(entries=128)


def once(build: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`build(*args, **kwargs)`, built once per content of its arguments and language and shared by every run that
    asks for the same (never change what it returns). For small arguments (counts, a chart's words, a narrowed
    frame): they are pickled for the key."""
    key = (f"{build.__module__}.{build.__qualname__}", _lang(), content_key(args, kwargs))
    return _BUILT.get(key, lambda: build(*args, **kwargs))


def figure(build: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """A chart built `once` per content of its arguments and language (Streamlit copies a figure to send it)."""
    return once(build, *args, **kwargs)


@st.cache_resource(max_entries=16, show_spinner=False)
def _gantt_order(key: str, group_by: str, _plan: Plan, dated: bool = True) -> pd.DataFrame:
    """Every activity's place in the Gantt and its group (only the dated ones, unless `dated` is False): by version
    and grouping, not by filter or date."""
    orders = _orders(key, _plan)
    some = _plan.activities.dropna(subset=[ActivityColumn.START, ActivityColumn.END]) if dated else _plan.activities
    return views.gantt_order(some, group_by=group_by, domains=orders.domains, instruments=orders.instruments)


@st.cache_resource(max_entries=8, show_spinner=False)
def _gantt_rows(key: str, view: views.Filters, group_by: str, _plan: Plan, _acts: pd.DataFrame) -> pd.DataFrame:
    dated = _acts.dropna(subset=[ActivityColumn.START, ActivityColumn.END])
    return views.in_gantt_order(_gantt_order(key, group_by, _plan), dated)


def gantt_rows(plan: Plan, view: views.Filters, acts: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """The dated activities in Gantt order with their groups (unlabelled: the window labels what it draws), for
    this version, view and grouping (`acts` is what `selected` returned for them). The order is sorted once per
    version and grouping and the view's rows taken in it; kept as one shared frame (st.cache_resource: no pickle
    of every row at each run; never changed)."""
    return _gantt_rows(version_key(plan), view, group_by, plan, acts)


@st.cache_resource(max_entries=16, show_spinner=False)
def _gantt_window(
    key: str, view: views.Filters, group_by: str, opened: str | None, page: int, _rows: pd.DataFrame
) -> views.GanttWindow:
    del key, view, group_by
    return views.gantt_window(_rows, opened=opened, page=page)


def gantt_window(
    plan: Plan, view: views.Filters, group_by: str, rows: pd.DataFrame, opened: str | None = None, page: int = 1
) -> views.GanttWindow:
    """The rows the Timeline draws (`rows` is what `gantt_rows` returned for this plan, view and grouping); shared,
    never changed."""
    return _gantt_window(version_key(plan), view, group_by, opened, page, rows)


@st.cache_resource(max_entries=16, show_spinner=False)
def _gantt_drawing(
    key: str, content: str, options: tuple[tuple[str, Any], ...], _plan: Plan, _window: views.GanttWindow
) -> dict[str, Any]:
    del content
    chosen = dict(options)
    rows = _window.rows
    return charts.gantt_drawing(
        rows,
        _plan.milestones,
        groups=_window.groups,
        steps=_plan.steps[_plan.steps[StepColumn.ACTIVITY_ID].isin(rows[ActivityColumn.ID])],
        dated_steps=views.dated_steps(_plan.steps, rows[ActivityColumn.ID]) if chosen.pop("dated_steps") else None,
        domains=_orders(key, _plan).domains,
        labels=_plan.labels,
        **chosen,
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def _gantt(
    key: str,
    view: views.Filters,
    group_by: str,
    opened: str | None,
    page: int,
    options: tuple[tuple[str, Any], ...],
    _plan: Plan,
    _window: views.GanttWindow,
) -> go.Figure:
    del group_by, opened, page
    # What the drawing shows of the rows besides what the version fixes: which rows, their statuses, the groups.
    content = content_key(_window.rows[[ActivityColumn.ID, STATUS_AS_OF]], _window.groups)
    return charts.with_as_of(_gantt_drawing(key, content, options, _plan, _window), view.as_of)


def gantt(
    plan: Plan,
    view: views.Filters,
    group_by: str,
    window: views.GanttWindow,
    *,
    colour_by: str,
    dated_steps: bool,
    x_range: tuple[date, date] | None,
    compact: bool,
    narrow: bool = False,
) -> go.Figure:
    """The Timeline's figure for `window` (what `gantt_window` returned for this plan, view and grouping), made
    once per version, language, view, grouping, group and page opened, and options: the key is those few values,
    not the rows (hashing a frame of rows at each run cost more than drawing them). The drawing under the as-of
    line is kept by the rows' IDs and statuses and the groups: a new as-of date that changes no status only draws
    its line again. `narrow`: drawn for a phone (`charts.gantt_drawing`)."""
    options = (
        ("colour_by", colour_by),
        ("dated_steps", dated_steps),
        ("x_range", x_range),
        ("compact", compact),
        ("narrow", narrow),
    )
    return _gantt(version_key(plan), view, group_by, window.opened, window.page, options, plan, window)


@st.cache_resource(max_entries=16, show_spinner=False)
def _gantt_words(
    key: str, view: views.Filters, group_by: str, opened: str | None, page: int, _plan: Plan, _window: views.GanttWindow
) -> chart_words.ChartText:
    del key, group_by, opened, page
    return chart_words.timeline(_window, as_of=view.as_of, labels=_plan.labels)


def gantt_words(plan: Plan, view: views.Filters, group_by: str, window: views.GanttWindow) -> chart_words.ChartText:
    """The Timeline in words (`chart_words.timeline`), once per what `gantt` is keyed on but the options."""
    return _gantt_words(version_key(plan), view, group_by, window.opened, window.page, plan, window)


@st.cache_resource(max_entries=8, show_spinner=False)  # one pack, never changed (what shows it copies first)
def _briefing(
    key: str, scope: pack.Scope, since_key: str, since_taken: datetime | None, _plan: Plan, _since: Plan | None
) -> pack.Briefing:
    del key, since_key
    return pack.build_briefing(_plan, scope, _since, since_taken=since_taken)


def briefing(plan: Plan, scope: pack.Scope, since: Plan | None, *, since_taken: datetime | None) -> pack.Briefing:
    """The briefing pack for this version, scope (session or range, and its as-of date), earlier version compared
    and language: a download click or a tab's rerun builds nothing again."""
    return _briefing(version_key(plan), scope, version_key(since) if since else "", since_taken, plan, since)


@st.cache_resource(max_entries=64, show_spinner=False)
def _of_briefing(pack_id: int, what: str, lang: str, _briefing: pack.Briefing, _make: Callable[[], Any]):
    del pack_id, what, lang
    # The pack is kept with what was made from it: while this entry lives no other object can have its id.
    return _briefing, _make()


def of_briefing(briefing: pack.Briefing, what: str, make: Callable[[], T]) -> T:
    """`make()`, made once per pack (as `briefing` returned it), `what` and language: what the page shows of a
    pack (a table in the reader's words, the summary's sentences), never changed after. `what` names it (and
    anything it depends on besides the pack: a page of rows)."""
    kept, made = _of_briefing(id(briefing), what, _lang(), briefing, make)
    return made if kept is briefing else make()
