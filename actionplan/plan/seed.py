"""The plan as data: a faithful transcription of the Country Action Plan of Turkmenistan 2021-2023 with UNESCO.

Source: the plan text (shared seed 000_b743a9aec4c6f40b.txt). Event, step and terms texts are the plan's own
words with whitespace normalised (lines broken across the table's page breaks are joined, the steps' "1."
numbering is dropped). Status, Start, End, Progress %, Last update and Notes are blank for every activity:
the plan records intentions, not outcomes. Domain, Convention and Programme are a classification (a
judgement staff may change in the workbook); UNESCO counterpart, National lead and Locations are filled only
where the plan names them.

`build_seed_workbook(path)` writes the shipped data/plan.xlsx; `python -m actionplan.seed [path]` does it
from the command line.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from . import contract
from .facts import PlanFacts
from .status import Reported
from .workbook import write_workbook

# Counterparts as the plan names them, spelled one way.
CLUSTER_OFFICE = "UNESCO Cluster Office in Tehran"
SECRETARIAT = "UNESCO Secretariat"
SCIENCE_POLICY = "Division of Science Policy and Capacity Building"
ASPNET_SECRETARIAT = "Secretariat of the International Network of Associated Schools of UNESCO (ASPnet)"

# Conventions and recommendation, short name -> full official title.
CONVENTIONS: dict[str, str] = {
    "1970 Convention": "Convention on the Means of Prohibiting and Preventing the Illicit Import, Export and "
    "Transfer of Ownership of Cultural Property (1970)",
    "1972 Convention": "Convention concerning the Protection of the World Cultural and Natural Heritage (1972)",
    "2003 Convention": "Convention for the Safeguarding of the Intangible Cultural Heritage (2003)",
    "2005 Convention": "Convention on the Protection and Promotion of the Diversity of Cultural Expressions (2005)",
    "2015 Museums Recommendation": "Recommendation concerning the Protection and Promotion of Museums and "
    "Collections, their Diversity and their Role in Society (2015)",
}

DOMAINS: tuple[str, ...] = ("Culture", "Education", "Science", "Sport", "Social and Human Sciences", "Cooperation")

# Every programme used below, then a few the next plan is likely to name.
PROGRAMMES: tuple[str, ...] = (
    "Creative Cities Network",
    "ASPnet",
    "UNESCO Chairs",
    "SDG 4",
    "IITE",
    "Microscience",
    "MAB",
    "IHP",
    "Silk Roads",
    "World Heritage Sustainable Tourism",
    "MINEPS/CIGEPS",
    "Intercultural dialogue",
    "General Conference",
    "National Commissions",
    "World Heritage Earthen Architecture",
    "Memory of the World",
    "Global Geoparks",
    "Learning Cities",
    "MOST",
)


def _clean(text: str) -> str:
    """Whitespace normalised, line by line (a newline separates two events of one activity)."""
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.strip().split("\n") if line.strip())


def _activity(
    year: int,
    no: int,
    event: str,
    terms: str,
    domain: str,
    convention: str = "",
    programme: str = "",
    counterpart: str = "",
    lead: str = "",
    locations: str = "",
) -> dict:
    return {
        "ID": f"{year}-{no:02d}",
        "Year": year,
        "No.": no,
        "Event": _clean(event),
        "Terms": terms,
        "Domain": domain,
        "Convention": convention or None,
        "Programme": programme or None,
        "UNESCO counterpart": counterpart or None,
        "National lead": lead or None,
        "Locations": locations or None,
    }


# (year, no, event, terms, domain, convention, programme, UNESCO counterpart, national lead, locations)
SEED_ACTIVITIES: tuple[dict, ...] = (
    # ---------------------------------------------------------------- 2021
    _activity(
        2021,
        1,
        "Organizing of the visit of the Director of the UNESCO Cluster office in Tehran in order to "
        "discuss the next steps on developing cooperation between Turkmenistan and UNESCO, particularly "
        "scheduled actions for 2021",
        "2021",
        "Cooperation",
        counterpart=CLUSTER_OFFICE,
    ),
    _activity(
        2021,
        2,
        "Participation in the UNESCO Creative Cities Network",
        "March-December 2021",
        "Culture",
        programme="Creative Cities Network",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2021,
        3,
        "Implementation of the UNESCO 2005 Convention on the Protection and Promotion of the Diversity "
        "of Cultural Expressions",
        "2021",
        "Culture",
        "2005 Convention",
        counterpart=SECRETARIAT,
    ),
    # Event broken across a page break ("Implementation of the UNESCO" / "1972 World Heritage Convention").
    # Its steps span several World Heritage programmes (capacity building, Periodic Reporting, Earthen
    # Architecture, Sustainable Tourism, Silk Roads), so no single Programme is given.
    _activity(
        2021,
        4,
        "Implementation of the UNESCO 1972 World Heritage Convention",
        "2021",
        "Culture",
        "1972 Convention",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2021,
        5,
        "Implementation of the UNESCO 1970 Convention on the fight against the illicit trafficking of "
        "cultural property",
        "2021",
        "Culture",
        "1970 Convention",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2021,
        6,
        "Implementation of the UNESCO 2015 Recommendation concerning the Protection and Promotion of "
        "Museums and Collections",
        "2021",
        "Culture",
        "2015 Museums Recommendation",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2021,
        7,
        'Organization of the presentation and training on project "Microscience Kits" as well as its '
        "management for teachers and pupils of secondary schools of Ashgabat and other regions of "
        "Turkmenistan",
        "September-October 2021",
        "Science",
        programme="Microscience",
        counterpart=SCIENCE_POLICY,
        locations="Ashgabat",
    ),
    # Event broken across a page break ("... for Social and" / "Human Sciences of UNESCO ...").
    _activity(
        2021,
        8,
        "Organize a visit of the Assistant Director-General for Social and Human Sciences of UNESCO to "
        "Turkmenistan to discuss overall cooperation on SHS related agendas.",
        "2021",
        "Social and Human Sciences",
        counterpart="ADG for Social and Human Sciences",
    ),
    _activity(
        2021,
        9,
        "Further development of the cooperation between Turkmenistan and UNESCO on Sport",
        "2021",
        "Sport",
        programme="MINEPS/CIGEPS",
        counterpart="Sport and Youth Unit / CIGEPS Secretariat",
    ),
    _activity(
        2021,
        10,
        "Conduct UNESCO capacity building initiatives focusing on the respect for cultural diversity "
        "and intercultural dialogue, namely the intercultural competencies multi-stakeholder training and the "
        "Master Class against Racism and Discriminations",
        "2021",
        "Social and Human Sciences",
        programme="Intercultural dialogue",
    ),
    _activity(
        2021,
        11,
        "Participation of the High-Level Delegation of Turkmenistan in the 41st Session of the UNESCO "
        "General Conference in Paris",
        "November, 2021",
        "Cooperation",
        programme="General Conference",
        locations="Paris",
    ),
    _activity(
        2021,
        12,
        "Participation of the Delegation of Turkmenistan in the Interregional Meeting of National "
        "Commissions for UNESCO",
        "December 2021",
        "Cooperation",
        programme="National Commissions",
    ),
    _activity(
        2021,
        13,
        "Opening of UNESCO Chairs at the high education institutes of Turkmenistan",
        "2021",
        "Education",
        programme="UNESCO Chairs",
        counterpart=f"Secretariat of UNESCO Chairs; {CLUSTER_OFFICE}",
    ),
    _activity(
        2021,
        14,
        "Undertaking of necessary work on inclusion of the secondary schools of Ashgabat, Anev, "
        "Balkanabat, Dashoguz, Mary and Turkmenabat cities of Turkmenistan into the International Network of "
        "Associated Schools of UNESCO",
        "2021",
        "Education",
        programme="ASPnet",
        counterpart=ASPNET_SECRETARIAT,
        lead="National Commission and the ASPnet National Coordinator",
        locations="Ashgabat; Anev; Balkanabat; Dashoguz; Mary; Turkmenabat",
    ),
    _activity(
        2021,
        15,
        "Implementation of the UNESCO 2003 Convention for the Safeguarding of the Intangible Cultural Heritage",
        "December 2021",
        "Culture",
        "2003 Convention",
        counterpart=f"{SECRETARIAT}; {CLUSTER_OFFICE}",
    ),
    _activity(
        2021,
        16,
        "Implementation and monitoring of the Sustainable Development Goals in Turkmenistan, "
        "particularly the Goal 4 - to ensure inclusive and equitable quality education and promote lifelong "
        "learning opportunities for all - jointly with UNESCO",
        "2021",
        "Education",
        programme="SDG 4",
    ),
    # ---------------------------------------------------------------- 2022
    # Event broken across a page break ("... on developing" / "cooperation between ...").
    _activity(
        2022,
        1,
        "Organizing of the visit of the Director of the UNESCO Cluster office in Tehran in order to "
        "discuss the next steps on developing cooperation between Turkmenistan and UNESCO, particularly "
        "implemented points for 2021 and 2022",
        "January 2022",
        "Cooperation",
        counterpart=CLUSTER_OFFICE,
    ),
    _activity(
        2022,
        2,
        "In order to establish and develop cooperation in field of water management and to discuss "
        "possible projects between Turkmenistan and UNESCO, organization of the visit of Director of Division "
        "of Water Sciences, Secretary of the Intergovernmental Hydrological Programme (IHP). These may include "
        "water cooperation.",
        "March-April 2022",
        "Science",
        programme="IHP",
        counterpart="Division of Water Sciences (IHP)",
    ),
    _activity(
        2022,
        3,
        "Cooperation on an establishment of a potential Transboundary Biosphere Reserve in the Lower Amu Darya basin",
        "2022",
        "Science",
        programme="MAB",
    ),
    _activity(
        2022,
        4,
        "Implementation of the UNESCO 2005 Convention on the Protection and Promotion of the Diversity "
        "of Cultural Expressions",
        "2022",
        "Culture",
        "2005 Convention",
        counterpart=SECRETARIAT,
    ),
    # Two events in one row of the plan (broken across a page break): kept on two lines.
    _activity(
        2022,
        5,
        "Exhibition of paintings and archeological heritage of the Great Silk Road countries in "
        "Turkmenistan\n"
        "Exhibition of the Best photos submitted to the 2nd and 3rd editions of the “Youth Eyes on the Silk "
        "Roads Photo Contest”",
        "2022",
        "Culture",
        programme="Silk Roads",
    ),
    _activity(
        2022,
        6,
        "Implementation and monitoring of the Sustainable Development Goals in Turkmenistan, "
        "particularly the Goal 4 - to ensure inclusive and equitable quality education and promote lifelong "
        "learning opportunities for all jointly with UNESCO",
        "2022",
        "Education",
        programme="SDG 4",
    ),
    _activity(
        2022,
        7,
        "Organization of the visit of the Director of UNESCO Institute for Information Technologies in "
        "Education (IITE) to Turkmenistan",
        "2022",
        "Education",
        programme="IITE",
        counterpart="UNESCO IITE",
    ),
    # Event broken across a page break ("... of UNESCO to" / "Turkmenistan").
    _activity(
        2022,
        8,
        "Organization of the visit of the Director and representatives of the Division of Science "
        "Policy and Capacity building of UNESCO to Turkmenistan",
        "2022",
        "Science",
        counterpart=SCIENCE_POLICY,
    ),
    _activity(
        2022,
        9,
        "Organization of the Exhibition of Turkmen Carpets and Craft Arts at UNESCO Headquarters",
        "2022",
        "Culture",
        locations="Paris",
    ),
    _activity(
        2022,
        10,
        "Undertaking of necessary work on inclusion of secondary schools of Ashgabat, Gokdepe, "
        "Turkmenbashi, Koneurgench, Kerki and Shatlyk cities of Turkmenistan into the International Network "
        "of Associated Schools of UNESCO",
        "2022",
        "Education",
        programme="ASPnet",
        counterpart=ASPNET_SECRETARIAT,
        locations="Ashgabat; Gokdepe; Turkmenbashi; Koneurgench; Kerki; Shatlyk",
    ),
    _activity(
        2022,
        11,
        "Implementation of the UNESCO 1972 World Heritage Convention",
        "2022",
        "Culture",
        "1972 Convention",
        "World Heritage Sustainable Tourism",
        counterpart=SECRETARIAT,
        lead="Ministry of Culture of Turkmenistan",
    ),
    _activity(
        2022,
        12,
        'Organization of the "UNESCO week" at the secondary schools of Turkmenistan joined to the '
        "International Network of Associated Schools of UNESCO, in order to familiarize teachers and pupils "
        "with functions and objectives of UNESCO",
        "2022",
        "Education",
        programme="ASPnet",
    ),
    # ---------------------------------------------------------------- 2023
    _activity(
        2023,
        1,
        "Organizing of the visit of the Director of the UNESCO Cluster office in Tehran in order to "
        "discuss the next steps on developing cooperation between Turkmenistan and UNESCO, particularly "
        "implemented points 2022 and 2023",
        "2023",
        "Cooperation",
        counterpart=CLUSTER_OFFICE,
    ),
    _activity(
        2023,
        2,
        "Implementation of the UNESCO 1972 World Heritage Convention",
        "2nd and 3rd quarter 2023",
        "Culture",
        "1972 Convention",
        "World Heritage Sustainable Tourism",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2023,
        3,
        "Implementation of the UNESCO 2005 Convention on the Protection and Promotion of the Diversity "
        "of Cultural Expressions",
        "2023",
        "Culture",
        "2005 Convention",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2023,
        4,
        "Lecture of the Assistant Director-General of UNESCO for Priority Africa and External Relations "
        "for students of the Institute of International relations of the Ministry of Foreign Affairs of "
        "Turkmenistan, International University of Humanity and Development",
        "February-March 2023",
        "Cooperation",
        counterpart="ADG for Priority Africa and External Relations",
        lead="Institute of International relations of the Ministry of Foreign Affairs of Turkmenistan; "
        "International University of Humanity and Development",
    ),
    _activity(
        2023,
        5,
        "Organizing of the Concert of Turkmen national and modern singers at the UNESCO Headquarters",
        "2023",
        "Culture",
        locations="Paris",
    ),
    # Terms broken across a page break ("2nd quarter" / "2023").
    _activity(
        2023,
        6,
        "Undertaking of necessary work on inclusion of secondary schools of Ashgabat, Kaka, Serdar, "
        "Gorogly, Bairamaly and Turkmenabat cities of Turkmenistan into the International Network of "
        "Associated Schools of UNESCO",
        "2nd quarter 2023",
        "Education",
        programme="ASPnet",
        counterpart=ASPNET_SECRETARIAT,
        locations="Ashgabat; Kaka; Serdar; Gorogly; Bairamaly; Turkmenabat",
    ),
    _activity(
        2023,
        7,
        "Participation in the UNESCO Creative Cities Network",
        "March-December 2023",
        "Culture",
        programme="Creative Cities Network",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2023,
        8,
        "Master class on «Culinary specialties of the Turkmen National Dishes» at the UNESCO Headquarters",
        "2023",
        "Culture",
        locations="Paris",
    ),
    # The terms column lists four dates beside the five steps; kept as the plan reads, joined with "; ".
    _activity(
        2023,
        9,
        "Holding the International Conference in Turkmenistan, dedicated 30th Anniversary of "
        "establishing bilateral relations between Turkmenistan and UNESCO",
        "January 2023; March 2023; April 2023; 3th quarter of 2023",
        "Cooperation",
    ),
    # The 42nd session was held at UNESCO Headquarters in Paris (the plan does not repeat "in Paris" here).
    _activity(
        2023,
        10,
        "Participation of the High-Level Delegation of Turkmenistan in the 42nd Session of the UNESCO "
        "General Conference",
        "November 2023",
        "Cooperation",
        programme="General Conference",
        locations="Paris",
    ),
    _activity(
        2023,
        11,
        "Statement of the Head of the Delegation of Turkmenistan on the achievements of our country "
        "during the 30 Years of cooperation with UNESCO at the 42nd Session of the UNESCO General Conference",
        "November 2023",
        "Cooperation",
        programme="General Conference",
        locations="Paris",
    ),
    _activity(
        2023,
        12,
        "Organization a reception on the occasion of the 30th Anniversary of establishing bilateral "
        "relations between Turkmenistan and UNESCO",
        "November 2023",
        "Cooperation",
    ),
    _activity(
        2023,
        13,
        "Implementation of the UNESCO 2003 Convention for the Safeguarding of the Intangible Cultural Heritage",
        "December 2023",
        "Culture",
        "2003 Convention",
        counterpart=SECRETARIAT,
    ),
    _activity(
        2023,
        14,
        "Participation of the Delegation of Turkmenistan in the Interregional Meeting of National "
        "Commissions for UNESCO",
        "December 2023",
        "Cooperation",
        programme="National Commissions",
    ),
)


def _steps(activity_id: str, *descriptions: str | tuple[str, str]) -> list[dict]:
    """One row per step; a (description, terms) pair gives a step its own terms."""
    rows = []
    for number, item in enumerate(descriptions, start=1):
        text, terms = item if isinstance(item, tuple) else (item, None)
        rows.append({"Activity ID": activity_id, "Step": number, "Description": _clean(text), "Terms": terms})
    return rows


# Activities whose mechanism is empty in the plan (2021-01, 2021-08, 2021-11, 2021-12, 2022-01, 2022-03,
# 2023-01, 2023-10, 2023-11, 2023-12, 2023-14) have no steps.
SEED_STEPS: tuple[dict, ...] = tuple(
    _steps(
        "2021-02",
        "UNESCO's Secretariat will provide technical support and guidance to the authorities of Turkmenistan in "
        "the preparation of applications for the designation of Turkmen cities as UNESCO Creative Cities",
        "Collaboration between the two parties in different fields at the nexus of culture, creativity and "
        "cities will be explored, particularly through the organization of conference, workshops or "
        "awareness-raising activity",
    )
    + _steps(
        "2021-03",
        "UNESCO's Secretariat will support Turkmenistan's authorities and civil society organizations in the "
        "design and implementation of cultural policies that promote the diversity of cultural expressions and "
        "the development of a dynamic local creative sector",
    )
    # Step 1 broken across a page break ("... support the organization" / "of a national capacity-building ...").
    + _steps(
        "2021-04",
        "UNESCO's Secretariat will support the organization of a national capacity-building workshop targeting "
        "relevant stakeholders from the heritage properties in Turkmenistan inscribed on the World Heritage "
        "List and its Tentative List",
        "UNESCO's Secretariat will support Turkmenistan in the context of the Periodic Reporting process for "
        "the Asia and the Pacific region",
        "UNESCO's Secretariat, in the framework of the UNESCO World Heritage Earthen Architecture Programme, "
        "will support the organization of a Regional capacity building workshop on the conservation and "
        "management of earthen heritage structures",
        "UNESCO's Secretariat, in the framework of the UNESCO World Heritage and Sustainable Tourism Programme, "
        "will support the organization of a national capacity-building workshop on sustainable tourism "
        "management and heritage conservation",
        "UNESCO's Secretariat, through the Silk Roads World Heritage nomination project, will provide upstream "
        "support for the harmonization of its Tentative List and potential heritage corridor nomination(s), in "
        "collaboration with other State Parties in Central Asia",
    )
    # Step 1 broken across a page break ("... tools/mechanisms and" / "preventive measures ...").
    + _steps(
        "2021-05",
        "UNESCO's Secretariat will organize a national workshop (online or in presential depending on the "
        "global health situation) aimed at explaining to national authorities the existing tools/mechanisms and "
        "preventive measures in fighting the illicit trafficking of cultural property in cooperation with "
        "UNESCO's key technical partners INTERPOL, UNODC, WCO, ICOM and UNIDROIT",
        "With a view to promote the ratification of the 1970 Convention, UNESCO's Secretariat will liaise with "
        "Turkmen authorities and provide continuous technical and legal assistance in this regard",
        "UNESCO's Secretariat will participate at a regional conference aimed at examining regional priorities "
        "regarding illicit trafficking of cultural property in the framework of the celebration of 50th "
        "anniversary of the 1970 Convention.",
    )
    + _steps(
        "2021-06",
        "UNESCO's Secretariat will support the organization of a national capacity building workshop on "
        "disaster risk management at museums",
    )
    + _steps(
        "2021-07",
        "Working out the dates of the visit based on the schedule of the Representatives of Division of Science "
        "Policy and Capacity building",
        "Preparing the programme and agenda of the visit",
        "Organization of the visit, presentation and training",
    )
    # Four unnumbered paragraphs = four steps; the fourth names its own date ("in June 2021").
    + _steps(
        "2021-09",
        "Active participation in conducting UNESCO capacity building initiatives focusing on the field of "
        "sport, physical education, promotion of healthy lifestyle and anti-doping policy.",
        "Participation of Turkmenistan in the work of CIGEPS as «observer Member States».",
        "Organizing the visit of the Director of the Sport and Youth Unit, Secretary of CIGEPS of UNESCO to "
        "Turkmenistan.",
        (
            "Participation of the High-Level Delegation of Turkmenistan to the MINEPS VII Conference, in June "
            "2021, hosted by Kenya",
            "June 2021",
        ),
    )
    # An introductory paragraph (the three-day workshop, ending "including") and a numbered item under it
    # ("1. Training ..."): kept as the plan lays them out, two rows, the workshop then its training.
    + _steps(
        "2021-10",
        "Organization of a three-day workshop on intercultural dialogue and culture of peace to foster mutual "
        "understanding as a means of overcoming conflict, sustaining peace, and contributing to inclusive "
        "development for teachers and representatives of government and local communities including",
        "Training on the development of intercultural competencies based on the UNESCO tools “Story Circles” "
        "and “Writing Peace”",
    )
    + _steps(
        "2021-13",
        "Identify a topic of strategic priority, in close consultation with UNESCO and Teheran office",
        "Preparation of relevant documentation",
        "Submission of an application to the Secretariat of UNESCO Chairs",
    )
    + _steps(
        "2021-14",
        "Preparation of relevant documentation for the nomination through the National Commission and the "
        "ASPnet National Coordinator",
        "Submission of an application to the Secretariat of the International Network of Associated Schools of UNESCO",
    )
    # Step 1 broken across a page break ("... community-based inventorying," / "the development of ...").
    + _steps(
        "2021-15",
        "UNESCO's Secretariat will provide technical support and guidance to reinforce the country's "
        "implementation of the 2003 Convention on activities such as capacity-building workshops on "
        "community-based inventorying, the development of intangible cultural heritage safeguarding plans and "
        "the preparation of nomination files, as well as strategic actions on cross-cutting themes related to "
        "intangible cultural heritage and education and intangible cultural heritage and sustainable "
        "development",
        "UNESCO's Secretariat will provide technical support and the guidance to the organization of a national "
        "capacity-building workshop on community-based inventorying in cooperation with the UNESCO Cluster "
        "Office in Teheran",
    )
    + _steps(
        "2021-16",
        "Under the UN Partnership Development Framework Programme for Turkmenistan, identify thematic area to "
        "strengthen the implementation of SDG 4",
    )
    + _steps(
        "2022-02",
        "Working out the dates of the visit based on the schedule of the Director of Division of Water Sciences",
        "Formation of a visit program and agenda for negotiations",
        "Organization of the visit",
    )
    + _steps(
        "2022-04",
        "UNESCO's Secretariat will support Turkmenistan's authorities and civil society organizations in the "
        "design and implementation of cultural policies that promote the diversity of cultural expressions and "
        "the development of a dynamic local creative sector",
    )
    + _steps(
        "2022-05",
        "Joint determination of the dates of the event",
        "Formation of the Exhibition program and list of participants",
        "Distribution of invitations",
        "Holding of the Exhibition",
    )
    + _steps(
        "2022-06",
        "Under the UN Partnership Development Framework Programme for Turkmenistan, continue cooperation in the "
        "thematic area to strengthen the implementation of SDG 4",
    )
    + _steps(
        "2022-07",
        "Working out the dates of the visit based on the schedule of the Director of UNESCO IITE",
        "Formation of the program of the visit and agenda for negotiations",
        "Organization of the visit",
    )
    # Step 2 broken across a page break ("... agenda for" / "negotiations").
    + _steps(
        "2022-08",
        "Working out the dates of the visit based on the schedule of the Director of Division of Science Policy "
        "and Capacity building of UNESCO",
        "Formation of the program of the visit and agenda for negotiations",
        "Organization of the visit",
    )
    + _steps(
        "2022-09",
        "Joint determination of the dates of the event",
        "Preparing of the programme of the Opening ceremony of the Exhibition and list of participants",
        "Achieving of participation of High-Level representatives from UNESCO and Turkmenistan at the opening ceremony",
        "Distribution of invitations",
        "Holding of the Exhibition",
    )
    + _steps(
        "2022-10",
        "Preparation of relevant documentation for the nomination",
        "Submission of an application to the Secretariat of the International Network of Associated Schools of UNESCO",
    )
    # Step 1 broken across a page break ("... World Heritage" / "properties in Turkmenistan").
    + _steps(
        "2022-11",
        "UNESCO's Secretariat will support the establishment of a consultative mechanism to enhance the "
        "management and conservation of World Heritage properties in Turkmenistan",
        "In the context of the UNESCO World Heritage and Sustainable Tourism Programme, UNESCO's Secretariat "
        "will support the Ministry of Culture of Turkmenistan in the organization of capacity-building "
        "initiatives targeting specialized Silk Roads tour guides",
    )
    # The third step has no number in the plan ("Holding of events") but is a step.
    + _steps(
        "2022-12",
        "Joint determination of the dates of events",
        "Developing of concept and programme of events",
        "Holding of events",
    )
    # Step 1 broken across a page break ("... Sustainable Tourism" / "Programme, the organization ...").
    + _steps(
        "2023-02",
        "UNESCO's Secretariat will support, in the context of the UNESCO World Heritage and Sustainable Tourism "
        "Programme, the organization of a Tourism Forum with the participation of tourist companies from the "
        "Great Silk Road countries",
        "UNESCO's Secretariat will support the organization of a Meeting of the Coordinating Committee of the "
        "Silk Roads Serial World Heritage Nomination",
    )
    + _steps(
        "2023-03",
        "UNESCO's Secretariat will support Turkmenistan's authorities and civil society organizations in the "
        "design and implementation of cultural policies that promote the diversity of cultural expressions and "
        "the development of a dynamic local creative sector",
    )
    + _steps(
        "2023-04",
        "Working out the dates of the visit based on the schedule of the ADG",
        "Formation of a program and agenda",
        "Organization of the Lecture",
    )
    + _steps(
        "2023-05",
        "Joint determination of the dates of the event",
        "Formation of a list of participants",
        "Distribution of invitations",
        "Holding of the Concert",
    )
    # Step 1 broken across a page break ("... documentation for the" / "nomination").
    + _steps(
        "2023-06",
        "Preparation of relevant documentation for the nomination",
        "Submission of an application to the Secretariat of the International Network of Associated Schools of UNESCO",
    )
    + _steps(
        "2023-07",
        "UNESCO's Secretariat will provide technical support and guidance to the authorities of Turkmenistan in "
        "the preparation of applications for the designation of Turkmen cities as UNESCO Creative Cities",
        "Collaboration between the two parties in different fields at the nexus of culture, creativity and "
        "cities will be explored, particularly through the organization of conference, workshops or "
        "awareness-raising activities",
    )
    + _steps(
        "2023-08",
        "Joint determination of the dates of the event",
        "Distribution of invitations",
        "Holding of the event",
    )
    # The plan's terms column beside these steps reads "January 2023 / March 2023 / April 2023 / 3th quarter of
    # 2023": four dates, one per line, level with steps 1-4, which fill the page; step 5 "Holding of the event"
    # sits alone after the page break with an empty terms cell. The dates are mapped to steps 1-4 in order.
    # Step 5 takes the last date, "3th quarter of 2023": the conference cannot come before its invitations
    # (step 4) and the activity's terms end there, so the 3rd quarter is the only reading the plan allows.
    + _steps(
        "2023-09",
        ("Joint determination of the dates of the event", "January 2023"),
        ("Development of a conference concept", "March 2023"),
        ("Formation of the list of participants", "April 2023"),
        ("Distribution of invitations", "3th quarter of 2023"),
        ("Holding of the event", "3th quarter of 2023"),
    )
    # One paragraph broken across a page break ("... regional reporting cycle of 2024" / "for the Asia ...").
    + _steps(
        "2023-13",
        "UNESCO's Secretariat will provide technical support and guidance to reinforce the country's "
        "implementation of the 2003 Convention on activities such as capacity-building workshops on "
        "community-based inventorying, the development of intangible cultural heritage safeguarding plans and "
        "the preparation of periodic reports in view of the regional reporting cycle of 2024 for the Asia and "
        "the Pacific region, as well as strategic actions on cross-cutting themes related to intangible "
        "cultural heritage and education and intangible cultural heritage and sustainable development",
    )
)

SEED_MILESTONES: tuple[dict, ...] = (
    {
        "Date": dt.date(2021, 11, 9),
        "End": dt.date(2021, 11, 24),
        "Name": "41st session of the UNESCO General Conference",
        "Kind": "General Conference",
        "Place": "Paris",
    },
    {
        "Date": dt.date(2023, 11, 7),
        "End": dt.date(2023, 11, 22),
        "Name": "42nd session of the UNESCO General Conference",
        "Kind": "General Conference",
        "Place": "Paris",
    },
    {
        "Date": dt.date(2025, 10, 30),
        "End": dt.date(2025, 11, 13),
        "Name": "43rd session of the UNESCO General Conference",
        "Kind": "General Conference",
        "Place": "Samarkand",
    },
)

SEED_LISTS: dict[str, list] = {
    contract.LIST_DOMAIN: list(DOMAINS),
    contract.LIST_CONVENTION: list(CONVENTIONS),
    contract.LIST_CONVENTION_TITLE: list(CONVENTIONS.values()),
    contract.LIST_PROGRAMME: list(PROGRAMMES),
    contract.LIST_STATUS: list(Reported.typed_values()),
}

# The plan's own facts, from its heading; it names no issuing body, so none is given.
SEED_FACTS = PlanFacts(
    title="The Country Action Plan of Turkmenistan for 2021-2023 on cooperation with UNESCO",
    country="Turkmenistan",
    first_year=2021,
    last_year=2023,
    parties=("Turkmenistan", "UNESCO"),
)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "plan.xlsx"


def build_seed_workbook(path) -> None:
    """Write the plan, as transcribed above, to a formatted workbook at `path`."""
    write_workbook(
        path,
        [dict(row) for row in SEED_ACTIVITIES],
        [dict(row) for row in SEED_STEPS],
        [dict(row) for row in SEED_MILESTONES],
        {name: list(values) for name, values in SEED_LISTS.items()},
        messages=[],  # the sheet ships empty: key messages are staff's to write
        facts=SEED_FACTS,
    )


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    build_seed_workbook(target)
    print(f"Wrote {target}")
