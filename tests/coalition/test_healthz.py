from unittest import mock

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["database"] == "ok"


def test_it_names_the_database_when_it_is_down(client):
    with mock.patch("coalition.views._database_ok", return_value=False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["database"]


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_it_names_redis_when_it_is_configured_and_down(client):
    with mock.patch("coalition.views.cache") as cache:
        cache.set.side_effect = ConnectionError("refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["redis"]
    assert response.json()["checks"]["database"] == "ok"
