"""Markdown with and without front matter, markup reduced to text, bad and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.ingest.markdown import parse_markdown
from summitreader.ingest.types import IngestError, ParsedArticle

FIXTURES = Path(__file__).parents[2] / "fixtures" / "markdown"


def load(name: str) -> ParsedArticle:
    return parse_markdown((FIXTURES / name).read_text(encoding="utf-8"))


def test_front_matter_gives_metadata_and_markup_becomes_text() -> None:
    article = load("with_front_matter.md")
    assert article.title == "Mediator sets a date for new river talks"
    assert article.source == "Northern Wire Review"
    assert article.author == "Katrin Voss"
    assert article.published == "2024-03-25"
    assert article.url == "https://nwr.example/politics/new-river-talks"
    assert article.tags == ("Varenne summit", "mediation")
    assert article.paragraphs == (
        "The mediator of the Ossel talks, Aldo Brenner, said on Monday that the three delegations "
        "would meet again on 15 April, this time in the lakeside town of Kralin.",
        "A smaller table",
        "Brenner said the new round would be held with smaller teams and without the ministers, "
        "who would join only if the technical groups reached a draft.",
        '"We need fewer speeches and more hydrology," he told reporters.',
        "Lissora welcomed the date.",
        "Dravenia said it would attend.",
        "Kesmark has not yet replied. Officials expect an answer this week.",
    )
    for markup in ("**", "*", "](", "https://", "![", "#", ">", "MD-SCRIPT", "alert"):
        assert markup not in article.text


def test_first_level_one_heading_is_the_title_without_front_matter() -> None:
    article = load("heading_title.md")
    assert article.title == "Salt line reaches the old ferry pier"
    assert article.paragraphs[0].startswith("Measurements on Thursday put the salt line")
    assert article.paragraphs[1] == "What the fishermen say"
    assert article.paragraphs[3] == "A second top-level heading stays in the body"
    assert article.published is None and article.source is None


def test_without_any_title_the_opening_sentence_stands_in() -> None:
    article = load("no_front_matter_no_heading.md")
    expected = (
        "The ferry between Kralin and Ostrava Bay resumed on Saturday after its winter break."
    )
    assert article.title == expected
    assert article.paragraphs[0].startswith(expected)  # the body keeps the sentence
    assert len(article.paragraphs) == 2


def test_bad_yaml_front_matter_is_a_one_line_error_naming_the_line() -> None:
    with pytest.raises(IngestError, match=r"^the front matter is not valid YAML at line 2$"):
        load("bad_yaml.md")


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("- just\n- a list\n", "key: value"),
        ("title:\n  nested: mapping\n", "'title' must be a single value"),
        ("date: sometime soon\n", "is not a date"),
        ("date: March 2024\n", "lacks a year, month or day"),
        ("tags: {a: b}\n", "'tags' must be a list"),
    ],
)
def test_front_matter_with_wrong_shapes_is_refused(front_matter: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        parse_markdown(f"---\n{front_matter}---\nSome body text.\n")


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("2024-03-25", "2024-03-25"),
        ("'25 March 2024'", "2024-03-25"),
        ("2024-03-25 09:30:00+02:00", "2024-03-25T09:30:00+02:00"),
        ("'March 25, 2024 at 9:30'", "2024-03-25T09:30:00"),
    ],
)
def test_front_matter_dates(value: str, published: str) -> None:
    article = parse_markdown(f"---\ntitle: T\ndate: {value}\n---\nBody.\n")
    assert article.published == published


def test_comma_separated_tags_and_empty_front_matter() -> None:
    article = parse_markdown("---\ntags: rivers, dams ,  rivers\n---\nBody.\n")
    assert article.tags == ("rivers", "dams")
    assert parse_markdown("---\n---\n# Title\n\nBody.\n").title == "Title"


def test_yaml_alias_bomb_in_front_matter_is_refused_quickly() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 9):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    levels.append("title: *i")
    with pytest.raises(IngestError, match="'title' must be a single value"):
        parse_markdown("---\n" + "\n".join(levels) + "\n---\nBody.\n")


def test_raw_html_blocks_are_read_as_text_without_scripts() -> None:
    text = (
        "# Title\n\n<div class='box'>\n<p>Inside a raw block.</p>\n"
        "<iframe src='https://x.example'>FRAME</iframe>\n</div>\n\n"
        "<script>\nalert('BLOCK-SCRIPT')\n</script>\n\nAfter the block.\n"
    )
    article = parse_markdown(text)
    assert article.paragraphs == ("Inside a raw block.", "After the block.")


def test_code_and_tables_become_plain_paragraphs() -> None:
    text = "Intro.\n\n| Country | Share |\n|---|---|\n| Lissora | 60% |\n\n    indented code\n"
    article = parse_markdown(text)
    assert article.paragraphs == ("Intro.", "Country | Share", "Lissora | 60%", "indented code")


@pytest.mark.parametrize("text", ["", "   \n\n", "---\ntitle: Only metadata\n---\n", "![x](y.png)"])
def test_no_text_is_refused(text: str) -> None:
    with pytest.raises(IngestError, match="no text found"):
        parse_markdown(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=1500),
        st.lists(
            st.sampled_from(
                [
                    b"---\n",
                    b"title: ",
                    b"date: ",
                    b"tags: ",
                    b"[",
                    b"]",
                    b"{",
                    b"&a ",
                    b"*a",
                    b"!!python/object:os.system ",
                    b"# ",
                    b"**",
                    b"[link](http://x)",
                    b"<script>",
                    b"</script>",
                    b"\n",
                    b"\n\n",
                    b"2024-13-45",
                    b"Words of text.",
                    b"\x00",
                ]
            ),
            max_size=60,
        ).map(b"".join),
    )
)
@pytest.mark.timeout(120)
def test_any_input_gives_an_article_or_ingest_error(data: bytes) -> None:
    try:
        article = parse_markdown(data.decode("utf-8", errors="replace"))
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert article.paragraphs and all(article.paragraphs)
    assert all("\n" not in paragraph for paragraph in article.paragraphs)
