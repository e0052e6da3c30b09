"""Colours: one per status and per domain, every chart mark readable against the white background."""

from __future__ import annotations

import pytest

from components import colours


def _relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


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
    assert 1.05 / (_relative_luminance(colour) + 0.05) >= 3.0, colour


def test_each_status_has_its_own_colour_where_it_matters():
    """The as-of statuses a chart shows side by side never share a colour."""
    from actionplan.plan.status import AS_OF_ORDER

    shown = [colours.status_colour(status) for status in AS_OF_ORDER]
    assert len(set(shown)) == len(shown)
