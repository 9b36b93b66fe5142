"""`quizapp compute` as a user types it: output format, options, one-line errors with exit 2."""

import json
import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.cli import main
from quizapp.commands.compute import format_number, parse_number


def run(capsys, *args):
    code = main(["compute", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cheatsheet_relu_example(capsys):
    assert run(capsys, "relu", "--", "-2", "0", "3", "-1", "5") == (0, "0 0 3 0 5\n", "")


def test_issue_softmax_values_print_in_full(capsys):
    code, out, _ = run(capsys, "softmax", "--", "1000", "1001")
    assert code == 0
    assert out == "0.268941421369995 0.731058578630005\n"


def test_float_noise_is_not_printed_but_json_keeps_every_digit(capsys):
    """0.2 · -3 is -0.6000000000000001 in binary: the text shows -0.6, the JSON the double."""
    assert run(capsys, "leaky_relu", "--param", "alpha=0.2", "--", "-3") == (0, "-0.6\n", "")
    code, out, _ = run(capsys, "leaky_relu", "--param", "alpha=0.2", "--json", "--", "-3")
    assert code == 0
    assert json.loads(out)["output"] == [0.2 * -3.0] == [-0.6000000000000001]


def test_derivative_and_param(capsys):
    code, out, _ = run(capsys, "leaky_relu", "--derivative", "--param", "alpha=0.1", "--", "-2",
                       "0", "3")  # fmt: skip
    assert (code, out) == (0, "0.1 0.1 1\n")


def test_options_may_follow_the_values(capsys):
    assert run(capsys, "relu", "1", "2", "--derivative") == (0, "1 1\n", "")


def test_decimals_rounds(capsys):
    code, out, _ = run(capsys, "sigmoid", "--decimals", "3", "--", "-1", "0", "1", "40")
    assert (code, out) == (0, "0.269 0.5 0.731 1\n")


def test_softmax_derivative_prints_the_jacobian_row_by_row(capsys):
    code, out, _ = run(capsys, "softmax", "--derivative", "--decimals", "4", "--", "1", "2", "3")
    assert code == 0
    rows = [[float(v) for v in line.split()] for line in out.splitlines()]
    assert len(rows) == 3
    assert all(len(row) == 3 for row in rows)
    assert rows[0][1] == rows[1][0] < 0
    assert all(abs(sum(row)) < 1e-3 for row in rows)


def test_string_parameter(capsys):
    code, exact, _ = run(capsys, "gelu", "--", "1")
    code_tanh, approx, _ = run(capsys, "gelu", "--param", "approximate=tanh", "--", "1")
    assert code == code_tanh == 0
    # Φ(1) = 0.84134474606854294858...; tanh form per PyTorch: 0.8411919906082768.
    assert float(exact) == pytest.approx(0.8413447460685429, rel=1e-15)
    assert float(approx) == pytest.approx(0.8411919906082768, rel=1e-15)


def test_json_output(capsys):
    code, out, _ = run(capsys, "leaky_relu", "--json", "--param", "alpha=0.5", "--", "-2", "4")
    assert code == 0
    assert json.loads(out) == {
        "function": "leaky_relu",
        "params": {"alpha": 0.5},
        "input": [-2.0, 4.0],
        "output": [-1.0, 4.0],
    }


def test_json_derivative_of_log_softmax_and_non_finite_values(capsys):
    code, out, _ = run(capsys, "log_softmax", "--json", "--derivative", "--", "0", "nan")
    assert code == 0
    document = json.loads(out)
    assert document["function"] == "log_softmax"
    assert document["params"] == {"axis": -1}
    assert document["input"] == [0.0, "nan"]
    assert document["derivative"] == [["nan", "nan"], ["nan", "nan"]]
    assert "output" not in document


def test_json_with_decimals(capsys):
    code, out, _ = run(capsys, "sigmoid", "--json", "--decimals", "2", "--", "1", "-inf")
    assert code == 0
    assert json.loads(out)["output"] == [0.73, 0.0]


def test_special_values(capsys):
    code, out, _ = run(capsys, "relu", "--", "inf", "-inf", "nan", ".5", "1e-3", "-0")
    assert (code, out) == (0, "inf 0 nan 0.5 0.001 0\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["relu7", "--", "1"], "unknown activation 'relu7'; valid names: celu, elu"),
        (["relu", "--", "1", "abc"], "value 2 ('abc') is not a number"),
        (["relu", "--", "1_000"], "value 1 ('1_000') is not a number"),
        (
            ["softmax", "2.0, 1.0, 0.1"],
            "value 1 ('2.0, 1.0, 0.1') is not a number; give the values separated by spaces: "
            "-- 2.0 1.0 0.1",
        ),
        (["relu", "--", "[-2, 0]"], "separated by spaces: -- -2 0"),
        (["relu", "--param", "alpha=1", "--", "1"], "unknown parameter 'alpha' (valid: none)"),
        (["softplus", "--param", "gamma=1", "--", "1"], "(valid: beta, threshold)"),
        (["softplus", "--param", "beta=0", "--", "1"], "beta must be > 0"),
        (["softplus", "--param", "beta=x", "--", "1"], "beta must be a number"),
        (["hard_tanh", "--param", "min=2", "--", "1"], "min must be less than max"),
        (["gelu", "--param", "approximate=fast", "--", "1"], "approximate must be one of"),
        (["elu", "--param", "alpha", "--", "1"], "expected NAME=VALUE"),
        (["softmax", "--param", "axis=1", "--", "1", "2"], "axis 1 is out of range"),
        (["softmax", "--param", "axis=0.5", "--", "1", "2"], "axis must be an integer"),
        (["relu", "--decimals", "-1", "--", "1"], "--decimals must be 0 or more"),
    ],
)
def test_user_errors_are_one_line_with_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("quizapp compute: error: ")
    assert message in err


def test_missing_values_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["compute", "relu"])
    assert caught.value.code == 2
    assert "VALUE" in capsys.readouterr().err


def test_real_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "compute", "relu", "--", "-2", "0", "3", "-1", "5"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 0 3 0 5\n", "")


@settings(max_examples=200)
@given(st.floats(allow_nan=False))
def test_printed_numbers_read_back_as_the_value_to_15_significant_digits(value):
    text = format_number(value, None)
    assert parse_number(text) == float(f"{value:.15g}") or (value == 0 and text == "0")
    assert not text.endswith(".0")
    assert len(text.lstrip("-").split("e")[0].replace(".", "").strip("0")) <= 15


@settings(max_examples=100)
@given(st.floats(-1e6, 1e6), st.integers(0, 8))
def test_decimals_round_like_python(value, decimals):
    assert float(format_number(value, decimals)) == round(value, decimals) + 0.0


@settings(max_examples=100)
@given(st.text(max_size=8))
def test_value_parser_accepts_only_plain_numbers(text):
    try:
        number = parse_number(text)
    except ValueError:
        return
    assert text == text.strip()
    assert "_" not in text
    assert number == float(text) or math.isnan(number)


def test_an_overflowing_input_is_named(capsys):
    code, out, err = run(capsys, "relu", "--", "1e400", "2", "-inf")
    assert (code, out) == (0, "inf 2 0\n")
    assert err == (
        "quizapp compute: warning: value 1 ('1e400') is beyond the float range"
        " and was read as inf\n"
    )


def test_a_huge_jacobian_is_one_line_error(capsys):
    values = ["0.5"] * 20_000
    code, out, err = run(capsys, "softmax", "--derivative", "--", *values)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "20000x20000 Jacobian" in err and "at most 1000" in err
    assert run(capsys, "softmax", "--", *values)[0] == 0
