"""Same remark, every outlet: group the quotes in which one speaker says one thing.

Outlets trim a remark, splice it, cut a fragment out of it or reword it a little. Quotes are
compared only within one speaker (names folded, surname-only attributions included), scored by
`textmatch.similarity`, and joined strongest pair first into groups that never hold two quotes of
one article or two different people. A quote nobody is said to have said joins only on a near
verbatim match of at least four words: short scare-quoted terms ("water bank") recur in every
article of a story without being anybody's remark.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from summitreader.coverage.clusters import RemarkClusters
from summitreader.coverage.speakers import (
    display_speaker,
    same_speaker,
    speaker_block,
    speaker_words,
)
from summitreader.coverage.textmatch import (
    MIN_CONTAINED_WORDS,
    FoldedText,
    WordCodes,
    containment,
    fold_text,
    fold_words,
    similarity,
)

# Chosen on tests/gold/samples_groups.json with tests/benchmarks/eval_groups.py: 85 is the lowest
# threshold with no wrong pair there. Below it, a speaker's later remark echoing an earlier one
# ("There has to be a number below which the river does not go" / "For the first time, there is
# a number below which...", 81) joins it; trims, splices and fragments score 100.
DEFAULT_THRESHOLD = 85.0
# Looser grouping that also joins rewordings sharing only a core phrase ("Sometimes you have to
# leave the table" / "You have to be ready to leave the table", 60), at some cost in wrong pairs
# (gold: 0.97).
LOOSE_THRESHOLD = 60.0
# A quote without a speaker must repeat another almost word for word.
UNATTRIBUTED_THRESHOLD = 95.0
# Shorter unattributed quotes are terms, not remarks ("water bank", "on credit").
MIN_UNATTRIBUTED_WORDS = 4
# Rows of a speaker's quotes compared at once (bounds the memory of the score matrices).
_MATRIX_ROWS = 512

VariantKind = Literal["full", "trimmed", "fragment", "paraphrased"]
# Share of words that must recur in order for a variant to count as the whole or a cut.
_VARIANT_COVER = 0.9
# Beyond this many distinct wordings a group's representative is simply its most common one.
_MEDOID_LIMIT = 40


class QuoteLike(Protocol):
    """What grouping reads from a quote (store.analysis.LibraryQuote fits)."""

    @property
    def article_id(self) -> int: ...
    @property
    def source(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


Q = TypeVar("Q", bound=QuoteLike)


@dataclass(frozen=True, slots=True)
class RemarkGroup(Generic[Q]):
    """One remark as several articles quote it; `representative` is its most central wording."""

    speaker: str | None
    members: tuple[Q, ...]
    representative: str

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.members))

    @property
    def sources(self) -> tuple[str, ...]:
        """Outlets in member order, each once; an article without one counts as "(unknown)"."""
        return tuple(dict.fromkeys(m.source or "(unknown)" for m in self.members))


def group_remarks(
    quotes: Sequence[Q],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    unattributed_threshold: float = UNATTRIBUTED_THRESHOLD,
    include_singletons: bool = False,
) -> list[RemarkGroup[Q]]:
    """Groups of quotes that are one remark reported by two or more articles.

    With `include_singletons` every other quote comes back as a group of one, so a speaker view
    can list all of a speaker's remarks with the shared ones merged. Groups are ordered by how
    many articles carry them, then by when the remark was first published.
    """
    texts = [fold_text(q.text) for q in quotes]
    names = [speaker_words(q.speaker) for q in quotes]
    articles = [q.article_id for q in quotes]
    edges = list(_speaker_edges(quotes, texts, names, threshold))
    edges += _unattributed_edges(texts, names, articles, unattributed_threshold)
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    clusters = RemarkClusters(articles, names)
    for _, a, b in edges:
        clusters.join(a, b)
    groups = [
        _make_group([quotes[i] for i in members], [texts[i] for i in members])
        for members in clusters.groups()
        if include_singletons or len(members) > 1
    ]
    groups.sort(key=_group_order)
    return groups


def classify_variant(member: QuoteLike, representative: str) -> VariantKind:
    """How a member reports the remark: whole, cut down, a few words in passing, or reworded."""
    if member.kind == "fragment":
        return "fragment"
    words, whole = fold_words(member.text), fold_words(representative)
    if words == whole or containment(whole, words) >= _VARIANT_COVER:
        return "full"
    if containment(words, whole) >= _VARIANT_COVER:
        return "trimmed"
    return "paraphrased"


# -- candidate pairs ------------------------------------------------------------------------------

Edge = tuple[float, int, int]


def _speaker_edges(
    quotes: Sequence[QuoteLike],
    texts: Sequence[FoldedText],
    names: Sequence[tuple[str, ...]],
    threshold: float,
) -> Iterator[Edge]:
    """Scored pairs of quotes by the same speaker in different articles.

    Two matrix passes per speaker rule out nearly every pair at C speed: words in common order
    (an upper bound of containment) and the character ratio. Only the survivors are scored.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, quote in enumerate(quotes):
        block = speaker_block(quote.speaker)
        if block is not None and texts[index].words:
            blocks[block].append(index)
    codes = WordCodes()
    for block in sorted(blocks):
        members = blocks[block]
        if len(members) < 2:
            continue
        coded = [codes.encode(texts[i].words) for i in members]
        folded = [texts[i].folded for i in members]
        lengths = np.array([len(c) for c in coded], dtype=np.int32)
        for first in range(0, len(members), _MATRIX_ROWS):
            rows = slice(first, first + _MATRIX_ROWS)
            common = process.cdist(
                coded[rows], coded, scorer=LCSseq.similarity, dtype=np.int32, workers=-1
            )
            alike = process.cdist(
                folded[rows], folded, scorer=fuzz.ratio, score_cutoff=threshold, workers=-1
            )
            shorter = np.minimum.outer(lengths[rows], lengths)
            possible = (alike > 0) | (
                (shorter >= MIN_CONTAINED_WORDS) & (common * 100 >= threshold * shorter)
            )
            for row, col in zip(*(axis.tolist() for axis in np.nonzero(possible)), strict=True):
                a, b = members[first + row], members[col]
                if b <= a or quotes[a].article_id == quotes[b].article_id:
                    continue
                if not same_speaker(names[a], names[b]):
                    continue
                score = similarity(texts[a], texts[b])
                if score >= threshold:
                    yield (score, a, b)


