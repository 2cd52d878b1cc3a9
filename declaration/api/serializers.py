"""Public representations of the declaration and its signatories. ``fields`` lists are the allow-lists.

A signatory shows only what the public list on the web shows: name, the organisation (once the
secretariat verified it), the type it is listed as, the municipality and the date. Never an e-mail.
"""

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from coalition.api.serializers import JSONBooleanField, MustBeTrueField
from coalition.models import Municipality
from declaration.models import ConsentText, Declaration, DeclarationSection, SignatoryType, Signature


class DeclarationSectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeclarationSection
        fields = ["position", "anchor", "heading_sl", "heading_en", "body_sl", "body_en"]


class ConsentTextSerializer(serializers.ModelSerializer):
    class Meta:
        model = ConsentText
        fields = [
            "version",
            "controller",
            "legal_basis_sl",
            "legal_basis_en",
            "purpose_sl",
            "purpose_en",
            "withdrawal_sl",
            "withdrawal_en",
            "text_sl",
            "text_en",
        ]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "The national declaration",
            value={
                "id": 1,
                "slug": "nacionalna-deklaracija",
                "title_sl": "Slovenska nacionalna deklaracija za pospešitev digitalne preobrazbe",
                "title_en": "Slovenian national declaration on accelerating digital transformation",
                "opens_on": "2025-01-15",
                "closes_on": None,
                "is_open": True,
                "signature_count": 312,
                "sections": [
                    {
                        "position": 1,
                        "anchor": "uvod",
                        "heading_sl": "Uvod",
                        "heading_en": "Introduction",
                        "body_sl": "Podpisniki se zavezujemo …",
                        "body_en": "We, the signatories, commit …",
                    }
                ],
                "consent_text": {
                    "version": 1,
                    "controller": "GZS – Gospodarska zbornica Slovenije",
                    "legal_basis_sl": "člen 6(1)(a) GDPR",
                    "legal_basis_en": "Article 6(1)(a) GDPR",
                    "purpose_sl": "evidenca podpisnikov",
                    "purpose_en": "register of signatories",
                    "withdrawal_sl": "kadarkoli",
                    "withdrawal_en": "at any time",
                    "text_sl": "Soglasje za obdelavo osebnih podatkov …",
                    "text_en": "Consent to the processing of personal data …",
                },
            },
            response_only=True,
        )
    ]
)
class DeclarationSerializer(serializers.ModelSerializer):
    is_open = serializers.SerializerMethodField()
    signature_count = serializers.IntegerField(read_only=True, help_text="Confirmed signatures.")
    sections = DeclarationSectionSerializer(many=True, read_only=True)
    consent_text = serializers.SerializerMethodField(
        help_text="The consent wording a signature agrees to now: send its version when signing."
    )

    class Meta:
        model = Declaration
        fields = [
            "id",
            "slug",
            "title_sl",
            "title_en",
            "opens_on",
            "closes_on",
            "is_open",
            "signature_count",
            "sections",
            "consent_text",
        ]

    def get_is_open(self, declaration) -> bool:
        return declaration.is_open()

    @extend_schema_field(ConsentTextSerializer(allow_null=True))
    def get_consent_text(self, declaration):
        texts = list(declaration.consent_texts.all())  # prefetched
        current = max(texts, key=lambda text: text.version, default=None)
        return ConsentTextSerializer(current).data if current else None


class MunicipalitySummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["code", "name"]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Municipality",
            value={
                "declaration": "nacionalna-deklaracija",
                "name": "Ana Novak",
                "organisation": "Občina Primer",
                "type": "municipality",
                "type_display": "municipality",
                "municipality": {"code": "SI-061", "name": "Ljubljana"},
                "date": "2025-02-03",
            },
            response_only=True,
        )
    ]
)
class SignatorySerializer(serializers.ModelSerializer):
    declaration = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = serializers.CharField(
        source="listed_organisation", read_only=True, help_text="Empty until the secretariat verified the institution."
    )
    type = serializers.ChoiceField(
        source="listed_type",
        choices=SignatoryType.choices,
        read_only=True,
        help_text="As listed: an institution not yet verified is listed as an individual.",
    )
    type_display = serializers.CharField(source="get_listed_type_display", read_only=True)
    municipality = MunicipalitySummarySerializer(read_only=True, allow_null=True)
    date = serializers.SerializerMethodField(help_text="Day the signature was confirmed (ISO 8601).")

    class Meta:
        model = Signature
        fields = ["declaration", "name", "organisation", "type", "type_display", "municipality", "date"]

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_date(self, signature):
        from django.utils import timezone

        return timezone.localdate(signature.confirmed_at).isoformat() if signature.confirmed_at else None


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "An individual",
            value={
                "name": "Ana Novak",
                "email": "ana.novak@example.org",
                "signatory_type": "individual",
                "show_publicly": True,
                "consent": True,
                "consent_version": 1,
            },
            request_only=True,
        ),
        OpenApiExample(
            "On behalf of a municipality",
            value={
                "name": "Ana Novak",
                "email": "zupan@obcina-primer.si",
                "signatory_type": "municipality",
                "organisation_name": "Občina Primer",
                "position": "županja",
                "municipality": "SI-061",
                "show_publicly": True,
                "consent": True,
                "consent_version": 1,
            },
            request_only=True,
        ),
    ]
)
class SigningSerializer(serializers.Serializer):
    """What the signing form asks; the signing service decides what is valid."""

    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254, help_text="A confirmation link is sent here.")
    signatory_type = serializers.ChoiceField(choices=SignatoryType.choices, default=SignatoryType.INDIVIDUAL)
    organisation_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    position = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="ISO 3166-2:SI code, e.g. SI-061.",
    )
    show_publicly = JSONBooleanField(default=False, help_text="List the signature publicly once confirmed.")
    consent = MustBeTrueField(help_text="Must be true: you agree to the consent text.")
    consent_version = serializers.IntegerField(
        min_value=1, help_text="Version of the consent text you agree to (the declaration's `consent_text.version`)."
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="Language of the mails; defaults to the request's language.",
    )


class SigningAcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()
