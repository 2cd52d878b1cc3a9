"""Search and ordering backends whose OpenAPI parameters say which fields they use."""

from rest_framework.filters import OrderingFilter, SearchFilter


class DocumentedSearchFilter(SearchFilter):
    """``search``: every word must match. A view with ``folded_search = True`` uses its QuerySet's
    ``search()`` (case- and diacritic-insensitive, the same as the web pages' search)."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "folded_search", False):
            terms = request.query_params.get(self.search_param, "").replace("\x00", "")
            return queryset.search(terms) if terms.strip() else queryset
        return super().filter_queryset(request, queryset, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = [field.lstrip("^=@$") for field in getattr(view, "search_fields", None) or []]
        folded = "case- and diacritic-insensitive" if getattr(view, "folded_search", False) else "case-insensitive"
        for parameter in parameters:
            parameter["description"] = f"Words to look for (all must match, {folded}) in: " + ", ".join(fields) + "."
        return parameters


class DocumentedOrderingFilter(OrderingFilter):
    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = list(getattr(view, "ordering_fields", None) or [])
        for parameter in parameters:
            parameter["description"] = (
                "Sort by one of: "
                + ", ".join(fields)
                + ". Prefix with - for descending; separate several with commas. Unknown fields are ignored."
            )
            parameter["example"] = "-" + fields[0] if fields else ""
        return parameters
