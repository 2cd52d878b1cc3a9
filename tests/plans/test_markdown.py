"""Text fields take a safe subset of Markdown; nothing executable gets through."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from partnership.models import ActionPlan
from partnership.plans import services
from partnership.plans.markdown import ALLOWED_TAGS, RenderedTexts, render_markdown, sanitise
from tests.plans.factories import ActionFactory

pytestmark = pytest.mark.django_db

ATTACKS = [
    "<script>alert('x')</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "[klikni](javascript:alert(1))",
    "[klikni](JaVaScRiPt:alert(1))",
    "[klikni](java&#115;cript:alert(1))",
    "[klikni](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<img src="x" onerror="alert(1)">',
    '![x](x.png" onerror="alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<div onmouseover="alert(1)">x</div>',
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"></svg>',
]


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


@pytest.mark.parametrize("source", ATTACKS)
def test_it_lets_no_script_through(source):
    elements = _Elements(render_markdown(source)).elements
    assert {tag for tag, _attrs in elements} <= ALLOWED_TAGS
    for _tag, attrs in elements:
        assert not [name for name in attrs if name.startswith("on")]
        for name in ("href", "src"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value or value.startswith(("http:", "https:", "mailto:"))


def test_it_renders_the_safe_subset():
    html = render_markdown("**krepko** in *ležeče*\n\n- ena\n- dve\n\n[SOS](https://skupnostobcin.si/)")
    assert "<strong>krepko</strong>" in html
    assert "<em>ležeče</em>" in html
    assert "<li>ena</li>" in html
    assert '<a href="https://skupnostobcin.si/" rel="nofollow noopener noreferrer">SOS</a>' in html


def test_it_shows_a_script_typed_into_an_action_as_text_on_the_plan_page(client, plan):
    ActionFactory(plan=plan, proposed_action="Ukrep <script>alert('x')</script> [a](javascript:alert(2))")
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.PUBLISHED)
    html = client.get(reverse("partnership:plan_detail", args=[plan.pk])).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "javascript:alert(2)" not in html


@pytest.mark.parametrize("source", ATTACKS)
def test_it_lets_no_script_through_when_a_text_is_shown_again_from_memory(source):
    first = render_markdown(source)
    again = render_markdown(source)
    assert again == first
    elements = _Elements(again).elements
    assert {tag for tag, _attrs in elements} <= ALLOWED_TAGS
    assert not [name for _tag, attrs in elements for name in attrs if name.startswith("on")]


@pytest.mark.parametrize(
    "html",
    [
        "<p>ok</p><script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        '<img src="x" onerror="alert(1)">',
        '<p onclick="alert(1)">x</p>',
        "<iframe src=https://evil.example></iframe>",
    ],
)
def test_it_strips_scripts_from_html_itself(html):
    cleaned = sanitise(html)
    assert "<script" not in cleaned and "javascript:" not in cleaned
    assert "onerror" not in cleaned and "onclick" not in cleaned and "<iframe" not in cleaned


def test_it_forgets_the_least_recently_shown_texts_beyond_its_size():
    memory = RenderedTexts(limit=30)
    memory.put("aaaa", "<p>aaaa</p>")  # 15 characters
    memory.put("bbbb", "<p>bbbb</p>")
    assert memory.get("aaaa") == "<p>aaaa</p>"  # now the most recently used
    memory.put("cccc", "<p>cccc</p>")
    assert memory.get("bbbb") is None
    assert memory.get("aaaa") == "<p>aaaa</p>" and memory.get("cccc") == "<p>cccc</p>"
    assert memory.size <= 30


def test_it_shows_an_edited_action_at_once_on_the_plan_page(client, plan, member):
    action = plan.actions.order_by("order", "id").first()
    client.force_login(member)
    url = reverse("partnership:plan_detail", args=[plan.pk])
    assert "Javna naročila" in client.get(url).content.decode()
    services.save_plan(
        user=member,
        plan=plan,
        expected_version=plan.version,
        title=plan.title,
        introduction="Nov **uvod**",
        stage=plan.stage,
        language=plan.language,
        actions=[services.ActionData(id=action.pk, pillar=action.pillar, proposed_action="Odprti *podatki* občin")],
    )
    html = client.get(url).content.decode()
    assert "Odprti <em>podatki</em> občin" in html
    assert "Nov <strong>uvod</strong>" in html
    assert "Javna naročila" not in html
