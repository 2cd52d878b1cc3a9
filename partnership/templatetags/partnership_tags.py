from django import template

from partnership.permissions import memberships_of

register = template.Library()


@register.inclusion_tag("partnership/_my_subgroups.html")
def my_subgroups(user):
    """The dashboard's "my subgroups" section: the user's memberships through their linked contact."""
    return {"memberships": memberships_of(user).order_by("subgroup__order", "subgroup__name_sl")}
