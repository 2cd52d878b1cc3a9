"""Seed: the eGovernment subgroup's orientation paper with the actions the SOS presentation names.

Source: ``shared/seeds/000_c59d51794b9c8d2b.txt``, slides "E-uprava – boljša zakonodaja",
"E-uprava – finančni vidik" and "E-uprava – vidik znanja". The actions keep the document's
Slovenian wording (lightly joined where the slide extraction broke lines). The document names no
responsible partners, deadlines or indicators for them, so none are invented here.

Idempotent and respectful of the subgroup's work: the plan is created once, with its first
revision; once it exists, a later ``load_seed`` leaves it (and every edit made to it) alone.
"""

from django.db.models import Q

from partnership.models import Action, ActionPlan, PlanRevision, Subgroup
from partnership.plans.services import snapshot_of

SUBGROUP_SLUG = "euprava"
PLAN_TITLE = "eUprava – izhodiščni dokument akcijskega načrta"

INTRODUCTION = """\
Na sestanku partnerstva za digitalno tranzicijo v Oulu, 16. in 17. februarja 2017, je SOS sodeloval \
v podskupini za e-upravo. Podskupina je svoje delo razdelila na tri vidike: **boljša zakonodaja**, \
**finančni vidik** in **vidik znanja**.

Ukrepi spodaj povzemajo ta tri področja, kot jih navaja predstavitev SOS. Odgovorni partnerji, roki \
in kazalniki uspešnosti še niso določeni; dopolni jih podskupina.

Predviden »vozni red« partnerstva: potrditev izhodiščnega dokumenta – marec 2017; prvi osnutek \
akcijskega načrta – januar 2018; končni akcijski načrt – september 2018."""

R, F, K = Action.Pillar.REGULATION, Action.Pillar.FUNDING, Action.Pillar.KNOWLEDGE

# (pillar, bottleneck addressed, proposed action), in the document's order.
ACTIONS = [
    (
        R,
        "Vloga javnih naročnikov kot predstavnikov trga je velika sama po sebi; njena odprtost za sodelovalne "
        "inovacije je lahko na dolgi rok še bolj pomembna.",
        "Izpostavljena javna naročila: odpreti javno naročanje za sodelovalne inovacije.",
    ),
    (
        R,
        "Večje potrebe po vključevanju javnih naročnikov, zasebnih ponudnikov in ljudi kot končnih uporabnikov "
        "v celotnem življenjskem ciklu.",
        "Sporazumi za storitve v življenjski dobi.",
    ),
    (
        R,
        "",
        "Zakonodajni razvoj: spodbude za javno-zasebno-civilno družbena partnerstva (PPPP).",
    ),
    (
        R,
        "Obstoječe ovire v EU, nacionalni (in lokalni, kjer je to potrebno) zakonodaji in praksi ovirajo širšo "
        "uporabo digitalnih rešitev in dostopnosti javnih storitev v elektronski obliki.",
        "Prepoznavanje obstoječih ovir v EU, nacionalni (in lokalni, kjer je to potrebno) zakonodaji in praksi, "
        "ki ovirajo širšo uporabo digitalnih rešitev in dostopnosti javnih storitev v elektronski obliki.",
    ),
    (
        R,
        "",
        "Priporočila o tem, kako izboljšati delovanje EU za načrt e-uprave 2016–2020 v smeri lokalne javne "
        "uprave, da se zagotovi hitro in učinkovito izvajanje na lokalni ravni.",
    ),
    (
        R,
        "",
        "Ključni standardi glede interoperabilnosti in funkcionalnosti.",
    ),
    (
        F,
        "Vidiki, povezani s financiranjem, blokirajo hitrejše procese digitalizacije.",
        "Prepoznavanje vidikov, povezanih s financiranjem, ki blokirajo hitrejše procese digitalizacije, "
        "in predlogi za odpravo teh.",
    ),
    (
        F,
        "Ozka grla v pravilih za inovativno javno naročanje v zvezi z digitalizacijo služb.",
        "Prepoznavanje ozkih grl in poenostavitev pravil za inovativno javno naročanje v zvezi z digitalizacijo služb.",
    ),
    (
        F,
        "",
        "Finančni predlogi, morda razprava v večletnem finančnem okviru.",
    ),
    (
        K,
        "",
        "Združevanje portfeljev dobrih izkušenj zakonodaje, ki pospešuje razvoj e-uprave.",
    ),
    (
        K,
        "",
        "Opredelitev in izmenjava drugih najboljših praks pri izvajanju rešitev e-upravljanja v urbanih območjih EU.",
    ),
    (
        K,
        "",
        "Predlagati za e-upravo okvir za merjenje uspešnosti (benchmarking) za lokalne skupnosti, s poudarkom "
        "na ključnih rezultatih.",
    ),
]


def egovernment_subgroup():
    return Subgroup.objects.filter(Q(slug=SUBGROUP_SLUG) | Q(name_en="eGovernment")).order_by("pk").first()


def load(report):
    subgroup = egovernment_subgroup()
    if subgroup is None:
        return  # the partnership seed has not created the subgroups (yet)
    if ActionPlan.objects.filter(subgroup=subgroup, stage=ActionPlan.Stage.ORIENTATION_PAPER).exists():
        return
    plan = ActionPlan.objects.create(
        subgroup=subgroup,
        stage=ActionPlan.Stage.ORIENTATION_PAPER,
        status=ActionPlan.Status.DRAFT,
        title=PLAN_TITLE,
        introduction=INTRODUCTION,
        language=ActionPlan.Language.SLOVENIAN,
        version=1,
    )
    report.count(report.created, ActionPlan)
    for order, (pillar, bottleneck, proposed_action) in enumerate(ACTIONS, start=1):
        Action.objects.create(
            plan=plan, order=order, pillar=pillar, bottleneck=bottleneck, proposed_action=proposed_action
        )
        report.count(report.created, Action)
    PlanRevision.objects.create(
        plan=plan,
        number=1,
        kind=PlanRevision.Kind.CREATED,
        message="Iz predstavitve SOS o partnerstvu za digitalno tranzicijo (Oulu, februar 2017).",
        snapshot=snapshot_of(plan),
    )
    report.count(report.created, PlanRevision)
