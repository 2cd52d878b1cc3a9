"""A deterministic data set for the benchmark, written with ``bulk_create`` (seconds, not minutes).

The same seed gives the same rows on every run: names, e-mails, statuses and dates come from
``random.Random(SEED)`` and a fixed base date, never from the clock. Models of other apps are
imported lazily; a part whose model is missing is skipped and said so, so the harness runs on
any state of the tree.
"""

import random
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from unittest import mock

from django.db import models, transaction

SEED = 20260101
BASE = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
BATCH = 2000

FIRST_NAMES = ["Ana", "Marko", "Maja", "Luka", "Nina", "Janez", "Špela", "Žiga", "Katja", "Matej", "Urška", "Rok"]
LAST_NAMES = ["Novak", "Horvat", "Krajnc", "Kovačič", "Zupančič", "Potočnik", "Mlakar", "Kos", "Vidmar", "Golob"]


class Missing(Exception):
    """A model this part needs has not landed yet."""


@contextmanager
def _no_database_writes():
    """Run a model's own ``save()`` logic (derived fields) without writing: bulk_create writes later."""
    with mock.patch.object(models.Model, "save_base", lambda *args, **kwargs: None):
        yield


def prepare(objects):
    """Fill the fields each model derives in ``save()`` (hashes, search text) without touching the database."""
    with _no_database_writes():
        for obj in objects:
            obj.save()
    return objects


def _bulk(model, objects):
    objects = prepare(objects)
    for start in range(0, len(objects), BATCH):
        model.objects.bulk_create(objects[start : start + BATCH], batch_size=BATCH)
    return len(objects)


def _model(app_label, name):
    from django.apps import apps

    try:
        return apps.get_model(app_label, name)
    except LookupError as exc:
        raise Missing(f"{app_label}.{name}") from exc


def _person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def seed_base(sizes):
    """Organisations and people (independent of the signature count)."""
    from coalition.models import Municipality, Organisation, Person

    rng = random.Random(SEED)
    municipalities = list(Municipality.objects.order_by("code"))
    kinds = [Organisation.Kind.COMPANY, Organisation.Kind.NGO, Organisation.Kind.RESEARCH, Organisation.Kind.OTHER]
    organisations = [
        Organisation(
            name=f"Organizacija za razvoj {i:04d} d.o.o.",
            slug=f"bench-org-{i:04d}",
            kind=kinds[i % len(kinds)],
            municipality=municipalities[i % len(municipalities)] if municipalities else None,
            sos_member=i % 7 == 0,
            website=f"https://org{i}.example.si",
        )
        for i in range(sizes["organisations"])
    ]
    created = _bulk(Organisation, organisations)
    organisations = list(Organisation.objects.filter(slug__startswith="bench-org-").order_by("slug"))
    people = [
        Person(
            name=_person_name(rng),
            email=f"bench.person{i:05d}@example.org",
            organisation=organisations[i % len(organisations)],
            position="svetovalec" if i % 3 else "direktor",
            show_name_publicly=i % 4 == 0,
        )
        for i in range(sizes["people"])
    ]
    return {"organisations": created, "people": _bulk(Person, people)}


def _declaration():
    Declaration = _model("declaration", "Declaration")
    declaration = Declaration.objects.order_by("pk").first()
    if declaration is None:
        raise Missing("a declaration (declaration.seed)")
    return declaration


def seed_signatures(start, stop):
    """Signatures number ``start`` to ``stop`` - 1 (so the 100,000 set extends the 10,000 one)."""
    Signature = _model("declaration", "Signature")
    ConsentEvent = _model("declaration", "ConsentEvent")
    ConsentText = _model("declaration", "ConsentText")
    from coalition.models import Municipality

    declaration = _declaration()
    consent_text = ConsentText.objects.filter(declaration=declaration).order_by("-version").first()
    municipalities = list(Municipality.objects.order_by("code"))
    types = [choice for choice, _label in Signature._meta.get_field("signatory_type").choices]
    Status = Signature.Status
    signatures = []
    for i in range(start, stop):
        rng = random.Random(SEED * 1_000_003 + i)
        # 80% confirmed, 15% pending, 5% withdrawn; of the confirmed, 85% listed publicly.
        roll = rng.random()
        status = Status.CONFIRMED if roll < 0.80 else Status.PENDING if roll < 0.95 else Status.WITHDRAWN
        created = BASE + timedelta(seconds=i * 37)
        signatory_type = types[0] if rng.random() < 0.7 else rng.choice(types)
        institution = signatory_type != types[0]
        withdrawn = status == Status.WITHDRAWN
        signatures.append(
            Signature(
                declaration=declaration,
                public_id=uuid.UUID(int=rng.getrandbits(128)),
                name="" if withdrawn else _person_name(rng),
                email="" if withdrawn else f"bench.signatory{i:06d}@example.org",
                signatory_type=signatory_type,
                organisation_name=f"Organizacija {i % 2000:04d}" if institution else "",
                position="župan" if institution else "",
                municipality=municipalities[i % len(municipalities)] if municipalities else None,
                show_publicly=status == Status.CONFIRMED and rng.random() < 0.85,
                status=status,
                institution_verified_at=created + timedelta(days=2) if institution and i % 2 == 0 else None,
                verification_code=f"B{i:06d}-{rng.randrange(36**3):04d}"[:12],
                created=created,
                confirmed_at=created + timedelta(minutes=5) if status != Status.PENDING else None,
                withdrawn_at=created + timedelta(days=1) if withdrawn else None,
                language="sl" if i % 5 else "en",
            )
        )
    count = _bulk(Signature, signatures)
    try:
        from declaration.tally import recount
    except ImportError:
        recount = None
    if recount is not None:
        recount(declaration.pk)  # bulk_create sends no signals: count as an import must
    if consent_text is not None:
        saved = Signature.objects.filter(verification_code__startswith="B").order_by("pk")[start:stop]
        events = [
            ConsentEvent(
                kind=ConsentEvent.Kind.GIVEN,
                consent_text=consent_text,
                at=signature.created,
                channel=ConsentEvent.Channel.WEB,
                email_hash=signature.email_hash or f"{signature.pk:064x}",
                signature=signature,
            )
            for signature in saved.only("pk", "created", "email_hash")
        ]
        ConsentEvent.objects.bulk_create(events, batch_size=BATCH)
    return count


