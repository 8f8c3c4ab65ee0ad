from __future__ import annotations

from summitreader.nlp import Analyser, Corrections
from summitreader.nlp.entities import build_entities
from summitreader.nlp.names import clean_name_span


def cleaned(name: str) -> str:
    start, end = clean_name_span(name, 0, len(name))
    return name[start:end]


def test_titles_possessives_and_furniture_are_stripped() -> None:
    assert cleaned("President Helen Marsh’s") == "Helen Marsh"
    assert cleaned("Secretary of State Omar Reyes") == "Omar Reyes"
    assert cleaned("the Harbour Board's") == "Harbour Board"
    assert cleaned("Mr Smith") == "Smith"
    assert cleaned("• Europe") == "Europe"


def test_short_forms_join_the_full_name_and_a_slip_is_outvoted() -> None:
    text = "President Helen Marsh spoke. Marsh said no. Marsh’s aides left. Marsh added more."
    spans = [(10, 21, "PERSON"), (29, 34, "ORG"), (44, 49, "ORG"), (64, 69, "ORG")]
    table = build_entities(text, spans, Corrections())
    [entity] = table.entities
    assert entity.name == "Helen Marsh"
    assert entity.type == "PERSON"
    assert [m.text for m in entity.mentions] == ["Helen Marsh", "Marsh", "Marsh", "Marsh"]
    assert all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_corrections_win_over_the_model() -> None:
    corrections = Corrections()
    corrections.add_type("Dunmore", "FAC")
    text = "Inspectors visited Dunmore on Monday."
    table = build_entities(text, [(19, 26, "PERSON")], corrections)
    assert [(e.name, e.type) for e in table.entities] == [("Dunmore", "FAC")]


def test_alias_correction_merges_names() -> None:
    corrections = Corrections()
    corrections.add_alias("U.S.", "United States")
    text = "The U.S. and the United States are one."
    table = build_entities(text, [(4, 8, "GPE"), (17, 30, "GPE")], corrections)
    [entity] = table.entities
    assert entity.name == "United States" and len(entity.mentions) == 2


def test_no_entity_across_paragraphs_numbers_or_furniture() -> None:
    text = "Talks ended.\n\nWrite to Ann Lee at ann@example.org"
    spans = [(6, 19, "ORG"), (14, 28, "PERSON"), (0, 5, "CARDINAL")]
    assert build_entities(text, spans, Corrections()).entities == ()


def test_model_entities_in_a_real_sentence(analyser: Analyser) -> None:
    text = (
        "Prime Minister Ada Kowalczyk met union leaders in Gdansk on Monday.\n\n"
        "Kowalczyk said the strike at the port would end."
    )
    names = {e.name: e for e in analyser.analyse(text).entities}
    assert names["Ada Kowalczyk"].type == "PERSON"
    assert len(names["Ada Kowalczyk"].mentions) == 2
    assert "Gdansk" in names
