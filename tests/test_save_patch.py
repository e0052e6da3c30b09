"""Cell edits patched into the sheet's XML: only the changed cells differ, text stays text, dates are dates,
control characters are refused, and what the patch does not handle goes the openpyxl way."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan import load_plan
from actionplan.keeping import access, apply, backups, patch, save
from actionplan.keeping.edits import ADD, DELETE, CellChange
from actionplan.plan.load import WorkbookInfo, load_plan_bytes
from tests.conftest import PASSWORD
from tests.test_save import with_excel_2010_drop_down

ACTIVITIES_XML = "xl/worksheets/sheet1.xml"


@pytest.fixture
def editor() -> access.Editor:
    return access.sign_in_with_password("Test Editor", PASSWORD, access.hash_password(PASSWORD), access.Throttle())


def change(column: str, new: object, row: int = 2, sheet: str = "Activities") -> CellChange:
    return CellChange(sheet, row, "2021-01", column, None, new)


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def stored(content: bytes) -> list[tuple[str, int, int, int]]:
    """Each member as the zip stores it: name, compression, compressed size, checksum."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [(item.filename, item.compress_type, item.compress_size, item.CRC) for item in archive.infolist()]


def loaded(content: bytes):
    return load_plan_bytes(content, WorkbookInfo.of(Path("plan.xlsx"), content, datetime.now()))


