"""Saved web pages: main text, metadata, boilerplate removal and hostile input."""

from __future__ import annotations

import contextlib
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.ingest.html import MAX_PAGE_BYTES, parse_html
from summitreader.ingest.types import IngestError, ParsedArticle

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"

# Text planted in boilerplate, scripts, styles, ads and images of the fixtures.
BOILERPLATE_MARKERS = (
    "COOKIE-BANNER-TEXT",
    "NAV-LINK-TEXT",
    "TRACKING-SCRIPT-TEXT",
    "secret-style-rule",
    "ADVERT-TEXT",
    "IFRAME-FALLBACK-TEXT",
    "REMOTE-IMAGE-ALT",
    "INLINE-SCRIPT-TEXT",
    "RELATED-LINK-TEXT",
    "COMMENT-TEXT",
    "FOOTER-TEXT",
    "AMP-MENU-TEXT",
    "AMP-IMAGE-ALT",
    "AMP-AD-TEXT",
    "AMP-ANALYTICS-TEXT",
    "amp-style-marker",
    "NEWSLETTER-TEXT",
)


def load(name: str, *, url: str | None = None) -> ParsedArticle:
    return parse_html((FIXTURES / name).read_bytes(), url=url)


def assert_clean(article: ParsedArticle) -> None:
    for marker in BOILERPLATE_MARKERS:
        assert marker not in article.text
        assert marker not in article.title
    assert "<" not in article.text and ">" not in article.text
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in article.paragraphs)
    assert all("\n" not in paragraph for paragraph in article.paragraphs)


def test_news_site_page_keeps_story_and_drops_boilerplate() -> None:
    article = load("news_site_page.html")
    assert article.title == "Varenne talks collapse over river quotas"
    assert article.source == "The Harbour Ledger"
    assert article.author == "Mireille Dutoit"
    assert article.published == "2024-03-18"
    assert article.url == "https://harbourledger.example/world/2024/varenne-talks-collapse"
    assert article.section == "World"
    assert article.tags == ("Varenne summit", "Water rights")
    assert article.paragraphs[0].startswith("Negotiators from the three river states walked out")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[-1].endswith("past the point of recovery.")
    assert '"had narrowed, but not enough to sign anything tonight."' in article.text
    assert not article.is_excerpt
    assert_clean(article)


def test_amp_page() -> None:
    article = load("amp_page.html")
    assert article.title == "Farmers rally in Lissora as water summit stalls"
    assert article.source == "Delta Post"
    assert article.author == "Tomas Ekvall"
    assert article.published == "2024-03-19"
    assert article.url == "https://delta-post.example/news/2024/03/19/farmers-rally-lissora.html"
    assert article.paragraphs[0].startswith("Several hundred farmers drove their tractors")
    assert "there will be no harvest to wait for." in article.text
    assert article.paragraphs[-1].startswith("Police closed two avenues")
    assert_clean(article)


def test_json_ld_news_article_metadata() -> None:
    article = load("json_ld_article.html", url="https://nwr.example/saved-copy")
    assert article.title == "Dravenia defends dam programme after summit failure"
    assert article.source == "Northern Wire Review"
    assert article.author == "Katrin Voss"
    assert article.published == "2024-03-20"  # datePublished wins over dateModified
    assert article.section == "Politics"
    assert article.url == "https://nwr.example/saved-copy"
    assert article.paragraphs[0].startswith("Dravenia's energy minister, Pavel Orlicky, said")
    assert "page-title-not-used" not in article.text
    assert_clean(article)


def test_date_from_time_element_only() -> None:
    article = load("time_element_only.html")
    assert article.title == "What the Ossel dispute means for fishing towns"
    assert article.published == "2024-03-22"
    assert article.author == "Jonas Pereira"
    assert article.source is None
    assert article.url is None
    assert "Marta Ilić, who has run the cooperative for a decade" in article.text
    assert article.paragraphs[-1].startswith("Biologists at the regional university")
    assert_clean(article)


def test_opengraph_only_page_has_no_invented_date_or_author() -> None:
    article = load("opengraph_only.html")
    assert article.title == "Explainer: who uses the Ossel's water"
    assert article.source == "Basin Monitor"
    assert article.url == "https://basinmonitor.example/explainers/who-uses-the-ossel"
    assert article.author is None
    assert article.published is None
    assert article.paragraphs[0].startswith("The Ossel rises in the Dravenian highlands")
    assert len(article.paragraphs) == 5


def test_undated_page_never_gets_todays_date() -> None:
    # The body and footer mention dates and years; none of them is the publication date.
    page = (
        b"<html><head><title>Undated note</title></head><body><article>"
        b"<p>The treaty signed on 4 May 1998 set the first limits on the river, and a review was "
        b"promised for the following decade but never took place.</p>"
        b"<p>Delegates said on Monday that they would look at the 1998 text again before any "
        b"new talks, according to people familiar with the preparations.</p>"
        b"</article><footer>Copyright 2021 Example Weekly</footer></body></html>"
    )
    article = parse_html(page)
    assert article.published is None
    assert article.published != date.today().isoformat()


