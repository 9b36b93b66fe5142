"""The answer parser: forgiving notation, exact columns in every error, never evaluates anything."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.questions import AnswerSyntaxError, parse_numbers
from quizapp.questions.choice import aliases, parse_choice


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("[0.1, 0.2, 0.7]", (0.1, 0.2, 0.7)),
        ("(0.1, 0.2, 0.7)", (0.1, 0.2, 0.7)),
        ("0.1, 0.2, 0.7", (0.1, 0.2, 0.7)),
        ("0.1 0.2 0.7", (0.1, 0.2, 0.7)),
        ("0.1; 0.2; 0.7", (0.1, 0.2, 0.7)),
        ("0.1,0.2,0.7", (0.1, 0.2, 0.7)),
        ("  [ 1 ,2 ]  ", (1.0, 2.0)),
        (".5", (0.5,)),
        ("5.", (5.0,)),
        ("1e-3", (0.001,)),
        ("2.5E+2", (250.0,)),
        ("1/4", (0.25,)),
        ("-1 / 4", (-0.25,)),
        ("3/-4", (-0.75,)),
        ("\u22120.5", (-0.5,)),
        ("+2", (2.0,)),
        ("2.5×10^-3", (0.0025,)),
        ("2.5 x 10^3", (2500.0,)),
        ("1.5·10⁻²", (0.015,)),
        ("1.29*10^(-5)", (1.29e-5,)),
        ("1.29×10^(-5)", (1.29e-5,)),
        ("1.29 × 10^( \u22125 )", (1.29e-5,)),
        ("2.5·10^{3}", (2500.0,)),
        ("2.5*10**-3", (0.0025,)),
        ("2.5*10**(+3)", (2500.0,)),
        ("½", (0.5,)),
        ("-¾", (-0.75,)),
        ("\u2212⅓", (-1 / 3,)),
        ("1½", (1.5,)),
        ("-2¼", (-2.25,)),
        ("[½, ⅔; ⅛]", (0.5, 2 / 3, 0.125)),
        ("1⁄4", (0.25,)),
        ("1 -½", (1.0, -0.5)),
        ("0.5 ½", (0.5, 0.5)),
        ("1\t2\n3", (1.0, 2.0, 3.0)),
        ("1, 2,", (1.0, 2.0)),
        ("", ()),
        ("[]", ()),
    ],
)
def test_accepted_notations(text, values):
    assert parse_numbers(text).values == pytest.approx(values)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1e2×10^3", 1e5),
        ("1.5E-1 * 10^-2", 1.5e-3),
        ("2e1·10²", 2e3),
        ("1e300 x 10^10", None),
    ],
)
def test_an_exponent_times_a_power_of_ten_is_read_or_refused(text, value):
    if value is None:
        with pytest.raises(AnswerSyntaxError, match=r"column 1: .*too large"):
            parse_numbers(text)
    else:
        assert parse_numbers(text).values == (value,)


def test_fractions_are_exact_enough_to_compare():
    (third,) = parse_numbers("1/3").values
    assert math.isclose(third, 1 / 3, rel_tol=1e-15)


@pytest.mark.parametrize(
    ("text", "column", "fragment"),
    [
        ("0.1, abc", 6, '"abc" is not a number'),
        ("2*3", 1, '"2*3" is not a number'),
        ("1.2.3", 1, '"1.2.3" is not a number'),
        ("1-2", 1, '"1-2" is not a number'),
        ("exp(1)", 1, '"exp" is not a number'),
        ("sqrt 2", 1, '"sqrt" is not a number'),
        ("nan", 1, '"nan" is not a number'),
        ("inf", 1, '"inf" is not a number'),
        ("1,,2", 3, '"," with no value before it'),
        (", 1", 1, '"," with no value before it'),
        ("[1, 2", 1, '"[" is never closed'),
        ("1, 2]", 5, '"]" closes a bracket that was never opened'),
        ("[1, [2]]", 5, 'unexpected "["'),
        ("1/0", 1, "divides by zero"),
        ("1e999", 1, "too large"),
        ("   1 ?", 6, '"?" is not a number'),
        ("1 ½", 1, '"1 ½" could be one number or two: write 1½ for one, 1, ½ for two'),
        ("[0.5, -2 ¾]", 7, '"-2 ¾" could be one number or two'),
        ("½×10^2", 1, '"½×10^2" is not a number'),
        ("⅓x", 1, '"⅓x" is not a number'),
        ("1.29×10^(-5", 1, '"1.29×10^(-5" is not a number; write a power of ten as'),
        ("1.29×10^(-5.5)", 1, "write a power of ten as 1.5×10^-3, 1.5×10^(-3) or 1.5e-3"),
        ("0.1, 10^(3)", 6, '"10^(3)" is not a number; write a power of ten'),
    ],
)
def test_rejections_name_the_column(text, column, fragment):
    with pytest.raises(AnswerSyntaxError) as caught:
        parse_numbers(text)
    assert caught.value.column == column
    assert str(caught.value).startswith(f"column {column}: ")
    assert fragment in str(caught.value)


def test_whitespace_is_never_multiplication():
    assert parse_numbers("2 3").values == (2.0, 3.0)
    with pytest.raises(AnswerSyntaxError, match='column 3: unexpected "\\("'):
        parse_numbers("2 (3)")


def test_decimal_comma_is_flagged_with_its_column_and_a_hint():
    parsed = parse_numbers("0,5")
    assert parsed.values == (0.0, 5.0)
    (spot,) = parsed.decimal_commas
    assert spot.column == 1
    message = str(spot.error())
    assert message == 'column 1: "0,5" looks like a decimal comma; use a decimal point (0.5)'


def test_decimal_commas_only_between_plain_integers():
    assert parse_numbers("0.1,0.2").decimal_commas == ()
    assert parse_numbers("1, 2").decimal_commas == ()
    assert [spot.text for spot in parse_numbers("  1,25; 3").decimal_commas] == ["1,25"]
    assert parse_numbers("  1,25; 3").decimal_commas[0].column == 3


def test_overlong_answers_are_refused_not_processed():
    with pytest.raises(AnswerSyntaxError, match="too long"):
        parse_numbers("1 " * 5000)


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6)


@settings(max_examples=150)
@given(
    st.lists(finite, min_size=1, max_size=8),
    st.sampled_from([", ", ",", "; ", " ", "  ,  ", "\t"]),
    st.sampled_from([("", ""), ("[", "]"), ("(", ")"), ("  [", "]  ")]),
    st.booleans(),
)
def test_written_lists_read_back(values, separator, brackets, unicode_minus):
    body = separator.join(repr(value) for value in values)
    if unicode_minus:
        body = body.replace("-", "\u2212")
    parsed = parse_numbers(brackets[0] + body + brackets[1])
    assert parsed.values == tuple(values)


POWER_OF_TEN = [
    "{m}×10^({e})",
    "{m}*10^({e})",
    "{m} x 10^( {e} )",
    "{m}·10^{{{e}}}",
    "{m}*10**({e})",
    "{m} * 10 ** {e}",
]


@settings(max_examples=200)
@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(POWER_OF_TEN),
    st.booleans(),
)
def test_powers_of_ten_read_back(value, style, unicode_minus):
    """Any float written as mantissa × 10^(exponent), with 17 significant digits, reads back
    exactly."""
    mantissa, _, exponent = f"{value:.16e}".partition("e")
    text = style.format(m=mantissa, e=int(exponent))
    if unicode_minus:
        text = text.replace("-", "\u2212")
    assert parse_numbers(text).values == (value,)


VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
          "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7),
          "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
          "↉": (0, 3)}  # fmt: skip


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "-", "+", "\u2212"]),
            st.one_of(st.just(0), st.integers(0, 10**20)),
            st.sampled_from(sorted(VULGAR)),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([", ", ";", " , "]),
)
def test_vulgar_fractions_and_mixed_numbers_read_back(numbers, separator):
    """`½`, `-⅓`, `12¾`: the nearest float to the fraction they write, in any list."""
    written, expected = [], []
    for sign, whole, fraction in numbers:
        numerator, denominator = VULGAR[fraction]
        written.append(f"{sign}{whole or ''}{fraction}")
        exact = Fraction(whole * denominator + numerator, denominator)
        expected.append(float(-exact if sign in ("-", "\u2212") else exact))
    assert parse_numbers(separator.join(written)).values == tuple(expected)


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_any_text_parses_or_raises_a_located_error(text):
    try:
        parsed = parse_numbers(text)
    except AnswerSyntaxError as error:
        assert 1 <= error.column <= len(text) + 1
        assert str(error).startswith(f"column {error.column}: ")
    else:
        assert all(math.isfinite(value) for value in parsed.values)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789.,;-+/ eE[]()x*^×·⁻¹²\u2212½¾⅓⁄{}", max_size=30))
def test_number_like_text_parses_or_raises_a_located_error(text):
    try:
        parsed = parse_numbers(text)
    except AnswerSyntaxError as error:
        assert 1 <= error.column <= len(text) + 1
    else:
        assert all(math.isfinite(value) for value in parsed.values)


OPTIONS = ("ReLU", "Leaky ReLU", "SiLU (Swish)", "Hard Tanh")
ALIASES = tuple(
    aliases(display, name)
    for display, name in zip(OPTIONS, ("relu", "leaky_relu", "silu", "hard_tanh"), strict=True)
)


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("2", 1),
        (" 2. ", 1),
        ("(3)", 2),
        ("4)", 3),
        ("leaky relu", 1),
        ("LEAKY_RELU", 1),
        ("Leaky-ReLU", 1),
        ("swish", 2),
        ("SiLU", 2),
        ("silu (swish)", 2),
        ("hard_tanh", 3),
        ("2 (Leaky ReLU)", 1),
        ("2) leaky relu", 1),
    ],
)
def test_choices_by_number_or_name(text, index):
    assert parse_choice(text, OPTIONS, ALIASES) == index


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no answer given"),
        ("5", "there is no option 5; choose 1–4"),
        ("0", "there is no option 0"),
        ("tanh", '"tanh" is not one of the options (1 ReLU, 2 Leaky ReLU'),
        ("2.5", '"2.5" is not one of the options'),
        ("1 (Leaky ReLU)", "option 1 and Leaky ReLU disagree"),
    ],
)
def test_bad_choices_ask_again_with_the_options(text, fragment):
    with pytest.raises(AnswerSyntaxError) as caught:
        parse_choice(text, OPTIONS, ALIASES)
    assert fragment in str(caught.value)


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_any_choice_text_is_an_index_or_a_located_error(text):
    try:
        index = parse_choice(text, OPTIONS, ALIASES)
    except AnswerSyntaxError as error:
        assert error.column >= 1
    else:
        assert 0 <= index < len(OPTIONS)
