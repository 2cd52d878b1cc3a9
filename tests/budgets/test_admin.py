"""Every changelist of the Django admin answers in the same number of queries with 2 rows and with 12.

The models are read from ``admin.site._registry`` when the tests are collected, so a model
registered later gets a budget test too; it fails until ``BUILDERS`` below knows how to make rows
of it (each row with the related objects its changelist shows, so one query per row would show).
Measured as a superuser, who sees every changelist.
"""

import itertools

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import MunicipalityFactory, OrganisationFactory, PersonFactory, UserFactory
from tests.query_budget import assert_flat_queries

pytestmark = pytest.mark.django_db

_numbers = itertools.count()


def _repeat(make):
    """A builder that calls ``make(number)`` ``n`` times, with a number unique in the test run."""

    def build(n):
        for _ in range(n):
            make(next(_numbers))

    return build


def _choice(model, field):
    return model._meta.get_field(field).choices[0][0]


# --- one row of each model, with what its changelist shows ----------------------------------------


def _group(number):
    from django.contrib.auth.models import Group, Permission

    Group.objects.create(name=f"Skupina {number}").permissions.add(*Permission.objects.all()[:3])


def _site(number):
    from django.contrib.sites.models import Site

    Site.objects.create(domain=f"stran{number}.example.org", name=f"Stran {number}")


def _token(number):
    from rest_framework.authtoken.models import Token

    Token.objects.create(user=UserFactory())


def _organisation(number):
    return OrganisationFactory(municipality=MunicipalityFactory())


def _person(number):
    from coalition.models import Tag

    person = PersonFactory(organisation=_organisation(number), user=UserFactory())
    person.tags.add(Tag.objects.get_or_create(name=f"oznaka {number}")[0])
    return person


def _outbound_email(number):
    from coalition.models import OutboundEmail

    OutboundEmail.objects.create(
        to=f"prejemnik{number}@example.org", subject="Zadeva", body_text="Besedilo", kind="signature-confirmation"
    )


def _segment(number):
    from coalition.models import Segment

    Segment.objects.create(name=f"Segment {number}", querystring="q=župan", created_by=UserFactory())


def _person_merge(number):
    from coalition.models import PersonMerge

    PersonMerge.objects.create(
        kept=_person(number), merged_by=UserFactory(), dropped_person_id=number, dropped_name=f"Oseba {number}"
    )


def _import_batch(number):
    from coalition.models import ImportBatch

    ImportBatch.objects.create(kind=ImportBatch.Kind.PEOPLE, filename=f"uvoz{number}.csv", created_by=UserFactory())


def _partnership(number):
    from tests.api.factories import PartnershipFactory

    return PartnershipFactory(slug=f"partnerstvo-{number}")


def _subgroup(number):
    from tests.api.factories import SubgroupFactory

    return SubgroupFactory(partnership=_partnership(number), contact_person=_person(number))


def _partner(number):
    from tests.api.factories import PartnerFactory

    PartnerFactory(partnership=_partnership(number), organisation=_organisation(number))


def _membership(number):
    from partnership.models import Membership

    Membership.objects.create(subgroup=_subgroup(number), person=_person(number), organisation=_organisation(number))


def _interest(number):
    from partnership.models import ExpressionOfInterest
    from tests.partnership.factories import InterestFactory

    InterestFactory(
        partnership=_partnership(number),
        subgroups=[_subgroup(number)],
        person=_person(number),
        organisation=_organisation(number),
        decided_by=UserFactory(),
        decided_at=timezone.now(),
        status=ExpressionOfInterest.Status.ACCEPTED,
    )


def _meeting(number):
    from tests.api.factories import MeetingFactory

    subgroup = _subgroup(number)
    MeetingFactory(partnership=subgroup.partnership, subgroup=subgroup)


def _milestone(number):
    from tests.api.factories import MilestoneFactory

    MilestoneFactory(partnership=_partnership(number))


def _plan(number):
    from tests.plans.factories import ActionPlanFactory

    return ActionPlanFactory(subgroup=_subgroup(number), created_by=UserFactory())


def _action(number):
    from tests.plans.factories import ActionFactory

    ActionFactory(plan=_plan(number)).responsible_partners.add(_organisation(number))


def _revision(number):
    from partnership.plans import services

    plan = _plan(number)
    services._record_revision(plan=plan, number=plan.version + 1, user=UserFactory(), kind="saved")


def _comment(number):
    from partnership.models import Comment
    from tests.plans.factories import ActionFactory

    plan = _plan(number)
    parent = Comment.objects.create(
        plan=plan,
        action=ActionFactory(plan=plan),
        author=UserFactory(),
        body="Pripomba",
        resolved_by=UserFactory(),
        resolved_at=timezone.now(),
    )
    Comment.objects.create(plan=plan, parent=parent, author=UserFactory(), body="Odgovor")


def _plan_pdf(number):
    from partnership.models import PlanPdf

    plan = _plan(number)
    PlanPdf.objects.create(plan=plan, revision_number=plan.version, requested_at=timezone.now())


def _practice(number):
    from coalition.models import Tag
    from tests.practices.factories import GoodPracticeFactory

    practice = GoodPracticeFactory(
        organisation=_organisation(number),
        municipality=MunicipalityFactory(),
        subgroup=_subgroup(number),
        submitted_by=UserFactory(),
        reviewed_by=UserFactory(),
        published_at=timezone.now(),
    )
    practice.tags.add(Tag.objects.get_or_create(name=f"praksa {number}")[0])


