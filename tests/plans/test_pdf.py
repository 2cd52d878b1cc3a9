"""The plan as a PDF: rendered by the task once per revision, text extractable, č š ž intact."""

import re
import subprocess

import pytest
from django.urls import reverse

from partnership.models import ActionPlan, PlanPdf
from partnership.plans import services
from tests.plans.factories import ActionFactory

pytestmark = pytest.mark.django_db


def pdf_text(data, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _download(client, plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        status_page = client.get(reverse("partnership:plan_pdf", args=[plan.pk]))
    assert status_page.status_code == 200
    response = client.get(reverse("partnership:plan_pdf_download", args=[plan.pk, plan.version]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_it_renders_the_plan_with_its_actions_grouped_by_pillar(
    client, plan, member, tmp_path, django_capture_on_commit_callbacks
):
    ActionFactory(plan=plan, pillar="knowledge", proposed_action="Okvir za merjenje uspešnosti (benchmarking)")
    services.save_plan(
        user=member,
        plan=plan,
        expected_version=1,
        title="Načrt eUprave: čžš",
        introduction="Uvod **krepko**",
        stage=plan.stage,
        language="sl",
    )
    plan.refresh_from_db()
    client.force_login(member)
    text = pdf_text(_download(client, plan, django_capture_on_commit_callbacks), tmp_path)
    assert "Načrt eUprave: čžš" in text
    assert "Javna naročila za sodelovalne inovacije" in text
    assert "Večletni finančni okvir" in text
    assert "Okvir za merjenje uspešnosti (benchmarking)" in text
    assert text.index("Boljša zakonodaja") < text.index("Boljše financiranje") < text.index("Boljše znanje")
    assert "Kazalo" in text  # table of contents
    assert re.search(r"\b2 ?/ ?\d+\b", text)  # page numbers "2 / N"


def test_it_does_not_render_the_same_revision_twice(client, plan, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    first = _download(client, plan, django_capture_on_commit_callbacks)
    second = _download(client, plan, django_capture_on_commit_callbacks)
    assert first == second
    pdf = PlanPdf.objects.get(plan=plan, revision_number=plan.version)
    assert pdf.render_count == 1


def test_it_renders_a_new_pdf_after_a_new_revision(client, plan, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    _download(client, plan, django_capture_on_commit_callbacks)
    services.save_plan(
        user=member, plan=plan, expected_version=1, title="Nov naslov", introduction="", stage=plan.stage, language="sl"
    )
    plan.refresh_from_db()
    _download(client, plan, django_capture_on_commit_callbacks)
    assert sorted(PlanPdf.objects.filter(plan=plan).values_list("revision_number", flat=True)) == [1, 2]


def test_it_says_the_pdf_is_being_prepared_until_the_task_has_run(client, plan, member):
    client.force_login(member)
    response = client.get(reverse("partnership:plan_pdf", args=[plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'http-equiv="refresh"' in html
    assert reverse("partnership:plan_pdf_download", args=[plan.pk, 1]) not in html
    assert client.get(reverse("partnership:plan_pdf_download", args=[plan.pk, 1])).status_code == 404


def test_it_serves_no_pdf_of_a_draft_to_outsiders(client, plan, outsider):
    client.force_login(outsider)
    assert client.get(reverse("partnership:plan_pdf", args=[plan.pk])).status_code == 404


def test_it_offers_a_published_plan_as_pdf_to_anyone(client, plan, django_capture_on_commit_callbacks, tmp_path):
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.PUBLISHED)
    plan.refresh_from_db()
    assert plan.title in pdf_text(_download(client, plan, django_capture_on_commit_callbacks), tmp_path)


def test_it_says_when_rendering_failed_and_tries_again_on_request(
    client, plan, member, monkeypatch, django_capture_on_commit_callbacks
):
    from partnership.plans import pdf as pdf_module

    real = pdf_module.render_plan_pdf_bytes

    def broken(*args, **kwargs):
        raise OSError("font missing")

    monkeypatch.setattr(pdf_module, "render_plan_pdf_bytes", broken)
    client.force_login(member)
    with pytest.raises(OSError), django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("partnership:plan_pdf", args=[plan.pk]))
    assert PlanPdf.objects.get(plan=plan).status == PlanPdf.Status.FAILED
    assert 'role="alert"' in client.get(reverse("partnership:plan_pdf", args=[plan.pk])).content.decode()

    monkeypatch.setattr(pdf_module, "render_plan_pdf_bytes", real)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partnership:plan_pdf", args=[plan.pk]))
    response = client.get(reverse("partnership:plan_pdf", args=[plan.pk]))
    assert reverse("partnership:plan_pdf_download", args=[plan.pk, 1]) in response.content.decode()
    assert PlanPdf.objects.get(plan=plan).render_count == 1
