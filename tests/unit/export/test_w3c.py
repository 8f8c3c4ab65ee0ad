from __future__ import annotations

import copy
import json
from dataclasses import replace
from typing import Any

import pytest

from summitreader.annotate.model import Annotation, new_annotation
from summitreader.export.records import ArticleRef
from summitreader.export.w3c import from_jsonld, to_jsonld

TEXT = "Flags 🇵🇹 waved.\n\n“We are further apart than ever,” the minister said.\n\nMarkets fell."
UID = "0b6f7d0e-1111-4222-8333-444455556666"
ARTICLE = ArticleRef(3, UID, "Tagus talks", "Tagus Herald", "2024-05-01", "https://ex.com/a")
COLLECTION_ID = "urn:uuid:00000000-0000-4000-8000-000000000000"


def _annotation(phrase: str, **fields: Any) -> Annotation:
    start = TEXT.index(phrase)
    end = start if fields.pop("point", False) else start + len(phrase)
    body = {k: fields.pop(k) for k in ("kind", "note", "tags", "color") if k in fields}
    return replace(new_annotation(3, UID, TEXT, start, end, "hash-1", **body), **fields)


ANNOTATIONS = [
    _annotation("further apart than ever", note="Lead\nquote", tags="eu, water", color="pink"),
    _annotation("the minister said", tags="people"),
    _annotation("🇵🇹 waved"),
    _annotation("Markets", kind="bookmark", point=True),
    _annotation("Markets fell", kind="bookmark", note="read later"),
    _annotation("Flags", deleted=True),
    _annotation("apart", orphan=True, color="purple"),
]


def _export(annotations: list[Annotation] = ANNOTATIONS) -> dict[str, Any]:
    return to_jsonld(annotations, {3: ARTICLE}, collection_id=COLLECTION_ID)


def _item(data: dict[str, Any], n: int) -> dict[str, Any]:
    item: dict[str, Any] = data["first"]["items"][n]
    return item


def test_round_trip_through_json_gives_equal_annotations() -> None:
    back = from_jsonld(json.loads(json.dumps(_export())))
    assert [imported.annotation for imported in back] == ANNOTATIONS
    assert {imported.article for imported in back} == {ARTICLE}


def test_collection_shape() -> None:
    data = _export()
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["id"] == COLLECTION_ID
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == len(ANNOTATIONS)
    assert data["first"]["type"] == "AnnotationPage"
    assert [item["type"] for item in data["first"]["items"]] == ["Annotation"] * len(ANNOTATIONS)


def test_highlight_with_note_and_tags() -> None:
    item = _item(_export(), 0)
    note = ANNOTATIONS[0]
    assert item["id"] == f"urn:uuid:{note.id}"
    assert (item["created"], item["modified"]) == (note.created, note.modified)
    assert item["motivation"] == "commenting"
    assert item["body"] == [
        {
            "type": "TextualBody",
            "value": "Lead\nquote",
            "format": "text/plain",
            "purpose": "commenting",
        },
        {"type": "TextualBody", "value": "eu", "purpose": "tagging"},
        {"type": "TextualBody", "value": "water", "purpose": "tagging"},
    ]
    assert item["summitreader:color"] == "pink"
    assert item["summitreader:deleted"] is False
    target = item["target"]
    assert target["source"] == f"urn:uuid:{UID}"
    assert target["summitreader:url"] == "https://ex.com/a"
    assert target["summitreader:title"] == "Tagus talks"
    assert target["summitreader:outlet"] == "Tagus Herald"
    assert target["summitreader:contentHash"] == "hash-1"
    assert target["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": "further apart than ever",
            "prefix": note.prefix,
            "suffix": note.suffix,
        },
        {"type": "TextPositionSelector", "start": note.start, "end": note.end},
    ]


