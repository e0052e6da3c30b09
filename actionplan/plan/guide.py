"""The guide on a new workbook's About sheet: how to edit the workbook, sheet by sheet, in staff's words.

Each paragraph is marked here and translated when a workbook is written (`guide()`, in the current language), so
whoever writes a new workbook reads its guide in their own language. Sheet and column names stay as the workbook
has them (they are the headers staff see); `{activities}`, `{steps}`... stand for the sheets' names.
"""

from __future__ import annotations

from ..i18n import N_, _
from . import contract

SHEETS = {
    "activities": contract.ACTIVITIES,
    "steps": contract.STEPS,
    "milestones": contract.MILESTONES,
    "messages": contract.MESSAGES,
    "lists": contract.LISTS,
    "updates": contract.UPDATES,
}

DEFAULT_ABOUT: tuple[str, ...] = (
    N_("How to edit this workbook"),
    N_(
        "This workbook is the data behind the Action Plan dashboard. The dashboard reads it as it is saved: "
        "edit it in Excel (or in the dashboard's Data page), save it, and the dashboard shows the change. "
        "If something cannot be read, the dashboard names the sheet, row and column, and keeps showing the last "
        "data it could read until the mistake is fixed."
    ),
    N_(
        "Sheet {activities}: one row per activity of the plan. ID is the plan year and the number under it "
        "(for example 2021-04) and must be unique. Event and Terms are the plan's own words. Domain, Convention and "
        "Programme say where the activity belongs; they are a judgement and you may change them. UNESCO counterpart "
        "and National lead say who acts on each side. Locations lists the cities named, separated by a semicolon "
        "(for example: Ashgabat; Mary; Dashoguz)."
    ),
    N_(
        "Sheet {steps}: the mechanism of each activity, one row per step, linked to its activity by "
        "Activity ID. A step's Terms are filled only where the plan gives that step its own date."
    ),
    N_(
        "Sheet {milestones}: fixed dates shown on the timeline, such as the sessions of the UNESCO General "
        "Conference. Date is the first day and End the last day."
    ),
    N_(
        "Sheet {messages} (optional): the key messages the delegation carries to a session, one per row. "
        "Session is the session's number (for example 42) or its name; Activity ID names the activity a message "
        "supports, if any; Topic groups the messages; Owner says who speaks to it. The briefing pack opens with "
        "them and never writes a message itself."
    ),
    N_(
        "Sheet {lists}: the values offered in the drop-downs of Domain, Convention, Programme and Status. "
        "To offer a new value, add it at the bottom of its column in Lists; the drop-downs pick it up. Typing a value "
        "that is not in the list brings up a warning, which you may override."
    ),
    N_(
        "Keep the header row (row 1) of every sheet as it is: the dashboard finds the columns by their headers "
        "(capitals and spaces do not matter, the words do). You may add columns of your own to the right; they "
        "are kept, never dropped, when the dashboard saves the workbook."
    ),
    N_(
        "Status is what has been reported: Planned, In progress, Completed, Postponed or Cancelled. Leave it "
        'blank when nothing has been reported; the dashboard shows a blank Status as "Not reported". '
        "Progress % is optional, a whole number from 0 to 100. Last update is the date of the latest report and "
        "Notes its text; Evidence (optional) a link or a document reference."
    ),
    N_(
        "Sheet {updates}: the progress over time, one row per report: each save in the dashboard that "
        "changes an activity's Status, Progress %, Last update, Notes or Evidence adds a row here (Date, Activity ID, "
        "what was reported, and Source: who reported it). The Activities sheet keeps the latest values. You may add "
        "rows for earlier reports; the dashboard shows each activity's status as it had been reported on any date."
    ),
    N_(
        "Terms are written in plain words, and the dashboard reads the dates from them. It understands, for "
        'example: "2021" (the whole year), "March-December 2021", "November 2021", "November, 2021", '
        '"2nd and 3rd quarter 2023", "3rd quarter of 2023", "Q4 2024", "1st half of 2024", "H2 2025", '
        '"May 2024 - February 2025", "15 March 2024", "2024-2025", and a list of dates separated by '
        "semicolons, which runs from the first date to the last."
    ),
    N_(
        "Start and End are optional exact dates (type them as dates, for example 2024-03-15). When they are "
        "filled they override the dates read from Terms; when they are blank the dates come from Terms. If Terms "
        "cannot be read, the dashboard says so for that row and still shows the activity under its plan year."
    ),
)


def guide() -> list[str]:
    """The guide's paragraphs in the current language (English by default), the sheets' names filled in."""
    return [_(paragraph).format(**SHEETS) for paragraph in DEFAULT_ABOUT]
