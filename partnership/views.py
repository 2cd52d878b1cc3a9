"""Public pages of the partnership, the expression-of-interest form and the secretariat's triage queue."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from coalition import pagecache
from coalition.models import Person
from coalition.net import client_ip, rate_limit_exceeded
from partnership import services
from partnership.feeds import meetings_calendar
from partnership.forms import DeclineForm, InterestForm
from partnership.models import ExpressionOfInterest, Membership, Partner, Partnership
from partnership.permissions import can_manage_partnership

SUBGROUP_PRACTICES = 5  # the newest good practices on a subgroup page; the portfolio has the rest

# At most this many submissions of the interest form per client address and window (seconds).
INTEREST_RATE_LIMIT = getattr(settings, "PARTNERSHIP_INTEREST_RATE_LIMIT", (5, 3600))


CATEGORY_HEADINGS = {
    Partner.Category.MEMBER_STATE: _lazy("Member states"),
    Partner.Category.CITY: _lazy("Cities"),
    Partner.Category.EUROPEAN_ASSOCIATION: _lazy("European associations"),
    Partner.Category.EUROPEAN_COMMISSION: _lazy("European Commission"),
    Partner.Category.OBSERVER: _lazy("Observers"),
}


def _partnership():
    """The portal's partnership (the model allows more; the pages show the first)."""
    partnership = Partnership.objects.order_by("pk").first()
    if partnership is None:
        raise Http404
    return partnership


