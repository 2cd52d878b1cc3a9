"""Text fields take a safe subset of Markdown; nothing executable gets through."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from partnership.models import ActionPlan
from partnership.plans.markdown import ALLOWED_TAGS, render_markdown
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
