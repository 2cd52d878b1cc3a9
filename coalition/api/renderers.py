"""CSV as an alternative format for the open-data lists (``?format=csv`` or ``Accept: text/csv``).

Nested objects become dotted columns (``organisation.slug``), lists are joined with "; ".
A cell that a spreadsheet would read as a formula is prefixed with an apostrophe.
"""

import csv
import io

from rest_framework.renderers import BaseRenderer

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _flatten(value, prefix, row):
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else key, row)
    elif isinstance(value, list | tuple):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(" ".join(str(v) for v in item.values() if v not in (None, "")))
            else:
                parts.append("" if item is None else str(item))
        row[prefix] = "; ".join(parts)
    else:
        row[prefix] = value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            records = data["results"]
        elif isinstance(data, list):
            records = data
        else:
            records = [data]
        rows, header = [], {}
        for record in records:
            row = {}
            _flatten(record, "", row)
            rows.append(row)
            header.update(dict.fromkeys(row))
        view = (renderer_context or {}).get("view")
        if not header and view is not None and hasattr(view, "get_serializer"):
            # No rows: still name the columns, so an empty export is a valid, self-describing file.
            header = dict.fromkeys(view.get_serializer().fields)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(list(header))
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in header])
        response = (renderer_context or {}).get("response")
        if response is not None and view is not None and response.status_code < 400:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return buffer.getvalue().encode(self.charset)


class CSVExportMixin:
    """A list that also answers as CSV; the CSV holds every row that matches, unpaginated."""

    csv_enabled = True

    def get_renderers(self):
        from rest_framework.renderers import JSONRenderer

        # action is None for a method the view does not offer: negotiate as a list would, so the
        # client gets 405 (not 404 for an unknown ?format=csv).
        return [JSONRenderer(), CSVRenderer()] if self.action in ("list", None) else [JSONRenderer()]

    def paginate_queryset(self, queryset):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv":
            return None
        return super().paginate_queryset(queryset)
