import factory

from coalition.models import Person
from partnership.models import GoodPractice, Partnership, Subgroup
from tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup
        django_get_or_create = ["slug"]

    partnership = factory.LazyFunction(
        lambda: Partnership.objects.get_or_create(slug="digitalna-tranzicija", defaults={"name_sl": "Partnerstvo"})[0]
    )
    slug = "euprava"
    name_sl = "eUprava"
    name_en = "eGovernment"
    kind = Subgroup.Kind.PRIORITY


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    title = factory.Sequence(lambda n: f"Dobra praksa {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    subgroup = factory.SubFactory(SubgroupFactory)
    summary = "E-vloge za komunalne prispevke."
    problem_solved = "Čakalne vrste na občini."
    status = GoodPractice.Status.PUBLISHED
    contact_name = "Vodja informatike"
    contact_email = "skrito@example.org"


def partner_user(organisation=None):
    user = UserFactory()
    Person.objects.create(
        name="Partnerka", email=user.email, organisation=organisation or OrganisationFactory(), user=user
    )
    return user


__all__ = ["GoodPracticeFactory", "MunicipalityFactory", "SubgroupFactory", "partner_user"]
