"""Synthetic plan workbooks for measuring the dashboard at scale: several countries and plans in one workbook.

`synth_rows(activities, seed)` builds the rows; `write_synth(path, activities, seed)` writes them with the
project's workbook writer. The same size and seed always give the same rows. What it holds:
- five countries, each with a 2021-2023 and a 2024-2026 plan (staff-added columns Country and Plan), activities
  spread evenly over the plans and their years; IDs `TKM-2021-004` (country, year, number);
- every form of Terms the dashboard reads (PRODUCT.md), and some exact Start/End dates;
- 0-5 mechanism steps per activity (2.5 on average), about one in five with its own terms;
- the General Conference sessions as milestones, and the Lists sheet of the shipped plan;
- reported statuses, progress, last update and notes for about half of the activities, consistent with the
  reporting day `REPORTED_ON`;
- exactly two findings, planted: one activity whose terms cannot be read and one whose domain is not in Lists
  (`Synth.planted` names their Excel rows).

The data is invented: the About sheet says so, and it is only for benchmarks and tests.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, timedelta
from os import PathLike

from openpyxl import Workbook

from . import contract
from .contract import ActivityColumn as A
from .contract import StepColumn as S
from .seed import SEED_LISTS, SEED_MILESTONES
from .status import Reported
from .workbook import write_workbook

# Above this many activities the CLI writes a plain workbook (no drop-downs or formatting): openpyxl's styled
# writer takes about 2 ms per activity with its steps, the plain one a fraction of that.
STYLED_UP_TO = 20_000

COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("TKM", "Turkmenistan", ("Ashgabat", "Mary", "Dashoguz", "Turkmenabat", "Balkanabat")),
    ("KAZ", "Kazakhstan", ("Astana", "Almaty", "Shymkent", "Turkistan")),
    ("KGZ", "Kyrgyzstan", ("Bishkek", "Osh", "Karakol")),
    ("TJK", "Tajikistan", ("Dushanbe", "Khujand", "Panjakent")),
    ("UZB", "Uzbekistan", ("Tashkent", "Samarkand", "Bukhara", "Khiva")),
)
PLAN_PERIODS: tuple[tuple[int, int], ...] = ((2021, 2023), (2024, 2026))
REPORTED_ON = date(2025, 6, 30)  # the day the synthetic reports were written
COUNTRY_COLUMN, PLAN_COLUMN = "Country", "Plan"
UNREADABLE_TERMS = "to be agreed with the partners"
UNLISTED_DOMAIN = "Culture and Arts"

# What each domain's activities are about, with the conventions and programmes they may implement.
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Culture": (
        (
            "nomination of a cultural site to the World Heritage List",
            "inventory of intangible cultural heritage elements",
            "national festival of traditional crafts",
            "exhibition of the museum collections",
            "training of museum professionals in collection care",
            "restoration of earthen architecture monuments",
        ),
        ("1970 Convention", "1972 Convention", "2003 Convention", "2005 Convention", "2015 Museums Recommendation"),
        ("Creative Cities Network", "Silk Roads", "World Heritage Earthen Architecture", "Memory of the World"),
    ),
    "Education": (
        (
            "teacher training in education for sustainable development",
            "national review of SDG 4 indicators",
            "conference of the Associated Schools network",
            "digital learning pilot in secondary schools",
            "forum of UNESCO Chairs",
        ),
        (),
        ("ASPnet", "UNESCO Chairs", "SDG 4", "IITE", "Learning Cities"),
    ),
    "Science": (
        (
            "biosphere reserve nomination dossier",
            "workshop on water resources management",
            "microscience kits for rural schools",
            "geopark feasibility study",
        ),
        (),
        ("MAB", "IHP", "Microscience", "Global Geoparks"),
    ),
    "Sport": (
        ("national anti-doping education campaign", "youth sport and physical education forum"),
        (),
        ("MINEPS/CIGEPS",),
    ),
    "Social and Human Sciences": (
        ("policy dialogue on youth inclusion", "intercultural dialogue round table"),
        (),
        ("MOST", "Intercultural dialogue"),
    ),
    "Cooperation": (
        (
            "visit of the Director of the UNESCO Cluster Office",
            "participation of the delegation in the General Conference",
            "meeting of the National Commission for UNESCO",
        ),
        (),
        ("General Conference", "National Commissions"),
    ),
}
ACTIONS = ("Organizing of the", "Holding of the", "Preparation of the", "Support to the", "Participation in the")
PURPOSES = (
    "in order to discuss the next steps on developing cooperation with UNESCO",
    "with the participation of national experts and representatives of the UNESCO Secretariat",
    "to strengthen national capacities for the implementation of the conventions and programmes",
    "in cooperation with the National Commission for UNESCO and the ministries concerned",
    "to share best practices among the countries of the region",
    "",
)
STEP_TEXTS = (
    "Consultations with the national partners",
    "Preparation of the concept note and the programme",
    "Distribution of invitations",
    "Holding of the event",
    "Publication of the results and the report",
)
COUNTERPARTS = ("UNESCO Secretariat", "UNESCO Cluster Office in Almaty", "UNESCO Cluster Office in Tehran", None)
LEADS = ("Ministry of Culture", "Ministry of Education", "National Commission for UNESCO", "Academy of Sciences", None)
NOTES = (
    "Report received from the national lead.",
    "Dates agreed with the UNESCO counterpart; invitations sent.",
    "Delayed by the partners' calendar; new dates to be confirmed.",
    "Delivered as planned; the report is on file.",
)
ORDINAL = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
ABOUT: tuple[str, ...] = (
    "Synthetic plan workbook (for benchmarks and tests)",
    "Written by `python -m actionplan synth`. Every activity, step, status and note in it is invented: it is "
    "not a plan of any country and must not be read as one.",
)


@dataclass(frozen=True)
class Synth:
    """The rows of a synthetic workbook, and the Excel rows of the two planted findings."""

    activities: list[dict]
    steps: list[dict]
    milestones: list[dict]
    lists: dict[str, list]
    planted: tuple[tuple[int, str], ...]  # (Activities Excel row, column) of each planted finding


def _month(number: int) -> str:
    return calendar.month_name[number]


def _terms(rng: random.Random, year: int) -> str:
    """Terms in one of the forms staff write (every form PRODUCT.md lists)."""
    first = rng.randint(1, 9)
    quarter = rng.randint(1, 3)
    forms = (
        lambda: str(year),
        lambda: f"{_month(first)}-{_month(rng.randint(first + 1, 12))} {year}",
        lambda: f"{ORDINAL[quarter]} and {ORDINAL[quarter + 1]} quarter {year}",
        lambda: f"{_month(first)}, {year}",
        lambda: f"{quarter}th quarter of {year}",  # as the plan writes it ("3th quarter of 2023")
        lambda: f"{_month(first)} {year}; {_month(first + 2)} {year}; {_month(first + 3)} {year}",
        lambda: f"Q{quarter + 1} {year}",
        lambda: f"{ORDINAL[rng.randint(1, 2)]} half of {year}",
        lambda: f"H{rng.randint(1, 2)} {year}",
        lambda: f"{_month(first + 3)} {year} - {_month(rng.randint(1, 6))} {year + 1}",
        lambda: f"{rng.randint(1, 28)} {_month(first)} {year}",
        lambda: f"{year}-{year + 1}",
    )
    return rng.choice(forms)()


def _span_end(terms: str, year: int) -> date:
    """Roughly when an activity with these terms ends (for consistent statuses; the loader reads the real one)."""
    from .terms import parse_terms  # here, not at import: terms are parsed only while generating

    span = parse_terms(terms, default_year=year)
    return span.end if span else date(year, 12, 31)


def _report(rng: random.Random, activity: dict, end: date) -> None:
    """Fill Status, Progress %, Last update and Notes for about half of the activities, as of REPORTED_ON."""
    if rng.random() < 0.45:
        return  # not reported: Status stays blank
    if end < REPORTED_ON:
        status = rng.choices(
            (Reported.COMPLETED, Reported.IN_PROGRESS, Reported.POSTPONED, Reported.CANCELLED, Reported.PLANNED),
            (60, 15, 10, 5, 10),
        )[0]
    else:
        status = rng.choice((Reported.PLANNED, Reported.IN_PROGRESS))
    activity[A.STATUS] = str(status)
    if status == Reported.COMPLETED:
        activity[A.PROGRESS] = 100
    elif status == Reported.IN_PROGRESS:
        activity[A.PROGRESS] = rng.randrange(10, 95, 5)
    activity[A.LAST_UPDATE] = REPORTED_ON - timedelta(days=rng.randint(0, 400))
    if rng.random() < 0.6:
        activity[A.NOTES] = rng.choice(NOTES)


def synth_rows(activities: int, seed: int = 1) -> Synth:
    """`activities` activities (at least 1) with their steps, the milestones and Lists; same seed, same rows."""
    rng = random.Random(seed)
    plans = [(country, period) for country in COUNTRIES for period in PLAN_PERIODS]
    numbers: dict[tuple[str, int], int] = {}
    acts: list[dict] = []
    steps: list[dict] = []
    domains = list(TOPICS)
    for index in range(max(1, activities)):
        (code, country, cities), (first, last) = plans[index % len(plans)]
        year = first + (index // len(plans)) % (last - first + 1)
        numbers[(code, year)] = number = numbers.get((code, year), 0) + 1
        activity_id = f"{code}-{year}-{number:03d}"
        domain = rng.choice(domains)
        subjects, conventions, programmes = TOPICS[domain]
        subject = rng.choice(subjects)
        place = rng.choice(cities)
        terms = _terms(rng, year)
        activity: dict = {
            A.ID: activity_id,
            A.YEAR: year,
            A.NO: number,
            A.EVENT: f"{rng.choice(ACTIONS)} {subject} in {place} {rng.choice(PURPOSES)}".strip(),
            A.TERMS: terms,
            A.DOMAIN: domain,
            A.CONVENTION: rng.choice(conventions) if conventions and rng.random() < 0.6 else None,
            A.PROGRAMME: rng.choice(programmes) if rng.random() < 0.6 else None,
            A.COUNTERPART: rng.choice(COUNTERPARTS),
            A.LEAD: rng.choice(LEADS),
            A.LOCATIONS: "; ".join(sorted({place, rng.choice(cities)})),
            COUNTRY_COLUMN: country,
            PLAN_COLUMN: f"{country} {first}-{last}",
        }
        end = _span_end(terms, year)
        if rng.random() < 0.03:  # exact dates typed by staff win over Terms
            start = date(year, rng.randint(1, 6), rng.randint(1, 28))
            end = start + timedelta(days=rng.randint(1, 200))
            activity[A.START], activity[A.END] = start, end
        _report(rng, activity, end)
        acts.append(activity)
        for number_of_step in range(1, rng.choice((0, 1, 2, 2, 3, 3, 3, 4, 4, 5)) + 1):
            step = {
                S.ACTIVITY_ID: activity_id,
                S.STEP: number_of_step,
                S.DESCRIPTION: f"{STEP_TEXTS[number_of_step - 1]} ({subject})",
            }
            if rng.random() < 0.2:
                step[S.TERMS] = _terms(rng, year)
            steps.append(step)
    # The two planted findings, at fixed places (Excel row = index + 2).
    unreadable, unlisted = len(acts) // 3, (2 * len(acts)) // 3
    acts[unreadable][A.TERMS] = UNREADABLE_TERMS
    acts[unreadable].pop(A.START, None)
    acts[unreadable].pop(A.END, None)
    acts[unlisted][A.DOMAIN] = UNLISTED_DOMAIN
    planted = ((unreadable + 2, str(A.TERMS)), (unlisted + 2, str(A.DOMAIN)))
    if unreadable == unlisted:
        planted = planted[:1] + ((unlisted + 2, str(A.DOMAIN)),)
    milestones = [dict(milestone) for milestone in SEED_MILESTONES]
    lists = {name: list(values) for name, values in SEED_LISTS.items()}
    return Synth(acts, steps, milestones, lists, planted)


def write_synth(path: str | PathLike[str], activities: int, seed: int = 1, *, styled: bool | None = None) -> Synth:
    """Write a synthetic plan workbook; returns its rows.

    `styled` (default: up to STYLED_UP_TO activities) uses the project's writer, with drop-downs, formats and the
    guide; otherwise the same sheets, headers and cells are streamed by openpyxl's write-only mode, unformatted.
    """
    rows = synth_rows(activities, seed)
    if styled if styled is not None else activities <= STYLED_UP_TO:
        write_workbook(path, rows.activities, rows.steps, rows.milestones, rows.lists, about=list(ABOUT))
    else:
        _write_plain(path, rows)
    return rows


def _write_plain(path: str | PathLike[str], rows: Synth) -> None:
    """The workbook in the contract without formatting: header row, then one row per dict; dates as dates."""
    book = Workbook(write_only=True)
    tables = (
        (contract.ACTIVITIES, contract.ACTIVITY_COLUMNS, rows.activities),
        (contract.STEPS, contract.STEP_COLUMNS, rows.steps),
        (contract.MILESTONES, contract.MILESTONE_COLUMNS, rows.milestones),
    )
    for name, columns, records in tables:
        sheet = book.create_sheet(name)
        headers = contract.column_names(columns)
        headers += [key for key in dict.fromkeys(k for record in records[:50] for k in record) if key not in headers]
        sheet.append(headers)
        for record in records:
            sheet.append([record.get(header) for header in headers])
    lists = book.create_sheet(contract.LISTS)
    names = contract.column_names(contract.LIST_COLUMNS)
    lists.append(names)
    for index in range(max(len(values) for values in rows.lists.values())):
        lists.append([_at(rows.lists.get(name, []), index) for name in names])
    about = book.create_sheet(contract.ABOUT)
    for paragraph in ABOUT:
        about.append([paragraph])
    book.save(path)


def _at(values: list, index: int) -> object:
    return values[index] if index < len(values) else None
