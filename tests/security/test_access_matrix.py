"""Every URL name × every role: no role gets a 2xx it should not, and every allowed role gets in.

``EXPECTED`` lists, for every named URL of the project, the roles that may GET it with a 2xx
answer (``PUBLIC`` for all). A URL that is not in the table fails the test, so a new page cannot
be forgotten. For each role not allowed, a GET must not answer 2xx, and a POST (with an empty
form; for the API also PUT, PATCH and DELETE) must answer 4xx or send to the login page: it must not
have done anything. Allowed roles
must get a 2xx (or 3xx) on GET, which proves the arguments reach real objects (a test full of
404s would prove nothing). Admin URLs are checked as a block: staff only.

Run with ``ACCESS_MATRIX_PRINT=1`` and ``-s`` to print the observed matrix.
"""

import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.security.urls import named_urls
from tests.security.world import ROLES, build_world, url_kwargs

pytestmark = pytest.mark.django_db

PUBLIC = frozenset(ROLES)
NOBODY = frozenset()
SIGNED_IN = frozenset(ROLES) - {"anonymous", "token"}
SUBGROUP_A = frozenset({"member_a", "lead_a", "secretariat"})
LEAD_A = frozenset({"lead_a", "secretariat"})
MEMBERS = frozenset({"token", "member_b", "member_a", "lead_a", "secretariat"})
SECRETARIAT = frozenset({"secretariat"})
PARTNERS = frozenset({"member_b", "member_a", "lead_a", "secretariat"})  # signed in with an organisation
API_READ = PUBLIC
READ_ONLY = (PUBLIC, NOBODY)  # open data: everyone reads, nobody writes

