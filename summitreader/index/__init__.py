"""Full-text search over every article: a Whoosh index derived from the store.

The one entry point is `SearchIndex`; `IndexDocument` is what it indexes and `QUERY_HELP`
describes the query language for the README and the window's search help.
"""

from __future__ import annotations

from summitreader.index.documents import IndexDocument
from summitreader.index.errors import IndexBusyError, IndexUnavailableError, QueryError
from summitreader.index.query_language import QUERY_HELP
from summitreader.index.search_index import (
    IndexState,
    RelatedHit,
    SearchHit,
    SearchIndex,
    SearchResults,
)

__all__ = [
    "QUERY_HELP",
    "IndexBusyError",
    "IndexDocument",
    "IndexState",
    "IndexUnavailableError",
    "QueryError",
    "RelatedHit",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
]
