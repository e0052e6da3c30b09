"""parse_terms_once: a column of terms parsed with each distinct (terms, plan year) read once."""

from datetime import date

from actionplan.plan.terms import DateSpan, parse_terms, parse_terms_once


def test_same_spans_as_parse_terms_row_by_row():
    texts = ["2022", "Q4 2024", "2nd quarter", "2nd quarter", None, "sometime", 2023, date(2024, 3, 15), "2022"]
    years = [2022, 2024, 2021, 2023, 2022, 2022, None, None, 2022]
    assert parse_terms_once(texts, years) == [parse_terms(t, y) for t, y in zip(texts, years)]
    spans = parse_terms_once(texts, years)
    assert spans[2] == DateSpan(date(2021, 4, 1), date(2021, 6, 30), "quarter")  # the plan year dates it
    assert spans[3].start.year == 2023 and spans[4] is None and spans[5] is None


def test_unhashable_cells_are_parsed_too():
    cell = ["Q4 2022"]  # not a cell calamine gives, but nothing must break on it
    assert parse_terms_once([cell], [2022]) == [parse_terms(cell, 2022)]
