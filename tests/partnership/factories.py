"""Factories for the partnership's tests (shared ones live in tests/factories.py)."""

import datetime

import factory

from partnership.models import ExpressionOfInterest, Meeting, Membership, Partnership, Subgroup
from tests.factories import PersonFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    slug = "digitalna-tranzicija"
    name_sl = "Partnerstvo za digitalno tranzicijo"
    name_en = "Partnership for Digital Transition"


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    slug = factory.Sequence(lambda n: f"podskupina-{n}")
    name_sl = factory.Sequence(lambda n: f"Podskupina {n}")
    name_en = factory.Sequence(lambda n: f"Subgroup {n}")
    kind = Subgroup.Kind.PRIORITY
    contact_person = factory.SubFactory(PersonFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    subgroup = factory.SubFactory(SubgroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = Membership.Role.MEMBER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    slug = factory.Sequence(lambda n: f"sestanek-{n}")
    title_sl = factory.Sequence(lambda n: f"Sestanek {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    starts_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    place = "Ljubljana"


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpressionOfInterest
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Zainteresirana Oseba {n}")
    email = factory.Sequence(lambda n: f"interes{n}@example.org")
    organisation_name = "Občina Idrija"

    @factory.post_generation
    def subgroups(self, create, extracted, **kwargs):
        if create and extracted:
            self.subgroups.set(extracted)
