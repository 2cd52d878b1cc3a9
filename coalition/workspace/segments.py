"""Segments: saved filters of the people list; their mailing lists never include anyone who withdrew consent."""

from django.http import QueryDict

from coalition.workspace.filters import PersonFilterForm


def segment_form(segment):
    return PersonFilterForm(QueryDict(segment.querystring))


def segment_people(segment):
    """Everyone the segment's filter matches."""
    return segment_form(segment).queryset()


def segment_mailing_list(segment):
    """The people of a segment that may be mailed: with an e-mail and no withdrawn consent."""
    return segment_people(segment).mailable()


def email_list(people):
    """'Name <e-mail>' entries separated by '; ', as mail programs accept them pasted into To or Bcc."""
    entries = []
    for name, email in people.values_list("name", "email"):
        clean_name = name.replace('"', "").replace("<", "").replace(">", "")
        entries.append(f'"{clean_name}" <{email}>' if clean_name else email)
    return "; ".join(entries)
