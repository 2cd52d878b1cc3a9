"""The workspace's writes: editing contacts and organisations, merging two people into one.

Every write saves through the model (never ``QuerySet.update``) with ``_history_user`` set, so
django-simple-history records who made the change even outside a request (Celery tasks).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from coalition.models import Organisation, Person, PersonMerge
from partnership.models import Membership

ROLE_RANK = {Membership.Role.LEAD: 0, Membership.Role.MEMBER: 1, Membership.Role.AD_HOC: 2}
# Blank fields of the kept person that the dropped person's values fill.
FILLED_FIELDS = ["email", "phone", "position", "organisation_id"]


class MergeError(Exception):
    pass


def save_with_history(instance, *, by, **kwargs):
    instance._history_user = by
    instance.save(**kwargs)
    return instance


def describe_tag_change(before, after):
    """Tags are a many-to-many relation that history does not copy: describe the change in words."""
    added = [f"+{name}" for name in sorted(set(after) - set(before))]
    removed = [f"−{name}" for name in sorted(set(before) - set(after))]
    if not added and not removed:
        return ""
    return _("tags: %(change)s") % {"change": ", ".join(added + removed)}


@transaction.atomic
def save_person(*, person, by, tags=None):
    if tags is not None:
        before = set(person.tags.values_list("name", flat=True)) if person.pk else set()
        person._change_reason = describe_tag_change(before, {tag.name for tag in tags}) or None
    save_with_history(person, by=by)
    if tags is not None:
        person.tags.set(tags)
    return person


@transaction.atomic
def save_organisation(*, organisation, by):
    """Save an organisation and refresh its people's search text (it holds the organisation's name)."""
    save_with_history(organisation, by=by)
    refresh_search_text(organisation.people.select_related("organisation__municipality"))
    return organisation


def refresh_search_text(people):
    """Recompute search text without a history entry (it is derived data, excluded from history)."""
    for person in people.iterator(chunk_size=500):
        text = person.build_search_text()
        if text != person.search_text:
            Person.objects.filter(pk=person.pk).update(search_text=text)


def _moved_reverse_relations(keep, drop, by, moved):
    """Point every other row that refers to ``drop`` at ``keep`` (apps may add relations we do not know)."""
    handled = {"memberships", "user"}
    for relation in Person._meta.related_objects:
        related_model = relation.related_model
        if hasattr(related_model, "instance_type"):  # simple_history's historical copies
            continue
        accessor = relation.get_accessor_name()
        if accessor in handled or relation.one_to_one:
            continue
        key = f"{related_model._meta.label_lower}.{relation.field.name}"
        if relation.many_to_many:
            for obj in getattr(drop, accessor).all():
                getattr(obj, relation.field.name).add(keep)
                moved.setdefault(key, []).append(obj.pk)
            continue
        for obj in related_model._default_manager.filter(**{relation.field.name: drop}):
            setattr(obj, relation.field.name, keep)
            if hasattr(related_model, "history"):
                obj._history_user = by
            obj.save()
            moved.setdefault(key, []).append(obj.pk)


@transaction.atomic
def merge_people(*, keep, drop, by):
    """Merge ``drop`` into ``keep``: move memberships, expressions of interest, signatures, tags and
    the account link, fill ``keep``'s blank fields, record a :class:`PersonMerge`, delete ``drop``."""
    if keep.pk == drop.pk:
        raise MergeError(_("A person cannot be merged with themselves."))
    people = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=[keep.pk, drop.pk])}
    if len(people) != 2:
        raise MergeError(_("One of the two people no longer exists."))
    keep, drop = people[keep.pk], people[drop.pk]
    moved = {"memberships": [], "memberships_combined": [], "tags": [], "fields": []}

    for membership in list(drop.memberships.all()):
        existing = keep.memberships.filter(subgroup_id=membership.subgroup_id).first()
        if existing is None:
            membership.person = keep
            save_with_history(membership, by=by)
            moved["memberships"].append(membership.pk)
            continue
        if ROLE_RANK[membership.role] < ROLE_RANK[existing.role]:
            existing.role = membership.role
            save_with_history(existing, by=by)
        moved["memberships_combined"].append(membership.pk)
        membership._history_user = by
        membership.delete()

    _moved_reverse_relations(keep, drop, by, moved)

    tags = list(drop.tags.all())
    keep.tags.add(*tags)
    moved["tags"] = [tag.name for tag in tags]

    email_to_take = None
    for field in FILLED_FIELDS:
        if not getattr(keep, field) and getattr(drop, field):
            if field == "email":
                email_to_take = drop.email  # unique: taken once ``drop`` is gone
            else:
                setattr(keep, field, getattr(drop, field))
            moved["fields"].append(field.removesuffix("_id"))
    if drop.notes:
        keep.notes = "\n\n".join(filter(None, [keep.notes, drop.notes]))
        moved["fields"].append("notes")
    withdrawn = [t for t in (keep.mailing_consent_withdrawn_at, drop.mailing_consent_withdrawn_at) if t]
    if withdrawn:
        keep.mailing_consent_withdrawn_at = min(withdrawn)
    user_to_take = drop.user if keep.user_id is None and drop.user_id else None
    if user_to_take:
        moved["user"] = user_to_take.pk

    PersonMerge.objects.create(
        kept=keep,
        dropped_person_id=drop.pk,
        dropped_name=drop.name,
        dropped_email=drop.email,
        moved=moved,
        merged_by=by,
    )
    drop._history_user = by
    drop.delete()
    if email_to_take:
        keep.email = email_to_take
    if user_to_take:
        keep.user = user_to_take
    save_with_history(keep, by=by)
    return keep


def merged_emails(person):
    """E-mails of people merged into ``person``: their signatures still carry them."""
    return [e for e in person.merges.values_list("dropped_email", flat=True) if e]


def merged_person_ids(person):
    return list(person.merges.values_list("dropped_person_id", flat=True))


def organisation_for_municipality(municipality):
    return Organisation.objects.municipal().filter(municipality=municipality).first()
