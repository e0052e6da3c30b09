"""The plan reshaped for the dashboard pages, pure (no Streamlit): the shared filters, classification, counts,
the coverage matrix, milestones, Gantt rows, one activity in full, and one model per page.

Every function takes the loader's tables and returns new ones, never changing its input. Nothing here names a
year, a domain, a convention or a programme: they all come from the workbook.
"""

from .activity import ACTIVITY_TABLE_COLUMNS, activity_facts, activity_table, steps_table
from .classify import (
    NO_INSTRUMENT,
    UNCLASSIFIED,
    convention_order,
    domain_of,
    domain_order,
    instrument_of,
    instrument_order,
)
from .counts import (
    by_domain,
    by_domain_and_year,
    by_year_and_status,
    counts_by_reported_status,
    counts_by_status,
    headline,
    reporting,
)
from .coverage import activities_in_cell, convention_rows, counted_cells, coverage_matrix
from .filters import (
    Q_ACTIVITY,
    Q_AS_OF,
    Q_DOMAIN,
    Q_INSTRUMENT,
    Q_STATUS,
    Q_TEXT,
    Q_YEAR,
    QUERY_KEYS,
    SEARCH_COLUMNS,
    FilterOptions,
    Filters,
    filter_options,
)
from .gantt import (
    DOMAIN_COLUMN,
    GROUP_COLUMN,
    GROUP_INSTRUMENT,
    GROUP_YEAR_DOMAIN,
    GROUPINGS,
    INSTRUMENT_COLUMN,
    LABEL_COLUMN,
    TITLE_COLUMN,
    dated_steps,
    gantt_rows,
)
from .milestones import QuickDate, due_before, milestone_eves, next_milestones

__all__ = [
    "ACTIVITY_TABLE_COLUMNS", "DOMAIN_COLUMN", "GROUPINGS", "GROUP_COLUMN", "GROUP_INSTRUMENT", "GROUP_YEAR_DOMAIN",
    "INSTRUMENT_COLUMN", "LABEL_COLUMN", "NO_INSTRUMENT", "QUERY_KEYS", "Q_ACTIVITY", "Q_AS_OF", "Q_DOMAIN",
    "Q_INSTRUMENT", "Q_STATUS", "Q_TEXT", "Q_YEAR", "SEARCH_COLUMNS", "TITLE_COLUMN", "UNCLASSIFIED", "FilterOptions",
    "Filters", "QuickDate", "activities_in_cell", "activity_facts", "activity_table", "by_domain",
    "by_domain_and_year", "by_year_and_status", "convention_order", "convention_rows", "counted_cells",
    "counts_by_reported_status", "counts_by_status", "coverage_matrix", "dated_steps", "domain_of", "domain_order",
    "due_before", "filter_options", "gantt_rows", "headline", "instrument_of", "instrument_order",
    "milestone_eves", "next_milestones", "reporting", "steps_table",
]
