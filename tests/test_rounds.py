"""Reporting rounds: one form per lead, returns filled by hand (openpyxl, LibreOffice) taken back through the normal
save, hostile or tampered returns refused in plain words, a form returned twice, and conflicts settled by choice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from actionplan import i18n
from actionplan.keeping import access, audit, backups, edits, save
from actionplan.keeping.merge import MergeNeeded, Side
from actionplan.keeping.store import Store
from actionplan.plan import load_plan
from actionplan.rounds import glance, issue, records, returns, take
from actionplan.rounds.forms import HEADER_ROW, ROUND_SHEET
from tests.conftest import PASSWORD
from tests.hostile_files import bomb

DUE = date(2027, 9, 30)
JOINT = "2023-04"  # the shipped activity with two National leads, separated by ;
# Form columns: A ID, B Event, C Terms, D Start, E End, F Status, G Progress %, H Last update, I Notes, J Evidence


@pytest.fixture
def editor(password_hash) -> access.Editor:
    return access.sign_in_with_password("Aman", PASSWORD, password_hash, access.Throttle())


@pytest.fixture
def started(plan_workbook):
    store = Store.beside(plan_workbook)
    return store, issue.start_round(
        store, plan_workbook, name="Before GC 44", due=DUE, lang="en", started_by="Aman", now=datetime(2027, 9, 1)
    )


def fill(content: bytes, rows: dict[int, dict[str, object]]) -> bytes:
    """The form with cells typed in: {activity row (1 = first): {column letter: value}}."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    for row, cells in rows.items():
        for letter, value in cells.items():
            sheet[f"{letter}{HEADER_ROW + row}"] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def form_of(issued: issue.Issued, lead_start: str) -> tuple[records.Form, bytes]:
    return next((form, content) for form, content in issued.forms if form.lead.startswith(lead_start))


def read(store: Store, issued: issue.Issued, content: bytes, name: str = "returned.xlsx") -> returns.Returned:
    return returns.read_return(issued.round, records.forms(store, issued.round.id), name, content)


def activity_cells(path: Path, activity_id: str) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path)["Activities"]
    header = [cell.value for cell in sheet[1]]
    row = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == activity_id)
    return dict(zip(header, row))


def test_one_form_per_lead_joint_leads_each_get_the_activity_and_the_rest_go_to_the_commission(started):
    store, issued = started
    leads = [form.lead for form, _ in issued.forms]
    assert len(leads) == 5 and leads[-1] == ""  # four named leads, then the Commission's own form
    assert issued.asked.with_lead == 3 and issued.asked.total == 42
    with_joint = [form for form, _ in issued.forms if JOINT in form.activities]
    assert [form.lead for form in with_joint] == [
        "Institute of International relations of the Ministry of Foreign Affairs of Turkmenistan",
        "International University of Humanity and Development",
    ]
    assert len(issued.forms[-1][0].activities) == 39
    assert "Only 3 of 42 activities name a National lead" in (issue.lead_warning(issued.asked) or "")
    assert [form.number for form in records.forms(store, issued.round.id)] == [1, 2, 3, 4, 5]


def test_a_form_locks_what_the_lead_reads_and_offers_checked_cells_for_what_they_fill(started):
    _store, issued = started
    form, content = form_of(issued, "Ministry of Culture")
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook["Update form"]
    assert sheet.protection.sheet and not sheet.protection.password
    row = HEADER_ROW + 1
    assert sheet[f"A{row}"].value == form.activities[0] and sheet[f"A{row}"].protection.locked
    assert all(sheet[f"{letter}{row}"].protection.locked for letter in "ABCDE")
    assert not any(sheet[f"{letter}{row}"].protection.locked for letter in "FGHIJ")
    kinds = {validation.type: str(validation.sqref) for validation in sheet.data_validations.dataValidation}
    assert kinds == {"list": f"F{row}", "whole": f"G{row}", "date": f"H{row}"}
    assert workbook[ROUND_SHEET].sheet_state == "veryHidden"
    assert workbook["About this form"]["A2"].value.startswith("This form is for Ministry of Culture of Turkmenistan.")