def seed_plans(sizes):
    """50 plans × 30 actions × 100 revisions, spread over the subgroups; four in five published."""
    ActionPlan = _model("partnership", "ActionPlan")
    Action = _model("partnership", "Action")
    PlanRevision = _model("partnership", "PlanRevision")
    Subgroup = _model("partnership", "Subgroup")
    from django.contrib.auth import get_user_model

    subgroups = list(Subgroup.objects.order_by("pk"))
    if not subgroups:
        raise Missing("subgroups (partnership.seed)")
    author, _created = get_user_model().objects.get_or_create(
        username="bench-author", defaults={"email": "bench.author@example.org"}
    )
    rng = random.Random(SEED + 5)
    pillars = [choice for choice, _label in Action._meta.get_field("pillar").choices]
    plans = []
    for p in range(sizes["plans"]):
        published = p % 5 != 4
        plans.append(
            ActionPlan(
                subgroup=subgroups[p % len(subgroups)],
                stage=ActionPlan.Stage.FINAL if published else ActionPlan.Stage.FIRST_DRAFT,
                status=ActionPlan.Status.PUBLISHED if published else ActionPlan.Status.DRAFT,
                title=f"Akcijski načrt {p + 1:02d}: digitalna preobrazba občin",
                introduction="Uvod v **akcijski načrt** z opisom izhodišč.\n\n" * 5,
                version=sizes["revisions"],
                created_by=author,
                published_at=BASE + timedelta(days=p) if published else None,
            )
        )
    _bulk(ActionPlan, plans)
    plans = list(ActionPlan.objects.filter(created_by=author).order_by("pk"))
    actions = []
    for plan in plans:
        for a in range(sizes["actions"]):
            actions.append(
                Action(
                    plan=plan,
                    order=a,
                    pillar=pillars[a % len(pillars)],
                    bottleneck=f"Ozko grlo {a}: razdrobljeni podatki in " + "pomanjkanje kadrov. " * rng.randint(2, 6),
                    proposed_action=f"Ukrep {a + 1}: skupna platforma za " + "izmenjavo podatkov med občinami. " * 3,
                    deadline=(BASE + timedelta(days=30 * (a + 1))).date(),
                    indicators="- število občin\n- število storitev\n",
                    version=sizes["revisions"],
                )
            )
    _bulk(Action, actions)
    # Give a few actions responsible partners, as real plans have.
    organisations = list(_model("coalition", "Organisation").objects.order_by("pk")[:60])
    through = Action.responsible_partners.through
    links = [
        through(action_id=action_id, organisation_id=organisations[(i * 7) % len(organisations)].pk)
        for i, action_id in enumerate(Action.objects.filter(plan__in=plans).values_list("pk", flat=True))
        if organisations and i % 3 == 0
    ]
    through.objects.bulk_create(links, batch_size=BATCH)
    snapshots = {plan.pk: _snapshot(plan) for plan in plans}
    revisions = []
    for plan in plans:
        for number in range(1, sizes["revisions"] + 1):
            revisions.append(
                PlanRevision(
                    plan=plan,
                    number=number,
                    kind=PlanRevision.Kind.CREATED if number == 1 else PlanRevision.Kind.EDITED,
                    author=author,
                    message=f"Popravek {number}",
                    snapshot=snapshots[plan.pk],
                )
            )
    with transaction.atomic():
        PlanRevision.objects.bulk_create(revisions, batch_size=500)
    return {"plans": len(plans), "actions": len(actions), "revisions": len(revisions)}


def _snapshot(plan):
    """What a revision keeps: the plans' own snapshot function when it exists."""
    try:
        from partnership.plans.services import snapshot_of
    except ImportError:
        snapshot_of = None
    if snapshot_of is not None:
        return snapshot_of(plan)
    actions = list(
        plan.actions.order_by("order").values("pillar", "bottleneck", "proposed_action", "status", "indicators")
    )
    return {"title": plan.title, "introduction": plan.introduction, "actions": actions}


def run_part(label, function, *args):
    """Run one seeding part; a missing model is reported, not fatal."""
    try:
        with transaction.atomic():
            return function(*args)
    except Missing as exc:
        print(f"  seed {label}: skipped, missing {exc}")
        return None
