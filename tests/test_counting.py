"""`places`: each value's position in a list of names, as the status tally and the cross-counts read it."""

from datetime import date

import numpy as np
import pandas as pd

from actionplan.plan.counting import NOWHERE, places
from actionplan.plan.load import load_plan
from actionplan.plan.status import AS_OF_ORDER, AsOf, status_as_of, tally


def test_values_are_placed_by_their_text_and_blanks_and_strangers_nowhere():
    values = pd.Series(["Culture", None, "Science", "Sport", np.nan, "Culture", 2021], dtype=object)
    assert places(values, ["Science", "Culture", "2021"]).tolist() == [1, NOWHERE, 0, NOWHERE, NOWHERE, 1, 2]


def test_years_as_whole_numbers_with_blanks_match_the_years_named():
    years = pd.Series([2022, None, 2021, 2023], dtype="Int64")
    assert places(years, [2021, 2022]).tolist() == [1, NOWHERE, 0, NOWHERE]


def test_a_status_column_is_placed_by_its_categories():
    statuses = pd.Series(pd.Categorical(["Upcoming", None, "Completed"], categories=[str(s) for s in AS_OF_ORDER]))
    order = [str(s) for s in AS_OF_ORDER]
    assert places(statuses, order).tolist() == [order.index("Upcoming"), NOWHERE, order.index("Completed")]
    assert places(statuses, ["Completed"]).tolist() == [NOWHERE, NOWHERE, 0]  # another list: by name, not by code


def test_an_empty_column_has_no_places():
    assert places(pd.Series([], dtype=object), ["a"]).tolist() == []


def test_the_tally_counts_every_status_of_a_plan(plan_workbook):
    activities = load_plan(plan_workbook).activities
    statuses = status_as_of(activities, date(2022, 6, 1))
    counted = tally(statuses)
    assert counted.sum() == len(activities) == 42
    assert counted.to_dict() == statuses.astype(str).value_counts().reindex(counted.index, fill_value=0).to_dict()
    assert list(counted.index) == [str(s) for s in AS_OF_ORDER] and counted[str(AsOf.NO_DATES)] >= 0
