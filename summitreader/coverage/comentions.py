"""Who and what is mentioned alongside an entity, and by which outlets.

Counted per article, not per mention: an article that names a minister ten times beside the
summit says once that they belong together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from summitreader.coverage.timeline import UNKNOWN_SOURCE


@dataclass(frozen=True, slots=True)
class CoMention:
    """A name and the articles (in all, and per outlet) that mention it with the entity."""

    name: str
    articles: int
    by_source: dict[str, int]


def co_mentions(
    entity: str,
    articles: Iterable[tuple[int, str | None, Iterable[str]]],
    *,
    limit: int | None = None,
) -> list[CoMention]:
    """Names sharing articles with `entity` (matched ignoring case), most shared articles first.

    `articles` gives (article id, outlet, names in it); an article listed twice counts once.
    Ties go alphabetically, so the order is the same on every run.
    """
    target = entity.casefold()
    seen: set[int] = set()
    together: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, str] = {}
    for article_id, source, names in articles:
        if article_id in seen:
            continue
        present = {name.casefold(): name for name in names if name}
        if target not in present:
            continue
        seen.add(article_id)
        for key, name in present.items():
            if key == target:
                continue
            spelled.setdefault(key, name)
            together[key] += 1
            by_source[key][source or UNKNOWN_SOURCE] += 1
    ranked = sorted(together, key=lambda key: (-together[key], spelled[key].casefold(), key))
    return [
        CoMention(spelled[key], together[key], dict(sorted(by_source[key].items())))
        for key in ranked[:limit]
    ]
