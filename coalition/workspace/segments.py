"""Segments: saved filters of the people list; their mailing lists never include anyone who withdrew consent."""

from django.http import QueryDict

from coalition.workspace.filters import PersonFilterForm, PreloadableModelChoiceField


def segment_form(segment):
    return PersonFilterForm(QueryDict(segment.querystring))


def segment_forms(segments):
    """The filter form of each segment; the municipalities, subgroups and tags they name are loaded in
    one query per field for all of them, not one per segment."""
    forms = [segment_form(segment) for segment in segments]
    for name, field in PersonFilterForm.base_fields.items():
        if not isinstance(field, PreloadableModelChoiceField):
            continue
        wanted = {str(form.data.get(name, "")).strip() for form in forms}
        pks = {int(value) for value in wanted if value.isdigit()}
        objects = field.queryset.in_bulk(pks) if pks else {}
        for form in forms:
            form.fields[name].preloaded = objects
    return forms


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
