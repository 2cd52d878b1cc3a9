"""The OpenAPI schema describes every endpoint, validates, and builds without a warning."""

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

# Endpoints another app documents itself (benchmarking's own API).
OTHER_TEAMS_PATHS = ("/api/v1/benchmark",)


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_it_builds_a_valid_openapi_3_schema(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


def test_it_builds_the_schema_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3")


def test_it_gives_every_successful_json_response_an_example(schema):
    missing = []
    for path, item in schema["paths"].items():
        if path.startswith(OTHER_TEAMS_PATHS):
            continue
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json")
                if status.startswith("2") and media and not (media.get("examples") or media.get("example")):
                    missing.append(f"{method.upper()} {path} {status}")
    assert missing == []


def test_it_documents_the_error_shape_on_every_operation(schema):
    for item in schema["paths"].values():
        for operation in item.values():
            assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
            assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_it_documents_the_filters_search_ordering_and_paging_of_a_list(schema):
    parameters = {p["name"] for p in schema["paths"]["/api/v1/meetings/"]["get"]["parameters"]}
    assert {"subgroup", "starts_after", "starts_before", "search", "ordering", "page", "page_size"} <= parameters


def test_it_serves_the_schema_and_the_docs_page(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower() and "https://" not in html
    assert "<style" not in html and "<script>" not in html


def test_it_tells_clients_that_reading_needs_no_credentials_but_writing_does(schema):
    assert {} in schema["paths"]["/api/v1/organisations/"]["get"]["security"]
    assert {} not in schema["paths"]["/api/v1/action-plans/"]["post"]["security"]


def test_it_documents_403_where_a_read_can_be_forbidden(schema):
    assert "403" in schema["paths"]["/api/v1/action-plans/{id}/revisions/"]["get"]["responses"]
