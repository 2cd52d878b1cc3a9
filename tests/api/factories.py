"""Factories for the API tests (the partnership's own, where they exist, live with its tests)."""

import datetime

import factory

from partnership.models import Meeting, Membership, Milestone, Partner, Partnership, Subgroup
from tests.factories import OrganisationFactory, PersonFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    slug = "digitalni-prehod"
    name_sl = "Partnerstvo za digitalni prehod"
    name_en = "Partnership for Digital Transition"
    data_notes = "internal note that never leaves the admin"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    category = Partner.Category.CITY


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    slug = factory.Sequence(lambda n: f"api-podskupina-{n}")
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
    subgroup = factory.SubFactory(SubgroupFactory)
    slug = factory.Sequence(lambda n: f"sestanek-{n}")
    title_sl = factory.Sequence(lambda n: f"Sestanek {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    starts_on = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=7 * n))
    place = "Ljubljana"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    partnership = factory.SubFactory(PartnershipFactory)
    kind = Milestone.Kind.FIRST_DRAFT
    title_sl = factory.Sequence(lambda n: f"Mejnik {n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n))
