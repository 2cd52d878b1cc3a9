import re
import subprocess

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from coalition.seeding import SeedReport
from declaration import seed
from declaration.models import ConsentText, Declaration, Signature
from declaration.pdf import render_confirmation_pdf
from declaration.services import verify_institution
from tests.declaration.factories import SignatureFactory
from tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _url(name, language):
    with translation.override(language):
        return reverse(f"declaration:{name}")


def test_it_loads_the_declaration_and_consent_version_one_idempotently():
    first = SeedReport()
    seed.load(first)
    second = SeedReport()
    seed.load(second)

    assert first.changed_anything and not second.changed_anything
    declaration = Declaration.objects.get()
    assert declaration.sections.count() == 5
    consent = ConsentText.objects.get()
    assert consent.version == 1
    assert "ikthm@gzs.si" in consent.text_sl and "6 (1), (a)" in consent.text_sl
    assert "GZS" in consent.controller
    assert "JOIN, BOOST, SUSTAIN" in declaration.sections.get(anchor="evropska-deklaracija").body_sl


@pytest.mark.parametrize(("language", "heading"), [("sl", "Uvodne ugotovitve"), ("en", "Introductory findings")])
def test_it_shows_the_declaration_in_both_languages_with_counts_and_signed_municipalities(client, language, heading):
    seed.load(SeedReport())
    declaration = Declaration.objects.get()
    municipality = MunicipalityFactory(name="Šmarje pri Jelšah")
    OrganisationFactory(municipality=municipality, kind="municipality", sos_member=True)
    signed = SignatureFactory(declaration=declaration, signatory_type="municipality", municipality=municipality)
    verify_institution(signature=signed, user=None)
    SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    cache.clear()

    response = client.get(_url("detail", language))
    body = response.content.decode()
    assert response.status_code == 200
    assert heading in body
    assert "Šmarje pri Jelšah" in body
    assert "SOS" in body
    assert "<strong>1</strong>" in body


@pytest.mark.parametrize("language", ["sl", "en"])
def test_it_shows_the_sign_form_with_the_exact_consent_text(client, sign_data, consent_text, language):
    response = client.get(_url("sign", language))
    assert response.status_code == 200
    text = consent_text.text_sl if language == "sl" else consent_text.text_en
    assert text in response.content.decode()
    assert 'name="website"' in response.content.decode()


def test_it_lists_only_confirmed_public_signatures_never_emails_and_institutions_only_when_verified(
    client, declaration
):
    SignatureFactory(declaration=declaration, name="Javna Oseba", email="javna@example.org")
    SignatureFactory(declaration=declaration, name="Skrita Oseba", show_publicly=False)
    SignatureFactory(declaration=declaration, name="Čaka Potrditev", status="pending", confirmed_at=None)
    unverified = SignatureFactory(
        declaration=declaration, name="Neva Nepreverjena", signatory_type="company", organisation_name="Tajno d.o.o."
    )
    verified = SignatureFactory(
        declaration=declaration, name="Vera Preverjena", signatory_type="ngo", organisation_name="Društvo Čebela"
    )
    verify_institution(signature=verified, user=None)

    body = client.get(_url("signatories", "sl")).content.decode()
    assert "Javna Oseba" in body and "Vera Preverjena" in body and "Društvo Čebela" in body
    assert "Neva Nepreverjena" in body and "Tajno d.o.o." not in body
    assert "Skrita Oseba" not in body and "Čaka Potrditev" not in body
    assert "@example.org" not in body
    assert unverified.listed_type == "individual"

    ngo_only = client.get(_url("signatories", "en"), {"type": "ngo"}).content.decode()
    assert "Vera Preverjena" in ngo_only and "Javna Oseba" not in ngo_only
    found = client.get(_url("signatories", "sl"), {"q": "cebela"}).content.decode()
    assert "Vera Preverjena" in found and "Javna Oseba" not in found
    assert client.get(_url("signatories", "sl"), {"municipality": "nope"}).status_code == 400