def test_the_about_sheet_and_headings_are_in_the_leads_language(plan_workbook):
    store = Store.beside(plan_workbook)
    issued = issue.start_round(store, plan_workbook, name="Перед ГК 44", due=DUE, lang="tk", started_by="Aman")
    workbook = openpyxl.load_workbook(io.BytesIO(issued.forms[0][1]))
    with i18n.using("tk"):
        assert workbook.sheetnames[:2] == [i18n._("Update form"), i18n._("About this form")]
    assert workbook.sheetnames[0] == "Hasabat görnüşi"
    assert "sentýabr" in workbook.worksheets[0]["A2"].value  # the due date written the Turkmen way


def test_a_filled_form_is_saved_through_the_normal_save_as_the_leads_words(started, plan_workbook, editor):
    store, issued = started
    form, content = form_of(issued, "Ministry of Culture")
    activity = form.activities[0]
    filled = fill(content, {1: {"F": "Completed", "G": 100, "I": "Held in June", "J": "https://example.org/r"}})
    taking = take.prepare_taking(store, plan_workbook, issued.round, read(store, issued, filled, "culture.xlsx"))
    assert [(line.column, line.issued, line.reported) for line in taking.lines] == [
        ("Status", None, "Completed"),
        ("Progress %", None, 100),
        ("Notes", None, "Held in June"),
        ("Evidence", None, "https://example.org/r"),
    ]
    taken = take.take(editor, store, plan_workbook, taking)
    assert taken.activities == (activity,)
    cells = activity_cells(plan_workbook, activity)
    assert (
        cells["Status"] == "Completed" and cells["Progress %"] == 100 and cells["Evidence"] == "https://example.org/r"
    )
    assert cells["Last update"] is None  # never filled in for the lead
    assert not load_plan(plan_workbook).errors
    record = audit.read_all(plan_workbook)[-1]
    assert record.who == "Return: Ministry of Culture of Turkmenistan (Before GC 44)"
    assert "taken by Aman from culture.xlsx" in record.how and record.backup
    assert (backups.backup_dir(plan_workbook) / record.backup).exists()
    seen = glance.glance(store, issued.round, date(2027, 9, 2))
    assert seen.headline() == "1 of 5 forms returned" and seen.with_news == (activity,)
    others = [line.activity_id for line in glance.reported(store, issued.round)]
    assert others == [activity] * 4  # only what the lead typed; no other activity gains a report


