"""Seed data of the Partnership for Digital Transition, from the SOS presentation.

Source: ``shared/seeds/000_c59d51794b9c8d2b.txt`` (text extracted from slides). Everything
below is what that document says; where it is incomplete or contradicts itself, the
partnership's ``data_notes`` say so instead of filling the gap with invented facts.
Idempotent: every row goes through :func:`coalition.seeding.upsert`.
"""

import datetime

from coalition.models import Organisation, Person
from coalition.seeding import upsert
from partnership import plans_seed
from partnership.models import ExpressionOfInterest, Meeting, Membership, Milestone, Partner, Partnership, Subgroup

PARTNERSHIP_SLUG = "digitalna-tranzicija"

DATA_NOTES = """\
Source: SOS presentation on its membership of the Partnership for Digital Transition (seed 000_c59d51794b9c8d2b).
- Cities: the document says "8 mest" (8 cities) but names only seven: Oulu (coordinator), Sofia (coordinator), \
Helsingborg, Lisbon, Lyon, Rome and SOS (an association of municipalities, listed among the cities). Blank lines \
after Sofia suggest the extraction lost an item; no city was added that the document does not name.
- Ad-hoc working groups: the document lists organisations that "already expressed interest" (Idrija, Tržič and \
Razkrižje municipalities, IJS, MJU, MOP, Danes je nov dan, Flapax, Slovensko združenje za BIM) but not in which \
subgroup, nor any person. They are recorded as accepted expressions of interest from the source document, without \
subgroup and without membership. The document writes "AT-HOC"; read as "ad-hoc".
- SOS "is included in all subgroups": recorded as an organisation membership of SOS in each of the seven subgroups.
- Secretariat contact persons: the document names them but gives no personal e-mail; their contact records hold the \
name and organisation only. The document's contact address for expressing interest is info@skupnostobcin.si.
"""

PURPOSE_SL = """\
vzpostaviti okvir za boljše usklajevanje politik, akterjev in deležnikov upravljanja
boljše razumevanje razvoja mest
prispevati k vzpostavitvi boljše podpore razvoju mest
omogočiti vključevanje mest v pripravo EU politik in jih s tem približati državljanom"""

PURPOSE_EN = """\
to set up a framework for better coordination of policies, actors and governance stakeholders
a better understanding of urban development
to contribute to better support for urban development
to involve cities in preparing EU policies and so bring those policies closer to citizens"""

GOALS_SL = """\
zagotoviti boljše javne storitve za državljane in ustvarjanje poslovnih priložnosti, s poudarkom na \
(vključno z novimi tehnologijami):
zbiranju podatkov (vključno z lastništvom),
boljši uporabi (odprtih) podatkov,
upravljanju s podatki (vključno s sposobnostmi lokalnih skupnosti in vprašanjem zasebnosti) in
digitalnih storitvah."""

GOALS_EN = """\
to provide better public services for citizens and create business opportunities, with emphasis \
(including new technologies) on:
data collection (including ownership),
better use of (open) data,
data management (including the capacities of local communities and privacy) and
digital services."""

KEY_PROBLEMS_SL = """\
Pomanjkanje virov (finančnih in kadrovskih – znanja, spretnosti, sposobnosti)
Pomanjkanje notranjih prioritet
Pomanjkljive evidence, podatki, zakonske podlage
Nezadostno sodelovanje (nacionalno-lokalno, »silosi« znotraj občin/vlade, medobčinsko, lokalno-občani)
Splošno pomanjkanje zaupanja"""

KEY_PROBLEMS_EN = """\
Lack of resources (financial and human: knowledge, skills, capacities)
Lack of internal priorities
Inadequate records, data and legal bases
Insufficient cooperation (national–local, "silos" within municipalities and government, between municipalities, \
local government–citizens)
A general lack of trust"""