# name: roles that GET a 2xx; or (GET roles, POST roles) where writing is narrower than reading.
EXPECTED = {
    # Public pages, forms and capability links (a signed link is the signatory's key, not a login).
    "healthz": PUBLIC,
    "set_language": (NOBODY, PUBLIC),
    "admin:login": PUBLIC,
    "admin:logout": (NOBODY, PUBLIC),  # logging out of nothing changes nothing
    "schema": PUBLIC,
    "api-root": PUBLIC,
    "swagger-ui": PUBLIC,
    "coalition:home": PUBLIC,
    "coalition:accessibility": PUBLIC,
    "coalition:privacy": PUBLIC,
    "coalition:dashboard": SIGNED_IN,
    "coalition:tokens": SIGNED_IN,
    "account_login": PUBLIC,
    "account_signup": PUBLIC,
    "account_logout": (SIGNED_IN, PUBLIC),
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_inactive": PUBLIC,
    "account_confirm_login_code": (NOBODY, PUBLIC),  # without a pending code login: sent away, no effect
    "account_change_password": SIGNED_IN,
    "account_set_password": (NOBODY, PUBLIC),  # users who have a password are sent to "change password"
    "account_email": SIGNED_IN,
    "account_reauthenticate": SIGNED_IN,
    "declaration:detail": PUBLIC,
    "declaration:sign": PUBLIC,
    "declaration:sent": PUBLIC,
    "declaration:signatories": PUBLIC,
    "declaration:statistics": PUBLIC,
    "declaration:confirm": PUBLIC,
    "declaration:manage": PUBLIC,
    "declaration:manage_data": PUBLIC,
    "declaration:manage_pdf": PUBLIC,
    "declaration:withdraw": PUBLIC,
    "declaration:secretariat_export": SECRETARIAT,
    "declaration:secretariat_withdrawal": SECRETARIAT,
    "declaration:secretariat_mandate": SECRETARIAT,
    "partnership:detail": PUBLIC,
    "partnership:subgroups": PUBLIC,
    "partnership:subgroup": PUBLIC,
    "partnership:meetings": PUBLIC,
    "partnership:meetings_ical": PUBLIC,
    "partnership:meeting": PUBLIC,
    "partnership:interest": PUBLIC,
    "partnership:interest_thanks": PUBLIC,
    "partnership:interest_accept": (NOBODY, SECRETARIAT),
    "partnership:interest_decline": (NOBODY, SECRETARIAT),
    "partnership:triage": SECRETARIAT,
    "partnership:practices": PUBLIC,
    "partnership:practice": PUBLIC,
    "partnership:practice_submit": PARTNERS,
    "partnership:practice_review_list": SECRETARIAT,
    "partnership:practice_review": SECRETARIAT,
    # Action plans: the draft of subgroup A is A's and the secretariat's alone.
    "partnership:plan_list": PUBLIC,
    "partnership:plan_create": SUBGROUP_A,
    "partnership:plan_detail": SUBGROUP_A,
    "partnership:plan_edit": SUBGROUP_A,
    "partnership:plan_history": SUBGROUP_A,
    "partnership:plan_revision": SUBGROUP_A,
    "partnership:plan_compare": SUBGROUP_A,
    "partnership:plan_pdf": SUBGROUP_A,
    "partnership:plan_pdf_download": NOBODY,  # not rendered yet: nobody gets a file
    "partnership:plan_restore": (NOBODY, SUBGROUP_A),
    "partnership:plan_comment_add": (NOBODY, SUBGROUP_A),
    "partnership:plan_comment_resolve": (NOBODY, SUBGROUP_A),
    "partnership:plan_submit": (NOBODY, LEAD_A),
    "partnership:plan_approve": (NOBODY, SECRETARIAT),
    "partnership:plan_send_back": (NOBODY, SECRETARIAT),
    "partnership:plan_publish": (NOBODY, SECRETARIAT),
    # Benchmarking.
    "benchmarking:overview": PUBLIC,
    "benchmarking:framework": PUBLIC,
    "benchmarking:find": SIGNED_IN,
    "benchmarking:csv": PUBLIC,
    "benchmarking:municipality": PUBLIC,
    "benchmarking:assessment": SECRETARIAT,  # and the municipality's own staff
    "benchmarking:mine": NOBODY,  # a municipality's staff only: none of these roles
    "benchmarking:reopen": (NOBODY, SECRETARIAT),
    # The secretariat's workspace.
    **{
        f"workspace:{name}": SECRETARIAT
        for name in [
            "index",
            "duplicates",
            "import",
            "import_confirm",
            "import_upload",
            "merge",
            "organisation",
            "organisation_edit",
            "organisations",
            "organisations_export",
            "people",
            "people_export",
            "person",
            "person_edit",
            "person_new",
            "segment",
            "segment_create",
            "segment_delete",
            "segment_emails",
            "segment_export",
            "segments",
            "statistics",
        ]
    },
    # The API: reading is open data; writing needs the right role (the token is a member of B).
    "api:municipality-list": READ_ONLY,
    "api:municipality-detail": READ_ONLY,
    "api:organisation-list": READ_ONLY,
    "api:organisation-detail": READ_ONLY,
    "api:partnership-list": READ_ONLY,
    "api:partnership-detail": READ_ONLY,
    "api:partner-list": READ_ONLY,
    "api:partner-detail": READ_ONLY,
    "api:subgroup-list": READ_ONLY,
    "api:subgroup-detail": READ_ONLY,
    "api:meeting-list": READ_ONLY,
    "api:meeting-detail": READ_ONLY,
    "api:milestone-list": READ_ONLY,
    "api:milestone-detail": READ_ONLY,
    "api:declaration-list": READ_ONLY,
    "api:declaration-detail": READ_ONLY,
    "api:declaration-sign": (NOBODY, PUBLIC),
    "api:signatory-list": READ_ONLY,
    "api:interest-expression-list": (NOBODY, PUBLIC),
    "api:good-practice-list": READ_ONLY,
    "api:good-practice-detail": READ_ONLY,
    "api:benchmark-framework-list": READ_ONLY,
    "api:benchmark-framework-detail": READ_ONLY,
    "api:benchmark-result-list": READ_ONLY,
    "api:benchmark-result-detail": READ_ONLY,
    "api:action-plan-list": (API_READ, MEMBERS),
    "api:action-plan-detail": (SUBGROUP_A, SUBGROUP_A),
    "api:action-plan-revisions": SUBGROUP_A,
    "api:action-plan-edit-action": (NOBODY, SUBGROUP_A),
    "api:action-plan-submit": (NOBODY, LEAD_A),
    "api:action-plan-approve": (NOBODY, SECRETARIAT),
    "api:action-plan-send-back": (NOBODY, SECRETARIAT),
    "api:action-plan-publish": (NOBODY, SECRETARIAT),
}

