"""The coalition's own domain: municipalities, organisations, people (contacts) and the mail outbox."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coalition.text import fold


class MunicipalityQuerySet(models.QuerySet):
    def urban(self):
        return self.filter(kind=Municipality.Kind.URBAN)

    def sos_members(self):
        return self.filter(organisations__sos_member=True, organisations__kind__in=Organisation.MUNICIPAL_KINDS)

    def search(self, query):
        """Diacritic- and case-insensitive search over name and code ("trzic" finds Tržič).

        There are 212 municipalities: folding their names in Python is cheaper than a stored column.
        """
        words = fold(query).split()
        if not words:
            return self
        names = self.model.objects.values_list("pk", "name", "code")
        matching = [pk for pk, name, code in names if all(w in fold(f"{name} {code}") for w in words)]
        return self.filter(pk__in=matching)


class Municipality(models.Model):
    """One of Slovenia's 212 municipalities, loaded from ISO 3166-2:SI (pycountry)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        URBAN = "urban", _("urban municipality")

    code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)

    objects = MunicipalityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def is_urban(self):
        return self.kind == self.Kind.URBAN


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def municipal(self):
        return self.filter(kind__in=Organisation.MUNICIPAL_KINDS)

    def sos_members(self):
        return self.filter(sos_member=True)

    def search(self, query):
        """Diacritic- and case-insensitive search over name, short name and municipality."""
        for word in fold(query).split():
            self = self.filter(search_text__contains=word)
        return self


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        URBAN_MUNICIPALITY = "urban_municipality", _("urban municipality")
        GOVERNMENT = "government", _("ministry or government body")
        FOREIGN_CITY = "foreign_city", _("foreign city")
        MEMBER_STATE = "member_state", _("EU member state")
        EUROPEAN_ASSOCIATION = "european_association", _("European association")
        EU_INSTITUTION = "eu_institution", _("EU institution")
        ASSOCIATION = "association", _("association of municipalities")
        RESEARCH = "research", _("research or education")
        COMPANY = "company", _("company")
        NGO = "ngo", _("NGO")
        OTHER = "other", _("other")

    MUNICIPAL_KINDS = (Kind.MUNICIPALITY, Kind.URBAN_MUNICIPALITY)

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(_("country"), max_length=2, default="SI", help_text=_("ISO 3166-1 alpha-2 code"))
    website = models.URLField(_("website"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_(
            "For a Slovenian municipality, the municipality itself; otherwise where the organisation is seated."
        ),
    )
    sos_member = models.BooleanField(
        _("SOS member"), default=False, help_text=_("Member of the Association of Municipalities of Slovenia (SOS).")
    )
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    stated_member_count = models.PositiveIntegerField(
        _("number of members (as stated)"),
        null=True,
        blank=True,
        help_text=_("For associations: how many members the organisation says it has."),
    )
    description = models.TextField(_("description"), blank=True)
    notes = models.TextField(_("internal notes"), blank=True)
    search_text = models.TextField(editable=False, default="")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "updated"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=models.Q(kind__in=["municipality", "urban_municipality"]),
                name="one_administration_per_municipality",
            ),
        ]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["sos_member"])]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        from coalition.i18n import active_language

        if active_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def is_municipal(self):
        return self.kind in self.MUNICIPAL_KINDS

    def build_search_text(self):
        municipality = self.municipality.name if self.municipality_id and self.municipality else ""
        return fold(" ".join(filter(None, [self.name, self.name_en, self.short_name, municipality])))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)


class PersonQuerySet(models.QuerySet):
    def search(self, query):
        """Diacritic- and case-insensitive search over name, e-mail and organisation."""
        for word in fold(query).split():
            self = self.filter(search_text__contains=word)
        return self

    def with_email(self, email):
        return self.filter(email__iexact=(email or "").strip())

    def mailable(self):
        """People the coalition may write to: with an e-mail, and never anyone who withdrew consent.

        Withdrawal is recorded on the person by the secretariat (``mailing_consent_withdrawn_at``);
        a withdrawn signature under the same e-mail counts too, and so does a withdrawal in the
        declaration's consent ledger (which outlives the erased signature).
        """
        from coalition.workspace.declaration_bridge import (
            email_hash_of,
            withdrawn_email_hashes,
            withdrawn_signature_exists,
        )

        qs = self.filter(mailing_consent_withdrawn_at__isnull=True, email__isnull=False).exclude(email="")
        withdrawn = withdrawn_signature_exists()
        if withdrawn is not None:
            qs = qs.exclude(withdrawn)
        # The consent ledger keeps only a keyed hash of the e-mail, so compare hashes in Python.
        hashes = withdrawn_email_hashes()
        if hashes:
            excluded = [pk for pk, email in qs.values_list("pk", "email").iterator() if email_hash_of(email) in hashes]
            if excluded:
                qs = qs.exclude(pk__in=excluded)
        return qs


class Person(models.Model):
    """A contact of the coalition. A user account links to a person by verified e-mail."""

    name = models.CharField(_("name"), max_length=200)
    # Optional: some contacts are known only by name (the source documents name the secretariat's
    # staff but give no personal addresses, and we do not invent them). Unique when present.
    email = models.EmailField(_("e-mail"), max_length=254, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="people")
    notes = models.TextField(_("internal notes"), blank=True)
    show_name_publicly = models.BooleanField(
        _("may be named publicly"),
        default=False,
        help_text=_("Without this, the person appears on public pages only as their organisation."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    mailing_consent_withdrawn_at = models.DateTimeField(
        _("withdrew consent to mailings on"),
        null=True,
        blank=True,
        help_text=_("Set when the person withdraws consent: they are left out of every mailing list and export."),
    )
    search_text = models.TextField(editable=False, default="")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "updated"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="person_email_unique_ci"),
        ]
        indexes = [models.Index(fields=["name"], name="person_name_idx")]

    def __str__(self):
        return self.name

    def build_search_text(self):
        parts = [self.name, self.email]
        if self.organisation_id and self.organisation:
            parts.append(self.organisation.name)
            if self.organisation.municipality_id and self.organisation.municipality:
                parts.append(self.organisation.municipality.name)
        return fold(" ".join(filter(None, parts)))

    @property
    def withdrew_consent(self):
        return self.mailing_consent_withdrawn_at is not None

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip() or None
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)


class OutboundEmailQuerySet(models.QuerySet):
    def owed(self):
        return self.filter(sent_at__isnull=True, failed_permanently=False)


class OutboundEmail(models.Model):
    """A mail the portal owes someone, written in the same transaction as the change that caused it.

    A task sends it after the commit; if the broker or the mail server is down, the periodic
    sweep sends it later. ``sent_at`` is set under a row lock, so a task delivered twice sends once.
    """

    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    attachment_task = models.CharField(
        max_length=100,
        blank=True,
        help_text="Dotted path of a function that returns (filename, bytes, mimetype) for this mail.",
    )
    attachment_ref = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=60, help_text="Template name, for statistics and tests.")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)
    failed_permanently = models.BooleanField(default=False)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["created"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "failed_permanently"])]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    def get_absolute_url(self):
        return reverse("admin:coalition_outboundemail_change", args=[self.pk])


# The secretariat workspace's own models (saved segments, merge records, import batches).
from coalition.workspace.models import ImportBatch, PersonMerge, Segment  # noqa: E402, F401
