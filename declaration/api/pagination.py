from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.utils.urls import remove_query_param, replace_query_param

from coalition.api.pagination import Pagination
from declaration import listing, tally


class SignatoryPagination(Pagination):
    """The public list paged by position (see ``declaration.listing``): same body, same ``?page=``.

    In the list's own order, ``next`` and ``previous`` carry where their page starts next to its number
    (``?page=3&after=<cursor>``), so a deep page costs what the first does; ``?page=`` alone is resolved
    to its boundary from the nearer end. Without filters or search the count is the maintained tally.
    Another ``ordering`` is paged by offset, as every other list.
    """

    cursor_params = ("after", "before")

    def paginate_queryset(self, queryset, request, view=None):
        if tuple(queryset.query.order_by) != listing.ORDER:
            self.keyset = False
            return super().paginate_queryset(queryset, request, view)
        self.keyset = True
        self.request = request
        per_page = self.get_page_size(request)
        position = {name: self._cursor(request, name) for name in self.cursor_params}
        raw_number = request.query_params.get(self.page_query_param, 1)
        try:
            number = int(raw_number)
        except (TypeError, ValueError):
            number = 0
        count = tally.listed_count_all() if self._unfiltered(request, view) else queryset.count()
        num_pages = max(1, -(-count // per_page))
        if number < 1 or (number > num_pages and not any(position.values())):
            raise NotFound({self.page_query_param: [_("There is no such page.")]}, code="invalid_page")
        self.page = listing.get_page(queryset, per_page=per_page, count=count, number=number, **position)
        return list(self.page.object_list)

    def _cursor(self, request, name):
        raw = request.query_params.get(name)
        if raw is None:
            return None
        try:
            return listing.decode(raw)
        except listing.InvalidCursor:
            message = _("Not a position in this list: use the next and previous links as they are.")
            raise ValidationError({name: [message]}, code="invalid") from None

    def _unfiltered(self, request, view):
        names = {"search"}
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            names |= set(filterset_class.base_filters)
        return not any(request.query_params.get(name) for name in names)

    def get_next_link(self):
        if not self.keyset:
            return super().get_next_link()
        if not self.page.has_next():
            return None
        url = remove_query_param(self.request.build_absolute_uri(), "before")
        url = replace_query_param(url, self.page_query_param, self.page.next_page_number())
        return replace_query_param(url, "after", self.page.next_cursor)

    def get_previous_link(self):
        if not self.keyset:
            return super().get_previous_link()
        if not self.page.has_previous():
            return None
        url = remove_query_param(self.request.build_absolute_uri(), "after")
        if self.page.previous_cursor is None:  # the first page, as it is now
            return remove_query_param(remove_query_param(url, "before"), self.page_query_param)
        url = replace_query_param(url, self.page_query_param, self.page.previous_page_number())
        return replace_query_param(url, "before", self.page.previous_cursor)

    def get_paginated_response(self, data):
        if self.keyset:
            self.page.paginator = self.page  # what the base class reads the count from
        return super().get_paginated_response(data)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for name, where in (("after", "after"), ("before", "before")):
            parameters.append(
                {
                    "name": name,
                    "required": False,
                    "in": "query",
                    "description": (
                        f"Start the page {where} this position in the list. Set by the `next` and `previous` "
                        "links (follow them as they are); the default order only."
                    ),
                    "schema": {"type": "string", "pattern": r"^\d{1,17}\.\d{1,18}$"},
                }
            )
        return parameters
