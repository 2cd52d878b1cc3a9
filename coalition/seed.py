"""The coalition's seed data: Slovenia's 212 municipalities, SOS, and the secretariat group.

Municipalities come from pycountry's ISO 3166-2:SI list, never typed in by hand; only the
names ISO writes differently from Slovenian usage are corrected below.
"""

import pycountry
from django.contrib.auth.models import Group, Permission
from django.utils.text import slugify

from coalition.models import Municipality, Organisation
from coalition.permissions import SECRETARIAT_GROUP
from coalition.seeding import upsert

# ISO 3166-2:SI writes a few names unlike Slovenian usage, and gives only the Slovenian name
# of the bilingual municipalities on the Italian and Hungarian ethnic territories.
MUNICIPALITY_NAME_OVERRIDES = {
    "SI-085": "Novo mesto",
    "SI-185": "Trnovska vas",
    "SI-040": "Izola/Isola",
    "SI-050": "Koper/Capodistria",
    "SI-090": "Piran/Pirano",
    "SI-213": "Ankaran/Ancarano",
    "SI-059": "Lendava/Lendva",
    "SI-156": "Dobrovnik/Dobronak",
    "SI-161": "Hodoš/Hodos",
}


def municipality_rows():
    """(code, name, kind) for each of the 212 municipalities, in code order."""
    rows = []
    for subdivision in pycountry.subdivisions.get(country_code="SI"):
        kind = Municipality.Kind.URBAN if subdivision.type == "Urban municipality" else Municipality.Kind.MUNICIPALITY
        rows.append((subdivision.code, MUNICIPALITY_NAME_OVERRIDES.get(subdivision.code, subdivision.name), kind))
    return sorted(rows)


def load(report):
    _load_municipalities(report)
    _load_sos(report)
    ensure_secretariat_group()


def _load_municipalities(report):
    existing = {m.code: m for m in Municipality.objects.all()}
    existing_orgs = {o.municipality_id: o for o in Organisation.objects.municipal()}
    for code, name, kind in municipality_rows():
        municipality = existing.get(code)
        if municipality is None or (municipality.name, municipality.kind) != (name, kind):
            municipality = upsert(report, Municipality, {"code": code}, {"name": name, "kind": kind})
        org_kind = (
            Organisation.Kind.URBAN_MUNICIPALITY if kind == Municipality.Kind.URBAN else Organisation.Kind.MUNICIPALITY
        )
        prefix = "Mestna občina" if kind == Municipality.Kind.URBAN else "Občina"
        values = {"name": f"{prefix} {name}", "kind": org_kind, "country": "SI", "municipality": municipality}
        organisation = existing_orgs.get(municipality.pk)
        if organisation is None:
            upsert(report, Organisation, {"slug": slugify(values["name"])}, values)
        elif (organisation.name, organisation.kind) != (values["name"], values["kind"]):
            upsert(report, Organisation, {"pk": organisation.pk}, values)


def _load_sos(report):
    upsert(
        report,
        Organisation,
        {"slug": "sos"},
        {
            "name": "Skupnost občin Slovenije",
            "name_en": "Association of Municipalities of Slovenia",
            "short_name": "SOS",
            "kind": Organisation.Kind.ASSOCIATION,
            "country": "SI",
            "website": "https://skupnostobcin.si/",
            "founded_year": 1992,
            "stated_member_count": 179,
            "description": (
                "Največja in najstarejša asociacija občin v Sloveniji, ustanovljena leta 1992; "
                "179 občin članic (od skupaj 212), 7 zaposlenih v sekretariatu. "
                "Katere občine so članice, dokumenti ne navajajo: označite jih pri posamezni občini."
            ),
        },
    )


SECRETARIAT_APPS = ("coalition", "partnership", "declaration")


def ensure_secretariat_group():
    """The secretariat manages every model of the portal's own apps (not users or groups)."""
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    wanted = set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS).values_list("pk", flat=True))
    current = set(group.permissions.values_list("pk", flat=True))
    if wanted != current:
        group.permissions.set(wanted)
