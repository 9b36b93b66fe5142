"""The grader on hand-made answers: tolerance, partial credit, asking again, naming mistakes."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.questions import Mistake
from quizapp.questions.grading import grade_choice, grade_numbers
from quizapp.questions.precision import Precision

EXPECTED = np.array([0.6590, 0.2424, 0.0986])
THREE = Precision(3)
LABELS = ("element 1", "element 2", "element 3")


def grade(text, mistakes=(), expected=EXPECTED, precision=THREE, labels=LABELS):
    return grade_numbers(text, expected, precision, labels, mistakes)


def test_rounded_answer_is_correct_and_echoed():
    result = grade("0.659, 0.242, 0.099")
    assert result.correct
    assert result.score == 1.0
    assert result.parse_error is None
    assert result.read_as == "read as [0.659, 0.242, 0.099]"
    assert result.element_correct == (True, True, True)
    assert result.mistake is None
    assert result.feedback == ()


def test_tolerance_is_half_a_unit_of_the_last_decimal():
    assert grade("0.659, 0.242, 0.099").correct
    assert grade("0.6594, 0.2424, 0.0986", expected=np.array([0.6594, 0.2424, 0.0986])).correct
    assert not grade("0.660, 0.242, 0.099", expected=np.array([0.6594, 0.2424, 0.0986])).correct
    assert grade("0.659, 0.2424, 0.0986").correct


def test_digits_beyond_those_asked_must_be_right_within_rounding():
    """sigmoid(-3) = 0.0474259 asked to 3 decimals: 0.0475 is not 0.0474259 to 4 decimals,
    though it is within half a unit of the third; 0.0474 and 0.04743 are right."""
    sigmoid = np.array([0.04742587317756678])
    scalar = {"expected": sigmoid, "labels": ("",)}
    assert grade("0.047", **scalar).correct
    assert grade("0.0474", **scalar).correct
    assert grade("0.04743", **scalar).correct
    assert grade("0.047425873177567", **scalar).correct
    wrong = grade("0.0475", **scalar)
    assert not wrong.correct
    assert "got 0.0475, expected 0.0474" in wrong.feedback
    assert wrong.mistake == "rounding"
    assert any("past the 3 decimals asked" in line for line in wrong.feedback)
    assert not grade("0.0471", **scalar).correct
    assert not grade("0.6596, 0.2424, 0.0986").correct


@settings(max_examples=200)
@given(
    st.floats(-50, 50, allow_nan=False).filter(lambda value: abs(value) > 1e-3),
    st.integers(0, 4),
    st.integers(1, 5),
)
def test_an_answer_typed_with_extra_digits_is_right_exactly_when_they_are(
    exact: float, asked: int, extra: int
) -> None:
    """Rounded to any number of digits at least those asked, the exact value is accepted; one
    unit off in the last digit typed beyond those asked, it is not."""
    precision = Precision(asked)
    digits = asked + extra
    typed = f"{exact:.{digits}f}"
    assert grade(typed, expected=np.array([exact]), precision=precision, labels=("",)).correct
    step = 10.0**-digits if float(typed) >= exact else -(10.0**-digits)
    off = f"{float(typed) + step:.{digits}f}"
    assert not grade(off, expected=np.array([exact]), precision=precision, labels=("",)).correct


def test_coarse_precision_widens_the_tolerance():
    assert grade("0.7, 0.2, 0.1", precision=Precision(1)).correct
    assert not grade("0.7, 0.2, 0.1").correct


def test_exact_half_unit_boundary_accepts_both_roundings():
    expected = np.array([0.0125])
    precision = Precision(3)
    assert grade("0.012", expected=expected, precision=precision, labels=("",)).correct
    assert grade("0.013", expected=expected, precision=precision, labels=("",)).correct


def test_partial_credit_per_element_with_specific_feedback():
    result = grade("0.659, 0.5, 0.099")
    assert not result.correct
    assert result.score == pytest.approx(2 / 3)
    assert result.element_correct == (True, False, True)
    assert "element 2: got 0.5, expected 0.242" in result.feedback
    assert result.feedback == ("2 of 3 values correct.", "element 2: got 0.5, expected 0.242")


def test_wrong_length_asks_again_instead_of_marking_wrong():
    result = grade("0.659, 0.242")
    assert result.parse_error == "expected 3 values, got 2"
    assert result.error_column is None
    assert not result.answered
    assert result.read_as == "read as [0.659, 0.242]"
    assert result.score == 0.0
    assert result.element_correct == ()


def test_decimal_commas_ask_again_with_a_hint():
    result = grade("0,659; 0,242; 0,099")
    assert result.parse_error == (
        'column 1: "0,659" looks like a decimal comma; use a decimal point (0.659)'
    )
    assert result.error_column == 1


def test_integer_lists_without_spaces_are_lists_when_the_count_fits():
    expected = np.array([0.0, 3.0, 5.0])
    assert grade("0,3,5", expected=expected).correct


def test_decimal_comma_in_a_scalar_answer():
    result = grade("0,5", expected=np.array([0.5]), labels=("",))
    assert result.parse_error is not None
    assert "decimal point (0.5)" in result.parse_error


def test_syntax_error_asks_again():
    result = grade("0.659, 0.24two, 0.099")
    assert result.parse_error is not None
    assert result.parse_error.startswith("column 8: ")
    assert result.error_column == 8
    assert not result.correct
    assert result.feedback == (result.parse_error,)


def test_empty_answer_asks_again():
    result = grade("   ")
    assert result.parse_error == "column 1: no answer given; type 3 values"


def test_modelled_mistake_is_named_even_when_partly_right():
    relu = Mistake.of("relu-instead-of-variant", "that is plain ReLU", [0.659, 0.0, 0.0986])
    result = grade("0.659, 0, 0.099", mistakes=[relu])
    assert result.mistake == "relu-instead-of-variant"
    assert "Recognised mistake: that is plain ReLU." in result.feedback


def test_closest_modelled_mistake_wins():
    near = Mistake.of("forgot-bias", "near", [0.1, 0.2424, 0.0986])
    whole = Mistake.of("sign-error", "whole", [0.1, 0.3, 0.4])
    assert grade("0.1, 0.3, 0.4", mistakes=[near, whole]).mistake == "sign-error"
    assert grade("0.1, 0.242, 0.099", mistakes=[whole, near]).mistake == "forgot-bias"


def test_unmodelled_sign_flip_is_still_named():
    result = grade("-0.659, 0.242, -0.099")
    assert result.mistake == "sign-error"
    assert "element 1: got -0.659, expected 0.659 (sign flipped)" in result.feedback


def test_near_misses_are_a_rounding_problem():
    result = grade("0.66, 0.24, 0.1")
    assert result.mistake == "rounding"
    assert "Recognised mistake: close, but give it to 3 decimals." in result.feedback


def test_unrelated_wrong_answer_names_no_mistake():
    assert grade("0.3, 0.3, 0.4").mistake is None


def test_scalar_feedback_has_no_element_label():
    result = grade("0.5", expected=np.array([0.27]), labels=("",))
    assert "got 0.5, expected 0.27" in result.feedback
    assert result.read_as == "read as 0.5"


def test_scientific_precision_is_relative():
    precision = Precision(2, scientific=True)
    expected = np.array([7.2978e-4])
    assert precision.text(expected[0]) == "7.30e-4"
    assert grade("7.30e-4", expected=expected, precision=precision, labels=("",)).correct
    assert grade("0.00073", expected=expected, precision=precision, labels=("",)).correct
    assert not grade("7.4e-4", expected=expected, precision=precision, labels=("",)).correct
    assert not grade("0.001", expected=expected, precision=precision, labels=("",)).correct


OPTIONS = ("ReLU", "Leaky ReLU", "ELU", "Softplus")
CHOICE_ALIASES = tuple(frozenset({option.lower().replace(" ", "")}) for option in OPTIONS)
EXPLAIN = tuple(f"{number}) {option} explained" for number, option in enumerate(OPTIONS, 1))


def test_choice_right_wrong_and_unreadable():
    right = grade_choice("2", OPTIONS, CHOICE_ALIASES, OPTIONS[1], EXPLAIN)
    assert right.correct
    assert right.feedback == (EXPLAIN[1],)
    assert right.read_as == "read as 2 (Leaky ReLU)"
    wrong = grade_choice("relu", OPTIONS, CHOICE_ALIASES, OPTIONS[1], EXPLAIN)
    assert not wrong.correct
    assert wrong.answered
    assert wrong.feedback == (EXPLAIN[0], "The answer is 2 (Leaky ReLU).", EXPLAIN[1])
    unreadable = grade_choice("7", OPTIONS, CHOICE_ALIASES, OPTIONS[1], EXPLAIN)
    assert not unreadable.answered
    assert unreadable.error_column == 1


@settings(max_examples=300)
@given(st.text(max_size=50))
def test_grading_any_text_never_raises(text):
    result = grade(text)
    assert 0.0 <= result.score <= 1.0
    assert result.correct == (result.answered and all(result.element_correct))
    if result.parse_error is not None:
        assert not result.correct
    if result.error_column is not None:
        assert 1 <= result.error_column <= len(text) + 1
    assert all(isinstance(line, str) for line in result.feedback)


def test_choice_is_matched_by_value_wherever_it_is_shown():
    shown = ("Softplus", "ELU", "Leaky ReLU", "ReLU")
    shown_aliases = tuple(frozenset({option.lower().replace(" ", "")}) for option in shown)
    assert grade_choice("3", shown, shown_aliases, "Leaky ReLU").correct
    assert grade_choice("leaky relu", shown, shown_aliases, "Leaky ReLU").correct
    wrong = grade_choice("2", shown, shown_aliases, "Leaky ReLU")
    assert not wrong.correct
    assert wrong.feedback == ("You chose 2) ELU", "The answer is 3 (Leaky ReLU).")
