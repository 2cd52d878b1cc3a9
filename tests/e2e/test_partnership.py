import pytest

from coalition import seed as coalition_seed
from coalition.seeding import SeedReport
from partnership import seed as partnership_seed
from partnership.models import ExpressionOfInterest
from tests.e2e.conftest import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_server(live_server):
    report = SeedReport()
    coalition_seed.load(report)
    partnership_seed.load(report)
    return live_server


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("sl", {"h1": "Partnerstvo za digitalno tranzicijo", "subgroup": "eUprava", "send": "Pošlji"}),
        ("en", {"h1": "Partnership for Digital Transition", "subgroup": "eGovernment", "send": "Send"}),
    ],
)
def test_it_lets_a_visitor_express_interest_after_a_mistake_on_accessible_pages(
    seeded_server, browser, axe, language, texts
):
    context = browser.new_context(locale="sl-SI" if language == "sl" else "en-GB")
    page = context.new_page()
    base = f"{seeded_server.url}/{language}/partnerstvo/"

    page.goto(base)
    assert page.get_by_role("heading", level=1).inner_text() == texts["h1"]
    assert serious_violations(axe, page) == []

    page.goto(base + "podskupine/euprava/")
    assert page.get_by_role("heading", level=1).inner_text() == texts["subgroup"]
    assert serious_violations(axe, page) == []

    page.goto(base + "izrazi-interes/")
    page.get_by_label("E-" + ("pošta" if language == "sl" else "mail"), exact=False).first.fill("not-an-address")
    page.get_by_role("button", name=texts["send"]).click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert serious_violations(axe, page) == []
    assert not ExpressionOfInterest.objects.filter(source="web").exists()

    page.locator("#id_name").fill("Ana Novak")
    page.locator("#id_email").fill(f"ana.{language}@example.org")
    page.get_by_label(texts["subgroup"], exact=True).check()
    page.locator("#id_privacy_consent").check()
    page.get_by_role("button", name=texts["send"]).click()
    page.wait_for_url("**/izrazi-interes/hvala/")
    assert ExpressionOfInterest.objects.filter(source="web", email=f"ana.{language}@example.org").count() == 1
    context.close()
