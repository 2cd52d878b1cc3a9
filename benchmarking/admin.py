from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from benchmarking import permissions, services
from benchmarking.models import Answer, Assessment, Framework, Indicator


class IndicatorInline(admin.StackedInline):
    model = Indicator
    extra = 0

    def _editable(self, request, obj):
        return permissions.can_manage_frameworks(request.user) and (obj is None or not obj.stored_is_published())

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    """A version in use is read-only here; "Copy into a new draft version" is the way to change it."""

    list_display = ["version", "name_sl", "published_at"]
    inlines = [IndicatorInline]
    actions = ["copy_into_new_draft", "publish"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.stored_is_published():
            return False
        return permissions.can_manage_frameworks(request.user)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.stored_is_published():
            return False
        return permissions.can_manage_frameworks(request.user)

    def has_add_permission(self, request):
        return permissions.can_manage_frameworks(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_manage_frameworks(request.user)

    def has_module_permission(self, request):
        return permissions.can_manage_frameworks(request.user)

    def get_readonly_fields(self, request, obj=None):
        return ["published_at"]

    @admin.action(description=_("Copy into a new draft version"))
    def copy_into_new_draft(self, request, queryset):
        for framework in queryset:
            new = services.copy_framework(framework=framework)
            self.message_user(request, _("Draft version %(version)s created.") % {"version": new.version})

    @admin.action(description=_("Publish (put in use; it can no longer be edited)"))
    def publish(self, request, queryset):
        for framework in queryset:
            try:
                services.publish_framework(framework=framework)
            except ValidationError as exc:
                self.message_user(request, "; ".join(exc.messages), messages.ERROR)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    readonly_fields = ["indicator", "value"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    """Read-only: municipalities fill in their own assessments; the secretariat may reopen them."""

    list_display = ["municipality", "year", "framework", "status", "submitted_at", "reopened_at"]
    list_filter = ["status", "year", "municipality__kind"]
    list_select_related = ["municipality", "framework"]
    search_fields = ["municipality__name", "municipality__code"]
    readonly_fields = [
        "municipality",
        "year",
        "framework",
        "status",
        "submitted_by",
        "submitted_at",
        "reopened_by",
        "reopened_at",
        "last_saved_by",
    ]
    inlines = [AnswerInline]
    actions = ["reopen"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return permissions.can_manage_frameworks(request.user)

    def has_module_permission(self, request):
        return permissions.can_manage_frameworks(request.user)

    @admin.action(description=_("Reopen the selected self-assessments"))
    def reopen(self, request, queryset):
        reopened = 0
        for assessment in queryset.submitted():
            try:
                services.reopen_assessment(assessment=assessment, by=request.user)
                reopened += 1
            except PermissionDenied:
                pass
        self.message_user(request, _("%(count)s self-assessments reopened.") % {"count": reopened})
