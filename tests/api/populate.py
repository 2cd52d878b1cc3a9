"""One of everything the public API shows, with the personal data it must never show."""

from coalition.models import Organisation, Person
from tests.api.factories import (
    MeetingFactory,
    MembershipFactory,
    MilestoneFactory,
    PartnerFactory,
    PartnershipFactory,
    SubgroupFactory,
)
from tests.factories import MunicipalityFactory, OrganisationFactory, PersonFactory

POPULATORS = []


def populator(function):
    POPULATORS.append(function)
    return function


@populator
def coalition_data(size=1):
    for index in range(size):
        municipality = MunicipalityFactory()
        OrganisationFactory(
            kind=Organisation.Kind.MUNICIPALITY,
            municipality=municipality,
            sos_member=bool(index % 2),
            notes="internal note: never public",
            description="description",
        )
        PersonFactory(notes="internal", phone="+386 1 000 00 00")


@populator
def partnership_data(size=1):
    partnership = PartnershipFactory()
    for _index in range(size):
        PartnershipFactory(slug=f"partnerstvo-{PartnershipFactory._meta.model.objects.count()}")
        PartnerFactory(partnership=partnership)
        subgroup = SubgroupFactory(partnership=partnership)
        MembershipFactory(subgroup=subgroup, role="lead")
        MembershipFactory(subgroup=subgroup)
        MeetingFactory(partnership=partnership, subgroup=subgroup)
        MilestoneFactory(partnership=partnership)


@populator
def plan_data(size=1):
    from partnership.models import ActionPlan
    from tests.plans.factories import ActionFactory, ActionPlanFactory

    for _index in range(size):
        published = ActionPlanFactory(status=ActionPlan.Status.PUBLISHED)
        ActionPlanFactory(subgroup=published.subgroup)  # a draft: never shown to anonymous clients
        action = ActionFactory(plan=published)
        action.responsible_partners.add(OrganisationFactory(), OrganisationFactory())
        ActionFactory(plan=published)


def populate(size=1):
    for function in POPULATORS:
        function(size)


def personal_emails():
    return list(Person.objects.exclude(email=None).values_list("email", flat=True))
