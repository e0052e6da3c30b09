"""The terms parser: every form in PRODUCT.md and every term written in the plan."""

from datetime import date, datetime

import pytest

from actionplan.plan.seed import SEED_ACTIVITIES, SEED_STEPS
from actionplan.plan.terms import parse_date_cell, parse_terms

D = date


@pytest.mark.parametrize(
    ("terms", "start", "end", "precision"),
    [
        # forms the plan uses
        ("2021", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("March-December 2021", D(2021, 3, 1), D(2021, 12, 31), "month"),
        ("September-October 2021", D(2021, 9, 1), D(2021, 10, 31), "month"),
        ("November, 2021", D(2021, 11, 1), D(2021, 11, 30), "month"),
        ("December 2021", D(2021, 12, 1), D(2021, 12, 31), "month"),
        ("January 2022", D(2022, 1, 1), D(2022, 1, 31), "month"),
        ("March-April 2022", D(2022, 3, 1), D(2022, 4, 30), "month"),
        ("February-March 2023", D(2023, 2, 1), D(2023, 3, 31), "month"),
        ("2nd and 3rd quarter 2023", D(2023, 4, 1), D(2023, 9, 30), "quarter"),
        ("2nd quarter 2023", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
        ("3th quarter of 2023", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
        ("January 2023; March 2023; April 2023; 3th quarter of 2023", D(2023, 1, 1), D(2023, 9, 30), "quarter"),
        ("January 2023 March 2023 April 2023 3th quarter of 2023", D(2023, 1, 1), D(2023, 9, 30), "quarter"),
        # forms staff are expected to type
        ("Q4 2024", D(2024, 10, 1), D(2024, 12, 31), "quarter"),
        ("q1 2025", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
        ("2024 Q3", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
        ("1st half of 2024", D(2024, 1, 1), D(2024, 6, 30), "half"),
        ("second half 2024", D(2024, 7, 1), D(2024, 12, 31), "half"),
        ("H2 2025", D(2025, 7, 1), D(2025, 12, 31), "half"),
        ("May 2024 - February 2025", D(2024, 5, 1), D(2025, 2, 28), "month"),
        ("May 2024 – February 2025", D(2024, 5, 1), D(2025, 2, 28), "month"),
        ("15 March 2024", D(2024, 3, 15), D(2024, 3, 15), "day"),
        ("March 15, 2024", D(2024, 3, 15), D(2024, 3, 15), "day"),
        ("2024-03-15", D(2024, 3, 15), D(2024, 3, 15), "day"),
        ("15.03.2024", D(2024, 3, 15), D(2024, 3, 15), "day"),
        ("2024-2025", D(2024, 1, 1), D(2025, 12, 31), "year"),
        ("2024 - 2026", D(2024, 1, 1), D(2026, 12, 31), "year"),
        ("I quarter 2022", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
        ("first and second quarter of 2024", D(2024, 1, 1), D(2024, 6, 30), "quarter"),
        ("2023, 2nd quarter", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
        ("February 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),  # leap year
        ("  december 2021  ", D(2021, 12, 1), D(2021, 12, 31), "month"),
    ],
)
def test_terms_forms(terms, start, end, precision):
    span = parse_terms(terms)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_terms_without_a_year_take_the_plan_year():
    span = parse_terms("2nd quarter", default_year=2022)
    assert (span.start, span.end) == (D(2022, 4, 1), D(2022, 6, 30))
    assert parse_terms("2nd quarter") is None  # no year anywhere: not guessed


@pytest.mark.parametrize(
    "terms", ["sometime next year", "", "   ", "TBD", "31 February 2024", None, "5th quarter 2024"]
)
def test_terms_that_name_no_date_are_not_parsed(terms):
    assert parse_terms(terms) is None


def test_a_year_typed_as_a_number_is_the_whole_year():
    assert parse_terms(2024.0) == parse_terms("2024")


def test_every_term_in_the_plan_parses_within_its_year():
    for activity in SEED_ACTIVITIES:
        span = parse_terms(activity["Terms"], default_year=activity["Year"])
        assert span is not None, activity["ID"]
        assert span.start.year == activity["Year"] and span.end.year == activity["Year"], activity["ID"]
        assert span.start <= span.end
    step_terms = [step["Terms"] for step in SEED_STEPS if step.get("Terms")]
    assert step_terms and all(parse_terms(terms) for terms in step_terms)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2024, 3, 15, 0, 0), D(2024, 3, 15)),
        (D(2024, 3, 15), D(2024, 3, 15)),
        (45366, D(2024, 3, 15)),  # Excel serial day number
        (45366.0, D(2024, 3, 15)),
        ("2024-03-15", D(2024, 3, 15)),
        ("15 March 2024", D(2024, 3, 15)),
        (None, None),
        ("  ", None),
    ],
)
def test_date_cells(cell, expected):
    assert parse_date_cell(cell) == expected


@pytest.mark.parametrize("cell", ["March 2024", "soon", -5, True])
def test_date_cells_that_are_not_one_day_are_refused(cell):
    with pytest.raises(ValueError):
        parse_date_cell(cell)
