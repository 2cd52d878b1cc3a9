"""The signing page: one stored rendering for every anonymous visitor, each with their own CSRF token,
and a signing that reads the declaration, its consent text and the municipalities from memory."""

import re
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client

from coalition.models import OutboundEmail
from declaration.models import ConsentEvent, Signature
from tests.declaration.factories import ConsentTextFactory
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

SIGN_URL = "/sl/deklaracija/podpis/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _visitor():
    return Client(enforce_csrf_checks=True)


def _form_page(client):
    response = client.get(SIGN_URL)
    assert response.status_code == 200
    body = response.content.decode()
    return body, TOKEN.search(body).group(1)


def _post(client, data, token, capture):
    with capture(execute=True):
        return client.post(
            SIGN_URL,
            urlencode({**data, "csrfmiddlewaretoken": token}),
            content_type="application/x-www-form-urlencoded",
        )


def test_it_gives_every_visitor_the_same_page_with_their_own_working_csrf_token(
    sign_data, django_capture_on_commit_callbacks
):
    ana, bor = _visitor(), _visitor()
    ana_page, ana_token = _form_page(ana)
    bor_page, bor_token = _form_page(bor)

    assert ana_token != bor_token
    assert ana.cookies["csrftoken"].value != bor.cookies["csrftoken"].value
    assert TOKEN.sub("", ana_page) == TOKEN.sub("", bor_page)
    assert "--csrf-token-of-the-visitor--" not in ana_page + bor_page

    # Each visitor's token works with their own cookie, and only with it.
    assert (
        _post(bor, {**sign_data, "email": "bor@example.org"}, ana_token, django_capture_on_commit_callbacks).status_code
        == 403
    )
    assert _post(ana, sign_data, ana_token, django_capture_on_commit_callbacks).status_code == 302
    assert (
        _post(bor, {**sign_data, "email": "bor@example.org"}, bor_token, django_capture_on_commit_callbacks).status_code
        == 302
    )
    assert sorted(Signature.objects.values_list("email", flat=True)) == ["Ana.Zagar@Example.org", "bor@example.org"]


def test_it_serves_the_stored_page_without_a_query_and_still_sets_the_csrf_cookie(
    consent_text, django_assert_num_queries
):
    _form_page(_visitor())
    visitor = _visitor()
    with django_assert_num_queries(0):
        _body, token = _form_page(visitor)
    assert token and visitor.cookies["csrftoken"].value


def test_it_shows_a_new_consent_text_at_once_and_refuses_a_signing_under_the_old_one(
    declaration, consent_text, sign_data, django_capture_on_commit_callbacks
):
    before, _token = _form_page(_visitor())
    assert 'name="consent_version" value="1"' in before

    ConsentTextFactory(declaration=declaration, version=2, text_sl="Nova različica besedila privolitve.")
    visitor = _visitor()
    after, token = _form_page(visitor)
    assert 'name="consent_version" value="2"' in after
    assert "Nova različica besedila privolitve." in after

    response = _post(visitor, sign_data, token, django_capture_on_commit_callbacks)  # still agrees to version 1
    assert response.status_code == 400
    assert "Besedilo soglasja se je spremenilo." in response.content.decode()
    assert not Signature.objects.exists()


def test_it_lists_a_renamed_municipality_at_once(consent_text):
    municipality = MunicipalityFactory(name="Občina Prej")
    assert "Občina Prej" in _form_page(_visitor())[0]
    municipality.name = "Občina Potem"
    municipality.save()
    page = _form_page(_visitor())[0]
    assert "Občina Potem" in page and "Občina Prej" not in page


def test_it_renders_the_page_for_a_signed_in_visitor_and_never_stores_it_for_others(consent_text, plain_user):
    member = _visitor()
    member.force_login(plain_user)
    member_page, _token = _form_page(member)
    anonymous_page, _token = _form_page(_visitor())
    again, _token = _form_page(member)
    assert 'action="/sl/racun/logout/"' in member_page and 'action="/sl/racun/logout/"' in again
    assert 'action="/sl/racun/logout/"' not in anonymous_page


def test_it_stores_the_chosen_municipality_without_looking_it_up(
    sign_data, django_capture_on_commit_callbacks, django_assert_num_queries
):
    municipality = MunicipalityFactory(name="Šmarje pri Jelšah")
    visitor = _visitor()
    _page, token = _form_page(visitor)
    data = {**sign_data, "municipality": str(municipality.pk), "csrfmiddlewaretoken": token}
    # The signature (the unique index is the address check), its consent event and the owed mail,
    # in a savepoint here; after the commit, one hand-over of the mail to the worker.
    with django_assert_num_queries(5), django_capture_on_commit_callbacks() as after_commit:
        response = visitor.post(SIGN_URL, urlencode(data), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert len(after_commit) == 1
    assert Signature.objects.get().municipality == municipality


def test_it_names_the_municipality_field_for_a_choice_not_on_the_list(sign_data, django_capture_on_commit_callbacks):
    visitor = _visitor()
    _page, token = _form_page(visitor)
    response = _post(visitor, {**sign_data, "municipality": "999999"}, token, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert 'id="id_municipality_error"' in response.content.decode()
    assert not Signature.objects.exists()


def test_it_owes_and_sends_exactly_one_mail_per_signature(sign_data, django_capture_on_commit_callbacks):
    visitor = _visitor()
    for n in range(3):
        _page, token = _form_page(visitor)
        _post(visitor, {**sign_data, "email": f"podpisnik{n}@example.org"}, token, django_capture_on_commit_callbacks)
    # The same address again within the resend interval: nothing new stored, nothing new owed.
    _page, token = _form_page(visitor)
    _post(visitor, {**sign_data, "email": "PODPISNIK0@example.org"}, token, django_capture_on_commit_callbacks)

    assert Signature.objects.count() == 3
    assert ConsentEvent.objects.count() == 3
    assert OutboundEmail.objects.count() == 3
    assert OutboundEmail.objects.owed().count() == 0
    assert sorted(message.to[0] for message in mail.outbox) == [f"podpisnik{n}@example.org" for n in range(3)]
    assert all(s.last_mailed_at is not None for s in Signature.objects.all())


def test_it_serves_the_page_a_signing_lands_on_from_the_cache(consent_text, django_assert_num_queries):
    visitor = _visitor()
    assert visitor.get("/sl/deklaracija/podpis/poslano/").status_code == 200
    with django_assert_num_queries(0):
        response = visitor.get("/sl/deklaracija/podpis/poslano/")
    assert response.status_code == 200
    assert "Preverite svojo e-pošto" in response.content.decode()
