import pytest
from django.core import mail
from django.test import Client

from coalition.models import Organisation, Person
from partnership import services
from partnership.models import ExpressionOfInterest, Membership, Subgroup
from tests.factories import PersonFactory, UserFactory
from tests.partnership.factories import InterestFactory, MembershipFactory

TRIAGE = "/sl/partnerstvo/interes/"
FORM = "/en/partnerstvo/izrazi-interes/"


def _accept_url(interest):
    return f"/sl/partnerstvo/interes/{interest.pk}/sprejmi/"


def _decline_url(interest):
    return f"/sl/partnerstvo/interes/{interest.pk}/zavrni/"


@pytest.fixture
def secretariat_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def interest(seeded):
    return InterestFactory(
        partnership=seeded,
        email="Mojca.Kovac@Example.org",
        name="Mojca Kovač",
        organisation_name="obcina TRZIC",
        subgroups=[Subgroup.objects.get(slug="euprava")],
    )


def test_it_sends_anonymous_visitors_to_sign_in(client, interest):
    response = client.get(TRIAGE)
    assert response.status_code == 302 and "/racun/login/" in response["Location"]
    response = client.post(_accept_url(interest))
    assert response.status_code == 302 and "/racun/login/" in response["Location"]
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.NEW


def test_it_refuses_plain_users_and_subgroup_members(client, interest, plain_user):
    member = UserFactory()
    MembershipFactory(
        subgroup=Subgroup.objects.get(slug="euprava"),
        person=PersonFactory(email=member.email, user=member),
        role=Membership.Role.LEAD,
    )
    for user in (plain_user, member):
        client.force_login(user)
        assert client.get(TRIAGE).status_code == 403
        assert client.post(_accept_url(interest)).status_code == 403
        assert client.post(_decline_url(interest), {f"decline-{interest.pk}-reason": "x"}).status_code == 403
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.NEW


