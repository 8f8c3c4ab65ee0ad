"""The Whoosh schema and how an IndexDocument becomes a Whoosh document.

Field choices (measured with tests/benchmarks/bench_search.py):
- `body` is indexed with term frequencies only (CountedFrequency): positions would double the cost
  of indexing for one query shape, and body phrases are checked against the text instead.
  The text is not stored as such; `body_z` keeps a fast zlib copy for snippets and phrase checks.
- `body_pairs` is a column with a bit signature of each article's pairs of consecutive body words
  (pair_signatures.py): a rare phrase of common words ("press conference") is then checked on
  the few articles that may hold its pairs, not on the thousands holding both words.
- Names (source, author, speaker, entity, tag, ...) are word-tokenized without stemming so
  `source:AP` and `speaker:"Sung-Yoon Lee"` match however the value is cased or accented.
- `*_facet` fields hold each value verbatim, one term per value, so facets count and display
  the names as written and related() can match whole entity names.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

from whoosh import columns, fields

from summitreader.index.analysis import (
    body_forms,
    facet_analyzer,
    join_values,
    name_analyzer,
    stemming_analyzer,
)
from summitreader.index.documents import IndexDocument
from summitreader.index.formats import CountedFrequency, CountedText
from summitreader.index.pair_signatures import SIGNATURE_BYTES, signature

SCHEMA_VERSION = 3

# The id of the one bookkeeping document that carries the stamp and schema version, so they
# are committed atomically with the data they describe.
META_ID = "meta"

# Fields a plain word searches, with their weight relative to the body.
DEFAULT_FIELD_BOOSTS: dict[str, float] = {
    "title": 2.0,
    "body": 1.0,
    "quote": 1.0,
    "note": 1.0,
    "annotated": 1.0,
}
# Text fields indexed without positions -> the column with their word-pair signatures.
PAIR_FIELDS: dict[str, str] = {"body": "body_pairs"}
FACET_FIELDS: dict[str, str] = {
    "source": "source_facet",
    "speaker": "speaker_facet",
    "entity": "entity_facet",
}


def _body_field(analyzer: Any) -> fields.TEXT:
    body = CountedText(analyzer=analyzer, phrase=False)
    body.format = CountedFrequency(field_boost=1.0)
    return body


def build_schema() -> fields.Schema:
    stemmed = stemming_analyzer()
    names = name_analyzer()
    verbatim = facet_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=stemmed, stored=True, phrase=True),
        body=_body_field(stemmed),
        body_pairs=fields.COLUMN(columns.FixedBytesColumn(SIGNATURE_BYTES)),
        body_z=fields.STORED(),
        quote=fields.TEXT(analyzer=stemmed, phrase=True),
        note=fields.TEXT(analyzer=stemmed, phrase=True),
        annotated=fields.TEXT(analyzer=stemmed, phrase=True),
        source=fields.TEXT(analyzer=names, phrase=True),
        source_name=fields.STORED(),
        author=fields.TEXT(analyzer=names, phrase=True),
        dateline=fields.TEXT(analyzer=names, phrase=True),
        section=fields.TEXT(analyzer=names, phrase=True),
        speaker=fields.TEXT(analyzer=names, phrase=True),
        entity=fields.TEXT(analyzer=names, phrase=True),
        tag=fields.TEXT(analyzer=names, phrase=True),
        source_facet=fields.TEXT(analyzer=verbatim, phrase=False),
        speaker_facet=fields.TEXT(analyzer=verbatim, phrase=False),
        entity_facet=fields.TEXT(analyzer=verbatim, phrase=False),
        published=fields.DATETIME(sortable=True),
        published_iso=fields.STORED(),
        entity_names=fields.STORED(),
        meta_stamp=fields.STORED(),
        meta_schema=fields.STORED(),
    )


def parse_published(value: str | None) -> datetime | None:
    """ISO 8601 date or datetime -> naive UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


# zlib level 1: a third of level 6's time for a slightly larger copy.
BODY_COMPRESSION = 1


def compress_body(body: str) -> bytes:
    return zlib.compress(body.encode("utf-8"), BODY_COMPRESSION)


def decompress_body(stored: bytes | None) -> str:
    return zlib.decompress(stored).decode("utf-8") if stored else ""


def source_initials(source: str) -> tuple[str, ...]:
    """ "AP" for "Associated Press", so `source:AP` finds an outlet however it was named."""
    words = [word for word in source.replace("-", " ").split() if word[:1].isupper()]
    if len(words) < 2:
        return ()
    return ("".join(word[0] for word in words),)


def to_whoosh_fields(doc: IndexDocument) -> dict[str, Any]:
    """The keyword arguments for `writer.add_document` / `update_document`."""
    body = doc.body or ""
    values: dict[str, Any] = {
        "id": str(doc.id),
        "title": doc.title or "",
        "body": body,
        # Analysed once here; the body field reuses the forms (analysis.body_forms).
        "body_pairs": signature(body_forms(body)),
        "body_z": compress_body(body),
        "published_iso": doc.published,
    }
    texts = {"quote": doc.quotes, "note": doc.notes, "annotated": doc.annotated}
    for name, items in texts.items():
        if items:
            values[name] = "\n\n".join(items)
    singles = {
        "author": doc.author,
        "dateline": doc.dateline,
        "section": doc.section,
    }
    for name, value in singles.items():
        if value:
            values[name] = value
    if doc.source:
        values["source"] = join_values([doc.source, *source_initials(doc.source)])
        values["source_name"] = doc.source
        values["source_facet"] = join_values([doc.source])
    multi = {"speaker": doc.speakers, "entity": doc.entities}
    for name, items in multi.items():
        joined = join_values(items)
        if joined:
            values[name] = joined
            values[FACET_FIELDS[name]] = joined
    tags = join_values(doc.tags)
    if tags:
        values["tag"] = tags
    published = parse_published(doc.published)
    if published is not None:
        values["published"] = published
    return values
