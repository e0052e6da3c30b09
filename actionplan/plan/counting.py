"""Each value's place in an ordered list of names: what the status tally and the cross-counts share.

pandas' own matching (`Index.get_indexer`, `astype(str)` on every cell) costs a fixed 0.1-0.2 ms a call, most of a
42-activity page's counting; here each distinct value is looked up once and the places spread with one take.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

NOWHERE = -1  # the place of a value that is not among the names (a blank cell included)


def places(values: pd.Series | np.ndarray, names: Sequence[object]) -> np.ndarray:
    """Each value's position in `names`, compared as text (2021 matches "2021"), `NOWHERE` for a blank or a value
    not among them; one integer per value, in order."""
    lookup = {str(name): place for place, name in enumerate(names)}
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):  # as-of status: distinct
        codes, distinct = values.cat.codes.to_numpy(), values.cat.categories
    else:
        codes, distinct = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    # A blank value's code is -1: it takes the last, appended entry.
    table = np.array([lookup.get(str(value), NOWHERE) for value in distinct] + [NOWHERE], dtype=np.intp)
    return table[codes]


def how_many(values: pd.Series | np.ndarray, names: Sequence[object]) -> np.ndarray:
    """How many of `values` are each of `names` (compared as `places` does), in that order, 0 where none; the rest
    are not counted."""
    codes = places(values, names)
    return np.bincount(codes[codes != NOWHERE], minlength=len(names)).astype(int)  # value_counts + reindex, faster
