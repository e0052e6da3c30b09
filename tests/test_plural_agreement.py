"""Sentences that name two numbers ("1 of 42 activities has ..."): the plural form follows the number the verb or
noun goes with, in English, Russian and Turkmen, not the total."""

from __future__ import annotations

import pandas as pd
import pytest

from actionplan import i18n, views
from actionplan.briefing.leads import delivered_lead, open_lead
from actionplan.plan import contract
from actionplan.plan.status import STATUS_AS_OF, AsOf, Reported
from actionplan.rounds.issue import lead_warning
from actionplan.rounds.leads import Asked


def reporting(reported: int, total: int) -> str:
    return views.reporting(pd.Series({"Completed": reported, Reported.NOT_REPORTED: total - reported}))


@pytest.mark.parametrize(
    ("lang", "reported", "expected"),
    [
        ("en", 1, "1 of 42 activities has a reported status; 41 not reported."),
        ("en", 2, "2 of 42 activities have a reported status; 40 not reported."),
        ("ru", 1, "Статус сообщён по 1 мероприятию из 42; не сообщён — по 41."),
        ("ru", 21, "Статус сообщён по 21 мероприятию из 42; не сообщён — по 21."),
        ("ru", 3, "Статус сообщён по 3 мероприятиям из 42; не сообщён — по 39."),
        ("ru", 11, "Статус сообщён по 11 мероприятиям из 42; не сообщён — по 31."),
        ("tk", 1, "42 çäreden 1 çäräniň ýagdaýy barada hasabat berildi; 41 çäre boýunça berilmedi."),
    ],
)
def test_the_overview_counts_the_reported_ones(lang, reported, expected):
    with i18n.using(lang):
        assert reporting(reported, 42) == expected


def scope_of(blank: int, total: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            contract.REPORTED_STATUS: [Reported.NOT_REPORTED] * blank + ["In progress"] * (total - blank),
            STATUS_AS_OF: [AsOf.OVERDUE] * total,
        }
    )


def test_delivered_agrees_with_the_activities_without_a_status():
    activities = scope_of(1, 12)
    nothing = activities.iloc[0:0]
    assert delivered_lead(activities, nothing, activities[contract.REPORTED_STATUS]) == (
        "No activity in scope is reported Completed; 1 of 12 has no status reported (Not reported)."
    )
    activities = scope_of(12, 12)
    assert delivered_lead(activities, nothing, activities[contract.REPORTED_STATUS]).endswith(
        "12 of 12 have no status reported (Not reported)."
    )


@pytest.mark.parametrize(
    ("blank", "total", "expected"),
    [
        (
            1,
            5,
            "5 activities not reported Completed or Cancelled: Overdue: 5. 1 of them has no status reported "
            "(Not reported).",
        ),
        (
            3,
            5,
            "5 activities not reported Completed or Cancelled: Overdue: 5. 3 of them have no status reported "
            "(Not reported).",
        ),
        (0, 1, "1 activity not reported Completed or Cancelled: Overdue: 1."),  # no "0 of them" sentence
    ],
)
def test_open_agrees_with_the_activities_without_a_status(blank, total, expected):
    assert open_lead(scope_of(blank, total)) == expected


def test_open_in_russian_keeps_both_numbers():
    with i18n.using("ru"):
        said = open_lead(scope_of(1, 5))
    assert said.startswith("5 мероприятий без статуса «Завершено» или «Отменено»: ")
    assert said.endswith("Из них без указанного статуса («Не сообщено»): 1.")


@pytest.mark.parametrize(
    ("lang", "named", "expected"),
    [
        ("en", 1, "Only 1 of 42 activities names a National lead. Those without one (41) go on one form"),
        ("en", 3, "Only 3 of 42 activities name a National lead. Those without one (39) go on one form"),
        ("ru", 1, "Национальный исполнитель указан только у 1 мероприятия из 42. Мероприятия без исполнителя (41)"),
        ("ru", 3, "Национальный исполнитель указан только у 3 мероприятий из 42. Мероприятия без исполнителя (39)"),
        ("tk", 1, "42 çäreden diňe 1 çärede milli jogapkär görkezilen. Milli jogapkäri görkezilmedik çäreler (41)"),
    ],
)
def test_the_round_warning_counts_the_activities_with_a_lead(lang, named, expected):
    with i18n.using(lang):
        said = lead_warning(Asked(forms=(), total=42, with_lead=named))
    assert said is not None and said.startswith(expected)
