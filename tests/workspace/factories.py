"""Factories for the workspace tests (shared ones live in tests/factories.py)."""

import factory
from django.contrib.auth.models import Group

from partnership.models import Membership, Partnership, Subgroup
from tests.factories import PersonFactory, UserFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    slug = "digital-transition"
    name_sl = "Partnerstvo za digitalni prehod"


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    slug = factory.Sequence(lambda n: f"podskupina-{n}")
    name_sl = factory.Sequence(lambda n: f"Podskupina {n}")
    kind = Subgroup.Kind.PRIORITY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    subgroup = factory.SubFactory(SubgroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = Membership.Role.MEMBER


def lead_user():
    """A signed-in subgroup lead: a person with an account who leads a subgroup, not in the secretariat."""
    user = UserFactory()
    person = PersonFactory(email=user.email, user=user)
    MembershipFactory(person=person, role=Membership.Role.LEAD)
    assert not user.groups.filter(name__in=[g.name for g in Group.objects.all()]).exists()
    return user
