"""The plan reshaped for the dashboard pages: filters, counts, the coverage matrix, milestones and Gantt rows.

Pure (no Streamlit): every function takes the loader's tables (`Plan.activities`, `.steps`, `.milestones`,
`.lists`) and returns new ones, never changing its input. Nothing here names a year, a domain, a convention or a
programme: they all come from the workbook, so a plan for other years on the same sheets needs no code change.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from . import schema
from .load import Lists
from .status import (
    AS_OF_MEANING,
    AS_OF_ORDER,
    CANCELLED,
    COMPLETED,
    NO_DATES,
    OVERDUE,
    PAST_END_NOT_REPORTED,
    POSTPONED,
    SCHEDULED_NOW,
    STATUS_AS_OF,
    UPCOMING,
    tally,
    with_status,
)

UNCLASSIFIED = "Unclassified"  # an activity whose Domain cell is blank
NO_INSTRUMENT = "No convention or programme"

# Columns the free-text search looks in.
SEARCH_COLUMNS: tuple[str, ...] = ("ID", "Event", "Terms", "Locations", "Notes", "Programme", "Convention")
CLOSED_STATUSES: frozenset[str] = frozenset({COMPLETED, POSTPONED, CANCELLED})

# Query-string keys: a link such as ?year=2021&domain=Culture&as_of=2021-11-08 reproduces a view.
Q_YEAR, Q_DOMAIN, Q_INSTRUMENT, Q_STATUS, Q_TEXT, Q_AS_OF = "year", "domain", "instrument", "status", "q", "as_of"
QUERY_KEYS: tuple[str, ...] = (Q_YEAR, Q_DOMAIN, Q_INSTRUMENT, Q_STATUS, Q_TEXT, Q_AS_OF)
Q_ACTIVITY = "id"  # the Activities page: ?id=2021-04 opens one activity

# How the Gantt groups its rows.
GROUP_YEAR_DOMAIN = "Year, then domain"
GROUP_INSTRUMENT = "Convention or programme"
GROUPINGS: tuple[str, ...] = (GROUP_YEAR_DOMAIN, GROUP_INSTRUMENT)

SHORT_TITLE_LENGTH = 50  # a Gantt row label: the hover and the Activities page have the whole event
GROUP_COLUMN = "Group"
LABEL_COLUMN = "Label"
TITLE_COLUMN = "Title"
INSTRUMENT_COLUMN = "Instrument"
DOMAIN_COLUMN = "Domain"


# ---------------------------------------------------------------------------------------------------------------
# Filters


@dataclass(frozen=True)
class FilterOptions:
    """What each filter can offer, in display order, all taken from the workbook."""

    years: tuple[int, ...] = ()
    domains: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = AS_OF_ORDER


@dataclass(frozen=True)
class Filters:
    """The view every page shows: which activities (empty tuple = no restriction) and the as-of date.

    `apply` keeps the activities that match every filter given, with their `Status as of` added.
    """

    years: tuple[int, ...] = ()
    domains: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    text: str = ""
    as_of: date = field(default_factory=date.today)

    @property
    def narrows(self) -> bool:
        """True when any filter other than the as-of date restricts the activities."""
        return bool(self.years or self.domains or self.instruments or self.statuses or self.text.strip())

    def apply(self, activities: pd.DataFrame) -> pd.DataFrame:
        """A copy of the matching activities with a `Status as of` column (as of `self.as_of`)."""
        shown = with_status(activities, self.as_of)
        keep = pd.Series(True, index=shown.index)
        if self.years:
            keep &= shown["Year"].isin(self.years).fillna(False).astype(bool)
        if self.domains:
            keep &= domain_of(shown).isin(self.domains)
        if self.instruments:
            keep &= shown["Convention"].isin(self.instruments) | shown["Programme"].isin(self.instruments)
        if self.statuses:
            keep &= shown[STATUS_AS_OF].astype(object).isin(self.statuses)
        words = self.text.strip().casefold()
        if words:
            keep &= _search_text(shown).str.contains(words, regex=False)
        return shown[keep]

    def describe(self) -> str:
        """The filters in words, for a caption under a page title ('' when nothing narrows)."""
        parts = []
        if self.years:
            parts.append(", ".join(str(year) for year in self.years))
        parts += [", ".join(chosen) for chosen in (self.domains, self.instruments, self.statuses) if chosen]
        if self.text.strip():
            parts.append(f'"{self.text.strip()}"')
        return " · ".join(parts)

    def query(self, today: date) -> dict[str, list[str]]:
        """The filters as query-string values; a key is left out when it does not narrow (as_of: when today)."""
        values = {
            Q_YEAR: [str(year) for year in self.years],
            Q_DOMAIN: list(self.domains),
            Q_INSTRUMENT: list(self.instruments),
            Q_STATUS: list(self.statuses),
            Q_TEXT: [self.text] if self.text.strip() else [],
            Q_AS_OF: [] if self.as_of == today else [self.as_of.isoformat()],
        }
        return {key: value for key, value in values.items() if value}

    @classmethod
    def from_query(cls, params: Mapping[str, Sequence[str]], options: FilterOptions, today: date) -> Filters:
        """Filters from query-string values (each key -> its list of values); unknown values are ignored."""

        def known(key: str, allowed: Sequence[object]) -> tuple:
            by_text = {str(value).casefold(): value for value in allowed}
            picked = [by_text[value.strip().casefold()] for value in params.get(key, ())
                      if value.strip().casefold() in by_text]
            return tuple(dict.fromkeys(picked))

        text = " ".join(value.strip() for value in params.get(Q_TEXT, ()) if value.strip())
        return cls(known(Q_YEAR, options.years), known(Q_DOMAIN, options.domains),
                   known(Q_INSTRUMENT, options.instruments), known(Q_STATUS, options.statuses),
                   text, _iso_date(params.get(Q_AS_OF, ())) or today)

    def within(self, options: FilterOptions) -> Filters:
        """The same filters without the values the workbook no longer offers (after an edit or a reload)."""
        return Filters(tuple(v for v in self.years if v in options.years),
                       tuple(v for v in self.domains if v in options.domains),
                       tuple(v for v in self.instruments if v in options.instruments),
                       tuple(v for v in self.statuses if v in options.statuses),
                       self.text, self.as_of)


def _iso_date(values: Sequence[str]) -> date | None:
    for value in values:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            continue
    return None


def _search_text(activities: pd.DataFrame) -> pd.Series:
    """One lower-case string per activity holding every searched column."""
    present = [column for column in SEARCH_COLUMNS if column in activities.columns]
    joined = activities[present].astype(object).where(activities[present].notna(), "").astype(str)
    return joined.agg(" ".join, axis=1).str.casefold() if present else pd.Series("", index=activities.index)


def filter_options(activities: pd.DataFrame, lists: Lists) -> FilterOptions:
    """The filter choices for a plan: its years, its domains and its instruments, in the workbook's order."""
    years = tuple(sorted(int(year) for year in activities["Year"].dropna().unique()))
    return FilterOptions(years, tuple(domain_order(activities, lists)), tuple(instrument_order(activities, lists)))


