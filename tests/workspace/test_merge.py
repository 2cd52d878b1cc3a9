"""Finding likely duplicate people and merging two into one, with the merge recorded."""

import pytest
from django.urls import reverse

from coalition.models import Person, PersonMerge, Tag
from coalition.workspace.dedupe import find_duplicates, normalise_email
from coalition.workspace.services import MergeError, merge_people
from partnership.models import ExpressionOfInterest, Membership
from tests.factories import OrganisationFactory, PersonFactory
from tests.workspace.factories import MembershipFactory, PartnershipFactory, SubgroupFactory

pytestmark = pytest.mark.django_db


def test_it_compares_emails_ignoring_case_spaces_and_unicode_variants():
    assert normalise_email(" Ana.Novak@Primer.SI ") == normalise_email("ana.novak@primer.si")
    assert normalise_email("ana\u200b@primer.si") == normalise_email("ana@primer.si")
    assert normalise_email("ａｎａ@primer.si") == normalise_email("ana@primer.si")


def test_it_finds_the_same_email_and_the_same_folded_name_within_one_organisation():
    organisation = OrganisationFactory()
    PersonFactory(name="Špela Žagar", email="spela@primer.si", organisation=organisation)
    PersonFactory(name="spela zagar", email="zagar@primer.si", organisation=organisation)
    PersonFactory(name="Špela Žagar", email="druga@primer.si")  # another organisation: not a duplicate
    Person.objects.bulk_create(
        [Person(name="Ana", email="ana\u200b@primer.si"), Person(name="Ana N.", email="ana@primer.si")]
    )
    groups = find_duplicates()
    assert sorted((g.reason, sorted(p.name for p in g.people)) for g in groups) == [
        ("same e-mail", ["Ana", "Ana N."]),
        ("same name in the same organisation", ["spela zagar", "Špela Žagar"]),
    ]


def test_it_merges_memberships_interest_tags_and_fields_and_records_the_merge(secretariat_user):
    subgroup_a, subgroup_b = SubgroupFactory(), SubgroupFactory()
    keep = PersonFactory(name="Ana Novak", phone="")
    drop = PersonFactory(name="ana novak", phone="041 000 000", organisation=keep.organisation)
    MembershipFactory(person=keep, subgroup=subgroup_a, role="member")
    MembershipFactory(person=drop, subgroup=subgroup_a, role="lead")
    moved = MembershipFactory(person=drop, subgroup=subgroup_b)
    interest = ExpressionOfInterest.objects.create(
        partnership=PartnershipFactory(), name="Ana", email=drop.email, person=drop
    )
    drop.tags.add(Tag.objects.create(name="župani"))
    drop_id, drop_email = drop.pk, drop.email

    merge_people(keep=keep, drop=drop, by=secretariat_user)

    keep.refresh_from_db()
    assert not Person.objects.filter(pk=drop_id).exists()
    assert Membership.objects.get(person=keep, subgroup=subgroup_a).role == "lead"
    assert Membership.objects.get(pk=moved.pk).person == keep
    assert ExpressionOfInterest.objects.get(pk=interest.pk).person == keep
    assert [t.name for t in keep.tags.all()] == ["župani"]
    assert keep.phone == "041 000 000"
    record = PersonMerge.objects.get()
    assert (record.kept, record.dropped_person_id, record.dropped_email, record.merged_by) == (
        keep,
        drop_id,
        drop_email,
        secretariat_user,
    )
    assert record.moved["memberships"] == [moved.pk]
    assert keep.history.latest().history_user == secretariat_user
    assert Person.history.filter(id=drop_id, history_type="-").get().history_user == secretariat_user


def test_it_refuses_to_merge_a_person_with_themselves(secretariat_user):
    person = PersonFactory()
    with pytest.raises(MergeError):
        merge_people(keep=person, drop=person, by=secretariat_user)


def test_it_merges_through_the_page_and_shows_the_merged_history(client, secretariat_user):
    keep = PersonFactory(name="Ana Novak")
    drop = PersonFactory(name="Ana  Novak", organisation=keep.organisation)
    client.force_login(secretariat_user)
    url = reverse("workspace:merge")
    preview = client.get(url, {"keep": keep.pk, "drop": drop.pk})
    assert preview.status_code == 200 and Person.objects.count() == 2
    response = client.post(url, {"keep": keep.pk, "drop": drop.pk})
    assert response.status_code == 302 and Person.objects.count() == 1
    page = client.get(reverse("workspace:person", args=[keep.pk])).content.decode()
    assert "Ana  Novak" in page
    assert client.post(url, {"keep": keep.pk, "drop": "x"}).status_code == 400
    assert client.post(url, {"keep": keep.pk, "drop": keep.pk}).status_code == 400


def test_it_keeps_the_merged_persons_signatures_on_the_person_page(client, secretariat_user):
    from coalition.workspace import declaration_bridge

    if not declaration_bridge.is_available():
        pytest.skip("the declaration app has no Signature model yet")
    from tests.workspace.declaration import confirmed_signature

    keep = PersonFactory(email="ana@primer.si")
    drop = PersonFactory(email="ana.novak@primer.si")
    signature = confirmed_signature("ana.novak@primer.si")
    merge_people(keep=keep, drop=drop, by=secretariat_user)
    client.force_login(secretariat_user)
    page = client.get(reverse("workspace:person", args=[keep.pk])).content.decode()
    assert signature.verification_code in page
