"""Accessibility evidence: axe-core on every public page and form (with its error state) in both
languages, and the PDFs tagged as PDF/UA-1 with their language and title.

Pages come from the seed (``load_seed``) plus one published plan, meeting and good practice, so
axe sees real content. Forms are submitted with the browser's own validation switched off, so
the server's error messages (not the browser's bubbles) are what axe checks.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from tests.e2e.conftest import serious_violations

PUBLIC_PAGES = [
    ("coalition:home", {}),
    ("coalition:accessibility", {}),
    ("coalition:privacy", {}),
    ("declaration:detail", {}),
    ("declaration:sign", {}),
    ("declaration:sent", {}),
    ("declaration:signatories", {}),
    ("declaration:statistics", {}),
    ("partnership:detail", {}),
    ("partnership:subgroups", {}),
    ("partnership:subgroup", "subgroup"),
    ("partnership:meetings", {}),
    ("partnership:meeting", "meeting"),
    ("partnership:interest", {}),
    ("partnership:interest_thanks", {}),
    ("partnership:plan_list", {}),
    ("partnership:plan_detail", "plan"),
    ("partnership:practices", {}),
    ("partnership:practice", "practice"),
    ("benchmarking:overview", {}),
    ("benchmarking:framework", {}),
    ("benchmarking:municipality", "municipality"),
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
    ("declaration:manage", "management"),
    ("declaration:confirm", "confirmation"),
]

# Forms whose error state axe must see: (URL name, arguments).
FORMS = [
    ("declaration:sign", {}),
    ("partnership:interest", {}),
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
]


@pytest.fixture
def world(transactional_db):
    """The seeded portal plus the objects the argument-taking pages show."""
    from coalition.models import Municipality
    from declaration import tokens
    from declaration.models import Declaration, Signature
    from partnership.models import Subgroup
    from tests.api.factories import MeetingFactory
    from tests.declaration.factories import SignatureFactory
    from tests.plans.factories import ActionFactory, ActionPlanFactory
    from tests.practices.factories import GoodPracticeFactory

    call_command("load_seed", verbosity=0)
    subgroup = Subgroup.objects.order_by("pk").first()
    plan = ActionPlanFactory(subgroup=subgroup, status="published", published_at=timezone.now())
    ActionFactory(plan=plan, proposed_action="Skupna platforma za izmenjavo podatkov med občinami")
    declaration = Declaration.objects.order_by("pk").first()
    confirmed = SignatureFactory(declaration=declaration, email="potrjena@example.org")
    pending = SignatureFactory(
        declaration=declaration, email="cakajoca@example.org", status=Signature.Status.PENDING, confirmed_at=None
    )
    return {
        "subgroup": {"slug": subgroup.slug},
        "meeting": {"slug": MeetingFactory(partnership=subgroup.partnership, subgroup=subgroup).slug},
        "plan": {"pk": plan.pk},
        "practice": {"pk": GoodPracticeFactory(subgroup=subgroup).pk},
        "municipality": {"code": Municipality.objects.order_by("code").first().code},
        "management": {"token": tokens.management_token(confirmed)},
        "confirmation": {"token": tokens.confirmation_token(pending)},
    }


def _url(live_server, name, arguments, world, language):
    kwargs = world[arguments] if isinstance(arguments, str) else arguments
    with translation.override(language):
        return live_server.url + reverse(name, kwargs=kwargs or None)


def _check_pages(page, live_server, world, language, axe):
    problems = []
    for name, arguments in PUBLIC_PAGES:
        url = _url(live_server, name, arguments, world, language)
        response = page.goto(url)
        assert response.status < 400, f"{name}: {response.status}"
        assert page.locator("html").get_attribute("lang") == language, name
        problems += [f"{name}: {v}" for v in serious_violations(axe, page)]
    return problems


def _check_form_errors(page, live_server, world, language, axe):
    problems = []
    for name, arguments in FORMS:
        page.goto(_url(live_server, name, arguments, world, language))
        page.evaluate("document.querySelectorAll('form').forEach(function (f) { f.noValidate = true; })")
        form = page.locator("main form[method='post'], main form[method='POST']").first
        form.locator("button[type='submit'], input[type='submit']").first.click()
        page.wait_for_load_state()
        assert page.locator(".errorlist, [aria-invalid='true'], .form-errors, [role='alert']").count() > 0, (
            f"{name}: the empty form showed no error"
        )
        problems += [f"{name} (errors): {v}" for v in serious_violations(axe, page)]
    return problems


@pytest.mark.e2e
@pytest.mark.parametrize("language", ["sl", "en"])
def test_it_has_no_serious_axe_violation_on_any_public_page_or_form_error(live_server, browser, axe, world, language):
    context = browser.new_context(locale="sl-SI" if language == "sl" else "en-GB")
    page = context.new_page()
    try:
        problems = _check_pages(page, live_server, world, language, axe)
        problems += _check_form_errors(page, live_server, world, language, axe)
    finally:
        context.close()
    assert problems == []


# --- PDFs ------------------------------------------------------------------------------------


def _assert_tagged(data, language, title_part):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert str(root.get("/Lang", "")).lower().startswith(language)
    assert bool(root["/MarkInfo"]["/Marked"]), "not a tagged PDF"
    assert "/StructTreeRoot" in root
    assert title_part.lower() in (reader.metadata.title or "").lower()
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert re.search(r"pdfuaid:part(>|=\")1", metadata), "no PDF/UA-1 identification in the XMP metadata"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sl", "en"])
def test_it_tags_the_action_plan_pdf_as_pdf_ua_with_language_and_title(language):
    from partnership.plans.pdf import render_plan_pdf_bytes
    from tests.plans.factories import ActionFactory, ActionPlanFactory

    # The factory records the first revision, whose snapshot carries the plan's language.
    plan = ActionPlanFactory(title="Akcijski načrt za eUpravo", language=language)
    ActionFactory(plan=plan, proposed_action="Skupna platforma za izmenjavo podatkov")
    data = render_plan_pdf_bytes(plan, plan.revisions.get(number=plan.version))
    _assert_tagged(data, language, "Akcijski načrt za eUpravo")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sl", "en"])
def test_it_tags_the_signature_confirmation_pdf_as_pdf_ua_with_language_and_title(language):
    from declaration.pdf import render_confirmation_pdf
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory

    declaration = DeclarationFactory()
    ConsentTextFactory(declaration=declaration, version=1)
    signature = SignatureFactory(declaration=declaration, language=language)
    data = render_confirmation_pdf(signature)
    _assert_tagged(data, language, declaration.title_sl if language == "sl" else declaration.title_en)


# --- Keyboard only ------------------------------------------------------------------------------


def _tab_to(page, selector, limit=120):
    """Press Tab until the element matching ``selector`` has the focus: it is reachable in tab order."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} never received the focus from the keyboard")


