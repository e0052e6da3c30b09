"""The seed transcription of the plan and the workbook writer: counts, texts, lists, and the written .xlsx."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from actionplan.plan import contract
from actionplan.plan.seed import (
    SEED_ACTIVITIES,
    SEED_LISTS,
    SEED_MILESTONES,
    SEED_STEPS,
    build_seed_workbook,
)
from actionplan.plan.status import Reported
from actionplan.plan.workbook import write_workbook

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "data" / "plan.xlsx"


def _by_id() -> dict[str, dict]:
    return {activity["ID"]: activity for activity in SEED_ACTIVITIES}


def _steps_of(activity_id: str) -> list[dict]:
    return sorted((s for s in SEED_STEPS if s["Activity ID"] == activity_id), key=lambda s: s["Step"])


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("seed") / "plan.xlsx"
    build_seed_workbook(path)
    return openpyxl.load_workbook(path)


# ---------------------------------------------------------------- the transcription


def test_42_activities_16_12_14_by_year():
    assert len(SEED_ACTIVITIES) == 42
    assert Counter(a["Year"] for a in SEED_ACTIVITIES) == {2021: 16, 2022: 12, 2023: 14}
    for year, count in ((2021, 16), (2022, 12), (2023, 14)):
        assert sorted(a["No."] for a in SEED_ACTIVITIES if a["Year"] == year) == list(range(1, count + 1))


def test_ids_unique_and_well_formed():
    ids = [a["ID"] for a in SEED_ACTIVITIES]
    assert len(set(ids)) == len(ids)
    for activity in SEED_ACTIVITIES:
        assert contract.ID_PATTERN.match(activity["ID"]), activity["ID"]
        assert activity["ID"] == f"{activity['Year']}-{activity['No.']:02d}"


def test_keys_are_canonical_columns():
    activity_names = set(contract.column_names(contract.ACTIVITY_COLUMNS))
    for activity in SEED_ACTIVITIES:
        assert set(activity) <= activity_names
    step_names = set(contract.column_names(contract.STEP_COLUMNS))
    for step in SEED_STEPS:
        assert set(step) <= step_names
    milestone_names = set(contract.column_names(contract.MILESTONE_COLUMNS))
    for milestone in SEED_MILESTONES:
        assert set(milestone) <= milestone_names


def test_classification_uses_the_lists():
    domains = set(SEED_LISTS[contract.LIST_DOMAIN])
    conventions = set(SEED_LISTS[contract.LIST_CONVENTION])
    programmes = set(SEED_LISTS[contract.LIST_PROGRAMME])
    for activity in SEED_ACTIVITIES:
        assert activity["Domain"] in domains, activity["ID"]
        assert activity.get("Convention") in conventions | {None}, activity["ID"]
        assert activity.get("Programme") in programmes | {None}, activity["ID"]


def test_lists_cover_the_schema():
    assert set(SEED_LISTS) == set(contract.column_names(contract.LIST_COLUMNS))
    assert tuple(SEED_LISTS[contract.LIST_STATUS]) == Reported.typed_values()
    assert len(SEED_LISTS[contract.LIST_CONVENTION]) == len(SEED_LISTS[contract.LIST_CONVENTION_TITLE]) == 5
    for short, title in zip(SEED_LISTS[contract.LIST_CONVENTION], SEED_LISTS[contract.LIST_CONVENTION_TITLE]):
        assert short[:4] in title
    used = {a.get("Programme") for a in SEED_ACTIVITIES} - {None}
    assert used <= set(SEED_LISTS[contract.LIST_PROGRAMME])


def test_no_outcomes_are_invented():
    for activity in SEED_ACTIVITIES:
        for name in ("Status", "Start", "End", "Progress %", "Last update", "Notes"):
            assert activity.get(name) in (None, ""), (activity["ID"], name)
    for step in SEED_STEPS:
        assert step.get("Status") in (None, "")


def test_terms_as_written_in_the_plan():
    by_id = _by_id()
    assert by_id["2021-02"]["Terms"] == "March-December 2021"
    assert by_id["2021-07"]["Terms"] == "September-October 2021"
    assert by_id["2021-11"]["Terms"] == "November, 2021"
    assert by_id["2022-02"]["Terms"] == "March-April 2022"
    assert by_id["2023-02"]["Terms"] == "2nd and 3rd quarter 2023"
    assert by_id["2023-06"]["Terms"] == "2nd quarter 2023"
    assert by_id["2023-04"]["Terms"] == "February-March 2023"
    assert "3th quarter of 2023" in by_id["2023-09"]["Terms"]
    assert by_id["2023-09"]["Terms"].startswith("January 2023")
    assert all(a["Terms"] for a in SEED_ACTIVITIES)


def test_events_joined_across_page_breaks():
    by_id = _by_id()
    assert by_id["2021-04"]["Event"] == "Implementation of the UNESCO 1972 World Heritage Convention"
    assert "Social and Human Sciences of UNESCO" in by_id["2021-08"]["Event"]
    assert by_id["2022-08"]["Event"].endswith("of UNESCO to Turkmenistan")
    first, second = by_id["2022-05"]["Event"].split("\n")
    assert first.endswith("Great Silk Road countries in Turkmenistan")
    assert second.startswith("Exhibition of the Best photos")
    for activity in SEED_ACTIVITIES:
        assert "  " not in activity["Event"] and activity["Event"] == activity["Event"].strip()


def test_steps_of_2023_09_carry_their_own_terms():
    steps = _steps_of("2023-09")
    assert [s["Step"] for s in steps] == [1, 2, 3, 4, 5]
    assert [s["Terms"] for s in steps] == [
        "January 2023",
        "March 2023",
        "April 2023",
        "3th quarter of 2023",
        "3th quarter of 2023",
    ]
    assert steps[4]["Description"] == "Holding of the event"


def test_step_counts():
    counts = Counter(s["Activity ID"] for s in SEED_STEPS)
    assert counts["2021-04"] == 5
    assert counts["2021-05"] == 3
    assert counts["2021-09"] == 4
    assert counts["2021-13"] == 3
    assert counts["2022-09"] == 5
    assert counts["2022-12"] == 3
    assert _steps_of("2022-12")[2]["Description"] == "Holding of events"
    no_mechanism = {
        "2021-01",
        "2021-08",
        "2021-11",
        "2021-12",
        "2022-01",
        "2022-03",
        "2023-01",
        "2023-10",
        "2023-11",
        "2023-12",
        "2023-14",
    }
    assert set(_by_id()) - set(counts) == no_mechanism
    assert set(counts) <= set(_by_id())
    for activity_id in counts:
        assert [s["Step"] for s in _steps_of(activity_id)] == list(range(1, counts[activity_id] + 1))


def test_step_texts_are_clean():
    for step in SEED_STEPS:
        text = step["Description"]
        assert text and text == text.strip() and "  " not in text and "\n" not in text
        assert not text[:1].isdigit(), (step["Activity ID"], text)  # the plan's "1." numbering is dropped
    sport = _steps_of("2021-09")
    assert sport[3]["Terms"] == "June 2021" and "MINEPS VII" in sport[3]["Description"]


def test_locations():
    by_id = _by_id()
    assert by_id["2021-14"]["Locations"] == "Ashgabat; Anev; Balkanabat; Dashoguz; Mary; Turkmenabat"
    assert by_id["2022-10"]["Locations"] == "Ashgabat; Gokdepe; Turkmenbashi; Koneurgench; Kerki; Shatlyk"
    assert by_id["2023-06"]["Locations"] == "Ashgabat; Kaka; Serdar; Gorogly; Bairamaly; Turkmenabat"
    assert by_id["2021-11"]["Locations"] == "Paris"
    assert all("Tehran" not in (a.get("Locations") or "") for a in SEED_ACTIVITIES)


def test_milestones_are_the_general_conference_sessions():
    assert [(m["Date"], m["End"], m["Place"]) for m in SEED_MILESTONES] == [
        (dt.date(2021, 11, 9), dt.date(2021, 11, 24), "Paris"),
        (dt.date(2023, 11, 7), dt.date(2023, 11, 22), "Paris"),
        (dt.date(2025, 10, 30), dt.date(2025, 11, 13), "Samarkand"),
    ]
    assert all(m["Kind"] == "General Conference" for m in SEED_MILESTONES)


# ---------------------------------------------------------------- the written workbook


def _header(ws) -> list:
    return [cell.value for cell in ws[1]]


def test_sheets_in_order(seed_book):
    assert seed_book.sheetnames == [
        contract.ACTIVITIES,
        contract.STEPS,
        contract.MILESTONES,
        contract.MESSAGES,
        contract.UPDATES,
        contract.LISTS,
        contract.ABOUT,
    ]
    assert _header(seed_book[contract.MESSAGES]) == contract.column_names(contract.MESSAGE_COLUMNS)
    assert seed_book[contract.MESSAGES].max_row == 1  # shipped empty: no message is written for staff
    assert _header(seed_book[contract.UPDATES]) == contract.column_names(contract.UPDATE_COLUMNS)
    assert seed_book[contract.UPDATES].max_row == 1  # shipped empty: nobody has reported yet
    assert seed_book.properties.title and seed_book.properties.creator


def test_headers_rows_and_widths(seed_book):
    for sheet, columns in (
        (contract.ACTIVITIES, contract.columns_of(contract.ACTIVITIES)),  # Evidence, optional, after Notes
        (contract.UPDATES, contract.UPDATE_COLUMNS),
        (contract.STEPS, contract.STEP_COLUMNS),
        (contract.MILESTONES, contract.MILESTONE_COLUMNS),
        (contract.LISTS, contract.LIST_COLUMNS),
    ):
        ws = seed_book[sheet]
        assert _header(ws) == contract.column_names(columns)
        assert ws["A1"].font.bold
        for index, column in enumerate(columns, start=1):
            assert ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width == column.width
    assert seed_book[contract.ACTIVITIES].max_row == 43
    assert seed_book[contract.STEPS].max_row == len(SEED_STEPS) + 1
    assert seed_book[contract.MILESTONES].max_row == 4


def test_frozen_panes_and_filters(seed_book):
    activities = seed_book[contract.ACTIVITIES]
    assert activities.freeze_panes not in (None, "A1")
    assert activities.freeze_panes.endswith("2") and activities.freeze_panes[0] != "A"  # ID stays visible
    for sheet in (contract.STEPS, contract.MILESTONES, contract.LISTS):
        assert seed_book[sheet].freeze_panes is not None and seed_book[sheet].freeze_panes.endswith("2")
    assert activities.auto_filter.ref and activities.auto_filter.ref.startswith("A1:")


def _validations(ws) -> dict[str, object]:
    """Header name -> the data validation covering row 2 of that column."""
    found = {}
    for index, name in enumerate(_header(ws), start=1):
        cell = f"{openpyxl.utils.get_column_letter(index)}2"
        for dv in ws.data_validations.dataValidation:
            if cell in dv.sqref:
                found[name] = dv
    return found


def test_drop_downs_reference_lists(seed_book):
    lists_header = _header(seed_book[contract.LISTS])
    for sheet, names in (
        (contract.ACTIVITIES, ("Domain", "Convention", "Programme", "Status")),
        (contract.STEPS, ("Status",)),
    ):
        ws = seed_book[sheet]
        found = _validations(ws)
        for name in names:
            dv = found[name]
            assert dv.type == "list"
            assert "Lists!" in dv.formula1
            letter = openpyxl.utils.get_column_letter(lists_header.index(contract.LIST_BACKED[name]) + 1)
            assert f"${letter}$2:${letter}$" in dv.formula1
            assert dv.allow_blank and dv.errorStyle == "warning" and dv.error
            # newly typed rows get the drop-down too
            column = openpyxl.utils.get_column_letter(_header(ws).index(name) + 1)
            assert f"{column}2000" in dv.sqref
    progress = _validations(seed_book[contract.ACTIVITIES])["Progress %"]
    assert progress.type == "whole" and (progress.formula1, progress.formula2) == ("0", "100")


def test_lists_sheet_values(seed_book):
    ws = seed_book[contract.LISTS]
    header = _header(ws)
    for name, values in SEED_LISTS.items():
        column = header.index(name) + 1
        written = [ws.cell(row=r, column=column).value for r in range(2, ws.max_row + 1)]
        while written and written[-1] is None:
            written.pop()
        assert written == list(values)


def test_about_sheet(seed_book):
    ws = seed_book[contract.ABOUT]
    text = "\n".join(str(c.value) for c in ws["A"] if c.value)
    for phrase in (
        "Not reported",
        "March-December 2021",
        "2nd and 3rd quarter 2023",
        "Q4 2024",
        "1st half of 2024",
        "15 March 2024",
        "Start and End",
        "Lists",
        "header",
    ):
        assert phrase in text, phrase
    assert ws.column_dimensions["A"].width >= 80


def test_written_values_round_trip(seed_book):
    ws = seed_book[contract.ACTIVITIES]
    header = _header(ws)
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert [r["ID"] for r in rows] == [a["ID"] for a in SEED_ACTIVITIES]
    for row, activity in zip(rows, SEED_ACTIVITIES):
        for key, value in activity.items():
            assert row[key] == (value if value != "" else None), (activity["ID"], key)
    ms = seed_book[contract.MILESTONES]
    assert ms["A2"].value.date() == dt.date(2021, 11, 9)
    assert ms["A2"].number_format == "yyyy-mm-dd"


# ---------------------------------------------------------------- write_workbook on its own


def test_extra_keys_become_extra_columns(tmp_path):
    path = tmp_path / "extra.xlsx"
    activities = [
        {
            "ID": "2024-01",
            "Year": 2024,
            "No.": 1,
            "Event": "A",
            "Terms": "Q4 2024",
            "Focal point": "Ms A",
            "Start": dt.date(2024, 10, 1),
        },
        {"ID": "2024-02", "Year": 2024, "No.": 2, "Event": "B", "Terms": "2024", "Budget": 1200},
    ]
    steps = [{"Activity ID": "2024-01", "Step": 1, "Description": "Do it", "Owner": "Unit X"}]
    write_workbook(
        path,
        activities,
        steps,
        [],
        {"Domain": ["Culture"], "Status": list(Reported.typed_values()), "Extra list": ["x"]},
        about=["Custom guide", "Second line"],
    )
    wb = openpyxl.load_workbook(path)
    ws = wb[contract.ACTIVITIES]
    canonical = contract.column_names(contract.columns_of(contract.ACTIVITIES))  # Evidence, optional, included
    assert _header(ws) == canonical + ["Focal point", "Budget"]
    row2 = dict(zip(_header(ws), (c.value for c in ws[2])))
    row3 = dict(zip(_header(ws), (c.value for c in ws[3])))
    assert row2["Focal point"] == "Ms A" and row2["Budget"] is None and row2["Domain"] is None
    assert row3["Budget"] == 1200 and row3["Focal point"] is None
    assert row2["Start"].date() == dt.date(2024, 10, 1)
    assert ws.cell(row=2, column=canonical.index("Start") + 1).number_format == "yyyy-mm-dd"
    assert _header(wb[contract.STEPS]) == contract.column_names(contract.STEP_COLUMNS) + ["Owner"]
    assert _header(wb[contract.MILESTONES]) == contract.column_names(contract.MILESTONE_COLUMNS)
    assert _header(wb[contract.LISTS]) == contract.column_names(contract.LIST_COLUMNS) + ["Extra list"]
    assert [c.value for c in wb[contract.ABOUT]["A"]] == ["Custom guide", "Second line"]
    # validations still land on the canonical columns
    assert "Lists!" in _validations(ws)["Domain"].formula1


# ---------------------------------------------------------------- the committed workbook


def _values(ws) -> list[tuple]:
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def test_committed_plan_matches_the_seed(tmp_path):
    assert COMMITTED.exists(), "data/plan.xlsx is missing: run python -m actionplan.plan.seed"
    fresh_path = tmp_path / "plan.xlsx"
    build_seed_workbook(fresh_path)
    committed = openpyxl.load_workbook(COMMITTED)
    fresh = openpyxl.load_workbook(fresh_path)
    assert committed.sheetnames == fresh.sheetnames
    for name in fresh.sheetnames:
        assert _values(committed[name]) == _values(fresh[name]), name
