"""Identify the activation that turned an input vector into an output vector (multiple choice)."""

from __future__ import annotations

import numpy as np

from quizapp import engine
from quizapp.questions import draws, formatting
from quizapp.questions.choice import aliases
from quizapp.questions.families.common import call, display
from quizapp.questions.precision import Precision
from quizapp.questions.spec import DECIMALS, LENGTH, Draft, Redraw, Setup, Template

# PReLU is Leaky ReLU with another α, and CELU equals ELU at α = 1: outputs cannot tell them apart.
CANDIDATES = tuple(name for name in engine.names() if name not in ("prelu", "celu"))
OPTION_COUNT = 4
_NEAREST = 6


def _distinct_enough(a: np.ndarray, b: np.ndarray, precision: Precision) -> bool:
    """Shown to `precision`, the two outputs differ clearly in at least one element."""
    return bool((np.abs(a - b) > 4 * precision.tolerance(a)).any())


def _explanation(
    number: int, name: str, outputs: np.ndarray, truth: np.ndarray, z: np.ndarray, p: Precision
) -> str:
    shown = formatting.join(p.text(value) for value in outputs)
    differs = np.flatnonzero(np.abs(outputs - truth) > p.tolerance(truth))
    if differs.size == 0:
        return f"{number}) {display(name)} gives {shown}: matches"
    where = formatting.number(float(z[differs[0]]))
    return f"{number}) {display(name)} gives {shown}: differs at z = {where}"


def _build(rng: np.random.Generator, setup: Setup) -> Draft:
    truth_name = str(setup.activation)
    precision = Precision(int(setup.get("decimals", 2)))
    low, high = (-3, 8) if truth_name == "relu6" else (-4, 4)
    z = draws.grid(rng, setup.count(rng, 3, 5), low, high, step=float(rng.choice((1.0, 0.5))))
    if not draws.mixed_signs(z):
        raise Redraw
    outputs = {name: call(name, z, {}) for name in CANDIDATES}
    truth = outputs[truth_name]
    others = sorted(
        (name for name in CANDIDATES if name != truth_name),
        key=lambda name: float(np.abs(outputs[name] - truth).max()),
    )
    plausible = [name for name in others if _distinct_enough(outputs[name], truth, precision)]
    if len(plausible) < OPTION_COUNT - 1:
        raise Redraw
    nearest = plausible[:_NEAREST]
    picked = rng.choice(len(nearest), size=OPTION_COUNT - 1, replace=False)
    names = [truth_name, *(nearest[index] for index in picked)]
    order = rng.permutation(OPTION_COUNT)
    names = [names[index] for index in order]
    expected = names.index(truth_name)
    options = tuple(display(name) for name in names)
    listing = "   ".join(f"{number}) {option}" for number, option in enumerate(options, start=1))
    prompt = (
        "Which activation (default parameters) turned these inputs into these outputs?\n"
        f"Input (z): {formatting.join(map(formatting.number, z))}\n"
        f"Output (a): {formatting.join(precision.text(value) for value in truth)}\n"
        f"{listing}\n"
        "Answer with the option's number or its name."
    )
    explanations = tuple(
        _explanation(number, name, outputs[name], truth, z, precision)
        for number, name in enumerate(names, start=1)
    )
    return Draft(
        prompt=prompt,
        inputs={"z": z, "a": truth},
        expected=expected,
        precision=precision,
        answer_shape="choice",
        solution=[*explanations, f"Answer: {expected + 1} ({options[expected]})"],
        options=options,
        option_aliases=tuple(aliases(display(name), name) for name in names),
        option_explanations=explanations,
    )


TEMPLATES = (
    Template(
        "identify-activation",
        "Which activation produced this output? (multiple choice)",
        CANDIDATES,
        (DECIMALS, LENGTH),
        _build,
        reports_activation=False,
    ),
)
