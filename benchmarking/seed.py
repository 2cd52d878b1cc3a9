"""The first local eGovernment benchmarking framework, drawn from the source documents.

SOS's presentation asks the eGovernment subgroup to propose "a framework for measuring local
communities' success in eGovernment (benchmarking), focused on key results", notes the wide gap
between pioneering municipalities and those only starting, lists five key problems (resources,
internal priorities, records and data, cooperation, trust) and asks whether any municipality has yet
named a person responsible for digital transformation. The national declaration adds digital skills,
involving users, open standards, interoperable platforms and open data. Each indicator below follows
from one of those statements; its rationale says which.

Version 1 is published once created. A published version is never edited: if these rows change,
the seed leaves version 1 alone and the secretariat makes version 2 (``services.copy_framework``).
"""

# ruff: noqa: E501 - SVG markup and bilingual prose read better unbroken

from decimal import Decimal

from benchmarking.models import Framework, Indicator
from coalition.seeding import upsert

FRAMEWORK = {
    "version": 1,
    "name_sl": "Okvir za merjenje uspešnosti lokalne e-uprave",
    "name_en": "Local eGovernment benchmarking framework",
    "description_sl": (
        "Prvi nabor kazalnikov, s katerimi občine same ocenijo, kako daleč so pri digitalni preobrazbi. "
        "Izhaja iz naloge podskupine eUprava, da predlaga okvir za merjenje uspešnosti lokalnih skupnosti "
        "s poudarkom na ključnih rezultatih, in iz zavez nacionalne deklaracije."
    ),
    "description_en": (
        "A first set of indicators with which municipalities assess how far their digital transformation has come. "
        "It follows from the eGovernment subgroup's task to propose a benchmarking framework for local communities "
        "focused on key results, and from the commitments of the national declaration."
    ),
}

Y, P, N, M = "yes_no", "percentage", "number", "maturity_0_4"

