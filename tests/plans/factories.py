"""Factories and personas for the action plan tests."""

import factory

from partnership.models import Action, ActionPlan, Membership, Partnership, Subgroup
from partnership.plans import services
from tests.factories import PersonFactory, UserFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    slug = "digitalna-tranzicija-test"
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


class ActionPlanFactory(factory.django.DjangoModelFactory):
    """A plan with its first revision, as the service creates it."""

    class Meta:
        model = ActionPlan
        skip_postgeneration_save = True

    subgroup = factory.SubFactory(SubgroupFactory)
    title = factory.Sequence(lambda n: f"Akcijski načrt {n}")
    introduction = "Uvod v načrt: čakanje, šumniki in žabe."
    stage = ActionPlan.Stage.FIRST_DRAFT

    @factory.post_generation
    def first_revision(self, create, extracted, **kwargs):
        if create:
            services._record_revision(plan=self, number=self.version, user=None, kind="created")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    order = factory.Sequence(lambda n: n)
    pillar = Action.Pillar.REGULATION
    proposed_action = factory.Sequence(lambda n: f"Predlagan ukrep št. {n}")
    bottleneck = "Ozko grlo"


def user_in(subgroup, role=Membership.Role.MEMBER, **person_kwargs):
    """A signed-up user whose contact record is a member (or lead) of ``subgroup``."""
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email, **person_kwargs)
    Membership.objects.create(subgroup=subgroup, person=person, role=role)
    return user