def test_motivations() -> None:
    data = _export()
    motivations = [item["motivation"] for item in data["first"]["items"]]
    assert motivations[:5] == [
        "commenting",
        "tagging",
        "highlighting",
        "bookmarking",
        "bookmarking",
    ]
    assert "body" not in _item(data, 2)


def test_positions_count_code_points() -> None:
    selector = _item(_export(), 2)["target"]["selector"][1]
    assert (selector["start"], selector["end"]) == (6, 6 + len("🇵🇹 waved"))


def test_markers_are_extension_flags() -> None:
    data = _export()
    assert _item(data, 5)["summitreader:deleted"] is True
    assert _item(data, 6)["summitreader:orphan"] is True


def test_unknown_article_still_exports_its_uid() -> None:
    data = to_jsonld(ANNOTATIONS[:1], {})
    target = data["first"]["items"][0]["target"]
    assert target["source"] == f"urn:uuid:{UID}"
    assert "summitreader:title" not in target
    assert data["id"].startswith("urn:uuid:")


def test_empty_collection_round_trips() -> None:
    data = to_jsonld([], {})
    assert data["total"] == 0
    assert from_jsonld(data) == []


def test_single_annotation_page_and_list_are_read_too() -> None:
    data = _export()
    item = _item(data, 0)
    single = {"@context": "http://www.w3.org/ns/anno.jsonld", **item}
    page = {"@context": "http://www.w3.org/ns/anno.jsonld", **data["first"]}
    assert [i.annotation for i in from_jsonld(single)] == ANNOTATIONS[:1]
    assert [i.annotation for i in from_jsonld(page)] == ANNOTATIONS
    assert [i.annotation for i in from_jsonld([item])] == ANNOTATIONS[:1]


def test_foreign_annotation_with_url_target_and_plain_id() -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "Worth a follow-up"},
        "target": {
            "source": "https://ex.com/a",
            "selector": {"type": "TextQuoteSelector", "exact": "further apart"},
        },
    }
    (first,) = from_jsonld(foreign)
    (again,) = from_jsonld(copy.deepcopy(foreign))
    assert first.annotation.id == again.annotation.id  # stable across imports
    assert first.annotation.note == "Worth a follow-up"
    assert (first.annotation.start, first.annotation.end) == (0, len("further apart"))
    assert first.annotation.article_uid == ""
    assert first.article.url == "https://ex.com/a"
    assert first.annotation.color == "yellow" and first.annotation.created


def _broken(path: list[str | int], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_export())
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


_DELETE = object()
ITEM: list[str | int] = ["first", "items", 0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("not json object", "expected a JSON object"),
        ({"type": "AnnotationCollection"}, "@context"),
        (_broken(["type"], "Collection"), "unexpected document type"),
        (_broken(["first"], "https://ex.com/page1"), "embedded"),
        (_broken([*ITEM, "type"], "Note"), "annotation 1: type"),
        (_broken([*ITEM, "id"], "urn:uuid:not-a-uuid"), "annotation 1: bad id"),
        (_broken([*ITEM, "id"], _DELETE), "annotation 1: no id"),
        (_broken([*ITEM, "target"], "https://ex.com/a"), "TextQuoteSelector"),
        (_broken([*ITEM, "target", "selector"], []), "TextQuoteSelector"),
        (_broken([*ITEM, "target", "selector", 0, "exact"], 5), "'exact' must be text"),
        (_broken([*ITEM, "target", "selector", 1, "start"], "6"), "whole number"),
        (_broken([*ITEM, "target", "selector", 1, "start"], -1), "not a span"),
        (_broken([*ITEM, "summitreader:color"], "orange"), "colour"),
        (_broken([*ITEM, "summitreader:deleted"], "yes"), "true or false"),
        (_broken([*ITEM, "body", 0, "value"], None), "'value' must be text"),
        (_broken(["first", "items", 3, "motivation"], "highlighting"), "annotation 4"),
    ],
)
def test_malformed_input_is_refused_in_one_line(data: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        from_jsonld(data)
    assert "\n" not in str(caught.value)
