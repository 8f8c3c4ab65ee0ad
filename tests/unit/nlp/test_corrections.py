from __future__ import annotations

from pathlib import Path

from summitreader.nlp import Corrections, shipped_corrections_path, vote_type


def test_later_rows_win_and_comments_are_skipped(tmp_path: Path) -> None:
    first = tmp_path / "a.tsv"
    second = tmp_path / "b.tsv"
    first.write_text("# shipped\nRiverton\tORG\nNK\tNorth Korea\n", encoding="utf-8")
    second.write_text("Riverton\tGPE  # the town, not the club\n", encoding="utf-8")
    corrections = Corrections.load(first, second, tmp_path / "missing.tsv")
    assert corrections.type_for("riverton") == "GPE"
    assert corrections.canonical_for("NK") == "North Korea"


def test_save_round_trips(tmp_path: Path) -> None:
    corrections = Corrections()
    corrections.add_type("Yellow Harbour", "FAC")
    corrections.add_alias("Y.H.", "Yellow Harbour")
    path = tmp_path / "lib" / "corrections.tsv"
    corrections.save(path)
    loaded = Corrections.load(path)
    assert loaded.type_for("Yellow Harbour") == "FAC"
    assert loaded.canonical_for("Y.H.") == "Yellow Harbour"


def test_vote_type_counts_and_corrections() -> None:
    corrections = Corrections()
    assert vote_type({"ORG": 2, "PERSON": 5}, corrections, "Lena Ortiz") == "PERSON"
    assert vote_type({"ORG": 1, "PERSON": 1}, corrections, "Tie") == "PERSON"
    corrections.add_type("Lena Ortiz", "ORG")
    assert vote_type({"PERSON": 5}, corrections, "Lena Ortiz") == "ORG"


def test_shipped_file_exists_and_fixes_a_known_slip() -> None:
    shipped = Corrections.load(shipped_corrections_path())
    assert shipped.type_for("Yongbyon") in {"FAC", "GPE", "LOC"}