def _declaration(number):
    from tests.declaration.factories import DeclarationFactory

    return DeclarationFactory(slug=f"deklaracija-{number}")


def _section(number):
    from declaration.models import DeclarationSection

    DeclarationSection.objects.create(
        declaration=_declaration(number), position=1, anchor="uvod", heading_sl="Uvod", body_sl="Besedilo."
    )


def _consent_text(number):
    from tests.declaration.factories import ConsentTextFactory

    return ConsentTextFactory(declaration=_declaration(number), version=1)


def _signature(number):
    from tests.declaration.factories import SignatureFactory

    return SignatureFactory(
        declaration=_consent_text(number).declaration,
        municipality=MunicipalityFactory(),
        institution_verified_by=UserFactory(),
        institution_verified_at=timezone.now(),
    )


def _consent_event(number):
    from declaration.models import ConsentEvent

    signature = _signature(number)
    ConsentEvent.objects.create(
        kind=_choice(ConsentEvent, "kind"),
        consent_text=signature.declaration.consent_texts.first(),
        channel=_choice(ConsentEvent, "channel"),
        email_hash=f"{number:064d}",
        signature=signature,
    )


def _framework(number):
    from benchmarking.models import Framework, Indicator

    framework = Framework.objects.create(version=1000 + number, name_sl=f"Okvir {number}")
    Indicator.objects.create(
        framework=framework,
        code=f"K{number}",
        name_sl="Kazalnik",
        area=_choice(Indicator, "area"),
        answer_type=_choice(Indicator, "answer_type"),
        subgroup=_subgroup(number),
    )
    Framework.objects.filter(pk=framework.pk).update(published_at=timezone.now())
    return framework


def _indicator(number):
    _framework(number)


def _assessment(number):
    from benchmarking.models import Answer, Assessment

    framework = _framework(number)
    assessment = Assessment.objects.create(
        municipality=MunicipalityFactory(),
        year=2025,
        framework=framework,
        status=Assessment.Status.SUBMITTED,
        last_saved_by=UserFactory(),
        submitted_by=UserFactory(),
        submitted_at=timezone.now(),
    )
    Answer.objects.create(assessment=assessment, indicator=framework.indicators.first(), value=1)


def _axes(model_name):
    def make(number):
        from django.apps import apps

        apps.get_model("axes", model_name).objects.create(
            user_agent="Brskalnik",
            http_accept="text/html",
            path_info="/admin/login/",
            ip_address=f"10.0.0.{number % 250}",
            username=f"uporabnik{number}",
            **({"get_data": "", "post_data": "", "failures_since_start": 1} if model_name == "AccessAttempt" else {}),
        )

    return make


BUILDERS = {
    "auth.Group": _repeat(_group),
    "auth.User": _repeat(_person),
    "sites.Site": _repeat(_site),
    "account.EmailAddress": _repeat(lambda number: UserFactory()),
    "authtoken.TokenProxy": _repeat(_token),
    "coalition.Municipality": _repeat(lambda number: MunicipalityFactory()),
    "coalition.Tag": _repeat(_person),
    "coalition.Organisation": _repeat(_organisation),
    "coalition.Person": _repeat(_person),
    "coalition.OutboundEmail": _repeat(_outbound_email),
    "coalition.Segment": _repeat(_segment),
    "coalition.PersonMerge": _repeat(_person_merge),
    "coalition.ImportBatch": _repeat(_import_batch),
    "partnership.Partnership": _repeat(_partner),
    "partnership.Partner": _repeat(_partner),
    "partnership.Subgroup": _repeat(_membership),
    "partnership.Membership": _repeat(_membership),
    "partnership.ExpressionOfInterest": _repeat(_interest),
    "partnership.Meeting": _repeat(_meeting),
    "partnership.Milestone": _repeat(_milestone),
    "partnership.ActionPlan": _repeat(_action),
    "partnership.Action": _repeat(_action),
    "partnership.PlanRevision": _repeat(_revision),
    "partnership.Comment": _repeat(_comment),
    "partnership.PlanPdf": _repeat(_plan_pdf),
    "partnership.GoodPractice": _repeat(_practice),
    "declaration.Declaration": _repeat(_section),
    "declaration.DeclarationSection": _repeat(_section),
    "declaration.ConsentText": _repeat(_consent_text),
    "declaration.Signature": _repeat(_consent_event),
    "declaration.ConsentEvent": _repeat(_consent_event),
    "benchmarking.Framework": _repeat(_framework),
    "benchmarking.Indicator": _repeat(_indicator),
    "benchmarking.Assessment": _repeat(_assessment),
    "benchmarking.Answer": _repeat(_assessment),
    "axes.AccessAttempt": _repeat(_axes("AccessAttempt")),
    "axes.AccessLog": _repeat(_axes("AccessLog")),
    "axes.AccessFailureLog": _repeat(_axes("AccessFailureLog")),
}


def _registered():
    return sorted(model._meta.label for model in admin.site._registry)


@pytest.mark.parametrize("label", _registered())
def test_the_changelist(admin_client, label):
    assert label in BUILDERS, f"{label} is registered in the admin: add a builder for it to BUILDERS"
    model = next(model for model in admin.site._registry if model._meta.label == label)
    with translation.override("sl"):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert_flat_queries(
        BUILDERS[label], lambda: admin_client.get(url), lambda response: len(response.context["cl"].result_list)
    )


def test_it_knows_every_model_it_builds():
    """A misspelt label would leave a model without a budget once it is registered."""
    from django.apps import apps

    for label in BUILDERS:
        apps.get_model(label)
