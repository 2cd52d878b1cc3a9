"""The national declaration, its versioned consent texts, signatures and the consent ledger.

Only confirmed signatures count or appear anywhere. A withdrawn signature keeps its row with
the personal data erased, so the anonymous consent events still point at something; the
ledger itself (:class:`ConsentEvent`) is append-only and proves consent after the data is gone.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from coalition.i18n import TranslatedField
from coalition.models import Municipality
from coalition.text import fold

EMAIL_HASH_SALT = "declaration.signature.email"


def email_hash(email):
    """A keyed hash of the lower-cased e-mail: links a later re-signing to the anonymous history."""
    return salted_hmac(EMAIL_HASH_SALT, (email or "").strip().lower(), algorithm="sha256").hexdigest()


def normalise_email(email):
    return (email or "").strip()


class Declaration(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_sl = models.CharField(_("title (Slovenian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    opens_on = models.DateField(_("open for signing from"), null=True, blank=True)
    closes_on = models.DateField(_("open for signing until"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    title = TranslatedField("title")

    class Meta:
        ordering = ["-created"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self):
        return self.title_sl

    def is_open(self, today=None):
        today = today or timezone.localdate()
        if self.opens_on and today < self.opens_on:
            return False
        return not (self.closes_on and today > self.closes_on)

    def current_consent_text(self):
        return self.consent_texts.order_by("-version").first()


class DeclarationSection(models.Model):
    """One part of the declaration's text.

    The body is plain text: paragraphs separated by a blank line; lines starting with "• "
    are items of a bulleted list.
    """

    declaration = models.ForeignKey(
        Declaration, verbose_name=_("declaration"), on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    anchor = models.SlugField(_("anchor"), max_length=60)
    heading_sl = models.CharField(_("heading (Slovenian)"), max_length=200)
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    body_sl = models.TextField(_("text (Slovenian)"))
    body_en = models.TextField(_("text (English)"), blank=True)

    heading = TranslatedField("heading")
    body = TranslatedField("body")

    class Meta:
        ordering = ["declaration", "position"]
        verbose_name = _("declaration section")
        verbose_name_plural = _("declaration sections")
        constraints = [
            models.UniqueConstraint(fields=["declaration", "position"], name="declaration_section_position_unique"),
            models.UniqueConstraint(fields=["declaration", "anchor"], name="declaration_section_anchor_unique"),
        ]

    def __str__(self):
        return self.heading_sl

    def blocks(self):
        """The body as ("p", text) and ("ul", [items]) blocks, for templates."""
        blocks = []
        for chunk in (self.body or "").split("\n\n"):
            lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
            if not lines:
                continue
            items = [line[1:].strip() for line in lines if line.startswith("•")]
            if items and len(items) == len(lines):
                blocks.append(("ul", items))
            else:
                blocks.append(("p", " ".join(lines)))
        return blocks


class ConsentTextQuerySet(models.QuerySet):
    def used(self):
        return self.filter(events__isnull=False).distinct()


class ConsentText(models.Model):
    """A version of the consent wording. Once a consent event refers to it, it never changes."""

    declaration = models.ForeignKey(
        Declaration, verbose_name=_("declaration"), on_delete=models.PROTECT, related_name="consent_texts"
    )
    version = models.PositiveIntegerField(_("version"))
    controller = models.CharField(_("controller"), max_length=200)
    legal_basis_sl = models.CharField(_("legal basis (Slovenian)"), max_length=200)
    legal_basis_en = models.CharField(_("legal basis (English)"), max_length=200, blank=True)
    purpose_sl = models.CharField(_("purpose (Slovenian)"), max_length=300)
    purpose_en = models.CharField(_("purpose (English)"), max_length=300, blank=True)
    withdrawal_email = models.EmailField(_("e-mail for withdrawal"))
    withdrawal_sl = models.CharField(_("how to withdraw (Slovenian)"), max_length=400)
    withdrawal_en = models.CharField(_("how to withdraw (English)"), max_length=400, blank=True)
    text_sl = models.TextField(_("text (Slovenian)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    legal_basis = TranslatedField("legal_basis")
    purpose = TranslatedField("purpose")
    withdrawal = TranslatedField("withdrawal")
    text = TranslatedField("text")

    objects = ConsentTextQuerySet.as_manager()

    class Meta:
        ordering = ["declaration", "-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(fields=["declaration", "version"], name="consent_text_version_unique"),
        ]

    def __str__(self):
        return f"{self.declaration.slug} v{self.version}"

    def is_used(self):
        return self.pk is not None and ConsentEvent.objects.filter(consent_text_id=self.pk).exists()

    def clean(self):
        if self.is_used():
            raise ValidationError(
                _("This consent text has been agreed to and can no longer change: add a new version.")
            )

    def save(self, *args, **kwargs):
        if not self._state.adding and self.is_used():
            stored = ConsentText.objects.get(pk=self.pk)
            fields = [f.attname for f in self._meta.concrete_fields]
            if any(getattr(stored, name) != getattr(self, name) for name in fields):
                raise ValidationError(_("This consent text has been agreed to and can no longer change."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_used():
            raise ValidationError(_("This consent text has been agreed to and cannot be deleted."))
        return super().delete(*args, **kwargs)


class SignatoryType(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    MUNICIPALITY = "municipality", _("municipality")
    COMPANY = "company", _("company")
    RESEARCH = "research", _("research or education")
    NGO = "ngo", _("NGO")
    PUBLIC_BODY = "public_body", _("public body")


def listed_as_institution(signatory_type, institution_verified_at):
    """Whether a signature is listed as its institution: not an individual's, and verified by the secretariat.

    The rule ``SignatureQuerySet.as_institutions`` and ``of_listed_type`` write as filters.
    """
    return signatory_type != SignatoryType.INDIVIDUAL and institution_verified_at is not None


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Signature.Status.CONFIRMED)

    def pending(self):
        return self.filter(status=Signature.Status.PENDING)

    def public(self):
        return self.confirmed().filter(show_publicly=True)

    def with_email(self, email):
        """Signatures of ``email`` in any letter case, lower-cased by the database on both sides (as the
        unique index ``signature_one_active_per_email`` compares them)."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=Lower(Value(normalise_email(email))))

    def active_with_email(self, email):
        """The pending or confirmed signature of ``email`` (any letter case): at most one, found through
        the unique index ``signature_one_active_per_email`` (its condition is this filter's status test)."""
        return self.filter(status__in=ACTIVE_STATUSES).with_email(email)

    def as_institutions(self):
        """Signatures listed as their institution: not individual, and verified by the secretariat."""
        return self.exclude(signatory_type=SignatoryType.INDIVIDUAL).filter(institution_verified_at__isnull=False)

    def of_listed_type(self, signatory_type):
        """Signatures listed as ``signatory_type``; an unverified institution counts as an individual."""
        if signatory_type == SignatoryType.INDIVIDUAL:
            return self.filter(Q(signatory_type=SignatoryType.INDIVIDUAL) | Q(institution_verified_at__isnull=True))
        return self.filter(signatory_type=signatory_type, institution_verified_at__isnull=False)

    def search(self, query):
        for word in fold(query).split()[:8]:
            self = self.filter(search_text__contains=word)
        return self

    def unconfirmed_before(self, moment):
        """Pending, and its latest confirmation link (a resend renews it) older than ``moment``."""
        return self.pending().filter(Q(last_mailed_at__lt=moment) | Q(last_mailed_at__isnull=True, created__lt=moment))


