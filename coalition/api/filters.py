"""Search and ordering backends whose OpenAPI parameters say which fields they use."""

from rest_framework.filters import OrderingFilter, SearchFilter


class DocumentedSearchFilter(SearchFilter):
    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = [field.lstrip("^=@$") for field in getattr(view, "search_fields", None) or []]
        for parameter in parameters:
            parameter["description"] = (
                "Words to look for (all must match, case-insensitive) in: " + ", ".join(fields) + "."
            )
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
