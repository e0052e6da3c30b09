"""The synthetic plan generator (actionplan/plan/synth.py): what load_plan reads back from what it writes."""

from __future__ import annotations

import pandas as pd
import pytest

from actionplan import load_plan
from actionplan.cli import main
from actionplan.plan import synth
from actionplan.plan.terms import parse_terms

SIZE = 300


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "big.xlsx"
    assert main(["synth", "--activities", str(SIZE), "--out", str(path), "--seed", "7"]) == 0
    return path, synth.synth_rows(SIZE, seed=7), load_plan(path)


def test_load_plan_reads_every_activity_step_and_milestone(written):
    _, rows, plan = written
    assert len(plan.activities) == SIZE
    assert len(plan.steps) == len(rows.steps) > SIZE  # 2.5 steps an activity on average
    assert plan.activities["ID"].is_unique
    assert list(plan.milestones["Name"].str.extract(r"^(\d+)")[0]) == ["41", "42", "43"]
    assert plan.lists.domains == tuple(synth.TOPICS)


def test_only_the_planted_findings(written):
    _, rows, plan = written
    assert [(f.sheet, f.row, f.column) for f in plan.findings] == [("Activities", r, c) for r, c in rows.planted]
    assert synth.UNREADABLE_TERMS in plan.findings[0].message
    assert synth.UNLISTED_DOMAIN in plan.findings[1].message
    unreadable = plan.activities[plan.activities["Terms"] == synth.UNREADABLE_TERMS]
    assert len(unreadable) == 1 and unreadable["Start"].notna().all()  # still shown, across its plan year


def test_several_countries_and_plans(written):
    _, _, plan = written
    assert plan.activities[synth.COUNTRY_COLUMN].nunique() == len(synth.COUNTRIES)
    assert plan.activities[synth.PLAN_COLUMN].nunique() == len(synth.COUNTRIES) * len(synth.PLAN_PERIODS)
    assert plan.years == list(range(2021, 2027))


def test_every_term_form_precision_and_exact_dates(written):
    _, rows, plan = written
    assert set(plan.activities["Precision"]) >= {"day", "month", "quarter", "half", "year"}
    terms = " | ".join(plan.activities["Terms"].dropna())
    for form in (r"\d{4}-\d{4}", r"Q\d \d{4}", r"H\d \d{4}", r"half of", r"\dth quarter of", r"and \d\w\w quarter"):
        assert pd.Series([terms]).str.contains(form).all(), form
    assert ";" in terms and " - " in terms and ", 20" in terms
    assert (plan.activities["Dates from"] == "Start/End cells").any()
    step_terms = [step["Terms"] for step in rows.steps if step.get("Terms")]
    assert step_terms and all(parse_terms(text) for text in step_terms)
    assert plan.steps["Start"].notna().sum() == len(step_terms)


def test_some_reported_statuses_progress_and_notes(written):
    _, _, plan = written
    reported = plan.activities["Status"].dropna()
    assert 0.3 < len(reported) / SIZE < 0.8
    assert set(reported) <= {"Planned", "In progress", "Completed", "Postponed", "Cancelled"}
    completed = plan.activities[plan.activities["Status"] == "Completed"]
    assert (completed["Progress %"] == 100).all()
    assert plan.activities["Notes"].notna().any() and plan.activities["Last update"].notna().any()
    assert (completed["End"] <= pd.Timestamp(synth.REPORTED_ON)).all()  # only what had ended is reported done


def test_same_seed_same_rows_other_seed_other_rows():
    assert synth.synth_rows(50, seed=3) == synth.synth_rows(50, seed=3)
    assert synth.synth_rows(50, seed=3).activities != synth.synth_rows(50, seed=4).activities


def test_plain_writer_gives_the_same_plan(written, tmp_path):
    _, _, styled = written
    path = tmp_path / "plain.xlsx"
    synth.write_synth(path, SIZE, seed=7, styled=False)
    plain = load_plan(path)
    pd.testing.assert_frame_equal(plain.activities[list(styled.activities.columns)], styled.activities)
    pd.testing.assert_frame_equal(plain.steps, styled.steps)
    assert [(f.row, f.column) for f in plain.findings] == [(f.row, f.column) for f in styled.findings]
