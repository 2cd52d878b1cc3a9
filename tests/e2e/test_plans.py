"""Two people editing the same action plan in two browsers; accessibility of the plan pages."""

import pytest

from partnership.models import Membership
from tests.e2e.conftest import serious_violations
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan_with_editors():
    from tests.plans.factories import ActionFactory, ActionPlanFactory, user_in

    plan = ActionPlanFactory(title="Načrt eUprave")
    ActionFactory(plan=plan, proposed_action="Ključni standardi glede interoperabilnosti")
    return plan, user_in(plan.subgroup), user_in(plan.subgroup, role=Membership.Role.LEAD)


def _sign_in(page, live_server, user):
    page.goto(live_server.url + "/sl/racun/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _new_page(browser):
    context = browser.new_context(locale="sl-SI")
    return context, context.new_page()


def test_it_refuses_the_second_save_and_keeps_its_text(live_server, browser, plan_with_editors, axe):
    plan, member, lead = plan_with_editors
    edit_url = f"{live_server.url}/sl/partnerstvo/akcijski-nacrti/{plan.pk}/uredi/"
    first_context, first = _new_page(browser)
    second_context, second = _new_page(browser)
    try:
        _sign_in(first, live_server, member)
        _sign_in(second, live_server, lead)
        first.goto(edit_url)
        second.goto(edit_url)  # both load revision 1

        first.get_by_label("Uvod").fill("Uvod, kot ga je shranil prvi urednik.")
        first.get_by_role("button", name="Shrani").click()
        first.wait_for_load_state()
        assert "Shranjeno kot revizija 2" in first.content()

        second.get_by_label("Uvod").fill("Drugi urednik: besedilo, ki se ne sme izgubiti.")
        second.get_by_role("button", name="Shrani").click()
        second.wait_for_load_state()
        alert = second.get_by_role("alert")
        assert "Ni shranjeno" in alert.first.inner_text()
        assert second.get_by_label("Uvod").input_value() == "Drugi urednik: besedilo, ki se ne sme izgubiti."
        assert "Uvod, kot ga je shranil prvi urednik." in second.locator(".their-version").inner_text()
        assert serious_violations(axe, second) == []

        second.get_by_role("button", name="Shrani mojo različico").click()
        second.wait_for_load_state()
        assert "Shranjeno kot revizija 3" in second.content()
    finally:
        first_context.close()
        second_context.close()
    plan.refresh_from_db()
    assert plan.introduction == "Drugi urednik: besedilo, ki se ne sme izgubiti."
    assert [r.number for r in plan.revisions.all()] == [3, 2, 1]


def test_it_keeps_the_plan_page_and_the_edit_form_accessible(live_server, browser, plan_with_editors, axe):
    plan, member, _lead = plan_with_editors
    context, page = _new_page(browser)
    try:
        _sign_in(page, live_server, member)
        for path in ("", "uredi/", "zgodovina/", "primerjava/?a=1&b=1&mode=side", "revizije/1/", "pdf/"):
            page.goto(f"{live_server.url}/sl/partnerstvo/akcijski-nacrti/{plan.pk}/{path}")
            assert serious_violations(axe, page) == [], path
        page.goto(f"{live_server.url}/sl/partnerstvo/akcijski-nacrti/")
        assert serious_violations(axe, page) == []
    finally:
        context.close()
