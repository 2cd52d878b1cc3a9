import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def api_settings_rates(settings):
    """Change throttle rates for one test: ``api_settings_rates(anon="2/minute")``."""

    def change(**rates):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **rates},
        }

    return change


@pytest.fixture
def declaration(db):
    from tests.declaration.factories import DeclarationFactory

    return DeclarationFactory()


@pytest.fixture
def consent_text(declaration):
    from tests.declaration.factories import ConsentTextFactory

    return ConsentTextFactory(declaration=declaration, version=1)
