"""Benchmark results as open data: submitted self-assessments only, allow-listed fields only."""

from rest_framework import serializers

from benchmarking.models import Answer, Assessment, Framework, Indicator


class IndicatorSerializer(serializers.ModelSerializer):
    subgroup = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "order",
            "name_sl",
            "name_en",
            "explanation_sl",
            "explanation_en",
            "rationale_sl",
            "rationale_en",
            "area",
            "subgroup",
            "unit_sl",
            "unit_en",
            "answer_type",
            "higher_is_better",
            "target",
        ]


class FrameworkSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["version", "name_sl", "name_en", "description_sl", "description_en", "published_at", "indicators"]


class AnswerSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    score = serializers.SerializerMethodField(help_text="Progress towards the indicator, 0–100.")
    reached = serializers.SerializerMethodField()

    class Meta:
        model = Answer
        fields = ["indicator", "value", "score", "reached"]

    def get_score(self, answer) -> float | None:
        score = answer.indicator.score(answer.value)
        return None if score is None else round(score, 1)

    def get_reached(self, answer) -> bool | None:
        return None if answer.value is None else answer.indicator.is_reached(answer.value)


class ResultSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    municipality_kind = serializers.CharField(source="municipality.kind", read_only=True)
    framework = serializers.IntegerField(source="framework.version", read_only=True)
    overall_score = serializers.SerializerMethodField(help_text="Mean score over the answered indicators, 0–100.")
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "municipality",
            "municipality_name",
            "municipality_kind",
            "year",
            "framework",
            "submitted_at",
            "overall_score",
            "answers",
        ]

    def get_overall_score(self, assessment) -> float | None:
        scores = [a.indicator.score(a.value) for a in assessment.answers.all() if a.value is not None]
        return round(sum(scores) / len(scores), 1) if scores else None