def test_it_shows_the_secretariat_the_queue_with_a_flat_query_count(
    secretariat_client, interest, django_assert_max_num_queries
):
    for _n in range(5):
        InterestFactory(partnership=interest.partnership, subgroups=list(Subgroup.objects.all()[:2]))
    secretariat_client.get(TRIAGE)  # warm the session and the user's groups
    with django_assert_max_num_queries(12):
        response = secretariat_client.get(TRIAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mojca Kovač" in html and html.count("/sprejmi/") == 6
    assert "Flapax" in html  # decided earlier, from the source document


def test_it_refuses_get_on_the_accept_and_decline_urls(secretariat_client, interest):
    assert secretariat_client.get(_accept_url(interest)).status_code == 405
    assert secretariat_client.get(_decline_url(interest)).status_code == 405


def test_it_requires_the_csrf_token(secretariat_user, interest):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    assert client.post(_accept_url(interest)).status_code == 403
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.NEW


def test_it_accepts_by_linking_the_existing_organisation_creating_the_person_and_mailing_them(
    secretariat_client, interest, secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(_accept_url(interest))
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.ACCEPTED
    assert interest.decided_by == secretariat_user and interest.decided_at
    person = Person.objects.get(email__iexact="mojca.kovac@example.org")
    assert person.organisation.name == "Občina Tržič"
    assert Organisation.objects.filter(name="Občina Tržič").count() == 1
    assert Membership.objects.filter(person=person, subgroup__slug="euprava", role="member").count() == 1
    assert [m.to for m in mail.outbox] == [["Mojca.Kovac@Example.org"]]
    assert "eUprava" in mail.outbox[0].body


def test_it_creates_an_organisation_of_kind_other_when_none_matches(secretariat_user, seeded):
    interest = InterestFactory(partnership=seeded, organisation_name="Zavod Čisto Nov")
    services.accept_interest(interest=interest, decided_by=secretariat_user)
    organisation = Organisation.objects.get(name="Zavod Čisto Nov")
    assert organisation.kind == Organisation.Kind.OTHER and organisation.slug == "zavod-cisto-nov"


def test_it_does_not_duplicate_anything_when_accepting_twice(secretariat_client, interest):
    secretariat_client.post(_accept_url(interest))
    counts = (Person.objects.count(), Organisation.objects.count(), Membership.objects.count())
    response = secretariat_client.post(_accept_url(interest), follow=True)
    assert "already decided" in response.content.decode() or "že odločeno" in response.content.decode()
    assert (Person.objects.count(), Organisation.objects.count(), Membership.objects.count()) == counts


def test_it_handles_the_same_email_wrong_then_right_then_accepted_twice(
    client, secretariat_user, seeded, django_capture_on_commit_callbacks
):
    """The journey of the issue: a visitor errs, corrects, comes back; the secretariat accepts both."""
    euprava = Subgroup.objects.get(slug="euprava")
    ezdravje = Subgroup.objects.get(slug="ezdravje")
    data = {
        "name": "Janez Horvat",
        "email": "janez@example.org",
        "organisation_name": "Flapax",
        "subgroups": [euprava.pk],
        "privacy_consent": "on",
    }
    assert client.post(FORM, {**data, "email": "janez(at)example"}).status_code == 400
    assert client.post(FORM, data).status_code == 302
    assert (
        client.post(FORM, {**data, "email": "JANEZ@Example.org", "subgroups": [euprava.pk, ezdravje.pk]}).status_code
        == 302
    )
    first, second = ExpressionOfInterest.objects.filter(source="web").order_by("created")
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_interest(interest=first, decided_by=secretariat_user)
        services.accept_interest(interest=second, decided_by=secretariat_user)
    people = Person.objects.filter(email__iexact="janez@example.org")
    assert people.count() == 1
    person = people.get()
    assert person.organisation.slug == "flapax"
    assert sorted(person.memberships.values_list("subgroup__slug", flat=True)) == ["euprava", "ezdravje"]
    assert Organisation.objects.filter(name__iexact="flapax").count() == 1
    accepted_mails = [m for m in mail.outbox if m.subject == "Welcome to the subgroup"]
    assert len(accepted_mails) == 2


def test_it_keeps_an_existing_membership_as_it_is(secretariat_user, interest):
    person = PersonFactory(email="mojca.kovac@example.org")
    MembershipFactory(subgroup=Subgroup.objects.get(slug="euprava"), person=person, role=Membership.Role.LEAD)
    services.accept_interest(interest=interest, decided_by=secretariat_user)
    assert list(person.memberships.values_list("role", flat=True)) == ["lead"]


def test_it_declines_only_with_a_reason_and_records_who_and_when(secretariat_client, interest, secretariat_user):
    response = secretariat_client.post(_decline_url(interest), {f"decline-{interest.pk}-reason": "  "})
    assert response.status_code == 400
    assert "Navedite razlog za zavrnitev." in response.content.decode()
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.NEW
    response = secretariat_client.post(_decline_url(interest), {f"decline-{interest.pk}-reason": "Podvojena prijava."})
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.DECLINED
    assert interest.decline_reason == "Podvojena prijava."
    assert interest.decided_by == secretariat_user and interest.decided_at is not None
    assert not Person.objects.filter(email__iexact=interest.email).exists()


def test_it_refuses_to_accept_what_was_declined(secretariat_user, interest):
    services.decline_interest(interest=interest, decided_by=secretariat_user, reason="Ne.")
    with pytest.raises(services.AlreadyDecided):
        services.accept_interest(interest=interest, decided_by=secretariat_user)
    assert not Membership.objects.filter(person__email__iexact=interest.email).exists()


def test_it_flags_a_second_pending_request_from_the_same_address(secretariat_client, interest):
    InterestFactory(partnership=interest.partnership, email="mojca.kovac@EXAMPLE.org")
    html = secretariat_client.get(TRIAGE).content.decode()
    assert html.count("poslal(-a) že prejšnjo prošnjo") == 1
