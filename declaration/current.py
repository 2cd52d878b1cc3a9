"""What every signing needs: the declaration open for signing, its consent text in force, the municipalities.

They change a few times a year, yet the signing form and every signing read them, so each process
keeps them in memory for as long as the page cache's ``CONTENT`` version stays the same. Saving or
deleting a declaration, a section, a consent text or a municipality bumps that version at once and
again after the commit (``coalition.pagecache.invalidate_on``), and the next request reads them
afresh. Without a shared cache there is no version, and they are read on every call.
"""

import copy
import threading
from typing import NamedTuple

from coalition import pagecache
from coalition.models import Municipality
from declaration.models import ConsentText, Declaration


class Current(NamedTuple):
    declaration: Declaration | None
    consent_text: ConsentText | None
    municipalities: dict  # every Municipality by its primary key as text (as forms post it), in order of name


_held = {"version": None, "value": None}
_lock = threading.Lock()


def _read():
    declaration = Declaration.objects.order_by("-created").first()
    consent_text = declaration.current_consent_text() if declaration else None
    municipalities = {str(m.pk): m for m in Municipality.objects.order_by("name")}
    return Current(declaration, consent_text, municipalities)


def get():
    """The current :class:`Current`: the declaration and consent text are the caller's own copies, the
    municipalities are shared (read them, never change them)."""
    version = pagecache.scope_versions([pagecache.CONTENT])
    if version is None:
        return _read()
    with _lock:
        held = _held["value"] if _held["version"] == version else None
    if held is None:
        held = _read()
        with _lock:
            _held.update(version=version, value=held)
    # Copies: a view or service may set attributes on them; the held ones stay as read.
    declaration, consent_text = copy.copy(held.declaration), copy.copy(held.consent_text)
    if declaration is not None:
        declaration._consent_text_in_force = consent_text
    return held._replace(declaration=declaration, consent_text=consent_text)


def consent_text_in_force(declaration):
    """The consent text ``declaration`` is signed under now.

    A declaration from :func:`get` knows it already (read in the same request); any other is
    looked up in memory when it is the current declaration, else in the database.
    """
    known = getattr(declaration, "_consent_text_in_force", None)
    if known is not None:
        return known
    held = get()
    if held.declaration is not None and held.declaration.pk == declaration.pk:
        return held.consent_text
    return declaration.current_consent_text()
