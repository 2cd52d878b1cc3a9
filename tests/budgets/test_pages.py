"""Every HTML page that lists many things answers in the same number of queries with 2 rows and with 12.

Each test grows the listed thing with the related objects the page shows (so one query per row
would show) and measures as the role that uses the page. Public pages are measured for an
anonymous visitor on the rendered path: ``assert_flat_queries`` clears the page cache before each
measured request (see tests/query_budget.py).
"""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from partnership.models import ActionPlan, GoodPractice, Membership, PlanRevision
from tests.factories import MunicipalityFactory, OrganisationFactory, PersonFactory, UserFactory
from tests.query_budget import assert_flat_queries

pytestmark = pytest.mark.django_db

_numbers = itertools.count()


def _url(name, *args, **query):
    with translation.override("sl"):
        url = reverse(name, args=args)
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def _body(response):
    if response.streaming:
        return response.streamed_body.decode()
    return response.content.decode()


def _count(text):
    """How many times ``text`` occurs in a response's HTML (or CSV)."""
    return lambda response: _body(response).count(text)


# --- the partnership's public pages ---------------------------------------------------------------


@pytest.fixture
def partnership(db):
    from tests.api.factories import PartnershipFactory

    return PartnershipFactory()


def _subgroup(partnership, **kwargs):
    from tests.api.factories import SubgroupFactory

    return SubgroupFactory(partnership=partnership, contact_person=PersonFactory(show_name_publicly=True), **kwargs)


def test_the_partnership_page(client, partnership):
    from partnership.models import Partner
    from tests.api.factories import MeetingFactory, MilestoneFactory, PartnerFactory

    subgroup = _subgroup(partnership)
    today = datetime.date.today()

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            organisation = OrganisationFactory(name=f"Partnerska organizacija {number}")
            PartnerFactory(partnership=partnership, organisation=organisation, category=Partner.Category.CITY)
            MilestoneFactory(partnership=partnership)
            MeetingFactory(partnership=partnership, subgroup=subgroup, starts_on=today + datetime.timedelta(number))
            MeetingFactory(partnership=partnership, subgroup=subgroup, starts_on=today - datetime.timedelta(number))

    assert_flat_queries(grow, lambda: client.get(_url("partnership:detail")), _count("Partnerska organizacija"))


def test_the_subgroup_list(client, partnership):
    from tests.api.factories import MembershipFactory

    def grow(n):
        for _ in range(n):
            subgroup = _subgroup(partnership)
            MembershipFactory(subgroup=subgroup, role=Membership.Role.LEAD)
            MembershipFactory(subgroup=subgroup)

    assert_flat_queries(grow, lambda: client.get(_url("partnership:subgroups")), _count("/podskupine/api-podskupina-"))


def test_the_subgroup_page_with_members_meetings_plans_and_practices(client, partnership):
    from tests.api.factories import MeetingFactory
    from tests.plans.factories import ActionFactory, ActionPlanFactory
    from tests.practices.factories import GoodPracticeFactory

    subgroup = _subgroup(partnership)

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            person = PersonFactory(name=f"Javni Član {number}", show_name_publicly=True)
            Membership.objects.create(subgroup=subgroup, person=person, organisation=OrganisationFactory())
            MeetingFactory(partnership=partnership, subgroup=subgroup)
            plan = ActionPlanFactory(subgroup=subgroup, status=ActionPlan.Status.PUBLISHED, published_at=timezone.now())
            ActionFactory(plan=plan).responsible_partners.add(OrganisationFactory())
            GoodPracticeFactory(subgroup=subgroup, municipality=MunicipalityFactory(), published_at=timezone.now())

    assert_flat_queries(grow, lambda: client.get(_url("partnership:subgroup", subgroup.slug)), _count("Javni Član"))


def test_the_meeting_list(client, partnership):
    from tests.api.factories import MeetingFactory

    today = datetime.date.today()

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            subgroup = _subgroup(partnership)
            MeetingFactory(partnership=partnership, subgroup=subgroup, starts_on=today + datetime.timedelta(number))
            MeetingFactory(partnership=partnership, subgroup=subgroup, starts_on=today - datetime.timedelta(number))

    assert_flat_queries(grow, lambda: client.get(_url("partnership:meetings")), _count("/sestanki/sestanek-"))


