"""Public representations of the coalition's open data. Each ``fields`` list is the allow-list."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from coalition.models import Municipality, Organisation


class JSONBooleanField(serializers.BooleanField):
    """A JSON boolean: true or false, not "yes", 1 or "on" (DRF's own field is lenient)."""

    def to_internal_value(self, data):
        if data is True or data is False:
            return data
        self.fail("invalid", input=data)


class ChoiceDisplayField(serializers.CharField):
    """The label of a choice field (``<field>_display``) in the request's language.

    Looks the value up in the field's choices instead of calling ``get_<field>_display()`` on each
    row, which the framework inspects and Django resolves slowly: on a long list that was most of
    the serialising.
    """

    def __init__(self, field_name, **kwargs):
        kwargs.update(source=field_name, read_only=True)
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.labels = dict(parent.Meta.model._meta.get_field(self.source).flatchoices)

    def to_representation(self, value):
        return str(self.labels.get(value, value))


@extend_schema_field({"type": "boolean", "x-must-be-true": True})
class MustBeTrueField(JSONBooleanField):
    """A consent: only ``true`` is accepted (the schema says so too)."""

    default_error_messages = {"must_be_true": _("You must agree to this (send true).")}

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value is not True:
            self.fail("must_be_true")
        return value


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Urban municipality",
            value={"id": 61, "code": "SI-061", "name": "Ljubljana", "kind": "urban", "sos_member": True},
            response_only=True,
        )
    ]
)
class MunicipalitySerializer(serializers.ModelSerializer):
    sos_member = serializers.BooleanField(read_only=True, help_text="Its administration is a member of SOS.")

    class Meta:
        model = Municipality
        fields = ["id", "code", "name", "kind", "sos_member"]


class OrganisationSummarySerializer(serializers.ModelSerializer):
    """An organisation as it appears inside other resources."""

    name_sl = serializers.CharField(source="name", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "slug", "name_sl", "name_en", "kind", "country"]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Association of municipalities",
            value={
                "id": 213,
                "slug": "sos",
                "name_sl": "Skupnost občin Slovenije",
                "name_en": "Association of Municipalities of Slovenia",
                "short_name": "SOS",
                "kind": "association",
                "kind_display": "association of municipalities",
                "country": "SI",
                "website": "https://skupnostobcin.si",
                "municipality": "SI-061",
                "sos_member": False,
                "founded_year": 2001,
            },
            response_only=True,
        )
    ]
)
class OrganisationSerializer(serializers.ModelSerializer):
    name_sl = serializers.CharField(source="name", read_only=True)
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="ISO 3166-2:SI code of the municipality it is seated in.",
    )
    kind_display = ChoiceDisplayField("kind")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name_sl",
            "name_en",
            "short_name",
            "kind",
            "kind_display",
            "country",
            "website",
            "municipality",
            "sos_member",
            "founded_year",
        ]