# ---------------------------------------------------------------------------------------------------------------
# Classification


def domain_of(activities: pd.DataFrame) -> pd.Series:
    """Each activity's domain, `Unclassified` where the cell is blank."""
    return activities["Domain"].astype(object).where(activities["Domain"].notna(), UNCLASSIFIED)


def instrument_of(activities: pd.DataFrame) -> pd.Series:
    """Each activity's instrument: its convention, else its programme, else `No convention or programme`."""
    convention = activities["Convention"].astype(object)
    programme = activities["Programme"].astype(object)
    return convention.where(convention.notna(), programme).where(convention.notna() | programme.notna(),
                                                                NO_INSTRUMENT)


def _append_unlisted(order: list[str], found: Iterable[object]) -> list[str]:
    """Values found in the activities but missing from Lists go after the listed ones, sorted."""
    extra = sorted({str(value) for value in found if pd.notna(value)} - set(order))
    return order + extra


def domain_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Domains as Lists orders them, then any domain typed in Activities only, then `Unclassified` if needed."""
    order = _append_unlisted(list(lists.domains), activities["Domain"])
    if activities["Domain"].isna().any():
        order.append(UNCLASSIFIED)
    return order


def convention_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Conventions as Lists orders them, then any typed in Activities only."""
    return _append_unlisted(list(lists.conventions), activities["Convention"])


