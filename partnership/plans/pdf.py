"""A revision of an action plan as a PDF (WeasyPrint), rendered from the revision's snapshot.

Static files are read from disk through :class:`StaticFileFetcher`; nothing is fetched over the
network (a PDF view fetching its own ``/static/`` under one sync worker would deadlock).
"""

import mimetypes
from datetime import date

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from partnership.models import Action, ActionPlan
from partnership.plans.markdown import render_markdown

BASE_URL = "https://portal.invalid/"


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


def render_plan_pdf_bytes(plan, revision):
    context = pdf_context(plan, revision)
    with translation.override(context["language"]):
        html = render_to_string("partnership/plans/pdf.html", context)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
