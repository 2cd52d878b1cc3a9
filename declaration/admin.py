from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coalition.admin import SecretariatOnlyMixin
from coalition.permissions import is_secretariat
from declaration import services
from declaration.models import ConsentEvent, ConsentText, Declaration, DeclarationSection, Signature


class DeclarationSectionInline(admin.StackedInline):
    model = DeclarationSection
    extra = 0


@admin.register(Declaration)
class DeclarationAdmin(SecretariatOnlyMixin, admin.ModelAdmin):
    list_display = ["title_sl", "opens_on", "closes_on"]
    inlines = [DeclarationSectionInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsentText)
class ConsentTextAdmin(SecretariatOnlyMixin, admin.ModelAdmin):
    """A consent text people agreed to is shown read-only: a new wording is a new version."""

    list_display = ["declaration", "version", "controller", "created"]
    list_filter = ["declaration"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_used():
            return [field.name for field in self.model._meta.fields]
        return ["created"]

    def has_delete_permission(self, request, obj=None):
        return obj is not None and not obj.is_used() and is_secretariat(request.user)


class ConsentTextFilter(admin.RelatedFieldListFilter):
    """The consent texts to filter by, named after their declaration in one query."""

    def field_choices(self, field, request, model_admin):
        texts = ConsentText.objects.select_related("declaration").order_by("declaration", "version")
        return [(text.pk, str(text)) for text in texts]


@admin.register(ConsentEvent)
class ConsentEventAdmin(SecretariatOnlyMixin, admin.ModelAdmin):
    """The ledger is append-only: it can be read here, never added to, changed or deleted."""

    list_display = ["at", "kind", "consent_text", "channel", "signature"]
    list_filter = ["kind", "channel", ("consent_text", ConsentTextFilter)]
    search_fields = ["email_hash"]
    date_hierarchy = "at"
    list_select_related = ["consent_text__declaration", "signature"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentEventInline(admin.TabularInline):
    model = ConsentEvent
    fields = ["at", "kind", "consent_text", "channel"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Signature)
class SignatureAdmin(SecretariatOnlyMixin, admin.ModelAdmin):
    list_display = [
        "verification_code",
        "name",
        "signatory_type",
        "organisation_name",
        "status",
        "institution_verified_at",
        "confirmed_at",
    ]
    list_filter = ["status", "signatory_type", "show_publicly", ("institution_verified_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "email", "organisation_name", "verification_code"]
    list_select_related = ["municipality"]
    autocomplete_fields = []
    raw_id_fields = ["municipality"]
    date_hierarchy = "created"
    readonly_fields = [
        "declaration",
        "status",
        "verification_code",
        "email_hash",
        "created",
        "confirmed_at",
        "withdrawn_at",
        "institution_verified_at",
        "institution_verified_by",
        "mandate_link",
        "language",
    ]
    fields = [
        "declaration",
        "status",
        "name",
        "email",
        "signatory_type",
        "organisation_name",
        "position",
        "municipality",
        "show_publicly",
        "mandate_link",
        "institution_verified_at",
        "institution_verified_by",
        "verification_code",
        "language",
        "email_hash",
        "created",
        "confirmed_at",
        "withdrawn_at",
    ]
    inlines = [ConsentEventInline]
    actions = ["verify_institutions", "record_withdrawal_by_email", "export_csv"]

    def has_add_permission(self, request, *args):
        # Signatures come only through the double opt-in, which records the consent.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting would lose the consent trail: withdraw instead.
        return False

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == Signature.Status.WITHDRAWN:
            return [field for field in self.fields]
        return self.readonly_fields

    @admin.display(description=_("proof of mandate"))
    def mandate_link(self, obj):
        if not obj.mandate_file:
            return "—"
        url = reverse("declaration:secretariat_mandate", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("download"))

    @admin.action(description=_("Verify the institution (mandate checked)"))
    def verify_institutions(self, request, queryset):
        verified = 0
        for signature in queryset.exclude(status=Signature.Status.WITHDRAWN):
            if services.verify_institution(signature=signature, user=request.user):
                verified += 1
        self.message_user(
            request,
            ngettext("%(n)d institution verified.", "%(n)d institutions verified.", verified) % {"n": verified},
            messages.SUCCESS,
        )

    @admin.action(description=_("Record a withdrawal received by e-mail (erases the personal data)"))
    def record_withdrawal_by_email(self, request, queryset):
        withdrawn = 0
        for signature in queryset:
            try:
                if services.withdraw_signature(signature=signature, channel=ConsentEvent.Channel.EMAIL):
                    withdrawn += 1
            except ValidationError:
                continue
        self.message_user(
            request,
            ngettext("%(n)d signature withdrawn.", "%(n)d signatures withdrawn.", withdrawn) % {"n": withdrawn},
            messages.SUCCESS,
        )

    @admin.action(description=_("Export confirmed signatures as CSV (with e-mails)"))
    def export_csv(self, request, queryset):
        from declaration.views import signatures_csv_response

        declaration = queryset.first().declaration if queryset.exists() else Declaration.objects.first()
        return signatures_csv_response(declaration)
