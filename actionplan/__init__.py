"""The Action Plan data layer: the workbook contract, reading and checking it, dates from terms, status as of a day.

Never imports Streamlit: the dashboard, the CLI and the tests all use it directly.
"""
from .findings import ERROR, WARNING, Finding
from .load import Lists, Plan, WorkbookInfo, load_plan, load_plan_bytes, workbook_path
from .status import AS_OF_ORDER, count_by_status, status_as_of, with_status
from .terms import DateSpan, parse_terms

__all__ = [
    "AS_OF_ORDER", "ERROR", "WARNING", "DateSpan", "Finding", "Lists", "Plan", "WorkbookInfo", "count_by_status",
    "load_plan", "load_plan_bytes", "parse_terms", "status_as_of", "with_status", "workbook_path",
]
