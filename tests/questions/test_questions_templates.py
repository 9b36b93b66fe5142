"""Every template over many seeds: reproducible, engine-exact, self-consistent, immutable."""

import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import engine
from quizapp.questions import generate, template_activations, template_ids
from quizapp.questions.formatting import number

SEEDS = range(12)
CASES = [
    (template_id, activation)
    for template_id in template_ids()
    for activation in template_activations(template_id)
]


def engine_answer(q):
    """The answer recomputed from the question's own inputs with plain engine calls."""
    inputs, params = q.inputs, dict(q.activation_params)
    act = engine.get(q.activation) if q.activation else None
    match q.template_id:
        case "activation-vector":
            return act(inputs["z"], **params)
        case "activation-scalar":
            return act(inputs["x"], **params)
        case "softmax-logits" | "log-softmax-logits":
            return act(inputs["z"])
        case "derivative-point":
            return act.derivative(inputs["x"], **params)
        case "derivative-vector":
            return act.derivative(inputs["z"], **params)
        case "neuron-forward":
            z = inputs["w"] @ inputs["x"] + inputs["b"]
            return np.array([z, act(z, **params)])
        case "backprop-activation":
            upstream, slopes = inputs["dL/da"], act.derivative(inputs["z"], **params)
            return upstream @ slopes if slopes.ndim == 2 else upstream * slopes
        case "softmax-cross-entropy-grad":
            return engine.get("softmax")(inputs["z"]) - inputs["y"]
        case "vanishing-gradient":
            return np.prod(act.derivative(inputs["z"]))
        case "inactive-unit-fraction":
            return np.mean(act.derivative(inputs["z"]) == 0)
        case "derive-then-evaluate":
            a = inputs["a"]
            return a * (1 - a) if q.activation == "sigmoid" else 1 - a**2
        case "softmax-jvp":
            p, v = inputs["p"], inputs["v"]
            return (np.diag(p) - np.outer(p, p)) @ v
    raise AssertionError(q.template_id)


def same_question(a, b):
    return (
        a.prompt == b.prompt
        and a.expected_text == b.expected_text
        and a.solution == b.solution
        and a.options == b.options
        and a.activation == b.activation
        and [m.values for m in a.mistakes] == [m.values for m in b.mistakes]
        and all(np.array_equal(a.inputs[key], b.inputs[key]) for key in a.inputs)
    )


@pytest.mark.parametrize(("template_id", "activation"), CASES)
def test_every_variant_is_exact_and_self_consistent(template_id, activation):
    for seed in SEEDS:
        q = generate(template_id, seed, activation=activation)
        assert q.template_id == template_id
        assert q.seed == seed
        assert same_question(q, generate(template_id, seed, activation=activation))
        displayed = q.grade(q.expected_text)
        assert displayed.correct, (seed, q.expected_text, displayed.feedback)
        assert displayed.score == 1.0
        if q.answer_shape == "choice":
            assert q.options[q.expected]
            assert q.grade(str(q.expected + 1)).correct
            assert q.grade(q.options[q.expected]).correct
            wrong = (q.expected + 1) % len(q.options)
            assert not q.grade(q.options[wrong]).correct
            continue
        np.testing.assert_allclose(q.expected, engine_answer(q), rtol=1e-12, atol=1e-15)
        for mistake in q.mistakes:
            result = q.grade(q.mistake_text(mistake))
            assert result.answered
            assert not result.correct, (seed, mistake)
            assert result.mistake == mistake.id, (seed, mistake, result.mistake)


def test_identify_options_tell_the_truth():
    for seed in range(30):
        q = generate("identify-activation", seed)
        z, shown = q.inputs["z"], q.inputs["a"]
        by_display = {engine.get(name).display_name: name for name in engine.names()}
        outputs = [engine.get(by_display[option])(z) for option in q.options]
        tolerance = 0.5 * 10.0**-q.decimals
        matching = [
            index
            for index, output in enumerate(outputs)
            if np.all(np.abs(output - shown) <= tolerance)
        ]
        assert matching == [q.expected]
        assert len(set(q.options)) == len(q.options) == 4


def test_questions_are_immutable():
    q = generate("neuron-forward", 3)
    with pytest.raises(AttributeError):
        q.prompt = "changed"
    with pytest.raises(ValueError, match="read-only"):
        q.inputs["w"][0] = 99.0
    with pytest.raises(ValueError, match="read-only"):
        q.expected[0] = 99.0
    with pytest.raises(TypeError):
        q.inputs["w"] = np.zeros(3)
    with pytest.raises(TypeError):
        q.params["decimals"] = 5


@pytest.mark.parametrize("template_id", template_ids())
def test_prompt_states_precision_and_solution_is_plain_text(template_id):
    for seed in range(5):
        q = generate(template_id, seed)
        if q.answer_shape != "choice":
            assert re.search(r"to \d+ (decimals?|significant figures)", q.prompt), q.prompt
        assert q.solution and all(isinstance(step, str) and step for step in q.solution)
        assert not any(re.search(r"\[/?[a-z]+\]", step) for step in q.solution)
        assert any(q.expected_text in step for step in q.solution), q.solution


