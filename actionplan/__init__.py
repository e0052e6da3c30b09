"""The Action Plan data layer: no Streamlit; the dashboard, the command line and the tests all use it directly.

Capabilities, each a folder whose `__init__` names what the others may import:
- `plan/`: the workbook contract, reading and checking it, dates from terms, status as of a day, writing it.
- `keeping/`: editing safely: edits, save, backups, the change log, who may edit.
- `briefing/`: the General Conference pack: scope, sections, Word and Excel.
- `views/`: the plan reshaped for the pages: filters, counts, coverage, Gantt rows, page models.
- `words.py`: how the app says things; `cli.py`: the command line.

Imports go down that list: views and briefing use plan; keeping uses plan; plan uses only words.
"""

from .plan import Finding, Lists, Plan, WorkbookInfo, load_plan, load_plan_bytes, workbook_path

__all__ = ["Finding", "Lists", "Plan", "WorkbookInfo", "load_plan", "load_plan_bytes", "workbook_path"]
