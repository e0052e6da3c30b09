"""The Briefing page's pieces: the earlier version to compare with, the downloads, and each section on screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from actionplan import Plan, i18n, load_plan, words
from actionplan import briefing as pack
from actionplan.briefing.compact import STATUS_COLUMN
from actionplan.briefing.text import header
from actionplan.i18n import N_, _
from actionplan.keeping.backups import backup_time, list_backups
from actionplan.plan import contract
from actionplan.plan import status as as_of_status
from actionplan.plan.status import AsOf, Reported

from . import activity, colours, derived, lang, signin, widget_words

NO_EARLIER = N_("None")
UPLOAD = N_("Upload a file…")
# The headers of the tables the briefing builds, marked here so the screen shows them in the reader's language.
HEADERS = (
    N_("ID"),
    N_("Activity"),
    N_("Reported status"),
    N_("Status as of"),
    N_("Progress %"),
    N_("Notes"),
    N_("Last update"),
    N_("Domain"),
    N_("Reported Completed"),
    N_("Open"),
    N_("Past end"),
    N_("Meaning"),
    N_("Topic"),
    N_("Message"),
    N_("Activity ID"),
    N_("Owner"),
    N_("Change"),
    N_("Event"),
    N_("What"),
    N_("Before"),
    N_("After"),
)
SESSION_QUARTER_FILL = "#DEEAF6"
SCHEDULED_TEXT = "■"
QUARTER_LABEL = re.compile(r"(\d{4}) Q([1-4])")  # the grid's column names: 2023 Q2
CARD_PADDING = 9  # characters' worth of a card's help icon and padding
WIDE_LETTERS = frozenset("mwMWмшщжюыфМШЩЖЮЫФ")  # half as wide again as most letters
DIGIT_WIDTH = 2.2  # a digit of a card's number, in label letters (the number is drawn about twice as large)
LABEL_WIDTH = 340  # pixels: the activity label column of the on-screen quarter grid
QUARTER_WIDTH = 64  # "1 кв. ’21" in full
SUMMARY_LISTS_UP_TO = 30  # activities named in a list of the summary on screen (a plan's session has up to 26)
SECTION_PAGE_ROWS = 100  # a section's rows sent at a time; the downloads hold every row
SHADED_UP_TO = 150  # rows of the quarter grid drawn shaded (a plan's worth); a portfolio's thousands as marks


@st.cache_data(max_entries=8, show_spinner=False)
def _earlier_file(path: str, mtime_ns: int, size: int, lang: str) -> Plan:
    """An earlier version on disk, cached on its signature like the current workbook, and on the language its
    findings are worded in."""
    del mtime_ns, size, lang  # part of the cache key only
    return load_plan(path)


@st.cache_data(max_entries=4, show_spinner=False)
def _earlier_upload(name: str, content: bytes, lang: str) -> Plan:
    del lang  # part of the cache key only
    return pack.earlier_version(name, content)


def choose_earlier(workbook: Path) -> Plan | None:
    """A select box of the workbook's backups (newest first), and for a signed-in editor an upload; the chosen
    version, read, or None. Viewers pick from the kept backups only: the server checks, not the widget."""
    backups = list_backups(workbook)
    editor = signin.current_editor() is not None
    options: list[object] = [NO_EARLIER, *backups, *([UPLOAD] if editor else [])]

    def label(option: object) -> str:
        if isinstance(option, Path):
            taken = backup_time(option)
            return _("Backup of {moment}").format(moment=words.moment(taken)) if taken else option.name
        return _(str(option))

    picked = st.selectbox(
        _("Changes since"),
        options,
        format_func=label,
        key=lang.reworded("briefing_since"),
        help=_(
            "An earlier version of the workbook: a backup the Data page kept (or, for a signed-in editor, a "
            "file to upload). The pack lists activities added, removed, re-dated, re-classified, and changes to "
            "their Status, Progress %, Notes and Last update."
        ),
    )
    if isinstance(picked, Path):
        stat = picked.stat()
        with st.spinner(_("Reading the earlier version…")):
            return _earlier_file(str(picked), stat.st_mtime_ns, stat.st_size, i18n.current().lang)
    if picked == UPLOAD and signin.current_editor() is not None:
        upload = widget_words.uploader(_("Earlier version (.xlsx)"), types=["xlsx"], key="briefing_since_upload")
        if upload is not None:
            with st.spinner(_("Reading the uploaded file…")):
                return _earlier_upload(upload.name, upload.getvalue(), i18n.current().lang)
    return None


def downloads(briefing: pack.Briefing) -> None:
    """The Word and Excel packs and the one-page brief (PDF where LibreOffice is installed); each file is written
    only when its button is clicked. The same formats as `python -m actionplan briefing --format`."""
    formats = [fmt for fmt in pack.FORMATS if fmt != "brief-pdf" or pack.pdf_available()]
    icons = {"docx": ":material/description:", "xlsx": ":material/table_view:"}
    # One row that wraps: a longer name in Russian or Turkmen moves a button to the next line instead of cutting it.
    with st.container(horizontal=True, gap="small"):
        for fmt in formats:
            st.download_button(
                _(pack.LABELS[fmt]),
                data=_writer(briefing, fmt),
                file_name=pack.file_name(briefing.scope, fmt),
                mime=pack.FORMATS[fmt],
                key=f"briefing_{fmt}",
                icon=icons.get(fmt, ":material/article:"),
                on_click="ignore",
                type="primary" if fmt == "docx" else "secondary",
                width="content",
            )


def _writer(briefing: pack.Briefing, fmt: str) -> Callable[[], bytes]:
    """Writes the file when the button is clicked, not on every run of the page (a Word file takes a second).

    Streamlit runs the writer later in a worker thread of its own, where the page's language is not active: the
    writer takes the reader's language with it."""
    lang = i18n.current().lang

    def write() -> bytes:
        try:
            with i18n.using(lang):
                return pack.render(briefing, fmt)
        except pack.PdfUnavailable as problem:  # the button then gives a text file saying why, not nothing
            return str(problem).encode()

    return write


