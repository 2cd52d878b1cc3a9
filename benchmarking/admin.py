from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from benchmarking import permissions, services
from benchmarking.models import Answer, Assessment, Framework, Indicator
from coalition.admin import HistoryAdmin, ReadOnlyMixin


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
    list_filter = [("published_at", admin.EmptyFieldListFilter)]
    search_fields = ["name_sl", "name_en", "version"]
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

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(HistoryAdmin):
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


class FrameworkManagersMixin:
    def has_view_permission(self, request, obj=None):
        return permissions.can_manage_frameworks(request.user)

    def has_module_permission(self, request):
        return permissions.can_manage_frameworks(request.user)


@admin.register(Indicator)
class IndicatorAdmin(FrameworkManagersMixin, admin.ModelAdmin):
    """An indicator of a version in use is read-only (``Indicator.save`` refuses it too)."""

    list_display = ["code", "name_sl", "framework", "area", "answer_type", "target", "subgroup", "order"]
    list_filter = ["framework", "area", "answer_type", "subgroup"]
    list_select_related = ["framework", "subgroup"]
    search_fields = ["code", "name_sl", "name_en"]
    ordering = ["-framework__version", "order", "code"]

    def _editable(self, request, obj):
        if not permissions.can_manage_frameworks(request.user):
            return False
        return obj is None or not obj._framework_is_published()

    def has_add_permission(self, request):
        return self._editable(request, None)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "framework":
            # New indicators go into draft versions only.
            kwargs["queryset"] = Framework.objects.filter(published_at__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def delete_queryset(self, request, queryset):
        # One by one, so Indicator.delete refuses those of a version in use.
        for indicator in queryset.filter(framework__published_at__isnull=True):
            indicator.delete()


@admin.register(Answer)
class AnswerAdmin(FrameworkManagersMixin, ReadOnlyMixin, HistoryAdmin):
    """Answers are the municipalities' own: read here, changed only in their self-assessment."""

    list_display = ["assessment", "indicator", "value"]
    list_filter = ["assessment__year", "assessment__status", "indicator__framework"]
    list_select_related = ["assessment__municipality", "indicator"]
    search_fields = ["assessment__municipality__name", "assessment__municipality__code", "indicator__code"]
    fields = ["assessment", "indicator", "value"]

    def has_delete_permission(self, request, obj=None):
        return False
