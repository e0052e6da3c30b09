"""Chart builders: pure, typed functions from the tables of `actionplan.views` to Plotly figures (and, for the
Overview's first screen, to plain HTML: `html_bars`).

None of them calls Streamlit; every colour comes from `components.colours`. Each is tested on its figure's
data and layout (tests/test_charts.py).
"""

from .common import COLOUR_BY_DOMAIN, COLOUR_BY_STATUS, COLOUR_CHOICES, FONT_SIZE, plotly_config
from .counts import (
    SUNBURST_LEAF_LIMIT,
    coverage_heatmap,
    domain_sunburst,
    domain_year_bars,
    stacked_status_bars,
    status_bar,
)
from .gantt import gantt, gantt_drawing, gantt_height, with_as_of
from .html_bars import stacked_status_html
from .quarters import quarter_ticks
from .trend import reported_trend_html as reported_trend_html

__all__ = [
    "COLOUR_BY_DOMAIN",
    "COLOUR_BY_STATUS",
    "COLOUR_CHOICES",
    "FONT_SIZE",
    "SUNBURST_LEAF_LIMIT",
    "coverage_heatmap",
    "domain_sunburst",
    "domain_year_bars",
    "gantt",
    "gantt_drawing",
    "gantt_height",
    "plotly_config",
    "quarter_ticks",
    "stacked_status_bars",
    "stacked_status_html",
    "status_bar",
    "with_as_of",
]
