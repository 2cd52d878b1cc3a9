"""Only the secretariat reaches any workspace page: anonymous visitors, plain users and leads are refused."""

import pytest
from django.urls import get_resolver, reverse

from coalition.models import ImportBatch, Segment
from tests.factories import PersonFactory
from tests.workspace.factories import lead_user

pytestmark = pytest.mark.django_db


def workspace_urls():
    person = PersonFactory()
    other = PersonFactory()
    segment = Segment.objects.create(name="Test", querystring="")
    batch = ImportBatch.objects.create(kind="people", filename="x.csv")
    kwargs = {
        "person": {"pk": person.pk},
        "person_edit": {"pk": person.pk},
        "organisation": {"pk": person.organisation.pk},
        "organisation_edit": {"pk": person.organisation.pk},
        "people_export": {"file_format": "csv"},
        "organisations_export": {"file_format": "xlsx"},
        "import": {"pk": batch.pk},
        "import_confirm": {"pk": batch.pk},
        "segment": {"pk": segment.pk},
        "segment_emails": {"pk": segment.pk},
        "segment_export": {"pk": segment.pk, "file_format": "csv"},
        "segment_delete": {"pk": segment.pk},
    }
    names = sorted({name for name in get_resolver("coalition.workspace.urls").reverse_dict if isinstance(name, str)})
    urls = [reverse(f"workspace:{name}", kwargs=kwargs.get(name, {})) for name in names]
    urls.append(reverse("workspace:merge") + f"?keep={person.pk}&drop={other.pk}")
    return urls


def test_it_covers_every_workspace_url():
    assert len(workspace_urls()) == 23


def test_it_sends_anonymous_visitors_to_sign_in_everywhere(client):
    for url in workspace_urls():
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert "/racun/login/" in response["Location"], url


def test_it_refuses_a_plain_signed_in_user_everywhere(client, plain_user):
    client.force_login(plain_user)
    for url in workspace_urls():
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url


def test_it_refuses_a_subgroup_lead_everywhere(client):
    client.force_login(lead_user())
    for url in workspace_urls():
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url


def test_it_opens_every_page_for_the_secretariat(client, secretariat_user):
    client.force_login(secretariat_user)
    for url in workspace_urls():
        if "izbrisi" in url or "potrdi" in url or "/nov/" in url or url.endswith("zdruzi/"):
            continue
        assert client.get(url).status_code == 200, url


def test_it_shows_the_workspace_link_only_to_the_secretariat(client, secretariat_user, plain_user):
    client.force_login(plain_user)
    assert reverse("workspace:index") not in client.get("/sl/").content.decode()
    client.force_login(secretariat_user)
    assert reverse("workspace:index") in client.get("/sl/").content.decode()
