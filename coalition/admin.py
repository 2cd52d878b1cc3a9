"""The secretariat's admin for the coalition's own records, and the base classes every app's admin uses.

The admin enforces the same rules as the pages: it asks the predicates in ``*.permissions`` and
writes through the services; where a rule makes a record unchangeable, the admin shows it read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from coalition.models import ImportBatch, Municipality, Organisation, OutboundEmail, Person, PersonMerge, Segment, Tag
from coalition.permissions import is_secretariat
from coalition.workspace import services as workspace_services


class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's admin with history to read, never to revert.

    simple_history saves a posted "revert" form even when its button is hidden, and reverting
    writes an old row back past every rule (a submitted assessment back to draft, a rejected
    practice back to published). A change is made on the change form, where the rules hold.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class SecretariatOnlyMixin:
    """An admin for the secretariat alone (the predicate the pages ask too)."""

    def has_module_permission(self, request):
        return is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_add_permission(self, request, *args):
        return is_secretariat(request.user)

    def has_change_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_secretariat(request.user)


class ReadOnlyMixin:
    """A record that is written by a workflow only: it can be read here, never added or changed."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Municipality)
class MunicipalityAdmin(HistoryAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "municipality", "country", "sos_member"]
    list_filter = ["kind", "sos_member", "country"]
    list_select_related = ["municipality"]
    search_fields = ["name", "name_en", "short_name", "search_text", "municipality__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    list_per_page = 50
    actions = ["mark_sos_member", "unmark_sos_member"]

    def save_model(self, request, obj, form, change):
        # Through the service, so the people's search text follows a renamed organisation.
        workspace_services.save_organisation(organisation=obj, by=request.user)

    @admin.action(description=_("Mark as SOS member"))
    def mark_sos_member(self, request, queryset):
        for organisation in queryset:
            organisation.sos_member = True
            workspace_services.save_organisation(organisation=organisation, by=request.user)

    @admin.action(description=_("Unmark as SOS member"))
    def unmark_sos_member(self, request, queryset):
        for organisation in queryset:
            organisation.sos_member = False
            workspace_services.save_organisation(organisation=organisation, by=request.user)


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "email", "organisation", "position", "show_name_publicly"]
    list_filter = ["organisation__kind", "show_name_publicly", "tags"]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", "search_text", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]
    filter_horizontal = ["tags"]
    list_per_page = 50


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "created", "sent_at", "attempts", "last_error"]
    list_filter = ["kind", "failed_permanently"]
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]

    def has_add_permission(self, request):
        return False


# --- The workspace's own records ----------------------------------------------------------------


@admin.register(Segment)
class SegmentAdmin(SecretariatOnlyMixin, HistoryAdmin):
    """Built-in segments are read-only and never deleted (the workspace refuses it too)."""

    list_display = ["name", "querystring", "builtin_key", "created_by", "created"]
    list_filter = [("builtin_key", admin.EmptyFieldListFilter)]
    list_select_related = ["created_by"]
    search_fields = ["name", "description", "querystring"]
    fields = ["name", "description", "querystring", "builtin_key", "created_by", "created"]
    readonly_fields = ["builtin_key", "created_by", "created"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj is not None and obj.is_builtin)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_builtin)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        workspace_services.save_with_history(obj, by=request.user)

    def get_actions(self, request):
        # Bulk deletion would take built-in segments along.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(PersonMerge)
class PersonMergeAdmin(ReadOnlyMixin, SecretariatOnlyMixin, admin.ModelAdmin):
    """The record of a merge: what moved where; written by the workspace's merge only."""

    list_display = ["merged_at", "dropped_name", "kept", "merged_by"]
    list_select_related = ["kept", "merged_by"]
    search_fields = ["dropped_name", "dropped_email", "kept__name", "kept__email"]
    date_hierarchy = "merged_at"


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyMixin, SecretariatOnlyMixin, admin.ModelAdmin):
    """Uploaded spreadsheets: read here; the import itself runs in the workspace. Deleting drops the rows."""

    list_display = ["created", "filename", "kind", "status", "row_count", "written", "created_by"]
    list_filter = ["kind", "status"]
    list_select_related = ["created_by"]
    search_fields = ["filename"]
    date_hierarchy = "created"
    # The rows (the uploaded personal data, up to thousands) are never loaded for the list or the form.
    fields = ["filename", "kind", "encoding", "status", "row_count", "written", "failure_reason", "created_by"]
    readonly_fields = ["row_count", "written", "failure_reason"]

    @admin.display(description=_("rows"), ordering="total_rows")
    def row_count(self, batch):
        return batch.total_rows

    @admin.display(description=_("created, updated, skipped"))
    def written(self, batch):
        return f"{batch.created_count} / {batch.updated_count} / {batch.skipped_count}"

    @admin.display(description=_("reason it failed"))
    def failure_reason(self, batch):
        return batch.failure or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("rows", "columns")

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_in_progress:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        skipped = queryset.filter(status__in=[ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING])
        if skipped.exists():
            self.message_user(request, _("Imports in progress were left alone."), messages.WARNING)
        queryset.exclude(pk__in=skipped.values("pk")).delete()
