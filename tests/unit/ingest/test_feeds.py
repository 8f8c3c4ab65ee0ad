"""Feeds of every dialect, excerpts, dates, and hostile or broken XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.ingest.feeds import MAX_FEED_BYTES, parse_feed
from summitreader.ingest.types import IngestError, ParsedArticle

FIXTURES = Path(__file__).parents[2] / "fixtures" / "feeds"


def load(name: str) -> list[ParsedArticle]:
    return parse_feed((FIXTURES / name).read_bytes())


def test_rss_091_descriptions_are_excerpts() -> None:
    first, second = load("rss091.xml")
    assert first.title == "Reservoir level passes spring mark"
    assert first.source == "Valley Bulletin"
    assert first.url == "https://valleybulletin.example/reservoir-spring-mark"
    assert first.paragraphs == (
        "The reservoir above Kralin passed its spring target on Sunday, three weeks earlier than "
        "planned, according to the operator's weekly report.",
    )
    assert first.is_excerpt
    assert first.published is None
    assert second.title == "Ferry service to resume"


def test_rss_092_escaped_html_description_becomes_paragraphs() -> None:
    (article,) = load("rss092.xml")
    assert article.source == "Estuary Notes"
    assert article.tags == ("Estuary",)
    assert article.paragraphs == (
        "Measurements taken on Thursday put the salt line four kilometres further upstream than "
        "at the same point last year.",
        "Fishermen say the young fish are moving with it.",
    )
    assert article.is_excerpt


def test_rss_10_rdf_with_content_encoded() -> None:
    (article,) = load("rss10_rdf.xml")
    assert article.title == "The legal questions behind the Varenne talks"
    assert article.source == "River Law Digest"
    assert article.author == "Ingrid Solberg"
    assert article.published == "2024-03-21"  # a day only: no invented time
    assert article.tags == ("Treaties",)
    assert article.url == "https://riverlaw.example/varenne-legal"
    assert not article.is_excerpt
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1] == (
        "Lawyers for the downstream states argue that historic use gives them a prior claim. "
        "Upstream governments answer that the treaty explicitly allows new development."
    )


def test_rss_20_content_summary_only_and_textless_entries() -> None:
    full, summary_only = load("rss20.xml")  # the photo gallery entry has no text and is skipped
    assert full.title == "Varenne talks collapse over river quotas"
    assert full.source == "The Harbour Ledger – World"
    assert full.author == "Mireille Dutoit"
    assert full.published == "2024-03-18T21:40:00+01:00"
    assert full.url == "https://harbourledger.example/world/2024/varenne-talks-collapse"
    assert full.tags == ("Varenne summit", "Water rights")
    assert not full.is_excerpt
    assert full.paragraphs == (
        "Negotiators from the three river states walked out of the Varenne summit late on "
        "Monday, ending four days of talks without an agreement.",
        "The chief mediator, Aldo Brenner, said the gap had narrowed, but not enough to sign "
        "anything.",
        "Talks are expected to resume within a month.",
        "Technical teams will keep meeting in the meantime.",
    )
    for marker in ("FEED-SCRIPT-TEXT", "FEED-IFRAME-TEXT", "FEED-IMAGE-ALT", "https://", "<"):
        assert marker not in full.text

    assert summary_only.is_excerpt
    assert summary_only.author == "Paul Amsel"
    assert summary_only.published == "2024-03-19T06:00:00+00:00"
    assert summary_only.paragraphs == (
        "Another round of talks will not fix a treaty that never had numbers in it.",
    )


def test_atom_10_entries() -> None:
    rally, ministry, statement = load("atom10.xml")
    assert rally.title == "Farmers rally in Lissora & demand higher flows"
    assert rally.source == "Delta Post"
    assert rally.author == "Tomas Ekvall"
    assert rally.published == "2024-03-19T17:20:00+01:00"
    assert rally.tags == ("Farming", "protest")
    assert not rally.is_excerpt
    assert rally.paragraphs == (
        "Several hundred farmers drove their tractors into the centre of Port Lissora on Tuesday.",
        "Bridge closed",
        "The convoy stretched across the old stone bridge for more than an hour.",
        "No arrests were reported.",
        "Two avenues were closed.",
    )
    assert ministry.is_excerpt
    assert ministry.published == "2024-03-19T20:45:00+00:00"  # <updated> when no <published>
    assert ministry.author == "Sara Lind"
    assert statement.url is None  # the tag: id is not a link
    assert statement.paragraphs == (
        "The mediator's office confirmed that the delegations will be invited back within a month.",
    )


def test_broken_feed_imports_what_can_be_read() -> None:
    first, second = load("broken_rss.xml")
    assert first.source == "Broken Wire Service"
    assert first.title == "Talks to resume in April"
    assert first.paragraphs[0].endswith("in April & that the venue was still open.")
    assert second.paragraphs == ("Dravenia said it would send the same delegation unchanged.",)


@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml"])
def test_entity_declarations_are_refused(name: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match="refused for safety") as caught:
        load(name)
    assert "\n" not in str(caught.value)
    assert time.monotonic() - started < 2


def test_entity_bomb_hidden_in_utf16_or_malformed_xml_is_refused() -> None:
    bomb = (FIXTURES / "billion_laughs.xml").read_text()
    with pytest.raises(IngestError, match="refused for safety"):
        parse_feed(bomb.replace('<?xml version="1.0"?>', "").encode("utf-16"))
    with pytest.raises(IngestError, match="refused for safety"):
        parse_feed(bomb.replace("</channel></rss>", "<unclosed>").encode())


def test_not_a_feed_is_refused() -> None:
    with pytest.raises(IngestError, match="not a news feed"):
        load("not_a_feed.xml")
    with pytest.raises(IngestError):
        parse_feed((Path(__file__).parents[2] / "fixtures" / "html" / "amp_page.html").read_bytes())


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b'<rss version="2.0"><channel><title>Empty</title></channel></rss>'],
)
def test_feed_without_entries_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError):
        parse_feed(data)


def test_huge_and_deeply_nested_feeds_are_bounded() -> None:
    with pytest.raises(IngestError, match="larger than"):
        parse_feed(b"<rss>" + b" " * (MAX_FEED_BYTES + 1) + b"</rss>")
    depth = 100_000
    nested = b'<rss version="2.0"><channel><item><title>Deep</title><description>'
    nested += b"&lt;div&gt;" * depth + b"Deep text." + b"</description></item></channel></rss>"
    started = time.monotonic()
    try:
        articles = parse_feed(nested)
    except IngestError:
        articles = []
    assert time.monotonic() - started < 20
    assert all("<" not in article.text for article in articles)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=1500),
        st.lists(
            st.sampled_from(
                [
                    b'<?xml version="1.0"?>',
                    b'<rss version="2.0">',
                    b"<channel>",
                    b"<item>",
                    b"</item>",
                    b"<title>",
                    b"</title>",
                    b"<description>",
                    b"</description>",
                    b"<feed xmlns='http://www.w3.org/2005/Atom'>",
                    b"<entry>",
                    b"<content type='html'>",
                    b"</content>",
                    b"&lt;p&gt;",
                    b"<!DOCTYPE x [",
                    b"<!ENTITY a 'b'>",
                    b"]>",
                    b"&a;",
                    b"<pubDate>Mon, 99 Foo 99999 25:61:00 +9999</pubDate>",
                    b"<updated>0000-00-00T00:00:00Z</updated>",
                    b"A few words of text.",
                    b"\x00\xff",
                ]
            ),
            max_size=50,
        ).map(b"".join),
    )
)
@pytest.mark.timeout(120)
def test_any_bytes_give_articles_or_ingest_error(data: bytes) -> None:
    try:
        articles = parse_feed(data)
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert articles
    assert all(isinstance(article, ParsedArticle) and article.paragraphs for article in articles)