def test_a_form_filled_in_libreoffice_is_still_accepted(started, plan_workbook, editor, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")
    store, issued = started
    form, content = issued.forms[-1]  # the Commission's form: 39 activities
    filled = tmp_path / "in" / "commission.xlsx"
    filled.parent.mkdir()
    filled.write_bytes(fill(content, {2: {"F": "In progress", "G": 40, "H": date(2027, 9, 10), "I": "Under way"}}))
    out = tmp_path / "out"
    result = subprocess.run(
        [soffice or "soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(filled)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    if not (out / "commission.xlsx").exists():
        if "could not be loaded" in result.stderr and not os.environ.get("CI"):
            pytest.skip("this LibreOffice has no Calc (libreoffice-calc-nogui) to open .xlsx")
        pytest.fail(f"LibreOffice did not convert the form: {result.stderr}")
    roundtripped = (out / "commission.xlsx").read_bytes()
    assert roundtripped != filled.read_bytes()
    returned = read(store, issued, roundtripped, "commission.xlsx")
    second = form.activities[1]
    assert returned.answers[second] == {
        "Status": "In progress",
        "Progress %": 40,
        "Last update": date(2027, 9, 10),
        "Notes": "Under way",
        "Evidence": None,
    }
    take.take(editor, store, plan_workbook, take.prepare_taking(store, plan_workbook, issued.round, returned))
    assert activity_cells(plan_workbook, second)["Status"] == "In progress"


def _corrupt(content: bytes) -> bytes:
    return content[: len(content) // 2]


def _tamper_locked(content: bytes) -> bytes:
    return fill(content, {1: {"B": "An event the plan never had"}})


def _added_row(content: bytes) -> bytes:
    return fill(content, {3: {"A": "2099-01", "F": "Completed"}})


@pytest.mark.parametrize(
    ("make", "words_said"),
    [
        (_tamper_locked, "the locked cells (the activities, their terms and dates, or the headings) are not as issued"),
        (_corrupt, "cannot be read as a form"),
        (bomb("xl/worksheets/sheet1.xml", 260), "cannot be read as a form"),
        (lambda content: content + b"\0" * returns.MAX_RETURN_BYTES, "a returned form is far smaller"),
        (lambda content: fill(content, {1: {"G": 150}}), "“150” is not a whole number from 0 to 100"),
        (lambda content: fill(content, {1: {"F": "Done"}}), "“Done” is not a status from the list"),
        (lambda content: fill(content, {1: {"H": "last week"}}), "“last week” is not a date"),
        (lambda content: fill(content, {1: {"I": "line_x000B_break"}}), "control characters"),  # as Excel writes it
        (lambda content: fill(content, {1: {"G": "=40+60"}}), "a formula; type the value itself"),
        (_added_row, "something was added below the activities"),
    ],
    ids=["tampered", "corrupt", "zip-bomb", "oversize", "progress", "status", "date", "control", "formula", "row"],
)
def test_a_hostile_or_wrong_return_is_refused_in_plain_words(started, plan_workbook, make, words_said):
    store, issued = started
    _form, content = form_of(issued, "Ministry of Culture")
    before = plan_workbook.read_bytes()
    with pytest.raises(returns.NotAccepted) as refused:
        read(store, issued, make(content), "culture.xlsx")
    assert words_said in str(refused.value) and "culture.xlsx" in str(refused.value)
    assert plan_workbook.read_bytes() == before and records.returns(store, issued.round.id) == []


def test_a_form_of_another_round_is_refused(started, plan_workbook):
    store, issued = started
    other = issue.start_round(store, plan_workbook, name="Before GC 45", due=DUE, lang="en", started_by="Aman")
    with pytest.raises(returns.NotAccepted, match="is a form of another round, not of “Before GC 44”"):
        read(store, issued, other.forms[1][1], "old.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(issued.forms[1][1]))
    workbook[ROUND_SHEET]["B2"] = 1  # claims to be form 1 with form 2's token
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(returns.NotAccepted, match="its hidden identity was changed"):
        read(store, issued, out.getvalue())


def test_a_form_returned_twice_the_later_wins_and_the_earlier_is_kept(started, plan_workbook, editor):
    store, issued = started
    form, content = form_of(issued, "Ministry of Culture")
    activity = form.activities[0]
    for status, progress in (("In progress", 50), ("Completed", 100)):
        returned = read(store, issued, fill(content, {1: {"F": status, "G": progress}}), f"{status}.xlsx")
        take.take(editor, store, plan_workbook, take.prepare_taking(store, plan_workbook, issued.round, returned))
    cells = activity_cells(plan_workbook, activity)
    assert (cells["Status"], cells["Progress %"]) == ("Completed", 100)
    kept = records.returns(store, issued.round.id)
    assert [record.answers[activity]["Status"] for record in kept] == ["In progress", "Completed"]
    lines = [record for record in audit.read_all(plan_workbook) if record.who.startswith("Return: Ministry")]
    assert [change.new for record in lines for change in record.changes if change.column == "Status"] == [
        "In progress",
        "Completed",
    ]
    state = next(s for s in glance.glance(store, issued.round, DUE).forms if s.form.number == form.number)
    assert state.times_returned == 2 and state.latest is not None and state.latest.filename == "Completed.xlsx"


def test_a_form_returned_unchanged_counts_as_returned_and_changes_nothing(started, plan_workbook, editor):
    store, issued = started
    form, content = form_of(issued, "Ministry of Culture")
    before = plan_workbook.read_bytes()
    taken = take.take(
        editor,
        store,
        plan_workbook,
        take.prepare_taking(store, plan_workbook, issued.round, read(store, issued, content)),
    )
    assert taken.saved is None and plan_workbook.read_bytes() == before
    seen = glance.glance(store, issued.round, DUE)
    assert seen.headline() == "1 of 5 forms returned" and seen.with_news == ()
    assert load_plan(plan_workbook).activities["Reported status"].eq("Not reported").all()


def test_joint_leads_who_disagree_are_a_conflict_settled_by_choice(started, plan_workbook, editor):
    store, issued = started
    first, second = [(form, content) for form, content in issued.forms if JOINT in form.activities]
    row = {form.number: form.activities.index(JOINT) + 1 for form, _ in (first, second)}
    taken = read(store, issued, fill(first[1], {row[first[0].number]: {"F": "Completed"}}))
    take.take(editor, store, plan_workbook, take.prepare_taking(store, plan_workbook, issued.round, taken))
    disagreeing = read(store, issued, fill(second[1], {row[second[0].number]: {"F": "Postponed", "I": "Moved"}}))
    taking = take.prepare_taking(store, plan_workbook, issued.round, disagreeing)
    assert {line.column: line.changed_meanwhile for line in taking.lines} == {"Status": True, "Notes": False}
    with pytest.raises(MergeNeeded) as needed:
        take.take(editor, store, plan_workbook, taking)
    (conflict,) = needed.value.conflicts
    assert (conflict.key, conflict.column, conflict.theirs, conflict.mine) == (
        JOINT,
        "Status",
        "Completed",
        "Postponed",
    )
    assert records.returns(store, issued.round.id)[-1].number == first[0].number  # not kept until settled
    take.take(editor, store, plan_workbook, taking, choices={conflict.id: Side.MINE})
    cells = activity_cells(plan_workbook, JOINT)
    assert (cells["Status"], cells["Notes"]) == ("Postponed", "Moved")


def test_a_cell_changed_in_the_app_since_the_issue_is_kept_when_the_lead_left_it(started, plan_workbook, editor):
    store, issued = started
    form, content = form_of(issued, "Ministry of Culture")
    activity = form.activities[0]
    base = edits.open_for_editing(plan_workbook)
    row = int(base.tables["Activities"].frame.set_index("ID").loc[activity, "Row"])
    change = edits.CellChange("Activities", row, activity, "Notes", None, "Typed in the app")
    save.save_changes(editor, plan_workbook, base.sha256, [change])
    returned = read(store, issued, fill(content, {1: {"F": "In progress"}}))
    take.take(editor, store, plan_workbook, take.prepare_taking(store, plan_workbook, issued.round, returned))
    cells = activity_cells(plan_workbook, activity)
    assert (cells["Status"], cells["Notes"]) == ("In progress", "Typed in the app")
    assert audit.read_all(plan_workbook)[-1].merged  # merged with the save made since the forms were issued


def test_the_glance_says_who_is_overdue_with_a_reminder_in_the_readers_language(started):
    store, issued = started
    seen = glance.glance(store, issued.round, date(2027, 10, 3))
    assert seen.overdue and len(seen.missing) == 5 and "3 days ago" in seen.due()
    text = glance.reminder(issued.round, seen.missing[1], seen.today)
    assert text.startswith("Dear colleagues at Ministry of Culture of Turkmenistan,")
    assert "was due on" in text and seen.missing[1].form.filename in text
    with i18n.using("ru"):
        assert glance.reminder(issued.round, seen.missing[1], seen.today).startswith("Уважаемые коллеги")
        assert glance.glance(store, issued.round, DUE).headline() == "Возвращено форм: 0 из 5"


def test_a_round_name_is_required_and_control_characters_are_dropped(plan_workbook):
    store = Store.beside(plan_workbook)
    with pytest.raises(issue.NotStarted, match="Give the round a name"):
        issue.start_round(store, plan_workbook, name=" \x0b ", due=DUE, lang="en", started_by="Aman")
    issued = issue.start_round(store, plan_workbook, name="GC\x0b44", due=DUE, lang="xx", started_by="Aman")
    assert issued.round.name == "GC 44" and issued.round.lang == "en"


def test_the_forms_zip_is_made_again_from_the_workbook_as_issued(started, plan_workbook, editor):
    store, issued = started
    form, content = issued.forms[0]
    again = issue.rebuild_form(store, issued.round, form)
    with zipfile.ZipFile(io.BytesIO(again)):
        pass
    assert read(store, issued, again).form.number == form.number  # its locked cells match the digest kept


def test_a_form_in_russian_shows_the_event_as_staff_translated_it(make_workbook):
    def translate(activities, *_):
        activities[0]["Event (ru)"] = "Организация визита Директора Кластерного бюро ЮНЕСКО"

    path = make_workbook(edit=translate)
    store = Store.beside(path)
    issued = issue.start_round(store, path, name="Перед ГК 44", due=DUE, lang="ru", started_by="Aman")
    commission, content = issued.forms[-1]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet[f"B{HEADER_ROW + 1}"].value == "Организация визита Директора Кластерного бюро ЮНЕСКО"
    assert sheet[f"B{HEADER_ROW + 2}"].value == "Participation in the UNESCO Creative Cities Network"  # not translated
    assert read(store, issued, issue.rebuild_form(store, issued.round, commission)).form == commission
