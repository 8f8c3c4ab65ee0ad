"""Results of analysing one article: frozen values, safe to cache and share between threads."""

from __future__ import annotations

from dataclasses import dataclass

QUOTE_KINDS = ("speech", "fragment", "scare")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named; `start`/`end` are code points into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityResult:
    """An entity under its canonical name (the fullest form the article uses, titles stripped)."""

    name: str
    type: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """A quotation: `text` is without the outer marks and equals article_text[start:end].

    `kind` is "speech", "fragment" or "scare"; `speaker` is a canonical entity name, a role
    ("White House Press Secretary") or None when nobody can be named with confidence; `cue` is the
    attribution verb or phrase ("said", "according to") when one was found.
    """

    text: str
    speaker: str | None
    kind: str
    start: int
    end: int
    cue: str | None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    quotes: tuple[QuoteResult, ...]
    entities: tuple[EntityResult, ...]
    analyser_version: str
