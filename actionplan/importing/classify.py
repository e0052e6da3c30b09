"""Suggested Domain, Convention and Programme for an imported activity, read from its own words.

A suggestion is only ever a proposal: it is written to the Activities sheet so the dashboard can group the plan
at once, named in the activity's "Suggested by import" column, and listed in the import report with the words it
came from, for staff to confirm or change. Where the text names none, or several, the cell is left blank and the
activity listed as unsure.

    "Implementation of the UNESCO 1972 World Heritage Convention"
        -> Convention "1972 Convention" (the event names it), Domain "Culture" (the convention's domain),
           Programme blank, unsure: its steps name World Heritage Sustainable Tourism and Silk Roads
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import _
from ..plan.contract import ActivityColumn

SUGGESTED_COLUMN = "Suggested by import"

CULTURE, EDUCATION, SCIENCE, SPORT, SHS, COOPERATION = (
    "Culture",
    "Education",
    "Science",
    "Sport",
    "Social and Human Sciences",
    "Cooperation",
)

# Conventions and recommendations named without their year -> the list's name.
_NAMED_CONVENTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bWorld Heritage Convention\b", re.I), "1972 Convention"),
    (re.compile(r"Convention for the Safeguarding of the Intangible", re.I), "2003 Convention"),
    (re.compile(r"Convention on the Protection and Promotion of the Diversity", re.I), "2005 Convention"),
    (re.compile(r"\billicit (?:import|export|transfer)\b.*\bConvention\b", re.I), "1970 Convention"),
    (re.compile(r"\b2015 Recommendation\b.*\bMuseums\b|\bRecommendation\b.*\bMuseums and Collections\b", re.I),
     "2015 Museums Recommendation"),
)  # fmt: skip
# "the UNESCO 1972 World Heritage Convention", "the 2005 Convention", "1970 Convention": a year before "Convention".
_YEAR_CONVENTION = re.compile(r"\b((?:19|20)\d{2})\s+(?:[A-Z][\w-]*\s+){0,3}Convention\b")

# A programme's name as the plan may write it -> the list's name, and the domain it belongs to.
PROGRAMME_PATTERNS: tuple[tuple[str, str, str | None], ...] = (
    (r"Creative Cities", "Creative Cities Network", CULTURE),
    (r"Associated Schools|\bASPnet\b", "ASPnet", EDUCATION),
    (r"UNESCO Chairs?\b|\bUNITWIN\b", "UNESCO Chairs", EDUCATION),
    (r"\bSDG ?4\b|\bGoal 4\b|Education 2030", "SDG 4", EDUCATION),
    (r"\bIITE\b|Institute for Information Technologies in Education", "IITE", EDUCATION),
    (r"Microscience", "Microscience", SCIENCE),
    (r"Biosphere|\bMAB\b", "MAB", SCIENCE),
    (r"\bIHP\b|Hydrological Programme", "IHP", SCIENCE),
    (r"Silk Roads?\b", "Silk Roads", CULTURE),
    (r"Sustainable Tourism Programme", "World Heritage Sustainable Tourism", CULTURE),
    (r"Earthen Architecture", "World Heritage Earthen Architecture", CULTURE),
    (r"\bMINEPS\b|\bCIGEPS\b", "MINEPS/CIGEPS", SPORT),
    (r"[Ii]ntercultural dialogue", "Intercultural dialogue", SHS),
    (r"General Conference", "General Conference", COOPERATION),
    (r"National Commissions\b", "National Commissions", COOPERATION),
    (r"Memory of the World", "Memory of the World", None),
    (r"Geoparks?\b", "Global Geoparks", SCIENCE),
    (r"Learning Cities", "Learning Cities", EDUCATION),
    (r"\bMOST\b|Management of Social Transformations", "MOST", SHS),
)
_PROGRAMMES = tuple((re.compile(pattern), name, domain) for pattern, name, domain in PROGRAMME_PATTERNS)

# Words of each domain, in the event's text. Cooperation (visits, sessions, receptions) counts only when no
# thematic domain is named: a visit of the Director of Water Sciences is Science.
DOMAIN_WORDS: dict[str, tuple[str, ...]] = {
    CULTURE: (r"heritage", r"cultur(?:e|al)", r"museums?", r"exhibitions?", r"concerts?", r"crafts?", r"carpets?",
              r"culinary", r"paintings?", r"arts?", r"music", r"singers?", r"creative", r"films?", r"theatres?"),
    EDUCATION: (r"education", r"schools?", r"teachers?", r"pupils?", r"literacy", r"learning"),
    SCIENCE: (r"sciences?", r"scientific", r"water", r"hydrolog\w*", r"biosphere", r"ecolog\w*", r"ocean\w*",
              r"geoparks?", r"technolog\w*"),
    SPORT: (r"sports?", r"physical education", r"anti-doping", r"athlet\w*"),
    SHS: (r"social and human sciences", r"\bSHS\b", r"intercultural", r"racism", r"discriminations?", r"youth",
          r"ethics", r"gender"),
    COOPERATION: (r"visit", r"director-general", r"cluster office", r"general conference", r"national commissions?",
                  r"reception", r"anniversary", r"bilateral", r"executive board", r"delegation", r"lecture",
                  r"statement", r"external relations", r"cooperation between"),
}  # fmt: skip
_DOMAIN_PATTERNS = {
    domain: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I) for domain, words in DOMAIN_WORDS.items()
}
CONVENTION_DOMAIN = CULTURE  # every convention and recommendation in the plans so far is Culture's


@dataclass(frozen=True)
class Suggestion:
    """A value proposed for one column, and the words it came from."""

    column: str
    value: str
    reason: str
    in_event: bool = False  # named by the event itself (not by its steps or its section)


@dataclass(frozen=True)
class Unsure:
    """A column left blank: why, and what the text pointed at."""

    column: str
    reason: str


@dataclass(frozen=True)
class Classification:
    suggestions: tuple[Suggestion, ...]
    unsure: tuple[Unsure, ...]


def conventions_in(text: str) -> list[str]:
    """Conventions and recommendations the text names, in order, once each."""
    found: list[str] = []
    for year in _YEAR_CONVENTION.findall(text):
        found.append(f"{year} Convention")
    for pattern, name in _NAMED_CONVENTIONS:
        if pattern.search(text) and name not in found:
            found.append(name)
    return list(dict.fromkeys(found))


def programmes_in(text: str) -> list[tuple[str, str | None, str]]:
    """(programme, its domain, the words matched) for each programme the text names."""
    found: dict[str, tuple[str, str | None, str]] = {}
    for pattern, name, domain in _PROGRAMMES:
        match = pattern.search(text)
        if match and name not in found:
            found[name] = (name, domain, match.group(0))
    return list(found.values())


def _one(column: str, event: str, steps: str, finder) -> tuple[Suggestion | None, Unsure | None, str | None]:
    """A single value named by the event, else by the steps; several named -> unsure."""
    for in_event, text in ((True, event), (False, steps)):
        named = finder(text)
        if len(named) == 1:
            value, domain, words = named[0]
            names = _("the event names \u201c{words}\u201d") if in_event else _("its steps name \u201c{words}\u201d")
            return Suggestion(column, value, names.format(words=words), in_event), None, domain
        if len(named) > 1:
            listed = ", ".join(found[0] for found in named)
            several = (
                _("several are named in the event: {listed}")
                if in_event
                else _("several are named in its steps: {listed}")
            )
            return None, Unsure(column, several.format(listed=listed)), None
    return None, None, None


def classify(event: str, steps: Iterable[str], section: str = "", domains: Iterable[str] = ()) -> Classification:
    """Suggested Domain, Convention and Programme of one activity from its event, its steps and its section."""
    steps_text = " ".join(steps)
    suggestions: list[Suggestion] = []
    unsure: list[Unsure] = []
    convention, doubt, _convention_domain = _one(
        ActivityColumn.CONVENTION, event, steps_text, lambda text: [(c, CULTURE, c) for c in conventions_in(text)]
    )
    programme, programme_doubt, programme_domain = _one(ActivityColumn.PROGRAMME, event, steps_text, programmes_in)
    for found, question in ((convention, doubt), (programme, programme_doubt)):
        if found is not None:
            suggestions.append(found)
        if question is not None:
            unsure.append(question)
    domain = _domain(event, section, convention, programme, programme_domain, tuple(domains))
    if isinstance(domain, Suggestion):
        suggestions.insert(0, domain)
    else:
        unsure.insert(0, domain)
    return Classification(tuple(suggestions), tuple(unsure))


def _domain(
    event: str,
    section: str,
    convention: Suggestion | None,
    programme: Suggestion | None,
    programme_domain: str | None,
    domains: tuple[str, ...],
) -> Suggestion | Unsure:
    column = ActivityColumn.DOMAIN
    for name in domains:
        if section and re.search(rf"\b{re.escape(name)}\b", section, re.I):
            return Suggestion(
                column, name, _("it is listed under the section \u201c{section}\u201d").format(section=section)
            )
    if convention is not None and convention.in_event:
        names = _("the event names the {convention}").format(convention=convention.value)
        return Suggestion(column, CONVENTION_DOMAIN, names)
    if programme is not None and programme_domain and programme.in_event:
        names = _("the event names the programme {programme}").format(programme=programme.value)
        return Suggestion(column, programme_domain, names)
    text = re.sub(r"social and human sciences", " SHS ", event, flags=re.I)
    scores = {domain: pattern.findall(text) for domain, pattern in _DOMAIN_PATTERNS.items()}
    thematic = {domain: words for domain, words in scores.items() if words and domain != COOPERATION}
    if not thematic and scores[COOPERATION]:
        thematic = {COOPERATION: scores[COOPERATION]}
    if not thematic:
        if programme is not None and programme_domain:
            return Suggestion(
                column,
                programme_domain,
                _("its steps name the programme {programme}").format(programme=programme.value),
            )
        return Unsure(column, _("the event names no domain's words"))
    best = max(len(words) for words in thematic.values())
    leaders = [domain for domain, words in thematic.items() if len(words) == best]
    if len(leaders) > 1:
        listed = "; ".join(f"{domain} (\u201c{', '.join(thematic[domain])}\u201d)" for domain in leaders)
        return Unsure(column, _("the event's words point to several domains: {listed}").format(listed=listed))
    words = ", ".join(dict.fromkeys(word.lower() for word in thematic[leaders[0]]))
    return Suggestion(column, leaders[0], _("the event says \u201c{words}\u201d").format(words=words))