def test_the_triage_queue_for_the_secretariat(client, partnership, secretariat_user):
    from partnership import services
    from tests.partnership.factories import InterestFactory

    subgroups = [_subgroup(partnership), _subgroup(partnership)]
    PersonFactory(email="znan@example.org")

    def grow(n):
        for _ in range(n):
            InterestFactory(partnership=partnership, subgroups=subgroups)
            InterestFactory(partnership=partnership, subgroups=subgroups, email="znan@example.org")
            decided = InterestFactory(partnership=partnership, subgroups=subgroups)
            services.accept_interest(interest=decided, decided_by=secretariat_user)

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("partnership:triage")), _count("/sprejmi/"))


def test_the_dashboard_of_a_member(client, partnership):
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email, organisation=OrganisationFactory())

    def grow(n):
        for _ in range(n):
            Membership.objects.create(subgroup=_subgroup(partnership), person=person, role=Membership.Role.LEAD)

    client.force_login(user)
    assert_flat_queries(grow, lambda: client.get(_url("coalition:dashboard")), _count("/podskupine/api-podskupina-"))


# --- action plans ------------------------------------------------------------------------------------


def _published_plan(subgroup=None):
    from tests.plans.factories import ActionFactory, ActionPlanFactory

    kwargs = {"subgroup": subgroup} if subgroup else {}
    plan = ActionPlanFactory(status=ActionPlan.Status.PUBLISHED, published_at=timezone.now(), **kwargs)
    ActionFactory(plan=plan).responsible_partners.add(OrganisationFactory(), OrganisationFactory())
    return plan


def test_the_plan_list_for_an_anonymous_visitor(client):
    def grow(n):
        for _ in range(n):
            _published_plan()

    assert_flat_queries(grow, lambda: client.get(_url("partnership:plan_list")), _count("/akcijski-nacrti/"))


def test_the_plan_list_for_a_member_with_the_subgroup_s_drafts(client):
    from tests.plans.factories import ActionFactory, ActionPlanFactory, SubgroupFactory, user_in

    subgroup = SubgroupFactory()
    member = user_in(subgroup, role=Membership.Role.LEAD)

    def grow(n):
        for _ in range(n):
            ActionFactory(plan=ActionPlanFactory(subgroup=subgroup))
            _published_plan()
            ActionPlanFactory()  # another subgroup's draft: not shown

    client.force_login(member)
    assert_flat_queries(grow, lambda: client.get(_url("partnership:plan_list")), _count("/akcijski-nacrti/"))


def test_a_published_plan_for_an_anonymous_visitor(client):
    from tests.plans.factories import ActionFactory

    plan = _published_plan()

    def grow(n):
        for _ in range(n):
            ActionFactory(plan=plan).responsible_partners.add(OrganisationFactory(), OrganisationFactory())

    assert_flat_queries(grow, lambda: client.get(plan.get_absolute_url()), _count("Predlagan ukrep št."))


def test_the_comparison_of_two_revisions(client):
    from partnership.plans import services
    from tests.plans.factories import ActionFactory, ActionPlanFactory, user_in

    plan = ActionPlanFactory()
    member = user_in(plan.subgroup)
    PlanRevision.objects.create(plan=plan, number=2, snapshot=services.snapshot_of(plan), message="r2")
    ActionPlan.objects.filter(pk=plan.pk).update(version=2)

    def grow(n):
        for _ in range(n):
            ActionFactory(plan=plan).responsible_partners.add(OrganisationFactory())
        PlanRevision.objects.filter(plan=plan, number=2).update(snapshot=services.snapshot_of(plan))

    client.force_login(member)
    url = _url("partnership:plan_compare", plan.pk, a=1, b=2)
    assert_flat_queries(grow, lambda: client.get(url), _count("Predlagan ukrep št."))


# --- good practices ------------------------------------------------------------------------------


def test_the_good_practice_portfolio_for_an_anonymous_visitor(client):
    from coalition.models import Tag
    from tests.practices.factories import GoodPracticeFactory

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            practice = GoodPracticeFactory(municipality=MunicipalityFactory(), published_at=timezone.now())
            practice.tags.add(Tag.objects.create(name=f"oznaka {number}"), Tag.objects.create(name=f"druga {number}"))

    assert_flat_queries(grow, lambda: client.get(_url("partnership:practices")), _count("/dobre-prakse/"))


