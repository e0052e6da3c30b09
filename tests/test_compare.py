"""Changes between two versions of the workbook: added, removed, re-dated, re-classified, status changed."""

from __future__ import annotations

import pytest

from actionplan import load_plan
from actionplan.briefing.changes import (
    ADDED,
    CHANGE_COLUMNS,
    CHANGE_ORDER,
    NOTES_CHANGED,
    PROGRESS_CHANGED,
    RECLASSIFIED,
    REDATED,
    REMOVED,
    REPORT_REDATED,
    STATUS_CHANGED,
    compare_plans,
    count_changes,
)

NEW_ACTIVITY = {
    "ID": "2023-15",
    "Year": 2023,
    "No.": 15,
    "Event": "Exhibition of Turkmen jewellery",
    "Terms": "October 2023",
    "Domain": "Culture",
}


def edit_known_ways(acts, *_):
    """One change of each kind: 2023-15 added, 2022-09 removed, 2023-02 re-dated, 2021-09 re-classified,
    2021-11 reported Completed."""
    acts[:] = [a for a in acts if a["ID"] != "2022-09"]
    acts.append(dict(NEW_ACTIVITY))
    by_id = {a["ID"]: a for a in acts}
    by_id["2023-02"]["Terms"] = "3rd quarter 2023"
    by_id["2021-09"]["Domain"] = "Social and Human Sciences"
    by_id["2021-11"]["Status"] = "Completed"


@pytest.fixture
def two_versions(make_workbook):
    before = load_plan(make_workbook(name="before.xlsx"))
    after = load_plan(make_workbook(name="after.xlsx", edit=edit_known_ways))
    return before, after


def test_each_known_change_is_found_once(two_versions):
    changes = compare_plans(*two_versions)
    assert list(changes.columns) == list(CHANGE_COLUMNS)
    found = {(row.Change, row.ID, row.What, row.Before, row.After) for row in changes.itertuples()}
    assert found == {
        (ADDED, "2023-15", "Activity", "", "October 2023 (2023-10-01 to 2023-10-31)"),
        (REMOVED, "2022-09", "Activity", "2022 (2022-01-01 to 2022-12-31)", ""),
        (
            REDATED,
            "2023-02",
            "Dates",
            "2nd and 3rd quarter 2023 (2023-04-01 to 2023-09-30)",
            "3rd quarter 2023 (2023-07-01 to 2023-09-30)",
        ),
        (RECLASSIFIED, "2021-09", "Domain", "Sport", "Social and Human Sciences"),
        (STATUS_CHANGED, "2021-11", "Status", "Not reported", "Completed"),
    }
    assert list(changes["Change"]) == list(CHANGE_ORDER[:5])  # sorted by kind
    assert count_changes(changes) == {**dict.fromkeys(CHANGE_ORDER[:5], 1), **dict.fromkeys(CHANGE_ORDER[5:], 0)}


def test_the_event_text_travels_with_each_change(two_versions):
    changes = compare_plans(*two_versions).set_index("ID")
    assert changes.loc["2023-15", "Event"] == NEW_ACTIVITY["Event"]
    assert changes.loc["2022-09", "Event"].startswith("Organization of the Exhibition of Turkmen Carpets")


def test_the_same_workbook_twice_has_no_changes(plan_workbook):
    plan = load_plan(plan_workbook)
    changes = compare_plans(plan, load_plan(plan_workbook))
    assert changes.empty and list(changes.columns) == list(CHANGE_COLUMNS)
    assert count_changes(changes) == dict.fromkeys(CHANGE_ORDER, 0)


def test_a_blank_classification_reads_as_blank_and_explicit_dates_count_as_re_dating(make_workbook):
    def edit(acts, *_):
        by_id = {a["ID"]: a for a in acts}
        by_id["2021-03"]["Convention"] = None  # was 2005 Convention
        by_id["2021-04"]["Start"] = "2021-05-01"  # Terms unchanged, dates now from the Start cell

    changes = compare_plans(load_plan(make_workbook(name="a.xlsx")), load_plan(make_workbook(name="b.xlsx", edit=edit)))
    rows = {(row.Change, row.ID): (row.Before, row.After) for row in changes.itertuples()}
    assert rows[(RECLASSIFIED, "2021-03")] == ("2005 Convention", "(blank)")
    assert rows[(REDATED, "2021-04")] == ("2021 (2021-01-01 to 2021-12-31)", "2021 (2021-05-01 to 2021-12-31)")
    assert len(rows) == 2


def test_progress_notes_and_last_update_are_changes_too(make_workbook):
    def edit(acts, *_):
        by_id = {a["ID"]: a for a in acts}
        by_id["2023-02"].update({"Progress %": 60, "Notes": "File drafted", "Last update": "2023-09-30"})

    changes = compare_plans(load_plan(make_workbook(name="a.xlsx")), load_plan(make_workbook(name="b.xlsx", edit=edit)))
    rows = {(row.Change, row.What): (row.Before, row.After) for row in changes.itertuples()}
    assert rows == {
        (PROGRESS_CHANGED, "Progress %"): ("(blank)", "60"),
        (NOTES_CHANGED, "Notes"): ("(blank)", "File drafted"),
        (REPORT_REDATED, "Last update"): ("(blank)", "2023-09-30"),
    }