def mandate_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"declaration/mandates/{uuid.uuid4().hex}.{extension}"


# What the public list and the API show of a listed signature (plus where it belongs: the page's
# municipality id, the API's declaration slug and municipality code and name). ``pk`` and
# ``confirmed_at`` also make the list's cursors.
LISTED_FIELDS = ("pk", "name", "signatory_type", "organisation_name", "institution_verified_at", "confirmed_at")

# A signature that counts for its address: waiting for confirmation or confirmed (Signature.Status).
ACTIVE_STATUSES = ("pending", "confirmed")

ACTIVE_INDEX = "signature_one_active_per_email"


def new_verification_code():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


class Signature(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    declaration = models.ForeignKey(
        Declaration, verbose_name=_("declaration"), on_delete=models.PROTECT, related_name="signatures"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    signatory_type = models.CharField(
        _("signing as"), max_length=20, choices=SignatoryType.choices, default=SignatoryType.INDIVIDUAL
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declaration_signatures",
    )
    show_publicly = models.BooleanField(_("listed publicly"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    mandate_file = models.FileField(_("proof of mandate"), upload_to=mandate_upload_to, blank=True, max_length=200)
    institution_verified_at = models.DateTimeField(_("institution verified"), null=True, blank=True)
    institution_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_code = models.CharField(
        _("verification code"), max_length=12, unique=True, default=new_verification_code, editable=False
    )
    email_hash = models.CharField(_("e-mail hash"), max_length=64, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="sl")
    search_text = models.TextField(editable=False, default="")
    created = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    last_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            # One active (pending or confirmed) signature per address and declaration, in any letter
            # case. Signing inserts straight away and lets this index refuse a second one, so a new
            # address costs no lookup (services.sign_declaration); active_with_email reads it too.
            models.UniqueConstraint(
                Lower("email"),
                "declaration",
                condition=Q(status__in=ACTIVE_STATUSES),
                name=ACTIVE_INDEX,
            ),
        ]
        indexes = [
            # The public list: confirmed, listed, newest first; filters by type and municipality.
            models.Index(
                fields=["declaration", "status", "show_publicly", "-confirmed_at"], name="signature_public_idx"
            ),
            # The public list's own order, holding only listed rows: a page is a short range of it
            # (declaration.listing), read from the index alone when resolving a page number.
            models.Index(
                fields=["-confirmed_at", "-id", "declaration"],
                condition=Q(status="confirmed", show_publicly=True),
                name="signature_listed_idx",
            ),
            models.Index(fields=["declaration", "status", "signatory_type"], name="signature_type_idx"),
            models.Index(fields=["municipality", "status"], name="signature_municipality_idx"),
            models.Index(fields=["status", "created"], name="signature_status_created_idx"),
        ]

    def __str__(self):
        return self.verification_code

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        if self.email:
            self.email_hash = email_hash(self.email)
        self.search_text = fold(" ".join(filter(None, [self.name, self.listed_organisation])))
        super().save(*args, **kwargs)

    @property
    def is_institution(self):
        return self.signatory_type != SignatoryType.INDIVIDUAL

    @property
    def is_listed_as_institution(self):
        return listed_as_institution(self.signatory_type, self.institution_verified_at)

    @property
    def listed_type(self):
        return self.signatory_type if self.is_listed_as_institution else SignatoryType.INDIVIDUAL

    def get_listed_type_display(self):
        return SignatoryType(self.listed_type).label

    @property
    def listed_organisation(self):
        """The organisation shown publicly: only once the secretariat verified the institution."""
        return self.organisation_name if self.is_listed_as_institution else ""


class SignatureTally(models.Model):
    """How many of a declaration's signatures are confirmed and how many of those are listed publicly.

    Kept in step by ``declaration.tally`` in the same transaction as every save or delete of a
    signature, so the public list and the API do not count 80,000 rows per request. Bulk writes
    (``bulk_create``, ``QuerySet.update``) bypass it and must call ``declaration.tally.recount``.
    """

    declaration = models.OneToOneField(
        Declaration, verbose_name=_("declaration"), on_delete=models.CASCADE, primary_key=True, related_name="tally"
    )
    confirmed = models.PositiveIntegerField(_("confirmed signatures"), default=0)
    listed = models.PositiveIntegerField(_("listed publicly"), default=0)

    class Meta:
        verbose_name = _("signature tally")
        verbose_name_plural = _("signature tallies")

    def __str__(self):
        return f"{self.declaration_id}: {self.confirmed} confirmed, {self.listed} listed"


class ConsentEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # Deleting a purged pending signature nulls the link (SET_NULL); nothing else may change.
        if set(kwargs) != {"signature"} or kwargs["signature"] is not None:
            raise ValidationError("Consent events are append-only.")
        return super().update(**kwargs)

    def delete(self):
        raise ValidationError("Consent events are append-only.")


class ConsentEvent(models.Model):
    """Append-only ledger of consent given and withdrawn: it outlives the personal data."""

    class Kind(models.TextChoices):
        GIVEN = "given", _("consent given")
        WITHDRAWN = "withdrawn", _("consent withdrawn")

    class Channel(models.TextChoices):
        WEB = "web", _("web form")
        API = "api", _("API")
        EMAIL = "email", _("e-mail to the secretariat")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    consent_text = models.ForeignKey(
        ConsentText, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="events"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    email_hash = models.CharField(_("e-mail hash"), max_length=64, db_index=True)
    signature = models.ForeignKey(
        Signature,
        verbose_name=_("signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_events",
    )

    objects = ConsentEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")

    def __str__(self):
        return f"{self.get_kind_display()} v{self.consent_text.version} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Consent events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Consent events are append-only.")
