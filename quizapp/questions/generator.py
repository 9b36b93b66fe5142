"""`generate`: pick, draw, build, self-check, reproducibly from (id, seed, activation, params)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from quizapp import engine
from quizapp.questions import draws
from quizapp.questions.families import (
    apply,
    derivatives,
    derive,
    gradient_flow,
    identify,
    neuron,
    softmax,
    softmax_jvp,
)
from quizapp.questions.grading import Verdict, judge_numbers, judge_values
from quizapp.questions.mistakes import Mistake
from quizapp.questions.question import InputValue, Question
from quizapp.questions.spec import Draft, Redraw, Setup, Template

TEMPLATES: dict[str, Template] = {
    template.id: template
    for family in (
        apply,
        softmax,
        softmax_jvp,
        derivatives,
        derive,
        neuron,
        gradient_flow,
        identify,
    )
    for template in family.TEMPLATES
}

MAX_ATTEMPTS = 200
STRICT_ATTEMPTS = 100

# Bounds that keep a card's activation parameters humane and every modelled mistake visible.
_PARAM_BOUNDS = {
    "alpha": (0.01, 5.0),
    "beta": (0.1, 10.0),
    "threshold": (1.0, 50.0),
    "min": (-10.0, 10.0),
    "max": (-10.0, 10.0),
}


RENAMED: dict[str, str] = dict(gradient_flow.RENAMED)
"""Old template id -> its current one: review logs and user decks keep working after a rename."""


def template(template_id: str) -> Template:
    """The family `template_id` names (an old, renamed id finds the family it became)."""
    try:
        return TEMPLATES[RENAMED.get(template_id, template_id)]
    except (KeyError, TypeError):
        valid = ", ".join(sorted(TEMPLATES))
        raise ValueError(f"unknown template {template_id!r}; valid templates: {valid}") from None


def _entropy(*parts: object) -> int:
    """A seed that depends on every part, identically on every machine and Python version."""
    text = json.dumps(parts, sort_keys=True, default=str)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=16).digest(), "big")


class ParamsError(ValueError):
    """Every parameter of a card its template or activation refuses, one message each, so a
    deck author sees them all in one run."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def _activation_keys(template: Template, activation: str | None) -> set[str]:
    """The activation params a card may give: its own activation's when it names one the
    template uses, else any of the template's activations'."""
    if not template.reports_activation:
        return set()
    names = [activation] if activation in template.activations else template.activations
    return {key for name in names for key in draws.question_params(name)}


def _split_params(
    template: Template, params: Mapping[str, object], activation: str | None
) -> tuple[dict[str, int], dict[str, object], list[str]]:
    """Template params (checked here) and activation params (checked once the activation is
    set), and what is wrong with them: the valid params listed are those `activation` takes."""
    specs = {spec.name: spec for spec in template.params}
    activation_keys = _activation_keys(template, activation)
    own: dict[str, int] = {}
    for_activation: dict[str, object] = {}
    problems: list[str] = []
    for key, value in params.items():
        if key in specs:
            try:
                own[key] = specs[key].check(value)
            except ValueError as error:
                problems.append(str(error))
        elif key in activation_keys:
            for_activation[key] = value
        else:
            valid = ", ".join([*specs, *sorted(activation_keys)]) or "none"
            named = f" with activation {activation!r}" if activation in template.activations else ""
            problems.append(
                f"template {template.id!r}{named} takes no param {key!r}; valid params: {valid}"
            )
    return own, for_activation, problems


def _choose_activation(
    template: Template, seed: int, activation: str | None, activation_params: Mapping[str, object]
) -> str:
    if activation is not None:
        if activation not in template.activations:
            valid = ", ".join(template.activations)
            raise ValueError(
                f"template {template.id!r} does not use activation {activation!r}; "
                f"valid activations: {valid}"
            )
        return activation
    fitting = [
        name
        for name in template.activations
        if not activation_params or set(activation_params) <= set(draws.question_params(name))
    ]
    if not fitting:
        raise ValueError(
            f"no activation of template {template.id!r} takes all of the params "
            f"{', '.join(sorted(activation_params))}"
        )
    rng = np.random.default_rng(_entropy(template.id, seed, "activation"))
    return str(fitting[int(rng.integers(len(fitting)))])


def _activation_param_problems(name: str, params: Mapping[str, object]) -> list[str]:
    allowed = draws.question_params(name)
    problems = []
    for key, value in params.items():
        if key not in allowed:
            valid = ", ".join(allowed) or "none"
            problems.append(f"activation {name!r} takes no param {key!r}; valid params: {valid}")
            continue
        bounds = _PARAM_BOUNDS.get(key)
        if bounds is not None and isinstance(value, int | float) and not isinstance(value, bool):
            low, high = bounds
            if not low <= value <= high:
                problems.append(f"param {key!r} must be in [{low:g}, {high:g}], got {value!r}")
    if problems:
        return problems
    try:
        engine.get(name)(np.zeros(1), **params)
    except (TypeError, ValueError) as error:
        return [f"invalid param for {name!r}: {error}"]
    return []


def _frozen(value: InputValue) -> InputValue:
    if isinstance(value, np.ndarray):
        array = np.array(value, dtype=float)
        array.setflags(write=False)
        return array
    return float(value)


def _expected(draft: Draft) -> float | np.ndarray | int:
    if draft.answer_shape == "choice":
        return int(draft.expected)
    if draft.answer_shape == "scalar":
        return float(np.asarray(draft.expected))
    return _frozen(np.ravel(np.asarray(draft.expected, dtype=float)))


