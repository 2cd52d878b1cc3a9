"""Query budgets: a list answers in the same number of queries whatever the number of its rows.

``assert_flat_queries`` builds a small data set, measures one request, grows the data set, measures
the same request again and fails, naming the statements that multiplied, if the counts differ. It
also fails when the larger data set does not show more rows, so a budget cannot pass on a page that
never lists what the test built.

Public pages and anonymous API lists are served from the page cache (``coalition/pagecache.py``);
each measured request here first warms what lives in the process (content types, the signed-in
session) with one unmeasured request, then clears the cache, so what is measured is the rendered
(cache-miss) path: the one whose cost grows with the rows if anything does.
"""

import re
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coalition.pagecache import HIT_HEADER

SMALL, LARGE = 2, 12


def _shape(sql):
    """A statement without its literal values, so the same query with other ids counts as one."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(?:\.\d+)?\b", "?", sql)
    return re.sub(r"\(\?(?:, \?)*\)", "(…)", sql)


def measure(fetch):
    """``(queries, response)`` of ``fetch()`` on the rendered path (see the module docstring)."""
    fetch()
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = fetch()
        if response.streaming:  # a streamed export runs its queries while it is read
            response.streamed_body = b"".join(response.streaming_content)
    assert response.status_code == 200, f"{response.status_code}: {getattr(response, 'content', b'')[:300]!r}"
    assert response.get(HIT_HEADER) != "hit", "measured a page served from the cache"
    return [query["sql"] for query in captured], response


def assert_flat_queries(grow, fetch, shown, sizes=(SMALL, LARGE)):
    """The same number of queries for ``fetch()`` with ``sizes[0]`` and with ``sizes[1]`` rows.

    ``grow(n)`` adds ``n`` rows of the listed thing, each with the related objects the page shows;
    ``fetch()`` makes the request as the role that uses the page and returns the response;
    ``shown(response)`` counts the rows the answer shows. Returns the (equal) number of queries.
    """
    small, large = sizes
    grow(small)
    small_queries, small_response = measure(fetch)
    grow(large - small)
    large_queries, large_response = measure(fetch)
    small_shown, large_shown = shown(small_response), shown(large_response)
    assert large_shown > small_shown, f"the larger data set shows no more rows ({small_shown} then {large_shown})"
    if len(small_queries) != len(large_queries):
        before, after = Counter(map(_shape, small_queries)), Counter(map(_shape, large_queries))
        grown = [f"{before[sql]} -> {after[sql]}: {sql}" for sql in after if after[sql] != before[sql]]
        grown += [f"{before[sql]} -> 0: {sql}" for sql in before if sql not in after]
        raise AssertionError(
            f"{len(small_queries)} queries with {small} rows, {len(large_queries)} with {large}:\n" + "\n".join(grown)
        )
    return len(large_queries)