# (slug, name_sl, name_en, short_name, kind, country, category, coordinator)
PARTNERS = [
    ("estonija", "Estonija", "Estonia", "", "member_state", "EE", "member_state", True),
    ("hrvaska", "Hrvaška", "Croatia", "", "member_state", "HR", "member_state", False),
    ("nemcija", "Nemčija", "Germany", "", "member_state", "DE", "member_state", False),
    ("madzarska", "Madžarska", "Hungary", "", "member_state", "HU", "member_state", False),
    ("romunija", "Romunija", "Romania", "", "member_state", "RO", "member_state", False),
    ("spanija", "Španija", "Spain", "", "member_state", "ES", "member_state", False),
    ("oulu", "Oulu", "Oulu", "", "foreign_city", "FI", "city", True),
    ("sofija", "Sofija", "Sofia", "", "foreign_city", "BG", "city", True),
    ("helsingborg", "Helsingborg", "Helsingborg", "", "foreign_city", "SE", "city", False),
    ("lizbona", "Lizbona", "Lisbon", "", "foreign_city", "PT", "city", False),
    ("lyon", "Lyon", "Lyon", "", "foreign_city", "FR", "city", False),
    ("rim", "Rim", "Rome", "", "foreign_city", "IT", "city", False),
    ("sos", None, None, "SOS", None, "SI", "city", False),  # the existing Organisation from coalition.seed
    (
        "cemr",
        "Svet evropskih občin in regij (CEMR)",
        "Council of European Municipalities and Regions (CEMR)",
        "CEMR",
        "european_association",
        "BE",
        "european_association",
        False,
    ),
    (
        "eurocities",
        "EUROCITIES",
        "EUROCITIES",
        "EUROCITIES",
        "european_association",
        "BE",
        "european_association",
        False,
    ),
    (
        "dg-regio",
        "Evropska komisija – Generalni direktorat za regionalno in mestno politiko (DG REGIO)",
        "European Commission – Directorate-General for Regional and Urban Policy (DG REGIO)",
        "DG REGIO",
        "eu_institution",
        "BE",
        "european_commission",
        False,
    ),
    (
        "dg-connect",
        "Evropska komisija – Generalni direktorat za komunikacijska omrežja, vsebine in tehnologijo (DG CONNECT)",
        "European Commission – Directorate-General for Communications Networks, Content and Technology (DG CONNECT)",
        "DG CONNECT",
        "eu_institution",
        "BE",
        "european_commission",
        False,
    ),
    ("urbact", "URBACT", "URBACT", "URBACT", "other", "FR", "observer", False),
]

# The secretariat's contact persons, as the document names them (name and organisation only).
CONTACTS = ["Urša Rupar", "Saša Kek", "Alja Babič", "Marko Zabreznik", "Barbara Horvat"]

_SUBGROUP_WORK_SL = (
    "Podskupina partnerstva za digitalno tranzicijo. Podskupine podrobneje proučijo svoje področje in pripravijo "
    "delne akcijske načrte, ki jih usklajujejo med seboj in kasneje združijo v akcijski načrt partnerstva."
)
_SUBGROUP_WORK_EN = (
    "A subgroup of the Partnership for Digital Transition. The subgroups study their area in depth and prepare "
    "partial action plans, which they coordinate with each other and later combine into the partnership's action plan."
)

EGOVERNMENT_SL = (
    _SUBGROUP_WORK_SL
    + """

Boljša zakonodaja: izpostavljena so javna naročila – vloga javnih naročnikov kot predstavnikov trga je velika sama \
po sebi, njihova odprtost za sodelovalne inovacije pa je lahko na dolgi rok še pomembnejša; sporazumi za storitve \
v življenjski dobi (večje potrebe po vključevanju javnih naročnikov, zasebnih ponudnikov in ljudi kot končnih \
uporabnikov v celotnem življenjskem ciklu); zakonodajni razvoj s spodbudami za javno-zasebno-civilnodružbena \
partnerstva (PPPP); prepoznavanje ovir v EU, nacionalni in lokalni zakonodaji ter praksi, ki ovirajo širšo uporabo \
digitalnih rešitev in dostopnost javnih storitev v elektronski obliki; priporočila, kako izboljšati izvajanje \
načrta EU za e-upravo 2016–2020 na lokalni ravni; ključni standardi interoperabilnosti in funkcionalnosti.

Financiranje: prepoznavanje vidikov financiranja, ki zavirajo hitrejšo digitalizacijo, in predlogi za njihovo \
odpravo; prepoznavanje ozkih grl in poenostavitev pravil za inovativno javno naročanje pri digitalizaciji služb; \
finančni predlogi, morda za razpravo o večletnem finančnem okviru.

Znanje: portfelj dobrih izkušenj z zakonodajo, ki pospešuje razvoj e-uprave; opredelitev in izmenjava najboljših \
praks pri izvajanju rešitev e-upravljanja v urbanih območjih EU; predlog okvira za merjenje uspešnosti \
(benchmarking) e-uprave za lokalne skupnosti s poudarkom na ključnih rezultatih."""
)

