"""Tables for download: formula-like text neutralised, Excel sheets formatted."""

import io

import openpyxl
import pandas as pd
import pytest

from actionplan import load_plan
from actionplan.plan.export import activities_table, neutralise_frame, tables_xlsx
from actionplan.words import cell_safe as neutralise
from tests.conftest import SHIPPED_WORKBOOK


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+7", "'+7"), ("-x", "'-x"), ("@A1", "'@A1"), ("Plain", "Plain"), (5, 5), (None, None)],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_tables_xlsx_formats_and_keeps_text_as_text():
    table = pd.DataFrame({"ID": ["2021-01", "2021-02"], "Event": ['=HYPERLINK("x")', "Visit"], "Year": [2021, 2021]})
    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx({"Activities": table, "Empty": table.iloc[0:0]})))
    sheet = book["Activities"]
    assert [c.value for c in sheet[1]] == ["ID", "Event", "Year"]
    assert sheet["B2"].value == '\'=HYPERLINK("x")' and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == 2021
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"
    assert book["Empty"].max_row == 1


def test_activities_table_has_sheet_columns_only():
    table = activities_table(load_plan(SHIPPED_WORKBOOK).activities)
    assert "Row" not in table.columns and "Dates from" not in table.columns
    assert table.loc[0, "Start"] == "2021-01-01" and table.loc[0, "Status"] == "Not reported"


def test_a_formula_header_and_control_characters_leave_as_text():
    table = pd.DataFrame({'=HYPERLINK("http://127.0.0.1:9","x")': ["a\u000bb", "=1+1", "c\u0001d"]})
    csv_text = neutralise_frame(table).to_csv(index=False)
    assert csv_text.splitlines()[0].startswith("\"'=HYPERLINK(")
    assert "\u000b" not in csv_text and "\u0001" not in csv_text and "'=1+1" in csv_text
    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx({"Sheet": table})))
    sheet = book["Sheet"]
    assert sheet["A1"].value.startswith("'=HYPERLINK(") and sheet["A1"].data_type == "s"
    assert sheet["A2"].value == "a\nb" and sheet["A4"].value == "cd"


def test_the_download_carries_the_plan_title():
    table = pd.DataFrame({"ID": ["2021-01"]})
    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx({"Activities": table}, title="The plan of X\u000b2024")))
    assert book.properties.title == "The plan of X\n2024"
