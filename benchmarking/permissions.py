"""Who may do what with benchmarking: one place for the pages, the API and the admin.

Staff of a municipality are signed-in people whose contact record belongs to that
municipality's own organisation (kind municipality or urban municipality). Every predicate
takes the user first and answers True or False; none raises.
"""

from coalition.permissions import is_secretariat, person_for


def municipality_of(user):
    """The municipality ``user`` works for, or None."""
    cached = getattr(user, "_benchmarking_municipality", False)
    if cached is not False:
        return cached
    person = person_for(user)
    organisation = person.organisation if person else None
    municipality = None
    if organisation is not None and organisation.is_municipal and organisation.municipality_id:
        municipality = organisation.municipality
    if getattr(user, "is_authenticated", False):
        user._benchmarking_municipality = municipality
    return municipality


def is_staff_of(user, municipality):
    own = municipality_of(user)
    return own is not None and municipality is not None and own.pk == municipality.pk


def can_view_assessment(user, municipality):
    """Drafts are seen only by the municipality's staff and the secretariat."""
    return is_staff_of(user, municipality) or is_secretariat(user)


def can_edit_assessment(user, assessment_or_none, municipality):
    """Fill in (or start) the municipality's assessment while it is a draft."""
    if not is_staff_of(user, municipality):
        return False
    return assessment_or_none is None or not assessment_or_none.is_submitted


def can_submit_assessment(user, assessment_or_none, municipality):
    return can_edit_assessment(user, assessment_or_none, municipality)


def can_reopen_assessment(user, assessment):
    return is_secretariat(user) and assessment is not None and assessment.is_submitted


def can_manage_frameworks(user):
    return is_secretariat(user)
