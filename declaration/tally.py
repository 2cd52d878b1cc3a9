"""Per-declaration counts of confirmed and publicly listed signatures, kept in step with every change.

Every save and delete of a signature (the signing services, the admin, factories, a shell) passes
through ``pre_save``/``post_save``/``post_delete`` here: the row's state before the write is read
from the database (locked, inside a transaction) and the difference is added to the declaration's
:class:`~declaration.models.SignatureTally` in the same transaction. Reading a count is then one
row, whatever the number of signatures.

Bulk writes (``bulk_create``, ``QuerySet.update``) send no signals: whoever makes them calls
:func:`recount` afterwards (the benchmark's seeding does). A declaration without a tally row yet
gets one, counted exactly, the first time it is needed.
"""

from django.db import connection, transaction
from django.db.models import F

from coalition import pagecache
from declaration.models import Declaration, Signature, SignatureTally

# The fields whose change can move a signature into or out of a count.
COUNTED_FIELDS = frozenset({"status", "show_publicly", "declaration", "declaration_id"})


def _state(status, show_publicly):
    """(counts as confirmed, counts as listed) of a signature in this state."""
    confirmed = status == Signature.Status.CONFIRMED
    return int(confirmed), int(confirmed and bool(show_publicly))


def recount(declaration_id):
    """Count the declaration's signatures exactly and store the figures; returns the tally."""
    with transaction.atomic():
        confirmed = Signature.objects.filter(declaration_id=declaration_id).confirmed()
        figures = {"confirmed": confirmed.count(), "listed": confirmed.filter(show_publicly=True).count()}
        tally, _created = SignatureTally.objects.update_or_create(declaration_id=declaration_id, defaults=figures)
    return tally


def listed_count(declaration):
    """How many of the declaration's signatures the public list shows (one row read, none if the
    declaration was loaded with ``select_related("tally")``)."""
    try:
        return declaration.tally.listed
    except SignatureTally.DoesNotExist:
        return recount(declaration.pk).listed


_held_listed = (None, None)  # ((declaration pk, page cache SIGNATURES version), listed count)


def listed_count_held(declaration):
    """:func:`listed_count`, kept in process memory while the page cache's ``SIGNATURES`` version stays.

    Every change that can move the count (a confirmation, a withdrawal, any save or delete of a
    signature that is not pending) bumps that version, as it must for the cached pages that show
    the count: the figure is exactly as fresh as those pages. Without a shared cache there is no
    version, and it is read every time.
    """
    global _held_listed  # noqa: PLW0603 - one tuple, replaced whole (atomic for the threads)
    version = pagecache.scope_versions([pagecache.SIGNATURES])
    key, listed = _held_listed
    if version is None or key != (declaration.pk, version):
        listed = listed_count(declaration)
        if version is not None:
            _held_listed = ((declaration.pk, version), listed)
    return listed


def listed_count_all():
    """How many signatures the public lists of every declaration show together (one query)."""
    rows = Declaration.objects.values_list("pk", "tally__listed")
    return sum(recount(pk).listed if listed is None else listed for pk, listed in rows)


def _add(declaration_id, confirmed, listed):
    if not (confirmed or listed):
        return
    updated = SignatureTally.objects.filter(declaration_id=declaration_id).update(
        confirmed=F("confirmed") + confirmed, listed=F("listed") + listed
    )
    if not updated:
        recount(declaration_id)  # counts the change just written too


def before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    instance._tally_before = None
    if raw or instance._state.adding:
        return
    if update_fields is not None and not COUNTED_FIELDS & set(update_fields):
        return
    stored = Signature.objects.filter(pk=instance.pk)
    if connection.in_atomic_block:
        stored = stored.select_for_update()
    instance._tally_before = stored.values_list("declaration_id", "status", "show_publicly").first()


def after_save(sender, instance, created, update_fields=None, raw=False, **kwargs):
    before = getattr(instance, "_tally_before", None)
    instance._tally_before = None
    if raw or (not created and before is None):
        return
    confirmed, listed = _state(instance.status, instance.show_publicly)
    if before is None:
        _add(instance.declaration_id, confirmed, listed)
        return
    old_declaration, old_status, old_show = before
    old_confirmed, old_listed = _state(old_status, old_show)
    if old_declaration == instance.declaration_id:
        _add(instance.declaration_id, confirmed - old_confirmed, listed - old_listed)
    else:
        _add(old_declaration, -old_confirmed, -old_listed)
        _add(instance.declaration_id, confirmed, listed)


def after_delete(sender, instance, **kwargs):
    confirmed, listed = _state(instance.status, instance.show_publicly)
    _add(instance.declaration_id, -confirmed, -listed)


def declaration_created(sender, instance, created, raw=False, **kwargs):
    """A new declaration starts with its tally at zero (it has no signatures yet)."""
    if created and not raw:
        SignatureTally.objects.get_or_create(declaration=instance)