def _assemble(
    draft: Draft,
    template: Template,
    seed: int,
    activation: str,
    params: Mapping[str, object],
) -> Question:
    expected = _expected(draft)
    worked = np.empty(0)
    if draft.answer_shape == "choice":
        expected_text = f"{int(expected) + 1} ({draft.options[int(expected)]})"
        labels: tuple[str, ...] = ()
    else:
        if draft.worked is None:
            raise ValueError(f"template {template.id!r} gives no worked answer")
        worked = np.array(np.ravel(np.asarray(draft.worked, dtype=float)))
        worked.setflags(write=False)
        values = np.atleast_1d(expected)
        expected_text = ", ".join(draft.precision.text(value) for value in values)
        default_labels = (
            ("",)
            if draft.answer_shape == "scalar"
            else tuple(f"element {index}" for index in range(1, values.size + 1))
        )
        labels = draft.labels or default_labels
    return Question(
        template_id=template.id,
        seed=seed,
        activation=activation if template.reports_activation else None,
        params=MappingProxyType(dict(params)),
        activation_params=MappingProxyType(dict(draft.activation_params)),
        prompt=draft.prompt,
        inputs=MappingProxyType({key: _frozen(value) for key, value in draft.inputs.items()}),
        expected=expected,
        expected_text=expected_text,
        precision=draft.precision,
        answer_shape=draft.answer_shape,
        solution=tuple(draft.solution),
        labels=labels,
        mistakes=tuple(draft.mistakes),
        worked=worked,
        options=draft.options,
        option_aliases=draft.option_aliases,
        option_explanations=draft.option_explanations,
    )


def recognised(question: Question, mistake: Mistake) -> bool:
    """Typing the mistake's rounded values is graded wrong and named as that very mistake."""
    typed = np.array([float(question.precision.text(value)) for value in mistake.values])
    verdict = judge_values(typed, question.expected_vector, question.precision, question.mistakes)
    return verdict.mistake is not None and verdict.mistake[0] == mistake.id


def _clashing(question: Question, mistakes: list[Mistake]) -> list[Mistake]:
    """Mistakes of different kinds that give the same typed answer: neither can be named."""
    if len(mistakes) < 2:
        return []
    precision = question.precision
    modelled = np.array([mistake.values for mistake in mistakes])
    typed = np.array(
        [[float(precision.text(value)) for value in mistake.values] for mistake in mistakes]
    )
    same = precision.accepts(typed[:, None, :], modelled[None, :, :]).all(axis=2)
    ids = np.array([mistake.id for mistake in mistakes])
    clash = (same & (ids[:, None] != ids[None, :])).any(axis=1)
    return [mistake for mistake, flag in zip(mistakes, clash, strict=True) if flag]


def _self_checked(question: Question, *, strict: bool) -> Question | None:
    """The question with the mistakes that apply to this draw, or None if the draw is degenerate.

    The displayed answer must pass; every required mistake must fail and be named; an optional
    mistake that cannot be told apart here is dropped (one at a time, since each drop can change
    which mistake another answer is closest to). Not `strict`, every mistake counts as optional:
    a card may ask for a precision at which a classic mistake is invisible (α = 0.01 to 1 decimal).
    """
    if question.answer_shape == "choice":
        by_number = question.grade(str(int(question.expected) + 1)).correct
        return question if by_number and question.grade(question.expected_text).correct else None
    for answer in (question.expected_text, question.worked_text):
        shown = judge_numbers(answer, question.expected_vector, question.precision, ())
        if not (isinstance(shown, Verdict) and shown.correct.all()):
            return None
    if strict and any(not mistake.finite and not mistake.optional for mistake in question.mistakes):
        return None
    kept = [mistake for mistake in question.mistakes if mistake.finite]
    clashing = _clashing(question, kept)
    if strict and any(not mistake.optional for mistake in clashing):
        return None
    kept = [mistake for mistake in kept if mistake not in clashing]
    while True:
        trial = dataclasses.replace(question, mistakes=tuple(kept), unnamed=tuple(clashing))
        failing = [mistake for mistake in kept if not recognised(trial, mistake)]
        if not failing:
            return trial
        if strict and any(not mistake.optional for mistake in failing):
            return None
        kept.remove(failing[0])


def generate(
    template_id: str,
    seed: int,
    *,
    activation: str | None = None,
    params: Mapping[str, object] | None = None,
) -> Question:
    """A fresh question; the same arguments give the identical question on any machine."""
    family = template(template_id)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    given = dict(params or {})
    own, activation_params, problems = _split_params(family, given, activation)
    name = _choose_activation(family, seed, activation, activation_params)
    problems += _activation_param_problems(name, activation_params)
    if problems:
        raise ParamsError(problems)
    setup = Setup(name, MappingProxyType(activation_params), MappingProxyType(own))
    for attempt in range(MAX_ATTEMPTS):
        rng = np.random.default_rng(_entropy(family.id, seed, name, given, attempt))
        try:
            draft = family.build(rng, setup)
        except Redraw:
            continue
        question = _self_checked(
            _assemble(draft, family, seed, name, given), strict=attempt < STRICT_ATTEMPTS
        )
        if question is not None:
            return question
    raise RuntimeError(
        f"template {family.id!r} found no valid draw in {MAX_ATTEMPTS} attempts "
        f"(seed {seed}, activation {name!r}, params {given})"
    )
