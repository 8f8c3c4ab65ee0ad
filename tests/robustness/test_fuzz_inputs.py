"""Hostile and random input against every importer and the query parser.

Each target must return a result or raise its one clean error type — never anything else, never
hang. CI runs a modest number of examples; tests/benchmarks/fuzz_inputs.py runs many more and
reports how many inputs were tried.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.core.library import Library
from summitreader.index.errors import QueryError
from summitreader.ingest.files import parse_bytes
from summitreader.ingest.types import IngestError, ParsedArticle

EXAMPLES = int(os.environ.get("SUMMITREADER_FUZZ_EXAMPLES", "150"))
PER_INPUT_SECONDS = 10

# Seeds of each format, so mutations stay close to inputs that reach deep into the parsers.
SEEDS = {
    ".txt": b"Headline here\n\nBy Ana Ruiz\nPublished March 1, 2025\n\n"
    b"LISBON (NWS) - Body \xe2\x80\x9cq\xe2\x80\x9d.\n",
    ".html": b"<html><head><title>T</title></head><body><article><h1>T</h1><p>Text of it."
    b"</p><script>x()</script></article></body></html>",
    ".xml": b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I'
    b"</title><description>Body text.</description></item></channel></rss>",
    ".md": b"---\ntitle: T\ndate: 2025-03-01\n---\n# Head\n\nSome *text* [link](http://x).\n",
}


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(*_: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, or the seed with random bytes spliced in, cut or repeated."""
    return st.one_of(
        st.binary(max_size=4000),
        st.tuples(st.integers(0, len(seed)), st.binary(max_size=200), st.integers(0, 30)).map(
            lambda t: seed[: t[0]] + t[1] + seed[t[0] :] * (1 + t[2] % 3)
        ),
        st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    )


def check_importer(suffix: str, data: bytes) -> None:
    with time_limit(PER_INPUT_SECONDS):
        try:
            articles = parse_bytes(data, suffix=suffix)
        except IngestError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    for article in articles:
        assert isinstance(article, ParsedArticle) and article.title and article.paragraphs


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_importers_never_crash(suffix: str) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutated(SEEDS[suffix]))
    def run(data: bytes) -> None:
        check_importer(suffix, data)

    run()


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library(tmp_path_factory.mktemp("fuzz") / "library")
    library.import_parsed(
        [
            ParsedArticle(
                title="Talks",
                paragraphs=("Delegates walked out of the dam talks.",),
                source="NWS",
                published="2025-03-04",
            )
        ],
        origin="x",
    )
    yield library
    library.close()


QUERY_ALPHABET = st.sampled_from(
    list('abc walk "“”()[]:*~-+^ AND OR NOT to published:2025-03 source: speaker: \\/{}<>')
)


def test_query_parser_never_crashes(searchable: Library) -> None:
    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.one_of(st.text(max_size=80), st.lists(QUERY_ALPHABET, max_size=30).map("".join)))
    def run(query: str) -> None:
        check_query(searchable.search, query)

    run()


def check_query(search: Callable[..., object], query: str) -> None:
    with time_limit(PER_INPUT_SECONDS):
        try:
            search(query)
        except QueryError as exc:
            assert str(exc) and "\n" not in str(exc)


def test_known_hostile_files_are_refused_cleanly() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]><rss><channel><title>&lol9;</title></channel></rss>"
    )
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><title>&x;</title><item><title>a</title><description>&x;"
        b"</description></item></channel></rss>"
    )
    deep = b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000 + b"</body></html>"
    for suffix, data in ((".xml", bomb), (".xml", xxe), (".html", deep)):
        with time_limit(PER_INPUT_SECONDS), pytest.raises(IngestError):
            parse_bytes(data, suffix=suffix)
