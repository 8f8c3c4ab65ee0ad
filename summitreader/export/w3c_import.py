"""Read a W3C Web Annotation document back into annotations, refusing what does not make sense.

Our own exports come back exactly (ids, selectors, body, markers). Annotations from other tools
are taken where they carry a TextQuoteSelector: a non-UUID id becomes a stable UUID derived from
it (so importing the same file twice finds the same annotations), a target that is a URL rather
than an article uid is kept as the article's URL for the library to match.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from summitreader.annotate.model import COLORS, Annotation, normalize_tags, utc_now
from summitreader.export import w3c_terms as terms
from summitreader.export.records import ArticleRef


@dataclass(frozen=True, slots=True)
class ImportedAnnotation:
    """An annotation as the file describes it, with what the file says about its article.

    `annotation.article_id` is the exporting library's id (0 when unknown): the importing library
    must find its own article by `article.uid` (or `article.url`) and replace it.
    """

    annotation: Annotation
    article: ArticleRef


def from_jsonld(data: object) -> list[ImportedAnnotation]:
    """Annotations from a collection, a page, one annotation or a list of annotations.

    Raises ValueError with a one-line reason on anything malformed.
    """
    try:
        items = _items(data)
    except ValueError as error:
        raise ValueError(_one_line(str(error))) from None
    result = []
    for number, item in enumerate(items, start=1):
        try:
            result.append(_annotation(item))
        except ValueError as error:
            raise ValueError(_one_line(f"annotation {number}: {error}")) from None
    return result


def _items(data: object) -> list[object]:
    if isinstance(data, list):
        return list(data)
    if not isinstance(data, dict):
        raise ValueError("not a W3C Web Annotation document (expected a JSON object)")
    if not _has_anno_context(data.get("@context")):
        raise ValueError(f"not a W3C Web Annotation document (no {terms.ANNO_CONTEXT} @context)")
    kind = _types(data.get("type"))
    if "Annotation" in kind:
        return [data]
    if "AnnotationPage" in kind:
        return _page_items(data)
    if "AnnotationCollection" in kind:
        if "items" in data:
            return _page_items(data)
        items: list[object] = []
        page = data.get("first")
        while page is not None:
            if not isinstance(page, dict):
                raise ValueError("collection pages must be embedded, not linked")
            items.extend(_page_items(page))
            page = page.get("next")
        return items
    raise ValueError(f"unexpected document type {data.get('type')!r}")


def _page_items(page: dict[str, Any]) -> list[object]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise ValueError("'items' must be a list")
    return items


def _has_anno_context(context: object) -> bool:
    if isinstance(context, list):
        return terms.ANNO_CONTEXT in context
    return context == terms.ANNO_CONTEXT


def _types(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _annotation(item: object) -> ImportedAnnotation:
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    if "Annotation" not in _types(item.get("type")):
        raise ValueError(f"type is {item.get('type')!r}, not 'Annotation'")
    target = _target(item.get("target"))
    quote = _selector(target, "TextQuoteSelector")
    if quote is None:
        raise ValueError("target has no TextQuoteSelector")
    exact = _text(quote, "exact", required=True)
    start, end = _position(_selector(target, "TextPositionSelector"), exact)
    note, tags = _body(item.get("body"))
    kind = "bookmark" if terms.BOOKMARKING in _types(item.get("motivation")) else "highlight"
    source = _text(target, "source", required=True)
    article_uid = source[len(terms.URN_UUID) :] if source.startswith(terms.URN_UUID) else ""
    url = _optional_text(target, terms.URL) or (source if not article_uid else None)
    article_id = _integer(target, terms.ARTICLE_ID, default=0)
    created = _optional_text(item, "created") or utc_now()
    annotation = Annotation(
        id=_annotation_id(item.get("id")),
        article_id=article_id,
        article_uid=article_uid,
        kind=kind,
        exact=exact,
        prefix=_text(quote, "prefix"),
        suffix=_text(quote, "suffix"),
        start=start,
        end=end,
        content_hash=_text(target, terms.CONTENT_HASH),
        note=note,
        tags=tags,
        color=_color(item.get(terms.COLOR, COLORS[0])),
        created=created,
        modified=_optional_text(item, "modified") or created,
        deleted=_flag(item, terms.DELETED),
        orphan=_flag(item, terms.ORPHAN),
    )
    article = ArticleRef(
        id=article_id,
        uid=article_uid,
        title=_text(target, terms.TITLE),
        source=_optional_text(target, terms.OUTLET),
        published=_optional_text(target, terms.PUBLISHED),
        url=url,
    )
    return ImportedAnnotation(annotation, article)


def _target(value: object) -> dict[str, Any]:
    """The first target that is a resource with selectors (a bare IRI says nothing quotable)."""
    targets = value if isinstance(value, list) else [value]
    for target in targets:
        if isinstance(target, dict):
            return target
    raise ValueError("target has no TextQuoteSelector")


def _selector(target: dict[str, Any], kind: str) -> dict[str, Any] | None:
    selectors = target.get("selector", [])
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if isinstance(selector, dict) and kind in _types(selector.get("type")):
            return selector
    return None


def _position(selector: dict[str, Any] | None, exact: str) -> tuple[int, int]:
    """Where the selector says; without one (or one counting other units) re-anchoring decides."""
    if selector is None:
        return 0, len(exact)
    start = _integer(selector, "start")
    end = _integer(selector, "end")
    if not 0 <= start <= end:
        raise ValueError(f"TextPositionSelector {start}..{end} is not a span")
    return start, start + len(exact)


def _body(value: object) -> tuple[str, tuple[str, ...]]:
    bodies = value if isinstance(value, list) else [] if value is None else [value]
    notes: list[str] = []
    tags: list[str] = []
    for body in bodies:
        if not isinstance(body, dict) or "TextualBody" not in _types(
            body.get("type", "TextualBody")
        ):
            continue  # a linked or non-text body: nothing we can show
        text = _text(body, "value", required=True)
        if terms.TAGGING in _types(body.get("purpose")):
            tags.append(text)
        else:
            notes.append(text)
    return "\n\n".join(notes), normalize_tags(tags)


def _annotation_id(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("no id")
    if value.startswith(terms.URN_UUID):
        try:
            return str(uuid.UUID(value[len(terms.URN_UUID) :]))
        except ValueError:
            raise ValueError(f"bad id {value!r}") from None
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))


def _color(value: object) -> str:
    if value not in COLORS:
        raise ValueError(f"unknown colour {value!r}")
    return str(value)


def _text(obj: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be text")
    return value


def _optional_text(obj: dict[str, Any], key: str) -> str | None:
    return _text(obj, key) or None


def _integer(obj: dict[str, Any], key: str, *, default: int | None = None) -> int:
    value = obj.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key!r} must be a whole number")
    return value


def _flag(obj: dict[str, Any], key: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false")
    return value


def _one_line(message: str, limit: int = 300) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
