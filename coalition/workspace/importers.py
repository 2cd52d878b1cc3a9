"""Import of people and organisations from CSV and XLSX.

Two steps. ``preview_upload`` reads the file, checks every row and stores the plan in an
:class:`ImportBatch` (create / update / skip / error, with the row, the column and why) without
writing anything else. Once the secretariat confirms, ``apply_batch`` (run by a Celery task)
writes the good rows, re-checking each against the database as it is then, and records progress.
"""

import csv
import io
import re
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from coalition.models import ImportBatch, Municipality, Organisation, Person, Tag
from coalition.text import fold
from coalition.workspace.services import describe_tag_change, save_with_history

MAX_UPLOAD_BYTES = getattr(settings, "WORKSPACE_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
MAX_ROWS = getattr(settings, "WORKSPACE_IMPORT_MAX_ROWS", 20_000)
PROGRESS_EVERY = 25
CHUNK = 100


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, for the upload form."""


def _key(text):
    return re.sub(r"[^a-z0-9]", "", fold(str(text or "")))


# Column headers we recognise, in English and Slovenian (compared without case, diacritics or punctuation).
PEOPLE_COLUMNS = {
    "name": ["name", "full name", "ime in priimek", "ime priimek", "kontakt", "oseba"],
    "first_name": ["first name", "ime"],
    "last_name": ["last name", "surname", "priimek"],
    "email": ["email", "e-mail", "e-mail address", "e-posta", "e-pošta", "elektronska posta", "mail", "naslov e-poste"],
    "phone": ["phone", "telephone", "telefon", "tel", "gsm"],
    "organisation": ["organisation", "organization", "organizacija", "institucija", "ustanova"],
    "position": ["position", "job title", "funkcija", "delovno mesto", "polozaj"],
    "municipality": ["municipality", "obcina"],
    "tags": ["tags", "oznake"],
    "notes": ["notes", "opombe"],
}
ORGANISATION_COLUMNS = {
    "name": ["name", "naziv", "ime", "organisation", "organizacija"],
    "short_name": ["short name", "kratko ime", "kratica"],
    "kind": ["kind", "type", "vrsta", "tip"],
    "municipality": ["municipality", "obcina", "sedez"],
    "sos_member": ["sos member", "sos", "clan sos", "clanica sos"],
    "website": ["website", "web", "url", "spletna stran", "splet"],
    "country": ["country", "drzava"],
    "notes": ["notes", "opombe"],
}
FIELD_LABELS = {
    "name": gettext_lazy("name"),
    "email": gettext_lazy("e-mail"),
    "phone": gettext_lazy("phone"),
    "organisation": gettext_lazy("organisation"),
    "position": gettext_lazy("position"),
    "municipality": gettext_lazy("municipality"),
    "tags": gettext_lazy("tags"),
    "notes": gettext_lazy("notes"),
    "kind": gettext_lazy("kind"),
    "short_name": gettext_lazy("short name"),
    "sos_member": gettext_lazy("SOS member"),
    "website": gettext_lazy("website"),
    "country": gettext_lazy("country"),
}
MAX_LENGTHS = {"name": 200, "phone": 40, "position": 200, "organisation": 200, "short_name": 40, "notes": 5000}
YES = {"yes", "da", "1", "true", "x", "y", "d"}
NO = {"no", "ne", "0", "false", "n", ""}


# --- Reading the file --------------------------------------------------------------------------


def decode_csv(data):
    """Text and encoding of CSV bytes: UTF-8 (with or without BOM) strictly first, then Windows-1250."""
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        _("The file could not be read as text in UTF-8 or Windows-1250. Save it as CSV (UTF-8) and try again.")
    )


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def read_table(uploaded):
    """(headers, [(row number, cells)], encoding) of an uploaded CSV or XLSX file."""
    suffix = Path(uploaded.name or "").suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_UPLOAD_BYTES // 1048576}
        )
    data = uploaded.read()
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if suffix == ".xlsx":
        rows, encoding = _read_xlsx(data), "xlsx"
    else:
        if data[:4] == b"PK\x03\x04":
            raise ImportFileError(
                _("This looks like an Excel workbook: give it the .xlsx extension or save it as CSV.")
            )
        text, encoding = decode_csv(data)
        rows = _read_csv(text)
    numbered = [(number, cells) for number, cells in enumerate(rows, start=1) if any(cells)]
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    (_header_number, headers), body = numbered[0], numbered[1:]
    if len(body) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(rows)s rows. Split it into smaller files.") % {"rows": MAX_ROWS}
        )
    return headers, body, encoding


def _read_csv(text):
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[_cell(value) for value in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc


def _read_xlsx(data):
    if data[:4] != b"PK\x03\x04":
        raise ImportFileError(_("The file is not a valid .xlsx workbook."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError) as exc:
        raise ImportFileError(_("The file is not a valid .xlsx workbook.")) from exc
    return rows


def map_columns(headers, known, required):
    """{field: column index} from the header row; an ImportFileError names missing required columns."""
    lookup = {_key(alias): field for field, aliases in known.items() for alias in aliases}
    mapping = {}
    for index, header in enumerate(headers):
        field = lookup.get(_key(header))
        if field and field not in mapping:
            mapping[field] = index
    if "name" not in mapping and "first_name" in mapping:
        mapping["name"] = None  # composed from first and last name
    missing = [field for field in required if field not in mapping]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns. Missing: %(columns)s.")
            % {"columns": ", ".join(str(FIELD_LABELS[f]) for f in missing)}
        )
    return mapping


def column_label(headers, index):
    header = headers[index] if index is not None and index < len(headers) else ""
    letter = get_column_letter(index + 1) if index is not None else ""
    return f"{letter} ({header})" if header else letter


# --- Looking things up -----------------------------------------------------------------------


class Lookups:
    """Everything the row checks compare with, loaded once per file (a few queries, not one per row)."""

    def __init__(self):
        self.municipalities = {}
        for municipality in Municipality.objects.all():
            names = {municipality.name, municipality.code, *municipality.name.split("/")}
            for name in names:
                self.municipalities[_key(name)] = municipality
                for prefix in ("obcina", "mestnaobcina"):
                    self.municipalities[prefix + _key(name)] = municipality
        self.organisations = {}
        self.municipal_organisations = {}
        for organisation in Organisation.objects.all():
            for name in filter(None, [organisation.name, organisation.short_name, organisation.name_en]):
                self.organisations.setdefault(_key(name), organisation)
            if organisation.is_municipal and organisation.municipality_id:
                self.municipal_organisations[organisation.municipality_id] = organisation

    def municipality(self, text):
        return self.municipalities.get(_key(text))

    def organisation(self, text):
        return self.organisations.get(_key(text))


def _existing_people(emails):
    found = {}
    lowered = sorted({e.lower() for e in emails if e})
    for start in range(0, len(lowered), 500):
        for person in (
            Person.objects.alias(email_lower=Lower("email"))
            .filter(email_lower__in=lowered[start : start + 500])
            .select_related("organisation")
            .prefetch_related("tags")
        ):
            found[person.email.lower()] = person
    return found


# --- Checking rows ---------------------------------------------------------------------------


def _value(cells, mapping, field):
    index = mapping.get(field)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _row(number, action="create"):
    return {"row": number, "action": action, "errors": [], "reasons": [], "values": {}, "changes": [], "target": None}


def _error(result, headers, mapping, field, message):
    result["errors"].append({"column": column_label(headers, mapping.get(field)), "message": str(message)})


def _check_lengths(result, headers, mapping, values):
    for field, limit in MAX_LENGTHS.items():
        if len(values.get(field) or "") > limit:
            _error(result, headers, mapping, field, _("Longer than %(limit)s characters.") % {"limit": limit})


def plan_people(headers, rows):
    mapping = map_columns(headers, PEOPLE_COLUMNS, required=["name", "email"])
    lookups = Lookups()
    existing = _existing_people(_value(cells, mapping, "email") for _n, cells in rows)
    first_row_of_email = {}
    results = []
    for number, cells in rows:
        result = _row(number)
        name = _value(cells, mapping, "name")
        if mapping.get("name") is None:
            name = " ".join(filter(None, [_value(cells, mapping, "first_name"), _value(cells, mapping, "last_name")]))
        values = {
            "name": name,
            "email": _value(cells, mapping, "email"),
            "phone": _value(cells, mapping, "phone"),
            "organisation": _value(cells, mapping, "organisation"),
            "position": _value(cells, mapping, "position"),
            "municipality": _value(cells, mapping, "municipality"),
            "tags": [t.strip() for t in re.split(r"[,;]", _value(cells, mapping, "tags")) if t.strip()],
            "notes": _value(cells, mapping, "notes"),
        }
        result["values"] = values
        if not values["name"]:
            _error(
                result,
                headers,
                {**mapping, "name": mapping.get("name", mapping.get("first_name"))},
                "name",
                _("The name is missing."),
            )
        email = values["email"]
        if not email:
            _error(result, headers, mapping, "email", _("The e-mail is missing."))
        else:
            try:
                validate_email(email)
            except ValidationError:
                _error(
                    result,
                    headers,
                    mapping,
                    "email",
                    _("“%(value)s” is not a valid e-mail address.") % {"value": email},
                )
            else:
                earlier = first_row_of_email.setdefault(email.lower(), number)
                if earlier != number:
                    _error(
                        result,
                        headers,
                        mapping,
                        "email",
                        _("The same e-mail as row %(row)s: only the first of the two is imported.") % {"row": earlier},
                    )
        municipality = None
        if values["municipality"]:
            municipality = lookups.municipality(values["municipality"])
            if municipality is None:
                _error(
                    result,
                    headers,
                    mapping,
                    "municipality",
                    _("Unknown municipality “%(value)s”. Use its name as in the list of Slovenian municipalities.")
                    % {"value": values["municipality"]},
                )
        _check_lengths(result, headers, mapping, values)
        if result["errors"]:
            result["action"] = "error"
            results.append(result)
            continue

        values["municipality_id"] = municipality.pk if municipality else None
        organisation = lookups.organisation(values["organisation"]) if values["organisation"] else None
        if organisation is None and not values["organisation"] and municipality:
            organisation = lookups.municipal_organisations.get(municipality.pk)
        values["organisation_id"] = organisation.pk if organisation else None
        if values["organisation"] and organisation is None:
            result["reasons"].append(
                _("A new organisation “%(name)s” will be created.") % {"name": values["organisation"]}
            )

        person = existing.get(email.lower())
        if person is None:
            result["reasons"].append(_("New person."))
        else:
            result["target"] = person.pk
            changes = _person_changes(person, values)
            result["changes"] = changes
            if changes:
                result["action"] = "update"
                result["reasons"].append(
                    _("Already in the portal; will change: %(fields)s.")
                    % {"fields": ", ".join(str(FIELD_LABELS[c]) for c in changes)}
                )
            else:
                result["action"] = "skip"
                result["reasons"] = [_("Already in the portal with the same data.")]
        results.append(result)
    return results


def _person_changes(person, values):
    """Fields a row would change on an existing person: only cells that are filled in overwrite."""
    changes = []
    for field in ("name", "phone", "position"):
        if values[field] and values[field] != getattr(person, field):
            changes.append(field)
    if values.get("organisation_id") and values["organisation_id"] != person.organisation_id:
        changes.append("organisation")
    elif values["organisation"] and not values.get("organisation_id"):
        changes.append("organisation")
    if values["notes"] and values["notes"] not in person.notes:
        changes.append("notes")
    current_tags = {fold(t.name) for t in person.tags.all()}
    if any(fold(t) not in current_tags for t in values["tags"]):
        changes.append("tags")
    return changes


def _parse_kind(text):
    if not text:
        return Organisation.Kind.OTHER
    wanted = _key(text)
    for value, label in Organisation.Kind.choices:
        names = {_key(value)}
        for language in ("sl", "en"):
            with override(language):
                names.add(_key(str(label)))
        if wanted in names:
            return value
    return None


def plan_organisations(headers, rows):
    mapping = map_columns(headers, ORGANISATION_COLUMNS, required=["name"])
    lookups = Lookups()
    first_row_of_name = {}
    validate_url = URLValidator()
    results = []
    for number, cells in rows:
        result = _row(number)
        values = {field: _value(cells, mapping, field) for field in ORGANISATION_COLUMNS}
        result["values"] = values
        if not values["name"]:
            _error(result, headers, mapping, "name", _("The name is missing."))
        else:
            earlier = first_row_of_name.setdefault(_key(values["name"]), number)
            if earlier != number:
                _error(result, headers, mapping, "name", _("The same name as row %(row)s.") % {"row": earlier})
        kind = _parse_kind(values["kind"])
        if kind is None:
            _error(
                result,
                headers,
                mapping,
                "kind",
                _("Unknown kind “%(value)s”. Use one of: %(choices)s.")
                % {
                    "value": values["kind"],
                    "choices": ", ".join(str(label) for _v, label in Organisation.Kind.choices),
                },
            )
        municipality = None
        if values["municipality"]:
            municipality = lookups.municipality(values["municipality"])
            if municipality is None:
                _error(
                    result,
                    headers,
                    mapping,
                    "municipality",
                    _("Unknown municipality “%(value)s”. Use its name as in the list of Slovenian municipalities.")
                    % {"value": values["municipality"]},
                )
        sos = _key(values["sos_member"])
        if sos not in YES | NO:
            _error(result, headers, mapping, "sos_member", _("Write “yes” or “no”."))
        if values["website"]:
            website = values["website"] if "://" in values["website"] else f"https://{values['website']}"
            try:
                validate_url(website)
            except ValidationError:
                _error(
                    result,
                    headers,
                    mapping,
                    "website",
                    _("“%(value)s” is not a valid web address.") % {"value": values["website"]},
                )
            else:
                values["website"] = website
        if values["country"] and not re.fullmatch(r"[A-Za-z]{2}", values["country"]):
            _error(result, headers, mapping, "country", _("Use the two-letter country code, for example SI."))
        _check_lengths(result, headers, mapping, values)
        if result["errors"]:
            result["action"] = "error"
            results.append(result)
            continue
        values["kind"] = kind if values["kind"] else ""
        values["sos_member"] = None if not values["sos_member"] else sos in YES
        values["municipality_id"] = municipality.pk if municipality else None
        values["country"] = values["country"].upper()
        organisation = lookups.organisation(values["name"])
        if organisation is None and kind in Organisation.MUNICIPAL_KINDS and municipality:
            organisation = lookups.municipal_organisations.get(municipality.pk)
        if organisation is None:
            result["reasons"].append(_("New organisation."))
        else:
            result["target"] = organisation.pk
            changes = _organisation_changes(organisation, values)
            result["changes"] = changes
            if changes:
                result["action"] = "update"
                result["reasons"].append(
                    _("Already in the portal; will change: %(fields)s.")
                    % {"fields": ", ".join(str(FIELD_LABELS[c]) for c in changes)}
                )
            else:
                result["action"] = "skip"
                result["reasons"] = [_("Already in the portal with the same data.")]
        results.append(result)
    return results


def _organisation_changes(organisation, values):
    changes = []
    for field in ("short_name", "website", "country", "kind"):
        if values[field] and values[field] != getattr(organisation, field):
            changes.append(field)
    if values["municipality_id"] and values["municipality_id"] != organisation.municipality_id:
        changes.append("municipality")
    if values["sos_member"] is not None and values["sos_member"] != organisation.sos_member:
        changes.append("sos_member")
    if values["notes"] and values["notes"] not in organisation.notes:
        changes.append("notes")
    return changes


def preview_upload(*, uploaded, kind, by):
    """Read and check an uploaded file; store the plan in an ImportBatch. Writes nothing else."""
    headers, rows, encoding = read_table(uploaded)
    planner = plan_people if kind == ImportBatch.Kind.PEOPLE else plan_organisations
    results = planner(headers, rows)
    return ImportBatch.objects.create(
        kind=kind,
        filename=Path(uploaded.name).name[:255],
        encoding=encoding,
        columns=headers,
        rows=results,
        total_rows=len(results),
        created_by=by,
    )


# --- Writing the confirmed rows ----------------------------------------------------------------


def start_import(*, batch):
    """Move a previewed batch to the queue once (a second confirmation does nothing) and start the task."""
    from coalition.workspace.tasks import apply_import_batch

    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PREVIEW).update(
        status=ImportBatch.Status.QUEUED
    )
    if not claimed:
        return False
    try:
        apply_import_batch.delay(batch.pk)
    except Exception:  # noqa: BLE001 - the broker is down: import in this request instead
        apply_batch(batch.pk)
    return True


def cancel_import(*, batch):
    return bool(
        ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PREVIEW).update(
            status=ImportBatch.Status.CANCELLED, finished_at=timezone.now()
        )
    )


def apply_batch(batch_id):
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).update(
        status=ImportBatch.Status.RUNNING
    )
    if not claimed:
        return
    batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
    by = batch.created_by
    writer = _PersonWriter(by) if batch.kind == ImportBatch.Kind.PEOPLE else _OrganisationWriter(by)
    rows = batch.rows
    todo = [row for row in rows if row["action"] in ("create", "update")]
    counts = {"created": 0, "updated": 0, "skipped": 0}
    try:
        for start in range(0, len(todo), CHUNK):
            with transaction.atomic():
                for row in todo[start : start + CHUNK]:
                    try:
                        with transaction.atomic():
                            outcome = writer.write(row["values"])
                    except (IntegrityError, ValidationError) as exc:
                        row["outcome"] = "failed"
                        row["errors"].append(
                            {
                                "column": "",
                                "message": _("Could not be saved: %(error)s") % {"error": type(exc).__name__},
                            }
                        )
                        counts["skipped"] += 1
                    else:
                        row["outcome"] = outcome
                        counts[outcome] += 1
            done = min(start + CHUNK, len(todo))
            ImportBatch.objects.filter(pk=batch_id).update(processed_rows=done)
    except Exception:
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, failure="unexpected error", finished_at=timezone.now()
        )
        raise
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.DONE,
        rows=rows,
        processed_rows=len(todo),
        created_count=counts["created"],
        updated_count=counts["updated"],
        skipped_count=counts["skipped"] + sum(1 for row in rows if row["action"] in ("skip", "error")),
        finished_at=timezone.now(),
    )


class _OrganisationsOnTheWay:
    """Finds organisations by name, creating those a file names for the first time (once each)."""

    def __init__(self, by):
        self.by = by
        self.lookups = Lookups()

    def get_or_create(self, name, municipality_id=None, **defaults):
        organisation = self.lookups.organisation(name)
        if organisation is None:
            organisation = Organisation(name=name, slug=_unique_slug(name), municipality_id=municipality_id, **defaults)
            save_with_history(organisation, by=self.by)
            self.lookups.organisations[_key(name)] = organisation
            return organisation, True
        return organisation, False


def _unique_slug(name):
    base = slugify(fold(name))[:70] or "organizacija"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class _PersonWriter:
    def __init__(self, by):
        self.by = by
        self.organisations = _OrganisationsOnTheWay(by)
        self.tags = {fold(t.name): t for t in Tag.objects.all()}

    def _tags(self, names):
        tags = []
        for name in names:
            tag = self.tags.get(fold(name))
            if tag is None:
                tag = Tag.objects.create(name=name[:60])
                self.tags[fold(name)] = tag
            tags.append(tag)
        return tags

    def write(self, values):
        person = Person.objects.with_email(values["email"]).first()
        created = person is None
        if created:
            person = Person(email=values["email"], name=values["name"])
        organisation = None
        if values.get("organisation_id"):
            organisation = Organisation.objects.filter(pk=values["organisation_id"]).first()
        if organisation is None and values["organisation"]:
            organisation, _new = self.organisations.get_or_create(
                values["organisation"], municipality_id=values.get("municipality_id")
            )
        for field in ("name", "phone", "position"):
            if values[field]:
                setattr(person, field, values[field])
        if organisation is not None:
            person.organisation = organisation
        if values["notes"] and values["notes"] not in person.notes:
            person.notes = "\n\n".join(filter(None, [person.notes, values["notes"]]))
        tags = self._tags(values["tags"]) if values["tags"] else []
        if tags:
            before = set(person.tags.values_list("name", flat=True)) if person.pk else set()
            person._change_reason = describe_tag_change(before, before | {t.name for t in tags}) or None
        save_with_history(person, by=self.by)
        if tags:
            person.tags.add(*tags)
        return "created" if created else "updated"


class _OrganisationWriter:
    def __init__(self, by):
        self.by = by
        self.lookups = Lookups()

    def write(self, values):
        kind = values["kind"] or None
        organisation = self.lookups.organisation(values["name"])
        if organisation is None and kind in Organisation.MUNICIPAL_KINDS and values["municipality_id"]:
            organisation = self.lookups.municipal_organisations.get(values["municipality_id"])
        created = organisation is None
        if created:
            organisation = Organisation(name=values["name"], slug=_unique_slug(values["name"]))
        for field in ("short_name", "website", "country", "kind"):
            if values[field]:
                setattr(organisation, field, values[field])
        if values["municipality_id"]:
            organisation.municipality_id = values["municipality_id"]
        if values["sos_member"] is not None:
            organisation.sos_member = values["sos_member"]
        if values["notes"] and values["notes"] not in organisation.notes:
            organisation.notes = "\n\n".join(filter(None, [organisation.notes, values["notes"]]))
        organisation.full_clean(exclude=["slug"], validate_unique=False, validate_constraints=False)
        save_with_history(organisation, by=self.by)
        self.lookups.organisations[_key(organisation.name)] = organisation
        return "created" if created else "updated"
