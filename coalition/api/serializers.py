from rest_framework import serializers

from coalition.models import Municipality, Organisation


class MunicipalitySerializer(serializers.ModelSerializer):
    sos_member = serializers.BooleanField(read_only=True)

    class Meta:
        model = Municipality
        fields = ["id", "code", "name", "kind", "sos_member"]


class OrganisationSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name",
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