def test_the_review_list_of_good_practices(client, secretariat_user):
    from coalition.models import Tag
    from tests.practices.factories import GoodPracticeFactory, partner_user

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            practice = GoodPracticeFactory(
                status=GoodPractice.Status.SUBMITTED,
                submitted_by=partner_user(),
                submitted_at=timezone.now(),
                municipality=MunicipalityFactory(),
            )
            practice.tags.add(Tag.objects.create(name=f"pregled {number}"))

    client.force_login(secretariat_user)
    assert_flat_queries(
        grow, lambda: client.get(_url("partnership:practice_review_list")), _count("/dobre-prakse/pregled/")
    )


# --- the declaration -------------------------------------------------------------------------------


@pytest.fixture
def declaration(db):
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    declaration = DeclarationFactory()
    ConsentTextFactory(declaration=declaration, version=1)
    return declaration


def _signatures(declaration, n):
    from declaration.models import SignatoryType
    from tests.declaration.factories import SignatureFactory

    for _ in range(n):
        municipality = MunicipalityFactory()
        SignatureFactory(declaration=declaration, municipality=municipality)
        SignatureFactory(
            declaration=declaration,
            municipality=municipality,
            signatory_type=SignatoryType.MUNICIPALITY,
            organisation_name=f"Občina {municipality.name}",
            institution_verified_at=timezone.now(),
        )


def test_the_signatory_list(client, declaration):
    assert_flat_queries(
        lambda n: _signatures(declaration, n),
        lambda: client.get(_url("declaration:signatories")),
        _count("Podpisnik Čšž"),
    )


def test_the_declaration_statistics(client, declaration):
    assert_flat_queries(
        lambda n: _signatures(declaration, n),
        lambda: client.get(_url("declaration:statistics")),
        _count("Testna občina"),
    )


# --- benchmarking ----------------------------------------------------------------------------------


@pytest.fixture
def framework(db):
    from tests.benchmarking.factories import seeded_framework

    return seeded_framework()


def _assessments(framework, n, year=2025):
    from tests.benchmarking.factories import full_answers, submit

    for _ in range(n):
        number = next(_numbers)
        submit(MunicipalityFactory(name=f"Primerjana občina {number}"), framework, full_answers(framework, 0.5), year)


def test_the_benchmarking_overview(client, framework):
    assert_flat_queries(
        lambda n: _assessments(framework, n),
        lambda: client.get(_url("benchmarking:overview")),
        _count("Primerjana občina"),
    )


def test_the_indicators_in_use(client, framework):
    from benchmarking.models import Framework, Indicator
    from tests.workspace.factories import SubgroupFactory

    def grow(n):
        # Indicators are only added to a draft: unpublish, add, publish again.
        Framework.objects.filter(pk=framework.pk).update(published_at=None)
        for _ in range(n):
            number = next(_numbers)
            Indicator.objects.create(
                framework=framework,
                code=f"T{number}",
                name_sl=f"Preizkusni kazalnik {number}",
                area=Indicator._meta.get_field("area").choices[0][0],
                answer_type=Indicator._meta.get_field("answer_type").choices[0][0],
                subgroup=SubgroupFactory(),
            )
        Framework.objects.filter(pk=framework.pk).update(published_at=timezone.now())

    assert_flat_queries(grow, lambda: client.get(_url("benchmarking:framework")), _count("Preizkusni kazalnik"))


def test_the_results_csv(client, framework):
    assert_flat_queries(
        lambda n: _assessments(framework, n),
        lambda: client.get(_url("benchmarking:csv")),
        _count("Primerjana občina"),
    )


# --- the secretariat's workspace ---------------------------------------------------------------------


def _person_with_relations(**kwargs):
    from coalition.models import Tag
    from tests.workspace.factories import MembershipFactory

    kwargs.setdefault("organisation", OrganisationFactory(municipality=MunicipalityFactory()))
    person = PersonFactory(**kwargs)
    person.tags.add(Tag.objects.get_or_create(name="župani")[0])
    MembershipFactory(person=person)
    return person


def test_the_duplicates(client, secretariat_user):
    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            first = _person_with_relations(name=f"Dvojnik {number}")
            _person_with_relations(name=f"Dvojnik {number}", organisation=first.organisation)

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:duplicates")), _count("Dvojnik"))


