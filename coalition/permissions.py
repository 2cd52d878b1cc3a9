"""Who may do what in the coalition's own domain.

Pages, the API's permission classes and the admin all ask these predicates; none repeats
the rule. Subgroup and action-plan rules live in ``partnership.permissions``.
"""

SECRETARIAT_GROUP = "secretariat"


def is_secretariat(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._is_secretariat = cached
    return cached


def person_for(user):
    """The contact linked to ``user`` (through a verified e-mail), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    from coalition.models import Person

    return Person.objects.filter(user=user).select_related("organisation").first()
