"""Plain-text import: fixtures with expected metadata, real seeds, shapes, robustness."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitreader.ingest.plaintext import parse_plain_text
from summitreader.ingest.types import IngestError, ParsedArticle

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "plaintext"
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))
METADATA_FIELDS = ("title", "source", "author", "published", "dateline", "section")


def _seed(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("the shared seed articles are not available")
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[path.stem for path in FIXTURE_FILES])
def test_fixture_matches_expected(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article = parse_plain_text(path.read_text(encoding="utf-8"))

    for name in METADATA_FIELDS:
        assert getattr(article, name) == expected[name], name
    assert article.text.startswith(expected["body_starts"])
    if "body_ends" in expected:
        assert article.text.endswith(expected["body_ends"])
    if "paragraph_count" in expected:
        assert len(article.paragraphs) == expected["paragraph_count"]
    for unwanted in expected["body_must_not_contain"]:
        assert unwanted not in article.text, unwanted
    _assert_clean_paragraphs(article)


def test_fixtures_all_have_expectations() -> None:
    assert FIXTURE_FILES
    for path in FIXTURE_FILES:
        assert path.with_suffix(".json").is_file(), path.name


def _assert_clean_paragraphs(article: ParsedArticle) -> None:
    assert article.title.strip()
    assert article.paragraphs
    for paragraph in article.paragraphs:
        assert paragraph
        assert paragraph == " ".join(paragraph.split())


def test_magazine_capture_seed() -> None:
    text = _seed("000")
    article = parse_plain_text(text)
    headline = text.split("\n\n")[1].strip()

    assert article.source == "TIME"
    assert article.title == headline
    assert article.author == "Laignee Barron"
    assert article.published is None
    assert article.section is not None
    body = article.text
    first_real_paragraph = text.split("\n\n")[3].strip()
    assert body.startswith(first_real_paragraph[:60])
    for unwanted in ("More Must-Reads", "Write to", "minute read", "Originally published", "•"):
        assert unwanted not in body
    _assert_clean_paragraphs(article)


def test_wire_story_seed() -> None:
    text = _seed("001")
    article = parse_plain_text(text)
    first_line = text.split("\n", 1)[0].strip()
    lead = text.split("\n\n")[1].strip()

    assert article.source == "AP"
    assert article.published == "2024-07-11"
    assert article.dateline == "HANOI, Vietnam"
    assert article.title
    assert not article.title.startswith(first_line)
    assert len(article.title) <= 91
    assert article.paragraphs[0] == " ".join(lead.split())
    assert not article.text.startswith(first_line)
    _assert_clean_paragraphs(article)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n", "\x00\x01"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(IngestError, match="the file is empty"):
        parse_plain_text(text)


def test_only_furniture_is_refused() -> None:
    with pytest.raises(IngestError):
        parse_plain_text("Advertisement\n\nShare this article\n\n4 minute read\n")


@pytest.mark.parametrize(
    ("first_line", "published"),
    [
        ("11 July 2024", "2024-07-11"),
        ("July 11, 2024", "2024-07-11"),
        ("2024-07-11", "2024-07-11"),
        ("Thursday, July 11, 2024 10:32 AM", "2024-07-11"),
        ("July 11, 2024 10:32 AM EDT", "2024-07-11T10:32:00-04:00"),
        ("Thu 11 Jul 2024 14.05 BST", "2024-07-11T14:05:00+01:00"),
    ],
)
def test_date_first_line_becomes_published(first_line: str, published: str) -> None:
    lead = "KYIV, Ukraine (AP) — A lead sentence about a storm arrives here. More."
    text = f"{first_line}\n\n{lead}\n"
    article = parse_plain_text(text)
    assert article.published == published
    assert article.dateline == "KYIV, Ukraine"
    assert article.title == "A lead sentence about a storm arrives here"


@pytest.mark.parametrize(
    ("lead", "dateline", "source"),
    [
        ("LONDON (Reuters) - Prices rose sharply in March.", "LONDON", "Reuters"),
        ("PARIS (AFP) — Prices rose sharply in March.", "PARIS", "AFP"),
        ("NEW YORK, N.Y. (AP) — Prices rose sharply in March.", "NEW YORK, N.Y.", "AP"),
        ("OSLO, Norway, March 1 (Reuters) - Prices rose sharply.", "OSLO, Norway", "Reuters"),
        ("WASHINGTON — Prices rose sharply in March.", "WASHINGTON", None),
    ],
)
def test_datelines(lead: str, dateline: str, source: str | None) -> None:
    article = parse_plain_text(lead + "\n\nA second paragraph follows the lead.\n")
    assert article.dateline == dateline
    assert article.source == source
    assert article.paragraphs[0] == lead
    assert article.title.startswith("Prices rose sharply")


def test_no_dateline_for_ordinary_sentence_with_dash() -> None:
    article = parse_plain_text("The deal — signed on Monday — has collapsed, officials said.\n")
    assert article.dateline is None
    assert article.source is None


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("By JANE DOE", "Jane Doe", None),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe", None),
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("By Jane Doe, Political correspondent", "Jane Doe", None),
        ("By Maria de la Cruz | March 1, 2019", "Maria de la Cruz", None),
    ],
)
def test_bylines(byline: str, author: str, source: str | None) -> None:
    text = f"A Headline About Rates\n\n{byline}\n\nThe body of the story starts here and goes on.\n"
    article = parse_plain_text(text)
    assert article.author == author
    assert article.source == source
    assert article.text == "The body of the story starts here and goes on."


def test_sentence_starting_with_by_stays_in_body() -> None:
    text = "A Headline About Rates\n\nBy the time the talks ended, nobody was left.\n"
    article = parse_plain_text(text)
    assert article.author is None
    assert article.text == "By the time the talks ended, nobody was left."


def test_sentence_starting_with_published_stays_in_body() -> None:
    body = "Published reports said the bridge would reopen in May."
    article = parse_plain_text(f"Bridge News\n\n{body}\n")
    assert article.published is None
    assert article.text == body


@pytest.mark.parametrize(
    ("domain", "source"),
    [
        ("time.com", "TIME"),
        ("nytimes.com", "The New York Times"),
        ("example-news.org", "Example News"),
        ("mail.koreaherald.com", "The Korea Herald"),
        ("some-daily.co.uk", "Some Daily"),
    ],
)
def test_source_from_contact_email(domain: str, source: str) -> None:
    footer = f"Write to Ann Poe at ann@{domain}"
    text = f"Some Headline Here\n\nThe body text of the story.\n\n{footer}\n"
    article = parse_plain_text(text)
    assert article.source == source
    assert article.author == "Ann Poe"
    assert "Write to" not in article.text


def test_headline_with_period_is_not_a_headline_unless_title_case() -> None:
    sentence = "Officials said the talks would resume next week."
    article = parse_plain_text(f"{sentence}\n\nAnother paragraph of text.\n")
    assert article.paragraphs[0] == sentence
    assert article.title == "Officials said the talks would resume next week"


def test_single_headline_only_file_still_has_a_body() -> None:
    article = parse_plain_text("Just A Headline\n")
    assert article.title == "Just A Headline"
    assert article.paragraphs == ("Just A Headline",)


def test_long_title_is_cut_at_word_boundary() -> None:
    lead = " ".join(["word"] * 60) + "."
    article = parse_plain_text(lead)
    assert article.title.endswith("…")
    assert len(article.title) <= 91
    assert not article.title[:-1].endswith(" ")
    assert article.title[:-1].split()[-1] == "word"


def test_windows_newlines_and_nbsp_are_normalised() -> None:
    article = parse_plain_text("Headline Here\r\n\r\nBody\u00a0text  with\tgaps.\r\n")
    assert article.paragraphs == ("Body text with gaps.",)


def test_large_text_parses_quickly() -> None:
    paragraph = (
        "Officials from both delegations met again on Tuesday to discuss the schedule, "
        "and said afterwards that progress had been slow but steady. "
    ) * 4
    text = "A Headline For A Long File\n\n" + "\n\n".join([paragraph.strip()] * 9500)
    assert len(text) > 5_000_000
    started = time.perf_counter()
    article = parse_plain_text(text)
    elapsed = time.perf_counter() - started
    assert len(article.paragraphs) == 9500
    assert elapsed < 10


def test_large_hard_wrapped_text_parses_quickly() -> None:
    paragraph = textwrap.fill(
        "Delegates returned to the hall after a short break and the chair read out a revised "
        "timetable, which several of them said they had not seen before the session began. " * 3,
        70,
    )
    text = "\n\n".join([paragraph] * 16_000)
    assert len(text) > 5_000_000
    started = time.perf_counter()
    article = parse_plain_text(text)
    assert time.perf_counter() - started < 10
    assert len(article.paragraphs) == 16_000
    assert "\n" not in article.paragraphs[0]


def test_pathological_lines_parse_quickly() -> None:
    text = "(" * 1_000_000 + "\n" + "By " + "A " * 200_000 + "\n" + "-" * 1_000_000
    started = time.perf_counter()
    parse_plain_text(text)
    assert time.perf_counter() - started < 10


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_an_article_or_ingest_error(text: str) -> None:
    try:
        article = parse_plain_text(text)
    except IngestError:
        return
    _assert_clean_paragraphs(article)


_LINE_PIECES = st.sampled_from(
    [
        "• World",
        "Advertisement",
        "By Jane Doe",
        "July 11, 2024",
        "Updated: | Originally published: ;",
        "HANOI (AP) — Text.",
        "More from TIME",
        "Write to A B at a@b.com",
        "(Reporting by X Y)",
        "© 2019",
        "Short Headline",
        "A sentence that ends with a period.",
        "",
        " ",
        "—",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINE_PIECES, st.text(max_size=40)), max_size=20))
def test_news_shaped_text_gives_an_article_or_ingest_error(lines: list[str]) -> None:
    try:
        article = parse_plain_text("\n".join(lines))
    except IngestError:
        return
    _assert_clean_paragraphs(article)


def test_contact_sentence_in_body_is_kept() -> None:
    body = "Contact the box office at tickets@example.org for returns, the theatre said."
    article = parse_plain_text(f"Theatre Reopens\n\n{body}\n")
    assert article.text == body
    assert article.source is None


def test_agency_only_byline_and_boilerplate_copyright() -> None:
    text = (
        "Storm Closes Schools\n\nBy The Associated Press\n\nSchools stayed shut on Monday.\n\n"
        "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.\n"
    )
    article = parse_plain_text(text)
    assert article.source == "AP"
    assert article.author is None
    assert article.text == "Schools stayed shut on Monday."


def test_posted_line_with_author() -> None:
    text = "Storm Closes Schools\n\nPosted on March 1, 2019 by Jane Doe\n\nSchools stayed shut.\n"
    article = parse_plain_text(text)
    assert article.published == "2019-03-01"
    assert article.author == "Jane Doe"
    assert article.text == "Schools stayed shut."


def test_originally_published_beats_updated() -> None:
    dates = "Updated: July 12, 2024 | Published: July 10, 2024 | Originally published: July 9, 2024"
    article = parse_plain_text(f"Storm Closes Schools\n\n{dates}\n\nSchools stayed shut.\n")
    assert article.published == "2024-07-09"


def test_ambiguous_or_yearless_dates_are_not_guessed() -> None:
    for line in ("Published: March 1", "Published: March 2019"):
        article = parse_plain_text(f"Storm Closes Schools\n\n{line}\n\nSchools stayed shut.\n")
        assert article.published is None


def test_paragraph_per_line_without_blank_lines() -> None:
    lines = [
        "Short Headline Here",
        "The first paragraph is a full sentence that ends with a period.",
        "The second paragraph is another sentence.",
        "A third one, short.",
    ]
    article = parse_plain_text("\n".join(lines))
    assert article.title == lines[0]
    assert article.paragraphs == tuple(lines[1:])


def test_outlet_line_under_byline() -> None:
    text = "Storm Closes Schools\n\nBy Priya Nair\nBBC News, Seoul\n\nSchools stayed shut.\n"
    article = parse_plain_text(text)
    assert article.author == "Priya Nair"
    assert article.source == "BBC News"
    assert article.text == "Schools stayed shut."
