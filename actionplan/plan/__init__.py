"""The plan and its contract: the workbook's sheets and columns, reading and checking it into a `Plan` with
findings, dates from terms, each activity's status as of a day, and writing a formatted workbook."""

from .findings import Finding, Severity
from .load import Lists, Plan, WorkbookInfo, load_plan, load_plan_bytes, workbook_path
from .status import AsOf, Reported, status_as_of, with_status

__all__ = [
    "AsOf",
    "Finding",
    "Lists",
    "Plan",
    "Reported",
    "Severity",
    "WorkbookInfo",
    "load_plan",
    "load_plan_bytes",
    "status_as_of",
    "with_status",
    "workbook_path",
]
