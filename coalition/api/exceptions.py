"""One shape for every API error: a JSON body with the status, a code, a message and the fields at fault.

    {"status": 400, "code": "invalid", "detail": "Invalid input.",
     "errors": [{"field": "email", "message": "Enter a valid e-mail address.", "code": "invalid"}]}

``field`` is a dotted path into the request (``subgroups.0``), a query parameter, or the part of
the request at fault (``Content-Type``, ``Accept``, ``method``, ``body``); ``non_field_errors`` when
the fault lies in the combination of fields.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

# The part of the request a non-field error is about.
REQUEST_PART = {
    exceptions.UnsupportedMediaType: "Content-Type",
    exceptions.NotAcceptable: "Accept",
    exceptions.MethodNotAllowed: "method",
    exceptions.ParseError: "body",
}


def _field_errors(detail, codes, path=""):
    """Flatten DRF's nested error detail into a list of {field, message, code}."""
    if isinstance(detail, dict):
        items = []
        for key, value in detail.items():
            sub_codes = codes.get(key) if isinstance(codes, dict) else codes
            items += _field_errors(value, sub_codes, f"{path}.{key}" if path else str(key))
        return items
    if isinstance(detail, list):
        items = []
        for index, value in enumerate(detail):
            sub_codes = codes[index] if isinstance(codes, list) and index < len(codes) else codes
            if isinstance(value, dict | list):
                items += _field_errors(value, sub_codes, f"{path}.{index}" if path else str(index))
            else:
                items += _field_errors(value, sub_codes, path)
        return items
    code = codes if isinstance(codes, str) else getattr(detail, "code", None) or "invalid"
    return [{"field": path or api_settings.NON_FIELD_ERRORS_KEY, "message": str(detail), "code": code}]


def error_body(status_code, code, detail, errors=()):
    return {"status": status_code, "code": code, "detail": str(detail), "errors": list(errors)}


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*(exc.args[:1]))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*(exc.args[:1]))
    elif isinstance(exc, DjangoValidationError):
        # A service's ValidationError names its fields like a form's; "__all__" becomes non_field_errors.
        if hasattr(exc, "error_dict"):
            detail = {
                (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): messages
                for field, messages in exc.message_dict.items()
            }
        else:
            detail = exc.messages
        exc = exceptions.ValidationError(detail, code=getattr(exc, "code", None) or "invalid")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    if request is not None:
        # Errors are JSON whatever format the client asked for (a CSV of an error helps nobody).
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = "application/json"
    detail = getattr(exc, "detail", None)
    if isinstance(exc, exceptions.APIException) and isinstance(detail, dict | list):
        errors = _field_errors(detail, exc.get_codes())
        code = errors[0]["code"] if errors else "invalid"
        message = _("Invalid input.") if response.status_code == status.HTTP_400_BAD_REQUEST else errors[0]["message"]
    else:
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        message = str(detail) if detail is not None else str(exc)
        errors = []
        for kind, part in REQUEST_PART.items():
            if isinstance(exc, kind):
                errors = [{"field": part, "message": message, "code": code}]
                break
    response.data = error_body(response.status_code, code if isinstance(code, str) else "invalid", message, errors)
    return response


@csrf_exempt
def not_found(request, *args, **kwargs):
    """JSON 404 for any path under /api/ that matches no endpoint."""
    body = error_body(404, "not_found", _("No API endpoint at this address."), [])
    return JsonResponse(body, status=404)
