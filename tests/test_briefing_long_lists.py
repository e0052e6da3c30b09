"""A briefing of thousands of activities: the summary on screen names a few of each list and says how many more; the
documents' summary names every one."""

from __future__ import annotations

import pytest

from actionplan import briefing as pack
from actionplan import load_plan
from actionplan.plan.contract import ActivityColumn
from actionplan.plan.synth import write_synth
from components.briefing_view import SUMMARY_LISTS_UP_TO


@pytest.fixture(scope="module")
def big_briefing(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "long.xlsx"
    write_synth(path, 400, seed=3)
    plan = load_plan(path)
    session = pack.sessions(plan)[1]
    return pack.build_briefing(plan, pack.session_scope(plan, session))


def test_the_summary_on_screen_names_up_to_the_limit_and_counts_the_rest(big_briefing):
    delivered = big_briefing.delivered.table
    assert len(delivered) > SUMMARY_LISTS_UP_TO  # the fixture has a long list to cut
    ids = sorted(delivered[ActivityColumn.ID].astype(str))
    shown = big_briefing.summary_listing(SUMMARY_LISTS_UP_TO)[1]  # the sentence listing what was delivered
    assert "reported Completed" in shown
    assert all(i in shown for i in ids[:SUMMARY_LISTS_UP_TO])
    assert not any(f"{i} " in shown for i in ids[SUMMARY_LISTS_UP_TO:])
    assert f"… and {len(ids) - SUMMARY_LISTS_UP_TO} more" in shown


def test_the_documents_summary_names_every_activity(big_briefing):
    ids = big_briefing.delivered.table[ActivityColumn.ID].astype(str)
    assert all(f"{i} " in big_briefing.summary_lead for i in ids)
    assert "more" not in big_briefing.summary_lead
    assert big_briefing.summary == big_briefing.summary_listing(None)