# (code, area, subgroup slug, answer type, target, unit sl/en, name sl/en, explanation sl/en, rationale sl/en)
INDICATORS = [
    (
        "DT-LEAD",
        "governance",
        "euprava",
        Y,
        None,
        ("", ""),
        ("Imenovana oseba, odgovorna za digitalno preobrazbo", "Named person responsible for digital transformation"),
        (
            "Občina je z aktom ali sistemizacijo imenovala osebo, ki je odgovorna za pametno mesto oziroma "
            "digitalno preobrazbo občine.",
            "The municipality has formally named a person responsible for the smart city or its digital "
            "transformation.",
        ),
        (
            "Izhodiščna predstavitev SOS sprašuje, ali je katera slovenska občina že imenovala tako osebo.",
            "SOS's presentation asks whether any Slovenian municipality has yet named such a person.",
        ),
    ),
    (
        "DT-STRATEGY",
        "governance",
        "euprava",
        M,
        Decimal(3),
        ("", ""),
        ("Digitalna preobrazba v strategiji občine", "Digital transformation in the municipality's strategy"),
        (
            "0 – ni omenjena; 1 – omenjena; 2 – cilji so zapisani; 3 – cilji imajo ukrepe, roke in nosilce; "
            "4 – cilji se redno spremljajo in javno poročajo.",
            "0 – not mentioned; 1 – mentioned; 2 – goals written down; 3 – goals have actions, deadlines and owners; "
            "4 – goals are monitored and reported publicly.",
        ),
        (
            "V večini občin digitalizacija in pametna mesta niso strateška prednost (pomanjkanje notranjih prioritet).",
            "Most municipalities do not treat digitalisation and smart cities as a strategic priority.",
        ),
    ),
    (
        "DT-BUDGET",
        "governance",
        "poslovni-modeli",
        Y,
        None,
        ("", ""),
        ("Proračunska postavka za digitalno preobrazbo", "Budget line for digital transformation"),
        (
            "Proračun občine za tekoče leto ima posebno postavko za digitalne storitve in digitalno preobrazbo.",
            "This year's municipal budget has a dedicated line for digital services and digital transformation.",
        ),
        (
            "Pomanjkanje finančnih virov je prvi od petih ključnih problemov občin.",
            "A lack of funding is the first of the five key problems of municipalities.",
        ),
    ),
    (
        "SVC-ONLINE",
        "services",
        "euprava",
        P,
        Decimal(50),
        ("%", "%"),
        ("Delež občinskih storitev, dostopnih na spletu", "Share of municipal services available online"),
        (
            "Delež storitev in vlog občine, ki jih prebivalci in podjetja lahko začnejo na spletu "
            "(na spletni strani občine ali na državnem portalu).",
            "Share of the municipality's services and applications that residents and businesses can start online "
            "(on the municipal website or the national portal).",
        ),
        (
            "Cilj partnerstva so boljše javne storitve za državljane, s poudarkom na digitalnih storitvah.",
            "The partnership's goal is better public services for citizens, with an emphasis on digital services.",
        ),
    ),
    (
        "SVC-END-TO-END",
        "services",
        "euprava",
        P,
        Decimal(25),
        ("%", "%"),
        (
            "Delež storitev, ki jih je mogoče v celoti opraviti elektronsko",
            "Share of services that can be completed fully online",
        ),
        (
            "Delež storitev, pri katerih sta oddaja in odgovor (z e-podpisom in e-plačilom, kjer je potrebno) "
            "v celoti elektronska.",
            "Share of services where both the application and the decision (with e-signature and e-payment where "
            "needed) are fully electronic.",
        ),
        (
            "Podskupina eUprava išče ovire, ki preprečujejo dostopnost javnih storitev v elektronski obliki.",
            "The eGovernment subgroup looks for barriers that keep public services from being available electronically.",
        ),
    ),
    (
        "SVC-CODESIGN",
        "services",
        "euprava",
        Y,
        None,
        ("", ""),
        ("Uporabniki sodelujejo pri razvoju storitev", "Residents involved in designing digital services"),
        (
            "V zadnjem letu je občina pri razvoju ali prenovi vsaj ene digitalne storitve vključila prebivalce "
            "(testiranje, delavnica, anketa).",
            "In the last year the municipality involved residents (testing, workshop, survey) in developing or "
            "redesigning at least one digital service.",
        ),
        (
            "Podpisniki deklaracije se zavezujejo k vključevanju končnih uporabnikov v razvoj digitalnih storitev.",
            "Signatories of the declaration commit to involving end users in developing digital services.",
        ),
    ),
    (
        "SVC-ACCESSIBLE",
        "services",
        "euprava",
        M,
        Decimal(3),
        ("", ""),
        ("Dostopnost spletnih storitev", "Accessibility of online services"),
        (
            "0 – ni preverjena; 1 – izjava o dostopnosti objavljena; 2 – pregled opravljen; "
            "3 – glavne ovire odpravljene; 4 – redno testiranje z uporabniki z oviranostmi.",
            "0 – not checked; 1 – accessibility statement published; 2 – audit done; 3 – main barriers removed; "
            "4 – regular testing with disabled users.",
        ),
        (
            "Deklaracija zahteva, da so digitalne storitve prijazne uporabnikom in prilagojene njihovim možnostim.",
            "The declaration asks for digital services that are user-friendly and suit people's abilities.",
        ),
    ),
    (
        "DATA-OPEN",
        "data",
        "podatki-in-standardi",
        N,
        Decimal(5),
        ("zbirke", "data sets"),
        ("Objavljene odprte podatkovne zbirke", "Open data sets published"),
        (
            "Število podatkovnih zbirk, ki jih je občina objavila kot odprte podatke (npr. na portalu OPSI).",
            "Number of data sets the municipality has published as open data (for example on the OPSI portal).",
        ),
        (
            "Partnerstvo poudarja boljšo uporabo (odprtih) podatkov; deklaracija odprt dostop do podatkov.",
            "The partnership stresses better use of (open) data; the declaration calls for open access to data.",
        ),
    ),
    (
        "DATA-GOVERNANCE",
        "data",
        "podatki-in-standardi",
        Y,
        None,
        ("", ""),
        ("Pravila upravljanja podatkov", "Data management rules"),
        (
            "Občina ima sprejeta pravila o lastništvu, kakovosti, zasebnosti in izmenjavi svojih podatkov.",
            "The municipality has adopted rules on the ownership, quality, privacy and sharing of its data.",
        ),
        (
            "Upravljanje s podatki, vključno z lastništvom in zasebnostjo, je eden od ciljev partnerstva.",
            "Data management, including ownership and privacy, is one of the partnership's goals.",
        ),
    ),
    (
        "STD-OPEN",
        "standards",
        "podatki-in-standardi",
        M,
        Decimal(3),
        ("", ""),
        ("Odprti standardi in interoperabilne platforme", "Open standards and interoperable platforms"),
        (
            "0 – zaprte rešitve enega ponudnika; 1 – odprti standardi se upoštevajo občasno; 2 – zahtevani pri novih "
            "naročilih; 3 – ključni sistemi si izmenjujejo podatke prek odprtih vmesnikov (API); "
            "4 – povezani s skupno referenčno platformo.",
            "0 – closed single-vendor systems; 1 – open standards considered now and then; 2 – required in new "
            "procurements; 3 – key systems exchange data through open interfaces (APIs); 4 – connected to a shared "
            "reference platform.",
        ),
        (
            "Deklaracija se zavezuje k odprtim standardom in interoperabilnim platformam, ki ne vežejo na enega ponudnika.",
            "The declaration commits to open standards and interoperable platforms that avoid vendor lock-in.",
        ),
    ),
    (
        "PROC-EPROCUREMENT",
        "procurement",
        "euprava",
        P,
        Decimal(75),
        ("%", "%"),
        ("Digitalne storitve, naročene z e-naročanjem", "Digital services bought through e-procurement"),
        (
            "Delež javnih naročil digitalnih storitev in opreme v zadnjem letu, izvedenih z elektronskim javnim "
            "naročanjem.",
            "Share of last year's public procurements of digital services and equipment run through electronic "
            "public procurement.",
        ),
        (
            "Podskupina eUprava izpostavlja javna naročila in poenostavitev pravil za inovativno javno naročanje.",
            "The eGovernment subgroup highlights public procurement and simpler rules for innovative procurement.",
        ),
    ),
    (
        "PROC-INNOVATION",
        "procurement",
        "poslovni-modeli",
        Y,
        None,
        ("", ""),
        (
            "Inovativno naročilo ali javno-zasebno partnerstvo za digitalno rešitev",
            "Innovative procurement or partnership for a digital solution",
        ),
        (
            "V zadnjih treh letih je občina digitalno rešitev pridobila z inovativnim javnim naročilom ali v "
            "javno-zasebno-civilnem partnerstvu.",
            "In the last three years the municipality obtained a digital solution through innovative public "
            "procurement or a public-private-civil partnership.",
        ),
        (
            "Predstavitev omenja spodbude za javno-zasebno-civilna partnerstva (PPPP) in sodelovalne inovacije.",
            "The presentation mentions incentives for public-private-people partnerships and collaborative innovation.",
        ),
    ),
    (
        "SKL-RESIDENTS",
        "skills",
        "tehnolosko-napredno-ucenje",
        N,
        Decimal(4),
        ("dejavnosti", "activities"),
        ("Dejavnosti za digitalne veščine prebivalcev", "Digital-skills activities for residents"),
        (
            "Število tečajev, delavnic ali drugih dejavnosti za digitalne veščine prebivalcev, ki jih je občina v "
            "zadnjem letu izvedla ali sofinancirala.",
            "Number of courses, workshops or other digital-skills activities for residents the municipality ran or "
            "co-funded in the last year.",
        ),
        (
            "Deklaracija se zavezuje h krepitvi digitalnih veščin in digitalne pismenosti ljudi.",
            "The declaration commits to strengthening people's digital skills and digital literacy.",
        ),
    ),
    (
        "SKL-STAFF",
        "skills",
        "tehnolosko-napredno-ucenje",
        P,
        Decimal(25),
        ("%", "%"),
        ("Zaposleni, usposobljeni za digitalno delo", "Staff trained for digital work"),
        (
            "Delež zaposlenih v občinski upravi, ki so se v zadnjem letu usposabljali za digitalne veščine.",
            "Share of municipal staff who took digital-skills training in the last year.",
        ),
        (
            "Pomanjkanje znanja, spretnosti in sposobnosti je med ključnimi problemi občin.",
            "A lack of knowledge, skills and capacity is among the key problems of municipalities.",
        ),
    ),
    (
        "COOP-PARTNERSHIP",
        "cooperation",
        "euprava",
        Y,
        None,
        ("", ""),
        (
            "Sodelovanje v partnerstvu ali njegovih podskupinah",
            "Taking part in the partnership or its subgroups",
        ),
        (
            "Občina sodeluje v Partnerstvu za digitalno tranzicijo, v eni od njegovih podskupin ali v Slovenski "
            "digitalni koaliciji.",
            "The municipality takes part in the Partnership for Digital Transition, one of its subgroups or the "
            "Slovenian Digital Coalition.",
        ),
        (
            "Predstavitev vabi vse zainteresirane, da izrazijo interes za sodelovanje v podskupinah.",
            "The presentation invites everyone interested to express interest in a subgroup.",
        ),
    ),
    (
        "COOP-SHARED",
        "cooperation",
        "poslovni-modeli",
        N,
        Decimal(1),
        ("rešitve", "solutions"),
        (
            "Digitalne rešitve, deljene z drugimi občinami",
            "Digital solutions shared with other municipalities",
        ),
        (
            "Število digitalnih rešitev, ki jih občina uporablja skupaj z drugimi občinami ali jih je z njimi delila.",
            "Number of digital solutions the municipality uses jointly with, or has shared with, other municipalities.",
        ),
        (
            "Nezadostno medobčinsko sodelovanje in »silosi« so eden od petih ključnih problemov.",
            "Poor cooperation between municipalities and silos are one of the five key problems.",
        ),
    ),
]


def load(report):
    framework = Framework.objects.filter(version=FRAMEWORK["version"]).first()
    if framework is not None and framework.is_published:
        return  # in use: never edited; changes go into a new version
    from benchmarking.services import publish_framework
    from partnership.models import Subgroup

    values = {key: value for key, value in FRAMEWORK.items() if key != "version"}
    framework = upsert(report, Framework, {"version": FRAMEWORK["version"]}, values)
    subgroups = {s.slug: s for s in Subgroup.objects.all()}
    for order, row in enumerate(INDICATORS, start=1):
        code, area, subgroup_slug, answer_type, target, unit, name, explanation, rationale = row
        upsert(
            report,
            Indicator,
            {"framework": framework, "code": code},
            {
                "order": order,
                "area": area,
                "subgroup": subgroups.get(subgroup_slug),
                "answer_type": answer_type,
                "target": target,
                "higher_is_better": True,
                "unit_sl": unit[0],
                "unit_en": unit[1],
                "name_sl": name[0],
                "name_en": name[1],
                "explanation_sl": explanation[0],
                "explanation_en": explanation[1],
                "rationale_sl": rationale[0],
                "rationale_en": rationale[1],
            },
        )
    publish_framework(framework=framework)
    report.count(report.updated, Framework)
