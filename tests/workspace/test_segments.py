"""Segments: built-ins, saving a filter, e-mail lists and exports that never include withdrawn consent."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from coalition.models import Organisation, Segment
from tests.factories import MunicipalityFactory, PersonFactory
from tests.workspace.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_it_offers_the_three_built_in_segments(client, secretariat_user):
    client.force_login(secretariat_user)
    with override("en"):
        page = client.get(reverse("workspace:segments")).content.decode()
    assert set(Segment.objects.builtin().values_list("builtin_key", flat=True)) == {
        "subgroup-leads",
        "sos-member-municipalities",
        "signatory-municipalities",
    }
    assert "Leads of all subgroups" in page


def test_it_lists_the_leads_of_all_subgroups_without_anyone_who_withdrew_consent(client, secretariat_user):
    Segment.ensure_builtins()
    leads = Segment.objects.get(builtin_key="subgroup-leads")
    MembershipFactory(person=PersonFactory(name="Vodja Ena", email="ena@primer.si"), role="lead")
    withdrawn = PersonFactory(name="Vodja Dva", email="dva@primer.si", mailing_consent_withdrawn_at=timezone.now())
    MembershipFactory(person=withdrawn, role="lead")
    MembershipFactory(person=PersonFactory(name="Član", email="clan@primer.si"), role="member")
    client.force_login(secretariat_user)
    emails = client.get(reverse("workspace:segment_emails", args=[leads.pk])).content.decode()
    assert "ena@primer.si" in emails
    assert "dva@primer.si" not in emails and "clan@primer.si" not in emails
    export = b"".join(
        client.get(reverse("workspace:segment_export", args=[leads.pk, "csv"])).streaming_content
    ).decode()
    assert "ena@primer.si" in export and "dva@primer.si" not in export


def test_it_leaves_out_people_whose_consent_was_withdrawn_in_the_declaration_ledger(client, secretariat_user):
    from coalition.workspace import declaration_bridge

    if not declaration_bridge.is_available():
        pytest.skip("the declaration app has no Signature model yet")
    from tests.workspace.declaration import confirmed_signature, withdraw

    municipality = MunicipalityFactory()
    town = Organisation.objects.create(name="Občina X", slug="x", kind="municipality", municipality=municipality)
    stays = PersonFactory(email="ostane@primer.si", organisation=town)
    leaves = PersonFactory(email="odide@primer.si", organisation=town)
    confirmed_signature("ostane@primer.si")
    withdraw(confirmed_signature("odide@primer.si"))
    Segment.ensure_builtins()
    signatories = Segment.objects.get(builtin_key="signatory-municipalities")
    client.force_login(secretariat_user)
    emails = client.get(reverse("workspace:segment_emails", args=[signatories.pk])).content.decode()
    assert stays.email in emails
    assert leaves.email not in emails
    everyone = client.get(reverse("workspace:segment_emails", args=[Segment.objects.create(name="vsi").pk]))
    assert leaves.email not in everyone.content.decode()


def test_it_saves_the_current_filters_as_a_segment_with_history(client, secretariat_user):
    client.force_login(secretariat_user)
    response = client.post(reverse("workspace:segment_create"), {"name": "Župani", "querystring": "role=lead&q=zupan"})
    segment = Segment.objects.get(name="Župani")
    assert response.status_code == 302
    assert segment.querystring == "role=lead&q=zupan"
    assert segment.history.get().history_user == secretariat_user
    client.post(reverse("workspace:segment_delete", args=[segment.pk]))
    assert not Segment.objects.filter(pk=segment.pk).exists()


def test_it_does_not_delete_a_built_in_segment(client, secretariat_user):
    Segment.ensure_builtins()
    builtin = Segment.objects.builtin().first()
    client.force_login(secretariat_user)
    client.post(reverse("workspace:segment_delete", args=[builtin.pk]))
    assert Segment.objects.filter(pk=builtin.pk).exists()


def test_it_describes_each_segment_s_filters_by_name_and_ignores_one_that_no_longer_exists(client, secretariat_user):
    from coalition.models import Tag

    tag = Tag.objects.create(name="županje")
    municipality = MunicipalityFactory(name="Tržič")
    Segment.objects.create(name="Z oznako", querystring=f"tag={tag.pk}&municipality={municipality.pk}")
    Segment.objects.create(name="Izbrisana oznaka", querystring="tag=999999")
    Segment.objects.create(name="Pokvarjena", querystring="tag=abc")
    client.force_login(secretariat_user)
    with override("en"):
        html = client.get(reverse("workspace:segments")).content.decode()
    assert "županje" in html and "Tržič" in html
    assert "999999" not in html and "abc" not in html
    for name in ("Z oznako", "Izbrisana oznaka", "Pokvarjena"):
        assert name in html