def instrument_order(activities: pd.DataFrame, lists: Lists) -> list[str]:
    """Conventions then programmes, each as Lists orders them, then unlisted ones found in Activities."""
    conventions = convention_order(activities, lists)
    programmes = _append_unlisted([p for p in lists.programmes if p not in conventions], activities["Programme"])
    return conventions + [p for p in programmes if p not in conventions]


def instrument_title(instrument: str, lists: Lists) -> str:
    """The full title of a convention (Lists' Convention title), else the instrument's own name."""
    return lists.title(instrument)


# ---------------------------------------------------------------------------------------------------------------
# Counts


def counts_by_status(activities: pd.DataFrame) -> pd.Series:
    """How many activities in each as-of status, every status in AS_OF_ORDER (0 where none).

    `activities` must carry `Status as of` (as `Filters.apply` returns them).
    """
    return tally(activities[STATUS_AS_OF])


def counts_by_reported_status(activities: pd.DataFrame) -> pd.Series:
    """How many activities in each reported status (what staff typed), `Not reported` last."""
    order = (*schema.STATUS_VALUES, schema.NOT_REPORTED)
    reported = activities[schema.REPORTED_STATUS].astype(object).fillna(schema.NOT_REPORTED)
    return reported.value_counts().reindex(order, fill_value=0).astype(int)


def by_year_and_status(activities: pd.DataFrame, years: Sequence[int]) -> pd.DataFrame:
    """Counts per plan year and as-of status.

    activities (one row each, with Status as of) -> rows = `years` (every one, 0 where none), columns = AS_OF_ORDER.
    """
    table = pd.crosstab(activities["Year"].astype("Int64"), activities[STATUS_AS_OF].astype(object))
    return table.reindex(index=list(years), columns=list(AS_OF_ORDER), fill_value=0).astype(int)


def by_domain(activities: pd.DataFrame, domains: Sequence[str]) -> pd.DataFrame:
    """Counts per domain and as-of status.

    activities -> rows = `domains` that have at least one activity, in that order; columns = AS_OF_ORDER.
    """
    table = pd.crosstab(domain_of(activities), activities[STATUS_AS_OF].astype(object))
    table = table.reindex(index=list(domains), columns=list(AS_OF_ORDER), fill_value=0).astype(int)
    return table[table.sum(axis=1) > 0]


def by_domain_and_year(activities: pd.DataFrame, domains: Sequence[str], years: Sequence[int]) -> pd.DataFrame:
    """Counts per domain and plan year: rows = `domains` with at least one activity, columns = every year."""
    table = pd.crosstab(domain_of(activities), activities["Year"].astype("Int64"))
    table = table.reindex(index=list(domains), columns=list(years), fill_value=0).astype(int)
    return table[table.sum(axis=1) > 0]


def coverage_matrix(activities: pd.DataFrame, lists: Lists, years: Sequence[int] | None = None, *,
                    instruments: Sequence[str] | None = None, keep_empty: bool = True) -> pd.DataFrame:
    """How many activities implement each instrument in each plan year.

    activities -> rows = `instruments` (default: conventions then programmes, Lists' order, then unlisted ones
    found), columns = every year in `years` (default: the activities' years), 0 for a gap. An activity with both a
    convention and a programme counts in both rows. `keep_empty=False` drops the rows with no activity at all.
    """
    years = sorted(int(y) for y in activities["Year"].dropna().unique()) if years is None else list(years)
    rows = list(instruments) if instruments is not None else instrument_order(activities, lists)
    matrix = pd.DataFrame(0, index=pd.Index(rows, name=INSTRUMENT_COLUMN), columns=pd.Index(years, name="Year"))
    for column in ("Convention", "Programme"):
        counted = activities.dropna(subset=[column, "Year"])
        for (instrument, year), count in counted.groupby([column, "Year"]).size().items():
            if instrument in matrix.index and int(year) in matrix.columns:
                matrix.loc[instrument, int(year)] += int(count)
    return matrix if keep_empty else matrix[matrix.sum(axis=1) > 0]