EGOVERNMENT_EN = (
    _SUBGROUP_WORK_EN
    + """

Better regulation: public procurement stands out – the role of public buyers as market actors is large in itself, \
and their openness to collaborative innovation may matter even more in the long run; life-cycle service agreements \
(a greater need to involve public buyers, private providers and people as end users throughout the life cycle); \
legislative development with incentives for public-private-people partnerships (PPPP); identifying barriers in EU, \
national and local law and practice that hinder wider use of digital solutions and access to public services \
online; recommendations on improving the EU eGovernment Action Plan 2016–2020 for local public administration, \
so that it is implemented quickly and effectively at local level; key interoperability and functionality standards.

Better funding: identifying the funding aspects that block faster digitalisation and proposing how to remove them; \
identifying bottlenecks and simplifying the rules for innovative public procurement of digital services; financial \
proposals, possibly for the discussion of the multiannual financial framework.

Better knowledge: a portfolio of good experience with legislation that speeds up eGovernment; identifying and \
sharing best practices in implementing eGovernment solutions in urban areas of the EU; proposing an eGovernment \
benchmarking framework for local communities, focused on key results."""
)

# (slug, name_sl, name_en, kind, contact)
SUBGROUPS = [
    ("ezdravje", "eZdravje", "eHealth", "priority", "Urša Rupar"),
    ("euprava", "eUprava", "eGovernment", "priority", "Saša Kek"),
    ("urbano-nacrtovanje", "Urbano načrtovanje", "Urban planning", "priority", "Alja Babič"),
    (
        "5g-in-napredne-tehnologije",
        "5G in druge napredne tehnologije",
        "5G and other advanced technologies",
        "priority",
        "Marko Zabreznik",
    ),
    (
        "tehnolosko-napredno-ucenje",
        "Tehnološko napredno učenje in kompetence 21. stoletja",
        "Technology-advanced learning and 21st-century skills",
        "priority",
        "Barbara Horvat",
    ),
    ("podatki-in-standardi", "Podatki in standardi", "Data and standards", "horizontal", "Marko Zabreznik"),
    ("poslovni-modeli", "Poslovni modeli", "Business models", "horizontal", "Saša Kek"),
]

MILESTONES = [
    ("orientation_paper", "Potrditev izhodiščnega dokumenta", "Orientation paper approved", datetime.date(2017, 3, 1)),
    ("first_draft", "Prvi osnutek akcijskega načrta", "First draft of the action plan", datetime.date(2018, 1, 1)),
    ("final_action_plan", "Končni akcijski načrt", "Final action plan", datetime.date(2018, 9, 1)),
]

# (slug, name, name_en, short_name, kind); municipalities are looked up by name instead.
INTERESTED_MUNICIPALITIES = ["Idrija", "Tržič", "Razkrižje"]
INTERESTED_ORGANISATIONS = [
    ("ijs", "Institut »Jožef Stefan«", "Jožef Stefan Institute", "IJS", "research"),
    ("mju", "Ministrstvo za javno upravo", "Ministry of Public Administration", "MJU", "government"),
    (
        "mop",
        "Ministrstvo za okolje in prostor",
        "Ministry of the Environment and Spatial Planning",
        "MOP",
        "government",
    ),
    ("danes-je-nov-dan", "Danes je nov dan", "", "", "ngo"),
    ("flapax", "Flapax", "", "", "company"),
    ("slovensko-zdruzenje-za-bim", "Slovensko združenje za BIM", "Slovenian BIM Association", "", "ngo"),
]
INTEREST_NOTE = (
    "Iz izhodiščnega dokumenta SOS: izrazili interes za sodelovanje v ad-hoc delovnih skupinah; "
    "dokument ne navaja, v kateri podskupini."
)


