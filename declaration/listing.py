"""Paging through the public signatory list by position in its order, not by OFFSET.

The list is ordered newest first (``-confirmed_at``, ``-pk``), which the partial index
``signature_listed_idx`` holds for listed signatures only. A page is the next ``per_page`` rows
after (or before) the boundary row of the page the visitor came from, a short range of that
index, so page 1,000 costs what page 1 does. The links a page offers carry that boundary as a
*cursor* next to the page number (``?page=7&after=<cursor>``); the number names the page.

A page number alone (``?page=7``, typed or bookmarked) is resolved to its boundary by reading the
keys only (an index-only scan on PostgreSQL) from whichever end of the list is nearer, so the
last page is as cheap as the first.

Rows confirmed while someone pages on do not push the rows they have seen onto the next page
(as OFFSET would); the page numbers of cursor links may then be off by the few rows added.
"""

from datetime import UTC, datetime, timedelta

from django.db.models import Q

ORDER = ("-confirmed_at", "-pk")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_MICROSECONDS = (datetime(9999, 12, 31, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1)


class InvalidCursor(ValueError):
    """A cursor that no page of the list could have written."""


def encode(row):
    """The cursor of ``row``: its confirmation time in microseconds and its primary key."""
    return f"{(row.confirmed_at - _EPOCH) // timedelta(microseconds=1)}.{row.pk}"


def decode(cursor):
    """``(confirmed_at, pk)`` of a cursor, or :class:`InvalidCursor`."""
    micros, _dot, pk = (cursor or "").partition(".")
    if not (micros.isascii() and micros.isdigit() and pk.isascii() and pk.isdigit()):
        raise InvalidCursor(cursor)
    micros, pk = int(micros), int(pk)
    if micros > _MAX_MICROSECONDS or pk > 2**63 - 1:
        raise InvalidCursor(cursor)
    return _EPOCH + timedelta(microseconds=micros), pk


def _older_than(key, inclusive=False):
    """Rows after ``key`` in the list's order (older, or as old with a smaller pk)."""
    confirmed_at, pk = key
    pk_lookup = "pk__lte" if inclusive else "pk__lt"
    # ``confirmed_at <= t`` is what lets the database start the index scan at the boundary.
    return Q(confirmed_at__lte=confirmed_at) & (
        Q(confirmed_at__lt=confirmed_at) | Q(confirmed_at=confirmed_at, **{pk_lookup: pk})
    )


def _newer_than(key):
    confirmed_at, pk = key
    return Q(confirmed_at__gte=confirmed_at) & (
        Q(confirmed_at__gt=confirmed_at) | Q(confirmed_at=confirmed_at, pk__gt=pk)
    )


class Page:
    """One page of the list: its rows, its number, and the cursors its links carry."""

    def __init__(self, rows, *, number, per_page, count, has_previous, has_next=None):
        self.object_list = rows[:per_page]
        self.number = number
        self.count = count
        self.num_pages = max(1, -(-count // per_page))
        self.has_next_page = len(rows) > per_page if has_next is None else has_next
        self.has_previous_page = has_previous

    def has_next(self):
        return self.has_next_page

    def has_previous(self):
        return self.has_previous_page

    def has_other_pages(self):
        return self.has_next_page or self.has_previous_page

    def next_page_number(self):
        return max(self.number + 1, 2)

    def previous_page_number(self):
        return max(self.number - 1, 1)

    @property
    def next_cursor(self):
        """Where the next page starts (after this page's last row)."""
        return encode(self.object_list[-1]) if self.has_next_page and self.object_list else None

    @property
    def previous_cursor(self):
        """Where the previous page ends (before this page's first row); None when it is the first page."""
        if not self.has_previous_page or self.previous_page_number() == 1 or not self.object_list:
            return None
        return encode(self.object_list[0])

    def __len__(self):
        return len(self.object_list)

    def __iter__(self):
        return iter(self.object_list)


def page_number(raw, default=1):
    """A page number from the query string; anything else is ``default``."""
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return default


def get_page(queryset, *, per_page, count, number=1, after=None, before=None):
    """The page of ``queryset`` (ordered by ``ORDER``) that the visitor asked for.

    ``after``/``before`` are decoded cursors (``(confirmed_at, pk)``) from a page's next or previous
    link; without them, ``number`` is resolved to its boundary. ``count`` is the list's length.
    """
    queryset = queryset.order_by(*ORDER)
    size = per_page + 1  # one more than shown: whether there is a next page
    num_pages = max(1, -(-count // per_page))
    if after is not None:
        rows = list(queryset.filter(_older_than(after))[:size])
        return Page(rows, number=max(number, 2), per_page=per_page, count=count, has_previous=True)
    if before is not None:
        newer = list(queryset.filter(_newer_than(before)).order_by("confirmed_at", "pk")[:size])
        if len(newer) > per_page:
            rows = newer[:per_page][::-1]  # the boundary row follows them: there is a next page
            return Page(rows, number=max(number, 2), per_page=per_page, count=count, has_previous=True, has_next=True)
        number = 1  # reached the start: show the first page as it is now
    number = min(number, num_pages)
    if number == 1:
        return Page(list(queryset[:size]), number=1, per_page=per_page, count=count, has_previous=False)
    skipped = (number - 1) * per_page
    keys = queryset.values_list("confirmed_at", "pk")
    if skipped <= count // 2:
        boundary = next(iter(keys[skipped - 1 : skipped]), None)  # the previous page's last row
        condition = _older_than(boundary) if boundary else None
    else:
        from_end = count - skipped - 1  # this page's first row, counted from the oldest
        from_end = max(from_end, 0)
        boundary = next(iter(keys.order_by("confirmed_at", "pk")[from_end : from_end + 1]), None)
        condition = _older_than(boundary, inclusive=True) if boundary else None
    if condition is None:  # the list changed under the count: page the slow way
        rows = list(queryset[skipped : skipped + size])
    else:
        rows = list(queryset.filter(condition)[:size])
    return Page(rows, number=number, per_page=per_page, count=count, has_previous=True)
