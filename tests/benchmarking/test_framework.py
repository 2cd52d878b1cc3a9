from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from benchmarking import services
from benchmarking.models import Framework, FrameworkLocked, Indicator
from benchmarking.seed import INDICATORS
from coalition.seeding import SeedReport
from tests.benchmarking.factories import seeded_framework

pytestmark = pytest.mark.django_db


def test_it_seeds_a_published_first_framework_of_about_fifteen_bilingual_indicators():
    framework = seeded_framework()
    assert framework.is_published
    indicators = list(framework.indicators.all())
    assert 14 <= len(indicators) <= 17
    assert all(i.name_sl and i.name_en and i.rationale_sl and i.rationale_en for i in indicators)
    assert {"DT-LEAD", "SVC-ONLINE", "DATA-OPEN", "COOP-PARTNERSHIP", "SKL-RESIDENTS", "STD-OPEN"} <= {
        i.code for i in indicators
    }
    assert {i.answer_type for i in indicators} == set(Indicator.AnswerType.values)


def test_it_changes_nothing_when_the_seed_runs_again():
    seeded_framework()
    report = SeedReport()
    from benchmarking import seed

    seed.load(report)
    assert not report.changed_anything
    assert Indicator.objects.count() == len(INDICATORS)


def test_it_refuses_to_edit_a_framework_in_use_or_its_indicators():
    framework = seeded_framework()
    framework.name_sl = "Spremenjeno"
    with pytest.raises(FrameworkLocked):
        framework.save()
    indicator = framework.indicators.first()
    indicator.name_en = "Changed"
    with pytest.raises(FrameworkLocked):
        indicator.save()
    with pytest.raises(FrameworkLocked):
        indicator.delete()
    with pytest.raises(FrameworkLocked):
        Indicator.objects.create(framework=framework, code="NEW", name_sl="Nov", area="data", answer_type="yes_no")
    assert Framework.objects.get(pk=framework.pk).name_sl != "Spremenjeno"


def test_it_succeeds_a_version_in_use_with_an_editable_draft_copy():
    framework = seeded_framework()
    draft = services.copy_framework(framework=framework)
    assert draft.version == framework.version + 1
    assert not draft.is_published
    assert draft.indicators.count() == framework.indicators.count()
    indicator = draft.indicators.get(code="SVC-ONLINE")
    indicator.target = Decimal(60)
    indicator.save()
    services.publish_framework(framework=draft)
    assert Framework.objects.current() == draft
    assert framework.indicators.get(code="SVC-ONLINE").target == Decimal(50)


def test_it_will_not_publish_an_empty_framework():
    draft = Framework.objects.create(version=9, name_sl="Prazen")
    with pytest.raises(ValidationError):
        services.publish_framework(framework=draft)


def test_it_shows_a_framework_in_use_as_read_only_in_the_admin(client, secretariat_user):
    framework = seeded_framework()
    client.force_login(secretariat_user)
    response = client.post(f"/sl/admin/benchmarking/framework/{framework.pk}/change/", {"name_sl": "X", "version": 1})
    assert response.status_code == 403
    assert Framework.objects.get(pk=framework.pk).name_sl != "X"
    assert client.get(f"/sl/admin/benchmarking/framework/{framework.pk}/change/").status_code == 200
