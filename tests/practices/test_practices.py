from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coalition.models import Tag
from partnership.models import GoodPractice
from tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory
from tests.practices.factories import GoodPracticeFactory, SubgroupFactory, partner_user

pytestmark = pytest.mark.django_db

LIST = "/sl/partnerstvo/dobre-prakse/"
SUBMIT = "/sl/partnerstvo/dobre-prakse/nova/"


def form_data(subgroup, **overrides):
    data = {
        "title": "Digitalna tabla v knjižnici",
        "subgroup": subgroup.pk,
        "summary": "Prebivalci se učijo e-storitev.",
        "problem_solved": "Starejši niso znali oddati e-vloge.",
        "cost_range": "under_10k",
        "contact_name": "Vodja knjižnice",
        "contact_email": "knjiznica@example.org",
        "link": "https://www.example.org/praksa",
        "tags_text": "digitalne veščine, knjižnica, Digitalne veščine",
    }
    data.update(overrides)
    return data


def test_it_lets_a_partner_submit_a_practice_for_review(client, django_capture_on_commit_callbacks):
    subgroup = SubgroupFactory()
    user = partner_user()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, form_data(subgroup))
    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert practice.status == GoodPractice.Status.SUBMITTED
    assert practice.submitted_by == user
    assert practice.organisation == user.person.organisation
    assert sorted(t.name for t in practice.tags.all()) == ["digitalne veščine", "knjižnica"]
    assert [m.to for m in mail.outbox] == [["info@skupnostobcin.si"]]
    assert client.get(LIST).content.decode().count("Digitalna tabla") == 0


def test_it_names_the_field_and_saves_nothing_on_bad_input(client):
    subgroup = SubgroupFactory()
    client.force_login(partner_user())
    response = client.post(SUBMIT, form_data(subgroup, title="", link="not a link", contact_email="nope"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Naslov" in html or "Title" in html
    assert 'href="#id_link"' in html and 'href="#id_contact_email"' in html
    assert not GoodPractice.objects.exists()


def test_it_refuses_submission_from_an_account_without_an_organisation(client):
    SubgroupFactory()
    client.force_login(UserFactory())
    assert client.get(SUBMIT).status_code == 403
    assert client.post(SUBMIT, form_data(SubgroupFactory())).status_code == 403
    assert not GoodPractice.objects.exists()


def test_it_lets_the_secretariat_publish_and_tells_the_submitter(
    client, secretariat_user, django_capture_on_commit_callbacks
):
    submitter = partner_user()
    practice = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED, submitted_by=submitter)
    client.force_login(secretariat_user)
    assert practice.title in client.get("/sl/partnerstvo/dobre-prakse/pregled/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/sl/partnerstvo/dobre-prakse/pregled/{practice.pk}/", {"action": "publish"})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.is_published and practice.reviewed_by == secretariat_user and practice.published_at
    assert mail.outbox[-1].to == [submitter.email]
    client.logout()
    assert practice.title in client.get(LIST).content.decode()


def test_it_requires_a_reason_to_reject(client, secretariat_user):
    practice = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED)
    client.force_login(secretariat_user)
    response = client.post(f"/sl/partnerstvo/dobre-prakse/pregled/{practice.pk}/", {"action": "reject"})
    assert response.status_code == 400
    practice.refresh_from_db()
    assert practice.status == GoodPractice.Status.SUBMITTED
    client.post(f"/sl/partnerstvo/dobre-prakse/pregled/{practice.pk}/", {"action": "reject", "review_note": "Oglas."})
    practice.refresh_from_db()
    assert practice.status == GoodPractice.Status.REJECTED


def test_it_refuses_review_to_everyone_but_the_secretariat(client):
    practice = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED)
    client.force_login(partner_user())
    assert client.get("/sl/partnerstvo/dobre-prakse/pregled/").status_code == 403
    assert client.post(f"/sl/partnerstvo/dobre-prakse/pregled/{practice.pk}/", {"action": "publish"}).status_code == 403
    practice.refresh_from_db()
    assert practice.status == GoodPractice.Status.SUBMITTED


def test_it_hides_unpublished_practices_and_contact_e_mails_from_the_public(client):
    hidden = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED)
    shown = GoodPracticeFactory()
    assert client.get(f"/sl/partnerstvo/dobre-prakse/{hidden.pk}/").status_code == 404
    html = client.get(f"/sl/partnerstvo/dobre-prakse/{shown.pk}/").content.decode()
    assert shown.title in html and "Vodja informatike" in html
    assert "skrito@example.org" not in html
    assert "skrito@example.org" not in client.get(LIST).content.decode()
    assert list(GoodPractice.objects.published()) == [shown]


def test_it_searches_and_filters_by_subgroup_municipality_and_tag(client):
    idrija = MunicipalityFactory(name="Idrija")
    other_subgroup = SubgroupFactory(slug="podatki-in-standardi", name_sl="Podatki in standardi")
    a = GoodPracticeFactory(title="Odprti podatki o parkiriščih", municipality=idrija, published_at=timezone.now())
    b = GoodPracticeFactory(
        title="Šolski tablični računalniki",
        subgroup=other_subgroup,
        organisation=OrganisationFactory(municipality=idrija),
    )
    c = GoodPracticeFactory(title="E-vloge")
    c.tags.add(Tag.objects.create(name="e-storitve"))

    def titles(query):
        return {p.title for p in client.get(LIST + query).context["page"].object_list}

    assert titles("?q=solski") == {b.title}
    assert titles("?subgroup=podatki-in-standardi") == {b.title}
    assert titles(f"?municipality={idrija.code}") == {a.title, b.title}
    assert titles("?tag=e-storitve") == {c.title}
    assert titles("") == {a.title, b.title, c.title}


def test_it_pins_the_query_count_of_the_portfolio(client, django_assert_num_queries):
    for _n in range(3):
        GoodPracticeFactory().tags.add(Tag.objects.get_or_create(name="odprti podatki")[0])
    with django_assert_num_queries(8):
        client.get(LIST)
    for _n in range(5):
        GoodPracticeFactory()
    with django_assert_num_queries(8):
        assert client.get(LIST).status_code == 200


def test_it_lists_published_practices_on_the_subgroup_page(client):
    practice = GoodPracticeFactory()
    GoodPracticeFactory(title="Še ne objavljena", status=GoodPractice.Status.SUBMITTED, subgroup=practice.subgroup)
    html = client.get(practice.subgroup.get_absolute_url()).content.decode()
    assert practice.title in html
    assert "Še ne objavljena" not in html


def test_it_lists_only_the_newest_five_practices_on_the_subgroup_page(client):
    subgroup = SubgroupFactory()
    now = timezone.now()
    for day in range(7):
        GoodPracticeFactory(subgroup=subgroup, title=f"Praksa z dne {day}", published_at=now - timedelta(days=day))
    html = client.get(subgroup.get_absolute_url()).content.decode()
    assert [day for day in range(7) if f"Praksa z dne {day}<" in html] == [0, 1, 2, 3, 4]
