import pytest

from partnership.models import ExpressionOfInterest, Membership
from tests.partnership.factories import InterestFactory


@pytest.mark.parametrize(
    "model", ["partnership", "partner", "subgroup", "membership", "expressionofinterest", "meeting", "milestone"]
)
def test_it_lists_and_searches_every_partnership_model_for_the_secretariat(client, seeded, secretariat_user, model):
    client.force_login(secretariat_user)
    assert client.get(f"/sl/admin/partnership/{model}/").status_code == 200
    assert client.get(f"/sl/admin/partnership/{model}/?q=e").status_code == 200


def test_it_shows_a_subgroup_with_its_history(client, seeded, secretariat_user):
    client.force_login(secretariat_user)
    subgroup = seeded.subgroups.get(slug="euprava")
    assert client.get(f"/sl/admin/partnership/subgroup/{subgroup.pk}/change/").status_code == 200
    assert client.get(f"/sl/admin/partnership/subgroup/{subgroup.pk}/history/").status_code == 200


def test_it_accepts_from_the_admin_through_the_same_service(client, seeded, secretariat_user):
    interest = InterestFactory(partnership=seeded, subgroups=[seeded.subgroups.get(slug="ezdravje")])
    client.force_login(secretariat_user)
    response = client.post(
        "/sl/admin/partnership/expressionofinterest/",
        {"action": "accept_selected", "_selected_action": [interest.pk]},
    )
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == ExpressionOfInterest.Status.ACCEPTED
    assert Membership.objects.filter(person__email__iexact=interest.email, subgroup__slug="ezdravje").exists()


def test_it_keeps_plain_users_out_of_the_admin(client, seeded, plain_user):
    client.force_login(plain_user)
    assert client.get("/sl/admin/partnership/expressionofinterest/").status_code == 302