@pytest.mark.parametrize("rows", [60, 240])
def test_it_lists_signatories_in_the_same_number_of_queries_whatever_their_number(
    client, declaration, django_assert_num_queries, rows
):
    municipality = MunicipalityFactory()
    SignatureFactory.create_batch(rows, declaration=declaration, municipality=municipality)
    url = _url("signatories", "sl")
    first = client.get(url)  # also warms the municipality choices, the declaration and its count
    next_link = re.search(r'href="\?([^"]+)" rel="next"', first.content.decode()).group(1).replace("&amp;", "&")
    with django_assert_num_queries(1):  # one page of signatures
        response = client.get(f"{url}?{next_link}")
    assert response.status_code == 200
    with django_assert_num_queries(2):  # a page by number alone: its boundary first
        response = client.get(url, {"page": "2"})
    assert response.status_code == 200


def test_it_counts_once_cached_and_updates_after_a_confirmation(
    client, declaration, consent_text, django_capture_on_commit_callbacks
):
    from declaration.services import confirm_signature

    pending = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    assert "<strong>0</strong>" in client.get(_url("statistics", "sl")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirm_signature(signature=pending)
    body = client.get(_url("statistics", "en")).content.decode()
    assert "<strong>1</strong>" in body
    assert "<svg" in body and "<table" in body


def test_it_renders_the_pdf_confirmation_with_slovenian_letters_and_the_verification_code(declaration):
    signature = SignatureFactory(
        declaration=declaration,
        name="Žiga Čuš Šorn",
        signatory_type="municipality",
        organisation_name="Občina Škofja Loka",
        position="župan",
        language="sl",
        confirmed_at=timezone.now(),
    )
    pdf = render_confirmation_pdf(signature)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()

    assert "Žiga Čuš Šorn" in text
    assert "Občina Škofja Loka" in text
    assert signature.verification_code in text
    assert "Slovenska nacionalna deklaracija" in text
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"Title:\s+\S", info) and re.search(r"Tagged:\s+yes", info)


def test_it_refuses_the_pdf_of_an_unconfirmed_signature(client, declaration):
    from declaration.tokens import management_token

    signature = SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None)
    with translation.override("sl"):
        url = reverse("declaration:manage_pdf", kwargs={"token": management_token(signature)})
    assert client.get(url).status_code == 404


def test_it_draws_the_chart_with_svg_numbers_even_in_slovenian_where_decimals_use_a_comma(client, declaration):
    SignatureFactory(declaration=declaration, confirmed_at=timezone.now() - timezone.timedelta(days=3))
    SignatureFactory.create_batch(2, declaration=declaration)
    body = client.get(_url("statistics", "sl")).content.decode()
    rects = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"', body)
    assert rects
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", value) for rect in rects for value in rect)


@pytest.mark.parametrize("page_cache", [True, False])
def test_the_list_counts_a_confirmation_and_a_withdrawal_at_once(
    client, declaration, consent_text, settings, django_capture_on_commit_callbacks, page_cache
):
    from declaration.services import confirm_signature, withdraw_signature

    settings.PAGE_CACHE_ENABLED = page_cache
    SignatureFactory.create_batch(2, declaration=declaration)
    pending = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    url = _url("signatories", "sl")
    assert "2 podpisnika" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirm_signature(signature=pending)
    assert "3 podpisniki" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_signature(signature=Signature.objects.get(pk=pending.pk))
    assert "2 podpisnika" in client.get(url).content.decode()


def test_the_search_fields_show_each_search_its_values_errors_and_a_new_municipality(client, declaration, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = _url("signatories", "sl")
    MunicipalityFactory(name="Ajdovščina")
    assert "Ajdovščina" in client.get(url).content.decode()
    assert 'value="Novak"' in client.get(url, {"q": "Novak"}).content.decode()
    assert 'value="Kos"' in client.get(url, {"q": "Kos"}).content.decode()
    refused = client.get(url, {"q": "Kos", "municipality": "999999"})
    assert refused.status_code == 400 and 'id="id_municipality_error"' in refused.content.decode()
    assert 'id="id_municipality_error"' not in client.get(url, {"q": "Kos"}).content.decode()
    MunicipalityFactory(name="Žalec")
    assert "Žalec" in client.get(url, {"q": "Kos"}).content.decode()