def summary(briefing: pack.Briefing) -> None:
    """Counts that read at a glance, then the tables by status and by domain."""
    acts = briefing.activities
    past_end, not_reported = derived.of_briefing(briefing, "cards", lambda: _past_end_and_not_reported(acts))
    cards = (
        (_("In scope"), len(acts), _("Activities the briefing covers (the scope rule is above).")),
        (
            _("Delivered"),
            len(briefing.delivered.table),
            _("Reported Completed in the Status column. Nothing else counts as delivered."),
        ),
        (_("Open"), len(briefing.open.table), _("Not reported Completed or Cancelled; blank Status included.")),
        (_("Past end"), past_end, _("Past their end date with no Completed status.")),
        (_(Reported.NOT_REPORTED), not_reported, _("Status is blank: nobody has reported on these.")),
        (_("At the session"), len(briefing.at_session.table), _(pack.AT_SESSION_RULE)),
    )
    # Each card as wide as its label (plus its help icon) or its number needs, whichever is wider, so neither is cut
    # short in any language or at thousands of activities.
    widths = [
        max(
            len(label) + sum(letter in WIDE_LETTERS for letter in label) / 2 + CARD_PADDING,
            len(str(count)) * DIGIT_WIDTH + CARD_PADDING,
        )
        for label, count, _meaning in cards
    ]
    for column, (label, count, meaning) in zip(st.columns(widths, gap="small"), cards):
        column.metric(label, count, help=meaning, border=True)
    # Each list in the summary cut to SUMMARY_LISTS_UP_TO activities on screen; the documents name every one.
    st.markdown(words.md_text(" ".join(_listing(briefing))))
    # Side by side where both fit, each table as wide as its words and counts need (a fixed share cut the by-status
    # count column in Russian at 1366 px; the by-domain table, stretched into what was left, scrolled sideways in
    # Russian and Turkmen): where they do not fit, the by-domain table moves under the by-status table, whole.
    with st.container(horizontal=True, gap="medium"):
        by_status, by_domain = st.container(width="content"), st.container(width="content")
    # The meaning of each status is a column in the Word and Excel files; on screen it is the header's tooltip.
    meanings = "; ".join(f"{_(status)}: {_(status.meaning)}" for status in AsOf)
    by_status.dataframe(
        derived.of_briefing(briefing, "by_status", lambda: _statuses_said(briefing.status_summary, ("Status as of",))),
        hide_index=True,
        width="content",
        key="briefing_by_status",
        column_order=("Status as of", "Activities"),
        column_config=_labelled(
            {
                "Status as of": st.column_config.TextColumn(help=meanings),
                "Activities": st.column_config.NumberColumn(),
            }
        ),
    )
    by_domain.dataframe(
        briefing.domain_summary,
        hide_index=True,
        width="content",
        key="briefing_by_domain",
        column_config=_labelled(
            {
                name: st.column_config.TextColumn(width="medium" if name == "Domain" else None)
                for name in briefing.domain_summary.columns
            }
        ),
    )