def load(report):
    partnership = upsert(
        report,
        Partnership,
        {"slug": PARTNERSHIP_SLUG},
        {
            "name_sl": "Partnerstvo za digitalno tranzicijo",
            "name_en": "Partnership for Digital Transition",
            "purpose_sl": PURPOSE_SL,
            "purpose_en": PURPOSE_EN,
            "goals_sl": GOALS_SL,
            "goals_en": GOALS_EN,
            "key_problems_sl": KEY_PROBLEMS_SL,
            "key_problems_en": KEY_PROBLEMS_EN,
            "sos_joined_on": datetime.date(2016, 12, 22),
            "data_notes": DATA_NOTES,
        },
    )
    sos = Organisation.objects.get(slug="sos")
    _load_partners(report, partnership, sos)
    contacts = _load_contacts(report, sos)
    subgroups = _load_subgroups(report, partnership, contacts, sos)
    _load_timeline(report, partnership, subgroups)
    _load_interest(report, partnership)
    plans_seed.load(report)  # the eGovernment subgroup's orientation paper (partnership/plans_seed.py)


def _load_partners(report, partnership, sos):
    for order, (slug, name, name_en, short_name, kind, country, category, coordinator) in enumerate(PARTNERS):
        if slug == "sos":
            organisation = sos
        else:
            values = {"name": name, "name_en": name_en, "short_name": short_name, "kind": kind, "country": country}
            organisation = upsert(report, Organisation, {"slug": slug}, values)
        upsert(
            report,
            Partner,
            {"partnership": partnership, "organisation": organisation},
            {"category": category, "is_coordinator": coordinator, "order": order},
        )


def _load_contacts(report, sos):
    return {
        name: upsert(
            report,
            Person,
            {"name": name, "organisation": sos},
            # The presentation publishes their names as the contacts for each area.
            {"position": "Sekretariat SOS", "show_name_publicly": True},
        )
        for name in CONTACTS
    }


def _load_subgroups(report, partnership, contacts, sos):
    subgroups = {}
    for order, (slug, name_sl, name_en, kind, contact) in enumerate(SUBGROUPS):
        subgroup = upsert(
            report,
            Subgroup,
            {"slug": slug},
            {
                "partnership": partnership,
                "name_sl": name_sl,
                "name_en": name_en,
                "description_sl": EGOVERNMENT_SL if slug == "euprava" else _SUBGROUP_WORK_SL,
                "description_en": EGOVERNMENT_EN if slug == "euprava" else _SUBGROUP_WORK_EN,
                "kind": kind,
                "contact_person": contacts[contact],
                "order": order,
            },
        )
        # "SOS je v okviru partnerstva za digitalno tranzicijo vključen v vse podskupine."
        upsert(
            report,
            Membership,
            {"subgroup": subgroup, "organisation": sos, "person": None},
            {"role": Membership.Role.MEMBER},
        )
        subgroups[slug] = subgroup
    return subgroups


def _load_timeline(report, partnership, subgroups):
    for kind, title_sl, title_en, due_on in MILESTONES:
        upsert(
            report,
            Milestone,
            {"partnership": partnership, "kind": kind},
            {"title_sl": title_sl, "title_en": title_en, "due_on": due_on, "month_only": True},
        )
    upsert(
        report,
        Meeting,
        {"slug": "oulu-2017-02"},
        {
            "partnership": partnership,
            "subgroup": subgroups["euprava"],
            "title_sl": "Sestanek partnerstva v Oulu",
            "title_en": "Partnership meeting in Oulu",
            "starts_on": datetime.date(2017, 2, 16),
            "ends_on": datetime.date(2017, 2, 17),
            "place": "Oulu",
            "minutes_sl": "SOS je na sestanku sodeloval v podskupini za eUpravo.",
            "minutes_en": "SOS took part in the eGovernment subgroup at this meeting.",
        },
    )


def _interested_organisations(report):
    for name in INTERESTED_MUNICIPALITIES:
        yield Organisation.objects.municipal().get(municipality__name=name)
    for slug, name, name_en, short_name, kind in INTERESTED_ORGANISATIONS:
        values = {"name": name, "name_en": name_en, "short_name": short_name, "kind": kind, "country": "SI"}
        yield upsert(report, Organisation, {"slug": slug}, values)


def _load_interest(report, partnership):
    for organisation in _interested_organisations(report):
        upsert(
            report,
            ExpressionOfInterest,
            {"partnership": partnership, "organisation": organisation, "source": ExpressionOfInterest.Source.DOCUMENT},
            {
                "organisation_name": organisation.name,
                "status": ExpressionOfInterest.Status.ACCEPTED,
                "message": INTEREST_NOTE,
                "language": "sl",
            },
        )
