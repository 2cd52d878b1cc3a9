from django.contrib.auth.models import AnonymousUser

from partnership.models import Membership
from partnership.permissions import can_manage_partnership, is_lead, is_member, memberships_of
from tests.factories import PersonFactory, UserFactory
from tests.partnership.factories import MembershipFactory, SubgroupFactory


def _member(role):
    user = UserFactory()
    membership = MembershipFactory(person=PersonFactory(email=user.email, user=user), role=role)
    return user, membership.subgroup


def test_it_sees_a_lead_as_lead_and_member_of_their_subgroup_only(db):
    user, subgroup = _member(Membership.Role.LEAD)
    other = SubgroupFactory(partnership=subgroup.partnership)
    assert is_lead(user, subgroup) and is_member(user, subgroup)
    assert not is_lead(user, other) and not is_member(user, other)
    assert list(memberships_of(user).values_list("subgroup", flat=True)) == [subgroup.pk]


def test_it_counts_ad_hoc_and_plain_members_as_members_but_not_leads(db):
    for role in (Membership.Role.MEMBER, Membership.Role.AD_HOC):
        user, subgroup = _member(role)
        assert is_member(user, subgroup)
        assert not is_lead(user, subgroup)


def test_it_gives_nothing_to_anonymous_and_unlinked_users(db):
    subgroup = SubgroupFactory()
    for user in (AnonymousUser(), UserFactory()):
        assert not is_member(user, subgroup)
        assert not is_lead(user, subgroup)
        assert not memberships_of(user).exists()
        assert not can_manage_partnership(user)


def test_it_lets_only_the_secretariat_manage_the_partnership(db, secretariat_user):
    lead, _subgroup = _member(Membership.Role.LEAD)
    assert can_manage_partnership(secretariat_user)
    assert not can_manage_partnership(lead)
