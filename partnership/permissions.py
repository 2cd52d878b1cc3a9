"""Who may do what in the partnership: one place for pages, the API and the admin.

Every predicate takes the user first and answers True or False; none raises. Querysets of
what a user may see are methods here too, so a view never fetches globally and checks later.
"""

from coalition.permissions import is_secretariat, person_for
from partnership.models import Membership


def memberships_of(user):
    """The user's memberships (through their contact record), or an empty queryset."""
    person = person_for(user)
    if person is None:
        return Membership.objects.none()
    return Membership.objects.filter(person=person).select_related("subgroup")


def is_member(user, subgroup):
    """Lead, member or ad-hoc member of ``subgroup``."""
    return memberships_of(user).filter(subgroup=subgroup).exists()


def is_lead(user, subgroup):
    return memberships_of(user).filter(subgroup=subgroup, role=Membership.Role.LEAD).exists()


def can_manage_partnership(user):
    """Triage expressions of interest, manage memberships, meetings and milestones."""
    return is_secretariat(user)