def sections(briefing: pack.Briefing, parts: tuple[pack.Section, ...], as_of_label: str) -> None:
    """The sections of one tab (parts of `briefing`), each in turn."""
    for part in parts:
        section(briefing, part, as_of_label)


def section(briefing: pack.Briefing, part: pack.Section, as_of_label: str) -> None:
    """A heading, the section's sentence, and its activities (or that it is empty). A main section's heading is
    at level 3, under the briefing's title (level 2); a part of one (a domain, a convention, before the session) at
    level 4."""
    if part.level == 1:
        st.subheader(words.md_text(part.title))
    else:
        st.markdown(f"#### {words.md_text(part.title)}")
    st.markdown(words.md_text(part.lead))
    if part.empty:
        st.caption(_(pack.EMPTY_SECTION))
        return
    # A long section by pages of SECTION_PAGE_ROWS: a page holds more sections (one per domain and convention,
    # every tab drawn at each rerun) than the Activities page's one table.
    # The page chosen survives a switch to another tab and back; a new session or as-of date starts at page 1.
    shown = activity.table_page(
        part.table,
        key=f"briefing_{part.key}_page",
        rows=SECTION_PAGE_ROWS,
        kept_for=(briefing.scope.start, briefing.scope.end, briefing.scope.as_of),
    )
    table = derived.of_briefing(  # the rows shown, in the reader's words: made once per pack, section and page
        briefing,
        f"{part.key}:{shown.index[0] if len(shown) else ''}",
        lambda: _statuses_said(pack.compact(shown), (STATUS_COLUMN, as_of_status.STATUS_AS_OF)),
    )
    st.dataframe(
        table, hide_index=True, key=f"briefing_{part.key}", column_config=_activity_columns(table, as_of_label)
    )


def messages(briefing: pack.Briefing) -> None:
    """The key messages staff wrote for the session, by topic; or that none were recorded."""
    st.subheader(_("Key messages"))
    if briefing.messages.empty:
        st.text(_listing(briefing)[-1])
        return
    st.dataframe(
        briefing.messages,
        hide_index=True,
        key="briefing_messages",
        column_config=_labelled({name: st.column_config.Column() for name in briefing.messages.columns}),
    )


def changes(part: pack.Section) -> None:
    st.subheader(words.md_text(part.title))
    st.markdown(words.md_text(part.lead))
    if not part.empty:
        st.dataframe(
            part.table,
            hide_index=True,
            key="briefing_changes",
            column_config=_labelled(
                {
                    name: st.column_config.TextColumn(width="medium" if name in ("Event", "Before", "After") else None)
                    for name in part.table.columns
                }
            ),
        )


def timeline(briefing: pack.Briefing) -> None:
    """The quarter grid, shaded like the Word document: a filled cell is a quarter the activity's dates fall in."""
    grid = briefing.grid
    st.subheader(_("Timeline by quarter"))
    if grid.cells.empty:
        st.caption(_(pack.EMPTY_SECTION))
        return
    quarters = ", ".join(_long_quarter(quarter) for quarter in grid.session_quarters)
    shading = (
        _("Shaded: a quarter the activity's dates fall in. Light column: the session's quarter ({quarters}).")
        if briefing.scope.session
        else _("Shaded: a quarter the activity's dates fall in. Light column: the period's quarter ({quarters}).")
    )
    st.caption(shading.format(quarters=quarters))
    # (ID x quarter booleans) -> (Activity label | one text column per quarter), styled per cell.
    shown = derived.of_briefing(briefing, "grid", lambda: _marks(grid))
    # Shading goes through a pandas Styler, about 1 ms a row: past SHADED_UP_TO rows the marks alone are shown.
    styled = shown.style.apply(_shade_quarters, session_quarters=grid.session_quarters, axis=None)
    st.dataframe(
        styled if len(shown) <= SHADED_UP_TO else shown,
        key="briefing_grid",
        hide_index=True,
        height=min(38 + 35 * len(shown), 720),
        column_config={
            "Activity": st.column_config.TextColumn(_("Activity"), width=LABEL_WIDTH, pinned=True),
            **{q: st.column_config.TextColumn(_short_quarter(q), width=QUARTER_WIDTH) for q in grid.cells.columns},
        },
    )


