"""Every model of the portal's apps has an admin the secretariat can open, and the admin keeps the pages' rules.

One record of each model, then each registered admin's list, add form (where adding is allowed)
and change form must answer 200. The rule tests post what a careless click would post and check
that the locked record did not change.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils import timezone

from benchmarking import services as benchmarking_services
from benchmarking.models import Answer, Assessment, Framework, Indicator
from coalition.models import ImportBatch, OutboundEmail, PersonMerge, Segment, Tag
from declaration.models import ConsentEvent
from partnership.models import (
    ActionPlan,
    Comment,
    ExpressionOfInterest,
    GoodPractice,
    Meeting,
    Membership,
    Milestone,
    Partner,
    PlanPdf,
    PlanRevision,
)
from partnership.plans import services as plan_services
from tests.benchmarking.factories import full_answers, seeded_framework, submit
from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory
from tests.factories import MunicipalityFactory, OrganisationFactory, PersonFactory
from tests.plans.factories import ActionFactory, ActionPlanFactory
from tests.practices.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {"coalition", "partnership", "declaration", "benchmarking"}


@pytest.fixture
def world(secretariat_user):
    """One record of every model the secretariat manages."""
    municipality = MunicipalityFactory(name="Tržič")
    organisation = OrganisationFactory(municipality=municipality)
    person = PersonFactory(organisation=organisation)
    plan = ActionPlanFactory()
    action = ActionFactory(plan=plan)
    subgroup = plan.subgroup
    Partner.objects.create(partnership=subgroup.partnership, organisation=organisation, category="city")
    Membership.objects.create(subgroup=subgroup, person=person, role=Membership.Role.LEAD)
    ExpressionOfInterest.objects.create(
        partnership=subgroup.partnership, name="Ana Žagar", email="ana@example.org", message="Zanima me."
    )
    Meeting.objects.create(
        partnership=subgroup.partnership, title_sl="Sestanek", slug="sestanek", starts_on=date(2025, 3, 4)
    )
    Milestone.objects.create(
        partnership=subgroup.partnership, kind="first_draft", title_sl="Prvi osnutek", due_on=date(2025, 6, 1)
    )
    plan_services.add_comment(user=secretariat_user, plan=plan, body="Prosim dopolnite.", action=action)
    PlanPdf.objects.create(plan=plan, revision_number=1, requested_at=timezone.now())
    GoodPracticeFactory(organisation=organisation).tags.add(Tag.objects.create(name="e-storitve"))
    Segment.ensure_builtins()
    Segment.objects.create(name="Moji stiki", querystring="kind=company")
    PersonMerge.objects.create(kept=person, dropped_person_id=999, dropped_name="Podvojena Ana", moved={})
    ImportBatch.objects.create(kind="people", filename="stiki.csv", rows=[{"action": "create"}])
    OutboundEmail.objects.create(kind="test", to="ana@example.org", subject="Zadeva", body_text="Besedilo")
    declaration = DeclarationFactory()
    consent_text = ConsentTextFactory(declaration=declaration)
    signature = SignatureFactory(declaration=declaration)
    ConsentEvent.objects.create(
        kind="given", consent_text=consent_text, channel="web", email_hash=signature.email_hash, signature=signature
    )
    framework = seeded_framework()
    submit(municipality, framework, full_answers(framework, 0.5))
    return {"plan": plan, "framework": framework}


def registered_models():
    return [model for model in apps.get_models() if model._meta.app_label in OUR_APPS and model in admin.site._registry]


def test_it_registers_every_model_of_the_portals_apps():
    # Edited inside their parent's admin, or counters derived from other rows.
    inlined_only = {"DeclarationSection", "Action", "SignatureTally"}
    missing = [
        model.__name__
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and not model.__name__.startswith("Historical")
        and model not in admin.site._registry
        and model.__name__ not in inlined_only
    ]
    assert missing == []


def test_it_opens_every_list_add_form_and_change_form_for_the_secretariat(client, secretariat_user, world):
    client.force_login(secretariat_user)
    for model in registered_models():
        model_admin = admin.site._registry[model]
        info = (model._meta.app_label, model._meta.model_name)
        changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
        assert changelist.status_code == 200, model.__name__
        request = changelist.wsgi_request
        if model_admin.has_add_permission(request):
            assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, model.__name__
        obj = model._default_manager.order_by("pk").last()
        assert obj is not None, f"no {model.__name__} in the test data"
        change = client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        assert change.status_code == 200, model.__name__


def test_it_changes_a_draft_plans_text_as_a_new_revision(client, secretariat_user, world):
    plan = world["plan"]
    client.force_login(secretariat_user)
    url = reverse("admin:partnership_actionplan_change", args=[plan.pk])
    post = {
        "title": "Nov naslov",
        "stage": plan.stage,
        "language": plan.language,
        "introduction": "Nov uvod.",
        "loaded_version": plan.version,
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    response = client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Nov naslov", 2)
    revision = plan.revisions.get(number=2)
    assert revision.author == secretariat_user and revision.snapshot["title"] == "Nov naslov"

    stale = client.post(url, {**post, "title": "Prepisano", "loaded_version": 1})
    assert stale.status_code == 200
    assert stale.context["adminform"].form.has_error(NON_FIELD_ERRORS, "edit_conflict")
    plan.refresh_from_db()
    assert plan.title == "Nov naslov" and plan.version == 2


def test_it_moves_a_plans_status_only_through_the_workflow(client, secretariat_user, world):
    plan = world["plan"]
    client.force_login(secretariat_user)
    plan_services.submit_plan(user=secretariat_user, plan=plan)
    plan.refresh_from_db()
    url = reverse("admin:partnership_actionplan_change", args=[plan.pk])
    client.post(url, {"title": "Med pregledom", "status": "published", "loaded_version": plan.version})
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.IN_REVIEW and plan.title != "Med pregledom"

    changelist = reverse("admin:partnership_actionplan_changelist")
    client.post(changelist, {"action": "publish_selected", "_selected_action": [plan.pk]})
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.IN_REVIEW, "a plan in review is approved before it is published"
    client.post(changelist, {"action": "approve_selected", "_selected_action": [plan.pk]})
    client.post(changelist, {"action": "publish_selected", "_selected_action": [plan.pk]})
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.PUBLISHED
    assert list(plan.revisions.values_list("kind", flat=True)[:3]) == ["published", "approved", "submitted"]


def test_it_never_changes_or_deletes_revisions_or_comments_text(client, secretariat_user, world):
    plan = world["plan"]
    revision = plan.revisions.get()
    comment = Comment.objects.get()
    client.force_login(secretariat_user)
    client.post(reverse("admin:partnership_planrevision_change", args=[revision.pk]), {"message": "drugače"})
    deleted = client.post(reverse("admin:partnership_planrevision_delete", args=[revision.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    client.post(reverse("admin:partnership_comment_change", args=[comment.pk]), {"body": "drugače"})
    revision.refresh_from_db()
    comment.refresh_from_db()
    assert revision.message == "" and PlanRevision.objects.count() == 1
    assert comment.body == "Prosim dopolnite."

    client.post(
        reverse("admin:partnership_comment_changelist"),
        {"action": "resolve_selected", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.resolved_by == secretariat_user


def test_it_keeps_a_framework_version_in_use_and_its_indicators_read_only(client, secretariat_user, world):
    framework = world["framework"]
    indicator = framework.indicators.first()
    client.force_login(secretariat_user)
    page = client.get(reverse("admin:benchmarking_indicator_change", args=[indicator.pk])).content.decode()
    assert 'name="name_sl"' not in page
    client.post(
        reverse("admin:benchmarking_indicator_change", args=[indicator.pk]),
        {"framework": framework.pk, "code": indicator.code, "name_sl": "Drugače", "area": indicator.area},
    )
    deleted = client.post(reverse("admin:benchmarking_indicator_delete", args=[indicator.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    client.post(
        reverse("admin:benchmarking_indicator_changelist"),
        {"action": "delete_selected", "_selected_action": [indicator.pk], "post": "yes"},
    )
    indicator.refresh_from_db()
    assert indicator.name_sl != "Drugače"
    assert Indicator.objects.filter(pk=indicator.pk).exists()

    draft = benchmarking_services.copy_framework(framework=framework)
    add_form = client.get(reverse("admin:benchmarking_indicator_add")).content.decode()
    choices = re.search(r'<select name="framework".*?</select>', add_form, re.S).group()
    assert f'value="{draft.pk}"' in choices and f'value="{framework.pk}"' not in choices


def test_it_keeps_a_submitted_self_assessment_locked_even_through_history(client, secretariat_user, world):
    assessment = Assessment.objects.get()
    assert assessment.is_submitted
    draft_version = assessment.history.create(
        id=assessment.pk,
        municipality=assessment.municipality,
        year=assessment.year,
        framework=assessment.framework,
        status="draft",
        created=assessment.created,
        history_date=timezone.now() - timedelta(days=1),
        history_type="~",
    )
    answer = Answer.objects.filter(assessment=assessment).first()
    client.force_login(secretariat_user)
    client.post(reverse("admin:benchmarking_assessment_change", args=[assessment.pk]), {"status": "draft"})
    client.post(reverse("admin:benchmarking_answer_change", args=[answer.pk]), {"value": "999"})
    history_form = reverse(
        "admin:benchmarking_assessment_simple_history", args=[assessment.pk, draft_version.history_id]
    )
    created = timezone.localtime(assessment.created)
    reverted = client.post(
        history_form, {"created_0": created.strftime("%d. %m. %Y"), "created_1": created.strftime("%H:%M:%S")}
    )
    assert reverted.status_code == 403
    assessment.refresh_from_db()
    answer.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert answer.value != Decimal("999")
    assert Framework.objects.get(pk=world["framework"].pk).is_published


def test_it_publishes_good_practices_through_the_review_service(client, secretariat_user, world, mailoutbox):
    practice = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED, published_at=None)
    client.force_login(secretariat_user)
    url = reverse("admin:partnership_goodpractice_change", args=[practice.pk])
    assert 'name="status"' not in client.get(url).content.decode()
    client.post(
        reverse("admin:partnership_goodpractice_changelist"),
        {"action": "publish_selected", "_selected_action": [practice.pk]},
    )
    practice.refresh_from_db()
    assert practice.status == GoodPractice.Status.PUBLISHED
    assert practice.reviewed_by == secretariat_user and practice.published_at is not None


def test_it_never_deletes_a_built_in_segment(client, secretariat_user, world):
    builtin = Segment.objects.builtin().first()
    client.force_login(secretariat_user)
    deleted = client.post(reverse("admin:coalition_segment_delete", args=[builtin.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    client.post(reverse("admin:coalition_segment_change", args=[builtin.pk]), {"name": "Drugače", "querystring": ""})
    builtin.refresh_from_db()
    assert builtin.name != "Drugače" and builtin.querystring


def test_it_leaves_interest_status_to_the_triage(client, secretariat_user, world):
    interest = ExpressionOfInterest.objects.get()
    client.force_login(secretariat_user)
    page = client.get(reverse("admin:partnership_expressionofinterest_change", args=[interest.pk])).content.decode()
    assert 'name="status"' not in page
