"""Feedback that fits the answer typed: a rounding slip is told apart by the digits typed, a mistake
that two causes share names both, and what the prompt prints is what the solution computes with
(walk.md s5 #2, #3, #5)."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.questions import formulas, generate, template_ids
from quizapp.questions.grading import grade_numbers
from quizapp.questions.precision import Precision

SEEDS = range(200)
PRODUCT_RULE = "z·φ(z)"


def advice(grade) -> str:
    """The named mistake's line, or "" when none is named."""
    return next((line for line in grade.feedback if line.startswith("Recognised mistake")), "")


@pytest.mark.parametrize("zeros", [True, False])
def test_gelu_derivative_typed_as_phi_names_the_missing_term_never_rounding(zeros):
    """Φ(z) alone for GELU′(z): named, or listed with the mistakes giving the same answer (z = 4:
    ReLU′ = 1 too), and never "give it to 3 decimals" to an answer typed to 3 decimals."""
    for seed in SEEDS:
        q = generate("derivative-point", seed, activation="gelu")
        phi = formulas.gaussian(q.inputs["x"])[0]
        text = f"{phi:.{q.decimals}f}" if zeros else q.precision.text(phi)
        grade = q.grade(text)
        assert grade.mistake != "rounding", (seed, text, grade.feedback)
        if not grade.correct:
            assert any(PRODUCT_RULE in line for line in grade.feedback), (seed, grade.feedback)


def test_an_answer_two_mistakes_share_lists_both_and_echoes_the_digits_typed():
    q = next(
        q
        for q in (generate("derivative-point", s, activation="gelu") for s in SEEDS)
        if q.inputs["x"] == 4
    )
    grade = q.grade("1.000")
    assert grade.mistake is None
    assert grade.feedback[0] == "Possible mistakes (each gives this answer):"
    assert any(PRODUCT_RULE in line for line in grade.feedback)
    assert any("plain ReLU" in line for line in grade.feedback)
    assert grade.feedback[-1] == "got 1.000, expected 1.001"


@pytest.mark.parametrize(
    "template_id", ["derivative-point", "derivative-vector", "backprop-activation"]
)
def test_gelu_prompts_print_the_phi_digits_the_solution_uses(template_id):
    for seed in range(40):
        q = generate(template_id, seed, activation="gelu")
        printed = re.findall(r"[Φφ]\(-?[0-9.]+\) = (-?[0-9]+\.[0-9]+(?:e-?[0-9]+)?)", q.prompt)
        assert printed, q.prompt
        solution = "\n".join(q.solution)
        for value in printed:
            assert value in solution, (seed, value, q.prompt, solution)


SIGMOID_1 = np.array([0.7310585786300049])
TWO_THIRDS = np.array([2 / 3])
SCIENTIFIC = Precision(2, scientific=True)
VANISHING = np.array([7.300483242299933e-4])


@pytest.mark.parametrize(
    ("text", "expected", "precision", "says"),
    [
        ("0.732", SIGMOID_1, Precision(3), "the last digit asked for is one unit off"),
        ("0.730", SIGMOID_1, Precision(3), "the last digit asked for is one unit off"),
        ("0.73", SIGMOID_1, Precision(3), "give it to 3 decimals, not 2."),
        ("0.67", TWO_THIRDS, Precision(3), "give it to 3 decimals, not 2."),
        ("0.666", TWO_THIRDS, Precision(3), "round the last digit instead of truncating it"),
        ("7.31e-4", VANISHING, SCIENTIFIC, "the last digit asked for is one unit off"),
        ("7.29e-4", VANISHING, SCIENTIFIC, "the last digit asked for is one unit off"),
        ("7.3E-4", np.array([7.34e-4]), SCIENTIFIC, "give it to 3 significant figures"),
        ("0.0", np.array([-0.0625]), Precision(1), "round the last digit instead of truncating it"),
    ],
)
def test_the_rounding_advice_fits_the_digits_typed(text, expected, precision, says):
    grade = grade_numbers(text, expected, precision, ("",), ())
    assert grade.mistake == "rounding"
    line = advice(grade)
    assert says in line
    assert ("give it to" in line) == says.startswith("give it to"), line
    assert ("truncat" in line) == ("truncat" in says), line