def secretariat_required(view):
    """Anonymous visitors are sent to sign in; signed-in users without the right get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_partnership(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@pagecache.cache_public_page(pagecache.CONTENT)
def partnership_detail(request):
    partnership = _partnership()
    partners = list(partnership.partners.select_related("organisation"))
    categories = []
    for value, label in CATEGORY_HEADINGS.items():
        members = [p for p in partners if p.category == value]
        if members:
            categories.append({"value": value, "label": label, "partners": members})
    today = timezone.localdate()
    milestones = list(partnership.milestones.all())
    next_milestone = next((m for m in milestones if not m.is_past(today)), None)
    timeline = [{"milestone": m, "past": m.is_past(today), "next": m is next_milestone} for m in milestones]
    context = {
        "partnership": partnership,
        "categories": categories,
        "partner_count": len(partners),
        "city_count": sum(1 for p in partners if p.category == Partner.Category.CITY),
        "timeline": timeline,
        "next_milestone": next_milestone,
        "subgroups": partnership.subgroups.all(),
        "upcoming_meetings": partnership.meetings.upcoming(today).select_related("subgroup").order_by("starts_on"),
        "recent_meetings": partnership.meetings.past(today).select_related("subgroup").order_by("-starts_on")[:3],
    }
    return render(request, "partnership/partnership_detail.html", context)


@pagecache.cache_public_page(pagecache.CONTENT)
def subgroup_list(request):
    partnership = _partnership()
    subgroups = (
        partnership.subgroups.select_related("contact_person__organisation")
        .annotate(member_count=Count("memberships"))
        .order_by("order", "name_sl")
    )
    context = {"partnership": partnership, "subgroups": subgroups}
    return render(request, "partnership/subgroup_list.html", context)


@pagecache.cache_public_page(pagecache.CONTENT)
def subgroup_detail(request, slug):
    partnership = _partnership()
    subgroup = get_object_or_404(
        partnership.subgroups.select_related("contact_person__organisation").prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("person", "organisation").order_by(
                    "role", "organisation__name", "id"
                ),
            ),
            "meetings",
        ),
        slug=slug,
    )
    context = {
        "partnership": partnership,
        "subgroup": subgroup,
        "memberships": subgroup.memberships.all(),
        "meetings": subgroup.meetings.all(),
        # Only what the page shows: titles of the published plans (not their text), the newest practices.
        "published_plans": subgroup.action_plans.published()
        .only("id", "subgroup_id", "title", "language", "stage")
        .order_by("stage", "-updated", "id"),
        "practices": subgroup.good_practices.published_for_listing()[:SUBGROUP_PRACTICES],
        "today": timezone.localdate(),
        "secretariat_email": settings.SECRETARIAT_EMAIL,
    }
    return render(request, "partnership/subgroup_detail.html", context)


@pagecache.cache_public_page(pagecache.CONTENT)
def meeting_list(request):
    partnership = _partnership()
    today = timezone.localdate()
    meetings = partnership.meetings.select_related("subgroup")
    context = {
        "partnership": partnership,
        "upcoming": meetings.upcoming(today).order_by("starts_on"),
        "past": meetings.past(today).order_by("-starts_on"),
    }
    return render(request, "partnership/meeting_list.html", context)


@pagecache.cache_public_page(pagecache.CONTENT)
def meeting_detail(request, slug):
    partnership = _partnership()
    meeting = get_object_or_404(partnership.meetings.select_related("subgroup"), slug=slug)
    return render(request, "partnership/meeting_detail.html", {"partnership": partnership, "meeting": meeting})


def meetings_ical(request):
    partnership = _partnership()
    meetings = partnership.meetings.upcoming().select_related("subgroup").order_by("starts_on")
    body = meetings_calendar(
        meetings,
        site_url=settings.SITE_URL,
        host=urlsplit(settings.SITE_URL).hostname or "localhost",
        calendar_name=str(partnership.name),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="partnerstvo-sestanki.ics"'
    return response


def express_interest(request):
    partnership = _partnership()
    status = 200
    if request.method == "POST":
        limit, window = INTEREST_RATE_LIMIT
        if rate_limit_exceeded("interest", client_ip(request), limit=limit, window=window):
            form = InterestForm(partnership=partnership)
            context = {
                "partnership": partnership,
                "form": form,
                "rate_limited": True,
                "secretariat_email": settings.SECRETARIAT_EMAIL,
            }
            return render(request, "partnership/interest_form.html", context, status=429)
        form = InterestForm(request.POST, partnership=partnership)
        if form.is_spam:
            # Look like success to the bot; keep nothing.
            return redirect("partnership:interest_thanks")
        if form.is_valid():
            data = form.cleaned_data
            services.express_interest(
                partnership=partnership,
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                subgroups=data["subgroups"],
                message=data["message"],
                language=(get_language() or settings.LANGUAGE_CODE).split("-")[0],
            )
            return redirect("partnership:interest_thanks")
        status = 400
    else:
        initial = {}
        if request.GET.get("podskupina"):
            initial["subgroups"] = partnership.subgroups.filter(slug=request.GET["podskupina"])
        form = InterestForm(partnership=partnership, initial=initial)
    return render(request, "partnership/interest_form.html", {"partnership": partnership, "form": form}, status=status)


def interest_thanks(request):
    return render(request, "partnership/interest_thanks.html", {"partnership": _partnership()})


def _triage_context(partnership):
    pending = list(partnership.expressions_of_interest.pending().prefetch_related("subgroups").order_by("created"))
    emails = {interest.email.lower() for interest in pending if interest.email}
    known = set(
        Person.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .values_list("email_lower", flat=True)
    )
    seen = {}
    for interest in pending:
        email = interest.email.lower()
        interest.is_known_contact = bool(email) and email in known
        # An earlier request from the same address still waiting: accepting both is safe, but worth a look.
        interest.earlier_pending = seen.get(email)
        seen.setdefault(email, interest)
    decided = (
        partnership.expressions_of_interest.exclude(status=ExpressionOfInterest.Status.NEW)
        .select_related("decided_by", "person", "organisation")
        .prefetch_related("subgroups")
        .order_by("-decided_at", "-created")[:30]
    )
    return {"partnership": partnership, "pending": pending, "decided": decided}


@secretariat_required
def triage(request):
    return render(request, "partnership/triage.html", _triage_context(_partnership()))


@require_POST
@secretariat_required
def accept_interest(request, pk):
    partnership = _partnership()
    interest = get_object_or_404(partnership.expressions_of_interest, pk=pk)
    try:
        services.accept_interest(interest=interest, decided_by=request.user)
    except services.AlreadyDecided:
        messages.warning(request, _("This expression of interest was already decided; nothing was changed."))
    else:
        messages.success(request, _("Accepted: the contact and memberships are in place, and a mail is on its way."))
    return redirect("partnership:triage")


@require_POST
@secretariat_required
def decline_interest(request, pk):
    partnership = _partnership()
    interest = get_object_or_404(partnership.expressions_of_interest, pk=pk)
    form = DeclineForm(request.POST, prefix=f"decline-{interest.pk}")
    if not form.is_valid():
        context = _triage_context(partnership)
        context.update({"decline_form": form, "decline_pk": interest.pk})
        return render(request, "partnership/triage.html", context, status=400)
    try:
        services.decline_interest(interest=interest, decided_by=request.user, reason=form.cleaned_data["reason"])
    except services.AlreadyDecided:
        messages.warning(request, _("This expression of interest was already decided; nothing was changed."))
    else:
        messages.success(request, _("Declined, with the reason recorded."))
    return redirect("partnership:triage")
