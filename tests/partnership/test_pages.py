import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from partnership.models import Meeting, Membership, Subgroup
from tests.factories import OrganisationFactory, PersonFactory
from tests.partnership.factories import MeetingFactory, MembershipFactory


def _url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def test_it_shows_the_partnership_in_slovenian(client, seeded):
    response = client.get(_url("partnership:detail", "sl"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partnerstvo za digitalno tranzicijo" in html
    assert "Splošno pomanjkanje zaupanja" in html
    assert "Estonija" in html and "Sofija" in html and "URBACT" in html
    assert "Potrditev izhodiščnega dokumenta" in html and "marec 2017" in html


def test_it_shows_the_partnership_in_english_with_coordinators_marked(client, seeded):
    response = client.get(_url("partnership:detail", "en"))
    html = response.content.decode()
    assert "Partnership for Digital Transition" in html
    assert "A general lack of trust" in html
    assert "Estonia" in html and "Lisbon" in html
    assert html.count('badge badge-strong">coordinator<') == 3
    assert "Orientation paper approved" in html and "March 2017" in html


def test_it_marks_past_milestones_and_the_next_one(client, seeded):
    seeded.milestones.create(
        kind="other",
        title_sl="Prihodnji mejnik",
        due_on=datetime.date.today().replace(day=1) + datetime.timedelta(days=400),
    )
    html = client.get(_url("partnership:detail", "en")).content.decode()
    assert html.count("timeline-step is-past") == 3
    assert 'is-next" aria-current="step"' in html


def test_it_lists_the_subgroups_by_kind_in_both_languages(client, seeded):
    sl = client.get(_url("partnership:subgroups", "sl")).content.decode()
    en = client.get(_url("partnership:subgroups", "en")).content.decode()
    assert "Tehnološko napredno učenje in kompetence 21. stoletja" in sl
    assert "Technology-advanced learning and 21st-century skills" in en
    assert en.index("Priority areas") < en.index("Horizontal areas") < en.index("Business models")


def test_it_shows_a_subgroup_with_its_contact_members_and_meetings(client, seeded):
    html = client.get(_url("partnership:subgroup", "en", "euprava")).content.decode()
    assert "eGovernment" in html
    assert "Saša Kek" in html
    assert "Association of Municipalities of Slovenia" in html
    assert "Partnership meeting in Oulu" in html
    assert "info@skupnostobcin.si" in html


def test_it_names_members_only_if_they_agreed(client, seeded):
    subgroup = Subgroup.objects.get(slug="ezdravje")
    organisation = OrganisationFactory(name="Zavod Zdravje")
    MembershipFactory(subgroup=subgroup, person=PersonFactory(name="Skrita Oseba", organisation=organisation))
    MembershipFactory(
        subgroup=subgroup, person=PersonFactory(name="Javna Oseba", show_name_publicly=True), role=Membership.Role.LEAD
    )
    html = client.get(_url("partnership:subgroup", "sl", "ezdravje")).content.decode()
    assert "Zavod Zdravje" in html
    assert "Skrita Oseba" not in html
    assert "Javna Oseba" in html
    assert "@example.org" not in html


def test_it_answers_404_for_an_unknown_subgroup(client, seeded):
    assert client.get(_url("partnership:subgroup", "sl", "ni-je")).status_code == 404


def test_it_shows_meetings_and_a_meeting_in_both_languages(client, seeded):
    listing = client.get(_url("partnership:meetings", "en")).content.decode()
    assert "Partnership meeting in Oulu" in listing
    page = client.get(_url("partnership:meeting", "sl", "oulu-2017-02")).content.decode()
    assert "Sestanek partnerstva v Oulu" in page and "16. februar 2017" in page and "eUprava" in page


@pytest.mark.parametrize(
    ("name", "args", "queries"),
    [
        ("partnership:detail", [], 6),
        ("partnership:subgroups", [], 2),
        # Our own 5, plus what the plans and practices includes add (constant, whatever the rows).
        ("partnership:subgroup", ["euprava"], 6),
        ("partnership:meetings", [], 3),
    ],
)
def test_it_keeps_the_query_count_of_public_pages_flat(client, seeded, django_assert_num_queries, name, args, queries):
    subgroup = Subgroup.objects.get(slug="euprava")
    for _n in range(5):
        MembershipFactory(subgroup=subgroup)
        MeetingFactory(partnership=seeded, subgroup=subgroup)
    url = _url(name, "sl", *args)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_it_serves_the_calendar_of_upcoming_meetings_as_valid_icalendar(client, seeded):
    subgroup = Subgroup.objects.get(slug="euprava")
    start = datetime.date.today() + datetime.timedelta(days=10)
    MeetingFactory(
        partnership=seeded,
        subgroup=subgroup,
        title_sl="Delavnica; e-uprava, podatki in standardi " * 3,
        starts_on=start,
        ends_on=start + datetime.timedelta(days=1),
        place="Ljubljana, Slovenija",
    )
    response = client.get(_url("partnership:meetings_ical", "sl"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode("utf-8")
    lines = body.split("\r\n")
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = body.replace("\r\n ", "").split("\r\n")
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded and any(line.startswith("PRODID:") for line in unfolded)
    assert unfolded.count("BEGIN:VEVENT") == 1 == unfolded.count("END:VEVENT")  # Oulu 2017 is past
    assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}" in unfolded
    assert f"DTEND;VALUE=DATE:{start + datetime.timedelta(days=2):%Y%m%d}" in unfolded
    assert "LOCATION:Ljubljana\\, Slovenija" in unfolded
    assert any(line.startswith("SUMMARY:Delavnica\\; e-uprava\\,") for line in unfolded)
    assert any(line.startswith("UID:meeting-") for line in unfolded)
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in unfolded)


def test_it_leaves_past_meetings_out_of_the_calendar(client, seeded):
    assert Meeting.objects.count() == 1
    body = client.get(_url("partnership:meetings_ical", "en")).content.decode()
    assert "BEGIN:VEVENT" not in body and "END:VCALENDAR" in body
