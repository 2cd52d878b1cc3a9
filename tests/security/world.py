"""A small world with one real object behind every URL argument, and a user for every role.

Subgroup A holds the draft plan, its comment and the lead; subgroup B has a member who must see
none of A's drafts. The API token belongs to a member of B, so the token acts with B's rights.
"""

import datetime
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

ROLES = ["anonymous", "signatory", "token", "member_b", "member_a", "lead_a", "secretariat"]


def build_world():
    from rest_framework.authtoken.models import Token

    from coalition.models import Organisation, Person
    from declaration import tokens
    from declaration.models import Signature
    from partnership.models import Comment, Membership, PlanPdf
    from tests.api.factories import MeetingFactory, MilestoneFactory, PartnerFactory
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory
    from tests.factories import MunicipalityFactory, OrganisationFactory, SecretariatUserFactory, UserFactory
    from tests.partnership.factories import InterestFactory
    from tests.plans.factories import ActionFactory, ActionPlanFactory, PartnershipFactory, SubgroupFactory, user_in

    w = SimpleNamespace()
    w.partnership = PartnershipFactory()
    w.subgroup_a = SubgroupFactory(partnership=w.partnership)
    w.subgroup_b = SubgroupFactory(partnership=w.partnership)
    w.organisation = OrganisationFactory()
    w.municipality = MunicipalityFactory()

    signatory = UserFactory()
    w.users = {
        "anonymous": None,
        "signatory": signatory,
        "token": user_in(w.subgroup_b),
        "member_b": user_in(w.subgroup_b),
        "member_a": user_in(w.subgroup_a),
        "lead_a": user_in(w.subgroup_a, role=Membership.Role.LEAD),
        "secretariat": SecretariatUserFactory(),
    }
    w.token = Token.objects.create(user=w.users["token"])
    w.person = Person.objects.get(user=w.users["member_a"])
    w.other_person = Person.objects.get(user=w.users["member_b"])

    w.plan = ActionPlanFactory(subgroup=w.subgroup_a)  # a draft: subgroup A and the secretariat only
    ActionFactory(plan=w.plan, proposed_action="Skupna platforma za občine")
    w.published_plan = ActionPlanFactory(subgroup=w.subgroup_a, status="published", published_at=timezone.now())
    ActionFactory(plan=w.published_plan, proposed_action="Objavljen ukrep")
    w.comment = Comment.objects.create(plan=w.plan, author=w.users["member_a"], body="Predlog: dodajmo kazalnik.")
    PlanPdf.objects.create(plan=w.plan, revision_number=w.plan.version, requested_at=timezone.now())

    w.declaration = DeclarationFactory()
    ConsentTextFactory(declaration=w.declaration, version=1)
    w.confirmed = SignatureFactory(declaration=w.declaration, email=signatory.email)
    w.pending = SignatureFactory(
        declaration=w.declaration, email="cakajoca@example.org", status=Signature.Status.PENDING, confirmed_at=None
    )
    w.institution = SignatureFactory(
        declaration=w.declaration,
        email="zupan@example.org",
        signatory_type="municipality",
        organisation_name="Občina Testna",
        mandate_file=SimpleUploadedFile("pooblastilo.pdf", b"%PDF-1.4 pooblastilo"),
    )
    w.confirmation_token = tokens.confirmation_token(w.pending)
    w.management_token = tokens.management_token(w.confirmed)

    w.interest = InterestFactory(partnership=w.partnership)
    w.meeting = MeetingFactory(partnership=w.partnership, subgroup=w.subgroup_a)
    w.milestone = MilestoneFactory(partnership=w.partnership)
    w.partner = PartnerFactory(partnership=w.partnership, organisation=w.organisation)
    _practices(w)
    _benchmarking(w)
    _workspace(w)
    w.organisation_municipal = Organisation.objects.filter(municipality=w.municipality).first()
    return w


def _practices(w):
    from partnership.models import GoodPractice
    from tests.practices.factories import GoodPracticeFactory

    w.practice = GoodPracticeFactory(subgroup=w.subgroup_a, organisation=w.organisation)
    w.practice_in_review = GoodPracticeFactory(
        subgroup=w.subgroup_a, organisation=w.organisation, status=GoodPractice.Status.SUBMITTED
    )


def _benchmarking(w):
    from tests.benchmarking.factories import seeded_framework, submit

    w.framework = seeded_framework()
    w.assessment = submit(w.municipality, w.framework, {}, year=2025)


def _workspace(w):
    from coalition.workspace.models import ImportBatch, Segment

    w.segment = Segment.objects.create(name="Župani", querystring="q=župan")
    w.import_batch = ImportBatch.objects.create(kind=ImportBatch.Kind.PEOPLE, filename="ljudje.csv")


def url_kwargs(name, arguments, w):
    """Keyword arguments for URL ``name`` from the world; KeyError names an argument with no rule."""
    pk_by_prefix = [
        ("partnership:plan_", w.plan.pk),
        ("declaration:secretariat_mandate", w.institution.pk),
        ("partnership:interest_", w.interest.pk),
        ("partnership:practice_review", w.practice_in_review.pk),
        ("partnership:practice", w.practice.pk),
        ("workspace:import", w.import_batch.pk),
        ("workspace:organisation", w.organisation.pk),
        ("workspace:person", w.person.pk),
        ("workspace:segment", w.segment.pk),
        ("api:action-plan-", w.plan.pk),
        ("api:milestone-", w.milestone.pk),
        ("api:good-practice-", w.practice.pk),
        ("api:partner-", w.partner.pk),
        ("api:benchmark-result-", w.assessment.pk),
    ]
    slug_by_name = {
        "partnership:meeting": w.meeting.slug,
        "partnership:subgroup": w.subgroup_a.slug,
        "api:declaration-detail": w.declaration.slug,
        "api:declaration-sign": w.declaration.slug,
        "api:meeting-detail": w.meeting.slug,
        "api:organisation-detail": w.organisation.slug,
        "api:partnership-detail": w.partnership.slug,
        "api:subgroup-detail": w.subgroup_a.slug,
    }
    kwargs = {}
    for argument in arguments:
        if argument == "pk":
            kwargs["pk"] = next(value for prefix, value in pk_by_prefix if name.startswith(prefix))
        elif argument == "slug":
            kwargs["slug"] = slug_by_name[name]
        elif argument == "token":
            kwargs["token"] = w.confirmation_token if name == "declaration:confirm" else w.management_token
        elif argument == "action_id":
            kwargs["action_id"] = w.plan.actions.order_by("pk").first().pk
        elif argument == "comment_pk":
            kwargs["comment_pk"] = w.comment.pk
        elif argument == "number":
            kwargs["number"] = w.plan.version
        elif argument == "subgroup":
            kwargs["subgroup"] = w.subgroup_a.slug
        elif argument == "code":
            kwargs["code"] = w.municipality.code
        elif argument == "year":
            kwargs["year"] = w.assessment.year
        elif argument == "version":
            kwargs["version"] = w.framework.version
        elif argument == "file_format":
            kwargs["file_format"] = "csv"
        elif argument == "key":
            kwargs["key"] = "not-a-real-key"
        elif argument == "uidb36":
            kwargs["uidb36"] = "1"
        elif name.startswith("admin:"):
            kwargs[argument] = {"app_label": "coalition", "content_type_id": 1}.get(argument, 1)
        else:
            raise KeyError(f"{name}: no rule for the argument {argument!r} in tests/security/world.py")
    return kwargs


def next_week():
    return datetime.date.today() + datetime.timedelta(days=7)
