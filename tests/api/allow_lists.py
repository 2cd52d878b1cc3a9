"""What each public resource may show an anonymous client: every key, at every level.

A field added to a serializer (or a model field that sneaks in) fails ``test_allow_lists`` until it
is added here on purpose. ``None`` marks a scalar; a dict the keys of a nested object (or of each
item of a nested list).
"""

ORGANISATION_SUMMARY = dict.fromkeys(["id", "slug", "name_sl", "name_en", "kind", "country"])

ALLOW_LISTS = {
    "municipality": dict.fromkeys(["id", "code", "name", "kind", "sos_member"]),
    "organisation": dict.fromkeys(
        [
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
    ),
    "partnership": dict.fromkeys(
        [
            "id",
            "slug",
            "name_sl",
            "name_en",
            "purpose_sl",
            "purpose_en",
            "goals_sl",
            "goals_en",
            "key_problems_sl",
            "key_problems_en",
            "sos_joined_on",
        ]
    ),
    "partner": {
        **dict.fromkeys(["id", "partnership", "category", "category_display", "is_coordinator"]),
        "organisation": ORGANISATION_SUMMARY,
    },
    "subgroup": {
        **dict.fromkeys(
            [
                "id",
                "slug",
                "partnership",
                "name_sl",
                "name_en",
                "description_sl",
                "description_en",
                "kind",
                "kind_display",
            ]
        ),
        "member_organisations": dict.fromkeys(["slug", "name_sl", "name_en", "role"]),
    },
    "meeting": dict.fromkeys(
        [
            "id",
            "slug",
            "partnership",
            "subgroup",
            "title_sl",
            "title_en",
            "starts_on",
            "ends_on",
            "place",
            "minutes_sl",
            "minutes_en",
        ]
    ),
    "action-plan": {
        **dict.fromkeys(
            [
                "id",
                "subgroup",
                "subgroup_name_sl",
                "subgroup_name_en",
                "title",
                "introduction",
                "language",
                "stage",
                "stage_display",
                "status",
                "status_display",
                "version",
                "created",
                "updated",
                "published_at",
            ]
        ),
        "actions": {
            **dict.fromkeys(
                [
                    "id",
                    "order",
                    "pillar",
                    "pillar_display",
                    "bottleneck",
                    "proposed_action",
                    "deadline",
                    "status",
                    "status_display",
                    "indicators",
                    "version",
                ]
            ),
            "responsible_partners": ORGANISATION_SUMMARY,
        },
    },
    "declaration": {
        **dict.fromkeys(["id", "slug", "title_sl", "title_en", "opens_on", "closes_on", "is_open", "signature_count"]),
        "sections": dict.fromkeys(["position", "anchor", "heading_sl", "heading_en", "body_sl", "body_en"]),
        "consent_text": dict.fromkeys(
            [
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
        ),
    },
    "signatory": {
        **dict.fromkeys(["declaration", "name", "organisation", "type", "type_display", "date"]),
        "municipality": dict.fromkeys(["code", "name"]),
    },
    "good-practice": {
        **dict.fromkeys(
            [
                "id",
                "title",
                "subgroup",
                "summary",
                "problem_solved",
                "cost_range",
                "cost_range_display",
                "contact_name",
                "link",
                "tags",
                "published_at",
            ]
        ),
        "organisation": ORGANISATION_SUMMARY,
        "municipality": dict.fromkeys(["code", "name"]),
    },
    "milestone": dict.fromkeys(
        ["id", "partnership", "kind", "kind_display", "title_sl", "title_en", "due_on", "month_only"]
    ),
}


def violations(value, allowed, path="$"):
    """Keys in ``value`` that ``allowed`` does not name, and nested shapes it does not expect."""
    found = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += violations(item, allowed, f"{path}[{index}]")
        return found
    if allowed is None:
        if isinstance(value, dict):
            found.append(f"{path} is an object, expected a scalar")
        return found
    if not isinstance(value, dict):
        if value is not None:
            found.append(f"{path} is {type(value).__name__}, expected an object")
        return found
    for key, item in value.items():
        if key not in allowed:
            found.append(f"{path}.{key} is not on the allow-list")
        else:
            found += violations(item, allowed[key], f"{path}.{key}")
    for key in allowed:
        if key not in value:
            found.append(f"{path}.{key} is missing")
    return found
