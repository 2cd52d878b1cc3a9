"""Linking user accounts to contacts: a user becomes "their" Person through a verified e-mail.

allauth offers only signals for "e-mail confirmed" and "logged in"; the receivers below do
nothing but call the two linking functions, which hold the rule.
"""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, user_logged_in
from django.db import transaction

from coalition.models import Person


def link_user_to_person(user):
    """Link ``user`` to the unlinked contact whose e-mail matches one of the user's verified addresses."""
    existing = Person.objects.filter(user=user).first()
    if existing is not None:
        return existing
    verified = (
        EmailAddress.objects.filter(user=user, verified=True).order_by("-primary").values_list("email", flat=True)
    )
    for email in verified:
        with transaction.atomic():
            person = Person.objects.with_email(email).filter(user__isnull=True).select_for_update().first()
            if person is not None:
                person.user = user
                person.save()
                return person
    return None


def link_person_to_user(person):
    """Link ``person`` to the account that verified the same e-mail, if there is one and it has no contact yet."""
    if person.user_id is not None or not person.email:
        return person
    address = (
        EmailAddress.objects.filter(email__iexact=person.email, verified=True, user__person__isnull=True)
        .select_related("user")
        .first()
    )
    if address is not None:
        person.user = address.user
        person.save()
    return person


def _on_email_confirmed(sender, request, email_address, **kwargs):
    link_user_to_person(email_address.user)


def _on_login(sender, request, user, **kwargs):
    link_user_to_person(user)


def connect_signals():
    email_confirmed.connect(_on_email_confirmed, dispatch_uid="coalition.link_user_on_email_confirmed")
    user_logged_in.connect(_on_login, dispatch_uid="coalition.link_user_on_login")
