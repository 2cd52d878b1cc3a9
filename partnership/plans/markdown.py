"""The one place Markdown becomes HTML: a safe subset, sanitised by nh3 after rendering.

Raw HTML in the source is shown as text (the Markdown parser's HTML handling is switched off),
and nh3 then keeps only the tags, attributes and URL schemes below, so no script, event
handler or ``javascript:`` link survives, whatever the parser lets through.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe
from markdown.extensions import Extension

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


class _NoRawHtml(Extension):
    """Treat HTML in the source as text instead of passing it through."""

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text):
    """Markdown source to sanitised HTML (a SafeString, ready for templates)."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    rendered = markdown_lib.markdown(text, extensions=["sane_lists", _NoRawHtml()], output_format="html")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