def _unattributed_edges(
    texts: Sequence[FoldedText],
    names: Sequence[tuple[str, ...]],
    articles: Sequence[int],
    threshold: float,
) -> list[Edge]:
    """Near-verbatim pairs in which at least one quote has no speaker.

    A quote repeated almost word for word inside another keeps nearly all its word triples, so
    candidates share at least half the triples of the shorter one.
    """
    loose = [
        i
        for i, text in enumerate(texts)
        if not names[i] and len(text.words) >= MIN_UNATTRIBUTED_WORDS
    ]
    if not loose:
        return []
    loose_set = set(loose)
    wanted = {t for i in loose for t in _word_triples(texts[i].words)}
    postings: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    shared: dict[int, list[tuple[str, str, str]]] = {}
    for index, text in enumerate(texts):
        if not names[index] and index not in loose_set:
            continue  # a short unattributed term joins nothing
        own = [t for t in _word_triples(text.words) if t in wanted]
        if own:
            shared[index] = own
            for triple in own:
                postings[triple].append(index)
    loose_postings = {t: [i for i in holders if i in loose_set] for t, holders in postings.items()}
    pairs: set[tuple[int, int]] = set()
    for index, own in shared.items():
        # A loose quote may hold the other whole or be held by it: count shared triples both ways.
        candidates = postings if index in loose_set else loose_postings
        counts = Counter(o for triple in own for o in candidates[triple] if o != index)
        for other, count in counts.items():
            if 2 * count >= min(len(texts[index].words), len(texts[other].words)) - 2:
                pairs.add((min(index, other), max(index, other)))
    edges: list[Edge] = []
    for a, b in sorted(pairs):
        if articles[a] == articles[b]:
            continue
        score = similarity(texts[a], texts[b])
        if score >= threshold:
            edges.append((score, a, b))
    return edges


def _word_triples(words: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple(dict.fromkeys(zip(words, words[1:], words[2:], strict=False)))


# -- groups ---------------------------------------------------------------------------------------


def _make_group(members: list[Q], texts: list[FoldedText]) -> RemarkGroup[Q]:
    order = sorted(range(len(members)), key=lambda i: _member_order(members[i], i))
    ordered = [members[i] for i in order]
    speaker = display_speaker(m.speaker for m in ordered if m.speaker)
    central = _central_wording([texts[i] for i in order])
    representative = next(
        m.text for i, m in zip(order, ordered, strict=True) if texts[i] == central
    )
    return RemarkGroup(speaker, tuple(ordered), representative.strip().rstrip(",;:").strip())


def _central_wording(texts: list[FoldedText]) -> FoldedText:
    """The wording closest to all others (counting repeats): the remark as most outlets ran it.

    The longest member would often be a splice of two remarks, the most common one may be a
    fragment; the medoid is neither.
    """
    counts = Counter(texts)
    wordings = sorted(counts, key=lambda t: (-counts[t], -len(t.words), t.folded))
    if len(wordings) == 1 or len(wordings) > _MEDOID_LIMIT:
        return wordings[0]

    def closeness(candidate: FoldedText) -> float:
        return sum(counts[other] * _overlap(candidate, other) for other in wordings)

    return max(wordings, key=lambda t: (closeness(t), counts[t], len(t.words)))


def _overlap(a: FoldedText, b: FoldedText) -> float:
    """Dice-like share of both quotes' words that recur in order (1.0 for equal wordings)."""
    if a == b:
        return 1.0
    total = len(a.words) + len(b.words)
    if total == 0:
        return 0.0
    shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
    return 2.0 * containment(shorter.words, longer.words) * len(shorter.words) / total


def _member_order(quote: QuoteLike, index: int) -> tuple[bool, str, str, int, int]:
    return (
        quote.published is None,
        quote.published or "",
        quote.source or "",
        quote.article_id,
        index,
    )


def _group_order(group: RemarkGroup[Q]) -> tuple[int, bool, str, str, str]:
    first = group.members[0]
    return (
        -len(group.article_ids),
        first.published is None,
        first.published or "",
        group.speaker or "",
        group.representative,
    )
