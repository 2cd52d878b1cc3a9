import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_it_documents_the_benchmark_endpoints_read_only_with_examples(schema):
    paths = {p: item for p, item in schema["paths"].items() if p.startswith("/api/v1/benchmark/")}
    assert set(paths) == {
        "/api/v1/benchmark/frameworks/",
        "/api/v1/benchmark/frameworks/{version}/",
        "/api/v1/benchmark/results/",
        "/api/v1/benchmark/results/{id}/",
    }
    for item in paths.values():
        assert set(item) == {"get"}
        media = item["get"]["responses"]["200"]["content"]["application/json"]
        assert media.get("examples") or media.get("example")


def test_it_documents_the_result_filters(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/benchmark/results/"]["get"]["parameters"]}
    assert {"year", "municipality", "kind", "framework"} <= names
