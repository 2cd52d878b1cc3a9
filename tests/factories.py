"""factory_boy factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from coalition.models import Municipality, Organisation, Person
from coalition.permissions import SECRETARIAT_GROUP
from coalition.seed import ensure_secretariat_group

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class SecretariatUserFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def secretariat(self, create, extracted, **kwargs):
        if create:
            ensure_secretariat_group()
            self.groups.add(Group.objects.get(name=SECRETARIAT_GROUP))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"SI-{900 + n % 99:03d}")
    name = factory.Sequence(lambda n: f"Testna občina {n}")
    kind = Municipality.Kind.MUNICIPALITY


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organizacija {n}")
    slug = factory.Sequence(lambda n: f"organizacija-{n}")
    kind = Organisation.Kind.COMPANY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Oseba Številka {n}")
    email = factory.Sequence(lambda n: f"oseba{n}@example.org")
    organisation = factory.SubFactory(OrganisationFactory)