def cell_xml(content: bytes, reference: str) -> bytes:
    found = re.search(rb'<c r="' + reference.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', parts(content)[ACTIVITIES_XML])
    assert found, reference
    return found.group(0)


def test_every_other_part_and_cell_is_kept_byte_for_byte(plan_workbook):
    before = plan_workbook.read_bytes()
    after = patch.patch_changes(before, [change("Status", "Completed")])
    old, new = parts(before), parts(after)
    assert list(new) == list(old)
    assert [name for name in old if old[name] != new[name]] == [ACTIVITIES_XML]
    # the other members are copied as they were compressed, not compressed again
    assert [m for m in stored(after) if m[0] != ACTIVITIES_XML] == [m for m in stored(before) if m[0] != ACTIVITIES_XML]
    # within the sheet, only the Status cell of row 2 changed
    status = cell_xml(before, "N2")
    assert old[ACTIVITIES_XML].replace(status, cell_xml(after, "N2")) == new[ACTIVITIES_XML]
    assert b"Completed" in cell_xml(after, "N2") and b' s="' in cell_xml(after, "N2")  # its style kept
    plan = loaded(after)
    assert plan.findings == () and plan.activities.set_index("ID").loc["2021-01", "Status"] == "Completed"


@pytest.mark.parametrize("text", ["=1+1", "+44 20 7946 0000", "-5 days", "@SUM(A1:A2)", '=HYPERLINK("http://x")'])
def test_text_that_looks_like_a_formula_stays_text(plan_workbook, text):
    after = patch.patch_changes(plan_workbook.read_bytes(), [change("Notes", text)])
    xml = parts(after)[ACTIVITIES_XML]
    assert b"<f>" not in xml and b"<f " not in xml
    cell = load_workbook(io.BytesIO(after))["Activities"]["Q2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)  # Excel keeps it text on re-entry
    assert loaded(after).activities.set_index("ID").loc["2021-01", "Notes"] == text
    # and plain text in the same cell afterwards drops the quote prefix again
    again = load_workbook(io.BytesIO(patch.patch_changes(after, [change("Notes", "plain")])))["Activities"]["Q2"]
    assert (again.value, again.quotePrefix) == ("plain", False)


def test_text_is_kept_exactly(plan_workbook):
    text = (
        "  Line one\nline <two> & 'three' \u0422\u04af\u0440\u043a\u043c\u0435\u043d\u0438\u0441\u0442\u0430\u043d\r\n"
    )
    after = patch.patch_changes(plan_workbook.read_bytes(), [change("Notes", text)])
    assert load_workbook(io.BytesIO(after))["Activities"]["Q2"].value == text
    assert loaded(after).activities.set_index("ID").loc["2021-01", "Notes"] == text.strip()


def test_text_that_reads_like_an_excel_escape_is_kept(plan_workbook):
    # Excel (and the loader) read _x000B_ in a cell's XML as the character U+000B: it is written escaped
    after = patch.patch_changes(plan_workbook.read_bytes(), [change("Notes", "code _x000B_ stays")])
    assert loaded(after).activities.set_index("ID").loc["2021-01", "Notes"] == "code _x000B_ stays"


def test_dates_are_real_dates_with_a_date_format(plan_workbook):
    after = patch.patch_changes(plan_workbook.read_bytes(), [change("Start", date(2021, 3, 15))])
    cell = load_workbook(io.BytesIO(after))["Activities"]["F2"]
    assert cell.is_date and cell.value.date() == date(2021, 3, 15) and cell.number_format == "yyyy-mm-dd"
    assert b"<v>44270</v>" in cell_xml(after, "F2")  # Excel's serial day of 15 March 2021
    activity = loaded(after).activities.set_index("ID").loc["2021-01"]
    assert activity["Start"].date() == date(2021, 3, 15) and activity["Dates from"] != "Terms"


def test_numbers_and_blanks(plan_workbook):
    after = patch.patch_changes(plan_workbook.read_bytes(), [change("Progress %", 40), change("Event", None)])
    sheet = load_workbook(io.BytesIO(after))["Activities"]
    assert (sheet["O2"].value, sheet["O2"].data_type) == (40, "n")
    assert sheet["D2"].value is None and sheet["D2"].has_style  # emptied, its format kept
    assert loaded(after).activities.set_index("ID").loc["2021-01", "Progress %"] == 40


def test_a_cell_missing_from_its_row_is_added_in_column_order(plan_workbook):
    content = plan_workbook.read_bytes()
    xml = parts(content)[ACTIVITIES_XML]
    row = re.search(rb'<row r="3".*?</row>', xml).group(0)
    stripped = re.sub(rb'<c r="(?:L3|M3)"[^>]*?(?:/>|>.*?</c>)', b"", row)
    with zipfile.ZipFile(io.BytesIO(content)) as archive, io.BytesIO() as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                payload = archive.read(item)
                copy.writestr(item, payload.replace(row, stripped) if item.filename == ACTIVITIES_XML else payload)
        content = out.getvalue()
    after = patch.patch_changes(
        content, [change("Locations", "Ashgabat", row=3), change("National lead", "Ministry", row=3)]
    )
    new_row = re.search(rb'<row r="3".*?</row>', parts(after)[ACTIVITIES_XML]).group(0)
    assert re.findall(rb'<c r="([A-Z]+)3"', new_row) == re.findall(rb'<c r="([A-Z]+)3"', row)  # L3, M3 back in place
    activity = loaded(after).activities.set_index("ID").loc["2021-02"]
    assert (activity["National lead"], activity["Locations"]) == ("Ministry", "Ashgabat")


@pytest.mark.parametrize("text", ["a\x01b", "Visit\x0bof the Director", "nul\x00"])
def test_control_characters_are_refused_and_nothing_is_written(plan_workbook, editor, text):
    before = plan_workbook.read_bytes()
    with pytest.raises(save.SaveRefused, match="control character"):
        patch.patch_changes(before, [change("Notes", text)])
    sha = hashlib.sha256(before).hexdigest()
    with pytest.raises(save.SaveRefused, match="control character"):
        save.save_changes(editor, plan_workbook, sha, [change("Notes", text)])
    assert plan_workbook.read_bytes() == before and backups.list_backups(plan_workbook) == []


@pytest.mark.filterwarnings("ignore:Data Validation extension is not supported")
def test_a_cell_edit_keeps_what_openpyxl_would_drop(plan_workbook, editor):
    with_excel_2010_drop_down(plan_workbook)
    before = plan_workbook.read_bytes()
    saved = save.save_changes(
        editor, plan_workbook, hashlib.sha256(before).hexdigest(), [change("Status", "Completed")]
    )
    assert b"x14:dataValidation" in parts(plan_workbook.read_bytes())[ACTIVITIES_XML]
    assert saved.backup is not None and saved.backup.read_bytes() == before
    assert load_plan(plan_workbook).activities.set_index("ID").loc["2021-01", "Status"] == "Completed"


def test_what_the_patch_does_not_handle_goes_the_openpyxl_way(plan_workbook):
    content = plan_workbook.read_bytes()
    gone = CellChange("Steps", 3, "2021-01 step 2", "", None, None, action=DELETE)
    with pytest.raises(patch.Unpatchable):
        patch.patch_changes(content, [gone])
    assert len(loaded(save.apply_changes(content, [gone])).steps) == len(loaded(content).steps) - 1  # openpyxl
    xml = parts(content)[ACTIVITIES_XML]
    with_formula = xml.replace(cell_xml(content, "C2"), b'<c r="C2" s="4"><f>1+0</f><v>1</v></c>')
    with zipfile.ZipFile(io.BytesIO(content)) as archive, io.BytesIO() as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                payload = archive.read(item)
                copy.writestr(item, with_formula if item.filename == ACTIVITIES_XML else payload)
        formula = out.getvalue()
    with pytest.raises(patch.Unpatchable, match="formula"):
        patch.patch_changes(formula, [change("No.", 7)])
    assert load_workbook(io.BytesIO(save.apply_changes(formula, [change("No.", 7)])))["Activities"]["C2"].value == 7


def test_a_save_at_the_patch_keeps_the_file_small_and_backs_up(plan_workbook, editor):
    before = plan_workbook.read_bytes()
    saved = save.save_changes(editor, plan_workbook, hashlib.sha256(before).hexdigest(), [change("Progress %", 55)])
    after = plan_workbook.read_bytes()
    assert abs(len(after) - len(before)) < 200 and saved.sha256 == hashlib.sha256(after).hexdigest()
    assert saved.backup.read_bytes() == before


def test_appended_rows_are_what_openpyxl_would_write(plan_workbook, monkeypatch):
    content = plan_workbook.read_bytes()
    added = [
        CellChange("Steps", None, "2021-01 step 8", column, None, value, action=ADD, added=number)
        for number, cells in ((1, {"Activity ID": "2021-01", "Step": 8, "Description": "=Report"}), (2, {"Step": 9}))
        for column, value in cells.items()
    ]
    patched = save.apply_changes(content, added)
    old, new = parts(content), parts(patched)
    # Steps, and a format with the quote prefix for "=Report"
    assert [name for name in old if old[name] != new[name]] == ["xl/worksheets/sheet2.xml", "xl/styles.xml"]

    def refuse(*_):
        raise patch.Unpatchable("the openpyxl way, for comparison")

    monkeypatch.setattr(apply, "patch_changes", refuse)
    rewritten = save.apply_changes(content, added)
    first = len(loaded(content).steps) + 2
    ours, theirs = (load_workbook(io.BytesIO(c))["Steps"] for c in (patched, rewritten))
    for row in (first, first + 1):
        for column in range(1, theirs.max_column + 1):
            a, b = ours.cell(row, column), theirs.cell(row, column)
            assert (a.value, a.data_type, a.number_format, a.quotePrefix) == (
                b.value,
                b.data_type,
                b.number_format,
                b.quotePrefix,
            )
            assert (repr(a.font), repr(a.fill), repr(a.alignment), repr(a.border)) == (
                repr(b.font),
                repr(b.fill),
                repr(b.alignment),
                repr(b.border),
            )
    assert ours.auto_filter.ref == theirs.auto_filter.ref and ours.auto_filter.ref.endswith(str(first + 1))
    steps = loaded(patched).steps
    assert steps["Step"].tolist()[-2:] == [8, 9] and steps["Description"].iloc[-2] == "=Report"
