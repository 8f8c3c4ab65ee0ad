"""The records the Library hands out. Plain data, no behaviour that touches storage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """One stored article. `text` is its paragraphs joined by a blank line; spans index into it."""

    id: int
    uid: str
    title: str
    source: str | None
    author: str | None
    published: str | None
    dateline: str | None
    url: str | None
    section: str | None
    paragraphs: tuple[str, ...]
    content_hash: str
    imported_at: str
    words: int
    reading_minutes: int
    tags: tuple[str, ...] = ()
    is_excerpt: bool = False
    unread: bool = True
    starred: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the article list needs for one row, without the body."""

    id: int
    title: str
    source: str | None
    author: str | None
    published: str | None
    dateline: str | None
    words: int
    quote_count: int = 0
    unread: bool = True
    starred: bool = False
    # The earliest article carrying the same wire story, and how many other copies there are.
    syndicated_from: int | None = None
    also_in: int = 0


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutating Library call changed, so views can update only what they must."""

    added: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    annotations: bool = False
    analysis: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.annotations or self.analysis)

    def merged(self, other: Changes) -> Changes:
        return Changes(
            added=(self.added | other.added) - other.removed,
            updated=(self.updated | other.updated) - other.removed,
            removed=self.removed | other.removed,
            annotations=self.annotations or other.annotations,
            analysis=self.analysis or other.analysis,
        )


@dataclass(slots=True)
class ImportReport:
    """The outcome of one import, file by file; `changes` sums up what the library gained."""

    imported: list[tuple[str, int, str]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    updated: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, list[dict[str, object]]]:
        return {
            "imported": [{"path": p, "id": i, "title": t} for p, i, t in self.imported],
            "duplicates": [{"path": p, "id": i} for p, i in self.duplicates],
            "updated": [{"path": p, "id": i} for p, i in self.updated],
            "failed": [{"path": p, "error": e} for p, e in self.failed],
        }
