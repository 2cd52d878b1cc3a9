from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from coalition.models import Municipality, Organisation, OutboundEmail, Person, Tag


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "municipality", "country", "sos_member"]
    list_filter = ["kind", "sos_member", "country"]
    list_select_related = ["municipality"]
    search_fields = ["name", "name_en", "short_name", "search_text", "municipality__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    list_per_page = 50
    actions = ["mark_sos_member", "unmark_sos_member"]

    @admin.action(description=_("Mark as SOS member"))
    def mark_sos_member(self, request, queryset):
        for organisation in queryset:
            organisation.sos_member = True
            organisation.save()

    @admin.action(description=_("Unmark as SOS member"))
    def unmark_sos_member(self, request, queryset):
        for organisation in queryset:
            organisation.sos_member = False
            organisation.save()


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
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
