import pytest

from coalition.models import Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_it_lets_the_secretariat_search_people_without_diacritics(client, secretariat_user):
    PersonFactory(name="Žiga Šter", organisation=OrganisationFactory(name="Občina Tržič"))
    PersonFactory(name="Ana Novak")
    client.force_login(secretariat_user)
    response = client.get("/sl/admin/coalition/person/", {"q": "trzic"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Žiga Šter" in html
    assert "Ana Novak" not in html


def test_it_records_who_changed_an_organisation(client, secretariat_user):
    organisation = OrganisationFactory(name="Flapax")
    client.force_login(secretariat_user)
    response = client.post(
        f"/sl/admin/coalition/organisation/{organisation.pk}/change/",
        {
            "name": "Flapax d.o.o.",
            "name_en": "",
            "short_name": "",
            "slug": organisation.slug,
            "kind": "company",
            "country": "SI",
            "website": "",
            "municipality": "",
            "founded_year": "",
            "stated_member_count": "",
            "description": "",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = Organisation.history.filter(id=organisation.pk).latest("history_date")
    assert latest.name == "Flapax d.o.o."
    assert latest.history_user == secretariat_user


def test_it_refuses_the_admin_to_a_plain_user(client, plain_user):
    plain_user.is_staff = False
    client.force_login(plain_user)
    response = client.get("/sl/admin/coalition/person/")
    assert response.status_code == 302
    assert Person.objects.count() == 0
