"""Annotations as a W3C Web Annotation collection (JSON-LD), for other tools and other libraries.

Each annotation targets its article as `urn:uuid:<article uid>` with a TextQuoteSelector and a
TextPositionSelector (code points into the article's text at the recorded content hash). Notes and
tags are TextualBody bodies; colour, deletion and orphan markers, and what we know of the article
are `summitreader:` extension properties (see w3c_terms). The collection embeds its one page.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from summitreader.annotate.model import Annotation
from summitreader.export import w3c_terms as terms
from summitreader.export.records import ArticleRef
from summitreader.export.w3c_import import ImportedAnnotation, from_jsonld

__all__ = ["ImportedAnnotation", "annotation_to_jsonld", "from_jsonld", "to_jsonld"]


def to_jsonld(
    annotations: Iterable[Annotation],
    articles: Mapping[int, ArticleRef],
    *,
    collection_id: str | None = None,
    label: str = "SummitReader annotations",
) -> dict[str, Any]:
    """An AnnotationCollection holding every annotation given, deleted markers included."""
    items = [annotation_to_jsonld(a, articles.get(a.article_id)) for a in annotations]
    collection: dict[str, Any] = {
        "@context": terms.ANNO_CONTEXT,
        "id": collection_id or terms.URN_UUID + str(uuid.uuid4()),
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
    }
    if items:
        collection["first"] = {"type": "AnnotationPage", "startIndex": 0, "items": items}
    return collection


def annotation_to_jsonld(annotation: Annotation, article: ArticleRef | None) -> dict[str, Any]:
    """One Annotation object (without @context: it sits inside a collection)."""
    item: dict[str, Any] = {
        "id": terms.URN_UUID + annotation.id,
        "type": "Annotation",
        "created": annotation.created,
        "modified": annotation.modified,
        "motivation": _motivation(annotation),
    }
    body = _bodies(annotation)
    if body:
        item["body"] = body
    item["target"] = _target(annotation, article)
    item[terms.COLOR] = annotation.color
    item[terms.DELETED] = annotation.deleted
    item[terms.ORPHAN] = annotation.orphan
    return item


def _motivation(annotation: Annotation) -> str:
    if annotation.kind == "bookmark":
        return terms.BOOKMARKING
    if annotation.note:
        return terms.COMMENTING
    return terms.TAGGING if annotation.tags else terms.HIGHLIGHTING


def _bodies(annotation: Annotation) -> list[dict[str, str]]:
    bodies = []
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.note,
                "format": "text/plain",
                "purpose": terms.COMMENTING,
            }
        )
    bodies.extend(
        {"type": "TextualBody", "value": tag, "purpose": terms.TAGGING} for tag in annotation.tags
    )
    return bodies


def _target(annotation: Annotation, article: ArticleRef | None) -> dict[str, Any]:
    target: dict[str, Any] = {
        "source": terms.URN_UUID + annotation.article_uid,
        terms.ARTICLE_ID: annotation.article_id,
        terms.CONTENT_HASH: annotation.content_hash,
    }
    if article is not None:
        target[terms.TITLE] = article.title
        for key, value in (
            (terms.OUTLET, article.source),
            (terms.PUBLISHED, article.published),
            (terms.URL, article.url),
        ):
            if value:
                target[key] = value
    target["selector"] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.exact,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        },
        {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
    ]
    return target
