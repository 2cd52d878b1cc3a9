"""Pages of the action plans: overview, plan, editing, history, comparison, workflow, comments, PDF.

Plans are fetched through ``ActionPlan.objects.visible_to(user)``; what a user may do is asked of
``partnership.permissions``; every change goes through ``partnership.plans.services``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalition import pagecache
from partnership import permissions
from partnership.models import Action, ActionPlan, Comment, PlanPdf, PlanRevision, Subgroup
from partnership.plans import services
from partnership.plans.diff import compare_snapshots
from partnership.plans.forms import (
    ActionFormSet,
    CommentForm,
    CompareForm,
    PlanCreateForm,
    PlanForm,
    SendBackForm,
    action_initial,
)

HISTORY_PAGE_SIZE = 50


def _plan_for(request, pk):
    """The plan if the user may see it; 404 otherwise (no hint that a draft exists)."""
    queryset = ActionPlan.objects.visible_to(request.user).select_related("subgroup")
    return get_object_or_404(queryset, pk=pk)


def _members_only(request, plan):
    if not permissions.can_comment(request.user, plan):
        raise PermissionDenied


# --- overview and plan -----------------------------------------------------------------------------


@pagecache.cache_public_page(pagecache.CONTENT)
def plan_list(request):
    plans = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("subgroup")
        .annotate(action_count=Count("actions"))
        .order_by("stage", "subgroup__order", "subgroup__name_sl", "-updated")
    )
    subgroup = None
    if request.GET.get("subgroup"):
        subgroup = Subgroup.objects.filter(slug=request.GET["subgroup"]).first()
        if subgroup is not None:
            plans = plans.filter(subgroup=subgroup)
    status = request.GET.get("status", "")
    if status in ActionPlan.Status.values:
        plans = plans.filter(status=status)
    else:
        status = ""
    plans = list(plans)
    stages = [
        {"value": value, "label": label, "plans": [p for p in plans if p.stage == value]}
        for value, label in ActionPlan.Stage.choices
    ]
    creatable = [
        s for s in Subgroup.objects.order_by("order", "name_sl") if permissions.can_create_plan(request.user, s)
    ]
    return render(
        request,
        "partnership/plans/list.html",
        {
            "stages": stages,
            "subgroup": subgroup,
            "status": status,
            "statuses": ActionPlan.Status.choices,
            "plan_count": len(plans),
            "creatable_subgroups": creatable,
        },
    )


def _plan_actions(plan):
    return list(plan.actions.prefetch_related("responsible_partners").order_by("order", "id"))


def _grouped(actions):
    return [
        {"value": value, "label": label, "actions": [a for a in actions if a.pillar == value]}
        for value, label in Action.Pillar.choices
    ]


def _may(user, plan):
    return {
        "edit": permissions.can_edit_plan(user, plan),
        "submit": permissions.can_submit_plan(user, plan),
        "approve": permissions.can_review_plan(user, plan) and plan.status == ActionPlan.Status.IN_REVIEW,
        "send_back": permissions.can_review_plan(user, plan),
        "publish": permissions.can_publish(user, plan),
        "comment": permissions.can_comment(user, plan),
    }


@pagecache.cache_public_page(pagecache.CONTENT)
def plan_detail(request, pk, comment_form=None, status=200):
    plan = _plan_for(request, pk)
    actions = _plan_actions(plan)
    may = _may(request.user, plan)
    comments = []
    if may["comment"]:
        replies = Comment.objects.select_related("author__person", "resolved_by__person")
        comments = list(
            plan.comments.filter(parent__isnull=True)
            .select_related("author__person", "resolved_by__person", "action")
            .prefetch_related(Prefetch("replies", queryset=replies))
        )
        if comment_form is None:
            about = request.GET.get("comment_on", "")
            initial = {"action": int(about)} if about.isdigit() else {}
            comment_form = CommentForm(plan_actions=actions, initial=initial)
    numbers = {a.pk: i for i, a in enumerate(actions, start=1)}
    for comment in comments:
        comment.action_number = numbers.get(comment.action_id)
    return render(
        request,
        "partnership/plans/detail.html",
        {
            "plan": plan,
            "pillars": _grouped(actions),
            "action_count": len(actions),
            "may": may,
            "comments": comments,
            "open_comment_count": sum(1 for c in comments if not c.is_resolved),
            "comment_form": comment_form,
            "send_back_form": SendBackForm() if may["send_back"] else None,
        },
        status=status,
    )


@login_required
def plan_create(request, subgroup):
    subgroup = get_object_or_404(Subgroup, slug=subgroup)
    if not permissions.can_create_plan(request.user, subgroup):
        raise PermissionDenied
    form = PlanCreateForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            plan = services.create_plan(user=request.user, subgroup=subgroup, **form.cleaned_data)
            messages.success(request, _("The plan is created. Add its introduction and actions."))
            return redirect("partnership:plan_edit", pk=plan.pk)
        return render(request, "partnership/plans/create.html", {"form": form, "subgroup": subgroup}, status=400)
    return render(request, "partnership/plans/create.html", {"form": form, "subgroup": subgroup})


# --- editing ---------------------------------------------------------------------------------------------


@login_required
def plan_edit(request, pk):
    plan = _plan_for(request, pk)
    if not permissions.can_edit_plan(request.user, plan):
        raise PermissionDenied
    if request.method != "POST":
        actions = _plan_actions(plan)
        form = PlanForm(
            initial={
                "version": plan.version,
                "title": plan.title,
                "stage": plan.stage,
                "language": plan.language,
                "introduction": plan.introduction,
            }
        )
        formset = ActionFormSet(initial=action_initial(actions), prefix="actions")
        return render(request, "partnership/plans/edit.html", {"plan": plan, "form": form, "formset": formset})

    form = PlanForm(request.POST)
    formset = ActionFormSet(request.POST, prefix="actions")
    if not (form.is_valid() and formset.is_valid()):
        context = {"plan": plan, "form": form, "formset": formset, "invalid": True}
        return render(request, "partnership/plans/edit.html", context, status=400)
    data = form.cleaned_data
    try:
        revision = services.save_plan(
            user=request.user,
            plan=plan,
            expected_version=data["version"],
            title=data["title"],
            introduction=data["introduction"],
            stage=data["stage"],
            language=data["language"],
            actions=formset.action_data(),
            message=data["message"],
        )
    except services.EditConflict as conflict:
        return _conflict(request, conflict.plan, form, formset)
    messages.success(request, _("Saved as revision %(number)s.") % {"number": revision.number})
    return redirect(plan)


def _conflict(request, current, form, formset):
    """409: the editor's text stays in the form; the other person's version is shown beside it."""
    current_actions = _plan_actions(current)
    theirs = services.snapshot_of(current)
    submitted = formset.action_data()
    partner_names = dict(formset.partner_choices)
    mine_actions = [
        {
            "id": data.id or f"new-{index}",
            "pillar": data.pillar,
            "proposed_action": data.proposed_action,
            "bottleneck": data.bottleneck,
            "deadline": data.deadline.isoformat() if data.deadline else None,
            "status": data.status,
            "indicators": data.indicators,
            "partners": [[pid, partner_names.get(pid, "")] for pid in data.partner_ids],
        }
        for index, data in enumerate(submitted)
        if not data.delete
    ]
    # Actions someone else added meanwhile are kept whatever this editor saves: leave them out.
    touched = {data.id for data in submitted if data.id}
    theirs["actions"] = [item for item in theirs["actions"] if item["id"] in touched]
    mine = {
        "title": form.cleaned_data["title"],
        "introduction": form.cleaned_data["introduction"],
        "stage": form.cleaned_data["stage"],
        "language": form.cleaned_data["language"],
        "status": current.status,
        "actions": mine_actions,
    }
    # Saving again from here is a deliberate decision taken with their version in view.
    post = request.POST.copy()
    post["version"] = current.version
    form = PlanForm(post)
    form.is_valid()
    differences = compare_snapshots(theirs, mine)
    context = {
        "plan": current,
        "form": form,
        "formset": formset,
        "conflict": True,
        "current": current,
        "current_pillars": _grouped(current_actions),
        "differences": differences,
        "latest_revision": current.revisions.defer("snapshot").select_related("author__person").first(),
    }
    if not permissions.can_edit_plan(request.user, current):
        context["no_longer_editable"] = True
    return render(request, "partnership/plans/edit.html", context, status=409)


# --- history, comparison, restore ----------------------------------------------------------------------


@login_required
def plan_history(request, pk):
    plan = _plan_for(request, pk)
    _members_only(request, plan)
    revisions = plan.revisions.order_by("-number").values_list(
        "number", "created", "kind", "message", "author__person__name"
    )
    page = Paginator(revisions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnership/plans/history.html",
        {"plan": plan, "page": page, "rows": _history_rows(plan, page.object_list)},
    )


_NUMBER_PLACEHOLDER = 987654321  # stands for a revision number in the one reversed revision URL


def _history_rows(plan, revisions):
    """What each row of the history shows, prepared here rather than by tags and filters per row.

    A page of 50 rows spent most of its time in per-row ``{% url %}``, ``{% blocktranslate %}``,
    ``|date`` and number localisation. Here the revision URL is reversed once, the two labels are
    translated once (the msgids ``{% blocktranslate %}`` used, so their translations still apply),
    the times are what ``|date:"c"`` and ``|date:"DATETIME_FORMAT"`` gave, and the numbers are
    written once as digits (as the template wrote them: no thousands separator is configured).
    """
    revision_url = reverse("partnership:plan_revision", args=[plan.pk, _NUMBER_PLACEHOLDER])
    url_head, _number, url_tail = revision_url.rpartition(str(_NUMBER_PLACEHOLDER))
    compare_from = _("Compare from revision %(number)s")
    compare_to = _("Compare to revision %(number)s")
    nobody = _("—")
    kinds = {kind: str(label) for kind, label in PlanRevision.Kind.choices}
    saved_format = formats.get_format("DATETIME_FORMAT")
    local_time = timezone.get_current_timezone()
    rows = []
    for number, created, kind, message, author in revisions:
        number = str(number)
        saved = created.astimezone(local_time)
        rows.append(
            {
                "number": number,
                "url": f"{url_head}{number}{url_tail}",
                "compare_from": compare_from % {"number": number},
                "compare_to": compare_to % {"number": number},
                "datetime": saved.isoformat(),
                "saved": dateformat.format(saved, saved_format),
                "author": author or nobody,
                "kind": kinds.get(kind, kind),
                "message": message,
            }
        )
    return rows


@login_required
def plan_compare(request, pk):
    plan = _plan_for(request, pk)
    _members_only(request, plan)
    form = CompareForm(request.GET or None)
    if not form.is_valid():
        return render(request, "partnership/plans/compare.html", {"plan": plan, "form": form}, status=400)
    a, b = sorted([form.cleaned_data["a"], form.cleaned_data["b"]])
    revisions = {r.number: r for r in plan.revisions.filter(number__in=[a, b]).select_related("author__person")}
    missing = [n for n in (a, b) if n not in revisions]
    if missing:
        form.add_error(None, _("There is no revision %(number)s of this plan.") % {"number": missing[0]})
        return render(request, "partnership/plans/compare.html", {"plan": plan, "form": form}, status=404)
    older, newer = revisions[a], revisions[b]
    return render(
        request,
        "partnership/plans/compare.html",
        {
            "plan": plan,
            "form": form,
            "older": older,
            "newer": newer,
            "mode": form.cleaned_data.get("mode") or "inline",
            "differences": compare_snapshots(older.snapshot, newer.snapshot),
            "may_restore": permissions.can_edit_plan(request.user, plan),
        },
    )


@login_required
def plan_revision(request, pk, number):
    plan = _plan_for(request, pk)
    _members_only(request, plan)
    revision = get_object_or_404(plan.revisions.select_related("author__person"), number=number)
    return render(
        request,
        "partnership/plans/revision.html",
        {
            "plan": plan,
            "revision": revision,
            "snapshot_html": _snapshot_view(revision.snapshot),
            "may_restore": permissions.can_edit_plan(request.user, plan) and number != plan.version,
        },
    )


def _snapshot_view(snapshot):
    from partnership.plans.markdown import render_markdown

    actions = [
        {
            **item,
            "proposed_action_html": render_markdown(item["proposed_action"]),
            "bottleneck_html": render_markdown(item["bottleneck"]),
            "indicators_html": render_markdown(item["indicators"]),
            "partner_names": [name for _pk, name in item["partners"]],
        }
        for item in snapshot.get("actions", [])
    ]
    return {
        "title": snapshot.get("title", ""),
        "introduction_html": render_markdown(snapshot.get("introduction", "")),
        "pillars": [
            {"label": label, "actions": [a for a in actions if a["pillar"] == value]}
            for value, label in Action.Pillar.choices
        ],
    }


@login_required
@require_POST
def plan_restore(request, pk, number):
    plan = _plan_for(request, pk)
    revision = get_object_or_404(plan.revisions.all(), number=number)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("The form was incomplete; please try again."))
        return redirect("partnership:plan_revision", pk=plan.pk, number=number)
    try:
        new = services.restore_revision(user=request.user, plan=plan, revision=revision, expected_version=expected)
    except services.EditConflict:
        messages.error(
            request,
            _("Someone saved the plan meanwhile, so nothing was restored. Look at the latest version and try again."),
        )
        return redirect("partnership:plan_history", pk=plan.pk)
    messages.success(
        request,
        _("Revision %(old)s restored as revision %(new)s.") % {"old": revision.number, "new": new.number},
    )
    return redirect(plan)


# --- workflow -----------------------------------------------------------------------------------------------


def _workflow(request, pk, service, done_message, **kwargs):
    plan = _plan_for(request, pk)
    try:
        service(user=request.user, plan=plan, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(request, done_message)
    return redirect(plan)


@login_required
@require_POST
def plan_submit(request, pk):
    return _workflow(request, pk, services.submit_plan, _("The plan is submitted for review."))


@login_required
@require_POST
def plan_approve(request, pk):
    return _workflow(request, pk, services.approve_plan, _("The plan is approved."))


@login_required
@require_POST
def plan_publish(request, pk):
    return _workflow(request, pk, services.publish_plan, _("The plan is published."))


@login_required
def plan_send_back(request, pk):
    plan = _plan_for(request, pk)
    if not permissions.can_review_plan(request.user, plan):
        raise PermissionDenied
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _workflow(
            request, pk, services.send_back_plan, _("The plan is back in draft."), reason=form.cleaned_data["reason"]
        )
    status = 400 if request.method == "POST" else 200
    return render(request, "partnership/plans/send_back.html", {"plan": plan, "form": form}, status=status)


# --- comments ---------------------------------------------------------------------------------------------------


@login_required
@require_POST
def comment_add(request, pk):
    plan = _plan_for(request, pk)
    _members_only(request, plan)
    actions = _plan_actions(plan)
    form = CommentForm(request.POST, plan_actions=actions)
    if form.is_valid():
        action = next((a for a in actions if a.pk == form.cleaned_data["action"]), None)
        parent = None
        if form.cleaned_data["parent"]:
            parent = plan.comments.filter(pk=form.cleaned_data["parent"]).first()
            if parent is None:
                form.add_error(None, _("The comment you answered no longer exists."))
        if not form.errors:
            try:
                services.add_comment(
                    user=request.user, plan=plan, body=form.cleaned_data["body"], action=action, parent=parent
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your comment is added."))
                return redirect(f"{plan.get_absolute_url()}#comments")
    return plan_detail(request, pk, comment_form=form, status=400)


@login_required
@require_POST
def comment_resolve(request, pk, comment_pk):
    plan = _plan_for(request, pk)
    comment = get_object_or_404(plan.comments.all(), pk=comment_pk)
    resolved = request.POST.get("resolved", "1") == "1"
    services.resolve_comment(user=request.user, comment=comment, resolved=resolved)
    messages.success(request, _("The comment is resolved.") if resolved else _("The comment is open again."))
    return redirect(f"{plan.get_absolute_url()}#comment-{comment.pk}")


# --- PDF ----------------------------------------------------------------------------------------------------------


def plan_pdf(request, pk):
    """Asks for the PDF of the plan's latest revision and says whether it is ready (POST: try a failed one again)."""
    plan = _plan_for(request, pk)
    if request.method == "POST":
        services.request_pdf(user=request.user, plan=plan, retry=True)
        return redirect("partnership:plan_pdf", pk=plan.pk)
    pdf = services.request_pdf(user=request.user, plan=plan)
    pdf.refresh_from_db()
    return render(request, "partnership/plans/pdf_status.html", {"plan": plan, "pdf": pdf})


def plan_pdf_download(request, pk, number):
    plan = _plan_for(request, pk)
    pdf = PlanPdf.objects.filter(plan=plan, revision_number=number, status=PlanPdf.Status.READY).first()
    if pdf is None or not pdf.file:
        raise Http404
    filename = f"akcijski-nacrt-{plan.subgroup.slug}-{plan.pk}-r{number}.pdf"
    return FileResponse(pdf.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
