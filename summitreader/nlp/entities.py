"""Turn raw named-entity spans into entities with canonical names and one voted type each.

Rules (see DESIGN.md, "Quotes and entities"):
- a mention is narrowed to the bare name (titles, "the", possessives and page furniture stripped);
- a shorter form ("Trump", "Kim") joins the fullest person name it is a prefix or suffix of
  ("Donald Trump", "Kim Jong Un"), even when the model typed the short form differently, because a
  surname standing alone for a person named in full is how news is written;
- each canonical name gets one type by vote over its mentions; corrections win over the vote.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from summitreader.nlp.corrections import Corrections, vote_type
from summitreader.nlp.evidence import evidence_spans, merge_spans, type_votes
from summitreader.nlp.lexicon import DETERMINERS, ORG_NOUNS, ROLE_NOUNS, title_at_end
from summitreader.nlp.names import clean_name_span, is_plausible_name, name_key
from summitreader.nlp.paragraphs import paragraph_spans
from summitreader.nlp.types import ENTITY_TYPES, EntityResult, Mention

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_POSSESSIVE_END_RE = re.compile(r"[’'′]s?$")
_FURNITURE_PARAGRAPH_RE = re.compile(r"(?:Write to |More Must-Reads|Contact |Follow |Sign up)")


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention with the canonical name and type of the entity it belongs to."""

    start: int
    end: int
    name: str
    type: str
    title: str | None  # the title written just before it ("president", "north korean leader")


@dataclass(frozen=True, slots=True)
class EntityTable:
    entities: tuple[EntityResult, ...]
    mentions: tuple[ResolvedMention, ...]  # sorted by start

    def starting_at(self, position: int) -> ResolvedMention | None:
        starts = [m.start for m in self.mentions]
        index = bisect.bisect_left(starts, position)
        if index < len(self.mentions) and self.mentions[index].start == position:
            return self.mentions[index]
        return None

    def ending_at(self, position: int) -> ResolvedMention | None:
        for mention in self.mentions:
            if mention.end == position:
                return mention
        return None

    def type_of(self, name: str) -> str | None:
        for entity in self.entities:
            if entity.name == name:
                return entity.type
        return None


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    label: str
    key: str


def _title_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 60) : start]
    if "\n" in window:
        window = window[window.rfind("\n") + 1 :]
    match = title_at_end(window)
    if match:
        return " ".join(match.group(0).split()).rstrip(",").casefold()
    # a role noun written just before the name: "conference chair Jørgen Holm"
    words = window.replace(",", " ").split()[-4:]
    if words and words[-1].casefold() in ROLE_NOUNS:
        kept: list[str] = []
        for word in reversed(words):
            if word.casefold() in DETERMINERS or not word[:1].isalpha():
                break
            kept.insert(0, word)
        return " ".join(kept).casefold()
    return None


def _inside_title(text: str, start: int, end: int) -> bool:
    """ "State" in "Secretary of State Mike Pompeo" is part of a title, not an organisation."""
    match = title_at_end(text[max(0, start - 40) : end] + " ")
    return bool(match and match.start("title") < start - max(0, start - 40))


def _in_furniture(text: str, paragraphs: list[tuple[int, int]], start: int) -> bool:
    starts = [p[0] for p in paragraphs]
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        return False
    lo, _ = paragraphs[index]
    return bool(_FURNITURE_PARAGRAPH_RE.match(text, lo))


