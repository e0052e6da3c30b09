"""Colours: one per status and per domain, every chart mark readable against the white background."""

from __future__ import annotations

import pytest

from components import colours

MARKS = sorted(
    {
        *colours.STATUS_COLOURS.values(),
        *colours.KNOWN_DOMAIN_COLOURS.values(),
        *colours.SPARE_COLOURS,
        colours.UNCLASSIFIED_COLOUR,
    }
)


@pytest.mark.parametrize("colour", MARKS)
def test_every_mark_colour_has_3_to_1_contrast_on_white(colour):
    """WCAG 2.2 non-text contrast (1.4.11): chart marks at 3:1 or better against white."""
    assert 1.05 / (colours.luminance(colour) + 0.05) >= 3.0, colour


def test_each_status_has_its_own_colour_where_it_matters():
    """The as-of statuses a chart shows side by side never share a colour."""
    from actionplan.plan.status import AS_OF_ORDER

    shown = [colours.status_colour(status) for status in AS_OF_ORDER]
    assert len(set(shown)) == len(shown)


def test_contrast_is_wcags_ratio():
    assert colours.contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert colours.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert colours.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the well-known AA grey
