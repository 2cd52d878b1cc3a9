"""Streamed exports of filtered lists, and the statistics page's charts with their tables."""

import io
import re

import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook

from coalition.charts import bar_chart
from tests.factories import OrganisationFactory, PersonFactory
from tests.workspace.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_it_streams_the_filtered_people_as_utf8_csv_with_a_bom(client, secretariat_user):
    PersonFactory(name="Žiga Čuk", email="ziga@primer.si")
    PersonFactory(name="=HYPERLINK()", email="x@primer.si")
    PersonFactory(name="Ana", email="ana@primer.si")
    client.force_login(secretariat_user)
    response = client.get(reverse("workspace:people_export", args=["csv"]), {"q": "ziga"})
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert "Žiga Čuk" in body and "ana@primer.si" not in body
    everyone = b"".join(client.get(reverse("workspace:people_export", args=["csv"])).streaming_content).decode()
    assert "'=HYPERLINK()" in everyone


def test_it_exports_organisations_as_xlsx_from_a_temporary_file(client, secretariat_user):
    OrganisationFactory(name="Društvo Šmarje")
    client.force_login(secretariat_user)
    response = client.get(reverse("workspace:organisations_export", args=["xlsx"]))
    assert isinstance(response, FileResponse)
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for cell in workbook.active["A"]]
    assert "Društvo Šmarje" in values


def test_it_refuses_an_unknown_export_format(client, secretariat_user):
    client.force_login(secretariat_user)
    assert client.get(reverse("workspace:people_export", args=["pdf"])).status_code == 404


def test_it_draws_statistics_as_svg_with_tables_as_text_alternatives(client, secretariat_user):
    MembershipFactory(role="lead")
    client.force_login(secretariat_user)
    page = client.get(reverse("workspace:statistics")).content.decode()
    assert page.count("<svg") == 4
    assert page.count("<details>") == 4
    assert "<script" not in page.split("<main", 1)[1]


def test_it_escapes_labels_in_the_svg_chart():
    svg = bar_chart([("<b>Šola</b>", 3)], title="Naslov")
    assert "&lt;b&gt;Šola&lt;/b&gt;" in svg
    assert 'aria-label="Naslov"' in svg


def test_it_counts_expressions_of_interest_per_month_from_the_first_one():
    from datetime import timedelta

    from django.utils import timezone

    from coalition.workspace.stats import interest_per_month
    from partnership.models import ExpressionOfInterest
    from tests.workspace.factories import PartnershipFactory

    partnership = PartnershipFactory()
    long_ago = timezone.now() - timedelta(days=600)
    ExpressionOfInterest.objects.create(partnership=partnership, name="A", email="a@b.si", created=long_ago)
    ExpressionOfInterest.objects.create(partnership=partnership, name="B", email="b@b.si")
    months = interest_per_month()
    assert len(months) >= 20
    assert months[0][1] == 1 and months[-1][1] == 1
    assert sum(n for _month, n in months) == 2


def test_it_draws_every_chart_from_the_one_chart_module_with_escaped_labels_and_plain_numbers():
    from django.utils import translation

    from coalition import charts

    with translation.override("sl"):
        svg = charts.timeline_chart(
            [("1. 2.", "<i>1. 2. 2025</i>", 3), ("2. 2.", "2. 2. 2025", 0)], title="Č<", desc="Opis", uid="t"
        )
    assert 'aria-labelledby="t-t t-d"' in svg and '<title id="t-t">Č&lt;</title>' in svg
    assert "&lt;i&gt;1. 2. 2025&lt;/i&gt;: 3" in svg
    shapes = " ".join(re.findall(r"<(?:rect|line|text) [^>]*>", svg))
    numbers = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"', shapes)
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in numbers)
