"""The grader on hand-made answers: tolerance, partial credit, asking again, naming mistakes."""

from decimal import ROUND_HALF_UP, Decimal

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


def test_digits_beyond_those_asked_cost_nothing_when_the_answer_rounds_right():
    """sigmoid(-3) = 0.0474259 asked to 3 decimals: 0.0475 rounds to the right 0.047, so it is
    right like 0.047 itself, with a note that its fourth digit is off; 0.0474 and 0.04743 are right
    without one."""
    sigmoid = np.array([0.04742587317756678])
    scalar = {"expected": sigmoid, "labels": ("",)}
    for text in ("0.047", "0.0474", "0.04743", "0.047425873177567"):
        assert grade(text, **scalar).correct
        assert grade(text, **scalar).feedback == ()
    noted = grade("0.0475", **scalar)
    assert noted.correct
    assert noted.score == 1.0
    assert noted.feedback == (
        "0.0475 is right to the 3 decimals asked (full credit), but not past them: "
        "to 4 decimals it is 0.0474",
    )
    assert not grade("0.0484", **scalar).correct
    assert not grade("0.6606, 0.2424, 0.0986").correct


def test_a_more_precise_answer_is_never_worse_than_a_less_precise_one():
    """SELU backprop, z = [-3, 1, -4], dL/da = [-2, -0.5, 2]: -0.17503 (error 3e-5) was marked
    wrong while -0.175 (error 6e-5) passed."""
    expected = np.array([-0.17506126, -0.52535, 0.06440334])
    labels = ("dL/dz_1", "dL/dz_2", "dL/dz_3")
    assert grade("-0.175, -0.525, 0.064", expected=expected, labels=labels).correct
    precise = grade("-0.17503, -0.52535, 0.0644", expected=expected, labels=labels)
    assert precise.correct
    assert precise.score == 1.0
    assert precise.feedback == (
        "dL/dz_1: -0.17503 is right to the 3 decimals asked (full credit), but not past them: "
        "to 5 decimals it is -0.17506",
    )
    partly = grade("-0.17503, 0.5, 0.0644", expected=expected, labels=labels)
    assert partly.element_correct == (True, False, True)
    assert partly.feedback[-1].startswith("dL/dz_1: -0.17503 is right to the 3 decimals asked")


def test_a_value_typed_past_the_digits_asked_is_right_when_it_rounds_to_the_answer():
    """0.6586 is 0.0008 from 0.6594 but rounds to 0.659, the answer to 3 decimals; 0.6584 rounds
    to 0.658 and is wrong."""
    expected = np.array([0.6594])
    assert grade("0.6586", expected=expected, labels=("",)).correct
    assert not grade("0.6584", expected=expected, labels=("",)).correct
    sig = Precision(2, scientific=True)
    assert grade("1.2346e-3", expected=np.array([1.23449e-3]), precision=sig, labels=("",)).correct
    assert not grade(
        "1.2249e-3", expected=np.array([1.23449e-3]), precision=sig, labels=("",)
    ).correct


@settings(max_examples=300)
@given(
    st.integers(-(10**9), 10**9),
    st.integers(0, 4),
    st.integers(0, 5),
    st.floats(-0.5, 0.5),
)
def test_any_value_within_half_a_unit_of_the_last_decimal_asked_is_accepted(
    mantissa: int, asked: int, extra: int, offset: float
) -> None:
    """Typed to the digits asked or more, a value at most half a unit of the last decimal asked
    from the truth is right, whatever its digits past those asked."""
    digits = asked + extra
    typed = f"{mantissa / 10**digits:.{digits}f}"
    exact = float(typed) + offset * 10.0**-asked
    result = grade(typed, expected=np.array([exact]), precision=Precision(asked), labels=("",))
    assert result.correct, (typed, exact)
    assert result.score == 1.0


@settings(max_examples=300)
@given(
    st.floats(-50, 50, allow_nan=False).filter(lambda value: abs(value) > 1e-3),
    st.integers(0, 4),
    st.integers(1, 5),
    st.integers(1, 9),
)
def test_a_value_typed_past_the_digits_asked_is_wrong_only_when_its_rounding_is(
    exact: float, asked: int, extra: int, units: int
) -> None:
    """Rounded to any number of digits past those asked, the exact value is right without a
    note; moved off it, it is right exactly when it is within half a unit of the truth or rounds
    (half away from zero) to a value that is."""
    precision = Precision(asked)
    digits = asked + extra
    typed = f"{exact:.{digits}f}"
    right = grade(typed, expected=np.array([exact]), precision=precision, labels=("",))
    assert right.correct
    assert right.feedback == ()
    off = f"{float(typed) + units * 10.0**-digits:.{digits}f}"
    result = grade(off, expected=np.array([exact]), precision=precision, labels=("",))
    half = 0.5 * 10.0**-asked * (1 + 1e-6)
    quantum = Decimal(1).scaleb(-asked)
    rounds_right = abs(float(Decimal(off).quantize(quantum, ROUND_HALF_UP)) - exact) <= half
    assert result.correct == (abs(float(off) - exact) <= half or rounds_right), (off, exact)


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
