"""Benchmarking test data: the seeded framework, municipalities of both kinds, their staff and submissions."""

from benchmarking import seed
from benchmarking.models import Answer, Assessment, Framework
from coalition.models import Municipality, Organisation, Person
from coalition.seeding import SeedReport
from tests.factories import MunicipalityFactory, UserFactory


def seeded_framework():
    seed.load(SeedReport())
    return Framework.objects.get(version=1)


def municipal_staff(municipality):
    """A signed-up user whose contact record belongs to ``municipality``'s own organisation."""
    kind = Organisation.Kind.URBAN_MUNICIPALITY if municipality.is_urban else Organisation.Kind.MUNICIPALITY
    organisation = Organisation.objects.filter(municipality=municipality, kind__in=Organisation.MUNICIPAL_KINDS).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=f"Občina {municipality.name}",
            slug=f"obcina-{municipality.code.lower()}",
            kind=kind,
            municipality=municipality,
        )
    user = UserFactory()
    Person.objects.create(name="Uslužbenka Občine", email=user.email, organisation=organisation, user=user)
    return user


class UrbanMunicipalityFactory(MunicipalityFactory):
    kind = Municipality.Kind.URBAN


def submit(municipality, framework, values, year=2025, status=Assessment.Status.SUBMITTED):
    """An assessment with ``values`` {indicator code: Decimal-able}; missing codes stay unanswered."""
    assessment = Assessment.objects.create(municipality=municipality, year=year, framework=framework, status=status)
    indicators = {i.code: i for i in framework.indicators.all()}
    Answer.objects.bulk_create(
        Answer(assessment=assessment, indicator=indicators[code], value=value) for code, value in values.items()
    )
    return assessment


def full_answers(framework, level):
    """Every indicator answered at a level from 0.0 (nothing) to 1.0 (everything)."""
    values = {}
    for indicator in framework.indicators.all():
        if indicator.answer_type == "yes_no":
            values[indicator.code] = 1 if level >= 0.5 else 0
        elif indicator.answer_type == "percentage":
            values[indicator.code] = round(100 * level)
        elif indicator.answer_type == "maturity_0_4":
            values[indicator.code] = round(4 * level)
        else:
            values[indicator.code] = round(10 * level)
    return values
