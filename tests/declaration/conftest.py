import pytest

from tests.declaration.factories import ConsentTextFactory, DeclarationFactory


@pytest.fixture
def declaration(db):
    return DeclarationFactory()


@pytest.fixture
def consent_text(declaration):
    return ConsentTextFactory(declaration=declaration, version=1)


@pytest.fixture
def sign_data(consent_text):
    """A valid POST of the public signing form."""
    return {
        "name": "Ana Žagar",
        "email": "Ana.Zagar@Example.org",
        "signatory_type": "individual",
        "organisation_name": "",
        "position": "",
        "municipality": "",
        "show_publicly": "yes",
        "consent": "on",
        "consent_version": str(consent_text.version),
        "website": "",
    }
