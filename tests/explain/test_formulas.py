"""Derivatives written as another expression of the function (`formulas`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizapp.explain.formulas import another_derivative
from quizapp.explain.sense import name_of
from quizapp.explain.text import tokenize

POINT = "σ′(x) = σ(x)(1 − σ(x)), maximum 0.25 at x = 0."


def test_the_points_own_formula_in_other_letters_is_not_another() -> None:
    for answer in ("σ′ = σ(1 − σ)", "σ'(x) = y(1 - y)", "sigmoid' = s * (1 - s)"):
        tokens = tokenize(answer)
        assert not another_derivative(tokens, [], POINT, name_of), answer
    assert another_derivative(tokenize("σ′ = σ², max 0.25"), [], POINT, name_of)


@given(st.text(alphabet="σ′'=()1−+²xy, .≤", max_size=30))
def test_words_that_cover_the_whole_expression_are_never_denied(answer: str) -> None:
    tokens = tokenize(answer)
    assert not another_derivative(tokens, list(range(len(tokens))), POINT, name_of)