def _choose_radio(page, name, value, limit=10):
    """Tab into a radio group, then move with the arrow keys until ``value`` is checked."""
    _tab_to(page, f"input[type=radio][name={name}]:checked, input[type=radio][name={name}]")
    for _ in range(limit):
        if page.locator(f"input[type=radio][name={name}][value={value}]").is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {name}={value} with the arrow keys")


def _link_in_last_mail(kind):
    from django.core import mail

    match = re.search(rf"http://[^/\s]+(/\w\w/deklaracija/{kind}/[^\s]+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


@pytest.mark.e2e
def test_it_lets_a_keyboard_user_sign_confirm_and_withdraw(live_server, page_en, transactional_db, settings):
    from declaration.models import Signature
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    settings.SITE_URL = live_server.url
    ConsentTextFactory(declaration=DeclarationFactory(), version=1)
    page = page_en
    with translation.override("en"):
        page.goto(live_server.url + reverse("declaration:sign"))

    _tab_to(page, "input[name=name]")
    page.keyboard.type("Ana Žagar")
    _tab_to(page, "input[name=email]")
    page.keyboard.type("ana.tipkovnica@example.org")
    _choose_radio(page, "signatory_type", "individual")
    _choose_radio(page, "show_publicly", "yes")
    _tab_to(page, "input[name=consent]")
    page.keyboard.press("Space")
    _tab_to(page, "main form[method=post] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/deklaracija/podpis/poslano/")
    assert Signature.objects.get().status == Signature.Status.PENDING

    page.goto(live_server.url + _link_in_last_mail("potrditev"))
    _tab_to(page, "main form[method=post] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Signature.objects.get().status == Signature.Status.CONFIRMED

    page.goto(live_server.url + _link_in_last_mail("moj-podpis"))
    _tab_to(page, "form[action$='/umik/'] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.WITHDRAWN
    assert signature.email == ""