def counted_cells(matrix: pd.DataFrame) -> list[tuple[str, int]]:
    """The (instrument, year) cells of a coverage matrix that count at least one activity, row by row."""
    return [(name, int(year)) for name in matrix.index for year in matrix.columns if matrix.loc[name, year]]


def convention_rows(matrix: pd.DataFrame, activities: pd.DataFrame, lists: Lists) -> int:
    """How many of the matrix's first rows are conventions (the rest are programmes): where to draw the line."""
    conventions = set(convention_order(activities, lists))
    return sum(name in conventions for name in matrix.index)


def activities_in_cell(activities: pd.DataFrame, instrument: str, year: int) -> pd.DataFrame:
    """The activities behind one cell of the coverage matrix."""
    implements = (activities["Convention"] == instrument) | (activities["Programme"] == instrument)
    return activities[implements.fillna(False) & (activities["Year"] == year).fillna(False)]


# ---------------------------------------------------------------------------------------------------------------
# Milestones and what falls due


def next_milestones(milestones: pd.DataFrame, as_of: date, n: int = 3) -> pd.DataFrame:
    """The first `n` milestones not yet over on `as_of` (a session under way counts), by date."""
    ends = milestones["End"].fillna(milestones["Date"])
    return milestones[ends >= pd.Timestamp(as_of)].sort_values("Date", kind="stable").head(n)


def due_before(activities: pd.DataFrame, as_of: date, until: date) -> pd.DataFrame:
    """Open activities whose end falls on or after `as_of` and before `until`, soonest first.

    An activity reported Completed, Postponed or Cancelled is not due.
    """
    ends = activities["End"]
    open_ = ~activities["Status"].isin(CLOSED_STATUSES)
    due = open_ & (ends >= pd.Timestamp(as_of)) & (ends < pd.Timestamp(until))
    return activities[due.fillna(False)].sort_values(["End", "ID"], kind="stable")


@dataclass(frozen=True)
class QuickDate:
    """An as-of date worth one click: the eve of a milestone."""

    label: str
    day: date
    name: str


def milestone_eves(milestones: pd.DataFrame) -> list[QuickDate]:
    """The day before each milestone starts, e.g. 8 Nov 2021 for the 41st General Conference (9 Nov 2021)."""
    eves = []
    for _, milestone in milestones.sort_values("Date", kind="stable").iterrows():
        day = milestone["Date"].date() - timedelta(days=1)
        eves.append(QuickDate(f"{day.day} {day:%b %Y}", day, str(milestone["Name"])))
    return eves


# ---------------------------------------------------------------------------------------------------------------
# Labels and Gantt rows


def short_title(event: object, limit: int = SHORT_TITLE_LENGTH) -> str:
    """The event's first line, cut at a word boundary to at most `limit` characters (… when cut)."""
    lines = str(event or "").strip().splitlines()
    text = re.sub(r"\s+", " ", lines[0]).strip() if lines else ""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " ":  # the cut falls inside a word: drop that word
        head = head.rsplit(" ", 1)[0]
    cut = head.rstrip(" ,;:-(")
    return (cut or text[: limit - 1]) + "…"


def activity_label(activity_id: object, event: object, limit: int = SHORT_TITLE_LENGTH) -> str:
    """How an activity is named in a row label: `2021-04 · Implementation of the UNESCO 1972 World…`."""
    return f"{activity_id} · {short_title(event, limit)}"


