"""Good-practice pages: the public portfolio, submission by partners, review by the secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from coalition import pagecache
from coalition.models import Municipality, Tag
from partnership.models import GoodPractice, Subgroup
from partnership.practices import permissions, services
from partnership.practices.forms import GoodPracticeForm, ReviewForm

PAGE_SIZE = 20


@pagecache.cache_public_page(pagecache.CONTENT)
def practice_list(request):
    """The public portfolio, searchable and filterable by subgroup, municipality and tag."""
    practices = GoodPractice.objects.published().for_listing().order_by("-published_at", "-id")
    query = request.GET.get("q", "").strip()[:200]
    subgroup = Subgroup.objects.filter(slug=request.GET.get("subgroup", "")).first()
    municipality = Municipality.objects.filter(code=request.GET.get("municipality", "")).first()
    tag = Tag.objects.filter(name=request.GET.get("tag", "")).first() if request.GET.get("tag") else None
    if query:
        practices = practices.search(query)
    if subgroup:
        practices = practices.filter(subgroup=subgroup)
    if municipality:
        practices = practices.in_municipality(municipality)
    if tag:
        practices = practices.filter(tags=tag)
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "subgroup": subgroup,
        "municipality": municipality,
        "tag": tag,
        "subgroups": Subgroup.objects.order_by("order", "name_sl"),
        "municipalities": Municipality.objects.filter(
            Q(good_practices__status=GoodPractice.Status.PUBLISHED)
            | Q(organisations__good_practices__status=GoodPractice.Status.PUBLISHED)
        )
        .distinct()
        .order_by("name"),
        "tags": Tag.objects.filter(good_practices__status=GoodPractice.Status.PUBLISHED).distinct().order_by("name"),
        "filtered": bool(query or subgroup or municipality or tag),
        "can_submit": permissions.can_submit_practice(request.user),
        "can_review": permissions.can_review_practices(request.user),
    }
    return render(request, "partnership/practices/list.html", context)


@pagecache.cache_public_page(pagecache.CONTENT)
def practice_detail(request, pk):
    practice = get_object_or_404(permissions.visible_practices(request.user, GoodPractice.objects.for_listing()), pk=pk)
    return render(
        request,
        "partnership/practices/detail.html",
        {"practice": practice, "can_review": permissions.can_review_practices(request.user)},
    )


@login_required
def practice_submit(request):
    if not permissions.can_submit_practice(request.user):
        return render(request, "partnership/practices/cannot_submit.html", status=403)
    status = 200
    if request.method == "POST":
        form = GoodPracticeForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "tags_text"}
            try:
                practice = services.submit_practice(by=request.user, tag_names=form.cleaned_data["tags_text"], **data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field, errors)
            else:
                messages.success(
                    request, _("Thank you. The secretariat will review the practice before it is published.")
                )
                return redirect(practice.get_absolute_url())
        status = 400
    else:
        form = GoodPracticeForm()
    return render(request, "partnership/practices/submit.html", {"form": form}, status=status)


@login_required
def practice_review_list(request):
    if not permissions.can_review_practices(request.user):
        raise PermissionDenied
    practices = (
        GoodPractice.objects.awaiting_review().for_listing().select_related("submitted_by").order_by("submitted_at")
    )
    return render(request, "partnership/practices/review_list.html", {"practices": practices})


@login_required
def practice_review(request, pk):
    if not permissions.can_review_practices(request.user):
        raise PermissionDenied
    practice = get_object_or_404(GoodPractice.objects.for_listing(), pk=pk)
    form = ReviewForm(request.POST or None, initial={"review_note": practice.review_note})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ("publish", "reject"):
            raise Http404
        if form.is_valid():
            note = form.cleaned_data["review_note"]
            try:
                with transaction.atomic():
                    if action == "publish":
                        services.publish_practice(practice=practice, by=request.user, note=note)
                    else:
                        services.reject_practice(practice=practice, by=request.user, note=note)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field, errors)
            else:
                messages.success(
                    request,
                    _("Published.") if action == "publish" else _("Marked as not published; the submitter is told."),
                )
                return redirect("partnership:practice_review_list")
        status = 400
    return render(request, "partnership/practices/review.html", {"practice": practice, "form": form}, status=status)
