"""The cheatsheet's loose claims are corrected in the bundled deck, and no card asks them.

Each test pins one correction of the deck review (issue 10 §1); the cheatsheet's wording may
stay only as a quote marked as its simplification, with the correction beside it.
"""

from __future__ import annotations

import pytest

from quizapp.content import (
    ActivationFunction,
    BulletList,
    Card,
    Deck,
    Paragraph,
    QuestionList,
    load_library,
)
from quizapp.content.sections import CORRECTION_MARK


@pytest.fixture(scope="module")
def deck() -> Deck:
    library = load_library(None)
    assert library.problems == []
    return library.deck("activation-functions")


def card(deck: Deck, card_id: str) -> Card:
    return next(c for c in deck.cards if c.id == card_id)


def entry(deck: Deck, activation: str) -> ActivationFunction:
    return deck.function(activation)


def folded(text: str) -> str:
    return " ".join(text.casefold().split())


def quoted_claims(deck: Deck) -> set[str]:
    """Every wording the deck keeps only as the cheatsheet's quote or as a corrected claim."""
    claims = {item.claim for function in deck.functions for item in function.corrections}
    for section in deck.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                claims.add(block.cheatsheet)
            elif isinstance(block, BulletList | QuestionList):
                claims.update(item.cheatsheet for item in block.items)
    return {folded(claim) for claim in claims if claim}


def test_no_card_asks_or_keys_a_claim_the_deck_corrects(deck: Deck) -> None:
    claims = quoted_claims(deck)
    assert len(claims) >= 10
    for each in deck.cards:
        keyed = each.options[each.answer_index] if each.answer_index is not None else each.back
        assert folded(keyed) not in claims, each.id
        assert folded(each.front) not in claims, each.id


def test_without_activations_the_network_is_one_affine_map_not_linear_regression(
    deck: Deck,
) -> None:
    (paragraph,) = [b for b in deck.section("overview").blocks if isinstance(b, Paragraph)]
    assert "linear regression" in paragraph.cheatsheet
    assert "linear regression" not in paragraph.text
    assert "(W₂W₁)x + (W₂b₁ + b₂)" in paragraph.text
    assert "single linear layer" in paragraph.text
    assert paragraph.source
    choice = card(deck, "mc-without-activation")
    assert choice.options[choice.answer_index].startswith("A single affine layer")
    assert not any("linear regression" in option.lower() for option in choice.options)


def test_activation_is_a_function_of_the_pre_activation_and_the_gate_only_a_metaphor(
    deck: Deck,
) -> None:
    definition = card(deck, "def-activation-function")
    assert "pre-activation z = w·x + b" in definition.back
    assert "metaphor" in definition.back
    assert "determines whether a neuron should be" not in definition.back
    assert card(deck, "def-activation-function:reverse").front == definition.back


def test_it_is_the_pre_activation_that_crosses_a_threshold_and_only_for_some_units(
    deck: Deck,
) -> None:
    for card_id in ("concept-neuron-activation", "concept-neuron-activation:reverse"):
        text = card(deck, card_id)
        shown = text.back if card_id.endswith("activation") else text.front
        assert "biological analogy" in shown
        assert "pre-activation" in shown
        assert "sigmoid, tanh and GELU respond gradually" in shown
        assert "activation function exceeds" not in shown


def test_relu_does_not_explode_gradients_its_activations_are_unbounded(deck: Deck) -> None:
    fix = entry(deck, "relu").correction("Can explode gradients in some cases.")
    assert fix is not None and fix.source
    assert "derivative is 0 or 1" in fix.text and "unbounded" in fix.text
    choice = card(deck, "mc-can-explode")
    assert choice.options[choice.answer_index].startswith("Products of large weight matrices")
    assert "ReLU" not in choice.options


def test_leaky_relus_real_weaknesses(deck: Deck) -> None:
    fix = entry(deck, "leaky_relu").correction(
        "Can still suffer from vanishing gradients if the leak is too small."
    )
    assert fix is not None
    for weakness in ("hyperparameter", "learns slowly", "depend on α and the task", "sparsity"):
        assert weakness in fix.text
    choice = card(deck, "mc-leaky-relu-weakness")
    assert "hyperparameter" in choice.options[choice.answer_index]
    assert "vanishing" not in choice.options[choice.answer_index]


def test_softmax_overflow_and_scale_sensitivity_are_told_apart(deck: Deck) -> None:
    softmax = entry(deck, "softmax")
    fix = softmax.correction(
        "Sensitive to the scale of the inputs (can lead to numerical instability if inputs are "
        "very large)."
    )
    assert fix is not None
    assert "subtracting the largest logit" in fix.text
    assert "shift-invariant" in fix.text and "not scale-invariant" in fix.text
    assert "√d_k" in fix.text
    overflow = card(deck, "mc-scale-sensitive")
    assert (
        overflow.options[overflow.answer_index]
        == "Subtract the largest logit from every logit first"
    )
    scale = card(deck, "mc-softmax-scale")
    assert "not scale-invariant" in scale.options[scale.answer_index]


