"""Streamed CSV and XLSX exports of any filtered list, so that 20,000 rows do not exhaust memory."""

import csv
import re
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CHUNK_SIZE = 1000
# Spreadsheet programs run cells that start with these as formulas (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


PHONE = re.compile(r"^\+[\d\s()/.-]+$")


def _safe(value):
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PHONE.match(text):
        return "'" + text
    return text


def _subgroups(person):
    return "; ".join(f"{m.subgroup.name_sl} ({m.get_role_display()})" for m in person.memberships.all())


PEOPLE_COLUMNS = [
    (_("Name"), lambda p: p.name),
    (_("E-mail"), lambda p: p.email),
    (_("Phone"), lambda p: p.phone),
    (_("Organisation"), lambda p: p.organisation.name if p.organisation else ""),
    (_("Organisation kind"), lambda p: p.organisation.get_kind_display() if p.organisation else ""),
    (
        _("Municipality"),
        lambda p: p.organisation.municipality.name if p.organisation and p.organisation.municipality else "",
    ),
    (_("Job title"), lambda p: p.position),
    (_("Subgroups"), _subgroups),
    (_("Tags"), lambda p: ", ".join(t.name for t in p.tags.all())),
]
ORGANISATION_COLUMNS = [
    (_("Name"), lambda o: o.name),
    (_("Short name"), lambda o: o.short_name),
    (_("Kind"), lambda o: o.get_kind_display()),
    (_("Municipality"), lambda o: o.municipality.name if o.municipality else ""),
    (_("Member of SOS"), lambda o: _("yes") if o.sos_member else _("no")),
    (_("Country"), lambda o: o.country),
    (_("Website"), lambda o: o.website),
    (_("Contacts"), lambda o: getattr(o, "people_count", "")),
]


class _Echo:
    def write(self, value):
        return value


def _filename(stem, extension):
    return f"{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"


def stream_csv(queryset, columns, stem):
    """UTF-8 CSV with a BOM (Excel then shows č š ž correctly), generated chunk by chunk."""
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff"
        yield writer.writerow([str(label) for label, _get in columns])
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield writer.writerow([_safe(get(obj)) for _label, get in columns])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(stem, "csv")}"'
    return response


def xlsx_response(queryset, columns, stem):
    """An XLSX written row by row (openpyxl write-only) to a temporary file, then streamed from disk."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=stem[:31])
    bold = Font(bold=True)
    header = []
    for label, _get in columns:
        cell = WriteOnlyCell(sheet, value=str(label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
        sheet.append([_safe(get(obj)) for _label, get in columns])
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes (and so deletes) it
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(stem, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_response(queryset, columns, stem, file_format):
    if file_format == "xlsx":
        return xlsx_response(queryset, columns, stem)
    return stream_csv(queryset, columns, stem)
