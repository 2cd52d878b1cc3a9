"""The secretariat workspace's pages. Every view is wrapped in ``secretariat_required``."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from simple_history.utils import get_history_model_for_model

from coalition.charts import bar_chart, column_chart, stacked_bar_chart
from coalition.models import ImportBatch, Organisation, Person, Segment
from coalition.workspace import declaration_bridge, dedupe, exporters, importers, segments, services, stats
from coalition.workspace.decorators import secretariat_required
from coalition.workspace.filters import (
    OrganisationFilterForm,
    PersonFilterForm,
    active_filters,
    people_for_list,
)
from coalition.workspace.forms import ImportUploadForm, OrganisationForm, PersonForm, SegmentForm
from partnership.models import ExpressionOfInterest, Membership

PAGE_SIZE = 50
EXPORT_FORMATS = {"csv", "xlsx"}


def _page(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@secretariat_required
def index(request):
    context = {
        "people_count": Person.objects.count(),
        "organisation_count": Organisation.objects.count(),
        "segments": Segment.objects.all()[:10],
        "recent_imports": ImportBatch.objects.select_related("created_by")[:5],
    }
    return render(request, "workspace/index.html", context)


# --- People --------------------------------------------------------------------------------


@secretariat_required
def people(request):
    form = PersonFilterForm(request.GET or None)
    page = _page(request, people_for_list(form.queryset()))
    context = {
        "form": form,
        "page": page,
        "querystring": _querystring_without_page(request),
        "filters": active_filters(form),
        "segment_form": SegmentForm(initial={"querystring": _querystring_without_page(request)}),
    }
    return render(request, "workspace/people.html", context)


@secretariat_required
def people_export(request, file_format):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    form = PersonFilterForm(request.GET or None)
    return exporters.export_response(
        people_for_list(form.queryset()), exporters.PEOPLE_COLUMNS, _("people"), file_format
    )


def _history(model, ids):
    History = get_history_model_for_model(model)
    records = list(History.objects.filter(id__in=ids).select_related("history_user").order_by("-history_date", "-pk"))
    entries = []
    for index, record in enumerate(records):
        previous = next((r for r in records[index + 1 :] if r.id == record.id), None)
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changes = [
                {"field": model._meta.get_field(c.field).verbose_name, "old": c.old, "new": c.new}
                for c in delta.changes
            ]
        entries.append({"record": record, "changes": changes})
    return entries


@secretariat_required
def person_detail(request, pk):
    person = get_object_or_404(
        Person.objects.select_related("organisation__municipality", "user").prefetch_related("tags"), pk=pk
    )
    merges = list(person.merges.select_related("merged_by"))
    signatures = declaration_bridge.signatures_for(person, extra_emails=services.merged_emails(person))
    context = {
        "person": person,
        "memberships": person.memberships.select_related("subgroup", "organisation"),
        "expressions": ExpressionOfInterest.objects.filter(person=person).prefetch_related("subgroups"),
        "declaration_available": declaration_bridge.is_available(),
        "signatures": signatures,
        "consent_events": declaration_bridge.consent_events_for(person, signatures),
        "merges": merges,
        "history": _history(Person, [person.pk, *[m.dropped_person_id for m in merges]]),
        "membership_history": _membership_history(person),
        "mailable": Person.objects.filter(pk=person.pk).mailable().exists(),
    }
    return render(request, "workspace/person_detail.html", context)


def _membership_history(person):
    History = get_history_model_for_model(Membership)
    return (
        History.objects.filter(person_id=person.pk)
        .select_related("history_user", "subgroup")
        .order_by("-history_date")[:50]
    )


@secretariat_required
def person_edit(request, pk=None):
    person = get_object_or_404(Person, pk=pk) if pk else Person()
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        form.apply_consent()
        services.save_person(person=person, by=request.user, tags=form.cleaned_data["tags"])
        messages.success(request, _("Saved."))
        return redirect("workspace:person", pk=person.pk)
    return render(
        request, "workspace/person_form.html", {"form": form, "person": person}, status=400 if form.errors else 200
    )


# --- Organisations -------------------------------------------------------------------------


@secretariat_required
def organisations(request):
    form = OrganisationFilterForm(request.GET or None)
    page = _page(request, form.queryset())
    context = {"form": form, "page": page, "querystring": _querystring_without_page(request)}
    return render(request, "workspace/organisations.html", context)


@secretariat_required
def organisations_export(request, file_format):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    form = OrganisationFilterForm(request.GET or None)
    return exporters.export_response(form.queryset(), exporters.ORGANISATION_COLUMNS, _("organisations"), file_format)


@secretariat_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)
    context = {
        "organisation": organisation,
        "people": organisation.people.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("subgroup"))
        ),
        "memberships": organisation.memberships.select_related("subgroup", "person"),
        "history": _history(Organisation, [organisation.pk]),
    }
    return render(request, "workspace/organisation_detail.html", context)


@secretariat_required
def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.save_organisation(organisation=form.save(commit=False), by=request.user)
        messages.success(request, _("Saved."))
        return redirect("workspace:organisation", pk=organisation.pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "workspace/organisation_form.html", context, status=400 if form.errors else 200)


# --- Import --------------------------------------------------------------------------------


@secretariat_required
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ImportBatch.objects.purge_old()
        try:
            batch = importers.preview_upload(
                uploaded=form.cleaned_data["file"], kind=form.cleaned_data["kind"], by=request.user
            )
        except importers.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("workspace:import", pk=batch.pk)
    recent = ImportBatch.objects.select_related("created_by").defer("rows")[:10]
    status = 400 if form.errors else 200
    return render(request, "workspace/import_upload.html", {"form": form, "recent": recent}, status=status)


@secretariat_required
def import_batch(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    show = request.GET.get("show", "problems" if batch.status == ImportBatch.Status.PREVIEW else "all")
    rows = batch.rows
    if show == "problems":
        rows = [row for row in rows if row["action"] == "error" or row.get("outcome") == "failed"]
    counts = {action: batch.count(action) for action in ("create", "update", "skip", "error")}
    context = {
        "batch": batch,
        "rows": rows[:1000],
        "rows_truncated": len(rows) > 1000,
        "counts": counts,
        "show": show,
        "refresh": batch.is_in_progress,
    }
    return render(request, "workspace/import_batch.html", context)


@secretariat_required
@require_POST
def import_confirm(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if request.POST.get("action") == "cancel":
        importers.cancel_import(batch=batch)
        messages.info(request, _("The import was cancelled; nothing was written."))
        return redirect("workspace:import_upload")
    if not batch.importable_count:
        messages.error(request, _("The file has no rows to import."))
    elif importers.start_import(batch=batch):
        messages.success(request, _("The import has started."))
    return redirect("workspace:import", pk=batch.pk)


# --- Duplicates ----------------------------------------------------------------------------


@secretariat_required
def duplicates(request):
    return render(request, "workspace/duplicates.html", {"groups": dedupe.find_duplicates()})


@secretariat_required
def merge(request):
    source = request.POST if request.method == "POST" else request.GET
    try:
        keep_id, drop_id = int(source.get("keep", "")), int(source.get("drop", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Choose the two people to merge."))
    keep = get_object_or_404(Person.objects.select_related("organisation"), pk=keep_id)
    drop = get_object_or_404(Person.objects.select_related("organisation"), pk=drop_id)
    if keep.pk == drop.pk:
        return HttpResponseBadRequest(_("A person cannot be merged with themselves."))
    if request.method == "POST":
        try:
            services.merge_people(keep=keep, drop=drop, by=request.user)
        except services.MergeError as error:
            messages.error(request, str(error))
            return redirect("workspace:duplicates")
        messages.success(request, _("The two people were merged."))
        return redirect("workspace:person", pk=keep.pk)
    people = (
        Person.objects.filter(pk__in=[keep.pk, drop.pk])
        .select_related("organisation")
        .prefetch_related("tags", Prefetch("memberships", queryset=Membership.objects.select_related("subgroup")))
        .annotate(interest_count=Count("expressions_of_interest", distinct=True))
        .in_bulk()
    )
    return render(request, "workspace/merge.html", {"keep": people[keep.pk], "drop": people[drop.pk]})


# --- Segments ------------------------------------------------------------------------------


@secretariat_required
def segment_list(request):
    Segment.ensure_builtins()
    saved = list(Segment.objects.all())
    items = [
        {"segment": segment, "filters": active_filters(form)}
        for segment, form in zip(saved, segments.segment_forms(saved), strict=True)
    ]
    return render(request, "workspace/segments.html", {"items": items})


@secretariat_required
@require_POST
def segment_create(request):
    form = SegmentForm(request.POST)
    if form.is_valid():
        segment = form.save(commit=False)
        segment.created_by = request.user
        services.save_with_history(segment, by=request.user)
        messages.success(request, _("The segment was saved."))
        return redirect("workspace:segment", pk=segment.pk)
    messages.error(request, _("Give the segment a name."))
    return redirect(reverse("workspace:people") + "?" + (request.POST.get("querystring") or ""))


@secretariat_required
def segment_detail(request, pk):
    segment = get_object_or_404(Segment, pk=pk)
    form = segments.segment_form(segment)
    everyone = segments.segment_people(segment)
    mailable = segments.segment_mailing_list(segment)
    context = {
        "segment": segment,
        "filters": active_filters(form),
        "total": everyone.count(),
        "mailable_count": mailable.count(),
        "page": _page(request, people_for_list(mailable)),
        "querystring": "",
    }
    return render(request, "workspace/segment_detail.html", context)


@secretariat_required
def segment_emails(request, pk):
    segment = get_object_or_404(Segment, pk=pk)
    mailable = segments.segment_mailing_list(segment)
    context = {"segment": segment, "emails": segments.email_list(mailable), "count": mailable.count()}
    return render(request, "workspace/segment_emails.html", context)


@secretariat_required
def segment_export(request, pk, file_format):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    segment = get_object_or_404(Segment, pk=pk)
    people = people_for_list(segments.segment_mailing_list(segment))
    return exporters.export_response(people, exporters.PEOPLE_COLUMNS, _("segment"), file_format)


@secretariat_required
@require_POST
def segment_delete(request, pk):
    segment = get_object_or_404(Segment, pk=pk)
    if segment.is_builtin:
        messages.error(request, _("Built-in segments cannot be deleted."))
        return redirect("workspace:segment", pk=segment.pk)
    segment._history_user = request.user
    segment.delete()
    messages.success(request, _("The segment was deleted."))
    return redirect("workspace:segments")


# --- Statistics ----------------------------------------------------------------------------


@secretariat_required
def statistics(request):
    per_subgroup = stats.people_per_subgroup_and_role()
    roles = Membership.Role
    role_series = [(label, [counts[value] for _s, counts in per_subgroup]) for value, label in roles.choices]
    kinds = stats.organisations_by_kind()
    coverage = stats.sos_coverage()
    months = stats.interest_per_month()
    month_items = [(date_format(start, "M y"), n) for start, n in months]
    coverage_items = [
        (_("SOS member municipalities"), coverage["members"]),
        (_("… with at least one contact"), coverage["with_contacts"]),
        (_("All municipalities"), coverage["total"]),
    ]
    context = {
        "per_subgroup": per_subgroup,
        "roles": roles.choices,
        "subgroup_chart": stacked_bar_chart(
            [s.name for s, _c in per_subgroup], role_series, title=_("People per subgroup and role")
        ),
        "kinds": kinds,
        "kind_chart": bar_chart(kinds, title=_("Organisations by kind")),
        "coverage": coverage,
        "coverage_items": coverage_items,
        "coverage_chart": bar_chart(coverage_items, title=_("SOS member municipalities covered")),
        "months": month_items,
        "month_chart": column_chart(
            month_items, title=_("Expressions of interest per month"), label_every=max(1, len(month_items) // 12)
        ),
    }
    return render(request, "workspace/statistics.html", context)
