"""From a query's matches to one page of hits, the total and the set facets count.

Ranking needs only the top of the list (a partial sort). A phrase left for the page to check
(see matching.py) is checked in page order until the page is full; the share of candidates that
passed in a random sample gives an estimated total and scales the facet counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

from summitreader.index.matching import Evaluation, PendingPhrase
from summitreader.index.postings import IntArray

# Candidates checked at random to estimate how many contain a phrase.
ESTIMATE_SAMPLE = 100
# Checked per round while filling a page, beyond what the page needs.
CHECK_BATCH = 16

PhraseChecker = Callable[[list[wq.Phrase], IntArray], np.ndarray]


def _check_pending(
    pending: list[PendingPhrase], docs: IntArray, check: PhraseChecker
) -> np.ndarray:
    """Which of `docs` satisfy every pending phrase (by the text, or by an exempting match)."""
    keep = np.ones(len(docs), dtype=bool)
    for item in pending:
        open_ = keep & ~np.isin(docs, item.exempt)
        if open_.any():
            keep[open_] = check([item.phrase], docs[open_])
    return keep


@dataclass(slots=True)
class PageSelection:
    """The page's (document, score) pairs from the start, the total and the facet mask."""

    page: list[tuple[int, float]]
    total: int
    mask: np.ndarray
    is_estimate: bool = False
    ratio: float = 1.0

    def scale(self, counts: dict[str, int]) -> dict[str, int]:
        """Facet counts over the candidates, scaled to the estimated share that matched."""
        if not self.is_estimate:
            return counts
        scaled = {name: max(1, round(count * self.ratio)) for name, count in counts.items()}
        return dict(sorted(scaled.items(), key=lambda item: -item[1]))


def _ranked(docs: IntArray, scores: np.ndarray, count: int) -> IntArray:
    """Positions of the `count` best scores, best first; ties in document order."""
    if count <= 0:
        return np.empty(0, dtype=np.int64)
    if count < len(docs):
        top = np.argpartition(-scores, count - 1)[:count]
        cutoff = scores[top].min()
        top = np.flatnonzero(scores >= cutoff)  # keep every tie at the cut, then sort
    else:
        top = np.arange(len(docs))
    order = np.lexsort((docs[top], -scores[top]))
    return top[order][:count]


def _newest(docs: IntArray, published: np.ndarray, count: int) -> IntArray:
    """Positions of the `count` newest documents; undated last; ties in index order."""
    order = np.lexsort((-docs, published[docs]))[::-1]
    return order[:count]


def select_page(
    evaluation: Evaluation,
    *,
    live: np.ndarray,
    published: np.ndarray,
    by_date: bool,
    wanted: int,
    check: PhraseChecker,
) -> PageSelection:
    matches = evaluation.matches
    keep = live[matches.docs]
    docs, scores = matches.docs[keep], matches.scores[keep]
    mask = np.zeros(len(live), dtype=bool)
    mask[docs] = True

    def order(count: int) -> IntArray:
        return _newest(docs, published, count) if by_date else _ranked(docs, scores, count)

    def pairs(positions: IntArray) -> list[tuple[int, float]]:
        return [(int(docs[i]), 0.0 if by_date else float(scores[i])) for i in positions.tolist()]

    if not evaluation.pending:
        return PageSelection(pairs(order(wanted)), len(docs), mask)
    return _checked_page(evaluation.pending, docs, mask, order, pairs, wanted, check)


def _checked_page(
    pending: list[PendingPhrase],
    docs: IntArray,
    mask: np.ndarray,
    order: Callable[[int], IntArray],
    pairs: Callable[[IntArray], list[tuple[int, float]]],
    wanted: int,
    check: PhraseChecker,
) -> PageSelection:
    passed: list[int] = []
    checked = 0
    reach = min(len(docs), max(wanted, 1) + CHECK_BATCH)
    ranked = order(reach)
    while len(passed) < wanted and checked < len(docs):
        if checked >= len(ranked):
            reach = min(len(docs), reach * 4)
            ranked = order(reach)
        batch = ranked[checked : checked + max(CHECK_BATCH, wanted - len(passed) + CHECK_BATCH)]
        ok = _check_pending(pending, docs[batch], check)
        passed.extend(batch[ok].tolist())
        checked += len(batch)
    if checked >= len(docs):  # everything was checked: the total is exact
        exact = np.zeros(len(mask), dtype=bool)
        exact[docs[np.array(passed, dtype=np.int64)]] = True
        return PageSelection(pairs(np.array(passed[:wanted], dtype=np.int64)), len(passed), exact)
    # A random sample, not the page: the best-ranked candidates are not typical of the rest.
    rng = np.random.default_rng(len(docs))
    sample = rng.choice(len(docs), size=min(len(docs), ESTIMATE_SAMPLE), replace=False)
    ratio = float(_check_pending(pending, docs[sample], check).mean())
    total = max(len(passed), round(len(docs) * ratio))
    page = pairs(np.array(passed[:wanted], dtype=np.int64))
    return PageSelection(page, total, mask, is_estimate=True, ratio=ratio)