# POSTs that every role may send (forms that anyone may submit, even with errors).
LOGIN_PATHS = ("/racun/login/", "/admin/login/")


def _client(role, world):
    user = world.users[role]
    if role == "token":
        return Client(HTTP_AUTHORIZATION=f"Token {world.token.key}")
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _split(expected):
    if isinstance(expected, tuple):
        return expected
    return expected, expected


def _refused(response):
    if 400 <= response.status_code < 500:
        return True
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302, 303) and any(path in location for path in LOGIN_PATHS)


def _query(name, world):
    """Query strings some pages need to show anything but a 400."""
    if name == "partnership:plan_compare":
        return "?a=1&b=1"
    if name == "workspace:merge":
        return f"?keep={world.person.pk}&drop={world.other_person.pk}"
    return ""


def _urls(world):
    urls = []
    with translation.override("sl"):
        for name, (arguments, _callback) in sorted(named_urls().items()):
            values = url_kwargs(name, arguments, world)
            args = [value for key, value in values.items() if key.startswith("#")]
            kwargs = {key: value for key, value in values.items() if not key.startswith("#")}
            urls.append((name, reverse(name, args=args or None, kwargs=kwargs or None) + _query(name, world)))
    return urls


def test_it_lists_every_url_of_the_project_in_the_expectation_table():
    names = {name for name in named_urls() if not name.startswith("admin:")} | {"admin:login", "admin:logout"}
    assert sorted(names - set(EXPECTED)) == [], "new URLs: add them to EXPECTED with the roles that may use them"
    assert sorted(set(EXPECTED) - names) == [], "URLs gone: remove them from EXPECTED"


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_each_role_reach_exactly_what_it_may(role):
    world = build_world()
    client = _client(role, world)
    problems, observed = [], []
    for name, url in _urls(world):
        if name in EXPECTED:
            get_roles, post_roles = _split(EXPECTED[name])
        elif name.startswith("admin:"):
            get_roles, post_roles = SECRETARIAT, SECRETARIAT
        else:
            continue  # reported by the table test above
        response = client.get(url)
        observed.append(f"{response.status_code} GET {name}")
        if response.status_code >= 500:
            problems.append(f"GET {name} {url}: {response.status_code}")
        elif role in get_roles:
            # 405: a POST-only action; 400: the view ran and asks for input. Anything else is a refusal.
            refused = response.status_code not in (400, 405) and _refused(response)
            if not name.startswith("admin:") and refused:
                problems.append(f"GET {name} {url}: {response.status_code}, but {role} may use it")
        elif 200 <= response.status_code < 300:
            problems.append(f"GET {name} {url}: {response.status_code} for {role}, who may not")
        if role not in post_roles:
            if name.startswith("api:"):  # the API reads JSON only: a form body would be refused before any check
                response = client.post(url, data="{}", content_type="application/json")
            else:
                response = client.post(url, {})
            observed.append(f"{response.status_code} POST {name}")
            if response.status_code >= 500:
                problems.append(f"POST {name} {url}: {response.status_code}")
            elif not _refused(response):
                problems.append(f"POST {name} {url}: {response.status_code} for {role}, who may not")
            if name.startswith("api:"):
                # The API also writes with PUT, PATCH and DELETE: each refused the same way.
                for method in ("put", "patch", "delete"):
                    response = getattr(client, method)(url, data="{}", content_type="application/json")
                    observed.append(f"{response.status_code} {method.upper()} {name}")
                    if response.status_code >= 500 or not _refused(response):
                        problems.append(f"{method.upper()} {name} {url}: {response.status_code} for {role}")
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        print(f"\n== {role}\n" + "\n".join(line for line in observed if "admin:" not in line))
    assert len(observed) > 100
    assert not problems, "\n".join(problems)
