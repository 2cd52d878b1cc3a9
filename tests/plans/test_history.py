"""The history page: one row per revision (link, compare choices, time, author, kind, reason), paged."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from partnership.models import ActionPlan, PlanRevision
from tests.factories import UserFactory
from tests.plans.factories import user_in

pytestmark = pytest.mark.django_db


def _history(client, plan, **query):
    response = client.get(reverse("partnership:plan_history", args=[plan.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def _add_revisions(plan, numbers, **fields):
    PlanRevision.objects.bulk_create(PlanRevision(plan=plan, number=n, **fields) for n in numbers)
    ActionPlan.objects.filter(pk=plan.pk).update(version=max(numbers))


def test_it_shows_each_revision_with_its_link_compare_labels_time_author_kind_and_reason(client, plan, member):
    author = user_in(plan.subgroup, name="Špela Čebašek")
    _add_revisions(plan, [2], author=author, kind=PlanRevision.Kind.SUBMITTED, message="Za pregled")
    _add_revisions(plan, [3], author=UserFactory(), message="<b>Popravki & dopolnila</b>")  # no contact record
    PlanRevision.objects.filter(plan=plan, number=3).update(created=datetime(2026, 7, 1, 22, 5, tzinfo=UTC))
    client.force_login(member)

    html = _history(client, plan)

    third = reverse("partnership:plan_revision", args=[plan.pk, 3])
    assert f'<th scope="row"><a href="{third}">3</a></th>' in html
    assert (
        '<input type="radio" name="a" value="3" id="a-3">'
        '<label class="visually-hidden" for="a-3">Primerjaj od revizije 3</label>'
    ) in html
    assert (
        '<input type="radio" name="b" value="3" id="b-3" checked>'
        '<label class="visually-hidden" for="b-3">Primerjaj do revizije 3</label>'
    ) in html
    assert '<input type="radio" name="a" value="2" id="a-2" checked>' in html
    assert '<time datetime="2026-07-02T00:05:00+02:00">2. julij 2026. 00:05</time>' in html  # Ljubljana time
    assert "<td>—</td>\n        <td>urejeno</td>\n        <td>&lt;b&gt;Popravki &amp; dopolnila&lt;/b&gt;</td>" in html
    assert "<td>Špela Čebašek</td>\n        <td>oddano v pregled</td>\n        <td>Za pregled</td>" in html
    assert "<td>—</td>\n        <td>ustvarjeno</td>" in html  # revision 1: no author at all
    assert html.index('id="a-3"') < html.index('id="a-2"') < html.index('id="a-1"')


def test_it_pages_older_revisions_fifty_at_a_time(client, plan, member):
    _add_revisions(plan, range(2, 61), message="Popravek")
    client.force_login(member)

    first = _history(client, plan)
    assert first.count('<th scope="row">') == 50
    assert 'id="b-60" checked' in first and 'id="a-59" checked' in first
    assert 'id="a-10"' not in first
    assert '<a href="?page=2" rel="next">Starejše revizije</a>' in first
    assert "Stran 1 od 2" in first

    second = _history(client, plan, page=2)
    assert second.count('<th scope="row">') == 10
    assert 'id="b-10" checked' in second and 'id="a-9" checked' in second
    assert f'<a href="{reverse("partnership:plan_revision", args=[plan.pk, 1])}">1</a>' in second
    assert 'id="a-11"' not in second
    assert '<a href="?page=1" rel="prev">Novejše revizije</a>' in second
    assert "Stran 2 od 2" in second
    assert "60 revizij" in second
