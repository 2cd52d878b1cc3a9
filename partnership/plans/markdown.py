"""The one place Markdown becomes HTML: a safe subset, sanitised by nh3 after rendering.

Raw HTML in the source is shown as text (the Markdown parser's HTML handling is switched off),
and nh3 then keeps only the tags, attributes and URL schemes below, so no script, event
handler or ``javascript:`` link survives, whatever the parser lets through.

A plan page shows about a hundred texts, and rendering them was most of its cost, so each thread
keeps one parser (building it took half of every rendering) and each process remembers the
sanitised HTML of the texts it rendered lately, keyed on the source itself: an edited text is a
new key and is rendered afresh, an unchanged one costs a lookup. Only what nh3 returned is kept.
"""

import threading
from collections import OrderedDict

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe
from markdown.extensions import Extension

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Characters of source and HTML remembered per process (a few megabytes: thousands of actions).
MEMORY_CHARACTERS = 4_000_000


class _NoRawHtml(Extension):
    """Treat HTML in the source as text instead of passing it through."""

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


_local = threading.local()


def _parser():
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = markdown_lib.Markdown(extensions=["sane_lists", _NoRawHtml()], output_format="html")
        _local.parser = parser
    return parser


def sanitise(html):
    """Keep only the allowed tags, attributes and URL schemes of ``html``."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


class RenderedTexts:
    """The sanitised HTML of recently rendered sources, least recently used dropped beyond a size."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, text):
        with self.lock:
            html = self.entries.get(text)
            if html is not None:
                self.entries.move_to_end(text)
            return html

    def put(self, text, html):
        cost = len(text) + len(html)
        if cost > self.limit:
            return
        with self.lock:
            if text in self.entries:
                return
            self.entries[text] = html
            self.size += cost
            while self.size > self.limit:
                old_text, old_html = self.entries.popitem(last=False)
                self.size -= len(old_text) + len(old_html)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_rendered = RenderedTexts(MEMORY_CHARACTERS)


def render_markdown(text):
    """Markdown source to sanitised HTML (a SafeString, ready for templates)."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    html = _rendered.get(text)
    if html is None:
        html = mark_safe(sanitise(_parser().reset().convert(text)))  # noqa: S308 - sanitised by nh3
        _rendered.put(text, html)
    return html
