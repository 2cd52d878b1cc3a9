from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from partnership import services
from partnership.models import ExpressionOfInterest, Meeting, Membership, Milestone, Partner, Partnership, Subgroup


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["organisation"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name_sl", "name_en", "slug", "sos_joined_on"]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sl"]}
    inlines = [PartnerInline, MilestoneInline]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
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
class SubgroupAdmin(SimpleHistoryAdmin):
    list_display = ["name_sl", "name_en", "kind", "contact_person", "order"]
    list_filter = ["kind", "partnership"]
    list_select_related = ["contact_person"]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sl"]}
    autocomplete_fields = ["contact_person"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["subgroup", "person", "organisation", "role", "created"]
    list_filter = ["role", "subgroup"]
    list_select_related = ["subgroup", "person", "organisation"]
    search_fields = ["person__name", "person__email", "organisation__name", "subgroup__name_sl"]
    autocomplete_fields = ["person", "organisation"]
    date_hierarchy = "created"


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(SimpleHistoryAdmin):
    list_display = ["created", "name", "organisation_name", "status", "source", "decided_at"]
    list_filter = ["status", "source", "subgroups", "language"]
    search_fields = ["name", "email", "organisation_name", "message"]
    autocomplete_fields = ["person", "organisation"]
    filter_horizontal = ["subgroups"]
    readonly_fields = ["privacy_consent_at", "decided_by", "decided_at", "created"]
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
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title_sl", "starts_on", "ends_on", "place", "subgroup"]
    list_filter = ["subgroup", "partnership"]
    list_select_related = ["subgroup"]
    search_fields = ["title_sl", "title_en", "place"]
    prepopulated_fields = {"slug": ["title_sl"]}
    date_hierarchy = "starts_on"


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title_sl", "kind", "due_on", "month_only", "partnership"]
    list_filter = ["kind", "partnership"]
    search_fields = ["title_sl", "title_en"]
