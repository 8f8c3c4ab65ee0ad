"""Annotations leaving and entering a library: Markdown and W3C JSON-LD out, W3C JSON-LD in.

Imports merge by annotation id, so the same file imported twice changes nothing, and the newer
edit of an annotation wins. An imported annotation finds its article by the article's uid (or
URL) and is re-anchored when the article's text differs from the one it was made on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summitreader.annotate.anchoring import reanchor, reanchored
from summitreader.annotate.model import Annotation
from summitreader.export import (
    ArticleRef,
    annotations_to_markdown,
    article_annotations_to_markdown,
    from_jsonld,
    group_by_article,
    to_jsonld,
    unique_filename,
)
from summitreader.export.w3c import annotation_to_jsonld
from summitreader.store.annotations import AnnotationStore
from summitreader.store.articles import ArticleStore
from summitreader.store.database import Database

FORMATS = ("markdown", "w3c")


@dataclass(slots=True)
class NotesImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    without_article: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    article_ids: set[int] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "without_article": self.without_article,
            "failed": [{"path": p, "error": e} for p, e in self.failed],
        }


class NotesExchange:
    def __init__(self, db: Database, articles: ArticleStore, annotations: AnnotationStore) -> None:
        self.db = db
        self.articles = articles
        self.annotations = annotations

    def _refs(self, annotations: Iterable[Annotation]) -> dict[int, ArticleRef]:
        refs = {}
        for a in annotations:
            if a.article_id and a.article_id not in refs:
                article = self.articles.get(a.article_id)
                if article is not None:
                    refs[a.article_id] = ArticleRef.of(article)
        return refs

    def render(self, fmt: str, annotations: list[Annotation]) -> str:
        refs = self._refs(annotations)
        if fmt == "w3c":
            live = [a for a in annotations if not a.deleted]
            return json.dumps(to_jsonld(live, refs), ensure_ascii=False, indent=2) + "\n"
        if fmt == "markdown":
            return annotations_to_markdown(group_by_article(annotations, refs))
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")

    def write_per_article(self, folder: Path, annotations: list[Annotation]) -> list[Path]:
        """One Markdown file per article, named after its title."""
        folder.mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        written = []
        for ref, items in group_by_article(annotations, self._refs(annotations)):
            if not any(not a.deleted for a in items):
                continue
            path = folder / unique_filename(ref.title, taken)
            path.write_text(article_annotations_to_markdown(ref, items), encoding="utf-8")
            written.append(path)
        return written

    def backup_records(self) -> Iterable[dict[str, Any]]:
        """Every annotation, deleted markers included, as backup lines."""
        every = self.annotations.list(include_deleted=True)
        refs = self._refs(every)
        for a in every:
            ref = refs.get(a.article_id) or ArticleRef(id=0, uid=a.article_uid, title="")
            yield {"type": "annotation", "w3c": annotation_to_jsonld(a, ref)}

    def merge(self, data: object, *, origin: str) -> NotesImportReport:
        """Merge W3C JSON-LD (a collection, a page, items) into the library, in one transaction."""
        report = NotesImportReport()
        try:
            imported = from_jsonld(data)
        except ValueError as exc:
            report.failed.append((origin, str(exc)))
            return report
        with self.db.write() as conn:
            for item in imported:
                article_id = self._find_article(item.article, item.annotation.content_hash)
                incoming = self._placed(item.annotation, article_id)
                existing = self.annotations.get(incoming.id)
                if existing is not None and existing.modified >= incoming.modified:
                    report.unchanged.append(incoming.id)
                    continue
                self.annotations.save(conn, incoming)
                (report.updated if existing else report.added).append(incoming.id)
                if article_id:
                    report.article_ids.add(article_id)
                else:
                    report.without_article.append(incoming.id)
        return report

    def _find_article(self, ref: ArticleRef, content_hash: str) -> int:
        """By the article's uid, its URL, or else the very text the annotation was made on."""
        if ref.uid:
            found = self.articles.find_uid(ref.uid)
            if found is not None:
                return found
        if ref.url:
            found = self.articles.find_url(ref.url)
            if found is not None:
                return found
        found = self.articles.find_content_hash(content_hash)
        return found if found is not None else 0

    def _placed(self, annotation: Annotation, article_id: int) -> Annotation:
        """The annotation linked to this library's article, re-anchored if its text differs."""
        if not article_id:
            return replace(annotation, article_id=0)
        article = self.articles.get(article_id)
        assert article is not None
        linked = replace(annotation, article_id=article_id, article_uid=article.uid)
        if linked.content_hash == article.content_hash and not linked.orphan:
            return linked
        text = article.text
        return reanchored(linked, reanchor(linked, text), text, article.content_hash)
