"""Import of people from CSV and XLSX: preview first, row/column errors, both encodings, confirmation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override
from openpyxl import Workbook

from coalition.models import ImportBatch, Municipality, Organisation, Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

HEADER = ["Ime in priimek", "E-pošta", "Telefon", "Organizacija", "Občina", "Oznake"]
BROKEN = {
    # row number in the file (header is row 1) -> (cells, the column letter, part of the message)
    5: (["Brez Pošte", "", "", "", "Tržič", ""], "B", "missing"),
    17: (["Slaba Pošta", "ni-naslov", "", "", "Tržič", ""], "B", "not a valid e-mail"),
    40: (["Neznana Občina", "neznana@example.si", "", "", "Atlantida", ""], "E", "Unknown municipality"),
    77: (["Dvojnik Prvi", "oseba0@primer.si", "", "", "Tržič", ""], "B", "same e-mail as row 2"),
    101: (["", "brezimen@example.si", "", "", "", ""], "A", "name is missing"),
    150: (["Še Ena", "se ena@example", "", "", "", ""], "B", "not a valid e-mail"),
    222: (["Tretji Dvojnik", "OSEBA10@primer.si", "", "", "", ""], "B", "same e-mail as row 12"),
    333: (["Zgrešena", "zgresena@example.si", "", "", "Ljubljanaa", ""], "E", "Unknown municipality"),
    444: (["Prazno", " ", "", "", "", ""], "B", "missing"),
    555: (["Dvojna @", "a@@b.si", "", "", "", ""], "B", "not a valid e-mail"),
    666: (["Predolga", "predolga@example.si", "0" * 60, "", "", ""], "C", "Longer than 40"),
    777: (["Brez Občine", "brez@example.si", "", "", "Nikjer", ""], "E", "Unknown municipality"),
}


@pytest.fixture
def municipalities():
    trzic = Municipality.objects.create(code="SI-131", name="Tržič")
    Municipality.objects.create(code="SI-061", name="Ljubljana", kind="urban")
    Organisation.objects.create(name="Občina Tržič", slug="obcina-trzic", kind="municipality", municipality=trzic)


def thousand_rows():
    """1,000 data rows (file rows 2..1001) with č š ž everywhere and a dozen broken rows."""
    rows = [HEADER]
    for n in range(1000):
        file_row = n + 2
        if file_row in BROKEN:
            rows.append(BROKEN[file_row][0])
        else:
            rows.append(
                [
                    f"Žiga Čebašek {n}",
                    f"oseba{n}@primer.si",
                    "+386 1 000 00 00",
                    "Društvo Šmarje",
                    "Tržič",
                    "župani, čš",
                ]
            )
    return rows


def as_csv(rows, encoding, delimiter=";"):
    text = "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"
    return text.encode(encoding)


def as_xlsx(rows):
    workbook = Workbook()
    for cells in rows:
        workbook.active.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, name, data, kind="people"):
    """Upload through the English pages, so that the row messages are in English."""
    with override("en"):
        url = reverse("workspace:import_upload")
    return client.post(url, {"kind": kind, "file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize(
    ("filename", "make"),
    [
        ("kontakti-utf8.csv", lambda rows: as_csv(rows, "utf-8")),
        ("kontakti-bom.csv", lambda rows: as_csv(rows, "utf-8-sig")),
        ("kontakti-1250.csv", lambda rows: as_csv(rows, "cp1250")),
        ("kontakti.xlsx", as_xlsx),
    ],
)
def test_it_previews_a_thousand_rows_with_a_dozen_broken_ones_and_writes_nothing(
    client, secretariat_user, municipalities, filename, make
):
    client.force_login(secretariat_user)
    response = upload(client, filename, make(thousand_rows()))
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert Person.objects.count() == 0
    assert batch.status == "preview"
    assert batch.count("error") == len(BROKEN)
    assert batch.count("create") == 1000 - len(BROKEN)
    errors = {row["row"]: row["errors"] for row in batch.rows if row["action"] == "error"}
    assert set(errors) == set(BROKEN)
    for file_row, (_cells, letter, message) in BROKEN.items():
        assert errors[file_row][0]["column"].startswith(letter), (file_row, errors[file_row])
        assert message.lower() in errors[file_row][0]["message"].lower(), (file_row, errors[file_row])

    with override("en"):
        page = client.get(reverse("workspace:import", args=[batch.pk])).content.decode()
    assert "Unknown municipality “Atlantida”" in page
    assert "Column B (E-pošta)" in page


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
def test_it_imports_the_good_rows_with_correct_diacritics_once_confirmed(
    client, secretariat_user, municipalities, encoding, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    upload(client, "kontakti.csv", as_csv(thousand_rows(), encoding))
    batch = ImportBatch.objects.get()
    assert batch.encoding == encoding if encoding != "utf-8" else batch.encoding == "utf-8-sig"
    response = client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "import"})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "done"
    assert batch.created_count == 1000 - len(BROKEN)
    assert Person.objects.count() == 1000 - len(BROKEN)
    person = Person.objects.get(email="oseba4@primer.si")
    assert person.name == "Žiga Čebašek 4"
    assert person.organisation.name == "Društvo Šmarje"
    assert person.organisation.municipality.name == "Tržič"
    assert sorted(t.name for t in person.tags.all()) == ["čš", "župani"]
    assert Organisation.objects.filter(name="Društvo Šmarje").count() == 1
    record = person.history.get()
    assert record.history_user == secretariat_user
    # Confirming twice imports once.
    client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "import"})
    assert Person.objects.count() == 1000 - len(BROKEN)


def test_it_previews_updates_and_skips_for_people_already_in_the_portal(client, secretariat_user, municipalities):
    PersonFactory(email="Obstojeca@Primer.si", name="Obstoječa", phone="")
    PersonFactory(email="ista@primer.si", name="Ista Oseba", phone="123", organisation=None)
    client.force_login(secretariat_user)
    rows = [
        HEADER,
        ["Obstoječa", "obstojeca@primer.si", "041 000 000", "", "", ""],
        ["Ista Oseba", "ista@primer.si", "123", "", "", ""],
    ]
    upload(client, "k.csv", as_csv(rows, "utf-8"))
    batch = ImportBatch.objects.get()
    assert [row["action"] for row in batch.rows] == ["update", "skip"]
    assert batch.rows[0]["changes"] == ["phone"]
    client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "import"})
    assert Person.objects.get(email="Obstojeca@Primer.si").phone == "041 000 000"


def test_it_cancels_an_import_without_writing(client, secretariat_user, municipalities):
    client.force_login(secretariat_user)
    upload(client, "k.csv", as_csv([HEADER, ["Ana Novak", "ana@primer.si", "", "", "", ""]], "utf-8"))
    batch = ImportBatch.objects.get()
    client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "cancel"})
    client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "import"})
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kontakti.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("kontakti.csv", b"", "The submitted file is empty."),
        ("kontakti.csv", b"\x81\x8d\x8f\x90\x9d" * 10, "could not be read as text"),
        ("kontakti.xlsx", b"not a workbook", "not a valid .xlsx"),
        ("kontakti.csv", b"Ime;Telefon\nAna;1\n", "Missing: e-mail"),
    ],
)
def test_it_refuses_a_bad_file_with_a_clear_message_and_writes_nothing(client, secretariat_user, name, data, message):
    client.force_login(secretariat_user)
    with override("en"):
        url = reverse("workspace:import_upload")
    response = client.post(url, {"kind": "people", "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(client, secretariat_user, settings, monkeypatch):
    from coalition.workspace import importers

    monkeypatch.setattr(importers, "MAX_UPLOAD_BYTES", 100)
    client.force_login(secretariat_user)
    response = upload(client, "big.csv", b"Ime;E-posta\n" + b"a;b@c.si\n" * 50)
    assert response.status_code == 400
    assert not ImportBatch.objects.exists()


def test_it_imports_organisations_and_reports_unknown_kinds(client, secretariat_user, municipalities):
    client.force_login(secretariat_user)
    rows = [
        ["Naziv", "Vrsta", "Občina", "Članica SOS", "Spletna stran"],
        ["Razvojna agencija Šentjur", "podjetje", "Tržič", "ne", "ra-sentjur.si"],
        ["Občina Tržič", "občina", "Tržič", "da", ""],
        ["Čudna reč", "vesoljska postaja", "", "", ""],
    ]
    upload(client, "org.csv", as_csv(rows, "cp1250"), kind="organisations")
    batch = ImportBatch.objects.get()
    assert [row["action"] for row in batch.rows] == ["create", "update", "error"]
    client.post(reverse("workspace:import_confirm", args=[batch.pk]), {"action": "import"})
    assert Organisation.objects.get(name="Razvojna agencija Šentjur").website == "https://ra-sentjur.si"
    assert Organisation.objects.get(name="Občina Tržič").sos_member is True
    assert not Organisation.objects.filter(name="Čudna reč").exists()


def test_it_forgets_uploaded_rows_after_thirty_days(client, secretariat_user, municipalities):
    from datetime import timedelta

    from django.utils import timezone

    old = ImportBatch.objects.create(kind="people", filename="star.csv", rows=[{"values": {"email": "a@b.si"}}])
    ImportBatch.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=31))
    client.force_login(secretariat_user)
    upload(client, "nov.csv", as_csv([HEADER, ["Ana Novak", "ana@primer.si", "", "", "", ""]], "utf-8"))
    assert list(ImportBatch.objects.values_list("filename", flat=True)) == ["nov.csv"]


def test_it_shows_progress_and_refreshes_while_an_import_runs(client, secretariat_user):
    batch = ImportBatch.objects.create(
        kind="people",
        filename="velik.csv",
        status="running",
        rows=[{"row": n, "action": "create", "errors": [], "reasons": [], "values": {}} for n in range(2, 202)],
        processed_rows=50,
    )
    client.force_login(secretariat_user)
    page = client.get(reverse("workspace:import", args=[batch.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert 'value="25"' in page
    batch.status = "done"
    batch.save()
    page = client.get(reverse("workspace:import", args=[batch.pk])).content.decode()
    assert "http-equiv" not in page
