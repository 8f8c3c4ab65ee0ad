"""A deterministic synthetic news corpus for benchmarks: one story told by many outlets.

Article i depends only on (seed, i), so a corpus of n articles is a prefix of any larger one.
Words follow a Zipf distribution over a vocabulary of common news words followed by invented
words (the long tail of rare terms); people, places, outlets and dates are invented too.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

WORDS_PER_ARTICLE = 700
FIRST_DAY = date(2018, 1, 1)
DAYS = 5 * 365

# Function words first: real news text is ~40 % of them, and the analyzer has to drop them.
_FUNCTION_TEXT = """
the of to and a in that for on is was with as by at from it his her he she they we be have has
had will would not but an this are were been their its who which after over about more than
"""
_FUNCTION_WORDS = _FUNCTION_TEXT.split()

_NEWS_TEXT = """
said talks summit leaders officials government minister president nuclear deal agreement meeting
week state country security foreign military sanctions relief envoy delegation statement joint
program weapons missile border peace trade economic policy vote report told reporters spokesman
ministry council plan support opposition election party capital region crisis people city year
day month morning evening hours local national international negotiations negotiator negotiate
negotiated proposal offer demand demands response warned warning called calls agreed agree
agreeing refused rejected accepted signed signing walked walking walk walks left arrived visit
visited visiting trip flight hotel venue press conference news agency sources according expected
expect expecting hoped hope hopes concerns concern analysts experts observers diplomats
diplomatic relations allies allied partners partner markets stocks prices oil energy gas supply
exports imports tariffs growth bank banks inspectors inspection facility plant site sites
reactor enrichment uranium fuel test tests launch launched launching rocket satellite images
showed show shows review reviewed record history historic first second third last next later
earlier early late long short new old major minor key main senior junior former current future
past present public private
"""
_NEWS_WORDS = _NEWS_TEXT.split()

_SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ta",
    "ne",
    "so",
    "lu",
    "vi",
    "da",
    "pe",
    "go",
    "ha",
    "zu",
    "ro",
    "mi",
    "te",
    "na",
    "yo",
    "be",
    "fa",
    "ki",
    "lo",
    "sa",
    "du",
    "qua",
    "ren",
    "tor",
    "vel",
    "mar",
    "bis",
    "dor",
    "fen",
    "gal",
    "hul",
    "jor",
    "kel",
    "lin",
    "mun",
    "nor",
    "pol",
    "rus",
    "sel",
    "tam",
]
_STOCK_PHRASES = (
    "right deal",
    "sanctions relief",
    "joint statement",
    "nuclear talks",
    "working lunch",
    "step by step",
)
_SECTIONS = ("World", "Politics", "Business", "Asia", "Analysis", "Opinion", "Markets")
_SAY = ("said", "told reporters", "added", "warned", "insisted", "wrote")


def _invented(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _build_world(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    known = _FUNCTION_WORDS + list(dict.fromkeys(_NEWS_WORDS))
    tail = sorted({_invented(rng, rng.randint(2, 4)) for _ in range(30_000)} - set(known))
    rng.shuffle(tail)
    news = known[len(_FUNCTION_WORDS) :]
    rng.shuffle(news)
    vocabulary = _FUNCTION_WORDS + news + tail
    weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(vocabulary))]
    people = sorted(
        {
            f"{_invented(rng, 2).capitalize()} {_invented(rng, rng.randint(2, 3)).capitalize()}"
            for _ in range(3_000)
        }
    )
    places = sorted({_invented(rng, rng.randint(2, 3)).capitalize() for _ in range(400)})
    kinds = ("Wire", "Times", "Post", "News")
    invented_outlets = {f"{_invented(rng, 2).capitalize()} {rng.choice(kinds)}" for _ in range(19)}
    outlets = [*sorted(invented_outlets), "Associated Press"]
    return {
        "vocabulary": vocabulary,
        "cum_weights": list(itertools.accumulate(weights)),
        "people": people,
        "people_weights": list(
            itertools.accumulate(1.0 / (rank + 1) for rank in range(len(people)))
        ),
        "places": places,
        "outlets": outlets,
    }


_WORLDS: dict[int, dict[str, Any]] = {}


def world(seed: int = 1) -> dict[str, Any]:
    """Vocabulary (by Zipf rank), people, places and outlets of the corpus for `seed`."""
    if seed not in _WORLDS:
        _WORLDS[seed] = _build_world(seed)
    return _WORLDS[seed]


def _sentence(rng: random.Random, w: dict[str, Any], length: int) -> str:
    words = rng.choices(w["vocabulary"], cum_weights=w["cum_weights"], k=length)
    if rng.random() < 0.25:
        words.insert(rng.randrange(len(words)), rng.choice(_STOCK_PHRASES))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(w["places"]))
    return " ".join(words).capitalize() + "."


def _article(seed: int, index: int) -> dict[str, Any]:
    w = world(seed)
    rng = random.Random(seed * 1_000_003 + index)
    cast = rng.choices(w["people"], cum_weights=w["people_weights"], k=rng.randint(2, 5))
    speakers = list(dict.fromkeys(cast))
    places = rng.sample(w["places"], k=3)
    paragraphs: list[str] = []
    words = 0
    while words < WORDS_PER_ARTICLE:
        sentences: list[str] = []
        for _ in range(rng.randint(2, 4)):
            length = rng.randint(10, 24)
            if rng.random() < 0.3:
                speaker = rng.choice(speakers)
                quote = _sentence(rng, w, length).rstrip(".")
                sentences.append(f"\u201c{quote},\u201d {speaker} {rng.choice(_SAY)}.")
            else:
                sentences.append(_sentence(rng, w, length))
            words += length + 2
        paragraphs.append(" ".join(sentences))
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    with_time = rng.random() < 0.5
    published = (
        f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"
        if with_time
        else day.isoformat()
    )
    title_words = rng.choices(w["vocabulary"][:2000], k=rng.randint(5, 9))
    return {
        "title": " ".join(title_words).capitalize(),
        "paragraphs": paragraphs,
        "source": rng.choice(w["outlets"]),
        "author": rng.choice(w["people"]),
        "published": published,
        "dateline": places[0].upper(),
        "section": rng.choice(_SECTIONS),
        "speakers": speakers,
        "entities": speakers + places,
    }


def generate_articles(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """n news-like articles (~700 words each), the same ones for the same seed on every run.

    Keys: title, paragraphs (list[str]), source, author, published (ISO 8601), dateline,
    section, speakers, entities.
    """
    for index in range(n):
        yield _article(seed, index)
