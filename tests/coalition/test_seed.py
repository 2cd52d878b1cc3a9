import pycountry
import pytest
from django.core.management import call_command

from coalition.models import Municipality, Organisation


@pytest.fixture
def seeded(db):
    call_command("load_seed", stdout=open("/dev/null", "w"))


def test_it_loads_all_212_municipalities_with_their_iso_codes(seeded):
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="SI")}
    stored = {m.code: m for m in Municipality.objects.all()}
    assert set(stored) == set(iso)
    assert len(stored) == 212
    assert "SI-145" not in stored
    assert Municipality.objects.urban().count() == 12
    assert Municipality.objects.exclude(kind=Municipality.Kind.URBAN).count() == 200
    for code, subdivision in iso.items():
        assert stored[code].is_urban == (subdivision.type == "Urban municipality"), code


def test_it_writes_names_as_slovenian_usage_does(seeded):
    names = dict(Municipality.objects.values_list("code", "name"))
    assert names["SI-085"] == "Novo mesto"
    assert names["SI-050"] == "Koper/Capodistria"
    assert names["SI-161"] == "Hodoš/Hodos"
    assert names["SI-094"] == "Postojna"
    assert names["SI-131"] == "Tržič"
    assert "Črna na Koroškem" in names.values()


def test_it_gives_each_municipality_its_own_organisation(seeded):
    ljubljana = Organisation.objects.get(municipality__code="SI-061", kind__in=Organisation.MUNICIPAL_KINDS)
    assert ljubljana.name == "Mestna občina Ljubljana"
    assert ljubljana.kind == Organisation.Kind.URBAN_MUNICIPALITY
    assert Organisation.objects.municipal().count() == 212


def test_it_loads_sos_as_the_documents_describe_it(seeded):
    sos = Organisation.objects.get(slug="sos")
    assert sos.name == "Skupnost občin Slovenije"
    assert sos.founded_year == 1992
    assert sos.stated_member_count == 179


def test_it_changes_nothing_when_run_a_second_time(seeded):
    history_before = Organisation.history.count() + Municipality.history.count()
    rows_before = Organisation.objects.count(), Municipality.objects.count()
    from io import StringIO

    out = StringIO()
    call_command("load_seed", stdout=out)
    assert "nothing created or changed" in out.getvalue()
    assert (Organisation.objects.count(), Municipality.objects.count()) == rows_before
    assert Organisation.history.count() + Municipality.history.count() == history_before


def test_it_keeps_sos_membership_marked_by_the_secretariat(seeded):
    tržič = Organisation.objects.get(municipality__code="SI-131", kind__in=Organisation.MUNICIPAL_KINDS)
    tržič.sos_member = True
    tržič.save()
    call_command("load_seed", stdout=open("/dev/null", "w"))
    tržič.refresh_from_db()
    assert tržič.sos_member
    assert list(Municipality.objects.sos_members()) == [tržič.municipality]


def test_it_creates_the_secretariat_group_with_its_permissions(seeded):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="secretariat")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_person", "add_organisation", "view_municipality"} <= codenames
    assert "change_user" not in codenames
