"""One colour per domain and per status, defined here once and used by every chart, table and card."""

from __future__ import annotations

from collections.abc import Iterable

from actionplan.plan.status import AsOf, Reported
from actionplan.views import UNCLASSIFIED  # the one name for a blank Domain

# Colour-blind-safe (Okabe-Ito based); every mark at 3:1 or better against white (WCAG 2.2 non-text contrast),
# and no chart tells a status by colour alone: each has its own fill pattern too (STATUS_PATTERNS), shown in the
# legend, and every chart has its words and table beside it (components.chart_text).
STATUS_COLOURS: dict[str, str] = {
    AsOf.COMPLETED: "#009E73",
    AsOf.SCHEDULED_NOW: "#0072B2",
    AsOf.UPCOMING: "#4393C3",
    AsOf.OVERDUE: "#D55E00",
    AsOf.PAST_END_NOT_REPORTED: "#7B7B7B",
    AsOf.POSTPONED: "#C07A00",
    AsOf.CANCELLED: "#6B4C9A",
    AsOf.NO_DATES: "#9C8F80",
    # Reported status (what staff typed)
    Reported.PLANNED: "#4393C3",
    Reported.IN_PROGRESS: "#0072B2",
    Reported.NOT_REPORTED: "#7B7B7B",
}

# The plan's domains keep their colours whatever their order in Lists; a domain staff add takes the next free one.
KNOWN_DOMAIN_COLOURS: dict[str, str] = {
    "Culture": "#C0392B",
    "Education": "#2E86C1",
    "Science": "#17A589",
    "Sport": "#B9770E",
    "Social and Human Sciences": "#8E44AD",
    "Cooperation": "#5D6D7E",
}
# Spares are picked to stay apart from the six above (no second teal, red, slate or purple) and readable on white.
SPARE_COLOURS: tuple[str, ...] = (
    "#A04000",
    "#D81B60",
    "#5D8A2E",
    "#8D7A0C",
    "#3949AB",
    "#6D4C41",
    "#00838F",
    "#F06292",
)
UNCLASSIFIED_COLOUR = "#949494"

ACCENT = "#1F4E79"  # headers, the as-of line
MILESTONE_COLOUR = "#7F3C8D"
GAP_COLOUR = "#EEF1F5"  # an empty cell of the coverage matrix
COVERAGE_SCALE: tuple[str, ...] = ("#C6DBEF", "#6BAED6", ACCENT)  # one activity ... the most in a cell
GRID_COLOUR = "#D5DCE4"  # quarter lines; year lines use ACCENT
GROUP_COLOUR = "#7A8FA6"  # a closed Gantt group whose activities have several domains or statuses


# Plotly's marker.pattern shapes: one per as-of status (the reported statuses share their as-of twin's), so a
# reader who cannot tell the colours apart tells the bars by their hatching, as the legend shows it.
STATUS_PATTERNS: dict[str, str] = {
    AsOf.COMPLETED: "",
    AsOf.SCHEDULED_NOW: "/",
    AsOf.UPCOMING: ".",
    AsOf.OVERDUE: "x",
    AsOf.PAST_END_NOT_REPORTED: "-",
    AsOf.POSTPONED: "\\",
    AsOf.CANCELLED: "+",
    AsOf.NO_DATES: "|",
    Reported.PLANNED: ".",
    Reported.IN_PROGRESS: "/",
    Reported.NOT_REPORTED: "-",
}
# Domains take these in their colours' order (a domain's colour and pattern stay together).
DOMAIN_PATTERNS: tuple[str, ...] = ("", "/", ".", "x", "-", "\\", "+", "|")
PATTERN_INK = "rgba(255,255,255,0.85)"  # the hatching, light on the bar's own colour
PATTERN_SIZE = 7  # px between the hatching's lines
PATTERN_SOLIDITY = 0.3  # the share of the bar the hatching covers: the colour still reads


def pattern(shape: str) -> dict[str, object]:
    """A Plotly marker.pattern drawing `shape` in light ink over the bar's colour ('' for a plain bar)."""
    # "overlay": the hatching over the marker's colour ("replace", Plotly's default, drops the colour).
    return {
        "shape": shape,
        "fillmode": "overlay",
        "fgcolor": PATTERN_INK,
        "size": PATTERN_SIZE,
        "solidity": PATTERN_SOLIDITY,
    }


def status_pattern(status: str) -> dict[str, object]:
    """The fill pattern of an as-of or reported status."""
    return pattern(STATUS_PATTERNS.get(status, ""))


def domain_patterns(domain_colours: dict[str, str]) -> dict[str, dict[str, object]]:
    """A fill pattern for each domain of `domain_colours` (as `domain_colours` returns it), in the same order."""
    return {domain: pattern(DOMAIN_PATTERNS[rank % len(DOMAIN_PATTERNS)]) for rank, domain in enumerate(domain_colours)}


def domain_colours(domains: Iterable[str]) -> dict[str, str]:
    """A colour for each domain: the plan's own fixed, others from the spare palette in order, plus Unclassified."""
    colours: dict[str, str] = {}
    spare = iter(SPARE_COLOURS * 4)
    for domain in domains:
        if domain in colours:
            continue
        colours[domain] = KNOWN_DOMAIN_COLOURS.get(domain) or next(spare)
    colours[UNCLASSIFIED] = UNCLASSIFIED_COLOUR
    return colours


def status_colour(status: str) -> str:
    """The colour of an as-of or reported status."""
    return STATUS_COLOURS.get(status, UNCLASSIFIED_COLOUR)


def luminance(colour: str) -> float:
    """The relative luminance of a '#RRGGBB' colour (WCAG 2.2's definition)."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two '#RRGGBB' colours, 1 to 21 (WCAG 2.2)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
