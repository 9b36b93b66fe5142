"""Terse "label: value" pairings found in an answer's tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizapp.explain.pairing import FRAGMENT_WORDS, LABEL_WORDS, pairing_at
from quizapp.explain.sense import name_of
from quizapp.explain.text import tokenize


def sides(answer: str, word: str) -> tuple[str, str] | None:
    tokens = tokenize(answer)
    at = next(at for at, token in enumerate(tokens) if token.form == word)
    found = pairing_at(tokens, at, name_of)
    if found is None:
        return None
    return (
        " ".join(tokens[i].form for i in found.label),
        " ".join(tokens[i].form for i in found.value),
    )


def test_a_colon_an_arrow_and_an_equals_between_names_pair_their_sides() -> None:
    assert sides("Binary: sigmoid + BCE, multi-label: softmax.", "softmax") == (
        "multi label",
        "softmax",
    )
    assert sides("ReLU → He init, tanh → Xavier", "he") == ("relu", "he initialisation")
    assert sides("tanh = Xavier", "tanh") == ("tanh", "xavier")
    assert sides("Multi-label – sigmoid per label", "sigmoid") == (
        "multi label",
        "sigmoid per label",
    )


def test_formulas_assignments_and_long_introductions_are_not_pairings() -> None:
    assert sides("σ′ = σ(1 − σ)", "sigma") is None
    assert sides("ReLU′(0) := 0", "relu") is None
    assert sides("f′ ≈ 0 → no gradient", "gradient") is None
    assert sides("z - max(z)", "max") is None
    assert sides("1 - tanh", "tanh") is None
    assert sides("The thing I would always say first in an interview: ReLU.", "relu") is None


def test_a_sentence_that_only_names_a_function_labels_the_next() -> None:
    assert sides("Softmax. Multi-label, exclusive.", "multi") == ("softmax", "multi label")
    assert sides("Leaky ReLU. Dead units come back.", "dead") == (
        "leaky relu",
        "dead units come back",
    )
    assert sides("Non-linear. Stacks collapse.", "stacks") is None
    assert sides("It is softmax. Multi-label.", "multi") is None


@given(st.text(alphabet="ab:→=-,. σ", max_size=40))
def test_pairings_have_a_short_label_in_their_sentence_or_the_one_before(answer: str) -> None:
    tokens = tokenize(answer)
    for at in range(len(tokens)):
        found = pairing_at(tokens, at, name_of)
        if found is None:
            continue
        assert at in found
        assert 0 < len(found.label) <= LABEL_WORDS and len(found.value) > 0
        label = {tokens[i].sentence for i in found.label}
        value = {tokens[i].sentence for i in found.value}
        assert len(label) == len(value) == 1
        assert label == value or (
            found.label.stop == found.value.start and len(found.label) <= FRAGMENT_WORDS
        )