def _past_end_and_not_reported(acts: pd.DataFrame) -> tuple[int, int]:
    status = acts[as_of_status.STATUS_AS_OF].astype(str)
    not_reported = acts[contract.REPORTED_STATUS] == Reported.NOT_REPORTED
    return int(status.isin(pack.PAST_END).sum()), int(not_reported.sum())


def _marks(grid: pack.QuarterGrid) -> pd.DataFrame:
    """(ID x quarter booleans) -> (Activity label | one text column per quarter: the mark where scheduled)."""
    marks = np.where(grid.cells.to_numpy(dtype=bool), SCHEDULED_TEXT, "").astype(object)
    shown = pd.DataFrame(marks, index=grid.cells.index, columns=grid.cells.columns)
    shown.insert(0, "Activity", grid.labels)
    return shown


def _listing(briefing: pack.Briefing) -> tuple[str, ...]:
    """The summary's sentences, each list cut to SUMMARY_LISTS_UP_TO activities (made once per pack)."""
    return derived.of_briefing(briefing, "listing", lambda: briefing.summary_listing(SUMMARY_LISTS_UP_TO))


def _short_quarter(label: str) -> str:
    """'2023 Q2' -> "Q2 ’23" ("2 кв. ’23"), narrow enough for a column of a few characters; any other label as it
    is."""
    found = QUARTER_LABEL.fullmatch(label)
    if not found:
        return label
    return _("Q{quarter} ’{year}").format(quarter=found.group(2), year=found.group(1)[2:])


def _statuses_said(table: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """A copy of a briefing table with its status names in the reader's language (the builder keeps them English,
    as the columns' keys; a value that is not a status, such as a blank, stays as it is)."""
    shown = table.copy()
    for column in columns:
        if column in shown.columns:
            values = shown[column].tolist()
            said = {value: _(value) for value in dict.fromkeys(values) if isinstance(value, str)}
            said_values = [said.get(value, value) if isinstance(value, str) else value for value in values]
            shown[column] = pd.Series(said_values, index=shown.index, dtype=shown[column].dtype)
    return shown


def _long_quarter(label: str) -> str:
    """'2023 Q2' -> '2nd quarter 2023' in the reader's language ('2-й квартал 2023 г.'); any other label as it is."""
    found = QUARTER_LABEL.fullmatch(label)
    return words.quarter(int(found.group(1)), int(found.group(2)), short=False) if found else label


def _labelled(config: dict[str, Any]) -> dict[str, Any]:
    """Column settings for a table the briefing builds, each with its header in the reader's language. The table
    may carry the English names or names already translated, so each setting is given under both."""
    labelled: dict[str, Any] = {}
    for name, column in config.items():
        column = {**column, "label": header(name)}
        labelled[name] = labelled[header(name)] = column
    return labelled


def _shade_quarters(shown: pd.DataFrame, session_quarters: tuple[str, ...]) -> pd.DataFrame:
    """CSS per cell: the accent colour where scheduled, a light column for the session's quarter."""
    scheduled = shown.to_numpy() == SCHEDULED_TEXT  # every cell at once, not a .loc per quarter
    in_session = np.isin(shown.columns, session_quarters)
    in_session[0] = False  # the label column
    styles = np.full(shown.shape, "", dtype=object)
    styles[:, in_session] = f"background-color: {SESSION_QUARTER_FILL}"
    scheduled[:, 0] = False
    styles[scheduled] = f"background-color: {colours.ACCENT}; color: {colours.ACCENT}"
    return pd.DataFrame(styles, index=shown.index, columns=shown.columns)


def _activity_columns(table: pd.DataFrame, as_of_label: str) -> dict[str, Any]:
    labelled = _labelled(
        {
            **{str(name): st.column_config.Column() for name in table.columns},
            "ID": st.column_config.TextColumn(width="small"),
            "Activity": st.column_config.TextColumn(width="large"),
            "Notes": st.column_config.TextColumn(width="medium"),
            "Progress %": st.column_config.NumberColumn(format="%d%%"),
            "Last update": st.column_config.DateColumn(format="D MMM YYYY"),
        }
    )
    as_of = st.column_config.TextColumn(as_of_label)
    return {**labelled, as_of_status.STATUS_AS_OF: as_of, _(as_of_status.STATUS_AS_OF): as_of}
