from django.core.management import call_command

from coalition.models import Organisation, Person
from coalition.seeding import SeedReport
from partnership import seed
from partnership.models import ExpressionOfInterest, Meeting, Membership, Milestone, Partner, Subgroup


def _partners(partnership, category):
    return {
        p.organisation.name_en or p.organisation.name: p.is_coordinator
        for p in partnership.partners.filter(category=category).select_related("organisation")
    }


def test_it_loads_the_partners_the_document_names_with_their_coordinators(seeded):
    assert _partners(seeded, Partner.Category.MEMBER_STATE) == {
        "Estonia": True,
        "Croatia": False,
        "Germany": False,
        "Hungary": False,
        "Romania": False,
        "Spain": False,
    }
    assert _partners(seeded, Partner.Category.CITY) == {
        "Oulu": True,
        "Sofia": True,
        "Helsingborg": False,
        "Lisbon": False,
        "Lyon": False,
        "Rome": False,
        "Association of Municipalities of Slovenia": False,
    }
    assert set(_partners(seeded, Partner.Category.EUROPEAN_ASSOCIATION)) == {
        "Council of European Municipalities and Regions (CEMR)",
        "EUROCITIES",
    }
    commission = seeded.partners.filter(category=Partner.Category.EUROPEAN_COMMISSION)
    assert sorted(p.organisation.short_name for p in commission) == ["DG CONNECT", "DG REGIO"]
    assert [p.organisation.name for p in seeded.partners.filter(category=Partner.Category.OBSERVER)] == ["URBACT"]
    assert seeded.partners.count() == 18


def test_it_uses_the_existing_sos_organisation_and_records_the_missing_eighth_city(seeded):
    sos_partner = seeded.partners.get(organisation__slug="sos")
    assert sos_partner.category == Partner.Category.CITY
    assert Organisation.objects.filter(short_name="SOS").count() == 1
    assert seeded.partners.filter(category=Partner.Category.CITY).count() == 7
    assert '"8 mest"' in seeded.data_notes and "seven" in seeded.data_notes


def test_it_loads_the_seven_subgroups_in_both_languages_with_their_contacts(seeded):
    rows = {
        s.slug: (s.name_sl, s.name_en, s.kind, s.contact_person.name)
        for s in Subgroup.objects.select_related("contact_person")
    }
    assert rows == {
        "ezdravje": ("eZdravje", "eHealth", "priority", "Urša Rupar"),
        "euprava": ("eUprava", "eGovernment", "priority", "Saša Kek"),
        "urbano-nacrtovanje": ("Urbano načrtovanje", "Urban planning", "priority", "Alja Babič"),
        "5g-in-napredne-tehnologije": (
            "5G in druge napredne tehnologije",
            "5G and other advanced technologies",
            "priority",
            "Marko Zabreznik",
        ),
        "tehnolosko-napredno-ucenje": (
            "Tehnološko napredno učenje in kompetence 21. stoletja",
            "Technology-advanced learning and 21st-century skills",
            "priority",
            "Barbara Horvat",
        ),
        "podatki-in-standardi": ("Podatki in standardi", "Data and standards", "horizontal", "Marko Zabreznik"),
        "poslovni-modeli": ("Poslovni modeli", "Business models", "horizontal", "Saša Kek"),
    }
    assert all(s.description_sl and s.description_en for s in Subgroup.objects.all())
    assert "benchmarking" in Subgroup.objects.get(slug="euprava").description_en


def test_it_creates_the_secretariat_contacts_without_inventing_their_addresses(seeded):
    contacts = Person.objects.filter(organisation__slug="sos")
    assert contacts.count() == 5
    assert all(person.email is None for person in contacts)


def test_it_loads_the_timeline_the_oulu_meeting_and_the_page_content(seeded):
    assert [(m.kind, m.due_on.isoformat()) for m in Milestone.objects.all()] == [
        ("orientation_paper", "2017-03-01"),
        ("first_draft", "2018-01-01"),
        ("final_action_plan", "2018-09-01"),
    ]
    oulu = Meeting.objects.get()
    assert (oulu.starts_on.isoformat(), oulu.ends_on.isoformat(), oulu.place) == ("2017-02-16", "2017-02-17", "Oulu")
    assert oulu.subgroup.slug == "euprava"
    assert len(seeded.key_problems_sl.splitlines()) == 5 == len(seeded.key_problems_en.splitlines())
    assert "Splošno pomanjkanje zaupanja" in seeded.key_problems_sl
    assert len(seeded.purpose_sl.splitlines()) == 4
    assert "digitalnih storitvah" in seeded.goals_sl


def test_it_records_the_organisations_that_already_expressed_interest(seeded):
    interest = ExpressionOfInterest.objects.filter(source=ExpressionOfInterest.Source.DOCUMENT)
    assert interest.count() == 9
    assert all(i.status == ExpressionOfInterest.Status.ACCEPTED for i in interest)
    names = {i.organisation.name for i in interest.select_related("organisation")}
    assert {"Občina Idrija", "Občina Tržič", "Občina Razkrižje", "Ministrstvo za javno upravo", "Flapax"} <= names
    municipal = interest.filter(organisation__kind__in=Organisation.MUNICIPAL_KINDS)
    assert municipal.count() == 3 and all(i.organisation.municipality_id for i in municipal)
    # The document does not say which subgroup: none is made up.
    assert not any(i.subgroups.exists() for i in interest)


def test_it_records_that_sos_takes_part_in_every_subgroup(seeded):
    assert Membership.objects.filter(organisation__slug="sos", person=None).count() == 7


def test_it_changes_nothing_when_run_a_second_time(seeded):
    report = SeedReport()
    seed.load(report)
    assert not report.changed_anything, report.lines()


def test_it_is_idempotent_through_the_load_seed_command(db, capsys):
    call_command("load_seed")
    capsys.readouterr()
    call_command("load_seed")
    assert "nothing created or changed" in capsys.readouterr().out
