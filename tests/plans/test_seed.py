import io

import pytest
from django.core.management import call_command

from partnership.models import Action, ActionPlan

pytestmark = pytest.mark.django_db


def test_it_seeds_the_egovernment_orientation_paper_with_the_documents_actions():
    call_command("load_seed", stdout=io.StringIO())
    plan = ActionPlan.objects.get(subgroup__slug="euprava")
    assert plan.stage == ActionPlan.Stage.ORIENTATION_PAPER
    assert plan.status == ActionPlan.Status.DRAFT
    assert plan.language == "sl"
    assert plan.revisions.count() == 1
    by_pillar = {
        p: list(plan.actions.filter(pillar=p).values_list("proposed_action", flat=True)) for p in Action.Pillar
    }
    regulation = " ".join(by_pillar[Action.Pillar.REGULATION])
    funding = " ".join(by_pillar[Action.Pillar.FUNDING])
    knowledge = " ".join(by_pillar[Action.Pillar.KNOWLEDGE])
    for phrase in (
        "javna naročila",
        "Sporazumi za storitve v življenjski dobi",
        "PPPP",
        "nacionalni (in lokalni",
        "interoperabilnosti",
    ):
        assert phrase in regulation
    for phrase in (
        "blokirajo hitrejše procese digitalizacije",
        "inovativno javno naročanje",
        "večletnem finančnem okviru",
    ):
        assert phrase in funding
    for phrase in ("portfeljev dobrih izkušenj zakonodaje", "najboljših praks", "(benchmarking) za lokalne skupnosti"):
        assert phrase in knowledge


def test_it_changes_nothing_when_seeded_again_even_after_the_subgroup_edited_the_plan(capsys):
    call_command("load_seed")
    plan = ActionPlan.objects.get(subgroup__slug="euprava")
    ActionPlan.objects.filter(pk=plan.pk).update(title="Uredila podskupina")
    capsys.readouterr()
    call_command("load_seed")
    assert "nothing created or changed" in capsys.readouterr().out
    assert ActionPlan.objects.get(pk=plan.pk).title == "Uredila podskupina"
    assert ActionPlan.objects.count() == 1
