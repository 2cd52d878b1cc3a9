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


# --- Action plans -----------------------------------------------------------------------------
# One rule each, shared by the pages (partnership.plans), the services and the API.


def subgroup_roles(user):
    """{subgroup id: role} of the user's memberships, looked up once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_subgroup_roles", None)
    if cached is None:
        cached = dict(Membership.objects.filter(person__user=user).values_list("subgroup_id", "role"))
        user._subgroup_roles = cached
    return cached


def _is_plan_member(user, plan):
    return plan.subgroup_id in subgroup_roles(user)


def _is_plan_lead(user, plan):
    return subgroup_roles(user).get(plan.subgroup_id) == Membership.Role.LEAD


def can_create_plan(user, subgroup):
    return is_secretariat(user) or subgroup.pk in subgroup_roles(user)


def can_view_plan(user, plan):
    """Published plans are public; drafts and plans in review only for the subgroup and the secretariat."""
    return plan.is_published or is_secretariat(user) or _is_plan_member(user, plan)


def can_edit_plan(user, plan):
    """Members of the plan's subgroup (and the secretariat) while the plan is a draft."""
    return plan.is_draft and (is_secretariat(user) or _is_plan_member(user, plan))


def can_submit_plan(user, plan):
    """The subgroup's leads (and the secretariat) submit a draft for review."""
    return plan.is_draft and (is_secretariat(user) or _is_plan_lead(user, plan))


def can_review_plan(user, plan):
    """Approve a plan in review, or send a plan in review or approved back to draft."""
    return is_secretariat(user) and plan.status in (plan.Status.IN_REVIEW, plan.Status.APPROVED)


def can_publish(user, plan):
    return is_secretariat(user) and plan.status == plan.Status.APPROVED


def can_comment(user, plan):
    """Members of the subgroup and the secretariat discuss a plan (at any stage) and see its history."""
    return is_secretariat(user) or _is_plan_member(user, plan)


def can_resolve_comment(user, comment):
    return can_comment(user, comment.plan)
