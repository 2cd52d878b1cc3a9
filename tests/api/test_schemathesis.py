"""Property-based fuzzing of the whole API from its own OpenAPI schema, in-process over WSGI.

For every operation, a bounded number of valid and of invalid requests with a fixed seed
(derandomised), against a database holding one of everything: no 5xx, and every answer matches
the schema (status code, content type, headers and body).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from tests.api.populate import populate
from tests.factories import SecretariatUserFactory

EXAMPLES_PER_OPERATION = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    unsupported_method,
    ignored_auth,
]

pytestmark = pytest.mark.django_db


def _fuzz(operation, headers=None):
    strategy = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=strategy)
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS, headers=headers)

    run()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: the raw WSGI app must not close the test's database connection
    (inside the test transaction) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _fuzz_all(settings, *, headers=None, methods=None):
    populate(size=1)
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "100000/minute", "user": "100000/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if methods and operation.method.upper() not in methods:
            continue
        operations += 1
        try:
            _fuzz(operation, headers)
        except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - report every operation's failure at once
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    return operations, failures


def test_it_answers_every_generated_request_as_the_schema_says(settings):
    operations, failures = _fuzz_all(settings)
    assert operations > 20
    assert failures == [], "\n\n".join(failures)


def test_it_answers_generated_writes_of_the_secretariat_as_the_schema_says(settings):
    """With a token that may do everything, writes reach the services instead of stopping at 401."""
    user = SecretariatUserFactory()
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    operations, failures = _fuzz_all(settings, headers=headers, methods={"POST", "PATCH"})
    assert operations >= 5
    assert failures == [], "\n\n".join(failures)