def test_softmax_is_standard_not_essential_and_written_with_exp(deck: Deck) -> None:
    softmax = entry(deck, "softmax")
    fix = softmax.correction("Essential for multi-class classification.")
    assert fix is not None and "not essential" in fix.text and "sigmoid" in fix.text
    assert softmax.formula == "softmax(xᵢ) = exp(xᵢ) / Σⱼ exp(xⱼ)"
    assert card(deck, "formula-softmax").back.startswith("softmax(xᵢ) = exp(xᵢ) / Σⱼ exp(xⱼ)")
    assert "eˣⁱ" not in entry(deck, "log_softmax").formula


def test_nlp_names_lstm_gates_and_transformer_activations(deck: Deck) -> None:
    nlp = card(deck, "app-nlp")
    assert "sigmoid for their gates" in nlp.back and "softmax in attention" in nlp.back
    lstm = card(deck, "mc-app-nlp-activations")
    assert lstm.options[lstm.answer_index].startswith("Sigmoid for the input, forget and output")
    assert "Sigmoid and Softmax" not in lstm.options
    transformer = card(deck, "mc-transformer-activations")
    assert transformer.options[transformer.answer_index].startswith("Softmax over the attention")


def test_prelu_overfitting_is_a_small_data_risk_alpha_per_channel_no_weight_decay(
    deck: Deck,
) -> None:
    fix = entry(deck, "prelu").correction(
        "Introduces an extra parameter to learn, which can increase the risk of overfitting."
    )
    assert fix is not None
    for fact in ("small datasets", "per channel", "0.25", "no weight decay"):
        assert fact in fix.text
    assert "weight decay" in card(deck, "mc-overfitting-parameter").front


def test_gelu_defaults_per_framework(deck: Deck) -> None:
    weaknesses = " ".join(entry(deck, "gelu").weaknesses)
    assert "torch.nn.GELU, tf.nn.gelu and keras.activations.gelu use the exact" in weaknesses
    assert "jax.nn.gelu and keras.ops.gelu default to the tanh approximation" in weaknesses


def test_swish_has_a_beta_and_silu_is_beta_one(deck: Deck) -> None:
    assert "Swish is x·σ(βx)" in entry(deck, "silu").note
    assert "SiLU is Swish with β = 1" in card(deck, "formula-silu").back


def test_hard_sigmoid_names_both_definitions(deck: Deck) -> None:
    back = card(deck, "formula-hard-sigmoid").back
    assert "ReLU6(x + 3) / 6" in back
    assert "x/6 + 1/2" in back and "clip(0.2x + 0.5, 0, 1)" in back


def test_choice_questions_do_not_give_their_answer_away_or_offer_a_right_distractor(
    deck: Deck,
) -> None:
    assert "min(max(0, x), 6)" not in card(deck, "mc-mobilenet-bounded").front
    assert "Softmax" not in card(deck, "mc-more-expensive-than-relu").options


def test_dying_relu_means_zero_for_every_input_and_inactive_is_sparsity(deck: Deck) -> None:
    dying = card(deck, "iq-dying-relu")
    assert "for every input" in dying.back and "sparsity" in dying.back
    for topic in ("learning rate", "negative bias", "initialisation", "over an epoch"):
        assert topic in dying.back
    assert any("Dead means zero for every input" in point for point in dying.key_points)
    assert "every input" in card(deck, "def-dead-vs-inactive").back


def test_the_table_shows_each_correction_beside_the_cheatsheets_point(deck: Deck) -> None:
    (table,) = [b for b in deck.section("strengths-weaknesses").blocks if b.kind == "table"]
    relu = next(row for row in table.rows if row[0] == "ReLU")
    lines = relu[2].splitlines()
    explode = lines.index("Can explode gradients in some cases.")
    assert lines[explode + 1].startswith(f"{CORRECTION_MARK} ReLU itself never amplifies")


def test_facts_checked_against_their_sources(deck: Deck) -> None:
    """Review of 2026-12-01: claims a learner was drilled on that the primary sources contradict."""
    hard_sigmoid = entry(deck, "hard_sigmoid")
    assert "Keras 3 (keras.activations and keras.ops)" in hard_sigmoid.note
    choosing = card(deck, "iq-choosing-factors").back
    assert "hard-swish" in choosing and "ranges bounded" not in " ".join(choosing.split())
    pairing = " ".join(card(deck, "iq-init-pairing").back.split())
    assert "PyTorch adds a gain" not in pairing and "second moment" in pairing
    dying = " ".join(card(deck, "iq-dying-relu").back.split())
    assert "its slope αeˣ fades" in dying
    tanh = card(deck, "mc-tanh-weakness")
    assert "Computationally more expensive than ReLU." not in tanh.options
    cnn = card(deck, "mc-app-cnn-activations")
    assert "Tanh and ReLU (with variations)" not in cnn.options
    sigmoid = entry(deck, "sigmoid").correction(
        "Prone to vanishing gradients (especially for very large or very small inputs)."
    )
    assert sigmoid is not None and "very negative" in sigmoid.text