def _join_split_names(
    text: str, raw_spans: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """'Marta' + 'Figueiredo' side by side, one of them a person: the model split one name."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in sorted(raw_spans):
        if joined:
            p_start, p_end, p_label = joined[-1]
            if (
                text[p_end:start] == " "
                and "PERSON" in (p_label, label)
                and p_label in ENTITY_TYPES
                and label in ENTITY_TYPES
                and text[start : start + 1].isupper()
                and not _inside_title(text, p_start, p_end)
                and not _POSSESSIVE_END_RE.search(text, p_start, p_end)  # "Korea’s Kim" is two
            ):
                joined[-1] = (p_start, end, "PERSON")
                continue
        joined.append((start, end, label))
    return joined


def _clean_mentions(
    text: str, raw_spans: Iterable[tuple[int, int, str]], corrections: Corrections
) -> list[_Raw]:
    paragraphs = paragraph_spans(text)
    mentions: list[_Raw] = []
    for raw_start, raw_end, label in _join_split_names(text, raw_spans):
        if label not in ENTITY_TYPES:
            continue
        start, end = clean_name_span(text, raw_start, raw_end)
        name = text[start:end]
        if not is_plausible_name(name) or _in_furniture(text, paragraphs, start):
            continue
        if label != "PERSON" and _inside_title(text, start, end):
            continue
        key = name_key(name)
        key = name_key(corrections.canonical_for(key) or key)
        mentions.append(_Raw(start, end, label, key))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _link_short_forms(votes: dict[str, Counter[str]], first_seen: dict[str, int]) -> dict[str, str]:
    """Map each key to the fullest person name it abbreviates (or to itself)."""

    def majority(key: str) -> str:
        return votes[key].most_common(1)[0][0]

    root = {key: key for key in votes}
    # full names the model may have typed as organisations ("Beatriz Lobo" ORG) count too; the
    # vote over the joined mentions decides the type afterwards
    persons = [
        k
        for k in votes
        if len(k.split()) >= 2
        and k.split()[-1].casefold().strip("'") not in ORG_NOUNS
        and (majority(k) == "PERSON" or (majority(k) == "ORG" and len(k.split()) <= 3))
        and all(t[:1].isupper() for t in k.split())
    ]
    for key in sorted(votes, key=lambda k: len(k.split())):
        tokens = key.split()
        if majority(key) in _PLACE_TYPES and votes[key]["PERSON"] == 0:
            continue  # "Washington" the city must not join "George Washington"
        candidates = []
        for long_key in persons:
            long_tokens = long_key.split()
            if len(long_tokens) <= len(tokens):
                continue
            n = len(tokens)
            if long_tokens[:n] == tokens or long_tokens[-n:] == tokens:
                candidates.append(long_key)
        if candidates:
            best = min(
                candidates,
                key=lambda k: (-len(k.split()), -sum(votes[k].values()), first_seen[k]),
            )
            root[key] = best
    # follow chains ("Jong Un" -> "Kim Jong Un") to the end
    for key in root:
        seen = {key}
        while root[root[key]] != root[key] and root[key] not in seen:
            seen.add(root[key])
            root[key] = root[root[key]]
    return root


def _repeats_the_model_missed(
    text: str, mentions: list[_Raw], root: dict[str, str], types: dict[str, str]
) -> list[_Raw]:
    """Other places a recognised name (or a person's surname alone) is written, word for word,
    that the model passed over.

    The small model misses a name now and then ("Trump insisted ..."); a name it found
    elsewhere in the same article is the same name here. Short non-person names are left
    alone, since "AP" or "UN" inside other words or phrases would be noise.
    """
    taken = [(m.start, m.end) for m in mentions]
    forms = {}
    for mention in mentions:
        written = text[mention.start : mention.end]
        if types[root[mention.key]] == "PERSON" or len(written) >= 4:
            forms[written] = mention
    for canonical, type_ in types.items():
        surname = canonical.split()[-1] if len(canonical.split()) >= 2 else ""
        if type_ != "PERSON" or len(surname) < 3 or not surname[:1].isupper():
            continue
        if root.get(surname, canonical) != canonical or surname in forms:
            continue  # the surname alone already names something else
        forms[surname] = _Raw(0, 0, "PERSON", canonical)
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w’'\-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    paragraphs = paragraph_spans(text)
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if _in_furniture(text, paragraphs, start):
            continue
        source = forms[match.group(0)]
        found.append(_Raw(start, end, source.label, source.key))
    return found


def build_entities(
    text: str, raw_spans: Iterable[tuple[int, int, str]], corrections: Corrections
) -> EntityTable:
    """Entities of one article from (start, end, label) spans given by a recogniser."""
    spans = merge_spans(list(raw_spans), evidence_spans(text))
    mentions = _clean_mentions(text, spans, corrections)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    context_votes: list[Counter[str]] = []
    first_seen: dict[str, int] = {}
    titles: list[str | None] = []
    for mention in mentions:
        context_votes.append(type_votes(text, mention.start, mention.end, mention.label))
        votes[mention.key][mention.label] += 1
        votes[mention.key].update(context_votes[-1])
        first_seen.setdefault(mention.key, mention.start)
        titles.append(_title_before(text, mention.start))
    root = _link_short_forms(votes, first_seen)

    cluster_votes: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[tuple[_Raw, str | None]]] = defaultdict(list)
    for mention, title, context in zip(mentions, titles, context_votes, strict=True):
        canonical = root[mention.key]
        linked = canonical != mention.key and votes[canonical].most_common(1)[0][0] == "PERSON"
        label = "PERSON" if linked else mention.label
        cluster_votes[canonical][label] += 1
        cluster_votes[canonical].update(context)
        members[canonical].append((mention, title))

    types = {c: vote_type(cluster_votes[c], corrections, c) for c in members}
    for mention in _repeats_the_model_missed(text, mentions, root, types):
        members[root[mention.key]].append((mention, _title_before(text, mention.start)))

    entities: list[EntityResult] = []
    resolved: list[ResolvedMention] = []
    for canonical, group in sorted(members.items(), key=lambda item: item[1][0][0].start):
        group.sort(key=lambda item: item[0].start)
        type_ = types[canonical]
        entities.append(
            EntityResult(
                canonical,
                type_,
                tuple(Mention(text[m.start : m.end], m.start, m.end) for m, _ in group),
            )
        )
        resolved += [ResolvedMention(m.start, m.end, canonical, type_, t) for m, t in group]
    resolved.sort(key=lambda m: m.start)
    return EntityTable(tuple(entities), tuple(resolved))
