import pytest

from partnership.models import Membership
from tests.factories import UserFactory
from tests.plans.factories import ActionFactory, ActionPlanFactory, SubgroupFactory, user_in


@pytest.fixture
def plan(db):
    plan = ActionPlanFactory()
    ActionFactory(plan=plan, pillar="regulation", proposed_action="Javna naročila za sodelovalne inovacije")
    ActionFactory(plan=plan, pillar="funding", proposed_action="Večletni finančni okvir")
    return plan


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def other_member(db):
    return user_in(SubgroupFactory())


@pytest.fixture
def member(plan):
    return user_in(plan.subgroup)


@pytest.fixture
def lead(plan):
    return user_in(plan.subgroup, role=Membership.Role.LEAD)
