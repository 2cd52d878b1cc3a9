import pytest
from django.utils import translation

from partnership.models import Membership
from partnership.plans import services
from tests.factories import UserFactory
from tests.plans.factories import ActionFactory, ActionPlanFactory, SubgroupFactory, user_in


@pytest.fixture
def plan(db):
    plan = ActionPlanFactory()
    ActionFactory(plan=plan, pillar="regulation", proposed_action="Javna naročila za sodelovalne inovacije")
    ActionFactory(plan=plan, pillar="funding", proposed_action="Večletni finančni okvir")
    plan.revisions.filter(number=1).update(snapshot=services.snapshot_of(plan))  # revision 1 holds the actions
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


@pytest.fixture(autouse=True)
def _slovenian():
    """reverse() and the pages in Slovenian, whatever an earlier test left active."""
    with translation.override("sl"):
        yield