@settings(max_examples=40)
@given(
    st.sampled_from(template_ids()),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.text(max_size=30),
)
def test_any_seed_and_any_answer_text_grade_without_raising(template_id, seed, text):
    q = generate(template_id, seed)
    result = q.grade(text)
    assert 0.0 <= result.score <= 1.0
    if result.parse_error is not None:
        assert not result.correct


def test_cheatsheet_relu_format():
    q = generate("activation-vector", 0, activation="relu", params={"length": 5})
    assert q.prompt.splitlines()[1].startswith("Input (z): ")
    assert q.solution[0] == "ReLU(z) = max(0, z)"
    for value, line in zip(q.inputs["z"], q.solution[3:-1], strict=True):
        shown = number(float(value))
        assert line == f"{shown} -> max(0, {shown}) = {number(max(0.0, float(value)))}"
    assert q.solution[-1] == f"Output (a): {q.expected_text}"


def test_large_logits_solution_subtracts_the_max():
    for template_id in ("softmax-logits", "log-softmax-logits", "softmax-cross-entropy-grad"):
        for seed in range(5):
            q = generate(template_id, seed, params={"large_logits": True})
            assert np.abs(q.inputs["z"]).max() > 709.78
            text = "\n".join(q.solution)
            assert "z − m" in text
            assert "flow" in text


def test_same_arguments_give_the_same_question_in_another_process():
    probe = (
        "from quizapp.questions import generate\n"
        "q = generate('softmax-logits', 7, params={'decimals': 4})\n"
        "print(q.prompt); print(q.expected_text)"
    )
    other = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    q = generate("softmax-logits", 7, params={"decimals": 4})
    assert other == f"{q.prompt}\n{q.expected_text}\n"


def test_questions_package_does_not_import_textual():
    probe = "import sys, quizapp.questions; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


KINK_FAMILIES = {
    "activation-vector": "z",
    "activation-scalar": "x",
    "derivative-vector": "z",
    "derivative-point": "x",
    "backprop-activation": "z",
    "inactive-unit-fraction": "z",
}


@pytest.mark.parametrize(("template_id", "key"), sorted(KINK_FAMILIES.items()))
def test_inputs_never_sit_on_a_kink(template_id, key):
    for activation in template_activations(template_id):
        act = engine.get(activation)
        if not act.elementwise:
            continue
        for seed in range(8):
            q = generate(template_id, seed, activation=activation)
            x = np.atleast_1d(q.inputs[key])
            params = dict(q.activation_params)
            left = act.derivative(x - 1e-7, **params)
            right = act.derivative(x + 1e-7, **params)
            assert np.all(np.abs(left - right) < 1e-3), (activation, seed, x)


def test_tolerance_is_never_zero_and_follows_the_precision():
    for template_id in template_ids():
        for seed in range(5):
            q = generate(template_id, seed)
            if q.answer_shape == "choice":
                continue
            assert np.all(np.asarray(q.tolerance) > 0)
    assert generate("derivative-point", 1, params={"decimals": 2}).tolerance == pytest.approx(0.005)


def test_identify_accepts_a_requested_answer():
    for seed in range(5):
        q = generate("identify-activation", seed, activation="leaky_relu")
        assert q.options[q.expected] == "Leaky ReLU"
        assert q.grade("leaky relu").correct


@settings(max_examples=80)
@given(st.sampled_from(template_ids()), st.integers(0, 2**32 - 1))
def test_a_worked_solution_writes_subtraction_one_way(template_id: str, seed: int) -> None:
    """`tanh(z) = (e^z − e^(-z))` beside `(exp(-0.5) - exp(0.5))` mixed two minus signs (walk
    #6): an operator is `−`; `-` only signs a number (as typed), draws an arrow or joins a name."""
    for line in generate(template_id, seed).solution:
        assert not re.search(r"(?<![A-Za-z])-(?![\d>])", line), line


@pytest.mark.parametrize("template_id", ["derivative-vector", "backprop-activation"])
def test_a_softplus_solution_writes_beta_only_where_the_prompt_gives_one(template_id):
    """`Softplus′(z) = σ(β·z)` stood in a solution whose question never defined β (β = 1)."""
    plain = generate(template_id, 3, activation="softplus")
    assert "β" not in plain.prompt
    assert not any("β" in line for line in plain.solution), plain.solution
    assert "Softplus′(z) = σ(z), 1 once z > 20" in plain.solution
    scaled = generate(template_id, 3, activation="softplus", params={"beta": 2.0})
    assert "(β = 2)" in scaled.prompt
    assert "Softplus′(z) = σ(β·z), 1 once β·z > 20 (β = 2)" in scaled.solution


def test_the_hard_swish_slope_formula_takes_the_engines_slopes_at_the_kinks():
    """PyTorch (2.13.0's autograd, and the engine) gives 0 at -3 and 1 at 3, the outer pieces'
    slopes, not (2z + 3)/6 there."""
    q = generate("derivative-vector", 0, activation="hard_swish")
    assert "Hard Swish′(z) = 0 if z ≤ -3, 1 if z ≥ 3, else (2z + 3) / 6" in q.solution
    assert engine.get("hard_swish").derivative([-3.0, 3.0]).tolist() == [0.0, 1.0]