def test_page_without_article_text_is_refused() -> None:
    with pytest.raises(IngestError, match=r"^no article text found in the page$"):
        load("no_article.html")


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"   \n\t ",
        b"<html><head><script>var onlyScript = 1;</script></head><body></body></html>",
        b"<html><body><img src='https://example.invalid/a.png'></body></html>",
    ],
)
def test_empty_or_textless_pages_raise_ingest_error(page: bytes) -> None:
    with pytest.raises(IngestError):
        parse_html(page)


def test_scripts_iframes_styles_and_images_never_reach_the_text() -> None:
    paragraph = (
        "<p>The river commission met again on Thursday to review the latest flow readings, "
        "and its members agreed to publish the figures every week from now on.</p>"
    )
    page = (
        "<html><body><article>"
        + paragraph
        + "<script>alert('SCRIPT-BODY')</script>"
        + "<style>p { color: STYLE-BODY }</style>"
        + "<iframe src='https://evil.example/'>IFRAME-BODY</iframe>"
        + "<img src='https://tracker.example/pixel.gif' alt='IMAGE-ALT-BODY'>"
        + "<noscript>NOSCRIPT-BODY</noscript>"
        + "<object data='https://evil.example/x.swf'>OBJECT-BODY</object>"
        + paragraph.replace("Thursday", "Friday")
        + "</article></body></html>"
    ).encode()
    article = parse_html(page)
    for marker in ("SCRIPT-BODY", "STYLE-BODY", "IFRAME-BODY", "IMAGE-ALT-BODY", "NOSCRIPT-BODY"):
        assert marker not in article.text
    assert "OBJECT-BODY" not in article.text
    assert "https://" not in article.text
    assert "met again on Friday" in article.text


def test_external_entities_in_a_page_are_never_resolved() -> None:
    page = (
        b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<html><body><article><p>The commission published its weekly flow readings on "
        b"Thursday, and the numbers were lower than at any time since records began &xxe;."
        b"</p><p>Farmers said the figures confirmed what they had seen in their own fields "
        b"for weeks.</p></article></body></html>"
    )
    try:
        article = parse_html(page)
    except IngestError:
        return
    assert "root:" not in article.text


def test_deeply_nested_page_is_handled_in_bounded_time() -> None:
    depth = 100_000
    page = b"<html><body>" + b"<div>" * depth + b"<p>Deep text.</p>" + b"</div>" * depth
    started = time.monotonic()
    with contextlib.suppress(IngestError):
        parse_html(page)
    assert time.monotonic() - started < 20


def test_too_large_page_is_refused_without_parsing() -> None:
    page = b"<html><body><p>" + b"a" * (MAX_PAGE_BYTES + 1) + b"</p></body></html>"
    started = time.monotonic()
    with pytest.raises(IngestError, match="larger than"):
        parse_html(page)
    assert time.monotonic() - started < 1


def test_malformed_html_imports_what_can_be_read() -> None:
    page = (
        b"<html><head><title>Broken page</title><body><article>"
        b"<p>The first paragraph about the stalled talks is missing its closing tag and the "
        b"parser has to guess where it ends, which it does well enough for us."
        b"<p>The second paragraph <b>has <i>crossed</b> tags</i> and an unquoted <a href=x>link"
        b"<div><p>The third paragraph sits in a div that never closes, at the end of the file"
    )
    article = parse_html(page)
    assert article.title == "Broken page"
    assert article.paragraphs[0].startswith("The first paragraph about the stalled talks")
    assert "has crossed tags and an unquoted link" in article.text
    assert "<" not in article.text


def test_legacy_encoding_from_meta_charset() -> None:
    page = (
        "<html><head><meta charset='windows-1252'><title>Café owners wait</title></head><body>"
        "<article><p>Café owners along the quay said they had lost a third of their trade "
        "since the river dropped, and that tourists no longer came for the boat trips.</p>"
        "<p>« Nobody wants to sit by a mud flat », one of them said on Sunday.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    article = parse_html(page)
    assert article.title == "Café owners wait"
    assert article.paragraphs[0].startswith("Café owners along the quay")
    assert "« Nobody wants to sit by a mud flat »" in article.text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(
            st.sampled_from(
                [
                    b"<p>",
                    b"</p>",
                    b"<div>",
                    b"<script>",
                    b"</script>",
                    b"<!--",
                    b"-->",
                    b"&amp;",
                    b"<title>",
                    b"</title>",
                    b"<meta charset='utf-16'>",
                    b"\x00",
                    b"\xff\xfe",
                    b"Some words about the river.",
                    b"<![CDATA[",
                    b"]]>",
                    b"<!DOCTYPE html>",
                ]
            ),
            max_size=60,
        ).map(b"".join),
    )
)
@pytest.mark.timeout(120)
def test_any_bytes_give_an_article_or_ingest_error(data: bytes) -> None:
    try:
        article = parse_html(data)
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(article, ParsedArticle)
    assert article.paragraphs
