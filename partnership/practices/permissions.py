"""Who may do what with good practices: one place for the pages, the API and the admin."""

from coalition.permissions import is_secretariat, person_for


def can_submit_practice(user):
    """Signed-in partners: a person whose contact record belongs to an organisation, or the secretariat."""
    if is_secretariat(user):
        return True
    person = person_for(user)
    return person is not None and person.organisation_id is not None


def can_review_practices(user):
    return is_secretariat(user)


def can_view_practice(user, practice):
    """Published practices are public; others only for the secretariat and whoever submitted them."""
    if practice.is_published or is_secretariat(user):
        return True
    return getattr(user, "is_authenticated", False) and practice.submitted_by_id == user.pk


def visible_practices(user, queryset):
    """The practices ``user`` may open (for lookups scoped before fetching)."""
    from django.db.models import Q

    if is_secretariat(user):
        return queryset
    if getattr(user, "is_authenticated", False):
        return queryset.filter(Q(status="published") | Q(submitted_by=user))
    return queryset.published()
