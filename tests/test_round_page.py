"""The Data page's Reporting round tab through AppTest: editors only; starting a round on the shipped plan says that
most activities name no lead; the round at a glance lists who is missing, with a reminder to copy for each."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import openpyxl
import pytest

from actionplan.keeping import access, audit
from actionplan.keeping.store import Store
from actionplan.rounds import issue, records, returns, take
from actionplan.rounds.forms import HEADER_ROW
from tests.conftest import PASSWORD
from tests.test_data_page import data_page, sign_in, texts


@pytest.fixture(autouse=True)
def no_password_from_the_environment(monkeypatch):
    monkeypatch.delenv(access.PASSWORD_HASH_ENV, raising=False)


def test_viewers_are_asked_to_sign_in_first(plan_workbook, use_workbook, password_hash):
    at = data_page(plan_workbook, use_workbook, password_hash)
    assert "Sign in on the Edit tab to start a reporting round" in texts(at)
    assert not [button for button in at.button if button.label == "Start the round"]


def test_an_editor_starts_a_round_and_sees_who_is_missing(plan_workbook, use_workbook, password_hash):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman")
    assert "Only 3 of 42 activities name a National lead" in texts(at)
    at.text_input(key="round_name").set_value("Before GC 44")
    next(button for button in at.button if button.label == "Start the round").click()
    at.run()
    assert not at.exception, at.exception
    assert "0 of 5 forms returned" in [header.value for header in at.header]
    assert "Round “Before GC 44” started: 5 forms to send." in texts(at)
    assert len(at.code) == 5 and at.code[1].value.startswith("Dear colleagues at Ministry of Culture of Turkmenistan,")

    store = Store.beside(plan_workbook)
    round_ = records.rounds(store, plan_workbook.name)[0]
    form = records.forms(store, round_.id)[1]
    workbook = openpyxl.load_workbook(io.BytesIO(issue.rebuild_form(store, round_, form)))
    workbook.worksheets[0][f"F{HEADER_ROW + 1}"] = "Completed"
    out = io.BytesIO()
    workbook.save(out)
    returned = returns.read_return(round_, records.forms(store, round_.id), "culture.xlsx", out.getvalue())
    editor = access.sign_in_with_password("Aman", PASSWORD, password_hash, access.Throttle())
    take.take(editor, store, plan_workbook, take.prepare_taking(store, plan_workbook, round_, returned))
    at.run()
    assert not at.exception, at.exception
    assert "1 of 5 forms returned" in [header.value for header in at.header]
    assert len(at.code) == 4 and not any("Ministry of Culture" in code.value for code in at.code)
    forms = next(frame.value for frame in at.dataframe if "Returned?" in frame.value.columns)
    assert forms["Returned?"].tolist()[1] == f"Returned {date.today():%B} {date.today().day}, {date.today().year}"
    reported = next(frame.value for frame in at.dataframe if "Reported by" in frame.value.columns)
    assert reported["Value reported"].tolist() == ["Completed"]
    assert reported["Reported by"].tolist()[0].startswith("as reported by Ministry of Culture of Turkmenistan on ")


def test_the_round_speaks_the_readers_language(plan_workbook, use_workbook, password_hash):
    issue.start_round(
        Store.beside(plan_workbook), plan_workbook, name="GC 44", due=date(2027, 9, 30), lang="tk", started_by="Aman"
    )
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman")  # in English, then in Russian
    at.query_params["lang"] = "ru"
    at.run()
    assert not at.exception, at.exception
    assert "Возвращено форм: 0 из 5" in [header.value for header in at.header]
    assert at.code[0].value.startswith("Уважаемые коллеги")


def test_an_editor_assigns_leads_before_starting_and_they_are_saved_like_any_edit(
    plan_workbook, use_workbook, password_hash
):
    at = sign_in(data_page(plan_workbook, use_workbook, password_hash), "Aman")
    at.toggle(key="round_assign_leads").set_value(True).run()
    key = f"round_leads_{hashlib.sha256(plan_workbook.read_bytes()).hexdigest()[:12]}"
    at.session_state[key] = {
        "edited_rows": {"0": {"National lead": "Ministry of Culture of Turkmenistan; Ministry of Education"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="round_leads_save").click().run()
    assert not at.exception, at.exception
    assert "Saved 1 National lead." in texts(at)
    record = audit.read_all(plan_workbook)[-1]
    assert record.who == "Aman" and [(c.key, c.column) for c in record.changes] == [("2021-01", "National lead")]
    assert "Only 4 of 42 activities name a National lead" in texts(at)
    assert "sends 6 forms" in texts(at)  # the Ministry of Education is a new lead