def test_the_segments(client, secretariat_user):
    from coalition.models import Segment, Tag
    from tests.workspace.factories import SubgroupFactory

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            tag = Tag.objects.create(name=f"segmentna oznaka {number}")
            subgroup = SubgroupFactory()
            municipality = MunicipalityFactory()
            Segment.objects.create(
                name=f"Segment {number}",
                querystring=f"q=župan&tag={tag.pk}&subgroup={subgroup.pk}&municipality={municipality.pk}&role=lead",
                created_by=secretariat_user,
            )

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:segments")), _count("segmentna oznaka"))


def test_a_segment_s_people(client, secretariat_user):
    from coalition.models import Segment

    segment = Segment.objects.create(name="Župani", querystring="tag=&q=")

    def grow(n):
        for _ in range(n):
            _person_with_relations(name=f"Član Segmenta {next(_numbers)}")

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:segment", segment.pk)), _count("Član Segmenta"))


def test_the_statistics(client, secretariat_user):
    from tests.partnership.factories import InterestFactory
    from tests.workspace.factories import MembershipFactory, SubgroupFactory

    def grow(n):
        for _ in range(n):
            number = next(_numbers)
            subgroup = SubgroupFactory(name_sl=f"Statistična podskupina {number}")
            MembershipFactory(subgroup=subgroup, role=Membership.Role.LEAD)
            MembershipFactory(subgroup=subgroup)
            OrganisationFactory(kind="municipality", municipality=MunicipalityFactory(), sos_member=True)
            InterestFactory()

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:statistics")), _count("Statistična podskupina"))


def test_the_import_preview(client, secretariat_user):
    from coalition.models import ImportBatch

    batch = ImportBatch.objects.create(kind=ImportBatch.Kind.PEOPLE, filename="ljudje.csv", status="preview")

    def grow(n):
        start = len(batch.rows)
        batch.rows += [
            {
                "row": row,
                "action": "error",
                "errors": [{"column": "B", "message": "missing"}],
                "reasons": [],
                "values": {"name": f"Uvožena Oseba {row}", "email": ""},
            }
            for row in range(start + 2, start + 2 + n)
        ]
        batch.total_rows = len(batch.rows)
        batch.save()

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:import", batch.pk)), _count("Uvožena Oseba"))


def test_the_people_export(client, secretariat_user):
    def grow(n):
        for _ in range(n):
            _person_with_relations(name=f"Izvožena Oseba {next(_numbers)}")

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:people_export", "csv")), _count("Izvožena Oseba"))


def test_the_organisations_export(client, secretariat_user):
    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory(
                name=f"Izvožena Organizacija {next(_numbers)}", municipality=MunicipalityFactory()
            )
            PersonFactory(organisation=organisation)

    client.force_login(secretariat_user)
    assert_flat_queries(
        grow, lambda: client.get(_url("workspace:organisations_export", "csv")), _count("Izvožena Organizacija")
    )


def test_the_secretariat_s_export_of_signatures(client, declaration, secretariat_user):
    client.force_login(secretariat_user)
    assert_flat_queries(
        lambda n: _signatures(declaration, n),
        lambda: client.get(_url("declaration:secretariat_export")),
        _count("Podpisnik Čšž"),
    )


def test_the_meetings_calendar(client, partnership):
    from tests.api.factories import MeetingFactory

    today = datetime.date.today()

    def grow(n):
        for _ in range(n):
            days = datetime.timedelta(days=1 + next(_numbers))
            MeetingFactory(partnership=partnership, subgroup=_subgroup(partnership), starts_on=today + days)

    assert_flat_queries(grow, lambda: client.get(_url("partnership:meetings_ical")), _count("BEGIN:VEVENT"))


def test_an_organisation_with_its_people_and_memberships(client, secretariat_user):
    from tests.workspace.factories import MembershipFactory

    organisation = OrganisationFactory(municipality=MunicipalityFactory())

    def grow(n):
        for _ in range(n):
            person = PersonFactory(name=f"Sodelavec {next(_numbers)}", organisation=organisation)
            MembershipFactory(person=person, organisation=organisation)
            organisation.save()  # one more line of history

    client.force_login(secretariat_user)
    assert_flat_queries(grow, lambda: client.get(_url("workspace:organisation", organisation.pk)), _count("Sodelavec"))
