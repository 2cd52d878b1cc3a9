"""OpenAPI post-processing: the shared error shape on every operation, and CSV described as text."""

from drf_spectacular.openapi import AutoSchema as _AutoSchema
from rest_framework.permissions import SAFE_METHODS, IsAuthenticatedOrReadOnly

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error answers with this body and a 4xx status.",
    "required": ["status", "code", "detail", "errors"],
    "properties": {
        "status": {"type": "integer", "example": 400},
        "code": {"type": "string", "example": "invalid"},
        "detail": {"type": "string", "example": "Invalid input."},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message", "code"],
                "properties": {
                    "field": {
                        "type": "string",
                        "description": "Dotted path of the field, query parameter or request part at fault.",
                        "example": "email",
                    },
                    "message": {"type": "string", "example": "Enter a valid e-mail address."},
                    "code": {"type": "string", "example": "invalid"},
                },
            },
        },
    },
}

ERROR_EXAMPLES = {
    "400": {
        "status": 400,
        "code": "invalid",
        "detail": "Invalid input.",
        "errors": [{"field": "email", "message": "Enter a valid e-mail address.", "code": "invalid"}],
    },
    "401": {"status": 401, "code": "authentication_failed", "detail": "Invalid token.", "errors": []},
    "403": {
        "status": 403,
        "code": "permission_denied",
        "detail": "You do not have permission to perform this action.",
        "errors": [],
    },
    "404": {"status": 404, "code": "not_found", "detail": "No ActionPlan matches the given query.", "errors": []},
    "405": {
        "status": 405,
        "code": "method_not_allowed",
        "detail": 'Method "DELETE" not allowed.',
        "errors": [{"field": "method", "message": 'Method "DELETE" not allowed.', "code": "method_not_allowed"}],
    },
    "406": {
        "status": 406,
        "code": "not_acceptable",
        "detail": "Could not satisfy the request Accept header.",
        "errors": [
            {"field": "Accept", "message": "Could not satisfy the request Accept header.", "code": "not_acceptable"}
        ],
    },
    "415": {
        "status": 415,
        "code": "unsupported_media_type",
        "detail": 'Unsupported media type "text/plain" in request.',
        "errors": [
            {
                "field": "Content-Type",
                "message": 'Unsupported media type "text/plain" in request.',
                "code": "unsupported_media_type",
            }
        ],
    },
    "429": {
        "status": 429,
        "code": "throttled",
        "detail": "Request was throttled. Expected available in 42 seconds.",
        "errors": [],
    },
}

DESCRIPTIONS = {
    "400": "Invalid input: each field (or query parameter) at fault is named in `errors`.",
    "401": "The credentials sent (token or session) are invalid.",
    "403": "Not allowed for this user (or sign in first).",
    "404": "No such object, or not visible to this user.",
    "405": "Method not allowed on this endpoint.",
    "406": "The Accept header asks for a format this endpoint does not offer.",
    "415": "The request body's Content-Type is not JSON or form data.",
    "429": "Too many requests: wait the number of seconds given in `Retry-After`.",
}

SAFE = {"get", "head", "options"}


def _error_response(status_code):
    response = {
        "description": DESCRIPTIONS[status_code],
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {"Error": {"value": ERROR_EXAMPLES[status_code]}},
            }
        },
    }
    if status_code == "429":
        response["headers"] = {
            "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before retrying."}
        }
    return response


def _only_true(schemas):
    """A consent field accepts only true: say so with ``enum: [true]`` (set here, after drf-spectacular's
    enum hook, so it does not become a named enum component)."""
    for schema in schemas.values():
        for prop in schema.get("properties", {}).values():
            if prop.pop("x-must-be-true", False):
                prop["enum"] = [True]


NO_NUL = "^[^\\u0000]*$"
TOLERANT_PARAMETERS = {"search", "ordering"}


def _plain_text(schema):
    return schema.get("type") == "string" and not ({"format", "enum", "pattern"} & set(schema))


def _no_nul_characters(result):
    """Text may not contain NUL (PostgreSQL cannot store it, and Django refuses it): say so in the schema."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", []):
                # search and ordering tolerate anything (NUL is dropped, unknown fields ignored).
                if parameter["name"] in TOLERANT_PARAMETERS:
                    continue
                if _plain_text(parameter.get("schema", {})):
                    parameter["schema"]["pattern"] = NO_NUL
    for schema in result.get("components", {}).get("schemas", {}).values():
        for prop in schema.get("properties", {}).values():
            targets = [prop, prop.get("items", {})]
            for target in targets:
                if _plain_text(target) and not target.get("readOnly"):
                    target["pattern"] = NO_NUL


def add_error_responses(result, generator, request, public):
    _only_true(result.setdefault("components", {}).setdefault("schemas", {}))
    _no_nul_characters(result)
    result["components"]["schemas"]["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            codes = ["400", "401", "403", "404", "405", "406", "429"]
            if method not in SAFE:
                codes.append("415")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, _error_response(code))
            for response in responses.values():
                content = response.get("content", {})
                if "text/csv" in content:
                    content["text/csv"] = {
                        "schema": {"type": "string"},
                        "example": "id,slug,name_sl,name_en\r\n1,sos,Skupnost občin Slovenije,"
                        "Association of Municipalities of Slovenia\r\n",
                    }
    return result


class AutoSchema(_AutoSchema):
    """drf-spectacular's AutoSchema, knowing that our default permission lets anyone read."""

    def get_auth(self):
        auths = super().get_auth()
        perms = self.view.get_permissions()
        anonymous_reads = any(isinstance(p, IsAuthenticatedOrReadOnly) for p in perms)
        if anonymous_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths
