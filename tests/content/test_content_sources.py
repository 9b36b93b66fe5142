"""Sources and the interview topics: every function entry and every claim card names where it
can be checked, user decks may add a `source`, and the new cards cover what interviews ask."""

from __future__ import annotations

import pytest

from quizapp import engine
from quizapp.content import Deck, load_deck, load_library
from quizapp.content.schema import deck_file_json_schema

NEW_SECTION = "what-interviews-ask"

# The interview topics of issue 10 §3, most frequent first, and cards that cover each.
TOPICS: dict[str, tuple[str, ...]] = {
    "output activation, task and loss": (
        "iq-output-activation-loss",
        "mc-multi-label-output",
        "mc-losses-take-logits",
    ),
    "derive σ′ and tanh′": ("iq-derive-sigmoid-tanh", "mc-sigmoid-derivative-max"),
    "softmax + cross-entropy gradient": ("iq-softmax-cross-entropy-gradient",),
    "stable softmax / log-sum-exp": ("iq-stable-softmax", "mc-scale-sensitive"),
    "initialisation pairing": ("iq-init-pairing", "mc-relu-initialisation"),
    "remedies beyond the activation": ("iq-vanishing-remedies", "mc-gradient-clipping"),
    "dead ReLU": ("iq-dying-relu", "def-dead-vs-inactive", "mc-dead-relu-diagnosis"),
    "sigmoid vs softmax": ("iq-sigmoid-vs-softmax", "mc-two-class-softmax"),
    "GLU family": ("iq-glu-family", "mc-swiglu-llms", "formula-swiglu"),
    "zero-centred outputs": ("iq-zero-centred",),
    "ReLU is non-linear": ("iq-relu-nonlinear", "mc-relu-is-nonlinear"),
    "sparsity": ("def-sparse-activation",),
    "saturation and batch norm": ("iq-saturation-batch-norm",),
    "temperature and attention scaling": ("iq-softmax-temperature", "mc-softmax-scale"),
    "activation memory and the kink at 0": (
        "iq-activation-memory",
        "mc-relu-gradient-at-zero",
        "mc-backward-from-output",
    ),
}


@pytest.fixture(scope="module")
def deck() -> Deck:
    library = load_library(None)
    assert library.problems == []
    return library.deck("activation-functions")


def test_every_function_entry_and_every_correction_has_a_source(deck: Deck) -> None:
    for function in deck.functions:
        assert function.source, function.activation
        formula_card = next(c for c in deck.cards if c.id == function.card_ids[0])
        assert formula_card.source == function.source
        for correction in function.corrections:
            assert correction.source, (function.activation, correction.claim)


def test_the_gated_units_join_the_function_entries(deck: Deck) -> None:
    gated = {f.activation: f for f in deck.functions if f.activation in engine.gated_names()}
    assert sorted(gated) == ["geglu", "glu", "swiglu"]
    assert "σ(b)" in gated["glu"].formula and "GELU(b)" in gated["geglu"].formula
    assert "SiLU(b)" in gated["swiglu"].formula
    assert all(entry.beyond_cheatsheet for entry in gated.values())


def test_at_least_fifteen_new_cards_cover_the_topics_each_with_a_source(deck: Deck) -> None:
    new = [c for c in deck.cards if c.section == NEW_SECTION]
    assert len([c for c in new if c.kind in ("interview", "definition", "choice")]) >= 15
    assert all(c.source for c in new), [c.id for c in new if not c.source]
    ids = {c.id for c in deck.cards}
    for topic, card_ids in TOPICS.items():
        assert set(card_ids) <= ids, topic
        assert all(next(c for c in deck.cards if c.id == i).source for i in card_ids), topic


def test_interview_model_answers_come_with_the_points_an_interviewer_listens_for(
    deck: Deck,
) -> None:
    for card in deck.cards:
        if card.kind == "interview" and card.section == NEW_SECTION:
            assert len(card.key_points) >= 3, card.id
            assert len(card.back.split()) >= 60, card.id
    choosing = next(c for c in deck.cards if c.id == "iq-choosing-factors")
    for point in ("output", "initialisation", "Transformers", "mobile"):
        assert point in choosing.back
    assert len(choosing.key_points) >= 5


def test_choice_cards_beyond_the_cheatsheet_name_a_source(deck: Deck) -> None:
    sections = {"beyond-the-cheatsheet", NEW_SECTION}
    for card in deck.cards:
        if card.kind == "choice" and card.section in sections:
            assert card.source, card.id


def test_a_user_deck_may_name_a_source_or_not(write_deck) -> None:
    folder = write_deck(
        "mine",
        {
            "a.yaml": """
            cards:
              - kind: choice
                id: with-source
                question: Which?
                options: [A, B]
                answer: A
                source: Somebody et al. 2020
              - kind: definition
                id: without-source
                term: T
                meaning: M
            """
        },
    )
    cards = {c.id: c for c in load_deck(folder).cards}
    assert cards["with-source"].source == "Somebody et al. 2020"
    assert cards["without-source"].source is None


def test_the_json_schema_documents_source_cheatsheet_and_corrections() -> None:
    definitions = deck_file_json_schema()["$defs"]
    for model in ("ChoiceCard", "InterviewCard", "DefinitionCard", "FunctionSpec"):
        source = definitions[model]["properties"]["source"]
        assert "paper or framework doc" in source["description"]
        assert "source" not in definitions[model].get("required", [])
    assert "cheatsheet" in definitions["DefinitionSpec"]["properties"]
    assert "cheatsheet" in definitions["ParagraphBlock"]["properties"]
    correction = definitions["CorrectionSpec"]
    assert set(correction["required"]) == {"claim", "correction", "source"}
