"""Context decides what a name is: appositions, roles, offices, head words."""

from __future__ import annotations

from summitreader.nlp import Analyser, Corrections
from summitreader.nlp.entities import build_entities
from summitreader.nlp.evidence import apposition_type, evidence_spans


def test_apposition_types() -> None:
    text = "Rui Pena, a geologist at the Porto Institute, spoke."
    assert apposition_type(text, len("Rui Pena")) == "PERSON"
    text = "Agua Limpa, a campaign group with members in both countries, protested."
    assert apposition_type(text, len("Agua Limpa")) == "ORG"
    text = "Dina Sola, the Porto Institute geologist whose maps were used, spoke."
    assert apposition_type(text, len("Dina Sola")) == "PERSON"
    text = "The Douro, the river that crosses the border, ran low."
    assert apposition_type(text, len("The Douro")) == "LOC"


def test_split_name_with_apposition_becomes_one_person() -> None:
    text = "Rui Pena, a geologist at the Porto Institute, spoke. Pena said the rocks were dry."
    spans = [(0, 3, "GPE"), (4, 8, "GPE")]
    table = build_entities(text, spans, Corrections())
    people = {e.name: e for e in table.entities if e.type == "PERSON"}
    assert "Rui Pena" in people
    assert len(people["Rui Pena"].mentions) == 2  # the surname alone joins the full name


def test_name_after_an_office_loses_the_office() -> None:
    text = "The talks were led by Secretary of State for Energy Olga Marin, who arrived late."
    names = [text[s:e] for s, e, label in evidence_spans(text) if label == "PERSON"]
    assert names == ["Olga Marin"]


def test_organisation_head_word_and_description_win() -> None:
    text = "Dana Ruiz of the farmers' union Terra Viva said the deal was poor."
    table = build_entities(text, [(0, 9, "ORG"), (33, 43, "PERSON")], Corrections())
    types = {e.name: e.type for e in table.entities}
    assert types["Dana Ruiz"] == "PERSON"
    assert types["Terra Viva"] == "ORG"


def test_place_that_says_things_is_not_a_speaker(analyser: Analyser) -> None:
    text = (
        "Farmers near Braga met in Braga on Monday. Braga says the plan is unfair.\n\n"
        "“We will not sign,” said Telmo Vaz, a farmer from Braga. “Not this year.”"
    )
    result = analyser.analyse(text)
    assert [q.speaker for q in result.quotes] == ["Telmo Vaz", "Telmo Vaz"]
