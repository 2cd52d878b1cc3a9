import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


@pytest.fixture
def axe():
    return Axe()


def serious_violations(axe, page):
    """axe-core violations of serious or critical impact, as readable strings."""
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def page_sl(browser):
    context = browser.new_context(locale="sl-SI")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_en(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
