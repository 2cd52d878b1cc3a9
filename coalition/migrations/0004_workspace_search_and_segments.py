"""Refill search_text with the municipality name, seed the built-in segments, and on PostgreSQL
add trigram GIN indexes so that the workspace's diacritic-folded search stays fast at 20,000 people.
"""

from django.db import migrations, transaction

from coalition.text import fold

BUILTIN_SEGMENTS = [
    ("subgroup-leads", "Vodje vseh podskupin", "role=lead"),
    ("sos-member-municipalities", "Kontakti v občinah članicah SOS", "kind=municipal&sos_member=yes"),
    ("signatory-municipalities", "Podpisniki, ki so občine", "kind=municipal&signed=yes"),
]


def refill_search_text(apps, schema_editor):
    Organisation = apps.get_model("coalition", "Organisation")
    Person = apps.get_model("coalition", "Person")
    for organisation in Organisation.objects.select_related("municipality").iterator(chunk_size=500):
        municipality = organisation.municipality.name if organisation.municipality_id else ""
        text = fold(" ".join(filter(None, [organisation.name, organisation.name_en, organisation.short_name, municipality])))
        if text != organisation.search_text:
            Organisation.objects.filter(pk=organisation.pk).update(search_text=text)
    for person in Person.objects.select_related("organisation__municipality").iterator(chunk_size=500):
        parts = [person.name, person.email]
        if person.organisation_id:
            parts.append(person.organisation.name)
            if person.organisation.municipality_id:
                parts.append(person.organisation.municipality.name)
        text = fold(" ".join(filter(None, parts)))
        if text != person.search_text:
            Person.objects.filter(pk=person.pk).update(search_text=text)


def seed_segments(apps, schema_editor):
    Segment = apps.get_model("coalition", "Segment")
    for key, name, querystring in BUILTIN_SEGMENTS:
        Segment.objects.get_or_create(builtin_key=key, defaults={"name": name, "querystring": querystring})


TRIGRAM_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS coalition_person_search_trgm ON coalition_person USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS coalition_organisation_search_trgm "
    "ON coalition_organisation USING gin (search_text gin_trgm_ops)",
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            with schema_editor.connection.cursor() as cursor:
                for statement in TRIGRAM_SQL:
                    cursor.execute(statement)
    except Exception:  # noqa: BLE001 - without the extension (no privilege) search still works, only slower
        pass


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS coalition_person_search_trgm")
        cursor.execute("DROP INDEX IF EXISTS coalition_organisation_search_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("coalition", "0003_workspace"),
    ]

    operations = [
        migrations.RunPython(refill_search_text, migrations.RunPython.noop),
        migrations.RunPython(seed_segments, migrations.RunPython.noop),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
