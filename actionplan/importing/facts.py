"""The plan's own facts read from the document: its title, country, period, parties and issuing body.

    heading "The Country Action Plan of X for 2021-2023 on cooperation with UNESCO"
        -> PlanFacts(title=<the heading>, country="X", first_year=2021, last_year=2023, parties=("X", "UNESCO"))

Where the heading does not give the period, the years of the table do (and the report says so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..i18n import _
from ..plan.facts import Fact, PlanFacts
from .report import ImportReport, ReportKind
from .source import clean

UNESCO = "UNESCO"
_UNESCO_NAMES = r"(?:the\s+)?(?:United Nations Educational,? Scientific and Cultural Organi[sz]ation|UNESCO)"
_PLAN_WORDS = re.compile(r"\b(?:plan|programme|program|roadmap|road map|framework)\b", re.I)
_BETWEEN = re.compile(rf"\bbetween\s+(?:the\s+)?(.+?)\s+and\s+{_UNESCO_NAMES}", re.I)
_BETWEEN_REVERSED = re.compile(
    rf"\bbetween\s+{_UNESCO_NAMES}\s+and\s+(?:the\s+)?(.+?)(?:\s+(?:for|on|in)\b|[,.]|$)", re.I
)
_OF_COUNTRY = re.compile(
    r"\b(?:plan|programme|program|roadmap)\s+of\s+(?:the\s+)?(.+?)\s+(?:for|on|with|in|and)\b", re.I
)
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*(?:[-\u2013\u2014]|to)\s*((?:19|20)\d{2})\b")
_ISSUED = re.compile(r"^(?:approved|adopted|issued|prepared|endorsed|signed)\s+by\s*:?\s*(.+)$", re.I)
_BODY = re.compile(r"\b(?:National Commission|Ministry|Government|Cabinet)\b.*", re.I)
_NOT_COUNTRY = re.compile(r"^(?:cooperation|collaboration|action|activities|implementation)\b", re.I)


def _title(heading: Sequence[str]) -> tuple[str, int]:
    """The title and how many heading lines it takes: from the first line naming a plan, joined with the next
    while the title does not yet name UNESCO (titles are often set on two lines)."""
    lines = [clean(line) for line in heading if clean(line)]
    start = next((i for i, line in enumerate(lines) if _PLAN_WORDS.search(line)), 0 if lines else -1)
    if start < 0:
        return "", 0
    taken = [lines[start]]
    index = start + 1
    while index < len(lines) and len(taken) < 3 and not re.search(_UNESCO_NAMES, " ".join(taken), re.I):
        if _ISSUED.match(lines[index]):
            break
        taken.append(lines[index])
        index += 1
    return " ".join(taken), index


def _country(title: str) -> str:
    for pattern in (_BETWEEN, _BETWEEN_REVERSED, _OF_COUNTRY):
        match = pattern.search(title)
        if match and not _NOT_COUNTRY.match(match.group(1)):
            return clean(match.group(1)).rstrip(",.")
    return ""


def read_facts(
    heading: Sequence[str], trailing: Sequence[str], years: Sequence[int], report: ImportReport
) -> PlanFacts:
    """The plan's facts from the heading above its table (and the lines below it), each reported with its source."""
    title, used = _title(heading)
    country = _country(title)
    period = _PERIOD.search(title) or next((m for m in map(_PERIOD.search, heading) if m), None)
    first_year = last_year = None
    if period:
        first_year, last_year = int(period.group(1)), int(period.group(2))
        period_source = _("the heading")
    elif years:
        first_year, last_year = min(years), max(years)
        period_source = _("the years of the table (the heading gives no period)")
    parties: tuple[str, ...] = ()
    if country and re.search(_UNESCO_NAMES, title, re.I):
        parties = (country, UNESCO)
    body = ""
    for line in [*heading, *trailing]:
        issued = _ISSUED.match(clean(line))
        if issued:
            body = clean(issued.group(1)).rstrip(".")
            break
    if not body:
        body = next((clean(line) for line in heading if line != title and _BODY.match(clean(line))), "")
    facts = PlanFacts(title, country, first_year, last_year, parties, body)
    stated = {
        Fact.TITLE: (title, _("the heading above the table")),
        Fact.COUNTRY: (country, _("the title")),
        Fact.PERIOD: (facts.period, period_source if first_year else ""),
        Fact.PARTIES: ("; ".join(parties), _("the title")),
        Fact.ISSUING_BODY: (body, _("the heading")),
    }
    for fact, (value, source) in stated.items():
        if value:
            report.add(ReportKind.FACT, column=fact.value, source=source, became=value)
        else:
            report.add(
                ReportKind.UNSURE,
                column=fact.value,
                note=_("the document does not state the plan's \u201c{fact}\u201d: add it on the About sheet").format(
                    fact=_(fact.value)
                ),
            )
    for line in heading[used:]:
        if clean(line) and clean(line) != body and not _ISSUED.match(clean(line)):
            report.add(
                ReportKind.FACT, source=clean(line), became=_("(heading line, not a fact the About sheet keeps)")
            )
    return facts
