"""Likely duplicate people: the same e-mail once case, spaces and Unicode variants are ignored,
or the same name (ignoring diacritics and case) within one organisation."""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from coalition.models import Person
from coalition.text import fold

INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}


def normalise_email(email):
    """Compare e-mails as a person would: NFKC, no spaces or invisible characters, case-folded."""
    text = unicodedata.normalize("NFKC", email or "")
    text = "".join(ch for ch in text if not ch.isspace() and ch not in INVISIBLE)
    return text.casefold()


@dataclass
class DuplicateGroup:
    reason: str
    people: list = field(default_factory=list)


def find_duplicates(limit=200):
    """Groups of two or more people that are probably one, at most ``limit`` groups."""
    rows = list(Person.objects.values_list("pk", "email", "name", "organisation_id"))
    by_email = defaultdict(list)
    by_name = defaultdict(list)
    for pk, email, name, organisation_id in rows:
        if email:
            by_email[normalise_email(email)].append(pk)
        if organisation_id and name:
            by_name[(organisation_id, fold(name))].append(pk)
    groups = []
    seen = set()
    for pks in by_email.values():
        if len(pks) > 1:
            groups.append((_("same e-mail"), tuple(sorted(pks))))
            seen.add(tuple(sorted(pks)))
    for pks in by_name.values():
        if len(pks) > 1 and tuple(sorted(pks)) not in seen:
            groups.append((_("same name in the same organisation"), tuple(sorted(pks))))
    groups = groups[:limit]
    wanted = {pk for _reason, pks in groups for pk in pks}
    people = Person.objects.select_related("organisation").prefetch_related("memberships").in_bulk(wanted)
    return [
        DuplicateGroup(reason=str(reason), people=[people[pk] for pk in pks if pk in people]) for reason, pks in groups
    ]