def gantt_rows(activities: pd.DataFrame, *, group_by: str = GROUP_YEAR_DOMAIN, domains: Sequence[str] = (),
               instruments: Sequence[str] = ()) -> pd.DataFrame:
    """The activities in Gantt order, each with its group and row label.

    activities -> the same rows plus `Group` ("2021 · Culture", or the instrument), `Label`, `Title`,
    `Domain` (Unclassified filled in) and `Instrument`; sorted by year, domain (in `domains` order), start, ID
    — or, grouping by convention or programme, by instrument (in `instruments` order), year, start, ID.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {GROUPINGS}, not {group_by!r}")
    rows = activities.copy()
    rows[DOMAIN_COLUMN] = domain_of(rows)
    rows[INSTRUMENT_COLUMN] = instrument_of(rows)
    rows[TITLE_COLUMN] = [short_title(event) for event in rows["Event"]]
    rows[LABEL_COLUMN] = [activity_label(i, e) for i, e in zip(rows["ID"], rows["Event"])]
    domain_rank = _rank(rows[DOMAIN_COLUMN], domains)
    instrument_rank = _rank(rows[INSTRUMENT_COLUMN], [*instruments, NO_INSTRUMENT])
    year = rows["Year"].astype("Int64").fillna(0).astype(int)
    if group_by == GROUP_YEAR_DOMAIN:
        rows[GROUP_COLUMN] = [f"{y} · {d}" if y else d for y, d in zip(year, rows[DOMAIN_COLUMN])]
        keys = [year, domain_rank]
    else:
        rows[GROUP_COLUMN] = rows[INSTRUMENT_COLUMN]
        keys = [instrument_rank, year]
    order = pd.DataFrame({"a": keys[0], "b": keys[1], "start": rows["Start"], "id": rows["ID"].astype(str)},
                         index=rows.index).sort_values(["a", "b", "start", "id"], kind="stable", na_position="last")
    return rows.loc[order.index]


def _rank(values: pd.Series, order: Sequence[str]) -> pd.Series:
    """Position of each value in `order`; values not in it after all of them, alphabetically."""
    known = {value: position for position, value in enumerate(order)}
    unknown = sorted(set(values) - set(known))
    known.update({value: len(order) + position for position, value in enumerate(unknown)})
    return values.map(known)


def dated_steps(steps: pd.DataFrame, activity_ids: Iterable[str]) -> pd.DataFrame:
    """The mechanism steps of these activities that have their own dates, in activity then step order."""
    ids = set(activity_ids)
    chosen = steps[steps["Activity ID"].isin(ids) & steps["Start"].notna() & steps["End"].notna()]
    return chosen.sort_values(["Activity ID", "Step"], kind="stable")


# ---------------------------------------------------------------------------------------------------------------
# Words for dates and statuses


def format_day(day: object) -> str:
    """`8 Nov 2021`; blank for a missing date."""
    if day is None or pd.isna(day):
        return ""
    day = pd.Timestamp(day)
    return f"{day.day} {day:%b %Y}"


def format_span(start: object, end: object) -> str:
    """An inclusive span in words: `1 Mar – 31 Dec 2021`, `1 – 30 Nov 2021`, `1 Jan 2021 – 31 Dec 2022`."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return "no dates"
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first == last:
        return format_day(first)
    if first.year != last.year:
        return f"{format_day(first)} – {format_day(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {format_day(last)}"
    return f"{first.day} – {format_day(last)}"


def status_help() -> str:
    """Every as-of status with its meaning, one per line (for help texts and captions)."""
    return "\n".join(f"- **{status}**: {AS_OF_MEANING[status]}" for status in AS_OF_ORDER)


# ---------------------------------------------------------------------------------------------------------------
# One activity in full, and the table of activities


def activity_facts(activity: pd.Series, lists: Lists) -> list[tuple[str, str]]:
    """The facts about one activity as (label, text) pairs, blanks left out, in reading order."""
    status = activity.get(STATUS_AS_OF)
    convention = activity.get("Convention")
    facts = [
        ("Terms as written", activity.get("Terms")),
        ("Dates", f"{format_span(activity.get('Start'), activity.get('End'))} "
                  f"(from {str(activity.get(schema.DATE_SOURCE) or 'Terms').lower()}, "
                  f"{activity.get(schema.PRECISION) or 'unknown'} precision)"),
        ("Domain", activity.get("Domain") or UNCLASSIFIED),
        ("Convention", f"{convention} — {lists.title(convention)}" if pd.notna(convention)
         and lists.title(convention) != convention else convention),
        ("Programme", activity.get("Programme")),
        ("UNESCO counterpart", activity.get("UNESCO counterpart")),
        ("National lead", activity.get("National lead")),
        ("Locations", activity.get("Locations")),
        ("Reported status", activity.get(schema.REPORTED_STATUS) or schema.NOT_REPORTED),
        ("Status as of", f"{status} — {AS_OF_MEANING[str(status)]}" if pd.notna(status) and str(status)
         in AS_OF_MEANING else None),
        ("Progress %", None if pd.isna(activity.get("Progress %")) else f"{activity.get('Progress %'):g}%"),
        ("Last update", format_day(activity.get("Last update")) or None),
        ("Notes", activity.get("Notes")),
    ]
    return [(label, str(value)) for label, value in facts if value is not None and not _blank(value)]


