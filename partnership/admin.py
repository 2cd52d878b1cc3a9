from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coalition.admin import HistoryAdmin, ReadOnlyMixin, SecretariatOnlyMixin
from partnership import permissions, services
from partnership.models import (
    Action,
    ActionPlan,
    Comment,
    ExpressionOfInterest,
    GoodPractice,
    Meeting,
    Membership,
    Milestone,
    Partner,
    Partnership,
    PlanPdf,
    PlanRevision,
    Subgroup,
)
from partnership.plans import services as plan_services
from partnership.practices import services as practice_services


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(HistoryAdmin):
    list_display = ["name_sl", "name_en", "slug", "sos_joined_on"]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sl"]}
    inlines = [PartnerInline, MilestoneInline]


@admin.register(Partner)
class PartnerAdmin(HistoryAdmin):
    list_display = ["organisation", "category", "is_coordinator", "partnership", "order"]
    list_filter = ["category", "is_coordinator", "partnership"]
    list_select_related = ["organisation", "partnership"]
    search_fields = ["organisation__name", "organisation__name_en", "organisation__short_name"]
    autocomplete_fields = ["organisation"]
    list_editable = ["order"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(Subgroup)
class SubgroupAdmin(HistoryAdmin):
    list_display = ["name_sl", "name_en", "kind", "contact_person", "order"]
    list_filter = ["kind", "partnership"]
    list_select_related = ["contact_person"]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sl"]}
    autocomplete_fields = ["contact_person"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["subgroup", "person", "organisation", "role", "created"]
    list_filter = ["role", "subgroup"]
    list_select_related = ["subgroup", "person", "organisation"]
    search_fields = ["person__name", "person__email", "organisation__name", "subgroup__name_sl"]
    autocomplete_fields = ["person", "organisation"]
    date_hierarchy = "created"


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(HistoryAdmin):
    list_display = ["created", "name", "organisation_name", "status", "source", "decided_at"]
    list_filter = ["status", "source", "subgroups", "language"]
    search_fields = ["name", "email", "organisation_name", "message"]
    autocomplete_fields = ["person", "organisation"]
    filter_horizontal = ["subgroups"]
    # The status moves only through accept_interest / decline_interest (the triage page and the action below).
    readonly_fields = ["status", "privacy_consent_at", "decided_by", "decided_at", "created"]
    date_hierarchy = "created"
    actions = ["accept_selected"]

    @admin.action(description=_("Accept the selected expressions of interest"))
    def accept_selected(self, request, queryset):
        accepted = skipped = 0
        for interest in queryset:
            try:
                services.accept_interest(interest=interest, decided_by=request.user)
            except services.AlreadyDecided:
                skipped += 1
            else:
                accepted += 1
        self.message_user(
            request,
            _("Accepted: %(accepted)d. Already decided and left unchanged: %(skipped)d.")
            % {"accepted": accepted, "skipped": skipped},
            messages.SUCCESS,
        )


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["title_sl", "starts_on", "ends_on", "place", "subgroup"]
    list_filter = ["subgroup", "partnership"]
    list_select_related = ["subgroup"]
    search_fields = ["title_sl", "title_en", "place"]
    prepopulated_fields = {"slug": ["title_sl"]}
    date_hierarchy = "starts_on"


@admin.register(Milestone)
class MilestoneAdmin(HistoryAdmin):
    list_display = ["title_sl", "kind", "due_on", "month_only", "partnership"]
    list_filter = ["kind", "partnership"]
    search_fields = ["title_sl", "title_en"]


# --- Action plans ---------------------------------------------------------------------------------
# Every change to a plan is a revision made by partnership.plans.services: the admin edits a draft's
# text through save_plan (refused if someone saved meanwhile), moves the status only through the
# workflow's actions, and shows actions, revisions and comments read-only.


class ActionPlanAdminForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionPlan
        fields = ["subgroup", "title", "stage", "language", "introduction"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = ActionPlan.objects.values_list("version", flat=True).get(pk=self.instance.pk)
            if cleaned.get("loaded_version") != current:
                raise ValidationError(
                    _("Someone saved this plan after you opened it. Reload the page; your text is shown below."),
                    code="edit_conflict",
                )
        return cleaned


class ActionInline(admin.TabularInline):
    model = Action
    fields = ["order", "pillar", "proposed_action", "deadline", "status"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(SecretariatOnlyMixin, admin.ModelAdmin):
    """A draft's text can be changed here (as a new revision); its actions are edited on the plan's page."""

    form = ActionPlanAdminForm
    list_display = ["title", "subgroup", "stage", "status", "version", "updated", "published_at"]
    list_filter = ["status", "stage", "language", "subgroup"]
    list_select_related = ["subgroup"]
    search_fields = ["title", "subgroup__name_sl", "subgroup__name_en"]
    date_hierarchy = "updated"
    inlines = [ActionInline]
    actions = ["approve_selected", "publish_selected"]
    readonly_fields = ["status", "sent_back_reason", "version", "created_by", "created", "updated", "published_at"]

    def get_fields(self, request, obj=None):
        fields = ["subgroup", "title", "stage", "language", "introduction"]
        if obj is None:
            return fields
        return [*fields, "loaded_version", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # The subgroup never changes; the text only while the plan is a draft (can_edit_plan).
        return ["subgroup", *self.readonly_fields]

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit_plan(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # A plan's revisions are its history: plans are not deleted.
        return False

    def save_model(self, request, obj, form, change):
        text = {name: form.cleaned_data[name] for name in ("title", "introduction", "stage", "language")}
        if not change:
            plan = plan_services.create_plan(user=request.user, subgroup=form.cleaned_data["subgroup"], **text)
            obj.pk = plan.pk
        else:
            try:
                plan_services.save_plan(
                    user=request.user,
                    plan=obj,
                    expected_version=form.cleaned_data["loaded_version"],
                    message=str(_("Changed in the admin")),
                    **text,
                )
            except plan_services.EditConflict:
                self.message_user(request, _("Someone saved this plan meanwhile; nothing was changed."), messages.ERROR)
        obj.refresh_from_db()

    def _run_transition(self, request, queryset, transition, done_message):
        done = skipped = 0
        for plan in queryset.select_related("subgroup"):
            try:
                transition(user=request.user, plan=plan)
            except (PermissionDenied, ValidationError):
                skipped += 1
            else:
                done += 1
        self.message_user(request, done_message % {"done": done, "skipped": skipped}, messages.SUCCESS)

    @admin.action(description=_("Approve the selected plans (those in review)"))
    def approve_selected(self, request, queryset):
        self._run_transition(
            request, queryset, plan_services.approve_plan, _("Approved: %(done)d. Left unchanged: %(skipped)d.")
        )

    @admin.action(description=_("Publish the selected plans (those approved)"))
    def publish_selected(self, request, queryset):
        self._run_transition(
            request, queryset, plan_services.publish_plan, _("Published: %(done)d. Left unchanged: %(skipped)d.")
        )


@admin.register(PlanRevision)
class PlanRevisionAdmin(ReadOnlyMixin, SecretariatOnlyMixin, admin.ModelAdmin):
    """Revisions are the plan's history: read here, never changed or deleted."""

    list_display = ["plan", "number", "kind", "author", "created", "message"]
    list_filter = ["kind"]
    list_select_related = ["plan", "author"]
    search_fields = ["plan__title", "message"]
    date_hierarchy = "created"
    fields = ["plan", "number", "kind", "author", "created", "message", "snapshot"]

    def get_queryset(self, request):
        # A snapshot holds the whole plan; a list of hundreds of revisions must not load them.
        return super().get_queryset(request).defer("snapshot")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(ReadOnlyMixin, SecretariatOnlyMixin, admin.ModelAdmin):
    """Comments are written on the plan's page (which tells the leads); here the secretariat reads,
    resolves and, for moderation, deletes them."""

    list_display = ["short_body", "plan", "action", "author", "created", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["plan", "action", "author"]
    search_fields = ["body", "plan__title"]
    date_hierarchy = "created"
    fields = ["plan", "action", "parent", "author", "body", "created", "resolved_at", "resolved_by"]
    actions = ["resolve_selected"]

    @admin.display(description=_("comment"))
    def short_body(self, comment):
        return str(comment)

    @admin.action(description=_("Mark the selected comments resolved"))
    def resolve_selected(self, request, queryset):
        resolved = 0
        for comment in queryset.select_related("plan"):
            try:
                plan_services.resolve_comment(user=request.user, comment=comment)
            except PermissionDenied:
                continue
            resolved += 1
        self.message_user(
            request,
            ngettext("%(n)d comment resolved.", "%(n)d comments resolved.", resolved) % {"n": resolved},
            messages.SUCCESS,
        )


@admin.register(PlanPdf)
class PlanPdfAdmin(ReadOnlyMixin, SecretariatOnlyMixin, admin.ModelAdmin):
    """Rendered PDFs of plan revisions; deleting one makes the next request render it again."""

    list_display = ["plan", "revision_number", "status", "requested_at", "rendered_at"]
    list_filter = ["status"]
    list_select_related = ["plan"]
    search_fields = ["plan__title"]
    fields = ["plan", "revision_number", "status", "file", "requested_at", "rendered_at"]


# --- Good practices ---------------------------------------------------------------------------------


@admin.register(GoodPractice)
class GoodPracticeAdmin(SecretariatOnlyMixin, HistoryAdmin):
    """The review (publish, reject with a note) goes through the same service as the review page."""

    list_display = ["title", "owner", "subgroup", "cost_range", "status", "submitted_at", "published_at"]
    list_filter = ["status", "subgroup", "cost_range"]
    list_select_related = ["organisation", "municipality", "subgroup"]
    search_fields = ["title", "summary", "organisation__name", "municipality__name"]
    autocomplete_fields = ["organisation", "municipality", "tags"]
    date_hierarchy = "submitted_at"
    readonly_fields = [
        "status",
        "review_note",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "published_at",
    ]
    actions = ["publish_selected"]

    @admin.display(description=_("organisation or municipality"))
    def owner(self, practice):
        return practice.owner_name

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        obj._history_user = request.user
        obj.save()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        practice = form.instance
        # The search text holds the tag names, which are saved only now.
        practice.refresh_search_text([tag.name for tag in practice.tags.all()])
        GoodPractice.objects.filter(pk=practice.pk).update(search_text=practice.search_text)

    @admin.action(description=_("Publish the selected good practices"))
    def publish_selected(self, request, queryset):
        published = 0
        for practice in queryset.exclude(status=GoodPractice.Status.PUBLISHED):
            practice_services.publish_practice(practice=practice, by=request.user)
            published += 1
        self.message_user(
            request,
            ngettext("%(n)d good practice published.", "%(n)d good practices published.", published) % {"n": published},
            messages.SUCCESS,
        )
