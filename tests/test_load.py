"""Loading a workbook: the shipped plan, and every kind of mistake a tester might make, reported by place."""

import shutil
import zipfile
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from actionplan import load_plan, workbook_path
from actionplan.plan.findings import ERROR, WARNING
from actionplan.plan.load import DEFAULT_WORKBOOK
from tests.conftest import SHIPPED_WORKBOOK


def rewrite(path, change):
    """Open the workbook with openpyxl, let `change(workbook)` edit it, save it back."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def rename_headers(book, renames: dict[str, str]) -> None:
    """Rename header cells of the Activities sheet: {"Terms": "Term dates"}."""
    for cell in book["Activities"][1]:
        if cell.value in renames:
            cell.value = renames[cell.value]


def findings_at(plan, sheet, row=None, column=None):
    return [
        f
        for f in plan.findings
        if f.sheet == sheet and (row is None or f.row == row) and (column is None or f.column == column)
    ]


def test_shipped_workbook_loads_cleanly():
    plan = load_plan(SHIPPED_WORKBOOK)
    assert plan.findings == ()
    assert len(plan.activities) == 42
    assert plan.activities.groupby("Year").size().to_dict() == {2021: 16, 2022: 12, 2023: 14}
    assert plan.activities["Reported status"].eq("Not reported").all()
    assert plan.activities["Status"].isna().all()
    assert list(plan.milestones["Name"].str.extract(r"(\d+)")[0]) == ["41", "42", "43"]
    assert plan.lists.domains and plan.lists.title("1972 Convention").startswith("Convention concerning")


@pytest.mark.parametrize(
    ("activity_id", "start", "end", "precision"),
    [
        ("2021-01", date(2021, 1, 1), date(2021, 12, 31), "year"),
        ("2021-02", date(2021, 3, 1), date(2021, 12, 31), "month"),
        ("2021-11", date(2021, 11, 1), date(2021, 11, 30), "month"),
        ("2023-02", date(2023, 4, 1), date(2023, 9, 30), "quarter"),
        ("2023-09", date(2023, 1, 1), date(2023, 9, 30), "quarter"),
        ("2023-14", date(2023, 12, 1), date(2023, 12, 31), "month"),
    ],
)
def test_derived_dates_of_the_plan(activity_id, start, end, precision):
    activity = load_plan(SHIPPED_WORKBOOK).activities.set_index("ID").loc[activity_id]
    assert (activity["Start"].date(), activity["End"].date(), activity["Precision"]) == (start, end, precision)
    assert activity["Dates from"] == "Terms"


def test_steps_keep_their_own_dates():
    plan = load_plan(SHIPPED_WORKBOOK)
    steps = plan.steps_of("2023-09")
    assert list(steps["Step"]) == [1, 2, 3, 4, 5]
    assert steps.iloc[0]["Start"] == pd.Timestamp(2023, 1, 1)
    assert steps.iloc[3]["End"] == pd.Timestamp(2023, 9, 30)


def test_the_workbook_path_rule(monkeypatch):
    monkeypatch.delenv("PLAN_WORKBOOK", raising=False)
    assert workbook_path() == DEFAULT_WORKBOOK
    monkeypatch.setenv("PLAN_WORKBOOK", "/somewhere/else.xlsx")
    assert str(workbook_path()) == "/somewhere/else.xlsx"
    assert str(workbook_path("given.xlsx")) == "given.xlsx"


def test_headers_match_ignoring_case_and_spaces_and_staff_columns_are_kept(plan_workbook):
    def change(book):
        sheet = book["Activities"]
        rename_headers(
            book, {"Progress %": "  progress   % ", "Event": "EVENT", "UNESCO counterpart": "Unesco Counterpart"}
        )
        sheet.cell(row=1, column=sheet.max_column + 1, value="Focal point phone")
        sheet.cell(row=2, column=sheet.max_column, value="+993 12 000000")
        book.move_sheet("Lists", offset=-3)
        book["Steps"].title = "renaming"
        book["renaming"].title = " steps "

    plan = load_plan(rewrite(plan_workbook, change))
    assert plan.findings == ()
    assert "Focal point phone" in plan.activities.columns
    assert plan.activities.loc[0, "Focal point phone"] == "+993 12 000000"
    assert plan.activities.loc[0, "Event"].startswith("Organizing of the visit")
    assert len(plan.steps) > 0


def test_blank_rows_are_ignored_and_row_numbers_stay_excel_rows(plan_workbook):
    rewrite(plan_workbook, lambda book: book["Activities"].insert_rows(5, amount=2))
    plan = load_plan(plan_workbook)
    assert len(plan.activities) == 42 and plan.findings == ()
    assert plan.activities.set_index("ID").loc["2021-04", "Row"] == 7  # rows 5-6 are blank


def test_excel_dates_serial_numbers_and_text_dates_are_read(make_workbook):
    def edit(acts, steps, milestones, lists):
        acts[0].update({"Start": date(2021, 2, 10), "End": "2021-03-05"})
        acts[1].update({"Start": 44317, "End": "31 May 2021"})  # 44317 = 2021-05-01

    plan = load_plan(make_workbook(edit=edit))
    assert plan.findings == ()
    first, second = plan.activities.iloc[0], plan.activities.iloc[1]
    assert (first["Start"], first["End"]) == (pd.Timestamp(2021, 2, 10), pd.Timestamp(2021, 3, 5))
    assert (second["Start"], second["End"]) == (pd.Timestamp(2021, 5, 1), pd.Timestamp(2021, 5, 31))
    assert first["Dates from"] == "Start/End cells"


def test_only_a_start_date_takes_its_end_from_terms(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[1].update({"Start": date(2021, 6, 1)})))
    row = plan.activities.iloc[1]  # 2021-02, "March-December 2021"
    assert (row["Start"], row["End"]) == (pd.Timestamp(2021, 6, 1), pd.Timestamp(2021, 12, 31))


def test_renamed_required_column_is_an_error_naming_it(plan_workbook):
    plan = load_plan(rewrite(plan_workbook, lambda book: rename_headers(book, {"Terms": "Term dates"})))
    assert not plan.usable
    [finding] = plan.errors
    assert (finding.severity, finding.sheet, finding.row, finding.column) == (ERROR, "Activities", 1, "Terms")
    assert "Term dates" in finding.message and "Terms" in finding.hint
    assert str(finding).startswith("Activities!1 Terms: error:")


def test_renamed_optional_column_is_a_warning(plan_workbook):
    plan = load_plan(rewrite(plan_workbook, lambda book: rename_headers(book, {"Domain": "Area"})))
    assert plan.usable and len(plan.activities) == 42
    assert findings_at(plan, "Activities", 1, "Domain")[0].severity == WARNING
    assert "Area" in plan.activities.columns  # kept as a staff column


def test_duplicate_id_is_an_error_naming_both_rows(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[5].update({"ID": "2021-02"})))
    [finding] = plan.errors
    assert (finding.sheet, finding.row, finding.column) == ("Activities", 7, "ID")
    assert "row 3" in finding.message


def test_blank_id_is_an_error(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[0].update({"ID": None})))
    assert [(f.row, f.column) for f in plan.errors] == [(2, "ID")]


def test_unreadable_terms_warn_and_the_activity_stays_in_its_plan_year(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[16].update({"Terms": "sometime next year"})))
    assert plan.usable
    [finding] = plan.findings
    assert (finding.severity, finding.sheet, finding.row, finding.column) == (WARNING, "Activities", 18, "Terms")
    assert "sometime next year" in finding.message
    activity = plan.activities.set_index("ID").loc["2022-01"]
    assert (activity["Start"], activity["End"]) == (pd.Timestamp(2022, 1, 1), pd.Timestamp(2022, 12, 31))
    assert activity["Dates from"] == "Plan year (terms not understood)"


def test_end_before_start_warns(make_workbook):
    plan = load_plan(
        make_workbook(edit=lambda acts, *_: acts[2].update({"Start": date(2021, 9, 1), "End": date(2021, 3, 1)}))
    )
    [finding] = plan.findings
    assert (finding.row, finding.column) == (4, "End")
    assert plan.activities.iloc[2]["Start"] <= plan.activities.iloc[2]["End"]


@pytest.mark.parametrize("value", [150, -1, "about half"])
def test_progress_outside_0_100_warns(make_workbook, value):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[3].update({"Progress %": value})))
    [finding] = plan.findings
    assert (finding.severity, finding.row, finding.column) == (WARNING, 5, "Progress %")
    assert pd.isna(plan.activities.iloc[3]["Progress %"])


def test_progress_in_range_is_read(make_workbook):
    plan = load_plan(
        make_workbook(edit=lambda acts, *_: acts[3].update({"Progress %": "40%", "Status": "In progress"}))
    )
    assert plan.findings == () and plan.activities.iloc[3]["Progress %"] == 40


def test_value_not_in_lists_warns(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[0].update({"Domain": "Tourism", "Status": "done"})))
    assert {(f.row, f.column) for f in plan.findings} == {(2, "Domain"), (2, "Status")}
    assert all(f.severity == WARNING for f in plan.findings)


def test_list_values_match_case_insensitively(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, *_: acts[0].update({"Status": "completed"})))
    assert plan.findings == () and plan.activities.iloc[0]["Status"] == "Completed"


def test_step_with_unknown_activity_warns(make_workbook):
    plan = load_plan(make_workbook(edit=lambda acts, steps, *_: steps[0].update({"Activity ID": "2099-01"})))
    [finding] = plan.findings
    assert (finding.sheet, finding.row, finding.column) == ("Steps", 2, "Activity ID")


def test_missing_sheet_is_an_error(plan_workbook):
    plan = load_plan(rewrite(plan_workbook, lambda book: book.remove(book["Milestones"])))
    assert [(f.sheet, f.severity) for f in plan.errors] == [("Milestones", ERROR)]


def test_missing_file_is_an_error(tmp_path):
    plan = load_plan(tmp_path / "nowhere.xlsx")
    assert not plan.usable and "does not exist" in plan.errors[0].message
    assert plan.activities.empty


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("plan.xlsx", b"this is not a workbook", "not an Excel workbook"),  # text: not told to wait for Excel
        ("plan.xlsx", b"PK\x03\x04\x14\x00\x00\x00", "not a complete Excel workbook"),
        ("plan.csv", b"ID,Year\n", "not an .xlsx"),
        ("plan.xls", b"\xd0\xcf\x11\xe0", "not an .xlsx"),
    ],
)
def test_files_that_are_not_workbooks(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    plan = load_plan(path)
    assert not plan.usable and words in plan.errors[0].message and plan.errors[0].hint
    if "complete" not in words:
        assert "wait for Excel" not in plan.errors[0].hint


def test_lock_file_is_refused(plan_workbook):
    lock = plan_workbook.with_name("~$plan.xlsx")
    shutil.copy(plan_workbook, lock)
    plan = load_plan(lock)
    assert not plan.usable and "lock file" in plan.errors[0].message


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_half_written_file_is_an_error_not_a_traceback(plan_workbook, keep):
    content = plan_workbook.read_bytes()
    plan_workbook.write_bytes(content[: int(len(content) * keep)])
    plan = load_plan(plan_workbook)
    assert not plan.usable
    assert plan.errors[0].hint


@pytest.mark.parametrize(
    ("part", "declaration"),
    [
        (
            "xl/workbook.xml",
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        ),  # entity expansion
        ("xl/worksheets/sheet1.xml", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),  # external entity
        ("[Content_Types].xml", b"<!DOCTYPE x>"),
    ],
)
def test_unsafe_xml_is_refused(plan_workbook, tmp_path, part, declaration):
    unsafe = tmp_path / "unsafe.xlsx"
    with zipfile.ZipFile(plan_workbook) as source, zipfile.ZipFile(unsafe, "w") as target:
        for item in source.infolist():
            payload = source.read(item)
            if item.filename == part:
                payload = declaration + payload
            target.writestr(item, payload)
    plan = load_plan(unsafe)
    assert not plan.usable and "unsafe XML" in plan.errors[0].message


def test_source_identifies_the_version(plan_workbook):
    plan = load_plan(plan_workbook)
    assert plan.source.path == plan_workbook
    assert plan.source.size == plan_workbook.stat().st_size and len(plan.source.sha256) == 64
    assert isinstance(plan.source.modified, datetime)
