from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from coalition.accounts import link_person_to_user, link_user_to_person
from partnership.models import Membership, Subgroup
from tests.factories import PersonFactory, UserFactory
from tests.partnership.factories import MembershipFactory

DASHBOARD = "/en/moj-profil/"


def test_it_links_a_user_to_the_contact_with_the_same_verified_email(db):
    user = UserFactory(email="Nina@Example.org")
    person = PersonFactory(email="nina@example.org")
    assert link_user_to_person(user) == person
    person.refresh_from_db()
    assert person.user == user


def test_it_does_not_link_an_unverified_address(db):
    user = UserFactory(email="nina@example.org")
    EmailAddress.objects.filter(user=user).update(verified=False)
    person = PersonFactory(email="nina@example.org")
    assert link_user_to_person(user) is None
    person.refresh_from_db()
    assert person.user is None


def test_it_links_when_allauth_confirms_an_email(db):
    user = UserFactory(email="nina@example.org")
    person = PersonFactory(email="NINA@example.org")
    email_confirmed.send(sender=EmailAddress, request=None, email_address=EmailAddress.objects.get(user=user))
    person.refresh_from_db()
    assert person.user == user


def test_it_links_a_contact_created_later_to_the_existing_account(db):
    user = UserFactory(email="nina@example.org")
    person = link_person_to_user(PersonFactory(email="Nina@example.org"))
    assert person.user == user


def test_it_shows_my_subgroups_on_the_dashboard_after_login(client, seeded):
    UserFactory(email="lead@example.org")
    person = PersonFactory(email="lead@example.org")
    MembershipFactory(subgroup=Subgroup.objects.get(slug="euprava"), person=person, role=Membership.Role.LEAD)
    client.post("/en/racun/login/", {"login": "lead@example.org", "password": "correct horse battery staple"})
    html = client.get(DASHBOARD).content.decode()
    assert "My subgroups" in html
    assert "eGovernment" in html and "lead" in html


def test_it_tells_a_user_without_memberships_how_to_join(client, seeded, plain_user):
    client.force_login(plain_user)
    html = client.get("/sl/moj-profil/").content.decode()
    assert "Moje podskupine" in html and "Niste še član nobene podskupine." in html