def _blank(value: object) -> bool:
    try:
        return bool(pd.isna(value)) or str(value).strip() == ""
    except (TypeError, ValueError):
        return False


def steps_table(steps: pd.DataFrame) -> pd.DataFrame:
    """One activity's steps for reading: Step, Description, Terms, Dates, Status (blanks as empty text)."""
    table = pd.DataFrame({
        "Step": steps["Step"].astype("Int64"),
        "Description": steps["Description"].fillna(""),
        "Terms": steps["Terms"].fillna(""),
        "Dates": [format_span(s, e) if pd.notna(s) else "" for s, e in zip(steps["Start"], steps["End"])],
        "Status": steps["Status"].fillna(""),
    })
    return table.reset_index(drop=True)


ACTIVITY_TABLE_COLUMNS: tuple[str, ...] = (
    "ID", "Year", TITLE_COLUMN, "Terms", "Start", "End", "Domain", "Convention", "Programme", STATUS_AS_OF,
    schema.REPORTED_STATUS, "Locations",
)


def activity_table(activities: pd.DataFrame, link_prefix: str = "") -> pd.DataFrame:
    """The activities for the on-screen table: the columns people scan, plus `Event` in full and a `Link`.

    `Link` is `<link_prefix>?id=<ID>` (the URL that opens the activity).
    """
    table = activities.assign(**{TITLE_COLUMN: [short_title(e, 80) for e in activities["Event"]]})
    table = table[[c for c in ACTIVITY_TABLE_COLUMNS if c in table.columns] + ["Event"]].copy()
    if STATUS_AS_OF in table.columns:
        table[STATUS_AS_OF] = table[STATUS_AS_OF].astype(object)
    for column in ("Terms", "Domain", "Convention", "Programme", "Locations", "Event"):
        table[column] = table[column].astype(object).where(table[column].notna(), "")  # blank, not "None"
    table["Link"] = [f"{link_prefix}?{Q_ACTIVITY}={activity_id}" for activity_id in table["ID"]]
    return table.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# The headline in words

HEADLINE_PHRASE: dict[str, str] = {
    COMPLETED: "reported completed",
    SCHEDULED_NOW: "scheduled now (their dates include this day)",
    UPCOMING: "upcoming",
    OVERDUE: "overdue (past their end, reported planned or in progress)",
    PAST_END_NOT_REPORTED: "past their end with no status reported",
    POSTPONED: "reported postponed",
    CANCELLED: "reported cancelled",
    NO_DATES: "without dates",
}


def headline(counts: pd.Series, as_of: date) -> str:
    """The situation in one plain sentence, from the as-of counts.

    e.g. "As of 26 Nov 2026, all 42 activities are past their end with no status reported."
    """
    total = int(counts.sum())
    when = format_day(as_of)
    if total == 0:
        return f"As of {when}, no activities are shown."
    present = [(status, int(n)) for status, n in counts.items() if n]
    if len(present) == 1:
        status, _ = present[0]
        noun = "the only activity is" if total == 1 else f"all {total} activities are"
        return f"As of {when}, {noun} {HEADLINE_PHRASE.get(status, status.lower())}."
    listed = ", ".join(f"{n} {HEADLINE_PHRASE.get(status, status.lower())}" for status, n in present)
    return f"As of {when}, of {total} activities: {listed}."


def reporting(reported: pd.Series) -> str:
    """How many activities have a reported status, in words (from `counts_by_reported_status`)."""
    total = int(reported.sum())
    unreported = int(reported.get(schema.NOT_REPORTED, 0))
    if unreported == total:
        return "No activity has a reported status yet."
    if unreported:
        return f"{total - unreported} of {total} activities have a reported status; {unreported} not reported."
    return "Every activity has a reported status."
