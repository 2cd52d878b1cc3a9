"""One of everything the public API shows, with the personal data it must never show."""

from django.utils import timezone

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


@populator
def declaration_data(size=1):
    from declaration.models import DeclarationSection, SignatoryType, Signature
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory

    declaration = DeclarationFactory()
    if not declaration.consent_texts.exists():
        ConsentTextFactory(declaration=declaration, version=1)
        DeclarationSection.objects.create(
            declaration=declaration, position=1, anchor="uvod", heading_sl="Uvod", body_sl="Besedilo."
        )
    for _index in range(size):
        other = DeclarationFactory(slug=f"deklaracija-{declaration._meta.model.objects.count()}")
        ConsentTextFactory(declaration=other, version=1)
        ConsentTextFactory(declaration=other, version=2)
        DeclarationSection.objects.create(declaration=other, position=1, anchor="a", heading_sl="A", body_sl="A.")
        SignatureFactory(declaration=declaration, municipality=MunicipalityFactory())
        SignatureFactory(
            declaration=declaration,
            signatory_type=SignatoryType.MUNICIPALITY,
            organisation_name="Občina Preverjena",
            position="županja",
            institution_verified_at=timezone.now(),
        )
        SignatureFactory(
            declaration=declaration, signatory_type=SignatoryType.COMPANY, organisation_name="Nepreverjeno"
        )
        SignatureFactory(declaration=declaration, show_publicly=False, name="Skriti Podpisnik")
        SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None, name="Čakajoči")


@populator
def practice_data(size=1):
    from coalition.models import Tag
    from partnership.models import GoodPractice
    from tests.practices.factories import GoodPracticeFactory

    for index in range(size):
        published = GoodPracticeFactory(municipality=MunicipalityFactory(), published_at=timezone.now())
        tag, _created = Tag.objects.get_or_create(name=f"oznaka-{index}")
        published.tags.add(tag)
        GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED, contact_email="neobjavljeno@example.org")


def populate(size=1):
    for function in POPULATORS:
        function(size)


def personal_emails():
    from declaration.models import Signature

    people = Person.objects.exclude(email=None).values_list("email", flat=True)
    from partnership.models import GoodPractice

    signatories = Signature.objects.exclude(email="").values_list("email", flat=True)
    practices = GoodPractice.objects.exclude(contact_email="").values_list("contact_email", flat=True)
    return [*people, *signatories, *practices]
