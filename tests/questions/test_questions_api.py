"""The public API the TUI, the study layer and content cards rely on."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import engine
from quizapp.questions import (
    MISTAKES,
    describe,
    generate,
    template_activations,
    template_ids,
    template_params,
)
from quizapp.questions.formatting import number
from quizapp.questions.generator import ParamsError

IDS = [
    "activation-scalar",
    "activation-vector",
    "backprop-activation",
    "derivative-point",
    "derivative-vector",
    "derive-then-evaluate",
    "identify-activation",
    "inactive-unit-fraction",
    "log-softmax-logits",
    "neuron-forward",
    "softmax-cross-entropy-grad",
    "softmax-jvp",
    "softmax-logits",
    "vanishing-gradient",
]


def test_template_ids_are_the_agreed_ones_sorted():
    assert template_ids() == IDS


def test_every_template_has_a_menu_line_and_activations():
    for template_id in IDS:
        assert describe(template_id).strip()
        activations = template_activations(template_id)
        assert activations == sorted(activations)
        assert set(activations) <= set(engine.names())
    assert template_activations("activation-vector") == engine.names()
    assert template_activations("softmax-logits") == ["softmax"]


def test_unknown_template_lists_valid_ones():
    with pytest.raises(ValueError, match="unknown template 'nope'; valid templates: activation-"):
        generate("nope", 1)
    with pytest.raises(ValueError, match="valid templates"):
        describe("nope")


def test_unknown_activation_lists_valid_ones():
    with pytest.raises(ValueError, match="valid activations: sigmoid, tanh"):
        generate("vanishing-gradient", 1, activation="relu")
    with pytest.raises(ValueError, match="does not use activation 'swish'"):
        generate("activation-vector", 1, activation="swish")


@pytest.mark.parametrize(
    ("template_id", "params", "fragment"),
    [
        ("softmax-logits", {"colour": 1}, "takes no param 'colour'"),
        ("softmax-logits", {"decimals": 9}, "must be in 1..6"),
        ("softmax-logits", {"decimals": 2.5}, "must be an integer"),
        ("softmax-logits", {"decimals": True}, "must be an integer"),
        ("softmax-logits", {"large_logits": "yes"}, "must be true or false"),
        ("vanishing-gradient", {"decimals": 3}, "valid params: layers, significant"),
        ("inactive-unit-fraction", {"length": 2}, "must be in 3..8"),
        ("activation-vector", {"alpha": 0}, "'alpha' must be in [0.01, 5]"),
        ("activation-vector", {"alpha": "big"}, "invalid param"),
    ],
)
def test_bad_params_are_value_errors_naming_the_problem(template_id, params, fragment):
    with pytest.raises(ValueError) as caught:
        generate(
            template_id, 1, activation="leaky_relu" if "alpha" in params else None, params=params
        )
    assert fragment in str(caught.value)


def test_activation_param_for_an_activation_without_it():
    """The valid params listed are the named activation's: `min` is no hard_tanh's here."""
    message = "with activation 'tanh' takes no param 'alpha'; valid params: decimals, length"
    with pytest.raises(ValueError, match=message):
        generate("activation-vector", 1, activation="tanh", params={"alpha": 0.1})
    with pytest.raises(ValueError, match=r"valid params: decimals, length, alpha$"):
        generate("activation-vector", 1, activation="leaky_relu", params={"colour": 1})


def test_every_refused_param_is_told_at_once():
    with pytest.raises(ParamsError) as caught:
        generate(
            "activation-vector",
            1,
            activation="leaky_relu",
            params={"length": 500, "decimals": 99, "alpha": 7},
        )
    assert caught.value.problems == (
        "param 'length' must be in 2..8, got 500",
        "param 'decimals' must be in 1..6, got 99",
        "param 'alpha' must be in [0.01, 5], got 7",
    )


def test_bad_seed_is_a_value_error():
    with pytest.raises(ValueError, match="seed must be an integer"):
        generate("softmax-logits", "7")


def test_picked_activation_reproduces_when_passed_explicitly():
    for template_id in IDS:
        for seed in range(4):
            picked = generate(template_id, seed)
            if picked.activation is None:
                continue
            explicit = generate(template_id, seed, activation=picked.activation)
            assert picked.prompt == explicit.prompt
            assert picked.expected_text == explicit.expected_text


def test_activation_params_restrict_the_pick_and_are_used():
    for seed in range(10):
        q = generate("activation-vector", seed, params={"alpha": 0.3})
        assert q.activation in {"leaky_relu", "prelu", "elu", "celu"}
        assert q.activation_params["alpha"] == 0.3
        assert "α = 0.3" in q.prompt


def test_activation_params_no_single_activation_takes_are_named():
    with pytest.raises(ValueError) as caught:
        generate("activation-vector", 1, params={"alpha": 0.5, "beta": 2.0})
    assert str(caught.value) == (
        "no activation of template 'activation-vector' takes all of the params alpha, beta"
    )


def test_params_are_kept_and_change_the_question():
    q = generate("softmax-logits", 5, params={"decimals": 4, "length": 6})
    assert dict(q.params) == {"decimals": 4, "length": 6}
    assert q.decimals == 4
    assert q.inputs["z"].size == 6
    assert q.expected.shape == (6,)
    assert "to 4 decimals" in q.prompt
    assert q.tolerance == pytest.approx(np.full(6, 0.00005))


def test_answer_shapes_and_options():
    assert generate("activation-scalar", 1).answer_shape == "scalar"
    assert isinstance(generate("activation-scalar", 1).expected, float)
    assert generate("activation-vector", 1).answer_shape == "vector"
    choice = generate("identify-activation", 1)
    assert choice.answer_shape == "choice"
    assert choice.activation is None
    assert isinstance(choice.expected, int)
    assert len(choice.options) == 4
    assert generate("softmax-logits", 1).options == ()


def test_modelled_mistake_ids_are_catalogued():
    for template_id in IDS:
        for seed in range(5):
            for mistake in generate(template_id, seed).mistakes:
                assert mistake.id in MISTAKES


def test_template_params_lists_the_family_params():
    assert template_params("softmax-logits") == ["decimals", "length", "large_logits"]
    assert template_params("vanishing-gradient") == ["layers", "significant"]


# Answers typed the way a candidate would get them wrong, computed here from the engine and the
# question's inputs (not from the question's own mistake list).


def typed(values, decimals=3):
    return ", ".join(number(float(value), decimals) for value in np.ravel(values))


def test_sigmoid_instead_of_its_derivative():
    for seed in range(10):
        q = generate("derivative-point", seed, activation="sigmoid")
        result = q.grade(typed(engine.get("sigmoid")(q.inputs["x"])))
        assert not result.correct
        assert result.mistake == "sigmoid-instead-of-derivative"


def test_one_minus_tanh_instead_of_one_minus_tanh_squared():
    for seed in range(10):
        q = generate("derivative-vector", seed, activation="tanh")
        result = q.grade(typed(1 - engine.get("tanh")(q.inputs["z"])))
        assert result.mistake == "one-minus-tanh"
        assert any("1 − tanh²(z)" in line for line in result.feedback)


def test_forgetting_the_bias():
    for seed in range(10):
        q = generate("neuron-forward", seed, activation="sigmoid")
        weighted = q.inputs["w"] @ q.inputs["x"]
        result = q.grade(typed([weighted, engine.get("sigmoid")(weighted)]))
        assert result.mistake == "forgot-bias"
        assert any(line.startswith("z: got") for line in result.feedback)


def test_softmax_normalised_by_the_sum_of_logits():
    for seed in range(10):
        q = generate("softmax-logits", seed)
        z = q.inputs["z"]
        assert q.grade(typed(z / z.sum())).mistake == "softmax-sum-of-logits"


def test_relu_where_leaky_relu_or_elu_was_asked():
    for activation in ("leaky_relu", "elu"):
        for seed in range(10):
            q = generate("activation-vector", seed, activation=activation)
            result = q.grade(typed(engine.get("relu")(q.inputs["z"])))
            assert not result.correct
            assert result.mistake == "relu-instead-of-variant"


def test_wrong_alpha():
    for seed in range(10):
        q = generate("activation-vector", seed, activation="leaky_relu", params={"alpha": 0.2})
        result = q.grade(typed(engine.get("leaky_relu")(q.inputs["z"])))
        assert result.mistake == "wrong-alpha"
        assert any("α = 0.01" in line and "α = 0.2" in line for line in result.feedback)


def test_sign_errors():
    for seed in range(10):
        q = generate("softmax-cross-entropy-grad", seed)
        p = engine.get("softmax")(q.inputs["z"])
        assert q.grade(typed(q.inputs["y"] - p)).mistake == "sign-error"


def test_coarse_card_precision_still_generates():
    q = generate(
        "activation-scalar", 3, activation="leaky_relu", params={"alpha": 0.01, "decimals": 1}
    )
    assert q.grade(q.expected_text).correct


PARAM_VALUES = {
    "decimals": st.integers(1, 6),
    "length": st.integers(3, 8),
    "large_logits": st.booleans(),
    "layers": st.integers(2, 8),
    "significant": st.integers(2, 5),
    "alpha": st.sampled_from([0.01, 0.05, 0.1, 0.3, 1.0, 2.5, 5.0]),
    "beta": st.sampled_from([0.1, 0.5, 1.0, 2.0, 10.0]),
    "approximate": st.sampled_from(["none", "tanh"]),
}


@st.composite
def cards(draw):
    template_id = draw(st.sampled_from(IDS))
    activation = draw(st.sampled_from([None, *template_activations(template_id)]))
    names = list(template_params(template_id))
    if activation is not None and template_id != "identify-activation":
        names += [key for key in engine.get(activation).defaults if key in PARAM_VALUES]
    chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    return template_id, activation, {name: draw(PARAM_VALUES[name]) for name in chosen}


@settings(max_examples=60)
@given(cards(), st.integers(0, 10**6))
def test_any_valid_card_generates_a_self_consistent_question(card, seed):
    template_id, activation, params = card
    q = generate(template_id, seed, activation=activation, params=params)
    assert q.grade(q.expected_text).correct
    assert dict(q.params) == params
    for mistake in q.mistakes:
        assert q.grade(q.mistake_text(mistake)).mistake == mistake.id
