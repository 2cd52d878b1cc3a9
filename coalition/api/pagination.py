from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most 200); the body carries count, next, previous, results."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise NotFound({self.page_query_param: [_("There is no such page.")]}, code="invalid_page") from exc

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["count", "next", "previous", "results"]
        paginated["properties"]["next"]["example"] = "https://portal.example/api/v1/organisations/?page=3"
        paginated["properties"]["previous"]["example"] = "https://portal.example/api/v1/organisations/?page=1"
        return paginated