def test_a_wrong_value_is_shown_beside_the_answer_as_the_question_prints_it():
    """As `Expected:` and the worked solution print it: one way at the question's precision."""
    grade = grade_numbers("0.021, -1", np.array([0.0202, -1.0]), Precision(3), ("a", "b"), ())
    assert "a: got 0.021, expected 0.02" in grade.feedback
    grade = grade_numbers("0.001", np.array([-0.0002]), Precision(3), ("",), ())
    assert "got 0.001, expected 0" in grade.feedback


def test_a_value_is_echoed_as_typed_without_the_control_characters_it_was_typed_with():
    grade = grade_numbers("7.2\x1c×\t10^-4", VANISHING, SCIENTIFIC, ("",), ())
    assert grade.feedback[-1] == "got 7.2 × 10^-4, expected 7.30e-4"


@settings(max_examples=300)
@given(
    exact=st.floats(0.001, 50),
    negative=st.booleans(),
    asked=st.integers(1, 4),
    typed=st.integers(0, 6),
    off=st.integers(-1, 1),
)
def test_each_piece_of_rounding_advice_is_given_only_to_answers_that_show_it(
    exact, negative, asked, typed, off
):
    """ "Give it to N decimals" only to answers typed with fewer; "truncating" only to a truncated
    value; "one unit off" only to answers typed with as many digits as asked."""
    exact = -exact if negative else exact
    value = round(exact, min(typed, asked)) + off * 10.0**-asked
    text = f"{value:.{typed}f}"
    line = advice(grade_numbers(text, np.array([exact]), Precision(asked), ("",), ()))
    # A bare 0 shows no digits (it is also how 0.0 is typed): it is judged as any of them.
    bare_zero = float(text) == 0 and typed == 0
    if "give it to" in line:
        assert typed < asked, (text, line)
        assert float(text) == 0 or f"not {typed}." in line, (text, line)
    if "truncating" in line and not bare_zero:
        shifted = abs(exact) * 10.0**typed
        assert float(text) == pytest.approx(np.sign(exact) * np.trunc(shifted) / 10.0**typed)
        assert np.trunc(shifted) != np.round(shifted)
    if "one unit off" in line:
        assert typed >= asked or bare_zero, (text, line)


@pytest.mark.parametrize("seed", range(1, 8))
def test_softmax_probabilities_typed_as_percentages_are_named_for_large_logits(seed):
    for large in (False, True):
        q = generate("softmax-logits", seed, params={"large_logits": large, "decimals": 4})
        percentages = ", ".join(f"{100 * p:.2f}" for p in q.expected_vector)
        grade = q.grade(percentages)
        assert grade.mistake == "percent-instead-of-fraction", (large, q.prompt)
        assert any("that is a percentage" in line for line in grade.feedback)


@pytest.mark.parametrize(
    ("text", "suggestion"), [("7,30e-4", "7.30e-4"), ("7,3×10^-4", "7.3×10^-4")]
)
def test_a_decimal_comma_before_an_exponent_is_pointed_at(text, suggestion):
    grade = grade_numbers(text, VANISHING, SCIENTIFIC, ("",), ())
    assert grade.parse_error == (
        f'column 1: "{text}" looks like a decimal comma; use a decimal point ({suggestion})'
    )
    assert grade.error_column == 1
    assert grade_numbers(suggestion, VANISHING, SCIENTIFIC, ("",), ()).correct


@settings(max_examples=60)
@given(st.sampled_from(template_ids()), st.integers(0, 2**32 - 1))
def test_the_feedback_prints_each_expected_value_as_expected_text_does(template_id, seed):
    """`got 1.9354, expected 0.1250` stood beside `Expected: 0.125` (walk #6)."""
    question = generate(template_id, seed)
    if question.answer_shape == "choice":
        return
    wrong = ", ".join("999" for _ in question.expected_vector)
    shown = question.expected_text.split(", ")
    lines = [line for line in question.grade(wrong).feedback if "got 999, expected " in line]
    assert [line.split("expected ")[1].removesuffix(" (sign flipped)") for line in lines] == shown
