from __future__ import annotations

import pytest

from summitreader.export.filenames import MAX_BYTES, safe_filename, unique_filename


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks fail: what now?", "Talks fail - what now"),
        ("Lisbon/Madrid\\Brussels", "Lisbon - Madrid - Brussels"),
        ('Who said "no"?', "Who said 'no'"),
        ("Line\nbreak\tand <tags>*", "Line break and tags"),
        ("  ...  ", "untitled"),
        ("", "untitled"),
        ("Ends with dots...", "Ends with dots"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("Acordo 🇵🇹 – Ribeiro’s “deal”", "Acordo 🇵🇹 – Ribeiro’s “deal”"),
    ],
)
def test_safe_filename(title: str, expected: str) -> None:
    assert safe_filename(title) == expected


def test_long_titles_fit_in_bytes_and_cut_between_words() -> None:
    title = "Ministério " * 40
    name = safe_filename(title)
    assert len(name.encode("utf-8")) <= MAX_BYTES
    assert name.endswith("Ministério")


def test_a_long_word_without_spaces_is_cut_inside_it_but_never_inside_a_character() -> None:
    name = safe_filename("é" * 200)
    assert name == "é" * (MAX_BYTES // 2)


def test_unique_filename_numbers_duplicates_ignoring_case() -> None:
    taken: set[str] = set()
    assert unique_filename("Talks", taken) == "Talks.md"
    assert unique_filename("talks", taken) == "talks (2).md"
    assert unique_filename("Talks?", taken) == "Talks (3).md"
    assert unique_filename("Other", taken, extension=".json") == "Other.json"
    assert len(taken) == 4
