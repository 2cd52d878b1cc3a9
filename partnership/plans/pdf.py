"""A revision of an action plan as a PDF (WeasyPrint), rendered from the revision's snapshot.

Static files are read from disk through :class:`StaticFileFetcher`; nothing is fetched over the
network (a PDF view fetching its own ``/static/`` under one sync worker would deadlock).

What keeps a 30-action plan (18 pages) cheap to render:

- the table of contents' dot leaders are drawn as one run of text per line (see
  :func:`_handle_leader_as_one_run`), not as one text box per dot;
- the stylesheet is parsed once per process (:func:`plan_stylesheet`);
- the cyclic garbage collector is paused while WeasyPrint builds its box tree (:func:`_gc_paused`).
"""

import gc
import mimetypes
from contextlib import contextmanager
from datetime import date
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.layout import inline as inline_layout
from weasyprint.layout.leader import leader_index
from weasyprint.text.line_break import create_layout
from weasyprint.urls import URLFetcher, URLFetcherResponse

from partnership.models import Action, ActionPlan
from partnership.plans.markdown import render_markdown

BASE_URL = "https://portal.invalid/"
STYLESHEET = "css/plan-pdf.css"


class StaticFileFetcher(URLFetcher):
    """Serves ``/static/...`` from the static finders; refuses every other URL."""

    def fetch(self, url, headers=None):
        prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            raise ValueError("the PDF renderer fetches nothing from the network")
        path = finders.find(url[len(prefix) :].split("?")[0])
        if not path:
            raise ValueError("static file not found")
        with open(path, "rb") as handle:
            body = handle.read()
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})


def pdf_context(plan, revision):
    snapshot = revision.snapshot
    pillars = []
    for value, label in Action.Pillar.choices:
        items = []
        for item in snapshot.get("actions", []):
            if item["pillar"] != value:
                continue
            items.append(
                {
                    "number": len(items) + 1,
                    "proposed_action": render_markdown(item["proposed_action"]),
                    "bottleneck": render_markdown(item["bottleneck"]),
                    "indicators": render_markdown(item["indicators"]),
                    "partners": [name for _pk, name in item["partners"]],
                    "deadline": date.fromisoformat(item["deadline"]) if item["deadline"] else None,
                    "status": Action.Status(item["status"]).label if item["status"] in Action.Status.values else "",
                }
            )
        pillars.append({"value": value, "label": label, "actions": items})
    stage = snapshot.get("stage", plan.stage)
    return {
        "plan": plan,
        "revision": revision,
        "title": snapshot.get("title", plan.title),
        "introduction": render_markdown(snapshot.get("introduction", "")),
        "stage_label": ActionPlan.Stage(stage).label if stage in ActionPlan.Stage.values else stage,
        "status_label": ActionPlan.Status(snapshot.get("status", plan.status)).label,
        "subgroup": plan.subgroup,
        "pillars": pillars,
        "language": snapshot.get("language", plan.language),
    }


@cache
def plan_stylesheet():
    """The PDF's stylesheet, fetched and parsed once per process (it changes only with a deployment).

    WeasyPrint takes it as a user stylesheet; the page has no other and WeasyPrint's own has no
    ``!important``, so it cascades as the ``<link>`` it replaces did.
    """
    return CSS(url=BASE_URL.rstrip("/") + settings.STATIC_URL + STYLESHEET, url_fetcher=StaticFileFetcher())


_weasyprint_handle_leader = inline_layout.handle_leader


def _handle_leader_as_one_run(context, line, containing_block):
    """WeasyPrint's leader, then its dots joined into one text box.

    WeasyPrint 70 fills a ``leader(".")`` with one text box per dot (about a hundred per table of
    contents line, 3,300 for a 30-action plan), and each box is copied at every re-layout of the
    page, gets its own Pango layout when drawn and its own marked content in the tagged PDF: a third
    of a plan's rendering time. The dots it placed are adjacent, each as wide as one dot, so one box
    with their text, starting where the leftmost one starts, draws the same number of dots and
    extracts to the same text (the run advances by the font's widths, rounded to 1/1000 em as all
    of WeasyPrint's text is, so the last dot may sit up to 0.2 pt further right).
    """
    _weasyprint_handle_leader(context, line, containing_block)
    _index, leader = leader_index(line)
    if leader is None or len(leader.children) < 2:
        return
    dots = leader.children
    first = dots[0]
    text = "".join(dot.text for dot in dots)
    run = first.copy_with_text(text)
    run.position_x = min(dot.position_x for dot in dots)
    run.width = sum(dot.width for dot in dots)
    run.pango_layout = create_layout(text, first.style, context, None, first.justification_spacing)
    run.pango_layout.deactivate()  # as WeasyPrint keeps a laid-out box's layout until it is drawn
    leader.children = (run,)


# For every WeasyPrint document in the process (the declaration's confirmation has no leaders).
inline_layout.handle_leader = _handle_leader_as_one_run


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while WeasyPrint lays out and writes the document.

    It allocates hundreds of thousands of objects (boxes, styles, Pango layouts) that live until the
    PDF is written; they set off collections that walk them, and the whole process's heap, again and
    again (a full one took 0.2 s with the portal loaded). The cyclic garbage a render leaves (about 70,000
    objects) is collected once, at the first allocation after the collector is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def render_plan_pdf_bytes(plan, revision):
    context = pdf_context(plan, revision)
    with translation.override(context["language"]):
        html = render_to_string("partnership/plans/pdf.html", context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher())
    with _gc_paused():
        return document.write_pdf(pdf_variant="pdf/ua-1", stylesheets=[plan_stylesheet()])
