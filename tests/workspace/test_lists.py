"""People and organisation lists: folded search, filters, sorting, pagination and pinned query counts."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from coalition.models import Municipality, Organisation, Person, Tag
from tests.factories import OrganisationFactory, PersonFactory
from tests.workspace.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trzic():
    municipality = Municipality.objects.create(code="SI-131", name="Tržič")
    return Organisation.objects.create(
        name="Občina Tržič", slug="obcina-trzic", kind="municipality", municipality=municipality, sos_member=True
    )


def names(response):
    return [p.name for p in response.context["page"].object_list]


def test_it_finds_tržič_when_searching_trzic_without_diacritics(client, secretariat_user, trzic):
    PersonFactory(name="Špela Žagar", organisation=trzic)
    PersonFactory(name="Janez Novak")
    client.force_login(secretariat_user)
    assert names(client.get(reverse("workspace:people"), {"q": "Trzic"})) == ["Špela Žagar"]
    assert names(client.get(reverse("workspace:people"), {"q": "spela ZAGAR"})) == ["Špela Žagar"]
    assert names(client.get(reverse("workspace:organisations"), {"q": "trzic"})) == ["Občina Tržič"]


def test_it_searches_by_municipality_even_when_the_organisation_is_named_otherwise(client, secretariat_user, trzic):
    school = OrganisationFactory(name="Osnovna šola Bistrica", municipality=trzic.municipality)
    PersonFactory(name="Učitelj", organisation=school)
    client.force_login(secretariat_user)
    assert names(client.get(reverse("workspace:people"), {"q": "trzic"})) == ["Učitelj"]


def test_it_filters_by_kind_sos_membership_subgroup_role_and_tag(client, secretariat_user, trzic):
    mayor = PersonFactory(name="Župan", organisation=trzic)
    company = PersonFactory(name="Direktor")
    lead = MembershipFactory(person=mayor, role="lead")
    MembershipFactory(person=company, subgroup=lead.subgroup, role="member")
    tag = Tag.objects.create(name="župani")
    mayor.tags.add(tag)
    client.force_login(secretariat_user)
    url = reverse("workspace:people")
    assert names(client.get(url, {"kind": "municipal"})) == ["Župan"]
    assert names(client.get(url, {"sos_member": "no"})) == ["Direktor"]
    assert names(client.get(url, {"role": "lead"})) == ["Župan"]
    assert names(client.get(url, {"subgroup": lead.subgroup.pk, "role": "member"})) == ["Direktor"]
    assert names(client.get(url, {"tag": tag.pk})) == ["Župan"]
    assert names(client.get(url, {"sort": "-name"})) == ["Župan", "Direktor"]


def test_it_ignores_a_malformed_filter_instead_of_failing(client, secretariat_user):
    PersonFactory(name="Ana")
    client.force_login(secretariat_user)
    response = client.get(reverse("workspace:people"), {"subgroup": "abc", "sort": "evil", "page": "x"})
    assert response.status_code == 200


def test_it_filters_by_signature_of_the_declaration(client, secretariat_user):
    from coalition.workspace import declaration_bridge

    if not declaration_bridge.is_available():
        pytest.skip("the declaration app has no Signature model yet")
    from tests.workspace.declaration import confirmed_signature

    signer = PersonFactory(name="Podpisnik", email="Podpis@Primer.si")
    PersonFactory(name="Ne podpisnik")
    confirmed_signature("podpis@primer.si")
    client.force_login(secretariat_user)
    assert names(client.get(reverse("workspace:people"), {"signed": "yes"})) == [signer.name]
    assert names(client.get(reverse("workspace:people"), {"signed": "no"})) == ["Ne podpisnik"]


def _make_people(count):
    organisation = OrganisationFactory()
    tag = Tag.objects.get_or_create(name="t")[0]
    for _ in range(count):
        person = PersonFactory(organisation=organisation)
        person.tags.add(tag)
        MembershipFactory(person=person)


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_people_in_a_fixed_number_of_queries(client, secretariat_user, django_assert_num_queries, count):
    _make_people(count)
    client.force_login(secretariat_user)
    client.get(reverse("workspace:people"))  # warm the session and the user's groups
    # session, user, groups; count, page, tags, memberships; municipality, subgroup and tag options
    with django_assert_num_queries(10):
        response = client.get(reverse("workspace:people"), {"q": "oseba"})
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_organisations_in_a_fixed_number_of_queries(
    client, secretariat_user, django_assert_num_queries, count
):
    for _ in range(count):
        OrganisationFactory()
    client.force_login(secretariat_user)
    # session, user, groups; count, page; municipality and subgroup options
    with django_assert_num_queries(7):
        response = client.get(reverse("workspace:organisations"))
    assert response.context["page"].paginator.count == count


def test_it_paginates_fifty_people_a_page(client, secretariat_user):
    _make_people(60)
    client.force_login(secretariat_user)
    assert len(client.get(reverse("workspace:people")).context["page"].object_list) == 50
    assert len(client.get(reverse("workspace:people"), {"page": 2}).context["page"].object_list) == 10


def test_it_keeps_search_text_in_step_when_the_secretariat_renames_an_organisation(client, secretariat_user, trzic):
    person = PersonFactory(organisation=trzic)
    client.force_login(secretariat_user)
    data = {"name": "Občina Bovec", "kind": "municipality", "country": "SI", "municipality": trzic.municipality.pk}
    response = client.post(reverse("workspace:organisation_edit", args=[trzic.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert "bovec" in person.search_text
    assert trzic.history.latest().history_user == secretariat_user


def test_it_records_who_edited_a_person_and_the_consent_withdrawal(client, secretariat_user):
    person = PersonFactory(name="Ana", email="ana@primer.si")
    client.force_login(secretariat_user)
    data = {"name": "Ana Novak", "email": "ana@primer.si", "consent_withdrawn": "on"}
    assert client.post(reverse("workspace:person_edit", args=[person.pk]), data).status_code == 302
    person.refresh_from_db()
    assert person.mailing_consent_withdrawn_at is not None
    latest = person.history.latest()
    assert latest.history_user == secretariat_user
    page = client.get(reverse("workspace:person", args=[person.pk])).content.decode()
    assert "Ana Novak" in page and secretariat_user.username in page


def test_it_refuses_an_edit_that_would_duplicate_an_email(client, secretariat_user):
    PersonFactory(email="zasedeno@primer.si")
    person = PersonFactory()
    client.force_login(secretariat_user)
    response = client.post(
        reverse("workspace:person_edit", args=[person.pk]), {"name": "X", "email": "ZASEDENO@primer.si"}
    )
    assert response.status_code == 400
    assert Person.objects.get(pk=person.pk).email != "ZASEDENO@primer.si"


def test_it_records_tag_changes_in_the_persons_history(client, secretariat_user):
    person = PersonFactory(name="Ana", email="ana@primer.si")
    tag = Tag.objects.create(name="župani")
    client.force_login(secretariat_user)
    data = {"name": "Ana", "email": "ana@primer.si", "tags": [tag.pk]}
    with override("sl"):
        client.post(reverse("workspace:person_edit", args=[person.pk]), data)
        page = client.get(reverse("workspace:person", args=[person.pk])).content.decode()
    assert person.history.latest().history_change_reason == "oznake: +župani"
    assert "oznake: +župani" in page


def test_it_filters_organisations_whose_contact_signed_the_declaration(client, secretariat_user):
    from coalition.workspace import declaration_bridge

    if not declaration_bridge.is_available():
        pytest.skip("the declaration app has no Signature model yet")
    from tests.workspace.declaration import confirmed_signature

    signed = OrganisationFactory(name="Podpisana")
    OrganisationFactory(name="Nepodpisana")
    PersonFactory(email="podpis@primer.si", organisation=signed)
    confirmed_signature("PODPIS@primer.si")
    client.force_login(secretariat_user)
    assert names(client.get(reverse("workspace:organisations"), {"signed": "yes"})) == ["Podpisana"]
    assert names(client.get(reverse("workspace:organisations"), {"signed": "no"})) == ["Nepodpisana"]


def test_it_adds_a_person_with_history(client, secretariat_user):
    client.force_login(secretariat_user)
    response = client.post(reverse("workspace:person_new"), {"name": "Nova Oseba", "email": "nova@primer.si"})
    person = Person.objects.get(email="nova@primer.si")
    assert response.status_code == 302
    assert person.history.get().history_user == secretariat_user


def test_it_lists_the_people_of_one_organisation_from_its_count(client, secretariat_user):
    first, second = OrganisationFactory(name="Šmarje 1"), OrganisationFactory(name="Šmarje 10")
    PersonFactory(name="Ena", organisation=first)
    PersonFactory(name="Deset", organisation=second)
    client.force_login(secretariat_user)
    assert f"?organisation={first.pk}" in client.get(reverse("workspace:organisations")).content.decode()
    assert names(client.get(reverse("workspace:people"), {"organisation": first.pk})) == ["Ena"]
