"""What an export needs to know about an article: a small record, so exports never load bodies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from summitreader.annotate.model import Annotation


class ArticleLike(Protocol):
    """Anything with an article's identifying fields (core.models.Article has them)."""

    @property
    def id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as exports cite it. `uid` is stable across libraries; `id` is this library's."""

    id: int
    uid: str
    title: str
    source: str | None = None
    published: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: ArticleLike) -> ArticleRef:
        return cls(
            article.id, article.uid, article.title, article.source, article.published, article.url
        )


def group_by_article(
    annotations: Iterable[Annotation], articles: Mapping[int, ArticleRef]
) -> list[tuple[ArticleRef, list[Annotation]]]:
    """Annotations per article: dated articles oldest first, then undated; annotations by position.

    An annotation whose article is not in `articles` is grouped under a bare reference made from
    its own ids, so nothing is dropped from an export for want of metadata.
    """
    groups: dict[int, list[Annotation]] = {}
    for annotation in annotations:
        groups.setdefault(annotation.article_id, []).append(annotation)
    result = []
    for article_id, members in groups.items():
        article = articles.get(article_id) or ArticleRef(article_id, members[0].article_uid, "")
        result.append((article, sorted(members, key=lambda a: (a.start, a.end, a.created))))
    result.sort(key=lambda g: (not g[0].published, g[0].published or "", g[0].title.casefold()))
    return result


def iso_date(published: str | None) -> str:
    """The calendar date of an ISO timestamp ('2024-05-01T09:30:00+00:00' -> '2024-05-01')."""
    if not published:
        return ""
    head = published[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and head.replace("-", "").isdigit():
        return head
    return published
